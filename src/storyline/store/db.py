"""The store: one SQLite file (WAL), written one article per transaction.

A crash or kill between transactions leaves every article either fully
there (text and all its findings) or not there at all; re-running the same
ingest fills in what is missing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path

from storyline.schema import CONTRACT, Disagreement, Findings, Skip, Story
from storyline.store.columns import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    RECORD_TABLES,
    encode,
)
from storyline.store.columns import quoted as _q
from storyline.store.corpus_state import CorpusState
from storyline.store.migrations import MIGRATIONS, SCHEMA_VERSION
from storyline.store.outlets import OutletState
from storyline.store.read import Reads
from storyline.store.transaction import transaction

DEFAULT_DB = "storyline.db"


# A skipped input and its reason; a later reason replaces an earlier one.
RECORD_SKIP = (
    "INSERT INTO skipped (source, reason) VALUES (?, ?) "
    "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason"
)


class StoreError(RuntimeError):
    """The file is not a storyline store, or is from a newer version."""


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(_q(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks})"


_value = encode


class Store(Reads, CorpusState, OutletState):
    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only:
            self.conn = _connect_read_only(self.path)
            return
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per article.
        self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}; this storyline knows {SCHEMA_VERSION}"
            )
        for number in range(version, SCHEMA_VERSION):
            script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]};\nPRAGMA user_version = {number + 1};"
            try:
                self.conn.executescript(script + "\nCOMMIT;")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    # -- writing ---------------------------------------------------------

    def content_hash(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def save(self, findings: Findings) -> None:
        """Replace one article and all its findings in a single transaction."""
        article = findings.article
        conn = self.conn
        with transaction(conn):
            conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            data = asdict(article)
            conn.execute(
                _insert_sql("articles", ARTICLE_COLUMNS),
                [_value(c, data[c]) for c in ARTICLE_COLUMNS],
            )
            conn.executemany(
                _insert_sql("mentions", MENTION_COLUMNS),
                [[getattr(m, c) for c in MENTION_COLUMNS] for m in findings.mentions],
            )
            for table in RECORD_TABLES:
                columns = CONTRACT[table][1]
                records = getattr(findings, table)
                conn.executemany(
                    _insert_sql(table, columns),
                    [[_value(c, getattr(r, c)) for c in columns] for r in records],
                )
            conn.execute("DELETE FROM skipped WHERE source = ?", (article.source,))
            conn.execute("INSERT OR IGNORE INTO corpus_pending VALUES (?)", (article.id,))

    def corpus_pending(self) -> list[str]:
        """Articles saved since the corpus stage last completed, in the order they were saved."""
        return [
            r[0] for r in self.conn.execute("SELECT article_id FROM corpus_pending ORDER BY rowid")
        ]

    def corpus_done(self, article_ids: list[str]) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "DELETE FROM corpus_pending WHERE article_id = ?", [(a,) for a in article_ids]
            )

    def record_skip(self, skip: Skip) -> None:
        self.conn.execute(RECORD_SKIP, (skip.source, skip.reason))

    def replace_stories(self, stories: list[Story], assignment: dict[str, str | None]) -> None:
        """Write the corpus stage's stories and each article's story, atomically."""
        conn = self.conn
        with transaction(conn):
            conn.execute("DELETE FROM stories")
            conn.executemany(
                'INSERT INTO stories (id, label, start, "end") VALUES (?, ?, ?, ?)',
                [(s.id, s.label, s.start, s.end) for s in stories],
            )
            conn.executemany(
                "UPDATE articles SET story = ? WHERE id = ?",
                [(story, aid) for aid, story in assignment.items()],
            )

    def replace_disagreements(self, disagreements: list[Disagreement]) -> None:
        conn = self.conn
        with transaction(conn):
            conn.execute("DELETE FROM disagreements")
            columns = CONTRACT["disagreements"][1]
            conn.executemany(
                _insert_sql("disagreements", columns),
                [[_value(c, getattr(d, c)) for c in columns] for d in disagreements],
            )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read (``mode=ro``): it neither migrates nor writes, and a
    current store is what it expects. WAL lets it read while a writer commits."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    conn.isolation_level = None  # autocommit: Reads.snapshot issues its own BEGIN
    conn.row_factory = sqlite3.Row
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path} has schema version {version}; this storyline reads {SCHEMA_VERSION} "
            "(open it once with storyline stats to upgrade it)"
        )
    return conn
