"""kill -9 the ingest at random points; the store must stay whole and a re-run must complete it.

    python benchmarks/kill_ingest.py               # 20 trials on 30 news-dumpster articles + seeds
    python benchmarks/kill_ingest.py --trials 40 --articles 60 --seed 3

Each trial starts ``storyline ingest`` (the real CLI, in its own process
group, one or two worker processes), waits until a random number of
articles (0 to all) is stored, then a random delay more, sends SIGKILL to
the whole group, and checks the store:

* ``PRAGMA integrity_check`` is ``ok`` and no finding is left without its article;
* no article is half-written: every stored article has exactly the content
  hash and the number of mentions, statements, figures and timexes that a
  clean reference ingest of the same inputs gives it;
* re-running the same command completes the store: the same articles as the
  reference (no duplicates) and a JSON export identical to the reference's.

It prints one line per trial and the counts at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import SHARED, dumpster_records, russia_ukraine

SEEDS = SHARED / "corpus" / "seeds"
CHILD_TABLES = ("mentions", "statements", "figures", "timexes")


def make_inputs(folder: Path, articles: int) -> list[str]:
    """The seeds folder and a JSON Lines file of the first ``articles`` Russia/Ukraine records."""
    records = russia_ukraine(dumpster_records())[:articles]
    feed = folder / "ru-ua.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [str(SEEDS), str(feed)]


_ENV: dict[str, str] = dict(os.environ)


def freeze_code(folder: Path) -> None:
    """Run every ingest of this session on a copy of the package taken now, so that the
    reference and the trials run the same code even if the source tree changes meanwhile."""
    import storyline

    code = folder / "code"
    shutil.copytree(Path(storyline.__file__).parent, code / "storyline",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    _ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))


def command(inputs: list[str], db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "ingest", *inputs, "--db", str(db), "-q",
            "--workers", str(workers)]  # fmt: skip


def run(inputs: list[str], db: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run(command(inputs, db, workers), check=True, capture_output=True, env=_ENV)
    return time.perf_counter() - started


def export(db: Path) -> bytes:
    out = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "export", "--db", str(db)],
        check=True,
        capture_output=True,
        env=_ENV,
    )
    return out.stdout


def per_article(db: Path) -> dict[str, tuple[object, ...]]:
    """Article id -> (content hash, number of mentions, statements, figures, timexes)."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, tuple[object, ...]] = {
            aid: (digest,) for aid, digest in conn.execute("SELECT id, content_hash FROM articles")
        }
        for table in CHILD_TABLES:
            counts = dict(conn.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1"))
            for aid in out:
                out[aid] = (*out[aid], counts.get(aid, 0))
        return out
    finally:
        conn.close()


def check_store(db: Path, reference: dict[str, tuple[object, ...]]) -> tuple[int, list[str]]:
    """The killed store: (articles in it, problems found)."""
    problems = []
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        for table in CHILD_TABLES:
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            if orphans:
                problems.append(f"{orphans} {table} without their article")
    except sqlite3.DatabaseError as exc:
        return 0, [f"unreadable store: {exc}"]
    finally:
        conn.close()
    stored = per_article(db)
    for aid, counts in stored.items():
        if reference.get(aid) != counts:
            problems.append(f"article {aid} half-written: {counts} vs {reference.get(aid)}")
    return len(stored), problems


def stored(db: Path) -> int:
    """Articles committed so far (read through WAL while the ingest writes)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or its schema not yet committed
        return 0


@dataclass
class Trial:
    target: int
    delay: float
    workers: int
    at_kill: int
    problems: list[str]
    rerun_ok: bool


def trial(
    inputs: list[str],
    folder: Path,
    reference: dict[str, tuple[object, ...]],
    ref_export: bytes,
    target: int,
    delay: float,
    workers: int,
) -> Trial:
    """Start an ingest, wait until ``target`` articles are stored, wait ``delay`` more, kill -9."""
    db = folder / "killed.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    proc = subprocess.Popen(
        command(inputs, db, workers),
        start_new_session=True,  # its own process group: the kill takes the workers too
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_ENV,
    )
    while proc.poll() is None and target and stored(db) < target:
        time.sleep(0.02)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill, problems = check_store(db, reference) if db.exists() else (0, [])
    run(inputs, db, workers)
    again, more = check_store(db, reference)
    problems += [f"after re-run: {p}" for p in more]
    rerun_ok = again == len(reference) and export(db) == ref_export
    return Trial(target, delay, workers, at_kill, problems, rerun_ok)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=30, help="news-dumpster articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        freeze_code(folder)
        inputs = make_inputs(folder, args.articles)
        ref_db = folder / "reference.db"
        seconds = run(inputs, ref_db, 1)
        reference, ref_export = per_article(ref_db), export(ref_db)
        print(f"reference: {len(reference)} articles, one process, {seconds:.1f}s end to end")
        results = []
        for n in range(args.trials):
            workers = 1 + n % 2
            # Kill once `target` articles are stored (0: from the start), after a random delay.
            target = rng.randint(0, len(reference))
            delay = rng.uniform(0, 1.0 if target else seconds)
            t = trial(inputs, folder, reference, ref_export, target, delay, workers)
            results.append(t)
            status = "ok" if not t.problems and t.rerun_ok else "FAIL"
            print(
                f"trial {n + 1:2}: workers={workers} kill {delay:4.1f}s after "
                f"{target:3} stored, "
                f"{t.at_kill:3} articles stored at kill; re-run identical: {t.rerun_ok}; {status}"
            )
            for problem in t.problems[:5]:
                print(f"    {problem}")
    killed_mid = sum(1 for t in results if 0 < t.at_kill < len(reference))
    print(
        f"\n{len(results)} kill -9 trials: "
        f"{sum(not t.problems for t in results)} stores consistent, "
        f"{sum(t.rerun_ok for t in results)} re-runs identical to the reference; "
        f"killed before the first article {sum(t.at_kill == 0 for t in results)}, "
        f"mid-ingest {killed_mid}, after the last save (corpus stage or exit) "
        f"{sum(t.at_kill == len(reference) for t in results)}"
    )
    if any(t.problems or not t.rerun_ok for t in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
