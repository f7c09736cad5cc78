"""What a claimed value allows, its qualifier read, and whether two claims can both be true.

"at least 12" is 12 or more; "about 20" 15 to 25 (20 rounded to its tens); "some
25" 22.5 to 27.5; an unqualified round 250 is 225 to 275 (a rounded count), unless
it is a tally (what an air defence shot down); an exact 12 is 12. Two values are compatible
when their intervals meet: "at least 12" and 13 are, exact 12 and 13 are not.
"""

from __future__ import annotations

from typing import Protocol

from storyline.corpus.quantity import measure_key


class Valued(Protocol):
    low: float | None
    high: float | None
    qualifier: str | None


# How far an approximate value ("about", "some", an unqualified round number) may be: a
# tenth for a round one ("about 20", "some 500"), less for one written more precisely
# ("about 45,100" is not 43,000).
APPROXIMATE_SHARE = 0.10
PRECISE_SHARE = 0.02
# A value said to be approximate ("about 20", "some 25") is the true count rounded to its
# last non-zero digit: "about 20" may be anything from 15 to 25 (an aid worker's "about
# 20" diplomats and JPost's "some 25" can be one delegation), but never more than this
# share off ("about 100" is not 50).
ROUNDING_SHARE_CAP = 0.25

# Floors: strict ones leave the number itself out ("more than 12" is not 12), inclusive
# ones keep it ("at least 12" may be 12).
STRICT_FLOORS = frozenset({"more than", "over", "upwards of"})
INCLUSIVE_FLOORS = frozenset({"at least", "maybe more"})
LOWER_BOUNDS = STRICT_FLOORS | INCLUSIVE_FLOORS
UPPER_BOUNDS = frozenset({"up to", "less than", "fewer than", "at most", "under", "as many as"})
NEAR_BELOW = frozenset({"nearly", "almost", "just under"})
APPROXIMATE = frozenset({"about", "approximately", "around", "roughly", "some", "estimated"})


def interval(claim: Valued, rounding: bool = True) -> tuple[float, float]:
    """The values a claim allows, its qualifier read; without ``rounding``, an approximate
    value allows only its share ("about 20" 18 to 22: what it can confirm)."""
    low = claim.low if claim.low is not None else claim.high
    high = claim.high if claim.high is not None else claim.low
    lo, hi = float(low or 0.0), float(high or 0.0)
    q = (claim.qualifier or "").lower()
    if q in LOWER_BOUNDS:
        return lo, float("inf")
    if q in UPPER_BOUNDS:
        return 0.0, hi
    if q in NEAR_BELOW:
        return hi * (1 - APPROXIMATE_SHARE), hi
    if approximate(claim):
        share = APPROXIMATE_SHARE if _significant_digits(hi) <= 2 else PRECISE_SHARE
        below, above = lo * share, hi * share
        if rounding and q in APPROXIMATE:  # rounded: give or take half its last digit's place
            below = max(below, min(_grain(lo) / 2, lo * ROUNDING_SHARE_CAP))
            above = max(above, min(_grain(hi) / 2, hi * ROUNDING_SHARE_CAP))
        return lo - below, hi + above
    return lo, hi


def _grain(value: float) -> float:
    """The place of a whole number's last non-zero digit (20 -> 10, 25 -> 1, 500 -> 100)."""
    number, grain = int(abs(value)), 1
    if number != abs(value) or number == 0:
        return 0.0
    while number % 10 == 0:
        number, grain = number // 10, grain * 10
    return float(grain)


def _significant_digits(value: float) -> int:
    digits = f"{abs(value):.6g}".replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits.split("e")[0]))


def _round(value: float) -> bool:
    """An unqualified round number is an approximation (1,200; 250), a small count is not."""
    return value >= 100 and value % 50 == 0


def compatible(a: Valued, b: Valued, rounding: bool = True) -> bool:
    """Both values can be true (``rounding``: an approximate value may be anything it
    rounds from); without it, each is as close as it says (what agreement needs)."""
    (a_lo, a_hi), (b_lo, b_hi) = interval(a, rounding), interval(b, rounding)
    return a_lo <= b_hi and b_lo <= a_hi


def lower_bound(claim: Valued) -> bool:
    """ "at least 9", "more than 30": a floor, which a later, higher floor raises."""
    return (claim.qualifier or "").lower() in LOWER_BOUNDS


def approximate(claim: Valued) -> bool:
    """ "about 20", "some 500", an unqualified round 1,200: a value give or take."""
    q = (claim.qualifier or "").lower()
    low = claim.low if claim.low is not None else claim.high
    high = claim.high if claim.high is not None else claim.low
    return q in APPROXIMATE or (
        not q and low == high and _round(float(low or 0.0)) and not _tallied(claim)
    )


# Measures whose counts are tallies, exact even when round: an air defence counts what it
# shot down one by one ("Russia's ministry of defence claimed to have downed 150 drones
# overnight" is 150, not 135 to 165, and disagrees with the 159 AP has it give).
TALLIED_MEASURES = frozenset({"shot down"})


def _tallied(claim: Valued) -> bool:
    return measure_key(getattr(claim, "measure", None)) in TALLIED_MEASURES


def says_the_number(claim: Valued) -> bool:
    """The number itself is among the values allowed and not only as the top of a range:
    12, "at least 12", "about 12"; not "more than 12", "fewer than 12", "nearly 12"."""
    q = (claim.qualifier or "").lower()
    return q not in STRICT_FLOORS and q not in UPPER_BOUNDS and q not in NEAR_BELOW
