"""The number grammar: every number-like stretch of text with its value, range and unit."""

from __future__ import annotations

import re

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.atoms import (
    ATOM_RE,
    CURRENCY_RE,
    GLUED_SCALE_RE,
    ISO_BEFORE_RE,
    RANGE_END_RE,
    RANGE_SEP_RE,
    SCALE_RE,
    UNIT_RE,
    WORDSEQ,
    Quantity,
    alt,
    atom_value,
    words_value,
)
from storyline.analyze.figures.units import attach_qualifiers, attach_unit
from storyline.analyze.shared_lexicon import SCALE_WORDS


def scan(text: str) -> list[Quantity]:
    """Every number-like stretch of ``text`` with its value, range, unit and qualifier."""
    out: list[Quantity] = []
    pos = 0
    while True:
        m = ATOM_RE.search(text, pos)
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
    sm = SCALE_RE.match(text, end)
    if sm and not (kind == "words" and sm.start("scale") == end):
        value *= SCALE_WORDS[sm.group("scale").lower()]
        if sm.group("scale").lower() == "hundred":
            # "4 hundred million": a hundred can carry a further scale
            more = SCALE_RE.match(text, sm.end())
            if more is not None and more.group("scale").lower() != "hundred":
                return value * SCALE_WORDS[more.group("scale").lower()], more.end(), True
        return value, sm.end(), True
    if kind == "digits":
        gm = GLUED_SCALE_RE.match(text, end)
        money_after: object = gm is not None and re.match(
            r"\s+(?:dollars|euros|pounds|usd|eur|gbp|yen|yuan|rupees)\b", text[gm.end() :], re.I
        )
        if gm is not None and not money_after:
            # "6.9m people", "2bn users": a count, not metres
            nxt = re.match(r"\s+([a-z]+)\b", text[gm.end() :])
            money_after = bool(
                nxt is not None
                and (nxt.group(1).endswith("s") or nxt.group(1) in _IRREGULAR_PLURALS)
                and lex.UNIT_SUFFIXES.get(nxt.group(1), "") not in lex.DISTANCE_UNITS
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
    rf"\s+(?:out\s+of|in)\s+(?P<d>\d{{1,4}}|{WORDSEQ})\b(?![.,]?\d|\s*(?:%|per\s?cent|-))",
    re.IGNORECASE,
)


def _vague(m: re.Match[str]) -> Quantity:
    words = m.group(0).lower().split()
    low, high = lex.VAGUE_PLURALS[words[-1]]
    if len(words) > 1:
        factor = 10.0 if words[0] == "tens" else 100.0
        low, high = low * factor, high * factor
    return Quantity(start=m.start(), end=m.end(), low=low, high=high, kind="vague")


def _extend(text: str, m: re.Match[str]) -> Quantity | None:
    """The quantity an atom ``m`` starts: sign, exponent, share, currency, scale, range,
    unit and qualifier (None when the atom is no number: "9/11", a bare "third")."""
    if m.group("vague"):
        return _vague(m)
    parsed = atom_value(m)
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
        whole = float(d) if d.isdigit() else words_value(d)
        if whole is not None and value < whole <= 1000:
            # "one out of three Germans", "1 in 10 adults": a share
            q = Quantity(start, ratio.end(), value / whole, value / whole, "fraction", kind="frac")
            attach_qualifiers(text, q)
            return q
    # "one and a half", "two and a half years"
    half = re.match(r"[\s-]+and[\s-]+a[\s-]+half\b", text[end:], re.IGNORECASE)
    if half and kind in ("digits", "words"):
        value += 0.5
        end += half.end()
    unit, start = _currency_before(text, m, start, kind)
    low_value = value
    value, end, scaled = _after_scale(text, end, value, kind, money=unit is not None)
    low, high, end, year_pair = _range(text, m, start, end, kind, unit, value, low_value, scaled)
    q = Quantity(start=start, end=end, low=low, high=high, unit=unit, kind=kind)
    q.is_year_like = year_pair
    attach_unit(text, q)
    attach_qualifiers(text, q)
    return q


def _currency_before(text: str, m: re.Match[str], start: int, kind: str) -> tuple[str | None, int]:
    """The currency written before a number ("$", "US $", "€", "HK$", "USD"), and where the
    figure then starts."""
    unit: str | None = None
    cm = CURRENCY_RE.search(text[max(0, start - 6) : start])
    if (
        cm
        and kind == "digits"
        and not (
            cm.group("cur").lower() == "ps"
            and (
                cm.group("cur") != "PS"
                or cm.group(0).endswith(" ")
                or (len(m.group(0)) == 1 and not GLUED_SCALE_RE.match(text, m.end()))
            )
        )  # a glued "PS" is a mis-decoded "£" ("PS500", "PS6m"), but "PS5" is a console
    ):
        unit = lex.CURRENCY_PREFIXES[cm.group("cur").lower()]
        start = start - (len(text[max(0, start - 6) : start]) - cm.start("cur"))
    elif kind == "digits":
        iso = ISO_BEFORE_RE.search(text, max(0, start - 5), start)
        if iso is not None and iso.group("cur") in lex.ISO_CURRENCY_CODES:
            unit, start = lex.ISO_CURRENCY_CODES[iso.group("cur")], iso.start("cur")
    return unit, start


def _range(
    text: str,
    m: re.Match[str],
    start: int,
    end: int,
    kind: str,
    unit: str | None,
    value: float,
    low_value: float,
    scaled: bool,
) -> tuple[float, float, int, bool]:
    """A range from the number on: (low, high, end, is a span of years).

    "300-350,000", "2 to 3 million", "$1 million to $1.25 million"; a single
    number gives ``value`` twice and its own end.
    """
    low, high = value, value
    between = re.search(r"\bbetween\s+$", text[max(0, start - 9) : start], re.IGNORECASE)
    # "rose from X to Y" is a change: two figures. "prices range from X to Y",
    # "homes from $750,000 to $1 million" are ranges.
    from_ = re.search(r"\bfrom\s+$", text[max(0, start - 6) : start], re.IGNORECASE) and (
        _CHANGE_VERB_RE.search(text[max(0, start - 60) : start]) is not None
    )
    by_ = re.search(r"\bby\s+$", text[max(0, start - 4) : start], re.IGNORECASE)
    year_pair = False
    range_from = end
    um1 = UNIT_RE.match(text, end)
    unit1 = None
    # "15kHz and 17kHz", "25 min - 40 min": a unit repeated on both ends.
    if (
        um1 is not None
        and um1.group("sep") in ("", " ")
        and (kind == "digits" or (kind == "words" and um1.group("sep") == " "))
        and RANGE_SEP_RE.match(text, um1.end()) is not None
    ):
        range_from = um1.end()
        unit1 = lex.UNIT_SUFFIXES[um1.group("unit").lower()]
    rm = RANGE_SEP_RE.match(text, range_from)
    if rm and kind in ("digits", "words") and not from_:
        sep = rm.group(0).strip().lower()
        if sep != "and" or between:
            rest = rm.end()
            cm2 = re.match(rf"(?:{alt(lex.CURRENCY_PREFIXES)})\s?", text[rest:], re.IGNORECASE)
            if cm2 and unit is not None:
                rest += cm2.end()
            m2 = RANGE_END_RE.match(text, rest)
            if m2 and (m2.group("digits") or m2.group("words")):
                parsed2 = atom_value(m2)
                year_pair = _looks_like_date_pair(text, m, m2)
                if parsed2 is not None and not year_pair:
                    v2, kind2 = parsed2
                    v2, end2, scaled2 = _after_scale(
                        text, m2.end(), v2, kind2, money=unit is not None
                    )
                    um2 = UNIT_RE.match(text, end2)
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
    return low, high, end, year_pair


_SCORE_CONTEXT = re.compile(
    r"\b(?:beat|beats|won|win|wins|lost|lose|draw|drew|led|lead|leads|score|scored|"
    r"aggregate|ended|victory|defeat|thrashed|trail|trailing|down|up|at)\b",
    re.IGNORECASE,
)


def is_score(text: str, start: int, end: int) -> bool:
    """ "beat Charlton 2-1", "ended 2-2": a match score, not a range or two counts."""
    m = re.match(r"(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d,]|\.\d)", text[start : end + 8])
    if m is None:
        return False
    if len(m.group(1)) > 1 and int(m.group(2)) > int(m.group(1)):
        return False  # "lost 300-400 jobs" is a range; "won 112-104", "tied 89-89": scores
    unit_after = UNIT_RE.match(text, start + m.end())
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
