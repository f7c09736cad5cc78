"""The store side of entity resolution: the full pass, the incremental pass, and what
they write (entities, evidence, mention links, and the state the next incremental
pass starts from)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from storyline.corpus.entities.aliases import Aliases, stored_aliases
from storyline.corpus.entities.components import Index
from storyline.corpus.entities.forms import Forms, Sketch, alias_key, form_key, forms_of
from storyline.corpus.entities.people import link_people
from storyline.corpus.entities.resolve import Resolution, resolve
from storyline.store import Store


def rebuild_entities(store: Store, aliases: Aliases | None = None) -> Resolution:
    """Resolve every mention in the store into entities; write only what changed.

    Also (re)writes the incremental state (name keys, forms, the keys of each
    article) that :func:`update_entities` works from.
    """
    if aliases is None:
        aliases = stored_aliases(store)
    _register_names(store, None)
    res = resolve(load_forms(store, None), aliases, _text_of(store))
    with store.transaction():
        store.forget_entities()
        _write(store, res, None)
        store.record_article_forms(None)
        forms = {k: (e, res.sketches[k].full) for k, e in res.entity_of_form.items()}
        link_people(store, forms, None, None)
    return res


def update_entities(
    store: Store, changed: Sequence[str], aliases: Aliases | None = None
) -> Resolution:
    """Bring entities up to date after ``changed`` articles were (re)written.

    Only the components of the names those articles use (now, or before they
    were re-saved) are resolved again, with every mention of those names; all
    other entities, their ids and their mentions stay as they are. The result
    equals :func:`rebuild_entities` over the whole store (tests check it).
    Falls back to the full pass when there is no stored state yet.
    """
    if aliases is None:
        aliases = stored_aliases(store)
    changed = sorted(set(changed))
    stored = {k: (e, c, Sketch.loads(k, s)) for k, e, c, s in store.entity_forms()}
    if not stored:
        return rebuild_entities(store, aliases)
    touched = store.forms_of_articles(changed)
    touched |= _register_names(store, changed)
    # What the changed names are now, and what they could merge with.
    touched_forms = load_forms(store, touched)
    fresh = [f.sketch() for f in touched_forms.forms.values()]
    index = Index([s for k, (_, _, s) in stored.items() if k not in touched] + fresh)
    reach = set(touched)
    for sketch in fresh:
        reach |= index.neighbours(sketch)
    for group in aliases.merge:
        keys = {alias_key(n) for n in group}
        if keys & reach:
            reach |= keys
    components = {stored[k][1] for k in reach if k in stored}
    redo = reach | {k for k, (_, c, _) in stored.items() if c in components}
    rest = load_forms(store, redo - set(touched_forms.forms))
    res = resolve(touched_forms | rest, aliases, _text_of(store))
    old_entities = {stored[k][0] for k in redo if k in stored}
    kept = {k: (e, s.full) for k, (e, _, s) in stored.items() if k not in redo}
    if {e for e, _ in kept.values()} & (old_entities | set(res.names)):
        # Entity ids name their chosen form, so this cannot happen; if it
        # did, the full pass is the reference.
        return rebuild_entities(store, aliases)
    with store.transaction():
        store.delete_entities(sorted(old_entities))
        store.delete_entity_forms(sorted(redo))
        _write(store, res, redo)
        store.delete_article_forms(changed)
        store.record_article_forms(changed)
        kept.update({k: (e, res.sketches[k].full) for k, e in res.entity_of_form.items()})
        link_people(store, kept, changed, redo)
    return res


def load_forms(store: Store, keys: Iterable[str] | None) -> Forms:
    """The forms of the mentions whose name key is in ``keys`` (None: every mention)."""
    return forms_of(store.keyed_mentions(keys))


def _text_of(store: Store) -> Callable[[str], str]:
    return lambda article_id: store.article_text(article_id) or ""


def _register_names(store: Store, articles: Sequence[str] | None) -> set[str]:
    """Key every mention text of ``articles`` (None: the store's); return the keys."""
    keyed = [
        (text, etype, form_key(text, etype)[0]) for text, etype in store.mention_names(articles)
    ]
    store.save_name_keys(keyed, reset=articles is None)
    return {k for _, _, k in keyed if k}


def _write(store: Store, res: Resolution, keys: set[str] | None) -> None:
    """Write a resolution's entities, evidence, mention links and state (inside a transaction)."""
    store.insert_entities(
        [(ent, res.names[ent], res.types[ent], res.surfaces[ent]) for ent in sorted(res.names)]
    )
    store.insert_evidence(sorted(set(res.evidence)))
    now = store.mention_entities(keys)
    moved = [(e, a, s) for (a, s), e in res.mention_entities.items() if now.get((a, s)) != e]
    store.relink_mentions(moved)
    res.relinked = {a for _, a, _ in moved}
    store.insert_entity_forms(
        [
            (k, res.entity_of_form[k], res.components[k], res.sketches[k].dumps())
            for k in sorted(res.entity_of_form)
        ]
    )
