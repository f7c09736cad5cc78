"""A quantity in words, for a series and for each relation inside it: what is counted,
where, of what event, and when ("people killed in Ukraine (Russian aerial attack),
2025-05-24 to 2025-05-25").

A label says only what the figures' own sentences support; where that is unsure it
says less:

- what is counted is the figures' own words when they all give the same ones
  ("surface-to-air missile systems", not the "missiles" they are grouped by), with
  what their sentence adds ("tanks and other armored combat vehicles");
- the place leaves out a venue of talks ("a prisoner exchange deal agreed in
  Istanbul": the swap was not there), a place the sentence sets beside another
  land the event happened in ("attacked southern Israel, killing some 1,200" is no
  toll in Gaza), and any place of a past event retold in a later article's
  background (the sentence's place is today's war's);
- the event leaves out words that only point back ("since then") and a dateline's
  or a clause's dashes ("(AP) -- Israeli strikes killed" is "Israeli strikes"), and
  is said only when the figures from two sources give it, or the one source that
  gives any event does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.corpus.independence import sources
from storyline.corpus.quantity import LEVEL, SIDES, fold, thing_key
from storyline.corpus.series import PAST_DAYS, Claim, Group, day_number

__all__ = ["common", "label", "period_of", "says_what"]


def common(values: Sequence[str | None]) -> str | None:
    """The value given most often (the first in order on a tie); None when none is."""
    found = Counter(v for v in values if v)
    return min(found, key=lambda v: (-found[v], v)) if found else None


def period_of(claims: Sequence[Claim]) -> str | None:
    """The stretch the claims cover: from their earliest start to their latest end. A
    coarser date another claim makes precise says nothing more ("2023", beside "7 October
    2023": "2023-10-07", not "2023 to 2023-10-07"), nor does an open start another claim
    of the same running total names ("the war's overall toll" beside "since October 7,
    2023")."""
    periods = {c.period for c in claims if c.period}
    starts, ends = [], []
    for period in sorted(periods):
        if any(other != period and other.startswith(period) for other in periods):
            continue
        start, _, end = period.partition("/")
        starts.append(start)
        ends.append(end or start)
    if not starts:
        return None
    named = [s for s in starts if s != ".."]  # a total whose start one claim names
    start = min(named) if named else ".."
    end = max(e for e in ends if e != "..") if any(e != ".." for e in ends) else ".."
    return start if start == end else f"{start}/{end}"


# Letters a counted thing and its measure share when they are one word ("charges",
# "charged"), which the label then says once.
STEM = 5


def label(
    group: Group,
    subject: str | None,
    measure: str | None,
    claims: Sequence[Claim] | None = None,
    source_of: Mapping[str, int] | None = None,
) -> str:
    """The quantity in words: "people killed in Ukraine (Russian drone attack), 2025-05-25";
    of ``claims`` (a relation's) when given, else of the whole series (``source_of``: each
    claim's independent source, by claim id, when known)."""
    claims = list(group.claims if claims is None else claims)
    unit = group.block[2] if isinstance(group.block[2], str) else ""
    thing = group.block[1] if isinstance(group.block[1], str) else ""
    counted = counted_words(claims, subject, thing) or unit or thing  # "people wounded"
    if counted and measure and counted[:STEM] == measure[:STEM]:
        measure = None  # "charges", not "charges charged"
    what = " ".join(w for w in (counted, measure or "") if w).strip()
    place = _place(claims)
    event = _event(claims, source_of)
    period = period_of(claims)
    words = what or "figure"
    if place:
        words += f" in {place}"
    if event:
        words += f" ({event})"
    if period:
        words += f", {period.replace('/', ' to ').replace('..', 'the start')}"
    elif group.block[0] == LEVEL and claims[0].day:  # one day's levels
        words += f", {claims[0].day[:10]}"
    elif not (place or event or group.cumulative):
        words += _days(claims)  # "people wounded, 2025-05-20": when, at least
    return words


def _days(claims: Sequence[Claim]) -> str:
    """When: the claims' days, said as the days they were reported when only their
    articles date them ("people killed, reported 2025-05-20 to 2025-05-21": the 1,200 of 7
    October 2023 retold)."""
    days = sorted({c.day[:10] for c in claims if c.day})
    if not days:
        return ""
    reported = "" if any(_own_day(c) is not None for c in claims) else "reported "
    span = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"
    return f", {reported}{span}"


def says_what(
    group: Group, claims: Sequence[Claim], source_of: Mapping[str, int] | None = None
) -> bool:
    """The label can say of what the claims are: a place, an event, or a running total.
    Two reports that "nobody was hurt" that cannot say where or in what confirm nothing a
    reader can place."""
    return group.cumulative or _place(claims) is not None or _event(claims, source_of) is not None


# -- what is counted ------------------------------------------------------------------

OWNER_WORDS = {"ukraine": "Ukrainian", "russia": "Russian", "israel": "Israeli"}
# Subject words that name nothing alone: "four people were killed, and five others
# wounded"; "charged with three counts of arson" (the charges are what is counted).
BARE_SUBJECTS = frozenset({"others", "those", "them", "more", "each", "all", "counts"})
# What a sentence adds to the counted thing: "23,594 tanks and other armored combat
# vehicles" counts both.
AND_OTHER = re.compile(r"^\s*(?:and|or)\s+other\s+((?:[\w-]+\s+){0,3}[\w-]+)")
# A subject the analysis cut short of the things its sentence counts with it: "more than 30
# cities and villages" (the label then says what they are grouped by: "localities").
CUT_SHORT = re.compile(r"^\s*(?:and|or)\s+(?!other\b)[a-z]+\s*(?:[,.;]|across|in|on|$)")


def counted_words(claims: Sequence[Claim], subject: str | None, thing: str) -> str | None:
    """What the claims count in their own words when they all give the same ones (the
    series' owner before them): "Ukrainian surface-to-air missile systems"; else
    ``subject`` (the thing they are grouped by, with its owner)."""
    plain = {_plain(c.subject) for c in claims}
    if len(plain) != 1 or None in plain:
        return subject
    words = str(plain.pop())
    if thing_key(words) != thing or fold(words) in BARE_SUBJECTS:
        return subject
    if any(CUT_SHORT.match(_after_subject(c)) for c in claims):
        return subject  # "30 cities and villages": "cities" alone says less than it counts
    rest = [m.group(1) for c in claims if (m := AND_OTHER.match(_after_subject(c)))]
    if rest and len(rest) == len(claims) and len(set(rest)) == 1:
        words += f" and other {rest[0]}"
    owner = (subject or "").split(" ")[0] if subject else ""
    return f"{owner} {words}" if owner in OWNER_WORDS.values() else words


def _plain(subject: str | None) -> str | None:
    """A subject without its owner's word and a leading "the": "Ukrainian drones" -> "drones"."""
    if not subject:
        return None
    words = [w for w in subject.split() if fold(w) not in SIDES and fold(w) != "the"]
    return " ".join(words) or None


def _after_subject(claim: Claim) -> str:
    """The text after the figure's subject words ("tanks" in " tanks and other ...")."""
    after = claim.after or ""
    subject = claim.subject or ""
    at = after.find(subject) if subject else -1
    return after[at + len(subject) :] if at >= 0 and at < 40 else ""


# -- where ------------------------------------------------------------------------------

# A place named as where talks were held, not where what is counted happened: "303
# Ukrainian POWs had been freed ... as the final stage of a prisoner exchange deal agreed
# in Istanbul".
VENUE = re.compile(
    r"\b(?:agreed|negotiated|brokered|signed|talks|negotiations|meeting|deal)\s+"
    r"(?:(?:held|earlier|this\s+month|last\s+week)\s+)*(?:in|at)\s+(?:the\s+)?$"
)
# Lands by their names (not their adjectives: "killed in Israeli strikes in Gaza" is Gaza's
# toll) -> the side whose land it is.
LANDS = {"israel": "israel", "gaza": "palestine", "ukraine": "ukraine", "russia": "russia"}
# Words that put another land where the counted event happened: "attacked southern
# Israel, killing some 1,200 people" (a figure placed in Gaza by "the war in Gaza"), "an
# incursion on Israeli territory" (not "sanctions on Russia", which is no place).
LAND_AT = re.compile(
    r"\b(?:in|into|southern|northern|western|eastern|central)\s+([A-Z][a-z]+)\b"
    r"|\b([A-Z][a-z]+)\s+territory\b"
)


def _place(claims: Sequence[Claim]) -> str | None:
    """The place most of the claims give, of those whose sentences support it; none for a
    past event retold (every claim that dates itself is dated ``PAST_DAYS`` or more before
    its article: "Israel launched a military campaign in Gaza in response to Hamas's
    cross-border attack on 7 October 2023, in which about 1,200 people were killed")."""
    dated = [c for c in claims if _own_day(c) is not None]
    if dated and all(_retold(c) for c in dated):
        return None
    return common([c.place for c in claims if c.place and _place_supported(c)])


def _own_day(claim: Claim) -> int | None:
    """The day the claim's own words date it to; None when only its article's does."""
    if claim.period is None and (claim.as_of or "")[:10] == (claim.published or "")[:10]:
        return None
    return day_number(claim.day)


def _retold(claim: Claim) -> bool:
    day, published = _own_day(claim), day_number(claim.published)
    return day is not None and published is not None and published - day >= PAST_DAYS


def _place_supported(claim: Claim) -> bool:
    """The claim's sentence names its place as where the count happened: not only as a
    venue of talks, and beside no other land ("southern Israel") of another side."""
    place = str(claim.place)
    text = f"{claim.before or ''} {claim.text} {claim.after or ''}"
    sentence = _sentence(claim)
    mentions = [m.start() for m in re.finditer(re.escape(place), text)]
    if mentions and all(VENUE.search(text[:at]) for at in mentions):
        return False
    land = next((LANDS[w] for w in fold(place).split() if w in LANDS), None)
    if land is None:
        return True
    for m in LAND_AT.finditer(sentence):
        other = LANDS.get(fold(m.group(1))) if m.group(1) else SIDES.get(fold(m.group(2)))
        if other is not None and other != land:
            return False
    return True


# A sentence ends at . ! or ? and the space after it.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def _sentence(claim: Claim) -> str:
    """The figure's sentence, as far as the text around it reaches."""
    before = SENTENCE_END.split(claim.before or "")[-1]
    after = SENTENCE_END.split(claim.after or "")[0]
    return f"{before}{claim.text}{after}"


# -- of what event ------------------------------------------------------------------------

# Event words that only point back to a time the sentence named before ("At least 53,939
# people ... have been killed in Gaza since then"): they name no event alone.
POINTING_BACK = re.compile(r"^(?:since\s+then|then|this\s+month|that\s+day|so\s+far)$")
# A dash inside an event's words leaves a dateline's or a clause's fragment: "-- Israeli
# strikes" ("(AP) -- Israeli strikes killed"), "families - during Israeli air strikes".
DASH = re.compile(r"\s*(?:--|\u2014|\u2013|\s-\s)\s*")
LEADING_WORDS = re.compile(r"^(?:during|in|of|after|amid)\s+")


def _event(claims: Sequence[Claim], source_of: Mapping[str, int] | None) -> str | None:
    """The event most claims give, cleaned, when two independent sources give an event, or
    the claims are one source, or the one source that gives it names it before the figure
    in its sentence ("The death toll in a strike ... on the building of the Fahmi
    Al-Jarjawi school in Gaza has increased to 36"). An event after the figure may be
    another clause's: "Only five trucks made it into Gaza on Monday, as Israeli troops
    advanced and air and artillery strikes killed more" says nothing of the trucks."""
    cleaned = {c.id: _clean_event(c.event) for c in claims}
    if not any(cleaned.values()):
        return None
    if source_of is None:
        source_of = {c.id: n for n, source in enumerate(sources(claims)) for c in source}
    groups = {source_of[c.id] for c in claims}
    giving = {source_of[c.id] for c in claims if cleaned[c.id]}
    if len(groups) > 1 and len(giving) < 2:
        leading = [c for c in claims if cleaned[c.id] and _leads(c, str(cleaned[c.id]))]
        return common([cleaned[c.id] for c in leading])
    return common([cleaned[c.id] for c in claims])


def _leads(claim: Claim, event: str) -> bool:
    """The event's words come before the figure in its sentence."""
    before = SENTENCE_END.split(claim.before or "")[-1]
    return fold(event) in fold(before)


def _clean_event(event: str | None) -> str | None:
    if not event:
        return None
    words = DASH.split(event.strip())[-1].strip()
    words = LEADING_WORDS.sub("", words)
    if not words or POINTING_BACK.match(fold(words)):
        return None
    return words
