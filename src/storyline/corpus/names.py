"""Name normalisation and comparison for canonical entities.

The functions are pure and memoised (``lru_cache``): the corpus stage
compares hundreds of thousands of name pairs on a store of 1,400 articles.

Written here rather than taken from a library: the comparison needs
transliteration folding for Slavic names (Zelenskyy / Zelenskiy / Zelensky),
title stripping and first-name compatibility, which general fuzzy-matching
libraries do not know about; the string similarity itself is the standard
library's ``difflib`` ratio.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from storyline.corpus.lexicon import (
    CORPORATE_SUFFIXES,
    FIRST_NAME_EQUIVALENTS,
    HONORIFICS,
    JAPANESE_MORAE,
    JAPANESE_SURNAMES,
    KOREAN_SYLLABLES,
    PINYIN_FINALS,
    PINYIN_INITIALS,
    POSSESSIVE_SUFFIXES,
    SINITIC_SURNAMES,
    TITLES,
)
from storyline.folding import fold

# Transliteration variants of the same sound, folded before comparing
# (Ukrainian/Russian names reach English with -yy, -iy, -ii, -y endings).
_TRANSLIT = (
    (re.compile(r"(?:yy|iy|ij|ii|yi)\b"), "y"),
    (re.compile(r"([a-z])\1"), r"\1"),
    (re.compile(r"kh"), "h"),
)
# Letters that alternate between transliteration schemes of one name, folded
# on top of ``_TRANSLIT`` before asking whether two surnames are the same name
# written differently (``transliteration_variants``): y / i / j (Zelensky /
# Zelenski / Zelenskyj), u / v after o (Belarusian Tsikhanouskaya / Russian
# Tsikhanovskaya, Ivanou / Ivanov), w / v (Wladimir / Vladimir), and the Russian
# yo written e or o after a hushing consonant (Gorbachev / Gorbachov). Not other
# vowel swaps (Carlsen / Carlson are two names) nor an added consonant (Person /
# Perlson, Davidson / Davison): those are spelling edits that make another name.
_ALTERNATIONS = (
    (re.compile(r"(ch|sh|zh)o"), r"\1e"),
    (re.compile(r"[iyj]+"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ov"), "ou"),
)
SURNAME_SIMILARITY = 0.85
FIRST_NAME_SIMILARITY = 0.8
# Spelling edits two surnames may differ by, by the shorter one's folded length:
# one edit on a short name makes another name (Abe / Abel, Rice / Rica), while
# long transliterated names vary by a letter (Zelenski / Zelensky) or two
# (Tsikhanouskaya / Tsikhanovskaya). Lengths below the first bound allow none.
SURNAME_EDITS: tuple[tuple[int, int], ...] = ((6, 1), (10, 2))


def name_tokens(text: str, person: bool = True) -> list[str]:
    """The words of a mention that form the name: titles, roles and debris dropped.

    ``"US President Donald Trump"`` -> ``["Donald", "Trump"]``;
    ``"X.\\n\\nTrump"`` (a mention spanning a line break) -> ``["Trump"]``.
    For organisations and places (``person=False``) only honorifics go, and
    legal-form suffixes: ``"Apple Inc."`` -> ``["Apple"]``.
    """
    return list(_name_tokens(text, person))


@lru_cache(maxsize=200_000)
def _name_tokens(text: str, person: bool) -> tuple[str, ...]:
    text = text.strip().splitlines()[-1] if text.strip() else ""
    for suffix in POSSESSIVE_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    words = [w for w in re.split(r"[^\w'.-]+", text) if any(c.isalpha() for c in w)]
    words = [w.strip(".'-") for w in words]
    words = [w for w in words if w]
    strip = TITLES if person else HONORIFICS
    while len(words) > 1 and fold(words[0]).rstrip(".") in strip:
        words = words[1:]
    while not person and len(words) > 1 and fold(words[-1]).rstrip(".") in CORPORATE_SUFFIXES:
        words = words[:-1]
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple(words)


_SINITIC_SYLLABLES = frozenset(i + f for i in PINYIN_INITIALS for f in PINYIN_FINALS) | (
    KOREAN_SYLLABLES
)


def _syllables(word: str, inventory: frozenset[str], most: int) -> bool:
    """Whether ``word`` splits into at most ``most`` syllables of ``inventory``."""
    reach = {0: 0}  # position -> fewest syllables to get there
    for i in range(len(word)):
        if i not in reach:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if word[i:j] in inventory and reach[i] + 1 <= most:
                reach[j] = min(reach.get(j, most), reach[i] + 1)
    return len(word) in reach


@lru_cache(maxsize=200_000)
def _surname_first(tokens: tuple[str, ...]) -> bool:
    if len(tokens) < 2:
        return False
    surname = fold(tokens[0])
    given = [fold(t).replace("-", "").replace("'", "") for t in tokens[1:]]
    if not all(g.isalpha() for g in given):
        return False
    if surname in SINITIC_SURNAMES:
        return len(given) <= 2 and _syllables("".join(given), _SINITIC_SYLLABLES, 3)
    if surname in JAPANESE_SURNAMES:
        return len(given) == 1 and _syllables(given[0], JAPANESE_MORAE, 6)
    return False


# Roman numerals of two letters or more (not "X" of "Malcolm X").
_REGNAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")


def person_order(tokens: list[str]) -> list[str]:
    """A person's name words, given name first and surname last.

    East-Asian names written surname first become given-first, the given
    name in one word: ``Xi Jinping`` -> ``Jinping Xi``, ``Kim Jong Un`` and
    ``Kim Jong-un`` -> ``JongUn Kim``, ``Abe Shinzo`` -> ``Shinzo Abe``; a regnal
    number goes first: ``Leo XIV`` -> ``XIV Leo``.
    Everything that compares names reads the surname off the last word.
    """
    if len(tokens) >= 2 and _REGNAL.fullmatch(tokens[-1]):
        # A regnal number is no surname: "Leo XIV" and "Charles III" are known by
        # "Leo" and "Charles", so those are read as the surname.
        return [tokens[-1], *tokens[:-1]]
    if not _surname_first(tuple(tokens)):
        return tokens
    given = "".join(t.replace("-", "").replace("'", "") for t in tokens[1:])
    return [given, tokens[0]]


def name_key(text: str) -> str:
    """The folded form names are grouped by: ``"Mr. Zelensky"`` -> ``"zelensky"``."""
    return " ".join(fold(w) for w in name_tokens(text))


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """Fold transliteration variants: ``zelenskiy``, ``zelenskyy`` -> ``zelensky``."""
    word = fold(word).replace("-", "").replace(".", "")
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=200_000)
def _skeleton(word: str) -> str:
    word = translit(word)
    for pattern, repl in _ALTERNATIONS:
        word = pattern.sub(repl, word)
    return word


def transliteration_variants(a: str, b: str) -> bool:
    """Two spellings of one name that differ only where transliteration schemes
    differ (see ``_ALTERNATIONS``): ``Zelenski`` / ``Zelenskiy``, ``Tsikhanouskaya``
    / ``Tsikhanovskaya``; not ``Person`` / ``Perlson`` or ``Carlsen`` / ``Carlson``."""
    return _skeleton(a) == _skeleton(b)


def similarity(a: str, b: str) -> float:
    """String similarity of two words after transliteration folding (0..1)."""
    a, b = translit(a), translit(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b).ratio()


def similar(a: str, b: str, threshold: float) -> bool:
    """``similarity(a, b) >= threshold``, with difflib's cheap upper bounds tried first
    (the corpus stage compares hundreds of thousands of name pairs)."""
    a, b = translit(a), translit(b)
    if a == b:
        return True
    if 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return False
    return _similar(a, b, threshold)


@lru_cache(maxsize=200_000)
def _similar(a: str, b: str, threshold: float) -> bool:
    matcher = SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


@lru_cache(maxsize=200_000)
def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance. Written here because the standard library has none
    (difflib's ratio is blind to length: Abe / Abel scores 0.86) and the names
    compared are short, so the quadratic table costs nothing."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def surname_edits_allowed(a: str, b: str) -> int:
    """How many edits two surnames may differ by and still be one spelling (see
    ``SURNAME_EDITS``): none for short names, where an edit makes another name."""
    shorter = min(len(translit(a)), len(translit(b)))
    return max((edits for length, edits in SURNAME_EDITS if shorter >= length), default=0)


def surnames_match(a: str, b: str) -> bool:
    """One surname in two spellings: same after transliteration folding, or close
    (similarity and a length-aware number of edits, neither word a prefix of the
    other); ``Abe`` is not ``Abel``."""
    if a[:1] != b[:1] or not similar(a, b, SURNAME_SIMILARITY):
        return False
    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    if ta.startswith(tb) or tb.startswith(ta):
        # A word cut short or extended is another word, not a spelling
        # (Abe / Abel, Andrew / Andrews, Morale / Morales).
        return False
    return edit_distance(ta, tb) <= surname_edits_allowed(a, b)


def first_names_compatible(a: str, b: str) -> bool:
    """Same first name allowing for spelling variants and initials (``J.`` ~ ``John``),
    and for one name as another language spells it (``Vladimir`` ~ ``Volodymyr``)."""
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    if a[:1] == b[:1] and similar(a, b, FIRST_NAME_SIMILARITY):
        return True
    return _equivalent_first_names(a, b)


@lru_cache(maxsize=20_000)
def _equivalent_first_names(a: str, b: str) -> bool:
    return any(a in group and b in group for group in FIRST_NAME_EQUIVALENTS)


def same_person_name(a: list[str], b: list[str]) -> bool:
    """Two multi-word person names that differ only by spelling (``Volodymr Zelensky`` ~
    ``Volodymyr Zelenskyy``). Different first names keep namesakes apart."""
    if len(a) < 2 or len(b) < 2:
        return False
    if not surnames_match(fold(a[-1]), fold(b[-1])):
        return False
    return first_names_compatible(a[0], b[0])
