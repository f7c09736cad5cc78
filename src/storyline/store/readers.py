"""Read-only stores for a pool of threads: one per thread, opened there on first use.

A sqlite3 connection may only be used by the thread that opened it. A web
server answers each request on some worker thread of its pool (FastAPI even
runs a request's dependencies and its endpoint on different ones), so the
connection must be taken on the thread that reads, not handed to it. Each
worker thread keeps its own connection for the next requests it answers:
no connection is ever shared, and none is opened per request.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path

from storyline.store.db import Store


class Readers:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def here(self) -> Store:
        """This thread's read-only store (closed with the thread)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, read_only=True)
        return store

    def snapshot(self) -> AbstractContextManager[Store]:
        """This thread's store inside one read transaction (``Reads.snapshot``)."""
        return self.here().snapshot()
