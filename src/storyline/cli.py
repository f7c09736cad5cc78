"""The command line: ``storyline ingest | watch | export | stats | corpus | report | serve |
load``.

A thin shell over the library: each command parses its options, calls one
function and prints a summary. Errors users can meet are ``StorylineError``s
(``storyline.errors``); the app catches them once and prints ``error: ...``
with exit code 2. Stores are opened with ``with``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from storyline import __version__
from storyline.errors import (
    BadDuration,
    CannotOpenStore,
    CannotWrite,
    NeedsFile,
    NeedsOut,
    NoRun,
    NoStore,
    NotAStore,
    NotAUrl,
    NothingToIngest,
    StorylineError,
    UnknownEngine,
)
from storyline.schema import RawDocument, Skip
from storyline.store import DEFAULT_DB, Store

if TYPE_CHECKING:
    from spacy.language import Language

    from storyline.fetch.policy import Politeness
    from storyline.fetch.watch import Poll
    from storyline.run import IngestReport

# soft_wrap: error lines stay whole, so users can grep logs for an input name.
err = Console(stderr=True, soft_wrap=True)


class _Commands(TyperGroup):
    """Every command runs through here: a ``StorylineError`` becomes ``error: ...`` and
    exit code 2 (the number and the fix are in the message); anything else is a bug and
    keeps its traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            err.print(Text.assemble(("error:", "red"), " ", exc.describe()))
            raise typer.Exit(2) from exc


app = typer.Typer(
    cls=_Commands,
    help="Follow a news story through many outlets: who said what, figures, dates, disagreements.",
    no_args_is_help=True,
    add_completion=False,
)

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite store.", dir_okay=False)]
AliasesOption = Annotated[
    Path | None,
    typer.Option(
        "--aliases",
        exists=True,
        dir_okay=False,
        help="JSON/TOML file pinning or splitting entities.",
    ),
]
DelayOption = Annotated[
    float,
    typer.Option(
        "--delay",
        min=0.0,
        help="Seconds between two requests to one site (robots.txt Crawl-delay may ask more).",
    ),
]
ConcurrencyOption = Annotated[
    int, typer.Option("--concurrency", min=1, help="Requests in flight over all sites.")
]
ContactOption = Annotated[
    str | None,
    typer.Option(
        "--contact",
        envvar="STORYLINE_CONTACT",
        help="Your e-mail or URL, sent in the User-Agent so site owners can reach you.",
    ),
]


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


@contextmanager
def _open(db: Path, must_exist: bool = False) -> Iterator[Store]:
    """The store at ``db``, closed on the way out; what stops it opening is a ``StorylineError``."""
    if must_exist and not db.exists():
        raise NoStore(f"no store at {db}")
    try:
        store = Store(db)
    except StorylineError:
        raise
    except OSError as exc:
        raise CannotOpenStore(f"cannot open {db}: {exc}") from exc
    except Exception as exc:  # sqlite3.DatabaseError: the file is not a database
        raise NotAStore(f"{db} is not a storyline store: {exc}") from exc
    with store:
        yield store


@contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """Writing ``-o``: a path that cannot be written is the user's to fix, not a traceback.
    Standard output (``None``) is left alone: a closed pipe is no error to explain."""
    try:
        yield
    except StorylineError:
        raise
    except OSError as exc:
        if output is None:
            raise
        raise CannotWrite(f"cannot write {output}: {exc.strerror or exc}") from exc


def _skipped(skips: list[Skip]) -> None:
    for skip in skips:
        err.print(Text.assemble(("skipped", "yellow"), f" {skip.source}: {skip.reason}"))


def _politeness(delay: float, concurrency: int, contact: str | None) -> Politeness:
    from storyline.fetch.policy import Politeness

    return Politeness(delay=delay, concurrency=concurrency, contact=contact)


@app.command()
def ingest(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files and folders (searched recursively); article, feed, sitemap or "
            "homepage URLs; text files listing URLs one a line."
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Analysis processes (default: one per core)."),
    ] = None,
    aliases: AliasesOption = None,
    stances: Annotated[
        bool,
        typer.Option(
            "--stances",
            help="Also attribute stances (positions without words: 'wants a deal'); less "
            "precise than speech, off by default. Applies to articles analysed now.",
        ),
    ] = False,
    delay: DelayOption = 1.0,
    concurrency: ConcurrencyOption = 8,
    contact: ContactOption = None,
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            help="Fetch nothing: read pages, feeds and sitemaps from the responses the store "
            "keeps; with no inputs, re-analyse every stored page.",
        ),
    ] = False,
    engine: Annotated[
        str, typer.Option("--engine", help="local, or ray (docs/scale.md): findings to --out.")
    ] = "local",
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="--engine ray: new folder for the Parquet."),
    ] = None,
) -> None:
    """Read, clean and analyse articles into the store; unchanged articles are skipped."""
    given = inputs or []
    if not given and not offline:
        raise NothingToIngest("give files, folders or URLs to ingest")
    if engine not in ("local", "ray"):
        raise UnknownEngine(f"unknown engine {engine!r}")
    if engine == "ray":
        _ingest_ray([Path(p) for p in given], out, workers, quiet)
        return
    from storyline.analyze import DEFAULT_COMPONENTS, WITH_STANCES
    from storyline.fetch.sources import split_inputs

    split = split_inputs(given)
    with _open(db) as store:
        if aliases is not None:
            _use_aliases(store, aliases)
        documents: Iterable[RawDocument | Skip] = split.skipped
        if split.urls or offline:
            politeness = _politeness(delay, concurrency, contact)
            fetched = _fetched(store, split.urls, politeness, offline, quiet)
            documents = chain(documents, fetched)
        components = WITH_STANCES if stances else DEFAULT_COMPONENTS
        report = _run_ingest(split.paths, store, documents, workers, quiet, db, None, components)
        if aliases is not None and not report.added:
            # Nothing new ran the corpus stage; the new pins still take effect now.
            from storyline.corpus import update

            update(store, [])
    if report.ingested == 0:
        raise typer.Exit(1)


def _fetched(
    store: Store, urls: list[str], politeness: Politeness, offline: bool, quiet: bool
) -> Iterator[RawDocument | Skip]:
    """The pages behind ``urls`` (or, offline with no URLs, every stored page)."""
    from storyline.fetch.crawl import Crawler, page_document
    from storyline.store.fetches import FetchLog

    if offline and not urls:
        yield from (page_document(r) for r in FetchLog(store).pages())
        return
    crawler = Crawler(store, politeness, offline=offline)
    plan = crawler.plan(urls)
    if not quiet:
        err.print(
            f"{len(urls)} URLs: {plan.sources} feeds and sitemaps read, "
            f"{len(plan.pages)} new pages to fetch, {len(plan.known)} fetched before",
            highlight=False,
        )
    yield from crawler.documents(plan)


def _run_ingest(
    paths: list[str],
    store: Store,
    documents: Iterable[RawDocument | Skip],
    workers: int | None,
    quiet: bool,
    db: Path,
    nlp: Language | None = None,
    components: Sequence[str] | None = None,
    summary: bool = True,
) -> IngestReport:
    """One ingest with the progress bar and (with ``summary``) the lines users read:
    each skipped input with its reason, then the counts. ``components``: the
    analysers (default ``analyze.DEFAULT_COMPONENTS``; ``WITH_STANCES`` adds stances)."""
    from storyline.run import ingest as run_ingest
    from storyline.run.processes import default_workers

    workers = workers or default_workers()
    if nlp is None and workers == 1:  # the model loads before the clock starts
        from storyline.analyze.nlp import load_nlp

        nlp = load_nlp()
    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        TextColumn("{task.completed:,} articles"),
        RateColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=False,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        report = run_ingest(
            paths,
            store,
            nlp=nlp,
            workers=workers,
            on_article=lambda _: progress.advance(task),
            components=components,
            documents=documents,
        )
    elapsed = time.perf_counter() - started
    if not summary:
        return report
    _skipped(report.skipped)
    rate = len(report.added) / elapsed if elapsed > 0 else 0.0
    err.print(
        f"{len(report.added)} added, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped in {elapsed:.1f}s ({rate:.1f} articles/s) -> {db}",
        highlight=False,
    )
    if report.learned or report.recleaned:
        err.print(
            f"learned {report.learned} furniture pattern(s) of outlets; "
            f"{len(report.recleaned)} stored article(s) re-cleaned and re-analysed",
            highlight=False,
        )
    return report


@app.command()
def watch(
    sources: Annotated[
        list[str],
        typer.Argument(help="Feed, sitemap or homepage URLs, or text files listing them."),
    ],
    db: DbOption = Path(DEFAULT_DB),
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 15m, 90s, 1h30m.")
    ] = "15m",
    polls: Annotated[
        int | None, typer.Option("--polls", min=1, help="Stop after this many polls.")
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", "-w", min=1, help="Analysis processes (1: in this process)."),
    ] = 1,
    delay: DelayOption = 1.0,
    concurrency: ConcurrencyOption = 8,
    contact: ContactOption = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="One line per poll only (no skipped URLs listed)."),
    ] = False,
) -> None:
    """Poll feeds and sitemaps, ingest what is new, until stopped (Ctrl-C is safe)."""
    from storyline.fetch.crawl import Crawler
    from storyline.fetch.policy import parse_duration
    from storyline.fetch.sources import split_inputs
    from storyline.fetch.watch import Stop, stop_on_sigterm
    from storyline.fetch.watch import polls as run_polls

    interval = parse_duration(every)
    if interval <= 0 and polls is None:  # tests poll at once, but a bounded number of times
        raise BadDuration(f"--every {every} without --polls would poll without pause, forever")
    split = split_inputs(sources)
    if split.paths or not split.urls:
        raise NotAUrl(
            f"watch follows URLs; not a URL or URL list: {', '.join(split.paths) or '(none)'}"
        )
    with _open(db) as store:
        crawler = Crawler(store, _politeness(delay, concurrency, contact))
        nlp = None
        if workers == 1:
            from storyline.analyze.nlp import load_nlp

            nlp = load_nlp()
        stop_on_sigterm()
        err.print(
            f"watching {len(split.urls)} sources every {every} -> {db} (Ctrl-C to stop)",
            highlight=False,
        )
        try:
            for poll in run_polls(
                crawler,
                split.urls,
                lambda docs: _run_ingest([], store, docs, workers, True, db, nlp, None, not quiet),
                interval,
                polls,
            ):
                _print_poll(poll, interval)
        except (KeyboardInterrupt, Stop):
            err.print("stopped; every article stored so far is complete", highlight=False)


def _print_poll(poll: Poll, interval: float) -> None:
    plan = poll.plan
    added = len(poll.result.added) if poll.result is not None else 0
    skipped = len(poll.result.skipped) if poll.result is not None else 0
    wait = max(0.0, interval - poll.seconds)
    upcoming = time.strftime("%H:%M:%S", time.localtime(time.time() + wait))
    err.print(
        f"poll {poll.number} {time.strftime('%H:%M:%S')}: {plan.sources} feeds and sitemaps "
        f"({plan.unchanged_sources} unchanged), {plan.new} new pages, "
        f"{added} articles added, {skipped} skipped; {poll.requests} requests "
        f"({poll.not_modified} answered 304) in {poll.seconds:.1f}s; next at {upcoming}",
        highlight=False,
    )


def _use_aliases(store: Store, path: Path) -> None:
    """Store the pins of an ``--aliases`` file; the corpus stage that follows applies them."""
    from storyline.corpus import use_aliases

    use_aliases(store, path, apply=False)


@app.command()
def corpus(
    db: DbOption = Path(DEFAULT_DB),
    aliases: AliasesOption = None,
) -> None:
    """Recompute entities, near-duplicates, stories, series, disagreements and claims."""
    from storyline.corpus import rebuild

    with _open(db, must_exist=True) as store:
        if aliases is not None:
            _use_aliases(store, aliases)
        started = time.perf_counter()
        rebuild(store)
        counts = store.counts()
    err.print(
        f"{counts['entities']} entities, {counts['stories']} stories, {counts['series']} series, "
        f"{counts['disagreements']} disagreements, {counts['claims']} claims "
        f"in {time.perf_counter() - started:.1f}s",
        highlight=False,
    )


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json, jsonl, csv, or warc (raw responses).")
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="File (json, jsonl, warc[.gz]) or folder (csv); default stdout."
        ),
    ] = None,
) -> None:
    """Write the export contract (docs/export.md), or the fetched responses as WARC."""
    from storyline.export import check_format, export_to

    if fmt == "warc":
        _export_warc(db, output)
        return
    check_format(fmt)  # before the store, so a typo is named even where no store is
    with _open(db, must_exist=True) as store, _writing(output):
        export_to(store, fmt, output, sys.stdout)


def _export_warc(db: Path, output: Path | None) -> None:
    from storyline.export.warc import write_warc

    if output is None:
        raise NeedsFile("--format warc writes a file")
    with _open(db, must_exist=True) as store, _writing(output):
        count = write_warc(store, output)
    err.print(f"{count} responses -> {output}", highlight=False)


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Row counts, fetched URLs, skipped inputs and why, unanalysed languages, outlet furniture."""
    from storyline.store.fetches import FetchLog

    with _open(db, must_exist=True) as store:
        counts = store.counts()
        fetched = FetchLog(store).counts()
        skipped = store.skipped()
        languages = store.language_counts()
        profiles = store.outlet_profiles()
    out = Console()
    table = Table(title=f"storyline store {db}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    out.print(table)
    if fetched:
        responses = Table(title="fetched URLs (responses kept in the store)")
        responses.add_column("kind and outcome")
        responses.add_column("URLs", justify="right")
        for name, count in sorted(fetched.items()):
            responses.add_row(name, f"{count:,}")
        out.print(responses)
    if skipped:
        listing = Table(title=f"skipped inputs ({len(skipped)})")
        listing.add_column("input", overflow="fold")
        listing.add_column("reason", overflow="fold")
        for skip in skipped:
            listing.add_row(skip.source, skip.reason)
        out.print(listing)
    _print_languages(out, languages)
    _print_profiles(out, profiles)


def _print_languages(out: Console, counts: dict[str | None, int]) -> None:
    from storyline.clean.language import analysed

    skipped = {lang: n for lang, n in counts.items() if not analysed(lang)}
    if skipped:
        langs = ", ".join(f"{lang} {n:,}" for lang, n in skipped.items())
        out.print(
            f"{sum(skipped.values()):,} article(s) not analysed, not in English ({langs}): "
            "stored and listed, without statements, figures, dates or entities"
        )


def _print_profiles(out: Console, profiles: list[dict[str, Any]]) -> None:
    if not profiles:
        return
    listing = Table(title=f"outlet profiles: furniture learned ({len(profiles)} outlets)")
    listing.add_column("outlet")
    listing.add_column("articles", justify="right")
    listing.add_column("patterns", justify="right")
    listing.add_column("kinds", overflow="fold")
    listing.add_column("most common", overflow="fold")
    for p in profiles:
        example = p["example"] if len(p["example"]) <= 90 else p["example"][:89] + "…"
        kinds = ", ".join(sorted(p["kinds"].split(",")))
        listing.add_row(p["family"], f"{p['stored']:,}", f"{p['patterns']:,}", kinds, example)
    out.print(listing)


def _ingest_ray(inputs: list[Path], out: Path | None, actors: int | None, quiet: bool) -> None:
    """``ingest --engine ray``: the Ray runner writes Parquet; ``load`` stores it."""
    if out is None:
        raise NeedsOut("--engine ray writes Parquet findings, not a store")
    from storyline.run.ray import run_ray

    started = time.perf_counter()
    run = run_ray([str(p) for p in inputs], out, actors=actors, progress=not quiet)
    elapsed = time.perf_counter() - started
    err.print(
        f"{run.articles} analysed, {run.skipped} skipped from {run.files} inputs "
        f"in {elapsed:.1f}s -> {out} (next: storyline load {out} --db STORE)",
        highlight=False,
    )
    if run.articles == 0:
        raise typer.Exit(1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="An --engine ray --out folder.", file_okay=False)],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Load a distributed run's Parquet findings into the store, then run the corpus stage."""
    from storyline.run.parquet import load as load_parquet

    if not folder.is_dir():
        raise NoRun(f"no folder {folder}")
    with _open(db) as store:
        report = load_parquet(folder, store)
    _skipped(report.skipped)
    err.print(
        f"{len(report.added)} added, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped -> {db}",
        highlight=False,
    )
    if report.ingested == 0:
        raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """storyline: sourced, structured knowledge from a pile of news articles."""


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="briefing.html (self-contained) or briefing.md."),
    ] = Path("briefing.html"),
    story: Annotated[
        str | None, typer.Option("--story", help="Only this story id (see the web UI or export).")
    ] = None,
) -> None:
    """Write a briefing: per story a timeline, figure charts, who said what, all sourced."""
    from storyline.report import write_report

    with _open(db, must_exist=True) as store, _writing(output):
        write_report(store, output, story)
    err.print(f"briefing -> {output}", highlight=False)


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
) -> None:
    """Browse the store in a local web app (stories, entities, articles, JSON API)."""
    import uvicorn

    from storyline.web import create_app

    with _open(db, must_exist=True):
        pass  # the app opens its own connections; this only checks there is a store
    err.print(f"storyline serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
