"""What one story shows, in the briefing and on the story page, and which story comes first.

Stories (or a stand-in grouping while the cross-article stage has not run)
are ranked by what a reader wants first (``views.rank``). Per story:

- a lead a reader takes in at a glance: what happened (when, where, who
  carried it, who first), the key disputed quantities, the main voices with
  their most telling statement;
- the sections behind it, each from one function: disputed quantities
  (``disputed.disputed_quantities``), claims in date order
  (``claims.claims``), the voices, and the articles with copies under their
  original.

Every item carries its source article and the exact sentence around its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.store import Store
from storyline.views.catalogue import Catalogue
from storyline.views.claims import StoryRows, claims, voices
from storyline.views.copies import known_outlet
from storyline.views.disputed import disputed_quantities
from storyline.views.lineage import story_claims
from storyline.views.rank import story_rank
from storyline.views.series import story_series
from storyline.views.text import Row, human_date, shown

# How much of each section the lead shows.
LEAD_QUANTITIES = 3
LEAD_VOICES = 4
LEAD_PLACES = 4
# Place names that are adjectives ("Ukrainian", "Israeli"): a mention, not a place.
_ADJECTIVE = re.compile(
    r"(?:ian|ese|ish)$|^(?:Israeli|Iraqi|Pakistani|Yemeni|Saudi|Emirati|Qatari|Somali|Thai)$"
)


@dataclass
class Group:
    """A story, or a stand-in grouping while no stories exist."""

    id: str
    label: str
    article_ids: list[str]
    start: str | None
    end: str | None
    is_story: bool = True
    rank: Row = field(default_factory=dict)

    @property
    def story(self) -> str | None:
        """The ``story`` its articles carry in the store (None for the stand-in groups)."""
        return self.id if self.is_story else None


FALLBACK_ID = "all"
UNASSIGNED_ID = "unassigned"
FALLBACK_NOTE = (
    "No stories have been computed for this store yet, so every article is treated as one group."
)


def load_articles(store: Store, ids: list[str] | None = None) -> dict[str, Row]:
    """Articles (all, or these ids) as views show them, by publication date then id."""
    return {r["id"]: shown(r) for r in store.article_rows(ids)}


def _ranked(found: list[Group], cat: Catalogue) -> list[Group]:
    disputed = cat.disputed_topics()
    prominent = cat.prominent()
    for g in found:
        g.rank = story_rank(g.story, g.article_ids, cat, disputed.get(g.story, set()), prominent)
    return sorted(found, key=lambda g: (-g.rank["score"], g.start or "9999", g.id))


def groups(store: Store, cat: Catalogue) -> tuple[list[Group], str | None]:
    """Stories, most wanted first, and, when stories are missing, a note saying what was done."""
    stories = list(store.records("stories"))
    if not stories:
        ids = store.article_ids()
        if not ids:
            return [], None
        dates = store.published_dates()
        group = Group(FALLBACK_ID, "All articles", ids, dates[0] if dates else None, None, False)
        group.end = dates[-1] if dates else None
        return _ranked([group], cat), FALLBACK_NOTE
    out = [Group(s["id"], s["label"], s["article_ids"], s["start"], s["end"]) for s in stories]
    out = _ranked(out, cat)
    loose = store.article_ids(unassigned=True)
    if loose:
        out += _ranked(
            [Group(UNASSIGNED_ID, "Articles in no story", loose, None, None, False)], cat
        )
    return out, None


def find_group(store: Store, cat: Catalogue, group_id: str) -> tuple[Group | None, str | None]:
    found, note = groups(store, cat)
    for g in found:
        if g.id == group_id:
            return g, note
    return None, note


def story_rows(store: Store, group: Group) -> StoryRows:
    return StoryRows(
        group.article_ids,
        load_articles(store, group.article_ids),
        store.records_of("statements", group.article_ids),
        store.records_of("figures", group.article_ids),
        story_claims(store, group.article_ids),
    )


def _places(store: Store, ids: list[str]) -> list[str]:
    found = store.places_in(ids, LEAD_PLACES * 3)
    return [p["name"] for p in found if not _ADJECTIVE.search(p["name"])][:LEAD_PLACES]


def what_happened(view: Row, places: list[str], all_unknown: bool) -> str:
    """``18 articles (16 originals) from 8 independent sources, 24 May 2025 to 26 May
    2025; places: Russia, Ukraine, Kyiv.``"""
    c = view["counts"]
    n = c["articles"]
    if n == 1:
        said = "One article"
    else:
        said = f"{n} articles"
        if c["originals"] != n:
            said += f" ({c['originals']} original{'s' if c['originals'] != 1 else ''})"
        if all_unknown:
            said += ", outlets unknown"
        else:
            k = c["independent"]
            said += f" from {k} independent source{'s' if k != 1 else ''}"
    when = human_date(view["start"])
    if view["end"] and view["end"] != view["start"]:
        when += f" to {human_date(view['end'])}"
    where = f"; places: {', '.join(places)}" if places else ""
    return f"{said}, {when}{where}."


def lead(view: Row, places: list[str]) -> Row:
    """What a reader takes in at a glance: what happened, the disputes, the voices."""
    originals = view["articles"]
    first = originals[0] if originals else None
    own = [c for a in originals for c in (a, *a["copies"])]
    unknown = sum(1 for a in own if not known_outlet(a))
    return {
        "what": what_happened(view, places, all_unknown=unknown == len(own)),
        "first": first,
        "places": places,
        "outlets": sorted({a["label"] for a in own if known_outlet(a)}),
        "unknown": sum(1 for a in own if not known_outlet(a)),
        "quantities": [q for q in view["disputed"] if q["kinds"] != ["corroboration"]][
            :LEAD_QUANTITIES
        ],
        "voices": view["voices"][:LEAD_VOICES],
    }


def story_view(store: Store, group: Group, cat: Catalogue) -> Row:
    """Everything one story shows: lead, disputed quantities, claims, voices, articles."""
    rows = story_rows(store, group)
    found = claims(cat.copies, cat.names, rows)
    disputed = disputed_quantities(store, cat, rows, group.story)
    own = [rows.articles[i] for i in group.article_ids if i in rows.articles]
    dates = sorted(a["published"] for a in own if a["published"])
    referenced = {a["id"]: a for a in own}
    for q in disputed:
        for p in q["points"]:
            for art in (p["article"], *p["also"]):
                referenced.setdefault(art["id"], art)
    view: Row = {
        "group": group,
        "id": group.id,
        "label": group.label,
        "rank": group.rank,
        "articles": cat.copies.grouped([a["id"] for a in own]),
        "sources": sorted(referenced.values(), key=lambda a: (a["published"] or "9999", a["id"])),
        "outlets": sorted({a["label"] for a in own}),
        "start": group.start or (dates[0] if dates else None),
        "end": group.end or (dates[-1] if dates else None),
        "claims": found,
        "disputed": disputed,
        "voices": voices(found, cat),
        # The story's quantities as series: claims over time, sources, relations.
        "series": story_series(store, group.article_ids),
        "counts": {
            "articles": len(group.article_ids),
            "originals": group.rank.get("originals", len(own)),
            "independent": group.rank.get("independent", 0),
            "statements": len(rows.statements),
            "figures": len(rows.figures),
            "claims": len(found),
            "repeats": sum(c["repeats"] for c in found),
            "disputed": sum(1 for q in disputed if q["kinds"] != ["corroboration"]),
            "agreed": sum(1 for q in disputed if q["kinds"] == ["corroboration"]),
        },
    }
    view["lead"] = lead(view, _places(store, group.article_ids) if own else [])
    return view
