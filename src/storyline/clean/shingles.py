"""Words with their offsets, word n-gram shingles, and where a run of words sits.

Shared by the furniture learner (``boilerplate.py``) and the outlet profiles
that apply what it learned (``profiles.py``): both find runs of words that
recur across one outlet's articles and remove them by character offsets, so
every other word keeps where it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from storyline.clean.dates import dateline_end

Position = Literal["head", "tail", "any"]

# A word, with its inner apostrophes ("don't", "Japan's"); curly and straight
# apostrophes count as one, so two renderings of one sentence shingle alike.
WORD = re.compile(r"\w+(?:['’]\w+)*")
# Words per shingle: long enough that a shared shingle is shared text, not a
# common phrase ("in the south of the country" is six), short enough that a
# one-line promo ("CLICK HERE TO GET THE FOX NEWS APP") is one shingle.
SHINGLE = 8
# A run reaches the head or the tail when no stretch of other words longer
# than this separates it from that edge: a kicker or a label ("Related
# Stories") before it, a closing "Hier anmelden." after it, or a short
# unrecognised bit between two pieces of one page header ("'You instilled
# fear." between two of Le Monde's headlines). A dateline does not count.
EDGE_SLACK = 3
# A tail carousel: an outlet closes its pages with blurbs of other stories (the BBC: 'Putin's
# spokesman Dmitry Peskov said there was "emotional overload at this important moment"
# after Trump's comments.' under a story about a flight, a fire, a convert to Orthodoxy).
# Whole sentences followed by no more than ``CAROUSEL_WORDS`` words to the end, in
# sentences of at most ``BLURB_WORDS`` words each, sit in that carousel: at the tail,
# though blurbs no other page carries come after them (those stay: they may be the
# article's own last sentences).
CAROUSEL_WORDS = 120
BLURB_WORDS = 45


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string (reads better than a list of quoted words)."""
    return frozenset(text.split())


_BOUNDARY = re.compile(r"[.!?…][\"”’)]*\s|\n")
# Words before a period that do not end a sentence ("U.S. Writer", "Mr. Smith").
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st jr sr gen lt col sgt gov sen rep inc ltd co corp vs no jan feb "
    "aug sept oct nov dec prof rev"
)


@dataclass(frozen=True)
class Words:
    """The words of a text: lower-cased forms and their character spans."""

    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.forms)


def words(text: str) -> Words:
    found = [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in WORD.finditer(text)]
    return Words(
        tuple(f for f, _, _ in found), tuple(s for _, s, _ in found), tuple(e for _, _, e in found)
    )


def shingles(forms: tuple[str, ...], n: int = SHINGLE) -> list[tuple[str, ...]]:
    """The word n-grams of ``forms``, in order (position i starts at word i)."""
    return [forms[i : i + n] for i in range(len(forms) - n + 1)]


class Interner:
    """Small integer ids for shingles, given in order of first sight: deterministic
    (unlike ``hash()``, which Python salts per process) and collision-free."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}

    def of(self, grams: Iterable[tuple[str, ...]]) -> list[int]:
        ids = self.ids
        return [ids.setdefault(g, len(ids)) for g in grams]


def stretches(marked: Sequence[object], start: int = 0) -> Iterator[tuple[int, int]]:
    """Maximal ``[i, j)`` from ``start`` on where every ``marked[k]`` is truthy."""
    i = start
    while i < len(marked):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j < len(marked) and marked[j]:
            j += 1
        yield i, j
        i = j


@dataclass
class Passage:
    """One article's text as words; ``head`` is the first word after its dateline
    (a dateline is never furniture, however often "MOSCOW, May 26. /TASS/." recurs)."""

    id: str
    text: str
    words: Words = field(init=False)
    head: int = field(init=False)

    def __post_init__(self) -> None:
        self.words = words(self.text)
        end = dateline_end(self.text)
        self.head = sum(1 for s in self.words.starts if s < end) if end else 0

    @property
    def size(self) -> int:
        return len(self.words)

    def key(self, start: int, end: int) -> str:
        """Words ``start:end`` as a pattern key: lower-cased, space-separated."""
        return " ".join(self.words.forms[start:end])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Character span of words ``start:end``."""
        return self.words.starts[start], self.words.ends[end - 1]

    def sentence_ends_before(self, k: int) -> bool:
        """Does a sentence end between word k-1 and word k?"""
        gap = self.text[self.words.ends[k - 1] : self.words.starts[k]]
        if not _BOUNDARY.search(gap):
            return False
        before = self.words.forms[k - 1]
        return "\n" in gap or not (len(before) == 1 or before in _ABBREVIATIONS)

    def edge(self, start: int, end: int, transparent: list[tuple[int, int]]) -> Position | None:
        """``head`` or ``tail`` when words ``start:end`` reach that edge of the text past
        the dateline, the ``transparent`` spans (furniture already found) and no
        stretch of other words longer than EDGE_SLACK; None in the middle."""
        if _longest_gap(self.head, start, transparent) <= EDGE_SLACK:
            return "head"
        if _longest_gap(end, self.size, transparent) <= EDGE_SLACK or self.in_carousel(start, end):
            return "tail"
        return None

    def in_carousel(self, start: int, end: int) -> bool:
        """Are words ``start:end`` whole sentences of a tail carousel, only blurbs after
        them (``CAROUSEL_WORDS``)? Part of a sentence is not a blurb: "Fox News Digital has
        reached out" opens the article's own last sentence."""
        whole = (start == self.head or self.sentence_ends_before(start)) and (
            end == self.size or self.sentence_ends_before(end)
        )
        if not whole or self.size - end > CAROUSEL_WORDS:
            return False
        sentence = 0
        for k in range(end, self.size):
            sentence = 1 if k > end and self.sentence_ends_before(k) else sentence + 1
            if sentence > BLURB_WORDS:
                return False
        return True


def _longest_gap(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """The longest stretch of words in ``start:end`` that no span covers."""
    longest, at = 0, start
    for s, e in sorted(spans):
        if e <= at or s >= end:
            continue
        longest = max(longest, s - at)
        at = max(at, e)
    return max(longest, end - at)
