"""One ingest run end to end: bad inputs are reported by name and the rest of the batch lands."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS
from storyline.run import ingest
from storyline.store import Store


def test_bad_inputs_do_not_stop_the_batch(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "nav-only.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    )
    (folder / "blank.md").write_text("---\ntitle: Nothing here\n---\n\n")
    (folder / "cp1252.txt").write_bytes(
        "Kyiv talks\n\nThe minister’s aide said the talks would go on – «soon».\n".encode("cp1252")
    )
    (folder / "bad.jsonl").write_text(
        '{"text": "A real sentence about the talks in Kyiv."}\n{oops\n'
    )
    with Store(tmp_path / "s.db") as store:
        report = ingest([folder], store, nlp=nlp)
        skipped = {Path(s.source).name: s.reason for s in store.skipped()}
        titles = {a.title for a in store.articles()}
    assert len(report.added) == 7  # five seeds, the cp1252 text, the good JSON line
    assert "Kyiv talks" in titles
    assert set(skipped) == {"nav-only.html", "blank.md", "bad.jsonl#2"}
    assert all(reason for reason in skipped.values())
