"""The export contract: schema-valid in every format, deterministic, and documented."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import get_args

import jsonschema
import pytest

from conftest import ROOT, SEEDS
from storyline.export import KINDS, SCHEMA_PATH, write_csv, write_json, write_jsonl
from storyline.journey import ingest
from storyline.schema import CONTRACT, PublishedBasis
from storyline.store import Store

SCHEMA = json.loads(SCHEMA_PATH.read_text())


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("export") / "s.db"
    with Store(db) as store:
        ingest([SEEDS], store, nlp=nlp)
    return db


def _json(db: Path) -> str:
    out = io.StringIO()
    with Store(db) as store:
        write_json(store, out)
    return out.getvalue()


def test_json_export_matches_the_schema(store_path: Path) -> None:
    data = json.loads(_json(store_path))
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 5 and data["entities"]
    # Offsets point into the article text.
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_every_record_kind_round_trips_through_jsonl(store_path: Path) -> None:
    out = io.StringIO()
    with Store(store_path) as store:
        write_jsonl(store, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["record"] == "header"
    rebuilt: dict[str, list] = {name: [] for name in CONTRACT}
    plural = {kind: name for name, kind in KINDS.items()}
    for line in lines[1:]:
        rebuilt[plural[line.pop("record")]].append(line)
    header = {k: v for k, v in lines[0].items() if k != "record"}
    jsonschema.validate({**header, **rebuilt}, SCHEMA)
    assert rebuilt == {k: v for k, v in json.loads(_json(store_path)).items() if k in CONTRACT}


def test_csv_has_one_file_per_list_with_contract_columns(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        write_csv(store, tmp_path)
    for name, (_, columns) in CONTRACT.items():
        with (tmp_path / f"{name}.csv").open(newline="") as fh:
            rows = list(csv.reader(fh))
        assert tuple(rows[0]) == columns
    with (tmp_path / "articles.csv").open(newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 5


def test_export_is_byte_for_byte_deterministic(store_path: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    first = _json(store_path)
    assert _json(store_path) == first
    # A fresh store built from the same input gives the same export.
    with Store(tmp_path / "again.db") as store:
        ingest([SEEDS], store, nlp=nlp)
    assert _json(tmp_path / "again.db") == first


def test_contract_doc_names_every_field() -> None:
    doc = (ROOT / "docs" / "export.md").read_text()
    for name, (_, columns) in CONTRACT.items():
        assert f"`{name}`" in doc, name
        section = doc.split(f"### `{name}`", 1)[1].split("###", 1)[0]
        documented = set(re.findall(r"^\| `(\w+)`", section, flags=re.M))
        assert documented == set(columns), (name, set(columns) ^ documented)


def test_schema_lists_exactly_the_contract_fields() -> None:
    defs = SCHEMA["$defs"]
    for name, (_, columns) in CONTRACT.items():
        assert tuple(defs[KINDS[name]]["properties"]) == columns


def test_schema_lists_exactly_the_publication_date_bases() -> None:
    basis = SCHEMA["$defs"][KINDS["articles"]]["properties"]["published_basis"]["enum"]
    assert basis == [*get_args(PublishedBasis), None]


def test_worker_processes_give_the_same_export(store_path: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "parallel.db") as store:
        report = ingest([SEEDS], store, workers=2)
    assert len(report.added) == 5 and not report.skipped
    assert _json(tmp_path / "parallel.db") == _json(store_path)
