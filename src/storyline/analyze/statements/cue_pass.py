"""Pass 1 of the rules: every cue outside quotes that has a source and something said.

Speech verbs, stance verbs, ``according to X``, noun cues with a possessor,
trailing reports and the verbs and nouns the cue model calls cues; each
takes its subject and content from the parse (``cues``, ``content``).
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.cue_model import CANDIDATE_POS, CueModel, load_cue_model
from storyline.analyze.speech_lexicon import (
    ADDRESSEE_LEMMAS,
    CLAUSE_ONLY_LEMMAS,
    CUE_PARTICLES,
    IN_SOURCE_LEMMAS,
    LEARNED_CUE_PREPS,
    NO_SOURCE_ADVERBS,
    NOUN_CUE_LEMMAS,
    PAST_TIME_WORDS,
    STANCE_LEMMAS,
    TRAILING_REPORT_LEMMAS,
    WEAK_CUE_LEMMAS,
)
from storyline.analyze.statements.content import (
    adjacent_quote,
    clause_content,
    colon_content,
    dash_content,
    find_clause,
    own_clause,
    parenthetical_content,
    trailing_content,
)
from storyline.analyze.statements.cues import (
    SUBJ_DEPS,
    bare_act,
    cue_subject,
    is_cue,
    is_phrase_cue,
    legal_act,
    mute_thing,
    negated,
    reads_document,
)
from storyline.analyze.statements.quotes import trim
from storyline.analyze.statements.view import ArticleView, Found


def cue_statements(art: ArticleView) -> list[Found]:
    """Every word outside quotes that cues an attribution, with its source and content."""
    found: list[Found] = []
    model = load_cue_model()
    for tok in art.doc:
        if art.in_quote(tok.idx):
            continue
        f = _cue_statement(art, tok, model)
        if f is not None:
            found.append(f)
    return found


def _cue_statement(art: ArticleView, tok: Token, model: CueModel | None) -> Found | None:
    """What ``tok`` attributes, by the kind of cue it is (first that applies)."""
    if tok.lower_ == "according" or (tok.lower_ == "in" and tok.dep_ == "prep"):
        return _according(art, tok)
    if tok.lower_ in NO_SOURCE_ADVERBS and tok.dep_ == "advmod":
        return _no_source(art, tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUE_LEMMAS:
        return _noun_cue(art, tok)
    if tok.lemma_.lower() in TRAILING_REPORT_LEMMAS and not is_cue(tok):
        trailing = trailing_content(art, tok)
        subj = cue_subject(tok)
        if trailing is not None and subj is not None:
            span = (tok.idx, tok.idx + len(tok))
            return Found(tok, span, subj, None, False, trailing, False)
        return None
    if reads_document(tok):
        return _verb_statement(art, tok, False, model)  # "a post that read, '...'"
    if is_phrase_cue(tok):
        return _phrase_statement(art, tok)
    if not is_cue(tok) and tok.pos_ == "VERB" and tok.lemma_.lower() in STANCE_LEMMAS:
        return _stance(art, tok)
    learned = (
        model is not None
        and not is_cue(tok)
        and tok.pos_ in CANDIDATE_POS
        and art.cue_probability(tok) >= model.threshold
    )
    if learned and tok.pos_ == "NOUN":
        return _noun_cue(art, tok)
    if (
        not is_cue(tok)
        and not learned
        and not (tok.pos_ == "VERB" and tok.lemma_.lower() in CLAUSE_ONLY_LEMMAS)
    ):
        return None
    return _verb_statement(art, tok, learned, model)


def _phrase_statement(art: ArticleView, tok: Token) -> Found | None:
    """ "He drew attention to the fact that X": the clause, and only a clause."""
    subj = cue_subject(tok)
    clause = find_clause(tok)
    if subj is None or clause is None or art.in_quote(subj.idx):
        return None
    got = clause_content(art, clause, tok)
    if got is None:
        return None
    return Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, (got[0], got[1]), got[2])


def _verb_statement(
    art: ArticleView, tok: Token, learned: bool, model: CueModel | None
) -> Found | None:
    """A verb cue (a speech verb, a clause-only one, or one the model calls a cue):
    its subject, and what it introduces, tried from the most to the least explicit."""
    doc = art.doc
    if negated(tok):
        return None
    if _agentless_passive(tok) and not any(c.dep_ == "ccomp" for c in tok.children):
        return _raised_report(art, tok)  # ("it was reported that ...": the clause below)
    subj = cue_subject(tok)
    if subj is None or art.in_quote(subj.idx):
        return None
    content: tuple[int, int] | None = dash_content(art, tok, subj)
    direct = False
    if content is not None:
        return Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, False)
    clause = find_clause(tok)
    if clause is not None:
        got = clause_content(art, clause, tok)
        if got is not None:
            content, direct = (got[0], got[1]), got[2]
    lemma = tok.lemma_.lower()
    if lemma in CLAUSE_ONLY_LEMMAS:
        if content is not None and not direct:
            return Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, False)
        return None
    if content is None or not direct:
        q = adjacent_quote(art, tok, subj)
        if q is not None and content is None:
            content, direct = (q.start, q.end), True
    if content is None:
        content = _misread_clause(art, tok)
    if content is None:
        content = colon_content(art, tok)
    if content is None:
        content = trailing_content(art, tok)
    if content is None:
        content = parenthetical_content(art, tok, subj)
    if content is None and learned and model is not None:
        # An intention ("wants to sign up ...") or a topic ("spoke about
        # ...") is said; a bare object needs a confident model.
        said = any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children) or (
            tok.i + 1 < len(doc)
            and doc[tok.i + 1].head.i == tok.i
            and doc[tok.i + 1].lower_ in LEARNED_CUE_PREPS
        )
        if not said and art.cue_probability(tok) < model.complement_threshold:
            return None
    if content is None and bare_act(tok):
        return None  # "agreed to coordinate", "agreed on a package": a deal, not words
    if content is None and tok.lemma_.lower() not in _NO_COMPLEMENT:
        # "mentioned the remarks", "accusing her of ...": the complement.
        return _stance(art, tok, LEARNED_CUE_PREPS if learned else frozenset())
    if content is None:
        return None
    if tok.lemma_.lower() in WEAK_CUE_LEMMAS and not direct and clause is None:
        return None
    if learned and not direct and content[1] <= tok.idx:
        # Unquoted text before a learned cue is usually the scene
        # ("Earlier this month, lawyers filed"), not what was said.
        return None
    return Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, direct)


def _agentless_passive(cue: Token) -> bool:
    """ "Two other men have also been charged", "Four people were reported to have been
    killed": a passive cue no one is named doing; its subject is what was done to."""
    deps = {c.dep_ for c in cue.children}
    return legal_act(cue) or (bool(deps & {"nsubjpass", "auxpass"}) and "agent" not in deps)


def _raised_report(art: ArticleView, cue: Token) -> Found | None:
    """ "Four people were also reported to have been killed and five wounded": a report
    no one is named for, of the subject and the infinitive raised around the cue
    (PolNeAR: an attribution without a source); without the infinitive nothing was said
    ("have been charged", "no injuries were reported")."""
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i]
    comp = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
    if not subjects or comp is None or art.in_quote(subjects[-1].idx):
        return None
    subj = subjects[-1]  # ("sirens blared and residents were warned": the residents)
    # A clause of its own inside the infinitive's reach ("... as officials said the
    # city faced ...") is another attribution: what was said stops before it.
    inner = [t for t in comp.subtree if t.dep_ == "advcl" and t.i > comp.i]
    end = inner[0].left_edge if inner else comp.right_edge
    start = subj.left_edge if cue.lemma_.lower() in RAISING_LEMMAS else comp.left_edge
    s, e = trim(art.text, start.idx, end.idx + (0 if inner else len(end)))
    if e - s < 10:
        return None
    return Found(cue, (cue.idx, cue.idx + len(cue)), None, None, False, (s, e), False)


# Verbs that raise the subject of what was reported around themselves: "Four people were
# reported to have been killed" reports that four people were killed; "residents were
# warned to stay in shelters" told the residents only to stay there.
RAISING_LEMMAS = frozenset({"report", "say", "believe", "think", "know", "expect", "allege"})


def _misread_clause(art: ArticleView, cue: Token) -> tuple[int, int] | None:
    """ "which says a delegation visiting Jenin deviated from the approved route": a
    clause the parser read as an object with a past participle after it ("a delegation
    [that was] deviated"); after "say" a bare noun is never what was said, so its
    subject and verb are."""
    if cue.lemma_.lower() != "say":
        return None
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    verbs = [c for c in obj.rights if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN")]
    if not verbs or any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verbs[-1].children):
        return None
    if any(t.lower_ == "by" for t in verbs[-1].children):
        return None
    got = trim(art.text, obj.left_edge.idx, verbs[-1].right_edge.idx + len(verbs[-1].right_edge))
    return got if got[1] > got[0] else None


# Speech verbs whose bare object is not what was said: an addressee ("told reporters",
# "replied to"), or after "say" a noun the parser misread (``_misread_clause``).
_NO_COMPLEMENT = ADDRESSEE_LEMMAS | {"reply", "respond", "say"}
COMPLEMENT_DEPS = frozenset(
    {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "prt"}
)


def _stance(art: ArticleView, cue: Token, preps: frozenset[str] = frozenset()) -> Found | None:
    """``Clinton blasted Trump's remarks``, ``called for a ban``: the complement is the content."""
    if negated(cue) or (cue.tag_ == "VBN" and cue.dep_ == "amod"):
        return None
    subj = cue_subject(cue)
    if subj is None or art.in_quote(subj.idx):
        return None
    doc = art.doc
    cue_end = cue.i
    particles = CUE_PARTICLES.get(cue.lemma_.lower(), frozenset()) | preps
    if cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in particles:
        cue_end = cue.i + 1
    clause = own_clause(cue)
    content: tuple[int, int] | None = None
    direct = False
    if clause is not None:
        got = clause_content(art, clause, cue)
        if got is not None:
            content, direct = (got[0], got[1]), got[2]
    if content is None and "for" in particles:
        content, cue_end = _for_to_content(art, cue, cue_end)
    if content is None:
        if mute_thing(subj):
            return None  # "Flames ripped through the house": no one took a stance
        comps = [c for c in cue.rights if c.dep_ in COMPLEMENT_DEPS]
        core = [c for c in comps if c.dep_ != "prep" or c.i <= cue_end]
        if not core:
            return None
        lo = comps[0].left_edge.i
        if lo <= cue_end:
            lo = cue_end + 1
        hi = _clause_after_object(cue, max(c.right_edge.i for c in comps))
        hi = _without_past_time(comps[-1], hi)
        if hi < lo:
            return None
        pstart, pend = art.para_of(cue.idx)
        s = max(doc[lo].idx, pstart)
        e = min(doc[hi].idx + len(doc[hi]), pend, cue.sent.end_char)
        s, e = trim(art.text, s, e)
        if e - s < 3:
            return None
        content = (s, e)
    cue_span = (cue.idx, doc[cue_end].idx + len(doc[cue_end]))
    return Found(cue, cue_span, subj, None, False, content, direct)


def _clause_after_object(cue: Token, hi: int) -> int:
    """ "explaining fragments from one drone hit the top floor ...": a clause without
    "that" whose subject the parser took for the cue's object, and whose verb it left
    hanging (``dep``); what was said runs to the end of that verb's phrase."""
    doc = cue.doc
    if not is_cue(cue) or hi + 1 >= len(doc):
        return hi
    verb = doc[hi + 1]
    if (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.dep_ == "dep"
        and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
    ):
        return max(hi, verb.right_edge.i)
    return hi


def _without_past_time(comp: Token, hi: int) -> int:
    """ "has threatened to fire on several occasions in recent months": a time in the
    past after an intention dates the threat, not the deed; what was said ends before it."""
    if comp.dep_ != "xcomp":
        return hi
    tails = sorted(
        (c for c in comp.rights if c.dep_ in ("prep", "npadvmod", "advmod")), reverse=True
    )
    for c in tails:
        if c.right_edge.i != hi or not any(t.lower_ in PAST_TIME_WORDS for t in c.subtree):
            break
        hi = c.left_edge.i - 1
    return hi


def _for_to_content(
    art: ArticleView, cue: Token, cue_end: int
) -> tuple[tuple[int, int] | None, int]:
    """``called (Wednesday) for Ginsburg to resign``: (what is called for, the cue's last token).

    The parser reads "for X to do" as an adverbial clause marked by "for",
    not as the verb's complement.
    """
    for c in cue.rights:
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if c.dep_ != "advcl" or mark is None or not 0 < mark.i - cue.i <= 3:
            continue
        if mark.i + 1 > c.right_edge.i:
            continue
        doc = art.doc
        _pstart, pend = art.para_of(cue.idx)
        e = min(doc[c.right_edge.i].idx + len(doc[c.right_edge.i]), pend, cue.sent.end_char)
        s, e = trim(art.text, doc[mark.i + 1].idx, e)
        if e - s >= 3:
            return (s, e), mark.i
    return None, cue_end


def _noun_cue(art: ArticleView, noun: Token) -> Found | None:
    """``Trump's claim that there have been ...``: the possessor said the clause."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or art.in_quote(owner.idx):
        return None
    clause = None
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl", "xcomp"):
            first = c.left_edge
            if first.lower_ in ("that", "to") and (c.dep_ != "relcl" or first.dep_ == "mark"):
                clause = c
                break
    if clause is None:
        return None
    got = clause_content(art, clause, noun)
    if got is None:
        return None
    s, e = got[0], got[1]
    if art.text[s : s + 3].lower() == "to ":
        s += 3
    return Found(noun, (noun.idx, noun.idx + len(noun)), owner, None, False, (s, e), got[2])


def _according(art: ArticleView, tok: Token) -> Found | None:
    """``According to X, ...``, ``..., according to X.`` and ``In a CNN poll, ...``."""
    if tok.lower_ == "in":
        # "In a CNN poll, ...": the poll is the source, "in" the cue.
        to = tok
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in IN_SOURCE_LEMMAS:
            return None
        if tok.head.pos_ == "NOUN" or is_cue(tok.head) or _reports_own_finding(tok.head):
            return None
    else:
        found_to = next((c for c in tok.children if c.lower_ == "to"), None)
        if found_to is None:
            nxt = tok.nbor(1) if tok.i + 1 < len(art.doc) else None
            found_to = nxt if nxt is not None and nxt.lower_ == "to" else None
        if found_to is None:
            return None
        to = found_to
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
    sent = tok.sent
    pstart, pend = art.para_of(tok.idx)
    phrase_lo, phrase_hi = tok.idx, pobj.right_edge.idx + len(pobj.right_edge)
    lo, hi = max(sent.start_char, pstart), min(sent.end_char, pend)
    if phrase_lo - lo > hi - phrase_hi:
        s, e = trim(art.text, lo, phrase_lo)
    else:
        s, e = trim(art.text, phrase_hi, hi)
    if e - s < 3:
        return None
    q = art.quote_at(s)
    direct = q is not None and q.start == s and q.end == e
    return Found(tok, (tok.idx, to.idx + len(to)), pobj, None, False, (s, e), direct)


def _reports_own_finding(verb: Token) -> bool:
    """ "In an online poll of 800 voters, Democracy Corp found that ...": the poll is the
    finding's setting; who found it is the verb's subject, a source of its own."""
    return verb.lemma_.lower() in CLAUSE_ONLY_LEMMAS and any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children
    )


def _no_source(art: ArticleView, tok: Token) -> Found | None:
    """ "Portnov reportedly followed him to Moscow": reports nobody is named for; the
    clause the adverb qualifies is what was said (PolNeAR: an attribution without a
    source)."""
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or art.in_quote(head.idx):
        return None
    if is_cue(head) and any(c.dep_ in SUBJ_DEPS for c in head.children):
        return None  # "Urich reportedly said ... that": Urich's words, the adverb a hedge
    sent = head.sent
    pstart, pend = art.para_of(tok.idx)
    s = max(head.left_edge.idx, sent.start_char, pstart)
    right = head.right_edge
    e = min(right.idx + len(right), sent.end_char, pend)
    s, e = trim(art.text, s, e)
    if e - s < 10:
        return None
    return Found(tok, (tok.idx, tok.idx + len(tok)), None, None, False, (s, e), False)
