"""The local runner: one ``ingest`` on this machine, read -> clean -> learn -> analyze ->
store -> corpus.

Reading, cleaning, passing over what is unchanged, learning the outlets'
furniture, saving and the corpus stage run in this process; the analysis runs
here too (``workers=1``) or in a pool of worker processes
(``storyline.run.processes``). The CLI, tests and benchmarks all call
``ingest``, so they exercise what users run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.run.steps import (
    IngestReport,
    analyze_stream,
    cleaned_batch,
    save,
    update_corpus,
)
from storyline.schema import Article, Findings, RawDocument, Skip

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from spacy.language import Language

    from storyline.store import Store


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    nlp: Language | None = None,
    on_article: Callable[[Findings], None] | None = None,
    run_corpus: bool = True,
    workers: int = 1,
    components: Sequence[str] | None = None,
    documents: Iterable[RawDocument | Skip] = (),
) -> IngestReport:
    """Ingest ``paths`` and ``documents`` (inputs read elsewhere, such as fetched pages)
    into ``store``. With ``workers`` > 1 the analysis runs in that many processes (each
    loads the model once); otherwise in this process with ``nlp``.

    The whole batch is read and cleaned first (spooled to disk), so that the
    outlets' furniture can be learned from it before anything is analysed
    (``storyline.learning``); stored articles a new pattern applies to are
    re-cleaned. ``components`` are the analysers to run (default
    ``analyze.DEFAULT_COMPONENTS``; ``analyze.WITH_STANCES`` adds stances)."""
    from storyline.learning import Spool

    report = IngestReport()
    pool = _pool(workers)
    try:
        with Spool() as spool:
            articles = cleaned_batch(paths, store, report, spool, documents)
            stream = _analyses(articles, workers, report, components, nlp, pool)
            save(stream, store, report, on_article, batch=spool.ids)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if run_corpus:
        update_corpus(store)
    return report


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """With ``workers`` > 1, the worker processes, started before the first input is read."""
    if workers <= 1:
        return None
    from storyline.run.processes import worker_pool

    return worker_pool(workers)


def _analyses(
    articles: Iterable[Article],
    workers: int,
    report: IngestReport,
    components: Sequence[str] | None,
    nlp: Language | None,
    pool: ProcessPoolExecutor | None,
) -> Iterator[Findings]:
    if pool is not None:
        from storyline.run.processes import analyze_parallel

        return analyze_parallel(articles, workers, report, components, pool=pool)
    from storyline.analyze.nlp import load_nlp

    return analyze_stream(articles, nlp or load_nlp(), report, components)
