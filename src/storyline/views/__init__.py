"""What the briefing (``report/``) and the web app (``web/``) show: one view layer for both.

| module | what it gives |
|---|---|
| ``text`` | the sentence around a span, source labels, dates and values in words (pure) |
| ``catalogue`` | the corpus-wide facts every story view needs, read once |
| ``copies`` | what counts once: copies under their original, independent sources |
| ``rank`` | which story a reader wants first, and why, in words |
| ``story`` | stories (ranked) or a stand-in group; per story its lead and sections |
| ``claims`` | a story's claims, each once with where else it ran; its voices |
| ``disputed`` | a story's disputed quantities: values, series, reasons in words |
| ``series`` | a story's quantities as the corpus stage's series: claims, sources, relations |
| ``entity`` | one entity's statements, figures and mentions across outlets |
| ``article`` | one article's text with every finding marked (``highlight``), and its copies |
| ``browse`` | the home page's ranked stories and people |
| ``search`` | full-text search: the reader's query syntax, totals, pages, snippets |
| ``chart``, ``chart_frame``, ``sides`` | the inline SVG of claimed values over time |

Views read the store through its read methods (``store/read.py``) and return
plain dicts, so Jinja templates and the Markdown writer use them as they are.
The template macros both front ends share (``templates/_items.html``) and the
stylesheet live here too.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from jinja2 import PackageLoader

from storyline.views.text import human_date

# The icon of every page and the briefing: a rising line on the header's navy.
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#13294b"/>'
    '<path d="M6 22L13 14L19 18L26 9" stroke="#e8b730" stroke-width="3.5" fill="none" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)
FAVICON = "data:image/svg+xml," + quote(FAVICON_SVG)


def stylesheet() -> str:
    return (files("storyline.views") / "assets" / "style.css").read_text(encoding="utf-8")


def shared_templates() -> PackageLoader:
    """The macros of ``_items.html``: timeline, disagreements, topics, speakers, sources."""
    return PackageLoader("storyline.views", "templates")


# Where a date comes from, as a reader would put it.
DATE_BASIS = {
    "stated": "date in the text",
    "as of": "date in the text",
    "published": "publication date",
}


def template_filters() -> dict[str, Callable[..., Any]]:
    """Filters both front ends' templates use: ``day`` writes a date as people do,
    ``basis`` where it comes from."""
    return {"day": human_date, "basis": lambda b: DATE_BASIS.get(b, b or "")}
