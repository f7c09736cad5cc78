"""Pass 4, learned: cues the rules passed over, kept by the gate model trained on PolNeAR."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.analyze.cue_model import CANDIDATE_POS, load_gate_model
from storyline.analyze.speech_lexicon import (
    NAMING_LEMMAS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from storyline.analyze.statements.content import (
    adjacent_quote,
    clause_content,
    colon_content,
    find_clause,
)
from storyline.analyze.statements.cue_pass import COMPLEMENT_DEPS
from storyline.analyze.statements.cues import (
    asked_question,
    bare_act,
    caused_act,
    cue_subject,
    is_cue,
    legal_act,
    mute_thing,
    span_of_subject,
)
from storyline.analyze.statements.quotes import trim
from storyline.analyze.statements.view import ArticleView, Found, overlaps

# Prepositions and particles that belong to a cue when they follow it
# ("complained about", "railed against"): PolNeAR's Cue spans include them.
_CUE_PREPS = frozenset(
    {"about", "of", "for", "against", "on", "with", "to", "at", "out", "up", "over", "as", "in"}
)
_CONTENT_DEPS = COMPLEMENT_DEPS | {"acl", "relcl", "pcomp"}


@dataclass
class Candidate:
    """An attribution the rules did not make, with the features the gate scores."""

    found: Found
    features: list[str]


def read_candidate(art: ArticleView, tok: Token) -> tuple[Found, str, str] | None:
    """A generous reading of ``tok`` as a cue: its source and content wherever the parse has them.

    Unlike the rules, nothing here requires a subject or a clause; the gate
    (trained on PolNeAR) decides from the kinds of source and content found.
    Returns the attribution, the content kind and the source kind.
    """
    doc = art.doc
    subj: Token | None = None
    skind = "none"
    if tok.pos_ == "NOUN":
        subj = next((c for c in tok.children if c.dep_ == "poss"), None)
        if subj is not None:
            skind = "poss"
        elif tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            subj, skind = cue_subject(tok.head), "head"
    elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd"):
        subj, skind = cue_subject(tok.head), "head"
    else:
        subj, skind = cue_subject(tok), "subj"
    if subj is None:
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subj, skind = (pobj, "agent") if pobj is not None else (None, "none")
    if subj is not None and art.in_quote(subj.idx):
        subj, skind = None, "none"
    cue_end = tok.i
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if (
        nxt is not None
        and nxt.head.i == tok.i
        and nxt.lower_ in _CUE_PREPS
        and (nxt.dep_ == "prt" or (nxt.dep_ in ("prep", "agent") and nxt.lower_ != "to"))
    ):
        cue_end = tok.i + 1
    content: tuple[int, int] | None = None
    direct = False
    kind = ""
    clause = find_clause(tok)
    if clause is not None:
        got = clause_content(art, clause, tok)
        if got is not None:
            content, direct, kind = (got[0], got[1]), got[2], "clause"
    if content is None:
        q = adjacent_quote(art, tok, subj)
        if q is not None:
            content, direct, kind = (q.start, q.end), True, "quote"
    if content is None:
        content = colon_content(art, tok)
        kind = "colon"
    pstart, pend = art.para_of(tok.idx)
    lemma = tok.lemma_.lower()
    if content is None and bare_act(tok):
        return None  # "agreed to coordinate": a deal, not words
    if legal_act(tok):
        return None  # "two other men have been charged": an act of the law on them
    if caused_act(tok) or asked_question(tok):
        return None  # "was prompted to announce"; "said when asked whether ..."
    if content is None and lemma in NAMING_LEMMAS and _passive(tok):
        # "The strike was described by the ministry as ...": the name given, by whom
        if skind != "agent":
            return None
        content, kind = _named_as(art, tok), "named"
    if content is None:
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and passive.i < tok.i and passive.lower_ not in RELATIVE_PRONOUNS:
            lo, hi = passive.left_edge, passive.right_edge
            content = trim(art.text, max(lo.idx, pstart), hi.idx + len(hi))
            kind = "passive"
    if content is None:
        comps = [c for c in tok.rights if c.dep_ in _CONTENT_DEPS and c.i > tok.i]
        if comps:
            first = comps[0]
            kind = "comp:" + first.dep_
            lo_i = first.left_edge.i
            if lo_i <= cue_end:
                lo_i = cue_end + 1
            hi_i = max(c.right_edge.i for c in comps)
            if hi_i >= lo_i:
                s = max(doc[lo_i].idx, pstart)
                e = min(doc[hi_i].idx + len(doc[hi_i]), pend, tok.sent.end_char)
                content = trim(art.text, s, e)
    if content is None or content[1] - content[0] < 2:
        return None
    if subj is not None and kind not in ("clause", "quote", "colon") and mute_thing(subj):
        return None  # "Flames ripped through Nottoway House": a thing's doing, no words
    setting = nxt is not None and nxt.lower_ in ("in", "at", "during") and cue_end > tok.i
    if kind == "comp:prep" and setting and is_cue(tok):
        # "said in a statement", "told at a rally": the setting, not what was said.
        return None
    if subj is not None:
        sp = span_of_subject(subj)
        if overlaps(sp, content):
            subj, skind = None, "none"
    cue_span = (tok.idx, doc[cue_end].idx + len(doc[cue_end]))
    return Found(tok, cue_span, subj, None, False, content, direct), kind, skind


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _named_as(art: ArticleView, tok: Token) -> tuple[int, int] | None:
    """What a passive verb of naming names its subject: the phrase after "as" or its
    predicate ("described by the ministry as [a 'high-precision' attack]")."""
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return trim(art.text, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
        if c.dep_ in ("oprd", "attr", "xcomp"):
            return trim(art.text, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
    return None


def _gate_features(art: ArticleView, tok: Token, f: Found, kind: str, skind: str) -> list[str]:
    prob = art.cue_probability(tok)
    lemma = tok.lemma_.lower()
    subj = f.subj
    if subj is None:
        who = "none"
    elif subj.lower_ in PERSON_PRONOUNS:
        who = "pron"
    else:
        who = subj.ent_type_ or subj.pos_
    words = len(art.text[f.content[0] : f.content[1]].split())
    out = ["c:" + x for x in art.cue_features(tok)]
    out += [
        f"pb={min(9, int(prob * 10))}",
        f"ck={kind}",
        f"sk={skind}",
        f"who={who}",
        f"ck|sk={kind}|{skind}",
        f"ck|who={kind}|{who}",
        f"l|ck={lemma}|{kind}",
        f"l|sk={lemma}|{skind}",
        f"cl={min(5, words // 4)}",
        f"dir={f.direct}",
        f"before={f.content[1] <= tok.idx}",
        "cs=" + art.text[f.cue_span[0] : f.cue_span[1]].lower() if f.cue_span else "cs=",
        f"sl={subj.lemma_.lower() if subj is not None else '-'}",
    ]
    head = art.doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if head is not None and len(head):
        root = head.root
        out += [
            f"chl={root.lemma_.lower()}",
            f"chp={root.pos_}|{kind}",
            f"cw={head[0].lower_}",
            f"cent={root.ent_type_ or '-'}",
        ]
    return out


def gate_candidates(
    art: ArticleView, found: list[Found], floor: float | None = None
) -> list[Candidate]:
    """Every plausible cue the rules passed over, as a candidate for the learned gate.

    Candidates never overlap what the rules found (their cues or contents),
    so the gate only adds attributions; the rules keep the seed cases.
    """
    if floor is None:
        gate = load_gate_model()
        floor = gate.min_cue_probability if gate is not None else 0.1
    taken = [f.content for f in found] + [f.cue_span for f in found if f.cue_span is not None]
    # Tokens that start inside something the rules took, marked once (not per token).
    starts = [t.idx for t in art.doc]
    inside = bytearray(len(starts))
    for a, b in taken:
        for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
            inside[i] = 1
    out: list[Candidate] = []
    for tok in art.doc:
        if tok.pos_ not in CANDIDATE_POS or (tok.is_stop and tok.pos_ != "VERB"):
            continue
        if inside[tok.i] or art.in_quote(tok.idx):
            continue
        if art.cue_probability(tok) < floor:
            continue
        got = read_candidate(art, tok)
        if got is None:
            continue
        f, kind, skind = got
        if any(overlaps(f.content, c) for c in taken):
            continue
        out.append(Candidate(f, _gate_features(art, tok, f, kind, skind)))
    return out


# Pronouns that outside quotes address the reader or speak for the outlet
# ("you agree to our privacy policy", "we publish news and views").
_READER_PRONOUNS = frozenset({"you", "we", "us", "our", "your"})

# Parts of speech that name something rather than say something.
_NAME_POS = frozenset({"PRON", "PROPN", "DET"})


def has_speaker(f: Found) -> bool:
    """False for a learned attribution that addresses the reader.

    "you agree to our privacy policy", "we publish news and views" and
    imperatives ("Thank you for your patience", "Read about our approach")
    are page furniture, not statements. A speakerless attribution is kept
    otherwise ("The curfew was announced", PolNeAR annotates these).
    """
    if f.subj is not None:
        return f.subj.lower_ not in _READER_PRONOUNS
    cue = f.cue
    if cue is None:
        return False
    imperative = (
        cue.tag_ in ("VB", "VBP")
        and cue.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in cue.children)
    )
    return not imperative


def says_something(art: ArticleView, f: Found) -> bool:
    """False for a learned attribution whose content is only a name or a pronoun.

    "He was shown in [the video]" and "was widely criticized for [Trump]"
    get through the gate with a person as their content; what was said is a
    clause or a phrase with at least one word that is not a name.
    """
    words = content_words(art, f)
    return words is None or any(t.pos_ not in _NAME_POS for t in words)


def content_words(art: ArticleView, f: Found) -> list[Token] | None:
    """The tokens of what was said, punctuation and spaces left out (None: no alignment)."""
    span = art.doc.char_span(*f.content, alignment_mode="expand")
    if span is None:
        return None
    return [t for t in span if not t.is_punct and not t.is_space]


def add_candidate(found: list[Found], f: Found) -> None:
    """Add a gated candidate unless an earlier one already claimed its words."""
    for g in found:
        if overlaps(f.content, g.content) or (
            g.cue_span is not None and f.cue_span is not None and overlaps(f.cue_span, g.cue_span)
        ):
            return
    found.append(f)
