"""The statements component: the passes in order, then one ``Statement`` each."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.cue_model import load_gate_model
from storyline.analyze.registry import Context, component
from storyline.analyze.speech_lexicon import (
    NO_SOURCE_ADVERBS,
    NOUN_CUE_LEMMAS,
    SPEECH_ACT_LEMMAS,
)
from storyline.analyze.statements.cue_pass import cue_statements
from storyline.analyze.statements.cues import (
    cue_subject,
    implicit_subject,
    is_cue,
    is_phrase_cue,
    span_of_subject,
)
from storyline.analyze.statements.gate import (
    add_candidate,
    gate_candidates,
    has_speaker,
    says_something,
)
from storyline.analyze.statements.media_carry import MediaCarry
from storyline.analyze.statements.medium_date import (
    attribution_ranges,
    medium_after,
    medium_of,
    own_occasion,
    relay_tail,
    statement_date,
)
from storyline.analyze.statements.people import tidy_name
from storyline.analyze.statements.quote_pass import colon_paragraphs, quote_statements
from storyline.analyze.statements.refine import (
    headline_words,
    is_statement,
    outermost,
    relayed,
    split_siblings,
    without_asides,
)
from storyline.analyze.statements.speakers import Source
from storyline.analyze.statements.view import ArticleView, Found, overlaps
from storyline.outlet_lexicon import outlet_named
from storyline.outlets import family
from storyline.schema import Statement, StatementKind, stable_id


def _kind(f: Found) -> StatementKind:
    """``speech`` for words said, ``stance`` for a position or act attributed without them."""
    cue = f.cue
    if f.direct or cue is None or is_cue(cue) or is_phrase_cue(cue):
        return "speech"
    if cue.lower_ in ("according", "in"):
        return "speech"
    if cue.lower_ in NO_SOURCE_ADVERBS:
        return "speech"
    if not any(ch.isalpha() for ch in cue.text):
        return "speech"  # a colon or a dash signature
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in NOUN_CUE_LEMMAS:
        return "speech"  # "his claim that", "her statement"
    if cue.pos_ in ("VERB", "AUX") and cue.lemma_.lower() in SPEECH_ACT_LEMMAS:
        return "speech"  # "blamed India for the attack", "called for a ceasefire"
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


def _resolve_speakers(art: ArticleView, found: list[Found]) -> None:
    """Each statement's speaker, in the order of their cues (a pronoun may mean
    someone who spoke before); a continued quote takes its statement's."""
    sources = art.sources
    for f in found:
        if f.subj is None and f.cue is not None and f.inherit is None:
            implicit = implicit_subject(f.cue)
            if implicit is not None and not overlaps(span_of_subject(implicit), f.content):
                f.subj = implicit
    for f in found:
        if f.subj is not None and f.cue is not None and f.inherit is None:
            f.subj = _outside_quotes(art, f.subj, f.cue)
    described: list[str] = []
    for f in sorted(found, key=lambda f: f.cue.idx if f.cue is not None else f.content[0]):
        if f.inherit is not None:
            inherit = f.inherit
            f.speaker, f.is_person, f.status = inherit.speaker, inherit.is_person, inherit.status
        elif f.subj is not None and f.cue is not None:
            if f.speaker is None:
                source = sources.resolve(
                    f.subj, said=f.content, quoted=f.direct or _opens_quote(art, f)
                )
                f.speaker, f.is_person, f.status = source.name, source.is_person, source.status
                if f.status == "described" and f.speaker is not None and not f.is_person:
                    f.speaker = _fuller_description(f.speaker, described)
                    described.append(f.speaker)
            else:
                f.speaker = tidy_name(f.speaker)  # ("Luciana Lopez: ..." paragraphs)
                f.status = (f.status or "named") if f.speaker else "unresolved"
                source = Source(f.speaker, f.status, f.is_person, " and " in (f.speaker or ""))
            sources.spoke(f.cue, source, speech=_kind(f) == "speech")


def _opens_quote(art: ArticleView, f: Found) -> bool:
    """ "'Apart from Turkey, ... meetings,' the expert believes": words in quotation
    marks before their cue, though a stance's words are not counted direct."""
    return art.in_quote(f.content[0]) and f.cue is not None and f.content[0] < f.cue.idx


def _outside_quotes(art: ArticleView, subj: Token, cue: Token) -> Token:
    """A cue outside quotation marks has no subject inside them: '"... I don't like it,"
    Trump wrote, concluding: "..."' (the parser hung "concluding" on "like", and its
    subject was "I") is the subject of the nearest cue before it in the sentence."""
    if not art.in_quote(subj.idx) or art.in_quote(cue.idx):
        return subj
    for tok in reversed(art.doc[max(0, cue.i - 8) : cue.i]):  # ("Trump wrote, concluding")
        if "\n" in tok.text:
            break
        if is_cue(tok) and not art.in_quote(tok.idx):
            other = cue_subject(tok)
            if other is not None and not art.in_quote(other.idx):
                return other
            before = art.doc[tok.i - 1]  # ("Trump wrote", "Trump" parsed a compound)
            if before.pos_ == "PROPN" and not art.in_quote(before.idx):
                return before
    return subj


def _own_outlet(own: str | None, f: Found) -> bool:
    """ "..., The Jerusalem Post previously reported" in a Jerusalem Post article (its
    outlet family ``own``): the outlet's own reporting, the reporter's words, not a
    source's."""
    if own is None or not f.speaker or f.status != "named":
        return False
    outlet = outlet_named(f.speaker, generic=False)
    return outlet is not None and own in outlet.families


def _fuller_description(name: str, earlier: list[str]) -> str:
    """ "customs data" after "Chinese customs data": the same unnamed document or
    body, as the article first described it. Only for things, not people: a
    second "officials" may be other officials (and PolNeAR scores it worse)."""
    words = name.lower().split()
    if words[0] in ("a", "an", "another", "one"):
        return name  # "a senior official" after "a senior US official" may be another
    for prev in reversed(earlier):
        pw = prev.lower().split()
        if len(pw) > len(words) and pw[-1] == words[-1] and set(words) <= set(pw):
            return prev
    return name


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
    ctx.held["sources"] = [art.sources]  # the figures resolve their claimants with it
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
    found = split_siblings(art, found)
    without_asides(art, found)
    headline_words(art, found)
    found = outermost(relayed(art, found))
    _resolve_speakers(art, found)
    own = family(ctx.article.url, ctx.article.outlet)
    found = [f for f in found if not _own_outlet(own, f)]
    found = merge_split_quotes(art, found)
    # One content given by a speech cue and a stance cue ("has hit back, saying ..."):
    # the speech one stands, else the stance, held back, would hide the words said.
    # One content given with a source and without ("According to investigators, the man
    # is said to have ..."): the one that names its source stands.
    found.sort(key=lambda f: (f.content[0], f.content[1], _kind(f) == "stance", f.speaker is None))
    seen: set[tuple[int, int]] = set()
    stances: list[Statement] = ctx.held.setdefault("stances", [])
    media = MediaCarry(art)
    for f in found:
        if f.content in seen:
            continue
        seen.add(f.content)
        statement, occasion = _statement(ctx, art, f)
        # Stances wait for the optional ``stances`` component; speech goes out now.
        if statement.kind == "stance":
            stances.append(statement)
        else:
            media.add(statement, occasion)
            ctx.findings.statements.append(statement)
    media.finish()


def merge_split_quotes(art: ArticleView, found: list[Found]) -> list[Found]:
    """ "'X,' he said, 'Y.'": one statement from the start of X to the end of Y, as
    PolNeAR and our news gold annotate it; its text is the two parts joined."""
    by_cue: dict[int, list[Found]] = {}
    for f in found:
        if f.direct and f.cue is not None and f.inherit is None:
            by_cue.setdefault(f.cue.i, []).append(f)
    merged: set[int] = set()
    for group in by_cue.values():
        cue = group[0].cue
        if len(group) != 2 or cue is None:
            continue
        before = [f for f in group if f.content[1] <= cue.idx]
        after = [f for f in group if f.content[0] >= cue.idx]
        if len(before) != 1 or len(after) != 1:
            continue
        first, second = before[0], after[0]
        if art.para_of(first.content[0]) != art.para_of(second.content[0]):
            continue
        first.parts = [first.content, second.content]
        first.content = (first.content[0], second.content[1])
        merged.add(id(second))
    return [f for f in found if id(f) not in merged]


def _before_cue(art: ArticleView, start: int, cue: Token) -> tuple[int, int]:
    """A speaker's span that ran past its cue (the parser hung the verb inside the
    speaker's aside: "Roy Cooper (D), McCrory's opponent in the election, called
    Friday for ..."): up to the cue, without the comma before it."""
    k = cue.i - 1
    while k > 0 and art.doc[k].is_punct and art.doc[k].idx > start:
        k -= 1
    return start, max(start, art.doc[k].idx + len(art.doc[k]))


def _statement(ctx: Context, art: ArticleView, f: Found) -> tuple[Statement, bool]:
    """The exported record of one attribution, with its medium and date; and whether
    it names an occasion of its own ("told reporters", "in a statement")."""
    aid = ctx.article.id
    sp_span: tuple[int, int] | None = None
    if f.speaker_span is not None:
        sp_span = f.speaker_span
    elif f.subj is not None and f.cue is not None:
        sp_span = span_of_subject(f.subj, clauses=True)
        if overlaps(sp_span, f.content):
            sp_span = span_of_subject(f.subj)
        if f.subj.i < f.cue.i and sp_span[1] > f.cue.idx:
            sp_span = _before_cue(art, sp_span[0], f.cue)
    said = f.parts[0] if f.parts else f.content  # a split quote's cue follows its first part
    if f.cue is not None:
        ranges = attribution_ranges(f.cue, said)
        medium = (
            f.relay
            or medium_of(art, f.cue, ranges)
            or medium_after(art, f)
            or relay_tail(art, f.cue)
        )
        date = statement_date(ctx.findings.timexes, f.cue, ranges)
        occasion = own_occasion(f.cue, art.text, ranges)
    else:
        medium = date = None
        occasion = False
    if f.cue is not None and f.cue_span is not None and f.cue_span[0] == f.cue.idx:
        f.cue_span = (_cue_start(f.cue), f.cue_span[1])
    s, e = f.content
    cue_text = art.text[f.cue_span[0] : f.cue_span[1]] if f.cue_span else None
    text = " … ".join(art.text[a:b] for a, b in f.parts) if f.parts else art.text[s:e]
    statement = Statement(
        id=stable_id("st", aid, s, e),
        article_id=aid,
        speaker=f.speaker,
        speaker_entity=None,
        cue=cue_text,
        text=text,
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
        speaker_status=f.status if f.speaker or f.status == "unresolved" else None,
    )
    return statement, occasion


@component("stances")
def add_stances(ctx: Context) -> None:
    """Add the stances the statements component held back ("called for a ceasefire",
    "wants a deal"): off by default, since on real news too many of them are narration
    ("Russia fired 355 drones"), not positions attributed (``WITH_STANCES`` has them)."""
    held = ctx.held.pop("stances", [])
    ctx.findings.statements = sorted(ctx.findings.statements + held, key=lambda s: (s.start, s.end))
