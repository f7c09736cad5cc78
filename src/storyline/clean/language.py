"""Which language an article is in, cheaply, or ``None`` when unsure.

Why not a library: the language-ID packages are either model downloads
(fastText lid.176) or large unpinned extras, and storyline only needs to know
"English or not" (the spaCy model is English) plus a best guess for the big
European languages the story's sources use. Function words do that
reliably: in any running text of a few dozen words the 40 commonest words of
its language make up a third or more of the tokens, while another language's
list catches a few percent (shared short words like "a", "in", "die"). The
script settles Cyrillic text first, where Ukrainian and Russian differ by
letters of their own (і ї є ґ vs ы э ъ ё).
"""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words (articles, pronouns, prepositions,
# conjunctions, auxiliaries) of each language, from standard frequency lists.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to a in is that for it as was with be by on not he i this are or his "
        "from at which but have an they you were had her she there been has their we "
        "will would its who said"
    ),
    "de": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie "
        "einem über einen so zum war haben nur oder aber vor zur bis"
    ),
    "fr": _words(
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne "
        "se ce il sont avec ont son aux elle nous mais été ou cette leur comme ses"
    ),
    "es": _words(
        "de la que el en y a los del se las por un para con no una su al lo como más pero "
        "sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también"
    ),
    "it": _words(
        "di e il la che è per un in a non del una le si i da con sono al della anche "
        "come alla più nel ha dei ma gli lo ci questo delle essere nella se"
    ),
    "pt": _words(
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas "
        "foi ao ele das tem à seu sua ou ser quando muito há nos já está também"
    ),
    "nl": _words(
        "de van het een en in is dat op te zijn voor met die niet aan er om ook als dan "
        "maar bij of uit nog wel naar heeft door over hij werd worden tot"
    ),
    "pl": _words(
        "i w na z się nie do to że jest o jak po co ale tak za od przez dla jego przy już "
        "czy są ich jej też tylko który która które oraz może był była"
    ),
}
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")

_TOKEN = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_TOKENS = 20  # fewer words than this: too little to say
MAX_TOKENS = 1000  # more adds nothing to the verdict, only time
MIN_SHARE = 0.15  # the winner's function words must be at least this share of tokens
MIN_LEAD = 2.0  # ... and this many times the runner-up's share


# The language the analysers read (the pinned spaCy model and every lexicon
# are English). An article detected as another language is stored, cleaned
# and listed, but not analysed: English rules on German text find nonsense.
ANALYSED_LANGUAGE = "en"


def analysed(language: str | None) -> bool:
    """Do the analysers run on an article in ``language``? (None: not detected, so
    the article is read as English, as its container usually says.)"""
    return language is None or language == ANALYSED_LANGUAGE


def detect_language(text: str) -> str | None:
    tokens = _TOKEN.findall(text.lower(), 0, 20 * MAX_TOKENS)[:MAX_TOKENS]
    if len(tokens) < MIN_TOKENS:
        return None
    letters = "".join(tokens)
    if len(_CYRILLIC.findall(letters)) > len(letters) / 2:
        uk = sum(letters.count(c) for c in _UKRAINIAN_LETTERS)
        ru = sum(letters.count(c) for c in _RUSSIAN_LETTERS)
        if uk > 2 * ru:
            return "uk"
        if ru > 2 * uk:
            return "ru"
        return None
    counts = Counter(tokens)
    shares = sorted(
        (sum(counts[w] for w in words) / len(tokens), lang)
        for lang, words in FUNCTION_WORDS.items()
    )[::-1]
    (best, lang), (second, _) = shares[0], shares[1]
    if best >= MIN_SHARE and best >= MIN_LEAD * second:
        return lang
    return None
