"""The steps of one ingest, apart from what executes them: read and clean one input,
pass over what is unchanged, learn the outlets' furniture from the batch, analyse a
stream, save, and bring the corpus stage up to date.

The runners beside this module (``local``, ``processes``, ``ray``) decide where
each step runs; the steps are the same everywhere, which is what keeps the
paths' exports byte-identical.

Each step imports its stage when it is first called, not when this module
is: a worker process that only analyses must not pay for the corpus stage's
imports (datasketch, scipy), and a parent that only reads, cleans and saves
must not import spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import EmptyArticle
from storyline.schema import Article, Findings, RawDocument, Skip

if TYPE_CHECKING:
    from spacy.language import Language

    from storyline.learning import Spool
    from storyline.store import Store

# The longest article text accepted, in characters (the model's own guard is
# set to this in ``load_nlp``). Real articles, even long-reads and live blogs,
# are far below it; beyond it an input is a dump or a scrape gone wrong, and
# cleaning and parsing it would take minutes and gigabytes for nothing.
MAX_TEXT_CHARS = 2_000_000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    # Stored articles cleaned and analysed again because furniture learned in
    # this run applies to them, and how many furniture patterns were learned.
    recleaned: list[str] = field(default_factory=list)
    learned: int = 0

    @property
    def ingested(self) -> int:
        return len(self.added) + self.unchanged


def clean_one(raw: RawDocument) -> Article | Skip:
    """Clean one read document, or say why it cannot be an article (never raises)."""
    from storyline.clean import build_article

    if raw.text is not None and len(raw.text) > MAX_TEXT_CHARS:
        return Skip(raw.source, _too_long(len(raw.text)))
    try:
        article = build_article(raw)
    except EmptyArticle as exc:
        return Skip(raw.source, str(exc) or "no article text")
    except Exception as exc:  # one bad page must not stop the batch
        return Skip(raw.source, f"cleaning failed: {exc!r}"[:300])
    if len(article.text) > MAX_TEXT_CHARS:
        return Skip(raw.source, _too_long(len(article.text)))
    return article


def _too_long(chars: int) -> str:
    return f"text too long for one article ({chars:,} characters; limit {MAX_TEXT_CHARS:,})"


class Unchanged:
    """The rule that decides what is not analysed or stored again: the first record
    with a key wins (also when the store already holds it, or a re-run would store
    the second and flip-flop between them), and an article whose content hash the
    store already holds is unchanged."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: set[str] = set()

    def __call__(self, article: Article) -> bool:
        first = article.id not in self.seen
        self.seen.add(article.id)
        return not first or self.store.content_hash(article.id) == article.content_hash


def prepare(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    documents: Iterable[RawDocument | Skip] = (),
) -> Iterator[Article]:
    """Read and clean every input (files, then ``documents`` read elsewhere, such as
    fetched pages); yield only articles new or changed since the last run."""
    from storyline.read import read_inputs

    unchanged = Unchanged(store)
    for item in chain(read_inputs(paths), documents):
        article = item if isinstance(item, Skip) else clean_one(item)
        if isinstance(article, Skip):
            report.skipped.append(article)
        elif unchanged(article):
            report.unchanged += 1
        else:
            yield article


def cleaned_batch(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    spool: Spool,
    documents: Iterable[RawDocument | Skip] = (),
) -> Iterator[Article]:
    """Read and clean everything into ``spool``, learn the outlets' furniture from it
    (``storyline.learning``), then the batch without furniture and the stored articles
    a new pattern applies to."""
    from storyline.learning import cleaned, learn_batch, recleaned

    for article in prepare(paths, store, report, documents):
        spool.add(article)
    learned = learn_batch(store, spool)
    report.learned = learned.new_count
    return chain(cleaned(spool, learned), recleaned(store, learned, spool.ids))


def analyze_stream(
    articles: Iterable[Article],
    nlp: Language,
    report: IngestReport,
    components: Sequence[str] | None = None,
    batch_size: int = 16,
) -> Iterator[Findings]:
    """Parse with ``nlp.pipe`` (each text once, batched), then run the components
    (by default ``storyline.analyze.DEFAULT_COMPONENTS``). An article in a language
    the analysers do not read is passed on without findings."""
    from storyline.analyze import DEFAULT_COMPONENTS, analyze_doc
    from storyline.clean.language import analysed

    components = components or DEFAULT_COMPONENTS

    pairs = ((a.text if analysed(a.language) else "", a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if not analysed(article.language):
            yield Findings(article=article)
            continue
        try:
            yield analyze_doc(article, doc, components)
        except Exception as exc:  # an analyser bug on one text must not lose the batch
            report.skipped.append(Skip(article.source, f"analysis failed: {exc!r}"[:300]))


def save(
    findings: Iterable[Findings],
    store: Store,
    report: IngestReport,
    on_article: Callable[[Findings], None] | None = None,
    batch: set[str] | None = None,
) -> None:
    """Store each article with its findings (one transaction each), then the skips.
    An article whose id is not in ``batch`` (when given) is a stored one re-cleaned
    with newly learned furniture, and is counted as such."""
    for item in findings:
        store.save(item)
        aid = item.article.id
        (report.added if batch is None or aid in batch else report.recleaned).append(aid)
        if on_article:
            on_article(item)
    for skip in report.skipped:
        store.record_skip(skip)


def update_corpus(store: Store) -> None:
    """Run the corpus stage over every article saved since it last completed: this run's,
    and those of an earlier run that was killed or crashed before the stage finished."""
    from storyline import corpus

    pending = store.corpus_pending()
    if pending:
        corpus.update(store, pending)
        store.corpus_done(pending)
