"""A generated news corpus for the browser tests: a few hundred articles, synthetic but shaped
like news-dumpster.

Each article reports one of a score of events (a strike on a city, a prisoner
exchange, ceasefire talks, sanctions, ...) as an outlet would: a dateline
lead, quotes with speech verbs and media ("..., Zelensky said on Telegram"),
reported speech, figures that their claimants dispute (Kyiv's dead against
Moscow's, a toll revised upwards), and background. Outlets come in newsroom
families (dw, dw-eu, dw-world) and some articles are copied as they are by a
sibling desk or a syndicating outlet (tass -> tasnim-news), so the store marks
them as duplicates. One event dates its toll "since 7 October 2023", the
kind of figure that stretched news-dumpster's chart axes. All of it seeded:
the same corpus every run.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

OUTLETS = (
    "dw", "dw-eu", "dw-world", "bbc-world", "bbc-top", "tass", "tasnim-news", "nyt-world",
    "jpost", "jpost-israel", "fox-world", "cbc-world", "lemonde", "mainichi", "induk-ukrain",
)  # fmt: skip
# Who copies whom, as they are (the same text under another desk's or outlet's name).
COPIERS = {"dw": "dw-eu", "dw-world": "dw-eu", "bbc-world": "bbc-top", "tass": "tasnim-news",
           "jpost": "jpost-israel", "cbc-world": "fox-world"}  # fmt: skip
# One place and one target per event, so that each event reads as its own story.
PLACES = (
    ("Kharkiv", "a power station"), ("Odesa", "a grain terminal"), ("Dnipro", "a railway depot"),
    ("Zaporizhzhia", "an apartment block"), ("Sumy", "a hospital"), ("Kherson", "a ferry pier"),
    ("Lviv", "a fuel depot"), ("Poltava", "a military academy"), ("Chernihiv", "a school"),
    ("Mykolaiv", "a shipyard"), ("Kryvyi Rih", "a playground"), ("Vinnytsia", "an airfield"),
    ("Kramatorsk", "a water plant"), ("Bila Tserkva", "a tyre factory"), ("Uman", "a bus station"),
    ("Izmail", "a Danube port"), ("Rivne", "a substation"), ("Cherkasy", "a hotel"),
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST_DAY = date(2025, 5, 14)


@dataclass(frozen=True)
class Voice:
    name: str
    short: str
    role: str
    medium: str | None
    quotes: tuple[str, ...]


VOICES = {
    "zelensky": Voice(
        "Volodymyr Zelensky",
        "Zelensky",
        "Ukrainian President",
        "Telegram",
        (
            "Every such attack is a reason for new sanctions against Russia",
            "Russia is dragging out this war and continues to kill every day",
            "We need air defence systems, not words of concern",
            "Ukraine is ready for a full ceasefire starting today",
        ),
    ),
    "putin": Voice(
        "Vladimir Putin",
        "Putin",
        "Russian President",
        None,
        (
            "We are ready to work with the Ukrainian side on a memorandum on a future peace",
            "The root causes of this conflict must be removed",
            "Russia has never refused to negotiate",
        ),
    ),
    "peskov": Voice(
        "Dmitry Peskov",
        "Peskov",
        "Kremlin spokesman",
        None,
        (
            "There are no deadlines and there cannot be any",
            "The details of the exchange are being worked out",
            "Moscow remains open to contacts at every level",
        ),
    ),
    "trump": Voice(
        "Donald Trump",
        "Trump",
        "US President",
        "Truth Social",
        (
            "I am not happy with what Putin is doing",
            "Both sides must stop the killing now",
            "We want the war to stop, and a ceasefire now",
        ),
    ),
    "kallas": Voice(
        "Kaja Kallas",
        "Kallas",
        "EU foreign policy chief",
        None,
        (
            "Russia does not want peace, it wants Ukraine",
            "The next sanctions package is already being prepared",
        ),
    ),
    "klymenko": Voice(
        "Ihor Klymenko",
        "Klymenko",
        "Interior Minister",
        "Telegram",
        (
            "Rescuers are still working at the site",
            "The enemy deliberately struck residential buildings",
        ),
    ),
    "lavrov": Voice(
        "Sergei Lavrov",
        "Lavrov",
        "Russian Foreign Minister",
        None,
        (
            "The West is using Ukraine as a tool against Russia",
            "Europe is seeking an escalation to rearm Kiev",
        ),
    ),
    "macron": Voice(
        "Emmanuel Macron",
        "Macron",
        "French President",
        "X",
        (
            "Europe will not abandon Ukraine",
            "The coming days will show whether Moscow wants peace",
        ),
    ),
}


@dataclass(frozen=True)
class Event:
    kind: str  # strike | swap | talks | sanctions | gaza
    place: str
    target: str
    day: int  # days after FIRST_DAY
    voices: tuple[str, ...]
    articles: int
    toll: int  # the first toll Kyiv gives (strikes)


TALKS = (("Istanbul", "the Dolmabahce palace"), ("Geneva", "the Palais des Nations"),
         ("Riyadh", "the Ritz-Carlton"), ("the Vatican", "the Apostolic Palace"),
         ("Jeddah", "the Al-Salam palace"))  # fmt: skip
SWAPS = (("the Belarusian border", "Belarus"), ("Chernihiv region", "the UAE"),
         ("the Sumy border", "Turkey"))  # fmt: skip
SANCTIONS = (("Brussels", "the shadow fleet"), ("Luxembourg", "Russian LNG"),
             ("Strasbourg", "Belarusian potash"))  # fmt: skip


def _events(rng: random.Random) -> list[Event]:
    voices = {
        "strike": ("zelensky", "klymenko", "peskov", "trump"),
        "swap": ("zelensky", "peskov", "trump"),
        "talks": ("putin", "peskov", "trump", "macron", "zelensky"),
        "sanctions": ("kallas", "lavrov", "macron", "zelensky"),
        "gaza": ("trump", "macron"),
    }
    plan = [("strike", p, t) for p, t in PLACES] + [("talks", p, t) for p, t in TALKS]
    plan += [("swap", p, t) for p, t in SWAPS] + [("sanctions", p, t) for p, t in SANCTIONS]
    plan.append(("gaza", "Gaza", "Khan Younis"))
    out = []
    for n, (kind, place, target) in enumerate(plan):
        size = 26 if n == 0 else rng.choice((3, 5, 8, 10, 14, 18))
        # Three days between events: what one story clusters is one event (stories
        # never join articles more than two days apart).
        out.append(Event(kind, place, target, 3 * n, voices[kind], size, 4 + 3 * (n % 5)))
    return out


def _quote(rng: random.Random, key: str) -> str:
    v = VOICES[key]
    said = rng.choice(v.quotes)
    where = f" on {v.medium}" if v.medium and rng.random() < 0.7 else ""
    return rng.choice((
        f'"{said}," {v.role} {v.name} said{where}.',
        f'{v.name} said{where}: "{said}."',
        f'"{said}," {v.short} told reporters.',
    ))  # fmt: skip


def _figures(rng: random.Random, ev: Event, day: date, outlet: str) -> list[str]:
    """The event's tolls as its claimants give them: Moscow's far below Kyiv's, and
    Kyiv's toll revised upwards from the second day."""
    late = (day - FIRST_DAY).days > ev.day
    if ev.kind == "strike":
        killed = ev.toll + (3 if late else 0)
        kyiv = (
            f"At least {killed} people were killed and {killed * 4} wounded when Russian "
            f"missiles hit {ev.target} in {ev.place}, Interior Minister Ihor Klymenko said."
        )
        moscow = (
            f"Russia's Defence Ministry said it had struck {ev.target} in {ev.place} used by "
            f"the Ukrainian army, and that {max(2, ev.toll // 3)} people had been killed."
        )
        drones = (
            f"Russia fired {40 + ev.day * 2} drones and {ev.day // 3 + 4} missiles at Ukraine "
            "overnight, the Ukrainian air force said."
        )
        first = moscow if outlet in ("tass", "tasnim-news") else kyiv
        return [first, drones] + ([moscow] if first is kyiv and rng.random() < 0.3 else [])
    if ev.kind == "swap":
        return [
            f"Ukraine and Russia each released {390 + ev.day * 10} prisoners of war in the "
            f"prisoner swap at {ev.place}, mediated by {ev.target}, officials said.",
            f"Kyiv said {270 + ev.day} soldiers and 120 civilians had come home.",
        ]
    if ev.kind == "gaza":
        return [
            "Since October 7, 2023, at least 53,939 people have been killed in Gaza, the "
            "territory's health ministry said.",
            f"At least {60 + ev.day} people were killed in Israeli strikes on {ev.target} on "
            f"{WEEKDAYS[ev.day % 7]}, Gaza's civil defence agency said.",
        ]
    if ev.kind == "sanctions":
        return [
            f"The package agreed in {ev.place} targets {ev.target} and {180 + ev.day * 5} "
            f"tankers, EU diplomats said.",
        ]
    return [
        f"The delegations met for {2 + ev.day % 3} hours at {ev.target} in {ev.place}, the "
        "first direct talks since 2022, according to the hosts.",
    ]


BACKGROUND = (
    "Russia launched its full-scale invasion of Ukraine in February 2022.",
    "The talks were the first direct contact between the two sides in more than three years.",
    "Air raid alerts sounded across much of the country for several hours.",
    "European leaders have pushed for an unconditional ceasefire of 30 days.",
    "Each prisoner was checked by doctors before being taken to a hospital.",
    "Officials did not say when the next round would take place.",
    "The swap of bodies of the fallen was agreed separately.",
    "Residents spent the night in shelters and metro stations.",
)
TITLES = {
    "strike": "Russian missiles hit {target} in {place}, killing at least {n}",
    "swap": "Ukraine and Russia swap hundreds of prisoners at {place}",
    "talks": "Ceasefire talks in {place}: delegations meet at {target}",
    "sanctions": "EU agrees sanctions on {target} in {place}",
    "gaza": "Gaza: dozens killed in strikes on {target}",
}


def _article(rng: random.Random, ev: Event, n: int) -> dict[str, str]:
    day = FIRST_DAY + timedelta(days=ev.day + rng.choice((0, 0, 1, 1, 2)))
    outlet = rng.choice(OUTLETS if ev.kind != "gaza" else ("jpost", "bbc-world", "dw"))
    figures = _figures(rng, ev, day, outlet)
    speakers = rng.sample(ev.voices, min(len(ev.voices), rng.randint(2, 4)))
    paragraphs = [
        f"{ev.place.upper()} — {figures[0]}",
        *(_quote(rng, key) for key in speakers[:1]),
        *figures[1:],
        *(_quote(rng, key) for key in speakers[1:]),
        f"{VOICES[ev.voices[-1]].name} told reporters on {WEEKDAYS[day.weekday()]} that "
        f"the situation in {ev.place} remained difficult.",
        *rng.sample(BACKGROUND, 2),
    ]
    title = TITLES[ev.kind].format(place=ev.place, target=ev.target, n=ev.toll)
    return {
        "source": outlet,
        "title": title if n % 3 else f"{title}: what we know",
        "link": f"https://{outlet}.example/{ev.kind}-{n}",
        "published": day.isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def write_corpus(path: Path, seed: int = 16) -> int:
    """Write the corpus as JSON Lines at ``path``; returns how many articles."""
    rng = random.Random(seed)
    records = []
    for ev in _events(rng):
        for _ in range(ev.articles):
            art = _article(rng, ev, len(records))
            records.append(art)
            copier = COPIERS.get(art["source"])
            if copier and rng.random() < 0.35:
                records.append({**art, "source": copier, "link": art["link"] + "-copy"})
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return len(records)
