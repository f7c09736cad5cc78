"""Which story a reader wants first.

A story ranks by points, each for something a reader looks for (``WEIGHTS``):
how many *independent* outlets carry it (copies and desks of one newsroom count
once, ``views.copies``), how many original articles, how recent it is, how
many quantities are in dispute, and whether people readers know speak in it.
Sizes count by doubling (log2): the tenth outlet adds less than the second.

For example, the prisoner swap of news-dumpster (18 articles, 15 of them
originals, from 10 newsrooms, on the corpus's last day, 3 disputed
quantities, Zelensky and Putin speaking): 3 x log2(11) + 1 x log2(16) + 2
+ 1.5 x 3 + 1 x 2 = 22.9; eleven TASS articles on one speech, a day old, no
figures in dispute: 3 x 1 + 1 x log2(12) + 1 + 0 + 1 = 8.6.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from storyline.views.catalogue import Catalogue
from storyline.views.copies import known_outlet
from storyline.views.text import Row, human_date


@dataclass(frozen=True)
class Weight:
    points: float
    why: str


WEIGHTS = {
    "outlets": Weight(3.0, "per doubling of the independent outlets carrying it"),
    "articles": Weight(1.0, "per doubling of its original articles (copies do not count)"),
    "recent": Weight(2.0, "news of the corpus's latest day; half within a week"),
    "disputed": Weight(1.5, "per quantity in dispute, up to three"),
    "voices": Weight(1.0, "per prominent speaker (quoted in several stories), up to three"),
}
CAP = 3


def _days_between(a: str | None, b: str | None) -> int | None:
    try:
        return (date.fromisoformat(str(b)[:10]) - date.fromisoformat(str(a)[:10])).days
    except ValueError:
        return None


def story_rank(
    story: str | None,
    article_ids: list[str],
    cat: Catalogue,
    disputed: set[str],
    prominent: set[str],
) -> Row:
    """The points of one story and the words that say why it ranks where it does."""
    arts = [a for a in article_ids if a in cat.articles]
    originals = [a for a in arts if cat.copies.original(a) == a]
    independent = cat.copies.independent(arts)
    dates = sorted(cat.articles[a]["published"] for a in arts if cat.articles[a]["published"])
    latest = dates[-1] if dates else None
    behind = _days_between(latest, cat.latest) if latest else None
    recent = (
        1.0
        if behind is not None and behind <= 1
        else 0.5
        if behind is not None and behind <= 7
        else 0.0
    )
    speakers = cat.speakers.get(story, {})
    voices = sorted((e for e in speakers if e in prominent), key=lambda e: (-speakers[e], e))
    parts = {
        "outlets": math.log2(1 + independent),
        "articles": math.log2(1 + len(originals)),
        "recent": recent,
        "disputed": min(len(disputed), CAP),
        "voices": min(len(voices), CAP),
    }
    score = sum(WEIGHTS[k].points * v for k, v in parts.items())
    names = [cat.names.get(e, e) for e in voices[:CAP]]
    if any(known_outlet(cat.articles[a]) for a in arts):
        why = [f"{independent} independent outlet{'s' if independent != 1 else ''}"]
    else:  # files with no outlet: how independent they are is not known
        why = [f"{len(arts)} article{'s' if len(arts) != 1 else ''}, outlet unknown"]
    copies = len(arts) - len(originals)
    if copies:
        why.append(f"{copies} cop{'ies' if copies != 1 else 'y'} not counted")
    if latest:
        why.append(f"latest {human_date(latest)}")
    if disputed:
        why.append(f"{len(disputed)} disputed quantit{'ies' if len(disputed) != 1 else 'y'}")
    if names:
        why.append("voices: " + ", ".join(str(n) for n in names))
    brief = why[0].replace(" independent", "")
    return {
        "brief": brief + (f" · {human_date(latest)}" if latest else ""),
        "score": round(score, 2),
        "independent": independent,
        "originals": len(originals),
        "latest": latest,
        "disputed": len(disputed),
        "voices": names,
        "why": " · ".join(why),
    }
