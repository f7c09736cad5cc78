"""Claims in the store: an ingest links only what it adds, and the claims come out exactly
as a full ``storyline corpus`` rebuild leaves them; the web app's claim page."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import SHARED
from storyline import corpus
from storyline.corpus.claims import rebuild_claims, update_claims
from storyline.run.local import ingest
from storyline.store import Store
from storyline.web import create_app

DUMPSTER = SHARED / "data" / "news-dumpster-2025"
# The weekend of the largest air attack and the prisoner swap: Zelensky's posts, Peskov's
# briefings and Trump's reaction run in many outlets and in DW's three feeds.
DAYS = ("25 May 2025", "2025-05-25", "26 May 2025", "2025-05-26")
WORDS = ("Zelensk", "Peskov")


def _snapshot(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    """Everything the claims stage writes that a user sees, and its links."""
    queries = {
        "claims": "SELECT * FROM claims",
        "statements": "SELECT id, claim_id FROM statements",
        "figures": "SELECT id, claim_id FROM figures",
        "links": "SELECT a, b, reason FROM corpus_claim_links",
    }
    return {name: sorted(tuple(r) for r in conn.execute(sql)) for name, sql in queries.items()}


def _sample() -> list[str]:
    chosen: dict[str, str] = {}
    for path in sorted(DUMPSTER.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                text = record.get("text") or ""
                published = record.get("published") or ""
                if any(d in published for d in DAYS) and any(w in text for w in WORDS):
                    chosen.setdefault(record["link"], line.rstrip("\n"))
    return [chosen[k] for k in sorted(chosen)][:36]


@pytest.fixture(scope="module")
def claims_store(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    """The sample ingested in three batches (each ingest runs the incremental corpus
    stage), then one article re-saved with a quote taken out."""
    tmp = tmp_path_factory.mktemp("claims")
    store = Store(tmp / "inc.db")
    records = _sample()
    for i in range(3):
        batch = tmp / f"batch{i}.jsonl"
        batch.write_text("".join(r + "\n" for r in records[i::3]), encoding="utf-8")
        ingest([batch], store, nlp=nlp)
    with store.transaction():
        (claimed,) = store.conn.execute(
            "SELECT a.source FROM statements s JOIN articles a ON a.id = s.article_id "
            "WHERE s.claim_id IS NOT NULL AND s.direct ORDER BY s.id LIMIT 1"
        ).fetchone()
    record = next(json.loads(r) for r in records if json.loads(r)["link"] == claimed)
    record["text"] = record["text"].replace("“", "").replace("”", "").replace('"', "")
    resaved = tmp / "resaved.jsonl"
    resaved.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert len(ingest([resaved], store, nlp=nlp).added) == 1
    yield store
    store.close()


def _copy(store: Store, path: Path) -> Path:
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    path.write_bytes(store.path.read_bytes())
    return path


def test_incremental_batches_equal_a_rebuild(claims_store: Store, tmp_path: Path) -> None:
    incremental = _snapshot(claims_store.conn)
    assert len(incremental["claims"]) >= 10
    with Store(_copy(claims_store, tmp_path / "copy.db")) as rebuilt:
        corpus.rebuild(rebuilt)
        assert _snapshot(rebuilt.conn) == incremental


def test_a_moved_duplicate_of_regroups_the_claims_it_is_in(
    claims_store: Store, tmp_path: Path
) -> None:
    """An update regroups only the claims it touches; a copy found later moves an old
    article's ``duplicate_of`` without touching its items, and the claims that article
    is in must still see it (it stops counting as an independent source)."""
    claims = list(claims_store.records("claims"))
    claim, later = next((c, a) for c in claims for a in c["appearances"][1:] if a["independent"])
    with Store(_copy(claims_store, tmp_path / "moved.db")) as store:
        with store.transaction():
            store.set_duplicate_of([(claim["first_article_id"], later["article_id"])])
        update_claims(store, [], [later["article_id"]])
        moved = _snapshot(store.conn)
        assert moved["claims"] != _snapshot(claims_store.conn)["claims"]
        rebuild_claims(store)
        assert _snapshot(store.conn) == moved


def test_claims_span_outlets_and_say_why_each_counts(claims_store: Store) -> None:
    claims = list(claims_store.records("claims"))
    across = [c for c in claims if len(c["outlets"]) > 1]
    assert across
    for claim in claims:
        assert len(claim["article_ids"]) >= 2
        assert claim["first_article_id"] == claim["article_ids"][0]
        assert [a["article_id"] for a in claim["appearances"]] == claim["article_ids"]
        assert claim["independent_sources"] == sum(a["independent"] for a in claim["appearances"])
        assert claim["appearances"][0]["reason"].startswith("first appearance")
        members = claims_store.claim_members(claim["id"])
        assert {m["article_id"] for m in members} == set(claim["article_ids"])


def test_a_store_from_before_claims_gets_them_on_its_next_update(
    claims_store: Store, tmp_path: Path
) -> None:
    expected = _snapshot(claims_store.conn)
    with Store(_copy(claims_store, tmp_path / "old.db")) as old:
        with old.transaction():
            old.forget_claims()
        assert _snapshot(old.conn)["claims"] == []
        corpus.update(old, [])
        assert _snapshot(old.conn) == expected


def test_the_claim_page_shows_every_appearance_and_the_wordings(
    claims_store: Store, tmp_path: Path
) -> None:
    db = _copy(claims_store, tmp_path / "web.db")
    claim = max(claims_store.records("claims"), key=lambda c: len(c["article_ids"]))
    with TestClient(create_app(db)) as client:
        page = client.get(f"/claims/{claim['id']}")
        assert page.status_code == 200
        assert "first reported by" in page.text
        for appearance in claim["appearances"]:
            assert f'href="/articles/{appearance["article_id"]}"' in page.text
        article = client.get(f"/articles/{claim['first_article_id']}")
        assert f'href="/claims/{claim["id"]}"' in article.text
        assert client.get("/claims/nope").status_code == 404


def test_a_figure_claim_is_headed_by_what_it_counts(claims_store: Store, tmp_path: Path) -> None:
    from storyline.views.lineage import claim_view
    from storyline.views.text import figure_what

    figures = [c for c in claims_store.records("claims") if c["kind"] == "figure"]
    assert figures
    for claim in figures:
        view = claim_view(claims_store, claim["id"])
        assert view is not None
        fig = claims_store.record("figures", claim_view_first_figure(claims_store, claim))
        assert fig is not None
        what = figure_what(fig)
        if what:
            # More than the number as written: "about 475 drones shot down", not "475".
            assert view["title"].endswith(what) and view["title"] != claim["text"]


def claim_view_first_figure(store: Store, claim: dict) -> str:  # type: ignore[type-arg]
    members = [m for m in store.claim_members(claim["id"]) if m["kind"] == "figure"]
    first = min(members, key=lambda m: (m["article_id"] != claim["first_article_id"], m["id"]))
    return str(first["id"])
