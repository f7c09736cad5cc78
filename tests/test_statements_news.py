"""Who said what in the shapes real news coverage takes (issue 15), on sentences written
for the tests: where the reported words end, and what only looks like an attribution."""

from __future__ import annotations

from conftest import text_article
from storyline.analyze import analyze_doc
from storyline.schema import Statement

COMPONENTS = ("entities", "timexes", "statements")


def statements(nlp, text: str) -> list[Statement]:  # type: ignore[no-untyped-def]
    article = text_article(text, published="2025-05-20")
    return analyze_doc(article, nlp(text), components=COMPONENTS).statements


def test_a_new_clause_after_a_parenthetical_attribution_is_not_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two consolidation packages totaling 2.5% of GDP will keep debt from spiraling, "
        "Yaron said, but he pressed the government to channel more of its budget toward "
        "growth engines."
    )
    found = statements(nlp, text)
    first = next(s for s in found if s.text.startswith("Two consolidation"))
    assert first.speaker == "Yaron"
    assert (
        first.text
        == "Two consolidation packages totaling 2.5% of GDP will keep debt from spiraling"
    )


def test_the_reporters_without_evidence_is_not_part_of_the_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prime Minister Ivan Marko accused Borduria of involvement, without providing any evidence."
    )
    (s,) = statements(nlp, text)
    assert s.speaker == "Ivan Marko"
    assert s.text == "Borduria of involvement"


def test_a_subject_that_is_nobody_makes_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "No group has claimed responsibility for the bombing in the capital."
    assert statements(nlp, text) == []
