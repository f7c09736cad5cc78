"""The command line: ``storyline ingest | export | stats``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

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

from storyline import __version__
from storyline.store import DEFAULT_DB, Store, StoreError

app = typer.Typer(
    help="Follow a news story through many outlets: who said what, figures, dates, disagreements.",
    no_args_is_help=True,
    add_completion=False,
)
# soft_wrap: error lines stay whole, so users can grep logs for an input name.
err = Console(stderr=True, soft_wrap=True)

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


def _open(db: Path, must_exist: bool = False) -> Store:
    if must_exist and not db.exists():
        err.print(f"[red]error:[/red] no store at {db} (run `storyline ingest` first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except (StoreError, OSError) as exc:
        err.print(f"[red]error:[/red] cannot open {db}: {exc}")
        raise typer.Exit(2) from exc
    except Exception as exc:  # sqlite3.DatabaseError: not a database
        err.print(f"[red]error:[/red] {db} is not a storyline store: {exc}")
        raise typer.Exit(2) from exc


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
    # --- scale (issue 7): the distributed mode -------------------------------
    engine: Annotated[
        str, typer.Option("--engine", help="local, or ray (docs/scale.md): findings to --out.")
    ] = "local",
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="--engine ray: new folder for the Parquet."),
    ] = None,
    # --- end scale ----------------------------------------------------------
) -> None:
    """Read, clean and analyse articles into the store; unchanged articles are skipped."""
    from storyline.analyze.nlp import load_nlp
    from storyline.journey import default_workers
    from storyline.journey import ingest as run_ingest

    # --- scale (issue 7) ----------------------------------------------------
    if engine not in ("local", "ray"):
        err.print(f"[red]error:[/red] unknown engine {engine!r}; choose local or ray")
        raise typer.Exit(2)
    if engine == "ray":
        _ingest_ray(inputs, out, workers, quiet)
        return
    # --- end scale ----------------------------------------------------------
    store = _open(db)
    if aliases is not None:
        _use_aliases(store, aliases, apply=False)
    workers = workers or default_workers()
    nlp = load_nlp() if workers == 1 else None
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
    for skip in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {skip.source}: {skip.reason}", highlight=False)
    rate = len(report.added) / elapsed if elapsed > 0 else 0.0
    err.print(
        f"{len(report.added)} added, {report.unchanged} unchanged, {len(report.skipped)} skipped "
        f"in {elapsed:.1f}s ({rate:.1f} articles/s) -> {db}",
        highlight=False,
    )
    if report.learned or report.recleaned:
        err.print(
            f"learned {report.learned} furniture pattern(s) of outlets; "
            f"{len(report.recleaned)} stored article(s) re-cleaned and re-analysed",
            highlight=False,
        )
    if aliases is not None and not report.added:
        # Nothing new ran the corpus stage; the new pins still take effect now.
        from storyline.corpus import update

        update(store, [])
    store.close()
    if report.ingested == 0:
        raise typer.Exit(1)


def _use_aliases(store: Store, path: Path, apply: bool) -> None:
    from storyline.corpus import use_aliases

    try:
        use_aliases(store, path, apply=apply)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def corpus(
    db: DbOption = Path(DEFAULT_DB),
    aliases: AliasesOption = None,
) -> None:
    """Recompute the cross-article stage: entities, near-duplicates, stories, disagreements."""
    from storyline.corpus import rebuild

    store = _open(db, must_exist=True)
    if aliases is not None:
        _use_aliases(store, aliases, apply=False)
    started = time.perf_counter()
    rebuild(store)
    counts = store.counts()
    err.print(
        f"{counts['entities']} entities, {counts['stories']} stories, {counts['series']} series, "
        f"{counts['disagreements']} disagreements in {time.perf_counter() - started:.1f}s",
        highlight=False,
    )
    store.close()


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
    from storyline.export import FORMATS, export_to

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}; choose {', '.join(FORMATS)}")
        raise typer.Exit(2)
    store = _open(db, must_exist=True)
    try:
        export_to(store, fmt, output, sys.stdout)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Counts per table, and every skipped input with its reason."""
    store = _open(db, must_exist=True)
    out = Console()
    table = Table(title=f"storyline store {db}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in store.counts().items():
        table.add_row(name, f"{count:,}")
    out.print(table)
    skipped = store.skipped()
    if skipped:
        listing = Table(title=f"skipped inputs ({len(skipped)})")
        listing.add_column("input", overflow="fold")
        listing.add_column("reason", overflow="fold")
        for skip in skipped:
            listing.add_row(skip.source, skip.reason)
        out.print(listing)
    _print_languages(out, store)
    _print_profiles(out, store)
    store.close()


def _print_languages(out: Console, store: Store) -> None:
    from storyline.clean.language import analysed

    counts = store.language_counts()
    skipped = {lang: n for lang, n in counts.items() if not analysed(lang)}
    if skipped:
        langs = ", ".join(f"{lang} {n:,}" for lang, n in skipped.items())
        out.print(
            f"{sum(skipped.values()):,} article(s) not analysed, not in English ({langs}): "
            "stored and listed, without statements, figures, dates or entities"
        )


def _print_profiles(out: Console, store: Store) -> None:
    profiles = store.outlet_profiles()
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


# --- scale (issue 7): the distributed mode and loading its output -------------


def _ingest_ray(inputs: list[Path], out: Path | None, actors: int | None, quiet: bool) -> None:
    from storyline.scale import run_ray

    if out is None:
        err.print("[red]error:[/red] --engine ray writes Parquet: give --out FOLDER")
        raise typer.Exit(2)
    started = time.perf_counter()
    try:
        run = run_ray([str(p) for p in inputs], out, actors=actors, progress=not quiet)
    except (RuntimeError, FileExistsError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
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
    from storyline.scale import load as load_parquet

    if not folder.is_dir():
        err.print(f"[red]error:[/red] no folder {folder}")
        raise typer.Exit(2)
    store = _open(db)
    try:
        report = load_parquet(folder, store)
    except (FileNotFoundError, ImportError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    for skip in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {skip.source}: {skip.reason}", highlight=False)
    err.print(
        f"{len(report.added)} added, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped -> {db}",
        highlight=False,
    )
    if report.ingested == 0:
        raise typer.Exit(1)


# --- end scale ----------------------------------------------------------------


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


# --- issue 6: briefing and web UI (report, serve) ----------------------------


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

    store = _open(db, must_exist=True)
    try:
        write_report(store, output, story)
    except KeyError:
        err.print(f"[red]error:[/red] no story {story!r} in {db}")
        raise typer.Exit(2) from None
    finally:
        store.close()
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

    _open(db, must_exist=True).close()
    err.print(f"storyline serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


# --- end issue 6 ---------------------------------------------------------------


if __name__ == "__main__":
    app()
