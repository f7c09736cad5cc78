"""``storyline watch`` killed with SIGKILL mid-poll: the store stays consistent, and
the next run finishes the job without losing or doubling an article."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import storyline
from local_site import Site, real_pages, rss
from storyline.fetch.crawl import Crawler
from storyline.fetch.policy import Politeness
from storyline.journey import ingest
from storyline.store import Store

PAGES = real_pages(10, start=20)
SRC = str(Path(storyline.__file__).resolve().parents[1])


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _watch_until_articles(feed: str, db: Path, at_least: int) -> None:
    """Run the real CLI, SIGKILL it once ``at_least`` articles are stored."""
    command = [sys.executable, "-m", "storyline.cli", "watch", feed, "--db", str(db)]
    command += ["--every", "1s", "--delay", "0", "-q"]
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180  # a guard against a hang, not a speed check
        while _articles(db) < at_least:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "watch stored nothing"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def _consistent(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        # every stored article has its raw response, and no page is stored twice
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM fetches f WHERE f.article_id = a.id AND f.status = 200)"
        ).fetchone()[0]
        assert orphans == 0


def test_a_kill_mid_watch_loses_nothing(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "watch.db"
    with Site() as site:
        # slow pages, so the kill lands while pages are being fetched and analysed
        urls = [site.add(f"/k/{i}", page, delay=0.15) for i, page in enumerate(PAGES)]
        feed = site.add(
            "/feed.xml", rss([(u, "t") for u in urls]), content_type="application/rss+xml"
        )
        _watch_until_articles(feed, db, at_least=2)
        stored = _articles(db)
        _consistent(db)
        assert 2 <= stored < len(urls), "the kill came too late to test anything"
        with Store(db) as store:
            crawler = Crawler(store, Politeness(delay=0.0))
            plan = crawler.plan([feed])
            ingest([], store, nlp=nlp, documents=crawler.documents(plan, known=False))
            assert {a.url for a in store.articles()} == set(urls)
            assert store.corpus_pending() == []
            assert all(a.story for a in store.articles())
        _consistent(db)
        # a page is asked for again only if the kill caught its response in flight
        counts = [site.paths().count(f"/k/{i}") for i in range(len(urls))]
        assert all(1 <= n <= 2 for n in counts) and sum(counts) <= len(urls) + 1
