"""The process-pool runner: the analysis step in worker processes, in input order.

Processes, not threads: spaCy and the analysers are CPU-bound Python. Each
worker loads the model once and then parses and analyses batches of
articles; the parent keeps reading, cleaning and saving. At most two batches
per worker are in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from storyline.run.steps import IngestReport, analyze_stream
from storyline.schema import Article, Findings, Skip


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _analyze_batch(
    articles: list[Article], components: Sequence[str] | None, batch_size: int
) -> list[Findings | Skip]:
    """Worker side: parse and analyse one batch with this process's own model."""
    from storyline.analyze.nlp import load_nlp

    report = IngestReport()
    done: list[Findings | Skip] = list(
        analyze_stream(articles, load_nlp(), report, components, batch_size)
    )
    return done + list(report.skipped)


def _warm_up() -> None:
    from storyline.analyze.nlp import load_nlp

    load_nlp()


def analyze_parallel(
    articles: Iterable[Article],
    workers: int,
    report: IngestReport,
    components: Sequence[str] | None = None,
    batch_size: int = 16,
) -> Iterator[Findings]:
    """Analyse in ``workers`` processes; yield the findings in input order."""
    context = mp.get_context("spawn")  # fork is unsafe once threads (progress bar) run
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up) as pool:
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
