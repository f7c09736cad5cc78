"""The view layer's rules, one by one: search syntax, copies and independence, sides,
the chart's series, labels and time axis, the ranking, reasons in words."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import pytest

from storyline.views.chart import MAX_SERIES, assign_series, value_chart
from storyline.views.chart_frame import FONT, HEIGHT, WIDTH, outliers, parse_date
from storyline.views.copies import Copies, collapse, family
from storyline.views.disputed import headline, reasons, topic_words
from storyline.views.lineage import lineage_line
from storyline.views.search import QueryError, fts_query, snippet_html
from storyline.views.sides import NOBODY, SIDES, side_of, who_key
from storyline.views.text import UNKNOWN_OUTLET, human_date, source_label

# -- search ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("ceasefire Kyiv", '"ceasefire" "Kyiv"'),
        ('"prisoner swap"', '"prisoner swap"'),
        ("ceasefire -Gaza", '"ceasefire" NOT "Gaza"'),
        ("ceasefire NOT Gaza", '"ceasefire" NOT "Gaza"'),
        ("sanction*", '"sanction"*'),
        ("Kyiv OR Kiev", '"Kyiv" OR "Kiev"'),
        ("(Kyiv OR Kiev) drone", '( "Kyiv" OR "Kiev" ) "drone"'),
        # Punctuation in words is not syntax; an unclosed quote runs to the end.
        ("U.S. Zelensky's", '"U.S" "Zelensky\'s"'),
        ('"prisoner swap', '"prisoner swap"'),
        ('say "hi', '"say" "hi"'),
    ],
)
def test_search_syntax_reads_as_fts5(typed: str, fts: str) -> None:
    assert fts_query(typed) == fts


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("NOT Gaza", "NOT needs words on both sides"),
        ("-Gaza", "NOT needs words on both sides"),
        ("Kyiv OR", "OR needs words after it"),
        ("Kyiv AND OR Kiev", "OR needs words on both sides"),
        ("(Kyiv", "is not closed"),
        ("Kyiv)", "has no opening one"),
        ("NEAR(", "is not closed"),
        ("*", "at least one word"),
        ('""', "at least one word"),
    ],
)
def test_a_broken_search_is_explained(typed: str, says: str) -> None:
    with pytest.raises(QueryError, match=re.escape(says)):
        fts_query(typed)


def test_snippets_are_escaped_html_with_marks_only() -> None:
    html = str(snippet_html("a <b>x</b> \x02ceasefire\x03 now\x01\x07"))
    assert html == "a &lt;b&gt;x&lt;/b&gt; <mark>ceasefire</mark> now"


# -- copies and independence --------------------------------------------------------


def _art(
    aid: str, outlet: str | None, published: str = "2025-05-24", copy: str | None = None
) -> dict[str, Any]:
    return {
        "id": aid,
        "outlet": outlet,
        "url": None,
        "source": f"{aid}.txt",
        "published": published,
        "duplicate_of": copy,
        "label": outlet or UNKNOWN_OUTLET,
    }


def test_desks_of_one_newsroom_and_copies_count_once() -> None:
    arts = {
        a["id"]: a
        for a in (
            _art("a1", "dw"),
            _art("a2", "dw-eu", copy="a1"),
            _art("a3", "dw-world"),
            _art("a4", "tass"),
            _art("a5", "tasnim-news", copy="a4"),  # syndication: a copy from another outlet
            _art("a6", None),
            _art("a7", None),
        )
    }
    copies = Copies(arts)
    assert family(arts["a1"]) == family(arts["a3"]) == "dw"
    assert copies.original("a5") == "a4" and copies.family_of("a5") == "tass"
    # dw (3 desks), tass (+ its copy in tasnim), and two articles of unknown outlets.
    assert copies.independent(list(arts)) == 4
    grouped = copies.grouped(list(arts))
    assert [g["id"] for g in grouped] == ["a1", "a3", "a4", "a6", "a7"]
    assert [c["id"] for c in grouped[0]["copies"]] == ["a2"]


def test_one_quote_in_several_articles_is_one_claim() -> None:
    arts = {
        a["id"]: a
        for a in (
            _art("a1", "dw", "2025-05-25"),
            _art("a2", "dw-eu", "2025-05-24"),
            _art("a3", "bbc", "2025-05-26"),
        )
    }
    said = "Russia is dragging out this war."
    items = [
        {"who": "Zelensky", "text": said, "article": arts["a1"], "date": None},
        {
            "who": "Zelensky",
            "text": "Russia is dragging out this war!",
            "article": arts["a2"],
            "date": None,
        },
        {"who": "Zelensky", "text": said, "article": arts["a3"], "date": None},
        {"who": "Putin", "text": said, "article": arts["a3"], "date": None},
    ]
    out = collapse(
        items, lambda i: (i["who"], re.sub(r"\W+", " ", i["text"]).strip()), Copies(arts)
    )
    assert len(out) == 2
    first = out[0]
    assert first["article"]["id"] == "a2"  # first reported by the earliest
    assert [a["id"] for a in first["also"]] == ["a1", "a3"]
    assert first["independent"] == 2 and first["outlets"] == ["bbc", "dw", "dw-eu"]
    assert first["repeats"] == 2


def test_the_lineage_line_counts_independent_sources_apart_from_the_repeats() -> None:
    """The claim page of the 409 articles said "repeated by 1 other outlet, 2 independent":
    the count includes the first appearance, so it cannot read as a share of the repeats."""
    claim = {
        "outlets": ["cbc-top", "induk-ukrain"],
        "article_ids": ["a1", "a2"],
        "first_published": "2025-05-26",
        "first_certainty": "exact",
        "independent_sources": 2,
    }
    assert lineage_line(claim) == (
        "first reported by cbc-top on 26 May 2025; repeated by 1 other outlet; "
        "2 independent sources in all"
    )
    one = {**claim, "outlets": ["dw"], "independent_sources": 1}
    assert lineage_line(one).endswith("; repeated in 1 other article; 1 independent source in all")


def test_files_name_no_outlet() -> None:
    assert (
        source_label({"outlet": None, "url": None, "source": "../seeds/001_55.txt"})
        == UNKNOWN_OUTLET
    )
    assert source_label({"outlet": None, "url": "https://www.dw.com/x", "source": "x"}) == "dw.com"


def test_dates_read_as_people_write_them() -> None:
    assert human_date("2025-05-26") == "26 May 2025"
    assert human_date("2025-05") == "May 2025" and human_date("2025") == "2025"
    assert human_date(None) == "undated"


# -- sides and series -------------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES, ids=lambda s: s.name)
def test_every_side_rule_matches_its_example(side: Any) -> None:
    assert side_of(side.example) == side.name


def test_pronouns_and_nothing_are_nobody() -> None:
    assert who_key("it") == who_key("unattributed") == who_key(None) == NOBODY
    assert who_key("Ihor Klymenko") == "Ihor Klymenko"


def _point(n: int, who: str, value: float, date: str | None = "2025-05-24") -> dict[str, Any]:
    return {
        "id": f"f{n}",
        "who": who,
        "date": date,
        "low": value,
        "high": value,
        "qualifier": None,
        "per": None,
        "article": {"label": "X"},
    }


def test_a_crowded_chart_merges_sides_and_keeps_at_most_eight_series() -> None:
    ukraine = ["Ukrainian officials", "Ihor Klymenko", "Ukraine's security service", "Kyiv mayor"]
    russia = ["Russia's Defense Ministry", "Dmitry Peskov", "the Kremlin"]
    others = [f"local official {n}" for n in range(8)]
    points = [_point(n, who, 10 + n) for n, who in enumerate(ukraine + russia + others + ["it"])]
    series = assign_series(points)
    assert len(series) == MAX_SERIES
    labels = {s.label for s in series}
    assert "Ukraine (4 sources)" in labels and "Russia (3 sources)" in labels
    # The rest stay in the table, out of the chart; nothing is drawn without a series.
    hidden = [p for p in points if p["series"] is None]
    assert hidden and all(p["who"].startswith("local official") for p in hidden)
    svg = str(value_chart(points, link=lambda p: "#"))
    assert svg.count('class="point"') == len(points) - len(hidden)
    assert svg.count('class="key"') == MAX_SERIES


def test_few_claimants_keep_their_own_series() -> None:
    points = [_point(1, "Ukrainian officials", 10), _point(2, "Ihor Klymenko", 20)]
    assert [s.label for s in assign_series(points)] == ["Ihor Klymenko", "Ukrainian officials"]


def _label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    boxes = []
    for x, y, anchor, text in re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)" font-size="\d+" fill="#\w+" '
        r'font-weight="600">([^<]+)</text>',
        svg,
    ):
        width = len(text) * FONT * 0.6
        left = {"start": float(x), "end": float(x) - width, "middle": float(x) - width / 2}[anchor]
        boxes.append((left, float(y) - FONT, left + width, float(y)))
    return boxes


def test_value_labels_never_overlap_and_stay_in_the_chart() -> None:
    # 30 claims within a week, many on the same days and values close together (the
    # "killed: people" chart of news-dumpster that printed "3.5k/3.8k" on itself).
    points = [
        _point(n, f"claimant {n % 6}", 3000 + 97 * n, f"2025-05-{20 + n % 7:02d}")
        for n in range(30)
    ]
    svg = str(value_chart(points, link=lambda p: "#"))
    boxes = _label_boxes(svg)
    assert len(boxes) >= 6  # some values are labelled ...
    for a, b in combinations(boxes, 2):  # ... and no two labels touch
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert all(
        box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT for box in boxes
    )
    # Every claim is still drawn and has its tooltip.
    assert svg.count('class="point"') == 30 and svg.count("<title>") == 31


def test_the_time_axis_zooms_to_the_claims_and_marks_outliers() -> None:
    dates = [f"2025-05-{d:02d}" for d in range(20, 27)] * 3 + ["2023-10-07"]
    window = outliers([d for d in map(parse_date, dates) if d])
    assert window is not None and str(window[0]) == "2025-05-20" and str(window[1]) == "2025-05-26"
    points = [_point(n, f"c{n % 3}", 100 + n, d) for n, d in enumerate(dates)]
    svg = str(value_chart(points, link=lambda p: "#"))
    assert "off scale" in svg and ">2023<" in svg
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    main, outlier = xs[:-1], xs[-1]
    assert outlier < min(main)  # at the left edge ...
    assert max(main) - min(main) > WIDTH * 0.6  # ... while the week spreads over the plot


@pytest.mark.parametrize(
    "dates",
    [
        ["2024-12-01", "2024-12-06", "2025-02-04", "2025-02-05"],  # the seeds: two months
        ["2024-02-10", "2024-12-06", "2025-02-05"],  # one claimant's revisions over a year
        ["2023-10-07", "2025-05-26"],  # two claims: nothing to call an outlier
    ],
)
def test_spread_out_claims_are_not_outliers(dates: list[str]) -> None:
    parsed = [d for d in map(parse_date, dates) if d]
    assert outliers(parsed) == (min(parsed), max(parsed))


# -- reasons in words -----------------------------------------------------------------------


def _said(who: str, value: float, date: str, outlets: tuple[str, ...] = ("x",)) -> dict[str, Any]:
    articles = [_art(f"a-{who}-{value}-{o}", o) for o in outlets]
    return {
        **_point(0, who, value, date),
        "value": f"{value:,.0f}",
        "article": articles[0],
        "also": articles[1:],
    }


def test_disputes_read_as_sentences() -> None:
    points = [
        _said("Volodymyr Zelenskyy", 43000, "2024-12-06"),
        _said("Volodymyr Zelenskyy", 45100, "2025-02-05"),
        _said("Volodymyr Zelenskyy", 45100, "2025-02-06"),  # said again: revises nothing
        _said("Donald Trump", 700000, "2025-02-04", ("UNN", "The Guardian", "dw", "dw-eu")),
    ]
    articles = {a["id"]: a for p in points for a in (p["article"], *p["also"])}
    words = reasons(points, ["contradiction", "update", "corroboration"], Copies(articles))
    assert words == [
        "Claims run from 43,000 (Volodymyr Zelenskyy, 6 Dec 2024) to 700,000 (Donald Trump, "
        "4 Feb 2025): 16 times as many.",
        "Volodymyr Zelenskyy revised the figure: 43,000 (6 Dec 2024) → 45,100 (5 Feb 2025).",
        # One outlet's two articles are one source: no agreement to report for 45,100.
        "700,000 is given by 4 articles from 3 independent sources (The Guardian, UNN, dw, dw-eu).",
    ]
    assert not any(re.search(r"ratio|>=|\bfg\w+|\bd[0-9a-f]{8}", w) for w in words)
    assert headline(points, ["update"]) == "Volodymyr Zelenskyy: 43k → 45.1k"
    assert headline(points, ["contradiction"]) == (
        "43k (Volodymyr Zelenskyy) to 700k (Donald Trump)"
    )
    assert topic_words("killed: Ukrainian soldiers") == "Ukrainian soldiers killed"


def test_a_corroboration_counts_sources_as_the_corpus_stage_does() -> None:
    # One AP text in two outlets quotes the emergency service: one source, not two. The
    # page says what the corpus stage says, not a count of outlets.
    points = [
        _said("emergency service", 3, "2025-05-25", ("cbc-world", "induk-ukrain")),
        _said("Ihor Klymenko", 3, "2025-05-26", ("egyptian-independant",)),
    ]
    articles = {a["id"]: a for p in points for a in (p["article"], *p["also"])}
    said = "2 independent sources give three: emergency service; Ihor Klymenko"
    assert reasons(points, ["corroboration"], Copies(articles), [said]) == [said]
    counted = reasons(points, ["corroboration"], Copies(articles))
    assert counted == [
        "3 is given by 3 articles from 3 independent sources "
        "(cbc-world, egyptian-independant, induk-ukrain)."
    ]


# -- ranking -----------------------------------------------------------------------------


def test_independent_outlets_outrank_one_outlets_volume() -> None:
    from storyline.views.catalogue import Catalogue
    from storyline.views.rank import story_rank

    one_outlet = [_art(f"t{n}", "tass", "2025-05-26") for n in range(6)]
    many = [
        _art("d1", "dw", "2025-05-25"),
        _art("d2", "dw-eu", "2025-05-25", copy="d1"),
        _art("b1", "bbc-world", "2025-05-26"),
        _art("n1", "nyt-world", "2025-05-26"),
    ]
    arts = {a["id"]: a for a in one_outlet + many}
    cat = Catalogue(
        arts, Copies(arts), {"eZ": "Volodymyr Zelensky"}, [], {}, {}, {"B": {"eZ": 3}}, "2025-05-26"
    )
    tass = story_rank("A", [a["id"] for a in one_outlet], cat, set(), set())
    wide = story_rank("B", [a["id"] for a in many], cat, {"killed: people"}, {"eZ"})
    assert wide["score"] > tass["score"]
    assert wide["independent"] == 3 and wide["originals"] == 3 and tass["independent"] == 1
    assert wide["why"] == (
        "3 independent outlets · 1 copy not counted · latest 26 May 2025 · "
        "1 disputed quantity · voices: Volodymyr Zelensky"
    )


def test_a_quantitys_headline_keeps_each_ends_qualifier() -> None:
    from storyline.views.disputed import headline

    low = {"qualifier": "at least", "who": "Ukrainian officials", "low": 9.0, "high": 9.0}
    high = {"qualifier": "at least", "who": "Ihor Klymenko", "low": 12.0, "high": 12.0}
    line = headline([low, high], ["contradiction"])
    assert line == "at least 9 (Ukrainian officials) to at least 12 (Ihor Klymenko)"
