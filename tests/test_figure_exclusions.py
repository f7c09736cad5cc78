"""The figures' exclusions are data: each one's example is excluded, and by that rule.

An example marks its number with [brackets]. The number must be found by the
grammar, the exclusion must apply to it, no earlier exclusion may (a rule
whose example an earlier one already covers could be dead code), and the
whole component must give no figure there.
"""

from __future__ import annotations

import pytest

from storyline.analyze.figures import extract_figures
from storyline.analyze.figures.exclusions import (
    EXCLUSIONS,
    Exclusion,
    NumberInText,
    excluded_by,
    is_excluded,
)
from storyline.analyze.figures.grammar import scan


def _marked(example: str) -> tuple[str, int]:
    """The sentence without its brackets, and where the bracketed number starts."""
    assert example.count("[") == 1 and example.count("]") == 1, example
    return example.replace("[", "").replace("]", ""), example.index("[")


def test_exclusions_have_unique_names_and_marked_examples() -> None:
    names = [e.name for e in EXCLUSIONS]
    assert len(names) == len(set(names))
    for exclusion in EXCLUSIONS:
        _marked(exclusion.example)


@pytest.mark.parametrize("exclusion", EXCLUSIONS, ids=lambda e: e.name)
def test_each_example_is_excluded_by_its_own_rule(nlp, exclusion: Exclusion) -> None:  # type: ignore[no-untyped-def]
    text, mark = _marked(exclusion.example)
    doc = nlp(text)
    tokens = list(doc)
    found = [q for q in scan(text) if q.start <= mark < q.end]
    assert found, f"the grammar finds no number at the mark of {exclusion.example!r}"
    q = found[0]
    assert exclusion.test(NumberInText.of(text, q, tokens))
    first = excluded_by(text, q, tokens)
    by = first.name if first is not None else None
    assert first is exclusion, f"{exclusion.name!r}'s example is excluded by {by!r}"
    assert is_excluded(text, q, tokens)
    figures = extract_figures("test", text, doc)
    assert not [f for f in figures if f.start < q.end and q.start < f.end]


def test_a_plain_count_is_not_excluded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said 4,300 people were evacuated on the coast."
    doc = nlp(text)
    (q,) = [q for q in scan(text) if text[q.start : q.end] == "4,300"]
    assert excluded_by(text, q, list(doc)) is None
    assert [f.text for f in extract_figures("test", text, doc)] == ["4,300"]


def test_ages_listed_after_aged_are_no_counts_but_a_counted_noun_is(nlp) -> None:  # type: ignore[no-untyped-def]
    # After the emergency service's report of three children killed in the Zhytomyr region:
    # the 12 and the 17 are their ages, and joined the series of children killed.
    text = "Three children were killed, aged eight, 12 and 17, the emergency service said."
    assert [f.text for f in extract_figures("test", text, nlp(text))] == ["Three"]
    text = "Those killed were children aged between 8 and 17, they said."
    assert extract_figures("test", text, nlp(text)) == []
    text = "Six people aged 60 and 12 soldiers were killed."
    assert [f.text for f in extract_figures("test", text, nlp(text))] == ["Six", "12"]
