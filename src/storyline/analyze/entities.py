"""Named-entity mentions per article (people, organisations, places) from spaCy's NER."""

from __future__ import annotations

import re

from spacy.tokens import Span

from storyline.analyze.registry import Context, component
from storyline.schema import EntityType, Mention

# OntoNotes labels -> contract types. NORP ("Ukrainian", "Russians") is a
# group adjective, not an actor; leaving it out keeps entity lists about who.
LABELS: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

# Leading words spaCy often includes in a span but that are not part of a name
# ("the Kremlin", "a United States (US)-led order").
_STRIP_LEADING = ("the ", "The ", "a ", "an ")
_STRIP_TRAILING = ("'s", "’s")


# Debris the recogniser glues to a name: an agency credit after a spaced dash
# ("Vladimir Putin - TASS"), a bracket from an edited quote ("Vladimir]
# Putin"), quote marks and bullets at the edges.
_CREDIT = re.compile(r"\s+[-–—]\s+.*$")
_EDGE_DEBRIS = "[](){}<>\"'“”‘’«»•*|/\\-–—:;,&+"
# A quote mark inside a span opens or closes a quotation the name is not part of
# (US President Donald "Trump's vision"): the name is what follows it, as after
# an edited quote's bracket. An opening round bracket starts the acronym the name
# is spelt out before ("Shanghai Cooperation Organisation (SCO"): the name is what
# precedes it.
_KEEP_AFTER = ("]", ")", "[", '"', "“", "”")
_KEEP_BEFORE = ("(",)
# Words a body's name never ends with: a title or a photo credit glued to it
# ("Kremlin Spokesman Dmitry Peskov", "Sputnik, Kremlin Pool Photo via AP").
_TRAILING_NOT_NAME = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "pool", "photo", "photos", "handout"}
)


def _trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    for lead in _STRIP_LEADING:
        if text.startswith(lead):
            text, start = text[len(lead) :], start + len(lead)
    credit = _CREDIT.search(text)
    if credit is not None:
        text, end = text[: credit.start()], start + credit.start()
    for bracket in _KEEP_AFTER:
        # "Vladimir] Putin": keep what follows the bracket, a name on its own
        at = text.rfind(bracket)
        if 0 <= at < len(text) - 1:
            text, start = text[at + 1 :], start + at + 1
    for bracket in _KEEP_BEFORE:
        at = text.find(bracket)
        if at > 0:
            text, end = text[:at], start + at
    text, start = _drop_shouted_lead(text, start)
    inner = _INNER_START.search(text)
    if inner is not None:
        text, start = text[inner.end() :], start + inner.end()
    while text and (text[0] in _EDGE_DEBRIS or text[0].isspace()):
        text, start = text[1:], start + 1
    while text and (text[-1] in _EDGE_DEBRIS or text[-1].isspace()):
        text, end = text[:-1], end - 1
    for tail in _STRIP_TRAILING:
        if text.endswith(tail):
            text, end = text[: -len(tail)], end - len(tail)
    while " " in text and fold_word(text.rsplit(" ", 1)[1]) in _TRAILING_NOT_NAME:
        cut = text.rindex(" ")
        text, end = text[:cut].rstrip(), start + len(text[:cut].rstrip())
    return text, start, end


def fold_word(word: str) -> str:
    return word.strip(".,").casefold()


# A headline word in capitals glued to the start of a name ("INDYCAR DRIVER Robert
# Shwartzman"): a run of capitalised words, one of them five letters or more (an
# acronym such as "US" or "NATO" is part of names: "NATO Summit"), before a word
# written in title case.
_SHOUTED_LEAD = re.compile(r"^(?:[A-Z][A-Z'’-]+\s+)*[A-Z'’-]*[A-Z]{5}[A-Z'’-]*\s+(?=[A-Z][a-z])")


# Where a name starts inside a span: after a dateline or byline place glued to the
# sentence that follows ("Reporting from London The European Union said"), and
# after "pro-" or "anti-" before a one-word name ("pro-EU protests" mention the
# EU; "pro-Kremlin TV" is no name, see _not_a_name).
_INNER_START = re.compile(r"^.*\sThe\s+(?=[A-Z])|^(?:pro|anti)-(?=[A-Z]\S*$)")


def _drop_shouted_lead(text: str, start: int) -> tuple[str, int]:
    lead = _SHOUTED_LEAD.match(text)
    if lead is None:
        return text, start
    return text[lead.end() :], start + lead.end()


def _not_a_name(ent: Span, text: str) -> bool:
    """Headline text and clauses the recogniser read as a name: "ZELENSKYY KEEPS
    PUSHING NATO" (capitals over several words), "HTML5" as a person, "Vance
    accused Zelenskyy" (a verb inside)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    if len(words) >= 2 and all(w.isupper() for w in words):
        return True
    if not any(c.isupper() for c in text) or text.startswith(("pro-", "anti-")):
        return True  # names are capitalised: French "un" is not the UN
    if ent.label_ in ("GPE", "LOC") and len(ent) == 1 and ent[0].tag_ == "JJ":
        return True  # a demonym: "Russian and [Ukrainian] officials"
    if ent.label_ == "ORG" and len(ent) == 1 and _after_title_of(ent):
        return True  # "Secretary of [State] Marco Rubio"
    if ent.label_ == "PERSON" and (text.isupper() or any(c.isdigit() for c in text)):
        return True
    return any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in ent)


# Words after which a lone capitalised word is part of a title, not a body:
# "German [Defense] Minister Boris Pistorius".
_TITLE_AFTER = frozenset(
    {"minister", "secretary", "spokesman", "spokeswoman", "chief", "ministers"}
)


# Titles that take "of" and a capitalised word that is not a body on its own
# ("Secretary of State", "Minister of Health").
_TITLE_OF = frozenset({"secretary", "secretaries", "minister", "ministers"})
# Prepositions before which a name is a place, not a person ("strikes in [Khan
# Younis]"): the recogniser calls many Arabic place names persons.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})


def _after_title_of(ent: Span) -> bool:
    doc = ent.doc
    i = ent.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _TITLE_OF


def _person_or_place(ent: Span) -> EntityType:
    """A person's name after "in", "near" or "outside" is a place ("fighting in Khan
    Younis"), unless it owns what follows ("in Trump's view")."""
    doc = ent.doc
    owner = ent.end < len(doc) and doc[ent.end].text in ("'s", "’s")
    if ent.start >= 1 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS and not owner:
        return "place"
    return "person"


def _country_owner(ent: Span) -> int:
    """Where a body's name starts when a country before it says whose it is: "Russia's
    Defense Ministry", "the Ukrainian Defense Ministry" (the recogniser leaves the
    country out, so every country's ministry became one)."""
    doc = ent.doc
    i = ent.start
    if i >= 2 and doc[i - 1].text in ("'s", "’s") and doc[i - 2].ent_type_ == "GPE":
        return doc[i - 2].idx
    if i >= 1 and doc[i - 1].ent_type_ == "NORP" and doc[i - 1].head.i >= ent.start:
        return doc[i - 1].idx
    return ent.start_char


@component("entities")
def find_mentions(ctx: Context) -> None:
    doc = ctx.doc
    found: list[Mention] = []
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        if etype == "person":
            etype = _person_or_place(ent)
        title_word = ent.end < len(doc) and doc[ent.end].lower_ in _TITLE_AFTER
        if etype == "organization" and len(ent) == 1 and title_word:
            continue  # "German [Defense] Minister"
        first = _country_owner(ent) if etype == "organization" else ent.start_char
        last = ent.end_char
        raw = ctx.article.text[first:last]
        if etype == "organization" and "/" in raw.strip("/"):
            # A photo credit, agency then photographer ("REUTERS/Jane Doe", "AP
            # Photo/Jane Doe"): the agency.
            last = first + raw.index("/", 1)
        text, start, end = _trim(ctx.article.text[first:last], first, last)
        if not text.strip() or not any(c.isalpha() for c in text) or _not_a_name(ent, text):
            continue
        found.append(
            Mention(article_id=ctx.article.id, text=text, type=etype, start=start, end=end)
        )
    # A country that says whose a body is belongs to the body's name, not a mention
    # of its own ("[Russia's Defense Ministry]", not "[Russia]'s ...").
    owned = [(m.start, m.end) for m in found if m.type == "organization"]
    ctx.findings.mentions.extend(
        m
        for m in found
        if m.type == "organization" or not any(s <= m.start and m.end < e for s, e in owned)
    )
