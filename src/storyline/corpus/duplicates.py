"""Near-duplicates: syndicated copies and scraper reposts of one text.

MinHash (datasketch) over word 5-gram shingles finds candidates through LSH;
a precise check on the actual shingle sets then confirms them: Jaccard
similarity, or containment for a repost wrapped in extra junk. Signatures
and confirmed pairs are kept in the store, so a new article is hashed and
queried alone. Copies are clustered, never deleted: ``duplicate_of`` points
to the earliest copy (the fullest when dates tie or are unknown).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.corpus.names import fold

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.5
# The precise check: Jaccard of shingle sets, or containment of the shorter
# text in the longer one (a repost that adds a banner and a comment form).
MIN_JACCARD = 0.8
MIN_CONTAINMENT = 0.9
# Texts shorter than this many shingles are too short to call copies.
MIN_SHINGLES = 20
_SEED = 1
# Stored signatures must be read back with the scheme that made them.
_SCHEME = "affine32"


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", fold(text))
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def signature(grams: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return m


def _from_blob(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=values, scheme=_SCHEME)


def precise(a: set[str], b: set[str]) -> float:
    """Jaccard, or containment of the smaller set when that is high (reposts)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    containment = inter / min(len(a), len(b))
    return max(jaccard, containment if containment >= MIN_CONTAINMENT else 0.0)


def update_duplicates(conn: sqlite3.Connection, changed: Sequence[str]) -> None:
    """Hash the changed articles, confirm their near-duplicates, re-point ``duplicate_of``."""
    changed = sorted(set(changed))
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    changed_set = set(changed)
    for article_id, blob in conn.execute("SELECT article_id, signature FROM corpus_minhash"):
        if article_id not in changed_set:
            lsh.insert(article_id, _from_blob(blob))
    texts = {
        r[0]: r[1]
        for r in conn.execute(
            f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(changed))})", changed
        )
    }
    new_sigs: list[tuple[str, bytes]] = []
    pairs: list[tuple[str, str, float]] = []
    for article_id in changed:
        if article_id not in texts:
            continue
        grams = shingles(texts[article_id])
        sig = signature(grams)
        new_sigs.append((article_id, sig.hashvalues.astype(np.uint64).tobytes()))
        if len(grams) >= MIN_SHINGLES:
            for other in sorted(lsh.query(sig)):
                row = conn.execute("SELECT text FROM articles WHERE id = ?", (other,)).fetchone()
                if row is None:
                    continue
                score = precise(grams, shingles(row[0]))
                if score >= MIN_JACCARD:
                    a, b = sorted((article_id, other))
                    pairs.append((a, b, round(score, 4)))
        lsh.insert(article_id, sig)
    conn.execute("BEGIN IMMEDIATE")
    try:
        marks = ",".join("?" * len(changed))
        conn.execute(f"DELETE FROM corpus_minhash WHERE article_id IN ({marks})", changed)
        conn.execute(
            f"DELETE FROM corpus_duplicate_pairs WHERE a IN ({marks}) OR b IN ({marks})",
            changed + changed,
        )
        conn.executemany("INSERT INTO corpus_minhash VALUES (?, ?)", new_sigs)
        conn.executemany("INSERT OR REPLACE INTO corpus_duplicate_pairs VALUES (?, ?, ?)", pairs)
        _repoint(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _repoint(conn: sqlite3.Connection) -> None:
    """Cluster confirmed pairs and point every copy at its cluster's original."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in conn.execute("SELECT a, b FROM corpus_duplicate_pairs"):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[str]] = {}
    for x in list(parent):
        clusters.setdefault(find(x), []).append(x)
    target: dict[str, str | None] = {}
    for members in clusters.values():
        marks = ",".join("?" * len(members))
        rows = conn.execute(
            f"SELECT id, published, length(text) FROM articles WHERE id IN ({marks})", members
        ).fetchall()
        # Earliest first (unknown dates last), then the fullest, then by id.
        rows.sort(key=lambda r: (r[1] is None, r[1] or "", -r[2], r[0]))
        original = rows[0][0]
        for r in rows:
            target[r[0]] = None if r[0] == original else original
    current = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
        )
    }
    updates = [(t, a) for a, t in target.items() if current.get(a) != t]
    updates += [(None, a) for a in current if a not in target]
    conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", updates)
