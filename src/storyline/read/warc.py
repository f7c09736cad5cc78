"""Reader for WARC archives: each HTML response record becomes one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.read.decode import InputError, decode
from storyline.schema import RawDocument, Skip

MAX_RECORD_BYTES = 16 * 1024 * 1024


def read_warc(path: Path, source: str) -> Iterator[RawDocument | Skip]:
    """Stream HTML responses; the WARC-Date is the crawl date, so it is not a publication date."""
    found = 0
    try:
        with open(path, "rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                found += 1
                if len(body) > MAX_RECORD_BYTES:
                    yield Skip(url, f"response over {MAX_RECORD_BYTES:,} bytes")
                    continue
                try:
                    html = decode(body)
                except InputError as exc:
                    yield Skip(url, str(exc))
                    continue
                yield RawDocument(source=url, key=url, html=html, meta={"url": url}, fmt="html")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Skip(source, f"corrupt WARC: {str(exc)[:120]}")
        return
    if not found:
        yield Skip(source, "no HTML responses in WARC")
