"""Web load: ``storyline serve`` under 16 concurrent clients, as a few browser tabs and scripts.

    python benchmarks/web_load.py                 # builds a store of the 409 articles
    python benchmarks/web_load.py --db ru409.db   # or serves a store you already have
    python benchmarks/web_load.py --requests 400 --concurrency 16
    python benchmarks/web_load.py --limit 40 --requests 200   # a quick look

The server is the whole ``storyline serve`` process, as a user starts it, on
127.0.0.1. Each client keeps its connection open (as a browser does) and
takes the next request from one shared list: a fixed mix (seeded, so every
run asks the same) of the home page, search, story, entity and article pages
and the JSON API (index, list pages, one record by id, search). Prints
requests/s, p50/p95/max latency and the count of errors (5xx answers and
dropped connections), overall and per route.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records, russia_ukraine

STORYLINE = [sys.executable, "-m", "storyline.cli"]
SEARCHES = ("ceasefire", "Zelensky", "Putin said", "sanctions", "Kyiv drone", "peace talks")
# Route family -> weight in the mix: mostly pages, as people browse; a third API.
MIX = {
    "home": 2,
    "search": 2,
    "story": 3,
    "entity": 3,
    "article": 4,
    "api index": 1,
    "api list": 3,
    "api record": 3,
    "api search": 2,
}


def build_store(folder: Path, limit: int = 0) -> Path:
    """The 409 articles (or the first ``limit``) through the real ``storyline ingest``."""
    records = russia_ukraine(dumpster_records())
    records = records[:limit] if limit else records
    source = folder / "ru-ua.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = folder / "ru-ua.db"
    print(f"building a store of {len(records)} Russia/Ukraine articles (storyline ingest) ...")
    start = time.perf_counter()
    subprocess.run([*STORYLINE, "ingest", str(source), "--db", str(db), "-q"], check=True)
    print(f"  built in {time.perf_counter() - start:.0f} s")
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``storyline serve`` in its own process; returns once it answers."""
    port = _free_port()
    command = [*STORYLINE, "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"storyline serve exited with {server.returncode}")
        try:
            httpx.get(f"{base}/api/", timeout=5)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("storyline serve did not answer within 120 s")


def _ids(client: httpx.Client, name: str) -> list[str]:
    for _ in range(5):  # a server with the thread bug of issue 12 fails now and then
        answer = client.get(f"/api/{name}", params={"limit": 500})
        if answer.status_code == 200:
            return [item["id"] for item in answer.json()["items"]]
    answer.raise_for_status()
    return []


def request_mix(base: str, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (route family, URL) pairs, drawn with ``MIX`` weights over the store's own ids."""
    with httpx.Client(base_url=base, timeout=120) as client:
        ids = {name: _ids(client, name) for name in ("stories", "entities", "articles", "figures")}
    rng = random.Random(seed)
    lists = ("articles", "entities", "statements", "figures", "timexes", "stories")

    def url(family: str) -> str:
        pick = {name: rng.choice(found) if found else "none" for name, found in ids.items()}
        return {
            "home": "/",
            "search": f"/search?q={quote(rng.choice(SEARCHES))}",
            "story": f"/stories/{pick['stories']}",
            "entity": f"/entities/{pick['entities']}",
            "article": f"/articles/{pick['articles']}",
            "api index": "/api/",
            "api list": f"/api/{rng.choice(lists)}?limit=50&offset={rng.randrange(0, 200, 50)}",
            "api record": f"/api/{(name := rng.choice(list(ids)))}/{pick[name]}",
            "api search": f"/api/search?q={quote(rng.choice(SEARCHES))}&limit=20",
        }[family]

    families = rng.choices(list(MIX), weights=list(MIX.values()), k=n)
    return [(family, url(family)) for family in families]


Result = tuple[str, float, int | str]  # route family, seconds, HTTP status or error name


def load(base: str, mix: list[tuple[str, str]], concurrency: int) -> tuple[list[Result], float]:
    """Run ``mix`` with ``concurrency`` clients; every request's result and the wall time."""
    results: list[Result] = []
    lock = threading.Lock()
    queue = iter(mix)

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                family, url = item
                start = time.perf_counter()
                try:
                    status: int | str = http.get(url).status_code
                except httpx.TransportError as exc:
                    status = type(exc).__name__
                with lock:
                    results.append((family, time.perf_counter() - start, status))

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - start


def _failed(status: int | str) -> bool:
    return isinstance(status, str) or status >= 500


def _pct(seconds: list[float], q: float) -> float:
    """The q-quantile in milliseconds (inclusive method: p50 of one value is that value)."""
    if len(seconds) == 1:
        return seconds[0] * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[round(q * 100) - 1] * 1000


def report(results: list[Result], wall: float, concurrency: int) -> None:
    times = [t for _, t, _ in results]
    errors = sum(1 for _, _, s in results if _failed(s))
    print(
        f"{len(results)} requests, {concurrency} concurrent clients, {wall:.1f} s: "
        f"{len(results) / wall:.1f} requests/s"
    )
    print(
        f"latency p50 {_pct(times, 0.5):.0f} ms, p95 {_pct(times, 0.95):.0f} ms, "
        f"max {max(times) * 1000:.0f} ms"
    )
    print(f"errors (5xx or dropped connection): {errors}")
    statuses: dict[int | str, int] = defaultdict(int)
    for _, _, status in results:
        statuses[status] += 1
    print("answers: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=str)))
    by_family: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_family[result[0]].append(result)
    print(f"\n{'route':12}{'requests':>10}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}")
    for family in MIX:
        rows = by_family.get(family, [])
        if not rows:
            continue
        secs = [t for _, t, _ in rows]
        failed = sum(1 for _, _, s in rows if _failed(s))
        print(
            f"{family:12}{len(rows):>10}{_pct(secs, 0.5):>9.0f}{_pct(secs, 0.95):>9.0f}"
            f"{max(secs) * 1000:>9.0f}{failed:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="serve this store [default: build the 409]")
    parser.add_argument("--requests", type=int, default=2000, help="requests in all [2000]")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent clients [16]")
    parser.add_argument("--limit", type=int, default=0, help="build from the first N articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp), args.limit)
        server, base = serve(db)
        try:
            mix = request_mix(base, args.requests)
            # One round before timing: templates compiled, connections opened, pages cached by
            # the OS, as on a server that has been up for a while.
            load(base, mix[: args.concurrency * 2], args.concurrency)
            results, wall = load(base, mix, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=30)
    built = f"the first {args.limit}" if args.limit else "the 409"
    print(f"store: {db if args.db else built + ' Russia/Ukraine articles, built for this run'}")
    report(results, wall, args.concurrency)


if __name__ == "__main__":
    main()
