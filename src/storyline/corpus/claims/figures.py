"""When two figures are one claim: the rules, over plain values (``Number``).

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
other numbers differ, nor a run two small counts unless both name one counted thing
("Two other men have also been charged", "Three men - two of them Ukrainians - have
been charged"). No figure is a claim where its number word counts nothing
("one of", "the two countries", "one last time", "no one": ``NO_COUNT``), nor a
size no one counted ("thousands"), nor a length of time no claimant gives ("held
for three years").

Every rule is a function of the two items alone, so claims found incrementally are the
claims a rebuild finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from storyline.corpus.claims import words as w
from storyline.corpus.claims.match import TEMPLATE_NARRATION, days_apart
from storyline.corpus.claims.speakers import JOINT, initials_meet, same_speaker, speaker_name
from storyline.rules import PatternRule, pattern_rule

__all__ = ["FIGURE_WINDOW", "NO_COUNT", "Number", "same_figure"]

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
    gap = days_apart(a.day, b.day)
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
