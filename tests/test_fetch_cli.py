"""The fetching commands as users type them: ingest URLs and URL lists, watch, stats,
export --format warc, against a local server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from local_site import Site, real_pages, rss
from storyline.cli import app

runner = CliRunner()
PAGES = real_pages(3, start=40)
FAST = ["--delay", "0", "-w", "1"]


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    with Site() as s:
        yield s


def test_ingest_urls_stats_and_warc(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/a/{i}", page) for i, page in enumerate(PAGES)]
    feed = site.add("/feed.xml", rss([(u, "t") for u in urls[:2]]), content_type="text/xml")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{urls[2]}?utm_source=newsletter\n{site.url('/missing')}\n")
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", feed, str(listing), "--db", str(db), "-q", *FAST])
    assert first.exit_code == 0, first.output
    assert "3 added, 0 unchanged, 1 skipped" in first.output
    assert f"skipped {site.url('/missing')}: HTTP 404 Not Found" in first.output
    # the same inputs again: nothing fetched but the feed (a 304), nothing new
    site.hits.clear()
    again = runner.invoke(app, ["ingest", feed, str(listing), "--db", str(db), "-q", *FAST])
    assert again.exit_code == 0 and "0 added, 3 unchanged, 1 skipped" in again.output
    assert [(h.path, h.status) for h in site.requested()] == [("/feed.xml", 304)]

    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert "page ok" in stats.output and "HTTP 404 Not Found" in stats.output

    warc = tmp_path / "fetched.warc.gz"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "warc", "-o", str(warc)])
    assert exported.exit_code == 0, exported.output
    with warc.open("rb") as fh:
        targets = {
            r.rec_headers.get_header("WARC-Target-URI")
            for r in ArchiveIterator(fh)
            if r.rec_type == "response"
        }
    # each record names the URL as fetched (the listed one kept its tag)
    fetched = [*urls[:2], f"{urls[2]}?utm_source=newsletter", feed, site.url("/missing")]
    assert set(fetched) <= targets


def test_watch_polls_then_stops(site: Site, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    urls = [site.add(f"/w/{i}", page) for i, page in enumerate(PAGES[:2])]
    items = [(u, "t") for u in [*urls, site.url("/w/missing")]]
    feed = site.add("/feed.xml", rss(items), content_type="text/xml")
    db = tmp_path / "w.db"
    watch = ["watch", feed, "--db", str(db), "--every", "0s", "--polls", "2", "-q", *FAST]
    result = runner.invoke(app, watch)
    assert result.exit_code == 0, result.output
    out = result.output.replace("\n", " ")
    assert "poll 1" in out and "2 articles added, 1 skipped" in out
    assert "poll 2" in out and "0 articles added" in out and "(1 answered 304)" in out
    # --quiet: one line a poll, the 404 counted but not listed
    assert "HTTP 404" not in out and "articles/s" not in out


def test_watch_refuses_files_and_bad_intervals(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("An article, not a list of URLs.")
    refused = runner.invoke(app, ["watch", str(article), "--db", str(tmp_path / "x.db")])
    assert refused.exit_code == 2 and "watch follows URLs" in refused.output
    bad = runner.invoke(app, ["watch", "http://127.0.0.1:9/feed", "--every", "soon"])
    assert bad.exit_code == 2 and "not a duration" in bad.output
