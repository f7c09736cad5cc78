"""Publication dates from URLs and datelines, and which source wins."""

from __future__ import annotations

import pytest

from storyline.clean import build_article
from storyline.clean.dates import dateline_date, dateline_end, url_date, url_month
from storyline.schema import RawDocument


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.nytimes.com/2018/04/17/world/asia/kim-jong-un.html", "2018-04-17"),
        ("http://www.foxnews.com/politics/2018/04/20/comey-memos.html", "2018-04-20"),
        ("https://mainichi.jp/english/articles/20250521/p2a/00m/0na/012000c", "2025-05-21"),
        ("https://example.com/news/ukraine_2025-05-26_talks", "2025-05-26"),
        ("https://www.zeit.de/news/2025-05/21/alba-berlin-steht-vor-dem-aus", "2025-05-21"),
        (
            "https://www.lemonde.fr/en/pixels/article/2025/05/21/ransomware_6741507_13.html",
            "2025-05-21",
        ),
        # A story number that starts like a date is not one.
        ("https://allafrica.com/stories/202505210437.html", None),
        ("https://www.bbc.com/news/articles/c4g9d2yp8kxo", None),
        # Not a valid day.
        ("https://example.com/2025/02/30/x", None),
        (None, None),
    ],
)
def test_url_dates(url: str | None, date: str | None) -> None:
    assert url_date(url) == date


def test_url_month() -> None:
    assert url_month("https://example.com/2025/05/some-story") == (2025, 5)
    assert url_month("https://example.com/news/some-story") is None


@pytest.mark.parametrize(
    ("text", "dateline", "date"),
    [
        ("MOSCOW, May 26. /TASS/. Russia said", "MOSCOW, May 26. /TASS/. ", None),
        ("TEHRAN, May 21 (MNA) – Iran said", "TEHRAN, May 21 (MNA) – ", None),
        (
            "WASHINGTON, May 21, 2025 (Reuters) - The",
            "WASHINGTON, May 21, 2025 (Reuters) - ",
            "2025-05-21",
        ),
        (
            "May 26, 2025 (Mainichi Japan) TOKYO (Kyodo) -- Japan",
            "May 26, 2025 (Mainichi Japan) ",
            "2025-05-26",
        ),
        ("TOKYO (Kyodo) -- Japan's government", "TOKYO (Kyodo) -- ", None),
        ("Nairobi — Mount Kenya University", "Nairobi — ", None),
        ("President Donald Trump said on Monday", "", None),
        ("The Israel Defense Forces (IDF) said", "", None),
        ("Wednesday, May 21, 2025 11:05 pm (Paris) Headlines", "", None),
    ],
)
def test_datelines(text: str, dateline: str, date: str | None) -> None:
    assert text[: dateline_end(text)] == dateline
    assert dateline_date(text) == date


def test_a_dateline_without_a_year_takes_it_from_a_url_with_the_same_month() -> None:
    text = "MOSCOW, May 26. /TASS/. Russia said"
    assert dateline_date(text, "https://tass.com/2025/05/politics/1") == "2025-05-26"
    assert dateline_date(text, "https://tass.com/2025/04/politics/1") is None


def _record(text: str, **meta: str) -> RawDocument:
    return RawDocument(source="r.jsonl:1", key="k", text=text, meta=meta, fmt="jsonl")


BODY = " ".join(["The talks went on for a third day with no agreement in sight."] * 4)


def test_an_undated_record_is_dated_from_its_url() -> None:
    a = build_article(_record(BODY, url="https://www.nytimes.com/2018/04/17/world/x.html"))
    assert (a.published, a.published_basis) == ("2018-04-17", "url")


def test_a_url_with_year_and_month_gives_the_month() -> None:
    a = build_article(_record(BODY, url="https://example.com/2025/05/talks"))
    assert (a.published, a.published_basis) == ("2025-05", "url")


def test_the_dateline_wins_over_the_url_and_metadata_wins_over_both() -> None:
    text = f"WASHINGTON, May 21, 2025 (Reuters) - {BODY}"
    url = "https://example.com/2025/05/20/talks"
    a = build_article(_record(text, url=url))
    assert (a.published, a.published_basis) == ("2025-05-21", "dateline")
    a = build_article(_record(text, url=url, published="2025-05-19T10:00:00Z"))
    assert (a.published, a.published_basis) == ("2025-05-19", "metadata")


def test_no_date_is_invented() -> None:
    a = build_article(_record(BODY, url="https://www.bbc.com/news/articles/c4g9d2yp8kxo"))
    assert (a.published, a.published_basis) == (None, None)
