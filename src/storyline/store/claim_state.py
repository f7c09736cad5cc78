"""What the claims stage keeps between runs, and the reads and writes it does.

``corpus.claims`` decides which statements and figures are one claim; this
module is the only place that knows how that is laid out in SQLite:

- the index: each item's keys (word shingles of a statement, the value of a
  figure) in ``corpus_claim_keys``, and per item what a match or the lineage
  needs beyond its record (a figure's sentence, the outlet its sentence says
  it relays) in ``corpus_claim_items``; ``corpus_claim_docs`` lists the
  articles indexed;
- the confirmed links between items (``corpus_claim_links``), with why;
- the result: the ``claims`` table and ``claim_id`` on statements and figures.

``Store`` inherits these methods, like ``CorpusState``'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from storyline.schema import CONTRACT, Claim
from storyline.store.columns import quoted

# Ids per ``IN (...)`` list when reading in chunks.
_CHUNK = 500
# (item id, key) of the index, (item id, article id, sentence, relay, evidence)
# of the items, (a, b, article of a, article of b, reason) of the links.
# A row as the claims stage reads it (by column name).
Record = sqlite3.Row
ClaimKey = tuple[int, str, str]
ClaimItem = tuple[str, str, str | None, str | None, str | None]
ClaimLink = tuple[str, str, str, str, str]
_CLAIM_COLUMNS = CONTRACT["claims"][1]
# The figure fields ``corpus.claims`` compares (its ``Number``), read by both figure queries.
_NUMBER_COLUMNS = (
    "f.id, f.article_id, f.text, f.low, f.high, f.unit, f.per, f.measure, f.claimant, "
    "f.subject, f.place, a.published AS day, a.url, a.outlet"
)
_JSON_FIELDS = {"article_ids", "outlets", "variants", "appearances"}


def _json(values: Iterable[str] | Iterable[int]) -> str:
    return json.dumps(sorted(set(values)))


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def claim_row(claim: Claim) -> tuple[Any, ...]:
    """A claim as the ``claims`` table stores it (lists as JSON text)."""
    return tuple(
        json.dumps(getattr(claim, c), ensure_ascii=False)
        if c in _JSON_FIELDS
        else getattr(claim, c)
        for c in _CLAIM_COLUMNS
    )


class ClaimState:
    """The claims stage's reads and writes; mixed into ``Store``."""

    conn: sqlite3.Connection

    # -- what is indexed -------------------------------------------------------------

    def articles_without_claim_index(self) -> list[str]:
        """Articles never indexed for claims (all of a store from before claims), by id."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles "
                "WHERE id NOT IN (SELECT article_id FROM corpus_claim_docs) ORDER BY id"
            )
        ]

    def forget_claims(self) -> None:
        """Every claim, claim id and bit of claim state (inside a transaction)."""
        for table in (
            "claims",
            "corpus_claim_docs",
            "corpus_claim_keys",
            "corpus_claim_items",
            "corpus_claim_links",
        ):
            self.conn.execute(f"DELETE FROM {table}")
        for table in ("statements", "figures"):
            self.conn.execute(f"UPDATE {table} SET claim_id = NULL WHERE claim_id IS NOT NULL")

    # -- reading what to index ---------------------------------------------------------

    def claim_articles(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """(id, text, url) of the articles among ``ids``, by id."""
        out: list[sqlite3.Row] = []
        for chunk in _chunks(ids):
            out += self.conn.execute(
                f"SELECT id, text, url FROM articles WHERE id IN ({_marks(chunk)}) ORDER BY id",
                chunk,
            ).fetchall()
        return out

    def claim_statements(self, articles: Sequence[str]) -> list[sqlite3.Row]:
        """The statements of ``articles`` as the claims stage reads them, by article and place."""
        out: list[sqlite3.Row] = []
        for chunk in _chunks(articles):
            out += self.conn.execute(
                "SELECT s.id, s.article_id, s.text, s.direct, s.speaker, s.medium, s.start, "
                's."end", s.cue_start, s.cue_end, a.published AS day, a.url, a.outlet '
                "FROM statements s JOIN articles a ON a.id = s.article_id "
                f"WHERE s.article_id IN ({_marks(chunk)}) ORDER BY s.article_id, s.start, s.id",
                chunk,
            ).fetchall()
        return out

    def claim_figures(self, articles: Sequence[str]) -> list[sqlite3.Row]:
        """The figures of ``articles`` with their article's date, by article and place."""
        out: list[sqlite3.Row] = []
        for chunk in _chunks(articles):
            out += self.conn.execute(
                f'SELECT {_NUMBER_COLUMNS}, f.statement_id, f.start, f."end" '
                "FROM figures f JOIN articles a ON a.id = f.article_id "
                f"WHERE f.article_id IN ({_marks(chunk)}) ORDER BY f.article_id, f.start, f.id",
                chunk,
            ).fetchall()
        return out

    def claim_candidates(
        self, keys: Iterable[int], excluding: Sequence[str]
    ) -> list[tuple[int, str]]:
        """(key, item id) of every indexed item with one of ``keys``, items of the
        ``excluding`` articles left out."""
        return self.conn.execute(
            "SELECT key, item_id FROM corpus_claim_keys "
            "WHERE key IN (SELECT value FROM json_each(?)) "
            "AND article_id NOT IN (SELECT value FROM json_each(?))",
            (_json(keys), _json(excluding)),
        ).fetchall()

    def statements_by_id(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """Statements by id with their article's date, URL and outlet, and the sentence
        around them the index stored (``around``)."""
        return self.conn.execute(
            "SELECT s.id, s.article_id, s.text, s.direct, s.speaker, a.published AS day, "
            "a.url, a.outlet, i.sentence AS around "
            "FROM statements s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN corpus_claim_items i ON i.item_id = s.id "
            "WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id",
            (_json(ids),),
        ).fetchall()

    def indexed_figures(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """Figures by id with their article's date and their stored sentence."""
        return self.conn.execute(
            f"SELECT {_NUMBER_COLUMNS}, i.sentence FROM figures f "
            "JOIN articles a ON a.id = f.article_id "
            "LEFT JOIN corpus_claim_items i ON i.item_id = f.id "
            "WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY f.id",
            (_json(ids),),
        ).fetchall()

    # -- writing the index and the links -------------------------------------------------

    def replace_claim_index(
        self,
        articles: Sequence[str],
        keys: Sequence[ClaimKey],
        items: Sequence[ClaimItem],
        links: Sequence[ClaimLink],
    ) -> None:
        """The index and links of ``articles``, replacing earlier ones (inside a
        transaction): a link is dropped when either of its articles is re-indexed."""
        ids = _json(articles)
        for table in ("corpus_claim_docs", "corpus_claim_keys", "corpus_claim_items"):
            self.conn.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT value FROM json_each(?))", (ids,)
            )
        self.conn.execute(
            "DELETE FROM corpus_claim_links WHERE article_a IN (SELECT value FROM json_each(?)) "
            "OR article_b IN (SELECT value FROM json_each(?))",
            (ids, ids),
        )
        self.conn.executemany(
            "INSERT INTO corpus_claim_docs VALUES (?)", [(a,) for a in sorted(set(articles))]
        )
        self.conn.executemany("INSERT OR IGNORE INTO corpus_claim_keys VALUES (?, ?, ?)", keys)
        self.conn.executemany("INSERT INTO corpus_claim_items VALUES (?, ?, ?, ?, ?)", items)
        self.conn.executemany(
            "INSERT OR REPLACE INTO corpus_claim_links VALUES (?, ?, ?, ?, ?)", links
        )

    def claim_links(self, among: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """Every confirmed link (a, b), or those from the items ``among``."""
        if among is None:
            return self.conn.execute("SELECT a, b FROM corpus_claim_links ORDER BY a, b").fetchall()
        return self.conn.execute(
            "SELECT a, b FROM corpus_claim_links WHERE a IN (SELECT value FROM json_each(?)) "
            "ORDER BY a, b",
            (_json(among),),
        ).fetchall()

    def linked_to(self, items: Iterable[str]) -> set[str]:
        """The items linked to any of ``items``."""
        ids = _json(items)
        rows = self.conn.execute(
            "SELECT b FROM corpus_claim_links WHERE a IN (SELECT value FROM json_each(?)) "
            "UNION SELECT a FROM corpus_claim_links WHERE b IN (SELECT value FROM json_each(?))",
            (ids, ids),
        )
        return {r[0] for r in rows}

    def claims_with_articles(self, articles: Sequence[str]) -> list[str]:
        """The stored claims that any of ``articles`` carries (by their ``article_ids``:
        the claim ids of a re-saved article's old statements are gone with them)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT c.id FROM claims c, json_each(c.article_ids) j "
                "WHERE j.value IN (SELECT value FROM json_each(?)) ORDER BY c.id",
                (_json(articles),),
            )
        ]

    def items_of_claims(self, claims: Sequence[str]) -> set[str]:
        """The statements and figures that point at any of ``claims``."""
        ids = _json(claims)
        rows = self.conn.execute(
            "SELECT id FROM statements WHERE claim_id IN (SELECT value FROM json_each(?)) "
            "UNION SELECT id FROM figures WHERE claim_id IN (SELECT value FROM json_each(?))",
            (ids, ids),
        )
        return {r[0] for r in rows}

    # -- reading what lineage needs --------------------------------------------------------

    def statement_appearances(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """Linked statements with their article's date, moment, outlet, URL and original,
        and what their sentence relays."""
        return self.conn.execute(
            "SELECT s.id, s.article_id, s.start, s.end, s.text, s.speaker, s.direct, "
            "a.published, a.published_at, a.outlet, a.url, a.duplicate_of, "
            "i.relay, i.evidence FROM statements s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN corpus_claim_items i ON i.item_id = s.id "
            "WHERE s.id IN (SELECT value FROM json_each(?))",
            (_json(ids),),
        ).fetchall()

    def figure_appearances(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """Linked figures, as ``statement_appearances``."""
        return self.conn.execute(
            "SELECT f.id, f.article_id, f.start, f.text, f.qualifier, f.claimant, f.subject, "
            "a.published, a.published_at, a.outlet, a.url, a.duplicate_of, "
            "i.relay, i.evidence FROM figures f JOIN articles a ON a.id = f.article_id "
            "LEFT JOIN corpus_claim_items i ON i.item_id = f.id "
            "WHERE f.id IN (SELECT value FROM json_each(?))",
            (_json(ids),),
        ).fetchall()

    # -- the result -----------------------------------------------------------------------

    def stored_claim_rows(self, ids: Sequence[str] | None = None) -> dict[str, tuple[Any, ...]]:
        """Stored claims (all, or these ids) as ``claim_row`` gives them, by id."""
        columns = ", ".join(quoted(c) for c in _CLAIM_COLUMNS)
        if ids is None:
            rows = self.conn.execute(f"SELECT {columns} FROM claims")
        else:
            rows = self.conn.execute(
                f"SELECT {columns} FROM claims WHERE id IN (SELECT value FROM json_each(?))",
                (_json(ids),),
            )
        return {r[0]: tuple(r) for r in rows}

    def claim_assignment(self, items: Sequence[str] | None = None) -> dict[str, str]:
        """Item id -> claim id, for every statement and figure in a claim (or those of
        ``items``)."""
        out: dict[str, str] = {}
        where = "" if items is None else " AND id IN (SELECT value FROM json_each(?))"
        params = () if items is None else (_json(items),)
        for table in ("statements", "figures"):
            out.update(
                self.conn.execute(
                    f"SELECT id, claim_id FROM {table} WHERE claim_id IS NOT NULL{where}", params
                ).fetchall()
            )
        return out

    def write_claims(
        self,
        gone: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
        assign: Sequence[tuple[str | None, str]],
    ) -> None:
        """Drop the ``gone`` claims, write ``rows`` (``claim_row``), set (claim id or None,
        item id) on statements and figures (inside a transaction)."""
        self.conn.executemany("DELETE FROM claims WHERE id = ?", [(c,) for c in gone])
        marks = _marks(_CLAIM_COLUMNS)
        columns = ", ".join(quoted(c) for c in _CLAIM_COLUMNS)
        self.conn.executemany(f"INSERT OR REPLACE INTO claims ({columns}) VALUES ({marks})", rows)
        for table in ("statements", "figures"):
            self.conn.executemany(f"UPDATE {table} SET claim_id = ? WHERE id = ?", assign)
