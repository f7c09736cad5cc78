"""The polite fetcher against a local server on 127.0.0.1: every failure a crawler
meets, and the politeness rules. No test asserts a duration."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from local_site import Site, rss, sitemap
from storyline.fetch.client import NOT_MODIFIED, PAGE_TYPES, Client, retry_after
from storyline.fetch.crawl import Crawler
from storyline.fetch.hosts import HostGate
from storyline.fetch.policy import Politeness
from storyline.store import Store
from storyline.store.fetches import StoredResponse

# Fast settings: no delay, tiny backoff, short timeouts (the server is local).
FAST = Politeness(
    delay=0.0, backoff=0.01, max_backoff=0.02, read_timeout=0.5, connect_timeout=2.0, retries=2
)
PAGE = b"<html><body><p>" + b"Words of an article. " * 50 + b"</p></body></html>"


def _get(site: Site, path: str, politeness: Politeness = FAST, **kw: object) -> StoredResponse:
    got = Client(politeness).get(site.url(path), "page", accept=PAGE_TYPES, **kw)  # type: ignore[arg-type]
    assert isinstance(got, StoredResponse)
    return got


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    with Site() as s:
        yield s


def test_a_page_and_the_user_agent(site: Site) -> None:
    site.add("/a", PAGE)
    got = _get(site, "/a", FAST.with_(contact="desk@example.org"))
    assert (got.status, got.body, got.error) == (200, PAGE, None)
    agent = site.requested("/a")[0].headers["User-Agent"]
    assert agent.startswith("storyline/") and "desk@example.org" in agent


def test_429_with_retry_after_is_waited_for_then_fetched(site: Site) -> None:
    site.add("/busy", PAGE, statuses=[429, 200], headers={"Retry-After": "0"})
    got = _get(site, "/busy")
    assert (got.status, got.error) == (200, None)
    assert [h.status for h in site.requested("/busy")] == [429, 200]


def test_a_retry_after_too_long_is_not_waited_for(site: Site) -> None:
    site.add("/later", PAGE, statuses=[503], headers={"Retry-After": "86400"})
    got = _get(site, "/later")
    assert got.retry and "retry after 86400s" in (got.error or "")
    assert len(site.requested("/later")) == 1


def test_500_then_200_and_500_for_good(site: Site) -> None:
    site.add("/flaky", PAGE, statuses=[500, 200])
    site.add("/down", PAGE, statuses=[500])
    assert _get(site, "/flaky").error is None
    down = _get(site, "/down")
    assert down.retry and down.error == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert len(site.requested("/down")) == 3


def test_a_slow_response_times_out_and_is_retried(site: Site) -> None:
    site.add("/slow", PAGE, delay=1.5)
    got = _get(site, "/slow", FAST.with_(retries=1))
    assert got.status is None and got.retry and (got.error or "").startswith("timed out")
    assert len(site.requested("/slow")) == 2


def test_redirect_chain_to_the_final_url_and_loops(site: Site) -> None:
    site.add("/old", statuses=[301], headers={"Location": "/moved"})
    site.add("/moved", statuses=[302], headers={"Location": site.url("/final#x")})
    site.add("/final", PAGE)
    got = _get(site, "/old")
    assert got.final_url == site.url("/final") and got.body == PAGE
    assert got.redirects == [site.url("/old"), site.url("/moved")]
    site.add("/ping", statuses=[302], headers={"Location": "/pong"})
    site.add("/pong", statuses=[302], headers={"Location": "/ping"})
    loop = _get(site, "/ping")
    assert (loop.error or "").startswith("redirect loop") and not loop.retry


def test_huge_pages_are_refused_while_reading(site: Site) -> None:
    site.add("/huge", b"<html>" + b"x" * 300_000 + b"</html>")
    got = _get(site, "/huge", FAST.with_(max_bytes=100_000))
    assert got.body is None and got.error == "response over 100,000 bytes"


def test_not_html_404_410_and_tls_errors_are_reasons(site: Site) -> None:
    site.add("/video", b"\x00" * 5000, content_type="video/mp4")
    site.add("/gone", statuses=[410])
    assert "Content-Type video/mp4" in (_get(site, "/video").error or "")
    assert _get(site, "/missing").error == "HTTP 404 Not Found"
    assert _get(site, "/gone").error == "HTTP 410 Gone"
    # TLS spoken to a plain-HTTP port: a handshake failure, not a crash
    tls = Client(FAST).get(f"https://127.0.0.1:{site.port}/a", "page")
    assert isinstance(tls, StoredResponse) and (tls.error or "").startswith("TLS error")


def test_conditional_requests_get_304(site: Site) -> None:
    site.add("/feed.xml", b"<rss/>", content_type="application/rss+xml")
    client = Client(FAST)
    first = client.get(site.url("/feed.xml"), "feed")
    assert isinstance(first, StoredResponse) and first.header("ETag")
    assert client.get(site.url("/feed.xml"), "feed", held=first) is NOT_MODIFIED
    assert site.requested("/feed.xml")[1].headers["If-None-Match"] == first.header("ETag")


def test_robots_disallowed_pages_are_never_requested(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/a", PAGE)
    site.add("/public/a", PAGE)
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST)
        plan = crawler.plan([site.url("/private/a"), site.url("/public/a")])
        docs = list(crawler.documents(plan))
    reasons = {d.source: getattr(d, "reason", "fetched") for d in docs}
    assert reasons == {
        site.url("/private/a"): "disallowed by robots.txt",
        site.url("/public/a"): "fetched",
    }
    assert "/private/a" not in site.paths() and site.paths().count("/robots.txt") == 1


def test_an_unavailable_robots_txt_keeps_the_site_for_later(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", statuses=[503])
    site.add("/a", PAGE)
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST)
        (skip,) = list(crawler.documents(crawler.plan([site.url("/a")])))
    assert "robots.txt unavailable" in skip.reason and "/a" not in site.paths()  # type: ignore[union-attr]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_host_gate_spaces_requests_per_site_and_pauses_on_request() -> None:
    fake = FakeClock()
    gate = HostGate(2.0, 1, clock=fake.clock, sleep=fake.sleep)
    starts = []
    for host in ("a", "a", "b", "a"):
        with gate.turn(host):
            starts.append((host, fake.now))
    assert starts == [("a", 0.0), ("a", 2.0), ("b", 2.0), ("a", 4.0)]
    gate.pause("b", 30.0)
    gate.set_delay("a", 10.0)  # a robots.txt Crawl-delay
    with gate.turn("b"):
        assert fake.now == 34.0
    with gate.turn("a"):
        pass
    with gate.turn("a"):
        assert fake.now == 44.0


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", clock=lambda: 1445412480.0 - 60) == 60.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_gzipped_sitemap_and_a_feed_that_fails_later(site: Site, tmp_path: Path) -> None:
    pages = [site.url(f"/p/{i}") for i in range(3)]
    body = gzip.compress(sitemap(pages[:2]).encode())
    site.add("/sitemap.xml.gz", body, content_type="application/x-gzip")
    site.add("/feed.xml", rss([(pages[2], "t")], site.url("/")), content_type="text/xml")
    sources = [site.url("/sitemap.xml.gz"), site.url("/feed.xml")]
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST)
        assert crawler.plan(sources).pages == pages
        # the feed's server breaks: reported, and the copy we hold is kept
        site.add("/feed.xml", statuses=[500])
        plan = crawler.plan(sources)
        assert [s.reason for s in plan.skipped] == [
            "HTTP 500 Internal Server Error (after 3 attempts)"
        ]
        kept = crawler.log.get(site.url("/feed.xml"))
        assert kept is not None and kept.status == 200 and kept.body


def test_robots_groups_for_storyline_and_crawl_delay(site: Site, tmp_path: Path) -> None:
    robots = (
        "User-agent: storyline\nDisallow: /not-for-storyline\nCrawl-delay: 3\n\n"
        "User-agent: *\nDisallow: /\n"
    )
    site.add("/robots.txt", robots, content_type="text/plain")
    site.add("/ok", PAGE)
    site.add("/not-for-storyline", PAGE)
    with Store(tmp_path / "s.db") as store:
        crawler = Crawler(store, FAST.with_(max_crawl_delay=0.5))
        plan = crawler.plan([site.url("/ok"), site.url("/not-for-storyline")])
        # storyline's own group applies (not '*', which disallows everything), and its
        # Crawl-delay, capped at max_crawl_delay, spaces the site's requests
        assert [s.reason for s in plan.skipped] == ["disallowed by robots.txt"]
        assert crawler.client.gate.delay_for(f"http://127.0.0.1:{site.port}") == 0.5
    assert "/not-for-storyline" not in site.paths()
