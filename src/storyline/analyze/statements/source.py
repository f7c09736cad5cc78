"""What the speaker resolution hands back, and the knobs it turns.

``Source`` is a resolved source as a reader sees it; ``Spoken`` a source that
spoke, a candidate for a later pronoun; the numbers below weigh the candidates
(``speakers.Sources``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from storyline.analyze.source_lexicon import THING_PRONOUNS
from storyline.analyze.statements.people import tidy_name
from storyline.schema import SourceStatus


@dataclass(frozen=True)
class Source:
    """A resolved source: the name a reader sees, how it is known, and whether it is a person."""

    name: str | None
    status: SourceStatus | None
    is_person: bool = False
    plural: bool = False

    @classmethod
    def named(cls, name: str, is_person: bool = False, plural: bool = False) -> Source:
        tidy = tidy_name(name)
        return UNRESOLVED if tidy is None else cls(tidy, "named", is_person, plural)

    @classmethod
    def described(cls, name: str, is_person: bool = False, plural: bool = False) -> Source:
        tidy = tidy_name(name)
        return UNRESOLVED if tidy is None else cls(tidy, "described", is_person, plural)


UNRESOLVED = Source(None, "unresolved")


@dataclass(frozen=True)
class Spoken:
    """A source that spoke (a resolved statement), as a candidate for a later pronoun."""

    char: int
    sent: int
    source: Source
    key: str
    speech: bool = True  # words said, not a stance ("wants to focus on subsidies")
    reported: bool = False  # its cue was "reported": an outlet's report


def speaker_agrees(low: str, gender: str | None, s: Spoken, genders: Mapping[str, str]) -> bool:
    """Whether a source that spoke can be what pronoun ``low`` stands for."""
    src = s.source
    if gender is not None:
        g = genders.get(s.key)
        return src.is_person and not src.plural and (g is None or g == gender)
    if low in THING_PRONOUNS:
        return not src.is_person and not src.plural
    return src.plural or not src.is_person


# Words inside a title before a name: "Member of the European Parliament Fernand
# Kartheiser", "US Special Envoy to Ukraine Keith Kellogg", "Secretary for Health X".
TITLE_LINKS = frozenset({"of", "to", "for", "on", "at"})

# Titles one calls someone already introduced by, with the surname alone ("Dr Rose").
COURTESY_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."})

# What a "he"/"she" subject adds to its score as the antecedent of the next one.
CHAIN_BONUS = 1

# What a candidate known to be of a "he"/"she"'s gender adds over one of unknown gender.
KNOWN_GENDER_BONUS = 0.5

# What a source that spoke adds as the antecedent of a pronoun that speaks ("The Forum
# said ... Before the release of Edan Alexander, ... '...,' he said": Netanyahu, who spoke,
# not the man named in passing a sentence nearer).
SPOKE_BONUS = 5

# How many candidates a pronoun tries, best first, when the best resolves to a person of
# the other gender.
PRONOUN_TRIES = 3
# The prepositions a document is the vehicle of a clause's words by: "*In* a statement,
# the lawmakers referred to ...", "said *through* a spokesman's post".
VEHICLE_PREPS = frozenset({"in", "through", "via"})
