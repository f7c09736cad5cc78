"""Temporal expressions: find them, and normalise them TimeML-style against the article date.

Extraction takes our own surface patterns (``time_patterns``) first and
spaCy's DATE/TIME entities where the patterns found nothing; normalisation is
rule-based because TimeML values carry granularity (``2025-01``,
``2025-W07``), durations (``P3Y``), sets and reference points
(``PRESENT_REF``) that no date parser returns. dateparser resolves explicit
calendar dates (``28 February``, ``Oct. 23, 1999``) against the anchor; it
is only ever given the expression we found, never running text.

Values. ``Timex.value`` is TimeML: ``2025-02-04`` (a day), ``2025-02-04TEV``
(Tuesday evening: the day plus TimeML's part-of-day code), ``2025-01``,
``2025-W07``, ``2024-SU``, ``P3Y``, ``PXM`` (some months), ``PRESENT_REF``.
Consumers that need a contract date (``YYYY-MM-DD``) use :func:`date_of`,
which keeps the calendar day and drops the time of day or part of day; the
statement's date of "said on Tuesday evening" is therefore ``2025-02-04``.
Relative expressions get ``None`` when there is no anchor: we never guess.
Event-anchored phrases ("since the beginning of the full-scale invasion")
are not timexes: the date they point to is world knowledge, not in the text.

Modules: ``extract`` finds the spans (``time_patterns``, then spaCy),
``normalise`` holds one normaliser per pattern kind (a table, each with an
example), ``values`` the calendar arithmetic, ``tense`` the clause's
direction, ``component`` the component and the caption bound.

Anchor. The article's ``published`` date. A date stated only to the month
(``2024-12``) anchors every value that all days of that month agree on. An
article with no date at all may be dated by its text: the latest full date on
a photograph's caption bounds publication from below (a photo is taken
before it is published); ``published`` is set to it with
``published_basis = "text"`` and only values that every publication day in
the following week agrees on are kept (see :func:`extract_timexes_bounded`).
"""

from storyline.analyze.timexes.component import find_timexes, published_lower_bound
from storyline.analyze.timexes.extract import (
    PUBLICATION_WINDOW_DAYS,
    extract_timexes,
    extract_timexes_bounded,
    find_spans,
)
from storyline.analyze.timexes.normalise import normalise
from storyline.analyze.timexes.values import date_of

__all__ = [
    "PUBLICATION_WINDOW_DAYS",
    "date_of",
    "extract_timexes",
    "extract_timexes_bounded",
    "find_spans",
    "find_timexes",
    "normalise",
    "published_lower_bound",
]
