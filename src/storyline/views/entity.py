"""What one entity page shows: everything the entity said and claimed, across outlets.

Statements are the story views' claims (``views.claims``): one wording in
several articles (copies, one quote run by several outlets) shows once,
with where else it ran.
"""

from __future__ import annotations

from storyline.store import Store
from storyline.views.claims import StoryRows, chart_point, claims
from storyline.views.copies import Copies
from storyline.views.story import load_articles
from storyline.views.text import Row, date_key


def entity_view(store: Store, entity_id: str) -> Row | None:
    """The entity with its aliases, statements, figures and mentions, or None."""
    entity = store.entity_row(entity_id)
    if entity is None:
        return None
    statements = store.statements_by(entity_id)
    figures = store.figures_by(entity_id)
    mentions = store.mentions_by_article(entity_id)
    ids = sorted({r["article_id"] for r in [*statements, *figures, *mentions]})
    articles = load_articles(store, ids) if ids else {}
    names: dict[str | None, str] = {entity_id: str(entity["name"])}
    # Only statements: this page lists the figures in their own table.
    rows = StoryRows(ids, articles, statements, [])
    said = claims(Copies(articles), names, rows)
    points = [chart_point(f, articles[f["article_id"]], names) for f in figures]
    for m in mentions:
        m["article"] = articles[m["article_id"]]
    return {
        **entity,
        "statements": said,
        "figures": sorted(points, key=lambda r: (date_key(r["date"]), r["article_id"], r["start"])),
        "mentions": sorted(
            mentions, key=lambda m: (m["article"]["published"] or "9999", m["article_id"])
        ),
        "outlets": sorted({a["label"] for a in articles.values()}),
        "mention_count": sum(m["n"] for m in mentions),
    }
