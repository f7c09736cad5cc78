"""The command line: ``storyline ingest | export | stats | corpus | report | serve | load``.

A thin shell over the library: each command parses its options, calls one
function and prints a summary. Errors users can meet are ``StorylineError``s
(``storyline.errors``); the app catches them once and prints ``error: ...``
with exit code 2. Stores are opened with ``with``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

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
    CannotOpenStore,
    NeedsOut,
    NoRun,
    NoStore,
    NotAStore,
    StorylineError,
    UnknownEngine,
)
from storyline.schema import Skip
from storyline.store import DEFAULT_DB, Store

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


def _skipped(skips: list[Skip]) -> None:
    for skip in skips:
        err.print(Text.assemble(("skipped", "yellow"), f" {skip.source}: {skip.reason}"))


@app.command()
def ingest(
    inputs: Annotated[list[Path], typer.Argument(help="Files and folders (searched recursively).")],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Analysis processes [default: CPU cores]."),
    ] = None,
    aliases: AliasesOption = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local, or ray (docs/scale.md): findings to --out.")
    ] = "local",
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="--engine ray: new folder for the Parquet."),
    ] = None,
) -> None:
    """Read, clean and analyse articles into the store; unchanged articles are skipped."""
    if engine == "ray":
        _ingest_ray(inputs, out, workers, quiet)
        return
    if engine != "local":
        raise UnknownEngine(f"unknown engine {engine!r}")
    from storyline.run import ingest as run_ingest
    from storyline.run.processes import default_workers

    workers = workers or default_workers()
    with _open(db) as store:
        if aliases is not None:
            _use_aliases(store, aliases)
        nlp = None
        if workers == 1:  # the model loads here, before the clock starts, as it always did
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
                [str(p) for p in inputs],
                store,
                nlp=nlp,
                workers=workers,
                on_article=lambda _: progress.advance(task),
            )
        elapsed = time.perf_counter() - started
        _skipped(report.skipped)
        rate = len(report.added) / elapsed if elapsed > 0 else 0.0
        err.print(
            f"{len(report.added)} added, {report.unchanged} unchanged, "
            f"{len(report.skipped)} skipped in {elapsed:.1f}s ({rate:.1f} articles/s) -> {db}",
            highlight=False,
        )
        if aliases is not None and not report.added:
            # Nothing new ran the corpus stage; the new pins still take effect now.
            from storyline.corpus import update

            update(store, [])
    if report.ingested == 0:
        raise typer.Exit(1)


def _use_aliases(store: Store, path: Path) -> None:
    """Store the pins of an ``--aliases`` file; the corpus stage that follows applies them."""
    from storyline.corpus import use_aliases

    use_aliases(store, path, apply=False)


@app.command()
def corpus(
    db: DbOption = Path(DEFAULT_DB),
    aliases: AliasesOption = None,
) -> None:
    """Recompute the cross-article stage: entities, near-duplicates, stories, disagreements."""
    from storyline.corpus import rebuild

    with _open(db, must_exist=True) as store:
        if aliases is not None:
            _use_aliases(store, aliases)
        started = time.perf_counter()
        rebuild(store)
        counts = store.counts()
    err.print(
        f"{counts['entities']} entities, {counts['stories']} stories, "
        f"{counts['disagreements']} disagreements in {time.perf_counter() - started:.1f}s",
        highlight=False,
    )


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or csv.")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File (json, jsonl) or folder (csv); default stdout."),
    ] = None,
) -> None:
    """Write the store in the export contract (docs/export.md)."""
    from storyline.export import check_format, export_to

    check_format(fmt)  # before the store, so a typo is named even where no store is
    with _open(db, must_exist=True) as store:
        export_to(store, fmt, output, sys.stdout)


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Counts per table, and every skipped input with its reason."""
    with _open(db, must_exist=True) as store:
        counts = store.counts()
        skipped = store.skipped()
    out = Console()
    table = Table(title=f"storyline store {db}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    out.print(table)
    if skipped:
        listing = Table(title=f"skipped inputs ({len(skipped)})")
        listing.add_column("input", overflow="fold")
        listing.add_column("reason", overflow="fold")
        for skip in skipped:
            listing.add_row(skip.source, skip.reason)
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

    with _open(db, must_exist=True) as store:
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
