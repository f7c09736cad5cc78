"""The words of a quote as claims compare them: folded, in order, and their shingles.

Case, accents, punctuation and curly quotes are folded away (``It’s`` and
``it's`` are one word sequence), so two renderings of one quote compare by
their words. A quote cut short or extended shares most of the shorter one's
word shingles; a partial quote inside reported speech ("called the demands
'excessive and outrageous'") is a *fragment*, compared on its own.
"""

from __future__ import annotations

import hashlib
import re
from difflib import SequenceMatcher
from functools import lru_cache

from storyline.corpus.names import fold
from storyline.rules import PatternRule, pattern_rule

# Shingles of this many words index quotes for finding candidates: a shared
# quoted fragment of three words already shares one.
KEY_WORDS = 3


# Words too common to index a shingle on their own: a shingle made only of
# these ("one of the", "it is not") finds everything and proves nothing.
def word_set(text: str) -> frozenset[str]:
    """A word list written as text (one per space), for reading."""
    return frozenset(text.split())


STOP_WORDS = word_set(
    """
    a an and are as at be been but by for from had has have he her his i if in into is it its
    me my no not of on or our she so than that the their them there these they this those to
    us was we were what when which who will with would you your s t
    said says say told according added reported
    m re ve ll d
    """
)
# (``m re ve ll d`` are what folding leaves of "I'm", "we're", "I've", "we'll",
# "I'd": function words, not content "I'm trying" shares with "I'm not".)

# Content words that say little about what was said: a phrase made of them and
# one other word ("killing a lot of people", said by one speaker of two different
# things) is a turn of speech, not the same words.
GENERIC_WORDS = word_set(
    """
    lot lots people person thing things way time times question answer kind sort
    really very just going get got know think want make made take come go see look
    """
)
_WORD = re.compile(r"\w+", re.UNICODE)
# Quote marks that open a quoted fragment, and those that close one. A straight
# double quote does both; a single quote only opens after a space (else it is
# an apostrophe: "Israel’s").
_OPEN = "\u201c\u00ab\u201e"
_CLOSE = "\u201d\u00bb"
# A straight double mark right after a word or punctuation closes a quote ("... major
# organizations\" will take part": the statement began inside a quote whose opening
# mark lies before it); only one after a space or at the start opens one.
_FRAGMENT = re.compile(
    r"(?:[\u201c\u00ab\u201e]|(?<![\w.,;:!?])\"|(?<![\w])[\u2018'])(?P<words>[^\u201c\u201d\u00ab\u00bb\u201e\"]+?)"
    r"(?:[\u201d\u00bb\"]|[\u2019'](?!\w)|$)"
)


# Stock wording of the law or the police, with an example (the formula between
# [[ and ]]): said of every suspect charged, it is nobody's words.
# A charge's statutory wording and the police's stock lines: two men charged on
# consecutive days "with conspiring ... to damage by fire property belonging to another"
# are two statements, not one claim; their words in common are the law's.
FORMULAS: tuple[PatternRule, ...] = (
    pattern_rule(
        "arson's statutory wording",
        r"(?:destroy\s+or\s+)?damage\s+by\s+fire\s+(?:any\s+)?property\s+belonging\s+to\s+another",
        "accused of conspiring with others to [[damage by fire property belonging to another]]",
    ),
    pattern_rule(
        "intent's statutory wording",
        r"intending\s+(?:by\s+the\s+(?:destruction|damage)\s+)?to\s+"
        r"(?:damage\s+(?:the|such)\s+property|endanger\s+the\s+life\s+of\s+another)",
        "by fire, [[intending to endanger the life of another]]",
    ),
    pattern_rule(
        "recklessness's statutory wording",
        r"(?:or\s+)?being\s+reckless\s+as\s+to\s+whether\s+(?:the\s+life\s+of\s+another|"
        r"any\s+such\s+property)\s+would\s+(?:thereby\s+)?be\s+(?:endangered|destroyed|damaged)",
        "[[or being reckless as to whether the life of another would thereby be endangered]]",
    ),
    pattern_rule(
        "an offence's name",
        r"(?:conspiracy\s+to\s+commit\s+)?arson\s+with\s+intent\s+to\s+endanger\s+life"
        r"|conspiracy\s+to\s+commit\s+arson|(?:assisting|aiding)\s+a\s+foreign\s+intelligence"
        r"\s+service",
        "was charged with [[conspiracy to commit arson with intent to endanger life]]",
    ),
    pattern_rule(
        "a court appearance",
        r"(?:was|were|is|are|will\s+be)?\s*(?:due\s+to\s+|set\s+to\s+)?appear\w*\s+(?:at|before|in)"
        r"\s+(?:[\w'\u2019]+\s+){0,4}?(?:magistrates|crown)[\u2019']?\s+court",
        "He [[is due to appear at Westminster Magistrates' Court]] on Saturday",
    ),
    pattern_rule(
        "a remand",
        r"(?:has\s+been\s+|was\s+|were\s+)?remanded\s+in\s+custody",
        "He [[was remanded in custody]] until June",
    ),
)


def without_formulas(text: str) -> str:
    """``text`` with the law's and the police's stock wording (``FORMULAS``) left out."""
    lowered = text.lower()
    if not any(k in lowered for k in _FORMULA_WORDS):
        return text
    for formula in FORMULAS:
        text = formula.pattern.sub(" ", text)
    return text


# Words one of which every formula has: the patterns only run on text that has one.
_FORMULA_WORDS = ("fire", "intending", "reckless", "arson", "intelligence", "court", "remand")


# A hyphen inside a word joins it ("large-scale" and "largescale" are one word).
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text, in order."""
    return tuple(_WORD.findall(_HYPHEN.sub("", fold(text)).replace("_", " ")))


def shingles(seq: tuple[str, ...], size: int = KEY_WORDS) -> set[tuple[str, ...]]:
    """Every run of ``size`` words (the whole sequence when it is shorter)."""
    if len(seq) <= size:
        return {seq} if seq else set()
    return {seq[i : i + size] for i in range(len(seq) - size + 1)}


def key(shingle: tuple[str, ...]) -> int:
    """A stable 63-bit key for a shingle (the store indexes claims by it)."""
    digest = hashlib.blake2b(" ".join(shingle).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def keys(seq: tuple[str, ...]) -> set[int]:
    """The index keys of a word sequence: its shingles that are not all stop words."""
    return {key(s) for s in shingles(seq) if not all(w in STOP_WORDS for w in s)}


def fragments(text: str) -> list[tuple[str, ...]]:
    """The words inside quote marks in ``text``, one sequence per quoted fragment (an
    opening mark with no closing one runs to the end: statements often stop there)."""
    return [w for m in _FRAGMENT.finditer(text) if (w := words(m["words"]))]


# Where a direct statement's text leaves one quote and enters the next: a closing
# mark, the narration between (``," Peskov said. "``), and an opening mark; an
# opening mark alone (a quote that runs on into the next paragraph opens it anew);
# or the spaced ellipsis that joins the two parts of a split quote ("'X,' he said,
# 'Y.'" is stored as "X … Y").
_BETWEEN_QUOTES = re.compile(
    r"[\"\u201d\u00bb][^\"\u201c\u201d\u00ab\u00bb\u201e]*[\"\u201c\u00ab\u201e]"
    r"|[\u201c\u00ab\u201e]|\s\u2026\s"
)


def narrated_quotes(text: str) -> int:
    """How many quotes a direct statement's text carries with narration between them
    (``," Peskov said. "``): parts joined by an ellipsis, or opened anew at a paragraph,
    are one quote, for no one is named between them."""
    return 1 + sum(1 for m in _BETWEEN_QUOTES.finditer(text) if _WORD.search(m[0]))


def quotes_in(text: str) -> list[str]:
    """The quotes a direct statement's text carries: one, or several when the
    extractor took two quotes and the narration between them as one statement
    (``London tends to suspect Russia," Peskov said. "As a rule, ...``)."""
    return [part for part in _BETWEEN_QUOTES.split(text) if _WORD.search(part)] or [text]


def content_run(seq: tuple[str, ...]) -> tuple[str, ...]:
    """The words that are not stop words, in order: what is left of a quote when two
    renderings differ only in function words ("the root causes of this crisis", "the
    root causes of the crisis")."""
    return tuple(x for x in seq if x not in STOP_WORDS)


def nearly_in(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` in ``whole`` as a run, or as a run with one word more inside it ("the
    genocidal attack of October 7", "the genocidal attack on Israel on October 7",
    compared on content words: ``content_run``)."""
    if occurs_in(part, whole):
        return True
    n = len(part)
    return any(
        whole[i] == part[0] and whole[i + n] == part[-1] and part in _one_out(whole[i : i + n + 1])
        for i in range(len(whole) - n)
    )


def _one_out(seq: tuple[str, ...]) -> set[tuple[str, ...]]:
    """``seq`` with one of its inner words left out, each way."""
    return {seq[:j] + seq[j + 1 :] for j in range(1, len(seq) - 1)}


def containment(a: tuple[str, ...], b: tuple[str, ...], size: int = KEY_WORDS) -> float:
    """The share of the shorter sequence's shingles the longer one has."""
    sa, sb = shingles(a, size), shingles(b, size)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The longest run of words common to both sequences."""
    if not a or not b:
        return ()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    m = matcher.find_longest_match(0, len(a), 0, len(b))
    return a[m.a : m.a + m.size]


def occurs_in(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` appears in ``whole`` as a contiguous run of words."""
    n = len(part)
    if n == 0 or n > len(whole):
        return False
    first = part[0]
    return any(whole[i] == first and whole[i : i + n] == part for i in range(len(whole) - n + 1))


def content_words(seq: tuple[str, ...]) -> int:
    return sum(1 for w in seq if w not in STOP_WORDS)


def telling_words(seq: tuple[str, ...]) -> int:
    """Content words that are not generic (``GENERIC_WORDS``) nor numbers ("80th"): what
    makes words one's own."""
    return sum(
        1 for w in seq if w not in STOP_WORDS and w not in GENERIC_WORDS and not w[:1].isdigit()
    )


def stop_words(seq: tuple[str, ...]) -> int:
    return sum(1 for w in seq if w in STOP_WORDS)


_SUFFIXES = ("ing", "ed", "es", "s")
_TOKEN = re.compile(r"[\w'\u2019-]+", re.UNICODE)


def stem(word: str) -> str:
    """A crude stem that lets "thanked" meet "thanking" and "suspicions" "suspicion"."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str, names_first: bool = False) -> frozenset[str]:
    """The stems of a text's content words: not stop words, not numbers, and not names
    (a capitalised word past the first, or the first too with ``names_first``): what a
    paraphrase keeps of what was said."""
    return frozenset(content_sequence(text, names_first))


def content_sequence(text: str, names_first: bool = False) -> tuple[str, ...]:
    """``content_stems`` in the order the text gives them, repeats kept: what two
    translations of one sentence keep in the same order."""
    tokens = _TOKEN.findall(text)
    return tuple(
        s
        for i, token in enumerate(tokens)
        if not ((i or names_first) and token[:1].isupper())
        for s in _token_stems(token)
    )


def common_order(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The words ``a`` and ``b`` have in common in the same order (a longest common
    subsequence, the earliest in ``a`` on a tie)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
            )
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return tuple(out)


@lru_cache(maxsize=65536)
def _token_stems(token: str) -> tuple[str, ...]:
    """The content stems of one token: tokens recur across every statement the
    claims stage compares, and folding is most of its cost."""
    return tuple(stem(w) for w in words(token) if w not in STOP_WORDS and not w.isdigit())


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A number and the word after it ("303 Ukrainian defenders").
_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)\s+([^\W\d_][\w-]*)")
# Numbers that are years say when, not what: they prove nothing in common.
YEAR = re.compile(r"^(?:19|20)\d\d$")
# Unrounded: this many digits at least, and not a multiple of 100 ("303", not "300").
COUNT_DIGITS = 3


def counts(text: str) -> frozenset[tuple[str, str]]:
    """The unrounded counts in ``text``, each with the word after it, folded: ("303",
    "ukrainian") in "303 Ukrainian POWs". Years are no counts; nor is a number before a
    function word."""
    found = set()
    for number, after in _COUNT.findall(text):
        value = number.replace(",", "")
        if len(value) < COUNT_DIGITS or int(value) % 100 == 0 or YEAR.match(value):
            continue
        word = words(after)
        if word and word[0] not in STOP_WORDS:
            found.add((value, word[0]))
    return frozenset(found)


def numbers(text: str) -> set[str]:
    """The numbers written in digits in ``text``, thousands separators dropped
    ("1,200" -> "1200")."""
    return {m.replace(",", "") for m in _NUMBER.findall(text)}
