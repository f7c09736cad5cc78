"""The store stays readable while an ingest writes to it (SQLite WAL).

Readers use their own connections with no busy timeout, so a reader that
had to wait for the writer would fail at once with "database is locked"
rather than pass slowly.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from conftest import SEEDS
from storyline.run import ingest
from storyline.schema import Findings
from storyline.store import Store


def _reader(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0)


def _read(conn: sqlite3.Connection) -> tuple[int, int]:
    """What a user does while waiting: list articles, and search them."""
    # SQLite's own locks of a few microseconds (a connection closing takes one to see
    # whether it is the last; a torn wal-index header is re-read) can answer "locked"
    # to a reader with no busy timeout, about once in a dozen runs of the real-ingest
    # test. So three tries, a millisecond apart: a reader that waited for the writer
    # would still fail, since the open-transaction test holds the write transaction
    # open through all three.
    for attempt in range(3):
        try:
            listed = conn.execute(
                "SELECT id, title, published FROM articles ORDER BY published"
            ).fetchall()
            hits = conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Ukraine OR Russia'"
            ).fetchall()
            return len(listed), len(hits)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 2:
                raise
            time.sleep(0.001)
    raise AssertionError("unreachable")


def test_reads_succeed_inside_an_open_write_transaction(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([SEEDS], store, nlp=nlp)
        victim = next(store.articles())
    before = _read(_reader(db))
    assert before[0] == 5 and before[1] > 0

    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # what Store.save holds while replacing an article
    writer.execute("DELETE FROM articles WHERE id = ?", (victim.id,))
    try:
        # Readers see the last committed state, at once, through the FTS index too.
        assert _read(_reader(db)) == before
        web = pytest.importorskip("storyline.web", reason="the web UI is not installed")
        from fastapi.testclient import TestClient

        client = TestClient(web.create_app(db))
        listing = client.get("/api/articles", params={"limit": 10})
        assert listing.status_code == 200
        assert victim.id in {a["id"] for a in listing.json()["items"]}
        assert client.get("/api/search", params={"q": "Ukraine"}).status_code == 200
        assert client.get("/").status_code == 200
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_reads_during_a_real_ingest(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """A real ingest writes in a thread; a second connection reads all along."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "s.db"
    Store(db).close()  # created (schema, WAL) before the reader connects
    seen_mid_ingest: list[int] = []
    reader = _reader(db)
    errors: list[BaseException] = []

    def on_article(_: Findings) -> None:
        # Between two article transactions, from inside the writer's run: the
        # reader must see exactly what has been committed so far.
        listed, _hits = _read(_reader(db))
        seen_mid_ingest.append(listed)

    def run() -> None:
        try:
            with Store(db) as store:
                ingest([folder], store, nlp=nlp, on_article=on_article)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    polls = 0
    while thread.is_alive():
        _read(reader)  # never "database is locked", whatever the writer is doing
        polls += 1
        time.sleep(0.005)
    thread.join()
    assert not errors
    assert seen_mid_ingest == list(range(1, 6))
    assert _read(reader)[0] == 5 and polls > 0
