"""Which claims of a series are independent sources, and which are one source carried again.

A source is one origin of a figure: a named claimant (the interior minister,
the Russian Defence Ministry), or an outlet reporting on its own account or
from unnamed officials. Two claims are one source when:

- they name the same claimant (two outlets both quoting the minister's 12:
  a repeat, not a corroboration);
- they come from one outlet family (BBC's pages, DW's dw / dw-eu editions);
- one article is a near-duplicate or translation of the other and carries
  the same figure from the same claimant;
- they count weapons launched or shot down: one military counts those, and
  whoever gives the number passes its count on.

Everything that decides independence is in ``same_source_keys``; outlet
families are the lineage work's (``storyline.outlets.family``: bbc.com and
bbc.co.uk are one, so are the dw feeds; ``claims_from_rows`` sets them), so the
two count sources alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.corpus.quantity import fold, measure_key, source_name_key, thing_key
from storyline.corpus.series import Claim

__all__ = ["origin", "same_source_keys", "sources"]


def same_source_keys(claim: Claim) -> list[str]:
    """Keys two claims of one source share: the claim itself as its article's copies carry
    it, its named claimant, and its outlet family (one outlet's pages are one source, as
    the lineage work counts them, whoever they quote)."""
    root = claim.copy_of or claim.article_id
    keys = [f"copy:{root}:{claim.claimant or ''}:{claim.low}:{claim.high}", *claim.source_keys]
    if claim.family:
        keys.append(f"family:{claim.family}")
    counted = (measure_key(claim.measure), thing_key(claim.subject))
    if counted[0] in ONE_COUNTER_MEASURES and counted[1] in ONE_COUNTER_THINGS:
        keys.append(f"counter:{counted[0]}:{counted[1]}")
    return keys


# Weapons launched or shot down in a night's attack are counted by one military (Ukraine's
# air force, Russia's defence ministry) and everyone else passes its count on: the
# president, "officials", the outlets. Two articles giving one such count are one source
# carried twice, not two sources agreeing.
ONE_COUNTER_MEASURES = frozenset({"launched", "shot down"})
ONE_COUNTER_THINGS = frozenset({"drones", "missiles"})


# Words of a "claimant" that make it an earlier count, not a source: "Earlier death tolls
# given separately by regional authorities had put the number of dead at 13"; "officials
# initially reported four". A superseded figure confirms nothing.
SUPERSEDED = re.compile(r"\b(?:earlier|initial(?:ly)?|previous(?:ly)?)\b")


# A claimant read from the wrong words is no source: "its information", "14,000", a clause
# of twenty words.
NOT_A_SOURCE = re.compile(r"^(?:its|his|her|their|our)\b|\d", re.IGNORECASE)
LONGEST_SOURCE = 10  # words


def _not_a_source(claimant: str) -> bool:
    return NOT_A_SOURCE.search(claimant) is not None or len(claimant.split()) > LONGEST_SOURCE


def origin(claim: Claim) -> str | None:
    """Who the figure comes from, when the article says so specifically enough to tell two
    sources apart: the claimant's entity, a name ("Ihor Klymenko", "Russia's Defence
    Ministry") or a description of two words or more ("the emergency service", "hospital
    directors"). None for a figure the outlet gives unattributed (a toll an outlet states
    is most often an official toll relayed: it cannot show a second source), for one
    attributed to "officials" or "the ministry" (who may be the other claimant), and for an
    earlier count the article reports as superseded."""
    if (
        not claim.claimant
        or SUPERSEDED.search(fold(claim.claimant))
        or _not_a_source(claim.claimant)
    ):
        return None
    if claim.claimant_entity:
        return f"entity:{claim.claimant_entity}"
    name = source_name_key(claim.claimant)
    if name is None or (" " not in name and not claim.named):
        return None
    return f"name:{name}"


def sources(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The claims grouped by independent source (claims sharing any key are one source),
    each group in the order given, groups by their first claim."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, claim in enumerate(claims):
        for key in same_source_keys(claim):
            if key in first:
                a, b = find(first[key]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first[key] = i
    grouped: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        grouped.setdefault(find(i), []).append(claim)
    return [grouped[k] for k in sorted(grouped)]
