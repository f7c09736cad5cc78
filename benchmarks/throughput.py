"""Throughput: storyline end to end vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

    python benchmarks/throughput.py            # the 409 Russia/Ukraine articles, at 1x, 2x, 4x
    python benchmarks/throughput.py --limit 50 --multiples 1   # a quick look

Each side runs in its own fresh process so that peak RSS is its own. The
storyline side is the real ``ingest`` (read JSONL, clean, parse, analyse,
write SQLite, corpus stage) into a new store.

The 2x and 4x corpora repeat the records with distinct URLs (``#copy-N``),
so they are new articles to storyline (and near-duplicates of each other,
as syndicated news is): peak RSS should not grow with the corpus.
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
from queue import Empty

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
    while True:  # a child that dies without a result must not hang the benchmark
        try:
            result = queue.get(timeout=5)
            break
        except Empty:
            if not proc.is_alive():
                raise RuntimeError(f"{target.__name__} died (exit code {proc.exitcode})") from None
    proc.join()
    return result


def replicate(records: list[dict], times: int) -> list[dict]:
    """``times`` copies of the corpus; every copy after the first gets distinct URLs."""
    out = list(records)
    for copy in range(1, times):
        out += [{**r, "link": f"{r.get('link') or 'record'}#copy-{copy}"} for r in records]
    return out


def compare(records: list[dict], workers: int, tmp: Path) -> tuple[float, float, float, float, int]:
    """(bare seconds, bare RSS, storyline seconds, storyline RSS, articles stored)."""
    texts = [r["text"] for r in records]
    path = tmp / f"ru-ua-{len(records)}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    bare_s, bare_rss = run(bare_spacy, texts, workers)
    db = tmp / f"s-{len(records)}.db"
    ours_s, ours_rss, added = run(storyline_ingest, str(path), str(db), workers)
    return bare_s, bare_rss, ours_s, ours_rss, added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--workers", type=int, default=0, help="processes for both sides [default: as the CLI]"
    )
    parser.add_argument(
        "--multiples", type=int, nargs="+", default=[1, 2, 4], help="corpus sizes [1 2 4]"
    )
    args = parser.parse_args()
    from storyline.journey import default_workers

    workers = args.workers or default_workers()

    records = russia_ukraine(dumpster_records())
    if args.limit:
        records = records[: args.limit]
    chars = sum(len(r["text"]) for r in records)
    print(f"corpus: {len(records)} Russia/Ukraine articles from news-dumpster, {chars:,} chars")
    print(f"processes: {workers} for both sides (peak RSS: the largest process)")

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.multiples:
            corpus = replicate(records, times)
            bare_s, bare_rss, ours_s, ours_rss, added = compare(corpus, workers, Path(tmp))
            rows.append((times, len(corpus), bare_s, bare_rss, ours_s, ours_rss, added))
            bare_rate, ours_rate = len(corpus) / bare_s, added / ours_s
            if times == args.multiples[0]:
                print(f"{'':28}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}")
                for name, secs, rate, rss in (
                    ("bare spaCy nlp.pipe", bare_s, bare_rate, bare_rss),
                    ("storyline ingest (all)", ours_s, ours_rate, ours_rss),
                ):
                    print(f"{name:28}{secs:>10.1f}{rate:>12.1f}{rss:>13.0f}")
                print(
                    f"ratio storyline / bare spaCy: {ours_rate / bare_rate:.2f}  "
                    f"({added} articles stored)\n"
                )

    print(f"{'corpus':>7}{'articles':>10}{'bare a/s':>10}{'bare RSS MB':>13}"
          f"{'storyline a/s':>15}{'storyline RSS MB':>18}{'ratio':>7}")  # fmt: skip
    for times, n, bare_s, bare_rss, ours_s, ours_rss, added in rows:
        bare_rate, ours_rate = n / bare_s, added / ours_s
        print(
            f"{times:>6}x{n:>10}{bare_rate:>10.1f}{bare_rss:>13.0f}"
            f"{ours_rate:>15.1f}{ours_rss:>18.0f}{ours_rate / bare_rate:>7.2f}"
        )


if __name__ == "__main__":
    main()
