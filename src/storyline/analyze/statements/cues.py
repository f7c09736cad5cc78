"""Cues and their subjects: which word reports speech, and who its subject is."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.analyze.figure_lexicon import PERSON_NOUNS
from storyline.analyze.source_lexicon import (
    GENDER_NOUNS,
    MUTE_THINGS,
    PROFESSION_NOUNS,
    UNNAMED_SOURCE_NOUNS,
)
from storyline.analyze.speech_lexicon import (
    ADDRESSEE_LEMMAS,
    BARE_NOT_SAID,
    CAUSED_LEMMAS,
    CUE_LEMMAS,
    EVENT_NOUNS,
    INSTRUMENT_LEMMAS,
    ISSUE_LEMMAS,
    ISSUED_DOCUMENTS,
    LEGAL_ACT_LEMMAS,
    MAKE_LEMMAS,
    ORG_WORDS,
    PHRASE_CUES,
    ROLE_WORDS,
    UNSAID_INFINITIVE_HEADS,
)
from storyline.analyze.statements.quotes import DASHES, END_PUNCT, mark_at

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def is_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_LEMMAS


def is_phrase_cue(tok: Token) -> bool:
    """A verb that reports speech only with its object: "drew attention to the fact
    that ..." (``PHRASE_CUES``)."""
    obj = PHRASE_CUES.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    return obj is not None and any(c.dep_ == "dobj" and c.lower_ == obj for c in tok.children)


def cue_subject(verb: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a cue, inherited along ``adding``/``and said``."""
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    absolute = _with_saying(verb)
    if absolute is not None:
        return absolute
    reporter = reduced_report(verb)
    if reporter is not None:
        return reporter
    # (a verb the parser made the subject, "Gazprom hopes for ..., Sergey Kuznets, ...,
    # said", is a fronted report: its speaker is the name before the asides)
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "csubj") and not (c.pos_ == "VERB" and c.dep_ == "nsubj")
    ]
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
        # Two subjects of "told": the one before it ("..., Svitlana Kyryliuk, 66, told The
        # Associated Press": the parser made the paper, told, a second subject).
        told = verb.lemma_.lower() in ADDRESSEE_LEMMAS
        subj = min(same, key=lambda c: (told and c.i > verb.i, abs(c.i - verb.i))) if same else None
        return _name_after_place(subj) if subj is not None else None
    aside = name_before_aside(verb)
    if aside is not None:
        return aside
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in INSTRUMENT_LEMMAS:
        # Object control: "leading Zelensky to assert", "told him to say"; not an
        # instrument ("using the example of Chicago to argue": whoever uses it argues).
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:
            return obj
    if verb.dep_ == "conj":
        named = _name_before(verb)
        if named is not None:
            return named
        if not any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i):
            # "X continues its work, Head of Russia's Agency ... Yevgeny Primakov told
            # TASS.": no "and", so no act of the subject before; the name is the speaker
            trailing = _trailing_name(verb)
            if trailing is not None:
                return trailing
    inherits = verb.dep_ in ("conj", "xcomp") or (
        verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG"
    )
    if depth < 3 and inherits and verb.head.i != verb.i:
        # A participle ("..., adding that") belongs to the nearest speech verb above it.
        head = _participle_partner(verb) or verb.head
        for _ in range(3):
            if is_cue(head) or head.head.i == head.i or verb.dep_ == "conj":
                break
            head = head.head
        got = cue_subject(head, depth + 1)
        if got is not None and got.dep_ == "csubj" and head.dep_ == "ccomp" and is_cue(head.head):
            # "Kallas said firing even warning shots was unacceptable and called on Israel
            # to investigate": a clause is no speaker; the parser joined "called" to what
            # Kallas said, and she is who called
            return cue_subject(head.head, depth + 1)
        joined = got is not None and (_disagrees(verb, got) or event_noun(got))
        if joined and head.dep_ == "ccomp" and is_cue(head.head):
            # "The US president says tariffs are '...' and threatens more action": the
            # parser joined "threatens" to what he says; "tariffs" cannot be its
            # subject, the president who says it is
            return cue_subject(head.head, depth + 1)
        return got
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        issuer = issuer_of(verb.head) or _maker_of(verb.head)
        if issuer is not None and depth < 3:
            maker = cue_subject(issuer, depth + 1)
            if maker is not None:
                return maker
        return verb.head
    return _inverted_subject(verb) or _trailing_name(verb)


def event_noun(subj: Token) -> bool:
    """An event, which says nothing (``EVENT_NOUNS``): "the visit", "the overnight strikes"."""
    return subj.pos_ == "NOUN" and not subj.ent_type_ and subj.lemma_.lower() in EVENT_NOUNS


def _disagrees(verb: Token, subj: Token) -> bool:
    """A present-tense verb and a noun subject of the other number ("tariffs ...
    threatens", "the minister ... say")."""
    if subj.pos_ not in ("NOUN", "PROPN"):
        return False
    plural = subj.tag_ in ("NNS", "NNPS")
    return (verb.tag_ == "VBZ" and plural) or (verb.tag_ == "VBP" and not plural)


def quoted_as_saying(verb: Token) -> Token | None:
    """``Officials were quoted by local media as saying that ...``: a passive cue with
    an ``as saying`` complement is its passive subject's (the officials), not the
    agent's who quoted them."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    saying = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG" and is_cue(g)
    ]
    if not saying:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _with_saying(verb: Token) -> Token | None:
    """``... pushed back against those claims with police minister Senzo Mchunu saying
    ...``: a participle right after the object of "with" is that object's, however
    the parser hung it (often on the main verb, whose subject is someone else)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ != "pobj" or before.head.lower_ != "with" or before.pos_ not in _NOMINAL:
        return None
    if before.head.head.lemma_.lower() in _WITH_COMPANY:
        return None  # "Trump spoke with reporters saying ...": the company kept, not a speaker
    return before


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Verbs whose "with" names the company kept ("spoke with reporters", "met with farmers"):
# a participle after it is the subject's.
_WITH_COMPANY = frozenset({"speak", "talk", "meet", "chat", "consult", "confer", "negotiate"})


def reduced_report(verb: Token) -> Token | None:
    """``..., the TASS news agency reported on Monday.``: a trailing report the parser read
    as a noun with a participle (the agency "that was reported", object of the verb
    before the comma). The noun is who reports; the clause before the comma what."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not is_cue(verb):
        return None
    noun, doc = verb.head, verb.doc
    first = noun.left_edge.i
    if noun.pos_ not in _NOMINAL or first == 0 or doc[first - 1].text != ",":
        return None
    if noun.i > verb.i or not all(_report_tail(c) for c in verb.children):
        return None  # "the writer reported missing": a participle with a complement
    after = verb.right_edge.i + 1
    if after < len(doc) and doc[after].text not in END_PUNCT and "\n" not in doc[after].text:
        return None  # it ends its sentence ("a saga written as a series of stories; and")
    return noun


def _report_tail(tok: Token) -> bool:
    """What may follow a trailing report: when and where ("on Monday", "late on
    Sunday"), and how ("citing Russia's Defence Ministry")."""
    return tok.dep_ in ("prep", "npadvmod", "punct", "advmod") or (
        tok.dep_ == "advcl" and tok.tag_ == "VBG"
    )


# Prepositions that open a place read as a clause's subject: "In Kyiv, Tymur Tkachenko,
# head of the city's military administration, said" (the parser makes Kyiv the subject
# and Tkachenko its conjunct).
_PLACE_OPENERS = frozenset({"in", "at", "across", "near"})


def _name_after_place(subj: Token) -> Token:
    """The name set off by commas after a fronted place the parser took for the subject
    ("In Kyiv, Tymur Tkachenko, ..., said" -> Tkachenko); else the subject itself."""
    doc = subj.doc
    place = subj
    if subj.lower_ in _PLACE_OPENERS:  # the preposition itself, after a headline run
        place = next((c for c in subj.children if c.dep_ == "pobj"), subj)
    elif subj.i == 0 or doc[subj.i - 1].lower_ not in _PLACE_OPENERS:
        return subj
    if place.ent_type_ == "PERSON":
        return subj
    for c in place.children:
        if c.dep_ == "conj" and c.ent_type_ == "PERSON":
            between = doc[place.i + 1 : c.left_edge.i]
            if all(t.text == "," for t in between) and not any(
                g.dep_ == "cc" for g in place.children
            ):
                return c
    return subj


def _name_before(verb: Token) -> Token | None:
    """ "Trendy tycoon Tyler Brûlé opens a café-bookshop in Paris Gabriel Attal, the head
    of President Macron's party, said he wanted ...": a headline run into the lead, the
    parser joined "said" to "opens"; but a name, its apposition between commas and then
    the verb, with no "and" between, is the verb's subject."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    appos = next((t for t in doc[verb.i - 2].ancestors if t.dep_ == "appos"), None)
    if doc[verb.i - 2].dep_ == "appos":
        appos = doc[verb.i - 2]
    if appos is None or appos.right_edge.i != verb.i - 2:
        return None
    name = appos.head
    if name.ent_type_ != "PERSON" or name.dep_ in ("nsubj", "nsubjpass"):
        return None
    if any(t.dep_ == "cc" for t in doc[name.i : verb.i]):
        return None
    return name


def name_before_aside(verb: Token) -> Token | None:
    """ "Speaking in Harlem, Clinton, without naming him, also accused Sanders": a finite
    verb with no subject of its own, right after an aside set off by commas, is said by
    the name before the aside, however the parser hung it (here an apposition to
    Harlem; in "since Clinton, at Monday's debate, cited ..." the object of "since").
    English gives a finite verb a subject: a name, then only an aside, then the verb,
    with no "and" and no other subject between, is that subject."""
    doc = verb.doc
    finite = verb.tag_ in _FINITE_TAGS or any(
        c.dep_ == "aux" and c.tag_ in _FINITE_TAGS for c in verb.children
    )
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.sent.root.pos_ in _NOMINAL:
        finite = True  # "Beruff, a Scott ally, called ...": no verb but this one, read as
        # a participle on the aside ("a man called Friday")
    if not finite or verb.pos_ not in ("VERB", "AUX"):
        return None
    k = verb.i - 1
    while k > verb.sent.start and doc[k].head.i == verb.i and doc[k].dep_ in _VERB_LEFT_DEPS:
        k -= 1  # "also", "did not", "has"
    if doc[k].text != ",":
        return None
    j = k - 1
    while j > verb.sent.start and k - j <= _ASIDE_MAX and doc[j].text != ",":
        if doc[j].dep_ in ("nsubj", "nsubjpass", "cc") and doc[j].head.dep_ != "relcl":
            return None  # a clause of its own, or "and": not an aside
        if doc[j].tag_ in _FINITE_TAGS and not _in_relative(doc[j], k):
            return None  # "..., cut foreign aid, announced tariffs": a list of acts
        j -= 1
    if doc[j].text != "," or k - j < 2 or k - j > _ASIDE_MAX:
        return None
    name = _aside_holder(doc[j - 1], j)
    if name.text == ")" and name.i > verb.sent.start:
        # "Roy Cooper (D), McCrory's opponent ..., called": past the bracket
        opening = next((t for t in reversed(doc[verb.sent.start : name.i]) if t.text == "("), None)
        name = doc[opening.i - 1] if opening is not None and opening.i > 0 else name
    # "Jolly, who was elected to Congress in 2014, doesn't see": a capitalised word the
    # parser tagged as anything, whom a "who" describes, is a person
    who = doc[j + 1].lower_ == "who" and doc[j + 1].head.head.i == name.i
    named = name.pos_ == "PROPN" and name.ent_type_ in _SPEAKER_ENTS
    if not (named or (who and name.text[:1].isupper())):
        return None
    if name.dep_ in ("nsubj", "nsubjpass") and name.head.i != verb.i:
        return None  # the subject of another verb ("Trump, he said, will win")
    return name


def _in_relative(tok: Token, end: int) -> bool:
    """Whether ``tok`` is inside a relative clause that ends before token ``end``."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl":
            return cur.right_edge.i < end
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# What may stand between a subject's aside and its verb: "also", "did not", "has".
_VERB_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _aside_holder(tok: Token, comma: int) -> Token:
    """ "Sergey Kuznets, member of the management board, head of ..., said": the word
    before the last aside ends an earlier aside; the name is what that aside describes."""
    if tok.pos_ == "PROPN":
        return tok  # a name already ("Speaking in Harlem, Clinton, without naming him")
    cur = tok
    for _ in range(6):
        if cur.dep_ == "appos" and cur.head.i < cur.i and cur.head.pos_ == "PROPN":
            return cur.head
        if cur.dep_ not in ("pobj", "prep", "compound", "appos") or cur.head.i >= comma:
            break
        cur = cur.head
    return tok


# At most this many tokens in an aside between commas.
_ASIDE_MAX = 16
# Entities that may speak.
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _participle_partner(verb: Token) -> Token | None:
    """ "Trump voiced disapproval, claiming that Putin had gone crazy and alleging that he
    ...": English coordinates a participle with a participle, never with a finite verb;
    where the parser joins "alleging" to "had gone", its partner is the participle above
    ("claiming"), and so is its subject (Trump, not Putin)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.head.tag_ == "VBG":
        return None
    cur = verb.head
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.tag_ == "VBG" and cur.i < verb.i:
            return cur
    return None


def reads_document(verb: Token) -> bool:
    """ "a post that simply read, 'HAPPY MEMORIAL DAY!'", "The sign read: ...": a
    document's "read" cues its words (the speaker is whoever issued it)."""
    if verb.lemma_.lower() != "read" or verb.pos_ != "VERB":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.lemma_.lower() in ISSUED_DOCUMENTS


def negated(verb: Token) -> bool:
    """ "did not say", "never said": nothing was said; the cue keeps its "not" where the
    rules take it ("did not say" is an attribution PolNeAR annotates, the reader sees the
    negation), and ``unseen_negation`` drops it where the cue cannot show it."""
    return any(c.dep_ == "neg" for c in verb.children) or unseen_negation(verb)


def unseen_negation(verb: Token) -> bool:
    """A negation the cue's own words do not show: "Nowhere did they mention X, nor did
    they mention that Y" (a denial of speech the reader would read as speech)."""
    if any(c.lower_ == "nowhere" for c in verb.children):
        return True
    if verb.dep_ == "conj":  # "..., nor did they mention": "nor" hangs on the first verb
        head = verb.head
        return any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < verb.i for c in head.children)
    return any(c.lower_ == "nor" and c.i < verb.i for c in verb.children)


def bare_act(verb: Token) -> bool:
    """A cue whose bare complement is an act, not words (``BARE_NOT_SAID``: "agreed to
    coordinate", "the UK added a sanction"); but a count after "added" is the parser's
    misreading of a clause ("It added 47 of those missiles and 266 drones were
    intercepted")."""
    if verb.lemma_.lower() not in BARE_NOT_SAID:
        return False
    return not any(c.dep_ == "dobj" and c.pos_ == "NUM" for c in verb.children)


def caused_act(verb: Token) -> bool:
    """ "their owners will be made to declare their assets", "Europe was prompted to
    announce": an infinitive a passive causative governs (``CAUSED_LEMMAS``) is an act
    its subject is made to do, not words it said."""
    head = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return (
        verb.dep_ in ("xcomp", "advcl")
        and infinitive
        and head.i != verb.i
        and head.lemma_.lower() in CAUSED_LEMMAS
        and any(c.dep_ == "auxpass" for c in head.children)
    )


def unsaid_infinitive(verb: Token) -> bool:
    """ "failed to mention", "has yet to confirm", "expects entrepreneurs to say", "a
    Wall of Hope to call for": a speech verb's infinitive governed by a word of
    ``UNSAID_INFINITIVE_HEADS`` or by a noun reports no words said."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return True  # "the authority to demand", "an opportunity for France to assert"
    if verb.dep_ not in ("xcomp", "ccomp", "advcl", "acomp"):
        return False
    words = {head.lemma_.lower()} | {
        c.lower_ for c in head.children if c.dep_ in ("advmod", "acomp") and c.i < verb.i
    }
    return bool(words & UNSAID_INFINITIVE_HEADS.keys())


def asked_question(verb: Token) -> bool:
    """ "said when asked whether ...", "When asked how far the world was from ...": a
    passive "asked" with no asker named carries an interviewer's question, not words of
    the one asked (whom the subject names); "asked by an Armenian reporter why ..."
    gives the question to its asker."""
    if verb.lemma_.lower() != "ask":
        return False
    deps = {c.dep_ for c in verb.children}
    return not deps & {"nsubj", "agent"} and (verb.tag_ == "VBN" or "auxpass" in deps)


def legal_act(verb: Token) -> bool:
    """ "Two men have been charged", "appeared in court charged with conspiracy": an act
    of the law done to its subject by no one named (``LEGAL_ACT_LEMMAS``), no words."""
    if verb.lemma_.lower() not in LEGAL_ACT_LEMMAS:
        return False
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps:
        return False
    return bool(deps & {"nsubjpass", "auxpass"}) or (verb.tag_ == "VBN" and "aux" not in deps)


def _maker_of(thing: Token) -> Token | None:
    """The verb whose subject made or used ``thing``, a thing that cannot speak itself:
    "Clinton delivered the speech outlining her vision", "lawyers for both ... filed
    legal papers opposing the unsealing", "Trump unleashed a series of tweets
    criticizing Machado", "comments Clinton made during a speech attacking". Up through
    "of", "with", "during", "including", at most three steps; a person or a body
    ("supporters saying", "a group calling") is no thing."""
    if not inanimate(thing) or any(c.dep_ == "poss" for c in thing.children):
        return None  # "Mr. Clinton's remark describing": his
    cur = thing
    setting = False
    for _ in range(3):
        if cur.dep_ not in ("dobj", "pobj", "prep") or cur.head.i == cur.i:
            return None
        setting = setting or (cur.dep_ == "prep" and cur.lower_ in _SETTING_PREPS)
        cur = cur.head
        if cur.pos_ == "VERB":
            # "she said at a recent news conference announcing": the occasion of a speech
            made = cur.lemma_.lower() in MAKE_LEMMAS or (setting and is_cue(cur))
            return cur if made and cur.tag_ != "VBN" else None
    return None


def inanimate(noun: Token) -> bool:
    """A common noun that names no person and no body: "speech", "tweets", "language";
    not "a wide array *of black artists*", which stands for the artists."""
    lemma = noun.lemma_.lower()
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if members is not None and not inanimate(members):
        return False
    return (
        noun.pos_ == "NOUN"
        and not noun.ent_type_
        and lemma not in _ANIMATE_NOUNS
        and lemma not in GENDER_NOUNS
        and not lemma.endswith(("ist", "ian", "ant", "ent"))
    )


def mute_thing(subj: Token) -> bool:
    """A subject that only acts, never speaks ("Flames ripped through Nottoway House",
    ``MUTE_THINGS``): no position taken by an object alone."""
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in MUTE_THINGS


# Common nouns for people and bodies, who speak for themselves ("an author saying").
_ANIMATE_NOUNS = (
    ROLE_WORDS
    | ORG_WORDS
    | PERSON_NOUNS
    | UNNAMED_SOURCE_NOUNS
    | PROFESSION_NOUNS
    | frozenset(
        {
            "owner",
            "author",
            "writer",
            "editor",
            "investor",
            "donor",
            "founder",
            "creator",
            "producer",
            "narrator",
            "announcer",
            "host",
            "people",
            "person",
        }
    )
)


def issuer_of(document: Token) -> Token | None:
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
    if verb.i == 0 or not (doc[verb.i - 1].is_punct or mark_at(doc[verb.i - 1].text, 0)):
        return None
    j = verb.i + 1
    while j < len(doc) and j <= verb.i + 6 and "\n" not in doc[j].text:
        t = doc[j]
        if t.ent_type_ in ("DATE", "TIME"):
            return None  # "..., called Friday for": when, not who
        if t.pos_ == "PROPN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN"):
            return t
        if t.pos_ not in ("PROPN", "ADJ", "DET", "NOUN", "NUM"):
            return None
        j += 1
    return None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _trailing_name(verb: Token) -> Token | None:
    """``X will happen, Viktor Medvedchuk, the head of the movement, has said.``: the
    name after the comma when the parser hung it inside the reported clause.

    Only for a speech verb that ends its sentence with no subject of its own; the
    name is the nearest run of proper nouns that follows a comma, with no other
    finite verb between it and the cue (an appositive, not a clause of its own).
    """
    doc = verb.doc
    if not is_cue(verb) or not _ends_sentence(verb):
        return None
    j = verb.i - 1
    while j > verb.sent.start and verb.i - j <= 40:
        t = doc[j]
        if t.tag_ in _FINITE_TAGS and t.head.i != verb.i:
            return None
        if t.pos_ == "PROPN" and (j + 1 == verb.i or doc[j + 1].pos_ != "PROPN"):
            k = title_start(t)
            if k - 1 > verb.sent.start and doc[k - 1].text == ",":
                if doc[j + 1].dep_ == "case":
                    # "..., Turkey's state-run news agency Anadolu Agency reported": the
                    # possessor's is the name after it (JPost; judged sample seed 41)
                    owned = [x for x in doc[j + 2 : verb.i] if x.pos_ == "PROPN"]
                    return owned[-1] if owned else t
                return t
        j -= 1
    return None


def title_start(name: Token) -> int:
    """Where a name and the title written before it begin: "Head of Russia's Agency for
    International Humanitarian Cooperation Yevgeny Primakov" from "Primakov"."""
    doc = name.doc
    k = name.i
    floor = name.sent.start
    while k - 1 > floor and (
        doc[k - 1].pos_ == "PROPN"
        or (doc[k - 1].lower_ in _TITLE_WORDS and doc[k - 2].pos_ != "PUNCT")
        or doc[k - 1].dep_ == "case"
    ):
        k -= 1
    return k


# Words inside a title before a name: "Head of Russia's Agency for ... Primakov".
_TITLE_WORDS = frozenset({"of", "for", "to", "the"})
# What may follow a cue that ends its sentence: whom it was told, where, when
# ("..., Primakov told TASS.", "..., he told reporters on Monday.").
_AFTER_CUE_DEPS = frozenset(
    {"dobj", "dative", "prep", "pobj", "npadvmod", "compound", "det", "amod", "poss", "case"}
)


_SETTING_PREPS = frozenset({"on", "in", "at", "during", "via", "from", "after", "before"})


def _ends_sentence(verb: Token) -> bool:
    """Whether nothing but the cue's own object or setting (six words at most) follows it
    to the end of its sentence."""
    doc = verb.doc
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 7 and doc[end].text not in (".", "!"):
        t = doc[end]
        if t.is_punct or t.dep_ not in _AFTER_CUE_DEPS or "\n" in t.text:
            return False
        if t.dep_ == "prep" and t.lower_ not in _SETTING_PREPS:
            return False  # "then reported to the KGB": worked for, said nothing
        end += 1
    return end < len(doc) and doc[end].text in (".", "!")


def span_of_subject(subj: Token, clauses: bool = False) -> tuple[int, int]:
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
        return (doc[k].text in DASHES and spaced) or "\n" in doc[k].text

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


_CONTROL_DEPS = frozenset({"xcomp", "advcl", "pcomp", "prep", "acl", "conj", "pobj"})


def implicit_subject(cue: Token) -> Token | None:
    """The source of a cue that has no subject of its own, from what governs it:
    "the U.N. called a meeting to discuss", "Scott can be heard yelling", "Mr.
    Ban's record on promoting" (the possessor). Never across a reported clause
    or a relative clause, at most three steps up."""
    if cue.pos_ == "NOUN":
        # "But Trump claims that ...": a verb misread as a noun with the speaker
        # as its compound.
        named = [c for c in cue.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named and named[-1].i == cue.i - 1:
            return named[-1]
    # A passive cue's controller is its patient ("miners accused of killing"), no speaker.
    active = not _passive(cue)
    cur = cue
    for _ in range(3):
        if cur.pos_ in ("NOUN", "PROPN") and cur.i != cue.i:
            owner = next((c for c in cur.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        held = _predicate_holder(cur) if active else None
        if held is not None:
            return held
        if not (cur.dep_ in _CONTROL_DEPS or _infinitive_relative(cur)) or cur.head.i == cur.i:
            return None
        # "could be heard grousing", "who are drawn to his message and feel": the passive's
        # subject does what its complement or its conjunct says
        complement = cur.dep_ in ("xcomp", "advcl", "conj") and active
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = cue_subject(cur) or (_passive_subject(cur) if complement else None)
            if subj is not None:
                return subj
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    if cur.pos_ in ("NOUN", "PROPN") and cur.i != cue.i:
        owner = next((c for c in cur.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return None


def _infinitive_relative(verb: Token) -> bool:
    """ "the only Republicans to vote against the bill": an infinitive on a noun, whose
    subject that noun is (unlike a relative clause with a subject of its own)."""
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _predicate_holder(noun: Token) -> Token | None:
    """Whose a noun predicate is: "Clinton is an outspoken supporter of Roe v. Wade",
    "Cruz is the only contender to have pledged" (the copula's subject); "Mr. Trump
    made a third attempt to deflect" (the subject of the verb the noun is the one
    object of: no one else is given the attempt)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == noun.i:
        return None
    verb = noun.head
    if noun.dep_ == "attr" and verb.pos_ in ("AUX", "VERB"):
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        if any(c.dep_ in ("dative", "iobj") for c in verb.children):
            return None  # "gave them a chance to speak": theirs
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _passive(verb: Token) -> bool:
    """ "accused of kidnapping", "was told": a passive's subject is no speaker; "to have
    pledged" is no passive."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    ):
        return True  # "They are presented with a fake page ... or encouraged to click"
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.tag_ == "VBN" and not perfect


def _passive_subject(verb: Token) -> Token | None:
    """ "some Republicans could be heard grousing", "Trump is expected to say": with no
    agent, the passive's subject is who does what its complement says."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
