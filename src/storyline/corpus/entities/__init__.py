"""Canonical entities: one id per real person, organisation or place across articles.

How mentions become entities (all decisions are recorded in ``entity_evidence``):

1. Each mention's name is normalised (titles and roles dropped, case and
   accents folded): ``US President Donald Trump`` and ``Mr. Trump`` become
   ``donald trump`` and ``trump``. Other names of well-known places and
   bodies (``Kiev``, ``America``, ``Gaza Strip``) take their usual name's key
   (``lexicon.PLACE_ALIASES``).
2. Full person names (two words or more) merge when their surnames agree after
   transliteration folding and their first names are compatible
   (``Volodymr Zelensky`` ~ ``Volodymyr Zelenskyy``); different first names
   keep namesakes apart (``Ivanka Trump`` is not ``Donald Trump``).
3. A lone surname (``Trump``, ``Zelenskiy``) joins the full name it abbreviates
   (a short surname only when spelt the same: ``Abe`` is not ``Greg Abel``):
   the one named in the same article, else the corpus's dominant holder of
   that surname. Across articles only a transliteration variant counts as the
   same surname (``Zelenski`` ~ ``Zelenskyy``, not ``Person`` ~ ``Perlson``);
   other near-misses need the full name in their own article. spaCy's small
   model mislabels lone surnames (seed 002 tags ``Trump`` as an
   organisation), so the type is decided by a majority vote over every
   mention of the name, not by one label; a lone word that is a full name's
   surname is a person's. A lone name the recogniser labels an organisation
   (``Pistorius``, ``Brigitte``) is the person its articles name in full with
   that surname or first name, unless it begins a body's name there (``Ford
   Motor``).
4. Near-miss names that share a role merge only on strong evidence: same
   first name, similar surname, at least two shared role words in front of
   the name (``National Security Advisor Mike Volz`` ~ ``National Security
   Secretary Mike Waltz``) and never both named in one article.
5. Organisations: an acronym joins the one name whose initials it spells; a
   one-word name joins the longer names that start with it when it is used
   more than all of them together ("Ford", "Ford Motor Company"), else only
   an entity holding most of their uses; a common word ("Defense",
   "National") only the latter. An organisation is named by its fullest
   well-attested form: not such a fragment ("Defense Ministry", never
   "Defense"), an acronym's expansion ("European Union" for "EU"). An organ
   of a body or an event it holds ("UN Security Council", "SCO Summit") is
   its own entity.
6. A user's aliases (``merge`` / ``split`` lists of names, see
   :func:`load_aliases`) override all of the above.

The package, in the order an ingest runs through it:

- :mod:`.aliases`: the user's pins (``--aliases FILE``), kept in the store;
- :mod:`.forms`: mentions grouped by normalised name, and their sketches;
- :mod:`.rules`: the merge rules above, over forms;
- :mod:`.components`: which forms a rule could ever relate, so an ingest
  re-resolves only the components its articles touch;
- :mod:`.resolve`: rules, then naming and typing: forms in, entities out;
- :mod:`.people`: speakers and claimants linked to the entities;
- :mod:`.write`: ``update_entities(store, changed)`` and
  ``rebuild_entities(store)``, the store side.
"""

from storyline.corpus.entities.aliases import Aliases, load_aliases, save_aliases, stored_aliases
from storyline.corpus.entities.resolve import Resolution, resolve
from storyline.corpus.entities.write import rebuild_entities, update_entities

__all__ = [
    "Aliases",
    "Resolution",
    "load_aliases",
    "rebuild_entities",
    "resolve",
    "save_aliases",
    "stored_aliases",
    "update_entities",
]
