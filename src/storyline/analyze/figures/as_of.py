"""The date a figure stands as of, and the statement that carries it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from storyline.analyze.figures.atoms import Quantity
from storyline.analyze.timexes.values import timex_date
from storyline.schema import Statement, Timex

# "since then" opens a period at the earlier date: the figure counts to now, not then.
_ANAPHORIC_TIME = re.compile(
    r"\b(?:at the time|at that time|(?<!since )then|by then)\b", re.IGNORECASE
)


# "The day before, he reported that 19 drones had been shot down": the figure stands as of
# the day before the one the article speaks of ("the day before the vote" is another day's).
_DAY_BEFORE = re.compile(
    r"\b(?:the day before(?=\s*[,;])|the previous day|a day earlier|the day earlier)\b",
    re.IGNORECASE,
)


def _day_before(day: str | None) -> str | None:
    """The day before ``day`` (a full date); None when ``day`` is not one."""
    try:
        return (date.fromisoformat((day or "")[:10]) - timedelta(days=1)).isoformat()
    except ValueError:
        return None


def statement_for(
    figure_start: int, figure_end: int, statements: Sequence[Statement]
) -> Statement | None:
    inside = [s for s in statements if s.start <= figure_start and figure_end <= s.end]
    if not inside:
        return None
    return min(inside, key=lambda s: (s.end - s.start, s.start))


def figure_as_of(
    q: Quantity,
    doc: Doc,
    timexes: Sequence[Timex],
    statement: Statement | None,
    published: str | None,
    sent_dates: dict[int, str],
) -> str | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is not None:
        sent = span[0].sent
        s_start, s_end = sent.start_char, sent.end_char
        dated = [
            (t, d)
            for t in timexes
            if s_start <= t.start
            and t.end <= s_end
            and (d := timex_date(t)) is not None
            and not _background(doc, t, span)
        ]
        before = [x for x in dated if x[0].end <= q.start]
        after = [x for x in dated if x[0].start >= q.end]
        if before:
            date = max(before, key=lambda x: x[0].end)[1]
            sent_dates[s_start] = date
            return date
        if after:
            date = min(after, key=lambda x: x[0].start)[1]
            sent_dates[s_start] = date
            return date
        if _DAY_BEFORE.search(doc.text[s_start : q.start]):
            day = statement.date if statement is not None and statement.date else published
            return _day_before(day) or day
        if _ANAPHORIC_TIME.search(sent.text) and sent.start > 0:
            prev = doc[sent.start - 1].sent
            prev_dates = [
                d
                for t in timexes
                if prev.start_char <= t.start
                and t.end <= prev.end_char
                and (d := timex_date(t)) is not None
            ]
            if prev_dates:
                return prev_dates[0]
    if statement is not None and statement.date:
        return statement.date
    return published


# Prepositions that put a date in the background of a figure rather than give
# its time: "since February 2022" (a period's start), "ahead of February's
# election", "before", "after", "until".
_BACKGROUND_PREPS = frozenset({"since", "ahead", "before", "after", "until", "till", "prior"})


def _background(doc: Doc, timex: Timex, figure: Span) -> bool:
    """A date in the sentence that is not the figure's own time: it modifies
    another noun ("the invasion in February 2022", "February's election") or
    opens a period ("since 2022", "ahead of the vote in May")."""
    tspan = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if tspan is None:
        return False
    cur = tspan.root
    own = {t.i for t in figure} | {t.head.i for t in figure}
    for _ in range(6):
        if cur.lower_ in _BACKGROUND_PREPS:
            return True
        head = cur.head
        if head.pos_ in ("VERB", "AUX") and head.i not in own and head.i != cur.i:
            # "since the war started in February 2022": the clause the date is in opens
            # a period ("largest attack since ..."), it is not the figure's time.
            return any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_PREPS for c in head.children)
        if head.i == cur.i or head.pos_ in ("VERB", "AUX") or head.i in own:
            return False
        modifies = head.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("poss", "compound", "pobj")
        if modifies and not any(t.i in own for t in head.subtree):
            return True  # "the invasion [in February 2022]", "[February's] election"
        cur = head
    return False
