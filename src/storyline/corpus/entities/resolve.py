"""Entity resolution: the merge rules run over forms, then each group of forms is
named and typed (no reads, no writes: :mod:`.write` brings the forms and stores
the outcome)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.corpus.entities.aliases import Aliases
from storyline.corpus.entities.components import find_components
from storyline.corpus.entities.forms import Form, Forms, Sketch, form_key, initials
from storyline.corpus.entities.rules import (
    Evidence,
    LoneNames,
    UnionFind,
    alias_merges,
    lone_surnames,
    role_merges,
    short_forms,
    spelling_merges,
    union_find,
)
from storyline.corpus.lexicon import GENERIC_ORG_WORDS
from storyline.corpus.names import fold, name_tokens
from storyline.schema import stable_id

# An organisation's name is a form used at least this often, absolutely and as a
# share of its most used form's uses (see _org_name).
ATTESTED_MIN = 2
ATTESTED_SHARE = 0.25
# Ties in the type vote go to the first of these.
_TYPE_ORDER = ("person", "place", "organization", "other")


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
    sketches: dict[str, Sketch] = field(default_factory=dict)
    # Articles whose mentions were written with other entity ids than before.
    relinked: set[str] = field(default_factory=set)


def resolve(data: Forms, aliases: Aliases, text_of: Callable[[str], str]) -> Resolution:
    """Cluster the mentions of ``data`` into canonical entities.

    ``data`` holds whole components (see :mod:`.components`): they resolve
    exactly as they would within the whole store. ``text_of`` reads an
    article's text (the role rule looks at the words before a name).
    """
    forms = data.forms
    uf = union_find(forms, aliases)
    evidence: Evidence = []
    alias_merges(forms, aliases, uf, evidence)
    full = sorted((f for f in forms.values() if f.multi and f.person), key=lambda f: f.key)
    spelling_merges(full, uf, evidence)
    role_merges(text_of, full, uf, evidence)
    lone = lone_surnames(forms, full, uf)
    short_forms(forms, uf, evidence, lone.retyped)
    return _entities(data, aliases, uf, lone, evidence)


def _entities(
    data: Forms,
    aliases: Aliases,
    uf: UnionFind,
    lone: LoneNames,
    evidence: Evidence,
) -> Resolution:
    """Entities: the forms (and per-article overrides) grouped by root, each group
    named by its best form and typed by majority vote."""
    forms = data.forms
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(forms):
        members[uf.find(key)].append(key)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for root, keys_of_root in members.items():
        for key in keys_of_root:
            if key in lone.retyped:
                votes[root]["person"] += forms[key].count
            else:
                votes[root].update(forms[key].votes)
            surfaces[root].update(forms[key].surfaces)
    for (_, key), target in sorted(lone.per_article.items()):
        # A name that stands for a person in some articles is one of their aliases.
        surfaces[uf.find(target)].update(forms[key].surfaces.keys())
    # Surnames of full person names: a lone word that is one is a person's name
    # even when the recogniser also tagged it an organisation ("Biden").
    surnames = {f.key.split()[-1] for f in forms.values() if f.multi and f.person}
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
        supported = any(forms[k].multi or k in surnames for k in keys_of_root)
        etype = _majority_type(votes[root], supported)
        # The id comes from the chosen form itself, which no other entity has
        # (an id from the name with titles stripped again made "Israeli Air
        # Force" and "Air Force" one entity).
        entity_id = stable_id("e", " ".join(fold(w) for w in best.display))
        entity_of_root[root] = entity_id
        names[entity_id] = name
        types[entity_id] = etype
    entity_of_form = {key: entity_of_root[uf.find(key)] for key in forms}
    mention_entities = {}
    for article_id, start, key in data.mentions:
        override = lone.per_article.get((article_id, key))
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
        components=find_components(forms, aliases),
        sketches={k: f.sketch() for k, f in forms.items()},
    )


def _written(form: Form, person: bool) -> list[str]:
    """The form's words as most often written, preferring a spelling that does not
    shout ("Reuters" over a photo credit's "REUTERS"); acronyms keep their capitals."""

    def shouts(text: str) -> bool:
        return any(len(w) >= 5 and w.isupper() for w in re.findall(r"\w+", text))

    spellings = sorted(form.surfaces.items(), key=lambda kv: (shouts(kv[0]), -kv[1], kv[0]))
    for text, _ in spellings:
        words = name_tokens(text, person=person)
        if form_key(text, "person" if person else "organization")[0] == form.key and words:
            return words
    return form.display


def _org_name(group: list[Form]) -> Form:
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

    def rank(f: Form) -> tuple[bool, bool, int, int, str]:
        fragment = not f.multi and (
            f.key in longer and (f.key in GENERIC_ORG_WORDS or f.count < longer[f.key])
        )
        return (f.count >= floor or f.count == top, not fragment, f.count, len(f.tokens), f.key)

    best = max(group, key=rank)
    if best.sketch().acronym:
        spelt = [
            f for f in group if f.multi and f.count >= floor and initials(f.key.split()) == best.key
        ]
        if spelt:
            return max(spelt, key=lambda f: (f.count, f.key))
    return best


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
