"""Who said what: direct quotes and reported speech, with speaker, cue, medium and date.

Rules over spaCy's dependency parse in three passes, then a learned pass:

1. cue-centric: every speech verb (``speech_lexicon.CUE_LEMMAS``) outside
   quoted text with a subject and something said (a ``that``-clause, an
   adjacent quote, text after a colon or before a dash, else its complement)
   gives a statement, as do ``according to X, ...``, stance verbs taken from
   PolNeAR train (``blasted``, ``called for``; ``STANCE_LEMMAS``), noun cues
   with a possessive (``Trump's claim that``) and ``NAME: ...`` paragraphs;
   the verbs and nouns a classifier trained on PolNeAR (``cue_model``)
   calls cues are taken too, when the parse gives them a subject and a
   clause, a quote, an intention or a topic (a bare object needs a confident
   model), so beliefs and judgements (``believes that``, ``fears that``) count;
2. quote-centric: a quote no statement covers takes the speech verb right
   after it (``"...," Trump said``) or right before it (``said: "..."``), is
   signed with a dash and a name (``"..." ― Sonya Herridge``), or continues
   the attribution earlier in its paragraph;
3. a paragraph that is only a quote continues the previous paragraph's
   attribution;
4. learned: every other plausible cue (``gate_candidates``) is read
   generously from the parse (subject, agent or possessor; clause, quote,
   passive subject or complement) and a second classifier trained on PolNeAR
   (``models/gate.json``) keeps it or not. It only adds what the rules left,
   so the rules decide every seed case.

Then a clause that swallowed a following ``..., arguing that`` is split, and
an attribution reported inside another's ``that``-clause is dropped (it is
the outer speaker's report).

Quotes come from our own scanner rather than textacy's, because scraped text
drops and mistypes quote marks and textacy raises on it; a quote that never
closes ends at its paragraph. Speakers given by pronoun, title or role are
resolved to the fullest name of the person or organisation in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyze.cue_model import CANDIDATE_POS, features, load_cue_model, load_gate_model
from storyline.analyze.registry import Context, component
from storyline.analyze.speech_lexicon import (
    CLAUSE_ONLY_LEMMAS,
    COUNTRY_SYNONYMS,
    CUE_LEMMAS,
    CUE_PARTICLES,
    IN_SOURCE_LEMMAS,
    INSTRUCTION_LEMMAS,
    ISSUE_LEMMAS,
    ISSUED_DOCUMENTS,
    LEARNED_CUE_PREPS,
    MEDIA,
    NO_COMMENT_LEMMAS,
    NOT_STATEMENT_LEMMAS,
    NOUN_CUE_LEMMAS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    STANCE_LEMMAS,
    TITLES,
    TRAILING_REPORT_LEMMAS,
    WEAK_CUE_LEMMAS,
)
from storyline.schema import Statement, StatementKind, Timex, stable_id

# Double quotation marks: curly, straight, low-9 and guillemets.
_OPENERS = frozenset("“„«‟")
_CLOSERS = frozenset("”»")
_STRAIGHT = frozenset('"')
_MARKS = _OPENERS | _CLOSERS | _STRAIGHT
_TRIM = " \t\r\n,;:.-–—'`" + "".join(_MARKS)
_DASHES = frozenset({"-", "–", "—", "--"})
_END_PUNCT = frozenset({".", "!", "?"})
_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class Quote:
    """A quotation: ``open`` is the opening mark, ``start``/``end`` the words inside."""

    open: int
    start: int
    end: int
    close: int | None  # index of the closing mark; None when it never closed


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end); scraped text marks paragraphs with newlines."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _mark_at(text: str, i: int) -> int:
    """Length of the double quotation mark at ``i`` (0 if none).

    Besides the one-character marks, two apostrophes (``''``) and two
    backticks stand for double quotes in wire and Penn-Treebank-style text.
    """
    ch = text[i]
    if ch in _MARKS:
        return 1
    if ch in "'`" and text[i + 1 : i + 2] == ch:
        return 2
    return 0


def scan_quotes(text: str) -> list[Quote]:
    """Double-quoted passages, tolerant of mistyped and missing marks.

    A mark opens when the next character is not a space, and closes when the
    previous one is not a space (or nothing follows it); a curly opener inside
    a quote and followed by a word starts a nested quote. A quote still open
    at the end of its paragraph ends there, so a dropped closing mark never
    swallows the rest of the article.
    """
    quotes: list[Quote] = []
    for pstart, pend in paragraphs(text):
        depth = 0
        qopen = -1
        qlen = 1
        i = pstart
        while i < pend:
            n = _mark_at(text, i)
            if n == 0:
                i += 1
                continue
            ch = text[i]
            prev = text[i - 1] if i > pstart else " "
            nxt = text[i + n] if i + n < pend else " "
            if depth == 0:
                closer_like = (ch in _CLOSERS or (n == 2 and ch == "'")) and not prev.isspace()
                if not nxt.isspace() and (not closer_like or ch in _OPENERS):
                    depth, qopen, qlen = 1, i, n
            else:
                opens_nested = (
                    (ch in _OPENERS or ch == "`") and prev.isspace() and not nxt.isspace()
                )
                if opens_nested:
                    depth += 1
                else:
                    depth -= 1
                    if depth == 0:
                        quotes.append(_make_quote(text, qopen, qlen, i))
            i += n
        if depth > 0:
            quotes.append(_make_quote(text, qopen, qlen, None, pend))
    return [q for q in quotes if q.end > q.start]


def _make_quote(text: str, qopen: int, qlen: int, close: int | None, pend: int = 0) -> Quote:
    start = qopen + qlen
    end = close if close is not None else pend
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quote(open=qopen, start=start, end=end, close=close)


class _Article:
    """Per-article lookups shared by the passes (built fresh for every article)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.text: str = ctx.article.text
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.quotes = scan_quotes(self.text)
        self.quote_opens = [q.open for q in self.quotes]
        self.persons = person_mentions(self.doc, self)
        # Speakers already resolved, as (cue offset, name, is_person), for pronouns.
        self.said: list[tuple[int, str, bool]] = []
        self._cue_prob: dict[int, float] = {}
        self._cue_feats: dict[int, list[str]] = {}

    def cue_features(self, tok: Token) -> list[str]:
        """``cue_model.features(tok)``, computed once (the model and the gate share them)."""
        feats = self._cue_feats.get(tok.i)
        if feats is None:
            feats = self._cue_feats[tok.i] = features(tok)
        return feats

    def cue_probability(self, tok: Token) -> float:
        """The cue model's probability for ``tok`` (0 without a model), computed once."""
        p = self._cue_prob.get(tok.i)
        if p is None:
            model = load_cue_model()
            p = model.probability(tok, self.cue_features(tok)) if model is not None else 0.0
            self._cue_prob[tok.i] = p
        return p

    def para_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.paras[i]

    def quote_at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose ``pos`` (opening mark included)."""
        i = bisect.bisect_right(self.quote_opens, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            qend = q.close if q.close is not None else q.end
            if q.open <= pos < qend:
                return q
            if qend <= pos and i < len(self.quotes) - 1:
                break
            i -= 1
        return None

    def in_quote(self, pos: int) -> bool:
        q = self.quote_at(pos)
        return q is not None and q.start <= pos


# --- cues and subjects -----------------------------------------------------


def _is_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_LEMMAS


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a cue, inherited along ``adding``/``and said``."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # A header line run into the sentence ("The Latest ...:\n\n12:15 p.m.\n\n
        # Donald Trump says") gives the verb a second subject in another paragraph.
        doc = verb.doc
        same = [
            c
            for c in subjects
            if not any(
                "\n" in t.text or "\n" in t.whitespace_
                for t in doc[min(c.i, verb.i) : max(c.i, verb.i)]
            )
        ]
        return min(same, key=lambda c: abs(c.i - verb.i)) if same else None
    if verb.dep_ == "xcomp":
        # Object control: "leading Zelensky to assert", "told him to say".
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:
            return obj
    inherits = verb.dep_ in ("conj", "xcomp") or (
        verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG"
    )
    if depth < 3 and inherits and verb.head.i != verb.i:
        # A participle ("..., adding that") belongs to the nearest speech verb above it.
        head = verb.head
        for _ in range(3):
            if _is_cue(head) or head.head.i == head.i or verb.dep_ == "conj":
                break
            head = head.head
        return _subject(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        issuer = _issuer(verb.head)
        if issuer is not None and depth < 3:
            return _subject(issuer, depth + 1)
        return verb.head
    return _inverted_subject(verb)


def _issuer(document: Token) -> Token | None:
    """The verb that issued ``document`` ("*issued* a statement saying"), if any."""
    head = document.head
    if (
        document.lemma_.lower() in ISSUED_DOCUMENTS
        and document.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in ISSUE_LEMMAS
    ):
        return head
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """``"...," said French President Emmanuel Macron``: the name right after the cue.

    When a paragraph ends in an abbreviation-like token ("about X.") the
    parser runs the sentence on into the next paragraph and loses the subject;
    the words after an inverted cue are still the speaker.
    """
    doc = verb.doc
    if verb.i == 0 or not (doc[verb.i - 1].is_punct or _mark_at(doc[verb.i - 1].text, 0)):
        return None
    j = verb.i + 1
    while j < len(doc) and j <= verb.i + 6 and "\n" not in doc[j].text:
        t = doc[j]
        if t.pos_ == "PROPN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN"):
            return t
        if t.pos_ not in ("PROPN", "ADJ", "DET", "NOUN", "NUM"):
            return None
        j += 1
    return None


def _span_of_subject(subj: Token, clauses: bool = False) -> tuple[int, int]:
    """The subject's noun phrase, without a trailing ``, who ...`` clause unless ``clauses``.

    The speaker's description stays short; the span as written keeps the
    clause, as PolNeAR's Source spans do ("Don Fowler, who helmed the DNC").
    """
    left, right = subj.left_edge.i, subj.right_edge.i
    doc = subj.doc
    for c in subj.rights:
        # ", speaking to a veterans group" describes the moment, not the speaker:
        # always cut (PolNeAR's Source spans mostly leave it out).
        first = c.left_edge.i
        aside = c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN")
        if aside and first > subj.i + 1 and doc[first - 1].text == ",":
            right = min(right, first - 2)
            break
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > subj.i and not clauses:
            cut = c.left_edge.i
            while cut - 1 > subj.i and doc[cut - 1].is_punct:
                cut -= 1
            right = min(right, cut - 1)
            break

    def breaks(k: int) -> bool:
        # A spaced dash ("radical - Trump said") or a line break ends the
        # phrase; a hyphen inside "(D-Wis.)" does not.
        spaced = k > 0 and doc[k - 1].whitespace_ != ""
        return (doc[k].text in _DASHES and spaced) or "\n" in doc[k].text

    for k in range(left, right):
        # A line break in a token's trailing space ("p.m.\nTrump") ends the phrase too.
        if "\n" in doc[k].whitespace_:
            if k < subj.i:
                left = k + 1
            else:
                right = k
                break

    for k in range(subj.i + 1, right + 1):
        if breaks(k):
            right = k - 1
            break
    for k in range(subj.i - 1, left - 1, -1):
        if breaks(k):
            left = k + 1
            break
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right > left and doc[right].text in ("'s", "’s"):
        right -= 1
    while left < right and (
        doc[left].is_punct
        or doc[left].is_space
        or (doc[left].dep_ in ("advmod", "preconj", "predet") and doc[left].head.i == subj.i)
    ):
        left += 1  # "Even China", "Both Mr. King and Mr. Schultz"
    return doc[left].idx, doc[right].idx + len(doc[right])


# --- content -----------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _clause_content(art: _Article, clause: Token, cue: Token) -> tuple[int, int, bool] | None:
    """What a ``that``-clause says: the clause, or the whole quote it sits in."""
    doc = art.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    if left <= cue.i <= right:
        return None
    if doc[left].dep_ == "mark" and doc[left].lower_ in ("that", "whether", "if"):
        left += 1
    if left > right:
        return None
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    pstart, pend = art.para_of(cue.idx)
    if right < cue.i:
        # Attribution after what was said ("A, but B, the source added"): the
        # parser hangs only the last conjunct on the cue; all before it was said.
        subj = _subject(cue)
        first = min(cue.i, subj.left_edge.i if subj is not None and subj.i < cue.i else cue.i)
        if first > right:
            start = max(cue.sent.start_char, start if art.in_quote(start) else 0)
            start = min(start, doc[left].idx)
            end = doc[first].idx
    start, end = max(start, pstart), min(end, pend)
    start, end = _trim(art.text, start, end)
    if end <= start:
        return None
    q = art.quote_at(start)
    if q is not None:
        qend = q.close + 1 if q.close is not None else q.end
        # Only part of a multi-sentence quote was parsed as the clause: take it all.
        if end <= qend + 2 and start >= q.open:
            return q.start, q.end, True
    return start, end, False


def _adjacent_quote(art: _Article, cue: Token, subj: Token | None) -> Quote | None:
    """A quote right after the attribution (``said: "..."``) or right before it."""
    doc = art.doc
    pstart, pend = art.para_of(cue.idx)
    # After: skip punctuation, the subject, particles and short phrases.
    attribution_end = cue.i
    if subj is not None and subj.i > cue.i:
        attribution_end = max(attribution_end, subj.right_edge.i)
    j = attribution_end + 1
    steps = 0
    while j < len(doc) and steps < 8 and doc[j].idx < pend:
        t = doc[j]
        if t.text and _mark_at(t.text, 0) and art.in_quote(t.idx + len(t.text)):
            q = art.quote_at(t.idx)
            if q is not None and q.open == t.idx:
                return q if _quote_is_said(art, q, cue) else None
        if t.text in _END_PUNCT:
            break
        steps += 1
        j += 1
    # Before: the attribution starts right after a quote's closing mark.
    first = min(cue.i, subj.left_edge.i if subj is not None else cue.i)
    j = first - 1
    while j >= 0 and doc[j].idx >= pstart and (doc[j].is_punct or doc[j].is_space):
        if doc[j].text and _mark_at(doc[j].text, 0) and not art.in_quote(doc[j].idx):
            q = art.quote_at(doc[j].idx - 1)
            if q is not None and q.close == doc[j].idx:
                return q if _quote_is_said(art, q, cue) else None
        j -= 1
    # An unclosed quote that runs into the attribution (seed 000 style).
    if j >= 0 and doc[j].idx >= pstart:
        q = art.quote_at(doc[j].idx)
        if q is not None and q.close is None and q.end <= doc[first].idx:
            return q
    return None


def _quote_is_said(art: _Article, q: Quote, cue: Token) -> bool:
    """False for a quoted phrase inside a noun phrase (``agree to the "positive" proposal``)."""
    span = art.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.head.i == cue.i or span.start <= root.head.i < span.end:
        return True
    return root.dep_ not in ("amod", "compound", "nmod", "pobj", "poss", "nummod", "attr", "appos")


def _colon_content(art: _Article, cue: Token) -> tuple[int, int] | None:
    """``Trump said: ...`` without quote marks: the rest of the sentence."""
    doc = art.doc
    sent = cue.sent
    for j in range(cue.i + 1, min(cue.i + 6, len(doc))):
        if doc[j].text == ":":
            pstart, pend = art.para_of(cue.idx)
            start = doc[j].idx + 1
            end = min(sent.end_char, pend)
            if not art.text[start:pend].strip():
                # "He said:" closing its paragraph introduces the next one.
                i = art.para_starts.index(pstart) if pstart in art.para_starts else -1
                if i < 0 or i + 1 >= len(art.paras):
                    return None
                nstart, nend = art.paras[i + 1]
                q = art.quote_at(
                    nstart + len(art.text[nstart:nend]) - len(art.text[nstart:nend].lstrip())
                )
                if q is not None and q.end <= nend:
                    return q.start, q.end
                start, end = nstart, nend
            if end - start < 3:
                return None
            s, e = _trim(art.text, start, end)
            return (s, e) if e > s else None
        if doc[j].is_punct or "\n" in doc[j].text:
            return None
    return None


def _dash_content(art: _Article, cue: Token, subj: Token | None) -> tuple[int, int] | None:
    """``We are having very good negotiations ... - Trump said.``: the paragraph before the dash."""
    if subj is None or subj.i > cue.i:
        return None
    doc = art.doc
    k = cue.i - 1
    while k >= 0 and cue.i - k <= 5 and doc[k].text not in _DASHES:
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX") or "\n" in doc[k].text:
            return None
        k -= 1
    if k < 0 or doc[k].text not in _DASHES or cue.i - k > 5:
        return None
    if not any(t.i == subj.i for t in doc[k + 1 : cue.i]):
        subj = doc[cue.i - 1]
    pstart, pend = art.para_of(cue.idx)
    if doc[k].idx <= pstart:
        return None
    rest = [t for t in doc[cue.i + 1 : min(len(doc), cue.i + 8)] if t.idx < pend]
    if sum(1 for t in rest if not t.is_punct and not t.is_space) > 3:
        return None
    s, e = _trim(art.text, pstart, doc[k].idx)
    return (s, e) if e > s else None


def _trailing_content(art: _Article, cue: Token) -> tuple[int, int] | None:
    """``Russia shot ..., and the city council released [on Telegram]``: the clause before."""
    if cue.dep_ != "conj" or cue.head.i >= cue.i:
        return None
    if cue.lemma_.lower() not in TRAILING_REPORT_LEMMAS:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    for c in cue.children:
        if c.dep_ == "dobj" and _medium_in(art.text, c.left_edge.idx, c.right_edge.idx + 1) is None:
            return None
    head = cue.head
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    doc = art.doc
    left = head.left_edge.i
    ccs = [c.i for c in cue.head.rights if c.dep_ == "cc" and c.i < cue.i]
    end_tok = max(ccs) if ccs else cue.i
    subj = _subject(cue)
    if subj is not None and subj.left_edge.i < end_tok:
        end_tok = subj.left_edge.i
    if end_tok <= left:
        return None
    pstart, _ = art.para_of(cue.idx)
    s, e = _trim(art.text, max(doc[left].idx, pstart), doc[end_tok].idx)
    return (s, e) if e > s else None


# --- speakers ----------------------------------------------------------------

# Entity labels that are never a person, whatever the tagger's boundaries.
_PLACE_LABELS = ("GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL")


@dataclass(frozen=True)
class Person:
    """A person mention: an NER PERSON, or a proper-noun name NER mislabelled."""

    start: int  # token index
    end: int
    start_char: int
    text: str


def person_mentions(doc: Doc, art: _Article) -> list[Person]:
    """People named outside quotes, in text order.

    The small English model often tags a surname as ORG ("Trump said") or
    glues a country to a name ("Ukraine Bridget Brink"), so proper-noun chains
    count too when their last word is a surname NER tagged PERSON elsewhere,
    or when they are two or more capitalised words that are not a place.
    """
    places = {e.text.lower() for e in doc.ents if e.label_ in _PLACE_LABELS}
    found: dict[int, Person] = {}

    def add(lo: int, hi: int) -> None:
        while lo < hi - 1 and (
            doc[lo].lower_ in TITLES
            or doc[lo].lower_ in ROLE_WORDS
            or doc[lo].lower_ in places
            or doc[lo].lower_ == "the"
        ):
            lo += 1
        while lo < hi and not any(ch.isalnum() for ch in doc[lo].text):
            lo += 1  # NER glues a signature's dash to the name ("― Jacklyn Ashley")
        while hi > lo and (
            doc[hi - 1].text in ("'s", "’s", "'", "’")
            or not any(ch.isalnum() for ch in doc[hi - 1].text)
        ):
            hi -= 1
        if hi <= lo or "\n" in doc[lo:hi].text or art.in_quote(doc[lo].idx):
            return
        found[lo] = Person(lo, hi, doc[lo].idx, doc[lo:hi].text)

    for e in doc.ents:
        if e.label_ == "PERSON":
            add(e.start, e.end)
    surnames = {_surname(p.text) for p in found.values()}
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 1
        last = doc[j]
        covered = any(p.start <= j < p.end for p in found.values())
        if not covered:
            ent = last.ent_type_
            if last.lower_ in surnames:
                add(i, j + 1)
            elif j > i and ent not in _PLACE_LABELS and last.lower_ not in places:
                words = [t.lower_ for t in doc[i : j + 1]]
                plausible = not any(w in ORG_WORDS for w in words) and ent in ("", "PERSON", "ORG")
                if plausible and (ent != "ORG" or doc[i].lower_ in places):
                    add(i, j + 1)
        i = j + 1
    return [found[k] for k in sorted(found)]


def _norm(word: str) -> str:
    w = word.lower()
    return COUNTRY_SYNONYMS.get(w, w.rstrip("."))


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in TITLES]
    return re.sub(r"['’]s$", "", words[-1]).lower() if words else ""


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() == "the"):
        words = words[1:]
    return re.sub(r"['’]s$", "", " ".join(words))


def _fullest(art: _Article, name: str) -> str:
    """The fullest form of a person's name in the article ("Mr. Trump" -> "Donald Trump")."""
    surname = _surname(name)
    best = _strip_titles(name)
    if not surname:
        return best
    for p in art.persons:
        if _surname(p.text) == surname:
            cand = _strip_titles(p.text)
            if len(cand.split()) > len(best.split()):
                best = cand
    return best


def _person_at(art: _Article, tok: Token) -> Person | None:
    for p in art.persons:
        if p.start <= tok.i < p.end:
            return p
    return None


def _org_at(tok: Token) -> Span | None:
    if tok.ent_type_ != "ORG":
        return None
    doc = tok.doc
    for e in doc.ents:
        if e.start <= tok.i < e.end and "\n" not in e.text:
            lo, hi = e.start, e.end
            while lo < hi - 1 and not any(ch.isalnum() for ch in doc[lo].text):
                lo += 1  # a signature's dash glued to the name
            return doc[lo:hi]
    return None


def _role_person(art: _Article, subj: Token) -> str | None:
    """The person last introduced with the role word ("the US president" -> Donald Trump)."""
    role = subj.lower_
    mods = {
        _norm(c.text)
        for c in subj.children
        if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()
    }
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    for p in reversed(art.persons):
        if p.start_char >= subj.idx:
            continue
        left = art.doc[max(0, p.start - 6) : p.start]
        words = {_norm(t.text) for t in left}
        if role not in {t.lower_ for t in left}:
            continue
        if mods and not mods <= words:
            continue
        if owner is not None and _surname(owner.text) not in {t.lower_ for t in left}:
            continue
        return _fullest(art, p.text)
    return None


def _subject_person(art: _Article, sent: Span) -> str | None:
    """The last person in a sentence who is its subject, agent or the head of a ``who`` clause."""
    found = None
    for p in art.persons:
        if not (sent.start <= p.start < sent.end):
            continue
        root = art.doc[p.end - 1]
        dep, head = root.dep_, root.head
        if (
            dep in _SUBJ_DEPS
            or (dep == "pobj" and head.dep_ == "agent")
            or (dep in ("appos", "compound") and head.dep_ in _SUBJ_DEPS)
            or any(c.dep_ == "relcl" for c in root.rights)
        ):
            found = p
    return _fullest(art, found.text) if found is not None else None


def _pronoun_person(art: _Article, subj: Token) -> str | None:
    """Who ``he``/``she`` is: a speaker earlier in the sentence, else in the sentences before."""
    sent = subj.sent
    earlier = [s for s in art.said if sent.start_char <= s[0] < subj.idx and s[2]]
    if earlier:
        return earlier[-1][1]
    sents = [s for s in art.doc.sents if s.end_char <= sent.start_char + 1 and s.start < sent.start]
    for s in reversed(sents[-4:]):
        spoke = [x for x in art.said if s.start_char <= x[0] < s.end_char and x[2]]
        if spoke:
            return spoke[-1][1]
        if art.in_quote(s.start_char + 1) and art.in_quote(s.end_char - 2):
            continue
        who = _subject_person(art, s)
        if who is not None:
            return who
    before = [p for p in art.persons if p.start_char < subj.idx]
    return _fullest(art, before[-1].text) if before else None


def resolve_speaker(art: _Article, subj: Token, depth: int = 0) -> tuple[str, bool]:
    """(speaker name, is a person) for the subject of a cue."""
    low = subj.lower_
    if low in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl" and depth < 3:
        return resolve_speaker(art, subj.head.head, depth + 1)
    if low in PERSON_PRONOUNS:
        who = _pronoun_person(art, subj)
        return (who, True) if who is not None else (subj.text, True)
    cands = [subj] + [c for c in subj.children if c.dep_ == "compound"]
    cands += [t for t in subj.subtree if t.dep_ == "appos" and t.i != subj.i]
    for tok in cands:
        p = _person_at(art, tok)
        if p is not None:
            return _fullest(art, p.text), True
    if low in ORG_WORDS or subj.lemma_.lower() in ORG_WORDS:
        s, e = _span_of_subject(subj)
        phrase = art.text[s:e]
        return _strip_titles(phrase) if phrase.lower().startswith("the ") else phrase, False
    org = _org_at(subj)
    if org is not None:
        return _strip_titles(org.text), False
    if low in ROLE_WORDS or subj.lemma_.lower() in ROLE_WORDS:
        who = _role_person(art, subj)
        if who is not None:
            return who, True
    s, e = _span_of_subject(subj)
    phrase = art.text[s:e]
    if subj.pos_ == "PROPN" and (
        subj.ent_type_ not in _PLACE_LABELS or _fullest(art, subj.text) != subj.text
    ):
        text = art.text
        left = min(
            [
                c.i
                for c in subj.children
                if c.dep_ == "compound" and c.i < subj.i and "\n" not in text[c.idx : subj.idx]
            ]
            + [subj.i]
        )
        return _fullest(art, art.doc[left : subj.i + 1].text), True
    return phrase, False


# --- medium and date -----------------------------------------------------------


def _medium_in(text: str, start: int, end: int) -> str | None:
    chunk = text[start:end]
    for pattern, name in MEDIA:
        if pattern.search(chunk):
            return name
    return None


def _attribution_ranges(cue: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
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


def _medium(art: _Article, ranges: list[tuple[int, int]]) -> str | None:
    for s, e in ranges:
        m = _medium_in(art.text, s, e)
        if m is not None:
            return m
    return None


def _date(timexes: list[Timex], cue: Token, ranges: list[tuple[int, int]]) -> str | None:
    """The date of the time expression in the cue's clause nearest the cue."""
    best: tuple[int, str] | None = None
    for t in timexes:
        if t.type not in ("date", "time") or not t.value:
            continue
        m = _DATE_VALUE.match(t.value)
        if m is None:
            continue
        if not any(s <= t.start and t.end <= e for s, e in ranges):
            continue
        # The timex must hang on the cue, not on a noun or verb inside another clause.
        tok = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if tok is not None and not _governed_by(tok.root, cue):
            continue
        dist = abs(t.start - cue.idx)
        if best is None or dist < best[0]:
            best = (dist, m.group())
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


# --- the component -------------------------------------------------------------


@dataclass
class _Found:
    cue: Token | None
    cue_span: tuple[int, int] | None
    subj: Token | None
    speaker: str | None
    is_person: bool
    content: tuple[int, int]
    direct: bool
    inherit: _Found | None = None  # a continued quote takes this statement's speaker
    speaker_span: tuple[int, int] | None = None  # when not the subject's phrase


def _cue_statements(art: _Article) -> list[_Found]:
    found: list[_Found] = []
    doc = art.doc
    model = load_cue_model()
    for tok in doc:
        if art.in_quote(tok.idx):
            continue
        if tok.lower_ == "according" or (tok.lower_ == "in" and tok.dep_ == "prep"):
            f = _according(art, tok)
            if f is not None:
                found.append(f)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUE_LEMMAS:
            f = _noun_cue(art, tok)
            if f is not None:
                found.append(f)
            continue
        if tok.lemma_.lower() in TRAILING_REPORT_LEMMAS and not _is_cue(tok):
            trailing = _trailing_content(art, tok)
            subj = _subject(tok)
            if trailing is not None and subj is not None:
                span = (tok.idx, tok.idx + len(tok))
                found.append(_Found(tok, span, subj, None, False, trailing, False))
            continue
        if not _is_cue(tok) and tok.pos_ == "VERB" and tok.lemma_.lower() in STANCE_LEMMAS:
            f = _stance(art, tok)
            if f is not None:
                found.append(f)
            continue
        learned = (
            model is not None
            and not _is_cue(tok)
            and tok.pos_ in CANDIDATE_POS
            and art.cue_probability(tok) >= model.threshold
        )
        if learned and tok.pos_ == "NOUN":
            f = _noun_cue(art, tok)
            if f is not None:
                found.append(f)
            continue
        if (
            not _is_cue(tok)
            and not learned
            and not (tok.pos_ == "VERB" and tok.lemma_.lower() in CLAUSE_ONLY_LEMMAS)
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subj = _subject(tok)
        if subj is None or art.in_quote(subj.idx):
            continue
        content: tuple[int, int] | None = _dash_content(art, tok, subj)
        direct = False
        if content is not None:
            found.append(
                _Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, False)
            )
            continue
        clause = _find_clause(tok)
        if clause is not None:
            got = _clause_content(art, clause, tok)
            if got is not None:
                content, direct = (got[0], got[1]), got[2]
        lemma = tok.lemma_.lower()
        if lemma in CLAUSE_ONLY_LEMMAS:
            if content is not None and not direct:
                found.append(
                    _Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, False)
                )
            continue
        if content is None or not direct:
            q = _adjacent_quote(art, tok, subj)
            if q is not None and content is None:
                content, direct = (q.start, q.end), True
        if content is None:
            content = _colon_content(art, tok)
        if content is None:
            content = _trailing_content(art, tok)
        if content is None:
            content = _parenthetical_content(art, tok, subj)
        if content is None and learned and model is not None:
            # An intention ("wants to sign up ...") or a topic ("spoke about
            # ...") is said; a bare object needs a confident model.
            said = any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children) or (
                tok.i + 1 < len(doc)
                and doc[tok.i + 1].head.i == tok.i
                and doc[tok.i + 1].lower_ in LEARNED_CUE_PREPS
            )
            if not said and art.cue_probability(tok) < model.complement_threshold:
                continue
        if content is None and tok.lemma_.lower() not in _NO_COMPLEMENT:
            # "mentioned the remarks", "accusing her of ...": the complement.
            got_f = _stance(art, tok, LEARNED_CUE_PREPS if learned else frozenset())
            if got_f is not None:
                found.append(got_f)
            continue
        if content is None:
            continue
        if tok.lemma_.lower() in WEAK_CUE_LEMMAS and not direct and clause is None:
            continue
        if learned and not direct and content[1] <= tok.idx:
            # Unquoted text before a learned cue is usually the scene
            # ("Earlier this month, lawyers filed"), not what was said.
            continue
        found.append(_Found(tok, (tok.idx, tok.idx + len(tok)), subj, None, False, content, direct))
    return found


# Speech verbs whose bare object is an addressee, not what was said ("told reporters").
_NO_COMPLEMENT = frozenset({"tell", "ask", "inform", "assure", "answer", "reply", "respond", "say"})

_COMPLEMENT_DEPS = frozenset(
    {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "prt"}
)


def _stance(art: _Article, cue: Token, preps: frozenset[str] = frozenset()) -> _Found | None:
    """``Clinton blasted Trump's remarks``, ``called for a ban``: the complement is the content."""
    if any(c.dep_ == "neg" for c in cue.children) or (cue.tag_ == "VBN" and cue.dep_ == "amod"):
        return None
    subj = _subject(cue)
    if subj is None or art.in_quote(subj.idx):
        return None
    doc = art.doc
    cue_end = cue.i
    particles = CUE_PARTICLES.get(cue.lemma_.lower(), frozenset()) | preps
    if cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in particles:
        cue_end = cue.i + 1
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    content: tuple[int, int] | None = None
    direct = False
    if clause is not None:
        got = _clause_content(art, clause, cue)
        if got is not None:
            content, direct = (got[0], got[1]), got[2]
    if content is None and "for" in particles:
        content, cue_end = _for_to_content(art, cue, cue_end)
    if content is None:
        comps = [c for c in cue.rights if c.dep_ in _COMPLEMENT_DEPS]
        core = [c for c in comps if c.dep_ != "prep" or c.i <= cue_end]
        if not core:
            return None
        lo = comps[0].left_edge.i
        if lo <= cue_end:
            lo = cue_end + 1
        hi = max(c.right_edge.i for c in comps)
        if hi < lo:
            return None
        pstart, pend = art.para_of(cue.idx)
        s = max(doc[lo].idx, pstart)
        e = min(doc[hi].idx + len(doc[hi]), pend, cue.sent.end_char)
        s, e = _trim(art.text, s, e)
        if e - s < 3:
            return None
        content = (s, e)
    cue_span = (cue.idx, doc[cue_end].idx + len(doc[cue_end]))
    return _Found(cue, cue_span, subj, None, False, content, direct)


def _for_to_content(art: _Article, cue: Token, cue_end: int) -> tuple[tuple[int, int] | None, int]:
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
        s, e = _trim(art.text, doc[mark.i + 1].idx, e)
        if e - s >= 3:
            return (s, e), mark.i
    return None, cue_end


def _noun_cue(art: _Article, noun: Token) -> _Found | None:
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
    got = _clause_content(art, clause, noun)
    if got is None:
        return None
    s, e = got[0], got[1]
    if art.text[s : s + 3].lower() == "to ":
        s += 3
    return _Found(noun, (noun.idx, noun.idx + len(noun)), owner, None, False, (s, e), got[2])


def _find_clause(cue: Token) -> Token | None:
    """What the cue introduces: its ``that``-clause, or an instruction (``told them to ...``).

    The small parser often hangs the clause on a phrase after the cue
    ("said during a rally in Michigan that ..."), so phrases to the right of
    the cue are searched too, without entering another clause.
    """
    for c in cue.children:
        if c.dep_ == "ccomp":
            return c
    if cue.lemma_.lower() in INSTRUCTION_LEMMAS:
        for c in cue.children:
            if c.dep_ == "xcomp" and c.i > cue.i:
                return c
    stack = [
        c
        for c in cue.children
        if c.i > cue.i and c.dep_ in ("prep", "dobj", "npadvmod", "advcl", "dative")
    ]
    seen = 0
    while stack and seen < 40:
        t = stack.pop(0)
        seen += 1
        for g in t.children:
            if g.dep_ == "ccomp":
                return g
            if (
                g.dep_ in ("relcl", "acl")
                and any(
                    m.lower_ == "that"
                    and m.i == g.left_edge.i
                    and m.dep_ in ("mark", "dobj", "nsubj")
                    for m in g.subtree
                )
                and any(m.dep_ in _SUBJ_DEPS and m.lower_ != "that" for m in g.children)
            ):
                return g
            if g.dep_ in ("prep", "pobj", "compound", "amod", "det", "poss", "dobj", "npadvmod"):
                stack.append(g)
    return None


def _parenthetical_content(art: _Article, cue: Token, subj: Token | None) -> tuple[int, int] | None:
    """``Acts of protest, Mr. Obama said, are acts of patriotism``: the clause around the cue.

    The statement's span is the sentence's clause with the attribution inside it.
    """
    if cue.dep_ not in ("parataxis", "advcl", "ccomp") or cue.head.i == cue.i:
        return None
    first = min(cue.i, subj.left_edge.i if subj is not None else cue.i)
    if first == 0 or art.doc[first - 1].text not in (",", "—", "–"):
        return None
    head = cue.head
    if art.in_quote(head.idx) or _is_cue(head):
        return None
    sent = cue.sent
    pstart, pend = art.para_of(cue.idx)
    lo = max(head.left_edge.idx, sent.start_char, pstart)
    hi = min(head.right_edge.idx + len(head.right_edge), sent.end_char, pend)
    s, e = _trim(art.text, lo, hi)
    if e - s < 10 or s >= art.doc[first].idx or e <= cue.idx:
        return None
    return s, e


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


def _colon_paragraphs(art: _Article) -> list[_Found]:
    """``PENCE: Well, look ...`` and ``Pence: Gennifer Flowers Won't Be at Debate``.

    Transcripts and headlines give the speaker's name and a colon at the start
    of the paragraph; the name must be a proper noun the parser recognises.
    """
    out: list[_Found] = []
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
            if not any(_surname(p.text) == last for p in art.persons):
                continue
            named = _fullest(art, span.text)
        c_start = n_start + m.start(3)
        s, e = _trim(art.text, c_start, pend)
        if e <= s:
            continue
        colon = n_start + m.start(2)
        f = _Found(
            span.root, (colon, colon + 1), span.root, named, named is not None, (s, e), False
        )
        f.speaker_span = (span.start_char, span.end_char)
        out.append(f)
    return out


def _according(art: _Article, tok: Token) -> _Found | None:
    """``According to X, ...``, ``..., according to X.`` and ``In a CNN poll, ...``."""
    if tok.lower_ == "in":
        # "In a CNN poll, ...": the poll is the source, "in" the cue.
        to = tok
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in IN_SOURCE_LEMMAS:
            return None
        if tok.head.pos_ == "NOUN" or _is_cue(tok.head):
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
        s, e = _trim(art.text, lo, phrase_lo)
    else:
        s, e = _trim(art.text, phrase_hi, hi)
    if e - s < 3:
        return None
    q = art.quote_at(s)
    direct = q is not None and q.start == s and q.end == e
    return _Found(tok, (tok.idx, to.idx + len(to)), pobj, None, False, (s, e), direct)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote_statements(art: _Article, found: list[_Found]) -> list[_Found]:
    """Quotes the cue pass left alone: a cue right after or before them, or a continuation."""
    out: list[_Found] = []
    covered = [f.content for f in found]
    last_para_speaker: dict[int, _Found] = {}
    for f in found:
        last_para_speaker[art.para_of(f.content[0])[0]] = f
    for q in art.quotes:
        span = (q.start, q.end)
        if any(_overlaps(span, c) for c in covered):
            continue
        signed = _dash_signature(art, q)
        if signed is not None:
            dash, name = signed
            at = dash.idx + next(i for i, ch in enumerate(dash.text) if ch in "―—–-")
            f = _Found(dash, (at, at + 1), name.root, None, False, span, True)
            f.speaker_span = (name.start_char, name.end_char)
            out.append(f)
            covered.append(span)
            last_para_speaker[art.para_of(q.start)[0]] = f
            continue
        colon = _colon_signature(art, q)
        if colon is not None:
            mark, who = colon
            last = art.doc[who.end - 1]
            speaker = _fullest(art, who.text)
            f = _Found(mark, (mark.idx, mark.idx + 1), last, speaker, True, span, True)
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
            f = _Found(cue, (cue.idx, cue.idx + len(cue)), subj, None, False, span, True)
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
            if prev_f.content[1] <= cue_idx < q.open and gap < 80:
                f = _Found(prev_f.cue, prev_f.cue_span, prev_f.subj, None, False, span, True)
                out.append(f)
                covered.append(span)
                continue
        if art.text[pstart : q.open].strip():
            continue
        # A paragraph that opens with a quote and has no attribution continues
        # the speaker of the paragraph before (quotes over several paragraphs).
        i = art.para_starts.index(pstart) if pstart in art.para_starts else -1
        prev = last_para_speaker.get(art.paras[i - 1][0]) if i > 0 else None
        if prev is not None and prev.direct:
            # The continued quote keeps the attribution that governs it.
            f = _Found(prev.cue, prev.cue_span, prev.subj, None, False, span, True, inherit=prev)
            f.speaker_span = prev.speaker_span
            out.append(f)
            covered.append(span)
            last_para_speaker[pstart] = f
    return out


def _colon_signature(art: _Article, q: Quote) -> tuple[Token, Person] | None:
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


def _dash_signature(art: _Article, q: Quote) -> tuple[Token, Span] | None:
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


def _cue_near(art: _Article, q: Quote) -> tuple[Token, Token] | None:
    doc = art.doc
    pstart, pend = art.para_of(q.open)
    after = q.close + 1 if q.close is not None else q.end
    span = doc.char_span(after, pend, alignment_mode="expand") if after < pend else None
    if span is not None:
        for n, tok in enumerate(span):
            if n > 12 or (tok.text in _END_PUNCT) or (_mark_at(tok.text, 0) and n > 0):
                break
            if _is_cue(tok):
                subj = _subject(tok)
                if subj is None or subj.idx < after - 1 or not _quote_is_said(art, q, tok):
                    continue
                # Only the speaker may stand between the quote and its cue.
                allowed = {t.i for t in subj.subtree}
                gap = span[:n]
                if all(t.i in allowed or t.is_punct or t.dep_ in ("advmod", "aux") for t in gap):
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
            if n > 10 or tok.text in _END_PUNCT:
                break
            if _is_cue(tok):
                subj = _subject(tok)
                if subj is not None and _quote_is_said(art, q, tok):
                    return tok, subj
    return None


# --- learned candidates ----------------------------------------------------------

# Prepositions and particles that belong to a cue when they follow it
# ("complained about", "railed against"): PolNeAR's Cue spans include them.
_CUE_PREPS = frozenset(
    {"about", "of", "for", "against", "on", "with", "to", "at", "out", "up", "over", "as", "in"}
)
_CONTENT_DEPS = _COMPLEMENT_DEPS | {"acl", "relcl", "pcomp"}


@dataclass
class Candidate:
    """An attribution the rules did not make, with the features the gate scores."""

    found: _Found
    features: list[str]


def _candidate(art: _Article, tok: Token) -> tuple[_Found, str, str] | None:
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
            subj, skind = _subject(tok.head), "head"
    elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd"):
        subj, skind = _subject(tok.head), "head"
    else:
        subj, skind = _subject(tok), "subj"
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
    clause = _find_clause(tok)
    if clause is not None:
        got = _clause_content(art, clause, tok)
        if got is not None:
            content, direct, kind = (got[0], got[1]), got[2], "clause"
    if content is None:
        q = _adjacent_quote(art, tok, subj)
        if q is not None:
            content, direct, kind = (q.start, q.end), True, "quote"
    if content is None:
        content = _colon_content(art, tok)
        kind = "colon"
    pstart, pend = art.para_of(tok.idx)
    if content is None:
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and passive.i < tok.i and passive.lower_ not in RELATIVE_PRONOUNS:
            lo, hi = passive.left_edge, passive.right_edge
            content = _trim(art.text, max(lo.idx, pstart), hi.idx + len(hi))
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
                content = _trim(art.text, s, e)
    if content is None or content[1] - content[0] < 2:
        return None
    setting = nxt is not None and nxt.lower_ in ("in", "at", "during") and cue_end > tok.i
    if kind == "comp:prep" and setting and _is_cue(tok):
        # "said in a statement", "told at a rally": the setting, not what was said.
        return None
    if subj is not None:
        sp = _span_of_subject(subj)
        if _overlaps(sp, content):
            subj, skind = None, "none"
    cue_span = (tok.idx, doc[cue_end].idx + len(doc[cue_end]))
    return _Found(tok, cue_span, subj, None, False, content, direct), kind, skind


def _gate_features(art: _Article, tok: Token, f: _Found, kind: str, skind: str) -> list[str]:
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
    art: _Article, found: list[_Found], floor: float | None = None
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
        got = _candidate(art, tok)
        if got is None:
            continue
        f, kind, skind = got
        if any(_overlaps(f.content, c) for c in taken):
            continue
        out.append(Candidate(f, _gate_features(art, tok, f, kind, skind)))
    return out


# Pronouns that outside quotes address the reader or speak for the outlet
# ("you agree to our privacy policy", "we publish news and views").
_READER_PRONOUNS = frozenset({"you", "we", "us", "our", "your"})


# Parts of speech that name something rather than say something.
_NAME_POS = frozenset({"PRON", "PROPN", "DET"})


def _has_speaker(f: _Found) -> bool:
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


def _says_something(art: _Article, f: _Found) -> bool:
    """False for a learned attribution whose content is only a name or a pronoun.

    "He was shown in [the video]" and "was widely criticized for [Trump]"
    get through the gate with a person as their content; what was said is a
    clause or a phrase with at least one word that is not a name.
    """
    words = _content_words(art, f)
    return words is None or any(t.pos_ not in _NAME_POS for t in words)


def _content_words(art: _Article, f: _Found) -> list[Token] | None:
    """The tokens of what was said, punctuation and spaces left out (None: no alignment)."""
    span = art.doc.char_span(*f.content, alignment_mode="expand")
    if span is None:
        return None
    return [t for t in span if not t.is_punct and not t.is_space]


def _is_statement(art: _Article, f: _Found) -> bool:
    """False for what only looks like one: how things seem to the writer, a
    refusal to comment, or a bare handle or link ("He tweets @pmorici1")."""
    cue = f.cue
    if cue is not None:
        lemma = cue.lemma_.lower()
        if lemma in NOT_STATEMENT_LEMMAS:
            return False
        refusal = ("decline", "refuse")
        negated = (
            any(c.dep_ == "neg" for c in cue.children)
            or cue.head.lemma_.lower() in refusal
            or any(t.lower_ == "yet" for t in art.doc[max(0, cue.i - 3) : cue.i])
        )
        if lemma in NO_COMMENT_LEMMAS and negated:
            return False
        if lemma in refusal and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_LEMMAS for c in cue.children
        ):
            return False
    words = _content_words(art, f)
    return not words or not all(
        t.like_url or t.like_email or t.text.startswith(("@", "#")) for t in words
    )


def _kind(f: _Found) -> StatementKind:
    """``speech`` for words said, ``stance`` for a position or act attributed without them."""
    cue = f.cue
    if f.direct or cue is None or _is_cue(cue) or cue.lower_ in ("according", "in"):
        return "speech"
    if not any(ch.isalpha() for ch in cue.text):
        return "speech"  # a colon or a dash signature
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in NOUN_CUE_LEMMAS:
        return "speech"  # "his claim that", "her statement"
    return "stance"


def _add_candidate(found: list[_Found], f: _Found) -> None:
    """Add a gated candidate unless an earlier one already claimed its words."""
    for g in found:
        if _overlaps(f.content, g.content) or (
            g.cue_span is not None and f.cue_span is not None and _overlaps(f.cue_span, g.cue_span)
        ):
            return
    found.append(f)


def _split_siblings(art: _Article, found: list[_Found]) -> list[_Found]:
    """``he did not believe X, arguing that Y``: X and Y are two attributions, not one.

    The parser often hangs a participle or a coordinated speech verb inside
    the clause before it, so that clause swallows the next attribution. The
    content ends at the comma or ``and`` before such a verb, which gets its
    own statement (the same speaker unless it has its own subject).
    """
    model = load_cue_model()
    floor = model.threshold if model is not None else 1.1
    doc = art.doc
    by_cue = {f.cue.i: f for f in found if f.cue is not None}
    out = list(found)
    for f in found:
        if f.direct or f.cue is None:
            continue
        span = doc.char_span(f.content[0], f.content[1], alignment_mode="contract")
        if span is None:
            continue
        for t in span:
            if t.dep_ not in ("advcl", "conj") or t.pos_ != "VERB" or t.i == 0:
                continue
            if t.tag_ != "VBG" and t.dep_ != "conj":
                continue
            if not (_is_cue(t) or art.cue_probability(t) >= floor):
                continue
            cut = t.i - 1
            if doc[cut].text != "," and doc[cut].dep_ != "cc":
                continue
            if doc[cut].dep_ == "cc" and cut > span.start and doc[cut - 1].text == ",":
                cut -= 1
            start, end = _trim(art.text, f.content[0], doc[cut].idx)
            if end - start < 10:
                continue
            old_end = f.content[1]
            if t.i not in by_cue:
                got = _candidate(art, t)
                if got is None:
                    continue
                g = got[0]
                if not (t.idx < g.content[1] <= old_end) or g.content[0] < end:
                    continue
                if g.subj is None:
                    g.subj = f.subj
                out.append(g)
            f.content = (start, end)
            break
    return out


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


def _outermost(found: list[_Found]) -> list[_Found]:
    """Drop attributions reported inside another's indirect content.

    In "Trump said that Clinton claimed X" Clinton's claim is Trump's report,
    not Clinton's statement; PolNeAR annotates the outer attribution. Under a
    cue that is not a speech verb ("remember that experts say X") the speech
    inside is kept and the frame dropped.
    """

    def inside(f: _Found, g: _Found) -> bool:
        if f is g or f.cue_span is None or g.direct or f.cue is None or g.cue is None:
            return False
        if not (g.content[0] <= f.cue_span[0] and f.cue_span[1] <= g.content[1]):
            return False
        # Only a report the outer cue governs; a relative clause ("details,
        # which spokesman Dmitry Peskov said will come") is its own statement.
        cur = f.cue
        for _ in range(8):
            if cur.dep_ in ("relcl", "acl", "appos") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == g.cue.i:
                return True
        return False

    def issued(g: _Found, f: _Found) -> bool:
        # "issued | a statement saying X" is the issuer's "saying | X".
        if f is g or f.cue is None or g.cue is None or f.cue.dep_ != "acl":
            return False
        verb = _issuer(f.cue.head)
        return verb is not None and verb.i == g.cue.i

    def speech(f: _Found) -> bool:
        return f.cue is not None and _is_cue(f.cue)

    def dropped(f: _Found) -> bool:
        for g in found:
            if issued(f, g):
                return True
            if inside(f, g) and not (speech(f) and not speech(g)):
                return True
            # "should remember that social scientists say X": the saying is the
            # statement, the frame around it is not.
            if inside(g, f) and speech(g) and not speech(f):
                return True
        return False

    return [f for f in found if not dropped(f)]


def rule_statements(art: _Article) -> list[_Found]:
    """The three rule passes: cues, ``NAME:`` paragraphs, then the quotes they left."""
    found = _cue_statements(art)
    found += _colon_paragraphs(art)
    found += _quote_statements(art, found)
    return found


@component("statements")
def find_statements(ctx: Context) -> None:
    """Append the article's statements to ``ctx.findings.statements``, in text order."""
    art = _Article(ctx)
    found = rule_statements(art)
    gate = load_gate_model()
    if gate is not None:
        for cand in gate_candidates(art, found):
            if (
                _has_speaker(cand.found)
                and _says_something(art, cand.found)
                and gate.probability(cand.features) >= gate.threshold
            ):
                _add_candidate(found, cand.found)
    found = [f for f in found if _is_statement(art, f)]
    found = _outermost(_split_siblings(art, found))
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
            sp_span = _span_of_subject(f.subj, clauses=True)
            if _overlaps(sp_span, f.content):
                sp_span = _span_of_subject(f.subj)
        if f.cue is not None:
            ranges = _attribution_ranges(f.cue, f.content)
            medium = _medium(art, ranges)
            date = _date(ctx.findings.timexes, f.cue, ranges)
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
