"""Figures: every quantity in an article (counts, money, shares, durations, ages, rates).

Dates and clock times are not figures: the timexes component owns them, and
any number inside a date/time timex is dropped here (durations and sets are
kept: "24 hours" is a quantity).

Why our own scanner rather than a library: quantulum3 (measured in
``benchmarks/figures_newsquant.py``) reads "300-350,000" as a subtraction,
"a third" as 3, misses "half", and keeps no notion of qualifiers; CQE pins
``typing_extensions==4.4.0`` and ``protobuf==3.20.1`` (incompatible with
spaCy 3.8) and downloads spaCy models at run time; number-parser only turns
words into digits. So numbers are found by the small grammar below (digits,
number words, fractions, scales, ranges, currency and unit affixes), and
spaCy's parse of the same text supplies what the number counts (``subject``),
what happened to it (``measure``), the rate period (``per``) and the source
(``claimant``).

The normalised vocabularies (qualifiers, units, measures) live in
``figure_lexicon``, with the reasons for each choice:
- ``low``/``high``: equal for one value; a range's shared scale applies to
  both ends ("300-350,000" is 300,000..350,000; "2 to 3 million", "four to
  five thousand") unless the lower end is complete ("$800,000 to $1.3
  million"); vague plurals are ranges ("thousands of" is 1,000..10,000). A
  change ("rose from 40 to 52", "fell 2.5p to 231.4p") is two figures, the
  old and the new value, both in the unit written once; "from $5 to $10"
  without a change verb is a range.
- ``qualifier``: one of about, nearly, more than, at least, less than, up to,
  maybe more, average, exactly, or null ("approximately", "around", "some",
  "closer to" -> about; "over", "-plus" -> more than; "or more" -> at least).
- ``unit``: ISO 4217 code for money, ``percent``, a time unit for durations
  and ages, an SI-style name for physical units, ``fraction`` for "a third",
  ``times`` for "sixfold"; null for plain counts (what is counted is ``subject``).
  A share ("a third", "one in ten", "one out of four") has unit ``fraction``
  and, as ``subject``, the whole it is a share of ("half the flats").
- ``measure``: "killed" covers killed, dead, deaths and fatalities; "lost",
  "casualties", "wounded" and "injuries" stay distinct; ``age`` for ages.
- ``claimant``: the speaker of the innermost statement whose span contains
  the figure (with ``statement_id``); else "according to X" in the sentence;
  else the possessor of an estimate noun ("Mr. Trump's estimate of ...");
  else the subject (or passive agent) of an attribution verb governing the
  figure ("western estimates put ..."); else null (the outlet itself).
  ``claimant_entity`` is left to the cross-article stage.
- ``as_of``: the date of a date timex in the figure's sentence (the one
  nearest before the figure, else after); "at the time" inherits the previous
  sentence's date; else the date of the statement carrying the figure; else
  the article's publication date (a claim printed on day D stands as of D);
  else null.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.registry import Context, component
from storyline.analyze.shared_lexicon import MONTHS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS
from storyline.schema import Figure, Statement, Timex, stable_id

# ---------------------------------------------------------------------------
# The number grammar


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Thousands separators, Indian lakh grouping ("12,34,567"), decimals.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+"
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_NUMWORD = _alt([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion"])
# "and" joins only after a scale ("two hundred and fifty"); "five- and six-cylinder"
# is two numbers
_AND_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[\\s-]+and"
_WORDSEQ = rf"(?:{_NUMWORD})(?:(?:{_AND_AFTER_SCALE})?[\s-]+(?:{_NUMWORD}))*"
_FRACTION = rf"(?:(?:a|an|one|{_alt(UNITS_WORDS)})[\s-]+)?(?:{_alt(lex.FRACTION_WORDS)})"
# Currency codes that may be glued to the digits ("RM79", "$US113", "Rs500").
_GLUED_CURRENCY_BEHIND = "|".join(
    f"(?<={re.escape(c)})"
    for c in (
        *("RM", "$US", "US$", "Rs", "HK$", "A$", "C$", "R$", "S$", "PS", "$A", "Y="),
        # ISO codes glued on ("USD10m", "EUR50m", "INR1 trillion")
        *("USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD", "CHF", "NZD", "SGD", "HKD", "INR"),
    )
)
# "thousands of", "tens of millions", "dozens": vague plural counts, as ranges.
_VAGUE = rf"(?:(?:tens|hundreds)\s+of\s+)?(?:{_alt(lex.VAGUE_PLURALS)})"
_ATOM_RE = re.compile(
    # "10 1/2", "1/4", "2½" (a date like "24/02/2022" has a second slash)
    r"(?P<slash>(?<![\w.,/:-])(?:\d+\s+)?\d{1,2}[/⁄]\d{1,3}(?![\d/])"
    r"|(?<![\w.,/:-])(?:\d+\s?)?[½¼¾⅓⅔⅛])"
    rf"|(?P<digits>(?=[-−.\d])(?:(?<![\w.,/:-])|{_GLUED_CURRENCY_BEHIND}|(?<![^\s($£€])[-−](?=\d)"
    r"|(?<=\bminus[\s-])|(?<=\bsub-))"
    rf"(?:{_DIGITS})(?![\d]))"
    # "half a million", "a quarter million"
    r"|(?P<fracscale>\b(?:a\s+)?(?:half|quarter)\s+(?:a\s+)?(?:million|billion|thousand|dozen)\b)"
    rf"|(?P<vague>\b{_VAGUE}\b)"
    rf"|(?P<frac>\b{_FRACTION}\b)"
    rf"|(?P<words>\b{_WORDSEQ}\b)"
    rf"|(?P<dozen>\b(?:a\s+)?(?:{_alt(lex.DOZEN_WORDS)})\b)"
    rf"|(?P<mult>\b(?:{_alt(lex.MULTIPLIER_WORDS)})\b)",
    re.IGNORECASE,
)
# The upper end of a range may follow a hyphen, which _ATOM_RE refuses ("F-16").
_RANGE_END_RE = re.compile(
    rf"(?P<digits>(?:{_DIGITS})(?![\d]))|(?P<words>\b{_WORDSEQ}\b)"
    r"|(?P<slash>(?!))|(?P<fracscale>(?!))|(?P<frac>(?!))|(?P<dozen>(?!))|(?P<mult>(?!))|(?P<vague>(?!))",
    re.IGNORECASE,
)
_SCALE_RE = re.compile(rf"[\s-]*(?P<scale>{_alt(SCALE_WORDS)})\b", re.IGNORECASE)
_GLUED_SCALE_RE = re.compile(rf"(?P<scale>{_alt(lex.GLUED_SCALES)})\b", re.IGNORECASE)
_CURRENCY_RE = re.compile(
    rf"(?:^|(?<=[\s(\"'“‘\[]))(?P<cur>{_alt(lex.CURRENCY_PREFIXES)})\s?$", re.IGNORECASE
)
_ISO_BEFORE_RE = re.compile(r"(?<![\w$])(?P<cur>[A-Z]{3})\s?$")
_ISO_AFTER_RE = re.compile(r"\s?(?P<cur>[A-Z]{3})(?![\w$])")
_CASE_UNIT_RE = re.compile(rf"\s?(?P<unit>{_alt(lex.CASE_SENSITIVE_UNITS)})(?![\w/])")
_UNIT_RE = re.compile(rf"(?P<sep>\s?-?)(?P<unit>{_alt(lex.UNIT_SUFFIXES)})(?![\w])", re.IGNORECASE)
_RANGE_SEP_RE = re.compile(r"\s*(?:-to-|-|–|—|to|and)\s*", re.IGNORECASE)
_CLOCK_RE = re.compile(
    r"^\s*(?::\d{2}|\s*(?:a\.m\b\.?|p\.m\b\.?|am\b|pm\b|o'clock|o’clock|hrs\b|GMT|UTC|CET|EST))",
    re.IGNORECASE,
)
_MONTH_DAY_BEFORE_RE = re.compile(
    rf"\b(?:{_alt(MONTHS)})\.?\s+\d{{1,2}}\s*(?:and|to|-|–|until|through)\s*$",
    re.IGNORECASE,
)
_ORDINAL_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_MONTH_RE = re.compile(rf"\b(?:{_alt(MONTHS)})\.?$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_alt(MONTHS)})\b", re.IGNORECASE)
_QUAL_BEFORE_RE = re.compile(rf"\b(?P<q>{_alt(lex.QUALIFIERS_BEFORE)})\s+$", re.IGNORECASE)
_QUAL_AFTER_RE = re.compile(
    rf"^(?:,\s*|\s+|-)?(?P<q>{_alt(lex.QUALIFIERS_AFTER)})(?![\w])", re.IGNORECASE
)


@dataclass
class _Quantity:
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


def _words_value(words: str) -> float | None:
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


def _atom_value(m: re.Match[str]) -> tuple[float, str] | None:
    text = m.group(0)
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
        value = _words_value(text)
        return (value, "words") if value is not None else None
    if m.group("dozen"):
        return float(lex.DOZEN_WORDS[text.lower().split()[-1]]), "dozen"
    if m.group("mult"):
        return float(lex.MULTIPLIER_WORDS[text.lower()]), "mult"
    return None


# Denominators that news fractions use ("3/4 mile", "5/8 inch"); "9/11" is a date.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128})


def _scan(text: str) -> list[_Quantity]:
    """Every number-like stretch of ``text`` with its value, range, unit and qualifier."""
    out: list[_Quantity] = []
    pos = 0
    while True:
        m = _ATOM_RE.search(text, pos)
        if m is None:
            break
        q = _extend(text, m)
        if q is None:
            pos = m.end()
            continue
        out.append(q)
        pos = max(q.end, m.end())
    return out


def _after_scale(
    text: str, end: int, value: float, kind: str, money: bool = False
) -> tuple[float, int, bool]:
    """Apply "million"/"bn"/"k" after a number; returns (value, end, scaled).

    A glued "m" or "b" is a scale only after a currency ("$3m"); "100m" is metres.
    """
    sm = _SCALE_RE.match(text, end)
    if sm and not (kind == "words" and sm.start("scale") == end):
        value *= SCALE_WORDS[sm.group("scale").lower()]
        if sm.group("scale").lower() == "hundred":
            # "4 hundred million": a hundred can carry a further scale
            more = _SCALE_RE.match(text, sm.end())
            if more is not None and more.group("scale").lower() != "hundred":
                return value * SCALE_WORDS[more.group("scale").lower()], more.end(), True
        return value, sm.end(), True
    if kind == "digits":
        gm = _GLUED_SCALE_RE.match(text, end)
        money_after: object = gm is not None and re.match(
            r"\s+(?:dollars|euros|pounds|usd|eur|gbp|yen|yuan|rupees)\b", text[gm.end() :], re.I
        )
        if gm is not None and not money_after:
            # "6.9m people", "2bn users": a count, not metres
            nxt = re.match(r"\s+([a-z]+)\b", text[gm.end() :])
            money_after = bool(
                nxt is not None
                and (nxt.group(1).endswith("s") or nxt.group(1) in _IRREGULAR_PLURALS)
                and lex.UNIT_SUFFIXES.get(nxt.group(1), "") not in _LENGTHS
                and nxt.group(1) not in ("is", "was", "has", "as", "its", "this", "his")
            )  # ("1.2m tonnes" is millions of tonnes: a length is never counted in tonnes)
            # "4.3M sales", "$1.5B": a capital M or B is a scale (a metre is "m"), but
            # not after a lone digit ("3M" the company)
            money_after = money_after or (
                gm.group("scale") in ("M", "B") and bool(re.search(r"\d[.,]?\d$", text[:end]))
            )
        if gm and (money or money_after or gm.group("scale").lower() not in ("m", "b")):
            return value * lex.GLUED_SCALES[gm.group("scale").lower()], gm.end(), True
    return value, end, False


_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "refugees"})
_LENGTHS = frozenset(
    {"metre", "kilometre", "centimetre", "millimetre", "foot", "inch", "mile", "yard"}
)
_CHANGE_VERB_RE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*|"
    r"climb\w*|jump\w*|surg\w*|soar\w*|drop\w*|declin\w*|plung\w*|plummet\w*|slump\w*|"
    r"slid|slide[sd]?|sliding|cut|cuts|cutting|rais\w*|lower\w*|reduc\w*|boost\w*|"
    r"expand\w*|shr[aiu]nk\w*|went|go(?:es|ne)?\s+up|up|down|moved?|chang\w*|revis\w*|"
    r"upgrad\w*|downgrad\w*|extend\w*|shorten\w*|lengthen\w*|doubl\w*|tripl\w*|halv\w*)\b",
    re.IGNORECASE,
)


_SCIENTIFIC_RE = re.compile(
    r"\s?[×x]\s?10(?:(?:\^|\*\*)(?P<e>[-−]?\d{1,3})|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(?<=×10)(?P<e2>[-−]\d{1,3}))"
    r"(?!\d)"
)
_SUPERSCRIPTS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_OUT_OF_RE = re.compile(
    rf"\s+(?:out\s+of|in)\s+(?P<d>\d{{1,4}}|{_WORDSEQ})\b(?![.,]?\d|\s*(?:%|per\s?cent|-))",
    re.IGNORECASE,
)


def _vague(m: re.Match[str]) -> _Quantity:
    words = m.group(0).lower().split()
    low, high = lex.VAGUE_PLURALS[words[-1]]
    if len(words) > 1:
        factor = 10.0 if words[0] == "tens" else 100.0
        low, high = low * factor, high * factor
    return _Quantity(start=m.start(), end=m.end(), low=low, high=high, kind="vague")


def _extend(text: str, m: re.Match[str]) -> _Quantity | None:
    if m.group("vague"):
        return _vague(m)
    parsed = _atom_value(m)
    if parsed is None:
        return None
    value, kind = parsed
    start, end = m.start(), m.end()
    if kind == "digits" and re.search(r"\bminus[\s-]$", text[max(0, start - 6) : start], re.I):
        value, start = -value, start - 6  # "minus-130 degrees", "minus 5 yards"
    sci = _SCIENTIFIC_RE.match(text, end) if kind == "digits" else None
    if sci is not None:  # "2.998×10−8", "6.02 x 10^23", "3×10⁸"
        exp = sci.group("e") or sci.group("e2") or sci.group("sup").translate(_SUPERSCRIPTS)
        value *= 10.0 ** int(exp.replace("−", "-"))
        end = sci.end()
    ratio = _OUT_OF_RE.match(text, end)
    if ratio is not None and kind in ("digits", "words") and float(value).is_integer():
        d = ratio.group("d")
        whole = float(d) if d.isdigit() else _words_value(d)
        if whole is not None and value < whole <= 1000:
            # "one out of three Germans", "1 in 10 adults": a share
            q = _Quantity(start, ratio.end(), value / whole, value / whole, "fraction", kind="frac")
            _attach_qualifiers(text, q)
            return q
    # "one and a half", "two and a half years"
    half = re.match(r"[\s-]+and[\s-]+a[\s-]+half\b", text[end:], re.IGNORECASE)
    if half and kind in ("digits", "words"):
        value += 0.5
        end += half.end()
    unit: str | None = None
    # Currency before the number ("$", "US $", "€", "HK$").
    cm = _CURRENCY_RE.search(text[max(0, start - 6) : start])
    if (
        cm
        and kind == "digits"
        and not (
            cm.group("cur").lower() == "ps"
            and (
                cm.group("cur") != "PS"
                or cm.group(0).endswith(" ")
                or (len(m.group(0)) == 1 and not _GLUED_SCALE_RE.match(text, m.end()))
            )
        )  # a glued "PS" is a mis-decoded "£" ("PS500", "PS6m"), but "PS5" is a console
    ):
        unit = lex.CURRENCY_PREFIXES[cm.group("cur").lower()]
        start = start - (len(text[max(0, start - 6) : start]) - cm.start("cur"))
    elif kind == "digits":
        iso = _ISO_BEFORE_RE.search(text, max(0, start - 5), start)
        if iso is not None and iso.group("cur") in lex.ISO_CURRENCY_CODES:
            unit, start = lex.ISO_CURRENCY_CODES[iso.group("cur")], iso.start("cur")
    low_value = value
    value, end, scaled = _after_scale(text, end, value, kind, money=unit is not None)
    low, high = value, value
    # Ranges: "300-350,000", "2 to 3 million", "$1 million to $1.25 million".
    between = re.search(r"\bbetween\s+$", text[max(0, start - 9) : start], re.IGNORECASE)
    # "rose from X to Y" is a change: two figures. "prices range from X to Y",
    # "homes from $750,000 to $1 million" are ranges.
    from_ = re.search(r"\bfrom\s+$", text[max(0, start - 6) : start], re.IGNORECASE) and (
        _CHANGE_VERB_RE.search(text[max(0, start - 60) : start]) is not None
    )
    by_ = re.search(r"\bby\s+$", text[max(0, start - 4) : start], re.IGNORECASE)
    year_pair = False
    range_from = end
    um1 = _UNIT_RE.match(text, end)
    unit1 = None
    # "15kHz and 17kHz", "25 min - 40 min": a unit repeated on both ends.
    if (
        um1 is not None
        and um1.group("sep") in ("", " ")
        and (kind == "digits" or (kind == "words" and um1.group("sep") == " "))
        and _RANGE_SEP_RE.match(text, um1.end()) is not None
    ):
        range_from = um1.end()
        unit1 = lex.UNIT_SUFFIXES[um1.group("unit").lower()]
    rm = _RANGE_SEP_RE.match(text, range_from)
    if rm and kind in ("digits", "words") and not from_:
        sep = rm.group(0).strip().lower()
        if sep != "and" or between:
            rest = rm.end()
            cm2 = re.match(rf"(?:{_alt(lex.CURRENCY_PREFIXES)})\s?", text[rest:], re.IGNORECASE)
            if cm2 and unit is not None:
                rest += cm2.end()
            m2 = _RANGE_END_RE.match(text, rest)
            if m2 and (m2.group("digits") or m2.group("words")):
                parsed2 = _atom_value(m2)
                year_pair = _looks_like_date_pair(text, m, m2)
                if parsed2 is not None and not year_pair:
                    v2, kind2 = parsed2
                    v2, end2, scaled2 = _after_scale(
                        text, m2.end(), v2, kind2, money=unit is not None
                    )
                    um2 = _UNIT_RE.match(text, end2)
                    unit2 = lex.UNIT_SUFFIXES[um2.group("unit").lower()] if um2 else None
                    ok = not (sep in ("-", "–", "—") and kind == "digits" and kind2 != "digits")
                    if unit1 is not None and unit1 != unit2:
                        ok = False  # "rose 6.5% to 164p" is a change, not a range
                    changed = by_ or re.search(
                        r"\b(?:rose|fell|gained|lost|dropped|climbed|jumped|slipped|added|shed|"
                        r"up|down)\s+$",
                        text[max(0, start - 12) : start],
                        re.IGNORECASE,
                    )
                    if changed and (cm2 is not None or scaled2 or v2 > 5 * max(value, 1)):
                        # "increased by $43.6 billion to $419.2 billion",
                        # "cut rigs by eight to 465", "fell 2.5 p to 231.4 p": the change,
                        # then the new level
                        ok = False
                    if ok:
                        lo = value
                        if scaled2 and not scaled:
                            # The scale of the upper end applies to both ("2 to 3 million"),
                            # unless the lower end is complete ("$800,000 to $1.3 million").
                            lo = low_value * (v2 / parsed2[0]) if parsed2[0] else low_value
                            if "," in m.group(0) or (lo > v2 and cm2 is not None):
                                lo = value  # ("$200 to $4 million": both ends priced)
                        elif not scaled and kind == "digits" and kind2 == "digits":
                            lo = _share_grouping(low_value, m.group(0), v2, m2.group(0))
                        elif kind == kind2 == "words" and not scaled:
                            lo = _share_word_scale(low_value, m.group(0), v2, m2.group(0))
                        if lo <= v2:
                            low, high, end = lo, v2, end2
    q = _Quantity(start=start, end=end, low=low, high=high, unit=unit, kind=kind)
    q.is_year_like = year_pair
    _attach_unit(text, q)
    _attach_qualifiers(text, q)
    return q


_SCORE_CONTEXT = re.compile(
    r"\b(?:beat|beats|won|win|wins|lost|lose|draw|drew|led|lead|leads|score|scored|"
    r"aggregate|ended|victory|defeat|thrashed|trail|trailing|down|up|at)\b",
    re.IGNORECASE,
)


def _is_score(text: str, start: int, end: int) -> bool:
    """ "beat Charlton 2-1", "ended 2-2": a match score, not a range or two counts."""
    m = re.match(r"(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d,]|\.\d)", text[start : end + 8])
    if m is None:
        return False
    if len(m.group(1)) > 1 and int(m.group(2)) > int(m.group(1)):
        return False  # "lost 300-400 jobs" is a range; "won 112-104", "tied 89-89": scores
    unit_after = _UNIT_RE.match(text, start + m.end())
    if unit_after is not None and unit_after.group("sep") != "":
        return False
    return bool(_SCORE_CONTEXT.search(text[max(0, start - 40) : start + m.end() + 25]))


def _share_word_scale(low: float, low_text: str, high: float, high_text: str) -> float:
    """ "four to five thousand": the scale word closing the upper end is shared."""
    low_words = re.split(r"[\s-]+", low_text.lower())
    high_words = re.split(r"[\s-]+", high_text.lower())
    scale = high_words[-1]
    if scale not in SCALE_WORDS or any(w in SCALE_WORDS for w in low_words):
        return low
    shared = low * SCALE_WORDS[scale]
    return shared if shared <= high else low


def _share_grouping(low: float, low_text: str, high: float, high_text: str) -> float:
    """ "300-350,000": the thousands of the upper end are shared by the lower one."""
    if "," in low_text or "," not in high_text or "." in low_text:
        return low
    if not high_text.endswith(",000"):
        return low
    scaled = low
    while scaled * 1000 <= high:
        scaled *= 1000
    return scaled if scaled != low and scaled * 10 > high else low


def _looks_like_date_pair(text: str, m1: re.Match[str], m2: re.Match[str]) -> bool:
    """ "2018-2019", "2022-23": a span of years is a date range, not a quantity range."""
    a, b = m1.group(0), m2.group(0)
    return bool(
        m1.group("digits")
        and re.fullmatch(r"1[5-9]\d\d|20\d\d", a)
        and re.fullmatch(r"\d\d|1[5-9]\d\d|20\d\d", b)
    )


def _attach_unit(text: str, q: _Quantity) -> None:
    rest = text[q.end :]
    low_rest = rest.lower()
    for suffix in lex.AGE_SUFFIXES:
        if low_rest.startswith(suffix) and not low_rest[len(suffix) : len(suffix) + 1].isalpha():
            q.unit = _age_unit(suffix)
            q.age = True
            q.end += len(suffix)
            return
    before = text[max(0, q.start - 16) : q.start].lower()
    if q.unit is None and any(
        before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalpha())
        for p in lex.AGE_PREFIXES
    ):  # "aged 34", not "averaged 64"
        q.unit = "year"
        q.age = True
        return
    if (
        q.unit is None
        and q.kind in ("digits", "words")
        and q.low == q.high
        and 0 < q.low < 120
        and (
            _PRONOUN_AGE_BEFORE_RE.search(text, max(0, q.start - 20), q.start)
            or (
                _SENTENCE_AT_RE.search(text, max(0, q.start - 6), q.start)
                and _PERSON_AFTER_COMMA_RE.match(text, q.end)
            )
        )
        and _AGE_END_RE.match(text, q.end)
    ):  # "When he was 11, his family moved", "At 16, he played his first game"
        q.unit = "year"
        q.age = True
        return
    iso = _ISO_AFTER_RE.match(text, q.end) if q.kind == "digits" and q.unit is None else None
    if iso is not None and iso.group("cur") in lex.ISO_CURRENCY_CODES:
        q.unit, q.end = lex.ISO_CURRENCY_CODES[iso.group("cur")], iso.end()  # "50 billion EGP"
        return
    glued_temp = re.match(r"[CF](?![\w])", text[q.end : q.end + 2])
    if glued_temp is not None and q.unit is None and q.kind == "digits":
        # "40C (104F)": British style glues the scale to the number
        q.unit, q.end = ("celsius" if glued_temp.group(0) == "C" else "fahrenheit"), q.end + 1
        return
    cs = _CASE_UNIT_RE.match(text, q.end)
    if cs is not None and q.unit is None and q.kind == "digits":
        q.unit, q.end = lex.CASE_SENSITIVE_UNITS[cs.group("unit")], cs.end()
        return
    um = _UNIT_RE.match(text, q.end)
    if um is None and q.kind == "frac":
        # "half an hour", "half a percent", "nearly half a century"
        article = re.match(r"\s+an?(?=\s)", text[q.end :])
        if article is not None:
            um = _UNIT_RE.match(text, q.end + article.end())
            if um is not None and um.group("sep") == " ":
                q.end += article.end()
            else:
                um = None
    if um is None:
        if q.kind == "frac" and q.unit is None:
            q.unit = "fraction"
        elif q.kind == "mult" and q.unit is None:
            q.unit = "times"
        return
    surface = um.group("unit").lower()
    sep = um.group("sep")
    glued = sep == ""
    if glued and surface not in lex.GLUED_UNITS and surface[0] not in "%°":
        return
    if glued and um.group("unit") in _UPPER_NOT_UNITS:
        return  # "5G", "4T", "100M": not grams, tonnes or metres
    if not glued and surface in lex.GLUED_ONLY and not _spaced_pence(text, um):
        return
    name = lex.UNIT_SUFFIXES[surface]
    if name == "pound" and re.search(
        r"(?:million|billion|bn)\s*$", text[q.start : um.start()], re.I
    ):
        name = "GBP"  # "361 million pounds" is money; "200 pounds" may be weight
    if name in _MAJOR_CURRENCIES and q.unit is None:
        # "3 dollars 50 cents", "thirteen dollars and forty-five cents"
        cents = re.match(
            rf"\s+(?:and\s+)?(?P<n>\d{{1,2}}|{_WORDSEQ})\s+(?:cents?|pence)\b",
            text[um.end() :],
            re.IGNORECASE,
        )
        if cents is not None:
            n = cents.group("n")
            extra = float(n) if n.isdigit() else _words_value(n)
            if extra is not None and extra < 100 and q.low == q.high:
                q.low = q.high = q.low + extra / 100
                q.unit, q.end = name, um.end() + cents.end()
                return
    if q.unit in _CURRENCIES and name in _CURRENCIES:
        q.end = um.end()  # "$5 dollars": keep one currency
        return
    if q.unit is not None:
        return  # "$58.24 per barrel" keeps USD; a following unit word belongs elsewhere
    q.unit = name
    q.end = um.end()


def _spaced_pence(text: str, um: re.Match[str]) -> bool:
    """ "down 68 p at 1112 p": a market report spaces the pence sign; "3 p.m." is a time."""
    return (
        um.group("unit") == "p"
        and re.match(r"(?:\s+(?:at|to|from|and|or)\b|[,;)]|\.(?!m))", text[um.end() :]) is not None
    )


_PRONOUN_AGE_BEFORE_RE = re.compile(
    r"(?<![\w'’])(?:he|she|i|you|we|they)\s+(?:was|is|were|are|turned|turns|will\s+be|would\s+be)\s+$",
    re.I,
)
_SENTENCE_AT_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)At\s+$")
_PERSON_AFTER_COMMA_RE = re.compile(
    r",\s+(?:he|she|I|we|they|(?!(?:The|A|An|It|This|That|Its|Their)\b)[A-Z][a-z]+)\b"
)
# After an age comes the end of the clause, not a unit or a noun ("he was 5 minutes late").
_AGE_END_RE = re.compile(r"\s*(?:[,.;:!?)]|$|(?:and|when|but|in|at|or|by)\b)")
_UPPER_NOT_UNITS = frozenset({"G", "T", "M", "P", "X", "K"})
_MAJOR_CURRENCIES = frozenset(lex.CURRENCY_PREFIXES.values())
_CURRENCIES = _MAJOR_CURRENCIES | {"cent", "sen", "penny"}


def _age_unit(suffix: str) -> str:
    for unit in ("month", "week", "day"):
        if unit in suffix:
            return unit
    return "year"


def _attach_qualifiers(text: str, q: _Quantity) -> None:
    before = text[max(0, q.start - 20) : q.start]
    qm = _QUAL_BEFORE_RE.search(before)
    if before.endswith("~"):
        q.qualifier = "about"
    elif before.lower().endswith("sub-"):
        q.qualifier = "less than"  # "sub-7 nanometre chips", "sub-300 sq m offices"
    elif qm:
        q.qualifier = lex.QUALIFIERS_BEFORE[qm.group("q").lower()]
    am = _QUAL_AFTER_RE.match(text[q.end : q.end + 24])
    if am:
        after = lex.QUALIFIERS_AFTER[am.group("q").lower()]
        if after == "maybe more" or q.qualifier is None:
            q.qualifier = after


# ---------------------------------------------------------------------------
# What is not a figure


def _is_excluded(text: str, q: _Quantity, doc_tokens: Sequence[Token]) -> bool:
    """Dates, clock times, ordinals, labels and identifiers are not quantities."""
    surface = text[q.start : q.end]
    before = text[max(0, q.start - 12) : q.start]
    after = text[q.end : q.end + 16]
    if q.kind == "digits" and _is_score(text, q.start, q.end):
        return True
    if (
        q.kind in ("frac", "mult", "words", "dozen", "vague")
        and re.match(r"^-[A-Za-z]", after)
        and q.unit in (None, "fraction", "times")
    ):
        return True  # "half-staff", "a third-party", "double-digit"
    if (
        re.search(r"\b(?:top|bottom)\s+$", before, re.IGNORECASE)
        and q.unit is None
        and not _plural_noun_follows(doc_tokens, q.end)
    ):  # ("the top three seeds" counts seeds)
        return True  # "the top three seeds", "the bottom three": a rank
    if q.kind == "digits":
        if before.endswith("#") or before.endswith("# "):
            return True  # "#21": a jersey, rank or issue number
        if re.match(r"0\d", surface):
            return True  # "0800 313 4630", "007": phone numbers and codes, not amounts
        if re.search(r"\d[-–]\d+[-–]$", before) or re.match(r"^[-–]\d+[-–]\d", after):
            return True  # "1-866-306-4636", "29-08-2014", a "19-1-2 record": not amounts
        first = re.search(r"(?<![\d,.])\d{1,3}\s?[-–]\s?$", before)
        if first is not None and (
            len(surface) == 1 or _is_score(text, q.start - len(before) + first.start(), q.end)
        ):
            return True  # second half of a score
        if (
            re.search(
                r"\b(?:" + "|".join(re.escape(w) for w in lex.INDEX_LABELS) + r")\s+$",
                before,
                re.IGNORECASE,
            )
            and q.unit is None
        ):
            return True  # "S&P 500", "FTSE 100"
        if _CLOCK_RE.match(after) and q.unit is None:
            return True
        if _ORDINAL_RE.match(after):
            return True
        if re.match(r"^[A-Za-z]", after) and q.unit is None and not re.match(r"^\s", after):
            # glued letters: "5G", "MH17x", "1990s"
            return True
        if re.search(r"[A-Za-z]-?$", before) and q.unit is None:
            return True  # "F-16", "COVID-19", "G7"
        if _MONTH_RE.search(before.rstrip()) and q.unit is None:
            return True  # "Oct. 31", "February 24, 2022", "May 13 to 19"
        if _MONTH_DAY_BEFORE_RE.search(before) and q.unit is None:
            return True  # "between May 19 and 21"
        if re.match(r"^(?:\+\d|\s\+\s\d)", after) or re.search(r"\d\+$|\d\s\+\s$", before):
            return True  # "3+3 format"
        if (
            re.search(r"(?:^|[\s;:])\($", before)
            and after.startswith(")")
            and q.unit is None
            and surface.isdigit()
            and len(surface) == 1
        ):
            return True  # list markers "(1)", "(2)"
        if _MONTH_AFTER_RE.match(after) and q.unit is None:
            return True  # "28 February", "24th of February"
        if re.match(r"^[/.]\d", after) or re.search(r"\d[/.]$", before):
            return True  # "24/02/2022", version numbers "3.8.0"
    if q.is_year_like:
        return True
    words_before = re.findall(r"[\w.']+", before.lower())
    if q.unit is None and words_before and words_before[-1] in lex.LABEL_WORDS:
        prev = re.search(r"([\w.']+)\s*$", before)
        if prev and (prev.group(1)[:1].isupper() or words_before[-1] in lex.LABEL_WORDS_ANY_CASE):
            return True  # "Section 427", "Article 5", "Flight 17", "highway 35"
    if q.kind == "frac" and re.search(
        r"\b(?:first|second|latter|former|back|front|this|next|last|past|current)[\s-]+$",
        before,
        re.IGNORECASE,
    ):
        return True  # "the second half of the year"
    unit_and = re.search(
        r"([a-z]+)[\s-]+and[\s-]+(?:an?[\s-]+)?$", text[max(0, q.start - 24) : q.start], re.I
    )
    if q.kind == "frac" and unit_and and unit_and.group(1).lower() in lex.UNIT_SUFFIXES:
        return True  # "a year and a half", "year-and-a-half": the half of a duration
    if (
        q.kind == "frac"
        and q.unit == "fraction"
        and not re.search(r"(?:half|s)$|\s(?:of|in)\s", surface.lower())
    ):  # a plural ("two-thirds majority") or a half ("one-half share") is a share
        nxt = _next_token(doc_tokens, q.end)
        if nxt is not None and nxt.idx < q.end + 2 and nxt.tag_ in ("NN", "NNP", "JJ", "CD"):
            return True  # "a third man", "a third straight win": ordinals
    if (
        q.kind == "digits"
        and q.unit is None
        and q.low == q.high
        and "," not in surface
        and _is_name_number(text, q, doc_tokens)
    ):
        return True
    if q.kind in ("words", "dozen") and re.search(r"[A-Za-z]-$", before):
        return True  # "net-zero", "Catch-twenty-two": part of a compound word
    if q.kind in ("words", "dozen") and surface[:1].isupper():
        # "Rainbow Six Siege", "Group of Seven": a capitalised number word inside
        # a sentence is part of a name.
        stripped = text[: q.start].rstrip()
        nxt = _next_token(doc_tokens, q.end)
        if (
            stripped
            and stripped[-1] not in ".!?:;\"“”'‘’([-–—\n"
            and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS"))
        ):  # but "..., Six children are among them", "Eight Civilians Killed" count
            return True
    if q.kind == "words" and surface.lower() == "one":
        return _one_is_pronoun(text, q, doc_tokens)
    return False


_PRONOUN_ONE_BEFORE = frozenset(
    {"no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone", "same"}
)


def _plural_noun_follows(tokens: Sequence[Token], char: int) -> bool:
    nxt = _next_token(tokens, char)
    return nxt is not None and nxt.idx <= char + 1 and nxt.tag_ in ("NNS", "NNPS")


def _is_name_number(text: str, q: _Quantity, tokens: Sequence[Token]) -> bool:
    """A number inside a name: "iPhone 11 Pro", "Big 12", "Boeing's 787 Dreamliner".

    A bare number (no unit, no thousands separator) right after a proper noun,
    or right before a capitalised proper noun, is a label unless a plural
    common noun follows it ("Ford 13000 workers").
    """
    if q.qualifier is not None:
        return False  # "about 460 Kia and Hyundai vehicles": a label is never approximate
    prev = nxt = None
    for tok in tokens:
        if tok.idx + len(tok) <= q.start:
            prev = tok
        elif tok.idx >= q.end:
            nxt = tok
            break
    if nxt is not None and any(
        t.tag_ in ("NNS", "NNPS") for t in nxt.doc[nxt.i : min(nxt.i + 3, nxt.sent.end)]
    ):
        return False  # "96 Liverpool fans", "63000 Model 3 sedans"
    if _bare_age_after_name(q, prev, nxt):
        return False  # "Nick Hague 44 has spent ...": an age with its commas lost
    if prev is not None and prev.idx + len(prev) >= q.start - 1 and not prev.is_sent_start:
        word = prev.text
        if (
            prev.pos_ == "PROPN"
            and (word[:1].isupper() or word[1:2].isupper())
            and word.lower() not in MONTHS
            and prev.ent_type_ not in ("GPE", "NORP", "DATE", "MONEY", "CARDINAL")
        ):
            return True
    return bool(
        nxt is not None
        and nxt.tag_ == "NNP"
        and nxt.text[:1].isupper()
        and nxt.ent_type_ not in ("NORP", "GPE", "DATE", "CARDINAL")
        and nxt.lower_ not in MONTHS
        and text[q.end : nxt.idx].strip() == ""
    )


def _one_is_pronoun(text: str, q: _Quantity, tokens: Sequence[Token]) -> bool:
    words_before = re.findall(r"[\w']+", text[max(0, q.start - 12) : q.start].lower())
    if words_before and words_before[-1] in _PRONOUN_ONE_BEFORE:
        return True
    after = text[q.end : q.end + 12].lower()
    if re.match(r"^\s+(another|day|side|way|another's)\b", after):
        return True
    for tok in tokens:
        if tok.idx == q.start:
            return tok.pos_ not in ("NUM",)
    return False


def _year_like(text: str, q: _Quantity, tokens: Sequence[Token]) -> bool:
    """A bare four-digit number that reads as a year ("in 2022", "the 1988 film")."""
    surface = text[q.start : q.end]
    if q.kind != "digits" or q.unit is not None or q.low != q.high:
        return False
    if re.match(r"\s?(?:BCE|BC|CE|AD|B\.C\.|A\.D\.)(?!\w)", text[q.end : q.end + 5]):
        return True  # "died around 278 BCE": a year of any length
    if not re.fullmatch(r"1\d\d\d|2[01]\d\d", surface):
        return False
    ad = re.search(r"\b(?:a\.d\.|ad|bc|b\.c\.)\s*$", text[max(0, q.start - 6) : q.start], re.I)
    if ad:
        return True
    words_before = re.findall(r"[\w']+", text[max(0, q.start - 14) : q.start].lower())
    nxt = _next_token(tokens, q.end)
    if nxt is not None and nxt.lower_ in lex.YEAR_NOUNS:
        return True
    if nxt is not None and nxt.tag_ == "NNS":
        return False  # "2000 people"
    if words_before and words_before[-1] == "of" and int(surface) < 1900:
        return False  # "an average of 1500"; but "the survey of 2017", "the summer of 1999"
    if words_before and (words_before[-1] in lex.YEAR_CUES or words_before[-1] in MONTHS):
        return True
    # "2018." / "the 1988 horror film" are years; "by 2120" needs its cue.
    return 1800 <= int(surface) < 2100


# ---------------------------------------------------------------------------
# Syntax: what is counted, what happened, rate period, source


def _next_token(tokens: Sequence[Token], char: int) -> Token | None:
    for tok in tokens:
        if tok.idx >= char:
            return tok
    return None


def _span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _measure_of(tok: Token) -> str | None:
    word = tok.lower_
    lemma = tok.lemma_.lower()
    for key in (word, lemma):
        if key in lex.MEASURES:
            if tok.pos_ == "VERB" and key in lex.NOUN_ONLY_MEASURES:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and key in lex.VERB_ONLY_MEASURES:
                continue
            return lex.MEASURES[key]
    return None


def _number_head(span: Span) -> Token:
    """The token that carries the number's syntax (the last numeric token)."""
    for tok in reversed(span):
        if tok.like_num or tok.pos_ == "NUM":
            return tok
    return span[-1]


def _counted_noun(num: Token, span: Span) -> Token | None:
    """The noun a number counts: "700,000 dead Ukrainian soldiers" -> soldiers."""
    head = num
    for _ in range(3):
        if head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.i > head.i:
            head = head.head
            if head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
                return head
        else:
            break
    # "5,000 of them", "half of the soldiers"
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    # The parser sometimes attaches the noun the other way round.
    # "50,000-60,000 Russian soldiers": look past up to two modifiers.
    doc = span.doc
    # "4.3M digital and physical sales": or two modifiers joined by a conjunction.
    for nxt in doc[span.end : min(span.end + 5, num.sent.end)]:
        if nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ in ("NNS", "NNPS"):
            return nxt
        if nxt.i >= span.end + 3 and nxt.pos_ != "ADJ":
            break
        if (nxt.pos_ not in ("ADJ", "PROPN", "NOUN") or nxt.like_num) and not (
            nxt.pos_ == "CCONJ" and nxt.i > span.end and doc[nxt.i - 1].pos_ == "ADJ"
        ):
            break
    return None


def _subject_text(noun: Token, span: Span, measure_words: set[int]) -> str | None:
    """The counted noun with its modifiers between the number and it, minus measure words."""
    between = span.doc[span.end : noun.i + 1]
    if (
        any((t.like_num and t.pos_ == "NUM") or t.is_space for t in between)
        or noun.lower_ in _CONTAINER_NOUNS
    ):  # ("first-team players" is fine: "first" is an ordinal adjective)
        return None
    words = [
        t for t in between if t.i not in measure_words and t.pos_ not in ("DET", "PUNCT", "ADV")
    ]
    while words and (words[0].pos_ in ("CCONJ", "ADP") or words[0].lower_ in _INCREMENT_WORDS):
        words = words[1:]
    if not words:
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


# "eight more picks", "200 additional troops": the increment word says how the count
# relates to another one; what is counted is still "picks", "troops".
_INCREMENT_WORDS = frozenset({"more", "fewer", "less", "other", "additional", "extra", "further"})

# Nouns that hold a count without being what is counted ("390,000 cases of injuries").
_CONTAINER_NOUNS = frozenset({"case", "cases", "number", "total", "figure", "count", "tally"})


def _governing_verbs(tok: Token, limit: int = 4) -> list[Token]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            out.append(cur)
    return out


def _find_measure(num: Token, span: Span, noun: Token | None) -> tuple[str | None, set[int]]:
    """What happened to what is counted, nearest first: inside the noun phrase,
    right after the number, the verbs governing it, then the words just before."""
    doc = span.doc
    sent = num.sent
    used: set[int] = set()
    candidates: list[Token] = []
    stop = noun.i + 1 if noun is not None else span.end
    candidates.extend(doc[span.end : stop])  # "700,000 dead Ukrainian soldiers"
    if noun is not None:
        for child in noun.children:
            if (
                child.dep_ in ("acl", "relcl", "amod")
                and child.i > noun.i
                and not any(t.like_num for t in child.subtree)
            ):  # "soldiers lost in the conflict"; but "drones, of which 88 were shot
                # down" is the measure of the 88
                candidates.append(child)
            if child.dep_ == "prep":  # "cases of injuries", "personnel in the killed"
                candidates.extend(t for t in child.subtree if t.i < child.i + 4)
    # Directly after the number or noun: "300-350,000 killed", "370,000 wounded"
    after_start = stop
    after = doc[after_start : min(after_start + 4, sent.end)]
    if (
        len(after) >= 3
        and _measure_of(after[0]) == "killed"
        and after[1].lower_ in ("and", "or")
        and _measure_of(after[2]) in ("wounded", "injuries")
    ):
        return "casualties", {after[0].i, after[2].i}  # "315,000 killed and wounded"
    for tok in after:
        if tok.is_punct or tok.like_num or tok.pos_ == "CCONJ":
            break  # "killed 35 people and injured 117": the next clause is not ours
        candidates.append(tok)
    anchor = noun if noun is not None else num
    governing = _governing_verbs(anchor)
    candidates.extend(governing)
    # "are believed to have died", "is estimated to have lost"
    candidates.extend(c for v in governing[:1] for c in v.children if c.dep_ == "xcomp")
    for tok in candidates:
        measure = _measure_of(tok)
        if measure is not None:
            used.add(tok.i)
            return measure, used
    # Words shortly before the number in the same sentence ("those killed at 31,000",
    # "killed an average of more than 5,000"), stopping at another number.
    for tok in reversed(doc[max(sent.start, span.start - 8) : span.start]):
        measure = _measure_of(tok)
        if measure is not None:
            return measure, used
        if tok.is_quote:
            continue  # "cites loss of '400,000 soldiers'"
        if (
            tok.like_num
            or tok.is_punct
            or tok.is_space
            or tok.pos_ in ("SCONJ", "CCONJ", "VERB", "AUX")
        ):
            break
    # The subject of the verb the number completes: "the death toll rose to 52",
    # "Casualties are estimated at 20,000-30,000".
    if noun is None:
        for verb in _governing_verbs(num, 3):
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < span.start:
                    for tok in child.subtree:
                        measure = _measure_of(tok)
                        if measure is not None and tok.pos_ != "VERB":
                            return measure, used
            break
    return None, used


_GLUED_PER_RE = re.compile(r"(?:-an?-|\s+an?-|\s?/\s?)(?P<w>[A-Za-z]+)\b")


def _glued_per(after: str) -> str | None:
    """ "a $70-a-share price", "10 km/hr": a rate written without spaces."""
    m = _GLUED_PER_RE.match(after)
    if m is None:
        return None
    word = m.group("w").lower()
    if word in lex.PERIOD_ABBREVIATIONS:
        return lex.PERIOD_ABBREVIATIONS[word]
    singular = word[:-1] if word.endswith("s") else word
    for w in (word, singular):
        if w in lex.PERIOD_WORDS:
            return lex.PERIOD_WORDS[w]
        if w in lex.PER_NOUNS:
            return w
    return None


_NOT_RATE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "previously"})


def _find_per(span: Span, noun: Token | None) -> str | None:
    doc = span.doc
    start = (noun.i + 1) if noun is not None else span.end
    if start < len(doc) and doc[start].text == "(":
        # "C$6 (US$4.46) per share": a conversion in brackets sits between the figure
        # and its rate
        for close in doc[start + 1 : min(start + 8, span.sent.end)]:
            if close.text == ")":
                start = close.i + 1
                break
    elif start < len(doc) and doc[start].text == ")":
        start += 1  # the conversion itself: "(US$4.46) per share"
    if start >= len(doc):
        return None
    last = doc[start - 1]  # (Doc.text rebuilds the whole text: read a short span instead)
    glued = _glued_per(last.whitespace_ + doc[start : start + 4].text)
    if glued is not None:
        return glued
    window = doc[start : min(start + 7, span.sent.end)]
    for i, tok in enumerate(window):
        word = tok.lower_
        if tok.like_num or tok.is_currency or any(c.isdigit() for c in tok.text):
            break  # the rate of the next figure ("19 cents at $58.24 per barrel", "RM79 a month")
        if i >= 4 and word not in lex.RATE_DETERMINERS:
            continue  # "2.4 billion gallons of jet fuel a year": look past a short "of" phrase
        if word in lex.PERIOD_ADVERBS:
            return lex.PERIOD_ADVERBS[word]
        if word in lex.RATE_DETERMINERS and i + 1 < len(window):
            nxt = window[i + 1]
            period = lex.PERIOD_WORDS.get(nxt.lemma_.lower()) or lex.PERIOD_WORDS.get(nxt.lower_)
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if after is not None and after.lower_ in _NOT_RATE_AFTER:
                return None  # "$6.78 billion a year earlier" is a date, not a rate
            if period is not None:
                return period
            if word in ("a", "an", "per") and nxt.lower_ in lex.PER_NOUNS:
                return nxt.lemma_.lower()  # "$1.34 a share", "$58 per barrel"
            if word == "per":
                um = _UNIT_RE.match(" " + doc[nxt.i : nxt.i + 4].text)  # "$80 per sq m"
                if um is not None and um.group("sep") == " ":
                    return lex.UNIT_SUFFIXES[um.group("unit").lower()]
            if word == "per" and nxt.pos_ in ("NOUN", "PROPN"):
                return nxt.lemma_.lower()
            if word == "per" and nxt.pos_ == "ADJ" and nxt.head.i > nxt.i:
                head = nxt.head  # "$21.25 per square foot"
                if head.pos_ == "NOUN" and head.i - nxt.i <= 2:
                    return doc[nxt.i : head.i].text_with_ws.lower() + head.lemma_.lower()
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ"):
            break
    return None


def _noun_phrase(tok: Token) -> str:
    """The phrase a noun heads, up to the noun, within its own line and sentence."""
    left = max(tok.left_edge.i, tok.sent.start)
    words = [t for t in tok.doc[left : tok.i + 1]]
    while words and (words[0].pos_ in ("DET", "PUNCT", "SPACE") or "\n" in words[0].text):
        words = words[1:]
    for i in range(len(words) - 1, 0, -1):
        if "\n" in words[i].text or "\n" in words[i - 1].whitespace_:
            words = words[i + 1 :] if "\n" in words[i].text else words[i:]
            break
    if not words:
        return tok.text
    return tok.doc[words[0].i : words[-1].i + 1].text


def _unit_subject(num: Token, span: Span) -> str | None:
    """What a money/percent/duration figure measures: the noun it modifies
    ("a 30-day ceasefire"), else the subject of the clause ("The call lasted ...")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc):
        # "20% of Ukrainian territory", "a third of voters": the whole it is a share of
        for pobj in nxt.children:
            if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(pobj)
    if nxt is not None and nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i >= nxt.i:
        head = nxt
        while (
            head.head.i > head.i
            and head.dep_ in ("compound", "amod")
            and head.head.i < span.end + 4
        ):
            head = head.head
        return doc[nxt.i : head.i + 1].text
    for verb in _governing_verbs(num, 3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in lex.NON_CLAIMANTS:
                if child.pos_ == "PRON" or span.start <= child.i < span.end:
                    return None
                if child.left_edge.i <= span.start and span.end <= child.i + 1:
                    return None  # "Up to 60% of flights": the figure is inside the subject
                return _noun_phrase(child)
    return None


def _claimant_in_sentence(num: Token) -> str | None:
    sent = num.sent
    # "According to Trump, ..." anywhere in the sentence before the figure.
    for tok in sent:
        if tok.lower_ == "according" and not (tok.i <= num.i < tok.i + 3):
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for pobj in nxt.children:
                    if pobj.dep_ == "pobj":
                        return _noun_phrase(pobj)
                if tok.i + 2 < sent.end:
                    return _noun_phrase(tok.doc[tok.i + 2])
    # "Mr. Trump's estimate of 400,000 soldiers": the owner of an estimate noun.
    cur = num
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.lemma_.lower() in lex.ESTIMATE_NOUNS:
            for child in cur.children:
                if child.dep_ == "poss" and child.pos_ != "PRON":
                    return _noun_phrase(child)
            break
    for verb in _governing_verbs(num, 5):
        if verb.lemma_.lower() in lex.ATTRIBUTION_VERBS:
            for child in verb.children:
                # Passive: the source is the agent ("estimated by the UN"), not the subject.
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                            return _noun_phrase(pobj)
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    if child.lower_ in lex.NON_CLAIMANTS:
                        continue
                    return _noun_phrase(child)
    return None


# ---------------------------------------------------------------------------
# Dates


_DATE_VALUE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ANAPHORIC_TIME = re.compile(r"\b(?:at the time|at that time|then|by then)\b", re.IGNORECASE)


def _timex_date(timex: Timex) -> str | None:
    if timex.type not in ("date", "time") or not timex.value:
        return None
    m = _DATE_VALUE_RE.match(timex.value)
    return m.group(0) if m else None


def _statement_for(
    figure_start: int, figure_end: int, statements: Sequence[Statement]
) -> Statement | None:
    inside = [s for s in statements if s.start <= figure_start and figure_end <= s.end]
    if not inside:
        return None
    return min(inside, key=lambda s: (s.end - s.start, s.start))


# ---------------------------------------------------------------------------
# The component


def extract_figures(
    article_id: str,
    text: str,
    doc: Doc,
    statements: Sequence[Statement] = (),
    timexes: Sequence[Timex] = (),
    published: str | None = None,
) -> list[Figure]:
    """All figures in one parsed article (pure: the same inputs give the same list)."""
    tokens = list(doc)
    blocked = [
        (t.start, t.end) for t in timexes if t.type in ("date", "time")
    ]  # dates and clock times
    quantities = []
    for q in _scan(text):
        q.is_year_like = q.is_year_like or _year_like(text, q, tokens)
        if _is_excluded(text, q, tokens):
            continue
        if any(s < q.end and q.start < e for s, e in blocked):
            continue
        quantities.append(q)

    _share_units(text, quantities)
    figures: list[Figure] = []
    sent_dates: dict[int, str] = {}
    prev_subject: tuple[int, int, str] | None = None  # (sentence start, end char, subject)
    prev_measure: tuple[int, int, str] | None = None  # (sentence start, end char, measure)
    prev_end = 0
    for q in quantities:
        prev_end = prev_subject[1] if prev_subject is not None else 0
        span = _span_tokens(doc, q.start, q.end)
        measure = subject = per = claimant = None
        if span is not None and len(span):
            num = _number_head(span)
            if q.unit == "metre" and text[q.end - 2 : q.end - 1].isdigit() and _counts_after(span):
                q.low, q.high, q.unit = q.low * 1e6, q.high * 1e6, None  # "2.7m new subscribers"
            noun = _counted_noun(num, span)
            measure, used = _find_measure(num, span, noun)
            if not q.age and _apposition_age(text, q, num):
                q.unit, q.age = "year", True  # "Petro Pochynok, 34, from north London"
            if q.age:
                measure = "age"
                subject = _age_subject(span)
            elif q.unit is None or q.unit == "fraction":
                if noun is not None and _measure_of(noun) is not None and noun.i >= span.end:
                    subject = _subject_text_excluding_head(noun, span, used)
                elif noun is not None:
                    subject = _subject_text(noun, span, used)
                if subject is None and q.unit == "fraction":
                    subject = _fraction_whole(span)
                if (
                    subject is None
                    and (
                        measure is not None
                        or (noun is None and _coordinated(text[prev_end : q.start]))
                    )
                    and prev_subject is not None
                    and prev_subject[0] == num.sent.start
                    and q.start - prev_subject[1] < 80
                ):
                    # "43,000 soldiers ... killed and 370,000 wounded",
                    # "435 homes by open sale and 187 by tender"
                    subject = prev_subject[2]
            else:
                subject = _unit_subject(num, span)
            if (
                measure is None
                and q.unit is None
                and prev_measure is not None
                and prev_measure[0] == num.sent.start
                and re.search(r"\band\b|,", text[prev_measure[1] : q.start])
                and q.start - prev_measure[1] < 60
            ):
                measure = prev_measure[2]  # "700,000 dead ... and 800,000, maybe more"
            if measure is not None and q.unit is None:
                prev_measure = (num.sent.start, q.end, measure)
            if q.unit in lex.TIME_UNITS and not q.age:
                measure = None  # a duration is not a count of casualties or arrests
            per = _find_per(span, noun if q.unit is None else None)
            claimant = _claimant_in_sentence(num)
            if claimant is not None and text[q.start : q.end] in claimant:
                claimant = None  # a misparse made the figure its own source
            if subject is not None and q.unit is None:
                prev_subject = (num.sent.start, q.end, subject)
        statement = _statement_for(q.start, q.end, statements)
        statement_id = None
        if statement is not None and statement.speaker:
            claimant, statement_id = statement.speaker, statement.id
        elif statement is not None:
            statement_id = statement.id
        as_of = _as_of(q, doc, timexes, statement, published, sent_dates)
        figures.append(
            Figure(
                id=stable_id("fg", article_id, q.start, q.end),
                article_id=article_id,
                text=text[q.start : q.end],
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                unit=q.unit,
                measure=measure,
                subject=subject,
                per=per,
                claimant=claimant,
                claimant_entity=None,
                statement_id=statement_id,
                as_of=as_of,
                start=q.start,
                end=q.end,
            )
        )
    _index_points(text, figures, doc)
    return figures


_COORDINATED_RE = re.compile(
    r"(?:\b(?:and|or|while|but|versus|vs\.?|than|including|(?:up|down|rising|falling|fell|rose)\s+from|"
    r"compared\s+(?:with|to)|against)|,)\s*$",
    re.IGNORECASE,
)


def _coordinated(between: str) -> bool:
    """The text between two figures ends in a coordination or a comparison (and a
    qualifier): "435 homes by open sale and 187 by tender", "68400 people ... and
    about 95800", "3.9 million headsets, up from 2.4 million", "500 cars, compared
    with 320": the second counts what the first counts."""
    qm = _QUAL_BEFORE_RE.search(between)
    if qm is not None:
        between = between[: qm.start()]
    return _COORDINATED_RE.search(between) is not None


def _index_points(text: str, figures: list[Figure], doc: Doc) -> None:
    """ "1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18": a market
    report gives index levels in points; a bare level beside a figure in points
    is in points too. Small whole numbers stay counts."""
    point_sents = set()
    for f in figures:
        if f.unit == "point":
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is not None:
                point_sents.add(span[0].sent.start)
    if not point_sents:
        return
    for f in figures:
        if f.unit is not None or f.subject is not None or f.low != f.high:
            continue
        if f.low is None or (float(f.low).is_integer() and f.low < 100):
            continue
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and span[0].sent.start in point_sents:
            f.unit = "point"


def _share_units(text: str, quantities: list[_Quantity]) -> None:
    """ "eight or nine euros", "rose from 13.5 to 14.0 mm": the unit of the second
    number belongs to the first too (a change is two figures, both in millimetres)."""
    for first, second in itertools.pairwise(quantities):
        between = text[first.end : second.start]
        from_to = re.fullmatch(r"\s*to\s*", between) is not None and re.search(
            r"\bfrom\s+$", text[max(0, first.start - 6) : first.start], re.IGNORECASE
        )
        if (
            first.unit is None
            and second.unit is not None
            and first.kind in ("digits", "words")
            # "7- or 8-inch" (a suspended hyphen), "280 million of the 1.5 billion shekels"
            and (
                re.fullmatch(r"-?\s*(?:or|and)\s*", between)
                or (
                    between.strip() == ","
                    and ("," in text[first.start : first.end])
                    == ("," in text[second.start : second.end])
                )
                or from_to
                or (
                    second.unit in _MAJOR_CURRENCIES
                    and re.fullmatch(r"\s+of\s+(?:the|its|their|his|her)\s+", between)
                )
            )
            and second.unit not in ("fraction",)
            and not second.age
        ):
            first.unit = second.unit
        elif (
            first.unit is not None
            and second.unit is None
            and second.kind == "digits"
            and not first.age
            and first.unit not in ("fraction", "times")
            and re.fullmatch(r"(?:\s+[a-z]+)?\s+to\s+", between)
            and re.search(r"\bfrom\s+(?:about\s+)?$", text[max(0, first.start - 12) : first.start])
        ):  # "dropping from 208 pounds to 193", "from 21 mpg combined to 23": the new
            # value is in the old one's unit
            second.unit = first.unit


def _fraction_whole(span: Span) -> str | None:
    """What a share is a share of: "half the flats", "two-thirds of the 3,000 new homes"."""
    doc = span.doc
    words: list[Token] = []
    for tok in doc[span.end : min(span.end + 6, span.sent.end)]:
        if not words and (tok.lower_ == "of" or tok.pos_ in ("DET", "NUM") or tok.tag_ == "PRP$"):
            continue
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") or (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
            words.append(tok)
            if tok.pos_ in ("NOUN", "PROPN") and not (
                tok.dep_ in ("compound", "amod") and tok.head.i > tok.i
            ):
                return doc[words[0].i : tok.i + 1].text
            continue
        break
    return None


_DIMENSION_WORDS = frozenset({"tall", "high", "long", "wide", "deep", "thick", "away"})


def _counts_after(span: Span) -> bool:
    """A glued "m" before a plural noun is millions: "2.7m combined digital and physical
    sales", "35m of its devices"; "the last 100m of the race", "a 2m high wall" are metres."""
    for tok in span.doc[span.end : min(span.end + 6, span.sent.end)]:
        if tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in lex.UNIT_SUFFIXES:
            return True
        if tok.lower_ in _DIMENSION_WORDS:
            return False
        if not (
            tok.pos_ in ("ADJ", "CCONJ", "DET", "PROPN")
            or tok.tag_ == "NN"  # a modifier noun ("vinyl albums")
            or tok.lower_ == "of"
            or tok.tag_ == "PRP$"
            or (tok.pos_ == "VERB" and tok.tag_ in ("VBG", "VBN"))
        ):
            return False
    return False


def _bare_age_after_name(q: _Quantity, prev: Token | None, nxt: Token | None) -> bool:
    """A person's name, a small number, then a verb: an apposition whose commas were lost."""
    return bool(
        prev is not None
        and nxt is not None
        and q.kind == "digits"
        and q.low == q.high
        and 0 < q.low < 120
        and float(q.low).is_integer()
        and prev.ent_type_ == "PERSON"
        and nxt.pos_ in ("VERB", "AUX")
    )


def _apposition_age(text: str, q: _Quantity, num: Token) -> bool:
    """ "Andriy Portnov, 51, had just ...": a bare number set off by commas after a name."""
    if q.kind != "digits" or q.unit is not None or q.low != q.high or not 0 < q.low < 120:
        return False
    doc = num.doc
    prev_tok = doc[num.i - 1] if num.i >= 1 else None
    next_tok = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if _bare_age_after_name(q, prev_tok, next_tok):
        return True
    if (
        not re.match(r"^\s*(?:,|\)|$)", text[q.end : q.end + 2])
        or text[q.start - 2 : q.start] != ", "
    ):
        return False
    prev = num.doc[num.i - 2] if num.i >= 2 else None
    if prev is None:
        return False
    if num.dep_ == "appos" and num.head.i == prev.i and prev.pos_ == "PROPN":
        return True  # the small model often tags names as places ("Tatyana, 52,")
    if prev.pos_ == "NOUN" and prev.lemma_.lower() in lex.PERSON_NOUNS:
        return True  # "The suspect, 34, was sentenced"
    return prev.ent_type_ == "PERSON" or (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "EVENT")
    )


def _subject_text_excluding_head(noun: Token, span: Span, used: set[int]) -> str | None:
    """ "400,000 military casualties": the noun is the measure; keep the modifiers."""
    words = [
        t
        for t in span.doc[span.end : noun.i]
        if t.pos_ in ("ADJ", "NOUN", "PROPN") and _measure_of(t) is None
    ]
    if not words:
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def _age_subject(span: Span) -> str | None:
    """ "a 75-year-old woman" -> woman; "Grijalva ... dies at 77" -> the verb's subject."""
    doc = span.doc
    for tok in doc[span.end : min(span.end + 3, len(doc))]:
        if tok.is_space or "\n" in tok.whitespace_ or tok.pos_ in ("VERB", "AUX", "PART"):
            break  # "The 24-year-old took the title": the age is the subject itself
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
            while head.dep_ == "compound" and head.head.i > head.i and "\n" not in head.whitespace_:
                head = head.head
            if any(t.is_space or "\n" in t.whitespace_ for t in doc[tok.i : head.i]):
                head = tok
            return doc[tok.i : head.i + 1].text
        if tok.is_punct:
            break
    for verb in _governing_verbs(_number_head(span), 3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                return _noun_phrase(child)
    return None


def _as_of(
    q: _Quantity,
    doc: Doc,
    timexes: Sequence[Timex],
    statement: Statement | None,
    published: str | None,
    sent_dates: dict[int, str],
) -> str | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is not None:
        sent = span[0].sent
        s_start, s_end = sent.start_char, sent.end_char
        dated = [
            (t, d)
            for t in timexes
            if s_start <= t.start and t.end <= s_end and (d := _timex_date(t)) is not None
        ]
        before = [x for x in dated if x[0].end <= q.start]
        after = [x for x in dated if x[0].start >= q.end]
        if before:
            date = max(before, key=lambda x: x[0].end)[1]
            sent_dates[s_start] = date
            return date
        if after:
            date = min(after, key=lambda x: x[0].start)[1]
            sent_dates[s_start] = date
            return date
        if _ANAPHORIC_TIME.search(sent.text) and sent.start > 0:
            prev = doc[sent.start - 1].sent
            prev_dates = [
                d
                for t in timexes
                if prev.start_char <= t.start
                and t.end <= prev.end_char
                and (d := _timex_date(t)) is not None
            ]
            if prev_dates:
                return prev_dates[0]
    if statement is not None and statement.date:
        return statement.date
    return published


@component("figures")
def find_figures(ctx: Context) -> None:
    """Append the article's figures, linked to statements and dated by timexes found earlier."""
    ctx.findings.figures.extend(
        extract_figures(
            ctx.article.id,
            ctx.article.text,
            ctx.doc,
            statements=ctx.findings.statements,
            timexes=ctx.findings.timexes,
            published=ctx.article.published,
        )
    )
