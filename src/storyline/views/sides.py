"""Which side a claimant speaks for, so a crowded chart can merge claimants of one side.

A chart of "killed: people" on a real corpus has thirty claimants ("Ukrainian
officials", "Ihor Klymenko", "Ukraine's security service", ...). A reader
compares sides, so beyond ``MAX_SERIES`` claimants those of one side become
one series ("Ukraine: 4 sources"). Each rule is a pattern over the claimant's
name as shown (canonical entity name, else the article's words), with an
example it must match (``tests/test_views.py`` runs every example).
"""

from __future__ import annotations

import re

from storyline.rules import PatternRule, pattern_rule

# First match wins: a "Ukrainian official quoted by Russian media" is rare, while
# "Russia's Defense Ministry" and "Ukraine's security service" are everywhere.
SIDES: tuple[PatternRule, ...] = (
    pattern_rule(
        "Gaza authorities",
        r"\b(?:gaza|hamas|palestin\w*|enclave|shifa|al-ahli|wafa)\b",
        "territory's Hamas-run health ministry",
    ),
    pattern_rule(
        "Ukraine",
        r"\b(?:ukrain\w*|kyiv|kiev|kharkiv|zelensk\w*|klymenko|tyurin|yermak|sybiha|terekhov"
        r"|syrskyi|budanov|lubinets)\b",
        "Ukraine's security service",
    ),
    pattern_rule(
        "Russia",
        r"\b(?:russia\w*|kremlin|moscow|putin|peskov|lavrov|zakharova|bastrykin|shoigu"
        r"|belousov|medvedev|miliaev|tass)\b",
        "Russia’s Defense Ministry",
    ),
    pattern_rule("Israel", r"\b(?:israel\w*|idf|netanyahu|katz)\b", "the Israeli military"),
    pattern_rule(
        "United States",
        r"\b(?:trump|white house|pentagon|rubio|vance|hegseth|witkoff|biden|u\.s\.?|us|american)\b",
        "Donald Trump",
    ),
    pattern_rule(
        "United Nations", r"\b(?:un|united nations|unicef|unrwa|ocha|who)\b", "UN agencies"
    ),
)

# Claimants that name no one: one series however the articles put it.
NOBODY = "no source named"
_NOBODY = re.compile(
    r"^(?:unattributed|it|they|he|she|this|that|which|who|officials?|reports?|the latest figures"
    r"|the latest data|figures|data|media|sources?)?$",
    re.IGNORECASE,
)


def who_key(who: str | None) -> str:
    """The claimant as a chart series: its name, or ``NOBODY`` for a pronoun or nothing."""
    name = (who or "").strip()
    return NOBODY if _NOBODY.match(name) else name


def side_of(who: str) -> str | None:
    for side in SIDES:
        if side.pattern.search(who):
            return side.name
    return None
