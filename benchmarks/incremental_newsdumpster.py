"""Cost of adding 10 articles to a store of ~1,400 (news-dumpster), versus a full recompute.

    python benchmarks/incremental_newsdumpster.py [--cache DIR]

The 1,424 unique news-dumpster articles (by link) are split: 10 held out
(every 140th by link), the rest ingested through the real ingest without
the corpus stage, then the corpus stage is rebuilt once. In the same run:
(1) the 10 are ingested and ``corpus.update`` places them (the incremental
path every ``storyline ingest`` takes), (2) ``corpus.rebuild`` recomputes
the whole stage over all 1,424. Printed: both timings (wall and CPU per
part), how many earlier articles changed story (only those in stories a new
article came close to can), and the agreement (ARI) between incremental and
fully recomputed stories. ``--cache`` keeps the analysed base store (the
spaCy pass takes minutes on 2 cores). ``benchmarks/incremental_drift.py``
adds hundreds of articles in batches and follows the drift.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import tempfile
import time
from pathlib import Path

from storyline import corpus
from storyline.analyze.nlp import load_nlp
from storyline.corpus.metrics import adjusted_rand_index
from storyline.run import ingest
from storyline.store import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-dumpster-2025"
HOLD_OUT_EVERY = 140


def split_records(tmp: Path) -> tuple[Path, Path, int, int]:
    records: dict[str, str] = {}
    for path in sorted(DATA.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    records.setdefault(json.loads(line).get("link", line), line.rstrip("\n"))
    links = sorted(records)
    held = set(links[HOLD_OUT_EVERY // 2 :: HOLD_OUT_EVERY][:10])
    base, add = tmp / "base.jsonl", tmp / "add.jsonl"
    base.write_text("".join(records[k] + "\n" for k in links if k not in held), encoding="utf-8")
    add.write_text("".join(records[k] + "\n" for k in links if k in held), encoding="utf-8")
    return base, add, len(links) - len(held), len(held)


class Stopwatch:
    """Times the corpus stage's parts by wrapping them where ``corpus.update`` looks them up."""

    PARTS = (
        "rebuild_entities",
        "update_entities",
        "update_duplicates",
        "update_stories",
        "update_claims",
        "update_disagreements",
    )

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.running = True  # off while a comparison rebuild runs
        for name in self.PARTS:
            if hasattr(corpus, name):
                setattr(corpus, name, self._wrap(name, getattr(corpus, name)))

    def _wrap(self, name, func):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                if self.running:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
                    self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c

        return timed

    def summary(self) -> str:
        return ", ".join(
            f"{k} {v:.2f}s (CPU {self.cpu[k]:.2f}s)" for k, v in self.seconds.items() if v
        )


def stories(store: Store) -> dict[str, str]:
    return {a: s for a, s in store.conn.execute("SELECT id, story FROM articles")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="keep the analysed base store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base, add, n_base, n_add = split_records(tmp)
        nlp = load_nlp()
        cached = args.cache / "newsdumpster_base.db" if args.cache else None
        db = tmp / "store.db"
        if cached is not None and cached.exists():
            shutil.copy(cached, db)
            store = Store(db)
        else:
            store = Store(db)
            t = time.perf_counter()
            report = ingest([base], store, nlp=nlp, run_corpus=False)
            took = time.perf_counter() - t
            print(f"analysis of the base: {len(report.added)} articles in {took:.0f}s")
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                shutil.copy(db, cached)
        t = time.perf_counter()
        corpus.rebuild(store)
        base_rebuild = time.perf_counter() - t
        in_store = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(f"store: {in_store} articles ({n_base} base records, {n_add} held out)")
        print(f"full corpus stage on the base store: {base_rebuild:.2f}s")
        before = stories(store)

        t = time.perf_counter()
        report = ingest([add], store, nlp=nlp, run_corpus=False)
        analysis = time.perf_counter() - t
        watch = Stopwatch()
        t, c = time.perf_counter(), time.process_time()
        corpus.update(store, report.added)
        incremental = time.perf_counter() - t
        incremental_cpu = time.process_time() - c
        after = stories(store)
        moved = sum(1 for a, s in before.items() if after.get(a) != s)
        joined = sum(1 for a in report.added if sum(1 for s in after.values() if s == after[a]) > 1)
        print(
            f"add {len(report.added)} articles: per-article analysis {analysis:.2f}s, "
            f"incremental corpus stage {incremental:.2f}s (CPU {incremental_cpu:.2f}s); "
            f"{moved} earlier articles changed story; {joined} of the new joined an existing story"
        )
        print(f"  incremental parts: {watch.summary()}")

        t = time.perf_counter()
        corpus.rebuild(store)
        full = time.perf_counter() - t
        rebuilt = stories(store)
        ari = adjusted_rand_index(rebuilt, after)
        print(f"full recompute of the corpus stage on {len(rebuilt)} articles: {full:.2f}s")
        print(f"incremental / full: {incremental / full:.3f} (speed-up x{full / incremental:.1f})")
        print(f"agreement of incremental and recomputed stories: ARI {ari:.3f}")
        store.close()


if __name__ == "__main__":
    main()
