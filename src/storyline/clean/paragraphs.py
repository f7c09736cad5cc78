"""Readable paragraphs for display, without touching the text.

Most scraped JSON Lines texts are one line (401 of news-dumpster's 409
Russia/Ukraine articles): shown as they are, an article is one wall of text.
The stored text must not change (every finding's offsets point into it), so
this only says where display paragraphs start: the text's own paragraphs
(blank lines), and inside a paragraph too long to read, sentence boundaries
every few sentences. A boundary inside a quotation is never used, so a quote
reads whole.
"""

from __future__ import annotations

import re

# A paragraph longer than this is split for display; pieces aim at TARGET
# characters (three or four news sentences) and are never shorter than MIN.
MAX_CHARS = 700
TARGET_CHARS = 450
MIN_CHARS = 200
# A quotation is kept in one paragraph up to this length.
QUOTE_MAX_CHARS = 1200

_BREAK = re.compile(r"\n\s*\n")
# A sentence end: terminal punctuation, closing quotes or brackets, space, then
# what can start a sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(]?[A-Z0-9])")
# Words before a full stop that do not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Pres|No|vs|etc|"
    r"Inc|Ltd|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec)|(?:[A-Za-z]\.)+[A-Za-z])\.$"
)
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"


def paragraph_starts(text: str) -> list[int]:
    """Offsets in ``text`` where display paragraphs start (the first is always 0)."""
    starts = [0]
    for block_start, block_end in _blocks(text):
        if block_start:
            starts.append(block_start)
        if block_end - block_start > MAX_CHARS:
            starts.extend(_splits(text, block_start, block_end))
    return starts if text else []


def _blocks(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for m in _BREAK.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    return [(s, e) for s, e in out if e > s]


def _splits(text: str, start: int, end: int) -> list[int]:
    """Sentence starts inside ``text[start:end]`` where a display paragraph may begin."""
    out: list[int] = []
    last = start
    for m in _SENTENCE_END.finditer(text, start, end):
        at = m.end()
        if m.group().startswith(".") and _ABBREVIATION.search(
            text[max(start, m.start() - 12) : m.start() + 1]
        ):
            continue
        if at - last < TARGET_CHARS or end - at < MIN_CHARS:
            continue
        # Unless the paragraph has grown long: news quotes run on across paragraphs
        # without a closing mark, so quote marks stop pairing up.
        quoted = _inside_quote(text, last, at) or _inside_straight_quote(text, last, at)
        if quoted and at - last < QUOTE_MAX_CHARS:
            continue
        out.append(at)
        last = at
    return out


def _inside_quote(text: str, start: int, at: int) -> bool:
    piece = text[start:at]
    return sum(piece.count(q) for q in _OPEN_QUOTES) > sum(piece.count(q) for q in _CLOSE_QUOTES)


def _inside_straight_quote(text: str, start: int, at: int) -> bool:
    return text.count('"', start, at) % 2 == 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each display paragraph, trailing space excluded."""
    starts = paragraph_starts(text)
    out = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        piece = text[s:e].rstrip()
        if piece:
            out.append((s, s + len(piece)))
    return out
