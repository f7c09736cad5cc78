"""Story clustering against gold same-event clusters: NewsWCL50 and ECB+.

    python benchmarks/stories_clustering.py [--sweep] [--cache DIR]

Builds a store per dataset (spaCy entities, then the corpus stage's full
rebuild, exactly as ``storyline corpus`` runs it) and scores ``articles.story``
against gold: ARI, V-measure, B-cubed F1. ``--sweep`` also prints the scores
at other similarity thresholds, to show how sensitive the setting is.

``newswcl50-jsonl`` is NewsWCL50 as a crawler hands it over: JSON Lines with
each article's real URL and no ``published`` field, ingested as a user does
(reading, cleaning, all analysers, then ``storyline corpus``). It checks that
every URL stating a date gives the article that date (``published_basis``
``url``), and scores the stories those dates help to separate.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_corpora import (
    URL_DATE,
    BenchDoc,
    article_for,
    build_store,
    load_ecbplus,
    load_newswcl50,
    write_jsonl,
)
from storyline import corpus
from storyline.corpus.metrics import adjusted_rand_index, b_cubed, v_measure
from storyline.corpus.stories import THRESHOLD, _analyse, cluster
from storyline.journey import ingest
from storyline.store import Store


def score(gold: dict[str, str], pred: dict[str, str]) -> str:
    ari = adjusted_rand_index(gold, pred)
    _, _, v = v_measure(gold, pred)
    p, r, f = b_cubed(gold, pred)
    n = len(set(pred.values()))
    return f"ARI {ari:.3f}  V {v:.3f}  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  clusters {n}"


def run(name: str, docs: list[BenchDoc], cache: Path, sweep: bool) -> None:
    t0 = time.perf_counter()
    store = build_store(docs, cache / f"{name}.db")
    t1 = time.perf_counter()
    corpus.rebuild(store)
    t2 = time.perf_counter()
    ids = {article_for(d).id: d for d in docs}
    story = dict(store.conn.execute("SELECT id, story FROM articles").fetchall())
    gold = {a: d.gold for a, d in ids.items()}
    pred = {a: story[a] for a in ids}
    print(f"{name}: {len(docs)} docs, {len(set(gold.values()))} gold clusters")
    print(f"  storyline (threshold {THRESHOLD}): {score(gold, pred)}")
    print(f"  time: analysis {t1 - t0:.1f}s, corpus stage {t2 - t1:.1f}s")
    if sweep:
        analysed = _analyse(store, sorted(ids))
        for threshold in (0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.14):
            swept = cluster(analysed, threshold)
            print(f"    threshold {threshold:.2f}: {score(gold, {a: swept[a] for a in ids})}")
    store.close()


def run_jsonl(name: str, docs: list[BenchDoc], cache: Path) -> None:
    """The corpus as JSON Lines with URLs and no dates, through the whole ingest."""
    src, db = cache / f"{name}.jsonl", cache / f"{name}.db"
    write_jsonl(docs, src)
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(db) as store:
        report = ingest([src], store, workers=1)
        corpus.rebuild(store)
        rows = store.article_rows()
    t1 = time.perf_counter()
    by_url = {r["url"]: r for r in rows}
    dated = [d for d in docs if URL_DATE.search(d.source or "")]
    right = sum(
        1
        for d in dated
        if by_url[d.source]["published"] == "-".join(URL_DATE.search(d.source or "").groups())
        and by_url[d.source]["published_basis"] == "url"
    )
    gold = {str(d.source): d.gold for d in docs}
    pred = {str(d.source): str(by_url[d.source]["story"]) for d in docs}
    events = len(set(gold.values()))
    print(f"{name}: {len(docs)} docs ({len(report.added)} ingested), {events} gold clusters")
    print(f"  dates from URLs: {right}/{len(dated)} URLs with a date give it (basis 'url')")
    print(f"  storyline (threshold {THRESHOLD}): {score(gold, pred)}")
    print(f"  time: ingest and corpus stage {t1 - t0:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--cache", type=Path, help="keep the analysed stores here between runs")
    parser.add_argument("--only", choices=("newswcl50", "newswcl50-jsonl", "ecbplus"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        if args.only in (None, "newswcl50"):
            run("newswcl50", load_newswcl50(), cache, args.sweep)
        if args.only in (None, "newswcl50-jsonl"):
            run_jsonl("newswcl50-jsonl", load_newswcl50(), cache)
        if args.only in (None, "ecbplus"):
            run("ecbplus", load_ecbplus(), cache, args.sweep)


if __name__ == "__main__":
    main()
