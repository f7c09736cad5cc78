"""What one article page shows: the clean text with every finding marked, and its copies."""

from __future__ import annotations

from storyline.clean.paragraphs import paragraph_starts
from storyline.store import Store
from storyline.views.highlight import Span, highlight
from storyline.views.text import Row, file_name, sentences, shown


def _spans(text: str, found: dict[str, list[Row]]) -> list[Span]:
    """Sentences, statements, figures, dates and mentions as spans to mark, with titles."""
    spans = [Span(a, b, "sent") for a, b in sentences(text)]
    for st in found["statements"]:
        who = st["speaker"] or "unattributed"
        extra = f" · {st['medium']}" if st["medium"] else ""
        spans.append(Span(st["start"], st["end"], "st", st["id"], f"{who}{extra}"))
    for fg in found["figures"]:
        what = " ".join(p for p in (fg["qualifier"], fg["text"], fg["subject"], fg["measure"]) if p)
        who = f" — {fg['claimant']}" if fg["claimant"] else ""
        spans.append(Span(fg["start"], fg["end"], "fg", fg["id"], f"{what}{who}"))
    for tx in found["timexes"]:
        spans.append(Span(tx["start"], tx["end"], "tx", tx["id"], f"{tx['type']}: {tx['value']}"))
    for m in found["mentions"]:
        href = f"/entities/{m['entity_id']}" if m["entity_id"] and m["name"] else None
        title = f"{m['type']}: {m['name'] or m['text']}"
        spans.append(Span(m["start"], m["end"], "ent", None, title, href))
    return spans


# Why two articles count as one, in words (the store's reason is the measurement).
DUPLICATE_WORDS = {
    "copy": "A copy: {share} of their five-word runs are the same.",
    "translation": "The same wire text retold or translated: the same names and numbers in "
    "the same order.",
}


def duplicate_words(pair: Row) -> str:
    template = DUPLICATE_WORDS.get(pair["kind"], "A near-duplicate.")
    return template.format(share=f"{pair['similarity']:.0%}")


def article_view(store: Store, article_id: str) -> Row | None:
    """The article, its text marked up, its records, its story's title, the article it is a
    copy of, and its near-duplicates; or None."""
    row = store.article_row(article_id)
    if row is None:
        return None
    art = shown(row)
    found = {t: store.records_of(t, [article_id]) for t in ("statements", "figures", "timexes")}
    found["mentions"] = store.mentions_of(article_id)
    story = store.record("stories", art["story"]) if art["story"] else None
    original = store.article_row(art["duplicate_of"]) if art["duplicate_of"] else None
    return {
        "a": art,
        "file": file_name(art),
        "story_label": story["label"] if story else None,
        "original": shown(original) if original else None,
        # One-line scrapes read as paragraphs; the stored text is not changed.
        "body": highlight(art["text"], _spans(art["text"], found), paragraph_starts(art["text"])),
        "statements": found["statements"],
        "figures": found["figures"],
        "timexes": found["timexes"],
        "mention_count": len(found["mentions"]),
        "copies": [
            {**shown(c), "words": duplicate_words(c)} for c in store.near_duplicates_of(article_id)
        ],
    }
