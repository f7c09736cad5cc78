"""Shared helpers for the benchmarks scored on our own news-dumpster gold (benchmarks/gold).

The gold indexes the raw ``text`` of each news-dumpster record; storyline's
export indexes the article's clean text. ``OffsetMap`` aligns the two (the
cleaner only removes and re-spaces text), so a gold span can be compared with
an exported span in one coordinate system.

Storyline is run as a user runs it: the real CLI (``storyline ingest`` then
``storyline export``) in a subprocess, on a JSON Lines file of the records.
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records

GOLD = Path(__file__).resolve().parent / "gold"

# The CLI entry point, run with this interpreter (so PYTHONPATH picks the code under test).
_CLI = "from storyline.cli import app; app()"


def records_by_link() -> dict[str, dict[str, Any]]:
    return {r["link"]: r for r in dumpster_records()}


def run_storyline(
    records: list[dict[str, Any]], workdir: Path | None = None, options: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Ingest ``records`` (news-dumpster JSON objects) with the real CLI and return the
    export; ``options`` are passed to ``storyline ingest`` (``--stances``)."""
    tmp = Path(workdir or tempfile.mkdtemp(prefix="storyline-gold-"))
    tmp.mkdir(parents=True, exist_ok=True)
    src, db, out = tmp / "articles.jsonl", tmp / "gold.db", tmp / "export.json"
    with src.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps({k: v for k, v in record.items() if k != "ner"}) + "\n")
    for path in (db, out):
        path.unlink(missing_ok=True)
    cli = [sys.executable, "-c", _CLI]
    subprocess.run([*cli, "ingest", str(src), "--db", str(db), "-q", *options], check=True)
    subprocess.run([*cli, "export", "--db", str(db), "-o", str(out)], check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def link_key(url: str | None) -> str:
    """A link without its query and fragment: feeds add tracking parameters (``?maca=``)."""
    return re.sub(r"[?#].*$", "", url or "").rstrip("/")


def articles_by_link(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Exported articles keyed by their full URL and by ``link_key`` (when that is unique)."""
    out: dict[str, dict[str, Any]] = {}
    keys: dict[str, list[dict[str, Any]]] = {}
    for article in export["articles"]:
        if article.get("url"):
            out[article["url"]] = article
            keys.setdefault(link_key(article["url"]), []).append(article)
    for key, arts in keys.items():
        if len(arts) == 1:
            out.setdefault(key, arts[0])
    return out


def find_article(by_link: dict[str, dict[str, Any]], link: str) -> dict[str, Any] | None:
    return by_link.get(link) or by_link.get(link_key(link))


class OffsetMap:
    """Raw-text offsets -> clean-text offsets, from the matching blocks of the two texts."""

    def __init__(self, raw: str, clean: str) -> None:
        matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
        self.blocks = [b for b in matcher.get_matching_blocks() if b.size]
        self.starts = [b.a for b in self.blocks]

    def point(self, offset: int) -> int | None:
        """The clean offset of raw ``offset``, or None where the cleaner removed it."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        block = self.blocks[i]
        if offset < block.a + block.size:
            return block.b + (offset - block.a)
        return None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The clean span covering what survives of raw ``[start, end)``."""
        kept = [p for p in (self.point(o) for o in range(start, end)) if p is not None]
        if not kept:
            return None
        return min(kept), max(kept) + 1


_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str | None) -> str:
    """Lower case, accents stripped, transliteration endings folded (Zelenskyy = Zelensky)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("defence", "defense")
    return re.sub(r"(?:iy|yy|yi|ij)\b", "y", text)


def words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    both = overlap(a, b)
    return 2 * both / ((a[1] - a[0]) + (b[1] - b[0])) if both else 0.0


def match(
    gold: list[Any], system: list[Any], score: Any, floor: float
) -> list[tuple[int, int, float]]:
    """One-to-one matching, best pairs first: (gold index, system index, score) above ``floor``."""
    pairs = sorted(
        (
            (s, gi, si)
            for gi, g in enumerate(gold)
            for si, x in enumerate(system)
            if (s := score(g, x)) > floor
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for s, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gi, si, s))
    return out


def prf(tp: int, n_system: int, n_gold: int) -> str:
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{n_system} system, {tp}/{n_gold} gold)"


# -- who is a source: the same test for speakers and claimants, on every gold --------

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "i",
        "we",
        "you",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "this",
        "that",
        "who",
        "which",
        "one",
    ]
)
# Words that do not tell two sources apart.
GENERIC = frozenset(["the", "of", "s", "a", "an", "and", "mr", "ms", "mrs", "dr"])
# Adjectives of place and their countries, so "Russia's Defense Ministry" names
# the "Russian Defense Ministry".
DEMONYMS = {
    "russian": "russia",
    "ukrainian": "ukraine",
    "american": "us",
    "israeli": "israel",
    "iranian": "iran",
    "chinese": "china",
    "british": "uk",
    "french": "france",
    "german": "germany",
    "palestinian": "palestine",
    "european": "europe",
    "pakistani": "pakistan",
    "indian": "india",
    "japanese": "japan",
}


def _key_words(name: str | None) -> list[str]:
    return [DEMONYMS.get(w, w) for w in words(name) if w not in GENERIC]


def unresolved(name: str | None) -> bool:
    ws = _key_words(name)
    return not ws or all(w in PRONOUNS for w in ws)


def same_source(gold: str | None, kind: str | None, desc: str | None, tool: str | None) -> bool:
    """Does the exported name ``tool`` name the gold source?"""
    if gold is None:
        # An unnamed source is right when storyline leaves it unnamed or
        # names it as the article describes it ("officials").
        return unresolved(tool) or set(_key_words(tool)) <= set(_key_words(desc))
    if unresolved(tool):
        return False
    have = set(_key_words(tool))
    parts = gold.split(" and ") if kind == "group" else [gold]
    for part in parts:
        want = _key_words(part)
        if not want:
            continue
        if kind in ("person", "group") and len(want) <= 4:
            if want[-1] not in have:  # a person by surname
                return False
        elif len(have & set(want)) * 2 < len(set(want)) + 1:  # a body by most of its words
            return False
    return True
