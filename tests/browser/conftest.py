"""What the browser tests share: Debian's Chromium driven by Playwright, the web app served
on a free port, the seeds' store and a generated store of a few hundred articles."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, SEEDS
from storyline.journey import ingest
from storyline.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    with Store(db) as store:
        report = ingest([SEEDS], store, nlp=nlp)
    assert len(report.added) == 5
    return db


@pytest.fixture(scope="session")
def generated_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    """A store of the generated corpus (``generated.py``): a few hundred articles."""
    from browser.generated import write_corpus

    folder = tmp_path_factory.mktemp("generated")
    source = folder / "generated.jsonl"
    count = write_corpus(source)
    db = folder / "generated.db"
    with Store(db) as store:
        report = ingest([source], store, nlp=nlp)
    assert len(report.added) == count >= 300
    return db


def _serve(db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.web import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the web server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(seeded_db: Path) -> Iterator[str]:
    yield from _serve(seeded_db)


@pytest.fixture(scope="session")
def generated_server(generated_db: Path) -> Iterator[str]:
    yield from _serve(generated_db)


# Per module, not per session: Playwright's sync API keeps an asyncio loop running in
# this thread while it is open, and later tests (Datasette's) run loops of their own.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(browser: Any, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=viewport, **options)
    yield context.new_page()
    context.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    yield from _page(browser, DESKTOP)


@pytest.fixture()
def phone(browser: Any) -> Iterator[Any]:
    yield from _page(browser, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)


@pytest.fixture()
def offline_page(browser: Any) -> Iterator[Any]:
    """A page that may load files from disk and nothing else; ``page.blocked`` lists
    what it tried to fetch."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, offline=True)
    blocked: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    p = context.new_page()
    p.blocked = blocked
    yield p
    context.close()


@pytest.fixture(scope="session")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Writes a store's briefing once (per store) and gives its path."""
    from storyline.report import write_report

    made: dict[Path, Path] = {}

    def write(db: Path) -> Path:
        if db not in made:
            out = tmp_path_factory.mktemp("briefing") / f"briefing-{db.stem}.html"
            with Store(db) as store:
                write_report(store, out)
            made[db] = out
        return made[db]

    return write
