"""Outlet families: the one rule cleaning, the corpus stage and the views share."""

from __future__ import annotations

import pytest

from storyline.outlets import family, family_key, outlet_family, site
from storyline.views.copies import family as views_family


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


def test_the_views_count_families_as_the_corpus_stage_does() -> None:
    # The Independent's Ukraine feed and its main feed are one newsroom on one domain,
    # whatever the feed names say; the briefing and the claim's page must agree.
    induk = {"id": "a1", "url": "https://www.independent.co.uk/news/x", "outlet": "induk-ukrain"}
    ind = {"id": "a2", "url": "https://www.independent.co.uk/news/y", "outlet": "independent"}
    assert views_family(induk) == views_family(ind) == family(induk["url"], induk["outlet"])
    assert views_family({"id": "a3", "url": None, "outlet": None}) == "#a3"
