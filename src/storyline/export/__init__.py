"""Export the store in the contract's shape: JSON, JSON Lines, or CSV (one file a list).

Exports stream from the database cursor, so memory stays flat however many
records there are, and are byte-for-byte deterministic: records in id
order, fields in contract order, no timestamps.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from storyline import __version__
from storyline.errors import NeedsFolder, UnknownFormat
from storyline.schema import CONTRACT, CONTRACT_VERSION
from storyline.store import Store

FORMATS = ("json", "jsonl", "csv")
SCHEMA_PATH = Path(__file__).with_name("storyline.schema.json")

# Singular record type names used by the JSON Lines form.
KINDS = {
    "articles": "article",
    "entities": "entity",
    "statements": "statement",
    "figures": "figure",
    "timexes": "timex",
    "stories": "story",
    "series": "series",
    "disagreements": "disagreement",
    "claims": "claim",
}


def header() -> dict[str, str]:
    return {"storyline": __version__, "contract": CONTRACT_VERSION}


def _dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def write_json(store: Store, out: IO[str]) -> None:
    """One JSON object: the header keys, then each contract list (streamed)."""
    out.write("{\n")
    for key, value in header().items():
        out.write(f"  {_dumps(key)}: {_dumps(value)},\n")
    names = list(CONTRACT)
    for n, name in enumerate(names):
        out.write(f"  {_dumps(name)}: [")
        first = True
        for record in store.records(name):
            out.write("\n    " if first else ",\n    ")
            out.write(_dumps(record))
            first = False
        out.write("]" if first else "\n  ]")
        out.write(",\n" if n < len(names) - 1 else "\n")
    out.write("}\n")


def write_jsonl(store: Store, out: IO[str]) -> None:
    """A header line, then one line per record, named by its ``record`` key."""
    out.write(_dumps({"record": "header", **header()}) + "\n")
    for name in CONTRACT:
        for record in store.records(name):
            out.write(_dumps({"record": KINDS[name], **record}) + "\n")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return _dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(store: Store, folder: Path) -> list[Path]:
    """One CSV per contract list (lists inside cells as JSON), plus ``storyline.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (_, columns) in CONTRACT.items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns)
            for record in store.records(name):
                writer.writerow([_csv_cell(record[c]) for c in columns])
        written.append(path)
    meta = folder / "storyline.json"
    meta.write_text(_dumps(header(), indent=2) + "\n", encoding="utf-8")
    written.append(meta)
    return written


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}")


def export_to(store: Store, fmt: str, out: Path | None, stdout: IO[str]) -> None:
    check_format(fmt)
    if fmt == "csv":
        if out is None:
            raise NeedsFolder("csv export writes one file per list")
        write_csv(store, out)
        return
    writer = write_json if fmt == "json" else write_jsonl
    if out is None:
        writer(store, stdout)
        return
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        writer(store, fh)
