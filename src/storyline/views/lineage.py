"""Claims as a reader sees them: the lineage line, one item per claim, the claim page.

The corpus stage (``corpus.claims``) groups the statements and figures that
several articles carry into claims; here they are shown:

- ``lineage_line``: "first reported by TASS on 26 May 2025; repeated by 7
  other outlets; 2 independent sources in all";
- ``collapse``: a story's timeline with each claim once (its first
  appearance, with the line and the other articles), not once per copy;
- ``claim_view``: the claim page, every appearance in publication order with
  its sentence, whether it is an independent source and why, and the wording
  variants.
"""

from __future__ import annotations

from storyline.store import Store
from storyline.views.text import Row, figure_value, figure_what, human_date, sentence, shown

# How sure "first" is, in words (``Claim.first_certainty``).
SURE = {
    "tied": " (with a copy published at the same moment)",
    "day": " (or by another that day: the order within the day is unknown)",
    "undated": " (among the dated ones: an undated article may be earlier)",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def lineage_line(claim: Row, first_outlet: str | None = None) -> str:
    """ "first reported by X on <date>; repeated by 7 other outlets; 2 independent sources
    in all". The count is the claim's ``independent_sources``, the first included, so it
    is said apart from the repeats: "repeated by 1 other outlet, 2 independent" read as
    two independent repeats of one."""
    outlet = first_outlet or (claim["outlets"][0] if claim["outlets"] else "an unknown outlet")
    when = human_date(claim["first_published"])
    sure = SURE.get(claim["first_certainty"], "")
    first = f"first reported by {outlet} on {when}{sure}"
    others = len(claim["outlets"]) - 1
    independent = claim["independent_sources"]
    if others > 0:
        repeated = f"repeated by {_plural(others, 'other outlet')}"
    else:
        repeated = f"repeated in {_plural(len(claim['article_ids']) - 1, 'other article')}"
    return f"{first}; {repeated}; {_plural(independent, 'independent source')} in all"


def story_claims(store: Store, article_ids: list[str]) -> dict[str, Row]:
    """The claims that appear in these articles, by id, each with its ``line``."""
    out = {}
    for claim in store.claims_in(article_ids):
        claim["line"] = lineage_line(claim)
        out[claim["id"]] = claim
    return out


def with_lineage(item: Row, claims: dict[str, Row]) -> Row:
    """An item (collapsed over its copies by ``views.copies.collapse``) that belongs to a
    claim: its ``lineage`` line and ``independent`` count are the claim's, which know
    about every article carrying it and about relays."""
    claim = claims.get(item.get("claim_id") or "")
    if claim is not None:
        item["lineage"] = claim["line"]
        item["independent"] = claim["independent_sources"]
    return item


def _title(store: Store, claim: Row, figures: list[Row]) -> str:
    """What the claim page is headed by: the words, or for a figure its value with what it
    counts ("about 475 drones shot down"), never the number alone ("dozens")."""
    if claim["kind"] != "figure" or not figures:
        return str(claim["text"])
    first = min(figures, key=lambda f: (f["article_id"] != claim["first_article_id"], f["id"]))
    fig = store.record("figures", first["id"])
    if fig is None:
        return str(claim["text"])
    return f"{figure_value(fig)} {figure_what(fig)}".strip()


def claim_view(store: Store, claim_id: str) -> Row | None:
    """The claim page: the claim, its line, and every appearance in publication order (the
    article, its statements or figures with their sentences, independent or not, why)."""
    claim = store.record("claims", claim_id)
    if claim is None:
        return None
    articles = {r["id"]: shown(r) for r in store.article_rows(claim["article_ids"])}
    records = {r["id"]: r for r in store.claim_members(claim_id)}
    timeline = []
    for appearance in claim["appearances"]:
        art = articles.get(appearance["article_id"])
        if art is None:
            continue
        items = [records[i] for i in appearance["item_ids"] if i in records]
        for item in items:
            item["sentence"] = sentence(art["text"], item["start"], item["end"])
        timeline.append({**appearance, "article": art, "items": items})
    first = articles.get(claim["first_article_id"])
    return {
        "c": claim,
        "title": _title(store, claim, [r for r in records.values() if r["kind"] == "figure"]),
        "line": lineage_line(claim, first["label"] if first else None),
        "timeline": timeline,
        "variants": [
            {**v, "labels": [articles[a]["label"] for a in v["article_ids"] if a in articles]}
            for v in claim["variants"]
        ],
    }
