"""Running an ingest: the steps, and the runners that execute them.

``steps``      the per-article steps: clean one input, pass over what is
               unchanged, spool the batch and learn its outlets' furniture
               (``storyline.learning``), analyse a stream, save; and the
               corpus trigger
``local``      ``ingest``: every step on this machine, over files and fetched
               documents (``storyline ingest``, ``storyline watch``)
``processes``  the analysis step in a pool of worker processes (``--workers``)
``ray``        read, clean and analyse on Ray Data, findings to Parquet
               (``--engine ray``)
``parquet``    the Parquet rows of a Ray run, and ``load`` that stores them
               (``storyline load``)

The Ray runner imports the steps (and the Parquet rows), no other runner; the
local runner hands its analysis step to the process pool when given workers.
Ray is an optional extra, imported only by ``ray`` and only when a run asks
for it.
"""

from storyline.run.local import ingest
from storyline.run.steps import MAX_TEXT_CHARS, IngestReport

__all__ = ["MAX_TEXT_CHARS", "IngestReport", "ingest"]
