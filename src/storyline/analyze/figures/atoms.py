"""The number grammar's atoms: the patterns a number is made of, and their values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.shared_lexicon import MONTHS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS


def alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Thousands separators, Indian lakh grouping ("12,34,567"), decimals.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+"
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_NUMWORD = alt([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion"])

# "and" joins only after a scale ("two hundred and fifty"); "five- and six-cylinder"
# is two numbers
_AND_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[\\s-]+and"
WORDSEQ = rf"(?:{_NUMWORD})(?:(?:{_AND_AFTER_SCALE})?[\s-]+(?:{_NUMWORD}))*"
_FRACTION = rf"(?:(?:a|an|one|{alt(UNITS_WORDS)})[\s-]+)?(?:{alt(lex.FRACTION_WORDS)})"

# Currency codes that may be glued to the digits ("RM79", "$US113", "Rs500").
_GLUED_CURRENCY_BEHIND = "|".join(
    f"(?<={re.escape(c)})"
    for c in (
        *("RM", "$US", "US$", "Rs", "HK$", "A$", "C$", "R$", "S$", "PS", "$A", "Y="),
        # ISO codes glued on ("USD10m", "EUR50m", "INR1 trillion")
        *("USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD", "CHF", "NZD", "SGD", "HKD", "INR"),
    )
)

# A report of none: "No deaths were reported", "no one was injured". Only a count of harm
# reported as nil is a figure ("no one wins", "no deal" are not): it is what a toll
# elsewhere ("at least four killed in the capital") can disagree with.
_HARM_NOUNS = r"(?:civilian\s+)?(?:deaths|fatalities|casualties|injuries)"
_PASSIVE = r"(?:was|were|have\s+been|had\s+been|has\s+been)\s+(?:immediately\s+)?"
_ZERO = (
    rf"\bno(?=\s+{_HARM_NOUNS}\s+{_PASSIVE}(?:reported|recorded|confirmed)\b)"
    rf"|\b(?:no\s+one|nobody)(?=\s+{_PASSIVE}(?:killed|injured|hurt|wounded)\b)"
)

# "thousands of", "tens of millions", "dozens": vague plural counts, as ranges.
_VAGUE = rf"(?:(?:tens|hundreds)\s+of\s+)?(?:{alt(lex.VAGUE_PLURALS)})"
ATOM_RE = re.compile(
    # "10 1/2", "1/4", "2½" (a date like "24/02/2022" has a second slash)
    r"(?P<slash>(?<![\w.,/:-])(?:\d+\s+)?\d{1,2}[/⁄]\d{1,3}(?![\d/])"
    r"|(?<![\w.,/:-])(?:\d+\s?)?[½¼¾⅓⅔⅛])"
    rf"|(?P<digits>(?=[-−.\d])(?:(?<![\w.,/:-])|{_GLUED_CURRENCY_BEHIND}|(?<![^\s($£€])[-−](?=\d)"
    r"|(?<=\bminus[\s-])|(?<=\bsub-))"
    rf"(?:{_DIGITS})(?![\d]))"
    # "half a million", "a quarter million"
    r"|(?P<fracscale>\b(?:a\s+)?(?:half|quarter)\s+(?:a\s+)?(?:million|billion|thousand|dozen)\b)"
    rf"|(?P<zero>{_ZERO})"
    rf"|(?P<vague>\b{_VAGUE}\b)"
    rf"|(?P<frac>\b{_FRACTION}\b)"
    rf"|(?P<words>\b{WORDSEQ}\b)"
    rf"|(?P<dozen>\b(?:a\s+)?(?:{alt(lex.DOZEN_WORDS)})\b)"
    rf"|(?P<mult>\b(?:{alt(lex.MULTIPLIER_WORDS)})\b)",
    re.IGNORECASE,
)

# The upper end of a range may follow a hyphen, which ATOM_RE refuses ("F-16").
RANGE_END_RE = re.compile(
    rf"(?P<digits>(?:{_DIGITS})(?![\d]))|(?P<words>\b{WORDSEQ}\b)"
    r"|(?P<slash>(?!))|(?P<fracscale>(?!))|(?P<frac>(?!))|(?P<dozen>(?!))|(?P<mult>(?!))|(?P<vague>(?!))"
    r"|(?P<zero>(?!))",
    re.IGNORECASE,
)
SCALE_RE = re.compile(rf"[\s-]*(?P<scale>{alt(SCALE_WORDS)})\b", re.IGNORECASE)
GLUED_SCALE_RE = re.compile(rf"(?P<scale>{alt(lex.GLUED_SCALES)})\b", re.IGNORECASE)
CURRENCY_RE = re.compile(
    rf"(?:^|(?<=[\s(\"'“‘\[]))(?P<cur>{alt(lex.CURRENCY_PREFIXES)})\s?$", re.IGNORECASE
)
ISO_BEFORE_RE = re.compile(r"(?<![\w$])(?P<cur>[A-Z]{3})\s?$")
ISO_AFTER_RE = re.compile(r"\s?(?P<cur>[A-Z]{3})(?![\w$])")
CASE_UNIT_RE = re.compile(rf"\s?(?P<unit>{alt(lex.CASE_SENSITIVE_UNITS)})(?![\w/])")
UNIT_RE = re.compile(rf"(?P<sep>\s?-?)(?P<unit>{alt(lex.UNIT_SUFFIXES)})(?![\w])", re.IGNORECASE)
RANGE_SEP_RE = re.compile(r"\s*(?:-to-|-|–|—|to|and)\s*", re.IGNORECASE)
CLOCK_RE = re.compile(
    r"^\s*(?::\d{2}|\s*(?:a\.m\b\.?|p\.m\b\.?|am\b|pm\b|o'clock|o’clock|hrs\b|GMT|UTC|CET|EST))",
    re.IGNORECASE,
)
MONTH_DAY_BEFORE_RE = re.compile(
    rf"\b(?:{alt(MONTHS)})\.?\s+\d{{1,2}}\s*(?:and|to|-|–|until|through)\s*$",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
MONTH_RE = re.compile(rf"\b(?:{alt(MONTHS)})\.?$", re.IGNORECASE)
MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{alt(MONTHS)})\b", re.IGNORECASE)
QUAL_BEFORE_RE = re.compile(rf"\b(?P<q>{alt(lex.QUALIFIERS_BEFORE)})\s+$", re.IGNORECASE)
QUAL_AFTER_RE = re.compile(
    rf"^(?:,\s*|\s+|-)?(?P<q>{alt(lex.QUALIFIERS_AFTER)})(?![\w])", re.IGNORECASE
)


@dataclass
class Quantity:
    """A number found in the text, before syntax adds what it counts."""

    start: int
    end: int
    low: float
    high: float
    unit: str | None = None
    qualifier: str | None = None
    kind: str = "digits"  # digits | words | frac | dozen | mult
    age: bool = False
    is_year_like: bool = False


def words_value(words: str) -> float | None:
    """Value of a run of number words ("two hundred and fifty thousand")."""
    total, current = 0.0, 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and" or not word:
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def atom_value(m: re.Match[str]) -> tuple[float, str] | None:
    text = m.group(0)
    if m.group("zero"):
        return 0.0, "zero"
    if m.group("digits"):
        return float(text.replace(",", "").replace("−", "-")), "digits"
    if m.group("slash"):
        whole, _, frac = text.rpartition(" ") if " " in text.strip() else ("", "", text)
        total = float(whole) if whole.strip() else 0.0
        if frac[-1] in _UNICODE_FRACTIONS:
            head = frac[:-1].strip()
            return total + (float(head) if head else 0.0) + _UNICODE_FRACTIONS[frac[-1]], "digits"
        num, den = (int(x) for x in frac.replace("⁄", "/").split("/"))
        if den not in _FRACTION_DENOMINATORS or num >= den:
            return None  # "9/11", "24/7": not a fraction
        return total + num / den, "digits"
    if m.group("fracscale"):
        words = text.lower().split()
        share = lex.FRACTION_WORDS[words[1] if words[0] == "a" else words[0]]
        return share * (12.0 if words[-1] == "dozen" else SCALE_WORDS[words[-1]]), "words"
    if m.group("vague"):
        return None  # handled in _extend, which needs both ends
    if m.group("frac"):
        parts = re.split(r"[\s-]+", text.lower())
        share = lex.FRACTION_WORDS[parts[-1]]
        count = UNITS_WORDS.get(parts[0], 1) if len(parts) > 1 else 1
        if len(parts) == 1 and parts[0] != "half" and parts[0] != "halves":
            return None  # a bare "third"/"quarter" is an ordinal or a fiscal quarter
        return count * share, "frac"
    if m.group("words"):
        words = re.split(r"[\s-]+", text.lower())
        if all(w in SCALE_WORDS for w in words):
            before = m.string[max(0, m.start() - 4) : m.start()].lower()
            if not re.search(r"\ban?\s+$", before):
                return None  # "(million tons per annum)": a scale needs a number or "a"
        value = words_value(text)
        return (value, "words") if value is not None else None
    if m.group("dozen"):
        return float(lex.DOZEN_WORDS[text.lower().split()[-1]]), "dozen"
    if m.group("mult"):
        return float(lex.MULTIPLIER_WORDS[text.lower()]), "mult"
    return None


# Denominators that news fractions use ("3/4 mile", "5/8 inch"); "9/11" is a date.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128})
