"""When two statements are one claim: the rules, over plain values (figures: :mod:`.figures`).

Statements (``Quote``) are one claim when they carry the same words of a
compatible speaker:

- **same words**: the shorter one's word shingles are (nearly all) in the
  longer one: case, punctuation and curly quotes folded, a quote cut short
  or extended. A short quote needs the same speaker by name; a long one only
  a speaker that is not someone else (a long quote word for word is the same
  quote even where one outlet's speaker resolution slipped);
- **a shared run**: a long run of words in common ("an important forum that
  we must use in order to discuss critical questions" quoted inside two
  different paraphrases);
- **a quoted fragment**: words one article puts in quote marks ("excessive and
  outrageous") found word for word in the other, said by the same speaker; or, when
  either speaker names no one, a longer fragment whose content words run in the
  other's within a few days;
- **a whole quote word for word**: a sentence's length with enough telling words (not
  a stock line), within a few days, whoever the two outlets name (one names the
  speaker, the other the journalist told).
- **one utterance rendered twice**: the same speaker by name within a few days,
  with most content words in common (a translation, a paraphrase), or with a
  phrase of several content words in common across two outlet families (shorter
  when it is inside the quote marks of both), or, both quoting in two outlet
  families, most content words of one quote in the other's in the same order (two
  translations of one sentence).

A direct statement carrying more than ``MAX_QUOTES`` quotes with narration between
them is an article's run of quotes and narration, of several speakers: it joins no
claim (one speaker's quote in parts joined by ellipses is one quote).

An outlet's stock run is no claim across its articles: two articles of one family, not
copies of one text, that give a statement inside the same run of narration
(``TEMPLATE_NARRATION`` words beyond it: a block of other stories' blurbs, a standing
background paragraph) carry the outlet's template, not the words again; so do its
capitalised links to its other stories, and a figure inside such a run.

A short statement, a quoted run or fragment, or one speaker's phrase must carry
telling words (not only generic ones: "killing a lot of people" is a turn of
speech, not the same words).

A reported statement that carries no words anyone said joins no claim: the object of an
act ("criticized Russian President Vladimir Putin during a press gaggle", "when mentioning
diplomatic efforts", "warned of Moscow's military build-up": ``OBJECT_ACTS``) or, no
speaker named, the reporter's own sentence ("were reported to have been launched":
``UNSOURCED_ACTS``), unless it quotes words or its cue takes a clause (``said_nothing``).

The law's and the police's stock wording ("damage by fire property belonging to
another", "appear at Westminster Magistrates' Court": ``words.FORMULAS``) is left out
before any rule compares: said of every suspect charged, it is nobody's words.

Speakers compare by name (:mod:`.speakers`); a body ("Russian Defense Ministry") keeps the words
that say whose it is, so two ministries of one name are not one speaker. A
document's words are its issuer's ("latest data ... released by Russia's Defense
Ministry" is the ministry), and initials one speaker defines name the body whose
name forms them ("... known by its French initials MSF", "Médecins Sans Frontières").

Every rule is a function of the two items alone, so claims found
incrementally are the claims a rebuild finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import pairwise

from storyline.corpus.claims import words as w
from storyline.corpus.claims.speakers import (
    JOINT,
    STEM_LETTERS,
    initials,
    initials_meet,
    same_speaker,
    speaker_name,
)
from storyline.rules import PatternRule, pattern_rule

__all__ = [
    "Quote",
    "days_apart",
    "initials",
    "initials_meet",
    "matched_part",
    "said_nothing",
    "same_quote",
    "same_speaker",
    "speaker_name",
]

# The most quotes with narration between them one statement carries as one claim (a
# quote split by "he said", and again by "he added"): ``Quote.several``. Parts joined
# by an ellipsis or opened anew at a paragraph name no one between them: one quote.
MAX_QUOTES = 3
# Same words: the share of the shorter statement's shingles the other must have,
# and how many words the shorter must have: when one of them quotes, with the
# speaker named alike, unnamed (or a single word that may name a body), or
# named differently (then nearly all words must match); when both are the
# reporters' paraphrases, whose same wording means a shared wire text.
SAME_WORDS = 0.8
MIN_WORDS = 4
MIN_WORDS_UNNAMED = 6
MIN_WORDS_ANY_SPEAKER = 12
SAME_WORDS_ANY_SPEAKER = 0.9
# A whole quote of a sentence's length, word for word, within a few days, is one
# quote whoever the two outlets name: one names the envoy who said "What we have
# received so far is vague and entirely unworkable", the other the journalist it was
# told to. Shorter ("we are ready for a ceasefire now") it is a phrase anyone says;
# with fewer telling words (the envoy's has five) a stock line every spokesman says
# ("I think it's a very good deal", "It is too early to talk about that").
MIN_WORDS_WHOLE_QUOTE = 8
WHOLE_QUOTE_TELLING = 5
MIN_WORDS_PARAPHRASE = 10
# A statement shorter than a clause (under ``MIN_RUN`` words), a quoted run or a
# quoted fragment is the same words only with this many telling words (content
# words, not generic ones): "killing a lot of people", said by one speaker of two
# different things, is a turn of speech.
MIN_TELLING = 2
# A quoted fragment (words in quote marks, or a whole direct quote) sharing a
# run of this many words with the other statement, a clause (with this many
# function words), not a name ("President Donald Trump's special envoy Steve
# Witkoff" is in many different quotes).
MIN_RUN = 8
MIN_RUN_ANY_SPEAKER = 12
MIN_RUN_FUNCTION_WORDS = 3
# A short quoted fragment found whole, said by the same speaker by name.
MIN_FRAGMENT = 3
MIN_FRAGMENT_CONTENT = 2
# A quoted fragment when either speaker names no one (or is misread: a joint statement
# given to one official): this many content words, in order in the other's, and this
# many of them telling and not names ('they believed the state "had a right to protect
# its citizens against terrorism"', "We have always backed the state's right to protect
# its citizens against terrorism"). Fewer are a stock phrase anyone quotes ("in the
# strongest possible terms").
UNNAMED_FRAGMENT = 5
UNNAMED_FRAGMENT_TELLING = 3
# Two telling words quoted alone ("deeply destabilizing") are the same words only
# inside a quoted phrase at most this many words longer ("deeply destabilizing in
# nature"): a stock phrase in scare quotes ("total victory") recurs inside the same
# writer's longer quotes about other things. Nor are they a name or title ("Golden
# Dome", both words capitalised).
PAIR_SLACK = 2
# One speaker's words rendered twice (a translation, a paraphrase): content
# words (not names, not numbers) in common, as a Dice coefficient, within a
# few days, and no number in one that the other contradicts.
SAME_CONTENT = 0.6
MIN_CONTENT_WORDS = 5
CONTENT_DAYS = 2
# One speaker's phrase carried by two outlet families within those days: a
# run of words with this many content words that are not names ("the root
# causes of this crisis"). Within one family the same official's routine
# wording recurs from one statement to the next ("air defenses destroyed a
# drone flying towards Moscow"), so there it proves nothing.
SPEAKER_RUN = 5
SPEAKER_RUN_CONTENT = 3
# Inside the quote marks of both, a shorter run is the speaker's own wording ("vague
# and wholly unworkable" in "What we got back from them last night was ..." and
# "Their reply is ..."): a reporter's routine phrase ("over the past day") is not
# quoted.
SPEAKER_RUN_QUOTED = 4
# One speaker's quote translated twice, in two outlet families within those days: the
# content words of one quote in the other's in the same order, this share of the
# shorter's, at least this many of them telling ("If there is a chance for a temporary ceasefire to
# bring back hostages, we are ready for it", "If there is an opportunity for a temporary
# ceasefire to return hostages, we are prepared for it"). A quote with fewer content
# words is a turn of speech ("killing a lot of people").
TRANSLATED_SHARE = 0.5
TRANSLATED_WORDS = 3
TRANSLATED_MIN_CONTENT = 5
# Words of a quoted fragment in a row that say another statement carries that fragment
# (``matched_part``); a shorter fragment whole.
PART_RUN = 2
# An outlet's stock run: words of narration beyond the statement that two of its
# articles (not copies) share around it (``_template``).
TEMPLATE_NARRATION = 30
TEMPLATE_REACH = 300  # characters of the article either side of a statement it compares
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


# Cues whose bare object is what an act was about, not words anyone said (the cue
# between [[ and ]]): a reported statement one gives, quoting nothing and with no clause
# ("highlighted that ..."), joins no claim. Two DW feeds writing that Trump "criticized
# Russian President Vladimir Putin during a press gaggle" carry no words of his.
OBJECT_ACTS: tuple[PatternRule, ...] = (
    pattern_rule(
        "criticizing someone or something",
        r"\bcritici[sz]",
        "President Donald Trump [[criticized]] Russian President Vladimir Putin during a "
        "press gaggle on Sunday",
    ),
    pattern_rule(
        "mentioning a topic",
        r"\bmention",
        "However, [[when mentioning]] diplomatic efforts to end the war, he referred to",
    ),
    pattern_rule("warning of a thing", r"\bwarn\w*\s+of\b",
                 "Finland [[has warned of]] Moscow's military build-up."),
    pattern_rule("highlighting a thing", r"\bhighlight",
                 "The visit [[highlights]] the difficult balancing act for many EU governments"),
    pattern_rule("expressing a feeling", r"\b(?:express|voic)",
                 "Trump, however, [[voiced]] disapproval of Russian actions"),
    pattern_rule("citing a thing", r"\bcit(?:e|es|ed|ing)\b",
                 "the West can degrade Russia's ability to wage war, [[citing]] revenues from "
                 "Russian oil and gas exports as an example"),
    pattern_rule("articulating a position", r"\barticulat",
                 "delegations abroad to build diplomatic support and [[articulate]] its foreign "
                 "policy positions"),
    pattern_rule("saying nothing more", r"\b(?:did\s+not|didn['’]t|would\s+not)\s+elaborate",
                 "However, Putin [[did not elaborate on]] what such a memorandum could look like."),
)  # fmt: skip
# Cues that, with no speaker named, are the reporter's own sentence: a passive report
# ("were reported to have been launched"), an estimate, an accusation.
UNSOURCED_ACTS: tuple[PatternRule, ...] = (
    pattern_rule("a passive report", r"\b(?:is|are|was|were)\s+(?:also\s+)?reported\b",
                 "Altogether 367 drones and missiles [[were reported]] to have been launched"),
    pattern_rule("an estimate", r"\bestimated\b",
                 "with the number [[estimated]] to be as many as 10,000"),
    pattern_rule("an accusation", r"\baccused\s+of\b",
                 "The trial of four Russian nationals [[accused of]] being part of an extremist "
                 "group begins in Hamburg."),
)  # fmt: skip
_QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_CLAUSE = re.compile(r"\b(?:that|how|whether)\b|:")


def said_nothing(
    text: str, start: int, end: int, cue: tuple[int, int] | None, speaker: str | None
) -> str | None:
    """Why a reported statement (``text[start:end]`` of its article, cued by
    ``text[cue[0]:cue[1]]``) carries no words anyone said, or None: its cue is an act on
    its object (``OBJECT_ACTS``), or, no speaker named, the reporter's own sentence
    (``UNSOURCED_ACTS``); unless it quotes words or its cue takes a clause."""
    if cue is None:
        return None
    said = text[max(0, start - 1) : end + 1]
    opening = text[cue[1] : start] + " " + " ".join(text[start:end].split()[:1])
    if any(mark in said for mark in _QUOTE_MARKS) or _CLAUSE.search(opening):
        return None  # (a cue after the words, "... were reported", leaves no gap)
    words = text[cue[0] : cue[1]]
    rules = OBJECT_ACTS + (UNSOURCED_ACTS if speaker is None else ())
    return next((rule.name for rule in rules if rule.pattern.search(words)), None)


@dataclass
class Quote:
    """A statement as claims compare it, with its article's day and outlet family."""

    id: str
    article_id: str
    text: str
    direct: bool
    speaker: str | None
    day: str | None = None
    family: str | None = None
    around: str | None = None  # its sentence(s) in the article, when known (``_template``)
    silent: bool = False  # no words anyone said (``said_nothing``): it joins no claim
    # What the rules compare, computed when a rule first asks: most candidates share
    # only a key and fail the first test, so the rest is never needed (the
    # incremental stage builds every stored candidate of the new articles' keys).

    @cached_property
    def said(self) -> str:
        """The text without the law's and the police's stock wording
        (``words.FORMULAS``): what the rules compare."""
        return w.without_formulas(self.text)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return w.words(self.said)

    @cached_property
    def quotes(self) -> list[str]:
        """The quotes the text carries: a direct statement may carry two, with the
        narration between them; a reported one is one text."""
        return w.quotes_in(self.said) if self.direct else [self.said]

    @cached_property
    def fragments(self) -> list[tuple[str, ...]]:
        if not self.direct:
            return w.fragments(self.said)
        return [found for q in self.quotes if (found := w.words(q))]

    @cached_property
    def shingles(self) -> set[tuple[str, ...]]:
        return w.shingles(self.words)

    @cached_property
    def fragment_shingles(self) -> list[set[tuple[str, ...]]]:
        return [w.shingles(f) for f in self.fragments]

    @cached_property
    def around_words(self) -> tuple[str, ...]:
        return w.words(self.around or "")

    @cached_property
    def who(self) -> tuple[str, ...] | None:
        return speaker_name(self.speaker)

    @cached_property
    def content(self) -> frozenset[str]:
        return w.content_stems(self.said)

    @cached_property
    def contents(self) -> list[frozenset[str]]:
        """The content words of the text, and of each quote it carries when more than
        one (``quotes``)."""
        if len(self.quotes) == 1:
            return [self.content]
        return [self.content, *(w.content_stems(q) for q in self.quotes)]

    @cached_property
    def numbers(self) -> frozenset[str]:
        """The numbers the text writes in digits, thousands separators dropped ("1,305"
        is one number, not "1" and "305"), years aside."""
        return frozenset(x for x in w.numbers(self.said) if not w.YEAR.match(x))

    @cached_property
    def said_pairs(self) -> frozenset[tuple[str, str]]:
        """Two telling words in a row inside a quoted fragment: a quote as short as
        "deeply destabilizing" shares no three-word shingle with "deeply destabilizing
        in nature", so its speaker's pairs index it (``_shared_fragment``)."""
        if self.who is None:
            return frozenset()
        return frozenset(
            (x, y)
            for f in self.fragments
            for x, y in pairwise(f)
            if w.telling_words((x, y)) == 2 and not (x in self.names and y in self.names)
        )

    @cached_property
    def names(self) -> frozenset[str]:
        """The words the text capitalises: names and titles (and a sentence's first)."""
        return frozenset(x for token in _CAPITALISED.findall(self.said) for x in w.words(token))

    @cached_property
    def counts(self) -> frozenset[tuple[str, str]]:
        """Unrounded counts with the word after each ("303 Ukrainian"), when a speaker
        is named: "303 Ukrainian POWs had been freed" and "303 Ukrainian defenders are
        home" share no shingle (``_same_count``)."""
        return w.counts(self.said) if self.who is not None else frozenset()

    @cached_property
    def several(self) -> bool:
        """A direct statement carrying more than ``MAX_QUOTES`` quotes with narration
        between them is a run of an article's quotes and the narration that gives them
        to several speakers ('"...," they said. The prime minister responded: "..."'):
        no one claim. It joins none, else it would join every claim its quotes belong to.
        One speaker's quote in parts (ellipses, paragraphs opened anew) is one quote."""
        return self.direct and w.narrated_quotes(self.text) > MAX_QUOTES

    def keys(self) -> set[int]:
        if self.several or self.silent:
            return set()
        said = _speaker_key(self.who)
        return (
            w.keys(self.words)
            | {w.key(("#said", said, *pair)) for pair in self.said_pairs}
            | {w.key(("#count", said, *count)) for count in self.counts}
        )


def _same_words(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    n = min(len(a.words), len(b.words))
    inter = len(a.shingles & b.shingles)
    share = inter / max(1, min(len(a.shingles), len(b.shingles)))
    if share < SAME_WORDS or (share < 1 and _later_occasion(a, b)) or _other_tallies(a, b):
        return None
    if speakers is False:
        enough = (n >= MIN_WORDS_ANY_SPEAKER and share >= SAME_WORDS_ANY_SPEAKER) or (
            n >= MIN_WORDS_WHOLE_QUOTE and share == 1 and _whole_quote(a, b)
        )
    elif not (a.fragments or b.fragments):
        enough = n >= (MIN_WORDS_UNNAMED if speakers else MIN_WORDS_PARAPHRASE)
    else:
        enough = n >= (MIN_WORDS if speakers else MIN_WORDS_UNNAMED)
    shorter = min(a.words, b.words, key=len)
    if n < MIN_RUN and w.telling_words(shorter) < MIN_TELLING:
        return None
    return f"same words ({share:.0%} of the shorter statement's)" if enough else None


def _whole_quote(a: Quote, b: Quote) -> bool:
    """The one is a whole direct quote that is a whole quote of the other too (not a
    quote inside someone's narration of it: "... rejects Hamas' claim ... and tells me:
    'What I have seen ...'"), with ``WHOLE_QUOTE_TELLING`` telling words (not a stock
    line: "It is too early to talk about that"), within a few days (both dated)."""
    return (
        (a.direct or b.direct)
        and w.telling_words(min(a.words, b.words, key=len)) >= WHOLE_QUOTE_TELLING
        and _within_days(a, b)
        and any(f == one.words for one, other in ((a, b), (b, a)) for f in other.fragments)
    )


def _within_days(a: Quote, b: Quote) -> bool:
    """Both dated, within a few days of each other: what a rule for one occasion needs
    (undated, "within a few days" cannot hold)."""
    gap = days_apart(a.day, b.day)
    return gap is not None and gap <= CONTENT_DAYS


def _other_tallies(a: Quote, b: Quote) -> bool:
    """Both give numbers, none in common: one wording of two tallies ("The Ukrainian
    army lost more than 1,305 troops ...", "... more than 1,415 troops ...")."""
    return bool(a.numbers and b.numbers and not a.numbers & b.numbers)


def _later_occasion(a: Quote, b: Quote) -> bool:
    """Published more than a few days apart: a quote repeated later is repeated whole
    (or cut short); nearly the same words then are a routine wording used again ("In
    addition, Russian forces destroyed two electronic warfare stations ...", in one
    ministry's reports five days apart)."""
    gap = days_apart(a.day, b.day)
    return gap is not None and gap > CONTENT_DAYS


def _quoted_run(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """A long quoted fragment of one found (mostly) in the other. Unless one speaker by
    name says both, the run's telling words must be more than a name ("the 80th
    anniversary of Victory in the Great Patriotic War" is in many different quotes): a
    word capitalised in either is a name's ("the settlements of Vladimirovka and
    Belovody in the Sumy Region", a ministry's report and an analyst's comment on it,
    "Sumy region" in the one)."""
    if _other_tallies(a, b):
        return None
    floor = MIN_RUN_ANY_SPEAKER if speakers is False else MIN_RUN
    later = _later_occasion(a, b)  # then only a whole fragment repeats a quote
    for one, other in ((a, b), (b, a)):
        for fragment, keys in zip(one.fragments, one.fragment_shingles, strict=True):
            # A run of ``floor`` words shares a shingle: without one, no need to look.
            if len(fragment) < floor or not keys & other.shingles:
                continue
            run = w.longest_run(fragment, other.words)
            # Unless one speaker says both, a name (in either) is no one's words; a run
            # of one speaker's under a sentence's length needs a telling word beside the
            # names ("the Organization for Security and Cooperation in Europe" is in two
            # different quotes of his; the forces a president lists are his words).
            plain = w.telling_words(tuple(x for x in run if x not in a.names | b.names))
            own = speakers and (plain > 0 or len(run) >= MIN_RUN_ANY_SPEAKER)
            said = w.telling_words(run) if own else plain
            if (
                len(run) >= floor
                and w.stop_words(run) >= MIN_RUN_FUNCTION_WORDS
                and said >= MIN_TELLING
                and (len(run) == len(fragment) or not later)
            ):
                return f"{len(run)} quoted words in common"
    return None


def _unnamed_fragment(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """A quoted fragment whose content words run in the other's, in a few days (both
    dated), when either speaker names no one."""
    if speakers is not None or not _within_days(a, b) or _other_tallies(a, b):
        return None
    for one, other in ((a, b), (b, a)):
        theirs = w.content_run(other.words)
        for fragment in one.fragments:
            run = w.content_run(fragment)
            said = tuple(x for x in run if x not in a.names & b.names)
            if (
                len(run) >= UNNAMED_FRAGMENT
                and w.telling_words(said) >= UNNAMED_FRAGMENT_TELLING
                and w.occurs_in(run, theirs)
            ):
                return f"quotes the same words ('{' '.join(fragment)}')"
    return None


def _a_title(fragment: tuple[str, ...], quote: Quote) -> bool:
    """A quoted name, every content word capitalised (the national project "Infrastructure
    for Life"): a title in quote marks, not the speaker's words."""
    content = [x for x in fragment if x not in w.STOP_WORDS]
    return len(content) >= 2 and all(x in quote.names for x in content)


def _shared_fragment(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """A short quoted fragment of one found whole in the other, from the same speaker;
    within a few days, also found with only its function words changed (two
    translations: "the root causes of this crisis", "the root causes of the crisis"),
    or, two telling words alone, inside a quoted fragment of the other ("deeply
    destabilizing", "deeply destabilizing in nature")."""
    if speakers is not True:
        return None
    occasion: bool | None = None  # computed when first needed
    for one, other in ((a, b), (b, a)):
        for fragment in one.fragments:
            telling = w.telling_words(fragment)
            if telling < MIN_FRAGMENT_CONTENT or _a_title(fragment, one):
                continue
            if len(fragment) >= MIN_FRAGMENT and w.occurs_in(fragment, other.words):
                return f"quotes the same words ('{' '.join(fragment)}')"
            if occasion is None:
                occasion = one_occasion(a, b, speakers)
            if not occasion:
                return None
            if _in_other_words(fragment, telling, other):
                return f"quotes the same words, or nearly ('{' '.join(fragment)}')"
    return None


def _in_other_words(fragment: tuple[str, ...], telling: int, other: Quote) -> bool:
    """``fragment`` in ``other`` but for its function words, or (all of its words
    telling) inside one of the other's quoted fragments."""
    run = w.content_run(fragment)
    if len(run) >= MIN_FRAGMENT and w.occurs_in(run, w.content_run(other.words)):
        return True
    if (
        len(run) > MIN_FRAGMENT
        and w.telling_words(run) >= MIN_FRAGMENT
        and w.nearly_in(run, w.content_run(other.words))
    ):
        return True
    return telling == len(fragment) and any(
        len(f) <= len(fragment) + PAIR_SLACK and w.occurs_in(fragment, f) for f in other.fragments
    )


def one_occasion(a: Quote, b: Quote, speakers: bool | None) -> bool:
    """The same speaker by name, within a few days, no number of one contradicted by the
    other's: what rendering one utterance twice needs."""
    return speakers is True and _within_days(a, b) and not _other_tallies(a, b)


def _same_content(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """One speaker's words rendered twice: most content words in common."""
    if min(len(a.content), len(b.content)) < MIN_CONTENT_WORDS:
        return None
    if not one_occasion(a, b, speakers):
        return None
    dice = max(
        2 * len(ca & cb) / (len(ca) + len(cb))
        for ca in a.contents
        for cb in b.contents
        if min(len(ca), len(cb)) >= MIN_CONTENT_WORDS
    )
    if dice < SAME_CONTENT:
        return None
    return f"same speaker, same content words (Dice {dice:.2f})"


def _speaker_phrase(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """One speaker's phrase in two outlet families: a run of words, or a shorter one
    inside the quote marks of both."""
    if a.family == b.family or not one_occasion(a, b, speakers):
        return None
    said = a.content & b.content
    runs = [(w.longest_run(a.words, b.words), SPEAKER_RUN)]
    runs += [
        (w.longest_run(fa, fb), SPEAKER_RUN_QUOTED) for fa in a.fragments for fb in b.fragments
    ]
    for run, floor in runs:
        telling = sum(w.stem(x) in said and x not in w.GENERIC_WORDS for x in run)
        if len(run) >= floor and telling >= SPEAKER_RUN_CONTENT:
            return f"same speaker, same phrase ('{' '.join(run)}')"
    return None


def _translated(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """One speaker's quote translated twice: both quote, in two outlet families, and the
    content words of one quote run in the other's in the same order, most of them
    (``TRANSLATED_SHARE``): two renderings keep what was said in its order, where two
    different sayings of one speaker on one topic share words in any order."""
    if not (a.direct and b.direct) or a.family == b.family or not one_occasion(a, b, speakers):
        return None
    for qa in a.quotes:
        sa = w.content_sequence(qa)
        for qb in b.quotes:
            sb = w.content_sequence(qb)
            shorter = min(len(sa), len(sb))
            if shorter < TRANSLATED_MIN_CONTENT:
                continue
            common = w.common_order(sa, sb)
            if (
                w.telling_words(common) >= TRANSLATED_WORDS
                and len(common) >= TRANSLATED_SHARE * shorter
            ):
                words = " ".join(common)
                return f"same speaker, one quote translated ('{words}' in order)"
    return None


def _same_count(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """One speaker's unrounded count of one thing, twice within a few days: one claim
    in two wordings ("303 Ukrainian POWs had been freed", "303 Ukrainian defenders are
    home"): no one gives the same 303 of something twice by chance."""
    shared = a.counts & b.counts
    if not shared or not one_occasion(a, b, speakers):
        return None
    return f"same speaker, same count ('{' '.join(min(shared))}')"


def _same_in_copies(a: Quote, b: Quote, copies: bool) -> str | None:
    """The same words by the same speaker in two copies of one text, however short."""
    if not copies or a.words != b.words or a.speaker != b.speaker:
        return None
    return "same words in a copy of the article"


def _speaker_key(who: tuple[str, ...] | None) -> str:
    """What indexes a speaker's quoted pairs: the start of the last word of the name
    (``Zelensky``, ``Zelenskyy``), or every name of joint speakers. Loose on purpose:
    ``same_speaker`` decides."""
    if not who:
        return ""
    return " ".join(who) if JOINT in who else who[-1][:STEM_LETTERS]


def _headline(q: Quote) -> bool:
    """A reported statement in capitals: the headline of another story an outlet links
    to inside its articles ("TRUMP SAYS HE COULD 'WALK AWAY' FROM RUSSIA-UKRAINE TALKS")."""
    return not q.direct and q.text.isupper() and bool(q.speaker and q.speaker.isupper())


def _template(a: Quote, b: Quote, copies: bool) -> bool:
    """One outlet's stock run, not its quote carried again: two articles of one family
    (not copies of one text) give the words inside one run of narration, at least
    ``TEMPLATE_NARRATION`` words longer than the shorter statement (the BBC's block of
    other stories' blurbs, "Pope Leo XIV's brother Louis says nothing will be the same
    again after his appointment", under two unrelated articles four days apart), or as
    the headline of another story it links to (``_headline``)."""
    if copies or not a.family or a.family != b.family or a.article_id == b.article_id:
        return False
    if _headline(a) and _headline(b):
        return True
    if not (a.around and b.around):
        return False
    shorter = min(w.words(a.text), w.words(b.text), key=len)
    run = w.longest_run(a.around_words, b.around_words)
    return len(run) - len(shorter) >= TEMPLATE_NARRATION and w.occurs_in(shorter, run)


def same_quote(a: Quote, b: Quote, copies: bool = False) -> str | None:
    """Why two statements are one claim, or None. ``copies``: their articles are
    copies of one text (a MinHash copy pair: a repost, another feed's edition)."""
    if a.several or b.several:
        return None
    if not (a.shingles & b.shingles or a.said_pairs & b.said_pairs or a.counts & b.counts):
        return None
    speakers = same_speaker(a.who, b.who)
    if speakers is not True and initials_meet(a.speaker, b.speaker):
        speakers = True
    why = (
        _same_words(a, b, speakers)
        or _quoted_run(a, b, speakers)
        or _shared_fragment(a, b, speakers)
        or _unnamed_fragment(a, b, speakers)
        or _same_content(a, b, speakers)
        or _speaker_phrase(a, b, speakers)
        or _translated(a, b, speakers)
        or _same_count(a, b, speakers)
        or _same_in_copies(a, b, copies)
    )
    # An outlet's stock run vetoes a match; read last, as it compares the statements'
    # surrounding text (the costliest test) and only matters for a pair that matches.
    return None if why is None or _template(a, b, copies) else why


def matched_part(a: Quote, b: Quote) -> int | None:
    """Which of ``a``'s quoted fragments a match with ``b`` rests on, when ``a`` is a
    reported statement quoting two or more and ``b`` carries words of one of them only:
    "his country would allow a "basic amount of food" ... but it planned to take "control
    of all of Gaza"" is one claim with "Israel would allow a "basic" amount of food" by
    its first fragment and another with "Israel would control all of Gaza" by its second
    (``lineage.claim_groups`` keeps the two claims apart). None for one text, or when
    ``b`` carries words of several fragments (a copy, the whole report again). A quoted
    title ("Golden Dome") is no fragment of what was said (``_a_title``)."""
    said = [f for f in a.fragments if not _a_title(f, a)]
    if a.direct or len(said) < 2:
        return None
    found = [
        i
        for i, fragment in enumerate(said)
        if len(w.longest_run(fragment, b.words)) >= min(len(fragment), PART_RUN)
    ]
    return found[0] if len(found) == 1 else None


def days_apart(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        pass
    return None
