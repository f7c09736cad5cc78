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


def _cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: unlike wall time it
    does not depend on what else runs on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _peak_rss_mb() -> float:
    """Peak RSS of this process or of its largest worker process, whichever is higher."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def bare_spacy(texts: list[str], workers: int, queue: mp.Queue) -> None:
    from storyline.analyze.nlp import load_nlp

    nlp = load_nlp()
    start, cpu = time.perf_counter(), _cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    queue.put((time.perf_counter() - start, _peak_rss_mb(), _cpu_seconds() - cpu))


def _parse_batch(texts: list[str]) -> int:
    from storyline.analyze.nlp import load_nlp

    return sum(1 for _ in load_nlp().pipe(texts, batch_size=16))


def _warm() -> None:
    from storyline.analyze.nlp import load_nlp

    load_nlp()


def bare_workers(texts: list[str], workers: int, queue: mp.Queue) -> None:
    """Parse only, in storyline's own worker layout (``storyline.run.processes``): each
    process parses its batches and sends nothing back. spaCy's ``n_process`` instead ships
    every Doc back to the parent, which costs more than parsing; this is the fair ceiling."""
    from concurrent.futures import ProcessPoolExecutor

    start, cpu = time.perf_counter(), _cpu_seconds()
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm) as pool:
        batches = [texts[i : i + 16] for i in range(0, len(texts), 16)]
        assert sum(pool.map(_parse_batch, batches)) == len(texts)
    queue.put((time.perf_counter() - start, _peak_rss_mb(), _cpu_seconds() - cpu))


def storyline_ingest(path: str, db: str, workers: int, queue: mp.Queue) -> None:
    from storyline.analyze.nlp import load_nlp
    from storyline.run import ingest
    from storyline.store import Store

    nlp = load_nlp() if workers == 1 else None  # model loading is outside the timing
    start, cpu = time.perf_counter(), _cpu_seconds()
    with Store(db) as store:
        report = ingest([path], store, nlp=nlp, workers=workers)
    queue.put(
        (time.perf_counter() - start, _peak_rss_mb(), _cpu_seconds() - cpu, len(report.added))
    )


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


def compare(records: list[dict], workers: int, tmp: Path) -> dict[str, tuple[float, float, float]]:
    """Name -> (seconds, peak RSS MB, CPU seconds) for the two baselines and storyline."""
    texts = [r["text"] for r in records]
    path = tmp / f"ru-ua-{len(records)}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = {"bare": run(bare_spacy, texts, workers)}
    out["parse"] = run(bare_workers, texts, workers) if workers > 1 else out["bare"]
    db = tmp / f"s-{len(records)}.db"
    ours_s, ours_rss, ours_cpu, added = run(storyline_ingest, str(path), str(db), workers)
    assert added == len(records), f"stored {added} of {len(records)}"
    out["ours"] = (ours_s, ours_rss, ours_cpu)
    return out


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
    from storyline.run.processes import default_workers

    workers = args.workers or default_workers()

    records = russia_ukraine(dumpster_records())
    if args.limit:
        records = records[: args.limit]
    chars = sum(len(r["text"]) for r in records)
    print(f"corpus: {len(records)} Russia/Ukraine articles from news-dumpster, {chars:,} chars")
    print(f"processes: {workers} for both sides (peak RSS: the largest process)")

    names = {
        "bare": "bare spaCy nlp.pipe(n_process)",
        "parse": "bare spaCy in our workers",
        "ours": "storyline ingest (all)",
    }
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.multiples:
            corpus = replicate(records, times)
            result = compare(corpus, workers, Path(tmp))
            rows.append((times, len(corpus), result))
            if times == args.multiples[0]:
                print(f"{'':34}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}{'CPU s':>8}")
                for key, name in names.items():
                    secs, rss, cpu = result[key]
                    print(
                        f"{name:34}{secs:>10.1f}{len(corpus) / secs:>12.1f}{rss:>13.0f}{cpu:>8.1f}"
                    )
                bare, parse, ours = (result[k][0] for k in names)
                print(
                    f"ratio storyline / bare spaCy (wall): {bare / ours:.2f} vs "
                    f"nlp.pipe(n_process), {parse / ours:.2f} vs parsing in our workers"
                )
                bare, parse, ours = (result[k][2] for k in names)
                print(
                    f"ratio storyline / bare spaCy (CPU):  {bare / ours:.2f} vs "
                    f"nlp.pipe(n_process), {parse / ours:.2f} vs parsing in our workers\n"
                )

    print(
        f"{'corpus':>7}{'articles':>10}{'bare a/s':>10}{'parse a/s':>11}{'storyline a/s':>15}"
        f"{'ratio':>7}{'ratio*':>8}{'CPU ratio*':>12}{'bare RSS':>10}{'parse RSS':>11}"
        f"{'storyline RSS':>15}"
    )
    for times, n, result in rows:
        (bare, bare_rss, _), (parse, parse_rss, parse_cpu), (ours, ours_rss, ours_cpu) = (
            result[k] for k in names
        )
        print(
            f"{times:>6}x{n:>10}{n / bare:>10.1f}{n / parse:>11.1f}{n / ours:>15.1f}"
            f"{bare / ours:>7.2f}{parse / ours:>8.2f}{parse_cpu / ours_cpu:>12.2f}"
            f"{bare_rss:>10.0f}{parse_rss:>11.0f}{ours_rss:>15.0f}"
        )
    print(
        "ratio: storyline / nlp.pipe(n_process); ratio*: storyline / parsing in our workers "
        "(wall time); CPU ratio*: the same in CPU seconds"
    )
    print("RSS in MB, peak of the largest process of each run")


if __name__ == "__main__":
    main()
