"""Cross-document entity identity: NewsWCL50 and MEANTIME (English), B-cubed over named mentions.

    python benchmarks/entities_crossdoc.py [--cache DIR]

Each corpus goes into a store (spaCy mentions, then the corpus stage's
canonical entities). Every gold named mention (NewsWCL50: chains other than
actions whose words are all capitalised; MEANTIME: NAM mentions of PER, ORG
and LOC instances) is aligned to the longest spaCy mention overlapping it;
its system cluster is that mention's canonical entity, or a singleton when
spaCy found nothing there. Gold clusters are the corpora's cross-document
identities. Printed next to storyline: a baseline that only merges mentions
with identical normalised text (titles dropped, case folded), so the gain of
canonicalisation is visible. Then the same store is resolved incrementally,
its articles arriving ten at a time (``update_entities``, the path every
ingest takes), and compared with the full pass.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_corpora import BenchDoc, article_for, build_store, load_meantime, load_newswcl50
from storyline.corpus.entities import rebuild_entities, update_entities
from storyline.corpus.metrics import b_cubed, muc
from storyline.corpus.names import name_key


def align(docs: list[BenchDoc], store) -> tuple[dict, dict, dict, int]:  # type: ignore[no-untyped-def]
    """Gold, storyline and exact-string clusterings over the gold named mentions."""
    gold: dict[tuple[str, int, int], str] = {}
    system: dict[tuple[str, int, int], str] = {}
    exact: dict[tuple[str, int, int], str] = {}
    matched = 0
    for doc in docs:
        article_id = article_for(doc).id
        mentions = store.conn.execute(
            'SELECT start, "end", text, entity_id FROM mentions WHERE article_id = ?',
            (article_id,),
        ).fetchall()
        for start, end, identity in doc.mentions:
            key = (doc.id, start, end)
            gold[key] = identity
            overlapping = [m for m in mentions if m[0] < end and start < m[1]]
            if overlapping:
                best = max(overlapping, key=lambda m: (min(end, m[1]) - max(start, m[0]), m[0]))
                system[key] = best[3]
                exact[key] = name_key(best[2]) or best[2]
                matched += 1
            else:
                system[key] = exact[key] = f"unmatched:{doc.id}:{start}"
    return gold, system, exact, matched


def resolved(store) -> list[tuple]:  # type: ignore[no-untyped-def]
    conn = store.conn
    return [
        sorted(tuple(r) for r in conn.execute("SELECT id, name, type, aliases FROM entities")),
        sorted(tuple(r) for r in conn.execute("SELECT article_id, start, entity_id FROM mentions")),
        sorted(
            tuple(r) for r in conn.execute("SELECT entity_id, kind, detail FROM entity_evidence")
        ),
    ]


def incremental(store, batch: int = 10) -> tuple[bool, float]:  # type: ignore[no-untyped-def]
    """Resolve again with articles arriving ``batch`` at a time; (same as full?, seconds)."""
    conn = store.conn
    full = resolved(store)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.execute("CREATE TEMP TABLE held AS SELECT * FROM mentions")
    conn.execute("DELETE FROM mentions")
    for table in ("entities", "entity_evidence", "corpus_entity_forms", "corpus_article_forms"):
        conn.execute(f"DELETE FROM {table}")
    seconds = 0.0
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"INSERT INTO mentions SELECT * FROM held WHERE article_id IN ({marks})", chunk
        )
        t = time.perf_counter()
        update_entities(store, chunk)
        seconds += time.perf_counter() - t
    conn.execute("DROP TABLE held")
    return resolved(store) == full, seconds


def report(name: str, docs: list[BenchDoc], cache: Path) -> None:
    t0 = time.perf_counter()
    store = build_store(docs, cache / f"{name}.db")
    t1 = time.perf_counter()
    rebuild_entities(store)
    t2 = time.perf_counter()
    gold, system, exact, matched = align(docs, store)
    print(
        f"{name}: {len(docs)} docs, {len(gold)} gold named mentions, "
        f"{len(set(gold.values()))} gold entities; spaCy found {matched / len(gold):.1%} of them"
    )
    for label, pred in (("storyline", system), ("exact-name baseline", exact)):
        p, r, f = b_cubed(gold, pred)
        mp, mr, mf = muc(gold, pred)
        print(
            f"  {label:20s} B3 P {p:.3f} R {r:.3f} F1 {f:.3f}"
            f"   MUC P {mp:.3f} R {mr:.3f} F1 {mf:.3f}"
        )
    print(f"  time: analysis {t1 - t0:.1f}s, canonical entities {t2 - t1:.2f}s")
    same, seconds = incremental(store)
    print(
        f"  incremental, ten articles at a time: {'identical to' if same else 'DIFFERS from'} "
        f"the full pass ({seconds:.2f}s in all)"
    )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="keep the analysed stores here between runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        report("newswcl50", load_newswcl50(), cache)
        report("meantime", load_meantime(), cache)


if __name__ == "__main__":
    main()
