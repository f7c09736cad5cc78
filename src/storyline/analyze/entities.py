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

# Leading words spaCy often includes in a span but that are not part of a name.
_STRIP_LEADING = ("the ", "The ")
_STRIP_TRAILING = ("'s", "’s")


# Debris the recogniser glues to a name: an agency credit after a spaced dash
# ("Vladimir Putin - TASS"), a bracket from an edited quote ("Vladimir]
# Putin"), quote marks and bullets at the edges.
_CREDIT = re.compile(r"\s+[-–—]\s+.*$")
_EDGE_DEBRIS = "[](){}<>\"'“”‘’«»•*|/\\-–—:;,"


def _trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    for lead in _STRIP_LEADING:
        if text.startswith(lead):
            text, start = text[len(lead) :], start + len(lead)
    credit = _CREDIT.search(text)
    if credit is not None:
        text, end = text[: credit.start()], start + credit.start()
    for bracket in ("]", ")", "["):
        # "Vladimir] Putin": keep what follows the bracket, a name on its own
        at = text.rfind(bracket)
        if 0 <= at < len(text) - 1:
            text, start = text[at + 1 :], start + at + 1
    while text and (text[0] in _EDGE_DEBRIS or text[0].isspace()):
        text, start = text[1:], start + 1
    while text and (text[-1] in _EDGE_DEBRIS or text[-1].isspace()):
        text, end = text[:-1], end - 1
    for tail in _STRIP_TRAILING:
        if text.endswith(tail):
            text, end = text[: -len(tail)], end - len(tail)
    return text, start, end


def _not_a_name(ent: Span, text: str) -> bool:
    """Headline text and clauses the recogniser read as a name: "ZELENSKYY KEEPS
    PUSHING NATO" (capitals over several words), "HTML5" as a person, "Vance
    accused Zelenskyy" (a verb inside)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    if len(words) >= 2 and all(w.isupper() for w in words):
        return True
    if ent.label_ == "PERSON" and (text.isupper() or any(c.isdigit() for c in text)):
        return True
    return any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in ent)


# Words after which a lone capitalised word is part of a title, not a body:
# "German [Defense] Minister Boris Pistorius".
_TITLE_AFTER = frozenset(
    {"minister", "secretary", "spokesman", "spokeswoman", "chief", "ministers"}
)


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
        title_word = ent.end < len(doc) and doc[ent.end].lower_ in _TITLE_AFTER
        if etype == "organization" and len(ent) == 1 and title_word:
            continue  # "German [Defense] Minister"
        first = _country_owner(ent) if etype == "organization" else ent.start_char
        text, start, end = _trim(ctx.article.text[first : ent.end_char], first, ent.end_char)
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
