"""Following feeds and sitemaps end to end, against local sites on 127.0.0.1.

    python benchmarks/feeds_local.py               # 500 pages, 5 sites, 10 requests/s a site
    python benchmarks/feeds_local.py --pages 100 --delay 0.05

Serves real saved news pages (the Zyte benchmark's 181, then L3S-GN1's) from
``--sites`` local sites, each in its own port (a site to the politeness
limits), run in a separate process so the server's work does not count as
storyline's. Each site lists half its pages in an RSS feed and half in a
Google News sitemap behind a sitemap index. Then:

1. poll 1 of ``storyline watch`` (``fetch.watch.polls``), end to end (robots.txt, feeds and
   sitemaps, fetch every page at the fixed per-site rate, clean, analyse in
   ``--workers`` processes, store, corpus stage): pages/s;
2. poll 2, nothing changed: the HTTP requests made and their answers (the
   goal: only the feeds and sitemaps, each answered 304);
3. fetching alone, into a fresh store (no analysis): pages/s, to show where
   the time goes;
4. the same pages saved as files through the file path of ``ingest`` (same
   workers, fresh store): pages/s, so the cost of fetching reads against
   what analysis costs on the same machine at the same time;

and the peak memory of this process (fetcher, cleaning, store) and of the
largest analysis worker.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from local_site import Site, real_pages, rss, sitemap, sitemap_index  # noqa: E402
from storyline.fetch.crawl import Crawler  # noqa: E402
from storyline.fetch.policy import Politeness  # noqa: E402
from storyline.fetch.watch import polls  # noqa: E402
from storyline.journey import IngestReport, default_workers, ingest  # noqa: E402
from storyline.schema import RawDocument, Skip  # noqa: E402
from storyline.store import Store  # noqa: E402


def serve(pages: int, sites: int, ports: mp.Queue, stop: mp.Event) -> None:  # type: ignore[type-arg]
    """Child process: ``sites`` local sites sharing ``pages`` real pages."""
    html = real_pages(pages)
    running = []
    for s in range(sites):
        site = Site().__enter__()
        mine = html[s::sites]
        urls = [site.add(f"/news/{s}/{i}", page) for i, page in enumerate(mine)]
        half = len(urls) // 2
        site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        tagged = [(u + "?utm_source=rss&utm_medium=feed", "story") for u in urls[:half]]
        site.add("/feed.xml", rss(tagged, site.url("/")), content_type="application/rss+xml")
        xml = "application/xml"
        site.add("/news-sitemap.xml", sitemap(urls[half:], news=True), content_type=xml)
        site.add("/sitemap.xml", sitemap_index([site.url("/news-sitemap.xml")]), content_type=xml)
        running.append(site)
        ports.put(site.port)
    stop.wait()
    for site in running:
        site.__exit__()


def _sources(ports: list[int]) -> list[str]:
    out = []
    for port in ports:
        out += [f"http://127.0.0.1:{port}/feed.xml", f"http://127.0.0.1:{port}/sitemap.xml"]
    return out


def _peaks_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, workers


def watch_twice(store: Store, sources: list[str], politeness: Politeness, workers: int) -> None:
    """Two polls of what ``storyline watch`` runs, the second with nothing changed."""
    crawler = Crawler(store, politeness)

    def run(documents: Iterable[RawDocument | Skip]) -> IngestReport:
        return ingest([], store, workers=workers, documents=documents)

    for poll in polls(crawler, sources, run, every=0.0, max_polls=2):
        added = len(poll.result.added) if poll.result else 0
        skipped = poll.result.skipped if poll.result else []
        if poll.number == 1:
            print(
                f"poll 1: {added} articles added, {len(skipped)} pages skipped, in "
                f"{poll.seconds:.1f}s end to end: {added / poll.seconds:.1f} pages/s"
            )
            for skip in skipped:
                print(f"  skipped {skip.source}: {skip.reason}")
        else:
            answers = {k: v for k, v in crawler.client.statuses.items() if k != 200}
            print(
                f"poll 2 (nothing changed): {poll.requests} requests, {poll.not_modified} "
                f"answered 304 ({len(sources)} feeds and sitemap indexes + the sitemaps behind "
                f"the indexes), {added} articles added, {poll.seconds:.2f}s; answers other "
                f"than 200 over both polls: {answers}"
            )


def fetch_only(db: Path, sources: list[str], politeness: Politeness) -> tuple[int, float]:
    started = time.perf_counter()
    with Store(db) as store:
        crawler = Crawler(store, politeness)
        fetched = sum(1 for _ in crawler.documents(crawler.plan(sources)))
    return fetched, time.perf_counter() - started


def from_files(folder: Path, pages: int, workers: int) -> tuple[int, float]:
    for i, page in enumerate(real_pages(pages)):
        (folder / f"{i:04d}.html").write_bytes(page)
    started = time.perf_counter()
    with Store(folder / "files.db") as store:
        report = ingest([folder], store, workers=workers)
    return len(report.added), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--sites", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds between requests a site")
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()

    context = mp.get_context("spawn")
    ports_queue, stop = context.Queue(), context.Event()
    server = context.Process(target=serve, args=(args.pages, args.sites, ports_queue, stop))
    server.start()
    ports = [ports_queue.get(timeout=120) for _ in range(args.sites)]
    sources = _sources(ports)
    politeness = Politeness(delay=args.delay)
    print(
        f"{args.pages} real pages on {args.sites} local sites; per-site delay {args.delay:g}s "
        f"({1 / args.delay if args.delay else float('inf'):g} requests/s per site), "
        f"{politeness.concurrency} requests in flight at most, {args.workers} analysis workers"
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "follow.db") as store:
                watch_twice(store, sources, politeness, args.workers)
            own, workers = _peaks_mb()
            fetched, fetch_seconds = fetch_only(Path(tmp) / "fetch.db", sources, politeness)
            print(
                f"fetching alone (fresh store, no analysis): {fetched} pages in "
                f"{fetch_seconds:.1f}s: {fetched / fetch_seconds:.1f} pages/s"
            )
            print(f"peak RSS: this process {own:.0f} MB, largest analysis worker {workers:.0f} MB")
            files = Path(tmp) / "files"
            files.mkdir()
            added_files, file_seconds = from_files(files, args.pages, args.workers)
            print(
                f"the same pages as files (ingest FOLDER): {added_files} articles in "
                f"{file_seconds:.1f}s: {added_files / file_seconds:.1f} pages/s"
            )
    finally:
        stop.set()
        server.join(timeout=30)


if __name__ == "__main__":
    main()
