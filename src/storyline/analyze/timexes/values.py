"""TimeML values: calendar arithmetic, durations, and a contract date read back out."""

from __future__ import annotations

import datetime as dt
import re

from storyline.analyze.time_patterns import NUMBER_WORDS, UNITS
from storyline.schema import Timex

YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def num(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    half = re.fullmatch(r"(\d+)(?: 1/2|½)", word)
    if half:
        return float(half.group(1)) + 0.5
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def unit_key(word: str) -> str | None:
    word = word.lower()
    if word == "centuries":
        return "century"
    if word in UNITS:
        return word
    if word.endswith("s") and word[:-1] in UNITS:
        return word[:-1]
    return None


def _fmt(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    letter, mult, clock = UNITS[unit]
    qty = "X" if amount is None else _fmt(amount * mult)
    return f"PT{qty}{letter}" if clock else f"P{qty}{letter}"


def shift(anchor: dt.date, amount: float, unit: str) -> str | None:
    """The date ``amount`` units after ``anchor`` (negative: before), at the unit's granularity."""
    n = int(amount) if float(amount).is_integer() else None
    if unit in ("year", "decade", "century"):
        mult = UNITS[unit][1]
        if n is None:
            return None
        return f"{anchor.year + n * mult:04d}"
    if unit == "month":
        if n is None:
            return None
        y, m = add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        if n is None:
            return None
        y, m = add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit in ("week", "fortnight", "weekend"):
        days = amount * 7 * UNITS[unit][1]
        return week_of(anchor + dt.timedelta(days=days))
    if unit in ("day", "night"):
        return (anchor + dt.timedelta(days=amount)).isoformat()
    # Hours and smaller: the day is all an article date can tell.
    return None


def date_of(value: str | None, coarse: bool = False) -> str | None:
    """A contract date from a TimeML value: ``2025-02-04TEV`` -> ``2025-02-04``.

    Only day-precise values give a date, unless ``coarse``: then ``2024-02``
    gives ``2024-02`` and ``2024``, ``2024-Q3``, ``2024-W07`` or ``2024-SU``
    give the year (the contract allows a coarser ISO prefix). Durations,
    sets and reference points (``PRESENT_REF``) give ``None``.
    """
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T|-)", value)
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return f"{year}-{month}-{day}"
    if not coarse:
        return None
    return f"{year}-{month}" if month else year


_DATE_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def timex_date(timex: Timex) -> str | None:
    """The calendar date a date or time timex states, as precise as it states it.

    ``2025-02-04TEV`` gives ``2025-02-04``, ``2024-02`` stays, ``2024-Q3`` or
    ``2024-W07`` give the year; durations, sets and references give None. What
    a statement's or a figure's date is taken from.
    """
    if timex.type not in ("date", "time") or not timex.value:
        return None
    m = _DATE_PREFIX.match(timex.value)
    return m.group(0) if m else None
