"""Where a chart puts things: the value scale, the time window, undated claims, outliers.

The time axis zooms to when the claims were made. One figure dated two
years off (a "since 7 October 2023" read as the claim's date) must not
squeeze every other point against one edge: dates cut off from the main run
by a long gap are *outliers*, drawn in a narrow strip at the edge with their
date written under it (``outliers``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# The drawing: a viewBox narrow enough that 12-unit text stays legible when a
# phone shows the chart 350 px wide (about 10 px), and not huge on a desktop,
# where CSS caps the chart's width.
WIDTH, HEIGHT = 440, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 14, 42
FONT = 12
UNDATED_LANE = 64
OUTLIER_STRIP = 30
PLOT_BOTTOM = HEIGHT - BOTTOM

# A run of dates is cut where the gap to the next date is longer than this many
# days *and* longer than the rest of the run, and the cut side holds at most
# this share of the points: those are the outliers.
OUTLIER_GAP_DAYS = 90
OUTLIER_SHARE = 0.25


def parse_date(value: str | None) -> date | None:
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


def outliers(dates: list[date]) -> tuple[date, date] | None:
    """The window of the main run of ``dates`` (None when there are none): dates
    outside it are outliers. The side cut off by the longest gap goes while it is a
    small share of the points and the gap dwarfs what remains."""
    run = sorted(dates)
    if not run:
        return None
    total = len(run)
    while len(run) > 2:
        gaps = [(run[i + 1] - run[i]).days for i in range(len(run) - 1)]
        i = max(range(len(gaps)), key=lambda k: gaps[k])
        left, right = run[: i + 1], run[i + 1 :]
        small, big = (left, right) if len(left) <= len(right) else (right, left)
        spread = (big[-1] - big[0]).days
        if gaps[i] <= max(OUTLIER_GAP_DAYS, spread) or len(small) > OUTLIER_SHARE * total:
            break
        run = big
    return run[0], run[-1]


def compact(value: float) -> str:
    """700000 -> 700k: tick and point labels must stay short."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            text = f"{value / size:.1f}".removesuffix(".0")
            return f"{text}{suffix}"
    return f"{value:g}"


def ticks(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        out = []
        for exp in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
            for mult in (1, 2, 5):
                v = mult * 10**exp
                if lo <= v <= hi:
                    out.append(float(v))
        return out if len(out) <= 7 else [v for v in out if str(int(v))[0] == "1"]
    span = hi - lo or abs(hi) or 1.0
    step = 10 ** math.floor(math.log10(span / 5))
    for mult in (1, 2, 5, 10):
        if span / (step * mult) <= 5:
            step *= mult
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def bounds(p: dict[str, Any]) -> tuple[float, float]:
    low = p.get("low") if p.get("low") is not None else p.get("high")
    high = p.get("high") if p.get("high") is not None else low
    assert low is not None and high is not None
    return float(low), float(high)


def mid(p: dict[str, Any]) -> float:
    low, high = bounds(p)
    if high == low:
        return low
    if low > 0 and high / low > 3:
        return math.sqrt(low * high)
    return (low + high) / 2


@dataclass
class Frame:
    """The value scale (log when values span a decade or more), the date window with its
    outlier strips, and a lane for undated claims, one column per series."""

    log: bool
    lo: float
    hi: float
    dates: dict[int, date | None]  # id(point) -> its date
    window: tuple[date, date] | None
    early: list[date]  # outliers before the window
    late: list[date]  # and after it
    undated: list[str]  # series with undated claims, one column each

    @classmethod
    def of(cls, drawn: list[dict[str, Any]]) -> Frame:
        values = [v for p in drawn for v in bounds(p)]
        vmin, vmax = min(values), max(values)
        log = vmin > 0 and vmax / vmin >= 8
        if log:
            lo, hi = 10 ** math.floor(math.log10(vmin)), 10 ** math.ceil(math.log10(vmax))
        else:
            lo = 0.0 if vmin >= 0 else vmin * 1.1
            hi = vmax * 1.15 if vmax > 0 else 1.0
        dates = {id(p): parse_date(p.get("date")) for p in drawn}
        dated = [d for d in dates.values() if d is not None]
        window = outliers(dated)
        early = sorted({d for d in dated if window and d < window[0]})
        late = sorted({d for d in dated if window and d > window[1]})
        undated = sorted({p["series"] for p in drawn if dates[id(p)] is None})
        return cls(log, lo, hi, dates, window, early, late, undated)

    @property
    def has_undated(self) -> bool:
        return bool(self.undated)

    @property
    def plot_left(self) -> float:
        return LEFT + (OUTLIER_STRIP if self.early else 0)

    @property
    def plot_right(self) -> float:
        """The right end of the dated plot (the undated lane and late strip are beyond)."""
        lane = UNDATED_LANE if self.has_undated and self.window else 0
        return WIDTH - RIGHT - lane - (OUTLIER_STRIP if self.late else 0)

    @property
    def lane_left(self) -> float:
        return WIDTH - RIGHT - UNDATED_LANE if self.window else LEFT

    def y(self, v: float) -> float:
        lo, hi = self.lo, self.hi
        if self.log:
            frac = (math.log10(max(v, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        else:
            frac = (v - lo) / ((hi - lo) or 1)
        return PLOT_BOTTOM - frac * (PLOT_BOTTOM - TOP)

    def x(self, d: date | None, series: str = "") -> float:
        if d is None:
            slot = self.undated.index(series) + 1 if series in self.undated else 1
            lane = WIDTH - RIGHT - self.lane_left
            return self.lane_left + slot * lane / (len(self.undated) + 1)
        assert self.window is not None
        d0, d1 = self.window
        if d < d0:
            return LEFT + OUTLIER_STRIP / 2
        if d > d1:
            return self.plot_right + OUTLIER_STRIP / 2
        left, right = self.plot_left + 16, self.plot_right - 16
        if d0 == d1:
            return (left + right) / 2
        return left + (d - d0).days / (d1 - d0).days * (right - left)

    def date_ticks(self) -> list[date]:
        """Up to five dates across the window, from the claims' own dates when few."""
        if self.window is None:
            return []
        d0, d1 = self.window
        inside = sorted({d for d in self.dates.values() if d is not None and d0 <= d <= d1})
        if len(inside) <= 4:
            return inside
        step = (d1 - d0) / 4
        return [d0 + timedelta(days=round(step.days * i)) for i in range(5)]


def date_label(d: date, span_days: int) -> str:
    """Short enough for a phone: "5 Feb 2025", or "Feb 2025" on a long axis."""
    return d.strftime("%b %Y") if span_days > 120 else f"{d.day} {d.strftime('%b %Y')}"
