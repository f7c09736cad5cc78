"""Every read the export, the report and the web app share, as methods of the store.

``Reads`` is mixed into :class:`~storyline.store.db.Store`; it only needs
``self.conn``. Rows come back as plain dicts decoded once (``columns.decode``):
JSON lists parsed, flags as booleans. Lists are in a fixed order, so the same
store always gives the same export, briefing and pages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from storyline.errors import SearchSyntaxError
from storyline.schema import CONTRACT, Article, Skip
from storyline.store.columns import ARTICLE_COLUMNS, RECORD_TABLES, column_list, decode

Row = dict[str, Any]

# The record lists whose rows carry an article_id (what "of these articles" means).
ARTICLE_RECORDS = frozenset(RECORD_TABLES)
# The tables ``storyline stats`` and the API count, in the order stats prints them.
COUNTED = (
    "articles",
    "mentions",
    "entities",
    *RECORD_TABLES,
    "stories",
    "series",
    "disagreements",
    "claims",
    "skipped",
)
# The entities the home page lists: people first, then by how often they are named.
TOP_ENTITIES = (
    "SELECT e.id, e.name, e.type, count(m.article_id) AS n, "
    "count(DISTINCT m.article_id) AS articles FROM entities e "
    "JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
    "ORDER BY (e.type = 'person') DESC, n DESC, e.name LIMIT ?"
)


def _marks(values: list[str]) -> str:
    return ",".join("?" for _ in values)


def _article_records(table: str) -> str:
    """``table`` when it is a list of records in articles (a table name is never a parameter,
    so it is checked)."""
    if table not in ARTICLE_RECORDS:
        raise ValueError(f"{table!r} is not one of {sorted(ARTICLE_RECORDS)}")
    return table


class Reads:
    """The store's read methods; the class that mixes them in sets ``self.conn``."""

    conn: sqlite3.Connection

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
        return [decode(r) for r in self.conn.execute(sql, params)]

    @contextmanager
    def snapshot(self) -> Iterator[Self]:
        """One read transaction: every query inside sees the same committed state, even
        while an ingest commits articles (WAL readers never wait for the writer)."""
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            # Ends the read so the next one sees newer commits (and the WAL can checkpoint).
            self.conn.execute("ROLLBACK")

    # -- the contract's lists (export and API) ------------------------------

    def count(self, table: str) -> int:
        """Rows in one of ``COUNTED`` (a table name is never a parameter, so it is checked)."""
        if table not in COUNTED:
            raise ValueError(f"{table!r} is not one of {COUNTED}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in COUNTED}

    def skipped(self) -> list[Skip]:
        rows = self.conn.execute("SELECT source, reason FROM skipped ORDER BY source")
        return [Skip(r["source"], r["reason"]) for r in rows]

    def articles(self) -> Iterator[Article]:
        sql = f"SELECT {column_list(ARTICLE_COLUMNS)} FROM articles ORDER BY id"
        for row in self.conn.execute(sql):
            yield Article(**decode(row))

    def records(self, name: str) -> Iterator[Row]:
        """Stream one contract list as dicts, in id order (deterministic export)."""
        return self._records(name)

    def record(self, name: str, record_id: str) -> Row | None:
        """One record of a contract list by its id, as ``records`` gives it."""
        return next(self._records(name, "= ?", (record_id,)), None)

    def record_page(self, name: str, limit: int, offset: int) -> list[Row]:
        """``records(name)[offset:offset + limit]``, without reading the records before."""
        page = f"IN (SELECT id FROM {name} ORDER BY id LIMIT ? OFFSET ?)"
        return list(self._records(name, page, (limit, offset)))

    def _records(self, name: str, ids: str = "", params: tuple[Any, ...] = ()) -> Iterator[Row]:
        """Records of list ``name`` whose id satisfies ``id {ids}`` (all when empty)."""
        if name == "entities":
            yield from self._entities(ids, params)
        elif name == "stories":
            yield from self._stories(ids, params)
        else:
            where = f"WHERE id {ids}" if ids else ""
            columns = column_list(CONTRACT[name][1])
            sql = f"SELECT {columns} FROM {name} {where} ORDER BY id"
            yield from (decode(row) for row in self.conn.execute(sql, params))

    def _entities(self, ids: str, params: tuple[Any, ...]) -> Iterator[Row]:
        # One ordered pass over mentions joined to entities: memory stays flat.
        rows = self.conn.execute(
            f"""
            SELECT e.id, e.name, e.type, e.aliases,
                   m.article_id, m.start, m."end", m.text
            FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
            {f"WHERE e.id {ids}" if ids else ""}
            ORDER BY e.id, m.article_id, m.start
            """,
            params,
        )
        current: Row | None = None
        for row in rows:
            if current is None or current["id"] != row["id"]:
                if current is not None:
                    yield current
                entity = decode(row)
                current = {k: entity[k] for k in ("id", "name", "type", "aliases")}
                current["mentions"] = []
            if row["article_id"] is not None:
                current["mentions"].append(
                    {k: row[k] for k in ("article_id", "start", "end", "text")}
                )
        if current is not None:
            yield current

    def _stories(self, ids: str, params: tuple[Any, ...]) -> Iterator[Row]:
        where = f"WHERE id {ids}" if ids else ""
        sql = f'SELECT id, label, start, "end" FROM stories {where} ORDER BY id'
        for row in self.conn.execute(sql, params).fetchall():
            yield {
                "id": row["id"],
                "label": row["label"],
                "article_ids": self.article_ids(story=row["id"]),
                "start": row["start"],
                "end": row["end"],
            }

    # -- articles as the report and the web show them ---------------------

    def article_rows(self, ids: list[str] | None = None) -> list[Row]:
        """Articles (all, or these ids) as decoded rows, by publication date then id."""
        where = "" if ids is None else f"WHERE id IN ({_marks(ids)})"
        sql = f"SELECT {column_list(ARTICLE_COLUMNS)} FROM articles {where} ORDER BY published, id"
        return self._rows(sql, tuple(ids or ()))

    def article_meta(self) -> list[Row]:
        """Every article without its text (what ranking and copy-collapsing need; ``text``
        is its first 200 characters, enough for a title), by publication date then id."""
        return self._rows(
            "SELECT id, source, title, outlet, published, published_basis, url, author, story, "
            "duplicate_of, substr(text, 1, 200) AS text FROM articles ORDER BY published, id"
        )

    def article_row(self, article_id: str) -> Row | None:
        sql = f"SELECT {column_list(ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
        rows = self._rows(sql, (article_id,))
        return rows[0] if rows else None

    def article_ids(self, story: str | None = None, unassigned: bool = False) -> list[str]:
        """Article ids by publication date then id: all, one story's, or those in no story."""
        params: tuple[str, ...]
        where, params = "", ()
        if story is not None:
            where, params = "WHERE story = ?", (story,)
        elif unassigned:
            where = "WHERE story IS NULL"
        rows = self.conn.execute(f"SELECT id FROM articles {where} ORDER BY published, id", params)
        return [r[0] for r in rows]

    def published_dates(self) -> list[str]:
        """Every dated article's publication date, sorted."""
        rows = self.conn.execute("SELECT published FROM articles WHERE published NOT NULL")
        return sorted(r[0] for r in rows)

    def near_duplicates_of(self, article_id: str) -> list[Row]:
        """The other article of each near-duplicate pair with this one, with kind and reason."""
        return self._rows(
            "SELECT p.kind, p.similarity, p.reason, o.id, o.title, o.source, o.published, "
            "o.outlet, o.url, substr(o.text, 1, 200) AS text "
            "FROM corpus_duplicate_pairs p JOIN articles o "
            "ON o.id = CASE WHEN p.a = ? THEN p.b ELSE p.a END "
            "WHERE ? IN (p.a, p.b) ORDER BY o.published, o.id",
            (article_id, article_id),
        )

    def search(self, match: str, limit: int, offset: int = 0) -> tuple[int, list[Row]]:
        """Articles matching an FTS5 expression, best first: the true total and one page,
        each with a ``snippet`` whose hit marks are \\x02 .. \\x03 (so a view can escape the
        text, then mark the hits). Raises ``SearchSyntaxError`` for a query FTS5 rejects."""
        try:
            total = self.conn.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0]
            rows = self._rows(
                "SELECT a.id, a.title, a.outlet, a.published, a.source, a.url, a.text, "
                "snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.id LIMIT ? OFFSET ?",
                (match, limit, offset),
            )
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(str(exc)) from None
        return int(total), rows

    # -- statements, figures, dates, mentions ---------------------------------

    def records_of(self, table: str, article_ids: list[str]) -> list[Row]:
        """All rows of ``statements``, ``figures`` or ``timexes`` in these articles, by
        article and position."""
        where = f"article_id IN ({_marks(article_ids)})"
        sql = f"SELECT * FROM {_article_records(table)} WHERE {where} ORDER BY article_id, start"
        return self._rows(sql, tuple(article_ids))

    def figures_by_id(self, ids: list[str]) -> list[Row]:
        return self._rows(
            f"SELECT * FROM figures WHERE id IN ({_marks(ids)}) ORDER BY id", tuple(ids)
        )

    def disputed_figures(self) -> list[Row]:
        """Every figure some disagreement groups: ``id``, ``article_id``, ``claimant_entity``."""
        return self._rows(
            "SELECT f.id, f.article_id, f.claimant_entity FROM figures f WHERE f.id IN "
            "(SELECT j.value FROM disagreements d, json_each(d.figure_ids) j) ORDER BY f.id"
        )

    def speakers_per_story(self) -> list[Row]:
        """Per story and named speaker (a canonical entity): statements and articles."""
        return self._rows(
            "SELECT a.story, s.speaker_entity AS entity, count(*) AS n, "
            "count(DISTINCT s.article_id) AS articles FROM statements s "
            "JOIN articles a ON a.id = s.article_id WHERE s.speaker_entity IS NOT NULL "
            "GROUP BY a.story, s.speaker_entity"
        )

    def places_in(self, article_ids: list[str], limit: int) -> list[Row]:
        """The places these articles name most (``name``, in ``articles`` of them)."""
        return self._rows(
            "SELECT e.name, count(DISTINCT m.article_id) AS articles FROM mentions m "
            f"JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({_marks(article_ids)}) "
            "AND e.type = 'place' GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?",
            (*article_ids, limit),
        )

    def statements_by(self, entity_id: str) -> list[Row]:
        """What one entity said, by statement id."""
        sql = "SELECT * FROM statements WHERE speaker_entity = ? ORDER BY id"
        return self._rows(sql, (entity_id,))

    def figures_by(self, entity_id: str) -> list[Row]:
        """The figures one entity claimed, by figure id."""
        sql = "SELECT * FROM figures WHERE claimant_entity = ? ORDER BY id"
        return self._rows(sql, (entity_id,))

    # -- claims -------------------------------------------------------------

    def claims_in(self, article_ids: list[str]) -> list[Row]:
        """The claims with an appearance in these articles (one story's repeated claims),
        first reported first."""
        marks = _marks(article_ids)
        columns = column_list(CONTRACT["claims"][1])
        return self._rows(
            f"SELECT {columns} FROM claims WHERE id IN ("
            f"SELECT claim_id FROM statements WHERE article_id IN ({marks}) "
            f"UNION SELECT claim_id FROM figures WHERE article_id IN ({marks})) "
            "ORDER BY first_published, id",
            (*article_ids, *article_ids),
        )

    def claim_members(self, claim_id: str) -> list[Row]:
        """The statements and figures of one claim (``kind`` says which), by article and
        position."""
        return self._rows(
            "SELECT 'statement' AS kind, id, article_id, start, \"end\", text, "
            "speaker AS who, speaker_entity AS entity, direct, medium FROM statements "
            "WHERE claim_id = ? UNION ALL "
            "SELECT 'figure', id, article_id, start, \"end\", "
            "coalesce(qualifier || ' ', '') || text, claimant, claimant_entity, 0, NULL "
            "FROM figures WHERE claim_id = ? ORDER BY article_id, start",
            (claim_id, claim_id),
        )

    def disagreement_rows(self) -> list[Row]:
        return self._rows("SELECT * FROM disagreements")

    def series_in(self, article_ids: list[str]) -> list[Row]:
        """The series with a claim in these articles, by id."""
        return self._rows(
            "SELECT * FROM series WHERE id IN (SELECT DISTINCT series_id FROM figures "
            f"WHERE series_id IS NOT NULL AND article_id IN ({_marks(article_ids)})) ORDER BY id",
            tuple(article_ids),
        )

    def relations_in(self, series_ids: list[str]) -> list[Row]:
        """The disagreements inside these series, by series then id."""
        return self._rows(
            f"SELECT * FROM disagreements WHERE series_id IN ({_marks(series_ids)}) "
            "ORDER BY series_id, id",
            tuple(series_ids),
        )

    def per_story(self, table: str) -> dict[str, int]:
        """How many rows of ``table`` each story's articles hold ('' for no story)."""
        rows = self.conn.execute(
            f"SELECT coalesce(a.story, ''), count(*) FROM {_article_records(table)} t "
            "JOIN articles a ON a.id = t.article_id GROUP BY 1"
        )
        return dict(rows.fetchall())

    # -- entities -----------------------------------------------------------

    def entity_names(self) -> dict[str | None, str]:
        return dict(self.conn.execute("SELECT id, name FROM entities").fetchall())

    def entity_row(self, entity_id: str) -> Row | None:
        sql = "SELECT id, name, type, aliases FROM entities WHERE id = ?"
        rows = self._rows(sql, (entity_id,))
        return rows[0] if rows else None

    def top_entities(self, limit: int) -> list[Row]:
        """The most named entities, people first, with mention and article counts."""
        return self._rows(TOP_ENTITIES, (limit,))

    def mentions_of(self, article_id: str) -> list[Row]:
        """One article's mentions in text order, with their entity's canonical ``name``."""
        return self._rows(
            'SELECT m.start, m."end", m.text, m.type, m.entity_id, e.name FROM mentions m '
            "LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start",
            (article_id,),
        )

    def mentions_by_article(self, entity_id: str) -> list[Row]:
        """Per article naming the entity: how often (``n``) and in which ``forms``."""
        return self._rows(
            "SELECT article_id, count(*) AS n, group_concat(DISTINCT text) AS forms "
            "FROM mentions WHERE entity_id = ? GROUP BY article_id",
            (entity_id,),
        )
