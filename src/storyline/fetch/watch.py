"""``storyline watch``: poll feeds and sitemaps every so often, ingest only what is new,
until stopped.

Stopping is safe at any moment. Each article is written in its own transaction
and each page's raw response before its article, so Ctrl-C, SIGTERM or even
SIGKILL leaves whole articles only; the next run (or poll) reads the pages
fetched but not yet analysed from the store, and catches up the corpus stage.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any

from storyline.fetch.crawl import Crawler, Plan
from storyline.schema import RawDocument, Skip

# (documents to ingest) -> what the ingest did; the CLI hands in the run layer's ingest.
Ingest = Callable[[Iterable[RawDocument | Skip]], Any]


@dataclass
class Poll:
    number: int
    plan: Plan
    requests: int  # HTTP requests this poll made (robots.txt, sources and pages)
    not_modified: int  # of them answered 304
    result: Any  # the ingest report, or None when there was nothing to ingest
    seconds: float


class Stop(BaseException):
    """SIGTERM asks the watch to stop, like Ctrl-C (a BaseException like
    KeyboardInterrupt, so no ``except Exception`` on the way swallows it)."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise Stop(f"signal {signum}")


def polls(
    crawler: Crawler,
    sources: list[str],
    ingest: Ingest,
    every: float,
    max_polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Poll]:
    """Poll ``sources`` every ``every`` seconds (from the start of one poll to the
    next), yielding what each poll did; runs until ``max_polls`` or an interrupt."""
    number = 0
    while max_polls is None or number < max_polls:
        number += 1
        started = time.monotonic()
        before = crawler.client.requests
        before_304 = crawler.client.statuses.get(304, 0)
        plan = crawler.plan(sources)
        result = None
        if plan.new or plan.skipped:
            result = ingest(crawler.documents(plan, known=False))
        yield Poll(
            number=number,
            plan=plan,
            requests=crawler.client.requests - before,
            not_modified=crawler.client.statuses.get(304, 0) - before_304,
            result=result,
            seconds=time.monotonic() - started,
        )
        if max_polls is not None and number >= max_polls:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))


def stop_on_sigterm() -> None:
    """Make SIGTERM (a service manager's stop) end the watch as Ctrl-C does: the
    article in flight is rolled back, the ones before it stay."""
    signal.signal(signal.SIGTERM, _raise_stop)
