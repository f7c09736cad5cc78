"""Normalisation: the TimeML type and value of each found expression, by a table.

``NORMALISERS`` maps each pattern kind of ``time_patterns`` to the function
that reads it, with an example and its value; the calendar rules they share
(dateparser for explicit dates, the nearer month or weekday when the tense
does not tell) are the functions above the table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from storyline.analyze.shared_lexicon import MONTHS, SEASONS, WEEKDAYS
from storyline.analyze.time_patterns import ORDINALS, PARTS_OF_DAY, REFERENCE_WORDS, SET_ADVERBS
from storyline.analyze.timexes.tense import AHEAD, FUTURE, PAST
from storyline.analyze.timexes.values import (
    YEAR_RE,
    add_months,
    duration_value,
    num,
    quarter_of,
    shift,
    unit_key,
    week_of,
)
from storyline.schema import TimexType

_LEADING_MOD = r"(?:(?:the )?(?:early|late|mid|end of|beginning of|start of|middle of)[- ]+)?"
_UNIT_WORDS = (
    r"(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|centuries|century)"
)
_MONTH_RE = re.compile(r"\b([A-Za-z]{3,9})\b\.?")


# A yearless date the clause gives no tense ("the 250 hostages taken in Hamas's October 7
# Massacre", in a May 2025 article) falls after its article only within this many days:
# news dates what is coming a few weeks ahead ("payable Jan. 2 to stock of record Dec. 15",
# written on 2 November; TempEval-3 train), but one more than that ahead is the last one
# retold (7 October 2024), unless a future marker says otherwise ("will", "next",
# "scheduled for": ``tense.direction_of``).
FUTURE_MARGIN_DAYS = 75


def parse_calendar(
    text: str, anchor: dt.date | None, direction: str | None, ahead: bool = False
) -> dt.date | None:
    """An explicit calendar date via dateparser; yearless: the article's own day when it is
    that day ("On May 26 ... will kick off", written on May 26), else the reading the tense
    asks for; tenseless, the nearer one, and a past one rather than one more than
    ``FUTURE_MARGIN_DAYS`` ahead unless a word before it allows it ``ahead``."""
    if anchor is not None and not YEAR_RE.search(text):
        past = _dateparse(text, anchor, PAST)
        future = _dateparse(text, anchor, FUTURE)
        if past is None or future is None:
            return past or future
        if anchor in (past, future):
            return anchor
        # "Monday, Oct. 26": the year in which the stated weekday fits.
        weekday = next(
            (WEEKDAYS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS), None
        )
        fits = [d for d in (past, future) if weekday is not None and d.isoweekday() == weekday]
        if len(fits) == 1:
            return fits[0]
        if direction is None:
            near = (future - anchor) < (anchor - past)
            soon = ahead or (future - anchor).days <= FUTURE_MARGIN_DAYS
            return future if near and soon else past
    return _dateparse(text, anchor, direction or PAST)


# A memo of a pure function, not state: the same expression against the same
# anchor recurs across a day's articles (508 calls, 154 distinct on 150
# news-dumpster articles), and dateparser is the time analyser's main cost.
@lru_cache(maxsize=8192)
def _dateparse(text: str, anchor: dt.date | None, direction: str) -> dt.date | None:
    base = dt.datetime.combine(anchor, dt.time()) if anchor else dt.datetime(2000, 1, 1)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": direction,
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    cleaned = re.sub(r"\b(?:the|of)\b", " ", text, flags=re.I)
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", cleaned)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _month_in(text: str) -> int | None:
    for word in _MONTH_RE.findall(text):
        key = word.lower()
        if key in MONTHS:
            return MONTHS[key]
    return None


def _resolve_month(
    month: int, anchor: dt.date, direction: str | None, rel: str | None
) -> tuple[int, int]:
    if rel == "this":
        return anchor.year, month
    if rel == "last" or rel == "past":
        return (anchor.year, month) if month < anchor.month else (anchor.year - 1, month)
    if rel == "next":
        return (anchor.year, month) if month > anchor.month else (anchor.year + 1, month)
    past = (anchor.year, month) if month <= anchor.month else (anchor.year - 1, month)
    future = (anchor.year, month) if month >= anchor.month else (anchor.year + 1, month)
    if direction is None:
        # Tense unknown: the nearer month, ties to the past.
        def distance(ym: tuple[int, int]) -> int:
            return abs((ym[0] * 12 + ym[1]) - (anchor.year * 12 + anchor.month))

        return future if distance(future) < distance(past) else past
    return future if direction == FUTURE else past


def _resolve_weekday(
    weekday: int, anchor: dt.date, direction: str | None, rel: str | None
) -> dt.date:
    # Our own rule rather than dateparser's: with PREFER_DATES_FROM='past'
    # dateparser moves "Friday" in a Friday article back a week, but news
    # (and TimeBank: "said Friday" in a Friday article) mean the same day.
    today = anchor.isoweekday()
    if (
        rel in ("next", "coming")
        or (rel is None and direction == FUTURE)
        or (rel == "this" and weekday > today)
    ):
        delta = (weekday - today) % 7
        if rel in ("next", "coming") and delta == 0:
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (today - weekday) % 7
    if rel == "last" and delta == 0:
        delta = 7
    ahead = (weekday - today) % 7
    if rel is None and direction is None and 0 < ahead < delta:
        # Tense unknown ("Tuesday's meeting"): the nearer day, ties to the past.
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=delta)


def _part_code(text: str) -> str | None:
    for word in re.findall(r"[a-z-]+", text.lower()):
        if word in PARTS_OF_DAY:
            return PARTS_OF_DAY[word]
    return None


def _rel_word(text: str) -> str | None:
    m = re.search(r"\b(last|past|previous|this|current|next|coming|following|same)\b", text.lower())
    if not m:
        return None
    word = m.group(1)
    return {"previous": "last", "current": "this", "coming": "next"}.get(word, word)


def _clock(text: str) -> tuple[int, int | None] | None:
    low = text.lower()
    if "noon" in low or "midday" in low:
        return 12, 0
    if "midnight" in low:
        return 24, 0
    m = re.search(r"(\d{1,2})(?::(\d\d))?(?::\d\d)?\s*(a\.?m\.?|p\.?m\.?|am\b|pm\b|o'clock)?", low)
    if not m:
        return None
    hour, minute, suffix = int(m.group(1)), m.group(2), m.group(3) or ""
    if suffix.startswith("p") and hour < 12:
        hour += 12
    if suffix.startswith("a") and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return hour, int(minute) if minute is not None else None


@dataclass(frozen=True)
class Expression:
    """One found expression as a normaliser reads it."""

    text: str  # as written
    low: str  # lower case, runs of space as one
    anchor: dt.date | None  # the article date
    direction: str | None  # the clause's tense (``PAST``, ``FUTURE``) if it tells
    year: re.Match[str] | None  # a year written in the expression
    ahead: bool = False  # a word before it allows it ahead ("scheduled for")

    @property
    def day(self) -> dt.date:
        """The anchor, for the normalisers that need one (``normalise`` checks first)."""
        if self.anchor is None:
            raise ValueError(f"{self.text!r} needs an article date")
        return self.anchor


Typed = tuple[TimexType, str | None]


@dataclass(frozen=True)
class Normaliser:
    """How one pattern kind becomes a TimeML type and value.

    ``example`` is an expression of the kind with its type and value against
    ``EXAMPLE_ANCHOR`` (tests/test_time.py reads them all). A normaliser with
    ``unanchored`` needs the article date: without one it gives that type and
    no value.
    """

    kind: str
    read: Callable[[Expression], Typed]
    example: tuple[str, TimexType, str | None]
    unanchored: Callable[[str], TimexType] | None = None


# The article date the examples are normalised against (a Tuesday).
EXAMPLE_ANCHOR = dt.date(2025, 2, 4)


def _decade(e: Expression) -> Typed:
    m = re.search(r"(\d{3})0s|'(\d)0s", e.low)
    if not m:
        return "date", None
    if m.group(1):
        return "date", m.group(1)
    digit = int(m.group(2))
    return "date", ("19" if digit >= 3 else "20") + m.group(2)


def _century(e: Expression) -> Typed:
    low = e.low
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    number = (
        int(m.group(1))
        if m
        else {"first": 1, "second": 2, "nineteenth": 19, "twentieth": 20}.get(
            low.split()[-2] if len(low.split()) > 1 else "", 21
        )
    )
    return "date", f"{number - 1:02d}"


def _calendar_date(e: Expression) -> Typed:
    day = parse_calendar(e.text, e.anchor, e.direction, e.ahead)
    return "date", day.isoformat() if day else None


def _month_day(e: Expression) -> Typed:
    if not e.year and e.anchor is None:
        return "date", None  # "28 February" needs the article's year
    return _calendar_date(e)


def _month(e: Expression) -> Typed:
    month = _month_in(e.text)
    if month is None:
        return "date", None
    if e.year:
        return "date", f"{e.year.group(1)}-{month:02d}"
    if e.anchor is None:
        return "date", None
    anchor = e.anchor
    year_rel = re.search(r"\b(last|this|next) year\b", e.low)
    if year_rel:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[year_rel.group(1)]
        return "date", f"{year}-{month:02d}"
    month_rel = re.match(_LEADING_MOD + r"(last|this|next|past)\b", e.low)
    y, mo = _resolve_month(month, anchor, e.direction, month_rel.group(1) if month_rel else None)
    return "date", f"{y:04d}-{mo:02d}"


def _season(e: Expression) -> Typed:
    code = next(SEASONS[w] for w in re.findall(r"[a-z]+", e.low) if w in SEASONS)
    if e.year:
        return "date", f"{e.year.group(1)}-{code}"
    if e.anchor is None:
        return "date", None
    anchor = e.anchor
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    # The instance that has begun by the anchor (winter 2024 runs Dec 2024-Feb 2025).
    begun = anchor.year if anchor.month >= start_month else anchor.year - 1
    in_it = (anchor.month - start_month) % 12 < 3
    rel = _rel_word(e.low)
    if rel == "this":
        year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    elif rel in ("last", "past"):
        year = begun - 1 if in_it else begun
    elif rel in ("next",) or (rel is None and e.direction == FUTURE):
        year = begun + 1
    else:
        year = begun
    return "date", f"{year}-{code}"


def _quarter(e: Expression) -> Typed:
    qm = re.search(r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)", e.low)
    if not qm:
        return "date", None
    n, what = ORDINALS[qm.group(1)], qm.group(2)
    letter = "Q" if what == "quarter" else "H"
    if e.year:
        return "date", f"{e.year.group(1)}-{letter}{n}"
    if e.anchor is None:
        return "date", None
    anchor = e.anchor
    current = quarter_of(anchor)[1] if letter == "Q" else (1 if anchor.month <= 6 else 2)
    if e.direction == FUTURE:
        year = anchor.year if n >= current else anchor.year + 1
    else:
        year = anchor.year if n <= current else anchor.year - 1
    return "date", f"{year}-{letter}{n}"


def _year_ago_quarter(e: Expression) -> Typed:
    y, mo = add_months(e.day.year, e.day.month, -3)
    return "date", f"{y - 1}-Q{(mo - 1) // 3 + 1}"


def _deictic_day(e: Expression) -> Typed:
    low = e.low
    offset = 0
    if "yesterday" in low:
        offset = -1
    elif "tomorrow" in low:
        offset = 1
    day = e.day + dt.timedelta(days=offset)
    part = "NI" if "tonight" in low else _part_code(low)
    return ("time", f"{day.isoformat()}T{part}") if part else ("date", day.isoformat())


def _this_part(e: Expression) -> Typed:
    low, anchor = e.low, e.day
    part = _part_code(low) or "NI"
    day = anchor
    if low.startswith("last") or " last " in f" {low} ":
        day = anchor - dt.timedelta(days=1) if part == "NI" else anchor
    elif "tomorrow" in low:
        day = anchor + dt.timedelta(days=1)
    return "time", f"{day.isoformat()}T{part}"


def _weekday(e: Expression) -> Typed:
    low = e.low
    name = re.search(
        r"[a-z]+(?=\.|\b)", re.sub(r"^(?:early|late|last|this|next|coming)\s+", "", low)
    )
    key = name.group(0) if name else ""
    if key.endswith("s") and key[:-1] in WEEKDAYS:
        part = _part_code(low)
        return "set", f"XXXX-WXX-{WEEKDAYS[key[:-1]]}" + (f"T{part}" if part else "")
    weekday = WEEKDAYS.get(key)
    if weekday is None:
        return "date", None
    wd_rel = re.match(r"(last|this|next|coming)\b", low)
    day = _resolve_weekday(weekday, e.day, e.direction, wd_rel.group(1) if wd_rel else None)
    part = _part_code(low.split(key, 1)[1]) if key in low else None
    return ("time", f"{day.isoformat()}T{part}") if part else ("date", day.isoformat())


def _clock_time(e: Expression) -> Typed:
    low, anchor, direction = e.low, e.day, e.direction
    hm = _clock(low)
    if hm is None:
        return "time", None
    day = anchor
    on_date = re.search(r"[A-Z][a-z]+\.?\s+\d{1,2}\b", e.text)
    explicit = parse_calendar(on_date.group(0), anchor, direction) if on_date else None
    wd = next(
        (WEEKDAYS[w] for w in re.findall(r"[a-z]+", low) if w in WEEKDAYS and len(w) > 3), None
    )
    if explicit is not None:
        day = explicit
    elif wd is not None:
        day = _resolve_weekday(wd, anchor, direction, None)
    elif "yesterday" in low:
        day = anchor - dt.timedelta(days=1)
    elif "tomorrow" in low:
        day = anchor + dt.timedelta(days=1)
    hour, minute = hm
    clock = f"{hour:02d}" if minute is None else f"{hour:02d}:{minute:02d}"
    if minute is None and re.search(r"a\.?m|p\.?m|noon|midnight|midday|o'clock", low):
        clock = f"{hour:02d}:00"
    return "time", f"{day.isoformat()}T{clock}"


def _per_unit(e: Expression) -> Typed:
    unit = unit_key(e.low.split()[-1])
    return "set", duration_value(1, unit) if unit else None


def _date(low: str) -> TimexType:
    return "date"


def _time(low: str) -> TimexType:
    return "time"


def _time_if_part_of_day(low: str) -> TimexType:
    return "time" if _part_code(low) is not None else "date"


def _relative_unit_value(low: str, anchor: dt.date) -> str | None:
    unit_m = re.search(
        r"(second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
        r"\b(?! old)",
        low,
    )
    rel = _rel_word(low)
    if not unit_m or rel is None:
        return None
    unit = unit_m.group(1)
    if rel in ("following", "same"):
        # Relative to a narrated event, not to the article date.
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit in ("decade", "century"):
        if step == 0:
            return f"{anchor.year // 10}" if unit == "decade" else f"{anchor.year // 100}"
        return duration_value(1, unit)
    if unit == "weekend":
        sat = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        if step < 0:
            sat -= dt.timedelta(days=7)
        elif step > 0 and anchor.isoweekday() < 6:
            sat += dt.timedelta(days=7 if step > 0 and anchor.isoweekday() >= 6 else 0)
        return f"{week_of(sat)}-WE"
    if unit in ("day", "night"):
        if rel == "this":
            return anchor.isoformat()
        return None
    if unit in ("hour", "minute", "second"):
        return None
    return shift(anchor, step, unit)


def _ago_value(low: str, anchor: dt.date) -> str | None:
    m = re.search(
        r"(.+?)[- ](?:and a half )?" + _UNIT_WORDS + r" (ago|earlier|later)$",
        low,
    )
    if not m:
        return None
    qty_text = re.sub(
        r"^(?:nearly|almost|more than|less than|fewer than|at least|around|a mere|barely|about) ",
        "",
        m.group(1),
    )
    unit = unit_key(m.group(2))
    forward = m.group(3) in ("later", "from now")
    amount = num(qty_text)
    if unit is None:
        return None
    if amount is None:
        return "FUTURE_REF" if forward else "PAST_REF"
    return shift(anchor, amount if forward else -amount, unit)


def _duration_amount(low: str, vague: bool) -> str | None:
    """``P3Y`` for "three years", ``PXW`` for "the coming weeks" (``vague``)."""
    m = re.search(
        r"(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)\b",
        low,
    )
    if not m:
        return None
    unit = unit_key(m.group(1))
    if unit is None:
        return None
    if vague:
        return duration_value(None, unit)
    head = low[: m.start()].strip(" -")
    head = re.sub(
        r"^(?:nearly|almost|more than|less than|fewer than|at least|around|a mere|barely) ",
        "",
        head,
    )
    head = re.sub(
        r"^the (?:past|last|next|first|following|previous|coming|final|remaining|latest) ", "", head
    )
    head = re.sub(r"[- ](?:more|full|consecutive)$", "", head)
    half = head.endswith("and a half")
    head = head.replace("and a half", "").strip(" -")
    if head in ("several", "a few", "few", "some", "many"):
        return duration_value(None, unit)
    amount = num(head)
    if amount is None:
        return None
    return duration_value(amount + (0.5 if half else 0), unit)


def _every_value(low: str) -> str | None:
    """A set's value: "every Monday" -> ``XXXX-WXX-1``, "every other week" -> ``P2W``."""
    words = low.split()
    last = words[-1]
    weekday = WEEKDAYS.get(last)
    if weekday is not None:
        return f"XXXX-WXX-{weekday}"
    if last in MONTHS:
        return f"XXXX-{MONTHS[last]:02d}"
    if last in SEASONS:
        return f"XXXX-{SEASONS[last]}"
    if last in PARTS_OF_DAY:
        return f"XXXX-XX-XXT{PARTS_OF_DAY[last]}"
    unit = unit_key(last)
    if unit is None:
        return None
    amount = 2.0 if "other" in words else (num(words[1]) if len(words) > 2 else 1.0)
    return duration_value(amount or 1, unit)


NORMALISERS: dict[str, Normaliser] = {
    n.kind: n
    for n in (
        Normaliser(
            "set", lambda e: ("set", _every_value(e.low)), ("every Monday", "set", "XXXX-WXX-1")
        ),
        Normaliser(
            "set_adverb", lambda e: ("set", SET_ADVERBS.get(e.low)), ("weekly", "set", "P1W")
        ),
        Normaliser("per_unit", _per_unit, ("twice a day", "set", "P1D")),
        Normaliser(
            "duration",
            lambda e: ("duration", _duration_amount(e.low, vague=False)),
            ("three years", "duration", "P3Y"),
        ),
        Normaliser(
            "vague_duration",
            lambda e: ("duration", _duration_amount(e.low, vague=True)),
            ("the coming weeks", "duration", "PXW"),
        ),
        Normaliser(
            "reference",
            lambda e: ("date", REFERENCE_WORDS.get(e.low)),
            ("now", "date", "PRESENT_REF"),
        ),
        Normaliser(
            "iso_date",
            lambda e: ("time" if "T" in e.text else "date", e.text),
            ("2024-12-06", "date", "2024-12-06"),
        ),
        Normaliser("iso_month", lambda e: ("date", e.text), ("2024-12", "date", "2024-12")),
        Normaliser("decade", _decade, ("the 1990s", "date", "199")),
        Normaliser("century", _century, ("the 21st century", "date", "20")),
        Normaliser(
            "year",
            lambda e: ("date", e.year.group(1) if e.year else None),
            ("2018", "date", "2018"),
        ),
        Normaliser("md_date", _month_day, ("Oct. 23, 1999", "date", "1999-10-23")),
        Normaliser("dm_date", _month_day, ("28 February", "date", "2025-02-28")),
        Normaliser("slash_date", _calendar_date, ("12/6/2024", "date", "2024-12-06")),
        Normaliser("month", _month, ("last March", "date", "2024-03")),
        Normaliser("season", _season, ("summer 2024", "date", "2024-SU")),
        Normaliser("quarter", _quarter, ("the third quarter", "date", "2024-Q3")),
        Normaliser(
            "year_ago_quarter",
            _year_ago_quarter,
            ("the year-ago quarter", "date", "2023-Q4"),
            unanchored=_date,
        ),
        Normaliser(
            "deictic_day",
            _deictic_day,
            ("yesterday morning", "time", "2025-02-03TMO"),
            unanchored=_time_if_part_of_day,
        ),
        Normaliser(
            "this_part", _this_part, ("this evening", "time", "2025-02-04TEV"), unanchored=_time
        ),
        Normaliser(
            "weekday",
            _weekday,
            ("last Friday", "date", "2025-01-31"),
            unanchored=_time_if_part_of_day,
        ),
        Normaliser("clock", _clock_time, ("10 a.m.", "time", "2025-02-04T10:00"), unanchored=_time),
        Normaliser(
            "relative_unit",
            lambda e: ("date", _relative_unit_value(e.low, e.day)),
            ("next month", "date", "2025-03"),
            unanchored=_date,
        ),
        Normaliser(
            "ago",
            lambda e: ("date", _ago_value(e.low, e.day)),
            ("three years ago", "date", "2022"),
            unanchored=_date,
        ),
    )
}


def normalise(kind: str, text: str, anchor: dt.date | None, direction: str | None = None) -> Typed:
    """TimeML type and value of one found expression (``kind`` is the pattern's name)."""
    normaliser = NORMALISERS.get(kind)
    if normaliser is None:
        return "date", None
    low = re.sub(r"\s+", " ", text.lower()).strip()
    if anchor is None and normaliser.unanchored is not None:
        return normaliser.unanchored(low), None
    ahead = direction == AHEAD
    tense = None if ahead else direction
    return normaliser.read(Expression(text, low, anchor, tense, YEAR_RE.search(text), ahead))
