"""Scaling out: the distributed mode on Ray Data, and loading its output into a store.

``run_ray`` (``storyline ingest --engine ray INPUTS --out DIR``) reads, cleans
and analyses on a Ray cluster with the very functions the local path uses,
and writes the findings as Parquet files; ``load`` (``storyline load DIR``)
writes them into a store one article per transaction and runs the corpus
stage. Ray is an optional extra (``pip install 'storyline[ray]'``), imported
only here and only when asked for; ``load`` needs just pyarrow.
"""

from storyline.scale.parquet import load
from storyline.scale.ray_engine import run_ray

__all__ = ["load", "run_ray"]
