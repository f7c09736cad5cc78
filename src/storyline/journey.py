"""The data's journey for one ``ingest`` run: read -> clean -> analyze -> store -> corpus.

Kept apart from the CLI so tests, benchmarks and the distributed mode drive
exactly what users run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from storyline import corpus
from storyline.analyze import DEFAULT_COMPONENTS, analyze_doc
from storyline.analyze.nlp import load_nlp
from storyline.clean import build_article
from storyline.clean.article import EmptyArticle
from storyline.ingest import read_inputs
from storyline.schema import Article, Findings, Skip
from storyline.store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return len(self.added) + self.unchanged


def prepare(paths: Iterable[str | Path], store: Store, report: IngestReport) -> Iterator[Article]:
    """Read and clean every input; yield only articles new or changed since the last run."""
    seen: set[str] = set()
    for item in read_inputs(paths):
        if isinstance(item, Skip):
            report.skipped.append(item)
            continue
        try:
            article = build_article(item)
        except EmptyArticle as exc:
            report.skipped.append(Skip(item.source, str(exc) or "no article text"))
            continue
        except Exception as exc:  # one bad page must not stop the batch
            report.skipped.append(Skip(item.source, f"cleaning failed: {exc!r}"[:300]))
            continue
        if article.id in seen or store.content_hash(article.id) == article.content_hash:
            report.unchanged += 1
            continue
        seen.add(article.id)
        yield article


def analyze_stream(
    articles: Iterable[Article],
    nlp: Language,
    report: IngestReport,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    batch_size: int = 16,
) -> Iterator[Findings]:
    """Parse with ``nlp.pipe`` (each text once, batched), then run the components."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield analyze_doc(article, doc, components)
        except Exception as exc:  # an analyser bug on one text must not lose the batch
            report.skipped.append(Skip(article.source, f"analysis failed: {exc!r}"[:300]))


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    nlp: Language | None = None,
    on_article: Callable[[Findings], None] | None = None,
    run_corpus: bool = True,
) -> IngestReport:
    report = IngestReport()
    nlp = nlp or load_nlp()
    for findings in analyze_stream(prepare(paths, store, report), nlp, report):
        store.save(findings)
        report.added.append(findings.article.id)
        if on_article:
            on_article(findings)
    for skip in report.skipped:
        store.record_skip(skip)
    if run_corpus and report.added:
        corpus.update(store, report.added)
    return report
