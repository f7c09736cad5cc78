"""Where and when a statement was made: its medium and its date."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.speech_lexicon import MEDIA
from storyline.analyze.statements.view import ArticleView
from storyline.analyze.timexes.values import timex_date
from storyline.schema import Timex


def medium_in(text: str, start: int, end: int) -> str | None:
    chunk = text[start:end]
    for pattern, name in MEDIA:
        if pattern.search(chunk):
            return name
    return None


def attribution_ranges(cue: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
    """The cue's clause outside what was said: where medium and date are stated."""
    sent = cue.sent
    lo, hi = sent.start_char, sent.end_char
    # A cue in a participle ("..., adding on X that") has its own clause.
    if cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.i < cue.i:
        lo = cue.left_edge.idx
    cs, ce = content
    out = []
    if lo < min(cs, hi):
        out.append((lo, min(cs, hi)))
    if max(ce, lo) < hi:
        out.append((max(ce, lo), hi))
    return out


def medium_of(art: ArticleView, ranges: list[tuple[int, int]]) -> str | None:
    for s, e in ranges:
        m = medium_in(art.text, s, e)
        if m is not None:
            return m
    return None


def statement_date(timexes: list[Timex], cue: Token, ranges: list[tuple[int, int]]) -> str | None:
    """The date of the time expression in the cue's clause nearest the cue."""
    best: tuple[int, str] | None = None
    for t in timexes:
        date = timex_date(t)
        if date is None:
            continue
        if not any(s <= t.start and t.end <= e for s, e in ranges):
            continue
        # The timex must hang on the cue, not on a noun or verb inside another clause.
        tok = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if tok is not None and not _governed_by(tok.root, cue):
            continue
        dist = abs(t.start - cue.idx)
        if best is None or dist < best[0]:
            best = (dist, date)
    return best[1] if best else None


def _governed_by(tok: Token, cue: Token) -> bool:
    cur = tok
    for _ in range(6):
        if cur.i == cue.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.pos_ == "VERB" and cur.i != tok.i:
            return False
        cur = cur.head
    return False
