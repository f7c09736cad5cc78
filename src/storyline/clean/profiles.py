"""Outlet profiles: the furniture each outlet family repeats, and taking it out of a text.

``boilerplate.learn`` finds the patterns; the store keeps them per family
(``storyline stats`` lists them; an article's family is its site,
``storyline.outlets.site``); ``apply`` removes them from any later
article of that family, by character offsets, and says what it removed and
why, so the article's ``removed`` list holds every piece with its reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.clean.shingles import (
    EDGE_SLACK,
    SHINGLE,
    Passage,
    Position,
    shingles,
    stretches,
)
from storyline.schema import Removal

# What made a pattern furniture (``Pattern.why``).
PROMO = "an all-caps promo"
READER = "addresses the reader"
BIO = "a byline or author bio"
HEADLINES = "a list of headlines"
UNRELATED_EDGE = "carried by unrelated articles"
# Decided by how it looks, so removed wherever it is; the others only at the
# edge where they were learned (a BBC page's tail carousel carries another
# story's lede, which that story keeps).
ANYWHERE = frozenset({PROMO, READER})

# Applying a pattern: the matched run must cover this share of the pattern's
# words or be at least this many words long (Le Monde's header carries
# headlines that stay for days, so a later page matches it in part).
APPLY_SHARE = 0.6
APPLY_MIN_WORDS = 16
# A removed piece that starts mid-sentence, in lower case, takes the
# sentence's first words with it when there are at most this many ("Greg
# Wehner is" + "a breaking news reporter for Fox News Digital.").
SENTENCE_REACH = 6
# An all-caps promo learned in capitals is removed only where it is in capitals.
CAPS_SHARE = 0.8
# Furniture rides on an article; a text that would keep fewer words than this,
# and less than KEEP_SHARE of its own, is the repeated text itself (a wire
# brief an outlet runs again and again), so it keeps every word.
KEEP_MIN_WORDS = 25
KEEP_SHARE = 0.25

_OPENERS = "([{\"“‘'«"
_CLOSERS = ".,;:!?)]}\"”’'»…"


@dataclass(frozen=True)
class Pattern:
    """A run of words an outlet family repeats as page furniture."""

    family: str
    key: str  # the run's words, lower-cased, space-separated: what ``apply`` matches
    text: str  # one occurrence as it reads
    position: Position  # where it may be removed: at the head, at the tail, anywhere
    why: str  # what made it furniture (PROMO, READER, BIO, HEADLINES, UNRELATED_EDGE)
    articles: int  # distinct articles (near-copies once) that carried it when learned
    relatedness: float  # median overlap of those articles' other content words

    @property
    def reason(self) -> str:
        where = "anywhere" if self.position == "any" else f"at the {self.position}"
        return (
            f"{self.family} furniture: {self.why}, removed {where}; learned from "
            f"{self.articles} articles (relatedness {self.relatedness:.2f})"
        )


@dataclass(frozen=True)
class Index:
    """Patterns prepared for ``apply``: build once per family, apply to many texts."""

    patterns: tuple[Pattern, ...]
    # Word n-gram -> patterns containing it; n is SHINGLE, or a short pattern's length.
    grams: dict[tuple[str, ...], list[int]]
    lengths: tuple[int, ...]  # the n-gram sizes in use

    def __bool__(self) -> bool:
        return bool(self.patterns)


def index(patterns: Iterable[Pattern]) -> Index:
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    kept = tuple(patterns)
    lengths = set()
    for i, p in enumerate(kept):
        forms = tuple(p.key.split())
        n = min(SHINGLE, len(forms))
        lengths.add(n)
        for gram in sorted(set(shingles(forms, n))):
            grams[gram].append(i)
    return Index(kept, dict(grams), tuple(sorted(lengths)))


def apply(text: str, patterns: Index) -> tuple[str, list[Removal]]:
    """Remove the family's furniture from ``text``: ``(text, removed pieces in order)``."""
    if not patterns:
        return text, []
    passage = Passage("", text)
    spans = _matches(passage, patterns)
    if not spans:
        return text, []
    kept = passage.size - sum(e - s for s, e, _ in spans)
    if kept < KEEP_MIN_WORDS and kept < KEEP_SHARE * passage.size:
        return text, []
    return _cut(text, [(*_chars(passage, s, e), why) for s, e, why in spans])


def _hits(passage: Passage, patterns: Index) -> list[set[int]]:
    """Per word, the patterns an n-gram through it belongs to."""
    hits: list[set[int]] = [set() for _ in range(passage.size)]
    for n in patterns.lengths:
        for i, gram in enumerate(shingles(passage.words.forms, n)):
            for p in patterns.grams.get(gram, ()):
                if n == SHINGLE or len(patterns.patterns[p].key.split()) == n:
                    for k in range(i, i + n):
                        hits[k].add(p)
    return hits


def _matches(passage: Passage, patterns: Index) -> list[tuple[int, int, str]]:
    """Word spans to remove, each with its reason, in text order."""
    hits = _hits(passage, patterns)
    runs = []
    for i, j in stretches(hits, passage.head):
        found: Counter[int] = Counter()
        for k in range(i, j):
            found.update(hits[k])
        runs.append((i, j, found))
    accepted: dict[tuple[int, int], str] = {}
    changed = True
    while changed:  # a run reaches an edge once the furniture beyond it is found
        changed = False
        for start, end, found in runs:
            if (start, end) in accepted:
                continue
            p = _which(passage, start, end, found, patterns, list(accepted))
            if p is not None:
                accepted[(start, end)] = patterns.patterns[p].reason
                changed = True
    spans = sorted((*_sentence_start(passage, s, e), why) for (s, e), why in accepted.items())
    return _close_gaps(spans)


def _close_gaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A few words between two removed pieces go with them: they are an unrecognised bit
    of the same widget ("'You instilled fear." between two of Le Monde's headlines)."""
    out: list[tuple[int, int, str]] = []
    for start, end, why in spans:
        if out and start - out[-1][1] <= EDGE_SLACK:
            out[-1] = (out[-1][0], max(end, out[-1][1]), out[-1][2])
        else:
            out.append((start, end, why))
    return out


def _which(
    passage: Passage,
    start: int,
    end: int,
    found: Counter[int],
    patterns: Index,
    taken: list[tuple[int, int]],
) -> int | None:
    """The pattern this run is an occurrence of, or None if it is not (enough of) one
    or not where that pattern may be removed."""
    edge = passage.edge(start, end, taken)
    for p, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
        pattern = patterns.patterns[p]
        if pattern.position != "any" and pattern.position != edge:
            continue
        if n < APPLY_SHARE * len(pattern.key.split()) and n < APPLY_MIN_WORDS:
            continue
        if pattern.why == PROMO and not _capitals(passage.text[slice(*passage.span(start, end))]):
            continue
        return p
    return None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


def _sentence_start(passage: Passage, start: int, end: int) -> tuple[int, int]:
    """Take the first words of the sentence a removed piece starts in, when it starts
    in lower case at most SENTENCE_REACH words after them."""
    if not passage.text[passage.words.starts[start]].islower():
        return start, end
    for k in range(start, max(passage.head, start - SENTENCE_REACH) - 1, -1):
        if k == passage.head or passage.sentence_ends_before(k):
            return k, end
    return start, end


def _chars(passage: Passage, start: int, end: int) -> tuple[int, int]:
    """Character span of a removed run, with the brackets and punctuation around it."""
    text = passage.text
    s, e = passage.span(start, end)
    while s > 0 and text[s - 1] in _OPENERS:
        s -= 1
    while e < len(text) and text[e] in _CLOSERS:
        e += 1
    return s, e


def _cut(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[Removal]]:
    """``text`` without ``spans``; a paragraph break around a cut survives it."""
    merged: list[tuple[int, int, str]] = []
    for s, e, why in sorted(spans):
        if merged and not text[merged[-1][1] : s].strip():
            # Furniture pieces with only space between are one removal (a page header).
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]), merged[-1][2])
        elif not merged or s >= merged[-1][1]:
            merged.append((s, e, why))
    out = ""
    removed: list[Removal] = []
    last = 0
    for s, e, why in merged:
        out = _join(out, text[last:s])
        removed.append(Removal(text[s:e], why))
        last = e
    return _join(out, text[last:]).strip(), removed


def _join(left: str, right: str) -> str:
    body = right.lstrip()
    if not left.strip():
        return body
    if not body:
        return left
    space = left[len(left.rstrip()) :] + right[: len(right) - len(body)]
    return left.rstrip() + ("\n\n" if "\n\n" in space else " ") + body
