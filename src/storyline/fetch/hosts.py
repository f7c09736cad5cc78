"""Per-site turns: at most ``per_host`` requests at once and one start per ``delay``.

Every request to a site, retries and redirect hops included, takes a turn
here, so the limits hold however many threads fetch. A 429 or 503 with
Retry-After pauses the whole site, not only the URL that got it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HostGate:
    def __init__(
        self,
        delay: float,
        per_host: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self.per_host = per_host
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """A site's own delay (robots.txt Crawl-delay), when longer than ours."""
        with self._lock:
            self._delays[host] = max(self.delay, seconds)

    def delay_for(self, host: str) -> float:
        with self._lock:
            return self._delays.get(host, self.delay)

    def pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts for ``seconds`` (the server asked us to wait)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._slots:
                self._slots[host] = threading.BoundedSemaphore(self.per_host)
            return self._slots[host]

    def _wait_for_start(self, host: str) -> None:
        while True:
            with self._lock:
                now = self._clock()
                start = self._next.get(host, now)
                if start <= now:
                    self._next[host] = now + self._delays.get(host, self.delay)
                    return
            self._sleep(start - now)

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s concurrent slots and start no sooner than its delay."""
        slot = self._slot(host)
        slot.acquire()
        try:
            self._wait_for_start(host)
            yield
        finally:
            slot.release()
