"""Ingest from URLs end to end against a local site serving real saved news pages
(Zyte and L3S-GN1 HTML from ../shared/data) through generated feeds and sitemaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from local_site import Site, atom, real_pages, rss, sitemap, sitemap_index
from storyline.export.warc import write_warc
from storyline.fetch.crawl import Crawler
from storyline.fetch.policy import Politeness
from storyline.journey import IngestReport, ingest
from storyline.schema import stable_id
from storyline.store import Store

FAST = Politeness(delay=0.0, backoff=0.01, max_backoff=0.02, read_timeout=1.0, retries=1)
PAGES = real_pages(10)
RSS = "application/rss+xml"


def _run(
    store: Store, crawler: Crawler, sources: list[str], nlp, known: bool = True
) -> IngestReport:  # type: ignore[no-untyped-def]
    plan = crawler.plan(sources)
    return ingest([], store, nlp=nlp, documents=crawler.documents(plan, known=known))


def _article_urls(store: Store) -> set[str]:
    return {a.url for a in store.articles() if a.url}


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    with Site() as s:
        yield s


def test_every_kind_of_source_lands_once(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/news/{i}", PAGES[i]) for i in range(8)]
    site.add("/robots.txt", "User-agent: *\nDisallow: /news/7\n", content_type="text/plain")
    # one article through two feeds, tagged differently by each (as DW does)
    site.add("/rss.xml", rss([(urls[0] + "?maca=en-rss-1", "a"), (urls[1], "b")]), content_type=RSS)
    site.add("/atom.xml", atom([(urls[0] + "?maca=en-rss-2", "a"), (urls[2], "c")]))
    site.add("/news-sitemap.xml", sitemap(urls[3:5], news=True), content_type="application/xml")
    site.add("/sitemap.xml", sitemap_index([site.url("/news-sitemap.xml")]))
    home = '<html><head><link rel="alternate" type="application/rss+xml" href="/home.xml">'
    site.add("/", home + "</head><body>Front page</body></html>")
    site.add("/home.xml", rss([(urls[5], "f")]), content_type=RSS)
    listing = tmp_path / "follow.txt"
    listing.write_text(f"{urls[6]}\n{urls[7]}\n")
    from storyline.fetch.sources import split_inputs

    sources = [site.url(p) for p in ("/rss.xml", "/atom.xml", "/sitemap.xml", "/")]
    sources += split_inputs([str(listing)]).urls
    with Store(tmp_path / "s.db") as store:
        report = _run(store, Crawler(store, FAST), sources, nlp)
        assert _article_urls(store) == set(urls[:7])
        assert [(s.source, s.reason) for s in store.skipped()] == [
            (urls[7], "disallowed by robots.txt")
        ]
    assert len(report.added) == 7
    # each page asked for exactly once, the disallowed one never
    assert sorted(p for p in site.paths() if p.startswith("/news/")) == [
        f"/news/{i}" for i in range(7)
    ]


def test_polls_fetch_only_what_is_new(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/story/{i}", PAGES[i]) for i in range(5)]
    site.add("/feed.xml", rss([(u, "t") for u in urls[:2]]), content_type=RSS)
    site.add("/sitemap.xml", sitemap(urls[2:3], news=True), content_type="application/xml")
    sources = [site.url("/feed.xml"), site.url("/sitemap.xml")]
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST)
        assert len(_run(store, crawler, sources, nlp, known=False).added) == 3
        site.hits.clear()
        second = _run(store, crawler, sources, nlp, known=False)
        # the second poll: the two sources, answered 304, and nothing else
        assert [(h.path, h.status) for h in site.requested()] == [
            ("/feed.xml", 304),
            ("/sitemap.xml", 304),
        ]
        assert second.added == [] and second.skipped == []
        # the feed changes: exactly its two new items are fetched and added
        site.add("/feed.xml", rss([(u, "t") for u in urls]), content_type=RSS)
        site.hits.clear()
        third = _run(store, crawler, sources, nlp, known=False)
        assert sorted(p for p in site.paths() if p.startswith("/story/")) == [
            "/story/3",
            "/story/4",
        ]
        assert len(third.added) == 2 and _article_urls(store) == set(urls)


def test_reanalysis_needs_no_network(site: Site, tmp_path: Path, nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/n/{i}", PAGES[i]) for i in range(3)]
    site.add("/feed.xml", rss([(u, "t") for u in urls]), content_type=RSS)
    with Store(tmp_path / "s.db") as store:
        first = _run(store, Crawler(store, FAST), [site.url("/feed.xml")], nlp)
        site.hits.clear()
        # an upgrade that changes what analysis yields: the same inputs are analysed again
        monkeypatch.setattr("storyline.clean.article.ANALYSIS_VERSION", 10_000)
        offline = Crawler(store, FAST, offline=True)
        again = _run(store, offline, [site.url("/feed.xml")], nlp)
        assert sorted(again.added) == sorted(first.added) and len(first.added) == 3
        assert site.requested() == [] and offline.client.requests == 0


def test_bad_responses_are_reported_and_the_rest_lands(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    good = [site.add(f"/ok/{i}", PAGES[i]) for i in range(2)]
    bad = {
        "/missing": "HTTP 404 Not Found",
        "/gone": "HTTP 410 Gone",
        "/down": "HTTP 503 Service Unavailable (after 2 attempts)",
        "/slow": "timed out",
        "/video": "not an HTML page or feed (Content-Type video/mp4)",
        "/empty": "no main text found in the HTML page",
        "/huge": "response over 2,000,000 bytes",
        "/loop": "redirect loop",
    }
    site.add("/gone", statuses=[410])
    site.add("/down", statuses=[503])
    site.add("/slow", PAGES[3], delay=2.0)
    site.add("/video", b"\x00" * 100, content_type="video/mp4")
    site.add("/empty", "<html><body><nav>Home</nav></body></html>")
    site.add("/huge", b"<html>" + b"<p>words</p>" * 200_000 + b"</html>")
    site.add("/loop", statuses=[301], headers={"Location": "/loop2"})
    site.add("/loop2", statuses=[301], headers={"Location": "/loop"})
    site.add("/bad-feed.xml", "<rss><channel><title>broken", content_type=RSS)
    items = [(u, "t") for u in good + [site.url(p) for p in bad]]
    site.add("/feed.xml", rss(items), content_type=RSS)
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST.with_(max_bytes=2_000_000))
        report = _run(store, crawler, [site.url("/feed.xml"), site.url("/bad-feed.xml")], nlp)
        skipped = {s.source: s.reason for s in store.skipped()}
        assert _article_urls(store) == set(good)
    assert len(report.added) == 2
    for path, reason in bad.items():
        assert skipped[site.url(path)].startswith(reason), (path, skipped[site.url(path)])
    assert "not a valid RSS" in skipped[site.url("/bad-feed.xml")]


def test_responses_export_as_warc_and_read_back(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/w/{i}", PAGES[i], content_type="text/html") for i in range(3)]
    site.add("/feed.xml", rss([(u, "t") for u in urls]), content_type=RSS)
    with Store(tmp_path / "s.db") as store:
        _run(store, Crawler(store, FAST), [site.url("/feed.xml")], nlp)
        ids = sorted(a.id for a in store.articles())
        assert write_warc(store, tmp_path / "out.warc.gz") == 5  # robots.txt (404), feed, 3 pages
    with (tmp_path / "out.warc.gz").open("rb") as fh:
        records = {
            r.rec_headers.get_header("WARC-Target-URI"): r.content_stream().read()
            for r in ArchiveIterator(fh)
            if r.rec_type == "response"
        }
    assert [records[u] for u in urls] == PAGES[:3]
    assert ids == sorted(stable_id("a", u) for u in urls)
    # the WARC is an input like any other, giving the same articles
    with Store(tmp_path / "again.db") as again:
        ingest([tmp_path / "out.warc.gz"], again, nlp=nlp)
        assert sorted(a.id for a in again.articles()) == ids


def test_a_page_a_sitemap_says_changed_is_asked_again(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/live/{i}", PAGES[i]) for i in range(2)]
    site.add("/sitemap.xml", sitemap(urls), content_type="application/xml")
    sources = [site.url("/sitemap.xml")]
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST)
        first = _run(store, crawler, sources, nlp, known=False)
        before = {a.id: a.text for a in store.articles()}
        # the live page is rewritten and the sitemap says so; the other one only
        # claims a change (its server answers 304 to the conditional request)
        site.add("/live/0", PAGES[5])
        changed = sitemap(urls).replace("2025-02-05", "2999-01-01")
        site.add("/sitemap.xml", changed, content_type="application/xml")
        site.hits.clear()
        second = _run(store, crawler, sources, nlp, known=False)
        after = {a.id: a.text for a in store.articles()}
    assert sorted((h.path, h.status) for h in site.requested()) == [
        ("/live/0", 200),
        ("/live/1", 304),
        ("/sitemap.xml", 200),
    ]
    (rewritten,) = [k for k in before if before[k] != after[k]]
    assert len(first.added) == 2 and second.added == [rewritten] and second.unchanged == 1


def test_offline_with_no_inputs_reanalyses_every_stored_page(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    urls = [site.add(f"/o/{i}", PAGES[i]) for i in range(2)]
    db = tmp_path / "s.db"
    runner = CliRunner()
    args = ["--db", str(db), "-q", "-w", "1", "--delay", "0"]
    assert runner.invoke(app, ["ingest", *urls, *args]).exit_code == 0
    site.hits.clear()
    again = runner.invoke(app, ["ingest", "--offline", *args])
    assert again.exit_code == 0 and "0 added, 2 unchanged" in again.output
    assert site.requested() == []
