"""Per-article analysis: pure functions from an Article and its spaCy Doc to Findings."""

from storyline.analyze.pipeline import (
    DEFAULT_COMPONENTS,
    WITH_STANCES,
    analyze_doc,
    component,
)

__all__ = [
    "DEFAULT_COMPONENTS",
    "WITH_STANCES",
    "analyze_doc",
    "component",
]
