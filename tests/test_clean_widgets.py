"""Widget rules (clean/patterns.WIDGET_RULES): each removes exactly its example's furniture,
says which rule removed it, and leaves reporting that merely resembles it."""

from __future__ import annotations

import re

import pytest

from storyline.clean import clean_text
from storyline.clean.patterns import SENTENCE_RULES, WIDGET_RULES, Rule
from storyline.clean.text import strip_furniture_sentences

_MARKED = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def _split(example: str) -> tuple[str, str, list[str]]:
    """(text as seen, text without the marked parts, the marked parts)."""
    seen = _MARKED.sub(lambda m: m.group(1), example)
    kept = " ".join(_MARKED.sub(" ", example).split())
    return seen, kept, _MARKED.findall(example)


@pytest.mark.parametrize("rule", WIDGET_RULES, ids=lambda r: r.name)
def test_widget_rule_removes_its_example(rule: Rule) -> None:
    assert rule.example and _MARKED.search(rule.example), rule.name
    seen, kept, marked = _split(rule.example)
    text, removed = strip_furniture_sentences(seen)
    assert text == kept
    assert removed == [m.strip() for m in marked]
    assert [r.reason for r in removed] == [rule.name] * len(marked)


def test_rule_names_are_unique() -> None:
    names = [r.name for r in (*SENTENCE_RULES, *WIDGET_RULES)]
    assert len(names) == len(set(names))


def test_a_bio_is_removed_once_the_widget_after_it_is_gone() -> None:
    text = (
        "The investigation is ongoing. Diana Stancy is a politics reporter with Fox News Digital "
        "covering the White House. Fox News' Antisemitism Exposed\" newsletter brings you stories "
        'on the rising anti-Jewish prejudice across the U.S. and the world."'
    )
    clean, removed = clean_text(text)
    assert clean == "The investigation is ongoing."
    assert [r.reason for r in removed] == ["author-bio", "newsletter-box"]


@pytest.mark.parametrize(
    "text",
    [
        # A reporter in the news, with a sentence after the bio-like one that is news.
        "Evan Gershkovich is a reporter for The Wall Street Journal. He was arrested in "
        "Yekaterinburg in March 2023.",
        # All-caps words in a quote, and a caps word glued to the next sentence's "A".
        'Trump wrote: "GET OUT AND VOTE TODAY!" A spokesman declined to comment.',
        # Reading time in prose.
        "The report, a 20 min read, was published by the ministry on Monday.",
    ],
)
def test_reporting_that_resembles_a_widget_is_kept(text: str) -> None:
    assert clean_text(text) == (text, [])


def test_caps_promo_leaves_the_next_sentence_whole() -> None:
    text = "He said. CLICK HERE TO GET THE FOX NEWS APP The job of the courts is clear."
    clean, removed = clean_text(text)
    assert clean == "He said. The job of the courts is clear."
    assert removed == ["CLICK HERE TO GET THE FOX NEWS APP"]
