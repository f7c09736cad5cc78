"""Reader for JSON Lines and JSON: one article per record, field names as real tools write them."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.read.decode import InputError, decode, read_bytes, strip_gz
from storyline.schema import RawDocument, Skip

# Field names seen in news-please, newspaper, trafilatura's JSON, Common Crawl
# derived dumps and RSS-to-JSON tools; first non-empty one wins.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "body", "content", "article", "raw_text"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": (
        "published",
        "date",
        "date_publish",
        "pubDate",
        "published_at",
        "publish_date",
        "datePublished",
    ),
    "outlet": ("outlet", "sitename", "source_domain", "source", "site", "publisher"),
    "author": ("author", "authors", "byline"),
    "language": ("language", "lang"),
}

# A single record larger than this is refused rather than parsed.
MAX_LINE_BYTES = 16 * 1024 * 1024


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if value not in (None, ""):
            return str(value).strip()
    return None


def record_to_document(record: object, path: Path, source: str, line: int) -> RawDocument | Skip:
    where = f"{source}#{line}"
    if not isinstance(record, dict):
        return Skip(where, f"record is a JSON {type(record).__name__}, not an object")
    meta = {key: v for key, names in FIELDS.items() if (v := _first(record, names)) is not None}
    text, html = meta.pop("text", None), meta.pop("html", None)
    if not text and not html:
        return Skip(where, "record has no text field (text|maintext|body|content)")
    url = meta.get("url")
    return RawDocument(
        source=url or where,
        key=url or f"{path.resolve()}#{line}",
        text=text,
        html=None if text else html,
        meta=meta,
        fmt="text" if text else "html",
    )


def _lines(path: Path) -> Iterator[bytes]:
    if strip_gz(path)[1]:
        with gzip.open(path, "rb") as fh:
            yield from fh
    else:
        with open(path, "rb") as fh:
            yield from fh


def read_records(path: Path, source: str) -> Iterator[RawDocument | Skip]:
    """Stream records; a broken line is skipped with its line number, the rest still land."""
    fmt, _ = strip_gz(path)
    if fmt == ".json":
        yield from _read_json(path, source)
        return
    try:
        yield from _read_lines(path, source)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(source, f"corrupt or truncated file: {exc}")


def _read_lines(path: Path, source: str) -> Iterator[RawDocument | Skip]:
    seen = False
    for number, raw in enumerate(_lines(path), start=1):
        if not raw.strip():
            continue
        seen = True
        if len(raw) > MAX_LINE_BYTES:
            yield Skip(f"{source}#{number}", f"record over {MAX_LINE_BYTES:,} bytes")
            continue
        try:
            record = json.loads(decode(raw))
        except (InputError, ValueError) as exc:
            yield Skip(f"{source}#{number}", f"not JSON: {str(exc)[:80]}")
            continue
        yield record_to_document(record, path, source, number)
    if not seen:
        # Only whitespace (U+0085 and friends count): still named, never silent.
        yield Skip(source, "no records: only whitespace")
    if not seen:
        yield Skip(source, "empty file")


def _read_json(path: Path, source: str) -> Iterator[RawDocument | Skip]:
    """A ``.json`` file: one object, a list of objects, ``{"articles": [...]}``, or JSON Lines."""
    try:
        data = decode(read_bytes(path))
    except InputError as exc:
        yield Skip(source, str(exc))
        return
    try:
        parsed = json.loads(data)
    except ValueError:
        # Many tools write JSON Lines with a .json suffix.
        yield from _read_lines_text(data, path, source)
        return
    if isinstance(parsed, dict) and isinstance(parsed.get("articles"), list):
        parsed = parsed["articles"]
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        yield Skip(source, "no records")
    for number, record in enumerate(records, start=1):
        yield record_to_document(record, path, source, number)


def _read_lines_text(data: str, path: Path, source: str) -> Iterator[RawDocument | Skip]:
    seen = False
    for number, line in enumerate(io.StringIO(data), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Skip(f"{source}#{number}", f"not JSON: {str(exc)[:80]}")
            continue
        yield record_to_document(record, path, source, number)
    if not seen:
        # Only whitespace (U+0085 and friends count): still named, never silent.
        yield Skip(source, "no records: only whitespace")
