"""Publication dates as ``YYYY-MM-DD``, from whatever form a source states them in."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
# 03/04/2025 is 3 April in Kyiv and March 4 in Washington: no way to tell.
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}\s*$")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for an ISO 8601, RFC 822 or spelled-out date; ``None`` if unsure.

    The date is the one the source wrote, in the source's own time zone (a
    story published at 23:30 -05:00 was published that day where it was
    written). Never invents parts: a value without day, month and a
    four-digit year gives ``None``, and so does a relative one ("yesterday").
    """
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = _ISO.match(text)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if not _YEAR.search(text):
        return None
    m = _NUMERIC_DMY.match(text)
    if m and m[1] != m[2] and int(m[1]) <= 12 and int(m[2]) <= 12:
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    return _dateparser(text)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateparser(text: str) -> str | None:
    # Imported here: dateparser takes a second to load and most inputs are ISO or RFC 822.
    import dateparser

    parsed = dateparser.parse(
        text,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.date().isoformat() if parsed else None
