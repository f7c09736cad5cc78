"""The store: one SQLite file (WAL), written one article per transaction.

A crash or kill between transactions leaves every article either fully
there (text and all its findings) or not there at all; re-running the same
ingest fills in what is missing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.schema import (
    CONTRACT,
    Article,
    Disagreement,
    Findings,
    Skip,
    Story,
)
from storyline.store.migrations import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "storyline.db"

# Columns per table in insertion order (the contract's fields plus store-only ones).
ARTICLE_COLUMNS = (*CONTRACT["articles"][1], "removed", "content_hash")
MENTION_COLUMNS = ("article_id", "start", "end", "text", "type", "entity_id")
RECORD_TABLES = ("statements", "figures", "timexes")
JSON_COLUMNS = {"removed", "aliases", "figure_ids"}


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


def _q(name: str) -> str:
    return f'"{name}"'


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(_q(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks})"


def _value(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)
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
        self.conn.execute(
            "INSERT INTO skipped (source, reason) VALUES (?, ?) "
            "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason",
            (skip.source, skip.reason),
        )

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

    # -- reading ---------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables: tuple[str, ...] = ("articles", "mentions", "entities", *RECORD_TABLES)
        tables += ("stories", "disagreements", "skipped")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def skipped(self) -> list[Skip]:
        rows = self.conn.execute("SELECT source, reason FROM skipped ORDER BY source")
        return [Skip(r["source"], r["reason"]) for r in rows]

    def articles(self) -> Iterator[Article]:
        rows = self.conn.execute(
            f"SELECT {', '.join(_q(c) for c in ARTICLE_COLUMNS)} FROM articles ORDER BY id"
        )
        for row in rows:
            data = dict(row)
            data["removed"] = json.loads(data["removed"])
            yield Article(**data)

    def records(self, name: str) -> Iterator[dict[str, Any]]:
        """Stream one contract list as dicts, in id order (deterministic export)."""
        if name == "entities":
            yield from self._entities()
            return
        if name == "stories":
            yield from self._stories()
            return
        columns = CONTRACT[name][1]
        sql = f"SELECT {', '.join(_q(c) for c in columns)} FROM {name} ORDER BY id"
        for row in self.conn.execute(sql):
            record = dict(row)
            for column in JSON_COLUMNS.intersection(record):
                record[column] = json.loads(record[column])
            if "direct" in record:
                record["direct"] = bool(record["direct"])
            yield record

    def _entities(self) -> Iterator[dict[str, Any]]:
        # One ordered pass over mentions joined to entities: memory stays flat.
        rows = self.conn.execute(
            """
            SELECT e.id, e.name, e.type, e.aliases,
                   m.article_id, m.start, m."end", m.text
            FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
            ORDER BY e.id, m.article_id, m.start
            """
        )
        current: dict[str, Any] | None = None
        for row in rows:
            if current is None or current["id"] != row["id"]:
                if current is not None:
                    yield current
                current = {
                    "id": row["id"],
                    "name": row["name"],
                    "type": row["type"],
                    "aliases": json.loads(row["aliases"]),
                    "mentions": [],
                }
            if row["article_id"] is not None:
                current["mentions"].append(
                    {
                        "article_id": row["article_id"],
                        "start": row["start"],
                        "end": row["end"],
                        "text": row["text"],
                    }
                )
        if current is not None:
            yield current

    def _stories(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute('SELECT id, label, start, "end" FROM stories ORDER BY id'):
            ids = [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM articles WHERE story = ? ORDER BY published, id", (row["id"],)
                )
            ]
            yield {
                "id": row["id"],
                "label": row["label"],
                "article_ids": ids,
                "start": row["start"],
                "end": row["end"],
            }
