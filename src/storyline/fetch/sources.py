"""Which inputs are URLs: an ``http(s)://`` argument, or a text file listing one URL a
line (blank lines and ``#`` comments allowed). Everything else stays a file path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.fetch.urls import is_http_url
from storyline.schema import Skip

LIST_SUFFIXES = {".txt", ".urls", ".list", ""}
MAX_LIST_BYTES = 16 * 1024 * 1024


@dataclass
class Inputs:
    paths: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def _url_list(path: Path) -> list[str] | None:
    """The lines of a URL list, or None when ``path`` is not one (an article in a
    ``.txt`` file has sentences, not only lines starting with http)."""
    if path.suffix.lower() not in LIST_SUFFIXES or not path.is_file():
        return None
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]
    if not lines or not all(line.lower().startswith(("http://", "https://")) for line in lines):
        return None
    return lines


def split_inputs(given: Iterable[str]) -> Inputs:
    """Sort command-line inputs into file paths and URLs (a URL list file is read)."""
    out = Inputs()
    for item in given:
        text = str(item).strip()
        if text.lower().startswith(("http://", "https://")):
            (out.urls if is_http_url(text) else out.paths).append(text)
            continue
        listed = _url_list(Path(text))
        if listed is None:
            out.paths.append(text)
            continue
        for number, line in enumerate(listed, start=1):
            if is_http_url(line):
                out.urls.append(line)
            else:
                out.skipped.append(Skip(f"{text}#{number}", f"not a URL: {line[:100]!r}"))
    return out
