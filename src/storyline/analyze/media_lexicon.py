"""The medium of a statement, as data: the channel its words reached the public through.

Our gold's convention (benchmarks/gold/README.md): a medium is named only when
the article names it: a platform ("posted on X", "in a Truth Social post"), an
outlet the source spoke to or in ("told CBC News", "in an interview with Sport
Express", "on state broadcaster Rossiya-1"), or the outlet relaying the words
("..., RT reported"). A generic channel ("in a statement", "at a press
conference", "told reporters") is no medium: it names no one, but it does say
the words were said on an occasion of their own (``GENERIC_CHANNELS``).

Each rule has the name it normalises to and an example sentence it was seen in
or made up from; ``tests/test_medium.py`` checks that every example gives its
name. Patterns are matched in the attribution clause, never inside what was
said; the first matching rule in this order wins, so longer names come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MediumRule:
    name: str
    pattern: re.Pattern[str]
    example: str


def _rule(name: str, pattern: str, example: str, *, case: bool = False) -> MediumRule:
    """``case``: match case-sensitively (an acronym like "RT" or "AP" is a name; "rt" is not)."""
    return MediumRule(name, re.compile(pattern, 0 if case else re.IGNORECASE), example)


MEDIA: tuple[MediumRule, ...] = (
    # Platforms.
    _rule(
        "Truth Social", r"truth\s+social", "In a Truth Social post, Trump said the talks went well."
    ),
    # Machine-translated "Truth Social" post (seed 002).
    _rule(
        "Truth Social",
        r"social\s+(?:post|contribution)\s+(?:in|to|on)\s+(?:his|the)\s+truth",
        "Trump wrote in a social contribution to the truth that he was not happy.",
    ),
    _rule("Telegram", r"telegram", "Klitschko wrote on Telegram that two people were hurt."),
    # Both names at once ("X/Twitter"): a slash before a name is otherwise a photo credit.
    _rule(
        "X",
        r"\bX/Twitter\b|\bTwitter/X\b",
        "Kariv wrote on X/Twitter that the hostages were a symbol.",
        case=True,
    ),
    # "X" only as the platform: after a preposition or "platform", capitalised.
    _rule(
        "X",
        r"\b(?:[Oo]n|[Vv]ia|[Aa]bout|[Pp]latform|[Pp]ost\s+on)\s+X\b(?![-'’])",
        "Sybiha said in a post on social media platform X that the night was difficult.",
        case=True,
    ),
    # ... or someone's account there: "said in a post on his X account" (the platform,
    # not the writer's employer: "Axios journalist Barak Ravid").
    _rule(
        "X",
        r"\b(?:[Oo]n|[Vv]ia|[Tt]o)\s+(?:his|her|their|its|the)\s+X\s+(?:account|page|feed)\b",
        "Axios journalist Barak Ravid said in a post on his X account that talks had stalled.",
        case=True,
    ),
    _rule("X", r"twitter", "Zelensky said on Twitter that the strikes must stop."),
    _rule("Facebook", r"facebook", "The school said on Facebook that it was in pain."),
    _rule("Instagram", r"instagram", "The singer wrote on Instagram that she was safe."),
    _rule("TikTok", r"tiktok", "The influencer said in a TikTok video that he was leaving."),
    _rule("YouTube", r"youtube", "The blogger said on YouTube that the front had moved."),
    _rule("Truth Social", r"truth\b", "Trump said on Truth that the deal was near."),
    # Broadcasters and papers the words were told to or given in.
    _rule("Fox News", r"fox\s+news", "Vance told Fox News that the talks were over."),
    _rule("CNN", r"\bcnn\b", "The senator told CNN the bill would pass."),
    _rule("MSNBC", r"\bmsnbc\b", "The governor told MSNBC the state was ready."),
    _rule("NBC News", r"\bnbc(?:\s+news)?\b", "The envoy told NBC News that a deal was close."),
    _rule("CBS News", r"\bcbs(?:\s+news)?\b", "Rubio said in an interview with CBS News that ..."),
    _rule(
        "ABC News",
        r"\bABC(?:\s+News)?\b(?!\s+(?:newspaper|daily))",
        "The minister told ABC News the troops would stay.",
        case=True,
    ),
    _rule("BBC", r"\bbbc\b", "The foreign minister said in an exclusive BBC interview that ..."),
    _rule("PBS", r"\bpbs\b", "The economist told PBS that prices would rise."),
    _rule(
        "CBC News", r"\bcbc(?:\s+news)?\b", "The minister told CBC News that the deal was close."
    ),
    _rule("NPR", r"\bnpr\b", "The mayor told NPR the city was ready."),
    _rule(
        "Sky News Arabia", r"sky\s+news\s+arabia", "Sky News Arabia reported that a deal was near."
    ),
    _rule("Sky News", r"sky\s+news", "The minister told Sky News the talks were useful."),
    _rule("Al Jazeera", r"al[- ]jazeera", "The official told Al Jazeera that the border was shut."),
    _rule("Reuters", r"\breuters\b", "The source told Reuters on condition of anonymity."),
    _rule(
        "Associated Press",
        r"[Aa]ssociated\s+[Pp]ress|\bAP\b",
        "The mayor told The Associated Press that the bridge was hit.",
        case=True,
    ),
    _rule(
        "AFP",
        r"Agence\s+France[- ]Presse|\bAFP\b",
        "The official told the AFP news agency that it was a suicide bombing.",
        case=True,
    ),
    _rule("The Guardian", r"(?:the\s+)?guardian\b", "The minister told the Guardian that ..."),
    _rule("The New York Times", r"new\s+york\s+times", "He told The New York Times that ..."),
    _rule("The Washington Post", r"washington\s+post", "She told The Washington Post that ..."),
    _rule("The Wall Street Journal", r"wall\s+street\s+journal", "He told The Wall Street Journal"),
    _rule("Financial Times", r"financial\s+times", "The chancellor told the Financial Times ..."),
    _rule("Detroit Free Press", r"detroit\s+free\s+press", "He told the Detroit Free Press ..."),
    _rule("Politico", r"politico", "An official told Politico that the vote was delayed."),
    _rule("Axios", r"axios", "Two officials told Axios that the plan was ready."),
    _rule("Voice of America", r"voice\s+of\s+america", "He told Voice of America that ..."),
    _rule(
        "Le Monde", r"\bLe\s+Monde\b", "Le Monde's correspondent wrote on April 28 ...", case=True
    ),
    # Russian and Ukrainian agencies and channels.
    _rule("TASS", r"\btass\b", "Shoigu warned in an interview with TASS that the plans were ..."),
    _rule("RIA Novosti", r"\bria(?:\s+novosti)?\b", "Peskov told RIA Novosti on Tuesday that ..."),
    _rule("Interfax", r"interfax", "The governor told Interfax that the fire was out."),
    _rule(
        "RT", r"\bRT\b|Russia\s+Today", "Peskov said the talks would go on, RT reported.", case=True
    ),
    _rule("Izvestia", r"izvestia", "The diplomat told Izvestia that the talks had stalled."),
    _rule("Kommersant", r"kommersant", "A source told Kommersant that the deal was off."),
    _rule("Rossiya-1", r"rossiya[- ]?1\b", "Peskov told state broadcaster Rossiya-1 that ..."),
    _rule("Channel One", r"channel\s+one\b", "Lavrov told Channel One that the West had lied."),
    _rule("Ukrinform", r"ukrinform", "The commander told Ukrinform that the line held."),
    _rule("Ukrainska Pravda", r"ukrainska\s+pravda", "A source told Ukrainska Pravda that ..."),
    _rule(
        "Russian state media",
        r"(?:russian|russia's|kremlin)\s+state\s+(?:media|television|tv)",
        "Peskov said on Russian state television that the talks were useful.",
    ),
    _rule("state media", r"state\s+(?:media|television|tv)", "He said on state TV that ..."),
)

# What makes a name an outlet the words reached the public through, when no rule
# above knows it: a word in its name ("CBC News", "Sport Express", "BFM-TV", "La
# Tribune Dimanche", "the Jerusalem Post") or a noun before or after it
# ("Russia's sports daily Sport Express", "the AFP news agency", "state broadcaster
# Rossiya-1", "the conservative media platform PragerU", "Radio station Cadena SER").
OUTLET_NAME_WORDS: frozenset[str] = frozenset(
    {"news", "tv", "radio", "times", "post", "journal", "daily", "press", "gazette"}
    | {"express", "telegraph", "herald", "tribune", "dimanche", "channel", "telegraphic"}
    | {"anadolu"}
    | {"today", "izvestia", "kommersant", "pravda", "interfax", "sputnik", "afp", "rt"}
    | {"smotrim.ru", "ria", "tass", "ukrinform", "ukrainska", "nbc", "cbc"}
)
OUTLET_NOUNS: frozenset[str] = frozenset(
    {"daily", "newspaper", "paper", "tabloid", "weekly", "magazine", "channel", "broadcaster"}
    | {"agency", "outlet", "station", "network", "website", "platform", "podcast", "show"}
    | {"programme", "program", "tv", "television", "radio", "blog", "portal"}
)
# An outlet saying something on its own account ("Radio station Cadena SER said")
# needs a news word: an agency, a platform or a network may be any body.
NEWS_NAME_WORDS: frozenset[str] = frozenset({"news", "tv", "radio"})
NEWS_NOUNS: frozenset[str] = frozenset(
    {"newspaper", "daily", "tabloid", "weekly", "magazine", "broadcaster", "station"}
    | {"radio", "tv", "television", "channel", "outlet"}
)
# "Agency" alone in a name is no outlet ("according to the International Atomic Energy
# Agency"); as a noun beside a name it is ("the AFP news agency", "news agency Wafa").
# A paper's name shortened to its last word ("told the Post"), the full name the
# article gave before stands for.
OUTLET_SHORT_FORMS: frozenset[str] = frozenset(
    {"post", "times", "journal", "herald", "tribune", "telegraph", "gazette", "globe"}
)
# A broadcaster's words after a body's name make it the body's channel: "said in an
# interview on the Knesset TV channel" (Knesset TV, not the Knesset).
BROADCAST_SUFFIXES: frozenset[str] = frozenset({"TV", "Radio"})
# A newsroom's desks: "Foreign News Reporter Tom Watling reports" names no outlet.
DESK_WORDS: frozenset[str] = frozenset(
    {"foreign", "world", "breaking", "local", "business", "political", "national"}
    | {"international", "live", "senior", "chief", "sports", "politics"}
)
# An outlet's own staff: "Le Monde's legal correspondent, Pascale Robert-Diard, wrote"
# writes in Le Monde.
JOURNALIST_NOUNS: frozenset[str] = frozenset(
    {"correspondent", "reporter", "columnist", "editor", "journalist", "commentator"}
    | {"anchor", "presenter"}
)
# An event an outlet hosts is where its guests speak: "warned at the Jerusalem Post
# Annual New York Conference" (an outlet's conference; "at a press conference" names
# no outlet and is no medium).
EVENT_NOUNS: frozenset[str] = frozenset(
    {"conference", "forum", "summit", "festival", "event", "debate"}
)
# Verbs through which an outlet relays another's words: "..., RT reported".
RELAY_LEMMAS: frozenset[str] = frozenset({"report", "say", "write", "quote", "cite"})


@dataclass(frozen=True)
class Channel:
    """A generic channel: no medium, but an occasion of its own (nothing carries to it)."""

    pattern: re.Pattern[str]
    example: str


def _channel(pattern: str, example: str) -> Channel:
    return Channel(re.compile(pattern, re.IGNORECASE), example)


GENERIC_CHANNELS: tuple[Channel, ...] = (
    _channel(
        r"\b(?:told|telling|tells|speaking\s+to|spoke\s+to|speaks\s+to)\s+(?:the\s+)?"
        r"(?:reporters|journalists|the\s+press|the\s+media)\b",
        "Speaking to reporters on his way back to Washington, Trump said: ...",
    ),
    _channel(
        r"\b(?:press|news)\s+conference|\bbriefing\b",
        "Peskov told a press conference that the talks would go on.",
    ),
    _channel(r"\bin\s+a\s+(?:written\s+)?statement\b", "The ministry said in a statement that ..."),
    _channel(
        r"\b(?:video|televised|nightly|evening)\s+address\b|\bin\s+a\s+speech\b",
        "Zelensky said in his nightly video address that ...",
    ),
)

# A channel the parser leaves inside what was said, at its end, once no rule found
# one in the attribution clause.
# After reported speech: "Leiter said that Syria could join the accords, in an
# interview published on the conservative media platform PragerU on Thursday".
CHANNEL_TAIL = re.compile(
    r",\s+(?:in|during)\s+(?:an?|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:interview|post|video|address|op-ed|article|column|podcast|broadcast|appearance)\b"
    r"[^,;]*$",
    re.IGNORECASE,
)
# After a nominal object: "The school expressed its condolences on Facebook".
PLATFORM_TAIL = re.compile(
    r"\s(?:on|via)\s+(?:(?:his|her|its|their|the|official)\s+)*[\w-]+"
    r"(?:\s+(?:page|account|channel))?$",
    re.IGNORECASE,
)

# An outlet relaying the sentence's words, named at its end, where the parser hangs it
# anywhere: "..., Kotka's planning director Markku Hannonen said, Yle reported." and
# "..., said Ahmed al-Deek, an assistant to the foreign minister, Anadolu Agency
# reported." The name must be an outlet (``medium_date.relay_tail``).
RELAY_TAIL = re.compile(
    r",\s+(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+"
    r"(?:reported|said|wrote|added)(?:,\s+citing\b[^.]*)?[.!]?[\s\u201d\"]*$"
)

# A channel the parser left at the end of reported words with no comma before it, when
# it names a platform or an outlet: "Zelenskyy said the U.S. silence only encourages
# Putin in a Monday post on X"; "Trump said Putin had 'gone absolutely CRAZY' in
# comments on Truth Social" (``medium_date.channel_tail``). The words end before it.
NAMED_CHANNEL_TAIL = re.compile(
    r"\s+(?:in|during|via)\s+(?:(?:an?|his|her|their|its|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:interview|post|video|address|comments?|remarks|message|op-ed|article|column|"
    r"podcast|broadcast|appearance|statement)s?\s+(?:on|with|to|in|for)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][^,;.!?\"\u201c\u201d]{0,40}?)\s*$"
)
