"""Speakers as claims compare them: a name to compare, one speaker in two spellings, a
body by its name or its initials, a document's words as its issuer's.

- ``speaker_name``: a speaker as folded name words, or None when it names no one (a
  pronoun, a description, a bare role, an outlet); a body keeps the words that say
  whose it is ("Russian Defense Ministry"); a description before a name is the name
  ("aid group Doctors Without Borders"); a document is its issuer ("latest data ...
  released by Russia's Defense Ministry"); joint speakers are their names in order;
- ``same_speaker``: True, False, or None when it cannot tell;
- ``initials`` / ``initials_meet``: "MSF" and "Médecins Sans Frontières".
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.corpus.claims import words as w
from storyline.corpus.entities.forms import initials as name_initials
from storyline.corpus.lexicon import TITLES
from storyline.corpus.names import fold, name_tokens, surnames_match
from storyline.corpus.sources import outlet_named

# Speakers that name no one: pronouns and the like.
_PRONOUNS = w.word_set("i he she it we they you one who someone everyone")
# Platforms: where words were posted, not who said them ("Ten other people were wounded in
# the attack, according to a Telegram statement" names no speaker; two officials' posts
# are no one speaker).
PLATFORMS = frozenset({
    ("telegram",), ("x",), ("twitter",), ("facebook",), ("instagram",), ("tiktok",),
    ("youtube",), ("truth", "social"),
})  # fmt: skip
# The last word of a body's name: two bodies are one when their other words agree
# ("Russian Defense Ministry", "Russia's Defence Ministry"), not when only this one
# does ("Jordanian Foreign Ministry", "Palestinian Foreign Ministry").
ORG_WORDS = w.word_set(
    """
    ministry office council service services agency department government forces force
    army navy committee court police party commission union organization organisation
    authority authorities administration bureau command guard corps institute
    """
)
# Body-name words compare by their first letters (Russia / Russian, Defence / Defense).
STEM_LETTERS = 5


# Joint speakers ("Russia and China") are one speaker in any order: their names,
# sorted, joined by this token (no folded word is it).
JOINT = "&"
_JOINED = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|,\s*)")
# A description before a name ("aid group Doctors Without Borders", "medical charity
# Doctors Without Borders, known by its French initials MSF"): lowercase words, then
# the name running to the end of the first clause. Not "the president of Ukraine":
# a description with "of" says whose it is, and the name after it is not the speaker's.
_DESCRIBED = re.compile(r"^(?:[a-z][\w-]*\s+)+?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)$")


# A document's words are its issuer's: "latest data on the special military operation
# released by Russia's Defense Ministry" is the ministry, "a statement from the
# chief minister's office" the office ("a report from Russia's RIA news agency" is an
# outlet: no one).
_DOCUMENT = re.compile(
    r"^(?:(?:the|a|an|its|their)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:statement|report|document|data|figures|release|communiqu[e\u00e9]|letter|post|"
    r"message|readout|transcript|bulletin|update|briefing)s?\b(?:\s+[^,]*?)?\s+"
    r"(?:(?:released|issued|published|made|put\s+out|sent)\s+by|from|by)\s+(?P<issuer>\S.*)$",
    re.IGNORECASE,
)
# Initials a speaker's words define ("Doctors Without Borders, known by its French
# initials MSF", "(ICRC)"), or a speaker that is initials alone ("MSF").
_DEFINED_INITIALS = re.compile(
    r"\bknown\s+(?:by\s+its\s+(?:\w+\s+)?initials|as)\s+(?P<a>[A-Z]{2,6})\b"
    r"|\((?P<b>[A-Z]{2,6})\)|^(?P<c>[A-Z]{2,6})$"
)
# Initials of at least this many letters name one body: two different bodies of one
# story rarely share three.
MIN_INITIALS = 3


@lru_cache(maxsize=4096)
def initials(speaker: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The initials a speaker defines or is ("MSF"), and those its name forms
    ("Médecins Sans Frontières": msf; ``of``, ``the``, ``and`` and the like aside), each of at least
    ``MIN_INITIALS`` letters, folded."""
    if not speaker:
        return frozenset(), frozenset()
    defined = frozenset(
        fold(found)
        for m in _DEFINED_INITIALS.finditer(speaker.strip())
        if len(found := m["a"] or m["b"] or m["c"]) >= MIN_INITIALS
    )
    name = speaker_name(speaker)
    if name is None or JOINT in name:  # joint speakers ("Kyiv and Moscow") form none
        return defined, frozenset()
    letters = name_initials(list(name))
    formed = frozenset({letters}) if len(letters) >= MIN_INITIALS else frozenset()
    return defined, formed


def initials_meet(a: str | None, b: str | None) -> bool:
    """Initials one speaker defines are those the other's name forms (MSF, Médecins
    Sans Frontières): one body."""
    (da, fa), (db, fb) = initials(a), initials(b)
    return bool(da & fb or db & fa)


@lru_cache(maxsize=4096)
def speaker_name(speaker: str | None) -> tuple[str, ...] | None:
    """A speaker as a name to compare (folded words), or None when it names no one:
    a pronoun, a description ("an Israeli official", "the ministry"), a bare role,
    a news outlet or a platform (where the words came from, not who said them). A body keeps
    the words that say whose it is ("Russian Defense Ministry"). A name after a
    description is the name ("aid group Doctors Without Borders"); joint speakers
    are their names in order ("China and Russia" is "Russia and China")."""
    document = _DOCUMENT.match(speaker.strip()) if speaker else None
    if document is not None:
        speaker = document["issuer"]
    if not speaker or outlet_named(speaker) is not None or w.words(speaker) in PLATFORMS:
        return None
    parts = _JOINED.split(speaker.strip())
    if len(parts) > 1 and " and " in speaker:
        names = [_one_name(p) for p in parts]
        if all(n is not None for n in names) and len(set(names)) > 1:
            return tuple(x for n in sorted({n for n in names if n}) for x in (JOINT, *n))[1:]
        return None
    found = _one_name(speaker)
    described = _DESCRIBED.match(speaker.split(",")[0].strip())
    if found is None and described and not {"of", "for"} & set(described[0].split()[:-1]):
        found = _one_name(described["name"])
    return found


def _one_name(speaker: str) -> tuple[str, ...] | None:
    body = [t for t in name_tokens(speaker, person=False) if t not in ("s", "'s")]
    if body and fold(body[-1]) in ORG_WORDS:
        if all(fold(t) in ORG_WORDS for t in body):
            return None  # "Ministry", "the Forces": whose?
        tokens = body
    else:
        tokens = [t for t in name_tokens(speaker) if t not in ("s", "'s")]
    if not tokens or any(not t[:1].isupper() for t in tokens):
        return None
    folded = tuple(fold(t) for t in tokens)
    if tokens is not body and any(t in TITLES or t in _PRONOUNS for t in folded):
        return None
    return folded


def same_speaker(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool | None:
    """True for one name in two spellings (``Zelenskyy`` / ``Volodymyr Zelensky``), a
    name and one of its words (``Trump`` / ``Donald Trump``, ``Leo`` / ``Leo XIV``), an
    acronym and its expansion (``UN`` / ``United Nations``); False for two full names
    of different people; None when either names no one, or one is a single word that
    may name a body or place (``Kremlin`` for Peskov, ``Germany`` for its spokesman).
    Two bodies are one when their names agree (``_same_body``); a body and a person
    are None: the person may be its spokesman."""
    if a is None or b is None:
        return None
    if JOINT in a or JOINT in b:
        return True if a == b else None
    bodies = (a[-1] in ORG_WORDS) + (b[-1] in ORG_WORDS)
    if bodies == 2:
        return _same_body(a, b)
    if bodies == 1:
        return True if min(len(a), len(b)) == 1 and _same_body(a, b) else None
    if a == b or surnames_match(a[-1], b[-1]):
        return True
    for one, other in ((a, b), (b, a)):
        if len(one) == 1 and (one[0] in other or one[0] == "".join(t[0] for t in other)):
            return True
    return False if len(a) > 1 and len(b) > 1 else None


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One body's name in two forms: the words of one (by their first letters, ``of``
    and ``the`` aside) are among the other's."""
    skip = {"of", "the", "and", "for"}
    sa = {t[:STEM_LETTERS] for t in a if t not in skip}
    sb = {t[:STEM_LETTERS] for t in b if t not in skip}
    return sa <= sb or sb <= sa
