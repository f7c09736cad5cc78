"""Copies and syndication: what counts once.

A near-duplicate (the corpus stage's ``duplicate_of``: a repost, a re-rendering,
a translation of one wire text) is not a second source, and neither are two
desks of one outlet (``dw``, ``dw-eu`` and ``dw-world`` are one newsroom:
``storyline.outlets.family``, as the corpus stage counts). So every view counts *independent*
sources as distinct families of original articles, and shows a copy under
its original ("also in dw-eu, tasnim-news") instead of a second time.

The same holds for what articles say: one quote by one speaker in several
articles is one item, first reported by the earliest article, also in the
others (``collapse``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from storyline import outlets
from storyline.views.text import Row, date_key


def family(article: Row) -> str:
    """The newsroom an article comes from, as the corpus stage counts it
    (``storyline.outlets.family``), else a family of its own."""
    found = outlets.family(article.get("url"), article.get("outlet"))
    return found or outlets.UNKNOWN_FAMILY + str(article["id"])


def known_outlet(article: Row) -> bool:
    return not family(article).startswith(outlets.UNKNOWN_FAMILY)


class Copies:
    """Which article is a copy of which, over a set of articles (``id -> row``)."""

    def __init__(self, articles: dict[str, Row]) -> None:
        self.articles = articles
        self._families: dict[str, str] = {}

    def original(self, article_id: str) -> str:
        """The article a copy was made from (itself for an original); chains are followed."""
        seen = {article_id}
        current = article_id
        while True:
            nxt = self.articles.get(current, {}).get("duplicate_of")
            if not nxt or nxt in seen or nxt not in self.articles:
                return current
            seen.add(nxt)
            current = nxt

    def family_of(self, article_id: str) -> str:
        """The family that counts for independence: the original's (a copy adds none)."""
        found = self._families.get(article_id)
        if found is None:
            found = self._families[article_id] = family(self.articles[self.original(article_id)])
        return found

    def label(self, article_id: str) -> str:
        return str(self.articles[article_id]["label"])

    def independent(self, article_ids: Iterable[str]) -> int:
        """How many independent sources these articles are."""
        return len({self.family_of(a) for a in article_ids if a in self.articles})

    def grouped(self, article_ids: list[str]) -> list[Row]:
        """Originals in order, each with its copies (``copies``: article rows) under it."""
        under: dict[str, list[Row]] = {}
        order: list[str] = []
        for aid in article_ids:
            root = self.original(aid)
            if root not in under:
                under[root] = []
                order.append(root)
            if aid != root:
                under[root].append(self.articles[aid])
        return [{**self.articles[root], "copies": under[root]} for root in order]


_NON_WORD = re.compile(r"\W+")


def text_key(text: str | None) -> str:
    """What two renderings of one sentence share: the words, lower-cased."""
    return _NON_WORD.sub(" ", (text or "").lower()).strip()


def also_words(first: Row, others: list[Row]) -> str:
    """Where else an item ran: ``dw-eu, tasnim-news``, and ``2 more dw articles`` for the
    first article's own outlet."""
    labels = sorted({a["label"] for a in others} - {first["label"]})
    same = sum(1 for a in others if a["label"] == first["label"])
    if same:
        labels.append(f"{same} more {first['label']} article{'s' if same != 1 else ''}")
    return ", ".join(labels)


def collapse(
    items: list[Row], key: Callable[[Row], object], copies: Copies, when: str = "date"
) -> list[Row]:
    """One item per ``key``: the first reported (by publication, then date), with ``also``
    (the other articles' rows), ``outlets`` (distinct labels) and ``independent``
    (how many independent sources carry it). Order of first appearance is kept."""
    groups: dict[object, list[Row]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    out = []
    for group in groups.values():
        group.sort(key=lambda i: (i["article"]["published"] or "9999", date_key(i.get(when))))
        first = group[0]
        also: dict[str, Row] = {}
        for other in group[1:]:
            art = other["article"]
            if art["id"] != first["article"]["id"]:
                also.setdefault(art["id"], art)
        ids = [first["article"]["id"], *also]
        first["also"] = list(also.values())
        first["also_words"] = also_words(first["article"], first["also"])
        first["repeats"] = len(group) - 1
        first["outlets"] = sorted({copies.label(a) for a in ids})
        first["independent"] = max(1, copies.independent(ids))
        out.append(first)
    return out
