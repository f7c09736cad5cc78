"""A local news site for the fetcher's tests and benchmark: an HTTP server on
127.0.0.1 (an ephemeral port, in a thread) serving real saved pages from
../shared/data, generated RSS, Atom and sitemaps, and the failures a crawler
meets (slow answers, 429 with Retry-After, 500 then 200, redirect chains and
loops, robots.txt rules, huge pages). Never the internet.

Every request is logged, so tests can say exactly what was fetched.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ZYTE = SHARED / "article-extraction-benchmark" / "html"
L3S = SHARED / "l3s-gn1" / "original"


def real_pages(n: int, start: int = 0) -> list[bytes]:
    """``n`` real news pages (HTML bytes): the Zyte benchmark's, then L3S-GN1's."""
    files = sorted(ZYTE.glob("*.html.gz")) + sorted(L3S.glob("*.html.gz"))
    return [gzip.decompress(p.read_bytes()) for p in files[start : start + n]]


@dataclass
class Route:
    """What one path answers. ``statuses`` are served in turn (the last one repeats);
    a 200 is ``body`` with an ETag and Last-Modified unless ``validators`` is off."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    statuses: list[int] = field(default_factory=lambda: [200])
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    validators: bool = True
    served: int = 0


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self.modified = formatdate(time.time() - 3600, usegmt=True)
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def requested(self, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if path is None or h.path == path]

    def paths(self) -> list[str]:
        return [h.path for h in self.requested()]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        hit = Hit(handler.path, dict(handler.headers.items()), 0)
        with self._lock:  # logged on arrival: a client that times out was still asking
            self.hits.append(hit)
        # like most servers, the query (a utm_ tag, say) does not change the page
        route = self.routes.get(handler.path) or self.routes.get(handler.path.split("?")[0])
        if route is None:
            status, headers, body = 404, {"Content-Type": "text/html"}, b"<html>gone</html>"
        else:
            status, headers, body = self._route(route, handler)
        hit.status = status
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (a size limit, a timeout): expected

    def _route(
        self, route: Route, handler: BaseHTTPRequestHandler
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            status = route.statuses[min(route.served, len(route.statuses) - 1)]
            route.served += 1
        if route.delay:
            time.sleep(route.delay)
        headers = {"Content-Type": route.content_type, **route.headers}
        if status != 200:
            return status, headers, b"" if status in (301, 302, 304, 307, 308) else b"error"
        if route.validators:
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
            headers.update({"ETag": etag, "Last-Modified": self.modified})
            if handler.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
        return 200, headers, route.body


Items = list[tuple[str, str]]  # (url, title)


def rss(items: Items, home: str = "") -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link><guid>{escape(u)}</guid></item>"
        for u, t in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Local news</title><link>{escape(home)}</link>{entries}</channel></rss>"
    )


def atom(items: Items, home: str = "") -> str:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link rel="alternate" href="{escape(u)}"/>'
        f"<id>{escape(u)}</id></entry>"
        for u, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Local news</title><link rel="alternate" href="{escape(home)}"/>'
        f'<link rel="self" href="{escape(home)}atom.xml"/>{entries}</feed>'
    )


def sitemap(urls: list[str], news: bool = False) -> str:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    extra = (
        "<news:news><news:publication><news:name>Local</news:name><news:language>en"
        "</news:language></news:publication><news:publication_date>2025-02-05T10:00:00Z"
        "</news:publication_date><news:title>A story</news:title></news:news>"
        if news
        else "<lastmod>2025-02-05</lastmod>"
    )
    entries = "".join(f"<url><loc>{escape(u)}</loc>{extra}</url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{entries}</urlset>'


def sitemap_index(urls: list[str]) -> str:
    entries = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    )
