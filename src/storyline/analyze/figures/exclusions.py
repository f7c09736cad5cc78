"""What is not a figure: dates, clock times, ordinals, labels and identifiers, as data.

Each ``Exclusion`` names a kind of number that is not a quantity, the test
that recognises it from the text around the number (and the parse, where
the text cannot tell), and an example sentence with the number in
[brackets]; ``tests/test_figure_exclusions.py`` checks that every example is
excluded, and by its own rule. The rules are tried in order and the first
that applies excludes the number, so a later rule may rely on an earlier
one not having applied (the parse-based ones come last: they cost most).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
from storyline.analyze.figures.syntax import apposition_age, bare_age_after_name, next_token
from storyline.analyze.shared_lexicon import MONTHS


@dataclass(frozen=True)
class NumberInText:
    """A number the grammar found, with the text around it (what every test reads)."""

    text: str
    q: Quantity
    tokens: Sequence[Token]
    surface: str
    before: str  # the 12 characters before the number
    after: str  # the 16 characters after it

    @classmethod
    def of(cls, text: str, q: Quantity, tokens: Sequence[Token]) -> NumberInText:
        before = text[max(0, q.start - 12) : q.start]
        return cls(text, q, tokens, text[q.start : q.end], before, text[q.end : q.end + 16])


@dataclass(frozen=True)
class Exclusion:
    name: str
    test: Callable[[NumberInText], bool]
    example: str  # a sentence it applies to, the number in [brackets]


def _score(n: NumberInText) -> bool:
    return n.q.kind == "digits" and is_score(n.text, n.q.start, n.q.end)


def _hyphenated_word(n: NumberInText) -> bool:
    return (
        n.q.kind in ("frac", "mult", "words", "dozen", "vague")
        and re.match(r"^-[A-Za-z]", n.after) is not None
        and n.q.unit in (None, "fraction", "times")
    )


def _rank(n: NumberInText) -> bool:
    # ("the top three seeds" counts seeds)
    return (
        re.search(r"\b(?:top|bottom)\s+$", n.before, re.IGNORECASE) is not None
        and n.q.unit is None
        and not _plural_noun_follows(n.tokens, n.q.end)
    )


def _hash_number(n: NumberInText) -> bool:
    return n.q.kind == "digits" and (n.before.endswith("#") or n.before.endswith("# "))


def _leading_zero(n: NumberInText) -> bool:
    return n.q.kind == "digits" and re.match(r"0\d", n.surface) is not None


def _dashed_code(n: NumberInText) -> bool:
    return n.q.kind == "digits" and bool(
        re.search(r"\d[-–]\d+[-–]$", n.before) or re.match(r"^[-–]\d+[-–]\d", n.after)
    )


def _score_second_half(n: NumberInText) -> bool:
    if n.q.kind != "digits":
        return False
    first = re.search(r"(?<![\d,.])\d{1,3}\s?[-–]\s?$", n.before)
    return first is not None and (
        len(n.surface) == 1 or is_score(n.text, n.q.start - len(n.before) + first.start(), n.q.end)
    )


_INDEX_LABEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in lex.INDEX_LABELS) + r")\s+$", re.IGNORECASE
)


def _index_name(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits"
        and _INDEX_LABEL_BEFORE.search(n.before) is not None
        and n.q.unit is None
    )


def _clock_time(n: NumberInText) -> bool:
    return n.q.kind == "digits" and CLOCK_RE.match(n.after) is not None and n.q.unit is None


def _ordinal(n: NumberInText) -> bool:
    return n.q.kind == "digits" and ORDINAL_RE.match(n.after) is not None


def _glued_letters(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits"
        and re.match(r"^[A-Za-z]", n.after) is not None
        and n.q.unit is None
        and not re.match(r"^\s", n.after)
    )


def _letters_before(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits"
        and re.search(r"[A-Za-z]-?$", n.before) is not None
        and n.q.unit is None
    )


def _month_before(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits" and MONTH_RE.search(n.before.rstrip()) is not None and n.q.unit is None
    )


def _month_day_before(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits"
        and MONTH_DAY_BEFORE_RE.search(n.before) is not None
        and n.q.unit is None
    )


def _plus_sum(n: NumberInText) -> bool:
    return n.q.kind == "digits" and bool(
        re.match(r"^(?:\+\d|\s\+\s\d)", n.after) or re.search(r"\d\+$|\d\s\+\s$", n.before)
    )


def _list_marker(n: NumberInText) -> bool:
    return (
        n.q.kind == "digits"
        and re.search(r"(?:^|[\s;:])\($", n.before) is not None
        and n.after.startswith(")")
        and n.q.unit is None
        and n.surface.isdigit()
        and len(n.surface) == 1
    )


def _month_after(n: NumberInText) -> bool:
    return n.q.kind == "digits" and MONTH_AFTER_RE.match(n.after) is not None and n.q.unit is None


def _slash_or_dot(n: NumberInText) -> bool:
    return n.q.kind == "digits" and bool(
        re.match(r"^[/.]\d", n.after) or re.search(r"\d[/.]$", n.before)
    )


def _year_span(n: NumberInText) -> bool:
    return n.q.is_year_like  # set by the grammar on "2018-2019", "2022-23"


def _year(n: NumberInText) -> bool:
    return year_like(n.text, n.q, n.tokens)


def _label(n: NumberInText) -> bool:
    words_before = re.findall(r"[\w.']+", n.before.lower())
    if n.q.unit is not None or not words_before or words_before[-1] not in lex.LABEL_WORDS:
        return False
    prev = re.search(r"([\w.']+)\s*$", n.before)
    return prev is not None and (
        prev.group(1)[:1].isupper() or words_before[-1] in lex.LABEL_WORDS_ANY_CASE
    )


def _half_of_a_period(n: NumberInText) -> bool:
    return n.q.kind == "frac" and bool(
        re.search(
            r"\b(?:first|second|latter|former|back|front|this|next|last|past|current)[\s-]+$",
            n.before,
            re.IGNORECASE,
        )
    )


def _half_of_a_duration(n: NumberInText) -> bool:
    if n.q.kind != "frac":
        return False
    unit_and = re.search(
        r"([a-z]+)[\s-]+and[\s-]+(?:an?[\s-]+)?$", n.text[max(0, n.q.start - 24) : n.q.start], re.I
    )
    return unit_and is not None and unit_and.group(1).lower() in lex.UNIT_SUFFIXES


def _ordinal_fraction_word(n: NumberInText) -> bool:
    # a plural ("two-thirds majority") or a half ("one-half share") is a share
    if (
        n.q.kind != "frac"
        or n.q.unit != "fraction"
        or re.search(r"(?:half|s)$|\s(?:of|in)\s", n.surface.lower())
    ):
        return False
    nxt = next_token(n.tokens, n.q.end)
    return nxt is not None and nxt.idx < n.q.end + 2 and nxt.tag_ in ("NN", "NNP", "JJ", "CD")


def _name_number(n: NumberInText) -> bool:
    q = n.q
    return (
        q.kind == "digits"
        and q.unit is None
        and q.low == q.high
        and "," not in n.surface
        and _is_name_number(n.text, q, n.tokens)
    )


def _compound_word(n: NumberInText) -> bool:
    return n.q.kind in ("words", "dozen") and re.search(r"[A-Za-z]-$", n.before) is not None


def _capitalised_word(n: NumberInText) -> bool:
    if n.q.kind not in ("words", "dozen") or not n.surface[:1].isupper():
        return False
    stripped = n.text[: n.q.start].rstrip()
    nxt = next_token(n.tokens, n.q.end)
    # but "..., Six children are among them", "Eight Civilians Killed" count
    return bool(
        stripped
        and stripped[-1] not in ".!?:;\"“”'‘’([-–—\n"
        and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS"))
    )


def _age(n: NumberInText) -> bool:
    """An age is a fact about a person, not a claim about the world (our news gold)."""
    if n.q.age:
        return True  # "a 75-year-old woman", "aged 51"
    num = next((t for t in n.tokens if t.idx == n.q.start), None)
    return num is not None and apposition_age(n.text, n.q, num)


# A number as a list item or a range's end: digits or a number word ("eight", "twenty-one").
_NUMBER_ITEM = (
    r"(?:\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:-[a-z]+)?)"
)
# "aged eight, [12] and 17", "aged between [22 and 27]": every number after "aged" is an age.
_AGED_LIST = re.compile(
    rf"\baged\s+(?:between\s+|from\s+)?(?:{_NUMBER_ITEM}(?:\s*,\s*(?:and\s+)?|\s+and\s+|"
    r"\s+to\s+|\s*-\s*))*$",
    re.IGNORECASE,
)


def _listed_age(n: NumberInText) -> bool:
    """A later item of a list of ages: "three children were killed, aged eight, [12] and 17"
    (the children's ages, not a count of the killed); but "aged 60 and [12] soldiers"
    counts soldiers."""
    return (
        n.q.unit is None
        and _AGED_LIST.search(n.text, max(0, n.q.start - 60), n.q.start) is not None
        and not _plural_noun_follows(n.tokens, n.q.end)
    )


def _denominator(n: NumberInText) -> bool:
    # "145 robots per [10,000] people": the base of a rate, not a figure of its own
    return (
        n.q.unit is None
        and re.search(r"\b(?:per|for every|in every|out of every)\s+$", n.before, re.I) is not None
    )


def _name_of_number(n: NumberInText) -> bool:
    # "the Group of [7]": a name, unless something counted follows ("Board of 12 judges")
    return (
        n.q.kind == "digits"
        and n.q.unit is None
        and re.search(r"\b[A-Z][a-zA-Z]+ of\s+$", n.before) is not None
        and not _plural_noun_follows(n.tokens, n.q.end)
    )


def _age_limit(n: NumberInText) -> bool:
    # "a ban for children under [15]", "teenagers over 16": an age limit
    m = re.search(
        r"\b([a-z]+)\s+(?:under|over|aged|above|below)[\s-]*$",
        n.text[max(0, n.q.start - 30) : n.q.start],
    )
    return (
        n.q.unit is None
        and m is not None
        and m.group(1) in lex.AGE_GROUP_NOUNS
        and not _plural_noun_follows(n.tokens, n.q.end)
    )


def _partitive_one(n: NumberInText) -> bool:
    # "[One] of the main topics was aid": one among others, said of what it is; but
    # "one of the buildings burned" counts a building
    if n.q.kind != "words" or n.surface.lower() != "one":
        return False
    partitive = r"^\s+of\s+(?:the|his|her|their|its|our|these|those|them)\b"
    if re.match(partitive, n.after, re.I) is None:
        return False
    num = next((t for t in n.tokens if t.idx == n.q.start), None)
    return num is not None and num.head.lemma_ == "be"


def _pronoun_one(n: NumberInText) -> bool:
    return (
        n.q.kind == "words"
        and n.surface.lower() == "one"
        and _one_is_pronoun(n.text, n.q, n.tokens)
    )


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion("score", _score, "Arsenal beat Charlton [2]-1 on Saturday."),
    Exclusion("hyphenated word", _hyphenated_word, "Flags flew at [half]-staff on Monday."),
    Exclusion("rank", _rank, "The team finished in the top [three] last season."),
    Exclusion("jersey or issue number", _hash_number, "He wore #[21] for the Lakers."),
    Exclusion("phone number or code", _leading_zero, "Call [0800] 313 4630 for help."),
    Exclusion("dashed code or date", _dashed_code, "Call [1]-866-306-4636 for help."),
    Exclusion("second half of a score", _score_second_half, "Arsenal beat Charlton 2–[1] at home."),
    Exclusion("stock index", _index_name, "The FTSE [100] fell on Monday."),
    Exclusion("clock time", _clock_time, "The talks began at [10] a.m. in Geneva."),
    Exclusion("ordinal", _ordinal, "She lives on the [21]st floor."),
    Exclusion("glued letters", _glued_letters, "The [5]G network is fast."),
    Exclusion("letters before", _letters_before, "Sony sold more PS[5] consoles."),
    Exclusion("month before", _month_before, "The deadline is Oct. [31] this year."),
    Exclusion("day range", _month_day_before, "The fair runs between May 19 and [21] in Paris."),
    Exclusion("plus sign", _plus_sum, "The league uses a [3]+3 format."),
    Exclusion("list marker", _list_marker, "The rules: ([1]) no phones."),
    Exclusion("month after", _month_after, "Talks resumed on [28] February in Riyadh."),
    Exclusion("slash or dotted number", _slash_or_dot, "Version [3.8].0 was released."),
    Exclusion("span of years", _year_span, "The study ran from [2018]-2019 in Kenya."),
    Exclusion("year", _year, "The war began in [2022] with an invasion."),
    Exclusion("label", _label, "Under Article [5] of the treaty, allies help."),
    Exclusion(
        "half of a period", _half_of_a_period, "Sales rose in the second [half] of the year."
    ),
    Exclusion("half of a duration", _half_of_a_duration, "The trial took a year and [a half]."),
    Exclusion("ordinal fraction word", _ordinal_fraction_word, "[A third] man was arrested."),
    Exclusion("number in a name", _name_number, "Boeing's [787] Dreamliner flew again."),
    Exclusion("compound word", _compound_word, "The plan sets a net-[zero] target."),
    Exclusion("number word in a name", _capitalised_word, "She played Rainbow [Six] Siege online."),
    Exclusion("pronoun one", _pronoun_one, "She was the [one] who called."),
    Exclusion("partitive one", _partitive_one, "[One] of the main topics was aid."),
    Exclusion("denominator of a rate", _denominator, "There are 145 robots per [10,000] people."),
    Exclusion("name with a number", _name_of_number, "Leaders of the Group of [7] met in Canada."),
    Exclusion("age limit", _age_limit, "He wants to ban headscarves for children under [15]."),
    Exclusion("age", _age, "Andriy Portnov, [51], was shot dead on Wednesday."),
    Exclusion("listed age", _listed_age, "Three children were killed, aged eight, [12] and 17."),
)


def excluded_by(text: str, q: Quantity, tokens: Sequence[Token]) -> Exclusion | None:
    """The first exclusion that applies to ``q``, or None for a figure."""
    n = NumberInText.of(text, q, tokens)
    for exclusion in EXCLUSIONS:
        if exclusion.test(n):
            return exclusion
    return None


def is_excluded(text: str, q: Quantity, tokens: Sequence[Token]) -> bool:
    """Dates, clock times, ordinals, labels and identifiers are not quantities."""
    return excluded_by(text, q, tokens) is not None


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
