"""Tense: past-tense news refers back, future tense forward."""

from __future__ import annotations

import re

from spacy.tokens import Doc

PAST, FUTURE, AHEAD = "past", "future", "ahead"
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_FUTURE_VERBS = {"begin", "start", "schedule", "plan", "expect", "due", "set"}
# Words just before a date that put it ahead whatever the tense ("until June 1").
_FUTURE_BEFORE = r"\b(?:until|till|by next|ahead of|before next|as soon as|starting)\s+$"
# Words that allow a date ahead without saying it is still ahead ("talks scheduled for
# October 7", written in May, are ahead; "her testimony, scheduled for May 13", written on
# May 21, is past): a yearless date is then the nearer reading, however far ahead.
_AHEAD_BEFORE = r"\b(?:upcoming|next|set for|(?:scheduled|planned|due) (?:for|on))\s+$"


def direction_of(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """``past`` or ``future`` when the governing clause's tense says so; when it does not,
    ``ahead`` when a word before the date allows it ahead (``_AHEAD_BEFORE``); else None."""
    if doc is None:
        return None
    before = text[max(0, start - 16) : start].lower()
    if re.search(_FUTURE_BEFORE, before):
        return FUTURE
    tense = _tense_of(doc, start, end)
    return AHEAD if tense is None and re.search(_AHEAD_BEFORE, before) else tense


def _tense_of(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause that governs the span: ``past``, ``future`` or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and low in _FUTURE_AUX:
            return FUTURE
        if child.dep_ == "aux" and child.tag_ == "TO":
            # "agreed to sell in October" reports the past; "due to be published in May" does not.
            matrix = tok.head
            if matrix is tok:
                return None
            if matrix.tag_ in ("VBZ", "VBP", "MD") or matrix.lemma_ in _FUTURE_VERBS:
                return FUTURE  # "plans to", "is due to be published"
            return PAST if matrix.tag_ == "VBD" else None
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD":
            return PAST  # "was killed", "had said"
        if child.dep_ == "aux" and child.lower_ in ("has", "have", "'ve"):
            return PAST
    if tok.tag_ == "VBD":
        return PAST
    return None
