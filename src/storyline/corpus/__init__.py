"""The cross-article stage: runs over the store after ingest."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.corpus.entities import canonicalise
from storyline.store import Store


def update(store: Store, changed: Sequence[str]) -> None:
    """Bring corpus-level records up to date after ``changed`` articles were (re)written."""
    canonicalise(store.conn)


__all__ = ["update"]
