"""The briefing: self-contained HTML with SVG charts, a Markdown variant, provenance, escaping."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.report import render_html, render_markdown
from storyline.run import ingest
from storyline.store import Store
from storyline.views.chart import qualifier_kind, value_chart
from storyline.views.text import sentence
from test_web import TEXT_A, TEXT_B, build_store

runner = CliRunner()
# Anything the page would load from elsewhere (links to articles' own pages are fine).
EXTERNAL = re.compile(r"""(?:src|action)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(""", re.I)


def test_html_briefing_is_self_contained_with_chart_and_sources(tmp_path: Path) -> None:
    with build_store(tmp_path / "r.db") as store:
        html = render_html(store)
    assert not EXTERNAL.search(html) and "<script" not in html.lower()
    # The one <link> is the icon, inline.
    assert re.findall(r"<link[^>]*>", html) == [
        re.search(r'<link rel="icon" href="data:[^"]+">', html)[0]
    ]  # type: ignore[index]
    assert "<style>" in html
    # One chart for the one disagreement, one mark per claimed figure.
    assert html.count("<svg") == 1 and html.count('class="point"') == 2
    # The dispute in words, not the rule's arithmetic.
    assert 'class="tag contradiction"' in html and "ratio 16" not in html
    assert "from 43,000 (Volodymyr Zelenskyy, 1 Dec 2024) to 700,000 (Donald Trump" in html
    # One series per claimant, named canonically whatever each article's spelling.
    legend = re.findall(r'class="key"><i[^>]*></i>([^<]+)<', html)
    assert legend == ["Donald Trump", "Volodymyr Zelenskyy"]
    # Chart marks point at the figure rows in the briefing, which name their source.
    for fid in ("fgA1", "fgB1"):
        assert f'href="#sUkr-{fid}"' in html and f'id="sUkr-{fid}"' in html
    assert 'id="art-aA"' in html and 'href="#art-aB"' in html
    assert "UNN" in html and "The Guardian" in html
    # The exact sentence, with the span marked.
    assert "Zelenskyy said on Sunday that <mark>43,000</mark> Ukrainian soldiers" in html
    # Who said what, with medium and date.
    assert "Truth Social" in html and "4 Feb 2025" in html
    # The lead: what happened, what is disputed, who speaks.
    lead = html.split('<div class="lead">')[1].split("</div>")[0]
    assert "2 articles from 2 independent sources, 6 Dec 2024 to 5 Feb 2025" in lead
    assert "Ukrainian soldiers killed</a>: 43k (Volodymyr Zelenskyy) to 700k (Donald Trump)" in lead
    assert "Donald Trump" in lead and "Volodymyr Zelenskyy" in lead
    # Deterministic: same store, same bytes.
    with Store(tmp_path / "r.db") as store:
        assert render_html(store) == html


def test_timeline_is_in_date_order_with_provenance(tmp_path: Path) -> None:
    with build_store(tmp_path / "r.db") as store:
        md = render_markdown(store)
    timeline = md.split("### Timeline")[1].split("### Who said what")[0]
    dates = re.findall(r"^- \*\*(\S+)\*\*", timeline, re.M)
    assert dates == sorted(dates) and dates[0] == "2024-12-01"
    items = timeline.count("\n- **")
    assert timeline.count("Source: ") == items  # nothing without provenance
    assert "| Donald Trump | 700,000 | Ukrainian soldiers killed | 2025-02-04 | UNN |" in md
    assert "**43,000**" in md


def test_markdown_and_html_via_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    build_store(db).close()
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Ukraine losses and a ceasefire")
    html = tmp_path / "brief.html"
    one = runner.invoke(app, ["report", "--db", str(db), "-o", str(html), "--story", "sUkr"])
    assert one.exit_code == 0 and "<svg" in html.read_text()
    missing = runner.invoke(app, ["report", "--db", str(db), "--story", "sNope", "-o", str(html)])
    assert missing.exit_code == 2 and "no story 'sNope'" in missing.output
    nodb = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db")])
    assert nodb.exit_code == 2


def test_without_stories_the_briefing_says_how_it_grouped(tmp_path: Path) -> None:
    with build_store(tmp_path / "n.db", stories=False) as store:
        html = render_html(store)
        md = render_markdown(store)
    assert "No stories have been computed" in html and "No stories have been computed" in md
    assert "700,000 Ukrainian soldiers had been killed" in html
    assert html.count('id="art-') == 2


def test_sentence_around_a_span_keeps_abbreviations() -> None:
    start = TEXT_A.index("We want")
    s = sentence(TEXT_A, start, start + 7)
    assert s["before"] == 'Mr. Trump wrote on Truth Social: "' and s["span"] == "We want"
    start = TEXT_B.index("300-350,000")
    s = sentence(TEXT_B, start, start + 11)
    assert s["before"].startswith("Zelenskyy said on Sunday") and s["after"] == " wounded."


def test_chart_draws_qualifiers_and_ranges_as_such() -> None:
    assert qualifier_kind("more than") == "lower" and qualifier_kind("up to") == "upper"
    assert qualifier_kind("about") == "approx" and qualifier_kind(None) == "exact"
    art = {"label": "X"}
    points = [
        {"id": "f1", "who": "A", "date": "2025-01-01", "low": 5000.0, "high": 5000.0,
         "qualifier": "more than", "article": art},
        {"id": "f2", "who": "B", "date": "2025-02-01", "low": 300000.0, "high": 350000.0,
         "qualifier": None, "article": art},
        {"id": "f3", "who": "B", "date": None, "low": 43000.0, "high": 43000.0,
         "qualifier": "about", "article": art},
    ]  # fmt: skip
    svg = str(value_chart(points, link=lambda p: f"#{p['id']}"))
    assert svg.count('class="point"') == 3
    assert "log scale" in svg  # 5,000 to 350,000 spans two orders of magnitude
    assert "<path" in svg  # the arrow head of "more than"
    assert 'fill="#fff"' in svg  # the hollow ring of "about"
    assert "300k–350k" in svg and "undated" in svg
    assert svg.count("<polyline") == 0  # B has only one dated claim
    # Two claims by one claimant on one day (seen in news-dumpster): a line, no crash.
    same_day = {**points[1], "id": "f4", "low": 320000.0, "high": 320000.0}
    svg = str(value_chart([*points, same_day], link=lambda p: f"#{p['id']}"))
    assert svg.count('class="point"') == 4 and svg.count("<polyline") == 1
    # Date labels never overlap: two claims a day apart get one label.
    next_day = {**points[0], "id": "f5", "date": "2025-01-02"}
    svg = str(value_chart([*points, next_day], link=lambda p: f"#{p['id']}"))
    ticks = re.findall(r'text-anchor="middle">(\d+ \w+ \d{4})</text>', svg)
    assert ticks == ["1 Jan 2025", "1 Feb 2025"]


def test_hostile_article_is_escaped_in_the_briefing(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "evil.txt"
    src.write_text(
        'Ceasefire talks stall <script>alert("title")</script>\n\n'
        'Officials said on Monday that "<img src=x onerror=alert(1)>" was posted, and that '
        "5,000 soldiers were killed, the minister told reporters.\n",
        encoding="utf-8",
    )
    db = tmp_path / "evil.db"
    with Store(db) as store:
        assert len(ingest([src], store, nlp=nlp).added) == 1
        assert "onerror=alert(1)" in next(store.articles()).text
        html = render_html(store)
        md = render_markdown(store)
    assert "<script" not in html.lower() and not re.search(r"<img[^>]*onerror", html, re.I)
    assert "&lt;script&gt;alert(" in html and "onerror=alert(1)" in html
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert "&lt;img src=x onerror=alert(1)>" in md


def test_reported_speech_and_stances_read_with_their_cue(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    build_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE statements SET kind = 'stance', cue = 'called for' WHERE id = 'stA1'")
    with Store(db) as store:
        md, html = render_markdown(store), render_html(store)
    timeline = md.split("### Timeline")[1].split("### Who said what")[0]
    assert "Donald Trump called for: 700,000 Ukrainian soldiers had been killed" in timeline
    assert "Donald Trump (Truth Social): “We want the war to stop" in timeline
    assert html.count('class="tag stance"') == 1  # in the claims
    # The lead quotes words said, never a stance, as the voice's telling line.
    lead = html.split('<div class="lead">')[1].split("</div>")[0]
    assert "<q>We want the war to stop, and a ceasefire now.</q>" in lead


def test_a_figure_in_two_quantities_keeps_each_charts_colours(tmp_path: Path) -> None:
    """Zelenskyy's 43,000 is in a contradiction ("Ukrainian soldiers killed") and in his own
    revision ("military personnel killed"): in each chart his colour is the legend's."""
    from storyline.schema import Disagreement

    with build_store(tmp_path / "r.db") as store:
        store.replace_disagreements(
            [
                *[Disagreement(**d) for d in store.records("disagreements")],
                Disagreement("dRev", "update", "killed: military personnel",
                             ["fgA2", "fgB1"], "Zelenskyy: 43,000 -> 45,100"),
            ]
        )  # fmt: skip
        html = render_html(store)
    quantities = html.split('<div class="quantity"')[1:]
    assert len(quantities) == 2
    for q in quantities:
        keys = re.findall(r'<i style="background:(#\w+)"></i>([^<]+)<', q)
        legend = {name: colour for colour, name in keys}
        assert len(set(legend.values())) == len(keys)  # one colour per series
        rows = re.findall(
            r'<i class="swatch" style="background:(#\w+)"></i><b class="who">([^<]+)</b>', q
        )
        assert rows and all(legend[name] == colour for colour, name in rows), (legend, rows)


def test_according_to_is_not_shown_after_the_speaker() -> None:
    from storyline.report.markdown import _claims
    from storyline.views.claims import shown_cue

    item = {
        "text": "there are 700,000 dead soldiers",
        "direct": False,
        "medium": None,
        "cue": shown_cue("According to"),
        "date": "2025-02-05",
        "who": "Donald Trump",
        "article": {"label": "UNN", "id": "a1"},
    }
    said = {**item, "cue": shown_cue("said"), "who": "Volodymyr Zelenskyy"}
    lines = _claims({"claims": [item, said], "full": False})
    assert lines[2].startswith("- **2025-02-05** Donald Trump: there are 700,000")
    assert lines[3].startswith("- **2025-02-05** Volodymyr Zelenskyy said: there are")
