"""Where and when a statement was made: its medium and its date."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.analyze.speech_lexicon import MEDIA, OUTLET_NAME_WORDS, OUTLET_NOUNS, RELAY_LEMMAS
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
    """A platform or outlet the attribution names: the known ones by pattern, else an
    outlet the words were told to or given in ("told CBC News", "in an interview with
    Russia's sports daily Sport Express", "on state broadcaster Rossiya-1")."""
    for s, e in ranges:
        m = medium_in(art.text, s, e)
        if m is not None:
            return m
    for s, e in ranges:
        for ent in art.doc.ents:
            if s <= ent.start_char and ent.end_char <= e and is_outlet(ent):
                return ent.text.removeprefix("the ").removeprefix("The ")
    return None


_OUTLET_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "NORP"})
_CHANNEL_PREPS = frozenset({"with", "to", "in", "on", "for"})


def is_outlet(ent: Span) -> bool:
    """A name the words went through: an outlet by its name or the noun before it,
    told to or given in ("told CBC News", "an interview with ... Sport Express")."""
    if ent.label_ not in _OUTLET_LABELS or "\n" in ent.text:
        return False
    doc = ent.doc
    words = {t.lower_ for t in ent}
    before = [t.lower_ for t in doc[max(0, ent.start - 4) : ent.start]]
    named = bool(words & OUTLET_NAME_WORDS) or any(w in OUTLET_NOUNS for w in before)
    if not named:
        return False
    root = ent.root
    head = root.head
    # "told CBC News", "interview with X", "wrote in X", "said on X", "X reported"
    return (
        (root.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "inform"))
        or (root.dep_ == "pobj" and head.lower_ in _CHANNEL_PREPS)
        or (root.dep_ in ("appos", "compound") and head.dep_ == "pobj")
    )


def relay_outlet(art: ArticleView, cue: Token, subj: Token | None) -> str | None:
    """ "..., RT reported": the outlet that relays another's words, when a relay verb's
    subject is an outlet; None otherwise."""
    if subj is None or cue.lemma_.lower() not in RELAY_LEMMAS:
        return None
    for ent in art.doc.ents:
        if ent.start <= subj.i < ent.end:
            name = ent.text.removeprefix("the ").removeprefix("The ")
            if {t.lower_ for t in ent} & OUTLET_NAME_WORDS or medium_in(ent.text, 0, len(ent.text)):
                return medium_in(ent.text, 0, len(ent.text)) or name
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
