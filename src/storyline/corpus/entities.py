"""Canonical entities: one id per real person, organisation or place across articles.

How mentions become entities (all decisions are recorded in ``entity_evidence``):

1. Each mention's name is normalised (titles and roles dropped, case and
   accents folded): ``US President Donald Trump`` and ``Mr. Trump`` become
   ``donald trump`` and ``trump``.
2. Full person names (two words or more) merge when their surnames agree after
   transliteration folding and their first names are compatible
   (``Volodymr Zelensky`` ~ ``Volodymyr Zelenskyy``); different first names
   keep namesakes apart (``Ivanka Trump`` is not ``Donald Trump``).
3. A lone surname (``Trump``, ``Zelenskiy``) joins the full name it abbreviates:
   the one named in the same article, else the corpus's dominant holder of
   that surname. spaCy's small model mislabels lone surnames (seed 002 tags
   ``Trump`` as an organisation), so the type is decided by a majority vote
   over every mention of the name, not by one label.
4. Near-miss names that share a role merge only on strong evidence: same
   first name, similar surname, at least two shared role words in front of
   the name (``National Security Advisor Mike Volz`` ~ ``National Security
   Secretary Mike Waltz``) and never both named in one article.
5. A user's aliases (``merge`` / ``split`` lists of names, see
   :func:`load_aliases`) override all of the above.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.corpus.lexicon import ACRONYM_SKIP, GENERIC_ROLE_WORDS, TITLES
from storyline.corpus.names import (
    first_names_compatible,
    fold,
    name_key,
    name_tokens,
    same_person_name,
    similar,
    similarity,
    surnames_match,
    translit,
)
from storyline.schema import stable_id

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
    raw = path.read_text(encoding="utf-8")
    data = tomllib.loads(raw) if path.suffix.lower() == ".toml" else json.loads(raw)
    if not isinstance(data, dict) or set(data) - {"merge", "split"}:
        raise ValueError(f"{path}: expected an object with 'merge' and/or 'split' lists")
    out = Aliases()
    for kind in ("merge", "split"):
        groups = data.get(kind, [])
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) for n in g)
            for g in groups
        ):
            raise ValueError(f"{path}: '{kind}' must be a list of lists of two or more names")
        getattr(out, kind).extend([list(g) for g in groups])
    return out


def save_aliases(conn: sqlite3.Connection, aliases: Aliases) -> None:
    """Persist the user's aliases in the store so every later run respects them."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM entity_aliases")
        conn.executemany(
            "INSERT INTO entity_aliases (kind, names) VALUES (?, ?)",
            [("merge", json.dumps(g, ensure_ascii=False)) for g in aliases.merge]
            + [("split", json.dumps(g, ensure_ascii=False)) for g in aliases.split],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def stored_aliases(conn: sqlite3.Connection) -> Aliases:
    out = Aliases()
    for kind, names in conn.execute("SELECT kind, names FROM entity_aliases ORDER BY rowid"):
        getattr(out, kind).append(json.loads(names))
    return out


# -- resolution ---------------------------------------------------------------


@dataclass
class _Form:
    """All mentions sharing one normalised name."""

    key: str
    tokens: list[str]
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return sum(self.votes.values())

    @property
    def multi(self) -> bool:
        return len(self.tokens) >= 2


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
    """The outcome of entity resolution, kept in memory for speaker/claimant lookup."""

    entity_of_form: dict[str, str]
    names: dict[str, str]
    types: dict[str, str]
    surname_index: dict[str, list[str]]  # translit surname -> entity ids of full names
    article_surnames: dict[tuple[str, str], str]  # (article, translit surname) -> entity
    evidence: list[tuple[str, str, str]]
    mention_entities: dict[tuple[str, int], str] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(default_factory=dict)

    def lookup(self, name: str, article_id: str | None = None) -> str | None:
        """The canonical entity a speaker/claimant name refers to, if known."""
        key = name_key(name)
        if not key:
            return None
        if key in self.entity_of_form:
            ent = self.entity_of_form[key]
            tokens = key.split()
            if len(tokens) == 1 and article_id is not None:
                return self.article_surnames.get((article_id, translit(tokens[0])), ent)
            return ent
        tokens = name_tokens(name)
        surname = translit(tokens[-1])
        if article_id is not None and (article_id, surname) in self.article_surnames:
            candidate = self.article_surnames[(article_id, surname)]
            if len(tokens) == 1 or same_person_name(tokens, self.names[candidate].split()):
                return candidate
        for ent in self.surname_index.get(surname, []):
            if len(tokens) == 1 or same_person_name(tokens, self.names[ent].split()):
                return ent
        return None


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


def resolve(conn: sqlite3.Connection, aliases: Aliases | None = None) -> Resolution:
    """Cluster every mention in the store into canonical entities (no writes)."""
    aliases = aliases or Aliases()
    rows = conn.execute(
        'SELECT article_id, start, "end", text, type FROM mentions ORDER BY article_id, start'
    ).fetchall()
    forms: dict[str, _Form] = {}
    mention_key: list[tuple[str, int, str]] = []
    for article_id, start, _end, text, etype in rows:
        tokens = name_tokens(text, person=etype == "person")
        key = " ".join(translit(t) for t in tokens)
        if not key:
            continue
        form = forms.setdefault(key, _Form(key, tokens))
        form.votes[etype] += 1
        form.surfaces[text] += 1
        form.articles.add(article_id)
        mention_key.append((article_id, start, key))

    forbid: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for g, group in enumerate(aliases.split):
        for i, name in enumerate(group):
            forbid[_alias_key(name)].add((g, i))
    uf = _UnionFind(forms, forbid)
    evidence: list[tuple[str, str, str]] = []  # (form key, kind, detail); entity id later

    for group in aliases.merge:
        keys = [k for k in (_alias_key(n) for n in group) if k in forms]
        for other in keys[1:]:
            uf.union(keys[0], other)
            evidence.append((keys[0], "alias-merge", f"pinned by aliases file: {group}"))

    def is_person(form: _Form) -> bool:
        return form.votes["person"] * 2 > form.count

    # 2. Full person names: spelling variants of one name.
    full = sorted((f for f in forms.values() if f.multi and is_person(f)), key=lambda f: f.key)
    # Spelling variants share their first three letters (Zelensk-, Volodym-):
    # comparing only within such blocks keeps the pass near-linear.
    by_surname_initial: dict[str, list[_Form]] = defaultdict(list)
    for form in full:
        by_surname_initial[form.key.split()[-1][:3]].append(form)
    for block in by_surname_initial.values():
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
        out: set[str] = set()
        for surname in surnames_by_prefix.get(word[:3], ()):
            if surname == word or (
                abs(len(surname) - len(word)) <= 3 and surnames_match(surname, word)
            ):
                out |= surname_holders[surname]
        return {uf.find(r) for r in out}

    # Lone forms may split by article: (article, key) -> root overrides.
    per_article: dict[tuple[str, str], str] = {}
    for form in sorted(forms.values(), key=lambda f: f.key):
        if form.multi:
            continue
        roots = holders(form.key)
        if not roots:
            continue
        person_like = is_person(form) or (form.count - form.votes["person"]) < (
            NON_PERSON_VOTES_GUARD
        )
        if not person_like:
            continue
        total = sum(mentions_of_root[r] for r in roots)
        dominant = max(sorted(roots), key=lambda r: mentions_of_root[r])
        corpus_root = dominant if mentions_of_root[dominant] >= DOMINANT_SHARE * total else None
        attached = (
            corpus_root is not None
            and is_person(form)
            and uf.allowed(form.key, corpus_root)
            and uf.union(form.key, corpus_root)
        )
        if attached:
            # The corpus's dominant holder wins over another holder named in the
            # same article ("Trump" next to "Melania Trump" is still Donald Trump).
            continue
        for article_id in sorted(form.articles):
            local = {
                uf.find(r)
                for s in surnames_in_article.get(article_id, ())
                if s == form.key or (s[:1] == form.key[:1] and surnames_match(s, form.key))
                for r in article_roots[(article_id, s)]
            }
            if len(local) == 1:
                (root,) = local
                if uf.find(form.key) != uf.find(root) and uf.allowed(form.key, root):
                    per_article[(article_id, form.key)] = uf.find(root)

    # 5. Organisations and places: acronyms and short forms.
    _short_forms(forms, uf, is_person, evidence)

    # Entities: group forms (and per-article overrides) by root.
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(forms):
        members[uf.find(key)].append(key)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for root, keys in members.items():
        for key in keys:
            votes[root].update(forms[key].votes)
            surfaces[root].update(forms[key].surfaces)
    entity_of_root: dict[str, str] = {}
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    for root, keys in sorted(members.items()):
        is_people = votes[root]["person"] * 2 > sum(votes[root].values())
        # A person is named by their fullest common name; an organisation by
        # its most used one ("GM" rather than "GM Total Confidence").
        best = max(
            (forms[k] for k in keys),
            key=lambda f: (f.multi and is_people, f.count, len(f.key), f.key),
        )
        name = " ".join(best.tokens)
        etype = _majority_type(votes[root], any(forms[k].multi for k in keys))
        entity_id = stable_id("e", name_key(name))
        entity_of_root[root] = entity_id
        names[entity_id] = name
        types[entity_id] = etype
    entity_of_form = {key: entity_of_root[uf.find(key)] for key in forms}
    surname_index: dict[str, list[str]] = defaultdict(list)
    for form in full:
        ent = entity_of_form[form.key]
        if ent not in surname_index[form.key.split()[-1]]:
            surname_index[form.key.split()[-1]].append(ent)
    article_surnames: dict[tuple[str, str], str] = {}
    for (article_id, surname), roots in article_roots.items():
        ents = {entity_of_root[uf.find(r)] for r in roots}
        if len(ents) == 1:
            article_surnames[(article_id, surname)] = ents.pop()
    for (article_id, key), root in per_article.items():
        article_surnames[(article_id, key)] = entity_of_root[uf.find(root)]

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
        surname_index=dict(surname_index),
        article_surnames=article_surnames,
        evidence=[(entity_of_form[k], kind, detail) for k, kind, detail in evidence],
        mention_entities=mention_entities,
        surfaces={entity_of_root[r]: sorted(c) for r, c in surfaces.items()},
    )


def _short_forms(
    forms: dict[str, _Form],
    uf: _UnionFind,
    is_person: Callable[[_Form], bool],
    evidence: list[tuple[str, str, str]],
) -> None:
    """``GM`` ~ ``General Motors``, ``EU`` ~ ``European Union``; ``Ford`` ~ ``Ford Motor``.

    An all-capitals word joins the one longer name whose initials it spells;
    a one-word organisation joins the longer organisation names that start
    with it, when it is used on its own at least twice.
    """
    others = sorted((f for f in forms.values() if not is_person(f)), key=lambda f: f.key)
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, list[_Form]] = defaultdict(list)
    for form in others:
        if form.multi:
            words = [w for w in form.key.split() if w not in ACRONYM_SKIP]
            by_initials["".join(w[0] for w in words)].add(uf.find(form.key))
            by_first[form.key.split()[0]].append(form)
    for form in others:
        if form.multi:
            continue
        surface = _display(form)
        roots = {uf.find(r) for r in by_initials.get(form.key, set())}
        if surface.replace(".", "").isupper() and 2 <= len(form.key) <= 6 and len(roots) == 1:
            (root,) = roots
            if uf.union(form.key, root):
                evidence.append(
                    (
                        form.key,
                        "acronym",
                        f"{surface} spells the initials of {_display(forms[root])}",
                    )
                )
        if form.votes["organization"] * 2 > form.count and form.count >= 2:
            for longer in by_first.get(form.key, []):
                if longer.votes["organization"] * 2 > longer.count and uf.union(
                    form.key, longer.key
                ):
                    evidence.append(
                        (form.key, "short form", f"{surface} is short for {_display(longer)}")
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
    return " ".join(translit(t) for t in name_tokens(name))


# -- writing ------------------------------------------------------------------


def canonicalise(conn: sqlite3.Connection, aliases: Aliases | None = None) -> Resolution:
    """Recompute entities from all mentions; write only what changed.

    Resolution works on distinct names, not on texts, so it stays cheap as
    the store grows (see ``benchmarks/incremental_newsdumpster.py``).
    """
    if aliases is None:
        aliases = stored_aliases(conn)
    res = resolve(conn, aliases)
    mention_entities = res.mention_entities
    current = {
        (a, s): e for a, s, e in conn.execute("SELECT article_id, start, entity_id FROM mentions")
    }
    changed = [(e, a, s) for (a, s), e in mention_entities.items() if current.get((a, s)) != e]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)",
            [
                (
                    ent,
                    res.names[ent],
                    res.types[ent],
                    json.dumps(res.surfaces[ent], ensure_ascii=False),
                )
                for ent in sorted(res.names)
            ],
        )
        conn.executemany(
            "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND start = ?", changed
        )
        conn.execute("DELETE FROM entity_evidence")
        conn.executemany(
            "INSERT INTO entity_evidence (entity_id, kind, detail) VALUES (?, ?, ?)",
            sorted(set(res.evidence)),
        )
        _link_people(conn, res)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return res


def _link_people(conn: sqlite3.Connection, res: Resolution) -> None:
    """Point ``statements.speaker_entity`` and ``figures.claimant_entity`` at canonical ids."""
    for table, name_col, ent_col in (
        ("statements", "speaker", "speaker_entity"),
        ("figures", "claimant", "claimant_entity"),
    ):
        rows = conn.execute(
            f"SELECT id, article_id, {name_col}, {ent_col} FROM {table} "
            f"WHERE {name_col} IS NOT NULL"
        ).fetchall()
        updates = []
        for rid, article_id, name, old in rows:
            new = res.lookup(name, article_id)
            if new != old:
                updates.append((new, rid))
        conn.executemany(f"UPDATE {table} SET {ent_col} = ? WHERE id = ?", updates)
