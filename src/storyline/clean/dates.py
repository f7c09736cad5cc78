"""Publication dates as ``YYYY-MM-DD``, from whatever form a source states them in; the
moment too (``YYYY-MM-DDTHH:MM:SSZ``, UTC) when the source states a time with its zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
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


# An ISO 8601 moment with a time and a zone: "2025-05-20T19:28:00Z", "...+02:00".
_ISO_MOMENT = re.compile(
    r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\s*$"
)


def normalise_moment(value: object) -> str | None:
    """The publication moment in UTC, ``2025-05-21T12:07:03Z``, for an ISO 8601 or
    RFC 822 value that states a time and its zone; ``None`` otherwise (a date
    alone, or a time whose zone is unknown: nothing is guessed)."""
    if isinstance(value, datetime):
        parsed: datetime | None = value if value.tzinfo else None
    elif not isinstance(value, str) or not value.strip():
        return None
    elif _ISO_MOMENT.match(value):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        try:
            parsed = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError):
            return None
        # RFC 822's "-0000" says the zone is unknown.
        if parsed.tzinfo is None:
            return None
    if parsed is None:
        return None
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
