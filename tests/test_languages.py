"""Articles not in English are stored and listed but not analysed: the model and every
lexicon are English, and English rules on German text find nonsense."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.clean.language import analysed
from storyline.cli import app
from storyline.journey import ingest
from storyline.store import Store

GERMAN = (
    "Die Regierung hat am Montag in Berlin beschlossen, dass die neuen Regeln für die Bahn ab "
    "dem 1. Juli 2025 gelten sollen. Der Minister Volker Wissing sagte, man werde die Kosten von "
    "drei Milliarden Euro mit den Ländern teilen und die Strecken schneller ausbauen."
)
ENGLISH = (
    "The government in Berlin decided on Monday that the new rules for the railways will apply "
    "from July 1, 2025. Minister Volker Wissing said the costs of three billion euros would be "
    "shared with the states."
)


def test_analysed_languages() -> None:
    assert analysed("en") and analysed(None)
    assert not analysed("de") and not analysed("fr")


def test_a_german_article_is_stored_without_findings(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "a.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, text in enumerate((GERMAN, ENGLISH)):
            fh.write(json.dumps({"url": f"https://example.com/{i}", "text": text}) + "\n")
    db = tmp_path / "s.db"
    with Store(db) as store:
        report = ingest([src], store, nlp=nlp)
        langs = {a.language: a.id for a in store.articles()}
        counts = {t: {r["article_id"] for r in store.records(t)} for t in ("figures", "timexes")}
        mentions = {lang: store.mentions_of(aid) for lang, aid in langs.items()}
    assert len(report.added) == 2 and set(langs) == {"de", "en"}
    assert not mentions["de"] and mentions["en"]
    for found in counts.values():
        assert langs["de"] not in found and langs["en"] in found
    out = CliRunner().invoke(app, ["stats", "--db", str(db)]).output
    assert "1 article(s) not analysed, not in English (de 1)" in out
