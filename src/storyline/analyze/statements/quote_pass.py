"""The quote passes: quotes no cue covers, and ``NAME: ...`` paragraphs.

A quote the cue pass left takes a cue or a signature right next to it, or
continues the attribution before it (passes 2 and 3 in the package's
docstring); a paragraph that opens with a speaker's name and a colon
(transcripts, headlines) is attributed to that name.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyline.analyze.source_lexicon import SPEAKING_THINGS
from storyline.analyze.statements.antecedents import in_caps_run
from storyline.analyze.statements.content import own_clause, quote_is_said, says_its_own
from storyline.analyze.statements.cues import cue_subject, is_cue, reads_document
from storyline.analyze.statements.people import Person, surname_of
from storyline.analyze.statements.quotes import END_PUNCT, Quote, mark_at, trim
from storyline.analyze.statements.view import ArticleView, Found, overlaps

_TITLE_COLON = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(:)\s+(\S.*)$")
_NOT_SPEAKERS = frozenset(
    {
        "details",
        "note",
        "update",
        "updated",
        "photo",
        "watch",
        "read",
        "source",
        "related",
        "addendum",
        "previously",
        "editor's note",
        "q",
        "a",
        "video",
        "breaking",
        "live",
        "exclusive",
        "analysis",
        "opinion",
        "correction",
        "warning",
        "caption",
        "credit",
    }
)


def colon_paragraphs(art: ArticleView) -> list[Found]:
    """``PENCE: Well, look ...`` and ``Pence: Gennifer Flowers Won't Be at Debate``.

    Transcripts and headlines give the speaker's name and a colon at the start
    of the paragraph; the name must be a proper noun the parser recognises.
    """
    out: list[Found] = _interview_answers(art)
    for pstart, pend in art.paras:
        line = art.text[pstart:pend]
        lead = len(line) - len(line.lstrip(" \t\"“'"))
        m = _TITLE_COLON.match(line[lead:])
        if m is None or m.group(1).lower() in _NOT_SPEAKERS:
            continue
        n_start = pstart + lead
        span = art.doc.char_span(n_start, n_start + len(m.group(1)), alignment_mode="expand")
        if span is None or not all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in span):
            continue
        named: str | None = None
        if not all(t.pos_ == "PROPN" or t.is_upper for t in span):
            # A headline's "Trump:" often parses as a common noun: take the
            # capitalised word when it names someone the article names elsewhere.
            last = span[-1].lower_
            if not any(surname_of(p.text) == last for p in art.persons):
                continue
            named = art.sources.fullest_name(span.text)
        c_start = n_start + m.start(3)
        s, e = trim(art.text, c_start, pend)
        if e <= s:
            continue
        colon = n_start + m.start(2)
        f = Found(span.root, (colon, colon + 1), span.root, named, named is not None, (s, e), False)
        f.speaker_span = (span.start_char, span.end_char)
        f.status = "named" if named is not None else None
        out.append(f)
    return out


_QA = re.compile(r"([QA]):\s+(\S.*)$", re.DOTALL)


def _interview_answers(art: ArticleView) -> list[Found]:
    """A question-and-answer interview ("Q: ... " / "A: ..." paragraphs): each answer
    is the words of the person the introduction names most; the questions are the
    reporter's own."""
    labelled = [(p, _QA.match(art.text[p[0] : p[1]])) for p in art.paras]
    qa = [(p, m) for p, m in labelled if m is not None]
    if sum(m.group(1) == "Q" for _, m in qa) < 2 or sum(m.group(1) == "A" for _, m in qa) < 2:
        return []
    intro_end = qa[0][0][0]
    counts: dict[str, int] = {}
    for person in art.persons:
        if person.start_char < intro_end:
            key = surname_of(person.text)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    top = max(counts, key=lambda k: counts[k])
    full = max((p.text for p in art.persons if surname_of(p.text) == top), key=len)
    name = art.sources.fullest_name(full)
    out = []
    for (pstart, pend), m in qa:
        if m.group(1) != "A":
            continue
        colon = art.doc.char_span(pstart + 1, pstart + 2, alignment_mode="expand")
        s, e = trim(art.text, pstart + m.start(2), pend)
        if colon is None or e <= s:
            continue
        f = Found(colon.root, (pstart + 1, pstart + 2), None, name, True, (s, e), False)
        f.status = "named"
        out.append(f)
    return out


def quote_statements(art: ArticleView, found: list[Found]) -> list[Found]:
    """Quotes the cue pass left alone: a cue right after or before them, or a continuation."""
    out: list[Found] = []
    covered = [f.content for f in found]
    last_para_speaker: dict[int, Found] = {}
    for f in found:
        last_para_speaker[art.para_of(f.content[0])[0]] = f
    for q in art.quotes:
        span = (q.start, q.end)
        if any(overlaps(span, c) for c in covered):
            continue
        signed = _dash_signature(art, q)
        if signed is not None:
            dash, name = signed
            at = dash.idx + next(i for i, ch in enumerate(dash.text) if ch in "―—–-")
            f = Found(dash, (at, at + 1), name.root, None, False, span, True)
            f.speaker_span = (name.start_char, name.end_char)
            out.append(f)
            covered.append(span)
            last_para_speaker[art.para_of(q.start)[0]] = f
            continue
        colon = _colon_signature(art, q)
        if colon is not None:
            mark, who = colon
            last = art.doc[who.end - 1]
            speaker = art.sources.fullest_name(who.text)
            f = Found(mark, (mark.idx, mark.idx + 1), last, speaker, True, span, True)
            f.status = "named"
            left = art.doc[who.start]
            # The role before the name is part of the speaker as written.
            lead = art.doc[last.left_edge.i : who.start]
            if (
                all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") for t in lead)
                and "\n" not in lead.text
            ):
                left = last.left_edge
            f.speaker_span = (left.idx, last.idx + len(last))
            out.append(f)
            covered.append(span)
            last_para_speaker[art.para_of(q.start)[0]] = f
            continue
        hit = _cue_near(art, q)
        if hit is not None:
            cue, subj = hit
            f = Found(cue, (cue.idx, cue.idx + len(cue)), subj, None, False, span, True)
            out.append(f)
            covered.append(span)
            last_para_speaker[art.para_of(q.start)[0]] = f
            continue
        pstart, _pend = art.para_of(q.open)
        # A quote after its attribution in the same paragraph ("...," Trump
        # added. "...") continues that statement.
        same_para = [
            f
            for f in found + out
            if f.direct and f.cue is not None and pstart <= f.content[0] and f.content[1] <= q.open
        ]
        if same_para:
            prev_f = max(same_para, key=lambda f: f.content[1])
            gap = q.open - prev_f.content[1]
            cue_idx = prev_f.cue.idx if prev_f.cue is not None else -1
            if prev_f.content[1] <= cue_idx < q.open and gap < 200 and _continues(art, cue_idx, q):
                f = Found(prev_f.cue, prev_f.cue_span, prev_f.subj, None, False, span, True)
                out.append(f)
                covered.append(span)
                continue
        after = _right_after(art, found + out, q)
        if after is not None:
            f = Found(after.cue, after.cue_span, after.subj, None, False, span, True, inherit=after)
            f.speaker_span = after.speaker_span
            out.append(f)
            covered.append(span)
            last_para_speaker[pstart] = f
            continue
        if art.text[pstart : q.open].strip():
            continue
        # A paragraph that opens with a quote and has no attribution continues
        # the speaker of the paragraph before (quotes over several paragraphs).
        i = art.para_starts.index(pstart) if pstart in art.para_starts else -1
        prev = last_para_speaker.get(art.paras[i - 1][0]) if i > 0 else None
        if prev is not None and prev.direct:
            # The continued quote keeps the attribution that governs it.
            f = Found(prev.cue, prev.cue_span, prev.subj, None, False, span, True, inherit=prev)
            f.speaker_span = prev.speaker_span
            out.append(f)
            covered.append(span)
            last_para_speaker[pstart] = f
    return out


def _right_after(art: ArticleView, found: list[Found], q: Quote) -> Found | None:
    """The attribution a quote with no cue of its own goes on from: the one whose
    sentence ends right before the quote opens a sentence ('Kulakova said she has no
    other information. "I am very sorry ..."'; 'Cronje told Fox News Digital that ...
    "At home, ..."'), unless it asked a question (the answer is another's)."""
    best: tuple[int, Found] | None = None
    for f in found:
        if f.cue is None:
            continue
        ends = [f.content[1], f.cue_span[1] if f.cue_span else 0]
        if f.subj is not None:
            ends.append(f.subj.right_edge.idx + len(f.subj.right_edge))
        end = max(ends)
        if end <= q.open and (best is None or end > best[0]):
            best = (end, f)
    if best is None:
        return None
    end, f = best
    between = art.text[end : q.open]
    closed = _SENTENCE_CLOSE.match(between) or (
        art.text[end - 1 : end] in END_PUNCT and _MARK_CLOSE.match(between)
    )
    if len(between) > _AFTER_GAP or not closed:
        return None
    if f.cue is not None and f.cue.lemma_.lower() in _QUESTION_LEMMAS:
        return None
    return f


# What may stand between an attribution and the quote that goes on from it: the end
# of the attribution's sentence ("..., Vegh said. ", "... on Monday. ", ':" '), the
# quote's own closing mark first when the attribution is a quote ('... only encourages”
# Putin, he added. “Without truly strong pressure ...').
_SENTENCE_CLOSE = re.compile(r"^[,;]?[\"”’]?[^.!?\n\"“”]{0,30}[.!?:][\"”’]?\s+$")
_MARK_CLOSE = re.compile(r"^[\"”’]?\s+$")  # a quote that ended its sentence: '..." "'
_AFTER_GAP = 40
# Cues of a question: the quote after one is the answer, someone else's.
_QUESTION_LEMMAS = frozenset({"ask", "question", "press", "quiz", "grill", "query"})


def _continues(art: ArticleView, cue_at: int, q: Quote) -> bool:
    """A quote continues the attribution before it unless it sits inside a later
    sentence of the narrator's: '"X," Champagne said. The G7 counts the EU as a
    "non-enumerated member."' is a scare quote, not Champagne's words."""
    between = art.text[cue_at : q.open]
    if not _SENTENCE_END.search(between):
        return True  # still the cue's sentence ("he said, 'Y'")
    before = art.text[: q.open].rstrip()
    return not before or before[-1] in END_PUNCT or mark_at(before, len(before) - 1) > 0


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")


def _colon_signature(art: ArticleView, q: Quote) -> tuple[Token, Person] | None:
    """``Republican pollster Daron Shaw: "..."``: a named person, a colon, then the quote.

    Columns and live blogs introduce a quote this way with no verb; the name
    must end right at the colon and be a person the article names.
    """
    doc = art.doc
    j = q.open
    while j > 0 and art.text[j - 1] in " \u00a0\t":
        j -= 1
    if j == 0 or art.text[j - 1] != ":":
        return None
    mark = doc.char_span(j - 1, j, alignment_mode="expand")
    if mark is None or len(mark) != 1 or mark[0].i == 0:
        return None
    before = mark[0].i - 1
    for p in art.persons:
        if p.end - 1 == before and "\n" not in doc[p.start : mark[0].i].text:
            return mark[0], p
    return None


_SIGNATURE = re.compile(
    r"[\s\u00a0]*[―—–-][\s\u00a0]*([A-Z][\w.'’-]*(?:[ \u00a0]+[A-Z][\w.'’-]*){0,3})"
)


def _dash_signature(art: ArticleView, q: Quote) -> tuple[Token, Span] | None:
    """``"..." ― Sonya Herridge``: a quote signed with a dash and a name (vox pops, epigraphs)."""
    if q.close is None:
        return None
    _pstart, pend = art.para_of(q.open)
    m = _SIGNATURE.match(art.text, q.close + 1, pend)
    if m is None:
        return None
    rest = art.text[m.end() : pend].strip(" \u00a0\t")
    if rest and rest[0] not in ",.(":
        return None
    end = m.end(1)
    if art.text[end - 1] == "." and not re.search(r"\b[A-Z]\.$", art.text[m.start(1) : end]):
        end -= 1  # the sentence's full stop, not an initial ("Steve Quinlan." / "Edwin G.")
    name = art.doc.char_span(m.start(1), end, alignment_mode="contract")
    if name is None or len(name) == 0:
        return None
    if not all(t.pos_ == "PROPN" or t.is_title for t in name):
        return None
    at = m.start() + next(i for i, ch in enumerate(m.group(0)) if ch in "―—–-")
    dash = art.doc.char_span(at, at + 1, alignment_mode="expand")
    return (dash[0], name) if dash is not None and len(dash) else None


def _name_after_quote(art: ArticleView, after: int, cue: Token) -> Token | None:
    """ "'...,' Champagne, flanked by two Mounties, told ...": the person named right
    after the closing mark, before the cue, when the parse hung them inside the quote."""
    for p in art.persons:
        if after <= p.start_char < cue.idx and not art.text[after : p.start_char].strip(" ,"):
            return art.doc[p.end - 1]
    return None


def _closed_sentence(art: ArticleView, q: Quote) -> bool:
    """A quote that ends its sentence with a full stop inside the marks ('"... not
    doing it anymore."'), not with the comma of a cue that follows ('"...," he said')."""
    inner = art.text[q.start : q.end].rstrip()
    return inner.endswith(".") and not inner.endswith("..")


def _document_read(tok: Token) -> Token | None:
    """The document before a "read" the tagger made a noun ("the social media post
    read."), when "read" ends the attribution; None otherwise."""
    if tok.lower_ != "read" or tok.pos_ != "NOUN" or tok.i == 0:
        return None
    doc = tok.doc
    prev = doc[tok.i - 1]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev.lemma_.lower() not in SPEAKING_THINGS or (nxt is not None and not nxt.is_punct):
        return None
    return prev


def _cue_near(art: ArticleView, q: Quote) -> tuple[Token, Token] | None:
    doc = art.doc
    pstart, pend = art.para_of(q.open)
    after = q.close + 1 if q.close is not None else q.end
    span = doc.char_span(after, pend, alignment_mode="expand") if after < pend else None
    # After a quote that closed its sentence, a cue behind a connective is a new
    # sentence's ('"... anymore." Separately, Scott Bessent said ...').
    closed = _closed_sentence(art, q)
    loose = ("advmod",) if not closed else ()
    if span is not None:
        for n, tok in enumerate(span):
            if n > 12 or (tok.text in END_PUNCT) or (mark_at(tok.text, 0) and n > 0):
                break
            misread = _document_read(tok)
            if misread is not None:
                # '"...!" the social media post read.': "read" the tagger took for a noun
                # of "post read" (Fox, 409 articles: the quote had no statement)
                return tok, misread
            if is_cue(tok) and not in_caps_run(tok):
                # A cue in a headline set in capitals after the quote ('"..." RUBIO
                # FIRES BACK AFTER DEM SENATOR SAYS ...', a promo link) is the
                # headline's own, not the quote's.
                subj = cue_subject(tok)
                if subj is None or subj.idx < after - 1:
                    subj = _name_after_quote(art, after, tok)  # the parse took it into the quote
                if subj is None or subj.idx < after - 1 or not quote_is_said(art, q, tok):
                    continue
                clause = own_clause(tok) if closed else None
                if closed and says_its_own(art, tok):
                    # '"... Vladimir Putin." A statement signed by 300 organizations
                    # described the bill as ...': the next sentence's own object
                    continue
                if clause is not None and not art.in_quote(clause.idx):
                    # '"... its rule." The Times of Israel reported ... that X': a new
                    # sentence with reported words of its own
                    continue
                # Only the speaker may stand between the quote and its cue.
                allowed = {t.i for t in subj.subtree}
                gap = span[:n]
                if all(t.i in allowed or t.is_punct or t.dep_ in (*loose, "aux") for t in gap):
                    return tok, subj
    lo = pstart
    for prev in art.quotes:
        pe = prev.close if prev.close is not None else prev.end
        if pstart <= pe < q.open:
            lo = max(lo, pe + 1)
    span = doc.char_span(lo, q.open, alignment_mode="contract") if lo < q.open else None
    if span is not None:
        toks = list(span)
        for n, tok in enumerate(reversed(toks)):
            if n > 10 or tok.text in END_PUNCT:
                break
            if is_cue(tok) or reads_document(tok):
                subj = cue_subject(tok)
                if subj is not None and quote_is_said(art, q, tok):
                    return tok, subj
    return None
