"""Translations and re-renderings of one wire text: what survives translation.

Two English translations of the same dispatch (or an original and its
German or French version) share almost no word 5-grams, so MinHash over
shingles cannot see them. What survives is the skeleton: numbers, names
and the order in which the text brings them up. A fingerprint is therefore
the sequence of *anchors* (numbers and capitalised names, first occurrence
each, in text order); an inverted index over anchors gives candidates, and
a precise check keeps different articles on the same story apart:

- the outlets differ (an outlet re-telling its own story is an update, not a
  rendering), unless the languages differ;
- the dates are close and the lengths comparable;
- the anchors line up *in order*, weighted by rarity (two stories about
  Trump and Ukraine share ``Trump`` and ``Ukraine``; a rendering also shares
  ``45,100``, ``Kupriyanyuk`` and the order they come in);
- sentence by sentence, in order, most sentences of one text have a
  counterpart in the other (content words and anchors for texts in one
  language, anchors alone across languages). Two write-ups of one event
  share a lead and a few facts; a rendering shares its structure.

A pair that passes is a ``translation`` (the sentences line up but are
worded differently, or are in another language) or, when most aligned
sentences are nearly verbatim, a ``copy``: a wire story the outlet cut or
extended too much for the shingle check.

Anchors come from the text itself rather than from the stored mentions:
the regular expression works in any Latin-script language, while mentions
come from the English model (and are re-resolved as the corpus grows). Why
not a library: translation-invariant fingerprints for near-duplicate
detection are not in datasketch or scikit-learn; the sentence-embedding
model (all-MiniLM-L6-v2) is English-only, needs torch, and measures topic
closeness, which is exactly what must not decide here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.clean.language import FUNCTION_WORDS
from storyline.corpus.names import fold, translit
from storyline.corpus.stories import days_apart
from storyline.outlets import outlet_family


def _folded(words: str | Iterable[str]) -> frozenset[str]:
    """Word lists read better as text; compared folded (``März`` -> ``marz``)."""
    return frozenset(fold(w) for w in (words.split() if isinstance(words, str) else words))


# Capitalised words that are not names: the function words of the languages
# storyline detects (sentence starts, German "Die"), and month and weekday
# names, which translations rename while the day number (an anchor) stays.
NOT_NAMES: frozenset[str] = _folded(frozenset().union(*FUNCTION_WORDS.values())) | _folded(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz
    mai juni juli oktober dezember
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril juin
    juillet aout septembre octobre novembre decembre
    mr mrs ms dr
    """
)
_FUNCTION = {lang: _folded(words) for lang, words in FUNCTION_WORDS.items()}
# Languages that capitalise every noun: their capitalised words are only
# compared with the names of the other text (see ``_restrict``).
NOUN_CAPITALISING = frozenset({"de"})
# Characters per English character, roughly, for comparing lengths across
# languages (German and Romance translations run longer than English).
LENGTH_FACTOR = {"de": 1.15, "fr": 1.15, "es": 1.1, "it": 1.1, "pt": 1.1, "nl": 1.1}
# The first letters of a name key: enough to tell names apart, short enough
# to fold "Ukrainian"/"Ukraine", "Israeli"/"Israel", "Russian"/"Russia".
KEY_LENGTH = 6

# The precise check's thresholds, set by reading the pairs they let through
# and keep out on news-dumpster and ECB+ (benchmarks/duplicates_newsdumpster.py
# and its gold file duplicates_gold.tsv).
MAX_DAYS = 3
MIN_LENGTH_RATIO = 0.5
MIN_ALIGNED_ANCHORS = 6
MIN_ANCHOR_SCORE = 0.5
# Across languages only anchors speak (no shared words), so they must agree more.
MIN_ANCHOR_SCORE_CROSS = 0.65
MIN_ALIGNED_SENTENCES = 3
SENTENCE_SIMILARITY = 0.3
# A rendering lines up sentence for sentence: the share of both texts'
# sentences that pair up in order (Dice) must be this high. Independent
# write-ups of one event share a lead and some facts, not the whole run.
MIN_SENTENCE_SCORE = 0.75
# An edited copy (a wire story cut or extended by the outlet) lines up less
# of the longer text, but nearly all of the shorter, and mostly verbatim.
VERBATIM = 0.8
MIN_VERBATIM_SHARE = 0.5
MIN_COVERAGE = 0.8
MIN_EDITED_DICE = 0.5
# Candidate generation: anchors in more than this share of the corpus (and
# more than COMMON_FLOOR articles) are too common to find candidates with.
COMMON_SHARE = 0.05
COMMON_FLOOR = 20
MIN_SHARED_CANDIDATE = 5
MAX_CANDIDATES = 10
# A very long text (a live blog, a digest) is judged by its first sentences
# and anchors: that keeps the alignments' quadratic cost bounded.
MAX_SENTENCES = 300
MAX_ANCHORS = 1000

# Numbers (with French "4 200" spacing), then words.
_TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d[\d.,\u00a0\u202f]*\d|\d|[^\W\d_][\w'’-]*"
)
_SENTENCE_END = re.compile(r"[.!?:;\"“”«»\n]\s*$")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“«]?[^\W\d_a-z])|\n+")
_WORD = re.compile(r"[^\W\d_]+")
_ELISION = re.compile(r"^[ldjLDJ]['’]")
_POSSESSIVE = re.compile(r"['’]s?$")


def _number_key(token: str) -> str | None:
    """``4,200`` and ``4.200`` -> ``#4200``; ``2,5`` and ``2.5`` -> ``#2.5``; small
    integers (written as words as often as digits) are not anchors."""
    digits = "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in re.sub(r"[ \u00a0\u202f]", "", token)
    )
    digits = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
    if digits.count(".") > 1:
        return None
    if "." not in digits and int(digits) < 10:
        return None
    return "#" + digits


def anchors(text: str) -> list[str]:
    """Numbers and capitalised names of ``text``, keyed, first occurrence each, in order.

    A capitalised word that starts a sentence counts only if it is also
    capitalised inside a sentence somewhere in the text ("Trump said" yes,
    "Heavy rains" no).
    """
    tokens: list[tuple[str, bool]] = []
    inside: set[str] = set()
    for m in _TOKEN.finditer(text):
        word = m.group()
        initial = m.start() == 0 or bool(
            _SENTENCE_END.search(text, max(0, m.start() - 3), m.start())
        )
        tokens.append((word, initial))
        if not initial and word[0].isupper():
            inside.add(word)
    keys: list[str] = []
    seen: set[str] = set()
    for word, initial in tokens:
        key: str | None
        if word[0].isdecimal():  # "¹" is a digit to isdigit() but no number to int()
            key = _number_key(word)
        elif not word[0].isupper() or (initial and word not in inside):
            continue
        else:
            name = _POSSESSIVE.sub("", _ELISION.sub("", word))
            if not name or not name[0].isupper() or fold(name) in NOT_NAMES:
                continue
            key = translit(name)[:KEY_LENGTH]
            if len(key) < 2:
                continue
        if key is not None and key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def _stems(sentence: str) -> set[str]:
    """Content words of a sentence, crudely stemmed (first five letters)."""
    return {fold(w)[:5] for w in _WORD.findall(sentence) if len(w) > 3 and fold(w) not in NOT_NAMES}


@dataclass(frozen=True)
class Rendering:
    """What the precise check needs of one article."""

    id: str
    text: str
    language: str | None
    outlet: str | None
    published: str | None
    anchors: tuple[str, ...]


def rendering(
    article_id: str, text: str, language: str | None, outlet: str | None, published: str | None
) -> Rendering:
    language = language or likeliest_language(text)
    keys = tuple(anchors(text)[:MAX_ANCHORS])
    return Rendering(article_id, text, language, outlet, published, keys)


def likeliest_language(text: str) -> str | None:
    """The language whose function words are commonest in ``text``.

    The cleaner's detector abstains when two languages come close (a short
    French text also scores on Spanish function words); telling whether two
    texts are in one language needs only the best guess.
    """
    tokens = [fold(t) for t in _WORD.findall(text[:20_000].lower())]
    if not tokens:
        return None
    counts = Counter(tokens)
    share, language = max(
        (sum(counts[w] for w in _FUNCTION[lang]), lang) for lang in sorted(_FUNCTION)
    )
    return language if share else None


def weight(df: int, n: int) -> float:
    """Smoothed inverse document frequency (stays positive in a corpus of two)."""
    return math.log((1 + n) / (1 + df)) + 1.0


def _restrict(keys: Sequence[str], language: str | None, other: set[str], cross: bool) -> list[str]:
    """Across languages, a noun-capitalising text's capitalised words count only when the
    other text has them too (German "Regierung" is not a name; "Ekberg" is)."""
    if cross and language in NOUN_CAPITALISING:
        return [k for k in keys if k.startswith("#") or k in other]
    return list(keys)


def _ordered(a: Sequence[str], b: Sequence[str], w: Callable[[str], float]) -> tuple[float, int]:
    """Weighted longest common subsequence of two key sequences: (weight, count)."""
    common = set(a) & set(b)
    a = [k for k in a if k in common]
    b = [k for k in b if k in common]
    best: list[tuple[float, int]] = [(0.0, 0)] * (len(b) + 1)
    for x in a:
        row: list[tuple[float, int]] = [(0.0, 0)]
        for j, y in enumerate(b):
            if x == y:
                diag = best[j]
                row.append((diag[0] + w(x), diag[1] + 1))
            else:
                row.append(max(best[j + 1], row[j]))
        best = row
    return best[-1]


def _sentence_features(r: Rendering, names: set[str] | None) -> list[set[str]]:
    """Per sentence: its anchors (restricted to ``names`` if given) and, within one
    language (``names is None``), its content words. A sentence with anchors of
    its own stays in the count even when none is in ``names``: it is a sentence
    the other text does not have."""
    out = []
    for sentence in _SENTENCE.split(r.text)[:MAX_SENTENCES]:
        own = set(anchors(sentence))
        if names is not None:
            keys = {k for k in own if k.startswith("#") or k in names}
        else:
            keys = own | _stems(sentence)
        if keys or own:
            out.append(keys)
    return out


def _aligned_sentences(a: list[set[str]], b: list[set[str]]) -> list[float]:
    """The similarities of the sentence pairs that line up in order (an LCS where
    "equal" means similar)."""

    def similarity(x: set[str], y: set[str]) -> float:
        return len(x & y) / math.sqrt(len(x) * len(y)) if x and y else 0.0

    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    sims = [[similarity(x, y) for y in b] for x in a]
    for i in range(len(a)):
        for j in range(len(b)):
            match = table[i][j] + 1 if sims[i][j] >= SENTENCE_SIMILARITY else 0
            table[i + 1][j + 1] = max(table[i][j + 1], table[i + 1][j], match)
    out: list[float] = []
    i, j = len(a), len(b)
    while i and j:
        if sims[i - 1][j - 1] >= SENTENCE_SIMILARITY and table[i][j] == table[i - 1][j - 1] + 1:
            out.append(sims[i - 1][j - 1])
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return out[::-1]

    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _length(r: Rendering) -> float:
    return len(r.text) / LENGTH_FACTOR.get(r.language or "", 1.0)


def check(a: Rendering, b: Rendering, w: Callable[[str], float]) -> tuple[float, str, str] | None:
    """The precise check: ``(score, kind, reason)`` when ``a`` and ``b`` render one text.

    ``kind`` is ``translation`` when the sentences line up but are worded
    differently (or are in another language), ``copy`` when most aligned
    sentences are nearly verbatim (an edited copy of one wire story, below
    the shingle check's bar). ``w`` weighs an anchor by its rarity in the
    corpus. The check is symmetric in ``a`` and ``b``; None means different
    articles.
    """
    cross = bool(a.language and b.language and a.language != b.language)
    family_a, family_b = outlet_family(a.outlet), outlet_family(b.outlet)
    if not cross and family_a is not None and family_a == family_b:
        return None
    days = days_apart(a.published, b.published)
    if days is not None and days > MAX_DAYS:
        return None
    la, lb = _length(a), _length(b)
    if min(la, lb) < MIN_LENGTH_RATIO * max(la, lb):
        return None
    keys_a = _restrict(a.anchors, a.language, set(b.anchors), cross)
    keys_b = _restrict(b.anchors, b.language, set(a.anchors), cross)
    total = sum(map(w, keys_a)) + sum(map(w, keys_b))
    matched, count = _ordered(keys_a, keys_b, w)
    if count < MIN_ALIGNED_ANCHORS or total == 0:
        return None
    anchor_score = 2 * matched / total
    if anchor_score < (MIN_ANCHOR_SCORE_CROSS if cross else MIN_ANCHOR_SCORE):
        return None
    names = set(keys_a) | set(keys_b) if cross else None
    sents_a, sents_b = _sentence_features(a, names), _sentence_features(b, names)
    sims = _aligned_sentences(sents_a, sents_b)
    aligned = len(sims)
    if aligned < MIN_ALIGNED_SENTENCES:
        return None
    dice = 2 * aligned / (len(sents_a) + len(sents_b))
    coverage = aligned / min(len(sents_a), len(sents_b))
    # Anchors alone make any two sentences with one shared name "verbatim".
    verbatim = 0.0 if cross else sum(s >= VERBATIM for s in sims) / aligned
    if dice >= MIN_SENTENCE_SCORE:
        kind = "copy" if verbatim >= MIN_VERBATIM_SHARE else "translation"
    elif coverage >= MIN_COVERAGE and verbatim >= MIN_VERBATIM_SHARE and dice >= MIN_EDITED_DICE:
        kind = "copy"
    else:
        return None
    score = round(min(anchor_score, dice), 4)
    reason = (
        f"{'cross-language' if cross else 'same-language'}: "
        f"{count} anchors in order (weighted {anchor_score:.2f}), "
        f"{aligned} of {len(sents_a)}/{len(sents_b)} sentences aligned ({dice:.2f}), "
        f"{verbatim:.0%} of them near-verbatim, "
        f"length ratio {min(la, lb) / max(la, lb):.2f}"
        + (f", {days} days apart" if days is not None else "")
    )
    return score, kind, reason
