"""Lexicons and surface patterns for temporal expressions (data, not logic).

Why our own patterns: spaCy's DATE/TIME entities miss ``now``, ``currently``,
``every week`` or a full ``6 December 2024`` (it tags ``December 2024``), and
over-extend others (``25 to 18 years old``); dateparser resolves dates but
does not find them safely in running text (``search_dates`` reads "We" as
Wednesday) and knows nothing of TimeML durations, sets or granularity. The
extents follow TimeML / TimeBank (checked on TBAQ-cleaned): a TIMEX3 excludes
the governing preposition (``on Tuesday`` -> ``Tuesday``) and includes
determiners and the modifiers ``nearly``, ``almost``, ``more than``,
``less than``, ``at least``, ``around`` (``almost seven years``), which
TimeBank puts inside the tag far more often than outside; ``about`` and
``over`` it mostly leaves outside, so we do too.
"""

from __future__ import annotations

import re

from storyline.analyze.shared_lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    SEASONS,
    TENS_WORDS,
    UNITS_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)

# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "nights": "NI",
    "mornings": "MO",
    "evenings": "EV",
    "afternoons": "AF",
    "midday": "MI",
}

# Duration units -> (TimeML unit letter, multiplier, is a clock unit needing "T").
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "weekend": ("WE", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}

# The cardinal words come from the shared lexicon (one list for the whole
# package); durations add the phrases that stand for a number of units.
NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    **{word: n for word, n in UNITS_WORDS.items() if n},  # "zero days" is no duration
    **TENS_WORDS,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "half an": 0.5,
}

# Vague quantities: the duration's amount is unknown (TimeML ``PXY``).
VAGUE_AMOUNTS = ("several", "a few", "few", "many", "some", "recent", "the past several")

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

# Words that place an expression on the time line without a calendar value.
# Not "previously", "formerly" or "at the time": TimeBank and TE3-platinum
# leave them untagged (4 of 28 occurrences tagged).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
}

# Adverbial sets: ``daily`` -> every day.
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}

# Modifiers TimeBank keeps inside the TIMEX3 extent (see module docstring).
INSIDE_MODIFIERS = (
    r"(?:nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|around|a\s+mere|barely)"
)

_alt = "|".join


def _words(keys: list[str]) -> str:
    return _alt(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in keys), key=len, reverse=True))


# Month and weekday names only match capitalised (``may``/``march``/``sun``
# are common words); abbreviations take an optional period.
MONTH_FULL = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
MONTH_ABBR = "(?:" + "|".join(m.capitalize() for m in MONTH_ABBREVIATIONS) + r")\.?"
# In capitals all but MAY, which a headline in capitals uses as the verb.
MONTH_CAPS = "(?:" + "|".join(m.upper() for m in MONTH_NAMES if m != "may") + ")"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|{MONTH_CAPS})(?![A-Za-z])"
WEEKDAY_FULL = "(?:" + "|".join(d.capitalize() for d in WEEKDAY_NAMES) + ")"
_WEEKDAY_ABBR = "|".join(d.capitalize() for d in WEEKDAY_ABBREVIATIONS)
WEEKDAY = rf"(?:{WEEKDAY_FULL}s?(?![A-Za-z])|(?:{_WEEKDAY_ABBR})\.)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PART = r"(?:(?i:morning|afternoon|evening|night|overnight))"
_NUMBER_WORDS = _words([k for k in NUMBER_WORDS if k not in ("a", "an")])
_DIGIT_WORDS = "(?i:" + "|".join(w for w, n in UNITS_WORDS.items() if 1 <= n <= 9) + ")"
NUMBER = rf"(?:\d+(?:\s+1/2|½)|\d+(?:\.\d+)?|(?i:{_NUMBER_WORDS})(?:[- ]{_DIGIT_WORDS})?)"
UNIT = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|centuries|century)"
)
UNIT_SG = (
    r"(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
)
UNITS_PLURAL = (
    r"(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
)
SEASON = "(?i:" + "|".join(SEASONS) + ")"
REL = r"(?i:last|past|previous|this|current|next|coming|following|same)"

# Each entry: (name, pattern). Matching is case-sensitive except where the
# pattern says ``(?i:...)``; the extractor takes leftmost-longest matches.
PATTERNS: list[tuple[str, str]] = [
    # Full and partial calendar dates.
    ("iso_date", rf"\b{YEAR}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?\b"),
    ("iso_month", rf"\b{YEAR}-[01]\d\b(?!-)"),
    ("slash_date", r"\b[01]?\d/[0-3]?\d/(?:\d\d){1,2}\b"),
    (
        "md_date",
        rf"(?:\b{WEEKDAY_FULL},?\s+)?\b{MONTH}\s+{DAYNUM}\b(?:,?\s+{YEAR}\b)?",
    ),
    (
        "dm_date",
        rf"(?:\b{WEEKDAY_FULL},?\s+)?\b(?:the\s+)?{DAYNUM}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?",
    ),
    (
        "month",
        rf"(?i:\b(?:(?:the\s+)?(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)[-\s]+)?"
        rf"(?:(?:last|this|next|past)\s+)?)\b{MONTH}(?:(?:,?\s+|\s+of\s+){YEAR}\b|\s+(?i:last|this|next)\s+year\b)?",
    ),
    (
        "season",
        rf"(?i:\b(?:(?:early|late|mid)[-\s]+)?(?:(?:the\s+)?{REL}\s+)?{SEASON}\b(?:\s+(?:of\s+)?(?-i:{YEAR})\b)?)",
    ),
    (
        "year",
        rf"(?i:\b(?:(?:the\s+)?(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)[-\s]+)?(?:fiscal\s+(?:year\s+)?)?){YEAR}\b(?!\s*(?:%|per\s*cent|percent))",
    ),
    (
        "decade",
        r"(?i:\b(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?:1[6-9]\d0s|20\d0s|'\d0s)(?![\w']))",
    ),
    (
        "century",
        r"(?i:\b(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|nineteenth|twentieth|twenty-first)[-\s]+century\b)",
    ),
    (
        "quarter",
        rf"(?i:\b(?:the\s+)?(?:{_words(list(ORDINALS))})[-\s]+(?:quarter|half)s?\b(?:\s+of\s+(?-i:{YEAR})\b)?)",
    ),
    ("year_ago_quarter", r"(?i:\b(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period))?\b)"),
    # Deictic days and parts of days.
    (
        "deictic_day",
        rf"(?i:\b(?:(?:early|late|later|earlier)\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+{PART})?\b)",
    ),
    ("this_part", rf"(?i:\b(?:(?:early|late|later|earlier)\s+)?(?:this|last|tomorrow)\s+{PART}\b)"),
    (
        "weekday",
        rf"(?i:\b(?:(?:early|late|last|this|next|coming)\s+)?)\b{WEEKDAY}(?:\s+{PART}s?)?\b",
    ),
    # Clock times (optionally with zone and day).
    (
        "clock",
        rf"(?i:\b(?:around\s+)?(?:\d{{1,2}}(?::\d\d){{1,2}}(?:\s*(?:a\.?m\.?|p\.?m\.?))?|\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m|o'clock)|noon|midnight|midday)"
        rf"(?:\s+(?:GMT|UTC|BST|CET|EET|EST|EDT|CST|PST|ET|PT|local\s+time|Kyiv\s+time|Moscow\s+time))?)"
        rf"(?:,?\s+(?:(?i:on\s+)?{WEEKDAY_FULL}|(?i:today|tonight|yesterday|tomorrow)|{MONTH}\s+{DAYNUM}\b))?",
    ),
    # Relative periods.
    (
        "relative_unit",
        rf"(?i:\b(?:(?:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)\s+)?(?:the\s+)?{REL}\s+(?:fiscal\s+|calendar\s+)?{UNIT_SG}\b(?:\s+or\s+so)?)",
    ),
    (
        "ago",
        rf"(?i:\b(?:{INSIDE_MODIFIERS}\s+)?(?:{NUMBER}|a|an|several|a\s+few|many)[-\s]+(?:and\s+a\s+half\s+)?{UNIT}\s+(?:ago|earlier|later)\b(?!\s+than\b))",
    ),
    # Durations.
    (
        "duration",
        rf"(?i:\b(?:{INSIDE_MODIFIERS}\s+)?(?:the\s+(?:past|last|next|first|following|previous|coming|final|remaining|latest)\s+)?"
        rf"(?:{NUMBER}|a|an|several|a\s+few|few|some|many)(?:\s+and\s+a\s+half)?[-\s]+(?:more\s+|full\s+|consecutive\s+)?{UNIT}\b(?:-long)?(?![-\s]+old\b))",
    ),
    (
        "vague_duration",
        rf"(?i:\b(?:the\s+)?(?:recent|coming|past|last|next|previous|following)\s+{UNITS_PLURAL}\b)",
    ),
    # Sets.
    (
        "set",
        rf"(?i:\b(?:every|each)\s+(?:other\s+|single\s+)?(?:(?:{NUMBER})\s+)?(?:{UNIT}|{PART}|(?-i:{WEEKDAY_FULL}|{MONTH_FULL})|{SEASON})\b)",
    ),
    ("set_adverb", rf"(?i:\b(?:{_words(list(SET_ADVERBS))})\b)"),
    (
        "per_unit",
        rf"(?i:\b(?:once|twice|\d+\s+times|(?:{NUMBER})\s+times)\s+(?:a|per)\s+{UNIT_SG}\b)",
    ),
    # Reference words.
    ("reference", rf"(?i:\b(?:{_words(list(REFERENCE_WORDS))})\b)"),
]

COMPILED: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p)) for name, p in PATTERNS]

# spaCy DATE/TIME entities we take only when they contain one of these
# (spaCy also tags ages, ordinals and event names as DATE).
TEMPORAL_WORD = re.compile(
    rf"(?i:\b(?:{UNIT}|{SEASON}|{PART}|holiday|christmas|easter|ramadan|weekend|season|era|period)\b)|\b{MONTH}\b|\b{WEEKDAY}|\b{YEAR}\b"
)

# Leading words spaCy includes that TimeML leaves outside the TIMEX3.
LEADING_NOISE = re.compile(
    r"^(?i:(?:on|in|at|since|from|by|until|till|during|for|over|about|of|to|before|after|between|within|throughout)\s+)+"
)
