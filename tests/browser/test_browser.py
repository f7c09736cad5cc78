"""The web UI and the briefing in a real browser (Debian's Chromium, driven by Playwright).

A person's path on the seeds: open the home page, search "ceasefire", open
Zelensky's entity page, click a figure and land on its highlighted sentence;
open a story and a chart point; then open the briefing from disk with the
network blocked. Each step leaves a screenshot for people to look at
(``conftest.SHOTS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import CHROMIUM, shot

# The highlight colour of :target in the shared stylesheet (--target: #ffd54a).
TARGET_BG = "rgb(255, 213, 74)"

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
        allow_module_level=True,
    )

from playwright.sync_api import expect  # noqa: E402


def test_search_entity_and_figure_to_its_sentence(server: str, page: Any) -> None:
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Stories", exact=True)).to_be_visible()
    shot(page, "home.png")

    page.get_by_label("Search articles").fill("ceasefire")
    page.get_by_label("Search articles").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=ceasefire"))
    hits = page.locator("ol.search-results > li")
    assert hits.count() >= 3  # four of the five seeds are about a ceasefire
    expect(page.get_by_text(re.compile(rf"^{hits.count()} articles match"))).to_be_visible()
    expect(page.locator(".snippet mark").first).to_have_text(re.compile("ceasefire", re.I))

    page.goto(server + "/")
    people = page.locator("aside")
    people.get_by_role("link", name=re.compile(r"Zelensk")).first.click()
    expect(page).to_have_url(re.compile(r"/entities/e"))
    expect(page.locator("h1")).to_have_text(re.compile("Zelensk"))
    expect(page.get_by_text("Also written as")).to_contain_text("Zelensky")
    shot(page, "entity.png")

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
    # The breadcrumb names the story and the article, not "story" and "article".
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs).not_to_contain_text("› story")
    expect(crumbs.locator("[aria-current=page]")).to_have_text(re.compile(r"\w{4,}"))
    page.wait_for_timeout(1300)  # let the flash animation settle before the picture
    shot(page, "article.png")

    # The boilerplate cleaning removed is there on demand.
    removed = page.locator("details.removed")
    expect(removed.locator("li").first).to_be_hidden()
    removed.locator("summary").click()
    expect(removed.locator("li").first).to_be_visible()


def test_story_page_leads_then_chart_and_claims(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.locator("ol.stories h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/stories/"))
    expect(page.locator(".lead")).to_contain_text("What happened.")
    expect(page.get_by_role("heading", name="Claims in date order")).to_be_visible()
    # The articles come before the long sections, not at the very bottom.
    order = page.evaluate(
        "[...document.querySelectorAll('main h2')].map(h => h.id).filter(Boolean)"
    )
    assert order[:2] == ["articles", "disputed"]
    charts = page.locator("svg.chart")
    if charts.count():
        expect(charts.first).to_be_visible()
        point = page.locator("svg.chart a.point").first
        fid = point.get_attribute("data-figure")
        point.locator("circle").first.click()
        expect(page).to_have_url(re.compile(rf"#{fid}$"))
        page.go_back()
    page.evaluate("() => window.scrollTo(0, 0)")
    shot(page, "story.png")


def test_report_opens_offline_with_chart(
    seeded_db: Path, briefing: Callable[[Path], Path], offline_page: Any
) -> None:
    page = offline_page
    page.goto(briefing(seeded_db).as_uri())
    chart = page.locator("svg.chart").first
    expect(chart).to_be_visible()
    assert page.locator("svg.chart a.point").count() >= 2
    # The seeds' briefing is small: every story and its figures and claims are open.
    assert page.locator("details.story:not([open])").count() == 0
    expect(page.locator("ol.days.full").first).to_be_visible()
    # The picture: the first story's lead and its first chart.
    page.locator("details.story").first.evaluate("e => e.scrollIntoView()")
    shot(page, "report.png")
    assert page.blocked == []
