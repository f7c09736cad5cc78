"""When two statements, or two figures, are one claim: the rules, over plain values.

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
  when it is inside the quote marks of both).

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

The law's and the police's stock wording ("damage by fire property belonging to
another", "appear at Westminster Magistrates' Court": ``words.FORMULAS``) is left out
before any rule compares: said of every suspect charged, it is nobody's words.

Speakers compare by name (:mod:`.speakers`); a body ("Russian Defense Ministry") keeps the words
that say whose it is, so two ministries of one name are not one speaker. A
document's words are its issuer's ("latest data ... released by Russia's Defense
Ministry" is the ministry), and initials one speaker defines name the body whose
name forms them ("... known by its French initials MSF", "Médecins Sans Frontières").

Figures (``Number``) are one claim when they have the same value and unit, in
articles published within ``FIGURE_DAYS`` of each other, and either their
sentences share a run of words (one wire sentence) or the same claimant, by
name, gives them in sentences about the same thing (a small number of things of
another name is another count: "nine" UAVs and "nine" armored vehicles in one
report), or a value no one rounds to, whatever the words, unless they say it counts
other things; with no claimant named on either side, a value no one rounds to, or
another number beside it in common, about the same thing, is one count reported
twice, unless their subjects are of different kinds (people against weapons). A
shared run that does not hold the figure does not join two sorts of one thing
("motor vehicles", "armored combat vehicles"), nor a short run two sentences whose
other numbers differ. No figure is a claim where its number word counts nothing
("one of", "the two countries", "one last time", "no one": ``NO_COUNT``), nor a
size no one counted ("thousands"), nor a length of time no claimant gives ("held
for three years").

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
    "NO_COUNT",
    "Number",
    "Quote",
    "initials",
    "initials_meet",
    "matched_part",
    "same_figure",
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
# Words of a quoted fragment in a row that say another statement carries that fragment
# (``matched_part``); a shorter fragment whole.
PART_RUN = 2
# An outlet's stock run: words of narration beyond the statement that two of its
# articles (not copies) share around it (``_template``).
TEMPLATE_NARRATION = 30
TEMPLATE_REACH = 300  # characters of the article either side of a statement it compares
# Figures: days between the articles' publication, words their sentences
# share in one run, or content words they share when one claimant gives both.
FIGURE_DAYS = 2
FIGURE_RUN = 6
# A run that does not hold the figure itself is a template when the figures count
# kinds of one thing that differ in every other word: "The Ukrainian army lost an
# estimated" opens every battlegroup's losses in one ministry report, and the
# "nine" after it counts "motor vehicles" in one, "armored combat vehicles" in the next.
# A run shorter than this with other numbers beside the figure on both sides, none
# in common, is two deals in one phrasing ("the release of 10 hostages and a
# 60-day ceasefire", "the release of 10 hostages and 70 days of truce").
FIGURE_RUN_ALONE = 12
FIGURE_CONTEXT = 2
# How far around a figure its words count (characters either side, within its
# sentence): a wire sentence listing every battlegroup's losses is about many things.
FIGURE_WINDOW = 120
# A figure no one rounds to (three digits or more, not a multiple of 100: 266,
# 53,655, 390) about the same thing, or any figure with another number beside it
# in common (266 drones "and 45 missiles"), named by no claimant on either side,
# is one count reported twice. Five digits are one count by themselves;
# a small number beside it (under 100: "12 injured") needs more words in common.
DISTINCT_DIGITS = 3
UNIQUE_DIGITS = 5
SMALL_NUMBER = 100
# Single digits beside a figure are too common to say anything ("on 2 March").
TINY_NUMBER = 10
# What a figure counts (its ``subject``, by its last word), in kinds that cannot
# be one count: "250 drones" on 25 May and "250 hostages" on 26 May are two
# claims however alike their sentences. Subjects are often loose ("attack" for
# 266 drones and missiles, "POWs" and "combatants" for one exchange), so only
# a known head word of one kind against one of another keeps two figures apart.
KINDS = {
    "people": w.word_set(
        """
        people person persons civilian civilians child children hostage hostages
        soldier soldiers troops servicemen combatants pows prisoners residents
        palestinians israelis ukrainians russians women men captives
        """
    ),
    "weapons": w.word_set(
        """
        drone drones uav uavs missile missiles rocket rockets shell shells bomb bombs
        tank tanks aircraft jets
        """
    ),
}


# Words where a number word counts nothing, with an example (the number's words
# between [[ and ]]): a figure read there is no claim.
_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten)"
# A figure whose words stand only inside one of these counts nothing (else it joins the
# same claimant's real count: "one drone", "two killed").
NO_COUNT: tuple[PatternRule, ...] = (
    pattern_rule(
        "one of: a pronoun",
        r"\bone\s+of\b",
        "a drone hit a school and [[one]] of its walls burned",
    ),
    pattern_rule(
        "the two: ones named before",
        rf"\b(?:the|these|those)\s+{_SMALL}\b",
        "talks between the [[two]] countries",
    ),
    pattern_rule(
        "one last time",
        r"\bone\s+(?:last|more)\s+time\b",
        "the president and his wife were relaxing [[one]] last time",
    ),
    pattern_rule(
        "one another", r"\bone\s+another\b", "two reactions differed from [[one]] another"
    ),
    pattern_rule("no one", r"\bno\s+one\b|\bnobody\b", "[[No one]] was hurt in the fire"),
    pattern_rule(
        "an idiom",
        r"\btakes\s+two\s+to\s+tango\b|\bzero\s+tolerance\b",
        "that takes [[two]] to tango",
    ),
)
# Sizes no one counted ("thousands of people", "dozens were wounded"): no claim to follow.
_VAGUE = re.compile(
    r"(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# The window another count covers: "204 people were injured during the past 24 hours".
_DURATIONS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})
_WINDOW_BEFORE = r"\b(?:past|last|previous|preceding)\s+"
# A number that says how long a window is ("the past 24 hours", "the last 24-hour period").
_WINDOW_NUMBER = re.compile(_WINDOW_BEFORE + r"(\d+)(?=[\s-]*(?:hours?|days?)\b)", re.I)
_DAILY = re.compile(
    r"\b(?:in (?:a|one) (?:single )?day|(?:past|last|previous) (?:day|24 hours)|overnight)\b",
    re.I,
)


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
        if self.several:
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
    gap = _days_apart(a.day, b.day)
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
    gap = _days_apart(a.day, b.day)
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


@dataclass
class Number:
    """A figure as claims compare it: its value, its article's day, its claimant and
    the words of its sentence."""

    id: str
    article_id: str
    text: str
    low: float | None
    high: float | None
    unit: str | None
    per: str | None
    measure: str | None
    claimant: str | None
    day: str | None
    sentence: str
    subject: str | None = None
    place: str | None = None
    at: int | None = None  # where the figure's text starts in ``sentence``, when known
    family: str | None = None  # its article's outlet family (``_template``)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return w.words(self.sentence)

    @cached_property
    def where(self) -> str | None:
        """The place a figure counts in, by its first word ("Kyiv" for "Kyiv region")."""
        found = w.words(self.place or "")
        return found[0] if found else None

    @cached_property
    def who(self) -> tuple[str, ...] | None:
        """The claimant by name; None for joint claimants ("Volodymyr Zelenskyy and
        Russia's Defense Ministry"): two sides giving one count are no one source, and
        the figure rules for unnamed claimants are the ones that fit."""
        who = speaker_name(self.claimant)
        return None if who is not None and JOINT in who else who

    @cached_property
    def numbers(self) -> frozenset[str]:
        """The other numbers of the sentence (not this figure's own, not years)."""
        own = w.numbers(self.text)
        return frozenset(
            x for x in w.numbers(self.sentence) if x not in own and not w.YEAR.match(x)
        )

    @cached_property
    def tallies(self) -> frozenset[str]:
        """The other numbers of the sentence that count something: not the window a
        report covers ("over the past 24 hours" is in every daily report)."""
        windows = set(w.numbers(" ".join(_WINDOW_NUMBER.findall(self.sentence))))
        return self.numbers - windows

    @cached_property
    def context(self) -> frozenset[str]:
        """What the sentence says the number is about: its content words, not names
        and not the number's own words ("three" leaders vs "three" phases)."""
        return w.content_stems(self.sentence, names_first=True) - w.content_stems(self.text)

    @cached_property
    def value_key(self) -> str:
        return f"{self.low!r}|{self.high!r}|{self.unit or ''}|{self.per or ''}"

    @property
    def digits(self) -> int:
        """How many digits the value has when no one rounded it (not a multiple of 100);
        0 for a round or fractional value."""
        value = self.low if self.low is not None else self.high
        if value is None or value != int(value) or int(value) % 100 == 0:
            return 0
        return len(str(abs(int(value))))

    @property
    def is_claim(self) -> bool:
        """A value someone claims, or one that says what it counts or measures: a bare
        "three" or "27" the reporter writes is no claim to follow; nor is a number word
        that counts nothing (``counts_nothing``), a size no one counted ("thousands"), a
        window another count covers, or a length of time no one claims ("held for three
        years": background, not a claim carried from one source)."""
        has_value = self.low is not None or self.high is not None
        return (
            has_value
            and bool(self.claimant or self.measure or self.unit)
            and not self.counts_nothing
            and not self.vague
            and not self.window
            and not (self.unit in _DURATIONS and self.claimant is None)
        )

    @cached_property
    def daily(self) -> bool:
        """A count of one day: "in one day", "in the past day", "over the past 24 hours",
        "overnight"."""
        return _DAILY.search(self.sentence) is not None

    @cached_property
    def window(self) -> bool:
        """ "the past 24 hours" beside another count: the period that count covers, not a
        claim of its own (two ministries' different tolls of their past 24 hours are no
        one claim "24 hours"). Alone ("spent the last four years ...") it may be one."""
        return (
            self.unit in _DURATIONS
            and bool(self.numbers)
            and re.search(_WINDOW_BEFORE + re.escape(self.text), self.sentence, re.I) is not None
        )

    @cached_property
    def counts_nothing(self) -> bool:
        """The figure's words stand inside words that count nothing (``NO_COUNT``: "one
        of", "the two countries", "one last time", "no one"): where the figure is in its
        sentence (``at``) or, not known, everywhere its words are."""
        inside = [m.span() for rule in NO_COUNT for m in rule.pattern.finditer(self.sentence)]
        if not inside:
            return False
        if self.at is not None:
            spans = [(self.at, self.at + len(self.text))]
        else:
            own = re.compile(rf"(?<!\w){re.escape(self.text.strip())}(?!\w)", re.IGNORECASE)
            spans = [m.span() for m in own.finditer(self.sentence)]
        return bool(spans) and all(any(a <= lo and hi <= b for a, b in inside) for lo, hi in spans)

    @property
    def vague(self) -> bool:
        """A size no one counted: "thousands", "dozens", "hundreds of thousands"."""
        return _VAGUE.fullmatch(self.text.strip()) is not None

    def keys(self) -> set[int]:
        return {w.key(("#figure", self.value_key))} if self.is_claim else set()


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        pass
    return None


def _kind(subject: str | None) -> str | None:
    head = w.words(subject or "")[-1:]
    return next((k for k, heads in KINDS.items() if head and head[0] in heads), None)


def different_things(a: str | None, b: str | None) -> bool:
    """Two subjects of different kinds ("drones", "hostages"); False when either's
    kind is unknown or both are one kind ("drones", "Russian missiles")."""
    ka, kb = _kind(a), _kind(b)
    return ka is not None and kb is not None and ka != kb


def other_sorts(a: str | None, b: str | None) -> bool:
    """Two sorts of one thing: the same last word, no other word in common ("motor
    vehicles", "armored combat vehicles"); not "enemy armored combat vehicles" and
    "armored combat vehicles", nor "drones" and "Ukrainian drones"."""
    wa, wb = w.words(a or ""), w.words(b or "")
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    ma, mb = set(wa[:-1]), set(wb[:-1])
    return bool(ma and mb) and ma.isdisjoint(mb)


# Names of one counted thing ("96 Ukrainian unmanned aerial vehicles", "96 drones").
_DRONE_WORDS = w.word_set("drone drones uav uavs unmanned aerial")


def _counted(subject: str | None) -> str | None:
    """What a subject counts, by its head word (stemmed); a drone by any of its names."""
    found = w.words(subject or "")
    if not found:
        return None
    return "drone" if _DRONE_WORDS & set(found) else w.stem(found[-1])


def _small_of_other_things(a: Number, b: Number) -> bool:
    """A small number (under ``SMALL_NUMBER``) counting things of other names: one
    ministry's report gives "nine" UAVs over the Tula region and "nine" armored combat
    vehicles, "two" mechanized brigades and "two" communities; its list sentences share
    words enough. Not "Ukrainian POWs" and "Ukrainian defenders": 303 is no small number."""
    value = a.low if a.low is not None else a.high
    ca, cb = _counted(a.subject), _counted(b.subject)
    return value is not None and value < SMALL_NUMBER and bool(ca and cb) and ca != cb


def _run_beside_small(a: Number, b: Number, holds: bool) -> bool:
    """A run of words in common that does not hold a small number (under
    ``SMALL_NUMBER``) says nothing of what the number counts: "Two other men have also
    been charged" and "Three men - two of them Ukrainians - have been charged" share
    "with conspiracy to commit arson ..."; one ministry report's battlegroups share "in
    that frontline area over the past 24 hours" beside "three artillery guns" and "three
    field artillery guns". Such a run joins them only when both name one counted thing
    and no other count beside them differs (the window a report covers aside); a value
    with a unit (a share, a sum) is no count of things."""
    value = a.low if a.low is not None else a.high
    if holds or a.unit or value is None or value >= SMALL_NUMBER:
        return False
    ca, cb = _counted(a.subject), _counted(b.subject)
    one_thing = bool(ca and ca == cb) or (_kind(a.subject) or "a") == _kind(b.subject)
    tallies_differ = bool(a.tallies and b.tallies and not a.tallies & b.tallies)
    return not one_thing or tallies_differ


def _one_count(a: Number, b: Number, beside_differ: bool) -> bool:
    """One claimant's value no one rounds to (``DISTINCT_DIGITS``: 475, not 500) within a
    few days is one count in two wordings ("Battlegroup Center inflicted roughly 475
    casualties", "Battlegroup Tsentr has eliminated up to 475 Ukrainian soldiers"),
    unless the wording says otherwise: things of different kinds or sorts, or other
    numbers beside it on both sides with none in common."""
    return (
        a.digits >= DISTINCT_DIGITS
        and not beside_differ
        and not different_things(a.subject, b.subject)
        and not other_sorts(a.subject, b.subject)
    )


def _stock_figure(a: Number, b: Number, copies: bool) -> bool:
    """One outlet's stock run holding the figure in two of its articles (not copies): the
    BBC's block of other stories' blurbs, "Three freed hostages are returned to Israel
    ...", under two of its pages (``_template`` for statements)."""
    if copies or not a.family or a.family != b.family or a.article_id == b.article_id:
        return False
    run = w.longest_run(a.words, b.words)
    return len(run) - len(w.words(a.text)) >= TEMPLATE_NARRATION


def same_figure(a: Number, b: Number, copies: bool = False) -> str | None:
    """Why two figures are one claim, or None. ``copies``: their articles are copies of
    one text."""
    if a.value_key != b.value_key or not (a.is_claim and b.is_claim):
        return None
    if _stock_figure(a, b, copies):
        return None
    if a.article_id == b.article_id and a.sentence == b.sentence:
        return None  # two counts in one list ("one over Yaroslavl, and one more over ...")
    if a.where and b.where and a.where != b.where:
        return None  # four killed in Kyiv, four in Khmelnytskyi: two tolls of one night
    gap = _days_apart(a.day, b.day)
    if gap is None or gap > FIGURE_DAYS or (gap and a.daily and b.daily):
        # A day's toll on another day is that day's report (38 dead on Sunday, 38 again
        # on Monday), not one claim carried on.
        return None
    common = w.longest_run(a.words, b.words)
    run = len(common)
    holds = not set(w.words(a.text) + w.words(b.text)).isdisjoint(common)
    beside_differ = bool(a.numbers and b.numbers and not a.numbers & b.numbers)
    if (
        run >= FIGURE_RUN
        and (holds or not other_sorts(a.subject, b.subject))
        and (run >= FIGURE_RUN_ALONE or not beside_differ)
        and not _run_beside_small(a, b, holds)
    ):
        return f"same figure in one wording ({run} words in common)"
    speakers = same_speaker(a.who, b.who) or initials_meet(a.claimant, b.claimant)
    shared = a.context & b.context
    about = ", ".join(sorted(shared)[:4])
    if speakers and len(shared) >= FIGURE_CONTEXT and not _small_of_other_things(a, b):
        return f"same figure from the same claimant ({about})"
    if speakers and _one_count(a, b, beside_differ):
        return "same unrounded figure from the same claimant"
    # A named claimant against another may be two sources of one number (Zelensky's
    # 355 drones and the air force's); two unnamed ones are one source as far as
    # anyone can tell.
    if a.who is not None or b.who is not None or different_things(a.subject, b.subject):
        return None
    beside = {n for n in a.tallies & b.tallies if float(n) >= TINY_NUMBER}
    needed = FIGURE_CONTEXT if all(float(n) < SMALL_NUMBER for n in beside) else 1
    if beside and len(shared) >= needed:
        return f"same figure with {', '.join(sorted(beside))} beside it ({about})"
    if a.digits >= UNIQUE_DIGITS or (a.digits >= DISTINCT_DIGITS and shared):
        return f"same unrounded figure ({about or 'no other word needed'})"
    return None
