"""How a record reads: the sentence around a span, who published an article, values in words.

Pure functions over the rows the store gives (no store here), shared by the
briefing and the web UI.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

Row = dict[str, Any]

# The sentence around a span is for display only, so a light boundary rule
# is enough: loading a spaCy pipeline into the report writer and the web
# server just to re-split sentences would cost seconds per start for no
# better provenance (the span offsets themselves come from the analysis).
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
# Tokens before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "rep", "sen",
     "gov", "pres", "no", "vs", "etc", "inc", "ltd", "co", "corp"}
)  # fmt: skip
MAX_SENTENCE = 480


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    return (
        len(token) == 1
        or token.lower().strip(".") in _ABBREVIATIONS
        or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", token))
    )


@lru_cache(maxsize=256)
def _sentence_index(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence of a text starts and ends (cached: a story asks the same
    article for dozens of spans, and a Python string keeps its hash)."""
    found = sentences(text)
    return [a for a, _ in found], [b for _, b in found]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Bounds of the sentence(s) around ``text[start:end]``, and whether they were cut short."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    starts, ends = _sentence_index(text)
    i = bisect_right(starts, start) - 1  # the sentence the span starts in
    lo = starts[i] if i >= 0 and ends[i] > start else start
    j = bisect_left(ends, end)  # the sentence the span ends in
    hi = ends[j] if j < len(ends) and starts[j] < end else end
    hi = max(hi, end)
    # Very long "sentences" (lists, run-on scrapes): keep a window around the span.
    if hi - lo > MAX_SENTENCE and end - start < MAX_SENTENCE:
        pad = (MAX_SENTENCE - (end - start)) // 2
        return max(lo, start - pad), min(hi, end + pad), True
    return lo, hi, False


def sentence(text: str, start: int, end: int) -> Row:
    """The sentence around a span, split so views can mark the span itself."""
    lo, hi, cut = sentence_bounds(text, start, end)
    return {
        "before": ("…" if cut and lo < start else "") + text[lo:start],
        "span": text[start:end],
        "after": text[end:hi] + ("…" if cut and hi > end else ""),
        "start": lo,
        "end": hi,
    }


UNKNOWN_OUTLET = "unknown outlet"


def source_label(article: Row) -> str:
    """Who published it, as a reader would name it: the outlet, else the web host; a file
    on disk names no outlet (its name is no publisher's), so it reads "unknown outlet"."""
    if article.get("outlet"):
        return str(article["outlet"])
    url = article.get("url") or article.get("source") or ""
    if "://" in url:
        host = urlparse(url).netloc
        return host.removeprefix("www.") or UNKNOWN_OUTLET
    return UNKNOWN_OUTLET


def file_name(article: Row) -> str:
    """The file an article was read from (for the article page's small print)."""
    return PurePath(str(article.get("source") or "").split("#")[0]).name


def article_title(article: Row) -> str:
    if article.get("title"):
        return str(article["title"])
    first = (article.get("text") or "").strip().split("\n", 1)[0]
    return first[:90] + ("…" if len(first) > 90 else "") or article["id"]


def shown(article: Row) -> Row:
    """An article row with what every view shows of it: its source label and title."""
    article["label"] = source_label(article)
    article["display_title"] = article_title(article)
    return article


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(value: str | None) -> str:
    """``2025-05-26`` -> ``26 May 2025`` (``2025-05`` -> ``May 2025``); None -> ``undated``."""
    if not value:
        return "undated"
    parts = str(value)[:10].split("-")
    try:
        if len(parts) >= 2:
            month = _MONTHS[int(parts[1]) - 1]
            return (
                f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"
            )
    except (ValueError, IndexError):
        pass
    return str(value)


def date_key(date: str | None) -> str:
    """Sorts undated items last."""
    return date or "9999"


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds over a whole text, by the same rule as :func:`sentence_bounds`."""
    out = []
    lo = 0
    for m in _TERMINATOR.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        hi = m.end() if m.group() != "\n" else m.start()
        a, b = lo, hi
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        lo = m.end()
    a = lo
    while a < len(text) and text[a].isspace():
        a += 1
    if a < len(text):
        out.append((a, len(text.rstrip())))
    return out


def format_number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure_value(fig: Row) -> str:
    """The claimed value in words: qualifier, number or range, unit, rate."""
    low, high = fig.get("low"), fig.get("high")
    if fig.get("unit") in ("fraction", "percent") and low is not None:
        scale = 100 if fig["unit"] == "fraction" else 1
        value = f"{format_number(round(low * scale, 1))}%"
        if high is not None and high != low:
            value = (
                f"{format_number(round(low * scale, 1))}–{format_number(round(high * scale, 1))}%"
            )
        return " ".join(str(p) for p in (fig.get("qualifier"), value) if p)
    if low is not None and high is not None and low != high:
        value = f"{format_number(low)}–{format_number(high)}"
    else:
        value = format_number(low if low is not None else high)
    parts = [fig["qualifier"]] if fig.get("qualifier") else []
    parts.append(value)
    if fig.get("unit"):
        parts.append(str(fig["unit"]))
    if fig.get("per"):
        parts.append(f"per {fig['per']}")
    return " ".join(parts)


def figure_what(fig: Row) -> str:
    return " ".join(str(p) for p in (fig.get("subject"), fig.get("measure")) if p)
