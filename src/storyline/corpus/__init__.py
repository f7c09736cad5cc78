"""The cross-article stage: runs over the store after ingest.

``update`` is incremental (the ingest runner calls it with the articles it
just wrote); ``rebuild`` recomputes everything (``storyline corpus``). Each
part has the same shape: a pure core over plain data, and an
``update_x(store, changed)`` (and ``rebuild_x(store)``) that reads and
writes through the store's methods (``storyline.store.corpus_state``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyline.corpus.claims import rebuild_claims, update_claims
from storyline.corpus.disagreements import update_disagreements
from storyline.corpus.duplicates import rebuild_duplicates, update_duplicates
from storyline.corpus.entities import (
    load_aliases,
    rebuild_entities,
    save_aliases,
    update_entities,
)
from storyline.corpus.stories import rebuild_stories, update_stories
from storyline.store import Store


def update(store: Store, changed: Sequence[str]) -> None:
    """Bring corpus-level records up to date after ``changed`` articles were (re)written.

    Entities are re-resolved only in the components of the names the changed
    articles use (with no ``changed``, e.g. after new aliases, all of them);
    near-duplicates only hash the changed articles; stories place them and
    re-cluster the stories they come close to (refreshing the terms of
    articles whose entity ids moved); claims index and link the changed
    articles' statements and figures, then regroup the claims they touch
    (and those of articles whose ``duplicate_of`` moved); disagreements are
    regrouped from the figures table.
    ``benchmarks/incremental_drift.py`` measures how close this stays to
    ``rebuild``.
    """
    moved: list[str] = []
    if changed:
        relinked = update_entities(store, changed).relinked
        moved = update_duplicates(store, changed)
        update_stories(store, changed, relinked)
    else:
        rebuild_entities(store)
    update_claims(store, changed, moved)
    update_disagreements(store)


def rebuild(store: Store, aliases: str | Path | None = None) -> None:
    """Recompute the whole stage (``storyline corpus``); ``aliases`` replaces the stored pins."""
    if aliases is not None:
        use_aliases(store, aliases)
    rebuild_entities(store)
    rebuild_duplicates(store)
    rebuild_stories(store)
    rebuild_claims(store)
    update_disagreements(store)


def use_aliases(store: Store, path: str | Path, apply: bool = True) -> None:
    """Load a user's aliases file (``--aliases FILE``) into the store; later runs respect it.

    The file holds ``{"merge": [[name, name, ...], ...], "split": [[name, name], ...]}``
    (JSON, or the same keys in TOML). With ``apply`` the entities are
    re-resolved at once; pass ``apply=False`` when an ingest follows anyway.
    Raises ``AliasesError`` for a malformed file.
    """
    save_aliases(store, load_aliases(path))
    if apply:
        update(store, [])


__all__ = ["rebuild", "update", "use_aliases"]
