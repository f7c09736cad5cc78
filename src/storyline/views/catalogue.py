"""What every story view needs to know about the whole corpus, read once.

A briefing shows every story and a web page one; both need the same
corpus-wide facts (which article copies which, the canonical names, the
disagreement groups and which story each figure is in, who speaks in many
stories). ``Catalogue.load`` reads them in a handful of queries (no article
text), so a story view then reads only its own articles.

Which figures of a disagreement a story shows (``visible``): its own, and
those another story's articles attribute to someone who speaks or claims in
this one (Zelenskyy's 43,000 of December next to his 45,100 of February) -
unless that person gives this quantity in more than ``OTHER_STORIES`` other
stories: then they are counting other events (a minister's toll of each
strike), and each stays with its story. A figure from an unrelated story ("2
killed" in Gaza against "4 killed" in Kharkiv, both unattributed) stays with
its own story too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from storyline.store import Store
from storyline.views.copies import Copies
from storyline.views.text import Row, shown

KIND_WORDS = {
    "contradiction": "Contradiction: the claimed values cannot all be true at once.",
    "update": "Update: a later figure revises an earlier one.",
    "corroboration": "Corroboration: separate sources give the same value.",
}
# What a reader needs first: contradictions, then updates, then agreement.
KIND_RANK = {kind: n for n, kind in enumerate(KIND_WORDS)}
# A speaker quoted in at least this many stories is one readers know ("prominent").
PROMINENT_STORIES = 3
# A claimant's value of a quantity from this many other stories at most joins a story's
# chart (see the module's docstring).
OTHER_STORIES = 1


@dataclass
class Catalogue:
    articles: dict[str, Row]  # every article without its text, as views show it
    copies: Copies
    names: dict[str | None, str]  # entity id -> canonical name
    disagreements: list[Row]  # most telling first, each with ``kind_words``
    figure_article: dict[str, str]  # figure id -> article id (figures in disagreements)
    claimant: dict[str, str | None]  # figure id -> claimant entity (same figures)
    speakers: dict[str | None, dict[str, int]]  # story -> entity -> statements
    latest: str | None  # the newest publication date in the corpus
    _active: dict[str | None, set[str]] | None = None
    _groups_of: dict[str, list[int]] | None = None
    _claims_in: dict[tuple[str | None, str], set[str | None]] | None = None

    @classmethod
    def load(cls, store: Store) -> Catalogue:
        articles = {r["id"]: shown(r) for r in store.article_meta()}
        speakers: dict[str | None, dict[str, int]] = {}
        for r in store.speakers_per_story():
            speakers.setdefault(r["story"], {})[r["entity"]] = int(r["n"])
        dates = [a["published"] for a in articles.values() if a["published"]]
        disputed = store.disputed_figures()
        return cls(
            articles=articles,
            copies=Copies(articles),
            names=store.entity_names(),
            disagreements=ranked_disagreements(store.disagreement_rows()),
            figure_article={f["id"]: f["article_id"] for f in disputed},
            claimant={f["id"]: f["claimant_entity"] for f in disputed},
            speakers=speakers,
            latest=max(dates) if dates else None,
        )

    def story_of(self, figure_id: str) -> str | None:
        aid = self.figure_article.get(figure_id)
        return self.articles[aid]["story"] if aid in self.articles else None

    def prominent(self) -> set[str]:
        """Speakers quoted in ``PROMINENT_STORIES`` stories or more."""
        stories: Counter[str] = Counter()
        for per_story in self.speakers.values():
            stories.update(per_story.keys())
        return {e for e, n in stories.items() if n >= PROMINENT_STORIES}

    def active(self, story: str | None) -> set[str]:
        """The entities that speak in a story or claim one of its disputed figures."""
        if self._active is None:
            self._active = {}
            for f, e in self.claimant.items():
                if e:
                    self._active.setdefault(self.story_of(f), set()).add(e)
        return set(self.speakers.get(story, {})) | self._active.get(story, set())

    def groups_of(self, figure_ids: set[str]) -> list[Row]:
        """The disagreements that group any of these figures, in ``disagreements`` order."""
        if self._groups_of is None:
            self._groups_of = {}
            for n, dis in enumerate(self.disagreements):
                for f in dis["figure_ids"]:
                    self._groups_of.setdefault(f, []).append(n)
        found = sorted({n for f in figure_ids for n in self._groups_of.get(f, [])})
        return [self.disagreements[n] for n in found]

    def visible(self, dis: Row, story: str | None, active: set[str]) -> list[str]:
        """The figures of a disagreement a story shows (see the module's docstring)."""
        out = []
        for f in dis["figure_ids"]:
            if self.story_of(f) == story:
                out.append(f)
                continue
            who = self.claimant.get(f)
            if (
                who in active
                and len(self._stories_of(who, dis["topic"]) - {story}) <= OTHER_STORIES
            ):
                out.append(f)
        return out

    def _stories_of(self, entity: str | None, topic: str) -> set[str | None]:
        """The stories in which ``entity`` claims a value of ``topic``."""
        if self._claims_in is None:
            self._claims_in = {}
            for dis in self.disagreements:
                for f in dis["figure_ids"]:
                    key = (self.claimant.get(f), dis["topic"])
                    self._claims_in.setdefault(key, set()).add(self.story_of(f))
        return self._claims_in.get((entity, topic), set())

    def disputed_topics(self) -> dict[str | None, set[str]]:
        """Story -> the topics in which one of its figures is contradicted or revised by
        another figure the story shows."""
        out: dict[str | None, set[str]] = {}
        active: dict[str | None, set[str]] = {}
        for dis in self.disagreements:
            if dis["kind"] == "corroboration":
                continue
            for story in {self.story_of(f) for f in dis["figure_ids"]}:
                if story not in active:
                    active[story] = self.active(story)
                if len(self.visible(dis, story, active[story])) >= 2:
                    out.setdefault(story, set()).add(dis["topic"])
        return out


def ranked_disagreements(rows: list[Row]) -> list[Row]:
    for r in rows:
        r["kind_words"] = KIND_WORDS.get(r["kind"], r["kind"])
    rows.sort(
        key=lambda r: (KIND_RANK.get(r["kind"], 9), -len(r["figure_ids"]), r["topic"], r["id"])
    )
    return rows
