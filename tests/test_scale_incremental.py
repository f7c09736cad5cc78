"""Re-running the same ingest changes nothing, also when two records share a key."""

from __future__ import annotations

import io
import json
from pathlib import Path

from storyline.export import write_json
from storyline.run import ingest
from storyline.store import Store

TEXT = "Officials in Kyiv said on Tuesday that {n} people were killed in the strike on the city."


def _export(store: Store) -> str:
    buffer = io.StringIO()
    write_json(store, buffer)
    return buffer.getvalue()


def test_reingest_with_a_repeated_key_is_idempotent(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    records = [{"url": "https://example.org/a", "text": TEXT.format(n=n)} for n in (40, 41)]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        first = ingest([feed], store, nlp=nlp)
        before = _export(store)
        second = ingest([feed], store, nlp=nlp)
        assert _export(store) == before
    assert len(first.added) == 1 and first.unchanged == 1
    # Before the fix the second record replaced the first on every other run.
    assert second.added == [] and second.unchanged == 2
    assert "40 people" in before
