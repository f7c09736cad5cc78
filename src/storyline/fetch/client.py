"""One polite GET: robots.txt asked first, the site's turn taken, retries with backoff,
Retry-After honoured, conditional requests, redirects followed with loop detection, a
size limit. Never raises for what a server does: the outcome is a StoredResponse whose
``error`` says what went wrong, or NOT_MODIFIED.

Why urllib3 and not trafilatura's downloader: trafilatura.downloads sends no
conditional requests (If-None-Match / If-Modified-Since), returns no headers
to keep, retries inside urllib3 without letting a site's Retry-After pause
the other requests to that site, follows redirects without telling us the
chain, and blocks loopback addresses (its SSRF guard), which the tests' local
server is. urllib3 is what trafilatura uses underneath, so nothing new is
installed.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import certifi
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    ReadTimeoutError,
    SSLError,
)

from storyline.fetch.hosts import HostGate
from storyline.fetch.policy import Politeness
from storyline.fetch.robots import Refusal
from storyline.fetch.urls import host_key
from storyline.store.fetches import StoredResponse, header_value

REDIRECTS = {301, 302, 303, 307, 308}
# Worth asking again: rate limited, or the server or a gateway failing for now.
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}

# Media types read as a page, and as a feed, sitemap or page when the kind is not
# known yet. A response without a Content-Type is let through and sniffed.
PAGE_TYPES = ("text/html", "application/xhtml")
SOURCE_TYPES = (*PAGE_TYPES, "xml", "rss", "atom", "json", "text/plain", "gzip")


class _NotModified:
    """A conditional request answered 304: what we hold is current."""

    def __repr__(self) -> str:
        return "NOT_MODIFIED"


NOT_MODIFIED = _NotModified()


def now_iso() -> str:
    """UTC now, second precision, as WARC-Date writes it."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def without_fragment(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def retry_after(value: str | None, clock: Callable[[], float] = time.time) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - clock())


@dataclass
class _Exchange:
    """What one request got: a response (maybe without a kept body) or a failure."""

    status: int | None = None
    reason: str | None = None
    version: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    error: str | None = None
    transient: bool = False


def _validators(held: StoredResponse | None) -> dict[str, str]:
    if held is None or held.status != 200:
        return {}
    out = {}
    if etag := held.header("ETag"):
        out["If-None-Match"] = etag
    if modified := held.header("Last-Modified"):
        out["If-Modified-Since"] = modified
    return out


def _type_ok(content_type: str, accepted: tuple[str, ...]) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return not media or any(a in media for a in accepted)


class Client:
    """Polite GETs for many threads at once (urllib3's pool manager is thread-safe)."""

    def __init__(
        self,
        politeness: Politeness,
        allowed: Callable[[str], Refusal | None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.politeness = politeness
        # robots.txt: why a URL may not be fetched, or None (set by the crawler).
        self.allowed = allowed
        self.gate = HostGate(politeness.delay, politeness.per_host, sleep=sleep)
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self.requests = 0
        self.statuses: dict[int | str, int] = {}
        # Sent with every request (urllib3 drops a pool's default headers when a
        # request brings its own, so they are merged per request).
        self.headers = {
            "User-Agent": politeness.user_agent(),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            **urllib3.make_headers(accept_encoding="gzip, deflate"),
        }
        self.pool = urllib3.PoolManager(
            num_pools=64,
            maxsize=max(1, politeness.per_host),
            block=False,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
        )

    def get(
        self,
        url: str,
        kind: str,
        held: StoredResponse | None = None,
        accept: tuple[str, ...] = SOURCE_TYPES,
        check_robots: bool = True,
    ) -> StoredResponse | _NotModified:
        """GET ``url`` following redirects; a StoredResponse (``error`` set when it is
        not usable) or NOT_MODIFIED when ``held``'s validators still hold."""
        chain = [without_fragment(url)]
        headers = _validators(held)
        while True:
            current = chain[-1]
            refusal = self.allowed(current) if (check_robots and self.allowed) else None
            if refusal:
                return self._failed(url, chain, kind, refusal.reason, refusal.transient)
            got = self._with_retries(current, headers, accept)
            if got.status in REDIRECTS and (location := header_value(got.headers, "Location")):
                target = without_fragment(urljoin(current, location))
                if target in chain:
                    loop = " -> ".join([*chain, target])
                    return self._failed(url, chain, kind, f"redirect loop: {loop}", False)
                if len(chain) > self.politeness.max_redirects:
                    reason = f"more than {self.politeness.max_redirects} redirects"
                    return self._failed(url, chain, kind, reason, False)
                chain.append(target)
                continue
            if got.status == 304 and headers:
                return NOT_MODIFIED
            return StoredResponse(
                url=url,
                final_url=current,
                kind=kind,
                fetched_at=now_iso(),
                status=got.status,
                reason=got.reason,
                http_version=got.version,
                headers=got.headers,
                body=got.body,
                redirects=chain[:-1],
                error=got.error,
                retry=got.transient,
            )

    def _failed(
        self, url: str, chain: list[str], kind: str, error: str, transient: bool
    ) -> StoredResponse:
        return StoredResponse(
            url=url,
            final_url=chain[-1],
            kind=kind,
            fetched_at=now_iso(),
            redirects=chain[:-1],
            error=error,
            retry=transient,
        )

    def _with_retries(
        self, url: str, headers: dict[str, str], accept: tuple[str, ...]
    ) -> _Exchange:
        host = host_key(url)
        p = self.politeness
        got = _Exchange()
        for attempt in range(p.retries + 1):
            with self.gate.turn(host):
                got = self._once(url, headers, accept)
            if not got.transient:
                return got
            asked = retry_after(header_value(got.headers, "Retry-After"))
            if asked is not None and asked > p.max_retry_after:
                got.error = f"HTTP {got.status}: server asked to retry after {asked:.0f}s"
                return got
            if attempt == p.retries:
                break
            if asked is not None:
                self.gate.pause(host, asked)  # every request to this site waits
            else:
                self._sleep(min(p.max_backoff, p.backoff * 2**attempt))
        got.error = f"{got.error} (after {p.retries + 1} attempts)"
        return got

    def _count(self, outcome: int | str) -> None:
        with self._count_lock:
            self.requests += 1
            self.statuses[outcome] = self.statuses.get(outcome, 0) + 1

    def _once(self, url: str, headers: dict[str, str], accept: tuple[str, ...]) -> _Exchange:
        p = self.politeness
        timeout = urllib3.Timeout(connect=p.connect_timeout, read=p.read_timeout)
        try:
            response = self.pool.request(
                "GET",
                url,
                headers={**self.headers, **headers},
                preload_content=False,
                redirect=False,
                retries=False,
                timeout=timeout,
            )
        except ConnectTimeoutError:
            self._count("timeout")
            return _Exchange(error=f"timed out connecting ({p.connect_timeout:g}s)", transient=True)
        except ReadTimeoutError:
            self._count("timeout")
            return _Exchange(error=f"timed out (no answer in {p.read_timeout:g}s)", transient=True)
        except SSLError as exc:
            self._count("tls")
            return _Exchange(error=f"TLS error: {_why(exc)}")
        except HTTPError as exc:
            self._count("connection")
            return _Exchange(error=f"connection failed: {_why(exc)}", transient=True)
        self._count(response.status)
        try:
            return self._read(response, accept)
        finally:
            response.release_conn()

    def _read(self, response: urllib3.BaseHTTPResponse, accept: tuple[str, ...]) -> _Exchange:
        status = response.status
        got = _Exchange(
            status=status,
            reason=response.reason,
            version=f"HTTP/{response.version / 10:.1f}" if response.version else None,
            headers=list(response.headers.items()),
        )
        if status in REDIRECTS or status == 304:
            response.drain_conn()
            return got
        if status in RETRY_STATUSES:
            got.error, got.transient = f"HTTP {status} {response.reason or ''}".strip(), True
        elif status >= 400:
            got.error = f"HTTP {status} {response.reason or ''}".strip()
        ctype = response.headers.get("Content-Type", "")
        if got.error is None and not _type_ok(ctype, accept):
            got.error = f"not an HTML page or feed (Content-Type {ctype.split(';')[0].strip()})"
            response.close()  # do not download a video to find out
            return got
        try:
            got.body = self._body(response)
        except _TooLarge:
            got.error = f"response over {self.politeness.max_bytes:,} bytes"
        except ReadTimeoutError:
            got.error = f"timed out (no data for {self.politeness.read_timeout:g}s)"
            got.transient = True
        except TimeoutError as exc:
            got.error, got.transient = f"timed out ({exc})", True
        except HTTPError as exc:
            got.error, got.transient = f"connection failed: {_why(exc)}", True
        return got

    def _body(self, response: urllib3.BaseHTTPResponse) -> bytes:
        """The decoded payload, refused past ``max_bytes`` (checked while reading, so a
        huge or endless response costs at most that much) or ``total_timeout``."""
        limit = self.politeness.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            response.close()
            raise _TooLarge
        deadline = time.monotonic() + self.politeness.total_timeout
        chunks, size = [], 0
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > limit:
                response.close()
                raise _TooLarge
            if time.monotonic() > deadline:
                response.close()
                raise TimeoutError(f"no complete response in {self.politeness.total_timeout:g}s")
            chunks.append(chunk)
        return b"".join(chunks)


class _TooLarge(Exception):
    pass


def _why(exc: BaseException) -> str:
    """The innermost reason urllib3 wraps, short enough for one report line."""
    reason = getattr(exc, "reason", None) or exc
    return str(reason)[:200]
