"""Assemble an Article from a RawDocument: main text, junk removed, metadata, stable id.

Where each field comes from, first source that has it wins:

- title: the container (``raw.meta``: JSONL field, front matter) > the
  text's own heading (``header.py``) > the HTML page (trafilatura);
- published: ``raw.meta`` or front matter (basis ``metadata``) > a leading
  metadata line (``header``) > the page's markup (``html``) > the text's
  dateline (``dateline``) > the URL (``url``; year and month only gives
  ``YYYY-MM``) > null. A date is never guessed: captions' dates and other
  dates in the text are left to the time-expression stage. ``published_at``
  (UTC) only when the metadata value states a time and its zone;
- outlet: ``raw.meta`` > front matter > the page's site name > the URL's
  registered domain;
- language: function-word detection when it is confident, else ``raw.meta``
  or front matter (a feed's stated language can be wrong for some pages).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from courlan import extract_domain  # trafilatura's URL library; knows public suffixes

from storyline.clean.dates import (
    dateline_date,
    normalise_date,
    normalise_moment,
    url_date,
    url_month,
)
from storyline.clean.header import read_header
from storyline.clean.html import extract_html
from storyline.clean.language import detect_language
from storyline.clean.text import clean_blocks, clean_text, normalise
from storyline.errors import EmptyArticle
from storyline.outlets import site
from storyline.schema import (
    ANALYSIS_VERSION,
    Article,
    PublishedBasis,
    RawDocument,
    Removal,
    stable_id,
)

# trafilatura's fallback returns whatever text a page has, so a login page or
# an empty shell comes back as "Home" or "Sign in"; no news article is that
# short. Applies to HTML only: a text file holds what its author gave.
MIN_HTML_WORDS = 10


@dataclass
class _Parts:
    text: str
    removed: list[Removal]
    title: str | None = None
    published: str | None = None
    basis: PublishedBasis | None = None
    meta: dict[str, str] = field(default_factory=dict)


def _from_text(raw: RawDocument) -> _Parts:
    if not (raw.text or "").strip():
        raise EmptyArticle("empty text")
    header = read_header(raw.text or "", raw.meta.get("title"))
    text, removed = clean_text(header.body)
    return _Parts(
        text=text,
        removed=header.removed + removed,
        title=header.title,
        published=header.published,
        basis=header.published_basis,
        meta=header.meta,
    )


def _from_html(raw: RawDocument) -> _Parts:
    if not (raw.html or "").strip():
        raise EmptyArticle("empty HTML page")
    page = extract_html(raw.html or "", raw.meta.get("url"))
    if page is None:
        raise EmptyArticle("no main text found in the HTML page")
    # trafilatura puts one paragraph per line.
    blocks = [line.strip() for line in normalise(page.text).split("\n") if line.strip()]
    removed: list[Removal] = []
    title = raw.meta.get("title") or page.title
    # The headline often opens the extracted body; it is the title, not text.
    if blocks and title and _words(blocks[0]) == _words(title):
        blocks.pop(0)
    text = "\n\n".join(clean_blocks(blocks, removed))
    if len(text.split()) < MIN_HTML_WORDS:
        raise EmptyArticle(f"no main text found in the HTML page (only {len(text.split())} words)")
    published = normalise_date(page.published)
    meta = {
        key: value
        for key, value in (("outlet", page.outlet), ("url", page.url), ("author", page.author))
        if value
    }
    return _Parts(
        text=text,
        removed=removed,
        title=page.title,
        published=published,
        basis="html" if published else None,
        meta=meta,
    )


def _words(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")


def _language(code: str | None) -> str | None:
    """``en-GB`` -> ``en``: the primary subtag is what the analysers can use."""
    if not code or not code.strip():
        return None
    return code.strip().replace("_", "-").split("-")[0].lower() or None


def _published(
    stated: str | None, parts: _Parts, url: str | None
) -> tuple[str | None, PublishedBasis | None]:
    """The publication date and where it came from, from the best source that states it."""
    if stated:
        return stated, "metadata"
    if parts.published:
        return parts.published, parts.basis
    if day := dateline_date(parts.text, url):
        return day, "dateline"
    if day := url_date(url):
        return day, "url"
    if month := url_month(url):
        return f"{month[0]:04d}-{month[1]:02d}", "url"
    return None, None


def build_article(raw: RawDocument) -> Article:
    """Clean one RawDocument into an Article; raise EmptyArticle when no text is left."""
    parts = _from_html(raw) if raw.html is not None or raw.fmt == "html" else _from_text(raw)
    if not parts.text.strip():
        raise EmptyArticle("no article text left after removing page furniture")
    meta, found = raw.meta, parts.meta

    url = meta.get("url") or found.get("url")
    published, basis = _published(normalise_date(meta.get("published")), parts, url)
    # The moment only comes from the metadata field that gave the date.
    published_at = normalise_moment(meta.get("published")) if basis == "metadata" else None

    outlet = meta.get("outlet") or found.get("outlet") or (extract_domain(url) if url else None)
    title = meta.get("title") or parts.title
    # The container's language is a claim about a whole feed (news-dumpster
    # marks Zeit Online's German and Le Monde's French pages "en"); when the
    # text's function words confidently say otherwise, the text wins.
    stated = _language(meta.get("language") or found.get("language"))
    detected = detect_language(parts.text)
    language = detected or stated
    key = f"{ANALYSIS_VERSION}\x1f{title or ''}\x1f{parts.text}"
    digest = hashlib.sha1(key.encode()).hexdigest()
    return Article(
        id=stable_id("a", raw.key),
        source=raw.source,
        title=title,
        outlet=outlet,
        published=published,
        published_basis=basis,
        language=language,
        text=parts.text,
        url=url,
        published_at=published_at,
        author=meta.get("author") or found.get("author"),
        removed=parts.removed,
        content_hash=digest,
        family=site(url, outlet),
    )
