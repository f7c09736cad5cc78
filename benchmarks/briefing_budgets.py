"""The briefing and the web app against their budgets (issue 16), as a reader meets them.

    python benchmarks/briefing_budgets.py                # builds the stores it measures
    python benchmarks/briefing_budgets.py --db ru409.db  # or measures your store of the 409
    python benchmarks/briefing_budgets.py --runs 5       # more timing runs (the best counts)

For each store (the 409 Russia/Ukraine articles of news-dumpster, and the
five seeds): ``storyline report`` as a user runs it (wall time of the whole
command, best of ``--runs``, and its peak memory); the HTML and Markdown
sizes; the HTML opened from disk in Chromium at 1366x900 (DOM elements as
opened, as ``document.getElementsByTagName('*')`` counts them, and with every
``<details>`` opened; height in pixels and screens; time to the load event);
then ``storyline serve``: every story page (every page of its claims), for
the biggest; and each page type at 390 px wide, for horizontal scrolling.

Budgets (news-dumpster): HTML at most 2 MB, 25,000 elements as opened, 60
screens tall, generated in under 2 s; the biggest story page at most 500 kB.
The numbers of main before issue 16 are printed next to them. Wall times
depend on the machine and its load; this prints them, the tests never assert
them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import SHARED
from web_load import build_store, serve

STORYLINE = [sys.executable, "-m", "storyline.cli"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
BUDGET = {"bytes": 2_000_000, "elements": 25_000, "screens": 60, "seconds": 2.0, "page": 500_000}
# main before issue 16, on the same 409 articles (the measurements).
BEFORE = {
    "news-dumpster": {
        "bytes": 16_939_785,
        "elements": 306_730,
        "height": 3_777_758,
        "seconds": 4.2,
        "page": 3_680_000,
    },
    # main at f02a3f8 on the five seeds (measured as this benchmark measures).
    "seeds": {"bytes": 208_209, "elements": 3_138, "height": 49_215, "page": 84_203},
}
COUNT = "() => document.getElementsByTagName('*').length"
OPEN_ALL = "() => document.querySelectorAll('details:not([open])').forEach(d => d.open = true)"
WIDE = "() => document.documentElement.scrollWidth"


# ``storyline report`` as the command line runs it, then its own peak memory on stderr.
REPORT = (
    "import resource, sys\n"
    "from storyline.cli import app\n"
    "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def report(db: Path, out: Path, runs: int) -> tuple[float, float]:
    """Best wall time of ``storyline report`` and its peak RSS in MB."""
    best, peak = float("inf"), 0.0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", REPORT, "report", "--db", str(db), "-o", str(out)],
            check=True,
            capture_output=True,
            text=True,
        )
        best = min(best, time.perf_counter() - start)
        peak = max(peak, int(done.stderr.strip().splitlines()[-1]) / 1024)
    return best, peak


def launch(pw: Any) -> Any:
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def in_chromium(html: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport=DESKTOP)
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load", timeout=300_000)
        opened = time.perf_counter() - start
        found = {
            "elements": page.evaluate(COUNT),
            "height": page.evaluate("() => document.documentElement.scrollHeight"),
            "open_seconds": opened,
        }
        page.evaluate(OPEN_ALL)
        found["elements_all_open"] = page.evaluate(COUNT)
        found["height_all_open"] = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size(PHONE)
        found["phone_width"] = page.evaluate(WIDE)
        browser.close()
    return found


def web_pages(db: Path) -> tuple[dict[str, object], dict[str, int]]:
    """The biggest story page (bytes, URL) and each page type's width at 390 px."""
    from playwright.sync_api import sync_playwright

    server, base = serve(db)
    try:
        with httpx.Client(base_url=base, timeout=300) as client:
            stories = [
                s["id"] for s in client.get("/api/stories", params={"limit": 500}).json()["items"]
            ]
            biggest = {"bytes": 0, "url": ""}
            for sid in stories:
                for n in range(1, 1000):
                    url = f"/stories/{sid}?page={n}"
                    answer = client.get(url)
                    if answer.status_code != 200:
                        break
                    if len(answer.content) > int(biggest["bytes"]):  # type: ignore[call-overload]
                        biggest = {"bytes": len(answer.content), "url": url}
                    if 'rel="next"' not in answer.text:
                        break
            entity = client.get("/api/entities", params={"limit": 1}).json()["items"]
            article = client.get("/api/articles", params={"limit": 1}).json()["items"]
        urls = {
            "home": "/",
            "search": "/search?q=ceasefire",
            "story": str(biggest["url"]),
            "entity": f"/entities/{entity[0]['id']}" if entity else "/",
            "article": f"/articles/{article[0]['id']}" if article else "/",
            "error": "/stories/none",
        }
        widths = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport=PHONE)
            for name, url in urls.items():
                page.goto(base + url)
                page.evaluate(
                    "() => document.querySelectorAll('details').forEach(d => d.open = true)"
                )
                widths[name] = page.evaluate(WIDE)
            browser.close()
        return biggest, widths
    finally:
        server.terminate()
        server.wait(timeout=30)


def seeds_store(folder: Path) -> Path:
    db = folder / "seeds.db"
    subprocess.run(
        [*STORYLINE, "ingest", str(SHARED / "corpus" / "seeds"), "--db", str(db), "-q"], check=True
    )
    return db


def measure(name: str, db: Path, folder: Path, runs: int) -> None:
    html, md = folder / f"{name}.html", folder / f"{name}.md"
    seconds, peak = report(db, html, runs)
    subprocess.run(
        [*STORYLINE, "report", "--db", str(db), "-o", str(md)], check=True, capture_output=True
    )
    size = html.stat().st_size
    browser = in_chromium(html)
    biggest, widths = web_pages(db)
    screens = browser["height"] / DESKTOP["height"]
    before = BEFORE.get(name, {})
    is_budgeted = name == "news-dumpster"

    def row(what: str, value: str, budget: str = "", was: str = "") -> None:
        print(f"  {what:<38} {value:>14}  {budget:>12}  {was:>14}")

    def verdict(ok: bool) -> str:
        return ("ok " if ok else "OVER ") if is_budgeted else ""

    before = BEFORE.get(name, {})
    budgeted = name == "news-dumpster"
    print(f"\n{name}: {db}")
    rows = [
        ("", "now", "budget" if budgeted else "", "before (main)"),
        ("HTML briefing, bytes", size, ("bytes", size), before.get("bytes")),
        ("Markdown briefing, bytes", md.stat().st_size, None, None),
        (
            "DOM elements as opened",
            browser["elements"],
            ("elements", browser["elements"]),
            before.get("elements"),
        ),
        ("DOM elements, every <details> open", browser["elements_all_open"], None, None),
        ("height at 1366x900, px", browser["height"], None, before.get("height")),
        (
            "height in screens",
            round(screens, 1),
            ("screens", screens),
            round(before["height"] / DESKTOP["height"]) if before else None,
        ),
        (
            "height, every <details> open, screens",
            round(browser["height_all_open"] / DESKTOP["height"]),
            None,
            None,
        ),
        ("time to open in Chromium, s", round(browser["open_seconds"], 2), None, None),
        (
            "storyline report, wall s (best)",
            round(seconds, 2),
            ("seconds", seconds),
            before.get("seconds"),
        ),
        ("storyline report, peak RSS MB", round(peak), None, None),
        ("briefing width at 390 px (all open)", browser["phone_width"], None, None),
        (
            "biggest web story page, bytes",
            biggest["bytes"],
            ("page", biggest["bytes"]),
            before.get("page"),
        ),
        ("  that page", str(biggest["url"])[:40], None, None),
    ] + [(f"web {page} page width at 390 px", width, None, None) for page, width in widths.items()]
    for what, value, budget, was in rows:
        print(
            f"  {what:<40} {_cell(value):>14}  {_budget(budget) if budgeted else '':>18}  "
            f"{_cell(was):>14}"
        )


def _cell(value: object) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _budget(budget: tuple[str, float] | str | None) -> str:
    """The budget and whether the value keeps it ("ok") or not ("OVER")."""
    if budget is None or isinstance(budget, str):
        return budget or ""
    key, value = budget
    limit = BUDGET[key]
    kept = value < limit if key == "seconds" else value <= limit
    return f"{'ok' if kept else 'OVER'} {'< ' if key == 'seconds' else ''}{limit:,}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="a store of the 409 articles (else built)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-budgets-") as tmp:
        folder = Path(tmp)
        measure("news-dumpster", args.db or build_store(folder), folder, args.runs)
        measure("seeds", seeds_store(folder), folder, args.runs)


if __name__ == "__main__":
    main()
