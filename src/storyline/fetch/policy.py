"""The fetcher's politeness settings, in one place (docs/fetching.md explains each)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import metadata

from storyline import __version__
from storyline.errors import BadDuration


@cache
def project_url() -> str | None:
    """The project's home page as its package metadata states it (``[project.urls]``
    in pyproject.toml), so the User-Agent never names an address we made up."""
    try:
        meta = metadata.metadata("storyline")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    home = meta.get_all("Home-page") or []
    return home[0] if home else None


def _default_contact() -> str | None:
    return os.environ.get("STORYLINE_CONTACT") or None


@dataclass(frozen=True)
class Politeness:
    """How storyline treats the sites it reads.

    ``delay`` is the least time between two requests to one site (scheme,
    host and port); a robots.txt ``Crawl-delay`` or ``Request-rate`` that asks
    for more wins, up to ``max_crawl_delay``. ``per_host`` requests to one site
    run at once at most, ``concurrency`` over all sites.
    """

    delay: float = 1.0
    max_crawl_delay: float = 60.0
    per_host: int = 1
    concurrency: int = 8
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # A response that trickles in slower than this in total is a timeout too.
    total_timeout: float = 120.0
    retries: int = 3
    backoff: float = 2.0  # first wait before a retry; doubles each time
    max_backoff: float = 60.0
    # A Retry-After beyond this is not waited for in this run: the URL is
    # reported and asked again on a later run.
    max_retry_after: float = 300.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 10
    robots_ttl: float = 24 * 3600.0  # RFC 9309: a robots.txt may be cached a day
    respect_robots: bool = True
    # Who runs this crawl (an e-mail or a URL): `--contact` or STORYLINE_CONTACT.
    contact: str | None = field(default_factory=_default_contact)
    # Polls after which a URL that keeps failing for a passing cause (5xx,
    # timeout) is given up and reported for good.
    max_attempts: int = 3

    def user_agent(self) -> str:
        """``storyline/0.1.0 (+https://project; contact)``: who we are, where to read
        about it and whom to write to, as site owners reading their logs expect."""
        about = [f"+{url}" for url in (project_url(),) if url]
        about += [self.contact] if self.contact else []
        return f"storyline/{__version__} ({'; '.join(about) or 'news reader'})"

    def with_(self, **changes: object) -> Politeness:
        return replace(self, **changes)  # type: ignore[arg-type]


# The name robots.txt groups are matched against (``User-agent: storyline``).
ROBOTS_AGENT = "storyline"

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "": 1.0}


def parse_duration(text: str) -> float:
    """``15m``, ``90s``, ``1h30m``, ``0.5`` (seconds) -> seconds. Raises ``BadDuration``
    (a ValueError)."""
    compact = text.strip().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(compact):
        match = _DURATION.match(compact, pos)
        if not match or match.end() == pos:
            break
        total += float(match[1]) * _UNIT[(match[2] or "").lower()]
        pos = match.end()
    if not compact or pos != len(compact):
        raise BadDuration(f"not a duration: {text!r}")
    return total
