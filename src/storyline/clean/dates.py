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


# ---------------------------------------------------------------------------
# Dates an article states outside its metadata: in its URL and in its dateline.
# ---------------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for m in names.split()
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# Where news sites put the publication date in a URL, each form delimited so
# that a story number (AllAfrica's /stories/202505210437.html) is not read as
# one: /2018/04/17/ (NYT, Fox, Le Monde), /2025-05/21/ (ZEIT), /20250521/
# (Mainichi), _2025-05-26_ and -2025-05-26- (slugs), and /2025/05/ (year and
# month only; the day may come from a dateline).
_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[?#])"),
    re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=/)"),
    re.compile(r"[/_-]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=[/_.-]|$|[?#])"),
    re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/|$|[?#.])"),
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")


def url_date(url: str | None) -> str | None:
    """The publication date a news URL states (``/2018/04/17/``, ``/20250521/``,
    ``_2025-05-26_``), or None."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            return _valid(int(m[1]), int(m[2]), int(m[3]))
    return None


def url_month(url: str | None) -> tuple[int, int] | None:
    """``(year, month)`` when the URL states only those (``/2025/05/slug``)."""
    if not url:
        return None
    m = _URL_MONTH.search(url)
    return (int(m[1]), int(m[2])) if m else None


# A dateline opens the text: a place in capitals or title case, optionally the
# date, and the agency or a dash: "MOSCOW, May 26. /TASS/.", "TEHRAN, May 21
# (MNA) -", "TOKYO (Kyodo) --", "Nairobi —", "WASHINGTON, May 21, 2025 (Reuters) -".
# Mainichi opens with the date alone: "May 21, 2025 (Mainichi Japan)".
_NAME = r"[A-Z][\w.'’-]*"
_PLACE = (
    rf"(?!The ){_NAME}(?:[ -]{_NAME}){{0,3}}(?: /[^/\n]{{1,40}}/)?(?:, {_NAME}(?: {_NAME}){{0,2}})?"
)
_DATE = (
    rf"(?:(?P<month>{_MONTH_NAME})\.? (?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{_MONTH_NAME})\.?)"
    r"(?:,? (?P<year>(?:19|20)\d\d))?"
)
# "/TASS/.", "(MNA) –", "(Kyodo) --", or a dash alone.
_AGENCY = (
    r"(?:\.? ?/[A-Z][A-Za-z-]{1,10}/\.?"
    r"|\s*\([A-Z][\w .-]{1,24}\)(?:\s*[-–—]{1,2})?"
    r"|\s*[-–—]{1,2})"
)
DATELINE = re.compile(rf"^\s*(?:(?P<place>{_PLACE}),?\s+)?(?:{_DATE})?{_AGENCY}\s*")


def _dateline(text: str) -> re.Match[str] | None:
    m = DATELINE.match(text[:200])
    return m if m and (m["place"] or m["month"] or m["month2"]) else None


def dateline_end(text: str) -> int:
    """Where the text's dateline ends (0 when it has none)."""
    m = _dateline(text)
    return m.end() if m else 0


def dateline_date(text: str, url: str | None = None) -> str | None:
    """The date the dateline states, when it has day, month and year; a dateline
    without a year takes it from a URL that states year and month, if they agree."""
    m = _dateline(text)
    if not m or not (m["month"] or m["month2"]):
        return None
    month = _MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
    day = int(m["day"] or m["day2"])
    if m["year"]:
        return _valid(int(m["year"]), month, day)
    stated = url_month(url)
    if stated and stated[1] == month:
        return _valid(stated[0], month, day)
    return None
