"""The Ray runner: its export equals the local runner's byte for byte, on one node
and on a cluster of several nodes."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from storyline.cli import app
from storyline.export import write_json
from storyline.run import ingest
from storyline.schema import Skip
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


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, str, list[Skip]]:  # type: ignore[no-untyped-def]
    """The inputs, and the local runner's export and skips for them."""
    tmp = tmp_path_factory.mktemp("local")
    folder = _inputs(tmp / "in")
    with Store(tmp / "local.db") as store:
        report = ingest([folder], store, nlp=nlp)
        assert len(report.added) == 6 and report.unchanged == 1
        return folder, _export(store), store.skipped()


def _load(out: Path, db: Path) -> str:
    loaded = CliRunner().invoke(app, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    with Store(db) as store:
        return _export(store)


def test_ray_path_export_is_identical_to_local(
    tmp_path: Path, local: tuple[Path, str, list[Skip]]
) -> None:
    import ray

    folder, expected, skipped = local
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        out = tmp_path / "parquet"
        runner = CliRunner()
        result = runner.invoke(app, ["ingest", "--engine", "ray", str(folder), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert list(out.rglob("*.parquet"))
        again = runner.invoke(app, ["ingest", "--engine", "ray", str(folder), "--out", str(out)])
        assert again.exit_code == 2 and "E053" in again.output and "not empty" in again.output
    finally:
        ray.shutdown()

    db = tmp_path / "ray.db"
    assert _load(out, db) == expected
    with Store(db) as store:
        assert store.skipped() == skipped
        assert len(json.loads(expected)["articles"]) == 6
        # Loading the same run again adds nothing (incremental, as a local re-ingest).
        from storyline.run.parquet import load

        report = load(out, store)
        assert report.added == [] and report.unchanged == 7
        assert _export(store) == expected


@pytest.fixture
def cluster() -> Iterator[str]:
    """A Ray cluster of three nodes on this machine, one CPU each (Ray's own test harness:
    a raylet and an object store per node); yields its address.

    The nodes listen on the machine's address, not on 127.0.0.1: a driver given a
    loopback address rewrites it to the machine's (``resolve_ip_for_localhost``) and
    then cannot reach nodes bound to loopback."""
    from ray.cluster_utils import Cluster

    nodes = Cluster(shutdown_at_exit=True)
    try:
        for _ in range(3):
            nodes.add_node(num_cpus=1, include_dashboard=False)
        nodes.wait_for_nodes()
        yield str(nodes.address)
    finally:
        nodes.shutdown()


def test_ray_on_several_nodes_export_is_identical_to_local(
    tmp_path: Path,
    local: tuple[Path, str, list[Skip]],
    cluster: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two spaCy actors of one CPU each on nodes of one CPU each: the analysis runs on two
    nodes (the third CPU reads and cleans), reached the way docs/scale.md says, by
    ``RAY_ADDRESS``."""
    import ray

    folder, expected, skipped = local
    monkeypatch.setenv("RAY_ADDRESS", cluster)
    out = tmp_path / "parquet"
    args = ["ingest", "--engine", "ray", str(folder), "--out", str(out), "--workers", "2", "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "7 analysed" in result.output  # the repeated key is dropped by load, as locally
    assert not ray.is_initialized()  # the run connected, and let go when done

    db = tmp_path / "ray.db"
    assert _load(out, db) == expected
    with Store(db) as store:
        assert store.skipped() == skipped
