"""The full names an article gives its people, and the fullest form of a name written short."""

from __future__ import annotations

from storyline.analyze.source_lexicon import GENDER_TITLES
from storyline.analyze.statements.antecedents import strip_titles
from storyline.analyze.statements.mentions import gender_from_name
from storyline.analyze.statements.people import Person, surname_of


class FullNames:
    """The people of one article by surname: "Mr. Trump" is "Donald Trump"."""

    def __init__(self, persons: list[Person]) -> None:
        self.persons = persons
        self._fulls: dict[str, dict[str, int]] | None = None

    def fullest(self, name: str) -> str:
        """The fullest form of a person's name in the article ("Mr. Trump" -> "Donald
        Trump"). Where several people share the surname (the Clintons, the Obamas),
        the first name decides, else a gendered title ("Mrs. Clinton"), else the
        one the article names most."""
        base = strip_titles(name)
        surname = surname_of(name)
        fulls = self.full_names().get(surname)
        if surname and not fulls and len(base.split()) == 1:
            return self._family_name_first(base)
        if not surname or not fulls:
            return base
        given = base.split()
        cands = [f for f in fulls if len(f.split()) > len(given)]
        if len(given) >= 2:
            cands = [f for f in cands if f.split()[0].lower() == given[0].lower()]
        title = name.split()[0].lower() if name.split() else ""
        gender = GENDER_TITLES.get(title)
        if gender is not None:
            cands = [f for f in cands if gender_from_name(f) in (gender, None)]
        if not cands:
            return base
        return max(cands, key=lambda f: (fulls[f], -list(fulls).index(f)))

    def _family_name_first(self, word: str) -> str:
        """ "Mr. Lou" for "Lou Jiwei" (a Chinese name, the family name first), "Diane"
        for "Diane Guerrero": a one-word name no full name ends with is the one full
        name it begins, when the article gives exactly one."""
        starts = {
            f
            for names in self.full_names().values()
            for f in names
            if f.split()[0].lower() == word.lower()
        }
        return next(iter(starts)) if len(starts) == 1 else word

    def full_names(self) -> dict[str, dict[str, int]]:
        """Surname -> the full names (two words or more) the article gives it, with how
        often, in order of first mention."""
        if self._fulls is None:
            self._fulls = {}
            for p in self.persons:
                full = strip_titles(p.text)
                if len(full.split()) >= 2:
                    names = self._fulls.setdefault(surname_of(p.text), {})
                    names[full] = names.get(full, 0) + 1
        return self._fulls
