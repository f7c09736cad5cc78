"""What a fetched source is, and the article links in it: RSS, RDF, Atom and JSON
feeds (trafilatura.feeds), XML and text sitemaps and sitemap indexes, Google News
sitemaps included, and a homepage's advertised feeds (trafilatura.feeds).

trafilatura finds the links; which of them are articles, and their canonical
form, is decided here. Its own filters are bypassed on purpose
(``extract_links`` runs courlan's ``check_url``, which drops every link on an
IP-addressed host, and ``sitemap_search`` tells a sitemap index from a page
list by the URL's ending): the root element of a sitemap says what it is.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from courlan.filters import extension_filter
from lxml import etree
from trafilatura.feeds import FeedParameters, determine_feed, find_links, is_potential_feed

from storyline.fetch.urls import canonical_url, is_http_url, is_root
from storyline.read.decode import InputError, decode

SITEMAP_ROOT = re.compile(rb"<(?:[\w.-]+:)?(urlset|sitemapindex)\b")
HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
# Media a feed links to as enclosures; courlan's filter knows images and documents.
MEDIA = re.compile(r"\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac|mp4|m4v|webm|mov|avi)$", re.I)
# trafilatura's RSS link pattern needs one character at least, so an empty
# <link></link> (a channel without a home link) swallows the next item's link.
EMPTY_LINK = re.compile(r"<link>\s*</link>")
MAX_SITEMAP_BYTES = 64 * 1024 * 1024
MAX_LINKS = 100_000


@dataclass
class Found:
    """A source read: its kind, the article pages it lists and the sources it points to
    (a sitemap index's sitemaps, a homepage's feeds); ``error`` when it is none of them."""

    kind: str
    pages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    error: str | None = None
    # page URL -> when the listing says it last changed (a sitemap's <lastmod>)
    modified: dict[str, str] = field(default_factory=dict)


def article_links(links: list[str], base: str, exclude: str) -> list[str]:
    """Links as canonical article URLs: absolute http(s), not a site's front page, not
    media, not ``exclude`` (the listing itself), each once, in order."""
    out: dict[str, None] = {}
    for link in links[:MAX_LINKS]:
        absolute = urljoin(base, link.strip())
        if not is_http_url(absolute):
            continue
        try:
            url = canonical_url(absolute)
        except ValueError:
            continue
        path = urlsplit(url).path
        if is_root(url) or url == exclude or not extension_filter(path) or MEDIA.search(path):
            continue
        out.setdefault(url, None)
    return list(out)


def _text(body: bytes) -> str | None:
    try:
        return decode(body)
    except InputError:
        return None


def _gunzip(body: bytes) -> bytes:
    """A ``sitemap.xml.gz`` arrives as gzip bytes (not a Content-Encoding)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            out = fh.read(MAX_SITEMAP_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        return b""
    return out[:MAX_SITEMAP_BYTES]


def sniff(body: bytes, content_type: str = "") -> str:
    """``sitemap``, ``feed``, ``html`` or ``unknown``, from the payload first (servers
    label feeds text/html and pages text/xml often enough), the Content-Type last."""
    head = body[:4096]
    if SITEMAP_ROOT.search(head):
        return "sitemap"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if is_potential_feed(text) or "<rdf:RDF" in text[:600]:
        return "feed"
    if text.startswith("{") and "jsonfeed.org" in text[:2000]:
        return "feed"
    if HTML_START.match(text) or "html" in content_type.lower():
        return "html"
    return "unknown"


def read_feed(body: bytes, url: str) -> Found:
    text = _text(body)
    if text is None or sniff(body) != "feed":
        return Found("feed", error="not a valid RSS, Atom or JSON feed")
    host = urlsplit(url).netloc
    params = FeedParameters(f"{urlsplit(url).scheme}://{host}", host, url)
    links = find_links(EMPTY_LINK.sub("", text.strip()), params)
    if not links and "<item" not in text and "<entry" not in text and '"items"' not in text:
        return Found("feed", error="not a valid RSS, Atom or JSON feed (no items)")
    return Found("feed", pages=article_links(links, url, url))


def read_sitemap(body: bytes, url: str) -> Found:
    """A sitemap index's sitemaps, or a sitemap's pages (``<loc>``, whatever the
    extensions: news, image, hreflang); a plain-text sitemap lists one URL a line."""
    body = _gunzip(body)
    if not SITEMAP_ROOT.search(body[:4096]):
        text = _text(body) or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and all(is_http_url(line) for line in lines):
            return Found("sitemap", pages=article_links(lines, url, url))
        return Found("sitemap", error="not a valid sitemap")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        return Found("sitemap", error="not a valid sitemap (unreadable XML)")
    index = etree.QName(root).localname == "sitemapindex"
    entries = _entries(root, "sitemap" if index else "url")
    locs = [loc for loc, _ in entries]
    if index:
        children = [u for u in dict.fromkeys(urljoin(url, loc) for loc in locs) if is_http_url(u)]
        return Found("sitemap", sources=children[:MAX_LINKS])
    pages = article_links(locs, url, url)
    modified = {}
    for loc, lastmod in entries:
        if lastmod and (canonical := article_links([loc], url, url)):
            modified[canonical[0]] = lastmod
    return Found("sitemap", pages=pages, modified=modified)


def _entries(root: etree._Element, entry: str) -> list[tuple[str, str | None]]:
    """(``<loc>``, ``<lastmod>``) of each ``<url>`` or ``<sitemap>``, namespaces ignored."""
    out = []
    for item in root:
        if not isinstance(item.tag, str) or etree.QName(item).localname != entry:
            continue
        fields = {
            etree.QName(child).localname: (child.text or "").strip()
            for child in item
            if isinstance(child.tag, str)
        }
        if fields.get("loc"):
            out.append((fields["loc"], fields.get("lastmod") or None))
    return out[:MAX_LINKS]


def read_homepage(body: bytes, url: str) -> Found:
    """The feeds a front page advertises (``<link rel="alternate">``, else feed-like
    links), read with trafilatura's ``determine_feed``."""
    text = _text(body)
    if text is None:
        return Found("home", error="homepage is not readable text")
    host = urlsplit(url).netloc
    params = FeedParameters(f"{urlsplit(url).scheme}://{host}", host, url)
    feeds = [f for f in determine_feed(text, params) if is_http_url(f)]
    if not feeds:
        return Found("home", error="no feed found on the homepage")
    return Found("home", sources=feeds)


def read_source(body: bytes, url: str, content_type: str = "") -> Found:
    """Read a source whose kind is unknown: a feed, a sitemap, or an HTML page (a
    homepage when the URL is a site's root, else an article: ``Found('page')``)."""
    kind = sniff(_gunzip(body) if body.startswith(b"\x1f\x8b") else body, content_type)
    if kind == "sitemap":
        return read_sitemap(body, url)
    if kind == "feed":
        return read_feed(body, url)
    if kind == "html":
        return read_homepage(body, url) if is_root(url) else Found("page")
    if url.endswith((".txt", "sitemap")):
        return read_sitemap(body, url)
    return Found("unknown", error="not an HTML page, a feed or a sitemap")
