"""What a figure counts, as keys two articles can share: measure, thing, owner, place, source.

Articles word the same quantity differently ("killed", "dead", "deaths";
"UAVs", "drones"; "Russia's Ministry of Defense", "the Russian Defence
Ministry"). These tables fold the words to one key each; every entry is data
with an example in ``EXAMPLES``, which ``tests/test_corpus_disagreements.py`` checks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from storyline.corpus.lexicon import PLACE_ALIASES

# Measure words -> one measure. Killed, wounded and casualties (killed + wounded)
# stay apart; "lost" is ambiguous (killed, or killed and wounded) and stays itself.
MEASURES: dict[str, str] = {
    "dead": "killed", "deaths": "killed", "died": "killed", "fatalities": "killed",
    "killed": "killed", "kill": "killed", "death toll": "killed", "lives": "killed",
    "injured": "wounded", "injuries": "wounded", "wounded": "wounded", "hurt": "wounded",
    "shot down": "shot down", "intercepted": "shot down", "downed": "shot down",
    "destroyed": "destroyed", "neutralised": "shot down", "neutralized": "shot down",
    "launched": "launched", "fired": "launched", "used": "launched",
    "released": "released", "freed": "released", "exchanged": "released", "swapped": "released",
    "returned": "released", "captured": "captured", "detained": "detained",
    "abducted": "abducted",
    "arrested": "arrested", "displaced": "displaced", "evacuated": "evacuated",
    "losses": "lost", "lost": "lost", "casualties": "casualties",
    "hit": "hit", "hitting": "hit", "struck": "hit", "striking": "hit",
}  # fmt: skip

# The counted noun (its last word, lower case) -> one thing.
THINGS: dict[str, str] = {
    "people": "people", "persons": "people", "person": "people", "civilians": "people",
    "civilian": "people", "palestinians": "people", "ukrainians": "people",
    "israelis": "people", "residents": "people", "others": "people", "victims": "people",
    "children": "children", "kids": "children", "minors": "children",
    "soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers",
    "servicemen": "soldiers", "servicepeople": "soldiers", "personnel": "soldiers",
    "fighters": "soldiers", "combatants": "soldiers", "military": "soldiers",
    "prisoners": "prisoners", "pows": "prisoners", "captives": "prisoners",
    "hostages": "hostages",
    "drones": "drones", "uavs": "drones", "shaheds": "drones", "drone": "drones",
    "missiles": "missiles", "missile": "missiles", "rockets": "missiles",
    "trucks": "trucks", "lorries": "trucks",
    "helicopters": "helicopters", "warplanes": "aircraft", "aircraft": "aircraft",
    "planes": "aircraft", "jets": "aircraft", "tanks": "tanks",
    "launchers": "launchers", "vehicles": "vehicles", "guns": "artillery",
    "howitzers": "artillery", "mortars": "artillery", "hostage": "hostages",
    "diplomats": "diplomats", "ambassadors": "diplomats", "counts": "charges",
    "charges": "charges", "cities": "localities", "towns": "localities",
    "villages": "localities",
}  # fmt: skip
# Counted nouns whose last word misleads: "unmanned aerial vehicles" are drones.
THING_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\b(?:unmanned|aerial)\s+(?:aerial\s+)?vehicles?\b", "drones"),
)


# Who the counted belong to: the side, in the words outlets use.
SIDES: dict[str, str] = {
    "ukrainian": "ukraine", "ukraine": "ukraine", "ukraine's": "ukraine", "kyiv": "ukraine",
    "kyiv's": "ukraine", "russian": "russia", "russia": "russia", "russia's": "russia",
    "moscow": "russia", "moscow's": "russia", "israeli": "israel", "israel": "israel",
    "israel's": "israel", "palestinian": "palestine", "gaza": "palestine",
    "gaza's": "palestine", "hamas": "palestine",
}  # fmt: skip

# Things counted of one side or another ("Ukrainian drones" shot down over Russia and
# "Russian drones" shot down over Ukraine are different quantities of the same night).
SIDED_THINGS = frozenset(
    {"drones", "missiles", "soldiers", "aircraft", "helicopters", "tanks", "launchers", "vehicles",
     "artillery"}
)  # fmt: skip
# Measures whose counted things belong to the other side than the claimant's: Ukraine's
# air force shoots down Russian drones.
OPPOSED_MEASURES = frozenset({"shot down", "destroyed", "captured", "killed"})

# Words of a claimant that describe rather than name a source.
GENERIC_SOURCE_WORDS = frozenset(
    {
        "officials", "official", "authorities", "sources", "source", "police", "witnesses",
        "rescuers", "media", "reports", "report", "it", "they", "he", "she", "we", "the",
        "local", "regional", "senior", "government", "military", "statement", "spokesperson",
        "spokesman", "spokeswoman", "ministry", "emergency", "service", "services", "a",
        "an", "there", "state", "his", "her", "its", "their", "outlets", "agency",
    }
)  # fmt: skip
# Words that do not tell two names of one source apart.
# ("the territory's Hamas-run health ministry" is Gaza's health ministry: who runs or backs
# a body describes it, the body's name is the rest.)
_NAME_NOISE = frozenset(
    {"the", "of", "s", "mr", "mrs", "ms", "dr", "president", "minister", "territory", "enclave",
     "run", "led", "backed"}
)  # fmt: skip
# Spellings of one name, and words that name one body two ways ("Israel's military" is the
# "Israeli army": its sides' words are left out of the key anyway).
_SPELLINGS = {
    "defence": "defense", "zelensky": "zelenskyy", "zelenskiy": "zelenskyy", "military": "army",
}  # fmt: skip

EXAMPLES: dict[str, tuple[str, str]] = {
    # table: (a word as written, its key)
    "MEASURES": ("intercepted", "shot down"),
    "THINGS": ("UAVs", "drones"),
    "SIDES": ("Russia's", "russia"),
    "IMPLIED_THINGS": ("killed", "people"),
    "THING_PHRASES": ("unmanned aerial vehicles", "drones"),
    "PLACE_SPELLINGS": ("the Krivoy Rog district", "kryvyi rih district"),
    "UNIT_QUANTITIES": ("a 70-day ceasefire", "truce length"),
}


def fold(text: str) -> str:
    """Lower case without accents or curly apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).lower()
    return "".join(c for c in text if not unicodedata.combining(c))


def measure_key(measure: str | None) -> str | None:
    if not measure:
        return None
    m = fold(measure).strip()
    return MEASURES.get(m, m)


def thing_key(subject: str | None) -> str | None:
    """ "Ukrainian drones" -> drones, "cruise missiles" -> missiles; None when unknown."""
    folded = fold(subject or "")
    for pattern, thing in THING_PHRASES:
        if re.search(pattern, folded):
            return thing
    words = re.findall(r"[\w']+", folded)
    for word in reversed(words):
        if word in THINGS:
            return THINGS[word]
    return None


# What a measure counts when the sentence names nobody: only people are killed or
# wounded ("36 were killed in the strike", "16 were injured").
IMPLIED_THINGS: dict[str, str] = {
    "killed": "people", "wounded": "people", "casualties": "people", "abducted": "people",
}  # fmt: skip
# A thing a measure makes people: the hostages abducted are the people abducted ("took 251
# hostages", "251 others were taken hostage").
PEOPLE_UNDER: dict[str, frozenset[str]] = {"abducted": frozenset({"hostages"})}


def counted_key(subject: str | None, measure: str | None) -> str | None:
    """What a figure counts: its subject's thing, else the one its measure implies when it
    has no subject at all ("at least 35 were killed" counts people)."""
    thing = thing_key(subject)
    if thing is None and not (subject or "").strip() and measure is not None:
        return IMPLIED_THINGS.get(measure)
    if thing in PEOPLE_UNDER.get(measure or "", ()):
        return "people"
    return thing


# Figures with a unit are compared only when their words say what they measure, by this
# table: (the units it applies to, a pattern over the subject and measure words, the
# quantity). "a 70-day truce" and "a 70-day ceasefire" are one truce's length; "annual
# inflation ... 9.9%" is a year's inflation. A sum of money or a
# tariff stays out: "20% on the European Union" and "the 10% baseline" are two rates, and
# the words do not tell them apart.
DURATIONS = frozenset({"hour", "day", "week", "month"})


@dataclass(frozen=True)
class UnitQuantity:
    units: frozenset[str]
    pattern: str  # over the figure's subject and measure words
    key: str
    example: tuple[str, str, str | None, str]  # (unit, subject, measure) as read -> ``key``


UNIT_QUANTITIES: tuple[UnitQuantity, ...] = (
    UnitQuantity(DURATIONS, r"\b(?:truce|ceasefire)\b", "truce length",
                 ("day", "a 70-day ceasefire", None, "truce length")),
    UnitQuantity(DURATIONS, r"\bpaus(?:e|ed|ing)\b", "pause length",
                 ("day", "the 90-day pause", "ends", "pause length")),
    UnitQuantity(DURATIONS, r"\bblockaded?\b", "blockade length",
                 ("week", "Israel's 11-week blockade", None, "blockade length")),
    # How long a meeting, a call or a visit lasted: "a three-day summit" and "the three
    # days of meetings" in Banff; "Trump and Putin spoke for two hours" and "a two-hour
    # phone call"; "a three-day visit to Lebanon".
    UnitQuantity(DURATIONS, r"\b(?:talks|negotiations|meetings?|summit|conference)\b",
                 "meeting length", ("day", "summit", None, "meeting length")),
    UnitQuantity(DURATIONS, r"\b(?:(?:phone\s+)?calls?|conversation|spoke|speak|talked)\b",
                 "call length", ("hour", "Trump", "spoke", "call length")),
    UnitQuantity(DURATIONS, r"\b(?:visit|trip|tour)\b", "visit length",
                 ("day", "visit", "arrived", "visit length")),
    # A year's inflation, not a week's ("Annual inflation in Russia slowed down to 9.9% from
    # May 13 to 19", beside "Inflation in Russia totaled 0.07%" over those days).
    UnitQuantity(frozenset({"percent"}), r"\b(?:annual|year-on-year|yearly)\b.*\binflation\b",
                 "annual inflation", ("percent", "Annual inflation", "slowed", "annual inflation")),
)  # fmt: skip

UNIT_QUANTITY_KEYS = frozenset(rule.key for rule in UNIT_QUANTITIES)


def unit_quantity_key(unit: str | None, subject: str | None, measure: str | None) -> str | None:
    """What a figure with a unit measures, when ``UNIT_QUANTITIES`` knows its words ("70-day",
    unit day, subject "truce" -> "truce length"), else None."""
    words = fold(f"{subject or ''} {measure or ''}")
    for rule in UNIT_QUANTITIES:
        if unit in rule.units and re.search(rule.pattern, words):
            return rule.key
    return None


# What a market index's figure in points measures: its level, which moves through the day.
LEVEL = "level"
_INDEX = re.compile(r"\b([A-Z][A-Za-z0-9&]*)\s+[Ii]ndex\b")


def index_key(subject: str | None) -> str | None:
    """The market index a subject names ("the dollar-denominated RTS Index" -> "rts"),
    else None."""
    found = _INDEX.search(subject or "")
    return fold(found.group(1)) if found else None


def age_key(subject: str | None) -> str | None:
    """Whose age: the person's surname when the subject names one ("Roman Lavrynovych" ->
    "lavrynovych"), else None ("a 75-year-old woman" is nobody in particular)."""
    names = re.findall(r"\b[A-Z][a-z'’-]+\b", subject or "")
    names = [n for n in names if fold(n) not in GENERIC_SOURCE_WORDS and fold(n) not in SIDES]
    return fold(names[-1]) if len(names) >= 2 else None


def side_of(text: str | None) -> str | None:
    """The one side named in ``text`` (None when none or both)."""
    words = re.findall(r"[\w']+", fold(text or ""))
    sides = {SIDES[w] for w in words if w in SIDES}
    return sides.pop() if len(sides) == 1 else None


def owner_key(thing: str | None, measure: str | None, subject: str | None,
              claimant: str | None, place: str | None = None) -> str | None:  # fmt: skip
    """Whose things were counted: the side the subject names ("Ukrainian drones"), or,
    for what a side shoots down or destroys, the other side than the claimant's; or, for
    what is shot down over a side's land, the other side's ("19 drones flying towards
    Moscow had been shot down": Ukraine's)."""
    if thing not in SIDED_THINGS:
        return None
    side = side_of(subject)
    if side is not None:
        return side
    claimant_side = side_of(claimant)
    if measure in OPPOSED_MEASURES and claimant_side in OPPONENTS:
        return OPPONENTS[claimant_side]
    if measure in AIRSPACE_MEASURES:
        return OPPONENTS.get(side_of(place) or "")
    return None


# The two sides whose things the other shoots down or destroys.
OPPONENTS = {"ukraine": "russia", "russia": "ukraine"}
# Measures whose place is the side's land the counted things flew over: what is shot down
# over Moscow is not Russia's.
AIRSPACE_MEASURES = frozenset({"shot down"})


def place_key(place: str | None) -> str | None:
    """ "the Khmelnytskyi region" -> "khmelnytskyi region"; "Kyiv" -> "kyiv"."""
    if not place:
        return None
    key = re.sub(r"^the\s+", "", fold(place).strip())
    key = re.sub(r"\s+", " ", key)
    key = _RUSSIAN_SPELLING.sub(lambda m: PLACE_SPELLINGS[m.group(0)], key)
    return PLACE_ALIASES.get(key, key)


# Russian spellings of Ukrainian places, as TASS writes them -> the Ukrainian ones.
PLACE_SPELLINGS = {
    "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv", "zaporozhye": "zaporizhzhia", "dnepropetrovsk": "dnipropetrovsk",
    "lugansk": "luhansk", "chernigov": "chernihiv", "zhitomir": "zhytomyr",
    "krivoy rog": "kryvyi rih", "kupyansk": "kupiansk", "konstantinovka": "kostiantynivka",
}  # fmt: skip
_RUSSIAN_SPELLING = re.compile(r"\b(?:" + "|".join(map(re.escape, PLACE_SPELLINGS)) + r")\b")


# A claimant whose title names the place they answer for: "Kharkiv Mayor Ihor Terekhov",
# "the governor of the Tula region". A figure such a claimant gives, with no place of its
# own, is that place's (Kharkiv's three injured are not Tula's three). A governor answers
# for a region, in the form ``place_key`` gives one ("Belgorod Governor Vyacheslav
# Gladkov": the Belgorod region), a mayor for a city; a "head of" only of a region's or a
# city's administration ("Head of the Presidential Office" names no place).
_NAME = r"((?:[A-Z][\w'’-]+\s+)*?[A-Z][\w'’-]+)"
_WHOLE_NAME = r"((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"  # "the mayor of Kryvyi Rih"


@dataclass(frozen=True)
class TitlePlace:
    pattern: re.Pattern[str]
    region: bool  # the place is a region ("X region"), else a city ("X")
    example: tuple[str, str]  # (claimant, place key)


TITLE_PLACES: tuple[TitlePlace, ...] = (
    TitlePlace(re.compile(rf"\b(?:[Gg]overnor|[Hh]ead) of (?:the )?{_NAME} "
                          r"(?:[Rr]egion|[Oo]blast|[Rr]egional)\b"),
               True, ("The governor of the Tula region, Dmitry Miliaev", "tula region")),
    TitlePlace(re.compile(rf"\b[Hh]ead of (?:the )?{_NAME} [Cc]ity\b"),
               False, ("the head of the Kyiv city military administration", "kyiv")),
    TitlePlace(re.compile(rf"\b[Mm]ayor of {_WHOLE_NAME}"),
               False, ("the mayor of Kryvyi Rih", "kryvyi rih")),
    TitlePlace(re.compile(rf"\b[Gg]overnor of (?:the )?{_WHOLE_NAME}"),
               True, ("the governor of Belgorod", "belgorod region")),
    TitlePlace(re.compile(rf"\b{_NAME}\s+(?:[Gg]overnor|[Rr]egional|[Oo]blast)\b"),
               True, ("Belgorod Governor Vyacheslav Gladkov", "belgorod region")),
    TitlePlace(re.compile(rf"\b{_NAME}\s+(?:[Cc]ity\s+)?(?:[Mm]ayor|[Cc]ity)\b"),
               False, ("New York City Mayor Eric Adams", "new york")),
)  # fmt: skip


# Capitalised words before or after a title that are not a place ("The governor",
# "Russian regional", "Vice Mayor", "Federal Reserve Governor", "the Bank of England").
_NOT_PLACES = frozenset(
    {"the", "a", "an", "former", "deputy", "acting", "russian", "ukrainian", "israeli",
     "palestinian", "local", "regional", "vice", "lieutenant", "federal", "reserve", "central",
     "bank", "state", "presidential", "general", "military"}
)  # fmt: skip


def title_place(claimant: str | None) -> str | None:
    """The place a claimant's title names (``place_key`` form), else None."""
    for rule in TITLE_PLACES:
        for found in rule.pattern.finditer(claimant or ""):
            words = found.group(1).split()
            while words and (fold(words[0]) in _NOT_PLACES or words[0].endswith(("'s", "’s"))):
                words = words[1:]  # "The Kharkiv", "Ukraine's Kharkiv"
            if words and not any(fold(w) in _NOT_PLACES for w in words):
                name = " ".join(words)
                return place_key(f"{name} region" if rule.region else name)
    return None


def claim_place(place: str | None, claimant: str | None) -> str | None:
    """A figure's place: its own, else the one its claimant's title names."""
    return place_key(place) or title_place(claimant)


def defended_land(measure: str | None, claimant: str | None) -> str | None:
    """Where a side's count of what it shot down in a night is, when the sentence does not
    say: over its own land ("Russia's ministry of defence claimed to have downed 150 drones
    overnight" counts drones over Russia, as "159 Ukrainian drones across the country"
    does)."""
    side = side_of(claimant) if measure in AIRSPACE_MEASURES else None
    return place_key(side) if side in OPPONENTS else None


def is_named(claimant: str | None) -> bool:
    """A claimant that names a source ("Ihor Klymenko", "Russia's Defence Ministry"), not
    one that describes it ("officials", "Ukrainian officials", "the emergency service")."""
    if not claimant:
        return False
    for word in re.findall(r"[\w'’-]+", claimant):
        bare = fold(word).removesuffix("'s").removesuffix("'")
        if not word[:1].isupper() or bare in GENERIC_SOURCE_WORDS:
            continue
        if bare in SIDES and not word.endswith(("'s", "’s")):
            continue  # "Ukrainian officials": a demonym describes
        return True
    return False


def source_name_key(claimant: str) -> str | None:
    """One key for the spellings of one source: "Russia's Ministry of Defense" and "the
    Russian Defence Ministry" -> "defense ministry"; None for a description that could be
    anyone ("officials", "Ukrainian authorities", "it")."""
    by = re.search(r"\b(?:by|from)\s+(\S.*)$", claimant)
    if by is not None:  # "data released by Russia's Defense Ministry": the ministry
        claimant = by.group(1)
    words = []
    for word in re.findall(r"[\w']+", fold(claimant)):
        word = _SPELLINGS.get(word.removesuffix("'s"), word.removesuffix("'s"))
        if word not in _NAME_NOISE and word not in SIDES:
            words.append(word)
    if not words or all(w in ANYONE for w in words):
        return None
    return " ".join(sorted(set(words)))


# Descriptions that could be anyone: two outlets citing "officials" may cite different ones.
ANYONE = frozenset(
    {
        "officials", "official", "authorities", "sources", "source", "media", "reports",
        "report", "it", "they", "he", "she", "we", "i", "local", "regional", "senior",
        "government", "outlets", "there", "a", "an", "some", "residents", "witnesses",
        "people", "experts", "analysts", "statement", "news", "agency", "according",
    }
)  # fmt: skip
