"""Reading inputs: files and folders of text, Markdown, HTML, JSON Lines, JSON and WARC.

Readers turn each input into RawDocuments (one per article) or Skips (an
input or record that cannot be read, with the reason). They never raise for
bad input: one broken file must not stop a batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyline.read.decode import InputError, strip_gz
from storyline.read.html import read_html_file
from storyline.read.records import read_records
from storyline.read.text import read_text_file
from storyline.read.warc import read_warc
from storyline.schema import RawDocument, Skip

Reader = Callable[[Path, str], Iterable[RawDocument | Skip]]


def _one(read: Callable[[Path, str], RawDocument]) -> Reader:
    def reader(path: Path, source: str) -> Iterator[RawDocument | Skip]:
        try:
            yield read(path, source)
        except InputError as exc:
            yield Skip(source, str(exc))

    return reader


# File suffix (after any .gz) -> reader.
READERS: dict[str, Reader] = {
    ".txt": _one(read_text_file),
    ".text": _one(read_text_file),
    ".md": _one(read_text_file),
    ".markdown": _one(read_text_file),
    ".html": _one(read_html_file),
    ".htm": _one(read_html_file),
    ".xhtml": _one(read_html_file),
    ".jsonl": read_records,
    ".ndjson": read_records,
    ".json": read_records,
    ".warc": read_warc,
}


def supported(path: Path) -> bool:
    return strip_gz(path)[0] in READERS


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Files named, and supported files under folders named (recursively, in sorted order).

    Inside folders, unsupported and hidden files are passed over silently (a
    folder of articles often holds a README or images); a file named
    explicitly that we cannot read is reported.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and supported(child):
                        found = True
                        yield child
            if not found:  # a folder named by the user must not vanish without a word
                yield Skip(str(path), "folder holds no supported files (" + " ".join(READERS) + ")")
        elif path.exists():
            yield path if supported(path) else Skip(str(path), "unsupported file type")
        else:
            yield Skip(str(path), "no such file or folder")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawDocument | Skip]:
    for item in expand(paths):
        if isinstance(item, Skip):
            yield item
            continue
        reader = READERS[strip_gz(item)[0]]
        yield from reader(item, str(item))


__all__ = ["READERS", "expand", "read_inputs"]
