"""What the home page shows: stories ranked with their lead line, and the people named most."""

from __future__ import annotations

from storyline.store import Store
from storyline.views.catalogue import Catalogue
from storyline.views.story import FALLBACK_ID, Group, groups
from storyline.views.text import Row

# How many entities the home page lists.
PEOPLE = 24


def _count(per_story: dict[str, int], g: Group) -> int:
    if g.is_story:
        return per_story.get(g.id, 0)
    # The stand-in groups: every article, or the articles in no story.
    return sum(per_story.values()) if g.id == FALLBACK_ID else per_story.get("", 0)


def home_view(store: Store) -> Row:
    """Stories (or the stand-in group), most wanted first, with their counts and why they
    rank there, and the entities named most."""
    cat = Catalogue.load(store)
    found, note = groups(store, cat)
    per_story = {table: store.per_story(table) for table in ("statements", "figures")}
    rows = [
        {
            "group": g,
            "statements": _count(per_story["statements"], g),
            "figures": _count(per_story["figures"], g),
        }
        for g in found
    ]
    return {
        "stories": rows,
        "note": note,
        "counts": store.counts(),
        "people": store.top_entities(PEOPLE),
    }
