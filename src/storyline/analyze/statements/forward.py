"""Names given after the source they name: a person introduced by description, or a
role no one before held, that the article names later ("'...,' the expert said.
Timofeyev noted ..."; "the defense minister said ... Germany's Defense Minister Boris
Pistorius"). A part of ``Sources``, kept apart for size."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.statements.antecedents import refers_back, strip_titles
from storyline.analyze.statements.cues import is_cue
from storyline.analyze.statements.mentions import Mention, norm_word
from storyline.analyze.statements.parts import SourcesPart
from storyline.analyze.statements.people import surname_of
from storyline.analyze.statements.source import COURTESY_TITLES, Source


class LaterNames(SourcesPart):
    """What ``Sources`` resolves forward, by the names the article gives later."""

    def _named_later(self, subj: Token) -> Source | None:
        """ "A British surgeon who returned to Gaza has been describing life at Nasser
        Hospital. ... Dr Rose says ...": a person introduced by description is the one
        the next two sentences first call by title and surname alone, as one calls
        someone already introduced (never a name the article gives in full)."""
        sent = self._sent_of(subj)
        for p in self.persons:
            if p.start <= subj.i:
                continue
            if self.index.sent_of(self.doc[p.start]) - sent > 2:
                break
            words = p.text.split()
            before = self.doc[p.start - 1].lower_ if p.start else ""
            titled = (words[0].lower() in COURTESY_TITLES and len(words) == 2) or (
                before in COURTESY_TITLES and len(words) == 1
            )
            if not titled or self.doc[p.end - 1].ent_type_ != "PERSON":
                continue
            if self.fullest_name(p.text) != strip_titles(p.text):
                continue  # "Mr. Trump": named in full elsewhere
            if any(
                q.start < p.start and surname_of(q.text) == surname_of(p.text) for q in self.persons
            ):
                continue  # named before: not the first naming of someone introduced
            return Source.named(self.person_name(p), is_person=True)
        return None

    def _speaker_next(self, subj: Token) -> Source | None:
        """ "'...,' the expert said. Timofeyev noted that ...": a bare role no one before
        was given is the person the next sentence names first, when that person speaks
        there (the subject of a speech verb, or "according to" them), nobody else is
        named between, and the article named them before."""
        sent = self._sent_of(subj)
        nxt = next((p for p in self.persons if p.start > subj.i), None)
        if nxt is None or self.index.sent_of(self.doc[nxt.start]) != sent + 1:
            return None
        head = self.doc[nxt.end - 1]
        speaks = head.dep_ == "nsubj" and is_cue(head.head)
        according = (
            head.dep_ == "pobj"
            and head.head.lower_ == "to"
            and (head.head.head.lower_ == "according")
        )
        if not (speaks or according):
            return None
        # (someone the article introduced before, now called by name: not a new voice,
        # "..., according to the governor. ... Andriy Yermak said")
        surname = surname_of(nxt.text)
        if not any(p.start < subj.i and surname_of(p.text) == surname for p in self.persons):
            return None
        return Source.named(self.person_name(nxt), is_person=True)

    def _role_named_later(self, subj: Token, want: set[str]) -> Source | None:
        """ "..., the defense minister said in comments published Saturday. In an
        interview ..., Boris Pistorius laid out ... Germany's Defense Minister Boris
        Pistorius": a role no one before held is the one person the article gives it
        later, with every word of the role ("defense" too), when only one has it."""
        want = want | {norm_word(c.text) for c in subj.children if c.dep_ == "compound"}
        keys: dict[str, Mention] = {}
        for m in self.index.mentions:
            later = m.kind == "person" and m.key and m.char > subj.idx
            if later and not refers_back(m.head) and want <= self.index.words_of(m):
                keys.setdefault(m.key, m)
        if len(keys) != 1:
            return None
        got = self._mention_source(next(iter(keys.values())), 3)
        # ("the ambassador" before "The Israeli ambassador has worked ...": a later
        # description names no one)
        return got if got.status == "named" else None
