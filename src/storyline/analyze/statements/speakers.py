"""Who said it: a cue's subject resolved to the fullest name in the article."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyline.analyze.speech_lexicon import (
    COUNTRY_SYNONYMS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    TITLES,
)
from storyline.analyze.statements.cues import SUBJ_DEPS, span_of_subject
from storyline.analyze.statements.people import PLACE_LABELS, Person, surname_of
from storyline.analyze.statements.view import ArticleView


def _norm(word: str) -> str:
    w = word.lower()
    return COUNTRY_SYNONYMS.get(w, w.rstrip("."))


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() == "the"):
        words = words[1:]
    return re.sub(r"['’]s$", "", " ".join(words))


def fullest_name(art: ArticleView, name: str) -> str:
    """The fullest form of a person's name in the article ("Mr. Trump" -> "Donald Trump")."""
    surname = surname_of(name)
    best = _strip_titles(name)
    if not surname:
        return best
    for p in art.persons:
        if surname_of(p.text) == surname:
            cand = _strip_titles(p.text)
            if len(cand.split()) > len(best.split()):
                best = cand
    return best


def _person_at(art: ArticleView, tok: Token) -> Person | None:
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


def _role_person(art: ArticleView, subj: Token) -> str | None:
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
        if owner is not None and surname_of(owner.text) not in {t.lower_ for t in left}:
            continue
        return fullest_name(art, p.text)
    return None


def _subject_person(art: ArticleView, sent: Span) -> str | None:
    """The last person in a sentence who is its subject, agent or the head of a ``who`` clause."""
    found = None
    for p in art.persons:
        if not (sent.start <= p.start < sent.end):
            continue
        root = art.doc[p.end - 1]
        dep, head = root.dep_, root.head
        if (
            dep in SUBJ_DEPS
            or (dep == "pobj" and head.dep_ == "agent")
            or (dep in ("appos", "compound") and head.dep_ in SUBJ_DEPS)
            or any(c.dep_ == "relcl" for c in root.rights)
        ):
            found = p
    return fullest_name(art, found.text) if found is not None else None


def _pronoun_person(art: ArticleView, subj: Token) -> str | None:
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
    return fullest_name(art, before[-1].text) if before else None


def resolve_speaker(art: ArticleView, subj: Token, depth: int = 0) -> tuple[str, bool]:
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
            return fullest_name(art, p.text), True
    if low in ORG_WORDS or subj.lemma_.lower() in ORG_WORDS:
        s, e = span_of_subject(subj)
        phrase = art.text[s:e]
        return _strip_titles(phrase) if phrase.lower().startswith("the ") else phrase, False
    org = _org_at(subj)
    if org is not None:
        return _strip_titles(org.text), False
    if low in ROLE_WORDS or subj.lemma_.lower() in ROLE_WORDS:
        who = _role_person(art, subj)
        if who is not None:
            return who, True
    s, e = span_of_subject(subj)
    phrase = art.text[s:e]
    if subj.pos_ == "PROPN" and (
        subj.ent_type_ not in PLACE_LABELS or fullest_name(art, subj.text) != subj.text
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
        return fullest_name(art, art.doc[left : subj.i + 1].text), True
    return phrase, False
