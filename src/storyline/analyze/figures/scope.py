"""What stretch of time a figure counts: one incident, a period, or a running total.

"12 killed in the attack" counts one incident; "19 killed overnight" and "82
in the past 24 hours" count a period; "3,509 killed since March 18" is a
running total of a named series. Two figures count the same quantity only
when they count the same stretch of time, so the corpus stage groups figures
by it.

Each ``ScopeRule`` is a cue in the figure's sentence, the scope and kind of
window it gives, and an example sentence with the figure in [brackets] that
``tests/test_figure_about.py`` checks is read by that rule. The cue nearest
to the figure wins, except that a cue inside a superlative ("the largest
attack since the full-scale invasion", "the deadliest of the war so far")
says how big an event was, not what a figure counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from storyline.analyze.timexes.values import timex_date
from storyline.schema import Timex

Scope = Literal["incident", "period", "cumulative"]
# The kind of window a cue gives: a night, a day, the last 24 hours, a week, a
# span that started at a named point ("since"), a total to date, or the time of
# one incident.
Window = Literal["night", "day", "24h", "week", "month", "since", "total", "incident"]

_WAR = (
    r"(?:(?:russia'?s?|israel'?s?|the|its|this|a)\s+)?(?:full[- ]scale\s+|large[- ]scale\s+)?"
    r"(?:russian\s+|israeli\s+)?(?:war|invasion|conflict|special\s+military\s+operation|"
    r"offensive|hostilities|fighting)"
)


@dataclass(frozen=True)
class ScopeRule:
    name: str
    pattern: re.Pattern[str]
    scope: Scope
    window: Window
    example: str  # a sentence the rule reads, the figure in [brackets]


def _rule(name: str, pattern: str, scope: Scope, window: Window, example: str) -> ScopeRule:
    return ScopeRule(name, re.compile(pattern, re.IGNORECASE), scope, window, example)


SCOPE_RULES: tuple[ScopeRule, ...] = (
    _rule(
        "since-war-start",
        rf"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|launch|onset)\s+of\s+{_WAR}"
        rf"|\bsince\s+{_WAR}\s+(?:began|started|broke\s+out)",
        "cumulative",
        "since",
        "Ukraine has lost [45,100] soldiers since the beginning of the full-scale invasion.",
    ),
    _rule(
        "since-date",
        r"\bsince\b",
        "cumulative",
        "since",
        "At least [3,509] people have been killed since March 18, the ministry said.",
    ),
    _rule(
        "running-total",
        r"\b(?:so\s+far|to\s+date|in\s+total|overall|altogether|"
        r"all\s+told|cumulative(?:ly)?|running\s+total|throughout\s+the\s+war|"
        r"(?:over|during|in)\s+the\s+course\s+of\s+the\s+war)\b",
        "cumulative",
        "total",
        "Overall, the armed forces have destroyed [662] warplanes, the ministry said.",
    ),  # not "in all": "lost 1,415 troops in all the frontline areas over the past day";
    # not "a total of": a sum of one attack or one swap ("Russia used a total of 69
    # missiles and 298 drones - the largest single aerial attack of the war", Fox)
    _rule(
        "during-war",
        r"\bduring\s+(?:the\s+|this\s+|its\s+|[\w-]+['’]s\s+)?"
        r"(?:(?:military|full[- ]scale)\s+)?(?:war|campaign)\b(?!\s+(?:games|crimes?|zone))",
        "cumulative",
        "total",
        "Gaza's health ministry says more than [53,000] Palestinians have been killed during "
        "Israel's military campaign.",
    ),  # a war's toll to date ("confirmed killed in Gaza during the war"); not "in the war",
    # which says where an event stands ("the largest attack in the war")
    _rule(
        "past-24-hours",
        r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:past|last|previous)\s+(?:24|twenty-four)"
        r"\s+hours\b|\b(?:in|over)\s+(?:the\s+)?(?:past|last|previous)\s+day\b"
        r"|\bin\s+24\s+hours\b|\bover\s+the\s+day\b|\bin\s+(?:a\s+single|one)\s+day\b",
        "period",
        "24h",
        "Israeli strikes killed [82] people in the past 24 hours, the health ministry said.",
    ),
    _rule(
        "overnight",
        r"\bovernight\b|\b(?:during|in|on)\s+the\s+night\b|\blast\s+night\b|"
        r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+night\b|"
        r"\bin\s+the\s+early\s+hours\b|\bnight\s+(?:attack|raid|strikes?)\b",
        "period",
        "night",
        "Russian strikes have killed at least [nine] people across Ukraine overnight.",
    ),
    _rule(
        "this-week",
        r"\b(?:this|last|past|previous)\s+week\b|\bover\s+the\s+weekend\b|\bin\s+a\s+week\b",
        "period",
        "week",
        "The army said it had shot down [250] drones this week.",
    ),
    _rule(
        "this-month",
        r"\b(?:this|last|past|previous)\s+month\b",
        "period",
        "month",
        "Police said [40] people had been arrested this month.",
    ),
    _rule(
        "since-dawn",
        r"\bsince\s+(?:dawn|early\s+\w+day|\w+day\s+morning|the\s+morning|midnight|"
        r"early\s+morning|this\s+morning)\b",
        "period",
        "day",
        "Rescuers said [23] people had been killed since dawn on Sunday.",
    ),
    _rule(
        "incident",
        r"\b(?:attacks?|strikes?|airstrikes?|air\s+strikes?|air\s+raids?|raids?|bombardment|"
        r"bombings?|bombed|shelling|barrage|blasts?|explosions?|shootings?|stabbing|"
        r"crash(?:ed)?|collision|fire|ambush|assault|exchange|swap|hijacking|massacre|"
        r"stampede|derailment)\b",
        "incident",
        "incident",
        "At least [four] people were killed in the Russian drone attack on the city.",
    ),
)

# A cue inside a superlative says how big an event was ("the largest attack since
# the full-scale invasion began", "the deadliest strike of the war so far").
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:largest|biggest|deadliest|heaviest|worst|most|highest|lowest|first|longest|"
    r"strongest|greatest|fiercest|record)\b[^.,;:]{0,60}$",
    re.IGNORECASE,
)


# A relative clause opened after the figure describes its own noun: a time cue inside it
# ("the delegation of 35 diplomats approached the camp, which has been under siege since
# Jan. 21") dates that noun, not the figure.
_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whose|where)\b[^,;:]*$", re.IGNORECASE)


# Words between the figure and a relative clause that make the clause another noun's: the
# counted noun's own ("45,100 soldiers, who have died since the war began") is nearer.
OWN_NOUN_WORDS = 3


def _other_nouns_clause(text: str, figure: tuple[int, int], cue: int) -> bool:
    """The cue is inside a relative clause opened after the figure, about another noun
    than the counted one."""
    clause = _RELATIVE_AFTER.search(text, figure[1], cue)
    return clause is not None and len(text[figure[1] : clause.start()].split()) > OWN_NOUN_WORDS


# Windows that are reporting periods, not one incident's time.
REPORTING_WINDOWS = frozenset({"24h", "day", "week", "month"})


@dataclass(frozen=True)
class Cue:
    rule: ScopeRule
    start: int  # where the cue is in the text (for the event's words)
    end: int


@dataclass(frozen=True)
class ScopeReading:
    """The figure's time cue (a period or running total) and incident cue, each the
    nearest in its sentence; either may be missing."""

    time: Cue | None
    incident: Cue | None

    @property
    def scope(self) -> Scope:
        """A running total; else a reporting period (the past 24 hours, a week: counts of
        many strikes); else one incident (a night's attack is one); else a period."""
        if self.time is not None and self.time.rule.scope == "cumulative":
            return "cumulative"
        if self.time is not None and self.time.rule.window in REPORTING_WINDOWS:
            return "period"
        return "incident" if self.incident is not None else "period"

    @property
    def window(self) -> Window:
        return self.time.rule.window if self.time is not None else "incident"


def read_scope(
    text: str,
    sentence: tuple[int, int],
    figure: tuple[int, int],
    others: Sequence[tuple[int, int]] = (),
) -> ScopeReading | None:
    """The time and incident cues nearest to the figure in its sentence (None when none
    applies): "12 killed in the attack overnight" is an incident counted over a night.

    A cue with another figure between it and this one belongs to that figure when that
    figure is nearer to it ("19 killed overnight and 82 in 24 hours")."""
    best: dict[bool, tuple[int, int, Cue]] = {}
    for order, rule in enumerate(SCOPE_RULES):
        is_incident = rule.scope == "incident"
        for m in rule.pattern.finditer(text, *sentence):
            if m.start() < figure[1] and figure[0] < m.end():
                continue  # the figure itself ("24 hours" is not its own period)
            if not is_incident and _SUPERLATIVE_BEFORE.search(
                text, max(sentence[0], m.start() - 60), m.start()
            ):
                continue
            if not is_incident and _other_nouns_clause(text, figure, m.start()):
                continue  # "approached the camp, which has been under siege since Jan. 21"
            if rule.name == "since-date" and _covered(m, rule, text, sentence[1]):
                continue  # a more specific "since" rule reads this cue
            distance = owned_distance(text, (m.start(), m.end()), figure, others)
            if distance is None:
                continue
            key = (distance, order)
            if is_incident not in best or key < best[is_incident][:2]:
                best[is_incident] = (distance, order, Cue(rule, m.start(), m.end()))
    if not best:
        return None
    time, incident = best.get(False), best.get(True)
    return ScopeReading(time[2] if time else None, incident[2] if incident else None)


def owned_distance(
    text: str,
    cue: tuple[int, int],
    figure: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> int | None:
    """How far a cue (a time phrase, a place) is from the figure, or None when it belongs
    to another figure: one that stands between them and nearer to the cue, unless the two
    figures are coordinated ("four killed and 16 injured in the capital": both), directly
    or through the items of one list between them ("destroyed 605 missile systems, 23,441
    tanks, ... and 35,747 vehicles since the start of the operation": all of them)."""
    distance = span_distance(*cue, *figure)
    for other in others:
        if (
            span_distance(*cue, *other) < distance
            and lies_between(*other, *cue, *figure)
            and not _coordinated(text, figure, other, others)
        ):
            return None
    return distance


def _coordinated(
    text: str,
    figure: tuple[int, int],
    other: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> bool:
    """Every gap from the figure to the other, through the figures between them, is a
    coordination."""
    lo, hi = sorted((figure, other))
    chain = [lo, *sorted(o for o in others if lo[1] <= o[0] and o[1] <= hi[0]), hi]
    return all(_COORDINATED.fullmatch(text[a[1] : b[0]]) for a, b in pairwise(chain))


# Between two coordinated figures: "four people were killed and [16]", "12 dead and [60]",
# "inflicted 170 casualties on Ukrainian troops and destroyed [four]", "236 unmanned aerial
# vehicles (UAVs) and [six]", or items of one list ("662 warplanes, [283] helicopters";
# "235 personnel, a tank, [two] armored vehicles": the items between need not be figures).
_COORDINATED = re.compile(
    r"[^,;:()]{0,60}(?:\([^()]{1,12}\)\s*)?\band\s+(?:[a-z]+ed\s+)?"
    r"(?:another\s+|more\s+than\s+|at\s+least\s+)?"
    r"|(?:\s*(?:[\w'’-]+\s+){0,5}?[\w'’-]+\s*,\s*(?:and\s+)?)+"
)


def _covered(m: re.Match[str], rule: ScopeRule, text: str, end: int) -> bool:
    """A longer cue of another "since" rule starts here ("since dawn", "since the start of")."""
    for other in SCOPE_RULES:
        if other is rule or other.window not in ("since", "day"):
            continue
        hit = other.pattern.match(text, m.start(), end)
        if hit is not None and hit.end() > m.end():
            return True
    return False


def span_distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def lies_between(
    o_start: int, o_end: int, c_start: int, c_end: int, f_start: int, f_end: int
) -> bool:
    """Another figure (``o``) lies between the cue (``c``) and this figure (``f``)."""
    lo, hi = (c_end, f_start) if c_end <= f_start else (f_end, c_start)
    return lo <= o_start and o_end <= hi


def since_anchor(
    text: str, reading: ScopeReading, sentence: tuple[int, int], timexes: Sequence[Timex]
) -> str | None:
    """When a running total started: the date right after "since" (or, for "these have
    since killed", the date of the sentence), ``war`` for the start of a war, else None."""
    cue = reading.time
    if cue is None or reading.window != "since":
        return None
    if cue.rule.name == "since-war-start":
        return "war"
    dated = [
        (t, d)
        for t in timexes
        if sentence[0] <= t.start and t.end <= sentence[1] and (d := timex_date(t)) is not None
    ]
    after = [x for x in dated if 0 <= x[0].start - cue.end <= 60]
    if after:
        return min(after, key=lambda x: x[0].start)[1]
    tail = text[cue.end : cue.end + 40].lower()
    if re.match(r"\s+(?:the\s+)?(?:war|conflict|invasion)\s+(?:began|started)", tail):
        return "war"
    before = [x for x in dated if x[0].end <= cue.start]
    if before:
        return max(before, key=lambda x: x[0].end)[1]
    return None


def period_of(reading: ScopeReading | None, day: str | None, anchor: str | None) -> str | None:
    """The stretch of time the figure counts as an ISO 8601 interval or date:
    ``2025-05-24/2025-05-25`` for the night into 25 May, ``2025-05-25`` for one day,
    ``2025-03-18/2025-05-20`` for a total since 18 March as of 20 May, ``../2025-02``
    for a total since a war began. None when the figure's day is not known."""
    if reading is None or day is None:
        return None
    if reading.window == "since":
        start = ".." if anchor in (None, "war") else anchor
        return f"{start}/{day}"
    if reading.window == "total":
        return f"../{day}"
    if len(day) < 10:
        return day
    if reading.window == "night":
        return f"{shift_day(day, -1)}/{day}"
    if reading.window == "24h":
        return f"{shift_day(day, -1)}/{day}"
    if reading.window == "week":
        return f"{shift_day(day, -7)}/{day}"
    if reading.window == "month":
        return f"{shift_day(day, -31)}/{day}"
    return day


def shift_day(day: str, days: int) -> str:
    """``2025-05-25`` moved by ``days``."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
