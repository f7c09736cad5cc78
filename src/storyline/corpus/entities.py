"""Canonical entities: one id per real person, organisation or place across articles.

How mentions become entities (all decisions are recorded in ``entity_evidence``):

1. Each mention's name is normalised (titles and roles dropped, case and
   accents folded): ``US President Donald Trump`` and ``Mr. Trump`` become
   ``donald trump`` and ``trump``.
2. Full person names (two words or more) merge when their surnames agree after
   transliteration folding and their first names are compatible
   (``Volodymr Zelensky`` ~ ``Volodymyr Zelenskyy``); different first names
   keep namesakes apart (``Ivanka Trump`` is not ``Donald Trump``).
3. A lone surname (``Trump``, ``Zelenskiy``) joins the full name it abbreviates
   (a short surname only when spelt the same: ``Abe`` is not ``Greg Abel``):
   the one named in the same article, else the corpus's dominant holder of
   that surname. Across articles only a transliteration variant counts as the
   same surname (``Zelenski`` ~ ``Zelenskyy``, not ``Person`` ~ ``Perlson``);
   other near-misses need the full name in their own article. spaCy's small
   model mislabels lone surnames (seed 002 tags ``Trump`` as an
   organisation), so the type is decided by a majority vote over every
   mention of the name, not by one label.
4. Near-miss names that share a role merge only on strong evidence: same
   first name, similar surname, at least two shared role words in front of
   the name (``National Security Advisor Mike Volz`` ~ ``National Security
   Secretary Mike Waltz``) and never both named in one article.
5. Organisations: an acronym joins the one name whose initials it spells; a
   one-word name joins the longer names that start with it when it is used
   more than all of them together ("Ford", "Ford Motor Company"), else only
   an entity holding most of their uses; a common word ("Defense",
   "National") only the latter. An organisation is named by its fullest
   well-attested form: not such a fragment ("Defense Ministry", never
   "Defense"), an acronym's expansion ("European Union" for "EU").
6. A user's aliases (``merge`` / ``split`` lists of names, see
   :func:`load_aliases`) override all of the above.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.corpus.lexicon import (
    ACRONYM_SKIP,
    GENERIC_ORG_WORDS,
    GENERIC_ROLE_WORDS,
    TITLES,
)
from storyline.corpus.names import (
    SURNAME_SIMILARITY,
    first_names_compatible,
    fold,
    name_tokens,
    person_order,
    same_person_name,
    similar,
    similarity,
    surnames_match,
    translit,
    transliteration_variants,
)
from storyline.errors import AliasesError
from storyline.schema import stable_id
from storyline.store.db import transaction

# A role-supported merge needs at least this surname similarity and this many
# shared (non-generic) role words.
ROLE_SURNAME_SIMILARITY = 0.4
ROLE_SHARED_WORDS = 2
# A lone surname shared by several full names goes to the dominant one only if
# it holds this share of their mentions.
DOMINANT_SHARE = 0.75
# A lone word labelled an organisation or place this many times is not
# re-typed as a person just because a person shares the surname (Ford vs Bill Ford).
NON_PERSON_VOTES_GUARD = 3
# An organisation's name is a form used at least this often, absolutely and as a
# share of its most used form's uses (see _org_name).
ATTESTED_MIN = 2
ATTESTED_SHARE = 0.25
# Ties in the type vote go to the first of these.
_TYPE_ORDER = ("person", "place", "organization", "other")


@dataclass
class Aliases:
    """User pins: names to merge into one entity, names to keep apart."""

    merge: list[list[str]] = field(default_factory=list)
    split: list[list[str]] = field(default_factory=list)


def load_aliases(path: str | Path) -> Aliases:
    """Read an aliases file (JSON, or TOML for ``.toml``).

    ``{"merge": [["Mike Volz", "Mike Waltz"]], "split": [["Trump", "Donald Trump"]]}``
    """
    path = Path(path)
    toml = path.suffix.lower() == ".toml"
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw) if toml else json.loads(raw)
    except ValueError as exc:  # not UTF-8, not JSON, not TOML: all ValueErrors
        raise AliasesError(f"{path}: not {'TOML' if toml else 'JSON'}: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"merge", "split"}:
        raise AliasesError(f"{path}: expected an object with 'merge' and/or 'split' lists")
    out = Aliases()
    for kind in ("merge", "split"):
        groups = data.get(kind, [])
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) for n in g)
            for g in groups
        ):
            raise AliasesError(f"{path}: '{kind}' must be a list of lists of two or more names")
        getattr(out, kind).extend([list(g) for g in groups])
    return out


def save_aliases(conn: sqlite3.Connection, aliases: Aliases) -> None:
    """Persist the user's aliases in the store so every later run respects them."""
    with transaction(conn):
        conn.execute("DELETE FROM entity_aliases")
        conn.executemany(
            "INSERT INTO entity_aliases (kind, names) VALUES (?, ?)",
            [("merge", json.dumps(g, ensure_ascii=False)) for g in aliases.merge]
            + [("split", json.dumps(g, ensure_ascii=False)) for g in aliases.split],
        )


def stored_aliases(conn: sqlite3.Connection) -> Aliases:
    out = Aliases()
    for kind, names in conn.execute("SELECT kind, names FROM entity_aliases ORDER BY rowid"):
        getattr(out, kind).append(json.loads(names))
    return out


# -- resolution ---------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _form_key(text: str, etype: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(key, comparison tokens, display tokens) of a mention: ``Mr. Xi Jinping`` ->
    (``jinping xi``, (Jinping, Xi), (Xi, Jinping)). The key is what forms group by."""
    person = etype == "person"
    display = name_tokens(text, person=person)
    ordered = person_order(display)
    return " ".join(_key_word(t, person) for t in ordered), tuple(ordered), tuple(display)


def _key_word(word: str, person: bool) -> str:
    """Transliteration folding is for names: an organisation's initials keep every
    letter (folding doubled letters made "BBC" the key of "B.C.", "IOCC" of "IOC")."""
    bare = word.replace(".", "")
    if not person and bare.isalpha() and bare.isupper() and len(bare) <= 6:
        return fold(bare)
    return translit(word)


@dataclass
class _Form:
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

    def sketch(self) -> _Sketch:
        surface = _display(self)
        return _Sketch(
            key=self.key,
            tokens=tuple(self.tokens),
            person=self.person,
            person_like=self.person or (self.count - self.votes["person"]) < NON_PERSON_VOTES_GUARD,
            acronym=surface.replace(".", "").isupper() and 2 <= len(self.key) <= 6,
            org=self.votes["organization"] * 2 > self.count,
            org_short=self.votes["organization"] * 2 > self.count and self.count >= 2,
        )


@dataclass(frozen=True)
class _Sketch:
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
    def loads(cls, key: str, text: str) -> _Sketch:
        flags, tokens = text.split("\t", 1)
        return cls(key, tuple(tokens.split("\x1f")), *(f == "1" for f in flags))


class _UnionFind:
    """Union-find over form keys that refuses unions a user's ``split`` forbids."""

    def __init__(self, keys: Iterable[str], forbid: dict[str, set[tuple[int, int]]]) -> None:
        self.parent = {k: k for k in keys}
        self.tags: dict[str, set[tuple[int, int]]] = {
            k: set(forbid.get(k, ())) for k in self.parent
        }

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def allowed(self, a: str, b: str) -> bool:
        ta, tb = self.tags[self.find(a)], self.tags[self.find(b)]
        groups_a = {g: i for g, i in ta}
        return all(groups_a.get(g, i) == i for g, i in tb)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.allowed(ra, rb):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.tags[ra] |= self.tags.pop(rb)
        return True


@dataclass
class Resolution:
    """The outcome of entity resolution over some or all forms (no writes)."""

    entity_of_form: dict[str, str]
    names: dict[str, str]
    types: dict[str, str]
    evidence: list[tuple[str, str, str]]
    mention_entities: dict[tuple[str, int], str] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(default_factory=dict)
    # Form key -> the smallest key of its component: the forms any merge rule
    # could relate it to. Components resolve independently of each other.
    components: dict[str, str] = field(default_factory=dict)
    sketches: dict[str, _Sketch] = field(default_factory=dict)
    # Articles whose mentions were written with other entity ids than before.
    relinked: set[str] = field(default_factory=set)


def _role_words(text: str, start: int) -> set[str]:
    """Role words written just before a name: ``White House National Security Advisor``."""
    window = text[max(0, start - 100) : start].splitlines()
    words = window[-1].split() if window else []
    role: list[str] = []
    for word in reversed(words[-8:]):
        if word[-1:] in ',;:()"“”' or not (word[:1].isupper() or fold(word) in TITLES):
            break
        role.append(fold(word.strip(".")))
    return {w for w in role if w not in GENERIC_ROLE_WORDS and w.isalpha()}


def _mention_rows(
    conn: sqlite3.Connection, keys: Iterable[str] | None
) -> list[tuple[str, int, str, str]]:
    """(article, start, text, type) of every mention, or of those whose name key is in ``keys``."""
    if keys is None:
        return conn.execute(
            "SELECT article_id, start, text, type FROM mentions ORDER BY article_id, start"
        ).fetchall()
    return conn.execute(
        """
        SELECT m.article_id, m.start, m.text, m.type FROM corpus_entity_names n
        JOIN mentions m ON m.text = n.text AND m.type = n.type
        WHERE n.key IN (SELECT value FROM json_each(?))
        ORDER BY m.article_id, m.start
        """,
        (json.dumps(sorted(keys)),),
    ).fetchall()


@dataclass
class _Forms:
    """The forms of some name keys, with every mention of each (article, start, key)."""

    forms: dict[str, _Form] = field(default_factory=dict)
    mentions: list[tuple[str, int, str]] = field(default_factory=list)

    def __or__(self, other: _Forms) -> _Forms:
        """Both sets of forms (their keys must not overlap), in the order one read gives."""
        forms = {
            k: (self.forms.get(k) or other.forms[k]) for k in sorted({*self.forms, *other.forms})
        }
        return _Forms(forms, sorted(self.mentions + other.mentions))


def _load_forms(conn: sqlite3.Connection, keys: Iterable[str] | None) -> _Forms:
    out = _Forms()
    for article_id, start, text, etype in _mention_rows(conn, keys):
        key, ordered, display = _form_key(text, etype)
        if not key:
            continue
        form = out.forms.get(key)
        if form is None:
            form = out.forms[key] = _Form(key, list(ordered), list(display))
        form.votes[etype] += 1
        form.surfaces[text] += 1
        form.articles.add(article_id)
        out.mentions.append((article_id, start, key))
    return out


def resolve(
    conn: sqlite3.Connection,
    aliases: Aliases | None = None,
    keys: Iterable[str] | None = None,
    loaded: _Forms | None = None,
) -> Resolution:
    """Cluster mentions into canonical entities (no writes).

    With ``keys``, only the mentions of those name keys are read (or taken
    from ``loaded``): the caller passes whole components (see
    :func:`canonicalise_changed`), which resolve exactly as they would
    within the whole store.
    """
    aliases = aliases or Aliases()
    data = loaded if loaded is not None else _load_forms(conn, keys)
    forms, mention_key = data.forms, data.mentions

    forbid: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for g, group in enumerate(aliases.split):
        for i, name in enumerate(group):
            forbid[_alias_key(name)].add((g, i))
    uf = _UnionFind(forms, forbid)
    evidence: list[tuple[str, str, str]] = []  # (form key, kind, detail); entity id later

    for group in aliases.merge:
        present = [k for k in (_alias_key(n) for n in group) if k in forms]
        for other in present[1:]:
            uf.union(present[0], other)
            evidence.append((present[0], "alias-merge", f"pinned by aliases file: {group}"))

    # 2. Full person names: spelling variants of one name.
    full = sorted((f for f in forms.values() if f.multi and f.person), key=lambda f: f.key)
    for block in _surname_blocks(full).values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if (
                    same_person_name(a.tokens, b.tokens)
                    and uf.find(a.key) != uf.find(b.key)
                    and uf.union(a.key, b.key)
                ):
                    sim = similarity(a.tokens[-1], b.tokens[-1])
                    evidence.append(
                        (
                            a.key,
                            "spelling",
                            f"{_display(a)} ~ {_display(b)}: surname similarity "
                            f"{sim:.2f} after transliteration folding, compatible first names",
                        )
                    )

    # 4. Role-supported merges between near-miss full names.
    _role_merges(conn, full, uf, evidence)

    # 3. Lone surnames join a full name.
    surname_holders: dict[str, set[str]] = defaultdict(set)
    for form in full:
        surname_holders[form.key.split()[-1]].add(uf.find(form.key))
    mentions_of_root: Counter[str] = Counter()
    for form in full:
        mentions_of_root[uf.find(form.key)] += form.count
    article_roots: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames_in_article: dict[str, set[str]] = defaultdict(set)
    for form in full:
        for article_id in form.articles:
            article_roots[(article_id, form.key.split()[-1])].add(uf.find(form.key))
            surnames_in_article[article_id].add(form.key.split()[-1])
    surnames_by_prefix: dict[str, list[str]] = defaultdict(list)
    for surname in sorted(surname_holders):
        surnames_by_prefix[surname[:3]].append(surname)

    def holders(word: str) -> set[str]:
        # Holders spelling the word exactly (after transliteration folding) rule
        # out near-misses: "Carlson" is Tucker Carlson, not Vanessa Carlton.
        if word in surname_holders:
            return {uf.find(r) for r in surname_holders[word]}
        out: set[str] = set()
        for surname in surnames_by_prefix.get(word[:3], ()):
            if _holds(surname, word):
                out |= surname_holders[surname]
        return {uf.find(r) for r in out}

    # Lone forms may split by article: (article, key) -> root overrides.
    per_article: dict[tuple[str, str], str] = {}
    for form in sorted(forms.values(), key=lambda f: f.key):
        if form.multi:
            continue
        sketch = form.sketch()
        if not sketch.person_like:
            continue
        # A word no surname in the corpus spells may still be a misspelling of
        # a full name in its own article (below), unless written as an acronym
        # ("WWE" beside a photo credit "Craig Melvin/WWE").
        roots = holders(form.key)
        if not roots and sketch.acronym:
            continue
        total = sum(mentions_of_root[r] for r in roots)
        dominant = max(sorted(roots), key=lambda r: mentions_of_root[r], default=None)
        corpus_root = (
            dominant
            if dominant is not None and mentions_of_root[dominant] >= DOMINANT_SHARE * total
            else None
        )
        attached = (
            corpus_root is not None
            and form.person
            and uf.allowed(form.key, corpus_root)
            and uf.union(form.key, corpus_root)
        )
        if attached:
            # The corpus's dominant holder wins over another holder named in the
            # same article ("Trump" next to "Melania Trump" is still Donald Trump).
            continue
        for article_id in sorted(form.articles):
            named = surnames_in_article.get(article_id, set())
            spelt = {form.key} & named or {s for s in named if _names_locally(s, form.key)}
            local = {uf.find(r) for s in spelt for r in article_roots[(article_id, s)]}
            if len(local) == 1:
                (root,) = local
                if uf.find(form.key) != uf.find(root) and uf.allowed(form.key, root):
                    per_article[(article_id, form.key)] = uf.find(root)

    # 5. Organisations and places: acronyms and short forms.
    _short_forms(forms, uf, evidence)

    # Entities: group forms (and per-article overrides) by root.
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(forms):
        members[uf.find(key)].append(key)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for root, keys_of_root in members.items():
        for key in keys_of_root:
            votes[root].update(forms[key].votes)
            surfaces[root].update(forms[key].surfaces)
    entity_of_root: dict[str, str] = {}
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    for root, keys_of_root in sorted(members.items()):
        is_people = votes[root]["person"] * 2 > sum(votes[root].values())
        members_of_root = [forms[k] for k in keys_of_root]
        if is_people:
            # A person is named by their fullest common name.
            best = max(members_of_root, key=lambda f: (f.multi, f.count, len(f.key), f.key))
        else:
            best = _org_name(members_of_root)
        name = " ".join(_written(best, is_people))
        etype = _majority_type(votes[root], any(forms[k].multi for k in keys_of_root))
        # The id comes from the chosen form itself, which no other entity has
        # (an id from the name with titles stripped again made "Israeli Air
        # Force" and "Air Force" one entity).
        entity_id = stable_id("e", " ".join(fold(w) for w in best.display))
        entity_of_root[root] = entity_id
        names[entity_id] = name
        types[entity_id] = etype
    entity_of_form = {key: entity_of_root[uf.find(key)] for key in forms}
    mention_entities = {}
    for article_id, start, key in mention_key:
        override = per_article.get((article_id, key))
        mention_entities[(article_id, start)] = (
            entity_of_root[uf.find(override)] if override is not None else entity_of_form[key]
        )
    return Resolution(
        entity_of_form=entity_of_form,
        names=names,
        types=types,
        evidence=[(entity_of_form[k], kind, detail) for k, kind, detail in evidence],
        mention_entities=mention_entities,
        surfaces={entity_of_root[r]: sorted(c) for r, c in surfaces.items()},
        components=_components(forms, aliases),
        sketches={k: f.sketch() for k, f in forms.items()},
    )


def _written(form: _Form, person: bool) -> list[str]:
    """The form's words as most often written, preferring a spelling that does not
    shout ("Reuters" over a photo credit's "REUTERS"); acronyms keep their capitals."""

    def shouts(text: str) -> bool:
        return any(len(w) >= 5 and w.isupper() for w in re.findall(r"\w+", text))

    spellings = sorted(form.surfaces.items(), key=lambda kv: (shouts(kv[0]), -kv[1], kv[0]))
    for text, _ in spellings:
        words = name_tokens(text, person=person)
        if _form_key(text, "person" if person else "organization")[0] == form.key and words:
            return words
    return form.display


def _org_name(group: list[_Form]) -> _Form:
    """The form an organisation or place is named by: its fullest well-attested form.

    That is the most used form that is not a fragment of a longer member (a
    one-word form that begins longer attested members and is a common word, as
    "Defense" of "Defense Ministry", or is used less than they are together),
    or, when that is an acronym, its attested expansion ("European Union" for
    "EU"). Longer names that merely start with the name are its units or
    products ("BBC Sport", "Apple Watch") and do not name it.
    """
    top = max(f.count for f in group)
    floor = max(ATTESTED_MIN, ATTESTED_SHARE * top)
    longer: Counter[str] = Counter()
    for f in group:
        if f.multi and f.count >= ATTESTED_MIN:
            longer[f.key.split()[0]] += f.count

    def rank(f: _Form) -> tuple[bool, bool, int, int, str]:
        fragment = not f.multi and (
            f.key in longer and (f.key in GENERIC_ORG_WORDS or f.count < longer[f.key])
        )
        return (f.count >= floor or f.count == top, not fragment, f.count, len(f.tokens), f.key)

    best = max(group, key=rank)
    if best.sketch().acronym:
        spelt = [
            f
            for f in group
            if f.multi and f.count >= floor and _initials(f.key.split()) == best.key
        ]
        if spelt:
            return max(spelt, key=lambda f: (f.count, f.key))
    return best


def _surname_blocks(full: list[_Form]) -> dict[str, list[_Form]]:
    """Spelling variants share their first three letters (Zelensk-, Volodym-):
    comparing only within such blocks keeps the pass near-linear."""
    blocks: dict[str, list[_Form]] = defaultdict(list)
    for form in full:
        blocks[form.key.split()[-1][:3]].append(form)
    return blocks


def _holds(surname: str, word: str) -> bool:
    """A full name with ``surname``, wherever it is named, can be the holder a lone
    ``word`` abbreviates: the same name up to transliteration (``Zelenskiy`` /
    ``Volodymyr Zelenskyy``). A lone near-miss in another article is more often
    another person than a typo ("Person" is not Eran Perlson, "Carlsen" not
    Tucker Carlson), so it joins only a full name in its own article
    (:func:`_names_locally`)."""
    return surname[:3] == word[:3] and (
        surname == word
        or (
            abs(len(surname) - len(word)) <= 3
            and surnames_match(surname, word)
            and transliteration_variants(surname, word)
        )
    )


def _names_locally(surname: str, word: str) -> bool:
    """Within one article, a lone ``word`` may stand for a full name with ``surname``:
    there a near-miss spelling is a typo for the name just written."""
    return surname == word or (surname[:1] == word[:1] and surnames_match(surname, word))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ACRONYM_SKIP)


# -- components: which forms can affect which --------------------------------
#
# Every merge rule above compares two forms only when a cheap precondition on
# the pair holds (same surname block, same first name, a lone word that spells
# a surname, initials, ...). Forms linked by such preconditions, transitively,
# form a component; components resolve independently, so an ingest re-resolves
# only the components its articles touch, and the result equals a full run.


def _linked(a: _Sketch, b: _Sketch) -> bool:
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
        if len(xw) == 1 and x.person_like and y.full and _names_locally(yw[-1], x.key):
            return True
        if len(xw) == 1 and len(yw) >= 2 and not x.person and not y.person:
            if x.acronym and _initials(yw) == x.key:
                return True
            if x.org_short and y.org and yw[0] == x.key:
                return True
    return False


def _surname_lengths(word: str) -> range:
    """Lengths (after transliteration folding) a surname can have and still pass
    ``surnames_match`` with ``word``: difflib's length bound, the first test it applies."""
    n = len(translit(word))
    fits = [m for m in range(1, 2 * n + 2) if 2 * min(n, m) >= SURNAME_SIMILARITY * (n + m)]
    return range(min(fits, default=n), max(fits, default=n) + 1)


class _Index:
    """Sketches by the keys :func:`_linked` compares on, to find a form's candidates."""

    def __init__(self, sketches: Iterable[_Sketch]) -> None:
        self.full_by_block: dict[str, list[_Sketch]] = defaultdict(list)
        self.full_by_first: dict[str, list[_Sketch]] = defaultdict(list)
        # (first letter, folded length) of the surname / of the lone word.
        self.full_by_surname: dict[tuple[str, int], list[_Sketch]] = defaultdict(list)
        self.lone_by_shape: dict[tuple[str, int], list[_Sketch]] = defaultdict(list)
        self.multi_by_initials: dict[str, list[_Sketch]] = defaultdict(list)
        self.multi_by_first: dict[str, list[_Sketch]] = defaultdict(list)
        self.lone: dict[str, _Sketch] = {}
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
            self.multi_by_initials[_initials(words)].append(s)
            self.multi_by_first[words[0]].append(s)

    def candidates(self, s: _Sketch) -> Iterable[_Sketch]:
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
        for key in (_initials(words), words[0]):
            if key in self.lone:
                yield self.lone[key]

    def neighbours(self, s: _Sketch) -> set[str]:
        return {c.key for c in self.candidates(s) if c.key != s.key and _linked(s, c)}


def _components(forms: dict[str, _Form], aliases: Aliases) -> dict[str, str]:
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
        present = [k for k in (_alias_key(n) for n in group) if k in forms]
        for key in present[1:]:
            union(present[0], key)
    sketches = {k: f.sketch() for k, f in forms.items()}
    full = [sketches[k] for k in sorted(forms) if sketches[k].full]
    by_block: dict[str, list[_Sketch]] = defaultdict(list)
    by_first: dict[str, list[_Sketch]] = defaultdict(list)
    for s in full:
        by_block[s.words[-1][:3]].append(s)
        by_first[s.words[0]].append(s)
    for blocks in (by_block, by_first):
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if find(a.key) != find(b.key) and _linked(a, b):
                        union(a.key, b.key)
    full_in_article: dict[str, list[_Sketch]] = defaultdict(list)
    for s in full:
        for article_id in forms[s.key].articles:
            full_in_article[article_id].append(s)
    index = _Index(sketches.values())
    for key in sorted(forms):
        s = sketches[key]
        if len(s.words) != 1:
            continue
        if s.person_like:
            for other in index.full_by_block.get(key[:3], ()):
                if _holds(other.words[-1], key):
                    union(key, other.key)
            for article_id in forms[key].articles:
                for other in full_in_article.get(article_id, ()):
                    if _names_locally(other.words[-1], key):
                        union(key, other.key)
        if not s.person:
            for other in (
                *index.multi_by_initials.get(key, ()),
                *index.multi_by_first.get(key, ()),
            ):
                if _linked(s, other):
                    union(key, other.key)
    return {k: find(k) for k in forms}


def _short_forms(
    forms: dict[str, _Form], uf: _UnionFind, evidence: list[tuple[str, str, str]]
) -> None:
    """``GM`` ~ ``General Motors``, ``EU`` ~ ``European Union``; ``Ford`` ~ ``Ford Motor``.

    An all-capitals word joins the longer name whose initials it spells, that
    is named in an article with it and holds ``DOMINANT_SHARE`` of the uses of
    such names;
    a one-word organisation used on its own at least twice joins the entity
    that holds at least ``DOMINANT_SHARE`` of the uses of the longer
    organisation names starting with it.
    """
    others = sorted((f for f in forms.values() if not f.person), key=lambda f: f.key)
    by_initials: dict[str, list[_Form]] = defaultdict(list)
    by_first: dict[str, list[_Form]] = defaultdict(list)
    for form in others:
        if form.multi:
            by_initials[_initials(form.key.split())].append(form)
            by_first[form.key.split()[0]].append(form)
    for form in others:
        if form.multi:
            continue
        surface = _display(form)
        sketch = form.sketch()
        # An acronym is spelt out next to itself somewhere ("the Central Intelligence
        # Agency (CIA)"): expansions never named with it are other bodies that
        # share its initials ("AFP" is not the "America First party").
        spelt: Counter[str] = Counter()
        expansion: dict[str, _Form] = {}
        for longer in by_initials.get(form.key, []):
            if longer.articles & form.articles and longer.key.split()[0] != form.key:
                r = uf.find(longer.key)
                spelt[r] += longer.count
                if r not in expansion or longer.count > expansion[r].count:
                    expansion[r] = longer
        if sketch.acronym and spelt:
            # Several bodies share initials ("US": United States, University of
            # Sydney): the acronym is the one that holds most of their uses.
            root = max(sorted(spelt), key=lambda r: spelt[r])
            if spelt[root] >= DOMINANT_SHARE * sum(spelt.values()) and uf.union(form.key, root):
                evidence.append(
                    (
                        form.key,
                        "acronym",
                        f"{surface} spells the initials of {_display(expansion[root])}",
                    )
                )
        if sketch.org_short:
            # "Defense" may be the Defense Ministry, Committee or Department: a
            # word used alone less than its longer names is a fragment of them and
            # joins only an entity holding most of their uses (joining them all
            # chained every "National ..." into one entity).
            uses: Counter[str] = Counter()
            named: dict[str, _Form] = {}
            for longer in by_first.get(form.key, []):
                if longer.sketch().org:
                    r = uf.find(longer.key)
                    uses[r] += longer.count
                    if r not in named or longer.count > named[r].count:
                        named[r] = longer
            if not uses:
                continue
            if form.count >= sum(uses.values()) and form.key not in GENERIC_ORG_WORDS:
                # Used alone more than all the longer names together: the word is
                # the organisation's own name ("Ford"; "Ford Motor Company").
                for r in sorted(uses):
                    if uf.union(form.key, r):
                        evidence.append(
                            (
                                form.key,
                                "short form",
                                f"{surface} is short for {_display(named[r])} "
                                f"({form.count} uses alone, {sum(uses.values())} of longer names)",
                            )
                        )
                continue
            root = max(sorted(uses), key=lambda r: uses[r])
            share = uses[root] / sum(uses.values())
            if share >= DOMINANT_SHARE and uf.union(form.key, root):
                evidence.append(
                    (
                        form.key,
                        "short form",
                        f"{surface} is short for {_display(named[root])} "
                        f"({share:.0%} of the longer names starting with it)",
                    )
                )


def _majority_type(votes: Counter[str], has_full_name: bool) -> str:
    """Type by majority vote; a lone word no full name supports and that is also
    tagged a place or organisation is taken for one (spaCy calls ``Kyiv`` a person)."""
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], _TYPE_ORDER.index(kv[0])))
    top = ranked[0][0]
    if top == "person" and not has_full_name:
        others = [(t, n) for t, n in ranked if t != "person"]
        if others:
            return others[0][0]
    return top


def _role_merges(
    conn: sqlite3.Connection,
    full: list[Any],
    uf: _UnionFind,
    evidence: list[tuple[str, str, str]],
) -> None:
    by_first: dict[str, list[Any]] = defaultdict(list)
    for form in full:
        by_first[form.key.split()[0]].append(form)
    texts: dict[str, str] = {}
    cache: dict[str, set[str]] = {}

    def roles(form: Any) -> set[str]:
        if form.key in cache:
            return cache[form.key]
        out: set[str] = set()
        for article_id in sorted(form.articles):
            if article_id not in texts:
                row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,))
                texts[article_id] = (row.fetchone() or [""])[0]
            text = texts[article_id]
            for surface in form.surfaces:
                for match in re.finditer(re.escape(surface), text):
                    out |= _role_words(text, match.start())
        cache[form.key] = out
        return out

    for block in by_first.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if uf.find(a.key) == uf.find(b.key) or a.articles & b.articles:
                    continue
                if not first_names_compatible(a.tokens[0], b.tokens[0]):
                    continue
                if not similar(a.tokens[-1], b.tokens[-1], ROLE_SURNAME_SIMILARITY):
                    continue
                sim = similarity(a.tokens[-1], b.tokens[-1])
                shared = roles(a) & roles(b)
                if len(shared) >= ROLE_SHARED_WORDS and uf.union(a.key, b.key):
                    evidence.append(
                        (
                            a.key,
                            "role",
                            f"{_display(a)} ~ {_display(b)}: same first name, surname "
                            f"similarity {sim:.2f}, shared role words {sorted(shared)}, "
                            "never named together in one article",
                        )
                    )


def _display(form: Any) -> str:
    return str(form.surfaces.most_common(1)[0][0])


def _alias_key(name: str) -> str:
    return _form_key(name, "person")[0]


# -- writing ------------------------------------------------------------------


def canonicalise(conn: sqlite3.Connection, aliases: Aliases | None = None) -> Resolution:
    """Resolve every mention in the store into entities; write only what changed.

    Also (re)writes the incremental state (``corpus_entity_*`` tables) that
    :func:`canonicalise_changed` works from.
    """
    if aliases is None:
        aliases = stored_aliases(conn)
    _register_names(conn, None)
    res = resolve(conn, aliases)
    with transaction(conn):
        for table in ("entities", "entity_evidence", "corpus_entity_forms", "corpus_article_forms"):
            conn.execute(f"DELETE FROM {table}")
        _write(conn, res, None)
        _record_article_forms(conn, None)
        forms = {k: (e, res.sketches[k].full) for k, e in res.entity_of_form.items()}
        _link_people(conn, forms, None, None)
    return res


def canonicalise_changed(
    conn: sqlite3.Connection, changed: Sequence[str], aliases: Aliases | None = None
) -> Resolution:
    """Bring entities up to date after ``changed`` articles were (re)written.

    Only the components of the names those articles use (now, or before they
    were re-saved) are resolved again, with every mention of those names; all
    other entities, their ids and their mentions stay as they are. The result
    equals :func:`canonicalise` over the whole store (tests check it). Falls
    back to the full pass when there is no stored state yet.
    """
    if aliases is None:
        aliases = stored_aliases(conn)
    changed = sorted(set(changed))
    stored = {
        k: (e, c, _Sketch.loads(k, s))
        for k, e, c, s in conn.execute(
            "SELECT key, entity, component, sketch FROM corpus_entity_forms"
        )
    }
    if not stored:
        return canonicalise(conn, aliases)
    marks = ",".join("?" * len(changed))
    touched = {
        k
        for (k,) in conn.execute(
            f"SELECT key FROM corpus_article_forms WHERE article_id IN ({marks})", changed
        )
    }
    touched |= _register_names(conn, changed)
    # What the changed names are now, and what they could merge with.
    touched_forms = _load_forms(conn, touched)
    fresh = [f.sketch() for f in touched_forms.forms.values()]
    index = _Index([s for k, (_, _, s) in stored.items() if k not in touched] + fresh)
    reach = set(touched)
    for sketch in fresh:
        reach |= index.neighbours(sketch)
    for group in aliases.merge:
        keys = {_alias_key(n) for n in group}
        if keys & reach:
            reach |= keys
    components = {stored[k][1] for k in reach if k in stored}
    redo = reach | {k for k, (_, c, _) in stored.items() if c in components}
    rest = _load_forms(conn, redo - set(touched_forms.forms))
    res = resolve(conn, aliases, loaded=touched_forms | rest)
    old_entities = {stored[k][0] for k in redo if k in stored}
    kept = {k: (e, s.full) for k, (e, _, s) in stored.items() if k not in redo}
    if {e for e, _ in kept.values()} & (old_entities | set(res.names)):
        # Entity ids name their chosen form, so this cannot happen; if it
        # did, the full pass is the reference.
        return canonicalise(conn, aliases)
    with transaction(conn):
        for table, column in (("entities", "id"), ("entity_evidence", "entity_id")):
            conn.executemany(
                f"DELETE FROM {table} WHERE {column} = ?", [(e,) for e in sorted(old_entities)]
            )
        conn.executemany(
            "DELETE FROM corpus_entity_forms WHERE key = ?", [(k,) for k in sorted(redo)]
        )
        _write(conn, res, redo)
        conn.execute(f"DELETE FROM corpus_article_forms WHERE article_id IN ({marks})", changed)
        _record_article_forms(conn, changed)
        kept.update({k: (e, res.sketches[k].full) for k, e in res.entity_of_form.items()})
        _link_people(conn, kept, changed, redo)
    return res


def _record_article_forms(conn: sqlite3.Connection, articles: Sequence[str] | None) -> None:
    """Which name keys each of ``articles`` (None: every article) uses."""
    where, params = "", list(articles or ())
    if articles is not None:
        where = f" AND m.article_id IN ({','.join('?' * len(params))})"
    conn.execute(
        "INSERT OR IGNORE INTO corpus_article_forms (article_id, key) "
        "SELECT DISTINCT m.article_id, n.key FROM mentions m "
        "JOIN corpus_entity_names n ON n.text = m.text AND n.type = m.type "
        "WHERE n.key != ''" + where,
        params,
    )


def _register_names(conn: sqlite3.Connection, articles: Sequence[str] | None) -> set[str]:
    """Key every mention text of ``articles`` (None: the store's); return the keys."""
    if articles is None:
        rows = conn.execute("SELECT DISTINCT text, type FROM mentions").fetchall()
    else:
        marks = ",".join("?" * len(articles))
        rows = conn.execute(
            f"SELECT DISTINCT text, type FROM mentions WHERE article_id IN ({marks})", articles
        ).fetchall()
    keyed = [(text, etype, _form_key(text, etype)[0]) for text, etype in rows]
    with transaction(conn):
        if articles is None:
            conn.execute("DELETE FROM corpus_entity_names")
        conn.executemany(
            "INSERT OR REPLACE INTO corpus_entity_names (text, type, key) VALUES (?, ?, ?)", keyed
        )
    return {k for _, _, k in keyed if k}


def _write(conn: sqlite3.Connection, res: Resolution, keys: set[str] | None) -> None:
    """Write a resolution's entities, evidence, mention links and state (inside a transaction)."""
    conn.executemany(
        "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)",
        [
            (ent, res.names[ent], res.types[ent], json.dumps(res.surfaces[ent], ensure_ascii=False))
            for ent in sorted(res.names)
        ],
    )
    conn.executemany(
        "INSERT INTO entity_evidence (entity_id, kind, detail) VALUES (?, ?, ?)",
        sorted(set(res.evidence)),
    )
    if keys is None:
        current = conn.execute("SELECT article_id, start, entity_id FROM mentions")
    else:
        current = conn.execute(
            "SELECT m.article_id, m.start, m.entity_id FROM corpus_entity_names n "
            "JOIN mentions m ON m.text = n.text AND m.type = n.type "
            "WHERE n.key IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(keys)),),
        )
    now = {(a, s): e for a, s, e in current}
    moved = [(e, a, s) for (a, s), e in res.mention_entities.items() if now.get((a, s)) != e]
    conn.executemany("UPDATE mentions SET entity_id = ? WHERE article_id = ? AND start = ?", moved)
    res.relinked = {a for _, a, _ in moved}
    conn.executemany(
        "INSERT INTO corpus_entity_forms (key, entity, component, sketch) VALUES (?, ?, ?, ?)",
        [
            (k, res.entity_of_form[k], res.components[k], res.sketches[k].dumps())
            for k in sorted(res.entity_of_form)
        ],
    )


class _Lookup:
    """Which canonical entity a speaker or claimant name refers to, read from the stored
    resolution: the name's own form, else the one full name with its surname in the
    same article, else the first full name in the corpus with that surname."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        forms: dict[str, tuple[str, bool]],
        articles: Iterable[str] | None,
    ) -> None:
        self.entity_of_form = {k: e for k, (e, _) in forms.items()}
        self.surname_index: dict[str, list[str]] = defaultdict(list)
        full = {k for k, (_, is_full) in forms.items() if is_full}
        for key in sorted(full):
            holders = self.surname_index[key.split()[-1]]
            if self.entity_of_form[key] not in holders:
                holders.append(self.entity_of_form[key])
        self.names: dict[str, str] = dict(conn.execute("SELECT id, name FROM entities"))
        sql = (
            "SELECT m.article_id, n.key, m.entity_id FROM mentions m "
            "JOIN corpus_entity_names n ON n.text = m.text AND n.type = m.type"
        )
        if articles is None:
            rows = conn.execute(sql)
        else:
            chosen = sorted(set(articles))
            rows = conn.execute(
                f"{sql} WHERE m.article_id IN ({','.join('?' * len(chosen))})", chosen
            )
        roots: dict[tuple[str, str], set[str]] = defaultdict(set)
        overrides: dict[tuple[str, str], str] = {}
        for article_id, key, entity in rows:
            if key in full:
                roots[(article_id, key.split()[-1])].add(self.entity_of_form[key])
            elif key in self.entity_of_form and entity != self.entity_of_form[key]:
                overrides[(article_id, key)] = entity
        self.article_surnames = {k: next(iter(v)) for k, v in roots.items() if len(v) == 1}
        self.article_surnames.update(overrides)

    def __call__(self, name: str, article_id: str) -> str | None:
        key, tokens, _ = _form_key(name, "person")
        if not key:
            return None
        surname = key.split()[-1]
        if key in self.entity_of_form:
            ent = self.entity_of_form[key]
            if len(tokens) == 1:
                return self.article_surnames.get((article_id, surname), ent)
            return ent
        candidate = self.article_surnames.get((article_id, surname))
        if candidate is not None and (
            len(tokens) == 1 or same_person_name(list(tokens), self._tokens(candidate))
        ):
            return candidate
        for ent in self.surname_index.get(surname, []):
            if len(tokens) == 1 or same_person_name(list(tokens), self._tokens(ent)):
                return ent
        return None

    def _tokens(self, entity: str) -> list[str]:
        return list(_form_key(self.names[entity], "person")[1])


def _link_people(
    conn: sqlite3.Connection,
    forms: dict[str, tuple[str, bool]],
    changed: Sequence[str] | None,
    keys: set[str] | None,
) -> None:
    """Point ``statements.speaker_entity`` and ``figures.claimant_entity`` at canonical ids.

    ``forms`` maps every form key to its entity and whether it is a full
    person name. With ``changed`` and ``keys`` (an incremental pass) only the names that can
    have moved are looked up again: those in the changed articles, and those
    whose key or surname is one of the re-resolved keys'.
    """
    touched_words = {k.split()[-1] for k in keys or ()}
    jobs: list[tuple[str, str, str, str, str, str | None]] = []
    for table, name_col, ent_col in (
        ("statements", "speaker", "speaker_entity"),
        ("figures", "claimant", "claimant_entity"),
    ):
        rows = conn.execute(
            f"SELECT id, article_id, {name_col}, {ent_col} FROM {table} "
            f"WHERE {name_col} IS NOT NULL"
        ).fetchall()
        for rid, article_id, name, old in rows:
            if changed is not None and article_id not in changed:
                key = _form_key(name, "person")[0]
                if not key or (key not in (keys or ()) and key.split()[-1] not in touched_words):
                    continue
            jobs.append((table, ent_col, rid, article_id, name, old))
    lookup = _Lookup(conn, forms, None if changed is None else {job[3] for job in jobs})
    updates: dict[tuple[str, str], list[tuple[str | None, str]]] = defaultdict(list)
    for table, ent_col, rid, article_id, name, old in jobs:
        new = lookup(name, article_id)
        if new != old:
            updates[(table, ent_col)].append((new, rid))
    for (table, ent_col), pairs in updates.items():
        conn.executemany(f"UPDATE {table} SET {ent_col} = ? WHERE id = ?", pairs)
