"""URL canonicalisation, source reading and input sorting: pure functions, no network."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from local_site import atom, rss, sitemap, sitemap_index
from storyline import __version__
from storyline.fetch.discover import article_links, read_homepage, read_source, sniff
from storyline.fetch.policy import Politeness, parse_duration
from storyline.fetch.sources import split_inputs
from storyline.fetch.urls import TRACKING_PARAMS, canonical_url, is_http_url

BASE = "https://news.example.com"


@pytest.mark.parametrize("rule", TRACKING_PARAMS, ids=lambda r: r.name)
def test_each_tracking_rule_strips_its_example(rule) -> None:  # type: ignore[no-untyped-def]
    before = {k for k, _ in parse_qsl(urlsplit(rule.example).query)}
    after = {k for k, _ in parse_qsl(urlsplit(canonical_url(rule.example)).query)}
    assert before and not any(rule.pattern.search(k.lower()) for k in after)
    assert urlsplit(canonical_url(rule.example)).path == urlsplit(rule.example).path


def test_one_dw_article_through_two_feeds_is_one_url() -> None:
    # news-dumpster has this article under both feed tags.
    a = "https://www.dw.com/en/ukraine-x/a-71592929?maca=en-rss-en-all-1573-rdf"
    b = "https://www.dw.com/en/ukraine-x/a-71592929?maca=en-rss-en-world-4025-rdf"
    assert canonical_url(a) == canonical_url(b) == "https://www.dw.com/en/ukraine-x/a-71592929"


def test_canonical_url_keeps_what_names_the_page() -> None:
    url = "HTTPS://News.Example.com:443/a//b/../story?b=2&id=7&utm_source=x&cmp=rss#comments"
    assert canonical_url(url) == "https://news.example.com/a/story?b=2&id=7"
    # a WordPress feed names itself with ?feed=: not a tracker
    assert canonical_url(f"{BASE}/?feed=rss2") == f"{BASE}/?feed=rss2"
    with pytest.raises(ValueError):
        canonical_url("ftp://example.com/a")
    assert is_http_url("http://127.0.0.1:8000/x") and not is_http_url("news/a.html")


def test_parse_duration() -> None:
    assert [parse_duration(t) for t in ("15m", "90s", "1h30m", "0.5", "2d")] == [
        900.0,
        90.0,
        5400.0,
        0.5,
        172800.0,
    ]
    for bad in ("", "soon", "15x", "m"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_user_agent_names_storyline_its_version_and_the_contact() -> None:
    agent = Politeness(contact="desk@example.org").user_agent()
    assert agent.startswith(f"storyline/{__version__} (") and "desk@example.org" in agent


def test_feeds_give_canonical_article_links_only() -> None:
    items = [
        (f"{BASE}/world/one?utm_source=rss&maca=x", "One"),
        (f"{BASE}/world/two", "Two"),
        (f"{BASE}/world/one?utm_medium=feed", "One again"),
        (f"{BASE}/podcast/episode.mp3", "Audio"),
    ]
    for feed in (rss(items, f"{BASE}/"), atom(items, f"{BASE}/")):
        found = read_source(feed.encode(), f"{BASE}/feed.xml")
        assert found.kind == "feed" and found.error is None
        # the front page (the channel's link) and the audio file are not articles
        assert found.pages == [f"{BASE}/world/one", f"{BASE}/world/two"]


def test_sitemaps_by_their_root_element() -> None:
    urls = [f"{BASE}/a", f"{BASE}/b?utm_campaign=x"]
    for news in (False, True):
        found = read_source(sitemap(urls, news=news).encode(), f"{BASE}/whatever")
        assert (found.kind, found.pages, found.sources) == (
            "sitemap",
            [f"{BASE}/a", f"{BASE}/b"],
            [],
        )
    # an index is an index whatever its children's URLs look like
    index = read_source(sitemap_index([f"{BASE}/sm?page=1", "/sm?page=2"]).encode(), f"{BASE}/s")
    assert (index.kind, index.pages) == ("sitemap", [])
    assert index.sources == [f"{BASE}/sm?page=1", f"{BASE}/sm?page=2"]


def test_invalid_feeds_and_sources_say_why() -> None:
    assert read_source(b"<?xml version='1.0'?><rss><channel>", f"{BASE}/f").error
    assert read_source(b"%PDF-1.4 binary", f"{BASE}/f").error
    broken = read_source(b"<rss version='2.0'><channel><title>x</title>", f"{BASE}/f")
    assert broken.error and "feed" in broken.error
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"


def test_homepage_feeds_are_found_and_an_article_page_is_a_page() -> None:
    home = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        b"</head><body>News</body></html>"
    )
    assert read_source(home, f"{BASE}/").sources == [f"{BASE}/feed.xml"]
    assert read_source(home, f"{BASE}/world/story").kind == "page"
    assert read_homepage(b"<html><body>no feed</body></html>", f"{BASE}/").error


def test_article_links_resolve_relative_links_and_drop_media() -> None:
    links = ["/a", "b", "mailto:x@y", "/c.jpg", f"{BASE}/a#top"]
    assert article_links(links, f"{BASE}/dir/feed", "") == [f"{BASE}/a", f"{BASE}/dir/b"]


def test_inputs_split_into_files_urls_and_url_lists(tmp_path: Path) -> None:
    listing = tmp_path / "follow.txt"
    listing.write_text(f"# my sources\n{BASE}/feed.xml\n\n{BASE}/sitemap.xml\n")
    article = tmp_path / "article.txt"
    article.write_text("Kyiv, 5 February. Officials said on Tuesday that https://x.y was down.\n")
    split = split_inputs([str(listing), str(article), f"{BASE}/world/a", "folder"])
    assert split.urls == [f"{BASE}/feed.xml", f"{BASE}/sitemap.xml", f"{BASE}/world/a"]
    assert split.paths == [str(article), "folder"] and not split.skipped


def test_an_empty_channel_link_does_not_hide_the_first_item() -> None:
    feed = rss([(f"{BASE}/world/one", "One"), (f"{BASE}/world/two", "Two")], home="")
    assert read_source(feed.encode(), f"{BASE}/feed.xml").pages == [
        f"{BASE}/world/one",
        f"{BASE}/world/two",
    ]


def test_pages_are_fetched_one_site_at_a_time_in_turn() -> None:
    from storyline.fetch.crawl import by_turns

    a, b, c = "https://a.example/", "https://b.example/", "https://c.example:8080/"
    urls = [a + "1", a + "2", a + "3", b + "1", c + "1", b + "2"]
    assert by_turns(urls) == [a + "1", b + "1", c + "1", a + "2", b + "2", a + "3"]
