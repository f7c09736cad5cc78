"""Who said it: a cue's subject resolved to the source the article names.

A name stays a name (the fullest form the article gives a person: "Mr.
Trump" -> "Donald Trump"). A pronoun ("he", "it", "they") goes to the
candidate that agrees with it (a person of the right gender, a body, a
group) and is most salient: nearest by sentence, then a subject (or a
subject's possessor: "Putin's reaction ... He called"), then a source that
spoke. A role or body referred back to ("the ministry", "the analyst", "the
Kremlin spokesman") goes to the last mention its words describe. A document
("the statement said") speaks for whoever issued it. What is left is either
an unnamed source as the article describes it ("a senior US official",
"officials") or unresolved: never a pronoun passed off as a name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from storyline.analyze.source_lexicon import (
    CAPITAL_CITIES,
    DOCUMENT_NOUNS,
    EPITHETS,
    FLOATING_QUANTIFIERS,
    GENDER_NOUNS,
    GENDER_TITLES,
    GENERIC_BODY_NOUNS,
    OUTLET_NOUNS,
    PERSON_SUBJECT_PRONOUNS,
    PLURAL_PRONOUNS,
    REGIONAL_ROLES,
    SPEAKING_THINGS,
    STANDING_BODIES,
    THING_PRONOUNS,
    UNNAMED_SOURCE_NOUNS,
    WRITER_PRONOUNS,
)
from storyline.analyze.speech_lexicon import (
    ORG_WORDS,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
)
from storyline.analyze.statements.antecedents import (
    KIND_OF,
    ROLE_SYNONYMS,
    SIDE_WORDS,
    bare,
    body_kinds,
    caps_phrase,
    count_of,
    counted_group,
    defined_acronyms,
    described_text,
    document_owner,
    fits,
    in_caps_run,
    indefinite,
    is_definite,
    mention_name,
    own_phrase,
    person_like,
    press_service,
    refers_back,
    relative_antecedent,
    role_phrase,
    sentence_regions,
    strip_titles,
)
from storyline.analyze.statements.documents import DocumentSources, signed_by
from storyline.analyze.statements.forward import LaterNames
from storyline.analyze.statements.joint import (
    COUNTRY_NOUNS,
    JointSources,
    joint_members,
    joint_name,
)
from storyline.analyze.statements.mentions import (
    Mention,
    MentionIndex,
    body_name,
    name_gender,
    norm_word,
    proper_modifier,
)
from storyline.analyze.statements.names import FullNames
from storyline.analyze.statements.offices import OTHER_TIME, OfficeHolders
from storyline.analyze.statements.people import (
    PLACE_LABELS,
    Person,
    person_mentions,
    person_noun,
    surname_of,
)
from storyline.analyze.statements.quotes import scan_quotes
from storyline.analyze.statements.source import (
    CHAIN_BONUS,
    KNOWN_GENDER_BONUS,
    PRONOUN_TRIES,
    SPOKE_BONUS,
    TITLE_LINKS,
    UNRESOLVED,
    Source,
    Spoken,
    speaker_agrees,
)
from storyline.schema import SourceStatus


class Sources(LaterNames, JointSources, DocumentSources, OfficeHolders):
    """The sources of one article and how its pronouns and roles resolve to them."""

    def __init__(
        self,
        doc: Doc,
        in_quote: Callable[[int], bool],
        persons: list[Person],
        day: str | None = None,
    ) -> None:
        self.doc = doc
        self.day = day  # the publication day, for whom an office means (``offices``)
        self.text = doc.text  # once: spaCy rebuilds it on every read
        self.in_quote = in_quote
        self.persons = persons
        self.names = FullNames(persons)
        self.index = MentionIndex(doc, in_quote, persons, self.fullest_name)
        self.spoken: list[Spoken] = []
        self._short: dict[str, str] | None = None
        # What each "he"/"she" subject of the pronoun chain resolved to, by token.
        self._chain: dict[int, Source] = {}
        # The subject being resolved and the sentence its statement starts in.
        self._anchor: tuple[int, int] | None = None

    @classmethod
    def of(cls, doc: Doc) -> Sources:
        """For a Doc alone (figures): quotes scanned here, people found outside them."""
        quotes = [(q.start, q.end if q.close is None else q.close) for q in scan_quotes(doc.text)]

        def in_quote(pos: int) -> bool:
            return any(a <= pos < b for a, b in quotes)

        return cls(doc, in_quote, person_mentions(doc, in_quote))

    # -- what the article says of its people ---------------------------------

    def person_name(self, p: Person) -> str:
        """A person mention's fullest name, with the title written before it ("Mrs.")."""
        before = self.doc[p.start - 1].text if p.start > 0 else ""
        return self.fullest_name(
            f"{before} {p.text}" if before.lower() in GENDER_TITLES else p.text
        )

    def fullest_name(self, name: str) -> str:
        """The fullest form of a person's name in the article (``FullNames.fullest``)."""
        return self.names.fullest(name)

    def person_at(self, tok: Token) -> Person | None:
        for p in self.persons:
            if p.start <= tok.i < p.end:
                return p
        return None

    def _sent_of(self, tok: Token) -> int:
        """The sentence ``tok`` is in; for the subject being resolved after a quote,
        the sentence the quote starts in."""
        if self._anchor is not None and self._anchor[0] == tok.i:
            return self._anchor[1]
        return self.index.sent_of(tok)

    def spoke(self, at: Token, source: Source, speech: bool = True) -> None:
        """Record a resolved speaker at its cue, for the pronouns that follow; ``speech``:
        words said, not a stance."""
        if source.name is None:
            return
        key = source.name.lower()
        reported = at.lemma_.lower() == "report"
        self.spoken.append(Spoken(at.idx, self.index.sent_of(at), source, key, speech, reported))

    # -- resolution ----------------------------------------------------------

    def resolve(
        self,
        subj: Token,
        depth: int = 0,
        alone: bool = False,
        said: tuple[int, int] | None = None,
        quoted: bool = False,
    ) -> Source:
        """The source a cue's subject (or an agent, a possessor) refers to; ``alone``:
        the subject without the others it is coordinated with; ``said``: what the
        statement says, where the antecedent of "it" or "they" cannot be ("Russian
        forces destroyed a depot of the Ukrainian army, it said" is not the army);
        ``quoted``: it is a quote, and a "he" or "the expert" after a quote of many
        sentences is as near its antecedent as the quote's first sentence is."""
        if depth == 0:
            self._anchor = None
            if quoted and said is not None and said[0] < subj.idx:
                first = self.doc.char_span(said[0], said[1], alignment_mode="expand")
                if first is not None and len(first):
                    self._anchor = (subj.i, self.index.sent_of(first[0]))
        low = subj.lower_
        if low in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl" and depth < 3:
            return self._relative(subj, depth)
        counted = counted_group(subj) if low in FLOATING_QUANTIFIERS and depth < 3 else None
        if counted is not None:
            return self.resolve(counted, depth + 1, said=said)
        if not alone and depth < 3:
            joint = self._joint(subj, depth)
            if joint is not None:
                return joint
        if low in PERSON_SUBJECT_PRONOUNS or low in THING_PRONOUNS or low in PLURAL_PRONOUNS:
            owner = document_owner(subj) if depth < 3 else None
            if owner is not None:
                return self.resolve(owner, depth + 1)
            return self._pronoun(subj, depth, said)
        if low in WRITER_PRONOUNS and subj.pos_ == "PRON":
            return UNRESOLVED
        if in_caps_run(subj):
            # "..., MILITARY SERVICE MEMBERS SUGGEST": a headline's words, not a name
            return Source.described(caps_phrase(subj), plural=subj.text.endswith("S"))
        named = self._name(subj)
        if named is not None:
            return named
        known = self._known_surname(subj)
        if known is not None:
            return known
        return self._description(subj, depth)

    def _known_surname(self, subj: Token) -> Source | None:
        """ "Trump – who had set the tone ... – said": a capitalised word the tagger
        took for a common noun (the dash) that is the surname of a person the article
        names in full is that person (Le Monde, 409 articles: "Trump" was a
        description)."""
        if not subj.text[:1].isupper() or subj.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ in ("det", "poss", "compound", "amod") for c in subj.children):
            return None
        return self._named_in_full(subj.text)

    def _named_in_full(self, word: str) -> Source | None:
        """The person the article names in full whose surname ``word`` is, if one."""
        full = self.fullest_name(word)
        if full != word and surname_of(full) == surname_of(word):
            return Source.named(full, is_person=True)
        return None

    def _relative(self, rel: Token, depth: int) -> Source:
        """ "who", "which": the noun the relative clause hangs on, or rather whom that
        noun stands for (``relative_antecedent``)."""
        head = relative_antecedent(rel)
        if isinstance(head, list):
            parts = [self.resolve(t, depth + 1, alone=True) for t in head]
            names = [p.name for p in parts if p.name is not None]
            if len(names) == len(parts):
                status: SourceStatus = (
                    "named" if all(p.status == "named" for p in parts) else "described"
                )
                return Source(joint_name(names), status, all(p.is_person for p in parts), True)
            head = head[-1]
        return self.resolve(head, depth + 1)

    def _acronyms(self) -> dict[str, str]:
        """The article's own short forms and their names (``defined_acronyms``)."""
        if self._short is None:
            self._short = defined_acronyms(self.text)
        return self._short

    def _name(self, subj: Token) -> Source | None:
        """A person, a body or a place the subject names, if it names one."""
        found = self._own_name(subj)
        if found is None or found.is_person or found.name is None:
            return found
        return Source.named(self._fullest_body(found.name, subj))

    def _fullest_body(self, name: str, subj: Token) -> str:
        """ "the Council noted" after "the Russian Security Council told TASS": a body's
        last word, capitalised, is the body named before with it (the latest)."""
        if " " in name or not name[:1].isupper():
            return self._acronyms().get(name, name)
        low = name.lower()
        for m in reversed(self.index.mentions):
            if m.char >= subj.idx or m.kind != "body":
                continue
            words = m.key.split()
            if len(words) > 1 and words[-1] == low and mention_name(m).split()[-1] == name:
                return mention_name(m)
        return self._acronyms().get(name, name)

    def _own_name(self, subj: Token) -> Source | None:
        """What ``_name`` finds before a body's short form is made full."""
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None and press_service(subj) and owner.pos_ != "PRON":
            if owner.pos_ == "NOUN" and is_definite(owner):
                # "Russian brewing company Baltika increased ..., the company's press
                # service told TASS": the company named before (TASS, seed 31)
                body = self.resolve(owner, 2)
                return body if body.status == "named" else None
            return self._own_name(owner)  # "the Council's press service said": the Council
        cands = [subj] + [c for c in subj.children if c.dep_ == "compound"]
        # (not an apposition after a conjunct, which the parser may hang on the first:
        # "Zakharova and American conspiracy theorist Alex Jones" is Jones the theorist)
        after = min((c.i for c in subj.children if c.dep_ == "conj"), default=len(subj.doc))
        cands += [t for t in subj.subtree if t.dep_ == "appos" and t.i != subj.i and t.i < after]
        if subj.pos_ == "NOUN" and subj.lemma_.lower() in ORG_WORDS and is_definite(subj):
            # "The Clinton campaign said", "the Obama administration": the person's
            # organisation, not the person
            people = [c for c in subj.children if c.dep_ == "compound" and self.person_at(c)]
            if people:
                return Source.named(strip_titles(own_phrase(subj)))
        for tok in cands:
            p = self.person_at(tok)
            if p is not None:
                # "Spanish hosts Julia Varela and Tony Aguilar": the plural noun's named
                # members together
                more = [self.person_at(c) for c in tok.children if c.dep_ == "conj"]
                if subj.tag_ == "NNS" and tok.dep_ == "appos" and more and all(more):
                    names = [self.person_name(q) for q in [p, *more] if q is not None]
                    return Source(joint_name(names), "named", True, True)
                return Source.named(self.person_name(p), is_person=True)
        titled = self._titled_person(subj)
        if titled is not None:
            return titled
        doc = self.doc
        if subj.pos_ == "PROPN" and subj.lower_ in ROLE_WORDS and is_definite(subj):
            return None  # "The Prime Minister noted": a role referred back, not a name
        if subj.ent_type_ == "ORG":
            for e in doc.ents:
                if e.start <= subj.i < e.end and "\n" not in e.text:
                    lo = e.start
                    while lo < e.end - 1 and not any(ch.isalnum() for ch in doc[lo].text):
                        lo += 1  # a signature's dash glued to the name
                    name = strip_titles(body_name(doc[lo : e.end])[1])
                    full = self.fullest_name(name)
                    if " " not in name and full != name and surname_of(full) == name.lower():
                        # "Dr Angelova-Chee said", tagged ORG: the person named in full before
                        return Source.named(full, is_person=True)
                    return Source.named(name, is_person=person_like(name))
        if subj.pos_ != "PROPN" and subj.text[:1].isupper() and not subj.is_sent_start:
            # A surname the tagger called a noun ("Zelenskyy wrote"): a person the
            # article names in full elsewhere.
            named = self._named_in_full(subj.text)
            if named is not None:
                return named
        if subj.pos_ != "PROPN" or subj.text.islower():
            # A lower-case word is a common noun, whatever the tagger says ("Russia’s
            # ministry of defence claimed": a body, not a person called "ministry").
            lemma = subj.lemma_.lower()
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            if lemma in ORG_WORDS and owner is not None and owner.pos_ == "PRON":
                # "her campaign", "his office": the owner's, once the owner is known
                whose = self.resolve(owner, 1)
                if whose.status == "named" and whose.name is not None:
                    return Source.named(f"{whose.name}'s {subj.text}")
            if (
                lemma in ORG_WORDS
                and lemma not in DOCUMENT_NOUNS
                and proper_modifier(subj)
                and not indefinite(subj)
            ):
                return Source.named(strip_titles(own_phrase(subj)))  # "The British government"
            return None
        if subj.lower_ in CAPITAL_CITIES:
            return Source.named(subj.text)  # "Kiev does not understand": a government
        if subj.ent_type_ in PLACE_LABELS and self.fullest_name(subj.text) == subj.text:
            return Source.named(strip_titles(own_phrase(subj)))
        left = min(
            [
                c.i
                for c in subj.children
                if c.dep_ == "compound" and c.i < subj.i and "\n" not in self.text[c.idx : subj.idx]
            ]
            + [subj.i]
        )
        return Source.named(self.fullest_name(doc[left : subj.i + 1].text), is_person=True)

    def _titled_person(self, subj: Token) -> Source | None:
        """ "Luxembourgish Member of the European Parliament Fernand Kartheiser said": the
        parser makes the title the subject; the person is the name that ends its phrase."""
        role = subj.pos_ == "NOUN" and subj.lemma_.lower() in ROLE_WORDS
        if subj.pos_ != "PROPN" and not role:
            return None
        end = subj.right_edge.i
        doc = self.doc
        for p in self.persons:
            if p.end - 1 != end or p.start <= subj.i:
                continue
            between = doc[subj.i + 1 : p.start]
            if role and not any(t.pos_ == "PROPN" for t in between):
                # "a spokesperson for Ramaphosa" is not Ramaphosa; "Israeli ambassador to
                # the United States Yechiel Leiter" is Leiter (NER glued him to the place)
                continue
            if all(
                t.pos_ in ("PROPN", "DET", "ADJ") or t.lower_ in TITLE_LINKS or t.dep_ == "case"
                for t in between
            ):
                return Source.named(self.person_name(p), is_person=True)
        return None

    def _description(self, subj: Token, depth: int) -> Source:
        """A common noun: a document, a role or body referred back to, or an unnamed source."""
        lemma = subj.lemma_.lower()
        if subj.lower_ in RELATIVE_PRONOUNS and subj.pos_ in ("PRON", "DET"):
            # ("the CIOL in October 2020, which stated ...": a relative the parser hung on
            # the date) no description of anyone: unresolved, never "which"
            return UNRESOLVED
        signer = signed_by(subj)
        if signer is not None and depth < 3:
            # "A statement signed by 300 international organizations described ...",
            # "according to the latest data on the special military operation released
            # by Russia's Defense Ministry" (the parser hung "released" on the operation)
            return self.resolve(signer, depth + 1)
        phrase = described_text(subj)
        plural = subj.tag_ == "NNS"
        definite = is_definite(subj)
        if lemma in DOCUMENT_NOUNS or (lemma in SPEAKING_THINGS and subj.head.lower_ == "read"):
            # ("the social media post read", "read" tagged a noun: the post is definite)
            whole = definite or (subj.dep_ == "compound" and is_definite(subj.head))
            return self._document(subj, depth, whole, phrase)
        known = lemma in ROLE_WORDS or lemma in ORG_WORDS or lemma in UNNAMED_SOURCE_NOUNS
        if lemma in OUTLET_NOUNS and definite and not _named_in_phrase(subj):
            # "..., Egypt's Al-Qahira Al-Ekhbariya reported. According to the TV channel,
            # ...": the source that just reported, whatever its name shows (NER took this
            # one for a person); "the Qatar-based Al Jazeera TV channel" is named itself
            reporter = self._just_reported(subj)
            if reporter is not None:
                return reporter
        named_beside = any(
            c.dep_ == "appos" and c.i == subj.i + 1 and c.pos_ in ("NOUN", "PROPN")
            for c in subj.children
        )
        # ("the three Western leaders" are not the one leader named before)
        several = plural and person_noun(lemma)
        if several and definite:
            back = self._recent_fallback(subj, lemma)  # "three sources said ... the sources"
            if back is not None and back.plural and _count_agrees(subj, back):
                return back
            counted = self._named_coordination(subj, depth)
            if counted is not None:
                return counted
            back = self._plural_before(subj) if not count_of(subj) else None
            if back is not None:
                return back
            held = self._office_holders_joint(subj)
            if held is not None:
                return held
        if plural and definite and lemma in COUNTRY_NOUNS and depth < 3:
            listed = self._listed_before(subj)
            if listed is not None:
                return listed
        if known and definite and depth < 3 and not named_beside and not several:
            # ("The website fivethirtyeight noted": named where it stands, not before)
            ante = self._role_antecedent(subj, depth)
            if ante is not None:
                return ante
        # (a role, not "the woman": a description that may be anyone in the story)
        role_noun = person_noun(lemma) and lemma not in GENDER_NOUNS
        if definite and bare(subj) and role_noun and not plural and depth == 0:
            later = self._speaker_next(subj)
            if later is not None:
                return later
        if several and definite and bare(subj) and lemma not in GENDER_NOUNS:
            # "the perpetrators told a man": people the article describes only so
            return Source.described(phrase, is_person=True, plural=True)
        if definite and bare(subj):
            # "citing a European diplomat. According to the diplomat": the unnamed
            # person described just before; else "the ministry said", no ministry before
            if subj.lower_ in STANDING_BODIES and depth == 0:  # (never what "it" means)
                return Source.described(subj.lower_, plural=plural)
            return self._described_before(subj) or UNRESOLVED
        if subj.n_lefts + subj.n_rights == 0 and lemma in ORG_WORDS:
            named = self._named_before(subj)
            if named is not None:
                return named
        if indefinite(subj) and not plural and person_noun(lemma):
            later = self._named_later(subj)
            if later is not None:
                return later
        return Source.described(phrase, is_person=person_noun(lemma), plural=plural)

    def _described_before(self, subj: Token) -> Source | None:
        """The same noun with "a" or "an", outside quotes, two sentences back at most:
        an unnamed source, described as the article first described it."""
        sent = self._sent_of(subj)
        lemma = subj.lemma_.lower()
        if not person_noun(lemma):
            return None  # ("a deal worth $6.4 billion. The deal signals ...": no one)
        for tok in reversed(self.doc[max(0, subj.i - 120) : subj.i]):
            if self.index.sent_of(tok) < sent - 2:
                break
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or self.in_quote(tok.idx):
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                return Source.described(described_text(tok), is_person=True)
            return None
        return None

    def _named_before(self, subj: Token) -> Source | None:
        """ "Port of Seattle police told media ... , police said": a bare body word is the
        body of that kind named as a source just before (three sentences at most)."""
        sent = self._sent_of(subj)
        for s in sorted(self.spoken, key=lambda s: -s.char):
            if s.char >= subj.idx or sent - s.sent > 3:
                continue
            name = s.source.name or ""
            words = s.key.split()
            if len(words) > 1 and words[-1] == subj.lower_ and name[:1].isupper():
                return s.source
        return None

    def _role_antecedent(self, subj: Token, depth: int) -> Source | None:
        """ "The ministry" -> the body named with that word ("Russia's Defense Ministry");
        "the Kremlin spokesman" -> the person introduced so; among several, the most
        salient (nearest by sentence, then a subject), as for pronouns."""
        lemma = subj.lemma_.lower()
        head_words = {lemma, subj.lower_} | ROLE_SYNONYMS.get(role_phrase(subj), set())
        mods = {
            norm_word(c.text)
            for c in subj.children
            if c.dep_ in ("amod", "compound", "nmod") and (c.text[:1].isupper() or c.ent_type_)
        }
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None:
            mods.add(norm_word(owner.text))
        # "The president of the European Commission ... described": the body named after
        # "of" is as much the role's as a modifier before it (Le Monde: it had gone to
        # "the US president" of the sentence before, not to von der Leyen)
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == subj.i + 1:
                mods |= {
                    norm_word(t.text)
                    for t in prep.subtree
                    if t.pos_ == "PROPN" and t.text[:1].isupper() and t.i > prep.i
                }
        person_role = lemma in ROLE_WORDS
        former = {c.lower_ for c in subj.children if c.lower_ in OTHER_TIME}
        # A body's own kind ("the emergency service") is never another body with the same
        # head ("Ukraine's security service"), even as the one such body named.
        kinds = set()
        if not person_role:
            kinds = {
                norm_word(c.text)
                for c in subj.children
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()
            }
        sent = self._sent_of(subj)
        starts = self.index.sent_starts
        regions = (
            sentence_regions(self.doc, starts, sent, subj.right_edge.i + 1)
            if lemma in REGIONAL_ROLES
            else set()
        )
        best: tuple[float, Mention] | None = None
        described: list[Mention] = []
        for m in self.index.mentions:
            if m.char >= subj.idx or m.head.i == subj.i:
                break
            if (m.kind == "person") != person_role or m.kind in ("group", "document"):
                continue
            if refers_back(m.head) or self.index.in_caption(m):
                # "the ministry" or "the senator" again: its own antecedent is earlier still
                continue
            words = self.index.words_of(m)
            near = sentence_regions(self.doc, starts, m.sent - 1) if regions else set()
            if regions and not regions & (
                words | near | sentence_regions(self.doc, starts, m.sent)
            ):
                continue  # the governor of another region than the one this sentence names
            if not (head_words & words) or not kinds <= words or not former <= words:
                continue  # ("the former US president" is not "the US president")
            described.append(m)
            if not mods <= words:
                continue
            # The subject of a sentence's main verb outranks one inside what it reports
            # ("Trump said that Putin was ...": "the president" next is Trump).
            main = (
                m.subject and m.head.dep_ in ("nsubj", "nsubjpass") and m.head.head.dep_ == "ROOT"
            )
            score = -10.0 * (sent - m.sent) + 5 * m.subject + 3 * main + m.char * 1e-7
            if best is None or score > best[0]:
                best = (score, m)
        if best is None and mods:
            # "the US president" where only "President Donald Trump" was named: the one
            # president of the article not described with another country ("French
            # president Emmanuel Macron" is not him)
            ours = [m for m in described if not (self.index.words_of(m) & SIDE_WORDS) - mods]
            if len({m.key for m in ours}) == 1:
                best = (0.0, ours[-1])
        if best is not None:
            return self._mention_source(best[1], depth)
        if person_role and mods:
            holder = self._office_holder(subj, mods)
            if holder is not None:
                return holder
        if person_role and not described:
            later = self._role_named_later(subj, head_words | mods)
            if later is not None:
                return later
        if kinds:
            return None
        # A body its words show of the kind first, then the source that just spoke,
        # then a body whose kind nothing shows.
        of_kind, shown = self._kind_antecedent(subj, lemma)
        if shown:
            return of_kind
        return self._recent_fallback(subj, lemma) or of_kind

    def _regions_near(self, sent: int) -> set[str]:
        """The regions named in sentence ``sent`` and the one before it."""
        starts = self.index.sent_starts
        return sentence_regions(self.doc, starts, sent - 1) | sentence_regions(
            self.doc, starts, sent
        )

    def _kind_antecedent(self, subj: Token, lemma: str) -> tuple[Source | None, bool]:
        """ "The FBI confirmed ... The agency declined", "Twitter said ... The company
        said": a bare body noun is the body of its kind named last (three sentences
        back at most, a subject first), by what its name or description shows of its
        kind (``BODY_KINDS``); "the company" may also be a body whose kind nothing shows,
        never one of another kind (not "Fox 35" for "the group"). With whether its
        words showed the kind."""
        kind = KIND_OF.get(lemma)
        if kind is None or not bare(subj):
            return None, False
        sent = self._sent_of(subj)
        best: tuple[float, Mention] | None = None
        for m in self.index.mentions:
            if m.char >= subj.idx:
                break
            if m.kind not in ("body", "group") or sent - m.sent > 3 or refers_back(m.head):
                continue
            shown = body_kinds(m.words)
            if m.kind == "group" and not shown:
                continue  # a collective body ("the Israeli military") only as of its kind
            if self.person_at(m.head) is not None and not shown:
                continue  # a surname the tagger called an organisation
            if kind not in shown and (shown or not kind.unknown):
                continue
            if not shown and m.head.dep_ in ("compound", "amod", "nmod"):
                continue  # "a Confederate flag": a name used as a modifier, no body
            score = -10.0 * (sent - m.sent) + 5 * m.subject + 3 * bool(shown) + m.char * 1e-7
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            return None, False
        return self._mention_source(best[1], 3), bool(body_kinds(best[1].words))

    def _recent_fallback(self, subj: Token, lemma: str) -> Source | None:
        """ "the analyst observed" after the analyst was quoted by name, "the company
        said" after the company spoke: the last source of that kind, two sentences back."""
        sent = self._sent_of(subj)
        # (nearest first: quotes and cues are resolved in two passes, not in text order)
        for s in sorted(self.spoken, key=lambda s: -s.char):
            if s.char >= subj.idx or sent - s.sent > 2:
                continue
            person_back = lemma in UNNAMED_SOURCE_NOUNS and person_noun(lemma)
            # "Cruz said ... The truth, the senator said": a bare role (no "Ukrainian")
            # whose holder was never so described is the person who just spoke, unless
            # the article gave that person another role ("Peskov, the spokesman").
            role_back = lemma in ROLE_WORDS and bare(subj) and not self._has_role(s.key)
            if (person_back or role_back) and s.source.is_person and s.source.status == "named":
                return s.source
            # "a source in Russia's defense circles told TASS ... 'X,' the source said":
            # the unnamed person just described, still unnamed (never one of several)
            # ("the politician lamented" after "asked by a soldier" is not the soldier:
            # the same noun, or "the source" for any unnamed person)
            # ("the sources added" after "three sources said": as many as before)
            same = lemma in s.key.split() or lemma == "source"
            unnamed_back = person_back and same and (subj.tag_ == "NNS") == s.source.plural
            if unnamed_back and s.source.is_person and s.source.status == "described":
                return s.source
            if lemma in GENERIC_BODY_NOUNS and not s.source.is_person and fits(lemma, s.key):
                return s.source
            # "The Jordanian authorities have told the BBC ... The authorities noted": the
            # body that just spoke, called by its own noun
            if not s.source.is_person and bare(subj) and subj.lower_ in s.key.split():
                return s.source
            if not s.speech:
                continue  # a stance between is no one speaking: "the sources said" after it
            break
        if lemma in EPITHETS and bare(subj):
            return self._epithet(subj, lemma)
        return None

    def _just_reported(self, subj: Token) -> Source | None:
        """The source of the last statement before, two sentences back at most, if its
        cue was "reported"."""
        sent = self._sent_of(subj)
        before = [s for s in self.spoken if s.char < subj.idx and sent - s.sent <= 2 and s.speech]
        last = max(before, key=lambda s: s.char, default=None)
        return last.source if last is not None and last.reported else None

    def _epithet(self, subj: Token, lemma: str) -> Source | None:
        """ "a reporter asked Trump ... 'There should be systems,' the businessman
        replied": a bare role nobody was given refers, as "he" would, to the salient
        person just named (two sentences back at most, a subject first), never to one
        of the other gender. A standing is no office: the candidate may be the nominee."""
        sent = self._sent_of(subj)
        gender = GENDER_NOUNS.get(lemma)
        best: tuple[float, Mention] | None = None
        for m in self.index.mentions:
            if m.char >= subj.idx:
                break
            if m.kind != "person" or sent - m.sent > 2 or self.person_at(m.head) is None:
                continue
            if m.head.ent_type_ != "PERSON" and len(m.key.split()) < 2:
                continue  # a capitalised word that may be no one ("Effect", "Club")
            if gender is not None and self.index.gender(m) not in (None, gender):
                continue
            score = -10.0 * (sent - m.sent) + 5 * m.subject + m.char * 1e-7
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            return None
        return self._mention_source(best[1], 3)

    def _has_role(self, key: str) -> bool:
        """Whether the article describes the person ``key`` by a role anywhere."""
        for m in self.index.mentions:
            if m.kind == "person" and m.key == key:
                return bool(self.index.words_of(m) & ROLE_WORDS)
        return False

    def _mention_source(self, m: Mention, depth: int) -> Source:
        if m.kind == "person":
            p = self.person_at(m.head)
            if p is None and m.head.dep_ == "appos":
                p = self.person_at(m.head.head)  # "Andrey Bystritsky, chairman of ..."
            if p is not None:
                return Source.named(self.person_name(p), is_person=True)
            if depth < 3:  # a role: "The president's ... He called" is whom "the president" is
                return self.resolve(m.head, depth + 1)
        if m.kind in ("body", "place") and (m.head.pos_ == "PROPN" or m.head.ent_type_):
            return Source.named(mention_name(m))
        return self.resolve(m.head, depth + 1)

    def _pronoun(self, pron: Token, depth: int, said: tuple[int, int] | None = None) -> Source:
        """ "he", "it", "they": the most salient earlier candidate that agrees with it.

        A candidate whose gender is unknown where it stands ("his Democratic opponent,
        Hillary Clinton"; "the analyst") may turn out, once resolved, to be a person of
        the other gender: "he" then goes to the next candidate, never to "Hillary Clinton".
        """
        low = pron.lower_
        gender = PERSON_SUBJECT_PRONOUNS.get(low)
        sent = self._sent_of(pron)
        para = self.text.rfind("\n", 0, pron.idx)
        ranked: list[tuple[float, Mention | Spoken]] = []
        for m in self.index.mentions:
            if m.char >= pron.idx:
                break
            gap = self.index.told_gap(m.sent, sent)
            if gap > 4:
                continue
            if not self._agrees(low, gender, m) and (
                gender is None or not self._namesake(m, gender)
            ):
                continue
            if said is not None and said[0] <= m.char < said[1]:
                # ("The Trump administration does realize ..., he said": the "he" is who
                # spoke before, Quayle, not the man the words are about; CNBC, judged
                # sample seed 41)
                continue
            score = -10.0 * gap + 5 * m.subject + 2 * (m.char > para) + m.char * 1e-7
            # a "he" subject is the person the text goes on about, more than a passive's
            # agent beside it ("he was greeted by Mayor John Ortiz. He said")
            score += CHAIN_BONUS * (m.pronoun and m.sent < sent)
            # one known to be of the pronoun's gender before one whose gender nobody
            # knows ("Trump and Megyn Kelly ... he": Trump)
            score += KNOWN_GENDER_BONUS * (gender is not None and self.index.gender(m) == gender)
            if m.sent == sent and not m.subject:
                score -= 8  # "Asked about Trump, he said": not the object beside it
            if m.head.dep_ == "poss" and m.head.head.i in self.index.heads:
                score -= 1  # "Ukraine's SBU security service ... it": the service
            ranked.append((score, m))
        for s in self.spoken:
            if (
                s.char >= pron.idx
                or self.index.told_gap(s.sent, sent) > 4
                or not speaker_agrees(low, gender, s, self.index.genders)
            ):
                continue
            gap = self.index.told_gap(s.sent, sent)
            score = (
                -10.0 * gap
                + 4
                + 5
                + SPOKE_BONUS * (said is not None)
                + 2 * (s.char > para)
                + s.char * 1e-7
            )
            ranked.append((score, s))
        ranked.sort(key=lambda c: -c[0])
        tries = 0
        for _, chosen in ranked:
            if tries >= PRONOUN_TRIES:
                break
            if isinstance(chosen, Spoken):
                return chosen.source
            if chosen.pronoun:
                linked = self._chain_link(chosen)
                if linked.name is not None:
                    return linked
                continue  # (a link that resolved to no one is no try)
            tries += 1
            if depth >= 3:
                return UNRESOLVED
            found = self._mention_source(chosen, depth + 1)
            if chosen.kind == "document" and found.name is None:
                # "The ad says ... It makes no mention": the document, as described
                return Source.described(described_text(chosen.head))
            if gender is None or self.gender_of(found) in (None, gender):
                return found
            namesake = self._namesake(chosen, gender)
            if namesake is not None:
                return namesake
        return UNRESOLVED

    def _namesake(self, m: Mention, gender: str) -> Source | None:
        """ "Clinton proposed ... she said" where the article names Bill and Hillary
        Clinton: a bare surname the pronoun's gender rules out for the person the
        surname went to is the one person of that surname and gender."""
        p = self.person_at(m.head)
        if p is None or len(strip_titles(p.text).split()) != 1:
            return None
        fulls = self.names.full_names().get(surname_of(p.text), {})
        fits = [f for f in fulls if self.gender_of(Source(f, "named", True)) == gender]
        return Source.named(fits[0], is_person=True) if len(fits) == 1 else None

    def _chain_link(self, link: Mention) -> Source:
        """What an earlier "he" or "she" subject resolved to: the chain's earlier links
        first, in text order, so no link waits on a longer chain than one step."""
        anchor = self._anchor
        for m in self.index.mentions:
            if m.char > link.char:
                break
            if m.pronoun and m.head.i not in self._chain:
                self._chain[m.head.i] = UNRESOLVED  # (no link resolves to itself)
                # (alone: "She and her family, she said, had suffered ..." makes a
                # later "she" her, not the family too)
                self._chain[m.head.i] = self.resolve(m.head, 1, alone=True)
        self._anchor = anchor
        return self._chain[link.head.i]

    def gender_of(self, source: Source) -> str | None:
        """A resolved person's gender as the article or the name tells it."""
        if not source.is_person or source.plural or source.name is None:
            return None
        return self.index.genders.get(source.name.lower()) or name_gender(source.name)

    def _agrees(self, low: str, gender: str | None, m: Mention) -> bool:
        if gender is not None:
            g = self.index.gender(m)
            return m.kind == "person" and (g is None or g == gender)
        if low in THING_PRONOUNS:
            return m.kind in ("body", "place", "document") and not m.plural
        return m.kind in ("group", "body") or m.plural  # they


def _count_agrees(subj: Token, source: Source) -> bool:
    """ "the three Western leaders" are not "Emmanuel Macron and Mark Carney"; a joint
    source's names counted as written ("A, B and C"), anything when either has no count."""
    n = count_of(subj)
    if n is None or not source.name or " and " not in source.name:
        return True
    return n == len(joint_members(source.name))


def _named_in_phrase(subj: Token) -> bool:
    """Whether a noun phrase carries a name of its own ("the Qatar-based Al Jazeera TV
    channel"; not "the TV channel")."""
    return any(
        t.i != subj.i
        and (t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.pos_ == "PROPN")
        and t.text not in _GENERIC_CAPITALS
        for t in subj.subtree
    )


# Capitalised words that name no outlet: "the TV channel".
_GENERIC_CAPITALS = frozenset({"TV", "Radio", "News"})
