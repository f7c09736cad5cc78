"""The local runner: one ``ingest`` on this machine, read -> clean -> analyze -> store -> corpus.

Reading, cleaning, passing over what is unchanged, saving and the corpus
stage run in this process; the analysis runs here too (``workers=1``) or in
a pool of worker processes (``storyline.run.processes``). The CLI, tests and
benchmarks all call ``ingest``, so they exercise what users run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.run.steps import IngestReport, analyze_stream, prepare, save, update_corpus
from storyline.schema import Findings

if TYPE_CHECKING:
    from spacy.language import Language

    from storyline.store import Store


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    nlp: Language | None = None,
    on_article: Callable[[Findings], None] | None = None,
    run_corpus: bool = True,
    workers: int = 1,
) -> IngestReport:
    """Ingest ``paths`` into ``store``. With ``workers`` > 1 the analysis runs in that
    many processes (each loads the model once); otherwise in this process with ``nlp``."""
    report = IngestReport()
    articles = prepare(paths, store, report)
    if workers > 1:
        from storyline.run.processes import analyze_parallel

        stream = analyze_parallel(articles, workers, report)
    else:
        from storyline.analyze.nlp import load_nlp

        stream = analyze_stream(articles, nlp or load_nlp(), report)
    save(stream, store, report, on_article)
    if run_corpus:
        update_corpus(store)
    return report
