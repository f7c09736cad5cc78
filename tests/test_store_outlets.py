"""The store's side of outlet profiles: removed pieces keep their reasons, articles their
family, patterns are stored once, and a store from before migration 9 reads as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from storyline.schema import Article, Findings, Removal
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS


def _article(article_id: str = "a1") -> Article:
    return Article(
        id=article_id,
        source="s.jsonl:1",
        title="T",
        outlet="dw-eu",
        published=None,
        published_basis=None,
        language="en",
        text="The talks resumed.",
        url="https://www.dw.com/en/x/a-1",
        removed=[Removal("Edited by: A. Thomas", "editor-credit")],
        content_hash="h",
        family="dw.com",
    )


def test_removed_pieces_keep_their_reasons(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save(Findings(article=_article()))
        (a,) = store.articles()
        raw = store.conn.execute("SELECT removed, family FROM articles").fetchone()
    assert a.removed == ["Edited by: A. Thomas"] and a.removed[0].reason == "editor-credit"
    assert json.loads(raw[0]) == [{"text": "Edited by: A. Thomas", "reason": "editor-credit"}]
    assert a.family == raw[1] == "dw.com"


def test_patterns_are_stored_once_in_learning_order(tmp_path: Path) -> None:
    row = {
        "family": "dw.com",
        "key": "to view this video",
        "text": "To view this video",
        "position": "any",
        "why": "addresses the reader",
        "articles": 53,
        "relatedness": 0.05,
    }
    with Store(tmp_path / "s.db") as store:
        assert store.add_outlet_patterns([row, {**row, "key": "b", "text": "B"}]) == 2
        assert store.add_outlet_patterns([{**row, "articles": 99}]) == 0
        assert [p["key"] for p in store.outlet_patterns("dw.com")] == ["to view this video", "b"]
        assert store.outlet_patterns("dw.com")[0]["articles"] == 53
        assert store.outlet_patterns("tass.com") == []
        store.save(Findings(article=_article()))
        (profile,) = store.outlet_profiles()
    assert (profile["family"], profile["patterns"], profile["stored"]) == ("dw.com", 2, 1)


def test_a_store_from_before_reads_its_plain_removed_pieces(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for number, script in enumerate(MIGRATIONS[:8], start=1):
        conn.executescript(f"{script};\nPRAGMA user_version = {number};")
    conn.execute(
        "INSERT INTO articles (id, source, text, removed, content_hash) VALUES (?, ?, ?, ?, ?)",
        ("a1", "s", "Text.", json.dumps(["Source link"]), "h"),
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        (a,) = store.articles()
    assert a.removed == ["Source link"] and a.removed[0].reason == ""
    assert a.family is None
