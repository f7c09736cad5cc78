"""What every pass reads (``ArticleView``) and what it finds (``Found``)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from storyline.analyze.cue_model import features, load_cue_model
from storyline.analyze.registry import Context
from storyline.analyze.statements.people import person_mentions
from storyline.analyze.statements.quotes import Quote, paragraphs, scan_quotes
from storyline.schema import SourceStatus

if TYPE_CHECKING:
    from storyline.analyze.statements.speakers import Sources


class ArticleView:
    """An article as the statement passes read it: text, paragraphs, quotes, people.

    Built fresh for every article (the component stays pure). The cue model's
    features and probability are computed once per token and shared by the
    passes and the gate; ``said`` grows as speakers are resolved, for the
    pronouns that follow.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.text: str = ctx.article.text
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.quotes = scan_quotes(self.text)
        self.quote_opens = [q.open for q in self.quotes]
        self.persons = person_mentions(self.doc, self.in_quote)
        self._sources: Sources | None = None
        self._cue_prob: dict[int, float] = {}
        self._cue_feats: dict[int, list[str]] = {}

    @property
    def sources(self) -> Sources:
        """Who the article's pronouns and roles can mean (built on first use)."""
        if self._sources is None:
            from storyline.analyze.statements.speakers import Sources

            self._sources = Sources(
                self.doc, self.in_quote, self.persons, self.ctx.article.published
            )
        return self._sources

    def cue_features(self, tok: Token) -> list[str]:
        """``cue_model.features(tok)``, computed once (the model and the gate share them)."""
        feats = self._cue_feats.get(tok.i)
        if feats is None:
            feats = self._cue_feats[tok.i] = features(tok)
        return feats

    def cue_probability(self, tok: Token) -> float:
        """The cue model's probability for ``tok`` (0 without a model), computed once."""
        p = self._cue_prob.get(tok.i)
        if p is None:
            model = load_cue_model()
            p = model.probability(tok, self.cue_features(tok)) if model is not None else 0.0
            self._cue_prob[tok.i] = p
        return p

    def para_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.paras[i]

    def quote_at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose ``pos`` (opening mark included)."""
        i = bisect.bisect_right(self.quote_opens, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            qend = q.close if q.close is not None else q.end
            if q.open <= pos < qend:
                return q
            if qend <= pos and i < len(self.quotes) - 1:
                break
            i -= 1
        return None

    def in_quote(self, pos: int) -> bool:
        q = self.quote_at(pos)
        return q is not None and q.start <= pos


@dataclass
class Found:
    """An attribution a pass found, before it becomes a ``Statement``.

    Offsets are characters in the article text; ``speaker`` is set when the pass
    named it already (a signature, a ``NAME:`` paragraph), else resolved from ``subj``.
    """

    cue: Token | None
    cue_span: tuple[int, int] | None
    subj: Token | None
    speaker: str | None
    is_person: bool
    content: tuple[int, int]
    direct: bool
    inherit: Found | None = None  # a continued quote takes this statement's speaker
    speaker_span: tuple[int, int] | None = None  # when not the subject's phrase
    status: SourceStatus | None = None  # how ``speaker`` is known, once resolved
    # A quote split around its cue: both parts, when ``content`` spans them.
    parts: list[tuple[int, int]] | None = None
    relay: str | None = None  # the outlet that relayed it ("..., RT reported")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
