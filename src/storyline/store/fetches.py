"""The fetch log: raw HTTP responses kept in the store like WARC records (issue 18).

Every URL storyline asked a server for has one row, keyed by its canonical
URL: status, headers as received, the payload (zlib-compressed, decoded
from any Content-Encoding), the fetch time and the redirect chain. From it
the fetcher knows what it already has (nothing is fetched twice), sends
conditional requests for feeds and sitemaps, re-reads pages without the
network, and ``export --format warc`` writes the responses out.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from storyline.store.db import RECORD_SKIP, Store
from storyline.store.transaction import transaction

# What a row is for: an article page, a feed, a sitemap, a homepage searched
# for feeds, or a host's robots.txt.
FETCH_KINDS = ("page", "feed", "sitemap", "home", "robots")


def header_value(headers: list[tuple[str, str]], name: str) -> str | None:
    """The first value of header ``name`` (case-insensitive), or None."""
    wanted = name.lower()
    return next((v for k, v in headers if k.lower() == wanted), None)


@dataclass
class StoredResponse:
    """One HTTP exchange's outcome, as the store keeps it.

    ``status`` is None when no response came (a timeout, a TLS error); then
    ``error`` says what happened. ``body`` is the decoded payload, or None
    when none was kept (too large, not HTML, no response).
    """

    url: str
    final_url: str
    kind: str
    fetched_at: str
    status: int | None = None
    reason: str | None = None
    http_version: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    redirects: list[str] = field(default_factory=list)
    error: str | None = None
    retry: bool = False
    article_id: str | None = None
    checked_at: str | None = None
    attempts: int = 1

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)

    @property
    def usable(self) -> bool:
        return self.error is None and self.body is not None


class PageState(NamedTuple):
    """What the crawler needs to know of a page it holds, without its payload."""

    url: str  # the row's key
    usable: bool
    checked_at: str  # the last time the server was asked


_COLUMNS = (
    "url, final_url, kind, status, reason, http_version, headers, body, body_length, "
    "body_sha1, fetched_at, checked_at, redirects, article_id, error, retry, attempts"
)


def _row_values(r: StoredResponse) -> tuple[object, ...]:
    body = None if r.body is None else zlib.compress(r.body, 6)
    return (
        r.url,
        r.final_url,
        r.kind,
        r.status,
        r.reason,
        r.http_version,
        json.dumps(r.headers, ensure_ascii=False),
        body,
        None if r.body is None else len(r.body),
        None if r.body is None else hashlib.sha1(r.body).hexdigest(),
        r.fetched_at,
        r.checked_at or r.fetched_at,
        json.dumps(r.redirects, ensure_ascii=False),
        r.article_id,
        r.error,
        int(r.retry),
        r.attempts,
    )


def _from_row(row: Any) -> StoredResponse:
    get = row.__getitem__  # a sqlite3.Row
    blob = get("body")
    return StoredResponse(
        url=get("url"),
        final_url=get("final_url"),
        kind=get("kind"),
        fetched_at=get("fetched_at"),
        status=get("status"),
        reason=get("reason"),
        http_version=get("http_version"),
        headers=[(k, v) for k, v in json.loads(get("headers"))],
        body=None if blob is None else zlib.decompress(blob),
        redirects=json.loads(get("redirects")),
        error=get("error"),
        retry=bool(get("retry")),
        article_id=get("article_id"),
        checked_at=get("checked_at"),
        attempts=get("attempts"),
    )


class FetchLog:
    """Reads and writes of the ``fetches`` table, over an open Store's connection."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn

    @classmethod
    def for_threads(cls, path: Path) -> FetchLog:
        """A log on its own connection that any thread may use (the caller serialises
        the calls): fetch threads store responses beside the article writer (WAL)."""
        log = cls.__new__(cls)
        log.conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=30, check_same_thread=False
        )
        log.conn.row_factory = sqlite3.Row
        log.conn.execute("PRAGMA synchronous=NORMAL")
        return log

    def close(self) -> None:
        self.conn.close()

    def get(self, url: str) -> StoredResponse | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM fetches WHERE url = ?", (url,)).fetchone()
        return None if row is None else _from_row(row)

    def page(self, url: str, article_id: str) -> PageState | None:
        """The final row of article page ``url`` (one not waiting to be retried), asked
        as ``url`` or as another URL whose redirects ended at the same article; its
        state only, so listing a 50,000-URL sitemap reads no payloads."""
        select = (
            "SELECT url, error IS NULL AND body IS NOT NULL, coalesce(checked_at, fetched_at) "
            "FROM fetches WHERE kind = 'page' AND retry = 0"
        )
        # two indexed lookups: one query with ``url = ? OR article_id = ?`` scans
        row = self.conn.execute(f"{select} AND url = ?", (url,)).fetchone()
        if row is None:
            row = self.conn.execute(
                f"{select} AND article_id = ? ORDER BY status = 200 DESC, url LIMIT 1",
                (article_id,),
            ).fetchone()
        return None if row is None else PageState(row[0], bool(row[1]), row[2])

    def put(self, response: StoredResponse) -> None:
        """Insert or replace the row of ``response.url``, in its own transaction, with
        the URL's skip: a failed fetch is recorded as skipped in the same transaction;
        a usable response clears an earlier skip (a feed that failed, then answered).
        What is wrong with a page's content is recorded later, by the clean stage."""
        marks = ", ".join("?" for _ in _COLUMNS.split(", "))
        with transaction(self.conn):
            self.conn.execute(
                f"INSERT OR REPLACE INTO fetches ({_COLUMNS}) VALUES ({marks})",
                _row_values(response),
            )
            if response.error is None:
                self.conn.execute("DELETE FROM skipped WHERE source = ?", (response.url,))
            elif response.kind != "robots":  # reported at once, whatever stops the run
                self.conn.execute(RECORD_SKIP, (response.url, response.error))

    def touch(self, url: str, checked_at: str) -> None:
        """A conditional request answered 304: only the time we last asked changes."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE fetches SET checked_at = ?, retry = 0, error = NULL WHERE url = ?",
                (checked_at, url),
            )

    def pending_pages(self) -> list[str]:
        """Pages fetched whose article is neither stored nor skipped: a run stopped
        between the fetch and the article's transaction. They are read from here."""
        rows = self.conn.execute(
            "SELECT url FROM fetches f WHERE kind = 'page' AND status = 200 "
            "AND error IS NULL AND body IS NOT NULL AND article_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id) "
            "AND NOT EXISTS (SELECT 1 FROM skipped s WHERE s.source = f.url) "
            "ORDER BY url"
        )
        return [r[0] for r in rows]

    def pages(self) -> Iterator[StoredResponse]:
        """Every stored article page with a usable payload, by URL (re-analysis offline),
        read one at a time so memory does not grow with the store."""
        urls = [
            r[0]
            for r in self.conn.execute(
                "SELECT url FROM fetches WHERE kind = 'page' AND status = 200 "
                "AND error IS NULL AND body IS NOT NULL ORDER BY url"
            )
        ]
        for url in urls:
            if (row := self.get(url)) is not None:
                yield row

    def responses(self) -> Iterator[StoredResponse]:
        """Every row that has an HTTP response, in URL order (the WARC export)."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM fetches WHERE status IS NOT NULL ORDER BY url"
        )
        for row in rows:
            yield _from_row(row)

    def counts(self) -> dict[str, int]:
        """Rows per kind and outcome, for ``stats``."""
        rows = self.conn.execute(
            "SELECT kind, CASE WHEN error IS NULL THEN 'ok' WHEN retry = 1 THEN 'retry' "
            "ELSE 'failed' END AS outcome, count(*) FROM fetches GROUP BY kind, outcome"
        )
        return {f"{kind} {outcome}": n for kind, outcome, n in rows}
