"""Throughput: storyline end to end vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

    python benchmarks/throughput.py            # the 409 Russia/Ukraine articles of news-dumpster
    python benchmarks/throughput.py --limit 50 # a quick look

Each side runs in its own fresh process so that peak RSS is its own. The
storyline side is the real ``ingest`` (read JSONL, clean, parse, analyse,
write SQLite, corpus stage) into a new store.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records, russia_ukraine


def _peak_rss_mb() -> float:
    """Peak RSS of this process or of its largest worker process, whichever is higher."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def bare_spacy(texts: list[str], workers: int, queue: mp.Queue) -> None:
    from storyline.analyze.nlp import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    queue.put((time.perf_counter() - start, _peak_rss_mb()))


def storyline_ingest(path: str, db: str, workers: int, queue: mp.Queue) -> None:
    from storyline.analyze.nlp import load_nlp
    from storyline.journey import ingest
    from storyline.store import Store

    nlp = load_nlp() if workers == 1 else None  # model loading is outside the timing
    start = time.perf_counter()
    with Store(db) as store:
        report = ingest([path], store, nlp=nlp, workers=workers)
    queue.put((time.perf_counter() - start, _peak_rss_mb(), len(report.added)))


def run(target, *args):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--workers", type=int, default=0, help="processes for both sides [default: as the CLI]"
    )
    args = parser.parse_args()
    from storyline.journey import default_workers

    workers = args.workers or default_workers()

    records = russia_ukraine(dumpster_records())
    if args.limit:
        records = records[: args.limit]
    texts = [r["text"] for r in records]
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(records)} Russia/Ukraine articles from news-dumpster, {chars:,} chars")
    print(f"processes: {workers} for both sides (peak RSS: the largest process)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ru-ua.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        bare_s, bare_rss = run(bare_spacy, texts, workers)
        ours_s, ours_rss, added = run(storyline_ingest, str(path), str(Path(tmp) / "b.db"), workers)

    bare_rate = len(texts) / bare_s
    ours_rate = added / ours_s
    print(f"{'':28}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}")
    print(f"{'bare spaCy nlp.pipe':28}{bare_s:>10.1f}{bare_rate:>12.1f}{bare_rss:>13.0f}")
    print(f"{'storyline ingest (all)':28}{ours_s:>10.1f}{ours_rate:>12.1f}{ours_rss:>13.0f}")
    print(f"ratio storyline / bare spaCy: {ours_rate / bare_rate:.2f}  ({added} articles stored)")


if __name__ == "__main__":
    main()
