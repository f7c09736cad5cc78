"""What a figure is about: where it happened, what stretch of time it counts, which event.

Read from the figure's sentence (pure: the same article gives the same
answer): ``place`` from its locative phrases, ``scope`` and the event's words
from the nearest time or incident cue, ``period`` from that cue and the
figure's date. The corpus stage groups figures into series with these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.event import event_words
from storyline.analyze.figures.place import (
    PlaceMention,
    city_region,
    figure_place,
    named_camp,
    own_country,
    place_mentions,
    resolve_anaphor,
)
from storyline.analyze.figures.scope import period_of, read_scope, shift_day, since_anchor
from storyline.schema import Figure, FigureScope, Timex


@dataclass(frozen=True)
class About:
    place: str | None
    scope: FigureScope | None
    period: str | None
    event: str | None


def describe_figures(
    text: str,
    doc: Doc,
    figures: Sequence[Figure],
    timexes: Sequence[Timex],
    published: str | None = None,
) -> None:
    """Set ``place``, ``scope``, ``period`` and ``event`` on each figure of one article."""
    sentences: dict[int, tuple[int, int]] = {}
    for f in figures:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None:
            sent = span[0].sent
            sentences[f.start] = (sent.start_char, sent.end_char)
    order = [(s.start_char, s.end_char) for s in doc.sents] if figures else []
    places: dict[tuple[int, int], list[PlaceMention]] = {}
    # Where the model saw a place name ends ("across Ukraine Play for Ukraine": Ukraine).
    names = {e.start_char: e.end_char for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    for f in figures:
        sentence = sentences.get(f.start)
        if sentence is None:
            continue
        if sentence not in places:
            places[sentence] = place_mentions(text, *sentence, names=names)
        others = [
            (o.start, o.end)
            for o in figures
            if o is not f
            and sentence[0] <= o.start
            and o.end <= sentence[1]
            and o.unit not in lex.TIME_UNITS  # "the two-month ceasefire" counts nothing
            and not _distance(o)
        ]
        about = _about(text, f, sentence, others, places[sentence], timexes, published)
        f.place, f.scope, f.period, f.event = about.place, about.scope, about.period, about.event
        if _distance(f):
            f.place = None
        elif f.place is None and not places[sentence]:
            f.place = carried_place(text, f, sentence, order, figures, sentences)


# A casualty count whose sentence names no place carries on from the other casualty count
# of the sentence before it ("A Russian airstrike has killed three in the region of
# Zhytomyr ... Ten other people were wounded in the attack": Zhytomyr's wounded). Another
# count of the same measure is no part of that place ("Four were killed in Kyiv. In all,
# 12 people died"), nor a count of something else ("No deaths were reported" after the
# missiles launched at Ukraine).
CARRIED_FROM: dict[str, frozenset[str]] = {
    "wounded": frozenset({"killed"}),
    "killed": frozenset({"wounded"}),
}
# How many sentences back, inside its paragraph, that count may be.
CARRY_SENTENCES = 2


def carried_place(
    text: str,
    figure: Figure,
    sentence: tuple[int, int],
    order: list[tuple[int, int]],
    figures: Sequence[Figure],
    sentences: dict[int, tuple[int, int]],
) -> str | None:
    """The place a casualty count whose sentence names none carries on from
    (``CARRIED_FROM``): the one place of the nearest sentence before it, in its paragraph,
    whose figures are placed, when one of them is the other casualty count and none
    counts the same as this one."""
    partners = CARRIED_FROM.get(figure.measure or "")
    if not partners or not (figure.low or figure.high) or sentence not in order:
        return None
    at = order.index(sentence)
    for before in reversed(order[max(0, at - CARRY_SENTENCES) : at]):
        if "\n" in text[before[1] : sentence[0]]:
            return None  # the paragraph starts after it
        placed = [f for f in figures if sentences.get(f.start) == before and f.place]
        if not placed:
            continue
        names = {f.place for f in placed}
        measures = {f.measure for f in placed}
        if len(names) == 1 and measures & partners and figure.measure not in measures:
            return names.pop()
        return None
    return None


def _distance(figure: Figure) -> bool:
    """ "many hundreds of kilometres away": a distance, by its unit or by what it counts
    when the unit was not read ("hundreds of kilometres")."""
    words = (figure.subject or "").lower().split()
    unit = figure.unit or (lex.UNIT_SUFFIXES.get(words[-1]) if words else None)
    return unit in lex.DISTANCE_UNITS


def _about(
    text: str,
    figure: Figure,
    sentence: tuple[int, int],
    others: list[tuple[int, int]],
    mentions: list[PlaceMention],
    timexes: Sequence[Timex],
    published: str | None,
) -> About:
    reading = read_scope(text, sentence, (figure.start, figure.end), others)
    day = figure.as_of
    anchor = since_anchor(text, reading, sentence, timexes) if reading is not None else None
    if anchor and day and anchor[:10] >= day[:10] and published:
        day = published  # "since March 18": the total stands as of its report, not its start
    period = period_of(reading, day, anchor)
    if reading is not None and reading.window == "night":
        night = _night_start(sentence, timexes)
        if night is not None:
            period = f"{night}/{shift_day(night, 1)}"
    place = figure_place(text, mentions, (figure.start, figure.end), others)
    name = place.name if place is not None else None
    if name in ("the capital", "the city", "the country") and place is not None:
        name = resolve_anaphor(text, place, sentence) or name
    elif name == "own country" and place is not None:
        name = own_country(text, place, sentence)
    elif name == "the camp" and place is not None:
        name = named_camp(text, place)
    elif name in ("the city region", "the capital region") and place is not None:
        name = city_region(text, place)
    return About(name, reading.scope if reading else None, period, event_words(text, reading))


def _night_start(sentence: tuple[int, int], timexes: Sequence[Timex]) -> str | None:
    """ "on Saturday night" (``2025-05-24TNI``): the night starts that evening."""
    for t in timexes:
        if sentence[0] <= t.start and t.end <= sentence[1] and (t.value or "").endswith("TNI"):
            value = t.value or ""
            if len(value) >= 10 and value[:10].count("-") == 2:
                return value[:10]
    return None
