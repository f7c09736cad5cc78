"""The per-article stage: a pure function from an Article (and its parsed Doc) to Findings.

Analysers are components registered by name, in the manner of spaCy's
pipeline: each reads the article, the Doc and what earlier components found,
and appends its own records. No component touches files, the store or global
state, so the same code runs in the local loop, in worker processes and on Ray.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.analyze.registry import Component, Context, all_registered, component
from storyline.schema import Article, Findings

__all__ = [
    "DEFAULT_COMPONENTS",
    "WITH_STANCES",
    "Component",
    "Context",
    "analyze_doc",
    "component",
    "registered",
]

# Components run in this order: dates first (statements and figures take
# their dates from them), statements before figures (figures take their
# claimant from the statement that carries them).
DEFAULT_COMPONENTS: tuple[str, ...] = ("entities", "timexes", "statements", "figures")
# Stances (a position attributed without words: "called for a ceasefire") are
# not precise enough on real news to be on by default (issue 15); this adds them.
WITH_STANCES: tuple[str, ...] = ("entities", "timexes", "statements", "stances", "figures")


def registered() -> dict[str, Component]:
    # Importing the modules registers their components (deferred, so that
    # importing the package stays light; they import only ``registry`` back).
    from storyline.analyze import entities, figures, statements, timexes  # noqa: F401

    return all_registered()


def analyze_doc(
    article: Article, doc: Doc, components: Sequence[str] = DEFAULT_COMPONENTS
) -> Findings:
    """Run the named components over one parsed article."""
    registry = registered()
    unknown = [name for name in components if name not in registry]
    if unknown:
        raise ValueError(f"unknown analysis component(s): {', '.join(unknown)}")
    ctx = Context(article=article, doc=doc, findings=Findings(article=article))
    for name in components:
        registry[name](ctx)
    return ctx.findings
