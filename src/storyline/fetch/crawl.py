"""From sources (article URLs, feeds, sitemaps, homepages) to HTML documents for the
clean stage, fetching only what the store does not hold yet.

Two phases. ``plan`` reads the sources in this thread: each feed, sitemap and
robots.txt with a conditional request (a 304 re-reads the stored copy, so
items of a feed whose run was killed are still found), and lists the article
URLs not fetched before. ``documents`` fetches those pages in a thread pool
(within the politeness limits), stores each raw response as it arrives (the
fetch threads through a connection of their own), and yields one RawDocument or Skip
per page, in a fixed order (the sites in turn) so a run is reproducible.

Nothing is lost to a kill: a page's response is stored before its article is
analysed, and a page whose article is neither stored nor skipped is read
again from the store by the next run's plan.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from storyline.fetch.client import NOT_MODIFIED, PAGE_TYPES, Client, now_iso, without_fragment
from storyline.fetch.discover import Found, read_feed, read_homepage, read_sitemap, read_source
from storyline.fetch.policy import Politeness
from storyline.fetch.robots import RobotsBook
from storyline.fetch.urls import canonical_url, host_key
from storyline.read.decode import InputError, decode
from storyline.schema import RawDocument, Skip, stable_id
from storyline.store import Store
from storyline.store.fetches import FetchLog, PageState, StoredResponse

READERS = {"feed": read_feed, "sitemap": read_sitemap, "home": read_homepage}
MAX_DEPTH = 4  # homepage -> feed, or index -> index -> sitemap; deeper is a loop


@dataclass
class Plan:
    """What one run will fetch and read."""

    pages: list[str] = field(default_factory=list)  # canonical URLs not held yet
    held: list[StoredResponse] = field(default_factory=list)  # article URLs given as sources
    # stored URLs (payloads are read one at a time, when their document is made):
    pending: list[str] = field(default_factory=list)  # fetched, not yet an article
    known: list[str] = field(default_factory=list)  # fetched before
    # fetched before, but a sitemap says the page changed since: asked again
    # conditionally (a 304 keeps the stored copy)
    changed: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    sources: int = 0
    unchanged_sources: int = 0  # answered 304 (or read offline)

    @property
    def new(self) -> int:
        """Pages this plan brings in besides those fetched before."""
        return len(self.pages) + len(self.held) + len(self.pending) + len(self.changed)


def _utc(stamp: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _later(stamp: str | None, than: str) -> bool:
    """Whether a sitemap's ``lastmod`` is after our fetch time (unreadable: no)."""
    when, fetched = _utc(stamp or ""), _utc(than)
    return when is not None and fetched is not None and when > fetched


def by_turns(urls: list[str]) -> list[str]:
    """``urls`` taken one site at a time in turn (round-robin, first-seen order), so the
    window of requests in flight spans every site instead of queueing on the first
    one's delay; deterministic, so a run is reproducible."""
    queues: dict[str, deque[str]] = {}
    for url in urls:
        queues.setdefault(host_key(url), deque()).append(url)
    out: list[str] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return out


def article_key(url: str) -> str:
    """The key (so the id) of a fetched article: its canonical URL after redirects."""
    return canonical_url(url)


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def page_document(response: StoredResponse) -> RawDocument | Skip:
    """A stored page as the clean stage's input: its HTML, keyed by its canonical URL."""
    if response.error or response.body is None:
        return Skip(response.url, response.error or "no response body")
    html = None
    charset = _charset(response.header("Content-Type"))
    if charset:
        try:
            html = response.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        try:
            html = decode(response.body)
        except InputError as exc:
            return Skip(response.url, str(exc))
    key = article_key(response.final_url)
    return RawDocument(source=response.url, key=key, html=html, meta={"url": key}, fmt="html")


class Crawler:
    def __init__(self, store: Store, politeness: Politeness, offline: bool = False) -> None:
        self.log = FetchLog(store)
        self.store_path = store.path
        # The fetch threads' own connection to the store, one writer at a time.
        self._threads_log: FetchLog | None = None
        self._threads_lock = threading.Lock()
        self.politeness = politeness
        self.offline = offline
        self.client = Client(politeness)
        stored = {r.url: r for r in self.log.responses() if r.kind == "robots"}
        self.robots = RobotsBook(politeness, self.client.gate, self._fetch_robots, stored)
        self.client.allowed = self.robots.refusal
        self._homepages: dict[str, list[str]] = {}  # feeds found per homepage, this process

    # -- robots.txt ------------------------------------------------------

    def _fetch_robots(self, url: str, held: StoredResponse | None) -> StoredResponse:
        got = self.client.get(url, "robots", held, accept=("",), check_robots=False)
        if got is NOT_MODIFIED and held is not None:
            return replace(held, checked_at=now_iso())
        assert isinstance(got, StoredResponse)
        if held is not None and held.usable and (got.status is None or got.status >= 500):
            return held  # RFC 9309 lets a crawler keep a cached copy while the site is down
        return got

    def _save_robots(self) -> None:
        for response in self.robots.drain():
            self.log.put(response)

    # -- phase 1: sources ------------------------------------------------

    def plan(self, sources: Iterable[str]) -> Plan:
        plan = Plan(pending=self.log.pending_pages())
        seen: set[str] = set()
        for source in sources:
            self._source(without_fragment(source), None, plan, seen, 0)
        self._save_robots()
        return plan

    def _known(self, url: str) -> PageState | None:
        """An article page held already (asked as ``url``, or redirected to it)."""
        return self.log.page(url, stable_id("a", article_key(url)))

    def _add_pages(
        self, urls: list[str], plan: Plan, seen: set[str], modified: dict[str, str] | None = None
    ) -> None:
        for url in urls:
            if url in seen:
                continue
            seen.add(url)
            known = self._known(url)
            if known is None:
                plan.pages.append(url)
            elif (
                not self.offline
                and known.usable
                and _later((modified or {}).get(url), known.checked_at)
            ):
                plan.changed.append(known.url)
            else:
                plan.known.append(known.url)

    def _source(self, url: str, kind: str | None, plan: Plan, seen: set[str], depth: int) -> None:
        if url in seen or depth > MAX_DEPTH:
            return
        seen.add(url)
        held = self.log.get(url)
        if (held is not None and held.kind == "page") or self._known(article_key(url)):
            self._add_pages([article_key(url)], plan, seen)
            return
        if held is not None and held.kind == "source" and held.error and not held.retry:
            # never readable (a 404, a redirect loop): reported again, not asked again
            plan.skipped.append(Skip(url, held.error))
            return
        if kind is None and held is not None and held.url == url:
            kind = held.kind
        found: Found | None = None
        if kind == "home" and url in self._homepages:
            found = Found("home", sources=self._homepages[url])
        else:
            found = self._read(url, kind, held, plan)
        if found is None:
            return
        if found.error:
            plan.skipped.append(Skip(url, found.error))
            return
        if found.kind == "home":
            self._homepages[url] = found.sources
        plan.sources += 1
        child_kind = "feed" if found.kind == "home" else "sitemap"
        for child in found.sources:
            self._source(without_fragment(child), child_kind, plan, seen, depth + 1)
        self._add_pages(found.pages, plan, seen, found.modified)

    def _read(
        self, url: str, kind: str | None, held: StoredResponse | None, plan: Plan
    ) -> Found | None:
        """Fetch (conditionally) and read one source; None when it is an article page,
        which is then handed to the page phase."""
        if self.offline:
            if held is None or not held.usable:
                return Found("source", error="not in the store (fetched with --offline)")
            plan.unchanged_sources += 1
            return self._parse(held, kind)
        got = self.client.get(url, kind or "source", held if held and held.usable else None)
        if got is NOT_MODIFIED:
            assert held is not None
            self.log.touch(url, now_iso())
            plan.unchanged_sources += 1
            return self._parse(held, kind)
        assert isinstance(got, StoredResponse)
        if got.error or got.body is None:
            if held is None or not held.usable:  # a good copy held stays (and its WARC record)
                self.log.put(self._with_attempts(got, held))
            return Found(kind or "source", error=got.error or "empty response")
        found = self._parse(got, kind)
        if found.kind == "page":  # an article URL given as a source
            got = replace(self._as_page(got), url=article_key(url))
            plan.held.append(got)
        self.log.put(replace(got, kind=found.kind if found.kind in READERS else got.kind))
        return None if found.kind == "page" else found

    def _parse(self, response: StoredResponse, kind: str | None) -> Found:
        body = response.body or b""
        if kind in READERS:
            return READERS[kind](body, response.final_url)
        return read_source(body, response.final_url, response.header("Content-Type") or "")

    # -- phase 2: pages --------------------------------------------------

    def _as_page(self, response: StoredResponse) -> StoredResponse:
        key = article_key(response.final_url)
        return replace(response, kind="page", article_id=stable_id("a", key))

    def _with_attempts(self, got: StoredResponse, held: StoredResponse | None) -> StoredResponse:
        """Count runs that failed for a passing cause; past ``max_attempts`` give up."""
        if not got.retry:
            return got
        attempts = (held.attempts + 1) if held is not None and held.retry else 1
        if attempts >= self.politeness.max_attempts:
            reason = f"{got.error}; given up after {attempts} runs"
            return replace(got, attempts=attempts, retry=False, error=reason)
        return replace(got, attempts=attempts)

    def _fetch_page(self, url: str, changed: bool = False) -> StoredResponse:
        """Fetch one page (conditionally when ``changed``: the stored copy's validators)
        and store its response at once, in the fetching thread: a response fetched ahead
        of the analysis is not lost to a kill."""
        held = None
        if changed:
            with self._threads_lock:
                held = self._thread_log().get(url)
        answer = self.client.get(url, "page", held=held, accept=PAGE_TYPES)
        if answer is NOT_MODIFIED and held is not None:
            with self._threads_lock:
                self._thread_log().touch(held.url, now_iso())
            return held
        got = answer
        assert isinstance(got, StoredResponse)
        if held is not None and got.error:
            return held  # the page changed but cannot be had now: keep what we hold
        if got.error is None:
            got = self._as_page(got)
        with self._threads_lock:
            log = self._thread_log()
            got = self._with_attempts(got, log.get(url) if got.retry else None)
            log.put(got)
            for robots in self.robots.drain():
                log.put(robots)
        return got

    def _thread_log(self) -> FetchLog:
        """The fetch threads' log (call with ``_threads_lock`` held)."""
        if self._threads_log is None:
            self._threads_log = FetchLog.for_threads(self.store_path)
        return self._threads_log

    def _responses(
        self, urls: list[str], changed: list[str] | None = None
    ) -> Iterator[StoredResponse]:
        """Fetch ``urls`` concurrently, yielded in the given order; a bounded window
        of requests in flight so memory stays flat on a 50,000-URL sitemap."""
        if self.offline:
            for url in urls:
                yield StoredResponse(
                    url, url, "page", now_iso(), error="not in the store (--offline)"
                )
            return
        window = max(1, self.politeness.concurrency) * 4
        pool = ThreadPoolExecutor(max(1, self.politeness.concurrency), "fetch")
        pending: deque[Future[StoredResponse]] = deque()
        again = set(changed or [])
        todo = ((u, u in again) for u in by_turns([*(changed or []), *urls]))
        try:
            while True:
                while len(pending) < window and (job := next(todo, None)) is not None:
                    pending.append(pool.submit(self._fetch_page, *job))
                if not pending:
                    return
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            if self._threads_log is not None:
                self._threads_log.close()
                self._threads_log = None

    def documents(self, plan: Plan, known: bool = True) -> Iterator[RawDocument | Skip]:
        """The plan's documents: source skips, pages held from an earlier run (and with
        ``known``, the pages fetched before, read from the store: unchanged articles
        then count as such, and are analysed again after an upgrade, like files), then
        the new pages as they are fetched (each response stored as it arrives)."""
        yield from plan.skipped
        for given in plan.held:
            yield page_document(given)
        done = {r.url for r in plan.held}
        for url in plan.pending + (plan.known if known else []):
            stored = None if url in done else self.log.get(url)
            done.add(url)
            if stored is not None:
                yield page_document(stored)
        for response in self._responses(plan.pages, plan.changed):
            yield page_document(response)
