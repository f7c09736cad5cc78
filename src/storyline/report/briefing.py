"""What the briefing shows, for both its forms (HTML in ``render``, Markdown in ``markdown``).

The stories to show, most wanted first, each with its sections; and how much
detail fits. Up to ``FULL_CLAIMS`` claims in the whole briefing, each claim
shows its exact sentence and every section is open, as a few articles deserve;
beyond that (news-dumpster's 409 articles hold about 5,000 claims), each claim is
its words and a link to its source, grouped by day and article as the outlets
reported them, so the briefing stays within what a reader opens in a browser
(``benchmarks/briefing_budgets.py``).
"""

from __future__ import annotations

from storyline.store import Store
from storyline.views.catalogue import Catalogue
from storyline.views.claims import as_reported, by_day
from storyline.views.story import groups, story_view
from storyline.views.text import Row

# Up to this many claims in the whole briefing, each shows its exact sentence.
FULL_CLAIMS = 400
# The stories open at their lead; the rest show their title and why, one click away.
OPEN_STORIES = 20


def briefing_views(store: Store, story: str | None = None) -> tuple[list[Row], str | None]:
    """The story sections to show, most wanted first; raises KeyError for an unknown
    ``story`` id."""
    cat = Catalogue.load(store)
    found, note = groups(store, cat)
    if story is not None:
        found = [g for g in found if g.id == story]
        if not found:
            raise KeyError(story)
    views = [story_view(store, g, cat) for g in found]
    full = sum(len(v["claims"]) for v in views) <= FULL_CLAIMS
    for view in views:
        view["full"] = full
        view["days"] = by_day(view["claims"]) if full else as_reported(view["claims"])
    return views, note


def title(views: list[Row]) -> str:
    if len(views) == 1 and views[0]["group"].is_story:
        return str(views[0]["label"])
    return "Briefing"
