"""Temporal expressions: find them, and normalise them TimeML-style against the article date.

Extraction takes our own surface patterns (``time_patterns``) first and
spaCy's DATE/TIME entities where the patterns found nothing; normalisation is
rule-based because TimeML values carry granularity (``2025-01``,
``2025-W07``), durations (``P3Y``), sets and reference points
(``PRESENT_REF``) that no date parser returns. dateparser resolves explicit
calendar dates (``28 February``, ``Oct. 23, 1999``) against the anchor; it
is only ever given the expression we found, never running text.

Values. ``Timex.value`` is TimeML: ``2025-02-04`` (a day), ``2025-02-04TEV``
(Tuesday evening: the day plus TimeML's part-of-day code), ``2025-01``,
``2025-W07``, ``2024-SU``, ``P3Y``, ``PXM`` (some months), ``PRESENT_REF``.
Consumers that need a contract date (``YYYY-MM-DD``) use :func:`date_of`,
which keeps the calendar day and drops the time of day or part of day; the
statement's date of "said on Tuesday evening" is therefore ``2025-02-04``.
Relative expressions get ``None`` when there is no anchor: we never guess.
Event-anchored phrases ("since the beginning of the full-scale invasion")
are not timexes: the date they point to is world knowledge, not in the text.

Anchor. The article's ``published`` date. A date stated only to the month
(``2024-12``) anchors every value that all days of that month agree on. An
article with no date at all may be dated by its text: the latest full date on
a photograph's caption bounds publication from below (a photo is taken
before it is published); ``published`` is set to it with
``published_basis = "text"`` and only values that every publication day in
the following week agrees on are kept (see :func:`extract_timexes_bounded`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

import dateparser
from spacy.tokens import Doc

from storyline.analyze.registry import Context, component
from storyline.analyze.shared_lexicon import MONTHS, SEASONS, WEEKDAYS
from storyline.analyze.time_patterns import (
    COMPILED,
    LEADING_NOISE,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASON,
    SET_ADVERBS,
    TEMPORAL_WORD,
    UNITS,
)
from storyline.schema import Article, Timex, TimexType, stable_id

# How long after a caption's date we assume the article came out (see
# extract_timexes_bounded). An assumption, not a fact: news photographs are
# typically from the days before the report; a longer window only leaves
# more relative values unresolved, never wrongly resolved within it.
PUBLICATION_WINDOW_DAYS = 7

_PAST, _FUTURE = "past", "future"

# Kinds whose value does not depend on the anchor.
_ABSOLUTE_KINDS = {
    "iso_date",
    "iso_month",
    "slash_date",
    "decade",
    "century",
    "duration",
    "vague_duration",
    "set",
    "set_adverb",
    "per_unit",
    "reference",
}

_DURATION_KINDS = {"duration", "vague_duration"}
_SET_KINDS = {"set", "set_adverb", "per_unit"}

_LEADING_MOD = r"(?:(?:the )?(?:early|late|mid|end of|beginning of|start of|middle of)[- ]+)?"
_UNIT_WORDS = (
    r"(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|centuries|century)"
)
_BARE_UNITS = re.compile(
    r"(?i)(seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
)
_YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_MONTH_RE = re.compile(r"\b([A-Za-z]{3,9})\b\.?")
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_FUTURE_VERBS = {"begin", "start", "schedule", "plan", "expect", "due", "set"}
_SEASON_PREPOSITIONS = {"in", "during", "since", "until", "by", "through", "over"}
_TEMPORAL_PREPOSITIONS = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "through",
    "before",
    "after",
    "from",
    "to",
    "during",
    "on",
}

# Credits that mark a paragraph as a photo caption (its date is a photo date,
# hence on or before publication).
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:Photograph|Photo|Photos|Picture|Image|Illustration)s?\s*(?:by\b|:))"
    r"|\((?:AP|Reuters|AFP|EPA|Getty)[^)]*\)"
    r"|/\s*(?:Reuters|AP|AFP|EPA|Getty Images|Shutterstock)\b"
)


# --------------------------------------------------------------------------
# Small calendar helpers.


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _num(word: str) -> float | None:
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


def _unit_key(word: str) -> str | None:
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


def _duration(amount: float | None, unit: str) -> str:
    letter, mult, clock = UNITS[unit]
    qty = "X" if amount is None else _fmt(amount * mult)
    return f"PT{qty}{letter}" if clock else f"P{qty}{letter}"


def _shift(anchor: dt.date, amount: float, unit: str) -> str | None:
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
        y, m = _add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        if n is None:
            return None
        y, m = _add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit in ("week", "fortnight", "weekend"):
        days = amount * 7 * UNITS[unit][1]
        return _week(anchor + dt.timedelta(days=days))
    if unit in ("day", "night"):
        return (anchor + dt.timedelta(days=amount)).isoformat()
    # Hours and smaller: the day is all an article date can tell.
    return None


# --------------------------------------------------------------------------
# Tense: past-tense news refers back, future tense forward.


def _direction(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """``past`` or ``future`` when the governing clause's tense says so, else ``None``."""
    if doc is None:
        return None
    before = text[max(0, start - 16) : start].lower()
    if re.search(r"\b(?:until|till|by next|ahead of|before next|as soon as|starting)\s+$", before):
        return _FUTURE
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and low in _FUTURE_AUX:
            return _FUTURE
        if child.dep_ == "aux" and child.tag_ == "TO":
            # "agreed to sell in October" reports the past; "due to be published in May" does not.
            matrix = tok.head
            if matrix is tok:
                return None
            if matrix.tag_ in ("VBZ", "VBP", "MD") or matrix.lemma_ in _FUTURE_VERBS:
                return _FUTURE  # "plans to", "is due to be published"
            return _PAST if matrix.tag_ == "VBD" else None
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD":
            return _PAST  # "was killed", "had said"
        if child.dep_ == "aux" and child.lower_ in ("has", "have", "'ve"):
            return _PAST
    if tok.tag_ == "VBD":
        return _PAST
    return None


# --------------------------------------------------------------------------
# Normalisation, one rule per pattern kind.


def _parse_calendar(text: str, anchor: dt.date | None, direction: str | None) -> dt.date | None:
    """An explicit calendar date via dateparser; yearless and tenseless: the nearer reading."""
    if anchor is not None and not _YEAR_RE.search(text):
        past = _dateparse(text, anchor, _PAST)
        future = _dateparse(text, anchor, _FUTURE)
        if past is None or future is None:
            return past or future
        # "Monday, Oct. 26": the year in which the stated weekday fits.
        weekday = next(
            (WEEKDAYS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS), None
        )
        fits = [d for d in (past, future) if weekday is not None and d.isoweekday() == weekday]
        if len(fits) == 1:
            return fits[0]
        if direction is None:
            return future if (future - anchor) < (anchor - past) else past
    return _dateparse(text, anchor, direction or _PAST)


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
    return future if direction == _FUTURE else past


def _resolve_weekday(
    weekday: int, anchor: dt.date, direction: str | None, rel: str | None
) -> dt.date:
    # Our own rule rather than dateparser's: with PREFER_DATES_FROM='past'
    # dateparser moves "Friday" in a Friday article back a week, but news
    # (and TimeBank: "said Friday" in a Friday article) mean the same day.
    today = anchor.isoweekday()
    if (
        rel in ("next", "coming")
        or (rel is None and direction == _FUTURE)
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


def normalise(
    kind: str, text: str, anchor: dt.date | None, direction: str | None = None
) -> tuple[TimexType, str | None]:
    """TimeML type and value of one found expression (``kind`` is the pattern's name)."""
    low = re.sub(r"\s+", " ", text.lower()).strip()
    if kind in _SET_KINDS:
        return "set", _set_value(kind, low, text)
    if kind in _DURATION_KINDS:
        return "duration", _duration_value(kind, low)
    if kind == "reference":
        return "date", REFERENCE_WORDS.get(low)
    if kind in ("iso_date",):
        return ("time" if "T" in text else "date"), text
    if kind == "iso_month":
        return "date", text
    if kind == "decade":
        m = re.search(r"(\d{3})0s|'(\d)0s", low)
        if not m:
            return "date", None
        if m.group(1):
            return "date", m.group(1)
        digit = int(m.group(2))
        return "date", ("19" if digit >= 3 else "20") + m.group(2)
    if kind == "century":
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
        number = (
            int(m.group(1))
            if m
            else {"first": 1, "second": 2, "nineteenth": 19, "twentieth": 20}.get(
                low.split()[-2] if len(low.split()) > 1 else "", 21
            )
        )
        return "date", f"{number - 1:02d}"
    explicit_year = _YEAR_RE.search(text)
    if kind == "year":
        return "date", explicit_year.group(1) if explicit_year else None
    if kind in ("md_date", "dm_date", "slash_date"):
        if not explicit_year and kind != "slash_date" and anchor is None:
            return "date", None
        day = _parse_calendar(text, anchor, direction)
        return "date", day.isoformat() if day else None
    if kind == "month":
        month = _month_in(text)
        if month is None:
            return "date", None
        if explicit_year:
            return "date", f"{explicit_year.group(1)}-{month:02d}"
        if anchor is None:
            return "date", None
        year_rel = re.search(r"\b(last|this|next) year\b", low)
        if year_rel:
            year = anchor.year + {"last": -1, "this": 0, "next": 1}[year_rel.group(1)]
            return "date", f"{year}-{month:02d}"
        month_rel = re.match(_LEADING_MOD + r"(last|this|next|past)\b", low)
        y, mo = _resolve_month(month, anchor, direction, month_rel.group(1) if month_rel else None)
        return "date", f"{y:04d}-{mo:02d}"
    if kind == "season":
        code = next(SEASONS[w] for w in re.findall(r"[a-z]+", low) if w in SEASONS)
        if explicit_year:
            return "date", f"{explicit_year.group(1)}-{code}"
        if anchor is None:
            return "date", None
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        # The instance that has begun by the anchor (winter 2024 runs Dec 2024-Feb 2025).
        begun = anchor.year if anchor.month >= start_month else anchor.year - 1
        in_it = (anchor.month - start_month) % 12 < 3
        rel = _rel_word(low)
        if rel == "this":
            year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
        elif rel in ("last", "past"):
            year = begun - 1 if in_it else begun
        elif rel in ("next",) or (rel is None and direction == _FUTURE):
            year = begun + 1
        else:
            year = begun
        return "date", f"{year}-{code}"
    if kind == "quarter":
        qm = re.search(r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)", low)
        if not qm:
            return "date", None
        n, what = ORDINALS[qm.group(1)], qm.group(2)
        letter = "Q" if what == "quarter" else "H"
        if explicit_year:
            return "date", f"{explicit_year.group(1)}-{letter}{n}"
        if anchor is None:
            return "date", None
        current = _quarter_of(anchor)[1] if letter == "Q" else (1 if anchor.month <= 6 else 2)
        if direction == _FUTURE:
            year = anchor.year if n >= current else anchor.year + 1
        else:
            year = anchor.year if n <= current else anchor.year - 1
        return "date", f"{year}-{letter}{n}"
    if anchor is None:
        timed = kind in ("clock", "this_part") or (
            kind in ("deictic_day", "weekday") and _part_code(low) is not None
        )
        return ("time" if timed else "date"), None
    if kind == "year_ago_quarter":
        y, mo = _add_months(anchor.year, anchor.month, -3)
        return "date", f"{y - 1}-Q{(mo - 1) // 3 + 1}"
    if kind == "deictic_day":
        offset = 0
        if "yesterday" in low:
            offset = -1
        elif "tomorrow" in low:
            offset = 1
        day = anchor + dt.timedelta(days=offset)
        part = "NI" if "tonight" in low else _part_code(low)
        return ("time", f"{day.isoformat()}T{part}") if part else ("date", day.isoformat())
    if kind == "this_part":
        part = _part_code(low) or "NI"
        day = anchor
        if low.startswith("last") or " last " in f" {low} ":
            day = anchor - dt.timedelta(days=1) if part == "NI" else anchor
        elif "tomorrow" in low:
            day = anchor + dt.timedelta(days=1)
        return "time", f"{day.isoformat()}T{part}"
    if kind == "weekday":
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
        day = _resolve_weekday(weekday, anchor, direction, wd_rel.group(1) if wd_rel else None)
        part = _part_code(low.split(key, 1)[1]) if key in low else None
        return ("time", f"{day.isoformat()}T{part}") if part else ("date", day.isoformat())
    if kind == "clock":
        hm = _clock(low)
        if hm is None:
            return "time", None
        day = anchor
        on_date = re.search(r"[A-Z][a-z]+\.?\s+\d{1,2}\b", text)
        explicit = _parse_calendar(on_date.group(0), anchor, direction) if on_date else None
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
    if kind == "relative_unit":
        return "date", _relative_unit_value(low, anchor)
    if kind == "ago":
        return "date", _ago_value(low, anchor)
    return "date", None


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
        return _duration(1, unit)
    if unit == "weekend":
        sat = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        if step < 0:
            sat -= dt.timedelta(days=7)
        elif step > 0 and anchor.isoweekday() < 6:
            sat += dt.timedelta(days=7 if step > 0 and anchor.isoweekday() >= 6 else 0)
        return f"{_week(sat)}-WE"
    if unit in ("day", "night"):
        if rel == "this":
            return anchor.isoformat()
        return None
    if unit in ("hour", "minute", "second"):
        return None
    return _shift(anchor, step, unit)


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
    unit = _unit_key(m.group(2))
    forward = m.group(3) in ("later", "from now")
    amount = _num(qty_text)
    if unit is None:
        return None
    if amount is None:
        return "FUTURE_REF" if forward else "PAST_REF"
    return _shift(anchor, amount if forward else -amount, unit)


def _duration_value(kind: str, low: str) -> str | None:
    m = re.search(
        r"(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)\b",
        low,
    )
    if not m:
        return None
    unit = _unit_key(m.group(1))
    if unit is None:
        return None
    if kind == "vague_duration":
        return _duration(None, unit)
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
        return _duration(None, unit)
    amount = _num(head)
    if amount is None:
        return None
    return _duration(amount + (0.5 if half else 0), unit)


def _set_value(kind: str, low: str, text: str) -> str | None:
    if kind == "set_adverb":
        return SET_ADVERBS.get(low)
    if kind == "per_unit":
        unit = _unit_key(low.split()[-1])
        return _duration(1, unit) if unit else None
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
    unit = _unit_key(last)
    if unit is None:
        return None
    amount = 2.0 if "other" in words else (_num(words[1]) if len(words) > 2 else 1.0)
    return _duration(amount or 1, unit)


# --------------------------------------------------------------------------
# Extraction.


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z'-]+)\W*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\W*([A-Za-z'-]+)", text[end : end + 30])
    return m.group(1).lower() if m else ""


def _rest_of_line(text: str, end: int) -> str:
    stop = text.find("\n", end)
    return text[end : stop if stop >= 0 else len(text)]


def _keep(kind: str, text: str, start: int, end: int, doc: Doc | None) -> bool:
    """Reject pattern matches that are not temporal in context."""
    surface = text[start:end]
    low = surface.lower()
    prev, nxt = _prev_word(text, start), _next_word(text, end)
    if kind == "month" and surface in ("May", "March") and prev not in _TEMPORAL_PREPOSITIONS:
        return False
    if kind == "month" and re.fullmatch(r"[A-Z][a-z]{2,3}", surface) and surface.lower() in MONTHS:
        return False  # a bare "Jan" is a name more often than January
    if kind in ("month", "weekday") and doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span[0].ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
            return False  # "April Ryan", "Jan Kavan"
    bare_season = re.fullmatch(SEASON, surface)
    if kind == "season" and bare_season and (prev not in _SEASON_PREPOSITIONS or nxt == "of"):
        return False
    if kind == "year":
        if text[max(0, start - 1) : start] in ("$", "£", "€", "#") or re.match(
            r"[,.]\d|\s*(?:km|kg|m\b|people|troops|soldiers)", text[end : end + 10]
        ):
            return False
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) == 1:
                tok = span[0]
                # "2000 people" counts people; "a 2010 raid" is still a year.
                if tok.dep_ == "nummod" and tok.head.tag_ == "NNS":
                    return False
    if kind == "duration":
        if re.match(r"(?:a|an|one)\s+second\b", low) and re.match(r"\s+[a-z]", text[end : end + 3]):
            return False  # "a second term"
        if re.search(r"\b(?:quarters?|halfs?|halves)$", low) and nxt == "of":
            return False  # "a quarter of the population", "three-quarters of"
        if (re.match(r"(?:a|an|one)\s+day\b", low) and prev == "one") or low == "one day":
            return False  # "one day" (some day) is not a duration
    if kind == "weekday" and surface.endswith(".") and prev in ("the",):
        return False
    # A line of its own ("Previously") is a section heading, not a time reference.
    line = text[text.rfind("\n", 0, start) + 1 : start] + _rest_of_line(text, end)
    return not (kind == "reference" and not line.strip())


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, pattern in COMPILED:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in " ,\n":
                end -= 1
            if end > start and _keep(kind, text, start, end, doc):
                found.append((start, end, kind))
    return found


def _leftmost_longest(cands: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, kind in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if start >= last_end:
            chosen.append((start, end, kind))
            last_end = end
    return chosen


def _spacy_candidates(
    doc: Doc, text: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """spaCy DATE/TIME entities where our patterns found nothing, trimmed to TimeML extent."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        m = LEADING_NOISE.match(ent.text)
        if m:
            start += m.end()
        if start >= end or "\n" in text[start:end]:
            continue
        if any(s < end and start < e for s, e, _ in taken):
            continue
        surface = text[start:end]
        if not TEMPORAL_WORD.search(surface) or re.search(r"\bold\b", surface, re.I):
            continue  # ages ("22-year-old") are figures, not times
        out.append((start, end, "spacy_" + ent.label_.lower()))
    return out


def find_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int, str]]:
    """Character spans of temporal expressions in ``doc.text``, each with the kind that found it."""
    text = doc.text if text is None else text
    own = _leftmost_longest(_candidates(doc, text))
    return sorted(own + _spacy_candidates(doc, text, own))


def _value_for(
    kind: str, surface: str, anchor: dt.date | None, direction: str | None
) -> tuple[TimexType, str | None]:
    if kind.startswith("spacy_"):
        # A span our patterns rejected in context or do not know: normalise it
        # when one of them reads it whole, else keep the span and claim no value.
        for name, pattern in COMPILED:
            if pattern.fullmatch(surface):
                return normalise(name, surface, anchor, direction)
        bare = _BARE_UNITS.fullmatch(surface)
        if bare:
            unit = _unit_key(bare.group(1))
            if unit:
                return "duration", _duration(None, unit)
        return ("time" if kind == "spacy_time" else "date"), None
    return normalise(kind, surface, anchor, direction)


def _located(doc: Doc, text: str) -> list[tuple[int, int, str, str, str | None]]:
    """Spans with their kind, surface text and clause tense: everything but the anchor."""
    return [
        (start, end, kind, text[start:end], _direction(doc, text, start, end))
        for start, end, kind in find_spans(doc, text)
    ]


def _timex(
    article_id: str, start: int, end: int, surface: str, typed: tuple[TimexType, str | None]
) -> Timex:
    return Timex(
        id=stable_id("tx", article_id, start, end),
        article_id=article_id,
        text=surface,
        start=start,
        end=end,
        type=typed[0],
        value=typed[1],
    )


def _names_a_day(surface: str) -> bool:
    words = re.findall(r"[a-z]+", surface.lower())
    return any(w in WEEKDAYS or w in MONTHS or w in _DEICTIC_DAYS for w in words if len(w) > 2)


_DEICTIC_DAYS = {"today", "tonight", "yesterday", "tomorrow"}
_CLOCK_DAY_GAP = re.compile(r"\s*(?:,|at|on)?\s*$")


def _values(
    located: list[tuple[int, int, str, str, str | None]], text: str, anchor: dt.date | None
) -> list[tuple[TimexType, str | None]]:
    """The TimeML type and value of each located expression against one anchor."""
    typed = [
        _value_for(kind, surface, anchor, direction) for _, _, kind, surface, direction in located
    ]
    # "on Monday at 10 a.m.": a clock time with no day of its own takes the
    # day of the expression right before or after it, not the article's.
    for i, (start, end, kind, surface, _) in enumerate(located):
        value = typed[i][1]
        if kind != "clock" or value is None or _names_a_day(surface):
            continue
        neighbours = []
        if i > 0 and _CLOCK_DAY_GAP.fullmatch(text[located[i - 1][1] : start]):
            neighbours.append(typed[i - 1][1])
        if i + 1 < len(located) and _CLOCK_DAY_GAP.fullmatch(text[end : located[i + 1][0]]):
            neighbours.append(typed[i + 1][1])
        day = next((date_of(v) for v in neighbours if date_of(v)), None)
        if day is not None:
            typed[i] = (typed[i][0], day + value[10:])
    return typed


def extract_timexes(doc: Doc, anchor: dt.date | None, article_id: str) -> list[Timex]:
    """Every temporal expression in ``doc``, normalised against ``anchor`` (the article date).

    Without an anchor, relative expressions ("Tuesday", "last month") get
    ``value=None``; absolute ones ("2018", "28 February 2022", "P3Y") keep theirs.
    """
    text = doc.text
    located = _located(doc, text)
    return [
        _timex(article_id, start, end, surface, typed)
        for (start, end, _, surface, _), typed in zip(
            located, _values(located, text, anchor), strict=True
        )
    ]


def extract_timexes_bounded(
    doc: Doc, lower: dt.date, article_id: str, window_days: int = PUBLICATION_WINDOW_DAYS
) -> list[Timex]:
    """Timexes of an article known only to be published on or after ``lower``.

    Rule: a relative expression keeps a value only when every publication day
    from ``lower`` to ``lower + window_days`` gives it the same value; any
    expression whose reading depends on where in that week the article
    appeared gets ``None``. So "In February" in a text bounded by a
    6 December 2024 caption is ``2024-02`` (any day of that week agrees),
    while "on Sunday" stays unresolved (it is 1 December if the article came
    out on the 6th, 8 December if on the 9th).
    """
    text = doc.text
    located = _located(doc, text)
    runs = [_values(located, text, lower + dt.timedelta(days=k)) for k in range(window_days + 1)]
    out = []
    for i, (start, end, _, surface, _) in enumerate(located):
        readings = {run[i] for run in runs}
        typed = readings.pop() if len(readings) == 1 else (runs[0][i][0], None)
        out.append(_timex(article_id, start, end, surface, typed))
    return out


# --------------------------------------------------------------------------
# Helpers for other components.


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


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_FULL_DATE = [pattern for name, pattern in COMPILED if name in ("iso_date", "md_date", "dm_date")]


def published_lower_bound(article: Article) -> dt.date | None:
    """The latest full date stated in a photo caption of the article (text or removed pieces).

    A caption's date is when the photograph was taken, so the article cannot
    be older; other dates in the text may lie in the future and bound nothing.
    """
    pieces = re.split(r"\n\s*\n", article.text) + list(article.removed)
    dates = []
    for piece in pieces:
        if not _CAPTION_CREDIT.search(piece):
            continue
        for pattern in _FULL_DATE:
            for m in pattern.finditer(piece):
                if not _YEAR_RE.search(m.group(0)):
                    continue
                day = _parse_calendar(m.group(0), None, _PAST)
                if day is not None:
                    dates.append(day)
    return max(dates) if dates else None


@component("timexes")
def find_timexes(ctx: Context) -> None:
    """Fill ``timexes``; date an undated article by a caption's date as lower bound (``text``)."""
    article = ctx.findings.article
    anchor = _parse_published(article.published)
    if anchor is not None and article.published_basis == "text":
        # Set by an earlier run of this component: still only a lower bound.
        ctx.findings.timexes.extend(extract_timexes_bounded(ctx.doc, anchor, article.id))
        return
    if anchor is not None:
        ctx.findings.timexes.extend(extract_timexes(ctx.doc, anchor, article.id))
        return
    month = re.fullmatch(r"(\d{4})-(\d{2})", article.published or "")
    if month and 1 <= int(month.group(2)) <= 12:
        # Stated to the month only: keep what every day of that month agrees on.
        first = dt.date(int(month.group(1)), int(month.group(2)), 1)
        days = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - first
        ctx.findings.timexes.extend(
            extract_timexes_bounded(ctx.doc, first, article.id, window_days=days.days - 1)
        )
        return
    # A stated date we cannot read is kept as stated: only an article with
    # no date at all is dated from its text.
    lower = published_lower_bound(article) if not article.published else None
    if lower is None:
        ctx.findings.timexes.extend(extract_timexes(ctx.doc, None, article.id))
        return
    article.published = lower.isoformat()
    article.published_basis = "text"
    ctx.findings.timexes.extend(extract_timexes_bounded(ctx.doc, lower, article.id))
