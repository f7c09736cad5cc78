"""The component registry: what an analyser receives and how it is registered by name.

Kept apart from ``pipeline`` so that the components import only this module:
the pipeline imports the components (to register them) and nothing imports
back up, in the manner of spaCy's ``@Language.component``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from storyline.schema import Article, Findings


@dataclass
class Context:
    article: Article
    doc: Doc
    findings: Findings
    # What a component found but keeps back for an optional later one (the
    # statements component's stances, which the ``stances`` component adds).
    held: dict[str, list[Any]] = field(default_factory=dict)


Component = Callable[[Context], None]
_REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register an analyser under ``name`` (the names the pipeline config lists)."""

    def register(func: Component) -> Component:
        _REGISTRY[name] = func
        return func

    return register


def all_registered() -> dict[str, Component]:
    """The analysers registered so far, by name."""
    return dict(_REGISTRY)
