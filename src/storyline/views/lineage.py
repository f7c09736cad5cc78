"""Claims as a reader sees them: the lineage line, one item per claim, the claim page.

The corpus stage (``corpus.claims``) groups the statements and figures that
several articles carry into claims; here they are shown:

- ``lineage_line``: "first reported by TASS on 26 May 2025; repeated by 7
  outlets, 2 independent";
- ``collapse``: a story's timeline with each claim once (its first
  appearance, with the line and the other articles), not once per copy;
- ``claim_view``: the claim page, every appearance in publication order with
  its sentence, whether it is an independent source and why, and the wording
  variants.
"""

from __future__ import annotations

from datetime import date

from storyline.store import Store
from storyline.views.text import Row, sentence, shown


def human_date(value: str | None) -> str:
    """``2025-05-26`` (or a moment) -> ``26 May 2025``; a coarser date as it is."""
    if not value:
        return "an unknown date"
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def lineage_line(claim: Row, first_outlet: str | None = None) -> str:
    """ "first reported by X on <date>; repeated by 7 outlets, 2 independent"."""
    outlet = first_outlet or (claim["outlets"][0] if claim["outlets"] else "an unknown outlet")
    when = human_date(claim["first_published"])
    sure = {"tied": " (tied with a copy)", "day": " (same day as another)", "undated": ""}
    first = f"first reported by {outlet} on {when}{sure.get(claim['first_certainty'], '')}"
    others = len(claim["outlets"]) - 1
    independent = claim["independent_sources"]
    if others > 0:
        repeated = f"repeated by {_plural(others, 'other outlet')}"
    else:
        repeated = f"repeated in {_plural(len(claim['article_ids']) - 1, 'other article')}"
    return f"{first}; {repeated}, {independent} independent"


def story_claims(store: Store, article_ids: list[str]) -> dict[str, Row]:
    """The claims that appear in these articles, by id, each with its ``line``."""
    out = {}
    for claim in store.claims_in(article_ids):
        claim["line"] = lineage_line(claim)
        out[claim["id"]] = claim
    return out


def collapse(items: list[Row], claims: dict[str, Row]) -> list[Row]:
    """Timeline items with each claim shown once: the earliest appearance among them keeps
    its place and gains ``claim`` (the record with its ``line``) and ``repeats`` (the
    other items of the claim here); the other appearances are dropped."""
    kept: dict[str, Row] = {}
    out = []
    for item in items:
        claim_id = item.get("claim_id")
        if claim_id is None or claim_id not in claims:
            out.append(item)
            continue
        first = kept.get(claim_id)
        if first is None:
            kept[claim_id] = item
            item["claim"] = claims[claim_id]
            item["repeats"] = []
            out.append(item)
        else:
            first["repeats"].append(item)
    return out


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
        "line": lineage_line(claim, first["label"] if first else None),
        "timeline": timeline,
        "variants": [
            {**v, "labels": [articles[a]["label"] for a in v["article_ids"] if a in articles]}
            for v in claim["variants"]
        ],
    }
