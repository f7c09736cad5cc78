"""Canonical URLs: one article reached through two feeds is one URL, so one article.

courlan (trafilatura's URL library) does the normalisation: lower-case scheme
and host, default ports dropped, the path's ``//`` and ``/../`` collapsed,
query parameters sorted, and the tracking parameters it knows (``utm_*``,
``fbclid``, ``*_source``, ``*campaign*``...) removed. News feeds add their own
tags that courlan does not know; those are the rules below, as data, each
with an example.

Only article pages are canonicalised: the feeds, sitemaps and homepages a
user names are asked for as given (a feed's own query may select it), and
articles read from files keep the ids they always had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url, scrub_url


@dataclass(frozen=True)
class TrackingParam:
    """A query parameter that says how a reader arrived, not which page it is."""

    name: str
    pattern: re.Pattern[str]  # matched against the lower-cased parameter name
    why: str
    example: str  # a URL with it; ``canonical_url`` must remove the parameter


def _param(name: str, pattern: str, why: str, example: str) -> TrackingParam:
    return TrackingParam(name, re.compile(pattern), why, example)


TRACKING_PARAMS: tuple[TrackingParam, ...] = (
    _param(
        "dw-maca",
        r"^maca$",
        "DW tags every feed item with the feed it came from (news-dumpster has one "
        "article as ...-1573-rdf and ...-4025-rdf)",
        "https://www.dw.com/en/x/a-71592929?maca=en-rss-en-all-1573-rdf",
    ),
    _param(
        "cmp",
        r"^cmp$",
        "The Guardian, BBC and others: the campaign or feed ('cmp=rss', 'CMP=share_btn_tw')",
        "https://www.theguardian.com/world/2025/feb/05/x?CMP=share_btn_tw",
    ),
    _param(
        "ns-counter",
        r"^ns_(?:mchannel|source|campaign|linkname|fee)$",
        "BBC's Comscore counters",
        "https://www.bbc.co.uk/news/world-123?ns_mchannel=social&ns_fee=0",
    ),
    _param(
        "ocid",
        r"^(?:ocid|cvid|ei)$",
        "MSN and Microsoft syndication ids",
        "https://www.msn.com/en-us/news/world/x/ar-AA1?ocid=BingNewsSearch",
    ),
    _param(
        "smid",
        r"^(?:smid|smtyp|sr_share|partner|taid|ito|icid|ncid|mbid|cmpid|intcmp)$",
        "share and internal-campaign tags (NYT smid, Reuters taid, Yahoo ncid, ...)",
        "https://www.nytimes.com/2025/02/05/world/europe/x.html?smid=nytcore-ios-share",
    ),
    _param(
        "feed-tag",
        r"^(?:from|via|fromrss|rss_id|at_[a-z_]+|dicbo|guccounter|guce_[a-z_]+)$",
        "a tag saying the link came from a feed or a social card, or a consent redirect "
        "(not 'feed' or 'rss': on WordPress '?feed=rss2' names the feed itself)",
        "https://news.example.com/world/x?from=rss&at_medium=RSS",
    ),
    _param(
        "matomo-piwik",
        r"^(?:pk|mtm|piwik|matomo)_?[a-z]*$",
        "Matomo/Piwik campaign parameters",
        "https://news.example.com/x?pk_campaign=feed&mtm_kwd=a",
    ),
)


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return any(rule.pattern.search(lowered) for rule in TRACKING_PARAMS)


def is_http_url(text: str) -> bool:
    """An absolute http(s) URL with a host (how inputs are told from file names)."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def canonical_url(url: str) -> str:
    """The URL that names one page: courlan's normalisation, feed tags stripped,
    no fragment (it never reaches the server). Raises ValueError for a non-http URL."""
    if not is_http_url(url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    normal = normalize_url(scrub_url(url.strip()))
    parts = urlsplit(normal)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    # courlan keeps "/a/../b"; resolving the dot segments (RFC 3986) names the page once.
    path = urlsplit(urljoin(normal, parts.path or "/")).path
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def host_key(url: str) -> str:
    """What the politeness limits count per: the host and its port (a site)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def is_root(url: str) -> bool:
    """A site's front page (``https://host/``), where feeds are looked for."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query
