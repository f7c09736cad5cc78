"""The SQLite store: the product's open file (Datasette and DuckDB read it as it is)."""

from storyline.store.db import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
