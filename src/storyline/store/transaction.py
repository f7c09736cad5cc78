"""The store's one write-transaction helper, shared by the article writer and the
corpus state (its own module so both can import it without a circle)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: taken up front (``BEGIN IMMEDIATE``), committed
    at the end, rolled back on any exception, a failed commit or Ctrl-C included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
