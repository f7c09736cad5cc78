"""The store's outlet profiles: furniture learned per outlet family, and what it reads.

Rows go in and out as plain dicts keyed like ``clean.profiles.Pattern``'s
fields; the run layer turns them into patterns (the store knows no cleaning).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from storyline.schema import Article
from storyline.store.columns import ARTICLE_COLUMNS, column_list, decode
from storyline.store.transaction import transaction

PATTERN_COLUMNS = ("family", "key", "text", "position", "why", "articles", "relatedness")


class OutletState:
    conn: sqlite3.Connection

    def outlet_patterns(self, family: str | None = None) -> list[dict[str, Any]]:
        """Learned patterns, of one family or all, in the order they were learned."""
        sql = f"SELECT {column_list(PATTERN_COLUMNS)} FROM outlet_patterns"
        params: tuple[str, ...] = ()
        if family is not None:
            sql += " WHERE family = ?"
            params = (family,)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY rowid", params)]

    def add_outlet_patterns(self, patterns: Iterable[dict[str, Any]]) -> int:
        """Store new patterns (a pattern already known is kept as it was); how many were new."""
        rows = [[p[c] for c in PATTERN_COLUMNS] for p in patterns]
        marks = ", ".join("?" for _ in PATTERN_COLUMNS)
        with transaction(self.conn):
            before = self.conn.total_changes
            self.conn.executemany(
                f"INSERT OR IGNORE INTO outlet_patterns ({column_list(PATTERN_COLUMNS)}) "
                f"VALUES ({marks})",
                rows,
            )
            return self.conn.total_changes - before

    def family_texts(self, family: str, limit: int | None = None) -> list[tuple[str, str]]:
        """``(id, text)`` of the family's stored articles, the ``limit`` most recently
        saved, in the order they were saved."""
        sql = "SELECT id, text FROM articles WHERE family = ? ORDER BY rowid DESC LIMIT ?"
        rows = self.conn.execute(sql, (family, -1 if limit is None else limit))
        return [(r[0], r[1]) for r in rows][::-1]

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """Stored articles, in the order of ``ids`` (unknown ids left out)."""
        found: dict[str, Article] = {}
        sql = f"SELECT {column_list(ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
        for article_id in ids:
            row = self.conn.execute(sql, (article_id,)).fetchone()
            if row is not None:
                found[article_id] = Article(**decode(row))
        return [found[i] for i in ids if i in found]

    def outlet_profiles(self) -> list[dict[str, Any]]:
        """Per family: how many patterns of each kind, the articles stored, an example."""
        rows = self.conn.execute(
            """
            SELECT p.family, count(*) AS patterns,
                   group_concat(DISTINCT p.why) AS kinds,
                   (SELECT text FROM outlet_patterns q WHERE q.family = p.family
                    ORDER BY q.articles DESC, q.rowid LIMIT 1) AS example,
                   (SELECT count(*) FROM articles a WHERE a.family = p.family) AS stored
            FROM outlet_patterns p GROUP BY p.family ORDER BY p.family
            """
        )
        return [dict(r) for r in rows]

    def language_counts(self) -> dict[str | None, int]:
        rows = self.conn.execute(
            "SELECT language, count(*) FROM articles GROUP BY language ORDER BY language"
        )
        return {r[0]: r[1] for r in rows}
