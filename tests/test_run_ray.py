"""Distributed mode on a local Ray (2 CPUs): its export equals the local path's byte for byte."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from storyline.cli import app
from storyline.export import write_json
from storyline.journey import ingest
from storyline.store import Store

pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")


def _inputs(folder: Path) -> Path:
    """The seeds plus inputs that exercise skips and record order in a JSON Lines file."""
    shutil.copytree(SEEDS, folder)
    seed = (SEEDS / sorted(p.name for p in SEEDS.iterdir())[1]).read_text(encoding="utf-8")
    records = [
        {"url": "https://example.org/a", "title": "Talks", "text": seed[:1500]},
        "not an object",
        {"url": "https://example.org/a", "title": "Talks again", "text": seed[1500:3000]},
        {"title": "no text at all"},
    ]
    lines = [json.dumps(r) for r in records] + ["{broken"]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.md").write_text("")
    return folder


def _export(store: Store) -> str:
    buffer = io.StringIO()
    write_json(store, buffer)
    return buffer.getvalue()


def test_ray_path_export_is_identical_to_local(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    import ray

    folder = _inputs(tmp_path / "in")
    with Store(tmp_path / "local.db") as store:
        local_report = ingest([folder], store, nlp=nlp)
        local = _export(store)
        local_skipped = store.skipped()
    assert len(local_report.added) == 6 and local_report.unchanged == 1

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        out = tmp_path / "parquet"
        runner = CliRunner()
        result = runner.invoke(app, ["ingest", "--engine", "ray", str(folder), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert list(out.rglob("*.parquet"))
        again = runner.invoke(app, ["ingest", "--engine", "ray", str(folder), "--out", str(out)])
        assert again.exit_code == 2 and "not empty" in again.output
    finally:
        ray.shutdown()

    db = tmp_path / "ray.db"
    loaded = CliRunner().invoke(app, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    with Store(db) as store:
        assert _export(store) == local
        assert store.skipped() == local_skipped
        assert len(json.loads(local)["articles"]) == 6
        # Loading the same run again adds nothing (incremental, as a local re-ingest).
        from storyline.scale import load

        report = load(out, store)
        assert report.added == [] and report.unchanged == 7
        assert _export(store) == local
