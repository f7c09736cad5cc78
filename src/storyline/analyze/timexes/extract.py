"""Extraction: temporal expressions in the text, each with its kind and value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc

from storyline.analyze.shared_lexicon import MONTHS, WEEKDAYS
from storyline.analyze.time_patterns import COMPILED, LEADING_NOISE, SEASON, TEMPORAL_WORD
from storyline.analyze.timexes.normalise import normalise
from storyline.analyze.timexes.tense import direction_of
from storyline.analyze.timexes.values import date_of, duration_value, unit_key
from storyline.schema import Timex, TimexType, stable_id

# How long after a caption's date we assume the article came out (see
# extract_timexes_bounded). An assumption, not a fact: news photographs are
# typically from the days before the report; a longer window only leaves
# more relative values unresolved, never wrongly resolved within it.
PUBLICATION_WINDOW_DAYS = 7
_BARE_UNITS = re.compile(
    r"(?i)(seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
)
_SEASON_PREPOSITIONS = {"in", "during", "since", "until", "by", "through", "over"}
_TEMPORAL_PREPOSITIONS = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "through",
    "before",
    "after",
    "from",
    "to",
    "during",
    "on",
}


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z'-]+)\W*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\W*([A-Za-z'-]+)", text[end : end + 30])
    return m.group(1).lower() if m else ""


def _rest_of_line(text: str, end: int) -> str:
    stop = text.find("\n", end)
    return text[end : stop if stop >= 0 else len(text)]


def _keep(kind: str, text: str, start: int, end: int, doc: Doc | None) -> bool:
    """Reject pattern matches that are not temporal in context."""
    surface = text[start:end]
    low = surface.lower()
    prev, nxt = _prev_word(text, start), _next_word(text, end)
    if kind == "month" and surface in ("May", "March") and prev not in _TEMPORAL_PREPOSITIONS:
        return False
    if kind == "month" and re.fullmatch(r"[A-Z][a-z]{2,3}", surface) and surface.lower() in MONTHS:
        return False  # a bare "Jan" is a name more often than January
    if kind in ("month", "weekday") and doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span[0].ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
            return False  # "April Ryan", "Jan Kavan"
    bare_season = re.fullmatch(SEASON, surface)
    if kind == "season" and bare_season and (prev not in _SEASON_PREPOSITIONS or nxt == "of"):
        return False
    if kind == "year":
        if text[max(0, start - 1) : start] in ("$", "£", "€", "#") or re.match(
            r"[,.]\d|\s*(?:km|kg|m\b|people|troops|soldiers)", text[end : end + 10]
        ):
            return False
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) == 1:
                tok = span[0]
                # "2000 people" counts people; "a 2010 raid" is still a year.
                if tok.dep_ == "nummod" and tok.head.tag_ == "NNS":
                    return False
    if kind == "duration":
        if re.match(r"(?:a|an|one)\s+second\b", low) and re.match(r"\s+[a-z]", text[end : end + 3]):
            return False  # "a second term"
        if re.search(r"\b(?:quarters?|halfs?|halves)$", low) and nxt == "of":
            return False  # "a quarter of the population", "three-quarters of"
        if (re.match(r"(?:a|an|one)\s+day\b", low) and prev == "one") or low == "one day":
            return False  # "one day" (some day) is not a duration
    if kind == "weekday" and surface.endswith(".") and prev in ("the",):
        return False
    # A line of its own ("Previously") is a section heading, not a time reference.
    line = text[text.rfind("\n", 0, start) + 1 : start] + _rest_of_line(text, end)
    return not (kind == "reference" and not line.strip())


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, pattern in COMPILED:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in " ,\n":
                end -= 1
            if end > start and _keep(kind, text, start, end, doc):
                found.append((start, end, kind))
    return found


def _leftmost_longest(cands: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, kind in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if start >= last_end:
            chosen.append((start, end, kind))
            last_end = end
    return chosen


def _spacy_candidates(
    doc: Doc, text: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """spaCy DATE/TIME entities where our patterns found nothing, trimmed to TimeML extent."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        m = LEADING_NOISE.match(ent.text)
        if m:
            start += m.end()
        if start >= end or "\n" in text[start:end]:
            continue
        if any(s < end and start < e for s, e, _ in taken):
            continue
        surface = text[start:end]
        if not TEMPORAL_WORD.search(surface) or re.search(r"\bold\b", surface, re.I):
            continue  # ages ("22-year-old") are figures, not times
        out.append((start, end, "spacy_" + ent.label_.lower()))
    return out


def find_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int, str]]:
    """Character spans of temporal expressions in ``doc.text``, each with the kind that found it."""
    text = doc.text if text is None else text
    own = _leftmost_longest(_candidates(doc, text))
    return sorted(own + _spacy_candidates(doc, text, own))


def _value_for(
    kind: str, surface: str, anchor: dt.date | None, direction: str | None
) -> tuple[TimexType, str | None]:
    if kind.startswith("spacy_"):
        # A span our patterns rejected in context or do not know: normalise it
        # when one of them reads it whole, else keep the span and claim no value.
        for name, pattern in COMPILED:
            if pattern.fullmatch(surface):
                return normalise(name, surface, anchor, direction)
        bare = _BARE_UNITS.fullmatch(surface)
        if bare:
            unit = unit_key(bare.group(1))
            if unit:
                return "duration", duration_value(None, unit)
        return ("time" if kind == "spacy_time" else "date"), None
    return normalise(kind, surface, anchor, direction)


def _located(doc: Doc, text: str) -> list[tuple[int, int, str, str, str | None]]:
    """Spans with their kind, surface text and clause tense: everything but the anchor."""
    return [
        (start, end, kind, text[start:end], direction_of(doc, text, start, end))
        for start, end, kind in find_spans(doc, text)
    ]


def _timex(
    article_id: str, start: int, end: int, surface: str, typed: tuple[TimexType, str | None]
) -> Timex:
    return Timex(
        id=stable_id("tx", article_id, start, end),
        article_id=article_id,
        text=surface,
        start=start,
        end=end,
        type=typed[0],
        value=typed[1],
    )


def _names_a_day(surface: str) -> bool:
    words = re.findall(r"[a-z]+", surface.lower())
    return any(w in WEEKDAYS or w in MONTHS or w in _DEICTIC_DAYS for w in words if len(w) > 2)


_DEICTIC_DAYS = {"today", "tonight", "yesterday", "tomorrow"}
_CLOCK_DAY_GAP = re.compile(r"\s*(?:,|at|on)?\s*$")


def _values(
    located: list[tuple[int, int, str, str, str | None]], text: str, anchor: dt.date | None
) -> list[tuple[TimexType, str | None]]:
    """The TimeML type and value of each located expression against one anchor."""
    typed = [
        _value_for(kind, surface, anchor, direction) for _, _, kind, surface, direction in located
    ]
    # "on Monday at 10 a.m.": a clock time with no day of its own takes the
    # day of the expression right before or after it, not the article's.
    for i, (start, end, kind, surface, _) in enumerate(located):
        value = typed[i][1]
        if kind != "clock" or value is None or _names_a_day(surface):
            continue
        neighbours = []
        if i > 0 and _CLOCK_DAY_GAP.fullmatch(text[located[i - 1][1] : start]):
            neighbours.append(typed[i - 1][1])
        if i + 1 < len(located) and _CLOCK_DAY_GAP.fullmatch(text[end : located[i + 1][0]]):
            neighbours.append(typed[i + 1][1])
        day = next((date_of(v) for v in neighbours if date_of(v)), None)
        if day is not None:
            typed[i] = (typed[i][0], day + value[10:])
    return typed


def extract_timexes(doc: Doc, anchor: dt.date | None, article_id: str) -> list[Timex]:
    """Every temporal expression in ``doc``, normalised against ``anchor`` (the article date).

    Without an anchor, relative expressions ("Tuesday", "last month") get
    ``value=None``; absolute ones ("2018", "28 February 2022", "P3Y") keep theirs.
    """
    text = doc.text
    located = _located(doc, text)
    return [
        _timex(article_id, start, end, surface, typed)
        for (start, end, _, surface, _), typed in zip(
            located, _values(located, text, anchor), strict=True
        )
    ]


def extract_timexes_bounded(
    doc: Doc, lower: dt.date, article_id: str, window_days: int = PUBLICATION_WINDOW_DAYS
) -> list[Timex]:
    """Timexes of an article known only to be published on or after ``lower``.

    Rule: a relative expression keeps a value only when every publication day
    from ``lower`` to ``lower + window_days`` gives it the same value; any
    expression whose reading depends on where in that week the article
    appeared gets ``None``. So "In February" in a text bounded by a
    6 December 2024 caption is ``2024-02`` (any day of that week agrees),
    while "on Sunday" stays unresolved (it is 1 December if the article came
    out on the 6th, 8 December if on the 9th).
    """
    text = doc.text
    located = _located(doc, text)
    runs = [_values(located, text, lower + dt.timedelta(days=k)) for k in range(window_days + 1)]
    out = []
    for i, (start, end, _, surface, _) in enumerate(located):
        readings = {run[i] for run in runs}
        typed = readings.pop() if len(readings) == 1 else (runs[0][i][0], None)
        out.append(_timex(article_id, start, end, surface, typed))
    return out
