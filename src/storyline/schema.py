"""The records storyline produces, and the export contract they make up.

This module owns the contract: every stage builds these records, the store
persists them, and the exporter writes them with exactly the fields listed in
``CONTRACT`` (in that order). ``docs/export.md`` and
``export/storyline.schema.json`` describe the same thing for users; a test
keeps the three in step.

Offsets (``start``/``end``) are character offsets into the article's clean
``text``; dates are ``YYYY-MM-DD`` (or a coarser ISO prefix where stated) or
``None``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

CONTRACT_VERSION = "4"
# Part of every article's content hash: bump it when analysis changes what an
# unchanged article yields, so re-ingesting it analyses it again.
# 4: who said what and figures resolved to their sources (issue 15); figures'
# place, scope, period and event (issue 13). 5: articles' publication moment
# (issue 17); also re-analyses stores that development builds analysed at 4
# before the three changes met. 6: statements' medium where the article names
# it, figures' counts of none and group sizes, speakers and claims of the
# 2026-12-07 sessions (issues 13, 15, 17): a store analysed at 5 holds
# findings this version no longer makes. 7: the 2026-12-07 evening session's figures
# (abduction counts) and speakers. 8: the 2026-12-07 night session's speakers, statements
# and media (issue 15), figures' measures and subjects, and the wire credits the claims
# stage reads (issue 13). 9: the late-night session's speakers (caps headlines, roles
# named later, long quotes, foreign posts), statements (rejected notions, restated
# attributions, an outlet's own reporting), the learned pass's caused acts and questions,
# and yearless dates long after the article read as the last one retold (issue 13).
# 10: the 2026-12-07/08 session's speakers (coordinated countries as "they" and "the
# governments", names listed around a misparse, joint sources written "A, B and C",
# titles the parser took for names, press services, relative pronouns, "the Russian
# leader", a possessor before a trailing name, no "he" named in its own words),
# statements (unsaid infinitives, records without an owner, a lead-in before a colon,
# "the post read", a clause run to its quotation's close) and media ("told ... daily").
# 11: the 2026-12-08 session's tokenizer ("X." ends a sentence), speakers (a country's
# office held that day, names NER glued or mislabelled, "joined ... to call", documents
# and data released by a body, "the police", the outlet that just reported, captions),
# statements (events take no position, "reportedly said"), media (an outlet's cited
# source) and figures' places carried from the casualty count before (issue 13).
ANALYSIS_VERSION = 11

# Where ``published`` came from, best first: a metadata field, a header line
# of a text file, the HTML page, the article's dateline, its URL, or (set by
# analysis) a date in its text that it cannot be older than.
PublishedBasis = Literal["metadata", "header", "html", "dateline", "url", "text"]
EntityType = Literal["person", "organization", "place", "other"]
TimexType = Literal["date", "time", "duration", "set"]
DisagreementKind = Literal["contradiction", "update", "corroboration"]
StatementKind = Literal["speech", "stance"]
# A claim: a quote (some appearance quotes the words), reported speech only,
# or a figure.
ClaimKind = Literal["quote", "reported", "figure"]
# How sure a claim's first appearance is (corpus.claims.lineage.certainty).
FirstCertainty = Literal["exact", "tied", "day", "undated"]
# How a statement's speaker (a figure's claimant) is known: ``named`` by a name
# the article gives; ``described`` as the article describes an unnamed source
# ("a senior US official", "officials"); ``unresolved``: a pronoun or role
# ("he", "the ministry") the analysis could not tie to a source, so the name
# is null rather than the pronoun.
SourceStatus = Literal["named", "described", "unresolved"]
# What stretch of time a figure counts: one incident ("12 killed in the attack"),
# a period ("19 killed overnight", "82 in the past 24 hours"), or a running total
# ("3,509 killed since March 18").
FigureScope = Literal["incident", "period", "cumulative"]


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``, so re-runs give the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


@dataclass
class RawDocument:
    """What a reader found in one input before cleaning.

    ``text`` is plain text (for ``.txt``/``.md`` and JSONL bodies) and
    ``html`` the page markup (for HTML and WARC); a reader sets one of them.
    ``meta`` carries metadata the container itself stated (JSONL fields,
    front matter, WARC headers), keyed ``title``, ``url``, ``published``,
    ``outlet``, ``author``, ``language``.
    """

    source: str
    key: str
    text: str | None = None
    html: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    fmt: str = "text"


@dataclass
class Skip:
    """An input that could not be ingested, and why (shown by ``stats``)."""

    source: str
    reason: str


class Removal(str):
    """A piece of text that cleaning took out, and why (``reason``: the rule's name, or
    the learned outlet furniture it matched). A ``str``, so code that reads removed text
    (a caption's date, the UI) reads it as it is."""

    reason: str

    def __new__(cls, text: str, reason: str = "") -> Removal:
        piece = super().__new__(cls, text)
        piece.reason = reason
        return piece

    def __reduce__(self) -> tuple[type[Removal], tuple[str, str]]:
        return Removal, (str(self), self.reason)

    def __deepcopy__(self, memo: object) -> Removal:
        return self


@dataclass
class Article:
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    published_basis: PublishedBasis | None
    language: str | None
    text: str
    url: str | None = None
    # The publication moment in UTC (``2025-05-21T12:07:03Z``) when the
    # source states a time with its zone (contract 4): orders the articles
    # of one day, e.g. a claim's first appearance.
    published_at: str | None = None
    author: str | None = None
    story: str | None = None
    duplicate_of: str | None = None
    # Not exported: what cleaning removed (shown on demand in the UI), the
    # digest that makes re-ingest incremental (of the text before learned
    # furniture is removed, so an unchanged input stays unchanged), and the
    # outlet family whose learned furniture applies (storyline.outlets.site).
    removed: list[Removal] = field(default_factory=list)
    content_hash: str = ""
    family: str | None = None


@dataclass
class Mention:
    """One named-entity mention in one article (before cross-article merging)."""

    article_id: str
    text: str
    type: EntityType
    start: int
    end: int
    entity_id: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    mentions: list[dict[str, Any]]


@dataclass
class Statement:
    id: str
    article_id: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    text: str
    direct: bool
    medium: str | None
    date: str | None
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # "speech": words said (quotes, speech verbs, "according to", a colon or
    # dash signature); "stance": a position or act attributed without words
    # ("called for a ceasefire", "wants a deal"). None: analysed before
    # contract 2.
    kind: StatementKind | None = "speech"
    # How ``speaker`` is known (contract 4); None: no speaker at all, or
    # analysed before contract 4.
    speaker_status: SourceStatus | None = None
    # The claim (corpus.claims) when the same words appear in another article
    # too; None when they appear in this article only (contract 4).
    claim_id: str | None = None


@dataclass
class Figure:
    id: str
    article_id: str
    text: str
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    measure: str | None
    subject: str | None
    per: str | None
    claimant: str | None
    claimant_entity: str | None
    statement_id: str | None
    as_of: str | None
    start: int
    end: int
    # How ``claimant`` is known (contract 4); None when the reporter states
    # the number (``claimant`` null too), or analysed before contract 4.
    claimant_status: SourceStatus | None = None
    # What the figure is about (contract 4), read from its sentence: where it
    # happened, the stretch of time it counts, and the event or named series it
    # belongs to; ``series_id`` is set by the corpus stage. None: not stated,
    # or analysed before contract 4.
    place: str | None = None
    scope: FigureScope | None = None
    period: str | None = None
    event: str | None = None
    series_id: str | None = None
    # The claim (corpus.claims) when the same claimant's same figure appears
    # in another article too (contract 4).
    claim_id: str | None = None


@dataclass
class Timex:
    id: str
    article_id: str
    text: str
    start: int
    end: int
    type: TimexType
    value: str | None


@dataclass
class Story:
    id: str
    label: str
    article_ids: list[str]
    start: str | None
    end: str | None


@dataclass
class Series:
    """One quantity (what is counted, of one event or named series, over one stretch of
    time) and every figure that claims a value for it, across articles."""

    id: str
    label: str
    measure: str | None
    subject: str | None
    place: str | None
    scope: FigureScope | None
    period: str | None
    event: str | None
    figure_ids: list[str]
    # One list per independent source: a copy, a repost, a translation, another
    # edition of one outlet, or one claimant's figure carried again is one source.
    sources: list[list[str]]


@dataclass
class Disagreement:
    id: str
    kind: DisagreementKind
    topic: str
    figure_ids: list[str]
    reason: str | None = None
    series_id: str | None = None
    # The figures on each side of the relation: two figures are related when they
    # are on different sides (one side is one source, value or date).
    sides: list[list[str]] = field(default_factory=list)


@dataclass
class Claim:
    """One statement or figure carried by several articles: its lineage."""

    id: str
    kind: ClaimKind
    text: str
    speaker: str | None
    first_article_id: str
    first_published: str | None
    first_certainty: FirstCertainty
    article_ids: list[str]
    outlets: list[str]
    independent_sources: int
    variants: list[dict[str, Any]]
    appearances: list[dict[str, Any]]


@dataclass
class Findings:
    """Everything the per-article stage found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)


# The export contract: list name -> (record type, exported fields in order).
CONTRACT: dict[str, tuple[type, tuple[str, ...]]] = {
    "articles": (
        Article,
        (
            "id",
            "source",
            "title",
            "outlet",
            "published",
            "published_basis",
            "published_at",
            "language",
            "url",
            "author",
            "text",
            "story",
            "duplicate_of",
        ),
    ),
    "entities": (Entity, tuple(f.name for f in fields(Entity))),
    "statements": (Statement, tuple(f.name for f in fields(Statement))),
    "figures": (Figure, tuple(f.name for f in fields(Figure))),
    "timexes": (Timex, tuple(f.name for f in fields(Timex))),
    "stories": (Story, tuple(f.name for f in fields(Story))),
    "series": (Series, tuple(f.name for f in fields(Series))),
    "disagreements": (Disagreement, tuple(f.name for f in fields(Disagreement))),
    "claims": (Claim, tuple(f.name for f in fields(Claim))),
}


def to_record(name: str, obj: Any) -> dict[str, Any]:
    """The exported form of a record: exactly the contract's fields, in order."""
    data = asdict(obj) if not isinstance(obj, dict) else obj
    return {key: data.get(key) for key in CONTRACT[name][1]}
