"""A story's disputed quantities, as series: for each quantity its claims over time, who
gives them, the independent sources, and each relation with its reason in words.

``story_series`` is the one function the briefing and the web pages call per story;
it reads the corpus stage's series (``store.series_in``) and the relations inside
them (``store.relations_in``), so what they show is what the export says.
"""

from __future__ import annotations

from storyline.store import Store
from storyline.views.text import Row, date_key, figure_value, sentence, shown

# What a reader needs first: contradictions, then updates, then agreement.
KIND_ORDER = {"contradiction": 0, "update": 1, "corroboration": 2}


def _claim(fig: Row, article: Row, source: int) -> Row:
    """One claim as a point in time: value, who, where it was published, the sentence."""
    return {
        "id": fig["id"],
        "value": figure_value(fig),
        "low": fig["low"],
        "high": fig["high"],
        "qualifier": fig["qualifier"],
        "who": fig["claimant"] or article["label"],
        "date": fig["as_of"] or article["published"],
        "source": source,
        "article": article,
        "sentence": sentence(article["text"], fig["start"], fig["end"]),
    }


def story_series(store: Store, article_ids: list[str]) -> list[Row]:
    """The quantities of a story that sources dispute or confirm: each series with a
    relation, its claims earliest first, its independent sources and its relations (kind,
    reason, the claim ids on each side), contradictions first."""
    if not article_ids:
        return []
    series = store.series_in(article_ids)
    relations = store.relations_in([s["id"] for s in series]) if series else []
    by_series: dict[str, list[Row]] = {}
    for rel in relations:
        by_series.setdefault(rel["series_id"], []).append(rel)
    figures = {
        f["id"]: f
        for f in store.figures_by_id(sorted({i for s in series for i in s["figure_ids"]}))
    }
    articles = {
        a["id"]: shown(a)
        for a in store.article_rows(sorted({f["article_id"] for f in figures.values()}))
    }
    out = []
    for s in series:
        rels = sorted(by_series.get(s["id"], []), key=lambda r: (KIND_ORDER[r["kind"]], r["id"]))
        if not rels:
            continue
        source_of = {f: n for n, ids in enumerate(s["sources"]) for f in ids}
        claims = [
            _claim(figures[f], articles[figures[f]["article_id"]], source_of.get(f, -1))
            for f in s["figure_ids"]
            if f in figures
        ]
        claims.sort(key=lambda c: (date_key(c["date"]), c["id"]))
        out.append(
            {
                **s,
                "claims": claims,
                "independent_sources": len(s["sources"]),
                "relations": rels,
                "kinds": sorted({r["kind"] for r in rels}, key=KIND_ORDER.__getitem__),
            }
        )
    out.sort(key=lambda s: (KIND_ORDER[s["kinds"][0]], -len(s["claims"]), s["label"]))
    return out
