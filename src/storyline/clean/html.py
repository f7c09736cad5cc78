"""Main text and metadata of an HTML page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

# Settings that differ from trafilatura's defaults, and why:
# - comments are not the article (and the Zyte gold never includes them);
# - dates only from the page's markup, URL and metadata (htmldate without its
#   "extensive" free-text search), because a date guessed from some number in
#   the page would be an invented publication date; an unknown date is null.
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    author: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """The page's main text (one line per paragraph) and metadata; ``None`` if no main text."""
    doc = trafilatura.bare_extraction(html, url=url, **EXTRACT_OPTIONS)  # type: ignore[arg-type]
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        return None
    return HtmlExtract(
        text=doc.text or "",
        title=doc.title or None,
        published=doc.date or None,
        outlet=doc.sitename or None,
        url=doc.url or None,
        author=doc.author or None,
    )
