"""Reader for saved HTML pages; extraction itself is the clean stage's (trafilatura)."""

from __future__ import annotations

from pathlib import Path

from storyline.read.decode import decode, read_bytes
from storyline.schema import RawDocument


def read_html_file(path: Path, source: str) -> RawDocument:
    return RawDocument(
        source=source, key=str(path.resolve()), html=decode(read_bytes(path)), fmt="html"
    )
