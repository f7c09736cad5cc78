"""Outlet families: the one rule cleaning, the corpus stage and the views share."""

from __future__ import annotations

import pytest

from storyline.outlets import family, family_key, named_family, outlet_family, site


def test_site_is_the_registered_domain() -> None:
    assert site("https://www.dw.com/en/x/a-1", "dw-eu") == "dw.com"
    assert site("https://amp.dw.com/en/x/a-2", "dw-world") == "dw.com"
    assert site("https://www.bbc.co.uk/news/x", "bbc") != site("https://www.bbc.com/news/y", "bbc")
    assert site(None, "tass") == "tass"
    assert site(None, "") is None


def test_families() -> None:
    dw = "https://www.dw.com/en/merz/a-72625600?maca=en-rss-en-{}"
    assert family(dw.format("all"), "dw") == family(dw.format("eu"), "dw-eu") == "dw"
    assert family("https://www.bbc.co.uk/news/x", "bbc-world") == "bbc"
    assert family("https://www.bbc.com/news/y", "bbc-pol") == "bbc"
    assert family(None, "jpost-break") == family(None, "jpost") == "jpost"
    assert family(None, "The Guardian") == "guardian"
    assert family("/corpus/seeds/000.txt", None) is None
    assert family_key("a1", None, None) == "#a1" != family_key("a2", None, None)


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [("dw-eu", "dw"), ("DW", "dw"), ("jpost-break", "jpost"), ("The Guardian", "guardian"),
     ("www.bbc.co.uk", "bbc"), ("Le Monde", "le"), ("Zeit Online", "zeit"),
     ("tasnim-news", "tasnim"), ("Ávila Hoy", "avila"), ("nyt-world", "nyt"), ("", None),
     ("—", None), ("fox-politics", "fox"), ("cbc-top", "cbc")],
)  # fmt: skip
def test_outlet_family_is_the_names_first_word(outlet: str, expected: str | None) -> None:
    assert outlet_family(outlet) == expected


def test_the_views_family_reads_the_outlet_name_first() -> None:
    # The corpus stage reads the URL's registered domain first, the views the outlet
    # name, then the host's first label: each as its caller has always counted.
    guardian = ("https://www.theguardian.com/world/x", "The Guardian")
    assert (family(*guardian), named_family(*guardian)) == ("theguardian", "guardian")
    assert family("https://news.bbc.co.uk/x", None) == "bbc"
    assert named_family("https://news.bbc.co.uk/x", None) == "news"
    assert named_family("https://www.dw.com/x", None) == "dw"
    assert named_family("/corpus/seeds/000.txt", None) is None
