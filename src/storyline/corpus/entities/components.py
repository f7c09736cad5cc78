"""Components: which forms can affect which.

Every merge rule (:mod:`.rules`) compares two forms only when a cheap
precondition on the pair holds (same surname block, same first name, a lone
word that spells a surname, initials, ...). Forms linked by such
preconditions, transitively, form a component; components resolve
independently, so an ingest re-resolves only the components its articles
touch, and the result equals a full run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from storyline.corpus.entities.aliases import Aliases
from storyline.corpus.entities.forms import (
    Form,
    Sketch,
    alias_key,
    holds,
    initials,
    names_locally,
)
from storyline.corpus.entities.rules import ROLE_SURNAME_SIMILARITY
from storyline.corpus.names import (
    SURNAME_SIMILARITY,
    first_names_compatible,
    same_person_name,
    similar,
    translit,
)


def _linked(a: Sketch, b: Sketch) -> bool:
    """Whether some merge rule could relate the two forms, ignoring where they occur
    (a superset of the rules' preconditions: safe for deciding what to re-resolve)."""
    for x, y in ((a, b), (b, a)):
        xw, yw = x.words, y.words
        if x.full and y.full:
            if xw[-1][:3] == yw[-1][:3] and same_person_name(list(x.tokens), list(y.tokens)):
                return True
            if (
                xw[0] == yw[0]
                and first_names_compatible(x.tokens[0], y.tokens[0])
                and similar(x.tokens[-1], y.tokens[-1], ROLE_SURNAME_SIMILARITY)
            ):
                return True
        if len(xw) == 1 and y.full:
            # An organisation may be a person's surname or first name (rule 3b).
            if (x.person_like or x.org) and names_locally(yw[-1], x.key):
                return True
            if x.org and yw[0] == x.key:
                return True
        if len(xw) == 1 and len(yw) >= 2 and not x.person and not y.person:
            if x.acronym and initials(yw) == x.key:
                return True
            # A longer name starting with the word: a short form's (rule 5), or a
            # body that keeps a surname labelled an organisation a body (rule 3b).
            if x.org and yw[0] == x.key:
                return True
    return False


def _surname_lengths(word: str) -> range:
    """Lengths (after transliteration folding) a surname can have and still pass
    ``surnames_match`` with ``word``: difflib's length bound, the first test it applies."""
    n = len(translit(word))
    fits = [m for m in range(1, 2 * n + 2) if 2 * min(n, m) >= SURNAME_SIMILARITY * (n + m)]
    return range(min(fits, default=n), max(fits, default=n) + 1)


class Index:
    """Sketches by the keys :func:`_linked` compares on, to find a form's candidates."""

    def __init__(self, sketches: Iterable[Sketch]) -> None:
        self.full_by_block: dict[str, list[Sketch]] = defaultdict(list)
        self.full_by_first: dict[str, list[Sketch]] = defaultdict(list)
        # (first letter, folded length) of the surname / of the lone word.
        self.full_by_surname: dict[tuple[str, int], list[Sketch]] = defaultdict(list)
        self.lone_by_shape: dict[tuple[str, int], list[Sketch]] = defaultdict(list)
        self.multi_by_initials: dict[str, list[Sketch]] = defaultdict(list)
        self.multi_by_first: dict[str, list[Sketch]] = defaultdict(list)
        self.lone: dict[str, Sketch] = {}
        for s in sketches:
            words = s.words
            if len(words) == 1:
                self.lone_by_shape[(words[0][:1], len(translit(words[0])))].append(s)
                self.lone[s.key] = s
                continue
            if s.full:
                self.full_by_block[words[-1][:3]].append(s)
                self.full_by_first[words[0]].append(s)
                self.full_by_surname[(words[-1][:1], len(translit(words[-1])))].append(s)
            self.multi_by_initials[initials(words)].append(s)
            self.multi_by_first[words[0]].append(s)

    def candidates(self, s: Sketch) -> Iterable[Sketch]:
        words = s.words
        if len(words) == 1:
            for n in _surname_lengths(words[0]):
                yield from self.full_by_surname.get((words[0][:1], n), ())
            yield from self.multi_by_initials.get(words[0], ())
            yield from self.multi_by_first.get(words[0], ())
            return
        if s.full:
            yield from self.full_by_block.get(words[-1][:3], ())
            yield from self.full_by_first.get(words[0], ())
            for n in _surname_lengths(words[-1]):
                yield from self.lone_by_shape.get((words[-1][:1], n), ())
        for key in (initials(words), words[0]):
            if key in self.lone:
                yield self.lone[key]

    def neighbours(self, s: Sketch) -> set[str]:
        return {c.key for c in self.candidates(s) if c.key != s.key and _linked(s, c)}


def find_components(forms: dict[str, Form], aliases: Aliases) -> dict[str, str]:
    """Form key -> smallest key of its component, from the rules' exact preconditions
    (here the forms' articles are at hand, so a lone word links only to the full
    names it shares an article with, or that it abbreviates corpus-wide)."""
    parent = {k: k for k in forms}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for group in aliases.merge:
        present = [k for k in (alias_key(n) for n in group) if k in forms]
        for key in present[1:]:
            union(present[0], key)
    sketches = {k: f.sketch() for k, f in forms.items()}
    full = [sketches[k] for k in sorted(forms) if sketches[k].full]
    by_block: dict[str, list[Sketch]] = defaultdict(list)
    by_first: dict[str, list[Sketch]] = defaultdict(list)
    for s in full:
        by_block[s.words[-1][:3]].append(s)
        by_first[s.words[0]].append(s)
    for blocks in (by_block, by_first):
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if find(a.key) != find(b.key) and _linked(a, b):
                        union(a.key, b.key)
    full_in_article: dict[str, list[Sketch]] = defaultdict(list)
    for s in full:
        for article_id in forms[s.key].articles:
            full_in_article[article_id].append(s)
    index = Index(sketches.values())
    for key in sorted(forms):
        s = sketches[key]
        if len(s.words) != 1:
            continue
        if s.person_like or s.org:
            for other in index.full_by_block.get(key[:3], ()):
                if holds(other.words[-1], key):
                    union(key, other.key)
            for article_id in forms[key].articles:
                for other in full_in_article.get(article_id, ()):
                    if names_locally(other.words[-1], key) or (s.org and other.words[0] == key):
                        union(key, other.key)
        if not s.person:
            for other in (
                *index.multi_by_initials.get(key, ()),
                *index.multi_by_first.get(key, ()),
            ):
                if _linked(s, other):
                    union(key, other.key)
    return {k: find(k) for k in forms}
