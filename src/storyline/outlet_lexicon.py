"""News outlets and agencies, as data: one list for every stage.

``corpus.sources`` reads these to tell an article's own reporting from words
it passes on from another outlet ("..., RT reported", "told TASS", "according
to Reuters", a "WASHINGTON (AP) --" dateline); the statements' medium
(``analyze.statements.medium_date``) reads them to know an outlet the words
were told to ("the analyst told DW") when its name has no news word in it.
Here, below every stage, so the per-article analysis need not import the
corpus package. Each outlet has the pattern it
is written as (case matters: "AP" and "RT" are names, "ap" and "rt" are not),
the families it publishes under (the first label of its web domain, and the
feed names news-dumpster gives it), so "told TASS" in a TASS article is TASS's
own interview, not a relay, and an example sentence from the news it was
found in. ``tests/test_sources.py`` checks every example names its outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    label: str
    pattern: str  # a regular expression, matched case-sensitively
    families: frozenset[str]
    example: str


def _outlet(label: str, pattern: str, families: str, example: str) -> Outlet:
    return Outlet(label, pattern, frozenset(families.split()), example)


OUTLETS: tuple[Outlet, ...] = (
    # Wire agencies.
    _outlet("Reuters", r"Reuters", "reuters", "the source told Reuters on condition of anonymity"),
    _outlet(
        "Associated Press",
        r"(?:[Tt]he )?Associated Press|AP\b",
        "apnews ap",
        "he told The Associated Press in an interview",
    ),
    _outlet(
        "AFP",
        r"Agence France-Presse|AFP\b",
        "afp france24",
        "the ministry said, Agence France-Presse reported",
    ),
    _outlet("dpa", r"dpa\b|DPA\b|Deutsche Presse-Agentur", "dpa", "a spokesperson told dpa"),
    _outlet("UPI", r"UPI\b", "upi", "WASHINGTON (UPI) -- The Senate voted"),
    _outlet("Xinhua", r"Xinhua", "xinhuanet xinhua news", "he told Xinhua on Monday"),
    _outlet("Kyodo", r"Kyodo(?: News)?", "kyodonews kyodo", "the official told Kyodo News"),
    _outlet("Yonhap", r"Yonhap", "yna yonhap", "Yonhap reported, citing officials"),
    _outlet("Anadolu", r"Anadolu(?: Agency)?", "aa anadolu", "Anadolu Agency reported"),
    _outlet("ANSA", r"ANSA\b", "ansa", "ANSA reported on Sunday"),
    _outlet("EFE", r"EFE\b", "efe", "he told EFE"),
    _outlet("TASR", r"TASR\b", "tasr", "Fico told TASR"),
    _outlet("Ukrinform", r"Ukrinform", "ukrinform", "the commander told Ukrinform"),
    _outlet("WAFA", r"WAFA\b", "wafa", "according to WAFA, the official news agency"),
    # Russian state media.
    _outlet("TASS", r"TASS\b|Tass\b", "tass", "Jaishankar said, TASS reported"),
    _outlet(
        "RIA Novosti",
        r"RIA(?: Novosti)?\b",
        "ria",
        "Peskov told RIA Novosti on Tuesday",
    ),
    _outlet("Interfax", r"Interfax(?:-Ukraine)?", "interfax", "the governor told Interfax"),
    _outlet("RT", r"RT\b|Russia Today", "rt", "the base was hit, RT reported"),
    _outlet("Sputnik", r"Sputnik\b", "sputniknews sputnikglobe sputnik", "he told Sputnik"),
    _outlet("Izvestia", r"Izvestia", "iz izvestia", "the diplomat told Izvestia"),
    _outlet("Kommersant", r"Kommersant", "kommersant", "a source told Kommersant"),
    _outlet("Vedomosti", r"Vedomosti", "vedomosti", "the analyst told Vedomosti"),
    _outlet(
        "Rossiya TV",
        r"Rossiya[- ]?(?:1|24)(?: TV)?|Rossiya TV",
        "vesti rossiya",
        "Peskov told Rossiya-24 TV",
    ),
    _outlet("Vesti", r"Vesti\b", "vesti", "the pilot told Vesti"),
    _outlet("Channel One", r"Channel One\b", "1tv", "Lavrov told Channel One"),
    # Middle East.
    _outlet("Tasnim", r"Tasnim(?: News)?", "tasnimnews tn tasnim", "Araghchi told Tasnim"),
    _outlet("Mehr", r"Mehr(?: News)?(?: Agency)?", "mehrnews mehr", "Mehr News reported"),
    _outlet("IRNA", r"IRNA\b", "irna", "IRNA reported on Monday"),
    _outlet("Fars", r"Fars(?: News)?(?: Agency)?\b", "farsnews fars", "Fars reported"),
    _outlet("Press TV", r"Press TV", "presstv", "according to Press TV"),
    _outlet("Al Jazeera", r"Al[- ]Jazeera", "aljazeera", "the ministry told Al Jazeera"),
    _outlet("Al Arabiya", r"Al[- ]Arabiya", "alarabiya", "Al Arabiya reported"),
    _outlet(
        "Al-Araby Al-Jadeed",
        r"Al-Araby Al-Jadeed",
        "alaraby",
        "a Hamas source told Al-Araby Al-Jadeed",
    ),
    _outlet(
        "Al-Qahira Al-Ekhbariya",
        r"Al-Qahira Al-Ekhbariya|Al Qahera News",
        "alqaheranews",
        "Al-Qahira Al-Ekhbariya reported",
    ),
    _outlet("Asharq Al-Awsat", r"Asharq(?: Al-Awsat)?", "aawsat asharq", "according to Asharq"),
    _outlet("Walla", r"Walla\b", "walla", "the official told Walla"),
    _outlet("N12", r"N12\b|Channel 12", "mako n12", "N12 reported on Sunday"),
    _outlet("Kan", r"KAN\b|Kan (?:News|public broadcaster)", "kan", "KAN reported"),
    _outlet("Ynet", r"Ynet(?:news)?", "ynetnews ynet", "a senior official told Ynet"),
    _outlet("Haaretz", r"Haaretz", "haaretz", "Haaretz reported"),
    _outlet(
        "The Times of Israel",
        r"(?:[Tt]he )?Times of Israel",
        "timesofisrael",
        "he told The Times of Israel",
    ),
    _outlet(
        "The Jerusalem Post",
        r"(?:[Tt]he )?Jerusalem Post",
        "jpost",
        "an Israeli official told The Jerusalem Post",
    ),
    _outlet("The Media Line", r"(?:[Tt]he )?Media Line", "themedialine", "told The Media Line"),
    _outlet("Arutz Sheva", r"Arutz Sheva", "israelnationalnews arutz", "told Arutz Sheva"),
    # US and UK.
    _outlet("BBC", r"BBC\b", "bbc", "the minister told the BBC"),
    _outlet("CNN", r"CNN\b", "cnn", "CNN reported, citing two sources"),
    _outlet("Fox News", r"Fox News(?: Digital)?", "foxnews fox", "he told Fox News Digital"),
    _outlet("NBC News", r"NBC(?: News)?\b", "nbcnews nbc", "Bessent told NBC News"),
    _outlet("CBS News", r"CBS(?: News)?\b", "cbsnews cbs", "an aid official told CBS News"),
    _outlet("ABC News", r"ABC(?: News)?\b", "abcnews abc", "she told ABC News"),
    _outlet("CNBC", r"CNBC\b", "cnbc", "the CEO told CNBC"),
    _outlet("NPR", r"NPR\b", "npr", "he told NPR"),
    _outlet("Axios", r"Axios", "axios", "Axios' Barak Ravid reported"),
    _outlet("Politico", r"Politico|POLITICO", "politico", "Politico reported"),
    _outlet("Bloomberg", r"Bloomberg(?: News)?", "bloomberg", "Bloomberg reported"),
    _outlet(
        "The New York Times",
        r"(?:[Tt]he )?New York Times",
        "nytimes nyt",
        "The New York Times reported",
    ),
    _outlet(
        "The Washington Post",
        r"(?:[Tt]he )?Washington Post",
        "washingtonpost",
        "an official told The Washington Post",
    ),
    _outlet(
        "The Wall Street Journal",
        r"(?:[Tt]he )?Wall Street Journal",
        "wsj",
        "The Wall Street Journal reported",
    ),
    _outlet("The Guardian", r"(?:[Tt]he )?Guardian\b", "theguardian guardian", "told the Guardian"),
    _outlet("Financial Times", r"(?:[Tt]he )?Financial Times", "ft", "told the Financial Times"),
    _outlet(
        "The Telegraph", r"(?:[Tt]he )?(?:Daily )?Telegraph", "telegraph", "told The Telegraph"
    ),
    _outlet(
        "The Kyiv Independent",
        r"(?:[Tt]he )?Kyiv Independent",
        "kyivindependent",
        "the commander told the Kyiv Independent",
    ),
    _outlet(
        "The Independent",
        r"[Tt]he Independent\b",
        "independent induk",
        "she told The Independent",
    ),
    _outlet("Sky News", r"Sky News", "sky skynews", "he told Sky News"),
    _outlet("Newsweek", r"Newsweek", "newsweek", "told Newsweek"),
    _outlet("The Irish Times", r"(?:[Tt]he )?Irish Times", "irishtimes", "told The Irish Times"),
    _outlet("CBC", r"CBC\b", "cbc", "the mayor told CBC"),
    # Europe.
    _outlet("DW", r"DW\b|Deutsche Welle", "dw", "the analyst told DW"),
    _outlet("Deutschlandfunk", r"Deutschlandfunk", "deutschlandfunk", "told Deutschlandfunk"),
    _outlet("ARD", r"ARD\b", "ard tagesschau", "Wadephul told ARD"),
    _outlet("ZDF", r"ZDF\b", "zdf", "he told ZDF"),
    _outlet("WDR", r"WDR\b", "wdr", "told WDR"),
    _outlet("Bild", r"Bild\b", "bild", "he told Bild"),
    _outlet("Der Spiegel", r"(?:Der )?Spiegel\b", "spiegel", "Der Spiegel reported"),
    _outlet("Tagesspiegel", r"Tagesspiegel", "tagesspiegel", "Tagesspiegel reported"),
    _outlet(
        "Frankfurter Allgemeine",
        r"Frankfurter Allgemeine(?: Sonntagszeitung| Zeitung)?|FAZ\b",
        "faz",
        "he told the Frankfurter Allgemeine Sonntagszeitung",
    ),
    _outlet("Le Monde", r"Le Monde", "lemonde", "she told Le Monde"),
    _outlet("Le Figaro", r"Le Figaro", "lefigaro", "told Le Figaro"),
    _outlet("El Mundo", r"El Mundo", "elmundo", "according to El Mundo"),
    _outlet("El País", r"El Pa[ií]s", "elpais", "told El País"),
    _outlet("Yle", r"Yle\b", "yle", "Yle reported"),
    _outlet("ERR", r"ERR\b", "err", "ERR reported"),
    _outlet("Mainichi", r"(?:[Tt]he )?Mainichi(?: Shimbun)?", "mainichi", "told the Mainichi"),
    _outlet("NHK", r"NHK\b", "nhk", "NHK reported"),
)

# Outlets named by what they are, not by name ("told the newspaper"): a relay
# all the same, of an outlet we cannot tell apart from others.
GENERIC_OUTLETS: tuple[Outlet, ...] = (
    _outlet(
        "a newspaper",
        r"(?:[Tt]he |[Aa] )(?:news)?paper\b",
        "",
        "Pistorius told the newspaper",
    ),
    _outlet(
        "a news agency",
        r"(?:[Tt]he |[Aa] )(?:state )?news agency\b",
        "",
        "the official told the news agency",
    ),
    _outlet(
        "a broadcaster",
        r"(?:[Tt]he |[Aa] )(?:public )?(?:broadcaster|channel|radio station|TV channel)\b",
        "",
        "he told the broadcaster",
    ),
    _outlet(
        "state media",
        r"(?:[A-Z]\w+(?:'s)? )?[Ss]tate (?:media|television|TV|broadcaster)\b",
        "",
        "the demands are excessive, according to state media",
    ),
    _outlet("local media", r"[Ll]ocal (?:media|press|outlets)\b", "", "local media reported"),
    _outlet(
        "other media",
        r"(?<![Ss]ocial )(?:[A-Z]\w+ )?media\b",
        "",
        "the Elysee sources, quoted by French media",
    ),
)


_NAMED = tuple((o, re.compile(f"(?:{o.pattern})$")) for o in OUTLETS)
_ANY = (*_NAMED, *((o, re.compile(f"(?:{o.pattern})$")) for o in GENERIC_OUTLETS))


def outlet_named(words: str, generic: bool = True) -> Outlet | None:
    """The lexicon's outlet these words name, whole (``"Fox News Digital"`` -> Fox News,
    "Deutsche Welle" -> DW); with ``generic`` also an outlet named by what it is ("the
    newspaper", "local media"). None for any other words ("Guardian Council")."""
    words = words.strip()
    for candidate in (words, re.sub(r"^[Tt]he\s+", "", words)):
        for outlet, pattern in _ANY if generic else _NAMED:
            if pattern.match(candidate):
                return outlet
    return None
