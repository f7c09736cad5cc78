"""The data's journey for one ``ingest`` run: read -> clean -> analyze -> store -> corpus.

Kept apart from the CLI so tests, benchmarks and the distributed mode drive
exactly what users run.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from spacy.language import Language

from storyline import corpus
from storyline.analyze import DEFAULT_COMPONENTS, analyze_doc
from storyline.analyze.nlp import load_nlp
from storyline.clean import build_article
from storyline.clean.article import EmptyArticle
from storyline.clean.language import analysed
from storyline.learning import Spool, cleaned, learn_batch, recleaned
from storyline.read import read_inputs
from storyline.schema import Article, Findings, RawDocument, Skip
from storyline.store import Store


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


# The longest article text accepted, in characters (the model's own guard is
# set to this in ``load_nlp``). Real articles, even long-reads and live blogs,
# are far below it; beyond it an input is a dump or a scrape gone wrong, and
# cleaning and parsing it would take minutes and gigabytes for nothing.
MAX_TEXT_CHARS = 2_000_000


def clean_one(raw: RawDocument) -> Article | Skip:
    """Clean one read document, or say why it cannot be an article (never raises)."""
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


def prepare(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    documents: Iterable[RawDocument | Skip] = (),
) -> Iterator[Article]:
    """Read and clean every input (files, then ``documents`` read elsewhere, such as
    fetched pages); yield only articles new or changed since the last run."""
    seen: set[str] = set()
    for item in chain(read_inputs(paths), documents):
        article = item if isinstance(item, Skip) else clean_one(item)
        if isinstance(article, Skip):
            report.skipped.append(article)
            continue
        # The first record with a key wins, also when the store already holds it:
        # otherwise a re-run would store the second and flip-flop between them.
        first = article.id not in seen
        seen.add(article.id)
        if not first or store.content_hash(article.id) == article.content_hash:
            report.unchanged += 1
            continue
        yield article


def analyze_stream(
    articles: Iterable[Article],
    nlp: Language,
    report: IngestReport,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    batch_size: int = 16,
) -> Iterator[Findings]:
    """Parse with ``nlp.pipe`` (each text once, batched), then run the components.
    An article in a language the analysers do not read is passed on without findings."""
    pairs = ((a.text if analysed(a.language) else "", a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if not analysed(article.language):
            yield Findings(article=article)
            continue
        try:
            yield analyze_doc(article, doc, components)
        except Exception as exc:  # an analyser bug on one text must not lose the batch
            report.skipped.append(Skip(article.source, f"analysis failed: {exc!r}"[:300]))


def _analyze_batch(
    articles: list[Article], components: Sequence[str], batch_size: int
) -> list[Findings | Skip]:
    """Worker side: parse and analyse one batch with this process's own model."""
    report = IngestReport()
    done: list[Findings | Skip] = list(
        analyze_stream(articles, load_nlp(), report, components, batch_size)
    )
    return done + list(report.skipped)


def _warm_up() -> None:
    load_nlp()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` analysis processes, started now so their model loads while the parent
    reads and cleans. Processes, not threads: spaCy and the analysers are CPU-bound Python."""
    context = mp.get_context("spawn")  # fork is unsafe once threads (progress bar) run
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up)
    for _ in range(workers):
        pool.submit(_warm_up)
    return pool


def analyze_parallel(
    articles: Iterable[Article],
    workers: int,
    report: IngestReport,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    batch_size: int = 16,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[Findings]:
    """Analyse in ``workers`` processes (``pool``, or new ones), in input order, with a
    bounded number of batches in flight so memory does not grow with the corpus."""
    with pool or worker_pool(workers) as pool:
        pending: deque[Future[list[Findings | Skip]]] = deque()
        source = iter(articles)
        while True:
            while len(pending) < 2 * workers:
                batch = list(islice(source, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_analyze_batch, batch, components, batch_size))
            if not pending:
                return
            for item in pending.popleft().result():
                if isinstance(item, Skip):
                    report.skipped.append(item)
                else:
                    yield item


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    nlp: Language | None = None,
    on_article: Callable[[Findings], None] | None = None,
    run_corpus: bool = True,
    workers: int = 1,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    documents: Iterable[RawDocument | Skip] = (),
) -> IngestReport:
    """Ingest ``paths`` and ``documents`` (inputs read elsewhere, such as fetched pages)
    into ``store``. With ``workers`` > 1 the per-article stage runs in that many
    processes (each loads the model once); otherwise in this process with ``nlp``.

    The whole batch is read and cleaned first (spooled to disk), so that the
    outlets' furniture can be learned from it before anything is analysed
    (``learning.py``); stored articles a new pattern applies to are re-cleaned.
    ``components`` are the analysers to run (``analyze.WITH_STANCES`` adds stances)."""
    report = IngestReport()
    pool = worker_pool(workers) if workers > 1 else None
    try:
        with Spool() as spool:
            articles = _cleaned_batch(paths, store, report, spool, documents)
            if pool is not None:
                stream = analyze_parallel(articles, workers, report, components, pool=pool)
            else:
                stream = analyze_stream(articles, nlp or load_nlp(), report, components)
            for findings in stream:
                store.save(findings)
                aid = findings.article.id
                (report.added if aid in spool.ids else report.recleaned).append(aid)
                if on_article:
                    on_article(findings)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for skip in report.skipped:
        store.record_skip(skip)
    if run_corpus:
        update_corpus(store)
    return report


def _cleaned_batch(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    spool: Spool,
    documents: Iterable[RawDocument | Skip] = (),
) -> Iterator[Article]:
    """Read and clean everything into ``spool``, learn the outlets' furniture from it, then
    the batch without furniture and the stored articles a new pattern applies to."""
    for article in prepare(paths, store, report, documents):
        spool.add(article)
    learned = learn_batch(store, spool)
    report.learned = learned.new_count
    return chain(cleaned(spool, learned), recleaned(store, learned, spool.ids))


def update_corpus(store: Store) -> None:
    """Run the corpus stage over every article saved since it last completed: this run's,
    and those of an earlier run that was killed or crashed before the stage finished."""
    pending = store.corpus_pending()
    if pending:
        corpus.update(store, pending)
        store.corpus_done(pending)
