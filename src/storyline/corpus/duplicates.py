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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.corpus import translations
from storyline.corpus.names import fold
from storyline.corpus.translations import Rendering
from storyline.store import Store
from storyline.store.corpus_state import DuplicatePair

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


# A confirmed pair as stored: (a, b, similarity, kind, reason), a < b.
Pair = DuplicatePair


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """The LSH bands of one signature: (band, 63-bit digest of its rows), with the
    bands and rows datasketch chooses for ``LSH_THRESHOLD``."""
    out = []
    for band, (start, end) in enumerate(_BANDS):
        rows = np.asarray(values[start:end], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(rows, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big") >> 1))
    return out


def confirm_copy(a: str, grams: set[str], b: str, text: str) -> Pair | None:
    """The pair ``a``/``b`` when ``text`` (of ``b``) shares enough shingles with ``grams``
    (of ``a``): Jaccard, or containment for a repost wrapped in extra text."""
    jaccard, containment = overlap(grams, shingles(text))
    score = max(jaccard, containment if containment >= MIN_CONTAINMENT else 0.0)
    if score < MIN_JACCARD:
        return None
    first, second = sorted((a, b))
    how = "Jaccard" if score == jaccard else "containment"
    return first, second, round(score, 4), "copy", f"word 5-gram overlap {score:.2f} ({how})"


class AnchorIndex:
    """Translation candidates: articles that share enough discriminating anchors.

    ``rest`` holds the stored postings (anchor -> articles) of the rest of the
    corpus for the anchors ``renders`` use; ``n`` counts the corpus. Anchors
    too common to discriminate (in more than ``COMMON_SHARE`` of it) find no
    candidates; the others count by their rarity.
    """

    def __init__(self, renders: dict[str, Rendering], rest: dict[str, list[str]], n: int) -> None:
        self.rest = rest
        self.n = n
        self.df = Counter({k: len(v) for k, v in rest.items()})
        self.local: dict[str, list[str]] = {}
        for article_id in sorted(renders):
            for k in renders[article_id].anchors:
                self.df[k] += 1
                self.local.setdefault(k, []).append(article_id)
        self.common = max(translations.COMMON_FLOOR, translations.COMMON_SHARE * n)
        self.weights: dict[str, float] = {}

    def weight(self, key: str) -> float:
        if key not in self.weights:
            self.weights[key] = translations.weight(self.df[key], self.n)
        return self.weights[key]

    def candidates(self, r: Rendering) -> list[str]:
        """The articles sharing the most (weighted) anchors with ``r``, best first."""
        count: Counter[str] = Counter()
        mass: dict[str, float] = defaultdict(float)
        for k in r.anchors:
            if self.df[k] > self.common:
                continue
            for other in self.rest.get(k, []) + self.local.get(k, []):
                if other != r.id:
                    count[other] += 1
                    mass[other] += self.weight(k)
        return sorted(
            (o for o, c in count.items() if c >= translations.MIN_SHARED_CANDIDATE),
            key=lambda o: (-mass[o], o),
        )[: translations.MAX_CANDIDATES]


def find_root(parent: dict[str, str], x: str) -> str:
    """Union-find: the root of ``x``'s group (halving the path on the way)."""
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def clusters(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected groups of articles the pairs link (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        return find_root(parent, x)

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out: dict[str, list[str]] = {}
    for x in list(parent):
        out.setdefault(find(x), []).append(x)
    return list(out.values())


def point_to_original(
    members: Sequence[tuple[str, str | None, int]],
) -> dict[str, str | None]:
    """Each member (id, published, text length) of one cluster -> the cluster's original,
    or None for the original itself: the earliest (unknown dates last), then the
    fullest, then by id."""
    ranked = sorted(members, key=lambda r: (r[1] is None, r[1] or "", -r[2], r[0]))
    original = ranked[0][0]
    return {r[0]: None if r[0] == original else original for r in ranked}


# -- the store side -----------------------------------------------------------


def reset_duplicates(store: Store) -> None:
    """Forget every fingerprint and pair (``storyline corpus`` recomputes them)."""
    store.forget_duplicates()


def rebuild_duplicates(store: Store) -> None:
    """Fingerprint every article again and confirm every pair from scratch."""
    reset_duplicates(store)
    ids = store.article_ids_by_id()
    if ids:
        update_duplicates(store, ids)


def update_duplicates(store: Store, changed: Sequence[str]) -> list[str]:
    """Fingerprint the changed articles, confirm their near-duplicates, re-point ``duplicate_of``;
    returns the articles whose ``duplicate_of`` moved (what claims' lineage reads).

    Articles never fingerprinted for translations (a store from before the
    anchor index) are fingerprinted along with them, once.
    """
    changed = sorted(set(changed))
    new_sigs, new_bands, copies = _copies(store, changed)
    missing = store.articles_without_anchors()
    anchored = sorted(set(changed) | set(missing))
    known_copies = {(a, b) for a, b, *_ in copies}
    known_copies |= store.copy_pairs_of(sorted(set(anchored) - set(changed)))
    fingerprinted, postings, found = _translations(store, anchored, known_copies)
    with store.transaction():
        store.replace_minhash(changed, new_sigs, new_bands)
        store.replace_duplicate_pairs(changed, anchored, copies + found)
        store.replace_anchor_index(anchored, fingerprinted, postings)
        return _repoint(store)


def _copies(
    store: Store, changed: list[str]
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
    for article_id, blob in store.unbanded_signatures():
        if article_id not in changed_set:
            for bk in band_keys(np.frombuffer(blob, dtype=np.uint64)):
                local.setdefault(bk, []).append(article_id)
                new_bands.append((*bk, article_id))
    texts = store.article_texts(changed)
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
            candidates = {a for a in store.minhash_candidates(keys) if a not in changed_set}
            candidates.update(a for bk in keys for a in local.get(bk, []))
            for other in sorted(candidates):
                text = store.article_text(other)
                if text is None:
                    continue
                pair = confirm_copy(article_id, grams, other, text)
                if pair is not None:
                    pairs.append(pair)
        for bk in keys:
            local.setdefault(bk, []).append(article_id)
            new_bands.append((*bk, article_id))
    return new_sigs, new_bands, pairs


def _renderings(store: Store, ids: list[str]) -> dict[str, Rendering]:
    return {fields[0]: translations.rendering(*fields) for fields in store.rendering_fields(ids)}


def _translations(
    store: Store, ids: list[str], skip: set[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[Pair]]:
    """The ids fingerprinted (those still in the store), their anchor postings and the
    pairs the anchor path confirms.

    Candidates come from the postings of the rest of the corpus (read only
    for the anchors these articles use) and from each other; anchors too
    common to discriminate are left out of candidate generation. Pairs in
    ``skip`` (already copies) are not checked.
    """
    renders = _renderings(store, ids)
    ids = sorted(renders)
    mine = set(ids)
    keys = sorted({k for r in renders.values() for k in r.anchors})
    rest: dict[str, list[str]] = {}
    for key, article_id in store.anchor_postings(keys):
        if article_id not in mine:
            rest.setdefault(key, []).append(article_id)
    n = sum(1 for a in store.anchored_articles() if a not in mine) + len(ids)
    index = AnchorIndex(renders, rest, n)
    others: dict[str, Rendering] = {}
    done: set[tuple[str, str]] = set()
    pairs: list[Pair] = []
    for article_id in ids:
        mine_r = renders[article_id]
        ranked = index.candidates(mine_r)
        others.update(
            _renderings(store, [o for o in ranked if o not in renders and o not in others])
        )
        for other in ranked:
            pair = (min(article_id, other), max(article_id, other))
            mate = renders.get(other) or others.get(other)
            if pair in done or pair in skip or mate is None:
                continue
            done.add(pair)
            first, second = (mine_r, mate) if article_id < other else (mate, mine_r)
            verdict = translations.check(first, second, index.weight)
            if verdict is not None:
                pairs.append((*pair, *verdict))
    postings = [(k, a) for a in ids for k in renders[a].anchors]
    return ids, postings, pairs


def _repoint(store: Store) -> list[str]:
    """Cluster confirmed pairs and point every copy at its cluster's original
    (inside the transaction that stored the pairs); returns the articles re-pointed."""
    target: dict[str, str | None] = {}
    for members in clusters(store.duplicate_pairs()):
        target.update(point_to_original(store.dates_and_lengths(members)))
    current = store.duplicate_links()
    updates = [(t, a) for a, t in target.items() if current.get(a) != t]
    updates += [(None, a) for a in current if a not in target]
    store.set_duplicate_of(updates)
    return sorted(a for _, a in updates)
