"""Who held a country's highest offices, and when: whom "the Ukrainian president" means.

An article that names "Zelenskyy" and later writes "the Ukrainian president said"
never ties the two itself; a reader knows who held the office on the article's
date. The table only chooses among the people the article names: a role resolves
to the holder of the office on the publication day when the article names that
person (by surname, written as the article writes it), and to nobody else. No
date, no holder named: the role stays described.

Hand-written because the lookup is this small, closed and dated; a knowledge base
(Wikidata) would need the network at run time.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.analyze.statements.antecedents import role_phrase
from storyline.analyze.statements.joint import joint_name
from storyline.analyze.statements.mentions import norm_word
from storyline.analyze.statements.parts import SourcesPart
from storyline.analyze.statements.people import Person, surname_of
from storyline.analyze.statements.source import Source


@dataclass(frozen=True)
class Office:
    """One term of one office: the country's word as a role's modifier ``norm_word``
    gives it, the role nouns it answers to, the holder's surname as the press spells it
    (without accents: ``folded``), the term's first and last day (ISO; ``None`` while in
    office), and an example of the role referring back."""

    country: str
    roles: frozenset[str]
    surnames: str  # spellings, space-separated ("zelensky zelenskyy")
    start: str
    end: str | None
    example: str


_PRESIDENT = frozenset({"president", "leader", "head of state"})
_PRIME_MINISTER = frozenset({"prime minister", "premier", "leader", "pm"})
_CHANCELLOR = frozenset({"chancellor", "leader"})

OFFICES: tuple[Office, ...] = (
    Office("us", _PRESIDENT, "trump", "2025-01-20", None, "the US president reversed course"),
    Office("us", _PRESIDENT, "biden", "2021-01-20", "2025-01-20", "the US president said"),
    Office("us", _PRESIDENT, "trump", "2017-01-20", "2021-01-20", "the US president said"),
    Office("us", _PRESIDENT, "obama", "2009-01-20", "2017-01-20", "the US president said"),
    Office("russian", _PRESIDENT, "putin", "2012-05-07", None, "the Russian leader said"),
    Office(
        "ukrainian", _PRESIDENT, "zelensky zelenskyy", "2019-05-20", None, "the Ukrainian leader"
    ),
    Office("ukrainian", _PRESIDENT, "poroshenko", "2014-06-07", "2019-05-20", "Ukraine's leader"),
    Office("french", _PRESIDENT, "macron", "2017-05-14", None, "the French president said"),
    Office("german", _CHANCELLOR, "merz", "2025-05-06", None, "the German chancellor said"),
    Office("german", _CHANCELLOR, "scholz", "2021-12-08", "2025-05-06", "the German leader"),
    Office("german", _CHANCELLOR, "merkel", "2005-11-22", "2021-12-08", "the chancellor said"),
    Office("uk", _PRIME_MINISTER, "starmer", "2024-07-05", None, "the British prime minister"),
    Office("uk", _PRIME_MINISTER, "sunak", "2022-10-25", "2024-07-05", "the UK prime minister"),
    Office("israeli", _PRIME_MINISTER, "netanyahu", "2022-12-29", None, "the Israeli premier"),
    Office("chinese", _PRESIDENT, "xi", "2013-03-14", None, "the Chinese leader said"),
    Office("turkish", _PRESIDENT, "erdogan", "2014-08-28", None, "the Turkish president"),
    Office("iranian", _PRESIDENT, "pezeshkian", "2024-07-28", None, "the Iranian president"),
    Office("canadian", _PRIME_MINISTER, "carney", "2025-03-14", None, "the Canadian leader"),
    Office("italian", _PRIME_MINISTER, "meloni", "2022-10-22", None, "the Italian premier"),
    Office("polish", _PRIME_MINISTER, "tusk", "2023-12-13", None, "the Polish prime minister"),
    Office("polish", _PRESIDENT, "duda", "2015-08-06", "2025-08-06", "the Polish president"),
    Office("hungarian", _PRIME_MINISTER, "orban", "2010-05-29", None, "the Hungarian leader"),
    Office("slovak", _PRIME_MINISTER, "fico", "2023-10-25", None, "the Slovak prime minister"),
    Office("spanish", _PRIME_MINISTER, "sanchez", "2018-06-02", None, "the Spanish leader"),
    Office("japanese", _PRIME_MINISTER, "ishiba", "2024-10-01", None, "the Japanese premier"),
    Office("indian", _PRIME_MINISTER, "modi", "2014-05-26", None, "the Indian prime minister"),
    Office("pakistani", _PRIME_MINISTER, "sharif", "2024-03-04", None, "the Pakistani premier"),
    Office("finnish", _PRESIDENT, "stubb", "2024-03-01", None, "the Finnish president said"),
    Office("belarusian", _PRESIDENT, "lukashenko", "1994-07-20", None, "the Belarusian leader"),
    Office("syrian", _PRESIDENT, "al-sharaa", "2025-01-29", None, "the Syrian president"),
    Office("commission", _PRESIDENT, "leyen", "2019-12-01", None, "the Commission president"),
)


def folded(name: str) -> str:
    """A name lower case without accents ("Orbán" -> "orban")."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def office_holders(countries: set[str], role: str, day: str | None) -> set[str]:
    """The surnames (``folded``) of whoever held ``role`` for one of ``countries`` on ``day``."""
    if not day:
        return set()
    day = day[:10]
    return {
        name
        for o in OFFICES
        if o.country in countries
        and role in o.roles
        and o.start <= day
        and (o.end is None or day < o.end)
        for name in o.surnames.split()
    }


# Words before a role that make it another time's holder: "the former US president" is
# not "the US president" named before, and never the holder of the day.
OTHER_TIME = frozenset(
    {"former", "late", "then", "previous", "past", "future", "next", "incoming", "outgoing"}
    | {"ex", "erstwhile", "onetime", "one-time"}
)
# Nor is an acting or deputy one the holder of the day.
_NOT_THE_HOLDER = OTHER_TIME | {"new", "acting", "interim", "deputy", "vice"}


class OfficeHolders(SourcesPart):
    """Whom ``Sources`` resolves a country's office to (a part of it, kept apart for size)."""

    day: str | None

    def _office_holder(self, subj: Token, mods: set[str]) -> Source | None:
        """ "the Ukrainian president" where the article named only "Zelenskyy": the
        person the article names who held that office on its day (``offices``); never
        a "former" one."""
        if any(c.lower_ in _NOT_THE_HOLDER for c in subj.children) or "-" in subj.text:
            return None
        prime = any(c.lower_ == "prime" for c in subj.children)
        role = (
            "prime minister" if prime and subj.lemma_.lower() == "minister" else role_phrase(subj)
        )
        held = office_holders(mods, role, self.day) | office_holders(mods, subj.lower_, self.day)
        person = self._named_holder(held)
        return Source.named(self.person_name(person), is_person=True) if person else None

    def _named_holder(self, held: set[str]) -> Person | None:
        """The first person the article names whose surname is one of ``held``."""
        return next((p for p in self.persons if folded(surname_of(p.text)) in held), None)

    def _office_holders_joint(self, subj: Token) -> Source | None:
        """ "Sir Keir Starmer joined the French and Canadian leaders": the holders of each
        country's office that day, when the article names them all (Macron and Carney)."""
        mods = [c for c in subj.children if c.dep_ in ("amod", "compound")]
        mods += [g for c in mods for g in c.conjuncts if g.i > c.i]
        countries = [norm_word(c.text) for c in sorted(mods, key=lambda t: t.i)]
        if len(countries) < 2 or any(c.lower_ in _NOT_THE_HOLDER for c in subj.children):
            return None
        names: list[str] = []
        for country in countries:
            person = self._named_holder(office_holders({country}, subj.lemma_.lower(), self.day))
            if person is None:
                return None
            names.append(self.person_name(person))
        return Source(joint_name(names), "named", True, True)
