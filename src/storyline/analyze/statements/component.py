"""The statements component: the passes in order, then one ``Statement`` each."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.cue_model import load_gate_model
from storyline.analyze.registry import Context, component
from storyline.analyze.speech_lexicon import NOUN_CUE_LEMMAS
from storyline.analyze.statements.cue_pass import cue_statements
from storyline.analyze.statements.cues import is_cue, span_of_subject
from storyline.analyze.statements.gate import (
    add_candidate,
    gate_candidates,
    has_speaker,
    says_something,
)
from storyline.analyze.statements.medium_date import attribution_ranges, medium_of, statement_date
from storyline.analyze.statements.quote_pass import colon_paragraphs, quote_statements
from storyline.analyze.statements.refine import is_statement, outermost, split_siblings
from storyline.analyze.statements.speakers import resolve_speaker
from storyline.analyze.statements.view import ArticleView, Found, overlaps
from storyline.schema import Statement, StatementKind, stable_id


def _kind(f: Found) -> StatementKind:
    """``speech`` for words said, ``stance`` for a position or act attributed without them."""
    cue = f.cue
    if f.direct or cue is None or is_cue(cue) or cue.lower_ in ("according", "in"):
        return "speech"
    if not any(ch.isalpha() for ch in cue.text):
        return "speech"  # a colon or a dash signature
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in NOUN_CUE_LEMMAS:
        return "speech"  # "his claim that", "her statement"
    return "stance"


_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _cue_start(cue: Token) -> int:
    """Where the cue's verb group starts: ``has strongly denied``, ``did not say``.

    The auxiliaries, negation and adverbs right before a verb cue (or the
    copula of an adjective cue) belong to it,
    as in PolNeAR's Cue spans; a reader needs the ``not`` most of all.
    """
    if cue.pos_ == "ADJ" and cue.dep_ == "acomp" and cue.head.i == cue.i - 1:
        cue = cue.head  # "has been critical of"
    if cue.pos_ not in ("VERB", "AUX"):
        return cue.idx
    first = cue
    doc = cue.doc
    while first.i > 0:
        prev = doc[first.i - 1]
        if prev.head.i != cue.i or prev.dep_ not in _CUE_LEFT_DEPS or "\n" in prev.whitespace_:
            break
        if prev.dep_ == "advmod" and not prev.text.isalpha():
            break
        first = prev
    return first.idx


def rule_statements(art: ArticleView) -> list[Found]:
    """The three rule passes: cues, ``NAME:`` paragraphs, then the quotes they left."""
    found = cue_statements(art)
    found += colon_paragraphs(art)
    found += quote_statements(art, found)
    return found


@component("statements")
def find_statements(ctx: Context) -> None:
    """Append the article's statements to ``ctx.findings.statements``, in text order."""
    art = ArticleView(ctx)
    found = rule_statements(art)
    gate = load_gate_model()
    if gate is not None:
        for cand in gate_candidates(art, found):
            if (
                has_speaker(cand.found)
                and says_something(art, cand.found)
                and gate.probability(cand.features) >= gate.threshold
            ):
                add_candidate(found, cand.found)
    found = [f for f in found if is_statement(art, f)]
    found = outermost(split_siblings(art, found))
    for f in sorted(found, key=lambda f: f.cue.idx if f.cue is not None else f.content[0]):
        if f.subj is not None and f.cue is not None:
            if f.speaker is None:
                f.speaker, f.is_person = resolve_speaker(art, f.subj)
            art.said.append((f.cue.idx, f.speaker, f.is_person))
        elif f.inherit is not None:
            f.speaker, f.is_person = f.inherit.speaker, f.inherit.is_person
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    seen: set[tuple[int, int]] = set()
    aid = ctx.article.id
    for f in found:
        if f.content in seen:
            continue
        seen.add(f.content)
        speaker = f.speaker
        sp_span: tuple[int, int] | None = None
        if f.speaker_span is not None:
            sp_span = f.speaker_span
        elif f.subj is not None and f.cue is not None:
            sp_span = span_of_subject(f.subj, clauses=True)
            if overlaps(sp_span, f.content):
                sp_span = span_of_subject(f.subj)
        if f.cue is not None:
            ranges = attribution_ranges(f.cue, f.content)
            medium = medium_of(art, ranges)
            date = statement_date(ctx.findings.timexes, f.cue, ranges)
        else:
            medium = date = None
        if f.cue is not None and f.cue_span is not None and f.cue_span[0] == f.cue.idx:
            f.cue_span = (_cue_start(f.cue), f.cue_span[1])
        s, e = f.content
        cue_text = art.text[f.cue_span[0] : f.cue_span[1]] if f.cue_span else None
        ctx.findings.statements.append(
            Statement(
                id=stable_id("st", aid, s, e),
                article_id=aid,
                speaker=speaker,
                speaker_entity=None,
                cue=cue_text,
                text=art.text[s:e],
                direct=f.direct,
                medium=medium,
                date=date,
                start=s,
                end=e,
                speaker_start=sp_span[0] if sp_span else None,
                speaker_end=sp_span[1] if sp_span else None,
                cue_start=f.cue_span[0] if f.cue_span else None,
                cue_end=f.cue_span[1] if f.cue_span else None,
                kind=_kind(f),
            )
        )
