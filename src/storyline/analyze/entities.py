"""Named-entity mentions per article (people, organisations, places) from spaCy's NER."""

from __future__ import annotations

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


def _trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    for lead in _STRIP_LEADING:
        if text.startswith(lead):
            text, start = text[len(lead) :], start + len(lead)
    for tail in _STRIP_TRAILING:
        if text.endswith(tail):
            text, end = text[: -len(tail)], end - len(tail)
    return text, start, end


@component("entities")
def find_mentions(ctx: Context) -> None:
    for ent in ctx.doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        text, start, end = _trim(ent.text, ent.start_char, ent.end_char)
        if not text.strip() or not any(c.isalpha() for c in text):
            continue
        ctx.findings.mentions.append(
            Mention(article_id=ctx.article.id, text=text, type=etype, start=start, end=end)
        )
