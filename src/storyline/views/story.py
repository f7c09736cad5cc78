"""What one story section shows, in the briefing and on the story page.

Stories (or a stand-in grouping while the cross-article stage has not run),
and per story: a timeline of who said what and which figures, in date order;
the disagreement groups touching its figures, gathered into one chart topic
each; statements by speaker; the outlets and sources. Every item carries its
source article and the exact sentence around its span.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyline.store import Store
from storyline.views.series import story_series
from storyline.views.text import Row, date_key, figure_value, figure_what, sentence, shown

KIND_WORDS = {
    "contradiction": "Contradiction: the claimed values cannot all be true at once.",
    "update": "Update: a later figure revises an earlier one.",
    "corroboration": "Corroboration: separate sources give the same value.",
}
# What a reader needs first: contradictions, then updates, then agreement.
KIND_RANK = {kind: n for n, kind in enumerate(KIND_WORDS)}


@dataclass
class Group:
    """A story, or a stand-in grouping while no stories exist."""

    id: str
    label: str
    article_ids: list[str]
    start: str | None
    end: str | None
    is_story: bool = True
    articles: dict[str, Row] = field(default_factory=dict)


FALLBACK_ID = "all"
UNASSIGNED_ID = "unassigned"
FALLBACK_NOTE = (
    "No stories have been computed for this store yet, so every article is treated as one group."
)


def load_articles(store: Store, ids: list[str] | None = None) -> dict[str, Row]:
    """Articles (all, or these ids) as views show them, by publication date then id."""
    return {r["id"]: shown(r) for r in store.article_rows(ids)}


def disagreements(store: Store) -> list[Row]:
    rows = store.disagreement_rows()
    for r in rows:
        r["kind_words"] = KIND_WORDS.get(r["kind"], r["kind"])
    rows.sort(
        key=lambda r: (KIND_RANK.get(r["kind"], 9), -len(r["figure_ids"]), r["topic"], r["id"])
    )
    return rows


def groups(store: Store) -> tuple[list[Group], str | None]:
    """Stories to show and, when stories are missing, a note that says what was done."""
    stories = list(store.records("stories"))
    if not stories:
        ids = store.article_ids()
        dates = store.published_dates()
        if not ids:
            return [], None
        label = "All articles"
        group = Group(FALLBACK_ID, label, ids, dates[0] if dates else None, None, is_story=False)
        group.end = dates[-1] if dates else None
        return [group], FALLBACK_NOTE
    out = [Group(s["id"], s["label"], s["article_ids"], s["start"], s["end"]) for s in stories]
    out.sort(key=lambda g: (-len(g.article_ids), g.start or "9999", g.id))
    loose = store.article_ids(unassigned=True)
    if loose:
        out.append(Group(UNASSIGNED_ID, "Articles in no story", loose, None, None, is_story=False))
    return out, None


def find_group(store: Store, group_id: str) -> tuple[Group | None, str | None]:
    found, note = groups(store)
    for g in found:
        if g.id == group_id:
            return g, note
    return None, note


def _provenance(item: Row, art: Row) -> Row:
    item["article"] = art
    item["sentence"] = sentence(art["text"], item["start"], item["end"])
    return item


def _who(names: dict[str | None, str], entity: str | None, written: str | None) -> str:
    """The canonical entity's name, else the name as the article wrote it."""
    return names.get(entity) or written or "unattributed"


def _item(kind: str, record: Row, art: Row, stated: tuple[str | None, str], **shown: Any) -> Row:
    """A timeline item: dated by its own date (``stated``: value, basis), else publication."""
    date, basis = stated if stated[0] else (art["published"], "published")
    item = {"kind": kind, "id": record["id"], "date": date, "date_basis": basis if date else None}
    item.update(shown, start=record["start"], end=record["end"])
    return _provenance(item, art)


def _statement_item(st: Row, art: Row, names: dict[str | None, str], figures: list[Row]) -> Row:
    return _item(
        "statement",
        st,
        art,
        (st["date"], "stated"),
        who=_who(names, st["speaker_entity"], st["speaker"]),
        entity=st["speaker_entity"],
        cue=st["cue"],
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
        who=_who(names, fig["claimant_entity"], fig["claimant"]),
        entity=fig["claimant_entity"],
        medium=None,
        text=f"{figure_value(fig)} {figure_what(fig)}".strip(),
        figures=[],
    )


def timeline(
    statements: list[Row],
    figures: list[Row],
    articles: dict[str, Row],
    names: dict[str | None, str],
) -> list[Row]:
    """Statements (with the figures they carry) and stand-alone figures, in date order."""
    by_statement: dict[str, list[Row]] = defaultdict(list)
    for fig in figures:
        if fig["statement_id"]:
            by_statement[fig["statement_id"]].append(fig)
    items = [
        _statement_item(st, articles[st["article_id"]], names, by_statement.get(st["id"], []))
        for st in statements
    ]
    for fig in figures:
        # Figures inside a statement appear with it; stand-alone ones need a
        # measure to be news (not "three years", "four regions").
        if fig["statement_id"] or not fig["measure"]:
            continue
        items.append(_figure_item(fig, articles[fig["article_id"]], names))
    items.sort(key=lambda i: (date_key(i["date"]), i["article"]["published"] or "9999", i["start"]))
    return items


def _chart_point(fig: Row, art: Row, names: dict[str | None, str]) -> Row:
    date = fig["as_of"] or art["published"]
    point = {
        **fig,
        "date": date,
        "date_basis": ("as of" if fig["as_of"] else "published") if date else None,
        "who": _who(names, fig["claimant_entity"], fig["claimant"]),
        "value": figure_value(fig),
        "what": figure_what(fig),
    }
    return _provenance(point, art)


def disagreement_groups(
    store: Store, figures: list[Row], articles: dict[str, Row], names: dict[str | None, str]
) -> list[Row]:
    """Disagreement groups touching these figures, each with its figures as chart points.

    Their other figures may come from other articles, which join ``articles``
    (and so the story's sources list)."""
    own = {f["id"] for f in figures}
    # Pairwise groups share figures (a busy story: 3,273 points, 145 figures), and
    # finding a point's sentence is the costly part: each figure's point is made once.
    made: dict[str, Row] = {}
    out = []
    for dis in disagreements(store):
        if not own.intersection(dis["figure_ids"]):
            continue
        figs = store.figures_by_id(dis["figure_ids"])
        missing = [f["article_id"] for f in figs if f["article_id"] not in articles]
        if missing:
            articles.update(load_articles(store, sorted(set(missing))))
        points = []
        for fig in figs:
            if fig["id"] not in made:
                made[fig["id"]] = _chart_point(fig, articles[fig["article_id"]], names)
            points.append(dict(made[fig["id"]]))
        points.sort(key=lambda p: (date_key(p["date"]), p["who"], p["id"]))
        out.append({**dis, "figures": points})
    return out


def topics(groups_out: list[Row]) -> list[Row]:
    """One chart per topic: pairwise groups on the same topic ("killed: Ukrainian
    soldiers") share their figures, and a reader compares claimants on one axis."""
    by_topic: dict[str, Row] = {}
    for dis in groups_out:
        topic = by_topic.setdefault(
            dis["topic"],
            {"topic": dis["topic"], "id": f"t-{dis['id']}", "groups": [], "figures": {}},
        )
        topic["groups"].append(dis)
        for point in dis["figures"]:
            # A chart mark leads to the first row that lists the figure.
            topic["figures"].setdefault(
                point["id"], {**point, "anchor": f"{dis['id']}-{point['id']}"}
            )
    out = []
    for topic in by_topic.values():
        figs = sorted(
            topic["figures"].values(), key=lambda p: (date_key(p["date"]), p["who"], p["id"])
        )
        seen = {g["kind"] for g in topic["groups"]}
        kinds = [k for k in KIND_WORDS if k in seen] + sorted(seen - set(KIND_WORDS))
        out.append({**topic, "figures": figs, "kinds": kinds})
    out.sort(key=lambda t: (KIND_RANK.get(t["kinds"][0], 9), -len(t["figures"]), t["topic"]))
    return out


def speakers(items: list[Row]) -> list[Row]:
    """The timeline's statements by speaker (canonical entity, else the name as written)."""
    found: dict[str, Row] = {}
    for item in items:
        if item["kind"] != "statement":
            continue
        key = item["entity"] or item["who"]
        entry = found.setdefault(key, {"name": item["who"], "entity": item["entity"], "items": []})
        entry["items"].append(item)
    return sorted(found.values(), key=lambda s: (-len(s["items"]), s["name"]))


def story_view(store: Store, group: Group) -> Row:
    """Everything one story section shows: timeline, figure groups, speakers, sources."""
    articles = load_articles(store, group.article_ids)
    # Series and speakers go by the canonical entity, not each article's spelling.
    names = store.entity_names()
    statements = store.records_of("statements", group.article_ids)
    figures = store.records_of("figures", group.article_ids)
    items = timeline(statements, figures, articles, names)
    groups_out = disagreement_groups(store, figures, articles, names)
    own = [a for a in articles.values() if a["id"] in group.article_ids]
    outlets = sorted({a["label"] for a in own})
    dates = sorted(a["published"] for a in own if a["published"])
    return {
        "group": group,
        "id": group.id,
        "label": group.label,
        "articles": [articles[i] for i in group.article_ids if i in articles],
        "sources": sorted(articles.values(), key=lambda a: (a["published"] or "9999", a["id"])),
        "outlets": outlets,
        "start": group.start or (dates[0] if dates else None),
        "end": group.end or (dates[-1] if dates else None),
        "timeline": items,
        "disagreements": groups_out,
        "topics": topics(groups_out),
        # The story's disputed quantities as series (claims over time, sources, relations).
        "series": story_series(store, group.article_ids),
        "speakers": speakers(items),
        "counts": {
            "articles": len(group.article_ids),
            "statements": len(statements),
            "figures": len(figures),
            "disagreements": len(groups_out),
        },
    }
