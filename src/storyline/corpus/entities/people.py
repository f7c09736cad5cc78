"""Who said it: statements' speakers and figures' claimants linked to canonical entities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from storyline.corpus.entities.forms import form_key
from storyline.corpus.names import same_person_name
from storyline.store import Store
from storyline.store.corpus_state import PersonRole

_ROLES: tuple[PersonRole, ...] = ("speaker", "claimant")


class PersonLookup:
    """Which canonical entity a speaker or claimant name refers to, read from the stored
    resolution: the name's own form, else the one full name with its surname in the
    same article, else the first full name in the corpus with that surname.

    ``forms`` maps form keys to (entity, whether a full person name); ``names``
    entity ids to names; ``mentions`` gives (article, key, entity) of the
    mentions in the articles looked up in.
    """

    def __init__(
        self,
        forms: dict[str, tuple[str, bool]],
        names: Mapping[str | None, str],
        mentions: Iterable[tuple[str, str, str | None]],
    ) -> None:
        self.entity_of_form = {k: e for k, (e, _) in forms.items()}
        self.surname_index: dict[str, list[str]] = defaultdict(list)
        full = {k for k, (_, is_full) in forms.items() if is_full}
        for key in sorted(full):
            holders = self.surname_index[key.split()[-1]]
            if self.entity_of_form[key] not in holders:
                holders.append(self.entity_of_form[key])
        self.names = names
        roots: dict[tuple[str, str], set[str]] = defaultdict(set)
        overrides: dict[tuple[str, str], str | None] = {}
        for article_id, key, entity in mentions:
            if key in full:
                roots[(article_id, key.split()[-1])].add(self.entity_of_form[key])
            elif key in self.entity_of_form and entity != self.entity_of_form[key]:
                overrides[(article_id, key)] = entity
        self.article_surnames: dict[tuple[str, str], str | None] = {
            k: next(iter(v)) for k, v in roots.items() if len(v) == 1
        }
        self.article_surnames.update(overrides)

    def __call__(self, name: str, article_id: str) -> str | None:
        key, tokens, _ = form_key(name, "person")
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
        return list(form_key(self.names[entity], "person")[1])


def link_people(
    store: Store,
    forms: dict[str, tuple[str, bool]],
    changed: Sequence[str] | None,
    keys: set[str] | None,
) -> None:
    """Point every statement's speaker and figure's claimant at its canonical id (inside
    the transaction that wrote the entities).

    ``forms`` maps every form key to its entity and whether it is a full
    person name. With ``changed`` and ``keys`` (an incremental pass) only the names that can
    have moved are looked up again: those in the changed articles, and those
    whose key or surname is one of the re-resolved keys'.
    """
    touched_words = {k.split()[-1] for k in keys or ()}
    jobs: list[tuple[PersonRole, str, str, str, str | None]] = []
    for role in _ROLES:
        for rid, article_id, name, old in store.person_references(role):
            if changed is not None and article_id not in changed:
                key = form_key(name, "person")[0]
                if not key or (key not in (keys or ()) and key.split()[-1] not in touched_words):
                    continue
            jobs.append((role, rid, article_id, name, old))
    articles = None if changed is None else {job[2] for job in jobs}
    lookup = PersonLookup(forms, store.entity_names(), store.mention_keys(articles))
    updates: dict[PersonRole, list[tuple[str | None, str]]] = defaultdict(list)
    for role, rid, article_id, name, old in jobs:
        new = lookup(name, article_id)
        if new != old:
            updates[role].append((new, rid))
    for role, pairs in updates.items():
        store.link_person_references(role, pairs)
