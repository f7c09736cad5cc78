"""Inline SVG charts of claimed values over time, one series per claimant (or side).

Drawn here in a few lines of Python rather than with a chart library: the
briefing must open offline as one file, and what the chart needs to say
(ranges as bars, "more than" as an arrow up, "up to" as an arrow down,
"about" as a hollow ring, undated claims in their own lane, outliers at the
edge) is not a stock chart type anyway.

What keeps a chart readable on a real story (``assign_series``, ``_Labels``):
at most ``MAX_SERIES`` series, merging the claimants of one side when there are
more; values labelled only where the label overlaps nothing (every value is
in the tooltip and in the table under the chart); a time axis zoomed to the
claims (``chart_frame``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from storyline.views.chart_frame import (
    FONT,
    HEIGHT,
    LEFT,
    PLOT_BOTTOM,
    RIGHT,
    TOP,
    WIDTH,
    Frame,
    bounds,
    compact,
    date_label,
    mid,
    ticks,
)
from storyline.views.sides import NOBODY, side_of, who_key

# Colour-blind-safe palette (Okabe & Ito), one colour per series.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7A5C00")
MAX_SERIES = len(PALETTE)

# How a qualifier bends the claimed value: lower bounds point up, upper bounds down.
LOWER_BOUND = frozenset(
    {"more than", "at least", "over", "maybe more", "upwards of", "in excess of", "exceeding",
     "above", "plus", "or more"}
)  # fmt: skip
UPPER_BOUND = frozenset(
    {"up to", "less than", "fewer than", "at most", "under", "nearly", "almost", "below",
     "no more than", "just under"}
)  # fmt: skip
APPROXIMATE = frozenset(
    {"about", "approximately", "around", "roughly", "some", "an estimated", "estimated",
     "nearly about", "circa", "close to", "or so"}
)  # fmt: skip

Point = dict[str, Any]


def qualifier_kind(qualifier: str | None) -> str:
    q = (qualifier or "").lower().strip()
    if q in LOWER_BOUND:
        return "lower"
    if q in UPPER_BOUND:
        return "upper"
    if q in APPROXIMATE:
        return "approx"
    return "exact" if not q else "approx"


@dataclass
class Series:
    label: str
    colour: str
    members: list[str] = field(default_factory=list)  # the claimants it gathers


def assign_series(points: list[Point], limit: int = MAX_SERIES) -> list[Series]:
    """Give each point a ``series`` (its claimant, or its claimant's side when there are
    more than ``limit`` claimants), or None when its series is not drawn: beyond
    ``limit`` series the smallest go to the table only. Returns the drawn series."""
    claimants = Counter(p["who"] for p in points)
    label = {who: who for who in claimants}
    if len(claimants) > limit:
        sides: dict[str, list[str]] = defaultdict(list)
        for who in claimants:
            side = side_of(who)
            if side:
                sides[side].append(who)
        for side, same in sides.items():
            if len(same) > 1:
                for who in same:
                    label[who] = f"{side} ({len(same)} sources)"
    size: Counter[str] = Counter()
    members: dict[str, list[str]] = defaultdict(list)
    for who, n in claimants.items():
        size[label[who]] += n
        members[label[who]].append(who)
    kept = sorted(size, key=lambda s: (-size[s], s))[:limit]
    kept.sort()
    drawn = {s: Series(s, PALETTE[i], sorted(members[s])) for i, s in enumerate(kept)}
    for p in points:
        series = drawn.get(label[p["who"]])
        p["series"] = series.label if series else None
        p["colour"] = series.colour if series else None
    return list(drawn.values())


def value_chart(points: list[Point], link: Callable[[Point], str], title: str = "") -> Markup:
    """An SVG of ``points`` (dicts with ``date``, ``who``, ``low``, ``high``, ``qualifier``,
    and ``series``/``colour`` from :func:`assign_series`, which runs here when missing).

    ``link`` gives each point's href (its figure in the briefing, or its span in
    the article page), so every mark leads to its source.
    """
    if any("series" not in p for p in points):
        assign_series(points)
    drawn = [
        p
        for p in points
        if p["series"] is not None and (p.get("low") is not None or p.get("high") is not None)
    ]
    if not drawn:
        return Markup("")
    frame = Frame.of(drawn)
    label = escape(title or "Claimed values over time")
    labels = _Labels(frame, drawn)
    out: list[str] = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{label}"><title>{label}</title>',
        *_axes(frame),
        *_revisions(frame, drawn),
    ]
    for p in drawn:
        out += _point(frame, p, link, labels.at(p), labels.place(p))
    out.append("</svg>")
    series: dict[str, str] = {p["series"]: p["colour"] for p in drawn}
    legend = "".join(
        f'<span class="key"><i style="background:{series[s]}"></i>{escape(s)}</span>'
        for s in sorted(series)
    )
    return Markup(
        f'<figure class="chart-box">{"".join(out)}<figcaption class="legend">{legend}'
        '<span class="key-q">● exact · ○ about · ↑ at least · ↓ up to · ┃ range</span>'
        "</figcaption></figure>"
    )


def _axes(frame: Frame) -> list[str]:
    """Value ticks and grid, date labels, outlier strips, the undated lane, the scale note."""
    y = frame.y
    right = frame.plot_right
    out = [f'<g class="axis" font-size="{FONT}" fill="#555">']
    for t in ticks(frame.lo, frame.hi, frame.log):
        ty = y(t)
        out.append(
            f'<line x1="{LEFT}" x2="{right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#e4e4e4"/>'
            f'<text x="{LEFT - 5}" y="{ty + 4:.1f}" text-anchor="end">{compact(t)}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{right}" y1="{PLOT_BOTTOM}" y2="{PLOT_BOTTOM}" stroke="#999"/>'
    )
    if frame.window is not None:
        d0, d1 = frame.window
        span = (d1 - d0).days
        last = -1e9
        for d in frame.date_ticks():
            text = date_label(d, span)
            width = len(text) * FONT * 0.58
            # Centred under its date, unless that would run past the plot's edge.
            left = min(max(frame.x(d) - width / 2, LEFT), frame.plot_right - width)
            if left < last + 8:  # a label that would touch the last one is skipped
                continue
            last = left + width
            out.append(
                f'<text x="{left + width / 2:.1f}" y="{PLOT_BOTTOM + 16}" text-anchor="middle">'
                f"{text}</text>"
            )
        out += _outlier_strips(frame)
    if frame.has_undated:
        out += _undated_lane(frame)
    scale = "log scale" if frame.log else "linear scale"
    out.append(
        f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="{FONT - 1}" fill="#777">value ({scale});'
        " date claimed (as of, else published)</text></g>"
    )
    return out


def _outlier_strips(frame: Frame) -> list[str]:
    """A dashed edge and the outliers' dates: they are far off, not to scale."""
    out = []
    for dates, x_edge in ((frame.early, frame.plot_left), (frame.late, frame.plot_right)):
        if not dates:
            continue
        x_mid = frame.x(dates[0])
        out.append(
            f'<line x1="{x_edge}" x2="{x_edge}" y1="{TOP}" y2="{PLOT_BOTTOM}" stroke="#bbb" '
            'stroke-dasharray="2 3"/>'
            f'<text x="{x_mid:.1f}" y="{PLOT_BOTTOM + 16}" text-anchor="middle" '
            f'font-size="{FONT - 2}">{dates[0].year if len(dates) == 1 else "≪"}</text>'
            f'<text x="{x_mid:.1f}" y="{PLOT_BOTTOM + 28}" text-anchor="middle" '
            f'font-size="{FONT - 3}">off scale</text>'
        )
    return out


def _undated_lane(frame: Frame) -> list[str]:
    lane_left = frame.lane_left
    out = []
    if frame.window:
        out.append(
            f'<line x1="{lane_left}" x2="{lane_left}" y1="{TOP}" y2="{PLOT_BOTTOM}" '
            'stroke="#ccc" stroke-dasharray="3 3"/>'
        )
    else:
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{PLOT_BOTTOM}" '
            f'y2="{PLOT_BOTTOM}" stroke="#999"/>'
        )
    centre = (lane_left + WIDTH - RIGHT) / 2
    out.append(
        f'<text x="{centre:.1f}" y="{PLOT_BOTTOM + 16}" text-anchor="middle">'
        f"{'undated' if frame.window else 'undated claims (no date stated or known)'}</text>"
    )
    return out


def _revisions(frame: Frame, drawn: list[Point]) -> list[str]:
    """One thin line per single-claimant series through its dated claims: shows revisions
    (a merged side's claims are several people's, so they are not joined)."""
    by_series: dict[str, list[Point]] = defaultdict(list)
    for p in drawn:
        by_series[p["series"]].append(p)
    out = []
    for _, pts in sorted(by_series.items()):
        # Several people, or nobody named: no one revised anything.
        if len({p["who"] for p in pts}) != 1 or who_key(pts[0]["who"]) == NOBODY:
            continue
        dated = sorted(
            ((frame.dates[id(p)], p) for p in pts if frame.dates[id(p)] is not None),
            key=lambda dp: (dp[0], str(dp[1]["id"])),
        )
        if len(dated) > 1:
            path = " ".join(f"{frame.x(d):.1f},{frame.y(mid(p)):.1f}" for d, p in dated)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{pts[0]["colour"]}" '
                'stroke-width="1.5" stroke-opacity="0.5"/>'
            )
    return out


def label_text(p: Point) -> str:
    low, high = bounds(p)
    kind = qualifier_kind(p.get("qualifier"))
    return (
        ("~" if kind == "approx" else "")
        + (f"{compact(low)}–{compact(high)}" if high != low else compact(low))
        + (f"/{p['per']}" if p.get("per") else "")
    )


Box = tuple[float, float, float, float]


class _Labels:
    """Where each point's value label goes: right, left, above or below its mark, the
    first place that overlaps no other label, no mark and stays in the plot; else none.
    Points sharing one spot are spread side by side first."""

    def __init__(self, frame: Frame, drawn: list[Point]) -> None:
        self.xy: dict[int, tuple[float, float]] = {}
        self.taken: list[Box] = []
        seen: Counter[tuple[int, int]] = Counter()
        for p in drawn:
            px, py = frame.x(frame.dates[id(p)], p["series"]), frame.y(mid(p))
            spot = (round(px), round(py))
            n = seen[spot]
            seen[spot] += 1
            # 0, +9, -9, +18, ...: the marks fan out around their true place.
            px += ((n + 1) // 2) * 9 * (1 if n % 2 else -1)
            self.xy[id(p)] = (px, py)
            self.taken.append(_mark_box(frame, p, px, py))

    def at(self, p: Point) -> tuple[float, float]:
        return self.xy[id(p)]

    def place(self, p: Point) -> tuple[float, float, str] | None:
        """(label x, label y, text-anchor), or None when the label fits nowhere."""
        px, py = self.xy[id(p)]
        width = len(label_text(p)) * FONT * 0.6
        candidates = (
            (px + 9, py + 4, "start", (px + 8, py - 8, px + 10 + width, py + 5)),
            (px - 9, py + 4, "end", (px - 10 - width, py - 8, px - 8, py + 5)),
            (px, py - 10, "middle", (px - width / 2, py - 21, px + width / 2, py - 8)),
            (px, py + 19, "middle", (px - width / 2, py + 8, px + width / 2, py + 21)),
        )
        for lx, ly, anchor, box in candidates:
            if self._inside(box) and not any(_overlap(box, other) for other in self.taken):
                self.taken.append(box)
                return lx, ly, anchor
        return None

    @staticmethod
    def _inside(box: Box) -> bool:
        return box[0] >= LEFT and box[2] <= WIDTH - RIGHT and box[1] >= 0 and box[3] <= PLOT_BOTTOM


def _mark_box(frame: Frame, p: Point, px: float, py: float) -> Box:
    """What a mark covers: its dot, its range bar, its arrow."""
    low, high = bounds(p)
    top, bottom = min(py, frame.y(high)) - 6, max(py, frame.y(low)) + 6
    kind = qualifier_kind(p.get("qualifier"))
    if kind == "lower":
        top = min(top, py - 21)
    elif kind == "upper":
        bottom = max(bottom, py + 21)
    return (px - 6, top, px + 6, bottom)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _point(
    frame: Frame,
    p: Point,
    link: Callable[[Point], str],
    at: tuple[float, float],
    placed: tuple[float, float, str] | None,
) -> list[str]:
    """One claim: a range bar, a dot (a ring for "about"), an arrow for a bound, a label
    where it fits; the whole mark links to its source."""
    c = p["colour"]
    y = frame.y
    low, high = bounds(p)
    px, py = at
    tip = escape(
        f"{p['who']}: {p.get('value') or label_text(p)} {p.get('what') or ''}"
        f" ({p.get('date') or 'undated'}) — {p['article']['label'] if 'article' in p else ''}"
    )
    kind = qualifier_kind(p.get("qualifier"))
    out = [
        f'<a href="{escape(link(p))}" class="point" data-figure="{escape(p["id"])}">'
        f"<title>{tip}</title>"
    ]
    if high != low:
        y1, y2 = y(low), y(high)
        out.append(
            f'<path d="M{px:.1f},{y1:.1f}V{y2:.1f}M{px - 5:.1f},{y1:.1f}h10'
            f'M{px - 5:.1f},{y2:.1f}h10" stroke="{c}" stroke-width="2.5" fill="none"/>'
        )
    if kind == "approx":
        out.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5.5" fill="#fff" stroke="{c}" '
            'stroke-width="2.5"/>'
        )
    else:
        out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{c}"/>')
    if kind in ("lower", "upper"):
        sign = -1 if kind == "lower" else 1
        tip_y = py + sign * 20
        out.append(
            f'<path d="M{px:.1f},{py + sign * 6:.1f}V{tip_y:.1f}M{px - 4:.1f},'
            f'{tip_y - sign * 6:.1f}L{px:.1f},{tip_y:.1f}L{px + 4:.1f},{tip_y - sign * 6:.1f}" '
            f'fill="none" stroke="{c}" stroke-width="2"/>'
        )
    if placed:
        lx, ly, anchor = placed
        out.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="{FONT}" '
            f'fill="{c}" font-weight="600">{escape(label_text(p))}</text>'
        )
    out.append("</a>")
    return out
