"""Inline SVG charts of claimed values over time, one series per claimant.

Drawn here in a few lines of Python rather than with a chart library: the
briefing must open offline as one file, and what the chart needs to say
(ranges as bars, "more than" as an arrow up, "up to" as an arrow down,
"about" as a hollow ring, undated claims in their own lane) is not a stock
chart type anyway.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from markupsafe import Markup, escape

# Colour-blind-safe palette (Okabe & Ito), one colour per claimant.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")

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

WIDTH, HEIGHT = 680, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 16, 44
UNDATED_LANE = 120
PLOT_BOTTOM = HEIGHT - BOTTOM


def qualifier_kind(qualifier: str | None) -> str:
    q = (qualifier or "").lower().strip()
    if q in LOWER_BOUND:
        return "lower"
    if q in UPPER_BOUND:
        return "upper"
    if q in APPROXIMATE:
        return "approx"
    return "exact" if not q else "approx"


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def compact(value: float) -> str:
    """700000 -> 700k: tick and point labels must stay short."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            text = f"{value / size:.1f}".removesuffix(".0")
            return f"{text}{suffix}"
    return f"{value:g}"


def _ticks(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        out = []
        for exp in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
            for mult in (1, 2, 5):
                v = mult * 10**exp
                if lo <= v <= hi:
                    out.append(float(v))
        return out if len(out) <= 9 else [v for v in out if str(int(v))[0] == "1"]
    span = hi - lo or abs(hi) or 1.0
    step = 10 ** math.floor(math.log10(span / 5))
    for mult in (1, 2, 5, 10):
        if span / (step * mult) <= 6:
            step *= mult
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


@dataclass
class _Frame:
    """Where a chart puts things: the value scale (log when values span a decade or more),
    the date scale, and a lane for undated claims, one column per claimant."""

    log: bool
    lo: float
    hi: float
    dates: dict[int, date | None]  # id(point) -> its date
    dated: list[date]
    has_undated: bool
    x_right: float
    lane_left: float
    undated_who: list[str]

    @classmethod
    def of(cls, drawn: list[dict[str, Any]]) -> _Frame:
        values = [v for p in drawn for v in (p.get("low"), p.get("high")) if v is not None]
        vmin, vmax = min(values), max(values)
        log = vmin > 0 and vmax / vmin >= 8
        if log:
            lo, hi = 10 ** math.floor(math.log10(vmin)), 10 ** math.ceil(math.log10(vmax))
        else:
            lo = 0.0 if vmin >= 0 else vmin * 1.1
            hi = vmax * 1.15 if vmax > 0 else 1.0
        dates = {id(p): _parse_date(p.get("date")) for p in drawn}
        dated = [d for d in dates.values() if d is not None]
        has_undated = len(dated) < len(drawn)
        x_right = WIDTH - RIGHT - (UNDATED_LANE if has_undated and dated else 0)
        # Undated claims get their own lane (the whole plot when nothing is dated),
        # one column per claimant so they do not hide each other.
        lane_left = x_right if dated else LEFT
        undated_who = sorted({p["who"] for p in drawn if dates[id(p)] is None})
        return cls(log, lo, hi, dates, dated, has_undated, x_right, lane_left, undated_who)

    @cached_property
    def first_last(self) -> tuple[date, date] | tuple[None, None]:
        return (min(self.dated), max(self.dated)) if self.dated else (None, None)

    def y(self, v: float) -> float:
        lo, hi = self.lo, self.hi
        if self.log:
            frac = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        else:
            frac = (v - lo) / ((hi - lo) or 1)
        return PLOT_BOTTOM - frac * (PLOT_BOTTOM - TOP)

    def x(self, d: date | None, who: str = "") -> float:
        if d is None:
            slot = self.undated_who.index(who) + 1 if who in self.undated_who else 1
            lane = WIDTH - RIGHT - self.lane_left
            return self.lane_left + slot * lane / (len(self.undated_who) + 1)
        d0, d1 = self.first_last
        if d0 is None or d1 is None or d0 == d1:
            return (LEFT + self.x_right) / 2
        return LEFT + 30 + (d - d0).days / (d1 - d0).days * (self.x_right - LEFT - 60)


def value_chart(
    points: list[dict[str, Any]], link: Callable[[dict[str, Any]], str], title: str = ""
) -> Markup:
    """An SVG of ``points`` (figure dicts with ``date``, ``who``, ``low``, ``high``, ``qualifier``).

    ``link`` gives each point's href (its figure in the briefing, or its span in
    the article page), so every mark leads to its source.
    """
    drawn = [p for p in points if p.get("low") is not None or p.get("high") is not None]
    if not drawn:
        return Markup("")
    claimants = sorted({p["who"] for p in drawn})
    colour = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(claimants)}
    frame = _Frame.of(drawn)
    label = escape(title or "Claimed values over time")
    out: list[str] = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{label}"><title>{label}</title>',
        *_axes(frame),
        *_revisions(frame, drawn, claimants, colour),
    ]
    offsets: dict[tuple[float, float], int] = {}
    for p in drawn:
        out += _point(frame, p, colour[p["who"]], link, offsets)
    out.append("</svg>")
    legend = "".join(
        f'<span class="key"><i style="background:{colour[w]}"></i>{escape(w)}</span>'
        for w in claimants
    )
    return Markup(
        f'<figure class="chart-box">{"".join(out)}<figcaption class="legend">{legend}'
        '<span class="key-q">● exact · ○ about · ↑ more than / at least · ↓ up to / nearly'
        " · ┃ range</span></figcaption></figure>"
    )


def _axes(frame: _Frame) -> list[str]:
    """Value ticks and grid, date labels, the undated lane and the scale note."""
    x, y, x_right, dated = frame.x, frame.y, frame.x_right, frame.dated
    out = ['<g class="axis" font-size="11" fill="#555">']
    for t in _ticks(frame.lo, frame.hi, frame.log):
        ty = y(t)
        out.append(
            f'<line x1="{LEFT}" x2="{x_right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#e4e4e4"/>'
            f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{compact(t)}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{x_right}" y1="{PLOT_BOTTOM}" y2="{PLOT_BOTTOM}" stroke="#999"/>'
    )
    d0, d1 = frame.first_last
    if d0 is not None and d1 is not None:
        ticks = sorted(set(dated))
        if len(ticks) > 5:
            step = (d1 - d0) / 4
            ticks = [d0 + step * i for i in range(5)]
        last = -1e9
        for d in ticks:
            if x(d) - last < 80:  # labels are ~70px wide: skip one that would overlap
                continue
            last = x(d)
            out.append(
                f'<text x="{x(d):.1f}" y="{PLOT_BOTTOM + 16}" text-anchor="middle">'
                f"{d.isoformat()}</text>"
            )
    if frame.has_undated:
        out += _undated_lane(frame)
    scale = "log scale" if frame.log else "linear scale"
    out.append(
        f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="10" fill="#888">value ({scale}); '
        "x: date claimed (as of, else publication)</text></g>"
    )
    return out


def _undated_lane(frame: _Frame) -> list[str]:
    lane_left = frame.lane_left
    out = []
    if frame.dated:
        out.append(
            f'<line x1="{lane_left}" x2="{lane_left}" y1="{TOP}" y2="{PLOT_BOTTOM}" '
            'stroke="#ccc" stroke-dasharray="3 3"/>'
        )
    else:
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{PLOT_BOTTOM}" '
            f'y2="{PLOT_BOTTOM}" stroke="#999"/>'
        )
    mid = (lane_left + WIDTH - RIGHT) / 2
    out.append(
        f'<text x="{mid:.1f}" y="{PLOT_BOTTOM + 16}" text-anchor="middle">'
        f"{'undated' if frame.dated else 'undated claims (no date stated or known)'}</text>"
    )
    return out


def _revisions(
    frame: _Frame, drawn: list[dict[str, Any]], claimants: list[str], colour: dict[str, str]
) -> list[str]:
    """One thin line per claimant through their dated claims: shows revisions."""
    out = []
    dates = frame.dates
    for who in claimants:
        series = sorted(
            ((dates[id(p)], p) for p in drawn if p["who"] == who and dates[id(p)] is not None),
            key=lambda dp: (dp[0], str(dp[1]["id"])),
        )
        if len(series) > 1:
            path = " ".join(
                f"{frame.x(d):.1f},{frame.y(_mid(p)):.1f}" for d, p in series if d is not None
            )
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour[who]}" '
                'stroke-width="1.5" stroke-opacity="0.5"/>'
            )
    return out


def _point(
    frame: _Frame,
    p: dict[str, Any],
    c: str,
    link: Callable[[dict[str, Any]], str],
    offsets: dict[tuple[float, float], int],
) -> list[str]:
    """One claim: a range bar, a dot (a ring for "about"), an arrow for a bound, a label;
    the whole mark links to its source."""
    y = frame.y
    px = frame.x(frame.dates[id(p)], p["who"])
    low = p.get("low") if p.get("low") is not None else p.get("high")
    high = p.get("high") if p.get("high") is not None else low
    assert low is not None and high is not None
    key = (round(px), round(y(_mid(p))))
    n = offsets.get(key, 0)
    offsets[key] = n + 1
    px += n * 9  # side by side when two claims land on the same spot
    tip = escape(
        f"{p['who']}: {p.get('value') or p.get('text') or compact(low)} {p.get('what') or ''}"
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
            f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" stroke="{c}" '
            f'stroke-width="3"/><line x1="{px - 6:.1f}" x2="{px + 6:.1f}" y1="{y1:.1f}" '
            f'y2="{y1:.1f}" stroke="{c}" stroke-width="2"/><line x1="{px - 6:.1f}" '
            f'x2="{px + 6:.1f}" y1="{y2:.1f}" y2="{y2:.1f}" stroke="{c}" stroke-width="2"/>'
        )
    py = y(_mid(p))
    if kind == "approx":
        out.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6" fill="#fff" stroke="{c}" '
            'stroke-width="2.5"/>'
        )
    else:
        out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5.5" fill="{c}"/>')
    if kind in ("lower", "upper"):
        sign = -1 if kind == "lower" else 1
        tip_y = py + sign * 24
        out.append(
            f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{py + sign * 6:.1f}" y2="{tip_y:.1f}" '
            f'stroke="{c}" stroke-width="2"/><path d="M{px - 5:.1f},{tip_y - sign * 7:.1f} '
            f'L{px:.1f},{tip_y:.1f} L{px + 5:.1f},{tip_y - sign * 7:.1f}" fill="none" '
            f'stroke="{c}" stroke-width="2"/>'
        )
    text = (
        ("~" if kind == "approx" else "")
        + (f"{compact(low)}–{compact(high)}" if high != low else compact(low))
        + (f"/{p['per']}" if p.get("per") else "")
    )
    out.append(
        f'<text x="{px + 9:.1f}" y="{py + 4:.1f}" font-size="11" fill="{c}" '
        f'font-weight="600">{escape(text)}</text></a>'
    )
    return out


def _mid(p: dict[str, Any]) -> float:
    low = p.get("low") if p.get("low") is not None else p.get("high")
    high = p.get("high") if p.get("high") is not None else low
    assert low is not None and high is not None
    if high == low:
        return float(low)
    if low > 0 and high / low > 3:
        return math.sqrt(low * high)
    return (low + high) / 2
