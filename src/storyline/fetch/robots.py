"""robots.txt, read per site with Protego (Scrapy's parser: RFC 9309 longest-match
rules, wildcards, Crawl-delay, Request-rate, Sitemap lines).

What a site's robots.txt answer means follows RFC 9309: a 2xx is parsed; a 4xx
means no rules (everything allowed); a 5xx or no answer means the site is
unavailable, so nothing of it is fetched in this run and its URLs are tried
again later. A robots.txt is kept a day (in the store, so a new run does not
ask again) and then revalidated with a conditional request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from protego import Protego

from storyline.fetch.hosts import HostGate
from storyline.fetch.policy import ROBOTS_AGENT, Politeness
from storyline.fetch.urls import host_key
from storyline.store.fetches import StoredResponse

# The fetch function the crawler hands in: (url, stored robots or None) -> the
# current answer (the stored one with a new ``checked_at`` after a 304).
RobotsFetch = Callable[[str, StoredResponse | None], StoredResponse]


class Refusal(NamedTuple):
    """Why a URL is not fetched, and whether that may pass (try it again later)."""

    reason: str
    transient: bool


@dataclass
class _Rules:
    parser: Protego | None  # None: no rules, everything allowed
    unavailable: str | None = None  # why the site may not be fetched now
    response: StoredResponse | None = None


def _age_seconds(iso: str | None) -> float:
    if not iso:
        return float("inf")
    try:
        then = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return float("inf")
    return (datetime.now(UTC) - then).total_seconds()


def _rules_of(response: StoredResponse) -> _Rules:
    status = response.status
    if status is None or status >= 500 or status == 429:
        why = response.error or f"HTTP {status}"
        return _Rules(None, f"robots.txt unavailable ({why}); site skipped for now", response)
    if status >= 400 or response.body is None:
        return _Rules(None, None, response)
    text = response.body.decode("utf-8", errors="replace")
    return _Rules(Protego.parse(text), None, response)


class RobotsBook:
    """The robots.txt of every site met, fetched once per site (thread-safe)."""

    def __init__(
        self,
        politeness: Politeness,
        gate: HostGate,
        fetch: RobotsFetch,
        stored: dict[str, StoredResponse] | None = None,
    ) -> None:
        self.politeness = politeness
        self.gate = gate
        self._fetch = fetch
        self._stored = dict(stored or {})  # robots URL -> row from an earlier run
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.fresh: list[StoredResponse] = []  # new answers for the crawler to store

    def _rules_for(self, url: str) -> _Rules:
        host = host_key(url)
        with self._lock:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:  # one fetch per site, however many threads ask
            if host not in self._rules:
                self._rules[host] = self._load(host)
            return self._rules[host]

    def _load(self, host: str) -> _Rules:
        robots_url = f"{host}/robots.txt"
        held = self._stored.get(robots_url)
        if held is not None and _age_seconds(held.checked_at) < self.politeness.robots_ttl:
            rules = _rules_of(held)
        else:
            got = self._fetch(robots_url, held)
            with self._lock:
                self.fresh.append(got)
            rules = _rules_of(got)
        if rules.parser is not None:
            self._apply_delay(host, rules.parser)
        return rules

    def _apply_delay(self, host: str, parser: Protego) -> None:
        delay = parser.crawl_delay(ROBOTS_AGENT)
        rate = parser.request_rate(ROBOTS_AGENT)
        if rate is not None and rate.requests:
            delay = max(delay or 0.0, rate.seconds / rate.requests)
        if delay:
            self.gate.set_delay(host, min(float(delay), self.politeness.max_crawl_delay))

    def refusal(self, url: str) -> Refusal | None:
        """Why ``url`` may not be fetched, or None when robots.txt allows it."""
        if not self.politeness.respect_robots or urlsplit(url).path == "/robots.txt":
            return None
        rules = self._rules_for(url)
        if rules.unavailable:
            return Refusal(rules.unavailable, True)
        if rules.parser is not None and not rules.parser.can_fetch(url, ROBOTS_AGENT):
            return Refusal("disallowed by robots.txt", False)
        return None

    def sitemaps(self, url: str) -> list[str]:
        """The Sitemap lines of ``url``'s site."""
        rules = self._rules_for(url)
        return list(rules.parser.sitemaps) if rules.parser is not None else []

    def drain(self) -> list[StoredResponse]:
        with self._lock:
            out, self.fresh = self.fresh, []
        return out
