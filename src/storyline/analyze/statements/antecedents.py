"""What a reference can mean, by its words and its clause: the kind of body "the agency"
or "the company" agrees with, whom a relative "who" stands for, and whether a noun
phrase refers back ("the ministry"), is new ("a firm") or names a person; the regions
a sentence names; a subject's own phrase as written; the group a floating "both" counts;
names without titles, short forms defined in brackets, and the words that tell roles and
sides apart; a name the recogniser called a body that reads as a person's; how many
people "the three leaders" counts. Read by ``speakers``."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.analyze.nlp import capitals_word
from storyline.analyze.shared_lexicon import UNITS_WORDS
from storyline.analyze.source_lexicon import (
    BODY_KINDS,
    CAPITAL_CITIES,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    REGION_NOUNS,
    BodyKind,
)
from storyline.analyze.speech_lexicon import COUNTRY_SYNONYMS, ORG_WORDS, TITLES
from storyline.analyze.statements.cues import span_of_subject
from storyline.analyze.statements.mentions import (
    Mention,
    body_name,
    gender_from_name,
    norm_word,
)

# Each body noun's kind ("agency" -> the agencies' kind).
KIND_OF: dict[str, BodyKind] = {noun: kind for kind in BODY_KINDS for noun in kind.nouns}


def body_kinds(words: frozenset[str]) -> list[BodyKind]:
    """The kinds of body a body's words show ("FBI": an agency; "Twitter": none)."""
    return [kind for kind in BODY_KINDS if words & kind.shows]


def fits(lemma: str, key: str) -> bool:
    """Whether a body called ``key`` may be what "the <lemma>" refers to: not a body
    its name shows to be of another kind ("Fox 35" is no group)."""
    kind = KIND_OF.get(lemma)
    if kind is None:
        return True
    shown = body_kinds(frozenset(norm_word(w) for w in key.split()))
    return kind in shown or (not shown and kind.unknown)


def relative_antecedent(rel: Token) -> Token | list[Token]:
    """Whom "who" stands for, from the noun its clause hangs on:

    - a description beside a name is the name's ("Lloyd Grove, the Daily Beast editor
      who wrote the profile"; "Cruz, a graduate of Harvard Law School who has argued");
    - names joined by "and", the last one before a plural verb, are all of them
      ("Govs. Jeb Bush and Chris Christie, who say");
    - a place after the people it qualifies is theirs ("Democrats across the country,
      who highlighted");
    - else the noun itself ("officials who spoke" are those officials)."""
    noun = rel.head.head
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
        return noun.head
    place = noun.ent_type_ in ("GPE", "LOC") or noun.lower_ in _PLACE_NOUNS
    if rel.lower_ == "who" and place:
        up = noun.head
        if up.dep_ == "prep" and up.head.pos_ in ("NOUN", "PROPN"):
            return up.head
    verb = rel.head
    if rel.lower_ == "who" and verb.tag_ == "VBP" and noun.dep_ == "conj":
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        joined = [first, *[c for c in first.conjuncts if c.i > first.i]]
        if all(t.pos_ == "PROPN" for t in joined) and noun in joined:
            return joined
    return noun


# Places a relative "who" is not about: the people before them are.
_PLACE_NOUNS = frozenset({"country", "state", "region", "city", "world", "nation"})


# Noun phrases: whether one refers back ("the ministry"), is new ("a firm"), names a
# person.


def is_definite(tok: Token) -> bool:
    """ "the ministry", "this agency", "Putin's spokesman": a reference back."""
    for c in tok.children:
        if c.dep_ == "det":
            return c.lower_ in DEFINITE_DETERMINERS
        if c.dep_ == "poss":
            return True
    return False


def role_phrase(tok: Token) -> str:
    """ "head of state" from "the head of state"; the noun alone otherwise."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return f"{tok.lower_} of {pobj.lower_}" if pobj is not None else tok.lower_


def refers_back(tok: Token) -> bool:
    """ "the ministry", "the company": a common noun that only refers to a body named
    before, so never the antecedent of another reference (chains of "the ministry
    said" would otherwise run out of depth)."""
    return tok.pos_ != "PROPN" and not tok.ent_type_ and is_definite(tok) and bare(tok)


def indefinite(tok: Token) -> bool:
    """ "A Chinese research firm", "some officials": a new, unnamed source."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any") for c in tok.children)


def bare(tok: Token) -> bool:
    """Nothing but a determiner (and plain adjectives) before the noun, nothing after it:
    "the ministry", "the senior official", not "the city council" or "the governor of X"."""
    for c in tok.children:
        if c.dep_ in ("det", "punct"):
            continue
        if c.dep_ == "amod" and c.pos_ == "ADJ" and not c.text[:1].isupper():
            continue
        return False
    return True


def sentence_regions(doc: Doc, starts: list[int], sent: int, upto: int | None = None) -> set[str]:
    """The regions sentence ``sent`` names (before token ``upto``), by the sentences'
    first tokens ``starts``: "the central Cherkasy region" gives "cherkasy"."""
    if not 0 <= sent < len(starts):
        return set()
    end = starts[sent + 1] if sent + 1 < len(starts) else len(doc)
    return regions_in(doc[starts[sent] : min(end, upto or end)])


def regions_in(span: Span) -> set[str]:
    """The regions a stretch names: "the central Cherkasy region", "the region of
    Khmelnytskyi" give "cherkasy", "khmelnytskyi"."""
    found = set()
    for t in span:
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        head = t.head
        if head.dep_ == "prep" and head.lower_ == "of" and t.dep_ == "pobj":
            head = head.head
        if head.i != t.i and head.lemma_.lower() in REGION_NOUNS:
            found.add(norm_word(t.text))
    return found


# Noun phrases as written.


def press_service(tok: Token) -> bool:
    """ "press service", "press office": a body's own voice, not a source of its own."""
    return tok.lemma_.lower() in ("service", "office") and any(
        c.dep_ == "compound" and c.lower_ == "press" for c in tok.children
    )


def in_caps_run(tok: Token) -> bool:
    """A word of a headline set in capitals ("AMERICANS SHOULD HONOR MEMORIAL DAY IN
    THIS WAY, MILITARY SERVICE MEMBERS SUGGEST"): four capitalised words around it.
    An acronym among lowercase words ("NATO said") is not one."""
    if not (tok.text.isupper() and len(tok.text) > 1):
        return False
    doc = tok.doc
    window = doc[max(0, tok.i - 3) : tok.i + 4]
    return sum(1 for t in window if capitals_word(t.text)) >= 4


def caps_phrase(subj: Token) -> str:
    """The subject of a headline set in capitals, as far back as the words before it
    name ("RUBIO FIRES BACK AFTER DEM SENATOR SAYS": "DEM SENATOR"); the parse of
    capitals runs subjects into the verbs before them."""
    doc = subj.doc
    # (from the verb the subject goes with: the parse may have taken "FIRES" for it)
    end = subj.head.i if subj.head.i > subj.i else subj.i + 1
    start = end
    # (the run is the subject's: each word before need only be in capitals itself)
    while (
        start > 0 and capitals_word(doc[start - 1].text) and doc[start - 1].pos_ in _CAPS_NAME_POS
    ):
        start -= 1
    return doc[start:end].text if start < end else doc[subj.i : subj.i + 1].text


_CAPS_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "DET"})


def own_phrase(subj: Token) -> str:
    """The subject's own noun phrase: without a joint speaker after "and", an
    apposition or an aside ("the receptionist, heavy bags under her eyes, ..."
    is "the receptionist"), or a relative clause."""
    doc = subj.doc
    s, e = span_of_subject(subj)
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is not None:
        for t in span:
            if t.i <= subj.i:
                if heading_run_in(t):
                    s = t.idx
                continue
            member = t.dep_ == "prep" and t.lower_ in _MEMBER_PREPS  # "including Amnesty"
            if t.dep_ == "relcl" and t.head.i >= subj.i:
                # ("according to experts who say Putin might ...": the experts; "A defense
                # lawyer for Dieter S., who is believed to ...": the lawyer for Dieter S.)
                e = t.left_edge.idx
                break
            if t.head.i == subj.i and (
                t.text in _ASIDE_OPENERS or t.dep_ == "cc" or member or _setting(t)
            ):
                e = t.idx
                break
    return text_of(doc, s, e).strip(" ,")


def heading_run_in(tok: Token) -> bool:
    """ "Desperate need for food Experts have warned": a section heading the page ran
    into the sentence, shown by a common noun capitalised after a lower-case word."""
    if tok.i == 0 or tok.pos_ != "NOUN" or tok.ent_type_ or not tok.text[:1].isupper():
        return False
    before = tok.doc[tok.i - 1].text
    # (not a name's first word: "medical charity Doctors Without Borders")
    after = tok.doc[tok.i + 1].text if tok.i + 1 < len(tok.doc) else ""
    return before.isalpha() and before.islower() and not after[:1].isupper()


# What opens an aside after a source's noun: "the receptionist, heavy bags under her
# eyes, ...", "The film ― which weaves together ... ― explains".
_ASIDE_OPENERS = frozenset({",", "(", "—", "–", "―"})
# Members listed after a group are no part of its description: "300 international
# organizations including the human rights organization Amnesty International".
_MEMBER_PREPS = frozenset({"including", "like"})
# Where the source spoke is no part of who it is: "Her campaign workers here said".
_PLACE_ADVERBS = frozenset({"here", "there"})


def _setting(tok: Token) -> bool:
    """When or where, not who: "an arbitration panel *in 2001* found", "A group of
    doctors *in 2015* sent a letter", "Her campaign workers *here* said"."""
    if tok.dep_ == "advmod":
        return tok.lower_ in _PLACE_ADVERBS
    if tok.dep_ != "prep":
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def text_of(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (spaCy joins every
    token for ``Doc.text``): from the tokens that cover the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    return span.text[start - span.start_char : end - span.start_char]


def described_text(subj: Token) -> str:
    """An unnamed source as the article describes it ("a senior US official", "officials")."""
    text = own_phrase(subj)
    return text[4:] if text.lower().startswith("the ") else text


# Letters a nationality and its country's name share ("Israeli", "Israel's military";
# "Russian", "Russia's Defence Ministry"; "Ukrainian", "Ukraine").
NATION_STEM = 5


def nationality_stems(noun: Token) -> set[str]:
    """The stems of the nationalities modifying ``noun`` ("the *Israeli* statement")."""
    return {
        c.lower_[:NATION_STEM]
        for c in noun.children
        if c.dep_ == "amod" and c.text[:1].isupper() and c.ent_type_ == "NORP"
    }


def name_stems(name: str | None) -> set[str]:
    """The stems of a name's words, to meet a nationality's ("Israel's military")."""
    return {w.lower()[:NATION_STEM] for w in (name or "").replace("'", " ").split()}


def counted_group(quantifier: Token) -> Token | None:
    """The group a floating "both" or "all" counts, hung before it ("He and ... Bob
    Goodlatte (R-Va.) both condemned": "He", with Goodlatte joined to it)."""
    before = [
        c
        for c in quantifier.lefts
        if c.dep_ in ("nmod", "appos", "compound", "npadvmod", "nsubj")
        and c.pos_ in ("PRON", "PROPN", "NOUN")
    ]
    return before[0] if before else None


# A name and its short form in brackets: "All Nippon Airways (ANA)", "the Institute
# for the Study of War (ISW)" (the name's capitalised words give the letters).
DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|and|the|on|de)\s+){0,2}){1,7})\(([A-Z]{2,6})\)$"
)
BRACKETED_SHORT = re.compile(r"\(([A-Z]{2,6})\)")

# Roles said in other words: TASS's "the head of state" is the president, as "the
# Russian leader" is.
# A company's kind in its name: "the airline" is "All Nippon Airways", "American Airlines".
# A legislator's title before the name: "the congressman" is "Rep. Brad Sherman, D-Calif.".
ROLE_SYNONYMS: dict[str, set[str]] = {
    "head of state": {"president"},
    # "the Russian leader" is Russia's president (NYT, TASS: 409 articles); a prime
    # minister's "minister" would be any minister's
    "leader": {"president", "premier", "chancellor"},
    "airline": {"airways", "airlines"},
    "congressman": {"rep", "representative"},
    "congresswoman": {"rep", "representative"},
    "senator": {"sen"},
}
COUNTRY_WORDS = frozenset(COUNTRY_SYNONYMS.values()) | frozenset(
    {"french", "german", "british", "chinese", "israeli", "iranian", "turkish", "polish"}
)
# A party is a side too: "The Democratic presidential nominee" is not the article's one
# "Republican presidential nominee Donald Trump".
SIDE_WORDS = COUNTRY_WORDS | frozenset({"democratic", "democrat", "republican", "gop"})


def strip_titles(name: str) -> str:
    """A name without the titles before it ("President", "the") or a possessive end."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() == "the"):
        words = words[1:]
    return re.sub(r"['’]s$", "", " ".join(words))


def mention_name(m: Mention) -> str:
    """A body or place mention as a name: its entity's, without a title."""
    doc = m.head.doc
    for e in doc.ents:
        if e.start <= m.head.i < e.end:
            return strip_titles(body_name(e)[1])
    s, e2 = span_of_subject(m.head)
    return strip_titles(text_of(doc, s, e2))


# Places a body is named after whose names end in -a like a woman's first name.
REGION_WORDS = frozenset(
    {"africa", "america", "asia", "eurasia", "oceania", "crimea", "india", "china", "russia"}
    | {"arabia", "syria", "georgia", "moldova", "slovakia", "estonia", "latvia", "lithuania"}
    | {"odesa", "odessa", "gaza", "nova", "alfa", "alpha"}
)


def person_like(name: str) -> bool:
    """A name the recogniser called an organisation that reads as a person's: two or three
    capitalised words, a first name that tells a gender, no body's word, no country
    ("Teona Lavrelashvili said": her "she" is hers; not "Africa Corps", "Russia Today")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if norm_word(words[-1]) in ORG_WORDS or norm_word(words[0]) in COUNTRY_WORDS:
        return False
    if words[0].lower() in CAPITAL_CITIES or words[0].lower() in REGION_WORDS:
        return False
    return gender_from_name(name) is not None


def document_owner(pron: Token) -> Token | None:
    """ "Mr Zelensky's earlier message on the Telegram messenger service, in which he
    accused": a pronoun in a relative clause on someone's document (or on a phrase
    hung on it) is whoever the document is of."""
    verb = pron.head
    if pron.dep_ != "nsubj" or verb.dep_ != "relcl":
        return None
    if not any(c.dep_ == "prep" and c.i < pron.i for c in verb.children):
        return None  # "in which", "where": the document is the setting, not the speaker
    cur = verb.head
    for _ in range(4):
        if cur.lemma_.lower() in DOCUMENT_NOUNS:
            return next((c for c in cur.children if c.dep_ == "poss"), None)
        if cur.dep_ not in ("pobj", "prep"):
            return None
        cur = cur.head
    return None


def count_of(subj: Token) -> int | None:
    """How many "the three leaders" counts (two to seven), if a number modifies it."""
    for c in subj.children:
        if c.dep_ == "nummod":
            word = c.lower_
            n = int(word) if word.isdigit() else UNITS_WORDS.get(word)
            return n if n is not None and 1 < n < 8 else None
    return None


def defined_acronyms(text: str) -> dict[str, str]:
    """ "All Nippon Airways (ANA)": the article's own short forms and their names, so
    "ANA said" is All Nippon Airways, as a reader knows it."""
    out: dict[str, str] = {}
    for bracket in BRACKETED_SHORT.finditer(text):
        # (the name is looked for only before a bracketed short form: cheap)
        before = text[max(0, bracket.start() - 120) : bracket.start() + 1]
        m = DEFINED_ACRONYM.search(before + bracket.group(1) + ")")
        if m is None:
            continue
        words, short = m.group(1).split(), m.group(2)
        for k in range(len(words) - 1, -1, -1):
            initials = "".join(w[0] for w in words[k:] if w[0].isupper())
            if initials == short and words[k][0].isupper():
                out.setdefault(short, " ".join(words[k:]))
                break
    return out
