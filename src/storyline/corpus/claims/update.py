"""The store side of claims: index the changed articles, link them, regroup, write.

``update_claims(store, changed)``:

1. reads the changed articles' statements and figures (and, once, every
   article of a store from before claims), with what their sentences relay
   and, for figures, the sentence itself;
2. finds candidates through the index (items sharing a word shingle or a
   figure value) among the other articles and among the changed ones, and
   confirms each pair with ``match.same_quote`` / ``figures.same_figure``;
3. replaces the changed articles' keys, items and links in one transaction;
4. regroups the claims the change touches into connected items and recomputes
   their lineage: the claims the changed articles carried before, those their
   new items join (followed link by link), and those of articles whose
   ``duplicate_of`` a new copy moved (lineage reads it); only claims and claim
   ids that differ are written. Every other claim's items, links and articles
   are as they were, so its stored lineage stands.

Each link depends on its two items alone, so the links, and so the claims,
are those a rebuild (``rebuild_claims``: forget everything, index every
article) finds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.corpus.claims.figures import FIGURE_WINDOW, Number, same_figure
from storyline.corpus.claims.lineage import (
    Appearance,
    Narration,
    Part,
    blank_quotes,
    claim_groups,
    lineage,
    narration,
)
from storyline.corpus.claims.match import (
    TEMPLATE_REACH,
    Quote,
    matched_part,
    said_nothing,
    same_quote,
)
from storyline.corpus.sources import (
    Relay,
    medium_relay,
    outlet_named,
    relay_in,
    sentence_bounds,
    wire_credit,
)
from storyline.outlets import family_key
from storyline.schema import Claim
from storyline.store import Store
from storyline.store.claim_state import ClaimItem, ClaimKey, ClaimLink, Record, claim_row

Item = Quote | Number


@dataclass
class Batch:
    """The changed articles' items, their keys and their index rows."""

    articles: list[str]
    items: list[Item] = field(default_factory=list)
    keys: dict[str, set[int]] = field(default_factory=dict)
    rows: list[ClaimItem] = field(default_factory=list)

    def key_rows(self) -> list[ClaimKey]:
        by_id = {i.id: i for i in self.items}
        return [
            (k, item_id, by_id[item_id].article_id)
            for item_id, ks in sorted(self.keys.items())
            for k in sorted(ks)
        ]


def _quote(st: Record, around: str | None = None) -> Quote:
    return Quote(
        st["id"],
        st["article_id"],
        st["text"],
        bool(st["direct"]),
        st["speaker"],
        st["day"],
        family_key(st["article_id"], st["url"], st["outlet"]),
        around,
    )


def _number(fg: Record, sentence: str, at: int | None = None) -> Number:
    return Number(
        fg["id"],
        fg["article_id"],
        fg["text"],
        fg["low"],
        fg["high"],
        fg["unit"],
        fg["per"],
        fg["measure"],
        fg["claimant"],
        fg["day"],
        sentence,
        fg["subject"],
        fg["place"],
        at,
        family_key(fg["article_id"], fg["url"], fg["outlet"]),
    )


def _relay_row(relay: Relay | None) -> tuple[str | None, str | None]:
    return (relay.outlet, relay.evidence) if relay else (None, None)


def _statement_relay(text: str, st: Record) -> Relay | None:
    lo = min(st["start"], st["cue_start"] if st["cue_start"] is not None else st["start"])
    hi = max(st["end"], st["cue_end"] if st["cue_end"] is not None else st["end"])
    return relay_in(text, lo, hi, (st["start"], st["end"])) or medium_relay(st["medium"])


def read_batch(store: Store, articles: Sequence[str]) -> Batch:
    """The items of ``articles`` with their keys, relays and (figures) sentences."""
    batch = Batch(sorted(set(articles)))
    rows = store.claim_articles(batch.articles)
    texts = {r["id"]: r["text"] for r in rows}
    datelines = {r["id"]: wire_credit(r["text"], r["url"]) for r in rows}
    for st in store.claim_statements(batch.articles):
        text = texts[st["article_id"]]
        lo, hi = max(0, st["start"] - TEMPLATE_REACH), st["end"] + TEMPLATE_REACH
        quote = _quote(st, text[lo:hi])
        cue = (st["cue_start"], st["cue_end"]) if st["cue_start"] is not None else None
        quote.silent = not quote.direct and bool(
            said_nothing(text, st["start"], st["end"], cue, st["speaker"])
        )
        relay = _statement_relay(text, st) or datelines[st["article_id"]]
        _add(batch, quote, quote.around if quote.keys() else None, relay)
    for fg in store.claim_figures(batch.articles):
        text = texts[fg["article_id"]]
        lo, hi = sentence_bounds(text, fg["start"], fg["end"])
        lo, hi = max(lo, fg["start"] - FIGURE_WINDOW), min(hi, fg["end"] + FIGURE_WINDOW)
        number = _number(fg, text[lo:hi], fg["start"] - lo)
        relay = relay_in(text, fg["start"], fg["end"]) or datelines[fg["article_id"]]
        _add(batch, number, text[lo:hi] if number.keys() else None, relay)
    return batch


def _add(batch: Batch, item: Item, sentence: str | None, relay: Relay | None) -> None:
    batch.items.append(item)
    keys = item.keys()
    if keys:
        batch.keys[item.id] = keys
    if sentence is not None or relay is not None:
        batch.rows.append((item.id, item.article_id, sentence, *_relay_row(relay)))


def _stored_items(store: Store, ids: Iterable[str]) -> dict[str, Item]:
    """Indexed items of other articles, as matching compares them."""
    wanted = sorted(set(ids))
    out: dict[str, Item] = {}
    for st in store.statements_by_id(wanted):
        out[st["id"]] = _quote(st, st["around"])
    for fg in store.indexed_figures([i for i in wanted if i not in out]):
        out[fg["id"]] = _number(fg, fg["sentence"] or "")
    return out


def _same(a: Item, b: Item, copies: set[tuple[str, str]]) -> str | None:
    if isinstance(a, Quote) and isinstance(b, Quote):
        pair = (min(a.article_id, b.article_id), max(a.article_id, b.article_id))
        return same_quote(a, b, pair in copies)
    if isinstance(a, Number) and isinstance(b, Number):
        pair = (min(a.article_id, b.article_id), max(a.article_id, b.article_id))
        return same_figure(a, b, pair in copies)
    return None


def find_links(store: Store, batch: Batch) -> list[ClaimLink]:
    """Confirmed links of the batch's items: with each other, and with indexed items of
    other articles that share a key."""
    by_key: dict[int, list[str]] = defaultdict(list)
    for item_id, keys in batch.keys.items():
        for k in keys:
            by_key[k].append(item_id)
    stored: dict[int, list[str]] = defaultdict(list)
    all_keys = sorted(by_key)
    for k, item_id in store.claim_candidates(all_keys, batch.articles):
        stored[k].append(item_id)
    others = _stored_items(store, {i for ids in stored.values() for i in ids})
    mine = {i.id: i for i in batch.items}
    pairs: set[tuple[str, str]] = set()
    for k in all_keys:
        local = by_key[k]
        for i, a in enumerate(local):
            pairs.update((min(a, b), max(a, b)) for b in local[i + 1 :])
            pairs.update((min(a, b), max(a, b)) for b in stored.get(k, ()) if b in others)
    copies = store.copy_pairs_of(batch.articles)
    links: list[ClaimLink] = []
    for a, b in sorted(pairs):
        item_a, item_b = mine.get(a) or others[a], mine.get(b) or others[b]
        why = _same(item_a, item_b, copies)
        if why is not None:
            links.append((a, b, item_a.article_id, item_b.article_id, why))
    return links


# -- regrouping -------------------------------------------------------------------


def _relay(outlet: str | None, evidence: str | None) -> Relay | None:
    found = outlet_named(outlet) if outlet else None
    return Relay(found.label, found.families, evidence or "") if found else None


def _appearance(
    row: Record, text: str, speaker: str | None, direct: bool | None, told: Narration
) -> Appearance:
    return Appearance(
        item_id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        text=text,
        speaker=speaker,
        direct=direct,
        day=row["published"],
        moment=row["published_at"],
        outlet=row["outlet"],
        url=row["url"],
        original=row["duplicate_of"] or row["article_id"],
        relay=_relay(row["relay"], row["evidence"]),
        narration=told,
    )


def appearances(
    store: Store, ids: Sequence[str]
) -> tuple[dict[str, Appearance], dict[str, tuple[str, str]], dict[str, str | None]]:
    """The linked items as lineage reads them, by id; each figure's sentence in its
    article and what it counts (``claim_groups`` keeps two counts of one sentence apart)."""
    out: dict[str, Appearance] = {}
    slots: dict[str, tuple[str, str]] = {}
    counted: dict[str, str | None] = {}
    statements = store.statement_appearances(ids)
    figures = store.figure_appearances(ids)
    wanted = sorted({r["article_id"] for r in [*statements, *figures]})
    texts = {r["id"]: r["text"] for r in store.claim_articles(wanted)}
    blanked = {k: blank_quotes(v) for k, v in texts.items()}
    for row in statements:
        told = narration(blanked[row["article_id"]], row["start"], row["end"])
        out[row["id"]] = _appearance(row, row["text"], row["speaker"], bool(row["direct"]), told)
    for row in figures:
        shown = f"{row['qualifier']} {row['text']}" if row["qualifier"] else row["text"]
        start = row["start"]
        told = narration(blanked[row["article_id"]], start, start + len(row["text"]))
        out[row["id"]] = _appearance(row, shown, row["claimant"], None, told)
        lo, _ = sentence_bounds(texts[row["article_id"]], start, start + len(row["text"]))
        slots[row["id"]] = (row["article_id"], str(lo))
        counted[row["id"]] = row["subject"]
    return out, slots, counted


def _claims_of(
    store: Store, links: Sequence[tuple[str, str]], items: Iterable[str]
) -> tuple[list[Claim], dict[str, str]]:
    """The claims the links make among ``items``, and item id -> claim id."""
    found, slots, counted = appearances(store, sorted(set(items)))
    claims: list[Claim] = []
    claim_of: dict[str, str] = {}
    linked = [(a, b) for a, b in links if a in found and b in found]
    for group in claim_groups(linked, slots, counted, _parts(found, linked)):
        claim = lineage([found[i] for i in group])
        if claim is None:
            continue
        claims.append(claim)
        for item_id in group:
            claim_of[item_id] = claim.id
    return claims, claim_of


def _parts(
    found: dict[str, Appearance], links: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], Part]:
    """For each link of two statements, the quoted fragment of each side it rests on,
    where a side quotes several (``match.matched_part``)."""
    quotes = {
        i: Quote(i, a.article_id, a.text, bool(a.direct), a.speaker, a.day)
        for i, a in found.items()
        if a.direct is not None
    }
    out: dict[tuple[str, str], Part] = {}
    for a, b in links:
        if a in quotes and b in quotes:
            part = (matched_part(quotes[a], quotes[b]), matched_part(quotes[b], quotes[a]))
            if part != (None, None):
                out[(a, b)] = part
    return out


def regroup(store: Store) -> tuple[list[Claim], dict[str, str]]:
    """Every claim from the stored links, and item id -> claim id."""
    links = store.claim_links()
    return _claims_of(store, links, {x for pair in links for x in pair})


def closure(store: Store, seeds: Iterable[str]) -> set[str]:
    """``seeds`` and every item linked to them, however indirectly: whole claims."""
    seen = set(seeds)
    frontier = set(seen)
    while frontier:
        frontier = store.linked_to(frontier) - seen
        seen |= frontier
    return seen


def write_claims(
    store: Store,
    claims: list[Claim],
    claim_of: dict[str, str],
    scope: tuple[Sequence[str], Sequence[str]] | None = None,
) -> None:
    """Write the claims and claim ids that differ from the stored ones (inside a
    transaction). ``scope`` (claim ids, item ids) limits what is compared to the claims
    and items an update touched; None compares everything."""
    old_ids, items = scope if scope is not None else (None, None)
    stored = store.stored_claim_rows(old_ids)
    rows = {c.id: claim_row(c) for c in claims}
    gone = sorted(set(stored) - set(rows))
    changed = [row for cid, row in sorted(rows.items()) if stored.get(cid) != row]
    current = store.claim_assignment(items)
    assign: list[tuple[str | None, str]] = [
        (c, i) for i, c in sorted(claim_of.items()) if current.get(i) != c
    ]
    assign += [(None, i) for i in sorted(current) if i not in claim_of]
    store.write_claims(gone, changed, assign)


def update_claims(store: Store, changed: Sequence[str], moved: Sequence[str] = ()) -> list[Claim]:
    """Index and link the changed articles (and any never indexed), then regroup the
    claims they touch: those their new items join, those that carried them before, and
    those of articles whose ``duplicate_of`` moved (``moved``). Returns those claims."""
    pending = sorted(set(changed) | set(store.articles_without_claim_index()))
    batch = read_batch(store, pending)
    links = find_links(store, batch)
    with store.transaction():
        before = store.claims_with_articles(sorted(set(pending) | set(moved)))
        seeds = store.items_of_claims(before)
        store.replace_claim_index(pending, batch.key_rows(), batch.rows, links)
        items = closure(store, seeds | {i.id for i in batch.items})
        claims, claim_of = _claims_of(store, store.claim_links(sorted(items)), items)
        old = set(before) | set(store.claim_assignment(sorted(items)).values())
        write_claims(
            store, claims, claim_of, (sorted(old | set(claim_of.values())), sorted(items | seeds))
        )
    return claims


def rebuild_claims(store: Store) -> list[Claim]:
    """Forget every claim and index, then index and link every article afresh."""
    with store.transaction():
        store.forget_claims()
    pending = store.articles_without_claim_index()
    batch = read_batch(store, pending)
    links = find_links(store, batch)
    with store.transaction():
        store.replace_claim_index(pending, batch.key_rows(), batch.rows, links)
        claims, claim_of = regroup(store)
        write_claims(store, claims, claim_of)
    return claims
