"""A quantity is a series: the figures that measure the same thing of the same event and
period, across articles.

Pure core: ``Claim`` (a figure with what its article adds) and ``group_series``.
A claim's *block* is what it counts (measure, thing, unit, rate period) and
the kind of time it covers (a running total since one start, a 24-hour
report, a week; incidents, nights and figures without a time cue go
together); only claims of one block are ever compared, so the work grows
with the claims of a block, not with every pair of figures. Inside a block:

1. claims whose place and owner are known seed series: one per (place,
   owner) and stretch of days (an incident's or a period's series spans at
   most ``EVENT_DAYS`` days after its first, and never two different nights; a
   running total any time);
2. a claim missing its place or owner joins the one seeded series of its
   block and days with a value compatible with its own ("at least 12 people
   were killed" joins "12 killed across Ukraine", not "4 killed in Kyiv");
   with no such series, or more than one, it stays with the other claims of
   its story that miss the same, where claims only corroborate;
3. a series needs two figures from two articles (or two claimants).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from storyline.corpus.quantity import (
    LEVEL,
    SIDED_THINGS,
    age_key,
    claim_place,
    counted_key,
    defended_land,
    index_key,
    is_named,
    measure_key,
    owner_key,
    source_name_key,
    thing_key,
    unit_quantity_key,
)
from storyline.corpus.values import compatible, says_the_number

# An incident's or a period's series spans at most this many days from its first claim
# (a toll revised the next day is the same series; the attack of a week later is not).
EVENT_DAYS = 1
# A claim joining a series by its value must be this close to one of its values.
CLOSE_RATIO = 1.5
# Windows of one kind of time: an incident, a night or an undated figure are one event's.
EVENT_WINDOWS = frozenset({"incident", "night", None})


@dataclass
class Claim:
    """One figure, with the keys the grouping reads and its article's context."""

    id: str
    article_id: str
    text: str
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    per: str | None
    measure: str | None
    subject: str | None
    claimant: str | None
    claimant_entity: str | None
    as_of: str | None
    place: str | None
    scope: str | None
    period: str | None
    event: str | None
    # "named", "described", or "unresolved" (a source the article gives that could not be
    # named: "according to the governor"); None when the outlet states the figure itself.
    claimant_status: str | None = None
    published: str | None = None
    published_at: str | None = None  # the publication's date and time, when known
    outlet: str | None = None
    family: str | None = None
    copy_of: str | None = None  # the article this one is a near-duplicate of
    story: str | None = None
    lead: str | None = None  # the words just before the figure in its text (``LEAD_CHARS``)
    # The text on each side of the figure, further (``Store.series_inputs``' reach): the
    # sentence two copies of one wire story share, the "according to the governor" after it.
    before: str | None = None
    after: str | None = None
    # The outlet the figure's sentence or its article's wire credit says it relays
    # ("told Reuters"; "The Associated Press contributed to this report").
    relay: str | None = None
    # Set by ``group_series``: the keys the grouping compares.
    place_key: str | None = None
    owner: str | None = None
    day_number: int | None = None
    # A claim with no measure of its own that joined a series: the series' measure, which
    # is what its count counts ("there were also 9 cruise missiles" beside "launched").
    joined_measure: str | None = None
    # Set by ``independence.sources``: the keys one source shares, read once per claim.
    same_source: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def value(self) -> float:
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else lo
        return ((lo or 0.0) + (hi or 0.0)) / 2

    @property
    def day(self) -> str | None:
        """The day the figure stands for: its period's end, else its date, else publication."""
        if self.period and "/" in self.period:
            end = self.period.split("/")[1]
            if end != "..":
                return end
        return self.as_of or self.published

    @property
    def named(self) -> bool:
        return self.claimant_entity is not None or is_named(self.claimant)

    @property
    def source_keys(self) -> list[str]:
        """What identifies the claim's source: its claimant's entity and the key of its
        name or description (none for the reporter's own or an "officials")."""
        keys = []
        if self.claimant_entity:
            keys.append(f"entity:{self.claimant_entity}")
        name = source_name_key(self.claimant) if self.claimant else None
        if name:
            keys.append(f"name:{name}")
        return keys


# Measure words that say what counted things are for, not what happened to them: "100 aid
# trucks" permitted on Tuesday and "100 trucks with aid" that entered on Wednesday are two
# counts, and nothing in "aid" tells them apart.
PURPOSES = frozenset({"aid"})


def block_of(claim: Claim) -> tuple[object, ...] | None:
    """What the claim counts: (measure, thing, unit, rate period); None when it cannot be
    compared: no value, no counted thing the tables know, a unit whose words
    ``UNIT_QUANTITIES`` does not know (a sum of money says what it measures in words too
    varied to match safely), or a person's age without the person's name. A market
    index's points are its level (``LEVEL``)."""
    if claim.low is None and claim.high is None:
        return None
    if claim.unit == "point":  # an index's level: "the RTS Index ... at 1,114.62 points"
        index = index_key(claim.subject)
        return (LEVEL, index, claim.unit, None) if index else None
    measure = measure_key(claim.measure)
    if measure == "age":
        person = age_key(claim.subject)
        return ("age", person, claim.unit, None) if person else None
    if claim.unit is not None:  # "a 70-day truce": what the table says its words measure
        quantity = unit_quantity_key(claim.unit, claim.subject, claim.measure)
        return (quantity, quantity, claim.unit, claim.per) if quantity else None
    thing = counted_key(claim.subject, measure)
    if thing is None or claim.unit is not None or measure is None or measure in PURPOSES:
        return None
    return (measure, thing, claim.unit, claim.per)


def time_of(claim: Claim) -> object:
    """The kind of time a claim covers: ``("since", start)`` for a running total (start
    ``..`` when not stated); a named period ("24h", "week", "day" since dawn); ``event``
    for an incident or a night (one attack's count); None when the sentence says nothing
    (an "unspecified" figure may be an event's or a running total's)."""
    if claim.scope == "cumulative":
        start = claim.period.split("/")[0] if claim.period and "/" in claim.period else OPEN
        return ("since", start)
    if claim.scope is None:
        measures, least = IMPLICIT_TOTALS.get(thing_key(claim.subject) or "", ((), 0.0))
        if measure_key(claim.measure) in measures and claim.value >= least:
            return ("since", OPEN)
        return None
    if claim.scope == "incident":
        return "event"
    words = (claim.event or "").lower()
    for name, pattern in PERIOD_WORDS:
        if re.search(pattern, words):
            return name
    return "event"


# Counts that, stated with no time at all, are a war's running total: a side's soldiers
# killed or lost by the tens of thousands ("Zelenskyy said 43,000 soldiers have been
# killed" counts since the invasion began; an incident's dead come with their incident).
IMPLICIT_TOTALS: dict[str, tuple[tuple[str, ...], float]] = {
    # (measures, the least value): a day's losses on one front are hundreds, a war's
    # tens of thousands ("the army lost 210 personnel" is no running total).
    "soldiers": (("killed", "lost", "wounded", "casualties"), 10_000.0),
    # Children killed by the ten thousand are a war's toll ("more than 15,000 children",
    # said of Gaza with no time: since the war began), never one strike's.
    "children": (("killed",), 10_000.0),
}

# A period's words -> the kind of period (a night is one attack's: an event).
PERIOD_WORDS: tuple[tuple[str, str], ...] = (
    ("event", r"night|overnight|early hours"),
    ("24h", r"24|twenty-four|\bday\b"),
    ("day", r"since"),
    ("week", r"week"),
    ("month", r"month"),
)


def day_number(day: str | None) -> int | None:
    if not day:
        return None
    parts = day[:10].split("-")
    try:  # a year counts from its middle, a month from its first day
        month = int(parts[1]) if len(parts) > 1 else 7
        return date(int(parts[0]), month, int(parts[2]) if len(parts) > 2 else 1).toordinal()
    except ValueError:
        return None


@dataclass
class Group:
    """A series in the making: its block, kind of time, place and owner, and its claims."""

    block: tuple[object, ...]
    time: object
    place: str | None
    owner: str | None
    story: str | None
    claims: list[Claim] = field(default_factory=list)
    first_day: int | None = None

    def values(self) -> list[float]:
        return [c.value for c in self.claims]

    @property
    def cumulative(self) -> bool:
        return isinstance(self.time, tuple)

    @property
    def anchored(self) -> bool:
        """Known to be one quantity of one event: a running total, or an event's or a
        period's count with a place. Only anchored series hold contradictions and updates;
        the others only say who agrees."""
        return self.cumulative or self.place is not None


def group_series(claims: list[Claim]) -> list[Group]:
    """The series among ``claims``: groups of two or more figures of one quantity, from two
    articles or two claimants, in a deterministic order."""
    blocks: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        block = block_of(claim)
        if block is None:
            continue
        claim.place_key = claim_place(claim.place, claim.claimant)
        if claim.place_key is None and night_of(claim) is not None:
            # A night's air defence count is over the defending side's land (a day's total
            # "over the past day" may count the front too).
            claim.place_key = defended_land(str(block[0]), claim.claimant)
        if block[0] == LEVEL:  # an index's level is of the index, wherever it is quoted
            claim.place_key = f"{block[1]} index"
        claim.owner = owner_key(block[1], block[0], claim.subject, claim.claimant, claim.place)  # type: ignore[arg-type]
        claim.day_number = day_number(claim.day)
        blocks[block].append(claim)
    out: list[Group] = []
    for block in sorted(blocks, key=repr):
        out.extend(_series_of_block(block, blocks[block]))
    _join_measureless(out, claims)
    return [g for g in out if _is_series(g)]


def _join_measureless(groups: list[Group], claims: list[Claim]) -> None:
    """A figure whose sentence gives what is counted but no measure ("three children in
    the Zhytomyr region") joins the one placed series of that thing, place and day that
    has its very value: it repeats or confirms that count, it cannot contradict it."""
    for claim in claims:
        if claim.measure or claim.unit or (claim.low is None and claim.high is None):
            continue
        thing = thing_key(claim.subject)
        if thing is None:
            continue
        claim.place_key = claim_place(claim.place, claim.claimant)
        claim.day_number = day_number(claim.day)
        fits = [
            g
            for g in groups
            if g.block[1] == thing
            and g.place is not None
            and claim.place_key in (None, g.place)
            and not g.cumulative
            and claim.day_number in {c.day_number for c in g.claims}
            and any((c.low, c.high) == (claim.low, claim.high) for c in g.claims)
        ]
        if len(fits) == 1:
            fits[0].claims.append(claim)
            claim.joined_measure = str(fits[0].block[0])


def _specific_first(claim: Claim) -> tuple[object, ...]:
    """Claims that say when (their kind of time), then where and whose, seed series; the
    others join them."""
    missing = (claim.place_key is None) + (claim.owner is None)
    period = claim.period or ""
    open_start = claim.scope == "cumulative" and ("/" not in period or period.startswith(OPEN))
    return (claim.scope is None, open_start, missing, claim.day_number or 0, claim.id)


def _series_of_block(block: tuple[object, ...], claims: list[Claim]) -> list[Group]:
    sided = block[1] in SIDED_THINGS
    groups: list[Group] = []
    for claim in sorted(claims, key=_specific_first):
        time = time_of(claim)
        placed = claim.place_key is not None and (claim.owner is not None or not sided)
        target = _same_key(groups, claim, time) if placed else _join(groups, claim, time)
        if target is None:
            target = Group(block, time if time is not None else "event", claim.place_key,
                           claim.owner, claim.story, first_day=claim.day_number)  # fmt: skip
            groups.append(target)
        target.claims.append(claim)
    return groups


def _same_key(groups: list[Group], claim: Claim, time: object) -> Group | None:
    """The series with the claim's own place, owner and time, open on its day; first, the
    one of the night before that the claim carries again."""
    for group in groups:
        if group.place == claim.place_key and group.owner == claim.owner and _carries(group, claim):
            return group
    for group in reversed(groups):
        if (
            group.place == claim.place_key
            and group.owner == claim.owner
            and _same_time(group, claim, time)
        ):
            return group
    return None


def _same_time(group: Group, claim: Claim, time: object) -> bool:
    """The claim's kind of time fits the series, and its day falls in the series' days."""
    if time is None:
        if group.cumulative:
            return False  # a figure with no time cue is no running total ("12 killed")
        time = "event"
    if time != group.time:
        # a total since March 18 is not one since the war began; a total whose start is
        # not named is the one its count fits
        return _open_start(group, claim, time)
    if group.cumulative:
        return True
    night = night_of(claim)
    if night is not None and any(night_of(c) not in (None, night) for c in group.claims):
        return False  # the attack of the next night is another event
    day = claim.day_number
    days = {c.day_number for c in group.claims}
    if day is None or None in days:
        return day is None and days == {None}
    # Another day, only a value the series already has: the toll carried again, not the
    # next night's attack.
    near = any(abs(day - d) <= EVENT_DAYS for d in days if d is not None)
    return day in days or (near and _agrees(group, claim)) or _retold(group, claim)


# A running total whose start its sentence leaves open joins a named one only with a count
# that series gives this many days from it, or fewer.
OPEN_START_DAYS = 2


def _open_start(group: Group, claim: Claim, time: object) -> bool:
    """A running total whose sentence names no start ("the war's overall toll to 53,655",
    "killed in Gaza since then") is the named total its count fits ("since October 7,
    2023, the number of fatalities ... has risen to 53,655"), as a named total is the
    open one's: a value the series gives, or one close to it and compatible, of about the
    same day (3,509 since 18 March is not the war's 53,655)."""
    if not (group.cumulative and isinstance(time, tuple) and OPEN in (time[1], group.time[1])):  # type: ignore[index]
        return False
    day = claim.day_number
    return day is not None and any(
        c.day_number is not None
        and abs(c.day_number - day) <= OPEN_START_DAYS
        and c.low == c.high
        and compatible(claim, c)
        and _close(claim.value, c.value)
        for c in group.claims
    )


# The start of a running total its sentence does not name (``time_of``).
OPEN = ".."


# A past event's count retold in a later article's background is known by its very value
# only when the value is this large (251 hostages recur as one count; "three killed" of
# two attacks is chance), and the event only when it is this many days before the article.
RETOLD_LEAST = 100
PAST_DAYS = 30


def _retold(group: Group, claim: Claim) -> bool:
    """The claim gives again, in the background of a later article, a past event's count
    the series dates by its text: "Militants also took 251 hostages" (dated only by its
    article, on 21 May 2025) is the 251 abducted on 7 October 2023; so is "the 2023
    attack" (a year) that abducted 251. It must give one of the series' values exactly,
    and say no day of its own that the series' days are not in."""
    published = day_number(claim.published)
    days = [c.day_number for c in group.claims]
    if (
        published is None
        or claim.value < RETOLD_LEAST
        or any(d is None or published - d < PAST_DAYS for d in days)
        or not any((c.low, c.high) == (claim.low, claim.high) for c in group.claims)
    ):
        return False
    stated = _stated_days(claim)
    return stated is None or all(stated[0] <= d <= stated[1] for d in days if d is not None)


def _stated_days(claim: Claim) -> tuple[int, int] | None:
    """The first and last day the claim's text dates it to ("2023": the whole year); None
    when only its article's publication dates it."""
    day = claim.day
    if not day or (claim.period is None and day[:10] == (claim.published or "")[:10]):
        return None
    parts = day[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            end = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            return date(year, month, 1).toordinal(), end
        one = date(year, month, int(parts[2])).toordinal()
    except ValueError:
        return None
    return one, one


def _carries(group: Group, claim: Claim) -> bool:
    """The claim is the night before's count carried again: its text dates it only by its
    article's publication ("Russia's Defense Ministry, meanwhile, said its air defenses
    shot down 110 Ukrainian drones overnight", published after midnight in an article on
    Sunday's news), and the same source gave that very count for the night before the
    one its publication suggests."""
    night = night_of(claim)
    nights = {n for c in group.claims if (n := night_of(c)) is not None}
    if night is None or len(nights) != 1 or claim.as_of != (claim.published or "")[:10]:
        return False
    if nights.pop().split("/")[1] != night.split("/")[0]:
        return False
    keys = set(claim.source_keys)
    return any(
        keys & set(c.source_keys) and (c.low, c.high) == (claim.low, claim.high)
        for c in group.claims
    )


def night_of(claim: Claim) -> str | None:
    """The night a claim counts ("2025-05-24/2025-05-25"), when its sentence says so."""
    period = claim.period or ""
    return period if "/" in period and ".." not in period else None


def _join(groups: list[Group], claim: Claim, time: object) -> Group | None:
    """The one series a claim missing its place or owner can join (or None): an anchored
    series whose values are close to its own; of several, the one with its very value, or
    the one with at least twice the claims of any other (the national toll, not a
    region's that happens to be close). Without one, it joins the unplaced series of its
    story and time, where claims only corroborate."""
    fits = [
        g
        for g in groups
        if g.place is not None
        and (claim.owner is None or g.owner == claim.owner)
        and (claim.place_key is None or g.place == claim.place_key)
        and _same_time(g, claim, time)
        and (g.cumulative or (_agrees(g, claim) and _same_story(g, claim)))
    ]
    if len(fits) > 1:
        equal = [g for g in fits if claim.value in g.values()]
        fits = equal or fits
    if len(fits) > 1:
        fits.sort(key=lambda g: -len(g.claims))
        if len(fits[0].claims) >= 2 * len(fits[1].claims):
            fits = fits[:1]
    if len(fits) == 1:
        return fits[0]
    if len(fits) > 1:
        return None
    for group in reversed(groups):
        if group.place is not None or not (
            group.cumulative or group.story == claim.story or _told_alike(group, claim)
        ):
            continue
        if None not in (group.owner, claim.owner) and group.owner != claim.owner:
            continue
        if _same_time(group, claim, time):
            return group
    return None


# A count two stories give alike, on one day, is one count when it is at least this large
# or has a unit ("a three-day visit"): "four killed" recurs by chance, "82 killed" and "a
# two-hour call" hardly do.
ALIKE_LEAST = 10


def _told_alike(group: Group, claim: Claim) -> bool:
    """The claim gives, on the very day of one of the series' claims, that claim's very
    value, a large one or one with a unit: the clustering put two reports of one event in
    two stories."""
    if claim.day_number is None or (claim.value < ALIKE_LEAST and claim.unit is None):
        return False
    return any(
        c.day_number == claim.day_number
        and (c.low, c.high) == (claim.low, claim.high)
        and says_the_number(c) == says_the_number(claim)
        for c in group.claims
    )


def _same_story(group: Group, claim: Claim) -> bool:
    """A claim that does not say where joins only a series its story already reports on
    (60 wounded in Ukraine is not the 55 wounded of a Gaza strike the next day)."""
    return claim.story is not None and any(c.story == claim.story for c in group.claims)


def _agrees(group: Group, claim: Claim) -> bool:
    """The claim's value is compatible with, and close to, a precise value of the series
    ("at least 12" with 12; a vague "hundreds" bridges nothing, and "more than 53,000",
    though no floor contradicts another, is not the 12 of an attack)."""
    return any(
        c.low == c.high and compatible(claim, c) and _close(claim.value, c.value)
        for c in group.claims
    )


def _close(a: float, b: float) -> bool:
    """Two values close enough for a claim to join by its value; a report of none ("no
    deaths were immediately reported") that does not say where joins nothing by it."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo <= CLOSE_RATIO


def _is_series(group: Group) -> bool:
    articles = {c.article_id for c in group.claims}
    if len(articles) >= 2:
        return True
    sources = {c.source_keys[0] for c in group.claims if c.source_keys}
    return len(sources) >= 2
