"""Claims across articles: one statement or figure carried by several articles, and its
lineage (who carried it first, who repeated it, in what words, how many independent
sources stand behind it).

- :mod:`.words`: a quote's words as claims compare them, and their index keys;
- :mod:`.speakers`: a speaker as a name to compare, and when two are one;
- :mod:`.match`: when two statements are one claim;
- :mod:`.figures`: when two figures are one claim;
- :mod:`.lineage`: the first article, the order, independence and the wording variants;
- :mod:`.update`: ``update_claims(store, changed)`` and ``rebuild_claims(store)``.
"""

from storyline.corpus.claims.update import rebuild_claims, update_claims

__all__ = ["rebuild_claims", "update_claims"]
