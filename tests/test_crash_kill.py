"""kill -9 mid-ingest: the store stays consistent and a re-run completes it exactly.

A few trials of ``benchmarks/kill_ingest.py`` (which runs 20 or more): the
real CLI in its own process group, killed once a chosen number of articles
is stored, then checked against a clean reference ingest of the same inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from kill_ingest import check_store, export, freeze_code, make_inputs, per_article, run, trial


@pytest.fixture(scope="module")
def reference(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("kill")
    freeze_code(folder)
    inputs = make_inputs(folder, articles=6)
    db = folder / "reference.db"
    run(inputs, db, workers=1)
    return folder, inputs, per_article(db), export(db)


def test_reference_is_consistent(reference) -> None:  # type: ignore[no-untyped-def]
    folder, _, counts, ref_export = reference
    assert len(counts) == 11  # five seeds and six news-dumpster articles
    assert check_store(folder / "reference.db", counts) == (11, [])
    assert b'"articles": [' in ref_export


@pytest.mark.parametrize(
    ("target", "workers"),
    [
        (3, 1),  # mid-ingest, one process
        (11, 1),  # every article saved: killed in the corpus stage or on the way out
    ],
)
def test_kill_then_rerun(reference, target: int, workers: int) -> None:  # type: ignore[no-untyped-def]
    folder, inputs, counts, ref_export = reference
    result = trial(inputs, folder, counts, ref_export, target=target, delay=0.0, workers=workers)
    assert result.problems == []
    assert result.at_kill >= min(target, 1)  # the kill came after real writes
    assert result.rerun_ok
