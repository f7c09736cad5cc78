"""The cross-article stage on the real seeds: canonical entities, stories, near-duplicates,
aliases pins, incremental ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, seed_path
from storyline import corpus
from storyline.corpus.names import name_key, name_tokens, same_person_name, surnames_match
from storyline.run import ingest
from storyline.store import Store


def _ingest(paths: list[Path], db: Path, nlp) -> Store:  # type: ignore[no-untyped-def]
    store = Store(db)
    ingest(paths, store, nlp=nlp)
    return store


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    store = _ingest([SEEDS], tmp_path_factory.mktemp("seeds") / "s.db", nlp)
    yield store
    store.close()


def _article_id(store: Store, prefix: str) -> str:
    source = str(seed_path(prefix))
    row = store.conn.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
    assert row is not None, source
    return str(row[0])


def _entity_of(store: Store, surface: str) -> set[str]:
    rows = store.conn.execute("SELECT entity_id FROM mentions WHERE text = ?", (surface,))
    return {r[0] for r in rows}


def test_titles_and_transliterations_fold_to_one_name() -> None:
    assert name_tokens("US President Donald Trump") == ["Donald", "Trump"]
    assert name_key("Mr. Zelensky") == "zelensky"
    assert name_key("Mr. Trump") == "trump"
    for variant in ("Zelenskiy", "Zelenskyy", "Zelensky"):
        assert surnames_match(name_key(variant), "zelenskyy")
    assert same_person_name(["Volodomyr", "Zelensky"], ["Volodymyr", "Zelenskyy"])
    assert same_person_name(["Volodymr", "Zelensky"], ["Volodymyr", "Zelenskyy"])
    # Namesakes stay apart.
    assert not same_person_name(["Ivanka", "Trump"], ["Donald", "Trump"])
    assert not same_person_name(["Mike", "Waltz"], ["Mike", "Pence"])


def test_three_canonical_persons_on_the_seeds(seed_store: Store) -> None:
    entities = {e["id"]: e for e in seed_store.records("entities")}
    groups = {
        "Donald Trump": ("Donald Trump", "Trump"),
        "Volodymyr Zelenskyy": (
            "Volodymyr Zelenskyy",
            "Volodymr Zelensky",
            "Volodomyr Zelensky",
            "Zelensky",
            "Zelenskyy",
        ),
        "Vladimir Putin": ("Vladimir Putin", "Putin"),
    }
    for canonical, surfaces in groups.items():
        ids = set().union(*(_entity_of(seed_store, s) for s in surfaces))
        assert len(ids) == 1, (canonical, ids)
        (entity_id,) = ids
        entity = entities[entity_id]
        assert entity["name"] == canonical
        assert entity["type"] == "person"  # although spaCy tags "Trump" ORG in seed 002
        assert set(surfaces) <= set(entity["aliases"])
    # "Mr. Zelensky" in seed 001 is the same person; the title is not part of the name.
    a001 = _article_id(seed_store, "001")
    text = seed_store.conn.execute("SELECT text FROM articles WHERE id = ?", (a001,)).fetchone()[0]
    start = text.index("Mr. Zelensky") + len("Mr. ")
    row = seed_store.conn.execute(
        "SELECT entity_id FROM mentions WHERE article_id = ? AND start = ?", (a001, start)
    ).fetchone()
    assert row is not None and row[0] == next(iter(_entity_of(seed_store, "Zelensky")))
    # The three are three different people.
    assert len({next(iter(_entity_of(seed_store, s[0]))) for s in groups.values()}) == 3


def test_role_supported_merge_keeps_its_evidence(seed_store: Store) -> None:
    (volz,) = _entity_of(seed_store, "Mike Volz")
    assert _entity_of(seed_store, "Mike Waltz") == {volz}
    rows = seed_store.conn.execute(
        "SELECT kind, detail FROM entity_evidence WHERE entity_id = ?", (volz,)
    ).fetchall()
    assert [r[0] for r in rows] == ["role"]
    assert "national" in rows[0][1] and "security" in rows[0][1]


def test_seed_stories_split_by_event(seed_store: Store) -> None:
    story = {
        p: seed_store.conn.execute(
            "SELECT story FROM articles WHERE id = ?", (_article_id(seed_store, p),)
        ).fetchone()[0]
        for p in ("000", "001", "002", "003", "004")
    }
    assert all(story.values())
    assert story["001"] == story["004"]
    others = [story["000"], story["002"], story["003"], story["001"]]
    assert len(set(others)) == 4
    stories = {s["id"]: s for s in seed_store.records("stories")}
    assert len(stories) == 4
    assert len(stories[story["001"]]["article_ids"]) == 2
    assert stories[story["001"]]["label"]


def test_no_false_duplicates_among_the_seeds(seed_store: Store) -> None:
    dups = seed_store.conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
    assert dups.fetchone()[0] == 0


def test_a_repost_is_a_near_duplicate_and_is_kept(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    original = seed_path("001")
    repost = tmp_path / "repost.txt"
    text = original.read_text(encoding="utf-8")
    # A scraper repost: same article, a different headline line and a trailing comment form.
    repost.write_text(
        "Breaking: " + text + "\n\nLeave a Reply\n\nYour email address will not be published.\n",
        encoding="utf-8",
    )
    store = _ingest([original, seed_path("004"), repost], tmp_path / "d.db", nlp)
    rows = dict(store.conn.execute("SELECT source, duplicate_of FROM articles").fetchall())
    ids = dict(store.conn.execute("SELECT source, id FROM articles").fetchall())
    assert len(rows) == 3  # nothing deleted
    pair = {rows[str(original)], rows[str(repost)]}
    assert None in pair and pair - {None} <= {ids[str(original)], ids[str(repost)]}
    assert pair != {None}
    assert rows[str(seed_path("004"))] is None  # same event, different text: not a copy
    story = dict(store.conn.execute("SELECT id, story FROM articles").fetchall())
    assert story[ids[str(original)]] == story[ids[str(repost)]]
    store.close()


def test_aliases_file_pins_and_splits(tmp_path: Path, seed_store: Store) -> None:
    db = tmp_path / "a.db"
    seed_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy(seed_store.path, db)
    store = Store(db)
    aliases = tmp_path / "aliases.json"
    aliases.write_text(
        json.dumps(
            {
                "split": [["Mike Volz", "Mike Waltz"]],
                "merge": [["Keith Kellogg", "Steve Witkoff"]],  # a pin, for the test's sake
            }
        ),
        encoding="utf-8",
    )
    corpus.rebuild(store, aliases=aliases)
    assert _entity_of(store, "Mike Volz") != _entity_of(store, "Mike Waltz")
    assert _entity_of(store, "Keith Kellogg") == _entity_of(store, "Steve Witkoff")
    # The next run (an ordinary incremental update) still respects the file.
    corpus.update(store, [])
    assert _entity_of(store, "Mike Volz") != _entity_of(store, "Mike Waltz")
    assert _entity_of(store, "Keith Kellogg") == _entity_of(store, "Steve Witkoff")
    kinds = {r[0] for r in store.conn.execute("SELECT kind FROM entity_evidence")}
    assert "alias-merge" in kinds
    # An empty aliases file lifts the pins.
    aliases.write_text("{}", encoding="utf-8")
    corpus.rebuild(store, aliases=aliases)
    assert _entity_of(store, "Mike Volz") == _entity_of(store, "Mike Waltz")
    store.close()


def test_bad_aliases_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.json"
    bad.write_text(json.dumps({"merge": ["Mike Volz"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="merge"):
        corpus.entities.load_aliases(bad)


def test_adding_an_article_places_it_without_moving_others(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    first = [seed_path(p) for p in ("000", "001", "002", "003")]
    store = _ingest(first, tmp_path / "i.db", nlp)
    before = dict(store.conn.execute("SELECT id, story FROM articles").fetchall())
    assert len(set(before.values())) == 4
    ingest([seed_path("004")], store, nlp=nlp)
    after = dict(store.conn.execute("SELECT id, story FROM articles").fetchall())
    new = _article_id(store, "004")
    assert {k: v for k, v in after.items() if k != new} == before
    assert after[new] == before[_article_id(store, "001")]
    hashed = store.conn.execute("SELECT count(*) FROM corpus_minhash").fetchone()[0]
    assert hashed == 5
    store.close()


def test_speakers_point_to_canonical_entities(tmp_path: Path, seed_findings) -> None:  # type: ignore[no-untyped-def]
    """Statement speakers as the statements component resolves them ("Donald Trump",
    "Mr. Zelensky", ...) get the canonical id of the person the mentions resolve to."""
    import dataclasses

    from storyline.schema import Statement, stable_id

    speakers = {
        "000": ["Donald Trump", "Volodymyr Zelenskyy"],
        "001": ["Mr. Zelensky", "Mr. Trump"],
        "002": ["Putin", "Vladimir Putin", "Trump"],
        "004": ["Zelenskyy", "Trump"],
    }
    store = Store(tmp_path / "sp.db")
    for seed, findings in sorted(seed_findings.items()):
        text = findings.article.text
        statements = [
            Statement(
                id=stable_id("st", seed, name),
                article_id=findings.article.id,
                speaker=name,
                speaker_entity=None,
                cue="said",
                text=text[:40],
                direct=False,
                medium=None,
                date=None,
                start=0,
                end=40,
            )
            for name in speakers.get(seed, [])
        ]
        store.save(dataclasses.replace(findings, statements=statements, figures=[]))
    corpus.update(store, [f.article.id for f in seed_findings.values()])
    linked = dict(
        store.conn.execute("SELECT speaker || '@' || article_id, speaker_entity FROM statements")
    )
    by_name: dict[str, set[str]] = {}
    for key, entity in linked.items():
        by_name.setdefault(key.split("@")[0], set()).add(entity)
    trump = _entity_of(store, "Donald Trump")
    zelensky = _entity_of(store, "Volodymyr Zelenskyy")
    putin = _entity_of(store, "Vladimir Putin")
    assert by_name["Donald Trump"] == by_name["Mr. Trump"] == by_name["Trump"] == trump
    for name in ("Volodymyr Zelenskyy", "Mr. Zelensky", "Zelenskyy"):
        assert by_name[name] == zelensky, name
    assert by_name["Putin"] == by_name["Vladimir Putin"] == putin
    store.close()


def test_use_aliases_applies_at_once_and_accepts_toml(tmp_path: Path, seed_store: Store) -> None:
    db = tmp_path / "t.db"
    seed_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy(seed_store.path, db)
    store = Store(db)
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('split = [["Mike Volz", "Mike Waltz"]]\n', encoding="utf-8")
    corpus.use_aliases(store, aliases)
    assert _entity_of(store, "Mike Volz") != _entity_of(store, "Mike Waltz")
    store.close()
