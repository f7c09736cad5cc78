"""Outlet furniture during an ingest: learn from the batch and the store, then clean.

``ingest`` reads and rule-cleans the whole batch first, spooling the new and
changed articles to a temporary file (``Spool``: memory stays flat however
large the batch). Then, per outlet family, ``learn_batch`` learns from the
batch's articles together with the family's most recently stored ones, and
stores the new patterns. The spool then streams into analysis with every
pattern of its family applied (``cleaned``), followed by the stored articles
a newly learned pattern applies to (``recleaned``): those are cleaned again
and re-analysed, each saved in its own transaction like any article, and
ingest's summary counts them.

The content hash of an article is that of its text before learned furniture
is removed, so an unchanged input stays unchanged whatever was learned since.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import IO

from storyline.clean.boilerplate import learn
from storyline.clean.profiles import Index, Pattern, apply, index
from storyline.schema import Article
from storyline.store import Store

# The stored articles of a family the learner reads besides the batch: the
# most recent this many (furniture recurs on every page, so recent pages
# show it; older ones only slow each ingest down).
LEARN_WINDOW = 1000


class Spool:
    """Articles pickled to a temporary file, read back in order or by family."""

    def __init__(self) -> None:
        # Closed by close(), which ``with Spool() as spool`` calls.
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self.offsets: list[int] = []
        self.families: dict[str, list[int]] = {}
        self.ids: set[str] = set()

    def add(self, article: Article) -> None:
        self.file.seek(0, 2)
        if article.family:
            self.families.setdefault(article.family, []).append(len(self.offsets))
        self.offsets.append(self.file.tell())
        self.ids.add(article.id)
        pickle.dump(article, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, i: int) -> Article:
        self.file.seek(self.offsets[i])
        article: Article = pickle.load(self.file)
        return article

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[Article]:
        for i in range(len(self.offsets)):
            yield self.get(i)

    def family(self, name: str) -> Iterator[Article]:
        for i in self.families.get(name, []):
            yield self.get(i)

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Learned:
    """Each family's patterns after learning (known and new), and which are new."""

    patterns: dict[str, Index] = field(default_factory=dict)
    new: dict[str, list[Pattern]] = field(default_factory=dict)

    @property
    def new_count(self) -> int:
        return sum(len(p) for p in self.new.values())


def load_patterns(store: Store, family: str) -> list[Pattern]:
    return [Pattern(**row) for row in store.outlet_patterns(family)]


def learn_batch(store: Store, spool: Spool) -> Learned:
    """Learn each family of the batch from its articles and the store's; store what is new."""
    learned = Learned()
    for family in sorted(spool.families):
        known = load_patterns(store, family)
        known_index = index(known)
        batch = [(a.id, apply(a.text, known_index)[0]) for a in spool.family(family)]
        stored = [(i, t) for i, t in store.family_texts(family, LEARN_WINDOW) if i not in spool.ids]
        keys = {p.key for p in known}
        new = [p for p in learn(family, stored + batch) if p.key not in keys]
        if new:
            store.add_outlet_patterns(asdict(p) for p in new)
            learned.new[family] = new
        learned.patterns[family] = index([*known, *new])
    return learned


def clean_with(article: Article, patterns: Index | None) -> Article:
    """``article`` without its family's furniture (``apply`` never takes a whole text)."""
    if not patterns:
        return article
    text, removed = apply(article.text, patterns)
    if not removed:
        return article
    return replace(article, text=text, removed=[*article.removed, *removed])


def cleaned(spool: Spool, learned: Learned) -> Iterator[Article]:
    """The batch in input order, each article without its family's furniture."""
    for article in spool:
        yield clean_with(article, learned.patterns.get(article.family or ""))


def recleaned(store: Store, learned: Learned, skip_ids: set[str]) -> Iterator[Article]:
    """Stored articles (not in the batch) that a newly learned pattern applies to,
    cleaned of it."""
    for family, new in sorted(learned.new.items()):
        patterns = index(new)
        hit = [
            i
            for i, text in store.family_texts(family)
            if i not in skip_ids and apply(text, patterns)[1]
        ]
        for article in store.articles_by_id(hit):
            yield clean_with(article, patterns)
