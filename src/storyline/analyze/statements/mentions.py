"""Whom an article can mean: the people, bodies and groups it mentions, as antecedents.

Each ``Mention`` is a possible antecedent for "he", "it", "they", "the
ministry" or "the analyst": where it is, what kind of source it is (a person,
a body, a place or an unnamed group), whether it is the subject of its
clause (salient), the words that describe it ("Kremlin spokesman Dmitry
Peskov" is described by ``kremlin`` and ``spokesman``), and its gender when
the article or the name tells it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from storyline.analyze.source_lexicon import (
    FEMALE_SURNAME_ENDINGS,
    GENDER_NOUNS,
    GENDER_TITLES,
    MALE_A_NAMES,
    MALE_SURNAME_ENDINGS,
    MEN_FIRST_NAMES,
    PERSON_SUBJECT_PRONOUNS,
    RELEASE_VERBS,
    SPEAKING_THINGS,
    UNNAMED_SOURCE_NOUNS,
    WOMEN_FIRST_NAMES,
    Gender,
)
from storyline.analyze.speech_lexicon import COUNTRY_SYNONYMS, ORG_WORDS, ROLE_WORDS, TITLES
from storyline.analyze.statements.cues import SUBJ_DEPS
from storyline.analyze.statements.people import Person

Kind = Literal["person", "body", "place", "group", "document"]

# Entity labels of places and of bodies that can speak ("Russia said", "the
# Kremlin denied").
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_BODY_LABELS = frozenset({"ORG"})
_NAMED_LABELS = _BODY_LABELS | _PLACE_LABELS


@dataclass(frozen=True)
class Mention:
    """One mention that a later pronoun or role may refer back to."""

    head: Token  # the mention's head token (what is resolved when it is chosen)
    char: int  # where it starts in the text
    sent: int  # index of its sentence
    kind: Kind
    plural: bool
    subject: bool  # subject, agent or the subject's possessor ("Putin's reaction was ...")
    words: frozenset[str]  # what describes it, lower-case, countries normalised
    key: str  # who it is: a person's fullest name, a body's name, in lower case
    # A "he" or "she" subject: whoever it resolves to ("He obtained his degree ... He
    # said": the second "he" is the first one's referent).
    pronoun: bool = False


def proper_modifier(tok: Token) -> bool:
    """A name or nationality modifying a noun: "the British government", "Russia's ministry"."""
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod")
        and c.i < tok.i
        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
        for c in tok.children
    )


def norm_word(word: str) -> str:
    w = word.lower().rstrip(".")
    return COUNTRY_SYNONYMS.get(w, w)


def is_subject(tok: Token) -> bool:
    """Subject or agent of its clause, or the possessor of one ("Putin's reaction")."""
    if tok.dep_ in SUBJ_DEPS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return True
    if tok.dep_ in ("compound", "appos") and tok.head.dep_ in SUBJ_DEPS:
        return True
    return tok.dep_ == "poss" and tok.head.dep_ in SUBJ_DEPS


# Words that join a title to its body ("director at the Agriculture Ministry").
_TITLE_LINKS = frozenset({"of", "at", "for", "to", "on"})


def _person_words(doc: Doc, p: Person) -> set[str]:
    """The words describing a person where named: a role before the name
    ("Kremlin spokesman Dmitry Peskov") or in apposition ("Peskov, the Kremlin
    spokesman"; "the Kremlin spokesman, Dmitry Peskov")."""
    words: set[str] = set()
    sent_start = doc[p.start].sent.start
    for t in reversed(doc[max(sent_start, p.start - 8) : p.start]):
        if t.pos_ == "ADP" and t.lower_ in _TITLE_LINKS:
            continue  # "department director at the Agriculture Ministry Roman Nekrasov"
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or "\n" in t.text:
            break
        words.add(norm_word(t.text))
    head = doc[p.end - 1]
    for c in head.children:
        if c.dep_ == "appos" and not (p.start <= c.i < p.end):
            words.update(norm_word(t.text) for t in c.subtree if not t.is_punct)
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == p.end:
            # "President Vladimir Putin of Russia" is the Russian president
            words.update(norm_word(g.text) for g in c.children if g.ent_type_ == "GPE")
    outer = head.head
    # (a title the parser took for a name: "says Israel's Ambassador to Azerbaijan,
    # George Deek" makes him "the ambassador")
    titled = outer.pos_ == "PROPN" and outer.lower_ in ROLE_WORDS
    if head.dep_ == "appos" and (outer.pos_ == "NOUN" or titled):
        words.update(
            norm_word(t.text)
            for t in outer.subtree
            if t.i < head.left_edge.i and not t.is_punct and t.dep_ != "relcl"
        )
    return words


def _body_words(doc: Doc, ent: Span, lo: int) -> frozenset[str]:
    """What the article calls a body where it names it, as lemmas: the common nouns
    before the name ("the social media company Twitter", "subprime lending giant
    Ameriquest"), an apposition ("Ameriquest, a lender") or what it is said to be
    ("Ameriquest was one of several firms"), so "the company" can mean it."""
    words: set[str] = set()
    for t in reversed(doc[max(doc[lo].sent.start, lo - 4) : lo]):
        if t.pos_ not in ("NOUN", "ADJ") or not t.text.islower():
            break
        words.add(t.lemma_.lower())
    head = ent.root
    for c in head.children:
        if c.dep_ == "appos" and c.i >= ent.end and c.pos_ == "NOUN":
            words.add(c.lemma_.lower())
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_ == "be":
        for c in verb.children:
            if c.dep_ == "attr":  # "a lender", "one of several firms"
                if c.pos_ == "NOUN":
                    words.add(c.lemma_.lower())
                of = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
                words.update(g.lemma_.lower() for p in of for g in p.children if g.dep_ == "pobj")
    return frozenset(words)


def body_name(ent: Span) -> tuple[int, str]:
    """A body's name as written, with a country before it ("Russia's Defense Ministry")."""
    doc = ent.doc
    lo = ent.start
    while lo < ent.end - 1 and doc[lo].lower_ == "the":
        lo += 1
    if lo > 1 and doc[lo - 1].text in ("'s", "’s") and doc[lo - 2].ent_type_ in ("GPE", "NORP"):
        lo -= 2
    elif lo > 0 and doc[lo - 1].ent_type_ == "NORP" and doc[lo - 1].dep_ in ("amod", "compound"):
        lo -= 1
    hi = ent.end
    if hi - 1 > lo and doc[hi - 1].text in ("'s", "’s"):
        hi -= 1
    return lo, doc[lo:hi].text


def gender_from_name(name: str) -> Gender | None:
    """What a first name or a Slavic surname says: the lists of common first
    names, a first name in -a, a surname in -ova or -sky."""
    words = [w for w in re.split(r"\s+", name) if w and w.lower() not in TITLES]
    if not words:
        return None
    first, last = words[0].lower(), words[-1].lower()
    if len(words) >= 2:
        if first in WOMEN_FIRST_NAMES:
            return "f"
        if first in MEN_FIRST_NAMES:
            return "m"
        if first.endswith("a") and first not in MALE_A_NAMES and first.isalpha():
            return "f"
    if last.endswith(FEMALE_SURNAME_ENDINGS) and len(last) > 5:
        return "f"
    if last.endswith(MALE_SURNAME_ENDINGS) and len(last) > 4:
        return "m"
    return None


def name_gender(name: str) -> Gender | None:
    """``gender_from_name``, and for a person the article calls by a first name alone
    ("Melanie said", "Kevin was snoring"; no full name in the article ends with it)
    what that first name says."""
    g = gender_from_name(name)
    words = [w for w in name.split() if w.lower() not in TITLES]
    if g is not None or len(words) != 1:
        return g
    first = words[0].lower()
    if first in WOMEN_FIRST_NAMES and first not in MEN_FIRST_NAMES:
        return "f"
    if first in MEN_FIRST_NAMES and first not in WOMEN_FIRST_NAMES:
        return "m"
    return None


def _gender_evidence(doc: Doc, p: Person, words: set[str]) -> Gender | None:
    """What the article says of a person's gender where it names them:
    a title ("Mrs. Clinton"), a noun ("spokeswoman"), else the name."""
    for t in doc[max(0, p.start - 2) : p.start + 1]:
        g = GENDER_TITLES.get(t.lower_)
        if g is not None:
            return g
    for w in words:
        g = GENDER_NOUNS.get(w)
        if g is not None:
            return g
    return None


# A photo credit in parentheses closing a caption run into the text: "(SERGEI ILYIN/POOL/
# AFP via Getty Images)", "(AP Photo/Manuel Balce Ceneta)", "(credit: IDF SPOKESPERSON'S
# UNIT)", "(Reuters/Thomas Peter)".
PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][^()\n]{0,59}/[A-Z][^()\n]{0,79}|[^()\n]{0,40}\bvia Getty Images"
    r"|credit:[^()\n]{1,80})\)"
)


def caption_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Where photo captions sit, each the sentence a photo credit closes: "In this pool
    photograph ..., Russia's President Vladimir Putin chairs a meeting ... (SERGEI
    ILYIN/POOL/AFP via Getty Images)" names no one a later "the president" means (Fox,
    409 articles: "But the president also criticized Zelenskyy" had gone to Putin),
    though a "he said" right after the photo of a speaker may mean him."""
    out: list[tuple[int, int]] = []
    for m in PHOTO_CREDIT.finditer(doc.text):
        before = doc.char_span(max(0, m.start() - 2), m.start(), alignment_mode="expand")
        if before is None or not len(before):
            continue
        out.append((before[0].sent.start_char, m.end()))
    return out


class MentionIndex:
    """Every candidate antecedent of an article, in text order, and what is known of each person."""

    def __init__(
        self,
        doc: Doc,
        in_quote: Callable[[int], bool],
        persons: list[Person],
        full_name: Callable[[str], str],
    ) -> None:
        self.doc = doc
        self.full_name = full_name
        self.sent_starts = [s.start for s in doc.sents]
        # Sentences told by the reporter (not opened inside a quote), counted up to each
        # sentence: a "he" after a quote of five sentences is as near its speaker as a
        # "he" right after the cue ("Kartapolov remarked, '...' He further advised").
        told = [0]
        for start in self.sent_starts:
            told.append(told[-1] + (not in_quote(doc[start].idx)))
        self._told = told
        self.genders: dict[str, Gender] = {}
        self.mentions: list[Mention] = []
        self.ents = doc.ents  # (spaCy builds the spans anew on every read)
        self._person_words: dict[str, frozenset[str]] | None = None
        self._add_persons(persons)
        self._add_bodies(in_quote)
        self._add_groups(in_quote)
        self._add_coordinations(in_quote)
        self.mentions.sort(key=lambda m: m.char)
        self.captions = caption_ranges(doc)
        self.heads = {m.head.i for m in self.mentions}  # (before the pronoun links)
        self._learn_genders_from_pronouns(persons, in_quote)
        self._add_pronouns(in_quote)

    def in_caption(self, m: Mention) -> bool:
        return any(a <= m.char < b for a, b in self.captions)

    def sent_of(self, tok: Token) -> int:
        return bisect.bisect_right(self.sent_starts, tok.i) - 1

    def told_gap(self, earlier: int, later: int) -> int:
        """How many of the reporter's own sentences from sentence ``earlier`` to
        ``later`` (sentences opened inside a quote do not count)."""
        if not 0 <= earlier <= later < len(self.sent_starts):
            return later - earlier
        return self._told[later + 1] - self._told[earlier + 1]

    def _add_persons(self, persons: list[Person]) -> None:
        doc = self.doc
        for p in persons:
            head = doc[p.end - 1]
            words = _person_words(doc, p)
            key = self.full_name(p.text).lower()
            g = _gender_evidence(doc, p, words) or (
                self.genders.get(key) or gender_from_name(p.text) or name_gender(key)
            )
            if g is not None and key:
                self.genders.setdefault(key, g)
            self.mentions.append(
                Mention(
                    head=head,
                    char=doc[p.start].idx,
                    sent=self.sent_of(head),
                    kind="person",
                    plural=False,
                    subject=is_subject(head),
                    words=frozenset(words | {norm_word(t.text) for t in doc[p.start : p.end]}),
                    key=key,
                )
            )

    def _add_bodies(self, in_quote: Callable[[int], bool]) -> None:
        doc = self.doc
        for ent in self.ents:
            # A people ("Ukrainians", "Palestinians") is a group a later "they" may mean.
            people = ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS")
            if ent.label_ not in _BODY_LABELS and ent.label_ not in _PLACE_LABELS and not people:
                continue
            if "\n" in ent.text or in_quote(ent.start_char):
                continue
            if not any(c.isalpha() for c in ent.text):
                continue
            head = ent.root
            lo, name = body_name(ent)
            kind: Kind = "body" if ent.label_ in _BODY_LABELS else "group" if people else "place"
            self.mentions.append(
                Mention(
                    head=head,
                    char=doc[lo].idx,
                    sent=self.sent_of(head),
                    kind=kind,
                    plural=people,
                    subject=is_subject(head),
                    words=frozenset(norm_word(t.text) for t in doc[lo : ent.end] if t.is_alpha)
                    | (_body_words(doc, ent, lo) if kind == "body" else frozenset()),
                    key=name.lower(),
                )
            )

    def _add_coordinations(self, in_quote: Callable[[int], bool]) -> None:
        """Named countries or bodies coordinated with "and": together, a group a later
        "they" may mean ("as far as France, the United Kingdom and Canada are concerned.
        They have issued ... Their statement calls for a ceasefire": BBC, 409 articles,
        where "they" had gone to the 251 hostages named before)."""
        doc = self.doc
        for ent in self.ents:
            if ent.label_ not in _NAMED_LABELS:
                continue
            head = ent.root
            if head.dep_ == "conj" or not any(c.dep_ == "conj" for c in head.children):
                continue  # (the coordination is added at its first member)
            if in_quote(ent.start_char):
                continue
            members = [c for c in head.conjuncts if c.i > head.i]
            if not members or not all(c.ent_type_ in _NAMED_LABELS for c in members):
                continue
            if not any(
                c.dep_ == "cc" and c.lower_ == "and" for t in (head, *members) for c in t.children
            ):
                continue
            last = max(members, key=lambda c: c.i)
            self.mentions.append(
                Mention(
                    head=head,
                    char=doc[ent.start].idx,
                    sent=self.sent_of(head),
                    kind="group",
                    plural=True,
                    subject=is_subject(head),
                    words=frozenset(
                        norm_word(t.text)
                        for t in doc[ent.start : last.right_edge.i + 1]
                        if t.is_alpha
                    ),
                    key=doc[ent.start : last.right_edge.i + 1].text.lower(),
                )
            )

    def _add_groups(self, in_quote: Callable[[int], bool]) -> None:
        """Common-noun subjects that a later "they", "it" or "the ministry" may mean:
        "Ukrainian officials said ... They added", "the regional administration said"."""
        doc = self.doc
        for tok in doc:
            # (a lower-case word the tagger calls a proper noun is a common noun:
            # "while China’s foreign ministry also weighed in")
            common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())
            if not common or in_quote(tok.idx):
                continue
            if tok.ent_type_ in ("ORG", "GPE", "PERSON"):
                continue  # already a named mention
            lemma = tok.lemma_.lower()
            if lemma in SPEAKING_THINGS and lemma not in ORG_WORDS:
                self._add_document(tok, lemma)
                continue
            # Beside subjects, a body named by its modifiers anywhere ("the Obama
            # administration", "a Politico/Morning Consult poll"): a later "the
            # administration" or "the poll" means it.
            if not is_subject(tok) and (lemma not in ORG_WORDS or not proper_modifier(tok)):
                continue
            role = lemma in ROLE_WORDS and tok.tag_ == "NN"  # "The president's Pacific roots"
            if lemma not in ORG_WORDS and lemma not in UNNAMED_SOURCE_NOUNS and not role:
                continue
            plural = tok.tag_ == "NNS" or lemma in ("authority", "people", "military")
            left = tok.left_edge
            kind: Kind = "person" if role else "group" if plural else "body"
            self.mentions.append(
                Mention(
                    head=tok,
                    char=left.idx,
                    sent=self.sent_of(tok),
                    kind=kind,
                    plural=plural,
                    subject=is_subject(tok),
                    words=frozenset(norm_word(t.text) for t in doc[left.i : tok.i + 1]),
                    key=doc[left.i : tok.i + 1].text.lower(),
                )
            )

    def _add_document(self, tok: Token, lemma: str) -> None:
        """A document or a thing made public, subject of its clause or released ("The
        lawsuit contends ...", "the police released a video"): what a later "it" says."""
        released = tok.dep_ == "dobj" and tok.head.lemma_.lower() in RELEASE_VERBS
        if not (is_subject(tok) or released):
            return
        left = tok.left_edge
        self.mentions.append(
            Mention(
                head=tok,
                char=left.idx,
                sent=self.sent_of(tok),
                kind="document",
                plural=tok.tag_ == "NNS",
                subject=True,
                words=frozenset({lemma}),
                key=self.doc[left.i : tok.i + 1].text.lower(),
            )
        )

    def _add_pronouns(self, in_quote: Callable[[int], bool]) -> None:
        """Each "he" or "she" subject of a main clause outside quotes, as a link of a
        pronoun chain."""
        chain = [
            Mention(
                head=tok,
                char=tok.idx,
                sent=self.sent_of(tok),
                kind="person",
                plural=False,
                subject=True,
                words=frozenset(),
                key="",
                pronoun=True,
            )
            for tok in self.doc
            if tok.lower_ in _CHAIN_PRONOUNS
            and tok.dep_ in SUBJ_DEPS
            and _main_clause(tok.head)
            and not in_quote(tok.idx)
        ]
        if chain:
            self.mentions = sorted(self.mentions + chain, key=lambda m: m.char)

    def _learn_genders_from_pronouns(
        self, persons: list[Person], in_quote: Callable[[int], bool]
    ) -> None:
        """A sentence that names one person as its subject and refers back with
        "his" or "her" outside quotes says that person's gender ("Kallas said her
        country ..."), where nothing else did."""
        by_sent: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "person":
                by_sent.setdefault(m.sent, []).append(m)
        for n, sent in enumerate(self.doc.sents):
            people = by_sent.get(n, [])
            if len(people) != 1 or not people[0].subject or people[0].key in self.genders:
                continue
            seen = {
                PERSON_SUBJECT_PRONOUNS[t.lower_]
                for t in sent
                if t.lower_ in PERSON_SUBJECT_PRONOUNS
                and t.idx > people[0].char
                and not in_quote(t.idx)
            }
            if len(seen) == 1 and people[0].key:
                self.genders[people[0].key] = seen.pop()

    def words_of(self, m: Mention) -> frozenset[str]:
        """What describes a mention anywhere in the article: a person's words at
        every mention of the same surname ("President Donald Trump" ... "Trump")."""
        if m.kind != "person" or not m.key:
            return m.words
        if self._person_words is None:
            self._person_words = {}
            for x in self.mentions:
                if x.kind == "person" and x.key:
                    self._person_words[x.key] = self._person_words.get(x.key, frozenset()) | x.words
        return self._person_words.get(m.key, m.words)

    def gender(self, m: Mention) -> Gender | None:
        if m.pronoun:
            return PERSON_SUBJECT_PRONOUNS[m.head.lower_]
        return self.genders.get(m.key) if m.kind == "person" else None


def _main_clause(verb: Token) -> bool:
    """A sentence's main verb or one joined to it: a "he" there is what the text goes
    on about; one in a clause inside ("voters he would attract") is a weaker link."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


# The subject pronouns a chain is made of.
_CHAIN_PRONOUNS = frozenset({"he", "she"})
