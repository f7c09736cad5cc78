"""The web UI and JSON API through FastAPI's TestClient: every page and route, errors, escaping.

Most tests use a small store built from records written here (the same shapes
the analysis stages produce, with two outlets disagreeing on Ukrainian losses),
so they do not depend on how far the other stages have got; the hostile-input
test goes through the real ingest.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.run import ingest
from storyline.schema import (
    Article,
    Disagreement,
    Figure,
    Findings,
    Mention,
    Removal,
    Statement,
    Story,
    Timex,
)
from storyline.store import Store
from storyline.views.highlight import Span, highlight
from storyline.web import create_app

TEXT_A = (
    "Trump said on Tuesday that 700,000 Ukrainian soldiers had been killed. "
    "Zelenskyy said about 45,100 military personnel were killed.\n\n"
    'Mr. Trump wrote on Truth Social: "We want the war to stop, and a ceasefire now."'
)
TEXT_B = (
    "Zelenskyy said on Sunday that 43,000 Ukrainian soldiers had been killed and "
    "300-350,000 wounded. A ceasefire without guarantees can be reignited at any moment."
)
SAID_B = "43,000 Ukrainian soldiers had been killed and 300-350,000 wounded"
TRUMP, ZEL = "eTrump0000000000", "eZelensky0000000"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _fig(
    fid: str, aid: str, text: str, surface: str, low: float, high: float, **kw: object
) -> Figure:
    start, end = _span(text, surface)
    base: dict[str, object] = {
        "qualifier": None,
        "unit": None,
        "measure": "killed",
        "subject": "Ukrainian soldiers",
        "per": None,
        "claimant": None,
        "claimant_entity": None,
        "statement_id": None,
        "as_of": None,
    }
    base.update(kw)
    return Figure(fid, aid, surface, low, high, start=start, end=end, **base)  # type: ignore[arg-type]


def build_store(path: Path, stories: bool = True) -> Store:
    """Two articles, statements, figures, dates, entities, one story and one contradiction."""
    store = Store(path)
    a = Article(
        "aA",
        "a.txt",
        "Trump puts losses at 700,000",
        "UNN",
        "2025-02-05",
        "metadata",
        "en",
        TEXT_A,
        removed=["Accept cookies Read More", "Related Posts"],
        content_hash="1",
    )
    b = Article(
        "aB",
        "b.txt",
        "Zelenskyy: 43,000 killed",
        "The Guardian",
        "2024-12-06",
        "metadata",
        "en",
        TEXT_B,
        content_hash="2",
    )
    st_a1 = Statement(
        "stA1",
        "aA",
        "Donald Trump",
        TRUMP,
        "said",
        "700,000 Ukrainian soldiers had been killed",
        False,
        None,
        "2025-02-04",
        *_span(TEXT_A, "700,000 Ukrainian soldiers had been killed"),
    )
    st_a2 = Statement(
        "stA2",
        "aA",
        "Donald Trump",
        TRUMP,
        "wrote",
        "We want the war to stop, and a ceasefire now.",
        True,
        "Truth Social",
        None,
        *_span(TEXT_A, "We want the war to stop, and a ceasefire now."),
    )
    st_b1 = Statement(
        "stB1",
        "aB",
        "Volodymyr Zelenskyy",
        ZEL,
        "said",
        SAID_B,
        False,
        None,
        "2024-12-01",
        *_span(TEXT_B, SAID_B),
    )
    fa = Findings(
        a,
        mentions=[
            Mention("aA", "Trump", "person", *_span(TEXT_A, "Trump"), entity_id=TRUMP),
            Mention("aA", "Zelenskyy", "person", *_span(TEXT_A, "Zelenskyy"), entity_id=ZEL),
            Mention("aA", "Mr. Trump", "person", *_span(TEXT_A, "Mr. Trump"), entity_id=TRUMP),
        ],
        statements=[st_a1, st_a2],
        figures=[
            _fig(
                "fgA1",
                "aA",
                TEXT_A,
                "700,000",
                700000,
                700000,
                claimant="Donald Trump",
                claimant_entity=TRUMP,
                statement_id="stA1",
                as_of="2025-02-04",
            ),
            _fig(
                "fgA2",
                "aA",
                TEXT_A,
                "45,100",
                45100,
                45100,
                qualifier="about",
                claimant="Volodymyr Zelenskyy",
                claimant_entity=ZEL,
                as_of="2025-02-05",
                subject="military personnel",
            ),
        ],
        timexes=[
            Timex("txA1", "aA", "on Tuesday", *_span(TEXT_A, "on Tuesday"), "date", "2025-02-04")
        ],
    )
    fb = Findings(
        b,
        mentions=[Mention("aB", "Zelenskyy", "person", *_span(TEXT_B, "Zelenskyy"), entity_id=ZEL)],
        statements=[st_b1],
        figures=[
            _fig(
                "fgB1",
                "aB",
                TEXT_B,
                "43,000",
                43000,
                43000,
                claimant="Zelensky",  # the article's spelling; the entity is canonical
                claimant_entity=ZEL,
                statement_id="stB1",
                as_of="2024-12-01",
            ),
            _fig(
                "fgB2",
                "aB",
                TEXT_B,
                "300-350,000",
                300000,
                350000,
                measure="wounded",
                claimant="Volodymyr Zelenskyy",
                claimant_entity=ZEL,
                statement_id="stB1",
                as_of="2024-12-01",
            ),
        ],
        timexes=[
            Timex("txB1", "aB", "on Sunday", *_span(TEXT_B, "on Sunday"), "date", "2024-12-01")
        ],
    )
    store.save(fa)
    store.save(fb)
    store.conn.executemany(
        "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, 'person', ?)",
        [
            (TRUMP, "Donald Trump", '["Trump", "Mr. Trump"]'),
            (ZEL, "Volodymyr Zelenskyy", '["Zelenskyy", "Zelensky"]'),
        ],
    )
    if stories:
        store.replace_stories(
            [Story("sUkr", "Ukraine losses and a ceasefire", [], "2024-12-06", "2025-02-05")],
            {"aA": "sUkr", "aB": "sUkr"},
        )
        store.replace_disagreements(
            [
                Disagreement(
                    "dKill",
                    "contradiction",
                    "killed: Ukrainian soldiers",
                    ["fgA1", "fgB1"],
                    "Donald Trump 700,000 vs Volodymyr Zelenskyy 43,000: ratio 16.3",
                )
            ]
        )
    return store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    build_store(path).close()
    return path


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


class _Balance(HTMLParser):
    """Checks that elements nest: every end tag closes the innermost open element."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _balanced(html: str) -> list[str]:
    parser = _Balance()
    parser.feed(html)
    return parser.errors + [f"unclosed {t}" for t in parser.stack]


def test_home_lists_stories_with_counts_and_people(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Ukraine losses and a ceasefire" in r.text
    assert 'href="/stories/sUkr"' in r.text
    assert re.search(r"<b>3</b>\s*statements", r.text)  # in the story card
    assert f'href="/entities/{ZEL}"' in r.text and "Volodymyr Zelenskyy" in r.text
    assert _balanced(r.text) == []


def _found(client: TestClient, q: str) -> list[str]:
    answer = client.get("/api/search", params={"q": q})
    assert answer.status_code == 200, answer.text
    return [i["id"] for i in answer.json()["items"]]


def test_search_finds_words_with_true_totals(client: TestClient) -> None:
    r = client.get("/search", params={"q": "ceasefire"})
    assert r.status_code == 200
    assert r.text.count('<a href="/articles/') == 2
    assert "2 articles match “ceasefire”" in r.text
    assert "<mark>ceasefire</mark>" in r.text
    assert client.get("/search", params={"q": "reignited"}).text.count('href="/articles/aB"') == 1
    # Every word must match, as in a news search box.
    assert _found(client, "ceasefire Trump") == ["aA"]
    # Totals and pages are true: one article per page, two pages.
    first = client.get("/api/search", params={"q": "ceasefire", "limit": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1 and first["offset"] == 0
    second = client.get(first["next"]).json()
    assert second["next"] is None and second["items"][0]["id"] != first["items"][0]["id"]
    # Snippets are HTML with <mark>, never control characters.
    snippet = first["items"][0]["snippet"]
    assert "<mark>" in snippet.lower() and not any(ord(c) < 32 for c in snippet)


def test_search_reads_phrases_not_and_prefixes(client: TestClient) -> None:
    assert set(_found(client, '"soldiers had been killed"')) == {"aA", "aB"}
    # A phrase is the words together: "ceasefire now" is in aA only, though aB has both words.
    assert _found(client, '"ceasefire now"') == ["aA"]
    assert _found(client, "ceasefire -Trump") == ["aB"]
    assert _found(client, "ceasefire NOT Trump") == ["aB"]
    assert _found(client, "reignit*") == ["aB"]
    assert set(_found(client, "reignited OR Truth")) == {"aA", "aB"}
    # Punctuation inside words is not syntax.
    assert _found(client, "300-350,000") == ["aB"]
    assert _found(client, "Mr. Trump") == ["aA"]


def test_a_broken_search_says_what_to_change(client: TestClient) -> None:
    for q, words in (
        ("ceasefire AND (", "bracket"),
        ("-Trump", "NOT needs words on both sides"),
        ("ceasefire OR", "needs words after it"),
        ("*", "at least one word"),
    ):
        page = client.get("/search", params={"q": q})
        assert page.status_code == 422 and words in page.text, (q, page.text[-600:])
        assert 'role="alert"' in page.text and _balanced(page.text) == []
        api = client.get("/api/search", params={"q": q})
        _assert_error(api, 422, "invalid")
        assert words in api.json()["error"]["message"]
    # An unclosed quote is read as a phrase to the end, not an error.
    assert _found(client, '"ceasefire now') == ["aA"]


def test_search_pages_past_the_end_are_bad_parameters(client: TestClient) -> None:
    assert client.get("/search", params={"q": "ceasefire", "page": 2}).status_code == 422
    assert client.get("/search", params={"q": "ceasefire", "page": -1}).status_code == 422
    assert "must be 1 or more" in client.get("/search", params={"q": "x", "page": 0}).text
    _assert_error(client.get("/api/search", params={"q": "ceasefire", "offset": 2}), 422, "invalid")
    # An empty search is an invitation, not a numbered "Nothing found".
    empty = client.get("/search", params={"q": ""})
    assert empty.status_code == 200 and "<ol" not in empty.text.split("<main")[1]
    none = client.get("/search", params={"q": "zebra"})
    assert none.status_code == 200 and "No article matches “zebra”" in none.text
    assert "<li" not in none.text.split("<main")[1]


def test_story_page_has_chart_timeline_and_links_to_spans(client: TestClient) -> None:
    r = client.get("/stories/sUkr")
    assert r.status_code == 200
    html = r.text
    assert html.count("<svg") == 1 and 'class="point"' in html
    # The dispute in words, not "ratio 16.3 >= 2.0".
    assert "contradiction" in html and "ratio" not in html
    assert (
        "Claims run from 43,000 (Volodymyr Zelenskyy, 1 Dec 2024) to 700,000 "
        "(Donald Trump, 4 Feb 2025): 16 times as many." in html
    )
    # Every chart point and figure chip leads to the figure's span in its article.
    assert 'href="/articles/aA#fgA1"' in html and 'href="/articles/aB#fgB1"' in html
    # The breadcrumb names the story.
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert "Ukraine losses and a ceasefire" in crumbs
    # Timeline in date order: Zelenskyy (2024-12-01) before Trump (2025-02-04).
    timeline = html.split('<h2 id="claims">')[1].split('<h2 id="voices">')[0]
    assert timeline.index("<mark>43,000 Ukrainian soldiers had been killed and") < timeline.index(
        "<mark>700,000 Ukrainian soldiers had been killed</mark>"
    )
    assert "Truth Social" in html
    # The section's link counts what the section lists: disputes and agreements both.
    assert "Quantities (1 in dispute, 0 given alike)" in html
    assert _balanced(html) == []


def test_entity_page_gathers_statements_figures_and_aliases(client: TestClient) -> None:
    r = client.get(f"/entities/{ZEL}")
    assert r.status_code == 200
    html = r.text
    assert "Zelensky" in html and "Also written as" in html
    for fid, aid in (("fgA2", "aA"), ("fgB1", "aB"), ("fgB2", "aB")):
        assert f'href="/articles/{aid}#{fid}"' in html
    assert "about 45,100" in html and "300,000–350,000" in html
    assert "UNN" in html and "The Guardian" in html  # across outlets
    assert client.get(f"/entities/{TRUMP}").text.count("Truth Social") >= 1


def test_article_page_marks_every_record_once_and_shows_removed(client: TestClient) -> None:
    r = client.get("/articles/aA")
    assert r.status_code == 200
    html = r.text
    for rid in ("stA1", "stA2", "fgA1", "fgA2", "txA1"):
        assert html.count(f'id="{rid}"') == 1, rid
    assert 'class="hl-fg" id="fgA1"' in html
    assert f'href="/entities/{TRUMP}"' in html
    assert "Accept cookies Read More" in html and "<details" in html
    assert _balanced(html) == []
    # The clean text survives the markup unchanged.
    body = re.search(r'<div class="article-text">(.*?)</div>', html, re.S)
    assert body is not None
    plain = re.sub(r"<[^>]+>", "", body.group(1)).replace("&#34;", '"').replace("&#39;", "'")
    assert plain == TEXT_A


def test_article_page_lists_its_near_duplicates_with_the_reason(db: Path) -> None:
    assert "Near-duplicates" not in TestClient(create_app(db)).get("/articles/aA").text
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO corpus_duplicate_pairs (a, b, similarity, kind, reason) "
            "VALUES ('aA', 'aB', 0.81, 'translation', 'anchors <aligned> 0.81')"
        )
    client = TestClient(create_app(db))
    for here, other in (("aA", "aB"), ("aB", "aA")):
        html = client.get(f"/articles/{here}").text
        assert "Near-duplicates (1)" in html
        assert f'href="/articles/{other}"' in html
        assert "The same wire text retold or translated" in html
        assert "anchors &lt;aligned&gt; 0.81" in html  # the measurement, on demand
        assert _balanced(html) == []


def test_article_page_marks_a_stance(db: Path) -> None:
    # Words said carry no mark; a position attributed without words does.
    assert 'class="tag stance"' not in TestClient(create_app(db)).get("/articles/aA").text
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE statements SET kind = 'stance' WHERE id = 'stA1'")
    html = TestClient(create_app(db)).get("/articles/aA").text
    assert html.count('class="tag stance"') == 1


def test_highlight_repairs_crossing_spans() -> None:
    text = "alpha beta gamma delta"
    spans = [
        Span(0, 10, "st", "s1"),  # alpha beta
        Span(6, 16, "fg", "f1"),  # beta gamma: crosses the statement's end
        Span(11, 22, "ent", None, "x", "/entities/e1"),  # gamma delta: crosses the figure's end
        Span(0, 22, "sent"),
    ]
    html = str(highlight(text, spans))
    assert _balanced(html) == []
    assert re.sub(r"<[^>]+>", "", html) == text
    assert html.count('id="f1"') == 1 and 'data-part-of="f1"' in html
    assert html.count('id="s1"') == 1


def test_fallback_group_when_no_stories(tmp_path: Path) -> None:
    path = tmp_path / "nostory.db"
    build_store(path, stories=False).close()
    client = TestClient(create_app(path))
    home = client.get("/")
    assert "No stories have been computed" in home.text and 'href="/stories/all"' in home.text
    page = client.get("/stories/all")
    assert page.status_code == 200 and "700,000 Ukrainian soldiers" in page.text


def test_api_lists_paginate_through_every_record(client: TestClient, db: Path) -> None:
    index = client.get("/api/").json()
    assert set(index["lists"]) == {
        "articles",
        "entities",
        "statements",
        "figures",
        "timexes",
        "stories",
        "series",
        "disagreements",
        "claims",
    }
    with Store(db) as store:
        expected = list(store.records("figures"))
    seen: list[dict[str, object]] = []
    url: str | None = "/api/figures?limit=3"
    while url:
        page = client.get(url).json()
        assert page["total"] == 4 and page["limit"] == 3
        seen += page["items"]
        url = page["next"]
    assert seen == expected
    second = client.get("/api/figures", params={"limit": 3, "offset": 3}).json()
    assert [i["id"] for i in second["items"]] == [expected[3]["id"]] and second["next"] is None
    assert client.get("/api/figures/fgB2").json()["low"] == 300000
    story = client.get("/api/stories/sUkr").json()
    assert story["article_ids"] == ["aB", "aA"]
    entity = client.get(f"/api/entities/{ZEL}").json()
    assert entity["aliases"] == ["Zelenskyy", "Zelensky"] and len(entity["mentions"]) == 2


def _assert_error(r, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_api_errors_have_one_shape(client: TestClient, db: Path) -> None:
    _assert_error(client.get("/api/nothing"), 404, "not_found")
    _assert_error(client.get("/api/figures/fgNope"), 404, "not_found")
    _assert_error(client.get("/api/unknown/route/deeper"), 404, "not_found")
    _assert_error(client.get("/api/figures", params={"limit": 0}), 422, "invalid")
    _assert_error(client.get("/api/figures", params={"limit": "ten"}), 422, "invalid")
    _assert_error(client.get("/api/figures", params={"offset": -1}), 422, "invalid")
    _assert_error(client.get("/api/search"), 422, "invalid")
    # Past the end is as bad as below the start.
    _assert_error(client.get("/api/figures", params={"offset": 4}), 422, "invalid")
    assert client.get("/api/figures", params={"offset": 3}).status_code == 200
    # In words a reader understands.
    message = client.get("/api/figures", params={"limit": "ten"}).json()["error"]["message"]
    assert message == "The limit must be a whole number, not “ten”."
    message = client.get("/api/figures", params={"offset": -1}).json()["error"]["message"]
    assert message == "The parameter offset must be 0 or more, not -1."
    assert "only 4 figures" in client.get("/api/figures?offset=9").json()["error"]["message"]
    assert client.get("/api/search").json()["error"]["message"] == "The search (q) is missing."
    # Pages answer in HTML with the status.
    assert client.get("/articles/nope").status_code == 404
    assert "There is no story nope." in client.get("/stories/nope").text
    assert client.get("/stories/sUkr", params={"page": 2}).status_code == 422
    # A broken store: the server answers 500 in the same shape instead of a stack trace.
    broken = db.with_name("broken.db")
    shutil.copy(db, broken)
    with sqlite3.connect(broken) as conn:
        conn.execute("DROP TABLE figures")
    crashed = TestClient(create_app(broken), raise_server_exceptions=False)
    _assert_error(crashed.get("/api/figures"), 500, "server_error")
    page = crashed.get("/stories/sUkr")
    assert page.status_code == 500 and "Something went wrong" in page.text


def test_hostile_article_is_escaped_everywhere(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        'Ceasefire talks stall <script>alert("title")</script>\n\n'
        'Officials said on Monday that "<img src=x onerror=alert(1)>" was posted, and that '
        "5,000 soldiers were killed.\n\n"
        'The minister told reporters: "We will not accept <script>alert(2)</script> this deal."\n',
        encoding="utf-8",
    )
    (folder / "evil.html").write_text(
        "<html><head><title>Evil ceasefire</title></head><body><article><h1>Evil ceasefire</h1>"
        "<p>Officials said on Monday that &lt;script&gt;alert(3)&lt;/script&gt; was found in a"
        " note, and that 5,000 soldiers were killed during the long war in the east.</p>"
        '<p>The minister told reporters: "We will not accept &lt;img src=x onerror=alert(4)&gt;'
        ' this deal, and we will keep fighting for our country."</p>'
        "<p>Another paragraph with enough words to count as main text for the extractor.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "evil.db"
    with Store(db) as store:
        report = ingest([folder], store, nlp=nlp)
        assert len(report.added) == 2
        texts = [a.text + (a.title or "") for a in store.articles()]
    # The payloads really are in the stored text ...
    assert any("<script>alert(" in t for t in texts) and any("onerror=alert(" in t for t in texts)
    client = TestClient(create_app(db))
    pages = ["/", "/search?q=ceasefire", "/api/articles"]
    pages += [f"/articles/{a['id']}" for a in client.get("/api/articles").json()["items"]]
    pages += sorted(set(re.findall(r'href="(/(?:stories|entities)/[^"#]+)"', client.get("/").text)))
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        if url.startswith("/api"):
            continue
        # ... and never reach a page as markup: no script element at all, no live handler.
        assert "<script" not in r.text.lower(), url
        assert not re.search(r"<img[^>]*onerror", r.text, re.I), url
    article_pages = "".join(client.get(u).text for u in pages if u.startswith("/articles/"))
    assert (
        "&lt;script&gt;alert(" in article_pages and "&lt;img src=x onerror=alert(" in article_pages
    )


def test_serve_binds_localhost_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from storyline.cli import app as cli

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    # The app it would serve answers over the given store.
    assert TestClient(calls[0]["app"]).get("/stories/sUkr").status_code == 200  # type: ignore[arg-type]
    missing = runner.invoke(cli, ["serve", "--db", str(db.with_name("none.db"))])
    assert missing.exit_code == 2 and not db.with_name("none.db").exists()


def test_a_one_line_article_reads_in_paragraphs_and_shows_why_pieces_were_removed(
    tmp_path: Path,
) -> None:
    text = " ".join(
        f"Sentence {i} says the ministry expects the talks in Istanbul to resume next week."
        for i in range(40)
    )
    with Store(tmp_path / "one.db") as store:
        article = Article(
            "aL", "l.jsonl:1", "Long", "DW", None, None, "en", text, content_hash="1",
            removed=[Removal("Edited by: A. Thomas", "editor-credit")],
        )  # fmt: skip
        store.save(Findings(article=article))
    html = TestClient(create_app(tmp_path / "one.db")).get("/articles/aL").text
    body = re.search(r'<div class="article-text">(.*?)</div>', html, re.S)
    assert body is not None
    assert body.group(1).count('<span class="para-break"></span>') >= 3
    # The breaks are markup only: the text a reader sees and copies is the stored text.
    assert re.sub(r"<[^>]+>", "", body.group(1)) == text
    assert "Edited by: A. Thomas" in html and "(editor-credit)" in html
