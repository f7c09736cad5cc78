"""The Parquet partitions the distributed mode writes, and ``load`` that stores them.

One row per input record, in a fixed schema:

``file``, ``rec``  where it came from (input file number, record number in it):
                   the local path's order, which ``load`` restores;
``kind``           ``findings`` or ``skip``;
``article_id``, ``source``, ``reason``  flat columns for looking at a run with
                   DuckDB or pandas without decoding anything;
``payload``        the row's record as JSON: an Article (between stages) or
                   the whole Findings. JSON, not nested Arrow structs, because
                   the records hold many optional fields whose Arrow types
                   cannot be inferred from a batch where they are all null,
                   and the round trip must be exact for the export to be
                   byte-identical to the local path's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import NoRun, PyarrowMissing
from storyline.run.steps import IngestReport, Unchanged, save, update_corpus
from storyline.schema import Article, Figure, Findings, Mention, Skip, Statement, Timex

if TYPE_CHECKING:
    from storyline.store import Store

COLUMNS = ("file", "rec", "kind", "article_id", "source", "reason", "payload")


def arrow_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("file", pa.int64()),
            ("rec", pa.int64()),
            ("kind", pa.string()),
            ("article_id", pa.string()),
            ("source", pa.string()),
            ("reason", pa.string()),
            ("payload", pa.large_string()),
        ]
    )


def row(file: int, rec: int, item: Findings | Skip | Article) -> dict[str, Any]:
    if isinstance(item, Skip):
        return {"file": file, "rec": rec, "kind": "skip", "article_id": None,
                "source": item.source, "reason": item.reason, "payload": None}  # fmt: skip
    kind = "findings" if isinstance(item, Findings) else "article"
    article = item.article if isinstance(item, Findings) else item
    return {
        "file": file,
        "rec": rec,
        "kind": kind,
        "article_id": article.id,
        "source": article.source,
        "reason": None,
        "payload": json.dumps(asdict(item), ensure_ascii=False),
    }


def findings_from_json(payload: str) -> Findings:
    data = json.loads(payload)
    return Findings(
        article=Article(**data["article"]),
        mentions=[Mention(**m) for m in data["mentions"]],
        statements=[Statement(**s) for s in data["statements"]],
        figures=[Figure(**f) for f in data["figures"]],
        timexes=[Timex(**t) for t in data["timexes"]],
    )


def read_rows(folder: str | Path) -> Iterator[dict[str, Any]]:
    """Every row under ``folder`` in input order, one Parquet file in memory at a time.

    The run writes with Ray's ``preserve_order``, so each file holds a run of
    consecutive rows: files are visited in the order of their first row. A
    folder written otherwise is still read correctly, by sorting all of it.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # the optional extra
        raise PyarrowMissing("loading a Ray run needs pyarrow") from exc

    files = sorted(Path(folder).rglob("*.parquet"))
    if not files:
        raise NoRun(f"no Parquet files under {folder}")
    firsts = []
    for path in files:
        keys = pq.read_table(path, columns=["file", "rec"])
        if keys.num_rows:
            pairs = sorted(zip(keys["file"].to_pylist(), keys["rec"].to_pylist(), strict=True))
            firsts.append((pairs[0], pairs[-1], path))
    firsts.sort()
    disjoint = all(a[1] < b[0] for a, b in pairwise(firsts))
    if not disjoint:
        table = pq.read_table(files, columns=list(COLUMNS))
        yield from sorted(table.to_pylist(), key=lambda r: (r["file"], r["rec"]))
        return
    for _, _, path in firsts:
        rows = pq.read_table(path, columns=list(COLUMNS)).to_pylist()
        yield from sorted(rows, key=lambda r: (r["file"], r["rec"]))


def load(folder: str | Path, store: Store, run_corpus: bool = True) -> IngestReport:
    """Write a distributed run's findings into ``store`` as the local ``ingest`` would.

    The same rules apply: one transaction per article, an article whose text
    is unchanged since it was stored is left alone, the first of two records
    with the same key wins, skips are recorded with their reasons, and the
    corpus stage runs over what was added.
    """
    report = IngestReport()
    unchanged = Unchanged(store)

    def fresh() -> Iterator[Findings]:
        for r in read_rows(folder):
            if r["kind"] == "skip":
                report.skipped.append(Skip(r["source"], r["reason"]))
                continue
            findings = findings_from_json(r["payload"])
            if unchanged(findings.article):
                report.unchanged += 1
            else:
                yield findings

    save(fresh(), store, report)
    if run_corpus:
        update_corpus(store)
    return report
