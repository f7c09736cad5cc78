"""A story's claims: who said what and which figures, each once, with where else it ran.

A claim is a statement (with the figures it carries) or a stand-alone figure.
One the corpus stage's lineage groups (``corpus.claims``: the same words or
figure in several articles, ``claim_id``) is shown once with its lineage line
(``views.lineage``); otherwise one wording by one speaker in several articles
(a copy, a wire text run by several outlets) is one claim: first reported by
the earliest article, also in the others, carried by so many independent
sources (``views.copies.collapse``). ``claims`` is the one place a story's
claims come from.

Also here: the item builders the timeline shares with the chart points, how
telling a statement is (``telling``), and the story's voices.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyline.views.catalogue import Catalogue
from storyline.views.copies import Copies, collapse, text_key
from storyline.views.lineage import with_lineage
from storyline.views.sides import NOBODY, who_key
from storyline.views.text import (
    Row,
    date_key,
    figure_value,
    figure_what,
    human_date,
    sentence,
)


@dataclass
class StoryRows:
    """One story's own rows: its articles (with text, by id), their records, and the
    claims (``corpus.claims``) they carry, by id, each with its lineage ``line``."""

    article_ids: list[str]
    articles: dict[str, Row]
    statements: list[Row]
    figures: list[Row]
    claims: dict[str, Row] = field(default_factory=dict)


class Item(dict[str, Any]):
    """A claim or a figure as views show it. Its exact sentence (``item["sentence"]``) is
    found when first read: a large briefing shows the words of most claims, not their
    sentences, and finding thousands of sentences it never shows is a third of its time."""

    def __missing__(self, key: str) -> Any:
        if key != "sentence":
            raise KeyError(key)
        found = self["sentence"] = sentence(self["article"]["text"], self["start"], self["end"])
        return found


def provenance(item: Row, art: Row) -> Item:
    out = Item(item)
    out["article"] = art
    return out


def who(names: dict[str | None, str], entity: str | None, written: str | None) -> str:
    """The canonical entity's name, else the name as the article wrote it."""
    return names.get(entity) or written or "unattributed"


def _item(kind: str, record: Row, art: Row, stated: tuple[str | None, str], **shown: Any) -> Row:
    """A timeline item: dated by its own date (``stated``: value, basis), else publication."""
    date, basis = stated if stated[0] else (art["published"], "published")
    item = {"kind": kind, "id": record["id"], "date": date, "date_basis": basis if date else None}
    item.update(shown, start=record["start"], end=record["end"], claim_id=record.get("claim_id"))
    return provenance(item, art)


# Cues that stand before their source in English ("according to Trump, ..."): shown
# after the speaker's name, as every other cue is, they read "Trump according to: ...",
# so a timeline shows the source and the words alone ("Trump: ...").
SOURCE_FIRST_CUES = ("according to",)


def shown_cue(cue: str | None) -> str | None:
    """The cue as a timeline shows it after the speaker: "said", "called for"; None for
    "According to"."""
    if cue and cue.strip().lower().startswith(SOURCE_FIRST_CUES):
        return None
    return cue


def _statement_item(st: Row, art: Row, names: dict[str | None, str], figures: list[Row]) -> Row:
    return _item(
        "statement",
        st,
        art,
        (st["date"], "stated"),
        who=who(names, st["speaker_entity"], st["speaker"]),
        entity=st["speaker_entity"],
        cue=shown_cue(st["cue"]),
        medium=st["medium"],
        direct=st["direct"],
        stance=st["kind"] == "stance",
        text=st["text"],
        figures=[{**f, "value": figure_value(f), "what": figure_what(f)} for f in figures],
    )


def _figure_item(fig: Row, art: Row, names: dict[str | None, str]) -> Row:
    return _item(
        "figure",
        fig,
        art,
        (fig["as_of"], "as of"),
        who=who(names, fig["claimant_entity"], fig["claimant"]),
        entity=fig["claimant_entity"],
        medium=None,
        text=f"{figure_value(fig)} {figure_what(fig)}".strip(),
        figures=[],
    )


def chart_point(fig: Row, art: Row, names: dict[str | None, str]) -> Row:
    """A figure as a chart point and table row: its date, claimant, value in words."""
    date = fig["as_of"] or art["published"]
    point = {
        **fig,
        "date": date,
        "date_basis": ("as of" if fig["as_of"] else "published") if date else None,
        "who": who(names, fig["claimant_entity"], fig["claimant"]),
        "value": figure_value(fig),
        "what": figure_what(fig),
    }
    return provenance(point, art)


def timeline(rows: StoryRows, names: dict[str | None, str]) -> list[Row]:
    """Statements (with the figures they carry) and stand-alone figures, in date order."""
    by_statement: dict[str, list[Row]] = defaultdict(list)
    for fig in rows.figures:
        if fig["statement_id"]:
            by_statement[fig["statement_id"]].append(fig)
    arts = rows.articles
    items = [
        _statement_item(st, arts[st["article_id"]], names, by_statement.get(st["id"], []))
        for st in rows.statements
    ]
    for fig in rows.figures:
        # Figures inside a statement appear with it; stand-alone ones need a
        # measure to be news (not "three years", "four regions").
        if fig["statement_id"] or not fig["measure"]:
            continue
        items.append(_figure_item(fig, arts[fig["article_id"]], names))
    items.sort(key=lambda i: (date_key(i["date"]), i["article"]["published"] or "9999", i["start"]))
    return items


def _claim_key(item: Row) -> tuple[str, str, str]:
    """One key per claim: the lineage's claim when the corpus stage found one (its
    wordings may differ), else one wording by one speaker."""
    if item.get("claim_id"):
        return "claim", item["claim_id"], ""
    speaker = item["entity"] or who_key(item["who"]).lower()
    return item["kind"], speaker, text_key(item["text"])


def claims(copies: Copies, names: dict[str | None, str], rows: StoryRows) -> list[Row]:
    """The story's claims in date order, each once: ``also`` (the other articles that carry
    it), ``outlets``, ``independent`` (how many independent sources), ``telling``, and
    for a claim of the lineage its ``lineage`` line."""
    out = collapse(timeline(rows, names), _claim_key, copies)
    for claim in out:
        with_lineage(claim, rows.claims)
        claim["telling"] = telling(claim)
    return out


# How telling a statement is, for the one line a voice gets in the lead: words said
# beat positions attributed, a quote beats a paraphrase, a figure makes it news, and
# what several independent outlets repeat is what the story is about. A sentence of
# 60-300 characters reads on its own; a fragment or a whole paragraph does not.
TELLING = {"speech": 1.0, "direct": 1.5, "figure": 1.0, "per_outlet_doubling": 1.0}
TELLING_LENGTH = (60, 300)


def telling(claim: Row) -> float:
    if claim["kind"] != "statement":
        return 0.0
    score = 0.0 if claim["stance"] else TELLING["speech"]
    score += TELLING["direct"] if claim["direct"] else 0.0
    score += TELLING["figure"] if claim["figures"] else 0.0
    score += TELLING["per_outlet_doubling"] * math.log2(claim["independent"])
    length = len(claim["text"])
    lo, hi = TELLING_LENGTH
    return score - (0.0 if lo <= length <= hi else 1.5 if length < lo else 0.5)


def voices(items: list[Row], cat: Catalogue) -> list[Row]:
    """Who speaks in the story, most carried first: per speaker the claims, the outlets
    and independent sources that carry them, and their most telling statement."""
    found: dict[str, Row] = {}
    for item in items:
        if item["kind"] != "statement" or who_key(item["who"]) == NOBODY:
            continue
        key = item["entity"] or item["who"]
        entry = found.setdefault(
            key, {"name": item["who"], "entity": item["entity"], "items": [], "articles": set()}
        )
        entry["items"].append(item)
        entry["articles"].update(a["id"] for a in (item["article"], *item["also"]))
    out = []
    for entry in found.values():
        entry["best"] = max(entry["items"], key=lambda i: (i["telling"], -len(i["text"])))
        entry["outlets"] = sorted({cat.copies.label(a) for a in entry["articles"]})
        entry["independent"] = cat.copies.independent(entry["articles"])
        out.append(entry)
    out.sort(key=lambda v: (-v["independent"], -len(v["items"]), v["name"]))
    return out


def by_day(items: list[Row]) -> list[Row]:
    """Claims as days (``label``, ``items``) in date order: a date is written once."""
    out: list[Row] = []
    for item in items:
        label = human_date(item["date"])
        if not out or out[-1]["label"] != label:
            out.append({"label": label, "items": []})
        out[-1]["items"].append(item)
    return out


def as_reported(items: list[Row]) -> list[Row]:
    """Claims as the outlets reported them: days of publication (``label``, ``sources``),
    each with its articles (``article``, ``items`` in the article's order). A date and a
    source are written once however many claims they hold; a claim dated otherwise
    than its article keeps its own date (``said_on``)."""
    ordered = sorted(
        items, key=lambda i: (i["article"]["published"] or "9999", i["article"]["id"], i["start"])
    )
    out: list[Row] = []
    for item in ordered:
        art = item["article"]
        label = human_date(art["published"])
        if not out or out[-1]["label"] != label:
            out.append({"label": label, "sources": []})
        sources = out[-1]["sources"]
        if not sources or sources[-1]["article"]["id"] != art["id"]:
            sources.append({"article": art, "items": []})
        item["said_on"] = human_date(item["date"]) if item["date"] != art["published"] else None
        sources[-1]["items"].append(item)
    return out
