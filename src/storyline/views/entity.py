"""What one entity page shows: everything the entity said and claimed, across outlets."""

from __future__ import annotations

from storyline.store import Store
from storyline.views.story import load_articles
from storyline.views.text import Row, date_key, figure_value, figure_what, sentence


def _as_statement(st: Row, art: Row) -> None:
    st.update(
        stance=st["kind"] == "stance",
        who=st["speaker"],
        article=art,
        sentence=sentence(art["text"], st["start"], st["end"]),
        date_basis="stated" if st["date"] else ("published" if art["published"] else None),
        date=st["date"] or art["published"],
        kind="statement",
        entity=None,
        figures=[],
    )


def _as_figure(fig: Row, art: Row) -> None:
    fig.update(
        who=fig["claimant"],
        value=figure_value(fig),
        what=figure_what(fig),
        article=art,
        sentence=sentence(art["text"], fig["start"], fig["end"]),
        date_basis="as of" if fig["as_of"] else ("published" if art["published"] else None),
        date=fig["as_of"] or art["published"],
    )


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
    for st in statements:
        _as_statement(st, articles[st["article_id"]])
    for fig in figures:
        _as_figure(fig, articles[fig["article_id"]])
    for m in mentions:
        m["article"] = articles[m["article_id"]]
    key = lambda r: (date_key(r["date"]), r["article_id"], r["start"])  # noqa: E731
    return {
        **entity,
        "statements": sorted(statements, key=key),
        "figures": sorted(figures, key=key),
        "mentions": sorted(
            mentions, key=lambda m: (m["article"]["published"] or "9999", m["article_id"])
        ),
        "outlets": sorted({a["label"] for a in articles.values()}),
        "mention_count": sum(m["n"] for m in mentions),
    }
