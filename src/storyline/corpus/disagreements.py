"""Where sources disagree: each quantity as a series of claims, and the relations inside it.

``series.group_series`` gathers the figures that count the same thing of the
same event, place and period into series; ``relations.relate`` finds the
contradictions, updates and corroborations inside each one;
``independence`` says which claims are one source. This module reads the
figures from the store, labels each series in words and writes the series,
the disagreements and each figure's ``series_id`` back (``update_disagreements``).
Nothing is compared across blocks (what is counted, and the kind of time it
covers), so the work grows with the claims of each quantity, not with the
square of the figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storyline.corpus.independence import sources
from storyline.corpus.quantity import LEVEL, UNIT_QUANTITY_KEYS, measure_key, thing_key
from storyline.corpus.relations import level_moves, relate
from storyline.corpus.series import Claim, Group, group_series
from storyline.outlets import family
from storyline.schema import Disagreement, Series, stable_id
from storyline.store import Store

# How much of the text before a figure says what its sentence makes of it ("the death toll
# ... has increased to", "including"): the words that lead to the number.
LEAD_CHARS = 40


def claims_from_rows(rows: Sequence[Sequence[object]]) -> list[Claim]:
    """``Store.series_inputs`` rows as claims."""
    out = []
    for row in rows:
        *fields, published, published_at, outlet, url, duplicate_of, story = row[:-3]
        before, after, relay = row[-3:]
        claim = Claim(*fields)  # type: ignore[arg-type]
        claim.published = published  # type: ignore[assignment]
        claim.published_at = published_at  # type: ignore[assignment]
        claim.outlet = outlet  # type: ignore[assignment]
        claim.family = family(url, outlet)  # type: ignore[arg-type]
        claim.copy_of = duplicate_of  # type: ignore[assignment]
        claim.story = story  # type: ignore[assignment]
        claim.before = before  # type: ignore[assignment]
        claim.after = after  # type: ignore[assignment]
        claim.lead = str(before or "")[-LEAD_CHARS:]
        claim.relay = relay  # type: ignore[assignment]
        out.append(claim)
    return out


def _common(values: Sequence[str | None]) -> str | None:
    found = Counter(v for v in values if v)
    return min(found, key=lambda v: (-found[v], v)) if found else None


def _period(claims: Sequence[Claim]) -> str | None:
    """The stretch the series covers: from its earliest start to its latest end."""
    starts, ends = [], []
    for claim in claims:
        if not claim.period:
            continue
        start, _, end = claim.period.partition("/")
        starts.append(start)
        ends.append(end or start)
    if not starts:
        return None
    start = ".." if ".." in starts else min(starts)
    end = max(e for e in ends if e != "..") if any(e != ".." for e in ends) else ".."
    return start if start == end else f"{start}/{end}"


# Letters a counted thing and its measure share when they are one word ("charges",
# "charged"), which the label then says once.
STEM = 5


def _label(group: Group, subject: str | None, measure: str | None) -> str:
    """The quantity in words: "people killed in Ukraine (Russian drone attack), 2025-05-25"."""
    unit = group.block[2] if isinstance(group.block[2], str) else ""
    thing = group.block[1] if isinstance(group.block[1], str) else ""
    counted = subject or unit or thing  # "people wounded", not "wounded"
    if counted and measure and counted[:STEM] == measure[:STEM]:
        measure = None  # "charges", not "charges charged"
    what = " ".join(w for w in (counted, measure or "") if w).strip()
    place = _common([c.place for c in group.claims])
    event = _common([c.event for c in group.claims])
    period = _period(group.claims)
    words = what or "figure"
    if place:
        words += f" in {place}"
    if event:
        words += f" ({event})"
    if period:
        words += f", {period.replace('/', ' to ').replace('..', 'the start')}"
    elif group.block[0] == LEVEL and group.claims[0].day:  # one day's levels
        words += f", {group.claims[0].day[:10]}"
    elif not (place or event or group.cumulative):
        words += _days(group.claims)  # "people wounded, 2025-05-20": when, at least
    return words


def _days(claims: Sequence[Claim]) -> str:
    days = sorted({c.day[:10] for c in claims if c.day})
    if not days:
        return ""
    return f", {days[0]}" if len(days) == 1 else f", {days[0]} to {days[-1]}"


OWNER_WORDS = {"ukraine": "Ukrainian", "russia": "Russian", "israel": "Israeli"}


def series_record(group: Group) -> Series:
    claims = sorted(group.claims, key=lambda c: (c.day or "", c.id))
    ids = [c.id for c in claims]
    measure = measure_key(_common([c.measure for c in claims]))
    things = Counter(thing_key(c.subject) for c in claims if thing_key(c.subject))
    subject = min(things, key=lambda t: (-things[t], t)) if things else None
    if group.block[0] == LEVEL:  # "RTS Index level"
        subject, measure = f"{str(group.block[1]).upper()} Index", LEVEL
    if group.block[0] in UNIT_QUANTITY_KEYS:  # "truce length in days"
        subject, measure = f"{group.block[0]} in {group.block[2]}s", None
    if subject and group.owner in OWNER_WORDS:
        subject = f"{OWNER_WORDS[str(group.owner)]} {subject}"
    return Series(
        id=stable_id("s", *sorted(ids)),
        label=_label(group, subject, measure),
        measure=measure,
        subject=subject,
        place=_common([c.place for c in claims]),
        scope=_common([c.scope for c in claims]),  # type: ignore[arg-type]
        period=_period(claims),
        event=_common([c.event for c in claims]),
        figure_ids=ids,
        sources=[sorted(c.id for c in source) for source in sources(claims)],
    )


def find_series(claims: list[Claim]) -> tuple[list[Series], list[Disagreement]]:
    """The series among the claims and the disagreements inside each (pure)."""
    series: list[Series] = []
    disagreements: dict[str, Disagreement] = {}
    for group in group_series(claims):
        record = series_record(group)
        series.append(record)
        if group.block[0] == LEVEL:
            found = level_moves(record.id, record.label, group.claims)
        else:
            found = relate(record.id, record.label, group.claims, group.cumulative, group.anchored)
        for d in found:
            disagreements[d.id] = d
    series.sort(key=lambda s: s.id)
    return series, [disagreements[k] for k in sorted(disagreements)]


def update_disagreements(store: Store) -> list[Disagreement]:
    """Regroup every figure of the store into series and replace the series, the
    disagreements and the figures' ``series_id``."""
    series, disagreements = find_series(claims_from_rows(store.series_inputs()))
    members = {f: s.id for s in series for f in s.figure_ids}
    store.replace_series(series, disagreements, members)
    return disagreements
