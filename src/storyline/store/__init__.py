"""The SQLite store: the product's open file (Datasette and DuckDB read it as it is)."""

from storyline.store.db import DEFAULT_DB, Store, StoreError
from storyline.store.readers import Readers

__all__ = ["DEFAULT_DB", "Readers", "Store", "StoreError"]
