"""Where sources disagree: figures that count the same thing, compared across articles.

Figures are grouped by what they count: the same measure (``killed``,
``wounded``, ``casualties``...) of compatible subjects (``Ukrainian soldiers``
matches ``military personnel`` when one side does not name the side).
Inside a group, two figures are compared by these rules (``compare``):

- ``corroboration``: the values agree (within ``SAME_VALUE_RATIO``) and come
  from different articles: an outlet repeats the same claim, or a second
  source confirms it.
- ``update``: the same claimant gives different values at different dates
  (Zelenskyy: 31,000 in February 2024, 43,000 in December 2024, 45,100 in
  February 2025).
- ``contradiction``: different claimants, dates within ``OVERLAP_DAYS`` (or
  unknown), values at least ``CONTRADICTION_RATIO`` apart (Trump's 700,000
  dead vs Zelenskyy's 45,100 killed).

Rates (``per`` week) and shares (``half``) are only compared with figures
of the same period and unit, and a count of both sides (``Russian and
Ukrainian soldiers``) never with a count of one side.

Killed, wounded and casualties (killed + wounded) are different measures
and are never compared: ``compare`` says so instead of calling them
contradictory. ``lost`` is ambiguous (killed, or killed and wounded), so it
only corroborates a figure with the same value and claimant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from storyline.corpus.names import fold
from storyline.schema import Disagreement, DisagreementKind, Figure, stable_id
from storyline.store import Store

# Values within 2% are the same figure ("about 400,000" and "400,000"); 43,000
# and 45,100 are two different counts.
SAME_VALUE_RATIO = 1.02
CONTRADICTION_RATIO = 2.0
OVERLAP_DAYS = 92

# Measure synonyms other components may emit -> one measure.
MEASURE_SYNONYMS: dict[str, str] = {
    "dead": "killed",
    "deaths": "killed",
    "died": "killed",
    "fatalities": "killed",
    "injured": "wounded",
    "losses": "lost",
}
# Measures that may stand for another when value and claimant agree.
AMBIGUOUS_MEASURES: dict[str, frozenset[str]] = {
    "lost": frozenset({"killed", "casualties"}),
}
# Words for the same kind of people counted -> one category.
SUBJECT_CATEGORIES: dict[str, str] = {
    "soldiers": "soldiers",
    "soldier": "soldiers",
    "troops": "soldiers",
    "servicemen": "soldiers",
    "military": "soldiers",
    "personnel": "soldiers",
    "fighters": "soldiers",
    "service": "soldiers",
    "army": "soldiers",
    "civilians": "civilians",
    "civilian": "civilians",
    "people": "people",
    "children": "children",
}
# Who the counted belong to: the side, in the words outlets use.
SIDES: dict[str, str] = {
    "ukrainian": "ukraine",
    "ukraine": "ukraine",
    "ukraine's": "ukraine",
    "kyiv": "ukraine",
    "russian": "russia",
    "russia": "russia",
    "russia's": "russia",
    "moscow": "russia",
}


@dataclass
class Claim:
    """A figure with the context the rules need."""

    figure: Figure
    day: str | None
    outlet: str | None

    @property
    def value(self) -> float:
        low = self.figure.low if self.figure.low is not None else self.figure.high
        high = self.figure.high if self.figure.high is not None else low
        return ((low or 0.0) + (high or 0.0)) / 2

    @property
    def who(self) -> str | None:
        if self.figure.claimant_entity:
            return self.figure.claimant_entity
        return fold(self.figure.claimant) if self.figure.claimant else None

    @property
    def claimant(self) -> str:
        return self.figure.claimant or "unattributed"


def measure_of(figure: Figure) -> str | None:
    if not figure.measure:
        return None
    m = fold(figure.measure).strip()
    return MEASURE_SYNONYMS.get(m, m)


def subject_of(figure: Figure) -> tuple[str | None, str | None]:
    """(side, category) of what is counted: ``Ukrainian soldiers`` -> (ukraine, soldiers)."""
    words = re.findall(r"[\w']+", fold(figure.subject or ""))
    sides = {SIDES[w] for w in words if w in SIDES}
    # "Russian and Ukrainian soldiers" counts both sides: not comparable with one side.
    side = sides.pop() if len(sides) == 1 else ("both" if sides else None)
    category = next((SUBJECT_CATEGORIES[w] for w in words if w in SUBJECT_CATEGORIES), None)
    return side, category


def _subjects_compatible(a: Figure, b: Figure) -> bool:
    (side_a, cat_a), (side_b, cat_b) = subject_of(a), subject_of(b)
    if cat_a is None or cat_b is None or cat_a != cat_b:
        return False
    if "both" in (side_a, side_b):
        return side_a == side_b
    return side_a is None or side_b is None or side_a == side_b


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            da = date.fromisoformat(_pad(a))
            db = date.fromisoformat(_pad(b))
            return abs((da - db).days)
    except ValueError:
        pass
    return None


def _pad(day: str) -> str:
    """``2024-12`` -> ``2024-12-01`` (month precision compares at the month's start)."""
    parts = day[:10].split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)


def _ratio(a: float, b: float) -> float:
    lo, hi = sorted((abs(a), abs(b)))
    return float("inf") if lo == 0 else hi / lo


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def compare(a: Claim, b: Claim) -> tuple[str | None, str]:
    """The rule verdict for two figures: (kind or None, why)."""
    ma, mb = measure_of(a.figure), measure_of(b.figure)
    if not _subjects_compatible(a.figure, b.figure):
        return None, "different subjects"
    ratio = _ratio(a.value, b.value)
    same_value = ratio <= SAME_VALUE_RATIO
    same_claimant = a.who is not None and a.who == b.who
    if ma != mb:
        loose = AMBIGUOUS_MEASURES.get(ma or "", frozenset()) | AMBIGUOUS_MEASURES.get(
            mb or "", frozenset()
        )
        if not (same_value and same_claimant and (ma in loose or mb in loose)):
            return None, (
                f"different measures ({ma} vs {mb}): {_fmt(a.value)} and {_fmt(b.value)} "
                "count different things, not a contradiction"
            )
    gap = _days_apart(a.day, b.day)
    when = f"{a.day or 'undated'} / {b.day or 'undated'}"
    if same_value and a.figure.article_id != b.figure.article_id:
        return "corroboration", (
            f"same value {_fmt(a.value)} ({a.claimant} / {b.claimant}) "
            f"in two articles ({a.outlet or a.figure.article_id} / "
            f"{b.outlet or b.figure.article_id}), {when}"
        )
    if same_claimant and not same_value and gap:
        first, second = sorted((a, b), key=lambda c: _pad(c.day or ""))
        return "update", (
            f"{a.claimant}: {_fmt(first.value)} ({first.day}) -> "
            f"{_fmt(second.value)} ({second.day}), ratio {ratio:.2f}"
        )
    if not same_claimant and ratio >= CONTRADICTION_RATIO and (gap is None or gap <= OVERLAP_DAYS):
        return "contradiction", (
            f"{a.claimant} {_fmt(a.value)} vs {b.claimant} {_fmt(b.value)}: "
            f"ratio {ratio:.1f} >= {CONTRADICTION_RATIO}, dates {when}"
        )
    return None, f"no rule applies (ratio {ratio:.2f}, {when})"


def find_disagreements(claims: list[Claim]) -> list[Disagreement]:
    """Apply ``compare`` to every pair in each measure group; merge pairs into records.

    Corroborations and updates are chained (all figures of one claim, all
    values of one claimant over time); contradictions stay pairwise between
    claimants.
    """
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        m = measure_of(claim.figure)
        if m is None or (claim.figure.low is None and claim.figure.high is None):
            continue
        category = subject_of(claim.figure)[1]
        if category is None:
            continue
        # "lost" may corroborate killed or casualties figures: compare it with those too.
        # A rate ("5,000 a week") and a share ("half") count something else than a total.
        scale = f"{claim.figure.per or ''}/{claim.figure.unit or ''}"
        for key in {m} | AMBIGUOUS_MEASURES.get(m, frozenset()):
            groups[f"{key}/{category}/{scale}"].append(claim)
    edges: dict[str, list[tuple[Claim, Claim, str]]] = defaultdict(list)
    for measure in sorted(groups):
        members = sorted(groups[measure], key=lambda c: c.figure.id)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                verdict, why = compare(a, b)
                if verdict is not None:
                    edges[verdict].append((a, b, why))
    out: dict[str, Disagreement] = {}
    chained: tuple[DisagreementKind, ...] = ("corroboration", "update")
    for kind in chained:
        for component in _components(edges[kind]):
            ids = sorted(
                {c.figure.id for c, _, _ in component} | {c.figure.id for _, c, _ in component}
            )
            claim = component[0][0]
            if kind == "update":
                reason = _timeline(component)
            else:
                reason = "; ".join(sorted({why for _, _, why in component}))
            d = Disagreement(stable_id("d", kind, *ids), kind, _topic(claim), ids, reason)
            out[d.id] = d
    for a, b, why in edges["contradiction"]:
        ids = sorted({a.figure.id, b.figure.id})
        d = Disagreement(
            stable_id("d", "contradiction", *ids), "contradiction", _topic(a), ids, why
        )
        out[d.id] = d
    return [out[k] for k in sorted(out)]


def _components(
    edges: list[tuple[Claim, Claim, str]],
) -> list[list[tuple[Claim, Claim, str]]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b, _ in edges:
        ra, rb = find(a.figure.id), find(b.figure.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    grouped: dict[str, list[tuple[Claim, Claim, str]]] = defaultdict(list)
    for edge in edges:
        grouped[find(edge[0].figure.id)].append(edge)
    return [grouped[k] for k in sorted(grouped)]


def _timeline(component: list[tuple[Claim, Claim, str]]) -> str:
    """``Zelenskyy: 31,000 (2024-02) -> 43,000 (2024-12-08) -> 45,100 (2025-02)``."""
    claims = {c.figure.id: c for edge in component for c in edge[:2]}
    points = sorted({(_pad(c.day or ""), c.day or "undated", c.value) for c in claims.values()})
    names = sorted({c.claimant for c in claims.values()}, key=lambda n: (-len(n), n))
    steps = " -> ".join(f"{_fmt(v)} ({day})" for _, day, v in points)
    ratio = _ratio(points[0][2], points[-1][2])
    return f"{names[0]} over time: {steps}; last/first ratio {ratio:.2f}"


def _topic(claim: Claim) -> str:
    subject = claim.figure.subject or "unspecified"
    return f"{measure_of(claim.figure)}: {subject}"


def update_disagreements(store: Store) -> list[Disagreement]:
    """Regroup every figure in the store and replace the disagreements table."""
    claims = [
        Claim(figure, figure.as_of or published, outlet)
        for figure, published, outlet in store.measured_figures()
    ]
    disagreements = find_disagreements(claims)
    store.replace_disagreements(disagreements)
    return disagreements
