"""The timexes component (being built: see the issue that owns it)."""

from __future__ import annotations

from storyline.analyze.pipeline import Context, component


@component("timexes")
def find_timexes(ctx: Context) -> None:
    """Finds nothing yet; the records and their table exist from the foundation on."""
