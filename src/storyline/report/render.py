"""Write the briefing as one self-contained HTML file or as Markdown.

The HTML inlines its stylesheet and draws charts as inline SVG, so it opens
from disk with no network and can be mailed as it is. Article text is
hostile input: Jinja autoescaping is on for every template, and the
Markdown writer (``report.markdown``) escapes HTML and Markdown syntax.

What keeps it readable on hundreds of articles (``report.briefing``): stories
ranked, the first ``OPEN_STORIES`` open at their lead and the rest one click
away, every section behind a ``<details>``; one claim repeated by copies and
outlets shown once ("also in ..."); on a large corpus each claim as its words
and a link to its source rather than its whole sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from storyline import __version__
from storyline.report.briefing import OPEN_STORIES, briefing_views, title
from storyline.report.markdown import render_markdown
from storyline.store import Store
from storyline.views import FAVICON, shared_templates, stylesheet, template_filters
from storyline.views.chart import value_chart
from storyline.views.text import Row


@cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("storyline.report", "templates"), shared_templates()]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(template_filters())
    return env


def _charts(views: list[Row]) -> dict[str, dict[str, Markup]]:
    charts: dict[str, dict[str, Markup]] = {}
    for view in views:
        prefix = f"{view['id']}-"

        def link(point: Row, prefix: str = prefix) -> str:
            return f"#{prefix}{point['id']}"

        charts[view["id"]] = {
            q["id"]: value_chart(q["points"], link=link, title=f"{q['words']}: claimed values")
            for q in view["disputed"]
        }
    return charts


def _others(views: list[Row]) -> list[Row]:
    """Articles a section cites (another story's figure) that no section lists."""
    listed = {a for v in views for a in v["group"].article_ids}
    others: dict[str, Row] = {}
    for view in views:
        for art in view["sources"]:
            if art["id"] not in listed:
                others.setdefault(art["id"], {**art, "copies": []})
    return sorted(others.values(), key=lambda a: (a["published"] or "9999", a["id"]))


def render_html(store: Store, story: str | None = None) -> str:
    """The briefing as one HTML file; an article's title links to its own web address."""
    views, note = briefing_views(store, story)
    source_link: Callable[[Row], str | None] = lambda a: a.get("url")  # noqa: E731
    counts = store.counts()
    copies = sum(v["counts"]["articles"] - len(v["articles"]) for v in views)
    return (
        environment()
        .get_template("briefing.html")
        .render(
            title=title(views),
            version=__version__,
            css=Markup(stylesheet()),
            favicon=FAVICON,
            note=note,
            stories=views,
            charts=_charts(views),
            others=_others(views),
            full=all(v["full"] for v in views),
            open_count=OPEN_STORIES,
            totals={"articles": counts["articles"], "copies": copies},
            href=lambda art, rid: f"#art-{art['id']}",
            source_link=source_link,
            entity_href=None,
        )
    )


def write_report(store: Store, path: Path, story: str | None = None) -> Path:
    """Write HTML, or Markdown when ``path`` ends in ``.md``; returns the path."""
    # One read transaction: a briefing written while an ingest runs is still of one state.
    with store.snapshot():
        text = (
            render_markdown(store, story)
            if path.suffix.lower() in (".md", ".markdown")
            else render_html(store, story)
        )
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
