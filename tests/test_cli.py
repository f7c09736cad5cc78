"""The commands users type, end to end on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import SEEDS
from storyline.cli import app

runner = CliRunner()


def test_ingest_stats_export_on_seeds_with_a_bad_file(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": "ok"\n')
    result = runner.invoke(app, ["ingest", str(SEEDS), str(bad), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output
    assert f"skipped {bad}#1: not JSON" in result.output.replace("\n", "")

    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0
    assert "articles" in stats.output and "not JSON" in stats.output

    again = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "-q"])
    assert again.exit_code == 0 and "0 added, 5 unchanged" in again.output

    out = tmp_path / "export.json"
    exported = runner.invoke(app, ["export", "--db", str(db), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text())
    assert len(data["articles"]) == 5
    seed0 = next(a for a in data["articles"] if a["source"].endswith("000_422b58984ffd6ea4.txt"))
    assert seed0["published"] == "2025-02-05" and seed0["published_basis"] == "header"

    jsonl = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    assert jsonl.exit_code == 0 and jsonl.output.startswith('{"record": "header"')

    csv_dir = tmp_path / "csv"
    assert (
        runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(csv_dir)]).exit_code
        == 0
    )
    assert (csv_dir / "figures.csv").exists()


def test_nothing_ingested_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["ingest", str(empty), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 1
    assert "empty file" in result.output


def test_usage_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store" in missing.output
    db = tmp_path / "s.db"
    runner.invoke(app, ["ingest", str(SEEDS / "001_550375792c07ea32.txt"), "--db", str(db), "-q"])
    bad_format = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert bad_format.exit_code == 2 and "unknown format" in bad_format.output
    csv_needs_folder = runner.invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert csv_needs_folder.exit_code == 2
    not_a_store = tmp_path / "junk.db"
    not_a_store.write_bytes(b"this is not sqlite" * 100)
    junk = runner.invoke(app, ["stats", "--db", str(not_a_store)])
    assert junk.exit_code == 2 and "not a storyline store" in junk.output


def test_corpus_command_and_aliases_file(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "-q"]).exit_code == 0
    split = tmp_path / "aliases.json"
    split.write_text(json.dumps({"split": [["Mike Volz", "Mike Waltz"]]}))
    result = runner.invoke(app, ["corpus", "--db", str(db), "--aliases", str(split)])
    assert result.exit_code == 0, result.output
    assert "entities" in result.output and "stories" in result.output
    assert "series" in result.output and "claims" in result.output
    out = tmp_path / "e.json"
    runner.invoke(app, ["export", "--db", str(db), "-o", str(out)])
    names = [e["name"] for e in json.loads(out.read_text())["entities"]]
    assert {"Mike Volz", "Mike Waltz"} <= set(names)

    bad = tmp_path / "bad.json"
    bad.write_text('{"merge": 3}')
    refused = runner.invoke(
        app, ["ingest", str(SEEDS), "--db", str(db), "-q", "--aliases", str(bad)]
    )
    assert refused.exit_code == 2 and "merge" in refused.output


def test_help_keeps_every_word() -> None:
    """Typer's rich markup reads ``[...]`` as a style tag: "[default: CPU cores]" was shown
    as "Analysis processes ." and the default was lost."""
    boxed = runner.invoke(app, ["ingest", "--help"]).output
    shown = " ".join(boxed.replace("│", " ").split())  # the words, out of their box
    assert "Analysis processes (default: one per core)." in shown
    assert "Analysis processes ." not in shown
