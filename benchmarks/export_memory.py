"""Export memory stays flat as the store grows: peak RSS of the export at 10k/50k/100k figures.

    python benchmarks/export_memory.py
    python benchmarks/export_memory.py --sizes 10000 100000 300000

SYNTHETIC DATA: this measures memory, not extraction, so the stores are
filled with made-up articles and figures (100 figures a article, written
through ``Store.save`` like a real ingest), not with real analysis results.
Each export runs in a fresh process (the real CLI, output to a file) and
reports that process's own peak RSS, next to the RSS of a process that only
opens the store, so the export's own share is visible.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIGURES_PER_ARTICLE = 100

# The child measures its own peak RSS (ru_maxrss, KiB on Linux) after doing ``what``.
CHILD = """
import resource, sys
from pathlib import Path
from storyline.store import Store
from storyline.export import export_to
db, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
store = Store(db)
if fmt != "none":
    export_to(store, fmt, Path(out), sys.stdout)
store.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def build(db: Path, figures: int) -> None:
    """A store with ``figures`` synthetic figures (and a statement and a timex per article)."""
    from storyline.schema import Article, Figure, Findings, Statement, Timex, stable_id
    from storyline.store import Store

    text = "Synthetic article. " * 200  # ~3,800 characters, like a short news article
    with Store(db) as store:
        for n in range(figures // FIGURES_PER_ARTICLE):
            aid = stable_id("a", "synthetic", n)
            article = Article(
                id=aid, source=f"synthetic://{n}", title=f"Synthetic {n}", outlet="synthetic",
                published="2025-05-21", published_basis="metadata", language="en", text=text,
                content_hash=str(n),
            )  # fmt: skip
            findings = Findings(article=article)
            findings.statements.append(
                Statement(
                    stable_id("s", aid),
                    aid,
                    "Someone",
                    None,
                    "said",
                    "Synthetic.",
                    False,
                    None,
                    "2025-05-21",
                    0,
                    10,
                )
            )
            findings.timexes.append(
                Timex(stable_id("t", aid), aid, "Tuesday", 20, 27, "date", "2025-05-20")
            )
            for k in range(FIGURES_PER_ARTICLE):
                start = 30 + k * 30
                findings.figures.append(
                    Figure(
                        stable_id("f", aid, k),
                        aid,
                        f"{k} people",
                        float(k),
                        float(k),
                        None,
                        None,
                        "killed",
                        "people",
                        None,
                        None,
                        None,
                        None,
                        "2025-05-20",
                        start,
                        start + 9,
                    )
                )
            store.save(findings)


def measure(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), fmt, str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    args = parser.parse_args()
    print("SYNTHETIC data (made-up articles and figures; a memory test, not an extraction test)")
    print(f"{'figures':>9}{'store MB':>10}{'format':>8}{'output MB':>11}"
          f"{'peak RSS MB':>13}{'open only MB':>14}{'seconds':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            db = Path(tmp) / f"s{size}.db"
            build(db, size)
            base, _ = measure(db, "none", Path(tmp) / "none")
            for fmt in ("json", "jsonl", "csv"):
                out = Path(tmp) / f"out-{size}.{fmt}"
                rss, seconds = measure(db, fmt, out)
                written = (
                    sum(p.stat().st_size for p in out.iterdir())
                    if out.is_dir()
                    else out.stat().st_size
                )
                print(
                    f"{size:>9,}{db.stat().st_size / 2**20:>10.0f}{fmt:>8}"
                    f"{written / 2**20:>11.1f}{rss:>13.0f}{base:>14.0f}{seconds:>9.1f}"
                )


if __name__ == "__main__":
    main()
