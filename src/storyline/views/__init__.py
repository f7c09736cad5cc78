"""What the briefing (``report/``) and the web app (``web/``) show: one view layer for both.

| module | what it gives |
|---|---|
| ``text`` | the sentence around a span, source labels, values in words (pure) |
| ``story`` | stories or a stand-in group; per story the timeline, disagreement topics, speakers |
| ``series`` | a story's disputed quantities: each series' claims, sources, relations |
| ``entity`` | one entity's statements, figures and mentions across outlets |
| ``article`` | one article's text with every finding marked (``highlight``), and its copies |
| ``browse`` | the home page's stories and people; search results |
| ``chart`` | the inline SVG of claimed values over time |

Views read the store through its read methods (``store/read.py``) and return
plain dicts, so Jinja templates and the Markdown writer use them as they are.
The template macros both front ends share (``templates/_items.html``) and the
stylesheet live here too.
"""

from __future__ import annotations

from importlib.resources import files

from jinja2 import PackageLoader


def stylesheet() -> str:
    return (files("storyline.views") / "assets" / "style.css").read_text(encoding="utf-8")


def shared_templates() -> PackageLoader:
    """The macros of ``_items.html``: timeline, disagreements, topics, speakers, sources."""
    return PackageLoader("storyline.views", "templates")
