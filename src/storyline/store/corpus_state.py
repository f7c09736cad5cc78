"""What the corpus stage keeps between runs, and the reads and writes it does.

``corpus/`` decides (which articles are copies, which names are one entity,
which articles tell one story); this module is the only place that knows
how its state is laid out in SQLite. ``Store`` inherits these methods, so
the corpus stage reads ``store.minhash_candidates(keys)``.

- near-duplicates: MinHash signatures and their LSH bands, the anchor index
  (postings of numbers and names) and the confirmed pairs;
- stories: per-article postings (term -> tf), norms, days and rare-phrase
  hashes;
- entities: the name key of each mention text, each key's entity, component
  and sketch, the keys each article uses, and the user's alias pins.

Large reads are returned as iterators over the cursor, not lists, where the
corpus stage consumes them row by row: rows that die young keep Python's
garbage collector from promoting them (and paying for full collections).

Methods that write say whether they take their own transaction or run
inside one the caller holds (``with store.transaction():``), so what the
corpus stage writes atomically is decided where the decision is made.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Literal, Protocol

from storyline.schema import CONTRACT, Disagreement, Series
from storyline.store.columns import quoted
from storyline.store.transaction import transaction

# The term of a canonical entity in the story postings: "@" + entity id.
ENTITY_TERM_PREFIX = "@"
# Statements name a speaker, figures a claimant: both are linked to a person entity.
PersonRole = Literal["speaker", "claimant"]
_PERSON_COLUMNS: dict[str, tuple[str, str, str]] = {
    "speaker": ("statements", "speaker", "speaker_entity"),
    "claimant": ("figures", "claimant", "claimant_entity"),
}
# Ids per ``IN (...)`` list when reading article texts in chunks.
_CHUNK = 500
# An LSH band of a MinHash signature: (band number, digest of its rows).
BandKey = tuple[int, int]
# A confirmed near-duplicate pair: (a, b, similarity, kind, reason), a < b.
DuplicatePair = tuple[str, str, float, str, str]


class StoryDoc(Protocol):
    """What the story state stores of one article (``corpus.stories.Doc`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def day(self) -> str | None: ...
    @property
    def terms(self) -> Mapping[str, int]: ...
    @property
    def phrases(self) -> set[int]: ...


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _json(values: Iterable[str] | Iterable[int]) -> str:
    """A list for ``IN (SELECT value FROM json_each(?))``: one parameter, however long
    (filling a temporary table row by row costs a transaction per row here)."""
    return json.dumps(sorted(set(values)))


class CorpusState:
    """The corpus stage's reads and writes; mixed into ``Store``."""

    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction around several of the methods below."""
        return transaction(self.conn)

    # -- articles, as the corpus stage reads them ------------------------------

    def article_ids_by_id(self) -> list[str]:
        """Every article id, in id order: a rebuild's order, which its results depend on
        (the reads' ``article_ids`` lists them by publication date)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def article_text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            sql = f"SELECT id, text FROM articles WHERE id IN ({_marks(chunk)})"
            out.update(self.conn.execute(sql, chunk))
        return out

    def rendering_fields(
        self, ids: Sequence[str]
    ) -> Iterator[tuple[str, str, str | None, str | None, str | None]]:
        """(id, text, language, outlet, published) of the articles among ``ids``."""
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            yield from self.conn.execute(
                "SELECT id, text, language, outlet, published FROM articles "
                f"WHERE id IN ({_marks(chunk)})",
                chunk,
            )

    # -- near-duplicates: MinHash -------------------------------------------------

    def forget_duplicates(self) -> None:
        """Drop every fingerprint and pair (``storyline corpus`` recomputes them)."""
        for table in (
            "corpus_minhash",
            "corpus_minhash_bands",
            "corpus_duplicate_pairs",
            "corpus_anchor_docs",
            "corpus_anchor_postings",
        ):
            self.conn.execute(f"DELETE FROM {table}")

    def unbanded_signatures(self) -> list[tuple[str, bytes]]:
        """Signatures stored before the band index existed: (article id, signature)."""
        return self.conn.execute(
            "SELECT article_id, signature FROM corpus_minhash "
            "WHERE article_id NOT IN (SELECT article_id FROM corpus_minhash_bands) "
            "ORDER BY article_id"
        ).fetchall()

    def minhash_candidates(self, keys: Sequence[BandKey]) -> set[str]:
        """Articles in the band index that share a band with ``keys``."""
        values = ",".join("(?, ?)" for _ in keys)
        rows = self.conn.execute(
            "SELECT DISTINCT article_id FROM corpus_minhash_bands "
            f"WHERE (band, key) IN (VALUES {values})",
            [x for bk in keys for x in bk],
        )
        return {r[0] for r in rows}

    def replace_minhash(
        self,
        articles: Sequence[str],
        signatures: Sequence[tuple[str, bytes]],
        bands: Sequence[tuple[int, int, str]],
    ) -> None:
        """The articles' signatures and bands, replacing earlier ones (inside a transaction)."""
        marks = _marks(articles)
        self.conn.execute(f"DELETE FROM corpus_minhash WHERE article_id IN ({marks})", articles)
        self.conn.execute(
            f"DELETE FROM corpus_minhash_bands WHERE article_id IN ({marks})", articles
        )
        self.conn.executemany("INSERT INTO corpus_minhash VALUES (?, ?)", signatures)
        self.conn.executemany("INSERT OR IGNORE INTO corpus_minhash_bands VALUES (?, ?, ?)", bands)

    # -- near-duplicates: the anchor index -------------------------------------

    def articles_without_anchors(self) -> list[str]:
        """Articles never fingerprinted for translations (a store from before the index)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles "
                "WHERE id NOT IN (SELECT article_id FROM corpus_anchor_docs)"
            )
        ]

    def anchored_articles(self) -> Iterator[str]:
        return (r[0] for r in self.conn.execute("SELECT article_id FROM corpus_anchor_docs"))

    def anchor_postings(self, keys: Sequence[str]) -> Iterator[tuple[str, str]]:
        """(anchor, article id) for every stored posting of ``keys``, in that order; the
        temporary key table is emptied once they are all read."""
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS anchor_keys (key TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM anchor_keys")
        conn.executemany("INSERT INTO anchor_keys VALUES (?)", [(k,) for k in keys])
        yield from conn.execute(
            "SELECT p.key, p.article_id FROM corpus_anchor_postings p "
            "JOIN anchor_keys k ON k.key = p.key ORDER BY p.key, p.article_id"
        )
        conn.execute("DELETE FROM anchor_keys")

    def replace_anchor_index(
        self,
        articles: Sequence[str],
        fingerprinted: Sequence[str],
        postings: Sequence[tuple[str, str]],
    ) -> None:
        """The articles' anchor postings, replacing earlier ones (inside a transaction).
        ``fingerprinted`` are those of ``articles`` still in the store."""
        marks = _marks(articles)
        self.conn.execute(f"DELETE FROM corpus_anchor_docs WHERE article_id IN ({marks})", articles)
        self.conn.execute(
            f"DELETE FROM corpus_anchor_postings WHERE article_id IN ({marks})", articles
        )
        self.conn.executemany(
            "INSERT INTO corpus_anchor_docs VALUES (?)", [(a,) for a in fingerprinted]
        )
        self.conn.executemany("INSERT INTO corpus_anchor_postings VALUES (?, ?)", postings)

    # -- near-duplicates: pairs and what they point to -----------------------------

    def copy_pairs_of(self, ids: Sequence[str]) -> set[tuple[str, str]]:
        """The stored copy-kind pairs that involve one of ``ids``."""
        if not ids:
            return set()
        rows = self.conn.execute("SELECT a, b FROM corpus_duplicate_pairs WHERE kind = 'copy'")
        wanted = set(ids)
        return {(a, b) for a, b in rows if a in wanted or b in wanted}

    def replace_duplicate_pairs(
        self, changed: Sequence[str], anchored: Sequence[str], pairs: Sequence[DuplicatePair]
    ) -> None:
        """Forget every pair of ``changed`` and the translation pairs of ``anchored``, then
        store ``pairs`` (inside a transaction)."""
        marks = _marks(changed)
        self.conn.execute(
            f"DELETE FROM corpus_duplicate_pairs WHERE a IN ({marks}) OR b IN ({marks})",
            [*changed, *changed],
        )
        marks = _marks(anchored)
        self.conn.execute(
            f"DELETE FROM corpus_duplicate_pairs WHERE kind = 'translation' "
            f"AND (a IN ({marks}) OR b IN ({marks}))",
            [*anchored, *anchored],
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO corpus_duplicate_pairs (a, b, similarity, kind, reason) "
            "VALUES (?, ?, ?, ?, ?)",
            pairs,
        )

    def duplicate_pairs(self) -> Iterator[tuple[str, str]]:
        return self.conn.execute("SELECT a, b FROM corpus_duplicate_pairs")

    def dates_and_lengths(self, ids: Sequence[str]) -> list[tuple[str, str | None, int]]:
        """(id, published, length of the text) of the articles among ``ids``."""
        return self.conn.execute(
            f"SELECT id, published, length(text) FROM articles WHERE id IN ({_marks(ids)})", ids
        ).fetchall()

    def duplicate_links(self) -> dict[str, str]:
        """Article id -> the original it is a copy of, for every copy."""
        return {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
            )
        }

    def set_duplicate_of(self, links: Sequence[tuple[str | None, str]]) -> None:
        """(original or None, article id) pairs (inside a transaction)."""
        self.conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", links)

    # -- stories: articles and their places -------------------------------------

    def story_inputs(
        self, ids: Sequence[str]
    ) -> Iterator[tuple[str, str | None, str | None, str, list[str]]]:
        """(id, published, title, text, entity ids of its mentions) of each article
        among ``ids`` that is in the store, in the order of ``ids``."""
        for article_id in ids:
            row = self.conn.execute(
                "SELECT published, title, text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                continue
            entities = [
                r[0]
                for r in self.conn.execute(
                    "SELECT entity_id FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL",
                    (article_id,),
                )
            ]
            published, title, text = row
            yield article_id, published, title, text, entities

    def placed_articles(self, excluding: Sequence[str]) -> list[tuple[str, str | None, str]]:
        """(id, published, story) of the articles with a story and a stored vector,
        ``excluding`` left out, by id."""
        return self.conn.execute(
            "SELECT a.id, a.published, a.story FROM articles a "
            "JOIN corpus_docvec v ON v.article_id = a.id "
            f"WHERE a.story IS NOT NULL AND a.id NOT IN ({_marks(excluding)}) ORDER BY a.id",
            excluding,
        ).fetchall()

    def count_with_story(self, excluding: Sequence[str]) -> int:
        """How many articles, ``excluding`` left out, have a story."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM articles "
                f"WHERE story IS NOT NULL AND id NOT IN ({_marks(excluding)})",
                excluding,
            ).fetchone()[0]
        )

    def story_assignment(self) -> dict[str, str | None]:
        """Every article's story (None for none yet)."""
        return dict(self.conn.execute("SELECT id, story FROM articles").fetchall())

    def members_of_stories(self, stories: Iterable[str]) -> dict[str, str]:
        """Article id -> story, for the articles in ``stories``."""
        rows = self.conn.execute(
            "SELECT id, story FROM articles WHERE story IN (SELECT value FROM json_each(?))",
            (_json(stories),),
        )
        return {a: s for a, s in rows}

    def stories_in_use(self) -> set[str]:
        rows = self.conn.execute("SELECT DISTINCT story FROM articles WHERE story IS NOT NULL")
        return {s for (s,) in rows}

    def story_heads(self) -> list[tuple[str, str | None, str | None, str]]:
        """(id, published, title, first 300 characters of the text) of every article, by id:
        what a story's label and date span are made of."""
        return self.conn.execute(
            "SELECT id, published, title, substr(text, 1, 300) FROM articles ORDER BY id"
        ).fetchall()

    # -- stories: postings, norms and phrases ----------------------------------

    def save_story_state(
        self, docs: Sequence[StoryDoc], norms: Mapping[str, float], reset: bool = False
    ) -> None:
        """Store the articles' postings, norms and phrases, replacing any earlier version,
        in one transaction; ``reset`` empties the state first (a rebuild)."""
        conn = self.conn
        with transaction(conn):
            if reset:
                for table in ("corpus_docvec", "corpus_postings", "corpus_phrases"):
                    conn.execute(f"DELETE FROM {table}")
            for doc in docs:
                conn.execute("DELETE FROM corpus_postings WHERE article_id = ?", (doc.id,))
                conn.executemany(
                    "INSERT INTO corpus_postings (term, article_id, tf) VALUES (?, ?, ?)",
                    [(t, doc.id, c) for t, c in sorted(doc.terms.items())],
                )
                conn.execute(
                    "INSERT OR REPLACE INTO corpus_docvec (article_id, day, norm) VALUES (?, ?, ?)",
                    (doc.id, doc.day, norms.get(doc.id, 0.0)),
                )
                conn.execute("DELETE FROM corpus_phrases WHERE article_id = ?", (doc.id,))
                conn.executemany(
                    "INSERT INTO corpus_phrases (phrase, article_id) VALUES (?, ?)",
                    [(p, doc.id) for p in sorted(doc.phrases)],
                )

    def story_doc_count(self) -> int:
        """How many articles have a stored vector (the N of the stored IDF)."""
        return int(self.conn.execute("SELECT count(*) FROM corpus_docvec").fetchone()[0])

    def with_story_vectors(self, ids: Sequence[str]) -> set[str]:
        """Those of ``ids`` that have a stored vector."""
        rows = self.conn.execute(
            "SELECT article_id FROM corpus_docvec "
            "WHERE article_id IN (SELECT value FROM json_each(?))",
            (_json(ids),),
        )
        return {a for (a,) in rows}

    def postings_of_terms(self, terms: Iterable[str]) -> list[tuple[str, str, int]]:
        """(term, article id, tf) of every stored posting of ``terms``."""
        return self.conn.execute(
            "SELECT term, article_id, tf FROM corpus_postings "
            "WHERE term IN (SELECT value FROM json_each(?))",
            (_json(terms),),
        ).fetchall()

    def story_norms(self, ids: Sequence[str]) -> dict[str, float]:
        """The stored vector norm of each of ``ids``."""
        return dict(
            self.conn.execute(
                f"SELECT article_id, norm FROM corpus_docvec WHERE article_id IN ({_marks(ids)})",
                ids,
            ).fetchall()
        )

    def set_story_norms(self, norms: Mapping[str, float]) -> None:
        """New norms for stored vectors, in one transaction."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE corpus_docvec SET norm = ? WHERE article_id = ?",
                [(norm, a) for a, norm in sorted(norms.items())],
            )

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many stored articles use each of ``terms`` (those no article uses are absent)."""
        return dict(
            self.conn.execute(
                "SELECT term, count(*) FROM corpus_postings "
                "WHERE term IN (SELECT value FROM json_each(?)) GROUP BY term",
                (_json(terms),),
            ).fetchall()
        )

    def stored_story_docs(
        self, ids: Sequence[str]
    ) -> list[tuple[str, str | None, Counter[str], set[int]]]:
        """(id, day, term counts, phrases) as stored, for those of ``ids`` with a vector,
        in the order of ``ids``."""
        wanted = _json(ids)
        docs: dict[str, tuple[str | None, Counter[str], set[int]]] = {
            a: (day, Counter(), set())
            for a, day in self.conn.execute(
                "SELECT article_id, day FROM corpus_docvec "
                "WHERE article_id IN (SELECT value FROM json_each(?))",
                (wanted,),
            )
        }
        for a, term, tf in self.conn.execute(
            "SELECT article_id, term, tf FROM corpus_postings "
            "WHERE article_id IN (SELECT value FROM json_each(?))",
            (wanted,),
        ):
            docs[a][1][term] = tf
        for a, phrase in self.conn.execute(
            "SELECT article_id, phrase FROM corpus_phrases "
            "WHERE article_id IN (SELECT value FROM json_each(?))",
            (wanted,),
        ):
            docs[a][2].add(phrase)
        return [(a, *docs[a]) for a in ids if a in docs]

    def entity_mention_counts(self, ids: Sequence[str]) -> list[tuple[str, str, int]]:
        """(article id, entity id, mentions) of the linked mentions of ``ids``."""
        return self.conn.execute(
            "SELECT article_id, entity_id, count(*) FROM mentions "
            "WHERE article_id IN (SELECT value FROM json_each(?)) AND entity_id IS NOT NULL "
            "GROUP BY article_id, entity_id",
            (_json(ids),),
        ).fetchall()

    def replace_entity_terms(
        self, ids: Sequence[str], postings: Sequence[tuple[str, str, int]]
    ) -> None:
        """Replace the entity terms (``ENTITY_TERM_PREFIX``) in the postings of ``ids`` by
        ``postings`` (term, article id, tf), in one transaction."""
        with transaction(self.conn):
            self.conn.execute(
                f"DELETE FROM corpus_postings WHERE term LIKE '{ENTITY_TERM_PREFIX}%' "
                "AND article_id IN (SELECT value FROM json_each(?))",
                (_json(ids),),
            )
            self.conn.executemany(
                "INSERT INTO corpus_postings (term, article_id, tf) VALUES (?, ?, ?)", postings
            )

    def rare_phrases(self, phrases: Iterable[int], limit: int) -> set[int]:
        """Those of ``phrases`` that at most ``limit`` stored articles use."""
        rows = self.conn.execute(
            "SELECT phrase FROM corpus_phrases WHERE phrase IN (SELECT value FROM json_each(?)) "
            "GROUP BY phrase HAVING count(*) <= ?",
            (_json(phrases), limit),
        )
        return {p for (p,) in rows}

    def shared_rare_phrases(
        self, article_id: str, phrases: Iterable[int], limit: int
    ) -> dict[str, int]:
        """Article id -> how many of ``phrases`` it shares that at most ``limit`` stored
        articles use (one indexed query); ``article_id`` itself left out."""
        rows = self.conn.execute(
            """
            SELECT p.article_id, count(*) FROM corpus_phrases p
            JOIN (SELECT phrase FROM corpus_phrases
                  WHERE phrase IN (SELECT value FROM json_each(?))
                  GROUP BY phrase HAVING count(*) <= ?) rare USING (phrase)
            WHERE p.article_id != ? GROUP BY p.article_id
            """,
            (_json(phrases), limit, article_id),
        )
        return {a: int(c) for a, c in rows}

    # -- entities: alias pins -----------------------------------------------------

    def replace_alias_pins(self, merge: Sequence[list[str]], split: Sequence[list[str]]) -> None:
        """The user's ``merge`` and ``split`` name groups, replacing the stored ones."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM entity_aliases")
            self.conn.executemany(
                "INSERT INTO entity_aliases (kind, names) VALUES (?, ?)",
                [("merge", json.dumps(g, ensure_ascii=False)) for g in merge]
                + [("split", json.dumps(g, ensure_ascii=False)) for g in split],
            )

    def alias_pins(self) -> list[tuple[str, list[str]]]:
        """(``merge`` or ``split``, names) in the order they were given."""
        rows = self.conn.execute("SELECT kind, names FROM entity_aliases ORDER BY rowid")
        return [(kind, json.loads(names)) for kind, names in rows]

    # -- entities: mentions and their name keys -----------------------------------

    def mention_names(self, articles: Sequence[str] | None) -> list[tuple[str, str]]:
        """The distinct (text, type) of the mentions of ``articles`` (None: all)."""
        if articles is None:
            return self.conn.execute("SELECT DISTINCT text, type FROM mentions").fetchall()
        return self.conn.execute(
            f"SELECT DISTINCT text, type FROM mentions WHERE article_id IN ({_marks(articles)})",
            articles,
        ).fetchall()

    def save_name_keys(self, keyed: Sequence[tuple[str, str, str]], reset: bool) -> None:
        """(text, type, key) of mention texts, in one transaction; ``reset`` forgets the
        keys stored before (a full pass)."""
        with transaction(self.conn):
            if reset:
                self.conn.execute("DELETE FROM corpus_entity_names")
            self.conn.executemany(
                "INSERT OR REPLACE INTO corpus_entity_names (text, type, key) VALUES (?, ?, ?)",
                keyed,
            )

    def keyed_mentions(self, keys: Iterable[str] | None) -> list[tuple[str, int, str, str]]:
        """(article, start, text, type) of every mention, or of those whose name key is in
        ``keys``, by article and position."""
        if keys is None:
            return self.conn.execute(
                "SELECT article_id, start, text, type FROM mentions ORDER BY article_id, start"
            ).fetchall()
        return self.conn.execute(
            """
            SELECT m.article_id, m.start, m.text, m.type FROM corpus_entity_names n
            JOIN mentions m ON m.text = n.text AND m.type = n.type
            WHERE n.key IN (SELECT value FROM json_each(?))
            ORDER BY m.article_id, m.start
            """,
            (_json(keys),),
        ).fetchall()

    def mention_entities(self, keys: Iterable[str] | None) -> dict[tuple[str, int], str | None]:
        """(article, start) -> entity id of every mention, or of those whose name key is in
        ``keys``."""
        if keys is None:
            rows = self.conn.execute("SELECT article_id, start, entity_id FROM mentions")
        else:
            rows = self.conn.execute(
                "SELECT m.article_id, m.start, m.entity_id FROM corpus_entity_names n "
                "JOIN mentions m ON m.text = n.text AND m.type = n.type "
                "WHERE n.key IN (SELECT value FROM json_each(?))",
                (_json(keys),),
            )
        return {(a, s): e for a, s, e in rows}

    def mention_keys(self, articles: Iterable[str] | None) -> Iterator[tuple[str, str, str | None]]:
        """(article, name key, entity id) of the mentions of ``articles`` (None: all)."""
        sql = (
            "SELECT m.article_id, n.key, m.entity_id FROM mentions m "
            "JOIN corpus_entity_names n ON n.text = m.text AND n.type = m.type"
        )
        if articles is None:
            return self.conn.execute(sql)
        chosen = sorted(set(articles))
        sql += f" WHERE m.article_id IN ({_marks(chosen)})"
        return self.conn.execute(sql, chosen)

    # -- entities: the resolution and its state -----------------------------------

    def entity_forms(self) -> Iterator[tuple[str, str, str, str]]:
        """(name key, entity, component, sketch) of every resolved name key."""
        return self.conn.execute("SELECT key, entity, component, sketch FROM corpus_entity_forms")

    def forms_of_articles(self, articles: Sequence[str]) -> set[str]:
        """The name keys the stored state says ``articles`` use."""
        rows = self.conn.execute(
            f"SELECT key FROM corpus_article_forms WHERE article_id IN ({_marks(articles)})",
            articles,
        )
        return {k for (k,) in rows}

    def forget_entities(self) -> None:
        """Every entity, its evidence and the resolution state (inside a transaction)."""
        for table in ("entities", "entity_evidence", "corpus_entity_forms", "corpus_article_forms"):
            self.conn.execute(f"DELETE FROM {table}")

    def delete_entities(self, ids: Sequence[str]) -> None:
        """These entities and their evidence (inside a transaction)."""
        for table, column in (("entities", "id"), ("entity_evidence", "entity_id")):
            self.conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(e,) for e in ids])

    def delete_entity_forms(self, keys: Sequence[str]) -> None:
        """The resolution state of these name keys (inside a transaction)."""
        self.conn.executemany("DELETE FROM corpus_entity_forms WHERE key = ?", [(k,) for k in keys])

    def insert_entities(self, entities: Sequence[tuple[str, str, str, list[str]]]) -> None:
        """(id, name, type, aliases) rows (inside a transaction)."""
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)",
            [(e, n, t, json.dumps(a, ensure_ascii=False)) for e, n, t, a in entities],
        )

    def insert_evidence(self, evidence: Sequence[tuple[str, str, str]]) -> None:
        """(entity id, kind, detail) rows (inside a transaction)."""
        self.conn.executemany(
            "INSERT INTO entity_evidence (entity_id, kind, detail) VALUES (?, ?, ?)", evidence
        )

    def relink_mentions(self, moved: Sequence[tuple[str, str, int]]) -> None:
        """(entity id, article, start) of mentions that point elsewhere now (inside a
        transaction)."""
        self.conn.executemany(
            "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND start = ?", moved
        )

    def insert_entity_forms(self, forms: Sequence[tuple[str, str, str, str]]) -> None:
        """(name key, entity, component, sketch) rows (inside a transaction)."""
        self.conn.executemany(
            "INSERT INTO corpus_entity_forms (key, entity, component, sketch) VALUES (?, ?, ?, ?)",
            forms,
        )

    def delete_article_forms(self, articles: Sequence[str]) -> None:
        """Which name keys ``articles`` used (inside a transaction)."""
        self.conn.execute(
            f"DELETE FROM corpus_article_forms WHERE article_id IN ({_marks(articles)})", articles
        )

    def record_article_forms(self, articles: Sequence[str] | None) -> None:
        """Which name keys each of ``articles`` (None: every article) uses, from the
        stored name keys (inside a transaction)."""
        where, params = "", list(articles or ())
        if articles is not None:
            where = f" AND m.article_id IN ({_marks(params)})"
        self.conn.execute(
            "INSERT OR IGNORE INTO corpus_article_forms (article_id, key) "
            "SELECT DISTINCT m.article_id, n.key FROM mentions m "
            "JOIN corpus_entity_names n ON n.text = m.text AND n.type = m.type "
            "WHERE n.key != ''" + where,
            params,
        )

    # -- entities: who said it ------------------------------------------------------

    def person_references(self, role: PersonRole) -> list[tuple[str, str, str, str | None]]:
        """(record id, article, name, entity id) of every statement's speaker
        (``speaker``) or figure's claimant (``claimant``)."""
        table, name, entity = _PERSON_COLUMNS[role]
        return self.conn.execute(
            f"SELECT id, article_id, {name}, {entity} FROM {table} WHERE {name} IS NOT NULL"
        ).fetchall()

    def link_person_references(
        self, role: PersonRole, links: Sequence[tuple[str | None, str]]
    ) -> None:
        """(entity id or None, record id) for speakers or claimants (inside a transaction)."""
        table, _, entity = _PERSON_COLUMNS[role]
        self.conn.executemany(f"UPDATE {table} SET {entity} = ? WHERE id = ?", links)

    # -- series and disagreements ----------------------------------------------------

    def series_inputs(self) -> list[tuple[object, ...]]:
        """Per figure that may count something (a value, and a measure, a unit or a counted
        thing: "three children in the Zhytomyr region" joins the series of its count): the
        fields of ``SERIES_INPUT`` and its article's published date and time, outlet, URL, the
        article it is a near-duplicate of and its story, the ``AROUND_CHARS`` of text
        before the figure (what the sentence says of it: "has risen to", "including") and
        after it ("..., according to the governor"), and the outlet the claims stage found
        it relays (its sentence's "told Reuters", its article's wire credit), by figure id."""
        columns = ", ".join(f'f."{c}"' for c in SERIES_INPUT)
        return self.conn.execute(
            f"SELECT {columns}, a.published, a.published_at, a.outlet, a.url, a.duplicate_of, "
            "a.story, "
            "substr(a.text, max(f.start - ?, 0) + 1, f.start - max(f.start - ?, 0)), "
            'substr(a.text, f."end" + 1, ?), i.relay '
            "FROM figures f "
            "JOIN articles a ON a.id = f.article_id "
            "LEFT JOIN corpus_claim_items i ON i.item_id = f.id "
            "WHERE (f.low IS NOT NULL OR f.high IS NOT NULL) "
            "AND (f.measure IS NOT NULL OR f.unit IS NOT NULL OR f.subject IS NOT NULL) "
            "ORDER BY f.id",
            (AROUND_CHARS, AROUND_CHARS, AROUND_CHARS),
        ).fetchall()

    def replace_series(
        self,
        series: Sequence[Series],
        disagreements: Sequence[Disagreement],
        members: Mapping[str, str],
    ) -> None:
        """Write the series, the disagreements and each figure's ``series_id`` (figure id
        -> series id; figures not in ``members`` have none), in one transaction. Only the
        figures whose series changed are written."""
        conn = self.conn
        with transaction(conn):
            old = dict(
                conn.execute("SELECT id, series_id FROM figures WHERE series_id IS NOT NULL")
            )
            changed = [(members.get(f), f) for f in old if f not in members]
            changed += [(s, f) for f, s in members.items() if old.get(f) != s]
            conn.executemany("UPDATE figures SET series_id = ? WHERE id = ?", changed)
            for table, records in (("series", series), ("disagreements", disagreements)):
                columns = CONTRACT[table][1]
                conn.execute(f"DELETE FROM {table}")
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(quoted(c) for c in columns)}) "
                    f"VALUES ({_marks(columns)})",
                    [[_cell(getattr(r, c)) for c in columns] for r in records],
                )


# How much of the text on each side of a figure the series grouping reads: the words that
# lead to the number in its sentence ("the death toll ... has increased to 36"), and the
# words around it two copies of one wire sentence share.
AROUND_CHARS = 120

# What the series grouping reads of each figure (``corpus.series.Claim``'s fields).
SERIES_INPUT = (
    "id", "article_id", "text", "low", "high", "qualifier", "unit", "per", "measure",
    "subject", "claimant", "claimant_entity", "as_of", "place", "scope", "period", "event",
    "claimant_status",
)  # fmt: skip


def _cell(value: object) -> object:
    """A record's value as stored: lists as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
