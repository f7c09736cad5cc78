"""The timexes component, and dating an undated article by its photo captions."""

from __future__ import annotations

import datetime as dt
import re

from storyline.analyze.registry import Context, component
from storyline.analyze.time_patterns import COMPILED
from storyline.analyze.timexes.extract import extract_timexes, extract_timexes_bounded
from storyline.analyze.timexes.normalise import parse_calendar
from storyline.analyze.timexes.tense import PAST
from storyline.analyze.timexes.values import YEAR_RE
from storyline.schema import Article

# Credits that mark a paragraph as a photo caption (its date is a photo date,
# hence on or before publication).
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:Photograph|Photo|Photos|Picture|Image|Illustration)s?\s*(?:by\b|:))"
    r"|\((?:AP|Reuters|AFP|EPA|Getty)[^)]*\)"
    r"|/\s*(?:Reuters|AP|AFP|EPA|Getty Images|Shutterstock)\b"
)


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_FULL_DATE = [pattern for name, pattern in COMPILED if name in ("iso_date", "md_date", "dm_date")]


def published_lower_bound(article: Article) -> dt.date | None:
    """The latest full date stated in a photo caption of the article (text or removed pieces).

    A caption's date is when the photograph was taken, so the article cannot
    be older; other dates in the text may lie in the future and bound nothing.
    """
    pieces = re.split(r"\n\s*\n", article.text) + list(article.removed)
    dates = []
    for piece in pieces:
        if not _CAPTION_CREDIT.search(piece):
            continue
        for pattern in _FULL_DATE:
            for m in pattern.finditer(piece):
                if not YEAR_RE.search(m.group(0)):
                    continue
                day = parse_calendar(m.group(0), None, PAST)
                if day is not None:
                    dates.append(day)
    return max(dates) if dates else None


@component("timexes")
def find_timexes(ctx: Context) -> None:
    """Fill ``timexes``; date an undated article by a caption's date as lower bound (``text``)."""
    article = ctx.findings.article
    anchor = _parse_published(article.published)
    if anchor is not None and article.published_basis == "text":
        # Set by an earlier run of this component: still only a lower bound.
        ctx.findings.timexes.extend(extract_timexes_bounded(ctx.doc, anchor, article.id))
        return
    if anchor is not None:
        ctx.findings.timexes.extend(extract_timexes(ctx.doc, anchor, article.id))
        return
    month = re.fullmatch(r"(\d{4})-(\d{2})", article.published or "")
    if month and 1 <= int(month.group(2)) <= 12:
        # Stated to the month only: keep what every day of that month agrees on.
        first = dt.date(int(month.group(1)), int(month.group(2)), 1)
        days = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - first
        ctx.findings.timexes.extend(
            extract_timexes_bounded(ctx.doc, first, article.id, window_days=days.days - 1)
        )
        return
    # A stated date we cannot read is kept as stated: only an article with
    # no date at all is dated from its text.
    lower = published_lower_bound(article) if not article.published else None
    if lower is None:
        ctx.findings.timexes.extend(extract_timexes(ctx.doc, None, article.id))
        return
    article.published = lower.isoformat()
    article.published_basis = "text"
    ctx.findings.timexes.extend(extract_timexes_bounded(ctx.doc, lower, article.id))
