"""Reader for plain text and Markdown files (headers and titles are parsed by ``clean``)."""

from __future__ import annotations

from pathlib import Path

from storyline.read.decode import decode, read_bytes
from storyline.schema import RawDocument


def read_text_file(path: Path, source: str) -> RawDocument:
    fmt = "markdown" if path.name.lower().removesuffix(".gz").endswith(".md") else "text"
    return RawDocument(
        source=source, key=str(path.resolve()), text=decode(read_bytes(path)), fmt=fmt
    )
