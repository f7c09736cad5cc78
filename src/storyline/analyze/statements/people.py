"""People named in an article outside quotes: whom a pronoun, title or role can mean."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyze.figure_lexicon import PERSON_NOUNS
from storyline.analyze.source_lexicon import (
    CAPITAL_CITIES,
    GENDER_NOUNS,
    MEN_FIRST_NAMES,
    PROFESSION_NOUNS,
    REGION_NOUNS,
    ROLE_MODIFIERS,
    UNNAMED_SOURCE_NOUNS,
    WOMEN_FIRST_NAMES,
)
from storyline.analyze.speech_lexicon import (
    CUE_LEMMAS,
    ORG_WORDS,
    ROLE_WORDS,
    STANCE_LEMMAS,
    TITLES,
)

# Entity labels that are never a person, whatever the tagger's boundaries.
PLACE_LABELS = ("GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL")


@dataclass(frozen=True)
class Person:
    """A person mention: an NER PERSON, or a proper-noun name NER mislabelled."""

    start: int  # token index
    end: int
    start_char: int
    text: str


def person_mentions(doc: Doc, in_quote: Callable[[int], bool]) -> list[Person]:
    """People named outside quotes, in text order.

    The small English model often tags a surname as ORG ("Trump said") or
    glues a country to a name ("Ukraine Bridget Brink"), so proper-noun chains
    count too when their last word is a surname NER tagged PERSON elsewhere,
    or when they are two or more capitalised words that are not a place.
    """
    places = {e.text.lower() for e in doc.ents if e.label_ in PLACE_LABELS}
    places_bare = {_without_the(p) for p in places}
    lower_words, appositions = _lower_words_and_appositions(doc)
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
        hi = _headline_cut(doc, lo, hi)
        lo = _given_name_start(doc, lo, hi)
        if hi <= lo or "\n" in doc[lo:hi].text or in_quote(doc[lo].idx) or in_credit(doc, lo):
            return
        if not doc[hi - 1].text[:1].isupper():
            return  # a surname is written in capitals: "tournée stratégique" (French in a post)
        while (
            hi + 1 < len(doc)
            and doc[hi].text == "-"
            and not doc[hi - 1].whitespace_
            and not doc[hi].whitespace_
            and doc[hi + 1].is_alpha
        ):
            hi += 2  # a hyphenated name NER cut at its hyphen ("Chun In-bum" was "Chun In")
        if hi - lo == 1 and doc[lo].is_sent_start and doc[lo].lower_ in lower_words:
            return  # "Rice is a very promising crop", and "rice" elsewhere: a common noun
        if hi - lo == 1 and doc[lo].lower_ in CAPITAL_CITIES:
            return  # "Kiev does not understand ...": the government, not a person
        if _in_region_list(doc[hi - 1]):
            return  # "the Mykolaiv, Kharkiv and Cherkasy regions": places NER called people
        roles = ROLE_WORDS | TITLES | ROLE_MODIFIERS
        owned = [t.i for t in doc[lo:hi] if t.text in ("'s", "’s")]
        own = owned[-1] + 1 if owned else lo  # "Trump's Special Envoy": the envoy's role
        if all(t.lower_ in roles for t in doc[own:hi]):
            return  # "The Prime Minister", "Deputy Chairman": a role, not a name
        if doc[own].lower_ in roles and doc[hi - 1].lower_ in ROLE_WORDS:
            return  # "Senior Research Fellow": a role whatever the words between
        if _foreign_words(doc, lo, hi):
            return  # "nous arrivons à Hanoï avec la délégation": an embedded post's French
        found[lo] = Person(lo, hi, doc[lo].idx, doc[lo:hi].text)

    for e in doc.ents:
        span = _entity_span(doc, e, places, places_bare)
        if span is not None:
            add(*span)
    for tok in appositions:
        lo = _role_apposition(tok)
        if lo is not None and not any(p.start <= tok.i < p.end for p in found.values()):
            # "The head of the Russian Church in Moscow, Patriarch Kirill, has backed
            # ...": a name set beside a person's role is a person, whatever NER says
            # (it tagged Kirill a place)
            add(lo, tok.i + 1)
    surnames = {surname_of(p.text) for p in found.values()}
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
            elif j > i and ent not in PLACE_LABELS and last.lower_ not in places:
                words = [t.lower_ for t in doc[i : j + 1]]
                plausible = not any(w in ORG_WORDS for w in words) and ent in ("", "PERSON", "ORG")
                # A place glued to a name ("Ukraine Bridget Brink") leaves a name of
                # two words; "The Washington Post" under a WASHINGTON dateline leaves
                # "Post", a body's last word, not a person.
                glued = doc[i].lower_ in places and j - i >= 2
                if plausible and (ent != "ORG" or glued):
                    add(i, j + 1)
        i = j + 1
    return [found[k] for k in sorted(found)]


def _lower_words_and_appositions(doc: Doc) -> tuple[set[str], list[Token]]:
    """The words written in lower case, and the appositions, in one pass over the tokens
    (which spaCy builds anew on every read)."""
    lower_words: set[str] = set()
    appositions: list[Token] = []
    for t in doc:
        if t.is_lower and t.is_alpha:
            lower_words.add(t.text)
        elif t.dep_ == "appos":
            appositions.append(t)
    return lower_words, appositions


def _entity_span(
    doc: Doc, e: Span, places: set[str], places_bare: set[str]
) -> tuple[int, int] | None:
    """The tokens of a person's name an entity holds, whatever NER labelled it."""
    # A place NER calls a person once ("Kiev does not understand ...") stays a place.
    if e.label_ == "PERSON" and e.text.lower() not in places:
        return e.start, e.end
    if e.label_ == "ORG" and e.end - e.start >= 3:
        # "Deputy Chairman of [the Security Council Dmitry Medvedev]": NER glues a
        # title's body to the name; a known first name then a surname end it.
        first, last = doc[e.end - 2], doc[e.end - 1]
        given = first.lower_ in MEN_FIRST_NAMES or first.lower_ in WOMEN_FIRST_NAMES
        # "Israeli ambassador to [the United States Yechiel Leiter]": a place the
        # article names elsewhere, or after a title's link word, then a name
        body = _without_the(doc[e.start : e.end - 2].text)
        placed = body in places_bare or (bool(body) and _after_title(doc, e.start))
        named = first.pos_ == last.pos_ == "PROPN" and last.text[:1].isupper()
        if named and (given or (placed and last.lower_ not in _BODY_ENDS)):
            return e.end - 2, e.end
        return None
    if e.label_ == "ORG" and _described_as_person(e):
        # "Tigran Meloyan, an analyst with the Center for Mediterranean Studies,
        # told Izvestia": a name NER called a body, that the article calls a person
        return e.start, e.end
    if e.label_ in ("GPE", "ORG") and e.end - e.start == 2 and _given_and_surname(e):
        # "Sergey Kuznets, member of the management board, ... said": a known first
        # name and a surname NER called a place or a body
        return e.start, e.end
    return None


# Last words of a body's name, never a surname ("a senior fellow at the Carnegie Russia
# Eurasia Center" is no person "Eurasia Center").
_BODY_ENDS = ORG_WORDS | frozenset(
    {"center", "centre", "university", "corporation", "school", "college", "academy"}
    | {"hospital", "club", "media", "news", "times", "post", "press", "studies", "review"}
)


def _described_as_person(e: Span) -> bool:
    """Two or three capitalised proper nouns followed by ", a/an/the <person noun>"
    in apposition ("Tigran Meloyan, an analyst"; not "Gazprom, the company")."""
    head = e[-1]
    if not 2 <= len(e) <= 3 or any(t.pos_ != "PROPN" or not t.text.istitle() for t in e):
        return False
    return any(
        c.dep_ == "appos" and c.i > head.i and c.pos_ == "NOUN" and person_noun(c.lemma_.lower())
        for c in head.children
    )


def person_noun(lemma: str) -> bool:
    """Whether a common noun names a person ("the receptionist", "an analyst", "officials")."""
    return (
        lemma in ROLE_WORDS
        or lemma in PERSON_NOUNS
        or lemma in GENDER_NOUNS
        or lemma in PROFESSION_NOUNS
        or (lemma in UNNAMED_SOURCE_NOUNS and lemma not in ORG_WORDS and lemma not in _NOT_PEOPLE)
        or lemma.endswith(("ist", "ian"))
    )


_NOT_PEOPLE = frozenset({"poll", "survey", "study", "estimate", "media", "outlet", "military"})


def _after_title(doc: Doc, start: int) -> bool:
    """Whether an entity follows a role and its link word ("ambassador to [...]",
    "Secretary of [...]")."""
    if start == 0 or doc[start - 1].lower_ not in _TITLE_LINK_WORDS | {"to"}:
        return False
    return any(t.lower_ in ROLE_WORDS for t in doc[max(0, start - 4) : start - 1])


def _without_the(name: str) -> str:
    low = name.lower()
    return low[4:] if low.startswith("the ") else low


def _role_apposition(tok: Token) -> int | None:
    """Where a proper name in apposition to a person's role starts ("The head of the
    Russian Church in Moscow, Patriarch Kirill,"): the role noun before it, a comma
    between, two to four capitalised proper nouns, none a body's word."""
    head = tok.head
    if tok.dep_ != "appos" or tok.pos_ != "PROPN" or head.i >= tok.i or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in ROLE_WORDS or tok.i == 0 or tok.doc[tok.i - 1].pos_ != "PROPN":
        return None
    lo = tok.i
    while lo > 0 and tok.doc[lo - 1].pos_ == "PROPN" and tok.doc[lo - 1].dep_ == "compound":
        lo -= 1
    words = tok.doc[lo : tok.i + 1]
    if lo == 0 or tok.doc[lo - 1].text != "," or len(words) > 4:
        return None
    if any(not t.text[:1].isupper() or t.lower_ in ORG_WORDS for t in words):
        return None
    return lo


def _foreign_words(doc: Doc, lo: int, hi: int) -> bool:
    """A name among words of another language (a post embedded in the page, in
    French): six words or more on either side and not one English function word."""
    around = [t for t in doc[max(0, lo - _FOREIGN_WINDOW) : lo] if t.is_alpha]
    around += [t for t in doc[hi : hi + _FOREIGN_WINDOW] if t.is_alpha]
    return len(around) >= _FOREIGN_WINDOW and not any(t.is_stop for t in around)


# Words on each side of a name read to tell its language.
_FOREIGN_WINDOW = 6


def _given_and_surname(e: Span) -> bool:
    """Two capitalised proper nouns, the first a known given name, the second no
    body's or place's word ("Sergey Kuznets"; not "Victoria Falls")."""
    first, last = e[0], e[1]
    if first.lower_ not in MEN_FIRST_NAMES and first.lower_ not in WOMEN_FIRST_NAMES:
        return False
    return (
        first.pos_ == last.pos_ == "PROPN"
        and last.text[:1].isupper()
        and not last.text.isupper()
        and last.lower_ not in ORG_WORDS
        and last.lower_ not in REGION_NOUNS
        and last.lower_ not in _PLACE_HEADS
    )


# Last words of a place's name that a given name may start ("Victoria Falls").
_PLACE_HEADS = frozenset({"falls", "valley", "river", "lake", "bay", "island", "islands"})


def _given_name_start(doc: Doc, lo: int, hi: int) -> int:
    """Where a name starts when it ends a title's body ("Deputy Minister of [Economic
    Development Tatyana Ilyushnikova]", "Ambassador at Large on [Kiev's War Crimes Rodion
    Miroshnik]"): three words or more right after a title's "of", "on", "for" or "at",
    with a role before it, are the body's name and then the person's given name and
    surname."""
    before = doc[lo - 1].lower_ if lo else ""
    if hi - lo < 3 or (before not in _TITLE_LINK_WORDS and doc[lo - 1].dep_ != "case"):
        return lo
    if not any(t.lower_ in ROLE_WORDS or t.lower_ in TITLES for t in doc[max(0, lo - 8) : lo]):
        return lo
    return hi - 2


_TITLE_LINK_WORDS = frozenset({"of", "on", "for", "at"})


def _in_region_list(tok: Token) -> bool:
    """Whether a name is one of a list of regions ("Mykolaiv, Kharkiv and Cherkasy
    regions"): joined, by "and" or as a modifier, to a region noun."""
    cur = tok
    for _ in range(12):  # (a list of a dozen regions is a chain of a dozen conjuncts)
        if cur.dep_ not in ("conj", "compound", "nmod", "amod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REGION_NOUNS and cur.pos_ == "NOUN":
            return True
    return False


# Words that open a photo credit: "(credit: REUTERS/KEN CEDENO)", "Photo: AFP/Jane Doe".
_CREDIT_WORDS = frozenset(
    {"credit", "credits", "photo", "photos", "photograph", "image", "picture"}
)


def in_credit(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is in a photo credit: the photographer is never a source,
    nor whom a later "he said" means ("... (credit: REUTERS/KEN CEDENO) “...,” he said")."""
    for t in reversed(doc[max(0, i - 6) : i]):
        if "\n" in t.text or t.text in (")", ".", "“", '"'):
            return False
        if t.lower_ in _CREDIT_WORDS:
            nxt = doc[t.i + 1]
            return nxt.text in (":", "by") or nxt.i == i
        if t.text == "/" and t.i == i - 1 and not t.whitespace_:
            return True  # "AGENCY/NAME", the credit's own form
    return False


# Parts of speech that never continue a name: a headline's verb, pronoun, adverb or
# preposition set in Title Case after it ("Trump Says He Never Pledged", "Ted Cruz
# Refuses", "Obama To Asians Worried").
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "PRON", "ADV", "PART", "SCONJ", "ADP"})


def _headline_cut(doc: Doc, lo: int, hi: int) -> int:
    """Where a person's name ends inside a Title Case headline that NER ran on."""
    for j in range(lo + 1, hi):
        tok = doc[j]
        if tok.text[:1].isupper() and (tok.pos_ in _NOT_IN_NAMES or headline_verb(tok.text)):
            return j
    return hi


def headline_verb(word: str) -> bool:
    """A headline's speech verb, capitalised after the name it follows ("Obama Says
    African-American Museum Will Tell ...", "Zelensky Warns ..."): never part of a name."""
    if not word[:1].isupper() or not word.endswith("s"):
        return False
    low = word.lower()
    stems = (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else "")
    return any(stem in CUE_LEMMAS or stem in STANCE_LEMMAS for stem in stems if stem)


def surname_of(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in TITLES]
    return re.sub(r"['’]s$", "", words[-1]).lower() if words else ""


@dataclass(frozen=True)
class Debris:
    """What a name recogniser or a span's edge leaves around a source's name, removed
    before anyone reads it: ``pattern`` is replaced by ``keep`` (a group reference or
    nothing); ``example`` is the name as it was exported and what it becomes."""

    pattern: re.Pattern[str]
    keep: str
    example: tuple[str, str]


DEBRIS: tuple[Debris, ...] = (
    # whitespace runs, non-breaking spaces ("An exhaustive  study")
    Debris(re.compile(r"\s+"), " ", ("An exhaustive \xa0study", "An exhaustive study")),
    # a transcript's speaker label before the name ("RAMOS: Secretary Clinton")
    Debris(re.compile(r"^[A-Z]{2,}:\s+"), "", ("RAMOS: Secretary Clinton", "Secretary Clinton")),
    # a signature or a clause after a spaced dash ("Vladimir Putin - TASS")
    Debris(re.compile(r"\s+[-–—]+\s+.*$"), "", ("Vladimir Putin - TASS", "Vladimir Putin")),
    # a bracket the span cut open ("Kevin McCarthy (R-Calif.", "Vox Populi (Voice of")
    Debris(re.compile(r"\s*[(\[][^)\]]*$"), "", ("Vox Populi (Voice of the People", "Vox Populi")),
    # a bracket closed that never opened ("Vladimir] Putin")
    Debris(re.compile(r"^([^(\[]*?)\s*[)\]]"), r"\1", ("Vladimir] Putin", "Vladimir Putin")),
    # a possessive's ending left before the name ("’s Iowa")
    Debris(re.compile(r"^['’]s\b\s*"), "", ("’s Iowa", "Iowa")),
    # markup, bullets and dashes before it ('">Sanders', "-Craig Fehrman")
    Debris(re.compile(r"^(?:[^\w@(“\"‘'$]|[“\"‘'](?!\w))+"), "", ('">Sanders', "Sanders")),
    # a colon, dash or opening quote after it ("Luciana Lopez:")
    Debris(re.compile(r"[\s:;,\-–—‘“/]+$"), "", ("Luciana Lopez:", "Luciana Lopez")),
    # a quote mark that opens nothing ("“bigots")
    Debris(re.compile(r"^[“\"‘]([^”\"’]*)$"), r"\1", ("“bigots", "bigots")),
)


def tidy_name(name: str | None) -> str | None:
    """A source's name without ``DEBRIS``; None when nothing of a name is left."""
    if name is None:
        return None
    for d in DEBRIS:
        name = d.pattern.sub(d.keep, name)
    name = name.strip()
    return name if any(ch.isalnum() for ch in name) else None
