"""Relations inside one series: contradiction, update, corroboration, said in words.

Each claim's value is read as the interval its qualifier allows ("at least
12" is 12 or more, "about 20" is 18 to 22, an unqualified round 250 is 225
to 275, an exact 12 is 12); two values are *compatible* when their intervals
meet. The claims of a series are gathered into value groups (one value, or
compatible values) and into sources (``independence``). Then:

- **corroboration**: one count (``_same_count``: 12 and "at least 12", or two
  approximations that meet) given by two or more independent sources: named
  claimants, descriptions ("officials") or outlets' own reports, two of them
  one source when ``independence`` says so (one claimant, one outlet family, a
  copy);
- **contradiction**: two value groups that cannot both be true, claimed at
  about the same time (an incident's series is one event; a running total's
  claims within ``SAME_TIME_DAYS``) by different sources, whatever the ratio;
- **update**: a later value supersedes an earlier one: a running total on a
  later day, or a "more than" / "at least" toll raised later.

Nothing is related within one article unless its claimants differ. Reasons
name who says what and when ("BBC says at least 13 killed; Ihor Klymenko said
12 (25 and 26 May)").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyline.corpus.independence import copied, sources, superseded
from storyline.corpus.quantity import fold, index_key
from storyline.corpus.series import Claim, night_of
from storyline.corpus.values import approximate, compatible, lower_bound, says_the_number
from storyline.schema import Disagreement, DisagreementKind, stable_id

# Two claims of one incident or period further apart than this are not set against each
# other (a guard against counts of two things grouped as one, not a minimum: 12 against
# 13 is a contradiction).
DISPUTE_RATIO = 3.0
# Agreeing values are this close ("some 500" and "about 540" are; "more than 240" and
# 1,200, though compatible, are not the same count).
AGREE_RATIO = 1.25
# Claims of a running total this many days apart or less are of the same time.
SAME_TIME_DAYS = 1


@dataclass
class ValueGroup:
    claims: list[Claim]

    @property
    def first_day(self) -> int:
        """The earliest day a claim of the group gives (0 when none is dated)."""
        days = [_ordinal(c.day) for c in self.claims if c.day]
        return min(days) if days else 0

    def fits(self, claim: Claim) -> bool:
        """``claim`` agrees with every claim here and is close to it ("more than 240" is
        compatible with 1,200 but says something else), and is not a raised lower bound
        ("at least 9" then "at least 12" is an update, not agreement)."""
        for c in self.claims:
            if not compatible(c, claim) or not _near(c.value, claim.value):
                return False
            if lower_bound(c) and lower_bound(claim) and c.low != claim.low:
                return False
        return True


def _near(a: float, b: float) -> bool:
    lo, hi = sorted((abs(a), abs(b)))
    return hi == lo or (lo > 0 and hi / lo <= AGREE_RATIO)


def _ordinal(day: str | None) -> int:
    if not day:
        return 0
    parts = [*day[:10].split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
    except ValueError:
        return 0


def value_groups(claims: Sequence[Claim], cumulative: bool) -> list[ValueGroup]:
    """Claims gathered by value: one group per value first (whatever the qualifier: "12"
    and "at least 12"), then a group joins a bigger one whose every claim it agrees with;
    for a running total, only claims of about the same day agree (the same total a week
    later is the total unchanged, not a second source)."""
    buckets: dict[tuple[object, ...], list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: (c.day or "", c.id)):
        key: tuple[object, ...] = (claim.low, claim.high)
        if cumulative:
            key += (claim.day,)
        buckets.setdefault(key, []).append(claim)
    groups: list[ValueGroup] = []
    for bucket in sorted(buckets.values(), key=lambda b: (-len(b), b[0].id)):
        for group in groups:
            if all(group.fits(c) for c in bucket) and (
                not cumulative or all(_near_in_time(group, c) for c in bucket)
            ):
                group.claims.extend(bucket)
                break
        else:
            groups.append(ValueGroup(list(bucket)))
    return groups


def _near_in_time(group: ValueGroup, claim: Claim) -> bool:
    """A running total's claim agrees with those of about its day, and with another value
    only of its very day: a day on, a total that moved is the next count ("more than
    53,900" on 25 May is not confirmed by the 53,977 of 26 May), one unchanged is the same
    count reported again."""
    day = _ordinal(claim.day)
    return all(
        abs(_ordinal(c.day) - day) <= SAME_TIME_DAYS
        and ((c.low, c.high) == (claim.low, claim.high) or _ordinal(c.day) == day)
        for c in group.claims
    )


def relate(
    series_id: str, label: str, claims: Sequence[Claim], cumulative: bool, anchored: bool
) -> list[Disagreement]:
    """The contradictions, updates and corroborations among one series' claims. A series
    not ``anchored`` (its claims not known to be of one place) only says who agrees."""
    source_of: dict[str, int] = {}
    for n, source in enumerate(sources(claims)):
        for claim in source:
            source_of[claim.id] = n
    groups = value_groups(claims, cumulative)
    out: list[Disagreement] = []
    for group in groups:
        sides = _corroborating(group.claims, source_of)
        if len(sides) >= 2:
            out.append(_record("corroboration", series_id, label, sides, _agree(sides)))
    if not anchored:
        return out
    updates = [_updates(groups, cumulative)]
    if cumulative:  # each source's own running total over time
        for source in sources(claims):
            updates.append(_updates(value_groups(source, cumulative), cumulative))
    else:  # each claimant's own count of the day, raised in later reports
        updates.extend(_rising_counts(claims))
    raised = [] if cumulative else _raised_to(groups)
    updates.extend([[g.claims for g in steps] for steps in raised])
    for steps in updates:
        if steps:
            record = _record("update", series_id, label, steps, _moved(steps))
            if record.id not in {d.id for d in out}:
                out.append(record)
    # A running total's steps are updates, not contradictions (floors never contradict);
    # nor is a toll the text says was raised against the counts it raised.
    in_update = {id(g) for g in _update_groups(groups, cumulative)} if cumulative else set()
    revised = {(id(a), id(steps[-1])) for steps in raised for a in steps[:-1]}
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            if id(a) in in_update and id(b) in in_update:
                continue
            if (id(a), id(b)) in revised or (id(b), id(a)) in revised:
                continue
            if cumulative and abs(a.first_day - b.first_day) > SAME_TIME_DAYS:
                continue
            # The claims of each group that no claim of the other allows: exact 12 against
            # "at least 13", though "at least 12" beside the 12 allows both.
            # A superseded count ("earlier death tolls had put the number of dead at 13")
            # is the toll revised, not disputed.
            left = [
                x
                for x in a.claims
                if not _vague(x)
                and not superseded(x)
                and not any(compatible(x, y) for y in b.claims)
            ]
            right = [
                y
                for y in b.claims
                if not _vague(y) and not superseded(y) and not any(compatible(x, y) for x in left)
            ]
            if not cumulative:
                # One incident's or period's claims far apart are more likely two counts
                # (a country's toll and a town's, the killed and the abducted) than a dispute.
                right = [y for y in right if any(_disputable(x, y) for x in left)]
                left = [x for x in left if any(_disputable(x, y) for y in right)]
            if not left or not right:
                continue
            pair = _opposed(left, right, source_of)
            if pair is not None:
                out.append(_record("contradiction", series_id, label, pair, _against(pair)))
    return out


def _by_source(claims: list[Claim], source_of: dict[str, int]) -> list[list[Claim]]:
    sides: dict[int, list[Claim]] = {}
    for claim in claims:
        sides.setdefault(source_of[claim.id], []).append(claim)
    return [sides[k] for k in sorted(sides)]


def _corroborating(claims: list[Claim], source_of: dict[str, int]) -> list[list[Claim]]:
    """The sides that corroborate one count: two or more independent sources, each giving
    the count most of them give, or one close to it that it allows ("at least 35" and 36;
    not "more than 240" and 1,200). A source is a claimant the article names, a description ("local
    officials"), or an outlet's own report of the figure: BBC's "at least 13 killed" and
    Reuters' "regional authorities put the dead at 13" are two newsrooms' counts (the
    issue's and our gold's convention). What makes two of them one source (one
    claimant, one outlet family, a copy, one military's count of weapons) is
    ``independence``'s. A superseded count ("earlier death tolls") confirms nothing."""
    said_by = [c for c in claims if not _vague(c) and not superseded(c)]

    def agreeing(anchor: Claim) -> list[list[Claim]]:
        return _by_source([c for c in said_by if _same_count(c, anchor)], source_of)

    if len(_by_source(said_by, source_of)) < 2:
        return []
    anchor = max(said_by, key=lambda c: (len(agreeing(c)), -c.value, c.id))
    sides = agreeing(anchor)
    return sides if len(sides) >= 2 else []


def _same_count(a: Claim, b: Claim) -> bool:
    """The same number said as itself ("12" and "at least 12"; not "more than 12",
    "fewer than 12" or "nearly 12", which are other counts), the same number with the
    same qualifier ("more than 12" twice), a floor an exact count close above it meets
    ("at least 35" and 36), or two approximations that meet ("some 500", "about 540";
    not "as many as 20" and 18)."""
    if (a.low, a.high) == (b.low, b.high) and (
        (says_the_number(a) and says_the_number(b))
        or (a.qualifier or "").lower() == (b.qualifier or "").lower()
    ):
        return True
    if _floor_met(a, b) or _floor_met(b, a):
        return True
    # Two approximations confirm each other only as close as they say: an aid worker's
    # "about 20" diplomats and JPost's "some 25" do not contradict, nor confirm, each other.
    return (
        approximate(a)
        and approximate(b)
        and compatible(a, b, rounding=False)
        and _near(a.value, b.value)
    )


def _floor_met(floor: Claim, exact: Claim) -> bool:
    """A floor an exact count close above it meets: BBC's "at least 35 were reported to
    have been killed" when the school was hit confirms Al Mayadeen's 36; TASS's "more than
    240" hostages, the 251 others give (our gold's convention: compatible values of
    independent sources corroborate)."""
    return (
        lower_bound(floor)
        and exact.low == exact.high
        and not exact.qualifier
        and compatible(floor, exact)
        and (says_the_number(floor) or exact.value > floor.value)  # "more than 12" is not 12
        and _near(floor.value, exact.value)
    )


def _vague(claim: Claim) -> bool:
    """ "dozens", "hundreds": a range in words, too loose to contradict anything."""
    return claim.low != claim.high and not any(ch.isdigit() for ch in claim.text)


def _disputable(a: Claim, b: Claim) -> bool:
    """Two counts of one incident or period that could be one count disputed: not far
    apart, and not one strike's toll beside the toll of all the night's strikes."""
    return (
        (_plausible(a, b) or _none_against_count(a, b))
        and not _part_of_whole(a, b)
        and not _part_of_whole(b, a)
    )


# What one strike is called, and what says a count covers several ("Israeli air strikes on
# Gaza overnight", "attacks across Ukraine"). The toll of the strike on one school (36) is
# part of the night's toll across Gaza (at least 54): the two fit together.
ONE_STRIKE = re.compile(r"\b(?:strike|attack|raid|blast|explosion|bombing|hit)\b")
MANY_STRIKES = re.compile(r"\b(?:strikes|attacks|raids|blasts|bombings|overnight|across|wave)\b")


# Words that make the number after them a part of a total its sentence gives: "killed at
# least 46 people in the Gaza Strip, including 31 in a school" (the 31 is the school's).
PART_LEAD = re.compile(
    r"\b(?:including|among them|among whom|of whom|of which)\s+"
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to)\s+)?$",
    re.IGNORECASE,
)


def _part_of_whole(part: Claim, whole: Claim) -> bool:
    """``part`` counts one strike and ``whole``, a larger count, several; or ``part`` is
    the share of a total its own sentence gives ("including 31 in a school"), which the
    place read from that sentence does not pin to the total's count."""
    one = (part.event or "").lower()
    many = (whole.event or "").lower()
    if part.value < whole.value and PART_LEAD.search(part.lead or ""):
        # The share is the toll of one incident ("31 in a school"): it is part of several
        # strikes' toll, not of another report's toll of one strike ("the death toll in a
        # strike on the school has increased to 36"), which counts the same thing.
        return not _one_strike(many)
    return (
        part.value < whole.value
        and one != many
        and _one_strike(one)
        and (MANY_STRIKES.search(many) is not None or (_night(whole) and not _night(part)))
    )


def _one_strike(event: str) -> bool:
    """An event's words name one strike ("strike on the school"), not several."""
    return ONE_STRIKE.search(event) is not None and MANY_STRIKES.search(event) is None


def _night(claim: Claim) -> bool:
    return night_of(claim) is not None


def _plausible(a: Claim, b: Claim) -> bool:
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo > 0 and hi / lo <= DISPUTE_RATIO


def _none_against_count(a: Claim, b: Claim) -> bool:
    """A report of none ("no deaths were reported in the capital") against a count of the
    same place and time ("at least four people were killed in the capital itself")."""
    return sorted((abs(a.value), abs(b.value)))[0] == 0 and a.value != b.value


def _opposed(a: list[Claim], b: list[Claim], source_of: dict[str, int]) -> list[list[Claim]] | None:
    """The two sides of a contradiction, or None when one source says both (a figure and
    its own revision), both come from one article with one claimant, or one article
    gives both values, far apart, from one source ("53,655 killed, including 3,509 since
    March": the article sees no conflict, it counts two things; a live page's 12 then 13
    is a revision it reports)."""
    if {source_of[c.id] for c in a} == {source_of[c.id] for c in b} and not _misreported(a, b):
        return None
    for article in {c.article_id for c in a} & {c.article_id for c in b}:
        here = [[c for c in side if c.article_id == article] for side in (a, b)]
        if any(
            source_of[x.id] == source_of[y.id] and not _plausible(x, y)
            for x in here[0]
            for y in here[1]
        ):
            return None  # one article gives both, far apart, from one source: two counts
    if {c.article_id for c in a} == {c.article_id for c in b} and len(
        {c.claimant for c in [*a, *b]}
    ) < 2:
        return None
    return [a, b]


def _misreported(a: list[Claim], b: list[Claim]) -> bool:
    """One named claimant's count of one closed night, given differently by two outlets
    (AP: the Russian Defence Ministry said 159 drones were shot down overnight; the
    Independent: it claimed 150): a night's count is given once, after the night, so
    the outlets disagree on it; no outlet gives both."""
    claims = [*a, *b]
    nights = {night_of(c) for c in claims}
    return (
        len(nights) == 1
        and None not in nights
        and all(c.named and c.low == c.high and not c.qualifier for c in claims)
        and not {c.family for c in a} & {c.family for c in b}
    )


def _update_groups(groups: list[ValueGroup], cumulative: bool) -> list[ValueGroup]:
    """The value groups a series moved through, earliest first: a running total's values on
    later days, or a lower-bounded toll raised later."""
    if cumulative:
        # Dated values only, each a new value on a later day (the same total carried
        # unchanged is the claim repeated, not an update; a changed one is an update even
        # within rounding: 43,000 then "about 45,100").
        # Of several values on one day, the step is the one nearest the last (a claimant
        # giving his side's and the other side's losses on one day revises his own).
        by_day: dict[int, list[ValueGroup]] = {}
        for g in groups:
            if g.first_day > 0:
                by_day.setdefault(g.first_day, []).append(g)
        steps: list[ValueGroup] = []
        for day in sorted(by_day):
            options = sorted(by_day[day], key=lambda g: (g.claims[0].value, g.claims[0].id))
            if steps:
                last = steps[-1].claims[0].value
                options.sort(key=lambda g: abs(math.log((g.claims[0].value or 1) / (last or 1))))
            choice = options[0]
            if steps and any(_same_value(a, b) for a in choice.claims for b in steps[-1].claims):
                continue  # the total carried unchanged
            if steps and not _rises(steps[-1], choice):
                continue  # a running total never falls: 3,509 after 53,655 counts another span
            steps.append(choice)
        return steps if len(steps) >= 2 else []
    return _raised_floors(groups)


def _raised_floors(groups: list[ValueGroup]) -> list[ValueGroup]:
    """A raised floor: the "at least" claims of each value, lowest first ("at least 9" in
    the morning, "at least 12" later); an exact value beside a floor stays out of it. A
    step needs a report the last step's articles did not make (an article giving "at
    least 35" killed at the school and "at least 54" across Gaza counts two things), and is
    no strike's toll raised to the night's. A floor no claim of the series' place gives is
    no step: a claim that does not say where joined the series by agreeing with one of its
    values ("at least 35" killed when the school was hit, beside the school's 36), not as
    the series' toll."""
    bounded = [
        ValueGroup([c for c in g.claims if lower_bound(c)])
        for g in groups
        if any(lower_bound(c) and c.place_key for c in g.claims)
    ]
    raised: list[ValueGroup] = []
    for group in sorted(bounded, key=lambda g: (_floor(g), g.first_day)):
        if not raised:
            raised.append(group)
            continue
        last = raised[-1]
        seen = {c.article_id for c in last.claims}
        if (
            group.first_day >= last.first_day
            and _floor(group) <= _floor(last) * DISPUTE_RATIO  # a toll rises by some,
            and any(c.article_id not in seen for c in group.claims)  # not 54 to 50,000
            and not any(_part_of_whole(a, b) for a in last.claims for b in group.claims)
            and not _revised_away(seen, _floor(group), groups)
        ):
            raised.append(group)
    return raised if len(raised) >= 2 else []


def _rising_counts(claims: Sequence[Claim]) -> list[list[list[Claim]]]:
    """One claimant's exact count of one open event, raised in a later report: the mayor's
    12 drones shot down on their way to the capital, then 19 the same day. The steps are
    the claimant's values of one day in the order the articles were published, each higher
    than the last and published later. A count of a closed night is given once, after the
    night: two values of it are no update. One of the steps says where (the claimant's
    other report joined the series as the same claimant's)."""
    by_claimant: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.source_keys and _open_count(claim) and claim.day:
            by_claimant.setdefault((claim.source_keys[0], claim.day[:10]), []).append(claim)
    out = []
    for key in sorted(by_claimant):
        steps: list[list[Claim]] = []
        for claim in sorted(by_claimant[key], key=lambda c: (_published(c), c.id)):
            if steps and claim.value == steps[-1][0].value:
                steps[-1].append(claim)
            elif not steps or (
                claim.value > steps[-1][0].value
                and _published(claim) > max(_published(c) for c in steps[-1])
            ):
                steps.append([claim])
        if len(steps) >= 2 and any(c.place_key for step in steps for c in step):
            out.append(steps)
    return out


# Words that say the number after them is a toll raised: "the death toll in the strike on
# the school has increased to 36", "rose to", "climbed to".
RISE_LEAD = re.compile(
    r"\b(?:risen|rose|increased|climbed|grown|grew|jumped|mounted)\s+to\s+"
    r"(?:(?:at least|more than|over)\s+)?$",
    re.IGNORECASE,
)


def _raised_to(groups: list[ValueGroup]) -> list[list[ValueGroup]]:
    """A toll the text says was raised ("has increased to 36"), after the lower values of
    the series published before it (31, then 36): updates, not contradictions. A lower
    value far below it, or a share of a total, is another count."""
    out = []
    for group in groups:
        cues = [c for c in group.claims if RISE_LEAD.search(c.lead or "")]
        for cue in sorted(cues, key=lambda c: (_published(c), c.id)):
            earlier = [
                g
                for g in groups
                if g is not group
                and all(
                    c.value < cue.value and _published(c) < _published(cue) and _disputable(c, cue)
                    for c in g.claims
                )
            ]
            if earlier:
                # The raised toll leads its step, so the reason names it (36, not the
                # "at least 35" that agrees with it).
                group.claims.sort(key=lambda c: c is not cue)
                out.append([*sorted(earlier, key=lambda g: g.claims[0].value), group])
                break
    return out


def _open_count(claim: Claim) -> bool:
    """An exact count that no night closes."""
    return (
        claim.low == claim.high and not claim.qualifier and not _vague(claim) and not _night(claim)
    )


def _published(claim: Claim) -> str:
    return claim.published_at or claim.published or ""


def level_moves(series_id: str, label: str, claims: Sequence[Claim]) -> list[Disagreement]:
    """A market index's level on one day, as articles published later give it: each later
    article's level supersedes the last (the RTS Index at 1,114.62 points at 17:45, closed
    at 1,107.54). A level moves both ways and two levels at two times both hold: levels
    never contradict, and one article's several levels (at two times of the day) are one
    step."""
    by_article: dict[str, list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: (_published(c), c.id)):
        by_article.setdefault(claim.article_id, []).append(claim)
    steps: list[list[Claim]] = []
    for step in by_article.values():
        last = {(c.low, c.high) for c in steps[-1]} if steps else set()
        if {(c.low, c.high) for c in step} == last:
            continue  # the level carried again
        if steps and _published(step[0]) <= max(_published(c) for c in steps[-1]):
            steps[-1].extend(step)  # published at once: which is later is not known
        else:
            steps.append(step)
    if len(steps) < 2:
        return []
    return [_record("update", series_id, label, steps, _moved(steps))]


def _revised_away(articles: set[str], value: float, groups: list[ValueGroup]) -> bool:
    """One of ``articles`` gives ``value`` as an exact count and also a lower floor of the
    same count ("killing five people, including at least three children"; "officials
    initially reported four children"): most often a count it reported and then revised
    down, which this takes it to be (it does not read the order or the words). Another
    outlet's later "at least four" then raises nothing."""
    claims = [c for g in groups for c in g.claims if c.article_id in articles]
    for article in articles:
        here = [c for c in claims if c.article_id == article]
        floors = [c.low or 0.0 for c in here if lower_bound(c)]
        exact = any(not lower_bound(c) and c.low == c.high == value for c in here)
        if exact and floors and max(floors) < value:
            return True
    return False


def _rises(last: ValueGroup, next_: ValueGroup) -> bool:
    """A running total's next step: not below the last (unless within its rounding), and
    not many times it (3,509 after 53,655 counts another span, not a revision)."""
    before, after = last.claims[0].value, next_.claims[0].value
    near = compatible(last.claims[0], next_.claims[0])
    return (after >= before or near) and after <= before * DISPUTE_RATIO


def _floor(group: ValueGroup) -> float:
    """The lowest "at least" of a group (its floor)."""
    return min(c.low or 0.0 for c in group.claims if lower_bound(c))


def _same_value(a: Claim, b: Claim) -> bool:
    return (a.low, a.high) == (b.low, b.high)


def _updates(groups: list[ValueGroup], cumulative: bool) -> list[list[Claim]]:
    return [g.claims for g in _update_groups(groups, cumulative)]


def _record(
    kind: DisagreementKind, series_id: str, label: str, sides: list[list[Claim]], reason: str
) -> Disagreement:
    side_ids = [sorted(c.id for c in side) for side in sides]
    ids = sorted({i for side in side_ids for i in side})
    return Disagreement(
        id=stable_id("d", kind, *ids),
        kind=kind,
        topic=label,
        figure_ids=ids,
        reason=reason,
        series_id=series_id,
        sides=side_ids,
    )


# -- reasons in words ---------------------------------------------------------------


def _who(claim: Claim) -> str:
    """The source as a reader knows it: the named claimant (and the outlet carrying it),
    else the outlet."""
    outlet = claim.outlet or "an unnamed outlet"
    if claim.claimant and index_key(claim.claimant):
        return outlet  # "the RTS Index closed at 1,107.54 points": measured, not a claimant
    if claim.named and claim.claimant:
        cited = _cited(claim)
        return f"{claim.claimant} ({f'citing {cited}, ' if cited else ''}in {outlet})"
    if claim.claimant:
        return f"{outlet} ({claim.claimant})"
    return outlet


def _cited(claim: Claim) -> str | None:
    """The source a claimant's words credit after the figure, when it is another: Spanish
    TV hosts' "including more than 15,000 children, according to the United Nations"."""
    found = ACCORDING_TO.search(claim.after or "")
    if found is None:
        return None
    cited, claimant = _words(found.group(1)), _words(claim.claimant)
    if cited <= claimant or claimant <= cited:  # "the territory's health ministry"
        return None
    return found.group(1)


def _words(name: str | None) -> set[str]:
    return set(re.findall(r"\w+", fold(name or "").replace("'s", ""))) - {"the", "s"}


def _said(claim: Claim) -> str:
    if claim.low == claim.high == 0:
        return "none"  # "No deaths were reported": the word "No" says nothing alone
    value = claim.text
    q = claim.qualifier
    return f"{q} {value}" if q and q.lower() not in value.lower() else value


def _when(claims: Sequence[Claim]) -> str:
    days = sorted({_human_day(c.day) for c in claims if c.day})
    if not days:
        return "undated"
    if len(days) == 1:
        return days[0]
    return ", ".join(days[:-1]) + " and " + days[-1]


def _human_day(day: str | None) -> str:
    if not day:
        return "undated"
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return day
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _agree(sides: list[list[Claim]]) -> str:
    heads = [_head(side) for side in sides]
    # An outlet's own figure is marked so: a reader weighs "BBC" giving a toll on its own
    # account apart from "BBC (quoting the emergency service)".
    said = {_said(head).lower() for head in heads}
    whos = "; ".join(
        _side_words(head, side) + ("" if len(said) == 1 else f": {_said(head)}")
        for head, side in zip(heads, sides, strict=True)
    )  # each side's own words when they differ ("251"; "more than 240")
    count = _said(heads[0]) if len(said) == 1 else "one count"
    return (
        f"{len(sides)} independent sources give {count}: {whos} "
        f"({_when([c for s in sides for c in s])})"
    )


def _head(side: list[Claim]) -> Claim:
    """The claim a side is named by: a named claimant's, else one whose article credits the
    wire it runs (Mainichi's "(AP) --"), else the first published (the wire's own outlet
    before the outlets that copy its sentence). A claimant another outlet's copy of the
    same sentence does not name is no claimant of it: DW's "The United Nations has said
    that no aid has been distributed ..., two days after Israel officially lifted an
    11-week blockade" is the wire's words, which JPost prints with no one's name."""
    return min(
        side,
        key=lambda c: (_contested(c, side), not c.named, c.relay is None, _published(c), c.id),
    )


def _contested(claim: Claim, side: list[Claim]) -> bool:
    return claim.claimant is not None and any(
        c.claimant is None and c.article_id != claim.article_id and copied(claim, c) for c in side
    )


def _side_words(head: Claim, side: list[Claim], marked: bool = True) -> str:
    """A side as a reader knows it: who gives the figure (``marked``: an unattributed one
    said so), and the outlets of other families that carry it too ("Ihor Klymenko (in
    fox-world; also in dw)": DW prints Reuters' sentence; "cbc-world (from Associated
    Press; also in induk-ukrain)")."""
    seen = {head.family}
    others = []
    for claim in sorted(side, key=lambda c: (c.outlet or "", c.id)):
        if claim.outlet and claim.family not in seen:
            seen.add(claim.family)
            others.append(claim.outlet)
    words = _who(head) + (_unnamed(head) if marked else "")
    if not others:
        return words
    also = f"also in {', '.join(others)}"
    return f"{words[:-1]}; {also})" if words.endswith(")") else f"{words} ({also})"


def _one_side(head: Claim, side: list[Claim]) -> str:
    """A contradiction's side in words: with the outlets carrying it when it is one source
    (a side of one value may gather two sources: JPost's "some 25" diplomats, an aid
    worker's "about 20")."""
    return _side_words(head, side, marked=False) if len(sources(side)) == 1 else _who(head)


# The source a sentence names after its figure that the analysis could not resolve to a
# claimant: "four people were killed, and five others wounded, according to the governor".
ACCORDING_TO = re.compile(r"^[^.;]*?\baccording to ((?:the |a |an )?[\w'’ -]{2,40}?)\s*[,.;]")


def _unnamed(claim: Claim) -> str:
    """What a corroboration says of a side with no claimant: the outlet's own figure (the
    wire it relays, when its article says), or a source the sentence gives but the analysis
    could not name ("according to the governor")."""
    if claim.claimant:
        return ""
    if claim.claimant_status:
        found = ACCORDING_TO.search(claim.after or "")
        return f" (according to {found.group(1)})" if found else " (source not identified)"
    return f" (from {claim.relay})" if claim.relay else " (unattributed)"


def _against(pair: list[list[Claim]]) -> str:
    a, b = _head(pair[0]), _head(pair[1])
    return (
        f"{_one_side(a, pair[0])} says {_said(a)}; {_one_side(b, pair[1])} says {_said(b)} "
        f"({_when([*pair[0], *pair[1]])}): both cannot be true"
    )


def _moved(steps: list[list[Claim]]) -> str:
    path = " -> ".join(f"{_said(s[0])} ({_when(s)}, {_who(s[0])})" for s in steps)
    return f"the figure moved on: {path}"
