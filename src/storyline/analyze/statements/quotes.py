"""Quotation marks and paragraphs: where quoted text starts and ends in scraped text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double quotation marks: curly, straight, low-9 and guillemets.
_OPENERS = frozenset("“„«‟")
_CLOSERS = frozenset("”»")
_STRAIGHT = frozenset('"')
_MARKS = _OPENERS | _CLOSERS | _STRAIGHT
_TRIM = " \t\r\n,;:.-–—'`" + "".join(_MARKS)
DASHES = frozenset({"-", "–", "—", "--"})
END_PUNCT = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Quote:
    """A quotation: ``open`` is the opening mark, ``start``/``end`` the words inside."""

    open: int
    start: int
    end: int
    close: int | None  # index of the closing mark; None when it never closed


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end); scraped text marks paragraphs with newlines."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def mark_at(text: str, i: int) -> int:
    """Length of the double quotation mark at ``i`` (0 if none).

    Besides the one-character marks, two apostrophes (``''``) and two
    backticks stand for double quotes in wire and Penn-Treebank-style text.
    """
    ch = text[i]
    if ch in _MARKS:
        return 1
    if ch in "'`" and text[i + 1 : i + 2] == ch:
        return 2
    return 0


def scan_quotes(text: str) -> list[Quote]:
    """Double-quoted passages, tolerant of mistyped and missing marks.

    A mark opens when the next character is not a space, and closes when the
    previous one is not a space (or nothing follows it); a curly opener inside
    a quote and followed by a word starts a nested quote. A quote still open
    at the end of its paragraph ends there, so a dropped closing mark never
    swallows the rest of the article.
    """
    quotes: list[Quote] = []
    for pstart, pend in paragraphs(text):
        depth = 0
        qopen = -1
        qlen = 1
        i = pstart
        while i < pend:
            n = mark_at(text, i)
            if n == 0:
                i += 1
                continue
            ch = text[i]
            prev = text[i - 1] if i > pstart else " "
            nxt = text[i + n] if i + n < pend else " "
            if depth == 0:
                closer_like = (ch in _CLOSERS or (n == 2 and ch == "'")) and not prev.isspace()
                if not nxt.isspace() and (not closer_like or ch in _OPENERS):
                    depth, qopen, qlen = 1, i, n
            else:
                opener_like = prev.isspace() and not nxt.isspace()
                opens_nested = (ch in _OPENERS or ch == "`") and opener_like
                if (
                    depth == 1
                    and opener_like
                    and (opens_nested or (n == 1 and ch in _STRAIGHT))
                    and _after_sentence(text, i, qopen)
                ):
                    # A new quote, not a nested one nor this one's end: the one open lost
                    # its closing mark where the scraper ran two paragraphs of quotes into
                    # one ('... for no reason whatsoever. "I've always said ...').
                    quotes.append(_make_quote(text, qopen, qlen, None, i))
                    qopen, qlen = i, n
                elif opens_nested:
                    depth += 1
                else:
                    depth -= 1
                    if depth == 0:
                        quotes.append(_make_quote(text, qopen, qlen, i))
            i += n
        if depth > 0:
            quotes.append(_make_quote(text, qopen, qlen, None, pend))
    return [q for q in quotes if q.end > q.start]


def _after_sentence(text: str, i: int, qopen: int) -> bool:
    """The mark at ``i`` follows the end of a sentence ("... international law. “We
    oppose ..."), inside the quote opened at ``qopen``: a double mark there opens a new
    quote (a nested one is single, or inside the sentence: 'called it “a “crime””')."""
    j = i - 1
    while j > qopen and text[j].isspace():
        j -= 1
    return j > qopen and text[j] in END_PUNCT


def _make_quote(text: str, qopen: int, qlen: int, close: int | None, pend: int = 0) -> Quote:
    start = qopen + qlen
    end = close if close is not None else pend
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quote(open=qopen, start=start, end=end, close=close)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
