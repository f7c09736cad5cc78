"""Number and calendar words the analysers share: one list of each, all keys lower case.

The figures component reads number and scale words to find quantities and
month names to tell a date from a count ("May 13 to 19"); the timexes
component reads the same number words for durations ("three years") and the
month and weekday names for calendar values. Patterns that need a name list
(``time_patterns.MONTH_FULL``, ``figures`` month regexes) are built from
these tables, so a word is added in one place. Nothing here is mutated at
run time.
"""

from __future__ import annotations

# --- Number words -----------------------------------------------------------
# quantulum3 and number-parser both read "a third" as 3 and "half" as nothing,
# and neither keeps character offsets for word numbers, so we parse the small
# closed class of English number words ourselves.
UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Multipliers after a number ("2.5 million", "three hundred", "$4bn", "25k").
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mln": 1e6,
    "mil": 1e6,
    "mn": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    # South Asian scales ("35 lakh rupees")
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}

# --- Calendar words -----------------------------------------------------------
# Month numbers. Within a month the longer abbreviation comes first, so that a
# pattern built from the list tries "Sept" before "Sep".
MONTH_NAMES: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTHS: dict[str, int] = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}

# ISO weekday numbers (Monday = 1), as TimeML's ``XXXX-WXX-1`` uses them;
# again the longer abbreviation of a day first ("Thurs" before "Thu").
WEEKDAY_NAMES: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1,
    "tues": 2,
    "tue": 2,
    "wed": 3,
    "thurs": 4,
    "thur": 4,
    "thu": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}
WEEKDAYS: dict[str, int] = {**WEEKDAY_NAMES, **WEEKDAY_ABBREVIATIONS}

# TimeML season codes.
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
