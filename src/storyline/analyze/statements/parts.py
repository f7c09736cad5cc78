"""What the parts of ``Sources`` kept in their own modules (``forward``, ``joint``,
``documents``) read of the whole: one declaration of the attributes and methods
``speakers.Sources`` defines, so each part type-checks alone."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from storyline.analyze.statements.mentions import Mention, MentionIndex
from storyline.analyze.statements.people import Person
from storyline.analyze.statements.source import Source, Spoken


class SourcesPart:
    """A part of ``Sources``: what it may read of the rest."""

    doc: Doc
    persons: list[Person]
    index: MentionIndex
    in_quote: Callable[[int], bool]
    spoken: list[Spoken]

    def resolve(
        self,
        subj: Token,
        depth: int = 0,
        alone: bool = False,
        said: tuple[int, int] | None = None,
        quoted: bool = False,
    ) -> Source:
        raise NotImplementedError

    def person_name(self, p: Person) -> str:
        raise NotImplementedError

    def person_at(self, tok: Token) -> Person | None:
        raise NotImplementedError

    def fullest_name(self, name: str) -> str:
        raise NotImplementedError

    def _sent_of(self, tok: Token) -> int:
        raise NotImplementedError

    def _mention_source(self, m: Mention, depth: int) -> Source:
        raise NotImplementedError
