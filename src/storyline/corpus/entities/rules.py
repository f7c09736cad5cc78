"""The merge rules: which forms name one entity (numbered as in the package docstring).

Each rule unions forms in a :class:`UnionFind` that refuses what a user's
``split`` pins forbid, and records why in ``evidence`` as (form key, kind,
detail). They run in a fixed order (:func:`storyline.corpus.entities.resolve.resolve`):
pins, spelling variants, roles, lone surnames, short forms.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storyline.corpus.entities.aliases import Aliases
from storyline.corpus.entities.forms import (
    Form,
    alias_key,
    display,
    holds,
    initials,
    names_locally,
)
from storyline.corpus.lexicon import (
    GENERIC_ORG_WORDS,
    GENERIC_ROLE_WORDS,
    ORGAN_HEADS,
    PERSON_LED_HEADS,
    TITLES,
)
from storyline.corpus.names import (
    first_names_compatible,
    fold,
    same_person_name,
    similar,
    similarity,
)

# A role-supported merge needs at least this surname similarity and this many
# shared (non-generic) role words.
ROLE_SURNAME_SIMILARITY = 0.4
ROLE_SHARED_WORDS = 2
# A lone surname shared by several full names goes to the dominant one only if
# it holds this share of their mentions.
DOMINANT_SHARE = 0.75

# (form key, kind, detail): why two forms merged; the entity id is known later.
Evidence = list[tuple[str, str, str]]


class UnionFind:
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


def union_find(forms: Iterable[str], aliases: Aliases) -> UnionFind:
    """A union-find over the form keys that keeps each ``split`` group's names apart."""
    forbid: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for g, group in enumerate(aliases.split):
        for i, name in enumerate(group):
            forbid[alias_key(name)].add((g, i))
    return UnionFind(forms, forbid)


def alias_merges(
    forms: dict[str, Form], aliases: Aliases, uf: UnionFind, evidence: Evidence
) -> None:
    """6. A user's ``merge`` pins join their names, whatever the other rules say."""
    for group in aliases.merge:
        present = [k for k in (alias_key(n) for n in group) if k in forms]
        for other in present[1:]:
            uf.union(present[0], other)
            evidence.append((present[0], "alias-merge", f"pinned by aliases file: {group}"))


def spelling_merges(full: list[Form], uf: UnionFind, evidence: Evidence) -> None:
    """2. Full person names: spelling variants of one name."""
    for block in surname_blocks(full).values():
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
                            f"{display(a)} ~ {display(b)}: surname similarity "
                            f"{sim:.2f} after transliteration folding, compatible first names",
                        )
                    )


def surname_blocks(full: list[Form]) -> dict[str, list[Form]]:
    """Spelling variants share their first three letters (Zelensk-, Volodym-):
    comparing only within such blocks keeps the pass near-linear."""
    blocks: dict[str, list[Form]] = defaultdict(list)
    for form in full:
        blocks[form.key.split()[-1][:3]].append(form)
    return blocks


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


def role_merges(
    text_of: Callable[[str], str],
    full: list[Form],
    uf: UnionFind,
    evidence: Evidence,
) -> None:
    """4. Near-miss full names that share a role merge only on strong evidence: same
    first name, similar surname, ``ROLE_SHARED_WORDS`` role words in front of the
    name in their articles (``text_of`` reads one), never both named in one article."""
    by_first: dict[str, list[Form]] = defaultdict(list)
    for form in full:
        by_first[form.key.split()[0]].append(form)
    texts: dict[str, str] = {}
    cache: dict[str, set[str]] = {}

    def roles(form: Form) -> set[str]:
        if form.key in cache:
            return cache[form.key]
        out: set[str] = set()
        for article_id in sorted(form.articles):
            if article_id not in texts:
                texts[article_id] = text_of(article_id)
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
                            f"{display(a)} ~ {display(b)}: same first name, surname "
                            f"similarity {sim:.2f}, shared role words {sorted(shared)}, "
                            "never named together in one article",
                        )
                    )


@dataclass
class LoneNames:
    """What rule 3 decided beyond unions: lone forms that stand for different people
    in different articles, (article, key) -> root, and lone forms labelled
    organisations that joined a person (their votes count as the person's)."""

    per_article: dict[tuple[str, str], str] = field(default_factory=dict)
    retyped: set[str] = field(default_factory=set)


def lone_surnames(forms: dict[str, Form], full: list[Form], uf: UnionFind) -> LoneNames:
    """3. Lone surnames join a full name: the corpus's dominant holder of the surname
    (joined here), else the one full name with it in the same article.

    Returns those per-article choices (a lone form may stand for different
    people in different articles) and the forms rule 3b re-typed.
    """
    surname_holders: dict[str, set[str]] = defaultdict(set)
    for form in full:
        surname_holders[form.key.split()[-1]].add(uf.find(form.key))
    mentions_of_root: Counter[str] = Counter()
    for form in full:
        mentions_of_root[uf.find(form.key)] += form.count
    article_roots: dict[tuple[str, str], set[str]] = defaultdict(set)
    first_name_roots: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames_in_article: dict[str, set[str]] = defaultdict(set)
    for form in full:
        for article_id in form.articles:
            article_roots[(article_id, form.key.split()[-1])].add(uf.find(form.key))
            first_name_roots[(article_id, form.key.split()[0])].add(uf.find(form.key))
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
            if holds(surname, word):
                out |= surname_holders[surname]
        return {uf.find(r) for r in out}

    lone = LoneNames()
    per_article = lone.per_article
    bodies = body_starts(forms)
    for form in sorted(forms.values(), key=lambda f: f.key):
        if form.multi:
            continue
        sketch = form.sketch()
        if not sketch.person_like:
            # An acronym is no surname: "EBU" is not the "EBU" glued to a
            # person's name by the recogniser ("Alma Bengtsson EBU").
            if sketch.org and not sketch.acronym:
                word = form.key

                def local_roots(article_id: str, word: str = word) -> tuple[set[str], set[str]]:
                    return (
                        {uf.find(r) for r in article_roots.get((article_id, word), ())},
                        {uf.find(r) for r in first_name_roots.get((article_id, word), ())},
                    )

                _surname_labelled_body(form, local_roots, bodies.get(word, set()), uf, lone)
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
            spelt = {form.key} & named or {s for s in named if names_locally(s, form.key)}
            local = {uf.find(r) for s in spelt for r in article_roots[(article_id, s)]}
            if len(local) == 1:
                (root,) = local
                if uf.find(form.key) != uf.find(root) and uf.allowed(form.key, root):
                    per_article[(article_id, form.key)] = uf.find(root)
    return lone


def body_starts(forms: dict[str, Form]) -> dict[str, set[str]]:
    """Word -> articles where it begins a longer organisation or place name other than
    a person-led body: "Ford" of "Ford Motor" (a lone "Ford" there may be the
    company), not "Biden" of "Biden administration" (see ``PERSON_LED_HEADS``)."""
    out: dict[str, set[str]] = defaultdict(set)
    for form in forms.values():
        words = form.key.split()
        if form.multi and not form.person and fold(form.tokens[1]) not in PERSON_LED_HEADS:
            out[words[0]] |= form.articles
    return out


def _surname_labelled_body(
    form: Form,
    local_roots: Callable[[str], tuple[set[str], set[str]]],
    bodies: set[str],
    uf: UnionFind,
    lone: LoneNames,
) -> None:
    """3b. A lone name the recogniser labelled an organisation ("Pistorius said",
    "his wife, Brigitte") is the person an article names in full with that surname
    or first name, where the word begins no longer body name in that article
    ("Ford Motor"). When the articles naming that one person hold
    ``DOMINANT_SHARE`` of its uses' articles and no other article names another
    of that name, the form joins that person (and its votes count as the
    person's); else, by surname
    only, it stands for the person per article (a first name is weaker evidence:
    "Israel" is not Israel Katz). Mentions in articles that name nobody of that
    name stay as they were."""
    chosen: dict[str, tuple[str, bool]] = {}
    ambiguous = bool(form.articles & bodies)
    for article_id in sorted(form.articles - bodies):
        by_surname, by_first_name = local_roots(article_id)
        local = by_surname or by_first_name
        if len(local) == 1 and uf.allowed(form.key, next(iter(local))):
            chosen[article_id] = (next(iter(local)), bool(by_surname))
        elif local:
            ambiguous = True
    roots = sorted({root for root, _ in chosen.values()})
    if (
        len(roots) == 1
        and not ambiguous
        and len(chosen) >= DOMINANT_SHARE * len(form.articles)
        and uf.union(form.key, roots[0])
    ):
        lone.retyped.add(form.key)
        return
    for article_id, (root, surname) in chosen.items():
        if surname:
            lone.per_article[(article_id, form.key)] = root


def _organ_of(longer: Form) -> bool:
    """A longer name that names another body than its first word, an organ of it
    ("UN Security Council") or a body "of" something ("Congress of Soviets")."""
    rest = [fold(w) for w in longer.tokens[1:]]
    return bool(rest) and (rest[0] == "of" or any(w in ORGAN_HEADS for w in rest))


def short_forms(
    forms: dict[str, Form], uf: UnionFind, evidence: Evidence, people: set[str]
) -> None:
    """5. ``GM`` ~ ``General Motors``, ``EU`` ~ ``European Union``; ``Ford`` ~ ``Ford Motor``.

    An all-capitals word joins the longer name whose initials it spells, that
    is named in an article with it and holds ``DOMINANT_SHARE`` of the uses of
    such names;
    a one-word organisation used on its own at least twice joins the entity
    that holds at least ``DOMINANT_SHARE`` of the uses of the longer
    organisation names starting with it.
    """
    others = sorted((f for f in forms.values() if not f.person), key=lambda f: f.key)
    by_initials: dict[str, list[Form]] = defaultdict(list)
    by_first: dict[str, list[Form]] = defaultdict(list)
    for form in others:
        if form.multi:
            by_initials[initials(form.key.split())].append(form)
            by_first[form.key.split()[0]].append(form)
    for form in others:
        if form.multi or form.key in people:
            continue  # a longer name or a name that rule 3b found to be a person's
        surface = display(form)
        sketch = form.sketch()
        # An acronym is spelt out next to itself somewhere ("the Central Intelligence
        # Agency (CIA)"): expansions never named with it are other bodies that
        # share its initials ("AFP" is not the "America First party").
        spelt: Counter[str] = Counter()
        expansion: dict[str, Form] = {}
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
                        f"{surface} spells the initials of {display(expansion[root])}",
                    )
                )
        if sketch.org_short:
            # "Defense" may be the Defense Ministry, Committee or Department: a
            # word used alone less than its longer names is a fragment of them and
            # joins only an entity holding most of their uses (joining them all
            # chained every "National ..." into one entity).
            uses: Counter[str] = Counter()
            named: dict[str, Form] = {}
            for longer in by_first.get(form.key, []):
                if longer.sketch().org and not _organ_of(longer):
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
                                f"{surface} is short for {display(named[r])} "
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
                        f"{surface} is short for {display(named[root])} "
                        f"({share:.0%} of the longer names starting with it)",
                    )
                )
