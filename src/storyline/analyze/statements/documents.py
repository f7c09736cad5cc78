"""What documents say: a statement, a report, data, a letter speak for whoever issued
them ("A statement from the ministry said", "the latest data ... released by Russia's
Defense Ministry", "the statement said" after the source that made it). A part of
``Sources``, kept apart for size."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.source_lexicon import ISSUED_THINGS, ISSUING_LEMMAS
from storyline.analyze.statements.antecedents import (
    is_definite,
    name_stems,
    nationality_stems,
)
from storyline.analyze.statements.cues import cue_subject, issuer_of
from storyline.analyze.statements.parts import SourcesPart
from storyline.analyze.statements.source import UNRESOLVED, VEHICLE_PREPS, Source


class DocumentSources(SourcesPart):
    """Whom ``Sources`` resolves a document subject to."""

    def _document(self, subj: Token, depth: int, definite: bool, phrase: str) -> Source:
        """ "A statement from the ministry said", "the ministry's statement": the issuer;
        "the statement said" after a source spoke: that source; "a report said": described."""
        for c in subj.children:
            if c.dep_ == "poss" and depth < 3:
                return self.resolve(c, depth + 1)
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of") and depth < 3:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_):
                    return self.resolve(pobj, depth + 1)
        issuer = issuer_of(subj)
        who = cue_subject(issuer) if issuer is not None else None
        if who is not None:
            # "the president issued a post that read": a step down the parse tree, not
            # a reference back, so it costs no depth ("the president" may need all of it).
            return self.resolve(who, depth)
        if not definite:
            return Source.described(phrase)
        introduced = self._introduced_by(subj, depth) if depth < 3 else None
        if introduced is not None:
            return introduced
        sent = self._sent_of(subj)
        recent = [s for s in self.spoken if s.char < subj.idx and sent - s.sent <= 3]
        # "The Israeli statement said", after the Palestinian Authority condemned: the
        # Israeli source that spoke, not the last one (DW).
        stems = nationality_stems(subj)
        own = [s for s in recent if stems & name_stems(s.source.name)]
        recent = own or recent
        return recent[-1].source if recent else UNRESOLVED

    def _introduced_by(self, subj: Token, depth: int) -> Source | None:
        """ "In a Wednesday statement, the lawmakers referred to remarks by Witkoff and
        Rubio, who said ... 'We ...,' the statement said": the statement is the one the
        article introduced, three sentences back at most, and its words its issuer's
        (the subject of the clause it came in, or the one that issued it), not those
        of whoever spoke last (Mehr: Rubio)."""
        sent = self._sent_of(subj)
        lemma = subj.lemma_.lower()
        for tok in reversed(self.doc[max(0, subj.i - 200) : subj.i]):
            if self._sent_of(tok) < sent - 3:
                break
            if tok.lemma_.lower() != lemma or self.in_quote(tok.idx) or is_definite(tok):
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self.resolve(owner, depth + 1)
            verb = issuer_of(tok)
            if verb is None and tok.dep_ == "pobj" and tok.head.lower_ in VEHICLE_PREPS:
                verb = tok.head.head if tok.head.head.pos_ == "VERB" else None
            who = cue_subject(verb) if verb is not None else None
            return self.resolve(who, depth + 1) if who is not None else None
        return None


def signed_by(subj: Token) -> Token | None:
    """Who signed, issued or released what a described subject names: the agent of a
    participle inside its phrase ("data ... released by Russia's Defense Ministry"), when
    it is a thing issued (``ISSUED_THINGS``), not a person released by someone."""
    if subj.lemma_.lower() not in ISSUED_THINGS and subj.lower_ not in ISSUED_THINGS:
        return None
    for t in subj.subtree:
        if t.dep_ == "acl" and t.i > subj.i and t.lemma_.lower() in ISSUING_LEMMAS:
            agent = next((g for g in t.children if g.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None
