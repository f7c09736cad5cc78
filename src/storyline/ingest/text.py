"""Reader for .txt / .md files (provisional; see ingest issue)."""

from __future__ import annotations

from pathlib import Path

from storyline.schema import RawDocument


def read_text_file(path: Path, source: str) -> RawDocument:
    return RawDocument(source=source, key=str(path.resolve()), text=path.read_text("utf-8"))
