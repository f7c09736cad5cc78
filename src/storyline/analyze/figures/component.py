"""The figures component: the numbers found, minus the exclusions, with their syntax."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.about import describe_figures
from storyline.analyze.figures.as_of import figure_as_of, statement_for
from storyline.analyze.figures.atoms import QUAL_BEFORE_RE, Quantity
from storyline.analyze.figures.exclusions import is_excluded
from storyline.analyze.figures.grammar import scan
from storyline.analyze.figures.syntax import (
    age_subject,
    apposition_age,
    claimant_token,
    counted_noun,
    counts_after,
    event_verb,
    find_measure,
    find_per,
    fraction_whole,
    measure_of,
    number_head,
    part_measure,
    span_tokens,
    subject_text,
    subject_text_excluding_head,
    unit_subject,
)
from storyline.analyze.figures.units import MAJOR_CURRENCIES
from storyline.analyze.registry import Context, component
from storyline.analyze.statements.speakers import Sources
from storyline.schema import Figure, SourceStatus, Statement, Timex, stable_id


def extract_figures(
    article_id: str,
    text: str,
    doc: Doc,
    statements: Sequence[Statement] = (),
    timexes: Sequence[Timex] = (),
    published: str | None = None,
    sources: Sources | None = None,
) -> list[Figure]:
    """All figures in one parsed article (pure: the same inputs give the same list);
    ``sources`` resolves claimants (the statements component's, else made here)."""
    quantities = _figure_quantities(text, list(doc), timexes)
    _share_units(text, quantities)
    figures: list[Figure] = []
    sent_dates: dict[int, str] = {}
    carried = _Carried()
    claimants = _Claimants(doc, sources)
    for q in quantities:
        measure, subject, per, source = _syntax_of(text, q, doc, carried)
        statement = statement_for(q.start, q.end, statements)
        statement_id = statement.id if statement is not None else None
        claimant, status = claimants.of(statement, source)
        as_of = figure_as_of(q, doc, timexes, statement, published, sent_dates)
        figures.append(
            Figure(
                id=stable_id("fg", article_id, q.start, q.end),
                article_id=article_id,
                text=text[q.start : q.end],
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                unit=q.unit,
                measure=measure,
                subject=subject,
                per=per,
                claimant=claimant,
                claimant_entity=None,
                statement_id=statement_id,
                as_of=as_of,
                start=q.start,
                end=q.end,
                claimant_status=status,
            )
        )
    _index_points(text, figures, doc)
    describe_figures(text, doc, figures, timexes, published)
    return figures


class _Claimants:
    """Who states each figure: the speaker of the statement that carries it, else the
    source its sentence names, resolved as speakers are (a pronoun or role to the
    source the article names); nobody when the reporter states it."""

    def __init__(self, doc: Doc, sources: Sources | None = None) -> None:
        self.doc = doc
        self._sources = sources

    def of(
        self, statement: Statement | None, source: Token | None
    ) -> tuple[str | None, SourceStatus | None]:
        if statement is not None and (statement.speaker or statement.speaker_status):
            return statement.speaker, statement.speaker_status
        if source is None:
            return None, None
        if self._sources is None:
            self._sources = Sources.of(self.doc)
        found = self._sources.resolve(source)
        return found.name, found.status


@dataclass
class _Carried:
    """What earlier figures of a sentence leave to a later one that does not say it:
    "43,000 soldiers ... killed and 370,000 wounded" (the subject), "700,000 dead ...
    and 800,000, maybe more" (the measure)."""

    subject: tuple[int, int, str] | None = None  # (sentence start, end char, subject)
    measure: tuple[int, int, str] | None = None  # (sentence start, end char, measure)


def _figure_quantities(
    text: str, tokens: Sequence[Token], timexes: Sequence[Timex]
) -> list[Quantity]:
    """The numbers in ``text`` that are figures: not excluded, not in a date or clock time."""
    blocked = [
        (t.start, t.end) for t in timexes if t.type in ("date", "time")
    ]  # dates and clock times
    quantities = []
    for q in scan(text):
        if is_excluded(text, q, tokens):
            continue
        if any(s < q.end and q.start < e for s, e in blocked):
            continue
        quantities.append(q)
    return quantities


def _syntax_of(
    text: str, q: Quantity, doc: Doc, carried: _Carried
) -> tuple[str | None, str | None, str | None, Token | None]:
    """(measure, subject, rate period, claimant) of one figure from the parse.

    The parse may also correct the quantity: a glued "m" before a plural
    counts millions, a bare number set off by commas after a name is an age.
    """
    prev_end = carried.subject[1] if carried.subject is not None else 0
    span = span_tokens(doc, q.start, q.end)
    measure = subject = per = claimant = None
    if span is None or not len(span):
        return measure, subject, per, claimant
    num = number_head(span)
    if q.unit == "metre" and text[q.end - 2 : q.end - 1].isdigit() and counts_after(span):
        q.low, q.high, q.unit = q.low * 1e6, q.high * 1e6, None  # "2.7m new subscribers"
    noun = counted_noun(num, span)
    measure, used = find_measure(num, span, noun)
    if not q.age and apposition_age(text, q, num):
        q.unit, q.age = "year", True  # "Petro Pochynok, 34, from north London"
    if q.age:
        measure = "age"
        subject = age_subject(span)
    elif q.unit is None or q.unit == "fraction":
        if (
            noun is not None
            and measure_of(noun) is not None
            and noun.i >= span.end
            and noun.lemma_.lower() not in lex.STATUS_NOUNS  # "307 prisoners": what is counted
        ):
            subject = subject_text_excluding_head(noun, span, used)
        elif noun is not None:
            subject = subject_text(noun, span, used)
        if subject is None and q.unit == "fraction":
            subject = fraction_whole(span)
        if (
            subject is None
            and (measure is not None or (noun is None and _coordinated(text[prev_end : q.start])))
            and carried.subject is not None
            and carried.subject[0] == num.sent.start
            and q.start - carried.subject[1] < 80
            and not _new_clause(doc, carried.subject[1], q.start, carried.subject[2])
        ):
            # "43,000 soldiers ... killed and 370,000 wounded",
            # "435 homes by open sale and 187 by tender"
            subject = carried.subject[2]
    else:
        subject = unit_subject(num, span)
    if (
        measure is None
        and q.unit is None
        and carried.measure is not None
        and carried.measure[0] == num.sent.start
        and re.search(r"\band\b|,", text[carried.measure[1] : q.start])
        and q.start - carried.measure[1] < 60
        and _PARTITIVE.match(text, q.end) is None
        and not re.search(r"\d", text[carried.measure[1] : q.start])  # no figure between
    ):
        measure = carried.measure[2]  # "700,000 dead ... and 800,000, maybe more"
    if measure is not None and q.unit is None:
        carried.measure = (num.sent.start, q.end, measure)
    if q.unit in lex.TIME_UNITS and not q.age:
        measure = None  # a duration is not a count of casualties or arrests
    per = find_per(span, noun if q.unit is None else None)
    if measure is None and not q.age:
        part, measure = part_measure(num, noun)
        if not part:
            measure = event_verb(num, noun)
    claimant = claimant_token(num)
    if claimant is not None and claimant.left_edge.i <= num.i <= claimant.right_edge.i:
        claimant = None  # a misparse made the figure its own source
    if subject is not None and q.unit is None:
        carried.subject = (num.sent.start, q.end, subject)
    return measure, subject, per, claimant


# A part of the count before, with its own verb: "took 251 hostages, 57 of whom remain"
# (the 57 were not taken: they remain).
_PARTITIVE = re.compile(r"\s+of\s+(?:whom|which|them|those|these)\b", re.IGNORECASE)


def _new_clause(doc: Doc, start: int, end: int, subject: str) -> bool:
    """A speaker or name as the subject of a clause between two figures starts a clause
    about something else: "lost 45,100 soldiers killed, and he estimated Russian losses at
    300,000 killed" (the second figure counts Russian losses, not the first one's
    soldiers); the first figure's own noun ("43,000 soldiers were killed and 370,000
    wounded") is no new subject."""
    between = doc.char_span(start, end, alignment_mode="expand")
    own = set(subject.split())
    return between is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PRON", "PROPN") and t.text not in own
        for t in between
    )


_COORDINATED_RE = re.compile(
    r"(?:\b(?:and|or|while|but|versus|vs\.?|than|including|(?:up|down|rising|falling|fell|rose)\s+from|"
    r"compared\s+(?:with|to)|against)|,)\s*$",
    re.IGNORECASE,
)


def _coordinated(between: str) -> bool:
    """The text between two figures ends in a coordination or a comparison (and a
    qualifier): "435 homes by open sale and 187 by tender", "68400 people ... and
    about 95800", "3.9 million headsets, up from 2.4 million", "500 cars, compared
    with 320": the second counts what the first counts."""
    qm = QUAL_BEFORE_RE.search(between)
    if qm is not None:
        between = between[: qm.start()]
    return _COORDINATED_RE.search(between) is not None


def _index_points(text: str, figures: list[Figure], doc: Doc) -> None:
    """ "1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18": a market
    report gives index levels in points; a bare level beside a figure in points
    is in points too. Small whole numbers stay counts."""
    point_sents = set()
    for f in figures:
        if f.unit == "point":
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is not None:
                point_sents.add(span[0].sent.start)
    if not point_sents:
        return
    for f in figures:
        if f.unit is not None or f.subject is not None or f.low != f.high:
            continue
        if f.low is None or (float(f.low).is_integer() and f.low < 100):
            continue
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and span[0].sent.start in point_sents:
            f.unit = "point"


def _share_units(text: str, quantities: list[Quantity]) -> None:
    """ "eight or nine euros", "rose from 13.5 to 14.0 mm": the unit of the second
    number belongs to the first too (a change is two figures, both in millimetres)."""
    for first, second in itertools.pairwise(quantities):
        between = text[first.end : second.start]
        from_to = re.fullmatch(r"\s*to\s*", between) is not None and re.search(
            r"\bfrom\s+$", text[max(0, first.start - 6) : first.start], re.IGNORECASE
        )
        if (
            first.unit is None
            and second.unit is not None
            and first.kind in ("digits", "words")
            # "7- or 8-inch" (a suspended hyphen), "280 million of the 1.5 billion shekels"
            and (
                re.fullmatch(r"-?\s*(?:or|and)\s*", between)
                or (
                    between.strip() == ","
                    and ("," in text[first.start : first.end])
                    == ("," in text[second.start : second.end])
                )
                or from_to
                or (
                    second.unit in MAJOR_CURRENCIES
                    and re.fullmatch(r"\s+of\s+(?:the|its|their|his|her)\s+", between)
                )
            )
            and second.unit not in ("fraction",)
            and not second.age
        ):
            first.unit = second.unit
        elif (
            first.unit is not None
            and second.unit is None
            and second.kind == "digits"
            and not first.age
            and first.unit not in ("fraction", "times")
            and re.fullmatch(r"(?:\s+[a-z]+)?\s+to\s+", between)
            and re.search(r"\bfrom\s+(?:about\s+)?$", text[max(0, first.start - 12) : first.start])
        ):  # "dropping from 208 pounds to 193", "from 21 mpg combined to 23": the new
            # value is in the old one's unit
            second.unit = first.unit


@component("figures")
def find_figures(ctx: Context) -> None:
    """Append the article's figures, linked to statements and dated by timexes found earlier."""
    ctx.findings.figures.extend(
        extract_figures(
            ctx.article.id,
            ctx.article.text,
            ctx.doc,
            statements=ctx.findings.statements,
            timexes=ctx.findings.timexes,
            published=ctx.article.published,
            sources=next(iter(ctx.held.get("sources", [])), None),
        )
    )
