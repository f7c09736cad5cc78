"""Forms: all mentions sharing one normalised name, and what the merge rules read of them.

``Mr. Xi Jinping`` and ``Xi Jinping`` are one form (key ``jinping xi``); a
form's *sketch* is what the rules need to tell, without its mentions, which
other forms it could merge with (:mod:`.components`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from storyline.corpus.lexicon import (
    ACRONYM_SKIP,
    COUNTRY_ADJECTIVES,
    OF_INVERTED_HEADS,
    ORG_SPELLINGS,
    PLACE_ALIASES,
)
from storyline.corpus.names import (
    fold,
    name_tokens,
    person_order,
    surnames_match,
    translit,
    transliteration_variants,
)

# A lone word labelled an organisation or place this many times is not
# re-typed as a person just because a person shares the surname (Ford vs Bill Ford).
NON_PERSON_VOTES_GUARD = 3


@lru_cache(maxsize=200_000)
def form_key(text: str, etype: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(key, comparison tokens, display tokens) of a mention: ``Mr. Xi Jinping`` ->
    (``jinping xi``, (Jinping, Xi), (Xi, Jinping)). The key is what forms group by."""
    person = etype == "person"
    display = name_tokens(text, person=person)
    ordered = person_order(display) if person else _org_order(display)
    usual = PLACE_ALIASES.get(" ".join(fold(t).replace(".", "") for t in ordered))
    if usual is not None:
        # Another name of a well-known place or body ("Kiev", "America"; the
        # recogniser calls "Kiev" a person too): grouped, compared and identified
        # as its usual name, written as the text has it.
        return form_key(usual, "place")
    return " ".join(_key_word(t, person) for t in ordered), tuple(ordered), tuple(display)


def _org_order(words: list[str]) -> list[str]:
    """An organisation's words as compared: one spelling (``Defence`` -> ``Defense``),
    one order (``Ministry of Defense`` -> ``Defense Ministry``) and one way to say
    whose (``Russia's`` -> ``Russian``)."""
    words = [ORG_SPELLINGS.get(fold(w), w) for w in words]
    owner: list[str] = []
    if len(words) >= 2:
        bare = re.sub(r"['’]s$", "", words[0])
        split_s = len(words) >= 3 and fold(words[1]) == "s"  # "Russia’s" read as two words
        if (bare != words[0] or split_s) and fold(bare) in COUNTRY_ADJECTIVES:
            owner = [COUNTRY_ADJECTIVES[fold(bare)]]
            words = words[2:] if split_s else words[1:]
    if len(words) >= 3 and fold(words[0]) in OF_INVERTED_HEADS and fold(words[1]) == "of":
        words = [*words[2:], words[0]]
    return owner + words


def _key_word(word: str, person: bool) -> str:
    """Transliteration folding is for names: an organisation's initials keep every
    letter (folding doubled letters made "BBC" the key of "B.C.", "IOCC" of "IOC")."""
    bare = word.replace(".", "")
    if not person and bare.isalpha() and bare.isupper() and len(bare) <= 6:
        return fold(bare)
    return translit(word)


@dataclass
class Form:
    """All mentions sharing one normalised name."""

    key: str
    tokens: list[str]  # surname last (see names.person_order)
    display: list[str]  # as written
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return sum(self.votes.values())

    @property
    def multi(self) -> bool:
        return len(self.tokens) >= 2

    @property
    def person(self) -> bool:
        return self.votes["person"] * 2 > self.count

    def sketch(self) -> Sketch:
        surface = display(self)
        return Sketch(
            key=self.key,
            tokens=tuple(self.tokens),
            person=self.person,
            person_like=self.person or (self.count - self.votes["person"]) < NON_PERSON_VOTES_GUARD,
            acronym=surface.replace(".", "").isupper() and 2 <= len(self.key) <= 6,
            org=self.votes["organization"] * 2 > self.count,
            org_short=self.votes["organization"] * 2 > self.count and self.count >= 2,
        )


@dataclass(frozen=True)
class Sketch:
    """What the merge rules read about a form before comparing it with another: enough
    to tell, without loading its mentions, which forms it could merge with."""

    key: str
    tokens: tuple[str, ...]
    person: bool
    person_like: bool
    acronym: bool
    org: bool
    org_short: bool

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def full(self) -> bool:
        return len(self.tokens) >= 2 and self.person

    def dumps(self) -> str:
        flags = (self.person, self.person_like, self.acronym, self.org, self.org_short)
        return "".join("1" if f else "0" for f in flags) + "\t" + "\x1f".join(self.tokens)

    @classmethod
    def loads(cls, key: str, text: str) -> Sketch:
        flags, tokens = text.split("\t", 1)
        return cls(key, tuple(tokens.split("\x1f")), *(f == "1" for f in flags))


@dataclass
class Forms:
    """The forms of some name keys, with every mention of each (article, start, key)."""

    forms: dict[str, Form] = field(default_factory=dict)
    mentions: list[tuple[str, int, str]] = field(default_factory=list)

    def __or__(self, other: Forms) -> Forms:
        """Both sets of forms (their keys must not overlap), in the order one read gives."""
        forms = {
            k: (self.forms.get(k) or other.forms[k]) for k in sorted({*self.forms, *other.forms})
        }
        return Forms(forms, sorted(self.mentions + other.mentions))


def forms_of(mentions: Iterable[tuple[str, int, str, str]]) -> Forms:
    """Group (article, start, text, type) mentions by their name key."""
    out = Forms()
    for article_id, start, text, etype in mentions:
        key, ordered, written = form_key(text, etype)
        if not key:
            continue
        form = out.forms.get(key)
        if form is None:
            form = out.forms[key] = Form(key, list(ordered), list(written))
        form.votes[etype] += 1
        form.surfaces[text] += 1
        form.articles.add(article_id)
        out.mentions.append((article_id, start, key))
    return out


def display(form: Any) -> str:
    return str(form.surfaces.most_common(1)[0][0])


def alias_key(name: str) -> str:
    return form_key(name, "person")[0]


def holds(surname: str, word: str) -> bool:
    """A full name with ``surname``, wherever it is named, can be the holder a lone
    ``word`` abbreviates: the same name up to transliteration (``Zelenskiy`` /
    ``Volodymyr Zelenskyy``). A lone near-miss in another article is more often
    another person than a typo ("Person" is not Eran Perlson, "Carlsen" not
    Tucker Carlson), so it joins only a full name in its own article
    (:func:`names_locally`)."""
    return surname[:3] == word[:3] and (
        surname == word
        or (
            abs(len(surname) - len(word)) <= 3
            and surnames_match(surname, word)
            and transliteration_variants(surname, word)
        )
    )


def names_locally(surname: str, word: str) -> bool:
    """Within one article, a lone ``word`` may stand for a full name with ``surname``:
    there a near-miss spelling is a typo for the name just written."""
    return surname == word or (surname[:1] == word[:1] and surnames_match(surname, word))


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ACRONYM_SKIP)
