"""The Ray runner: read -> clean -> analyse on Ray Data, findings to Parquet.

The steps are the local runner's own (``storyline.run.steps``), wrapped for
Ray; this module imports no other runner:

* reading: ``ray.data.from_items`` over the input *files* (the expansion of
  the named files and folders, which is cheap), then ``flat_map`` with the
  local readers, so the reading and decompressing happen in Ray tasks on
  the cluster. Not a custom ``Datasource``: our readers are generators over
  five formats that report bad records as Skips with reasons, and re-using
  them as they are is what keeps the two paths identical. (Files must be
  visible to every node: a shared filesystem, or run on one big machine.)
* cleaning: ``map`` with ``steps.clean_one``;
* analysis: ``map_batches`` with a callable class, so Ray keeps a pool of
  actors, each loading the spaCy model once and running
  ``steps.analyze_stream`` (``nlp.pipe`` + ``analyze_doc``) per batch;
* output: ``write_parquet`` (schema in ``storyline.run.parquet``).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from storyline.errors import NoInputs, OutNotEmpty, RayMissing
from storyline.read import READERS, expand
from storyline.read.decode import strip_gz
from storyline.run.parquet import arrow_schema, row
from storyline.run.steps import IngestReport, analyze_stream, clean_one
from storyline.schema import Article, RawDocument, Skip

# Articles per model call inside an actor, as in the local path.
BATCH_SIZE = 16


@dataclass
class RayRun:
    files: int
    articles: int
    skipped: int
    out: Path


def _read(item: dict[str, Any]) -> list[dict[str, Any]]:
    """One input file -> one row per record it holds (a document to clean, or a skip)."""
    file = item["file"]
    if item["skip"] is not None:
        return [row(file, 0, Skip(item["path"], item["skip"]))]
    path = Path(item["path"])
    out = []
    for rec, doc in enumerate(READERS[strip_gz(path)[0]](path, item["path"])):
        if isinstance(doc, Skip):
            out.append(row(file, rec, doc))
        else:
            payload = json.dumps(asdict(doc), ensure_ascii=False)
            out.append({"file": file, "rec": rec, "kind": "doc", "article_id": None,
                        "source": doc.source, "reason": None, "payload": payload})  # fmt: skip
    return out


def _clean(r: dict[str, Any]) -> dict[str, Any]:
    if r["kind"] != "doc":
        return r
    return row(r["file"], r["rec"], clean_one(RawDocument(**json.loads(r["payload"]))))


class Analyzer:
    """One per Ray actor: the model is loaded once, then every batch goes through it."""

    def __init__(self, batch_size: int = BATCH_SIZE) -> None:
        from storyline.analyze.nlp import load_nlp

        self.nlp = load_nlp()
        self.batch_size = batch_size

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = batch.to_pylist()
        todo = [r for r in rows if r["kind"] == "article"]
        articles = [Article(**json.loads(r["payload"])) for r in todo]
        # analyze_stream yields Findings holding the very Article objects given,
        # and reports a failed one as a Skip by source.
        key = {id(a): (r["file"], r["rec"]) for a, r in zip(articles, todo, strict=True)}
        by_source = {a.source: key[id(a)] for a in articles}
        report = IngestReport()
        done: dict[tuple[int, int], dict[str, Any]] = {}
        for findings in analyze_stream(articles, self.nlp, report, batch_size=self.batch_size):
            file, rec = key[id(findings.article)]
            done[(file, rec)] = row(file, rec, findings)
        for skip in report.skipped:
            file, rec = by_source[skip.source]
            done[(file, rec)] = row(file, rec, skip)
        out = [r if r["kind"] != "article" else done[(r["file"], r["rec"])] for r in rows]
        return pa.Table.from_pylist(out, schema=arrow_schema())


def run_ray(
    paths: list[str],
    out: str | Path,
    address: str | None = None,
    actors: int | None = None,
    num_cpus: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
) -> RayRun:
    """Analyse ``paths`` on Ray and write Parquet under ``out`` (which must be new or empty).

    ``address`` (or ``RAY_ADDRESS``) names a running cluster; without one Ray
    starts locally on this machine with ``num_cpus``. ``actors`` is the size
    of the spaCy actor pool (default: the cluster's CPUs less one, which is
    left for reading and cleaning).
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:  # the optional extra
        raise RayMissing("the ray engine needs Ray") from exc
    folder = Path(out)
    if folder.exists() and any(folder.iterdir()):
        raise OutNotEmpty(f"{folder} is not empty")

    started_here = not ray.is_initialized()
    if started_here:
        address = address or os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # ``load`` reads files in order
        ctx.enable_progress_bars = progress
        cpus = int(ray.cluster_resources().get("CPU", 1))
        pool = actors or max(1, cpus - 1)

        inputs = []
        for file, item in enumerate(expand(paths)):
            if isinstance(item, Skip):
                inputs.append({"file": file, "path": item.source, "skip": item.reason})
            else:
                inputs.append({"file": file, "path": str(item), "skip": None})
        if not inputs:
            raise NoInputs("no inputs")
        ds: Any = ray.data.from_items(inputs)
        ds = ds.flat_map(_read).map(_clean)
        ds = ds.map_batches(
            Analyzer,
            fn_constructor_kwargs={"batch_size": batch_size},
            batch_size=batch_size * 4,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=pool),
            num_cpus=1,
        )
        ds.write_parquet(str(folder))
    finally:
        if started_here:
            ray.shutdown()
    return _summary(len(inputs), folder)


def _summary(files: int, folder: Path) -> RayRun:
    import pyarrow.parquet as pq

    kinds = pq.read_table(sorted(folder.rglob("*.parquet")), columns=["kind"])["kind"]
    values = kinds.to_pylist()
    return RayRun(files, values.count("findings"), values.count("skip"), folder)
