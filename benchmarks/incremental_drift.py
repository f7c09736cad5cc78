"""How far the incremental corpus stage drifts from a full rebuild as a store grows.

    python benchmarks/incremental_drift.py [--cache DIR] [--hold 400] [--batch 10]

The analysed news-dumpster base store (the same one
``benchmarks/incremental_newsdumpster.py`` builds; ``--cache`` shares it) is
split by publication date: the latest ``--hold`` articles are taken out, the
corpus stage is rebuilt over the rest, and the held articles come back in
arrival order, ``--batch`` at a time, each batch through ``corpus.update``
(the path every ``storyline ingest`` takes). Every 100 articles, and at the
end, a copy of the store is rebuilt and compared with the incremental one:

- entities: whether entities, mention links, evidence and speaker/claimant
  links are identical;
- near-duplicates: articles whose ``duplicate_of`` differs;
- stories: ARI between the two partitions, and the share of articles whose
  story-mates differ at all;
- disagreements: records only one side has.

Also printed: the mean time per batch of each part of ``corpus.update``.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental_newsdumpster import Stopwatch, split_records
from storyline import corpus
from storyline.analyze.nlp import load_nlp
from storyline.corpus.metrics import adjusted_rand_index
from storyline.run import ingest
from storyline.store import Store

TABLES = ("articles", "mentions", "statements", "figures", "timexes")


def base_store(cache: Path | None, tmp: Path) -> Path:
    cached = cache / "newsdumpster_base.db" if cache else None
    if cached is not None and cached.exists():
        return cached
    base, _, _, _ = split_records(tmp)
    path = cached or tmp / "base.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        ingest([base], store, nlp=load_nlp(), run_corpus=False)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def state(conn: sqlite3.Connection) -> dict[str, Any]:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return sorted(tuple(r) for r in conn.execute(sql))

    return {
        "entities": (
            rows("SELECT id, name, type, aliases FROM entities"),
            rows("SELECT article_id, start, entity_id FROM mentions"),
            rows("SELECT entity_id, kind, detail FROM entity_evidence"),
            rows("SELECT id, speaker_entity FROM statements"),
            rows("SELECT id, claimant_entity FROM figures"),
        ),
        "duplicate_of": dict(rows("SELECT id, duplicate_of FROM articles")),
        "story": dict(rows("SELECT id, story FROM articles")),
        "disagreements": set(rows("SELECT kind, figure_ids FROM disagreements")),
    }


def mates(story: dict[str, str]) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article, s in story.items():
        members.setdefault(s, set()).add(article)
    return {a: frozenset(members[s]) for a, s in story.items()}


def compare(store: Store, tmp: Path, label: str) -> None:
    """Rebuild a copy of ``store`` and print how the incremental state differs."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp / "rebuilt.db"
    shutil.copy(store.path, copy)
    incremental = state(store.conn)
    stale = store.conn.execute(
        "SELECT count(DISTINCT article_id) FROM corpus_postings WHERE term LIKE '@%' "
        "AND substr(term, 2) NOT IN (SELECT id FROM entities)"
    ).fetchone()[0]
    with Store(copy) as rebuilt:
        t = time.perf_counter()
        corpus.rebuild(rebuilt)
        took = time.perf_counter() - t
        full = state(rebuilt.conn)
    copy.unlink()
    n = len(full["story"])
    dup = sum(
        1 for a in full["duplicate_of"] if full["duplicate_of"][a] != incremental["duplicate_of"][a]
    )
    ari = adjusted_rand_index(full["story"], incremental["story"])
    m_inc, m_full = mates(incremental["story"]), mates(full["story"])
    moved = sum(1 for a in m_full if m_full[a] != m_inc[a])
    dis = len(full["disagreements"] ^ incremental["disagreements"])
    same_entities = full["entities"] == incremental["entities"]
    print(
        f"{label}: {n} articles; entities identical: {'yes' if same_entities else 'NO'}; "
        f"duplicate_of differs for {dup}; stories ARI {ari:.3f}, "
        f"{moved} articles ({moved / n:.1%}) with other story-mates; "
        f"disagreements only on one side: {dis} of {len(full['disagreements'])}; "
        f"articles whose story terms name a gone entity: {stale}; "
        f"(rebuild took {took:.1f}s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="where the analysed base store is kept")
    parser.add_argument("--hold", type=int, default=400)
    parser.add_argument("--batch", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = base_store(args.cache, tmp)
        work = tmp / "work.db"
        shutil.copy(source, work)
        store = Store(work)
        conn = store.conn
        order = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles ORDER BY published IS NULL, published, id"
            )
        ]
        held = order[-args.hold :]
        conn.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in held])
        t = time.perf_counter()
        corpus.rebuild(store)
        print(
            f"start: {len(order) - len(held)} articles rebuilt in {time.perf_counter() - t:.1f}s; "
            f"adding the latest {len(held)} by date, {args.batch} at a time"
        )
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        watch = Stopwatch()
        batches = 0
        for i in range(0, len(held), args.batch):
            batch = held[i : i + args.batch]
            marks = ",".join("?" * len(batch))
            conn.execute("BEGIN IMMEDIATE")
            for table in TABLES:
                column = "id" if table == "articles" else "article_id"
                sql = f"INSERT INTO main.{table} SELECT * FROM src.{table} WHERE {column} IN "
                conn.execute(f"{sql}({marks})", batch)
            conn.execute("COMMIT")
            corpus.update(store, batch)
            batches += 1
            added = i + len(batch)
            if added % 100 == 0 or added == len(held):
                watch.running = False
                compare(store, tmp, f"after {added} added")
                watch.running = True
        per_batch = ", ".join(
            f"{k} {v / batches:.2f}s (CPU {watch.cpu[k] / batches:.2f}s)"
            for k, v in watch.seconds.items()
        )
        print(f"mean per batch of {args.batch}: {per_batch}")
        store.close()


if __name__ == "__main__":
    main()
