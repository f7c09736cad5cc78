"""The process-pool runner: the analysis step in worker processes, in input order.

Processes, not threads: spaCy and the analysers are CPU-bound Python. Each
worker loads the model once and then parses and analyses small batches of
articles; the parent keeps reading, cleaning and saving. A bounded number of
batches is in flight, so memory does not grow with the corpus.

What makes the whole run fast is that no core waits: the workers start
loading the model before the parent reads its first input (``worker_pool``,
which the local runner calls before it reads and learns the batch), and batches are
small (the parse costs the same per article in batches of 4 as of 16), so
at the end of the input no worker idles long while another finishes a big
batch.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from storyline.run.steps import IngestReport, analyze_stream
from storyline.schema import Article, Findings, Skip


def default_workers() -> int:
    """One per core this process may run on (a container or ``taskset`` may allow fewer
    than the machine has), at most four."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, cores or 1))


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


# Articles per task, and tasks in flight per worker.
CHUNK = 4
IN_FLIGHT = 4


def _warm_up() -> None:
    """Each worker's initializer: load the model while the parent starts reading."""
    from storyline.analyze.nlp import load_nlp

    # A failure (e.g. ModelError) is left to the first batch, which raises it to the
    # parent; raised here it would only break the pool with no message.
    with contextlib.suppress(Exception):
        load_nlp()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` analysis processes, started now, so their model loads while the parent
    reads, cleans and learns the batch's furniture."""
    context = mp.get_context("spawn")  # fork is unsafe once threads (progress bar) run
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up)
    for _ in range(workers):  # each submit with no idle worker starts one, now
        pool.submit(os.getpid)
    return pool


def analyze_parallel(
    articles: Iterable[Article],
    workers: int,
    report: IngestReport,
    components: Sequence[str] | None = None,
    batch_size: int = 16,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[Findings]:
    """Analyse in ``workers`` processes (``pool``, or new ones); yield the findings in
    input order."""
    with pool or worker_pool(workers) as running:
        pending: deque[Future[list[Findings | Skip]]] = deque()
        source = iter(articles)
        while True:
            while len(pending) < IN_FLIGHT * workers:
                batch = list(islice(source, CHUNK))
                if not batch:
                    break
                pending.append(running.submit(_analyze_batch, batch, components, batch_size))
            if not pending:
                return
            for item in pending.popleft().result():
                if isinstance(item, Skip):
                    report.skipped.append(item)
                else:
                    yield item
