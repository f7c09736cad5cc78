"""The web app under concurrent readers, served by uvicorn as ``storyline serve`` serves it.

A user with a few browser tabs open sends requests at the same time; FastAPI
runs each sync dependency and endpoint on a worker thread of its pool, so a
store connection opened in one request may be used or closed on another
thread. Each test starts the real app on 127.0.0.1 (an ephemeral port), fires
pages and ``/api/`` routes 16 at a time, and expects no answer in the 5xx range.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from conftest import SEEDS
from storyline.web import create_app
from test_web import TRUMP, ZEL, build_store

CONCURRENCY = 16
ROUTES = [
    "/",
    "/search?q=ceasefire",
    "/stories/sUkr",
    f"/entities/{ZEL}",
    "/articles/aA",
    "/articles/aB",
    "/api/",
    "/api/figures?limit=3",
    "/api/articles",
    f"/api/entities/{TRUMP}",
    "/api/stories/sUkr",
    "/api/search?q=ceasefire",
]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app on a socket bound here first, so the port is known and never raced for."""
    sock = socket.socket()
    # As on the sockets uvicorn binds itself: without it every answer waits ~40 ms for an ACK.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _get(client: httpx.Client, url: str) -> tuple[str, int | str]:
    try:
        return url, client.get(url).status_code
    except httpx.TransportError as exc:  # a connection the server dropped is a failure too
        return url, type(exc).__name__


def _fire(base: str, urls: list[str]) -> Counter[tuple[str, int | str]]:
    """Every URL once, ``CONCURRENCY`` at a time; (url, status or error) -> how often."""
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    with (
        httpx.Client(base_url=base, limits=limits, timeout=60) as client,
        ThreadPoolExecutor(CONCURRENCY) as pool,
    ):
        statuses = pool.map(lambda url: _get(client, url), urls)
        return Counter(statuses)


def _failures(counts: Counter[tuple[str, int | str]]) -> dict[str, int]:
    return {
        f"{url} -> {status}": n
        for (url, status), n in counts.items()
        if isinstance(status, str) or status >= 500
    }


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    build_store(path).close()
    return path


def test_concurrent_pages_and_api_never_fail(db: Path) -> None:
    urls = ROUTES * 40  # 480 requests
    with serving(db) as base:
        counts = _fire(base, urls)
    assert _failures(counts) == {}
    # Not only no 5xx: every page and record was found.
    assert sum(counts.values()) == len(urls)
    assert {status for _, status in counts} == {200}


def test_sequential_requests_never_fail(db: Path) -> None:
    with serving(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        counts = Counter(_get(client, url) for url in ROUTES * 25)
    assert _failures(counts) == {}
    assert {status for _, status in counts} == {200}


def test_readers_during_an_ingest_in_another_process(db: Path, tmp_path: Path) -> None:
    """``storyline ingest`` writes the seeds (and reruns the corpus stage) while tabs read."""
    command = [sys.executable, "-m", "storyline.cli", "ingest", str(SEEDS), "--db", str(db), "-q"]
    counts: Counter[tuple[str, int | str]] = Counter()
    with serving(db) as base:
        writer = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        try:
            while writer.poll() is None:
                counts += _fire(base, ROUTES * 4)
        finally:
            _, stderr = writer.communicate(timeout=300)
        assert writer.returncode == 0, stderr
        after = httpx.get(f"{base}/api/articles").json()
        counts += _fire(base, ROUTES * 2)
    assert _failures(counts) == {}
    assert sum(counts.values()) >= len(ROUTES) * 6
    # Readers that stayed open see what the writer committed.
    assert after["total"] == 2 + 5
