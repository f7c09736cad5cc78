"""The figures component (being built: see the issue that owns it)."""

from __future__ import annotations

from storyline.analyze.pipeline import Context, component


@component("figures")
def find_figures(ctx: Context) -> None:
    """Finds nothing yet; the records and their table exist from the foundation on."""
