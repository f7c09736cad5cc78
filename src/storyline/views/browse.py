"""What the home page and search show: stories with their counts, people, articles found."""

from __future__ import annotations

from storyline.store import Store
from storyline.views.story import FALLBACK_ID, Group, groups
from storyline.views.text import Row, article_title, source_label

# How many entities the home page lists.
PEOPLE = 24


def _count(per_story: dict[str, int], g: Group) -> int:
    if g.is_story:
        return per_story.get(g.id, 0)
    # The stand-in groups: every article, or the articles in no story.
    return sum(per_story.values()) if g.id == FALLBACK_ID else per_story.get("", 0)


def home_view(store: Store) -> Row:
    """Stories (or the stand-in group) with statement and figure counts, and top entities."""
    found, note = groups(store)
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


def search_view(store: Store, q: str, limit: int) -> list[Row]:
    """Articles with every word of ``q``, best first, with a marked snippet each."""
    return [
        {
            "id": r["id"],
            "title": article_title(r),
            "outlet": source_label(r),
            "published": r["published"],
            "snippet": r["snippet"],
            "href": f"/articles/{r['id']}",
        }
        for r in store.search(q, limit)
    ]
