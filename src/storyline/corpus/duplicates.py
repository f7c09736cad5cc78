"""Near-duplicates: copies (syndication, scraper reposts) and translations of one text.

Copies: MinHash (datasketch) over word 5-gram shingles finds candidates
through LSH (its bands kept as an index in the store); a precise check on
the actual shingle sets then confirms them: Jaccard similarity, or
containment for a repost wrapped in extra junk.
Translations (and other re-renderings of one wire text) share almost no
shingles; ``storyline.corpus.translations`` finds them through what survives
translation, numbers and names in text order, with an inverted index over
those anchors and its own precise check.

Signatures, anchor postings and confirmed pairs (with their kind and the
evidence) are kept in the store, so a new article is fingerprinted and
queried alone. Duplicates are clustered, never deleted: ``duplicate_of``
points to the earliest copy (the fullest when dates tie or are unknown).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.corpus import translations
from storyline.corpus.names import fold
from storyline.corpus.translations import Rendering
from storyline.store.db import transaction

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
# The LSH bands (row ranges of a signature) datasketch picks for the
# threshold; kept as an index in the store (corpus_minhash_bands).
_BANDS: list[tuple[int, int]] = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", fold(text))
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def signature(grams: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return m


def overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """Jaccard similarity and containment of the smaller set in the larger."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def precise(a: set[str], b: set[str]) -> float:
    """Jaccard, or containment of the smaller set when that is high (reposts)."""
    jaccard, containment = overlap(a, b)
    return max(jaccard, containment if containment >= MIN_CONTAINMENT else 0.0)


# A confirmed pair as stored: (a, b, similarity, kind, reason), a < b.
Pair = tuple[str, str, float, str, str]


def reset_duplicates(conn: sqlite3.Connection) -> None:
    """Forget every fingerprint and pair (``storyline corpus`` recomputes them)."""
    for table in (
        "corpus_minhash",
        "corpus_minhash_bands",
        "corpus_duplicate_pairs",
        "corpus_anchor_docs",
        "corpus_anchor_postings",
    ):
        conn.execute(f"DELETE FROM {table}")


def update_duplicates(conn: sqlite3.Connection, changed: Sequence[str]) -> None:
    """Fingerprint the changed articles, confirm their near-duplicates, re-point ``duplicate_of``.

    Articles never fingerprinted for translations (a store from before the
    anchor index) are fingerprinted along with them, once.
    """
    changed = sorted(set(changed))
    new_sigs, new_bands, copies = _copies(conn, changed)
    missing = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM corpus_anchor_docs)"
        )
    ]
    anchored = sorted(set(changed) | set(missing))
    known_copies = {(a, b) for a, b, *_ in copies}
    known_copies |= _copy_pairs_of(conn, sorted(set(anchored) - set(changed)))
    fingerprinted, postings, found = _translations(conn, anchored, known_copies)
    with transaction(conn):
        marks = ",".join("?" * len(changed))
        conn.execute(f"DELETE FROM corpus_minhash WHERE article_id IN ({marks})", changed)
        conn.execute(f"DELETE FROM corpus_minhash_bands WHERE article_id IN ({marks})", changed)
        conn.execute(
            f"DELETE FROM corpus_duplicate_pairs WHERE a IN ({marks}) OR b IN ({marks})",
            changed + changed,
        )
        marks = ",".join("?" * len(anchored))
        conn.execute(
            f"DELETE FROM corpus_duplicate_pairs WHERE kind = 'translation' "
            f"AND (a IN ({marks}) OR b IN ({marks}))",
            anchored + anchored,
        )
        conn.execute(f"DELETE FROM corpus_anchor_docs WHERE article_id IN ({marks})", anchored)
        conn.execute(f"DELETE FROM corpus_anchor_postings WHERE article_id IN ({marks})", anchored)
        conn.executemany("INSERT INTO corpus_minhash VALUES (?, ?)", new_sigs)
        conn.executemany("INSERT OR IGNORE INTO corpus_minhash_bands VALUES (?, ?, ?)", new_bands)
        conn.executemany("INSERT INTO corpus_anchor_docs VALUES (?)", [(a,) for a in fingerprinted])
        conn.executemany("INSERT INTO corpus_anchor_postings VALUES (?, ?)", postings)
        conn.executemany(
            "INSERT OR REPLACE INTO corpus_duplicate_pairs (a, b, similarity, kind, reason) "
            "VALUES (?, ?, ?, ?, ?)",
            copies + found,
        )
        _repoint(conn)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """The LSH bands of one signature: (band, 63-bit digest of its rows), with the
    bands and rows datasketch chooses for ``LSH_THRESHOLD``."""
    out = []
    for band, (start, end) in enumerate(_BANDS):
        rows = np.asarray(values[start:end], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(rows, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big") >> 1))
    return out


def _stored_matches(conn: sqlite3.Connection, keys: list[tuple[int, int]]) -> set[str]:
    """Articles in the band index that share a band with ``keys``."""
    values = ",".join("(?, ?)" for _ in keys)
    rows = conn.execute(
        "SELECT DISTINCT article_id FROM corpus_minhash_bands "
        f"WHERE (band, key) IN (VALUES {values})",
        [x for bk in keys for x in bk],
    )
    return {r[0] for r in rows}


def _copies(
    conn: sqlite3.Connection, changed: list[str]
) -> tuple[list[tuple[str, bytes]], list[tuple[int, int, str]], list[Pair]]:
    """MinHash signatures and LSH bands of the changed articles, and the copies that
    LSH candidates + shingles confirm.

    Candidates come from the stored band index (the rest of the corpus) and
    from the changed articles hashed before; articles hashed before the band
    index existed get their bands from their stored signatures, once.
    """
    changed_set = set(changed)
    local: dict[tuple[int, int], list[str]] = {}
    new_bands: list[tuple[int, int, str]] = []
    unbanded = conn.execute(
        "SELECT article_id, signature FROM corpus_minhash "
        "WHERE article_id NOT IN (SELECT article_id FROM corpus_minhash_bands) "
        "ORDER BY article_id"
    ).fetchall()
    for article_id, blob in unbanded:
        if article_id not in changed_set:
            for bk in band_keys(np.frombuffer(blob, dtype=np.uint64)):
                local.setdefault(bk, []).append(article_id)
                new_bands.append((*bk, article_id))
    texts = _texts(conn, changed)
    new_sigs: list[tuple[str, bytes]] = []
    pairs: list[Pair] = []
    for article_id in changed:
        if article_id not in texts:
            continue
        grams = shingles(texts[article_id])
        sig = signature(grams)
        new_sigs.append((article_id, sig.hashvalues.astype(np.uint64).tobytes()))
        keys = band_keys(sig.hashvalues)
        if len(grams) >= MIN_SHINGLES:
            candidates = {a for a in _stored_matches(conn, keys) if a not in changed_set}
            candidates.update(a for bk in keys for a in local.get(bk, []))
            for other in sorted(candidates):
                row = conn.execute("SELECT text FROM articles WHERE id = ?", (other,)).fetchone()
                if row is None:
                    continue
                jaccard, containment = overlap(grams, shingles(row[0]))
                score = max(jaccard, containment if containment >= MIN_CONTAINMENT else 0.0)
                if score >= MIN_JACCARD:
                    a, b = sorted((article_id, other))
                    how = "Jaccard" if score == jaccard else "containment"
                    reason = f"word 5-gram overlap {score:.2f} ({how})"
                    pairs.append((a, b, round(score, 4), "copy", reason))
        for bk in keys:
            local.setdefault(bk, []).append(article_id)
            new_bands.append((*bk, article_id))
    return new_sigs, new_bands, pairs


def _texts(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk))
    return out


def _copy_pairs_of(conn: sqlite3.Connection, ids: list[str]) -> set[tuple[str, str]]:
    if not ids:
        return set()
    rows = conn.execute("SELECT a, b FROM corpus_duplicate_pairs WHERE kind = 'copy'")
    wanted = set(ids)
    return {(a, b) for a, b in rows if a in wanted or b in wanted}


def _renderings(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Rendering]:
    out: dict[str, Rendering] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id, text, language, outlet, published FROM articles WHERE id IN ({marks})",
            chunk,
        )
        for r in rows:
            out[r[0]] = translations.rendering(r[0], r[1], r[2], r[3], r[4])
    return out


def _translations(
    conn: sqlite3.Connection, ids: list[str], skip: set[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[Pair]]:
    """The ids fingerprinted (those still in the store), their anchor postings and the
    pairs the anchor path confirms.

    Candidates come from the postings of the rest of the corpus (read only
    for the anchors these articles use) and from each other; anchors too
    common to discriminate are left out of candidate generation. Pairs in
    ``skip`` (already copies) are not checked.
    """
    renders = _renderings(conn, ids)
    ids = sorted(renders)
    mine = set(ids)
    keys = sorted({k for r in renders.values() for k in r.anchors})
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS anchor_keys (key TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM anchor_keys")
    conn.executemany("INSERT INTO anchor_keys VALUES (?)", [(k,) for k in keys])
    rest: dict[str, list[str]] = {}
    for key, article_id in conn.execute(
        "SELECT p.key, p.article_id FROM corpus_anchor_postings p "
        "JOIN anchor_keys k ON k.key = p.key ORDER BY p.key, p.article_id"
    ):
        if article_id not in mine:
            rest.setdefault(key, []).append(article_id)
    conn.execute("DELETE FROM anchor_keys")
    n_rest = conn.execute("SELECT count(*) FROM corpus_anchor_docs").fetchone()[0]
    n_rest -= sum(
        1 for (a,) in conn.execute("SELECT article_id FROM corpus_anchor_docs") if a in mine
    )
    n = n_rest + len(ids)
    df = Counter({k: len(v) for k, v in rest.items()})
    local: dict[str, list[str]] = {}
    for article_id in ids:
        for k in renders[article_id].anchors:
            df[k] += 1
            local.setdefault(k, []).append(article_id)
    common = max(translations.COMMON_FLOOR, translations.COMMON_SHARE * n)
    weights: dict[str, float] = {}

    def w(key: str) -> float:
        if key not in weights:
            weights[key] = translations.weight(df[key], n)
        return weights[key]

    others: dict[str, Rendering] = {}
    done: set[tuple[str, str]] = set()
    pairs: list[Pair] = []
    for article_id in ids:
        mine_r = renders[article_id]
        count: Counter[str] = Counter()
        mass: dict[str, float] = defaultdict(float)
        for k in mine_r.anchors:
            if df[k] > common:
                continue
            for other in rest.get(k, []) + local.get(k, []):
                if other != article_id:
                    count[other] += 1
                    mass[other] += w(k)
        ranked = sorted(
            (o for o, c in count.items() if c >= translations.MIN_SHARED_CANDIDATE),
            key=lambda o: (-mass[o], o),
        )[: translations.MAX_CANDIDATES]
        others.update(
            _renderings(conn, [o for o in ranked if o not in renders and o not in others])
        )
        for other in ranked:
            pair = (min(article_id, other), max(article_id, other))
            mate = renders.get(other) or others.get(other)
            if pair in done or pair in skip or mate is None:
                continue
            done.add(pair)
            first, second = (mine_r, mate) if article_id < other else (mate, mine_r)
            verdict = translations.check(first, second, w)
            if verdict is not None:
                pairs.append((*pair, *verdict))
    postings = [(k, a) for a in ids for k in renders[a].anchors]
    return ids, postings, pairs


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
