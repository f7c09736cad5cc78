"""What is not a figure: dates, clock times, ordinals, labels and identifiers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.atoms import (
    CLOCK_RE,
    MONTH_AFTER_RE,
    MONTH_DAY_BEFORE_RE,
    MONTH_RE,
    ORDINAL_RE,
    Quantity,
)
from storyline.analyze.figures.grammar import is_score
from storyline.analyze.figures.syntax import bare_age_after_name, next_token
from storyline.analyze.shared_lexicon import MONTHS


def is_excluded(text: str, q: Quantity, doc_tokens: Sequence[Token]) -> bool:
    """Dates, clock times, ordinals, labels and identifiers are not quantities."""
    surface = text[q.start : q.end]
    before = text[max(0, q.start - 12) : q.start]
    after = text[q.end : q.end + 16]
    if q.kind == "digits" and is_score(text, q.start, q.end):
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
            len(surface) == 1 or is_score(text, q.start - len(before) + first.start(), q.end)
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
        if CLOCK_RE.match(after) and q.unit is None:
            return True
        if ORDINAL_RE.match(after):
            return True
        if re.match(r"^[A-Za-z]", after) and q.unit is None and not re.match(r"^\s", after):
            # glued letters: "5G", "MH17x", "1990s"
            return True
        if re.search(r"[A-Za-z]-?$", before) and q.unit is None:
            return True  # "F-16", "COVID-19", "G7"
        if MONTH_RE.search(before.rstrip()) and q.unit is None:
            return True  # "Oct. 31", "February 24, 2022", "May 13 to 19"
        if MONTH_DAY_BEFORE_RE.search(before) and q.unit is None:
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
        if MONTH_AFTER_RE.match(after) and q.unit is None:
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
        nxt = next_token(doc_tokens, q.end)
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
        nxt = next_token(doc_tokens, q.end)
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
    nxt = next_token(tokens, char)
    return nxt is not None and nxt.idx <= char + 1 and nxt.tag_ in ("NNS", "NNPS")


def _is_name_number(text: str, q: Quantity, tokens: Sequence[Token]) -> bool:
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
    if bare_age_after_name(q, prev, nxt):
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


def _one_is_pronoun(text: str, q: Quantity, tokens: Sequence[Token]) -> bool:
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


def year_like(text: str, q: Quantity, tokens: Sequence[Token]) -> bool:
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
    nxt = next_token(tokens, q.end)
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
