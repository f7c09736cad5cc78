"""The words naming what a figure belongs to: the incident, the period, or the named series.

The scope cue found in the sentence (``scope``) is where the event is named:
an incident noun takes the modifiers written before it ("the latest Russian
aerial attack" -> "Russian aerial attack"), a running total the words up to
its start ("since March 18", "since the beginning of the full-scale
invasion"), a period its own words ("overnight", "in the past 24 hours").
"""

from __future__ import annotations

import re

from storyline.analyze.figures.scope import ScopeReading

# Words before an incident noun that say nothing about which incident it was.
_EMPTY_MODIFIERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
        "latest", "last", "new", "another", "massive", "huge", "large", "largest", "major", "big",
        "biggest", "deadly", "deadliest", "heavy", "heaviest", "fresh", "recent", "further",
        "overnight", "early", "late", "such", "same", "other", "first", "second", "third", "and",
        "or", "of"
    }
)  # fmt: skip
_WORD = re.compile(r"[\w'’-]+")
_SINCE_END = re.compile(r"[,;:.()]|\b(?:when|after|which|that|and|as|the\s+ministry)\b")


def event_words(text: str, reading: ScopeReading | None) -> str | None:
    """The event or series a figure belongs to, in the article's words (None without a cue):
    a running total's start, else the incident, else the period."""
    if reading is None:
        return None
    time = reading.time
    if time is not None and reading.scope == "cumulative":
        cue = text[time.start : time.end]
        if reading.window != "since":
            return re.sub(r"\s+", " ", cue.strip().lower())
        tail = text[time.end : time.end + 60]
        stop = _SINCE_END.search(tail)
        words = (tail[: stop.start()] if stop else tail).strip()
        return re.sub(r"\s+", " ", f"{cue} {words}".strip())
    if reading.incident is not None and reading.scope == "incident":
        cue = text[reading.incident.start : reading.incident.end]
        return _incident(text, reading.incident.start, cue)
    if time is not None:
        return re.sub(r"\s+", " ", text[time.start : time.end].strip().lower())
    return None


def _incident(text: str, start: int, cue: str) -> str:
    before = text[max(0, start - 60) : start]
    # Stop at the end of the previous clause: "..., killing 12 in the attack".
    before = re.split(r"[,;:.()\"“”]|\b(?:in|on|at|by|during|after|from|with)\s+$", before)[-1]
    words = _WORD.findall(before)[-4:]
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _EMPTY_MODIFIERS or any(c.isdigit() for c in word):
            break
        kept.insert(0, word)
    return " ".join([*kept, cue.lower()]) if kept else cue.lower()
