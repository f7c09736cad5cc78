"""Which outlet family an article belongs to: the rule every stage shares.

An outlet publishes under several feed names and hosts (DW's ``dw``, ``dw-eu``
and ``dw-world`` feeds are all www.dw.com; BBC's pages are on bbc.com and
bbc.co.uk), and two of them are one newsroom, not two sources. Two
granularities are in use, each kept as its caller has always had it (the
stored furniture keys and the exports depend on them):

- ``site``: the URL's registered domain (``dw.com``, ``bbc.co.uk``), else the
  outlet name as given. Cleaning keys learned page furniture by it, since
  bbc.com and bbc.co.uk pages are built apart.
- ``family``: the first label of the URL's registered domain (``bbc``), else
  the outlet name's first word (``outlet_family``: ``jpost-break`` ->
  ``jpost``). Independent sources are counted by it, in the corpus stage and
  in the views alike: a briefing that said "2 independent" where the claim's
  page said 1 would lose the reader's trust in both.

Here, below every stage, so that cleaning may use it without importing the
corpus package, and the views without loading the corpus stage's libraries
(datasketch, scipy) on every ``storyline report``. courlan is imported where
the registered domain is read, not at import time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.folding import fold

# An article whose family is unknown (no URL, no outlet) is a family of its own:
# it may be anyone.
UNKNOWN_FAMILY = "#"


def outlet_family(outlet: str | None) -> str | None:
    """``jpost-break`` and ``jpost`` are one outlet; so are ``dw-eu`` and ``dw-world``."""
    if not outlet:
        return None
    parts = [p for p in re.split(r"[^a-z0-9]+", fold(outlet)) if p and p not in ("the", "www")]
    return parts[0] if parts else None


def site(url: str | None, outlet: str | None) -> str | None:
    """The site whose page furniture an article carries: its URL's registered domain (DW's
    "dw", "dw-eu" and "dw-world" feeds are one site, ``dw.com``), else its outlet name."""
    from courlan import extract_domain  # deferred: a twentieth of a second to import

    domain = extract_domain(url) if url else None
    return domain or outlet or None


@lru_cache(maxsize=4096)
def _domain_label(url: str) -> str | None:
    from courlan.urlutils import get_tldinfo  # deferred (see above)

    label, _ = get_tldinfo(url)
    return fold(label) if label else None


def family(url: str | None, outlet: str | None) -> str | None:
    """The outlet family of an article: the first label of its URL's registered domain
    (``https://www.bbc.co.uk/news/x`` -> ``bbc``), else its outlet name's family."""
    found = _domain_label(url) if url and "://" in url else None
    return found or outlet_family(outlet)


def family_key(article_id: str, url: str | None, outlet: str | None) -> str:
    """``family``, or a family of the article's own when nothing says whose it is."""
    return family(url, outlet) or UNKNOWN_FAMILY + article_id
