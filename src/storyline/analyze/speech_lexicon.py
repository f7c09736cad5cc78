"""Word lists the statements component reads: cue verbs, media names, role and organisation words.

Kept as data so that adding a cue or an outlet is a one-line change with a
reason next to it, not a code change. Everything is lower-case; lemmas are
spaCy lemmas (``en_core_web_sm``).
"""

from __future__ import annotations

from dataclasses import dataclass

# Verbs that report speech or writing. The core is the most frequent cues in
# PolNeAR train ("said" 4,594, "says", "told", "wrote", "added", "asked", ...),
# restricted to acts of saying: belief and wish verbs (think, want, hope) are
# attributions in PolNeAR but not statements anyone made, so they stay out.
CUE_LEMMAS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "state",
        "claim",
        "report",
        "announce",
        "argue",
        "insist",
        "explain",
        "note",
        "warn",
        "ask",
        "deny",
        "confirm",
        "tweet",
        "post",
        "express",
        "emphasize",
        "emphasise",
        "stress",
        "assert",
        "declare",
        "reply",
        "respond",
        "acknowledge",
        "admit",
        "concede",
        "conclude",
        "recall",
        "predict",
        "promise",
        "vow",
        "pledge",
        "urge",
        "indicate",
        "reveal",
        "complain",
        "remark",
        "comment",
        "mention",
        "repeat",
        "reiterate",
        "disclose",
        "imply",
        "quote",
        "voice",
        "chant",
        "plead",
        "email",
        "speculate",
        "recommend",
        "advise",
        "testify",
        "contend",
        "maintain",
        "estimate",
        "suggest",
        "allege",
        "caution",
        "boast",
        "joke",
        "quip",
        "recount",
        "observe",
        "shout",
        "exclaim",
        "whisper",
        "agree",
        "accuse",
        "charge",
        "counter",
        "describe",
        "hint",
        "inform",
        "assure",
        "signal",
        "demand",
        "threaten",
    }
)

# Verbs of stance, evaluation and intention that PolNeAR annotates as
# attributions ("Clinton blasted ...", "Trump called for ...", "declined to
# comment"): a position taken by the subject, reported like a statement. Picked
# from PolNeAR train as the verbs that are a gold cue in at least half of their
# occurrences (and at least 15 times); belief and feeling verbs (think, fear,
# worry, wonder) were left out because they report no act of saying. What they
# carry is their complement ("called for [a ban]", "declined [to comment]").
STANCE_LEMMAS: frozenset[str] = frozenset(
    {
        "call",
        "endorse",
        "point",
        "criticize",
        "criticise",
        "cite",
        "decline",
        "refer",
        "hope",
        "hop",  # the small model's lemma of "hoped"
        "defend",
        "refuse",
        "question",
        "discuss",
        "praise",
        "propose",
        "reject",
        "blame",
        "denounce",
        "dismiss",
        "blast",
        "highlight",
        "mock",
        "tout",
        "list",
        "echo",
        "remind",
        "portray",
        "slam",
        "condemn",
        "reiterate",
        "attack",
        # Lower-frequency PolNeAR cues (at least 8 times, over 40% of uses).
        "decry",
        "lament",
        "rail",
        "applaud",
        "assail",
        "label",
        "advocate",
        "credit",
        # Verbs of communication and evaluation among the rarer PolNeAR train
        # cues (at least 3 times, over 30% of uses), picked by hand from that
        # list: the rest (seem, worry, sentence, zero in) are not statements.
        "allude",
        "apologize",
        "articulate",
        "bemoan",
        "brag",
        "chide",
        "clarify",
        "characterize",
        "contradict",
        "deride",
        "detail",
        "disavow",
        "disparage",
        "dispute",
        "downplay",
        "dub",
        "elaborate",
        "forecast",
        "hail",
        "interject",
        "lambast",
        "lash",
        "lecture",
        "liken",
        "opine",
        "posit",
        "preach",
        "proclaim",
        "pronounce",
        "reaffirm",
        "rebuff",
        "rebuke",
        "rebut",
        "recite",
        "repudiate",
        "request",
        "revile",
        "scoff",
        "trumpet",
        "underscore",
        "utter",
        "vouch",
        "yell",
        "congratulate",
        "thank",
        "outline",
        "invoke",
        "oppose",
        "talk",
        "issue",
        "answer",
        "accuse",
        "describe",
    }
)

# Acts of speech among the stance verbs: words were said ("blamed India for
# the attack", "called for a ceasefire", "condemned the strike", "thanked
# Trump"), so their attributions are speech, not stances; our news gold counts
# them as speech (benchmarks/gold/README.md). The other stance verbs say what
# someone wants, believes or does ("hopes", "opposes", "issued a decree") and
# stay stances, held back by default.
SPEECH_ACT_LEMMAS: frozenset[str] = frozenset(
    {
        "accuse",
        "allude",
        "answer",
        "apologize",
        "appeal",
        "applaud",
        "articulate",
        "assail",
        "bemoan",
        "blame",
        "blast",
        "brag",
        "brand",
        "call",
        "characterize",
        "chide",
        "cite",
        "clarify",
        "condemn",
        "congratulate",
        "contradict",
        "criticise",
        "criticize",
        "decry",
        "defend",
        "denounce",
        "deride",
        "describe",
        "disavow",
        "dismiss",
        "disparage",
        "dub",
        "echo",
        "elaborate",
        "forecast",
        "hail",
        "highlight",
        "interject",
        "label",
        "lambast",
        "lambaste",
        "lament",
        "lash",
        "lecture",
        "liken",
        "mock",
        "opine",
        "point",
        "posit",
        "praise",
        "preach",
        "proclaim",
        "pronounce",
        "propose",
        "protest",
        "question",
        "rail",
        "reaffirm",
        "reassure",
        "rebuff",
        "rebuke",
        "rebut",
        "recite",
        "reiterate",
        "reject",
        "remind",
        "repudiate",
        "request",
        "revile",
        "rip",
        "scoff",
        "slam",
        "thank",
        "tout",
        "trumpet",
        "underline",
        "underscore",
        "utter",
        "vouch",
        "welcome",
        "yell",
    }
)

# Nouns that report what someone said when they carry the content as a clause
# and the speaker as a possessive ("Trump's claim that ...", "her promise to
# ..."): frequent noun cues in PolNeAR train.
NOUN_CUE_LEMMAS: frozenset[str] = frozenset(
    {
        "claim",
        "statement",
        "assertion",
        "allegation",
        "argument",
        "promise",
        "pledge",
        "vow",
        "warning",
        "suggestion",
        "insistence",
        "call",
        "comment",
        "remark",
        "contention",
        "charge",
        "accusation",
        "prediction",
        "proposal",
        "demand",
        "announcement",
        "admission",
        "denial",
        "message",
    }
)

# Particles and prepositions that belong to a stance cue ("called for", "pointed
# to", "referred to"): PolNeAR marks them as part of the cue.
CUE_PARTICLES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to", "out"}),
    "refer": frozenset({"to"}),
}

# Prepositions that introduce what was said after a cue the learned model
# proposes ("spoke about her ties to black churches", "warned against
# hackers", "speak of a rigged election"): part of the cue, like a particle.
LEARNED_CUE_PREPS: frozenset[str] = frozenset({"about", "against", "of", "on"})

# Verbs that report a finding or claim rather than an utterance ("a poll
# shows that ...", "investigators found that ..."): statements only with a
# that-clause, never with a quote.
CLAUSE_ONLY_LEMMAS: frozenset[str] = frozenset({"show", "find", "learn"})

# Cues whose content can be an instruction: "told his advisers to figure out".
# Verbs whose object is a means, not who acts next: "used blunt language to denounce",
# "took the opportunity to say" (the subject denounces and says, not the language).
INSTRUMENT_LEMMAS: frozenset[str] = frozenset(
    {"use", "employ", "utilize", "utilise", "take", "seize", "spend", "invoke", "exploit"}
)
INSTRUCTION_LEMMAS: frozenset[str] = frozenset({"tell", "ask", "urge", "warn", "order", "advise"})

# Cues that only count when they carry a clause or a quote of their own
# ("continue" alone is not speech, "he continued: ..." is).
WEAK_CUE_LEMMAS: frozenset[str] = frozenset(
    {"describe", "agree", "accuse", "charge", "demand", "threaten", "signal"}
)

# Cues whose complement alone (an infinitive, an object) is an act, not something
# said: "Kyiv and Moscow agreed to swap 1,000 prisoners", "the sides agreed to
# coordinate", "the EU agreed on a 17th package"; "the UK added a director
# disqualification sanction". With a clause or a quote they are speech ("the leaders
# agreed that ...", "Prozorov agreed, saying that ...", "he added that ...").
BARE_NOT_SAID: frozenset[str] = frozenset({"agree", "add"})

# Verbs that, in the passive, make their subject do what the infinitive says: the act
# is forced or prompted, nobody's words ("their owners will be made to declare their
# assets", "Europe was prompted to announce new sanctions": 409 articles, read by the
# learned pass as statements of the owners and of Europe).
CAUSED_LEMMAS: frozenset[str] = frozenset(
    {"make", "prompt", "force", "compel", "oblige", "require", "press", "pressure", "push"}
)

# Speech verbs whose bare object is whom the words went to, not what was said ("told
# reporters", "asked the minister"): the cue pass never takes it for the content, and a
# quote before such a cue is still its words.
ADDRESSEE_LEMMAS: frozenset[str] = frozenset({"tell", "ask", "inform", "assure", "answer"})

# Words that govern a speech verb's infinitive without its being said: a failure, a
# plan, a capacity, a wait, an expectation, another's request ("the newspaper failed to
# mention", "has yet to confirm", "expects entrepreneurs to say", "enable Baku to say
# no", Ed Davey "called on the PM to reiterate"). 409 articles: 42 statements with an
# infinitive cue, about 30 of them unsaid (read in context on 2026-12-07). Each word's
# example yields no statement with that cue (tests). A purpose ("took to Truth Social
# to criticize"), a joint act ("joined the leaders to call on"), what someone was able
# to do ("He was able to tout his polling strength": he did) or a response ("his best
# response was to say": PolNeAR dev) is still speech.
UNSAID_INFINITIVE_HEADS: dict[str, str] = {
    "fail": "According to Filatov, the newspaper failed to mention the embassy's position.",
    "yet": "CNSA has yet to confirm an exact launch date.",
    "expect": "He expects entrepreneurs to say what the government needs to do.",
    "enable": "The wealth that comes with energy enables Baku to say no to its neighbours.",
    "allow": "The rules allow members to demand a recount of the votes.",
    "unable": "The administration was unable to call out the abuse on campuses.",
    "rare": "It is rare for the ministry to comment on losses at sea.",
    "wait": "The mayor waited days to condemn the shooting of a Jewish man.",
    "decide": "Israel decided to recall its delegation from Qatar last Thursday.",
    "plan": "The minister plans to announce the new budget next week.",
    "call": "Lib Dem leader Ed Davey called on the PM to reiterate that the UK is committed.",
    "uncommon": "It is uncommon for North Korea to publicly disclose local accidents.",
    "mean": "The introduction of these bills is a symbolic ritual meant to assert independence.",
}

# Acts of the law, not words: in the passive with no one named doing them their
# subject is the accused ("Two other men have also been charged in connection with the
# fires": 409 articles, read as a statement "Two other men" said by no one). Who
# brought the charge, when named ("Prosecutors have charged ..."), is an accuser.
LEGAL_ACT_LEMMAS: frozenset[str] = frozenset({"charge", "indict", "convict", "sentence"})

# Verbs of naming: in the passive their subject is what is named, never what was
# said ("The bill is labeled 'Transparency of Public Life'", "The strike was
# described by the ministry as a 'high-precision' attack"). What was said is the
# name after "as" and only counts with an agent who said it.
NAMING_LEMMAS: frozenset[str] = frozenset(
    {"describe", "label", "call", "dub", "characterize", "characterise", "brand", "term"}
    | {"portray", "name", "style", "tout", "hail"}
)

# A translated Eastern European idiom in the seeds: "the city council released
# [on] the Telegram messaging site" = the council said so on Telegram. Only a
# cue when it trails a reported clause ("X happened, and the council released").
TRAILING_REPORT_LEMMAS: frozenset[str] = frozenset({"release", "report", "say", "write", "add"})

# Head nouns of a role ("the US president", "Putin's spokesman"): a role
# speaker is resolved to the person last introduced with that role word.
ROLE_WORDS: frozenset[str] = frozenset(
    {
        "president",
        "president-elect",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "chancellor",
        "premier",
        "leader",
        "envoy",
        "ambassador",
        "adviser",
        "advisor",
        "chief",
        "head",
        "governor",
        "senator",
        "mayor",
        "general",
        "commander",
        "candidate",
        "nominee",
        "director",
        "fellow",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "congressman",
        "congresswoman",
        "representative",
        "lawmaker",
        "official",
        "dictator",
        "pope",
        "king",
        "queen",
        "prince",
        "taoiseach",
        "analyst",
        "prosecutor",
        "judge",
        "attorney",
        "lawyer",
        "aide",
        "founder",
        "ceo",
        "mogul",
        "billionaire",
        "businessman",
        "businesswoman",
        "rival",
        "opponent",
        "challenger",
        "incumbent",
        "frontrunner",
        "front-runner",
        "manager",
        "strategist",
        "pollster",
        "economist",
        "democrat",
        "republican",
    }
)

# Modifiers that name the same country in different words, so "the American
# president" finds the person introduced as "US President ...".
COUNTRY_SYNONYMS: dict[str, str] = {
    "american": "us",
    "u.s.": "us",
    "united": "us",
    "u.s": "us",
    "british": "uk",
    "u.k.": "uk",
    "kremlin": "russian",
    "russia": "russian",
    "ukraine": "ukrainian",
    "france": "french",
    "germany": "german",
}

# Head nouns that make a speaker an organisation even when NER misses it
# ("The British government said", "the city council released").
ORG_WORDS: frozenset[str] = frozenset(
    {
        # kinds of company a report refers back to ("..., the airline said")
        "airline",
        "insurer",
        "retailer",
        "automaker",
        "carmaker",
        "lender",
        "government",
        "council",
        "ministry",
        "bank",
        "fund",
        "firm",
        "board",
        "institute",
        "assembly",
        "force",
        "office",
        "kremlin",
        "presidency",
        "house",
        "department",
        "agency",
        "administration",
        "committee",
        "commission",
        "campaign",
        "party",
        "parliament",
        "senate",
        "congress",
        "court",
        "army",
        "military",
        "police",
        "service",
        "company",
        "union",
        "embassy",
        "cabinet",
        "authority",
        "authorities",
        "staff",
        "prosecutor's",
        "organization",
        "organisation",
        "group",
        "network",
        "newspaper",
        "outlet",
        "site",
        "website",
        # (a body named for what it is: "the Hostages and Missing Families Forum said")
        "forum",
        "foundation",
        "association",
        "federation",
        "coalition",
        "alliance",
        "society",
        "league",
        "poll",
        "survey",
        "report",
        "statement",
        "explanation",
    }
)

# Pronouns that point back to a person named earlier.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
# Relative pronouns: the speaker is the noun the relative clause hangs on.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})
# Titles stripped before a surname is matched to the fullest name in the article.
TITLES: frozenset[str] = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "gen",
        "gen.",
        "president",
        "president-elect",
        "secretary",
        "minister",
        "prime",
        "vice",
        "press",
        "senator",
        "governor",
        "mayor",
        "sir",
        "lord",
        "lady",
        "pope",
    }
)

# Findings that speak through "in": "In a CNN poll, Clinton led Trump by five
# points" attributes the clause to the poll (PolNeAR annotates these, cue "in").
IN_SOURCE_LEMMAS: frozenset[str] = frozenset({"poll", "survey"})


# How things look to the writer ("Clinton seemed to be ready", "the FBI appears
# to have abandoned"): PolNeAR sometimes annotates these, but nobody said them.
NOT_STATEMENT_LEMMAS: frozenset[str] = frozenset({"seem", "appear"})

# Negated, these report silence ("did not immediately respond to a request for
# comment", "declined to comment"): no statement, whatever the parse attaches.
NO_COMMENT_LEMMAS: frozenset[str] = frozenset({"respond", "reply", "return", "comment"})

# "The Kremlin issued a statement saying ...": a document that says something
# on behalf of whoever issued it. Its speaker is the issuer, when one of
# ISSUE_LEMMAS governs it; "Trump cited a report saying" keeps the report.
ISSUED_DOCUMENTS: frozenset[str] = frozenset(
    {
        "statement",
        "release",
        "letter",
        "memo",
        "note",
        "message",
        "post",
        "tweet",
        "video",
        "ad",
        "email",
        "filing",
        "report",
        "communique",
        "notice",
        "announcement",
    }
)
ISSUE_LEMMAS: frozenset[str] = frozenset(
    {"issue", "release", "put", "publish", "post", "send", "file", "circulate", "make", "tweet"}
)
# Verbs whose subject made, delivered or ran the thing they take, so that the thing's
# words are the subject's: "Clinton delivered the speech outlining", "Trump unleashed a
# series of tweets criticizing", "he ran a TV show criticising". Not "received a ransom
# demand threatening", "supporting a resolution calling for": those are someone else's.
MAKE_LEMMAS: frozenset[str] = ISSUE_LEMMAS | frozenset(
    {
        "deliver",
        "give",
        "write",
        "pen",
        "draft",
        "unleash",
        "establish",
        "run",
        "air",
        "launch",
        "sign",
        "introduce",
        "submit",
        "propose",
        "share",
        "adopt",
        "author",
        "create",
        "produce",
        "broadcast",
        "unveil",
        "present",
        "compose",
        "place",
        "pass",
    }
)

# The reporter's aside on how a claim was made, after a comma: "accused India of
# involvement, without providing any evidence" — what was said ends before it.
ASIDE_VERBS: frozenset[str] = frozenset(
    {
        "providing",
        "offering",
        "giving",
        "citing",
        "presenting",
        "producing",
        "elaborating",
        "specifying",
        "naming",
        "detailing",
    }
)

# The reporter's comment on a claim, set off by a dash: "they were being used by Hamas
# - an allegation the group has denied" — what was said ends before the dash.
ASIDE_NOUNS: frozenset[str] = frozenset(
    {"allegation", "claim", "charge", "accusation", "assertion", "assessment", "figure"}
)

# Subjects that name no source: "Nobody has claimed responsibility", "none of them
# said" (a determiner "no" counts too: "No group has claimed ...").
NOBODY_WORDS: frozenset[str] = frozenset({"nobody", "none", "no-one", "noone"})

# Events, which take no position however the reporter phrases it: "The visit highlights
# the difficult balancing act", "The overnight strikes underscored how ...", "The deal
# signals OpenAI's intention", "The shift echoes a Trump-era push" (409 articles) are the
# reporter's reading, with no one behind it. (Documents can say: "the agreement mentions".)
EVENT_NOUNS: frozenset[str] = frozenset(
    {"visit", "trip", "tour", "strike", "attack", "raid", "bombing", "offensive", "shift"}
    | {"exchange", "swap", "deal", "move", "escalation", "incident", "development", "war"}
)

# Verbs that put words on a thing with "as": "what it described as an
# 'unprecedented attack'" quotes the speaker; "known as the 'laws of January 16'"
# names a thing and quotes nobody.
DESCRIBE_AS_LEMMAS: frozenset[str] = frozenset(
    {"describe", "characterize", "characterise", "brand", "label", "portray", "denounce", "dismiss"}
)

# Adverbs that attribute a clause to unnamed reports: "Portnov reportedly followed
# him to Moscow" (PolNeAR: Attribution-no-source, cue "reportedly"). Not
# "allegedly": PolNeAR annotates it once in twelve, as the reporter's hedge.
NO_SOURCE_ADVERBS: frozenset[str] = frozenset({"reportedly"})


@dataclass(frozen=True)
class ObjectSense:
    """A speech verb that, with a bare object, reports no words: the sense it has
    then is another one. ``example`` is a sentence where it does (tests check that
    it yields no statement); ``keep`` are object heads with which it still reports
    words ("maintained his innocence"); ``source`` makes it report none only when
    its object names a source (a person, a body, an unnamed source, a document)."""

    lemma: str
    why: str
    example: str
    keep: frozenset[str] = frozenset()
    source: bool = False


# Each seen on the 409 Russia/Ukraine news-dumpster articles (2026-12-07), made
# statements whose "words" were a noun phrase; the examples are written for the
# tests. Speech with a clause ("maintains that ...", "revealed how ...") or a
# quote is untouched.
OBJECT_SENSES: tuple[ObjectSense, ...] = (
    ObjectSense(
        "boast",
        "with a bare object it means 'have'",
        "The region is poor despite Atlantis boasting vast mineral resources such as gold.",
    ),
    ObjectSense(
        "reveal",
        "with a bare object it means 'show': a door, a message or a search reveals things",
        "A guard opened the plane door, revealing the president standing inside.",
    ),
    ObjectSense(
        "maintain",
        "with a bare object it means 'keep' (ties, control, custody, a site)",
        "Many governments in the bloc, which maintain close ties with Borduria, kept quiet.",
        keep=frozenset({"innocence", "position", "stance", "view", "claim"}),
    ),
    ObjectSense(
        "recite",
        "reciting a text (psalms, a prayer, a poem) says no words of one's own",
        "Children touched the families by reciting psalms at the memorial.",
    ),
    ObjectSense(
        "cite",
        "citing a source says where a report came from, not what it says: the words "
        "are the report's ('citing concerns that ...' still gives a reason)",
        "The ministry took two villages, the Syldavian news agency reported, citing the army.",
        source=True,
    ),
    ObjectSense(
        "plead",
        "pleading guilty (or not guilty) is a plea entered in court, not words said",
        "A college student has agreed to plead guilty to hacking the school's software.",
    ),
)
OBJECT_SENSE: dict[str, ObjectSense] = {rule.lemma: rule for rule in OBJECT_SENSES}

# Verbs that report speech only with one object (verb lemma -> the object): TASS's
# "Shoigu drew attention to the fact that the coalition was making plans ...".
PHRASE_CUES: dict[str, str] = {"draw": "attention", "call": "attention"}

# Words that put a time phrase in the past ("on several occasions", "in recent
# months", "last week"): after a promise or threat, they date the speech act.
PAST_TIME_WORDS: frozenset[str] = frozenset(
    {
        "recent",
        "recently",
        "last",
        "past",
        "ago",
        "earlier",
        "previously",
        "repeatedly",
        "occasions",
    }
)
