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

from storyline.corpus.claims import words as w
from storyline.corpus.claims.speakers import PLATFORMS
from storyline.corpus.independence import redate_stock_runs, sources
from storyline.corpus.labels import OWNER_WORDS, common, label, period_of, says_what
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
    """``Store.series_inputs`` rows as claims (a platform named as the claimant, none)."""
    out = []
    for row in rows:
        *fields, published, published_at, outlet, url, duplicate_of, story = row[:-3]
        before, after, relay = row[-3:]
        claim = Claim(*fields)  # type: ignore[arg-type]
        if claim.claimant and w.words(claim.claimant) in PLATFORMS:
            # "according to a Telegram statement" names a medium, not who posted it: the
            # outlet's report stands alone
            claim.claimant = claim.claimant_entity = claim.claimant_status = None
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


def counted(group: Group) -> tuple[str | None, str | None]:
    """What the series counts (its subject, with its owner) and what happened to it."""
    measure = measure_key(common([c.measure for c in group.claims]))
    things = Counter(thing_key(c.subject) for c in group.claims if thing_key(c.subject))
    subject = min(things, key=lambda t: (-things[t], t)) if things else None
    if group.block[0] == LEVEL:  # "RTS Index level"
        subject, measure = f"{str(group.block[1]).upper()} Index", LEVEL
    if group.block[0] in UNIT_QUANTITY_KEYS:  # "truce length in days"
        subject, measure = f"{group.block[0]} in {group.block[2]}s", None
    if subject and group.owner in OWNER_WORDS:
        subject = f"{OWNER_WORDS[str(group.owner)]} {subject}"
    return subject, measure


def series_record(
    group: Group, words: tuple[str | None, str | None], by_source: list[list[Claim]]
) -> Series:
    """The series record of a group: ``words`` is what it counts (``counted``),
    ``by_source`` its claims by independent source."""
    claims = sorted(group.claims, key=lambda c: (c.day or "", c.id))
    ids = [c.id for c in claims]
    subject, measure = words
    source_of = {c.id: n for n, source in enumerate(by_source) for c in source}
    return Series(
        id=stable_id("s", *sorted(ids)),
        label=label(group, subject, measure, source_of=source_of),
        measure=measure,
        subject=subject,
        place=common([c.place for c in claims]),
        scope=common([c.scope for c in claims]),  # type: ignore[arg-type]
        period=period_of(claims),
        event=common([c.event for c in claims]),
        figure_ids=ids,
        sources=[sorted(c.id for c in source) for source in by_source],
    )


def find_series(claims: list[Claim]) -> tuple[list[Series], list[Disagreement]]:
    """The series among the claims and the disagreements inside each (pure). Each
    relation's topic is the quantity in words as its own figures give it (the toll of one
    school's strike inside the series of a night's strikes across Gaza)."""
    series: list[Series] = []
    disagreements: dict[str, Disagreement] = {}
    for group in group_series(claims):
        redate_stock_runs(group.claims)
        words, by_source = counted(group), sources(group.claims)
        record = series_record(group, words, by_source)
        series.append(record)
        if group.block[0] == LEVEL:
            found = level_moves(record.id, record.label, group.claims)
        else:
            found = relate(record.id, record.label, group.claims, group.cumulative, group.anchored)
        by_id = {c.id: c for c in group.claims}
        source_of = {c.id: n for n, source in enumerate(by_source) for c in source}
        for d in found:
            involved = [by_id[f] for f in d.figure_ids]
            if d.kind == "corroboration" and not _placed_or_counted(group, involved, source_of):
                continue
            d.topic = label(group, *words, involved, source_of)
            disagreements[d.id] = d
    series.sort(key=lambda s: s.id)
    return series, [disagreements[k] for k in sorted(disagreements)]


def _placed_or_counted(group: Group, claims: Sequence[Claim], source_of: dict[str, int]) -> bool:
    """A corroboration a reader can place, or one of a count: "nobody was hurt" said by two
    articles that name no place or event (BBC's and the NYT's of the fires at homes
    linked to Starmer) confirms what happens in most events."""
    return says_what(group, claims, source_of) or any(c.value != 0 for c in claims)


def update_disagreements(store: Store) -> list[Disagreement]:
    """Regroup every figure of the store into series and replace the series, the
    disagreements and the figures' ``series_id``."""
    series, disagreements = find_series(claims_from_rows(store.series_inputs()))
    members = {f: s.id for s in series for f in s.figure_ids}
    store.replace_series(series, disagreements, members)
    return disagreements
