"""The web UI and the briefing in a real browser (Debian's Chromium, driven by Playwright).

A person's path: ingest the seeds, open the home page, search "ceasefire",
open Zelensky's entity page, click a figure and land on its highlighted
sentence; then open the briefing from disk with the network blocked. Each
step leaves a screenshot for people to look at: in a temporary folder, or in
the folder named by STORYLINE_SCREENSHOTS (``STORYLINE_SCREENSHOTS=docs/screenshots``
refreshes the pictures in the docs), so a test run never rewrites tracked files.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.report import write_report
from storyline.run import ingest
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SHOTS = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tempfile.mkdtemp(prefix="storyline-shots-"))
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The highlight colour of :target in the shared stylesheet (--target: #ffd54a).
TARGET_BG = "rgb(255, 213, 74)"

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    with Store(db) as store:
        report = ingest([SEEDS], store, nlp=nlp)
    assert len(report.added) == 5
    return db


@pytest.fixture(scope="module")
def server(seeded_db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.web import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(seeded_db), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def _shot(page: Page, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full)


def test_search_entity_and_figure_to_its_sentence(server: str, page: Page) -> None:
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Stories", exact=True)).to_be_visible()
    _shot(page, "home.png")

    page.get_by_label("Search articles").fill("ceasefire")
    page.get_by_label("Search articles").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=ceasefire"))
    hits = page.locator("ol.search-results > li")
    assert hits.count() >= 3  # four of the five seeds are about a ceasefire
    expect(page.locator(".snippet mark").first).to_have_text(re.compile("ceasefire", re.I))

    page.goto(server + "/")
    people = page.locator("aside")
    people.get_by_role("link", name=re.compile(r"Zelensk")).first.click()
    expect(page).to_have_url(re.compile(r"/entities/e"))
    expect(page.locator("h1")).to_have_text(re.compile("Zelensk"))
    expect(page.get_by_text("Also written as")).to_contain_text("Zelensky")
    _shot(page, "entity.png")

    figure = page.locator("a.figure-link").first
    expect(figure).to_be_visible()
    href = figure.get_attribute("href") or ""
    fragment = href.split("#", 1)[1]
    assert fragment.startswith("fg")
    figure.click()
    expect(page).to_have_url(re.compile(rf"/articles/a\w+#{fragment}$"))
    target = page.locator(f"#{fragment}")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == fragment
    expect(target).to_have_css("background-color", TARGET_BG)
    # The sentence around the figure is lit too.
    sentence_bg = page.evaluate(
        "getComputedStyle(document.querySelector(':target').closest('.hl-sent')).backgroundColor"
    )
    assert sentence_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.wait_for_timeout(1300)  # let the flash animation settle before the picture
    _shot(page, "article.png")

    # The boilerplate cleaning removed is there on demand.
    removed = page.locator("details.removed")
    expect(removed.locator("li").first).to_be_hidden()
    removed.locator("summary").click()
    expect(removed.locator("li").first).to_be_visible()


def test_story_page_shows_chart_and_timeline(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.locator("section .card h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/stories/"))
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    charts = page.locator("svg.chart")
    if charts.count():
        expect(charts.first).to_be_visible()
        point = page.locator("svg.chart a.point").first
        fid = point.get_attribute("data-figure")
        point.locator("circle").first.click()
        expect(page).to_have_url(re.compile(rf"#{fid}$"))
        page.go_back()
    _shot(page, "story.png")


def test_report_opens_offline_with_chart(seeded_db: Path, browser: Browser) -> None:
    out = Path(tempfile.mkdtemp(prefix="storyline-report-")) / "briefing-seeds.html"
    with Store(seeded_db) as store:
        write_report(store, out)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, offline=True)
        blocked: list[str] = []

        def guard(route) -> None:  # type: ignore[no-untyped-def]
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.goto(out.as_uri())
        chart = page.locator("svg.chart").first
        expect(chart).to_be_visible()
        assert page.locator("svg.chart a.point").count() >= 2
        # The picture: the first story's heading and its first chart.
        page.locator("section.story").first.evaluate("e => e.scrollIntoView()")
        _shot(page, "report.png")
        assert blocked == []
        context.close()
    finally:
        out.unlink()
