"""Where a figure happened: the place its sentence puts it in, as the article names it.

"Four killed in the Khmelnytskyi region" and "12 killed across Ukraine" are
different quantities of one attack; "at least four killed" in an Iranian
port and in Khmelnytskyi are different events. The place is read from the
text around the figure (the small spaCy model tags "Khmelnytskyi" as a
nationality and "Mykolaiv" as a person, so its entity labels only confirm):

- a locative phrase: "in/across/over/at/near ... <Name>", "<Name> region",
  "the region of <Name>", "the capital"; "Ukrainian cities" and "Russian
  regions" put it in the country;
- the phrase nearest to the figure wins, unless another figure is nearer to it
  and between them ("110 drones overnight, including 13 over the Moscow
  region": Moscow is the 13's);
- a place after "including" ("at Ukrainian cities, including at the capital
  Kyiv") is one part of the place before it, the figure's only when no other is;
- "the capital" and "the city" are the capital or city the article named
  before ("the Ukrainian capital, Kyiv"); "the camp", the camp named before it
  ("the Jenin refugee camp"), else no place;
- a place that only says where something is from or relative to ("west of
  Kyiv", "from Moscow") or that names a source ("Ukraine's air force",
  "Moscow's mayor") is not where the figure happened.

Each ``PlaceRule`` has an example with the figure in [brackets] and the place
the tests expect.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.analyze.figures.scope import owned_distance

_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"
_KIND = r"region|oblast|province|governorate|district|territory|strip|city|town|village|state"
_LOCATIVE = r"in|across|over|at|near|around|throughout|outside|inside|into|on|toward|towards|within"

# Words that look like names but are not places.
NOT_PLACES = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "president",
        "minister", "ministry", "mr", "mrs", "ms", "dr", "officials", "he", "she", "they", "it",
        "we", "i", "sources"
    }
)  # fmt: skip

# Adjectives of place: "Ukrainian cities", "Russian regions", "Israeli towns".
DEMONYMS: dict[str, str] = {
    "ukrainian": "Ukraine",
    "russian": "Russia",
    "israeli": "Israel",
    "palestinian": "Palestinian territories",
    "iranian": "Iran",
    "belarusian": "Belarus",
    "syrian": "Syria",
    "lebanese": "Lebanon",
    "pakistani": "Pakistan",
    "indian": "India",
}


# A country's adjective ("Ukrainian"), as the word before a kind of place may be one.
_DEMONYM = "(?:" + "|".join(word.title() for word in DEMONYMS) + ")"


@dataclass(frozen=True)
class PlaceRule:
    name: str
    pattern: re.Pattern[str]
    example: str  # the figure in [brackets]
    expected: str  # the place the example names


def _rule(name: str, pattern: str, example: str, expected: str) -> PlaceRule:
    return PlaceRule(name, re.compile(pattern), example, expected)


PLACE_RULES: tuple[PlaceRule, ...] = (
    _rule(
        "kind-of-name",
        rf"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Aa]t)\s+the\s+(?:[a-z]+\s+){{0,2}}(?P<kind>{_KIND})"
        rf"\s+of\s+(?P<name>{_NAME})",
        "In the region of Zhytomyr, west of Kyiv, [three] children were killed.",
        "Zhytomyr region",
    ),
    _rule(  # the same, a country's adjective before the kind: not "the Ukrainian region"
        "adjective-kind-of-name",
        rf"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Aa]t)\s+the\s+(?:[a-z-]+\s+)?{_DEMONYM}\s+"
        rf"(?P<kind>{_KIND})\s+of\s+(?P<name>{_NAME})",
        "A Russian airstrike has killed [three] in the northwestern Ukrainian region of Zhytomyr.",
        "Zhytomyr region",
    ),
    _rule(
        "names-kinds",
        rf"\b(?P<name>{_NAME}\s+and\s+{_NAME})\s+(?P<kind>regions|provinces|oblasts)\b",
        "The ministry said [13] drones were downed over the Moscow and Tver regions.",
        "Moscow and Tver regions",
    ),
    _rule(
        "name-kind",
        rf"\b(?P<name>{_NAME})[ -](?P<kind>[Rr]egion|[Oo]blast|[Pp]rovince|[Gg]overnorate|"
        rf"[Dd]istrict|[Ss]trip)\b",
        "A further [four] people were killed in the Khmelnytskyi region.",
        "Khmelnytskyi region",
    ),
    _rule(
        "capital",
        r"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Aa]t|[Oo]n|[Tt]owards?)\s+the\s+(?:[A-Z]\w+\s+)?"
        r"(?P<kind>capital|city|country)(?:,?\s+(?P<name>[A-Z][\w'’-]+))?",
        "At least [four] people were killed in the capital itself.",
        "the capital",
    ),
    _rule(
        "own-country",
        r"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Tt]hroughout)\s+(?:his|her|their)\s+(?P<kind>country)\b",
        "Ukrainian President Volodymyr Zelenskyy said Russian drones struck more than [30] "
        "cities and villages across his country.",
        "Ukraine",
    ),
    _rule(
        "the-camp",
        r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nto|[Oo]utside|approached|entered|reached)\s+the\s+"
        r"(?:refugee\s+)?(?P<kind>camp)\b",
        "Troops raided the Jenin refugee camp. A delegation of [35] diplomats approached the camp.",
        "Jenin",
    ),
    _rule(
        "around-the-city",
        r"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Aa]t)\s+the\s+(?:region|area)\s+(?:around|surrounding)"
        r"\s+the\s+(?P<kind>city|capital)\b",
        "In Kyiv, officials said [four] were killed in the region around the city.",
        "Kyiv region",
    ),
    _rule(
        "demonym-places",
        r"\b(?:[Ii]n|[Aa]cross|[Oo]ver|[Aa]t|[Oo]n|[Tt]hroughout)\s+(?:the\s+)?"
        r"(?P<demonym>[A-Z][a-z]+ian|Russian|Israeli|Iranian|Lebanese|Pakistani)\s+"
        r"(?:cities|regions|territory|towns|villages|soil|airspace)\b",
        "Russia fired [355] drones at Ukrainian cities overnight.",
        "Ukraine",
    ),
    _rule(
        "part-of-name",
        rf"\b(?:{_LOCATIVE}|{_LOCATIVE.title()})\s+the\s+(?:entrance|gates?|edge|outskirts)"
        rf"\s+(?:of|to)\s+(?:the\s+)?(?P<name>{_NAME})",
        "A delegation of [20] diplomats stood near the entrance of the Jenin refugee camp.",
        "Jenin",
    ),
    _rule(
        "locative-name",
        rf"\b(?:{_LOCATIVE}|{_LOCATIVE.title()})\s+(?:the\s+)?(?P<name>{_NAME})",
        "Russian strikes have killed at least [nine] people across Ukraine overnight.",
        "Ukraine",
    ),
)

# "west of Kyiv", "from Moscow", "200 km from the front": where something is relative to.
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?:(?:north|south|east|west)(?:ern|-?(?:east|west))?|km|kilometers|kilometres|"
    r"miles)\s+(?:of|from)|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Ukraine's air force", "Kyiv's mayor": a name followed by a possessive names a source.
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
# The name pattern takes a possessive in ("Sunday’s"): the same possessor, seen from inside.
_POSSESSIVE_END = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class PlaceMention:
    name: str  # as the article names it, with its kind ("Khmelnytskyi region")
    start: int
    end: int
    rule: str


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[-1].lower() in NOT_PLACES:
        words.pop()
    while words and words[0].lower() in NOT_PLACES:
        words.pop(0)
    if not words:
        return None
    return " ".join(words)


def place_mentions(
    text: str, start: int, end: int, names: Mapping[int, int] | None = None
) -> list[PlaceMention]:
    """Every place phrase between ``start`` and ``end`` (a sentence), by the rules.
    ``names`` (start -> end of the place names the parser saw) trims a name that runs on
    into the next words."""
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for rule in PLACE_RULES:
        for m in rule.pattern.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            mention = _mention(text, rule, m, names or {})
            if mention is None:
                continue
            out.append(mention)
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def _mention(
    text: str, rule: PlaceRule, m: re.Match[str], names: Mapping[int, int]
) -> PlaceMention | None:
    groups = m.groupdict()
    if groups.get("demonym"):
        country = DEMONYMS.get(groups["demonym"].lower())
        return PlaceMention(country, m.start(), m.end(), rule.name) if country else None
    raw = groups.get("name")
    if raw and rule.name == "locative-name" and m.start("name") in names:
        raw = text[m.start("name") : min(m.end("name"), names[m.start("name")])]
    name = _clean_name(raw) if raw else None
    kind = (groups.get("kind") or "").lower()
    if rule.name == "own-country":
        return PlaceMention("own country", m.start(), m.end(), rule.name)
    if rule.name in ("capital", "the-camp"):
        return PlaceMention(name or f"the {kind}", m.start(), m.end(), rule.name)
    if rule.name == "around-the-city":
        return PlaceMention(f"the {kind} region", m.start(), m.end(), rule.name)
    if name is None:
        return None
    name_start = m.start("name")
    if _RELATIVE_BEFORE.search(text, max(0, name_start - 24), name_start):
        return None
    if _POSSESSIVE_AFTER.match(text[m.end("name") : m.end("name") + 2]) or _POSSESSIVE_END.search(
        raw or ""
    ):
        return None  # "in Sunday's onslaught", "in Viktor Orban's Hungary": a possessor
    if rule.name == "locative-name" and not _looks_like_place(text, m):
        return None
    if kind in ("regions", "provinces", "oblasts"):
        name = f"{name} regions"
    elif kind and kind not in ("city", "state", "town", "village"):
        name = f"{name} {'region' if kind in ('oblast', 'province', 'governorate') else kind}"
    return PlaceMention(name, m.start(), m.end(), rule.name)


def _looks_like_place(text: str, m: re.Match[str]) -> bool:
    """ "in Ukraine", "across Gaza", not "in Trump's view", "at Fox News", "in May"."""
    name = m.group("name")
    first = name.split()[0].lower()
    if first in NOT_PLACES or name.lower() in DEMONYMS:
        return False  # "on the Ukrainian side": an adjective, not a place
    after = text[m.end("name") : m.end("name") + 20]
    if _BUILDING_AFTER.match(text, m.end("name")):
        return False  # "on the Fahmi al-Jarjawi School in Gaza City": Gaza City is the place
    return not re.match(r"\s*(?:said|says|told|News|Times|Post|officials?)\b", after)


# A name that is a building's ("the Fahmi al-Jarjawi School", "Nasser Hospital"): where the
# building stands is the place, and the sentence names it, or no place is known.
_BUILDING_AFTER = re.compile(
    r"(?:[ -][\w'’]+){0,2}?\s+(?:[Ss]chool|[Hh]ospital|[Mm]osque|[Cc]hurch|[Uu]niversity|"
    r"[Ss]tadium|[Mm]arket|[Bb]uilding|[Hh]otel|[Cc]linic)s?\b"
)


def figure_place(
    text: str,
    mentions: Sequence[PlaceMention],
    figure: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> PlaceMention | None:
    """The place phrase nearest to the figure that no other figure stands nearer to. A
    figure's place usually follows it ("53 over the Oryol region and 51 over the Kursk
    region"), so a phrase before it counts as farther than it is."""
    best: tuple[int, PlaceMention] | None = None
    for p in mentions:
        distance = owned_distance(text, (p.start, p.end), figure, others)
        if distance is None:
            continue
        if p.end <= figure[0]:
            distance += BEFORE_PENALTY
        if _INCLUDING_BEFORE.search(text, max(0, p.start - 12), p.start):
            distance += PART_PENALTY
        if best is None or distance < best[0]:
            best = (distance, p)
    return best[1] if best is not None else None


# Characters a place phrase before the figure counts as farther than one after it.
BEFORE_PENALTY = 15
# "at Ukrainian cities, including at the capital Kyiv, killing 12": a place after
# "including" is one part of the place before it, the figure's only when no other is.
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+$")
PART_PENALTY = 10_000


_CAPITAL_NAMED = re.compile(
    r"\bcapital,?\s+(?P<a>[A-Z][\w'’-]+)|(?P<b>[A-Z][\w'’-]+),\s+(?:the\s+)?(?:[A-Z]\w+\s+)?capital\b"
)
_COUNTRY_NAMED = re.compile(r"\b(?P<c>" + "|".join(sorted(set(DEMONYMS.values()))) + r")\b")
# The capitals "the Ukrainian capital" or "the capital" (of the country an article is
# about) stand for.
CAPITALS: dict[str, str] = {
    "Ukraine": "Kyiv", "Russia": "Moscow", "Israel": "Jerusalem", "Iran": "Tehran",
    "Belarus": "Minsk", "Syria": "Damascus", "Lebanon": "Beirut", "Pakistan": "Islamabad",
    "India": "New Delhi",
}  # fmt: skip


# The capitals' other spellings, and any capital city by name.
CITY_SPELLINGS = {"Kiev": "Kyiv"}
_CAPITAL_CITY = re.compile(r"\b(?:" + "|".join([*CAPITALS.values(), *CITY_SPELLINGS]) + r")\b")


# How far back "the capital, Kyiv" still names the capital a later "the capital" means.
NAMED_REACH = 400


# "the Jenin refugee camp", "Nur Shams camp": a camp's name.
_CAMP_NAMED = re.compile(rf"\b(?P<name>{_NAME})\s+(?:refugee\s+)?camp\b")


def city_region(text: str, mention: PlaceMention) -> str | None:
    """ "the region around the city": the region of the place the paragraph named last
    ("In Kyiv, ... four were killed in the region around the city": the Kyiv region),
    else no place."""
    before = place_mentions(text, max(0, mention.start - NAMED_REACH), mention.start)
    named = [p for p in before if p.rule == "locative-name"]
    return f"{named[-1].name} region" if named else None


def named_camp(text: str, mention: PlaceMention) -> str | None:
    """The camp "the camp" refers back to: the one named last before it, in the same
    paragraph (as for "the capital"); None when none is (an unnamed camp is no place two
    articles can share)."""
    found = None
    for m in _CAMP_NAMED.finditer(text, max(0, mention.start - NAMED_REACH), mention.start):
        found = _clean_name(m.group("name"))
    return found


# A leader's title after the adjective of the country he leads: "Ukrainian President".
_LEADER = re.compile(
    r"\b(?P<d>[A-Z][a-z]+)\s+(?:President|Prime\s+Minister|Foreign\s+Minister|leader)\b"
)


def own_country(text: str, mention: PlaceMention, sentence: tuple[int, int] | None) -> str | None:
    """The country "his country" is: the one whose leader the sentence names before it
    ("Ukrainian President Volodymyr Zelenskyy ... said Russian drones struck 30 cities across
    his country": Ukraine, not the Russia of "sanctions on Russia"); else no place."""
    start = sentence[0] if sentence is not None else max(0, mention.start - NAMED_REACH)
    leaders = [m.group("d").lower() for m in _LEADER.finditer(text, start, mention.start)]
    return DEMONYMS.get(leaders[-1]) if leaders else None


def resolve_anaphor(
    text: str, mention: PlaceMention, sentence: tuple[int, int] | None = None
) -> str | None:
    """What "the capital" or "the country" stands for: the capital the article named before
    the mention ("the Ukrainian capital, Kyiv"), else the capital of the country the phrase,
    its sentence (the one country it names: "in the capital, according to Ukraine's
    security service") or the article names first; the country it named last."""
    before = mention.start
    countries = [m.group("c") for m in _COUNTRY_NAMED.finditer(text, 0, before)]
    if mention.name == "the country":
        return countries[-1] if countries else None
    found = None
    # A capital named in the same paragraph; farther back it may be another country's.
    for m in _CAPITAL_NAMED.finditer(text, max(0, before - NAMED_REACH), before):
        found = m.group("a") or m.group("b")
    if found and found.lower() not in NOT_PLACES:
        return found
    if mention.name == "the capital":
        # "In Kyiv, the head of the city's military administration said ... No deaths were
        # reported in the capital": the capital city the paragraph named last.
        for m in _CAPITAL_CITY.finditer(text, max(0, before - NAMED_REACH), before):
            found = m.group(0)
        if found:
            return CITY_SPELLINGS.get(found, found)
    demonym = re.search(r"(\w+)\s+capital", text[mention.start : mention.end])
    country = DEMONYMS.get(demonym.group(1).lower()) if demonym else None
    if country is None and sentence is not None:
        named = {m.group("c") for m in _COUNTRY_NAMED.finditer(text, *sentence)}
        country = named.pop() if len(named) == 1 else None
    if country is None:
        first = _COUNTRY_NAMED.search(text)
        country = first.group("c") if first else None
    return CAPITALS.get(country) if country else None
