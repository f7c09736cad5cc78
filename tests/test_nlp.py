"""The pinned spaCy model is checked at start-up."""

from __future__ import annotations

import json

import pytest

from conftest import saying, statements
from storyline.analyze.nlp import (
    NAMES_NOT_CONTRACTIONS,
    SENTENCE_END_LETTERS,
    ModelError,
    check_model_meta,
    model_meta_path,
)


def test_installed_model_is_en_core_web_sm_3_8_0(nlp) -> None:  # type: ignore[no-untyped-def]
    meta = json.loads(model_meta_path().read_text())
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")
    check_model_meta(meta)
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "meta",
    [
        {"lang": "en", "name": "core_web_md", "version": "3.8.0"},
        {"lang": "en", "name": "core_web_sm", "version": "3.7.1"},
        {"lang": "de", "name": "core_news_sm", "version": "3.8.0"},
    ],
)
def test_other_models_are_refused(meta: dict[str, str]) -> None:
    with pytest.raises(ModelError, match=r"en_core_web_sm 3\.8\.0"):
        check_model_meta(meta)


def test_a_headline_run_without_full_stops_breaks_at_each_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Marko denies being slapped by his wife in Vietnam In Vietnam, Marko aims "
        "to seize on reforms The film The Godfather was shown in The Hague on Monday."
    )
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert starts[:2] == ["President", "In"]
    assert "Hague" not in starts and "Godfather" not in starts


def test_any_number_word_opening_a_headline_count_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # Not only the number words seen in a headline so far: "Twelve" as well as "Five".
    text = (
        "Marko pledges reform at summit in Lisbon Twelve people hurt in tram crash "
        "The talks reached Round Two. But nothing moved."
    )
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert "Twelve" in starts
    assert "Two" not in starts


def test_a_blank_line_ends_a_headline_without_a_full_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Obama Says Museum Will Tell of Suffering\n\nPresident Obama said that it would."
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert starts == ["Obama", "President"]


def test_a_number_word_before_a_singular_word_starts_no_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    # Sentences written for this test: a number word in a name ("Chapter Eleven", a
    # battalion's "Twelve") is no headline count; one before a plural noun is.
    text = (
        "The carrier filed for Chapter Eleven bankruptcy protection in New York on Monday. "
        "Mr Marko thanked the court Five years after the crash, the airline is gone. "
        "Veterans of the Harbour Twelve were freed on Friday. "
        "Marko on the red carpet in Cannes Ten small towns worth a visit "
        "Storm hits the coast of Lisbon Dozens of homes flooded"
    )
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert "Eleven" not in starts and "Twelve" not in starts
    assert "Five" in starts and "Ten" in starts  # a plural noun after its adjective
    assert "Dozens" in starts  # or after "of"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("WASHINGTON -- President Marko, opening the museum, said it would last.", "President"),
        ("Storm nears\nKYIV, Ukraine (AP) — Officials said the dam held.", "Officials"),
        ("MOSCOW, May 26. /TASS/. Foreign Minister Ivan Marko said talks failed.", "Foreign"),
        ("DEIR AL-BALAH, Gaza Strip (AP) -- Doctors said the ward was full.", "Doctors"),
        ("LONDON (Reuters) - Prime Minister Ivan Marko said the plan would work.", "Prime"),
    ],
)
def test_a_dateline_is_no_part_of_the_lead_sentence(nlp, text: str, lead: str) -> None:  # type: ignore[no-untyped-def]
    # Datelines written for this test in the shapes agencies use: the lead sentence
    # starts after the dash, so its subject is not the place.
    doc = nlp(text)
    sent = next(s for s in doc.sents if s[0].text == lead)
    assert "said" in sent.text


def test_a_capitalised_word_and_a_dash_inside_a_sentence_is_no_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "NATO - the alliance - said nothing. The US-led push - Marko said - failed."
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert starts == ["NATO", "The"]


def test_a_heading_in_capitals_before_a_dash_is_no_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    # A run-in section heading written for this test: too many words for a place.
    text = (
        "The study was published.\n\nHIS OWN COLLEAGUES DO NOT WANT TO WORK WITH HIM — "
        "Marko may win the ratings, but that does not mean his peers respect him."
    )
    starts = [t.text for t in nlp(text) if t.is_sent_start]
    assert "Marko" not in starts


@pytest.mark.parametrize(("word", "example"), NAMES_NOT_CONTRACTIONS.items())
def test_a_name_is_not_split_as_a_contraction(nlp, word: str, example: str) -> None:  # type: ignore[no-untyped-def]
    assert word in [t.text for t in nlp(example)]


@pytest.mark.parametrize(("word", "example"), SENTENCE_END_LETTERS.items())
def test_a_platform_letter_ends_its_sentence(nlp, word: str, example: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(example)
    after = next(t for t in doc if t.text == word[:-1]).i + 2
    assert doc[after].is_sent_start


def test_words_after_said_on_x_keep_their_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # 409 articles (DW): "X. Magezi" read as an initial ran two sentences into one.
    text = (
        "The army suspended all cooperation with Germany, army spokesperson Chris Magezi "
        "said on X. Magezi said the decision was based on intelligence reports."
    )
    found = statements(nlp, text)
    assert saying(found, "suspended all cooperation").speaker == "Chris Magezi"
    assert saying(found, "the decision was based").speaker == "Chris Magezi"


def test_a_statement_about_jony_ive_keeps_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # 409 articles (CNN): "Ive" was read "I've", and Sam Altman's statement was lost.
    text = "OpenAI CEO Sam Altman called Jony Ive a great designer on Wednesday."
    assert saying(statements(nlp, text), "Jony Ive").speaker == "Sam Altman"
