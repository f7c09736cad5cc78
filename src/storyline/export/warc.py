"""The store's raw HTTP responses as a WARC file (ISO 28500), written with warcio.

One ``response`` record per fetched URL (pages, feeds, sitemaps, robots.txt),
its target the URL the response came from after redirects, its date the fetch
time. Payloads are stored decoded, so the records carry them without the
original Content-Encoding (kept as ``X-Archive-Orig-Content-Encoding``, the
convention of web archives that re-serve decoded payloads). A response whose
payload was not kept (too large, not HTML) is written with ``WARC-Truncated``.
Record ids derive from URL and fetch time, so the same store writes the same
records. Any WARC reader takes the file, ``storyline ingest`` included.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import __version__
from storyline.store import Store
from storyline.store.fetches import FetchLog, StoredResponse

# Headers describing the transfer, not the payload we hold.
TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _http_headers(response: StoredResponse, body: bytes) -> StatusAndHeaders:
    headers = []
    for name, value in response.headers:
        lowered = name.lower()
        if lowered == "content-encoding":
            headers.append(("X-Archive-Orig-Content-Encoding", value))
        elif lowered not in TRANSFER_HEADERS:
            headers.append((name, value))
    headers.append(("Content-Length", str(len(body))))
    status = f"{response.status} {response.reason or ''}".strip()
    return StatusAndHeaders(status, headers, protocol=response.http_version or "HTTP/1.1")


def _record_id(response: StoredResponse) -> str:
    name = f"{response.url}\x1f{response.fetched_at}"
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def write_warc(store: Store, path: Path) -> int:
    """Write every stored response to ``path`` (gzipped per record when it ends in
    ``.gz``); returns the number of response records."""
    count = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        info = {"software": f"storyline/{__version__}", "format": "WARC File Format 1.1"}
        writer.write_record(writer.create_warcinfo_record(path.name, info))
        for response in FetchLog(store).responses():
            body = response.body or b""
            warc_headers = {
                "WARC-Date": response.fetched_at,
                "WARC-Record-ID": _record_id(response),
            }
            if response.body is None:
                too_large = (response.error or "").startswith("response over")
                warc_headers["WARC-Truncated"] = "length" if too_large else "unspecified"
            record = writer.create_warc_record(
                response.final_url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=_http_headers(response, body),
                warc_headers_dict=warc_headers,
            )
            writer.write_record(record)
            count += 1
    return count
