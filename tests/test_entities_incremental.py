"""Incremental entity resolution: an ingest re-resolves only the components its articles
touch, and the store ends up exactly as a full ``storyline corpus`` rebuild leaves it.
Also: East-Asian surname-first names."""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED
from storyline import corpus
from storyline.corpus.entities import Aliases, save_aliases, update_entities
from storyline.corpus.names import person_order, same_person_name
from storyline.run import ingest
from storyline.store import Store

DUMPSTER = SHARED / "data" / "news-dumpster-2025"
# Articles naming East-Asian leaders (surname first) and others about the
# Russia-Ukraine talks, so that batches share and split many names.
EAST_ASIAN = re.compile(r"Xi Jinping|Kim Jong Un|Lee Jae-myung")
TALKS = re.compile(r"Zelensk|Putin|Trump")


def _snapshot(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    """Everything entity resolution writes that a user sees."""
    queries = {
        "entities": "SELECT id, name, type, aliases FROM entities",
        "mentions": "SELECT article_id, start, entity_id FROM mentions",
        "evidence": "SELECT entity_id, kind, detail FROM entity_evidence",
        "speakers": "SELECT id, speaker_entity FROM statements",
        "claimants": "SELECT id, claimant_entity FROM figures",
        "forms": "SELECT key, entity FROM corpus_entity_forms",
    }
    return {name: sorted(tuple(r) for r in conn.execute(sql)) for name, sql in queries.items()}


def _dumpster_sample() -> list[str]:
    """About forty real records: the East-Asian ones and the first talks ones."""
    chosen: dict[str, str] = {}
    talks = 0
    for path in sorted(DUMPSTER.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.readlines()
        for line in lines:
            record = json.loads(line)
            text = record.get("text") or ""
            link = record.get("link", line)
            if link in chosen:
                continue
            if EAST_ASIAN.search(text):
                chosen[link] = line.rstrip("\n")
            elif talks < 32 and TALKS.search(text):
                chosen[link] = line.rstrip("\n")
                talks += 1
    return [chosen[k] for k in sorted(chosen)]


@pytest.fixture(scope="module")
def dumpster_store(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    """The sample ingested in four batches (each ingest runs the incremental corpus
    stage), then one article re-saved with a name removed and one added, under aliases."""
    tmp = tmp_path_factory.mktemp("dumpster")
    store = Store(tmp / "inc.db")
    save_aliases(
        store,
        Aliases(merge=[["Dmitry Peskov", "Kremlin spokesman"]], split=[["Trump", "Donald Trump"]]),
    )
    records = _dumpster_sample()
    for i in range(4):
        batch = tmp / f"batch{i}.jsonl"
        batch.write_text("".join(r + "\n" for r in records[i::4]), encoding="utf-8")
        ingest([batch], store, nlp=nlp)
    record = json.loads(records[0])
    record["text"] = record["text"].replace("Zelensky", "Lavrov") + "\nKim Jong Un was not there."
    resaved = tmp / "resaved.jsonl"
    resaved.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = ingest([resaved], store, nlp=nlp)
    assert len(report.added) == 1  # the same article, re-saved
    yield store
    store.close()


def test_incremental_batches_equal_a_rebuild_on_news_dumpster(
    dumpster_store: Store, tmp_path: Path
) -> None:
    incremental = _snapshot(dumpster_store.conn)
    assert len(incremental["entities"]) > 300
    db = tmp_path / "copy.db"
    dumpster_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    db.write_bytes(dumpster_store.path.read_bytes())
    with Store(db) as rebuilt:
        corpus.rebuild(rebuilt)
        assert _snapshot(rebuilt.conn) == incremental


def _partition(conn: sqlite3.Connection) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, story in conn.execute("SELECT id, story FROM articles"):
        groups.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def test_incremental_equals_rebuild_on_the_seeds(tmp_path: Path, seed_findings) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "seeds.db") as store:
        for _, findings in sorted(seed_findings.items()):
            store.save(findings)
            corpus.update(store, [findings.article.id])
        incremental = _snapshot(store.conn)
        stories = _partition(store.conn)
        corpus.rebuild(store)
        assert _snapshot(store.conn) == incremental
        # One at a time, the seeds still split into the four stories.
        assert _partition(store.conn) == stories
        assert sorted(len(g) for g in stories) == [1, 1, 1, 2]
        # The three canonical persons of the issue come out of the incremental path too.
        names = {row[1] for row in incremental["entities"]}
        assert {"Donald Trump", "Volodymyr Zelenskyy", "Vladimir Putin"} <= names


def test_an_update_leaves_untouched_entities_alone(dumpster_store: Store, tmp_path: Path) -> None:
    """Re-saving one article re-resolves some components, not the store; every other
    entity keeps its id, row and mentions."""
    db = tmp_path / "copy.db"
    dumpster_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    db.write_bytes(dumpster_store.path.read_bytes())
    with Store(db) as store:
        before = _snapshot(store.conn)
        (article,) = store.conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()
        res = update_entities(store, [article])
        after = _snapshot(store.conn)
        assert after == before  # nothing changed, so nothing moves
        redone = set(res.entity_of_form)
        all_keys = {key for key, _ in after["forms"]}
        assert redone and len(redone) < len(all_keys) / 2
        mentioned = {
            k
            for (k,) in store.conn.execute(
                "SELECT key FROM corpus_article_forms WHERE article_id = ?", (article,)
            )
        }
        assert mentioned <= redone


def test_aliases_hold_through_incremental_updates(dumpster_store: Store) -> None:
    def entity(text: str) -> set[str]:
        rows = dumpster_store.conn.execute("SELECT entity_id FROM mentions WHERE text = ?", (text,))
        return {r[0] for r in rows}

    assert entity("Trump") and entity("Donald Trump")
    assert not entity("Trump") & entity("Donald Trump")  # split pinned by the aliases


def test_east_asian_names_read_the_surname_first() -> None:
    assert person_order(["Xi", "Jinping"]) == ["Jinping", "Xi"]
    assert person_order(["Kim", "Jong", "Un"])[-1] == "Kim"
    assert person_order(["Moon", "Jae-in"]) == ["Jaein", "Moon"]
    assert person_order(["Abe", "Shinzo"]) == person_order(["Shinzo", "Abe"]) == ["Shinzo", "Abe"]
    # English names that start with an East-Asian surname keep their order.
    assert person_order(["Kim", "Kardashian"]) == ["Kim", "Kardashian"]
    assert person_order(["Abe", "Lincoln"]) == ["Abe", "Lincoln"]
    kim_jong_un = person_order(["Kim", "Jong", "Un"])
    assert same_person_name(kim_jong_un, person_order(["Kim", "Jong-un"]))
    assert not same_person_name(kim_jong_un, person_order(["Kim", "Yo", "Jong"]))
    assert not same_person_name(kim_jong_un, person_order(["Kim", "Song"]))


def test_east_asian_leaders_on_news_dumpster(dumpster_store: Store) -> None:
    """'Kim' in the BBC's Kim Jong Un story is Kim Jong Un, the UN envoy Kim Song is
    not, and 'Mr. Lee' in the New York Times is Lee Jae-myung."""
    conn = dumpster_store.conn

    def entities_in(link_part: str, text: str) -> set[str]:
        rows = conn.execute(
            "SELECT m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.url LIKE ? AND m.text = ?",
            (f"%{link_part}%", text),
        )
        return {r[0] for r in rows}

    (kim_jong_un,) = entities_in("cwy3rr307qyo", "Kim Jong Un")
    assert entities_in("cwy3rr307qyo", "Kim") == {kim_jong_un}
    kim_song = entities_in("kim-jong-un-ukraine", "Kim Song")
    assert kim_song and kim_jong_un not in kim_song
    (lee,) = entities_in("south-korean-women-election", "Lee Jae-myung")
    name = conn.execute("SELECT name FROM entities WHERE id = ?", (lee,)).fetchone()[0]
    assert name == "Lee Jae-myung"
    assert entities_in("south-korean-women-election", "Lee") <= {lee}
