"""What a number is in: currency, unit, age, and the qualifier around it (from the text)."""

from __future__ import annotations

import re

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.atoms import (
    CASE_UNIT_RE,
    ISO_AFTER_RE,
    QUAL_AFTER_RE,
    QUAL_BEFORE_RE,
    UNIT_RE,
    WORDSEQ,
    Quantity,
    words_value,
)


def attach_unit(text: str, q: Quantity) -> None:
    rest = text[q.end :]
    low_rest = rest.lower()
    for suffix in lex.AGE_SUFFIXES:
        if low_rest.startswith(suffix) and not low_rest[len(suffix) : len(suffix) + 1].isalpha():
            q.unit = _age_unit(suffix)
            q.age = True
            q.end += len(suffix)
            return
    if q.unit is None and _age_prefix(text[max(0, q.start - 16) : q.start].lower()):
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
    iso = ISO_AFTER_RE.match(text, q.end) if q.kind == "digits" and q.unit is None else None
    if iso is not None and iso.group("cur") in lex.ISO_CURRENCY_CODES:
        q.unit, q.end = lex.ISO_CURRENCY_CODES[iso.group("cur")], iso.end()  # "50 billion EGP"
        return
    glued_temp = re.match(r"[CF](?![\w])", text[q.end : q.end + 2])
    if glued_temp is not None and q.unit is None and q.kind == "digits":
        # "40C (104F)": British style glues the scale to the number
        q.unit, q.end = ("celsius" if glued_temp.group(0) == "C" else "fahrenheit"), q.end + 1
        return
    cs = CASE_UNIT_RE.match(text, q.end)
    if cs is not None and q.unit is None and q.kind == "digits":
        q.unit, q.end = lex.CASE_SENSITIVE_UNITS[cs.group("unit")], cs.end()
        return
    um = UNIT_RE.match(text, q.end)
    if um is None and q.kind == "frac":
        # "half an hour", "half a percent", "nearly half a century"
        article = re.match(r"\s+an?(?=\s)", text[q.end :])
        if article is not None:
            um = UNIT_RE.match(text, q.end + article.end())
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
    if name in MAJOR_CURRENCIES and q.unit is None:
        # "3 dollars 50 cents", "thirteen dollars and forty-five cents"
        cents = re.match(
            rf"\s+(?:and\s+)?(?P<n>\d{{1,2}}|{WORDSEQ})\s+(?:cents?|pence)\b",
            text[um.end() :],
            re.IGNORECASE,
        )
        if cents is not None:
            n = cents.group("n")
            extra = float(n) if n.isdigit() else words_value(n)
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


# "the dead" as a noun counts people: "put the number of dead at 13" is a toll, not
# an age ("died at 77", "dead at 77" are).
_DEAD_AS_NOUN_RE = re.compile(r"\b(?:of|the)\s+dead at\s*$")
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
MAJOR_CURRENCIES = frozenset(lex.CURRENCY_PREFIXES.values())
_CURRENCIES = MAJOR_CURRENCIES | {"cent", "sen", "penny"}


def _age_prefix(before: str) -> bool:
    """ "aged 34", "died at 77", not "averaged 64" nor "the number of dead at 13"."""
    return any(
        before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalpha())
        for p in lex.AGE_PREFIXES
    ) and not _DEAD_AS_NOUN_RE.search(before)


def _age_unit(suffix: str) -> str:
    for unit in ("month", "week", "day"):
        if unit in suffix:
            return unit
    return "year"


def attach_qualifiers(text: str, q: Quantity) -> None:
    before = text[max(0, q.start - 20) : q.start]
    qm = QUAL_BEFORE_RE.search(before)
    if before.endswith("~"):
        q.qualifier = "about"
    elif before.lower().endswith("sub-"):
        q.qualifier = "less than"  # "sub-7 nanometre chips", "sub-300 sq m offices"
    elif qm:
        q.qualifier = lex.QUALIFIERS_BEFORE[qm.group("q").lower()]
    am = QUAL_AFTER_RE.match(text[q.end : q.end + 24])
    if am:
        after = lex.QUALIFIERS_AFTER[am.group("q").lower()]
        if after == "maybe more" or q.qualifier is None:
            q.qualifier = after
