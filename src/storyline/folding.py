"""Folding text for comparison: case and accents dropped, one apostrophe.

Below every stage, so cleaning, the corpus stage and the views fold names
alike (``outlets`` folds outlet names with it; ``corpus.names`` entity names).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-folded, accent-free text (``Micheál`` -> ``micheal``)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
