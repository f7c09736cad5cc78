"""Which claims of a series are independent sources, and which are one source carried again.

A source is who gives a figure: a named claimant (the interior minister, the
Russian Defence Ministry), a description ("hospital directors", "officials"),
or the outlet itself when it gives the figure unattributed (a newsroom's own
count: BBC's "at least 13 killed"). Two claims are one source when:

- they name the same claimant (two outlets both quoting the minister's 12:
  a repeat, not a corroboration), by its initials too (MSF, Médecins Sans
  Frontières);
- they come from one outlet family (BBC's pages, DW's dw / dw-eu editions),
  unless each names its own claimant, resolved to a person or body: two people
  TASS quotes (Patrushev, Litovkin) are two sources, TASS's unattributed
  figures and its "officials" one;
- a joint claimant ("Zelenskyy and Russia's Defense Ministry") names one of
  the other's sources ("Russia's Defence Ministry");
- one article is a near-duplicate or translation of the other and carries
  the same figure from the same claimant;
- they give the figure after the same ``COPIED_WORDS`` words, or inside a run
  of ``COPIED_RUN`` content words around it that both give (one wire sentence
  printed by two outlets, credited or not, an editor's "in the" dropped or a
  "killing" made "killed": ``copied``);
- one relays the other's outlet, or both relay one outlet: the figure's
  sentence says so ("told Reuters") or its article runs a wire agency's story
  ("(AP) --", "The Associated Press contributed to this report"; the claims
  stage's ``sources.wire_credit``): an AP story carried by CBC and by the
  Independent is AP's report, once;
- one article gives the number twice, once from a named claimant and once
  unnamed ("killing at least 12 people, officials said" and "Interior Minister
  Ihor Klymenko said 12 people had been killed"): its officials are the
  minister (``_named_in_article``);
- they count weapons launched or shot down: one military counts those, and
  whoever gives the number passes its count on;
- one gives, with no source, a large count a named claimant gives in the
  same words (121,950 wounded in Gaza): no newsroom counts that itself.

Everything that decides independence is in ``same_source_keys``; outlet
families are the lineage work's (``storyline.outlets.family``: bbc.com and
bbc.co.uk are one, so are the dw feeds; ``claims_from_rows`` sets them), so the
two count sources alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.corpus.claims.speakers import initials, initials_meet
from storyline.corpus.quantity import fold, measure_key, source_name_key, thing_key
from storyline.corpus.series import Claim
from storyline.corpus.sources import outlet_named

__all__ = ["redate_stock_runs", "same_source_keys", "sources", "superseded"]


def same_source_keys(claim: Claim) -> list[str]:
    """Keys two claims of one source share: the claim itself as its article's copies carry
    it, its named claimant (and each source a joint claimant names), its outlet family
    (one outlet's pages are one source, as the lineage work counts them, for what they
    say unattributed or from descriptions; a claimant resolved to a person or body is
    its own source, whichever outlet quotes it) and the family of the outlet it relays."""
    root = claim.copy_of or claim.article_id
    keys = [f"copy:{root}:{claim.claimant or ''}:{claim.low}:{claim.high}", *claim.source_keys]
    keys.extend(f"name:{k}" for k in _joint_keys(claim.claimant))
    if claim.family and not claim.claimant_entity:
        keys.append(f"family:{claim.family}")
    wording = _wording(claim)
    if wording:
        keys.append(f"words:{wording}:{claim.low}:{claim.high}")
    relayed = outlet_named(claim.relay) if claim.relay else None
    if relayed is not None:  # a wire story carried (CBC's and the Independent's AP copy)
        keys.extend(f"family:{f}" for f in sorted(relayed.families))
    counted = (measure_key(claim.measure) or claim.joined_measure, thing_key(claim.subject))
    if counted[0] in ONE_COUNTER_MEASURES and counted[1] in ONE_COUNTER_THINGS:
        keys.append(f"counter:{counted[0]}:{counted[1]}")
    return keys


# "A and B" as a claimant: two sources that gave the figure together.
JOINT = re.compile(r"\s+and\s+|\s*&\s*")


def _joint_keys(claimant: str | None) -> list[str]:
    """The name keys of each source a joint claimant names: "Volodymyr Zelenskyy and
    Russia's Defense Ministry said 307 soldiers were swapped" carries the ministry's count,
    which "Russia's Defence Ministry said" gives elsewhere (one source, not two)."""
    parts = JOINT.split(claimant or "")
    if len(parts) < 2:
        return []
    return sorted({k for part in parts if (k := source_name_key(part)) is not None})


# Words before a figure that, the same in two articles, make its sentence one text copied
# (a wire story run by two outlets, uncredited: "Russia launched 367 drones and missiles at
# Ukrainian cities overnight, killing at least [12]"): shorter runs are common phrasing.
COPIED_WORDS = 8


def _wording(claim: Claim) -> str | None:
    """The last ``COPIED_WORDS`` words before the figure, folded; None when fewer."""
    words = re.findall(r"[\w']+", fold(claim.lead or ""))
    return " ".join(words[-COPIED_WORDS:]) if len(words) >= COPIED_WORDS else None


# Words an editor adds or drops in a copied sentence, left out when two are compared: "four
# people were killed in the Khmelnytskyi region, in western Ukraine" (CBC's AP copy) and "a
# further four people were killed Khmelnytskyi region, western Ukraine" (the Independent's);
# and the qualifiers every toll is given with ("at least"), which copy nothing.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "by", "for", "with", "from",
     "into", "via", "through", "as", "that", "which", "who", "was", "were", "is", "are", "be",
     "been", "had", "has", "have", "it", "its", "s", "least", "more", "than", "some", "about",
     "around", "nearly", "almost", "over", "up"}
)  # fmt: skip
# Letters of a word that stand for it ("abducted" and "abducting"; "killed" and "killing").
STEM = 5
# Content words in a row around a figure that, the same in two articles, make its sentence
# one text copied: "Kyiv and Moscow agreed to swap [1,000] prisoners of war and civilian
# detainees each" (DW and Fox, both AP's words) shares 9; two newsrooms' own "killing at
# least [12] people and injuring dozens" share 4.
COPIED_RUN = 6


# How far from the figure two sentences are compared: enough for ``COPIED_RUN`` content words.
COPY_REACH = 120


@lru_cache(maxsize=16_384)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(w[:STEM] for w in re.findall(r"[\w']+", fold(text)) if w not in FUNCTION_WORDS)


def _run(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def copied(a: Claim, b: Claim) -> bool:
    """The two claims give one value inside one sentence copied: ``COPIED_RUN`` content
    words (stemmed) run the same up to the figure and on from it."""
    if (a.low, a.high) != (b.low, b.high):
        return False
    return _copied_words(a.before or "", a.after or "", b.before or "", b.after or "")


@lru_cache(maxsize=16_384)
def _copied_words(a_before: str, a_after: str, b_before: str, b_after: str) -> bool:
    before = _run(_stems(a_before[-COPY_REACH:])[::-1], _stems(b_before[-COPY_REACH:])[::-1])
    after = _run(_stems(a_after[:COPY_REACH]), _stems(b_after[:COPY_REACH]))
    return before + after >= COPIED_RUN


def _copied_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Claims of one value in one copied sentence (``copied``), compared within a value."""
    by_value: dict[tuple[object, object], list[int]] = {}
    for i, claim in enumerate(claims):
        by_value.setdefault((claim.low, claim.high), []).append(i)
    return [
        (i, j)
        for same in by_value.values()
        for n, i in enumerate(same)
        for j in same[n + 1 :]
        if claims[i].article_id != claims[j].article_id and copied(claims[i], claims[j])
    ]


def redate_stock_runs(claims: Sequence[Claim]) -> None:
    """Date a sentence one outlet family runs on pages of several days (a sidebar's teaser:
    BBC's "At least 13 people were killed the the latest Russian aerial attack across
    Ukraine" on a page of 24 May, captured after the attack of the 25th) by the latest of
    its pages, when only its pages date it: a page carries its sidebar as of the capture,
    not as of its own publication, so the earliest page's date is too early. In place."""
    by_value: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        if claim.family and _dated_by_page(claim):
            by_value.setdefault((claim.family, claim.low, claim.high), []).append(claim)
    for same in by_value.values():
        for run in _copies(same):
            days = {str(c.published)[:10] for c in run}
            if len(days) < 2:
                continue
            for claim in run:
                claim.as_of, claim.period = max(days), None


def _dated_by_page(claim: Claim) -> bool:
    day = (claim.published or "")[:10]
    return bool(day) and (claim.as_of or "")[:10] == day and claim.period in (None, day)


def _copies(claims: list[Claim]) -> list[list[Claim]]:
    """The claims gathered by one copied sentence (``copied``), each run of two or more."""
    runs: list[list[Claim]] = []
    for claim in claims:
        run = next((r for r in runs if any(copied(claim, c) for c in r)), None)
        if run is None:
            runs.append([claim])
        else:
            run.append(claim)
    return [r for r in runs if len({c.article_id for c in r}) >= 2]


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


# The words leading to a figure that say it was replaced: "Officials initially reported
# that four children were killed but later changed the death toll".
SUPERSEDED_LEAD = re.compile(
    r"\b(?:initially|earlier|previously|first)\s+(?:reported|said|put|gave|estimated|"
    r"announced|counted|stated)\b"
)


# A sentence that opens on an earlier count gives that count, not the current one: "Earlier
# death tolls given separately by regional authorities and rescuers had put the number of
# dead at 13" (after the interior minister's 12).
EARLIER_COUNT = re.compile(
    r"^\W*(?:the\s+)?(?:earlier|initial|previous|first)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tolls?|counts?|figures?|tallies|tally|estimates?|reports?)\b"
)
# A sentence ends at . ! or ? and the space after it.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def superseded(claim: Claim) -> bool:
    """The figure is given as an earlier count, since replaced: its claimant says so
    ("earlier death tolls"), or the words leading to it do ("initially reported"), or its
    sentence opens on one ("Earlier death tolls ... had put the number of dead at")."""
    if claim.claimant is not None and SUPERSEDED.search(fold(claim.claimant)) is not None:
        return True
    return SUPERSEDED_LEAD.search(fold(claim.lead or "")) is not None or _opens_on_earlier(
        (claim.before or "")[-COPY_REACH:]
    )


@lru_cache(maxsize=16_384)
def _opens_on_earlier(before: str) -> bool:
    return EARLIER_COUNT.search(SENTENCE_END.split(fold(before))[-1]) is not None


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


# A count no newsroom makes itself: a running total this large ("121,950 Palestinians
# injured" since October 2023) stated with no source is the counter's figure passed on
# (TASS's sentence after its quote of Gaza's health ministry), not a second count.
COUNTER_LEAST = 1_000


def _named_in_article(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """A claim an article gives unnamed (its own, "officials said") beside the same number
    a named claimant gives in that article: the article's officials are the one it names
    (Fox's "at least 12 ... officials said" is its Klymenko's 12)."""
    named: dict[tuple[str, object], int] = {}
    for i, claim in enumerate(claims):
        if claim.named:
            named.setdefault((claim.article_id, claim.low), i)
    return [
        (named[key], i)
        for i, c in enumerate(claims)
        if not c.named and (key := (c.article_id, c.low)) in named
    ]


def _said_as(claim: Claim) -> tuple[object, ...]:
    return (claim.low, claim.high, (claim.qualifier or "").lower())


def _carried_counts(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Unattributed claims of a large count that a named claimant of the series gives in
    the same words ("121,950", "more than 53,000"): that claimant's figure carried."""
    named: dict[tuple[object, ...], int] = {}
    for i, claim in enumerate(claims):
        if claim.named:
            named.setdefault(_said_as(claim), i)
    return [
        (named[_said_as(c)], i)
        for i, c in enumerate(claims)
        if c.claimant is None
        and not c.claimant_status
        and c.value >= COUNTER_LEAST
        and _said_as(c) in named
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
        if claim.same_source is None:
            claim.same_source = same_source_keys(claim)
        for key in claim.same_source:
            if key in first:
                a, b = find(first[key]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first[key] = i
    pairs = [*_initials_pairs(claims), *_carried_counts(claims), *_copied_pairs(claims)]
    for i, j in [*pairs, *_named_in_article(claims)]:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    grouped: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        grouped.setdefault(find(i), []).append(claim)
    return [grouped[k] for k in sorted(grouped)]
