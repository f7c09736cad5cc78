"""Outlet furniture during ingest (learning.py): learned from the batch before analysis,
stored as the outlet's profile, applied to later batches, and re-cleaning the stored
articles a newly learned pattern applies to; the content hash ignores what was learned."""

from __future__ import annotations

import json
import random
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.journey import ingest
from storyline.store import Store

NAV = "Home World Business Sport Culture Opinion Video Podcasts Newsletters Weather Live"
TOPICS = [
    "striker goal league match coach stadium penalty season transfer keeper referee derby",
    "storm rainfall flooding forecast temperatures heatwave drought gusts thunder humidity",
    "shares investors earnings dividend inflation bonds quarterly revenue profits traders",
    "researchers telescope molecules laboratory experiment species genome fossils particles",
    "judge prosecutors verdict testimony jury appeal defendant lawyers sentencing hearing",
    "harvest wheat tractors livestock fertiliser orchards irrigation cattle barley farmers",
]


def _text(topic: int, seed: int) -> str:
    rng = random.Random(f"{topic}-{seed}")
    words = TOPICS[topic].split()
    out = []
    for _ in range(6):
        w = rng.sample(words, 6)
        out.append(f"{w[0].title()} and the {w[1]} {w[2]} by {' '.join(w[3:])}.")
    return " ".join(out)


def _jsonl(path: Path, items: list[tuple[int, int]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for topic, seed in items:
            record = {
                "title": f"Story {topic}-{seed}",
                "url": f"https://www.example.com/news/{topic}-{seed}",
                "published": "2025-05-21",
                "text": f"{NAV} {_text(topic, seed)}",
            }
            fh.write(json.dumps(record) + "\n")
    return path


def test_furniture_learned_in_one_batch_is_gone_before_analysis(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = _jsonl(tmp_path / "a.jsonl", [(t, 0) for t in range(5)])
    with Store(tmp_path / "s.db") as store:
        report = ingest([src], store, nlp=nlp)
        articles = list(store.articles())
        patterns = store.outlet_patterns("example.com")
    assert report.learned == 1 and not report.recleaned and len(report.added) == 5
    assert [p["text"] for p in patterns] == [NAV]
    for a in articles:
        assert NAV not in a.text and a.text.split()[0].lower() in TOPICS[int(a.title[6])]
        assert [r.reason for r in a.removed if r == NAV] == [
            "example.com furniture: carried by unrelated articles, removed at the head; "
            "learned from 5 articles (relatedness 0.00)"
        ]


def test_a_pattern_learned_later_re_cleans_what_was_stored(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    first = _jsonl(tmp_path / "first.jsonl", [(0, 1), (1, 1)])
    second = _jsonl(tmp_path / "second.jsonl", [(2, 1), (3, 1)])
    with Store(tmp_path / "s.db") as store:
        one = ingest([first], store, nlp=nlp)
        assert one.learned == 0 and all(NAV in a.text for a in store.articles())
        two = ingest([second], store, nlp=nlp)
        assert two.learned == 1 and len(two.added) == 2 and len(two.recleaned) == 2
        assert all(NAV not in a.text for a in store.articles())
        # The earlier articles were analysed again on the clean text: no finding
        # points into the header any more, and every offset still fits the text.
        texts = {a.id: a.text for a in store.articles()}
        for st in store.records("statements"):
            assert st["text"] == texts[st["article_id"]][st["start"] : st["end"]]
        # Learning changed no content hash: the same inputs are unchanged.
        three = ingest([first, second], store, nlp=nlp)
    assert (three.unchanged, three.added, three.recleaned, three.learned) == (4, [], [], 0)


def test_stats_shows_profiles_and_languages(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = _jsonl(tmp_path / "a.jsonl", [(t, 2) for t in range(4)])
    german = (
        "Die Regierung hat am Montag in Berlin beschlossen, dass die neuen Regeln für "
        "die Bahn ab dem Sommer gelten sollen. Der Minister sagte, man werde die Kosten "
        "mit den Ländern teilen und die Strecken schneller ausbauen, als es bisher geplant war."
    )
    with src.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"url": "https://www.zeit.de/x", "text": german}) + "\n")
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([src], store, nlp=nlp)
        (german_article,) = [a for a in store.articles() if a.language == "de"]
        assert not [m for m in store.mentions_of(german_article.id)]
        assert not [r for r in store.records("figures") if r["article_id"] == german_article.id]
    out = CliRunner().invoke(app, ["stats", "--db", str(db)]).output
    assert "1 article(s) not analysed, not in English (de 1)" in out
    assert "example.com" in out and "outlet profiles" in out
