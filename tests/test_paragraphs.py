"""Display paragraphs for one-line texts (clean/paragraphs.py): offsets only, text untouched."""

from __future__ import annotations

from storyline.clean.paragraphs import MAX_CHARS, MIN_CHARS, paragraph_starts, paragraphs

SENTENCE = "The ministry said on Monday that the talks in Istanbul would resume next week."
QUOTE = (
    '"We are ready to meet again. We have said so many times. The other side knows it. '
    'Nobody should doubt it," the minister told reporters in the capital on Tuesday.'
)


def test_short_and_paragraphed_texts_keep_their_paragraphs() -> None:
    assert paragraph_starts("") == []
    assert paragraph_starts(SENTENCE) == [0]
    text = f"{SENTENCE}\n\n{SENTENCE}"
    assert paragraph_starts(text) == [0, len(SENTENCE) + 2]


def test_a_one_line_text_is_split_at_sentence_starts() -> None:
    text = " ".join([SENTENCE] * 30)
    spans = paragraphs(text)
    assert len(spans) > 3
    for s, e in spans:
        assert text[s:e].startswith("The ministry") and text[s:e].endswith("week.")
        assert e - s <= MAX_CHARS and (e - s >= MIN_CHARS or e == len(text))
    # Nothing moved: the pieces and the spaces between them are the text.
    assert " ".join(text[s:e] for s, e in spans) == text


def test_a_quote_is_never_split() -> None:
    text = " ".join([SENTENCE] * 5 + [QUOTE] * 4 + [SENTENCE] * 5)
    for start in paragraph_starts(text):
        before = text[:start]
        assert before.count('"') % 2 == 0, text[start : start + 40]


def test_abbreviations_do_not_end_sentences() -> None:
    text = " ".join(["Officials in the U.S. Treasury said the sanctions would stay."] * 30)
    for start in paragraph_starts(text)[1:]:
        assert text[start:].startswith("Officials")
