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


@component("entities")
def find_mentions(ctx: Context) -> None:
    for ent in ctx.doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        text, start, end = _trim(ent.text, ent.start_char, ent.end_char)
        if not text.strip() or not any(c.isalpha() for c in text) or _not_a_name(ent, text):
            continue
        ctx.findings.mentions.append(
            Mention(article_id=ctx.article.id, text=text, type=etype, start=start, end=end)
        )
