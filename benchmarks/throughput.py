"""Throughput: storyline end to end vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

    python benchmarks/throughput.py            # the 409 Russia/Ukraine articles, at 1x, 2x, 4x
    python benchmarks/throughput.py --limit 50 --multiples 1   # a quick look

Two measurements of each side:

- whole process, as a user experiences it: the real ``storyline ingest FILE
  --db NEW -q`` command (start-up, imports, model loading, reading, cleaning,
  parsing, analysis, the store, the corpus stage, exit) against a process
  that reads the same JSON Lines, loads the model and runs bare
  ``nlp.pipe(n_process=N)``; wall time from start to exit, CPU time and peak
  RSS from the operating system's accounting of each finished process tree
  (``os.wait4``). The pair runs ``--repeat`` times, alternating, so a drift
  of the shared machine's speed hits both sides.
- in process: ``ingest()`` (the same steps from reading to the corpus
  stage) against ``nlp.pipe`` alone, each timed inside its own fresh process
  after imports and model loading, plus a second baseline, plain parsing in
  storyline's own worker layout.

The 2x and 4x corpora repeat the records with distinct URLs (``#copy-N``),
so they are new articles to storyline (and near-duplicates of each other,
as syndicated news is): peak RSS should not grow with the corpus.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import subprocess
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


def bare_process(path: str, workers: int) -> None:
    """The whole-process baseline: what a user would write to parse the same file with
    spaCy alone (read the JSON Lines, load the model, ``nlp.pipe(n_process)``)."""
    from storyline.analyze.nlp import load_nlp

    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    nlp = load_nlp()
    assert sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=workers)) == len(texts)


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one command run to its end, from ``os.wait4``:
    the process and every descendant it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[:3]} exited {proc.returncode}: {errors.decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def whole(path: Path, workers: int, repeat: int, tmp: Path) -> dict[str, list[tuple]]:
    """Name -> [(wall, CPU, RSS)] per run of the two whole processes, alternating."""
    exe = shutil.which("storyline")
    cli = [exe] if exe else [sys.executable, "-m", "storyline.cli"]
    out: dict[str, list[tuple]] = {"bare": [], "ours": []}
    for i in range(repeat):
        bare = [sys.executable, __file__, "--bare-process", str(path), "--workers", str(workers)]
        out["bare"].append(timed(bare))
        db = tmp / f"whole-{path.stem}-{i}.db"
        ingest = [*cli, "ingest", str(path), "--db", str(db), "-q", "--workers", str(workers)]
        out["ours"].append(timed(ingest))
    return out


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


def corpus_file(records: list[dict], tmp: Path) -> Path:
    path = tmp / f"ru-ua-{len(records)}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def compare(records: list[dict], workers: int, tmp: Path) -> dict[str, tuple[float, float, float]]:
    """Name -> (seconds, peak RSS MB, CPU seconds) for the two baselines and storyline."""
    texts = [r["text"] for r in records]
    path = corpus_file(records, tmp)
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
    parser.add_argument(
        "--repeat", type=int, default=3, help="whole-process runs of each side per size [3]"
    )
    parser.add_argument(
        "--only", choices=("whole", "in-process"), help="one of the two measurements"
    )
    parser.add_argument("--bare-process", metavar="JSONL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from storyline.run.processes import default_workers

    workers = args.workers or default_workers()
    if args.bare_process:
        bare_process(args.bare_process, workers)
        return

    records = russia_ukraine(dumpster_records())
    if args.limit:
        records = records[: args.limit]
    chars = sum(len(r["text"]) for r in records)
    print(f"corpus: {len(records)} Russia/Ukraine articles from news-dumpster, {chars:,} chars")
    print(f"processes: {workers} for both sides (peak RSS: the largest process)")

    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "in-process":
            print_whole(records, workers, args.multiples, args.repeat, Path(tmp))
        if args.only != "whole":
            print_in_process(records, workers, args.multiples, Path(tmp))


def print_whole(
    records: list[dict], workers: int, multiples: list[int], repeat: int, tmp: Path
) -> None:
    print(
        f"\nwhole process, as a user runs it: `storyline ingest FILE --db NEW -q` against "
        f"reading FILE and nlp.pipe(n_process={workers}) in a script; {repeat} runs each, "
        "alternating"
    )
    print(
        f"{'corpus':>7}{'run':>4}{'bare s':>8}{'storyline s':>13}{'ratio':>7}{'bare CPU s':>12}"
        f"{'storyline CPU s':>17}{'CPU ratio':>11}{'bare RSS':>10}{'storyline RSS':>15}"
    )
    for times in multiples:
        corpus = replicate(records, times)
        runs = whole(corpus_file(corpus, tmp), workers, repeat, tmp)
        for i, (bare, ours) in enumerate(zip(runs["bare"], runs["ours"], strict=True), 1):
            print(
                f"{times:>6}x{i:>4}{bare[0]:>8.1f}{ours[0]:>13.1f}{bare[0] / ours[0]:>7.2f}"
                f"{bare[1]:>12.1f}{ours[1]:>17.1f}{bare[1] / ours[1]:>11.2f}"
                f"{bare[2]:>10.0f}{ours[2]:>15.0f}"
            )
        walls = [b[0] / o[0] for b, o in zip(runs["bare"], runs["ours"], strict=True)]
        cpus = [b[1] / o[1] for b, o in zip(runs["bare"], runs["ours"], strict=True)]
        print(
            f"{times:>6}x  {len(corpus)} articles: median ratio {statistics.median(walls):.2f} "
            f"wall, {statistics.median(cpus):.2f} CPU; storyline "
            f"{len(corpus) / statistics.median(o[0] for o in runs['ours']):.1f} articles/s"
        )
    print("ratio: bare / storyline (1.00 = as fast as bare spaCy); RSS in MB, largest process\n")


def print_in_process(records: list[dict], workers: int, multiples: list[int], tmp: Path) -> None:
    print("in process: each side timed inside its own fresh process, after imports and model")
    names = {
        "bare": "bare spaCy nlp.pipe(n_process)",
        "parse": "bare spaCy in our workers",
        "ours": "storyline ingest (all)",
    }
    rows = []
    for times in multiples:
        corpus = replicate(records, times)
        result = compare(corpus, workers, tmp)
        rows.append((times, len(corpus), result))
        if times == multiples[0]:
            print(f"{'':34}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}{'CPU s':>8}")
            for key, name in names.items():
                secs, rss, cpu = result[key]
                print(f"{name:34}{secs:>10.1f}{len(corpus) / secs:>12.1f}{rss:>13.0f}{cpu:>8.1f}")
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
