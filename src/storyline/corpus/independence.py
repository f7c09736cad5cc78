"""Which claims of a series are independent sources, and which are one source carried again.

A source is one origin of a figure: a named claimant (the interior minister,
the Russian Defence Ministry) or a body the article describes without a name
(the emergency service, hospital directors), never a description that could be
anyone ("officials", "two US officials", "state media"; ``origin``). An
outlet's unattributed figure is no origin: it is most often an official count
relayed. Two claims are one source when:

- they name the same claimant (two outlets both quoting the minister's 12:
  a repeat, not a corroboration), by its initials too (MSF, Médecins Sans
  Frontières);
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.corpus.claims.speakers import initials, initials_meet
from storyline.corpus.quantity import ANYONE, fold, measure_key, source_name_key, thing_key
from storyline.corpus.series import Claim

__all__ = ["NO_ORIGIN", "attributed", "origin", "same_source_keys", "sources"]


def same_source_keys(claim: Claim) -> list[str]:
    """Keys two claims of one source share: the claim itself as its article's copies carry
    it, its named claimant, and its outlet family (one outlet's pages are one source, as
    the lineage work counts them, whoever they quote)."""
    root = claim.copy_of or claim.article_id
    keys = [f"copy:{root}:{claim.claimant or ''}:{claim.low}:{claim.high}", *claim.source_keys]
    if claim.family:
        keys.append(f"family:{claim.family}")
    counted = (measure_key(claim.measure) or claim.joined_measure, thing_key(claim.subject))
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


def attributed(claim: Claim) -> bool:
    """The article says who gives the figure, and not as an earlier, superseded count."""
    return claim.claimant is not None and SUPERSEDED.search(fold(claim.claimant)) is None


# The head noun of a description that could be anyone, however qualified: "two officials",
# "US officials", "Moscow state media", "sources close to the matter", "trading data".
# ANYONE's words, less those that end an outlet's name ("Kan 11 news", "the Xinhua news
# agency"), and the nouns of what was published rather than who published it.
# A government is one body ("the British government"), not anyone.
DESCRIBED_HEADS = (ANYONE - {"news", "agency", "government"}) | {
    "data", "figures", "information", "estimates", "estimate", "footage", "images",
    "video", "videos", "documents", "reporters", "journalists",
}  # fmt: skip
# Head nouns of a body or office that a description identifies without a name: "the
# emergency service", "hospital directors", "the regional governor", "the city council".
BODY_HEADS = frozenset(
    {"service", "services", "ministry", "authority", "government", "directors", "director",
     "police", "administration", "governor", "mayor", "army", "force", "forces", "command",
     "office", "council", "committee",
     "hospital", "prosecutor", "prosecutors", "court", "spokesman", "spokeswoman",
     "spokesperson", "commissioner", "commander", "chief", "minister", "department", "staff",
     "guard", "brigade", "military", "president"}
)  # fmt: skip
# What follows a description's head noun: "sources close to the matter", "officials
# familiar with the talks", "local officials there".
_AFTER_HEAD = re.compile(
    r"\s(?:of|close|familiar|from|in|at|on|with|who|which|that|to|for|there|here|said)\b.*$"
    r"|,.*$"
)
# "one of the sources", "two of the officials": a share of a description is that description.
_SHARE_OF = re.compile(r"^(?:\w+)\s+of\s+(?:the\s+|those\s+|these\s+)?(?=\S)")
# A claim carried "by" someone is theirs: "data released by Russia's Defense Ministry"
# (not a year: "UN estimates from 2011" are estimates).
_CARRIED_BY = re.compile(r"\b(?:by|from)\s+(?=[^\W\d])")


def head_noun(claimant: str) -> str:
    """The noun a claimant's description turns on: "sources close to the matter" -> sources,
    "one of the sources" -> sources, "an anonymous Israeli official" -> official."""
    text = fold(claimant).strip()
    by = _CARRIED_BY.search(text)
    if by is not None:
        text = text[by.end() :]
    text = _SHARE_OF.sub("", text)
    words = re.findall(r"[\w'-]+", _AFTER_HEAD.sub("", text))
    return words[-1].removesuffix("'s") if words else ""


@dataclass(frozen=True)
class NoOrigin:
    """A claimant that names no origin of its figure, with an example."""

    name: str
    applies: Callable[[Claim], bool]
    example: str


# A figure's claimant gives no origin a second source can be told apart from when:
NO_ORIGIN: tuple[NoOrigin, ...] = (
    NoOrigin("unattributed or superseded", lambda c: not attributed(c), "Earlier death tolls"),
    NoOrigin(
        "a possessive read as a claimant",
        lambda c: re.match(r"(?:its|his|her|their|our)\b", fold(c.claimant or "")) is not None,
        "its information",
    ),
    NoOrigin(
        "a number read as a claimant",
        lambda c: re.fullmatch(r"\W*\d[\d,.\s]*", c.claimant or "") is not None,
        "14,000",
    ),
    NoOrigin(
        "a clause read as a claimant",
        lambda c: len((c.claimant or "").split()) > LONGEST_SOURCE,
        "the figure that was given by the officials who spoke to reporters late on Sunday",
    ),
    NoOrigin(
        "a description that could be anyone",
        lambda c: head_noun(c.claimant or "") in DESCRIBED_HEADS,
        "two US officials",
    ),
    NoOrigin(
        "neither a name nor a body",
        lambda c: not c.named and head_noun(c.claimant or "") not in BODY_HEADS,
        "a ransom demand",
    ),
)
LONGEST_SOURCE = 10  # words


def origin(claim: Claim) -> str | None:
    """Who the figure comes from, when the article says so specifically enough to tell two
    sources apart: the claimant's entity, a name ("Ihor Klymenko", "Russia's Defence
    Ministry", "Channel 12") or a body's description of two words or more ("the emergency
    service", "hospital directors"). None for a figure the outlet gives unattributed (a
    toll an outlet states is most often an official toll relayed: it cannot show a second
    source), for one attributed to a description that could be anyone ("officials", "two
    US officials", "state media") or to "the ministry" (who may be the other claimant),
    and for what ``NO_ORIGIN`` says is no source."""
    if any(rule.applies(claim) for rule in NO_ORIGIN):
        return None
    if claim.claimant_entity:
        return f"entity:{claim.claimant_entity}"
    name = source_name_key(claim.claimant or "")
    if name is None or (" " not in name and not claim.named):
        return None
    return f"name:{name}"


def _initials_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Claims whose claimants are one body by its initials: "MSF" (or "Doctors Without
    Borders, known by its French initials MSF") and "Médecins Sans Frontières" (the
    claims work's rule, ``match.initials_meet``). Only initials one claimant defines
    count: two names that form the same letters (Pew Research Centre, Public Relations
    Center) are two bodies."""
    named = [(i, c.claimant) for i, c in enumerate(claims) if c.claimant]
    defined = [(i, who) for i, who in named if initials(who)[0]]
    return [
        (min(i, j), max(i, j))
        for i, who in defined
        for j, other in named
        if i != j and initials_meet(who, other)
    ]


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
    for i, j in _initials_pairs(claims):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    grouped: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        grouped.setdefault(find(i), []).append(claim)
    return [grouped[k] for k in sorted(grouped)]
