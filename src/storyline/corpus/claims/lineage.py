"""A claim's lineage: who carried it first, who repeated it, in what words, and how many
independent sources stand behind it.

``lineage`` turns the items one claim groups (statements or figures, each in
its article) into the exported ``Claim``:

- articles in publication order: the stated moment (``published_at``, UTC)
  where the source gives one, else the day; on one day a timed article comes
  before an untimed one, and ties go by article id. ``first_certainty`` says
  how sure the first is: ``exact`` (earlier than every other appearance),
  ``tied`` (another appearance was published at the same moment: feed
  copies), ``day`` (another appearance is of the same day and one of the two
  has no time) or ``undated`` (some appearance has no date at all);
- per article whether it is an independent source and why
  (``corpus.sources.judge``), an article printing an earlier one's narration around
  the claim word for word counting as its copy (``copied_narration``);
- the wording variants, each with the articles that use it, and the
  canonical text: the wording most articles use (a direct quote's before a
  paraphrase's), the longest on a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.corpus.claims import words as w
from storyline.corpus.claims.speakers import speaker_name
from storyline.corpus.duplicates import find_root
from storyline.corpus.sources import Carrier, Relay, judge
from storyline.outlets import family_key
from storyline.schema import Claim, ClaimKind, FirstCertainty, stable_id


@dataclass(frozen=True)
class Appearance:
    """One item of a claim, in its article, with what lineage needs to know."""

    item_id: str
    article_id: str
    start: int
    text: str  # the words as this article gives them
    speaker: str | None
    direct: bool | None  # None for a figure
    day: str | None  # the article's publication date
    moment: str | None  # its publication moment (UTC), when stated
    outlet: str | None
    url: str | None
    original: str  # its duplicate cluster's original (itself when none)
    relay: Relay | None
    narration: Narration = ((), frozenset())  # the words around it (``narration``)


_NO_DATE = "~"


# -- copied narration ---------------------------------------------------------------

# The narration around an item (its article's words outside every quote and outside the
# item, ``NARRATION_REACH`` characters either side) printed word for word by a later
# article, in a run of ``COPIED_NARRATION`` words with ``COPIED_TELLING`` telling words
# that are not names, is one text copied, credited or not: the Independent's uncredited
# AP story and CBC's AP copy both write 'said 76-year-old Liubov Fedorenko, comparing
# their village to some of Ukraine's most devastated cities'. Shorter runs are common
# phrasing ("Zelenskyy said on his official Telegram channel on Saturday"); a run of
# names is a list every outlet gives ("Zhytomyr, Khmelnytskyi, Ternopil, ... regions").
NARRATION_REACH = 300
COPIED_NARRATION = 12
COPIED_TELLING = 5
# A quoted passage (straight or curly double marks, guillemets): not narration.
_QUOTED = re.compile(r"[\"\u201c\u201e\u00ab][^\"\u201c\u201d\u201e\u00ab\u00bb]*[\"\u201d\u00bb]")
_NAME = re.compile(r"\b[A-Z][\w'\u2019-]*")
# A word as ``words.words`` counts them (a hyphenated word is one), in the text as written.
_TOKEN = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")
# Narration: the runs a quote or the item cuts apart (no run of words in common crosses
# one), each as folded words and as written, and the words written as names.
Run = tuple[tuple[str, ...], str]
Narration = tuple[tuple[Run, ...], frozenset[str]]


def blank_quotes(text: str) -> str:
    """``text`` with every quoted passage blanked (offsets kept): what ``narration`` reads."""
    return _QUOTED.sub(lambda m: "\0" * len(m[0]), text)


def narration(blanked: str, start: int, end: int) -> Narration:
    """The narration around ``[start, end)`` in an article whose quotes are blanked
    (``blank_quotes``): its words, in runs broken where a quote or the item was, and
    the words among them written as names."""
    lo, hi = max(0, start - NARRATION_REACH), end + NARRATION_REACH
    window = blanked[lo:start] + "\0" + blanked[end:hi]
    runs = ((w.words(part), part) for part in window.split("\0"))
    names = frozenset(x for token in _NAME.findall(window) for x in w.words(token))
    return tuple(run for run in runs if len(run[0]) >= COPIED_NARRATION), names


def copied_narration(a: Narration, b: Narration) -> str | None:
    """The words of narration ``b`` prints of ``a`` in one run, as ``b`` writes them,
    when they make one text copied (``COPIED_NARRATION``); None otherwise."""
    names = a[1] | b[1]
    for ra, _ in a[0]:
        for rb, written in b[0]:
            run = w.longest_run(ra, rb)
            plain = tuple(x for x in run if x not in names)
            if len(run) >= COPIED_NARRATION and w.telling_words(plain) >= COPIED_TELLING:
                return _as_written(run, rb, written)
    return None


def _as_written(run: tuple[str, ...], words: tuple[str, ...], written: str) -> str:
    """``run`` (folded words of ``words``) as ``written`` gives them, punctuation and
    all; folded when the two do not count words alike."""
    tokens = list(_TOKEN.finditer(written))
    at = next(i for i in range(len(words)) if words[i : i + len(run)] == run)
    if len(tokens) != len(words):
        return " ".join(run)
    return written[tokens[at].start() : tokens[at + len(run) - 1].end()]


def _copied(heads: Sequence[Appearance], families: Sequence[str]) -> list[tuple[str, str] | None]:
    """For each head, the first earlier head of another family and another text whose
    narration it prints (``copied_narration``), with the words."""
    out: list[tuple[str, str] | None] = []
    for i, h in enumerate(heads):
        found = None
        for e, family in zip(heads[:i], families[:i], strict=True):
            if family == families[i] or e.original == h.original:
                continue
            words = copied_narration(e.narration, h.narration)
            if words is not None:
                found = (e.article_id, words)
                break
        out.append(found)
    return out


Part = tuple[int | None, int | None]


def claim_groups(
    links: Iterable[tuple[str, str]],
    slots: dict[str, tuple[str, str]],
    counted: dict[str, str | None] | None = None,
    parts: dict[tuple[str, str], Part] | None = None,
) -> list[list[str]]:
    """The claims the links make: connected items, except that a claim never holds two
    figures of one sentence of one article (``slots``: figure id -> (article id,
    sentence)). Two counts of one list ("half of the living hostages and half of the
    deceased") are two claims even when other articles' figures link each of them to
    the same third one; a link that would join them is left out. Links between figures
    that count the same thing (``counted``: figure id -> subject) are taken first, so
    the living join the living; then in sorted order, so a claim is the same whichever
    update built it (a rebuild finds the same links).

    A link that rests on one quoted fragment of a statement quoting several (``parts``:
    link -> the fragment of each side, ``match.matched_part``) joins that fragment, not
    the whole statement: one report of two things said ("a 'basic amount of food' ...
    'control of all of Gaza'") does not join the claim of the one to the claim of the
    other. The statement belongs to the claim of its whole, else of its first fragment
    linked."""
    joined = _groups(
        [_nodes(link, (parts or {}).get(link, (None, None))) for link in links], slots, counted
    )
    home: dict[str, str] = {}
    for node in sorted(n for group in joined for n in group):
        home.setdefault(_item(node), node)
    out = [sorted({_item(n) for n in group if home[_item(n)] in group}) for group in joined]
    return [group for group in out if len(group) > 1]


_PART = "#"


def _item(node: str) -> str:
    """The item a node of ``claim_groups`` stands for (itself, or one of its fragments)."""
    return node.split(_PART)[0]


def _nodes(link: tuple[str, str], part: Part) -> tuple[str, str]:
    """A link's two ends: each item, or the fragment of it the link rests on."""
    (a, b), (pa, pb) = link, part
    return (a if pa is None else f"{a}{_PART}{pa}", b if pb is None else f"{b}{_PART}{pb}")


def _groups(
    links: Iterable[tuple[str, str]],
    slots: dict[str, tuple[str, str]],
    counted: dict[str, str | None] | None = None,
) -> list[list[str]]:
    parent: dict[str, str] = {}
    held: dict[str, dict[tuple[str, str], str]] = {}

    def find(x: str) -> str:
        return find_root(parent, x)

    def slots_of(root: str) -> dict[tuple[str, str], str]:
        return held.setdefault(root, {slots[root]: root} if root in slots else {})

    subject = counted or {}

    def rank(link: tuple[str, str]) -> tuple[bool, str, str]:
        a, b = link
        return (subject.get(a) != subject.get(b), a, b)

    for a, b in sorted(links, key=rank):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        sa, sb = slots_of(ra), slots_of(rb)
        if any(slot in sb and sb[slot] != item for slot, item in sa.items()):
            continue  # two counts of one sentence would meet
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        held[keep] = {**sa, **sb}
        held.pop(gone, None)
    out: dict[str, list[str]] = {}
    for x in sorted(parent):
        out.setdefault(find(x), []).append(x)
    return list(out.values())


def _order(a: Appearance) -> tuple[str, str, str, int, str]:
    when = a.moment or a.day
    day = when[:10] if when else _NO_DATE
    time = a.moment[10:] if a.moment else _NO_DATE
    return day, time, a.article_id, a.start, a.item_id


def certainty(first: Appearance, others: Sequence[Appearance]) -> FirstCertainty:
    """How sure it is that ``first`` (the earliest by ``_order``) came first."""
    if (first.day is None and first.moment is None) or any(
        o.day is None and o.moment is None for o in others
    ):
        return "undated"
    day = _order(first)[0]
    same_day = [o for o in others if _order(o)[0] == day]
    if any(first.moment is None or o.moment is None for o in same_day):
        return "day"
    if any(o.moment == first.moment for o in same_day):
        return "tied"
    return "exact"


def _kind(items: Sequence[Appearance]) -> ClaimKind:
    if items[0].direct is None:
        return "figure"
    return "quote" if any(a.direct for a in items) else "reported"


def _variants(items: Sequence[Appearance]) -> list[dict[str, Any]]:
    """Distinct wordings (folded words), in order of first appearance, with their articles."""
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for a in items:
        entry = found.setdefault(
            w.words(a.text), {"text": a.text, "article_ids": [], "direct": bool(a.direct)}
        )
        if a.article_id not in entry["article_ids"]:
            entry["article_ids"].append(a.article_id)
        entry["direct"] = entry["direct"] or bool(a.direct)
    return list(found.values())


def _canonical(variants: list[dict[str, Any]]) -> str:
    best = min(
        enumerate(variants),
        key=lambda iv: (
            not iv[1]["direct"],
            -len(iv[1]["article_ids"]),
            -len(iv[1]["text"]),
            iv[0],
        ),
    )
    return str(best[1]["text"])


def _speaker(items: Sequence[Appearance]) -> str | None:
    """The name most appearances give the speaker (a name before a description)."""
    counts = Counter(a.speaker for a in items if a.speaker)
    if not counts:
        return None
    return min(
        counts,
        key=lambda s: (speaker_name(s) is None, -counts[s], -len(s), s),
    )


def lineage(items: Sequence[Appearance]) -> Claim | None:
    """The claim these items make, or None when they are all in one article."""
    ordered = sorted(items, key=_order)
    articles: dict[str, list[Appearance]] = {}
    for a in ordered:
        articles.setdefault(a.article_id, []).append(a)
    if len(articles) < 2:
        return None
    heads = [group[0] for group in articles.values()]
    families = [family_key(h.article_id, h.url, h.outlet) for h in heads]
    carriers = [
        Carrier(
            h.article_id,
            family,
            h.original,
            next((a.relay for a in articles[h.article_id] if a.relay), None),
            label=h.outlet or "",
            copied=copied,
        )
        for h, family, copied in zip(heads, families, _copied(heads, families), strict=True)
    ]
    judged = judge(carriers)
    first = heads[0]
    variants = _variants(ordered)
    appearances = [
        {
            "article_id": h.article_id,
            "item_ids": [a.item_id for a in articles[h.article_id]],
            "outlet": h.outlet,
            "published": h.moment or h.day,
            "independent": j.independent,
            "reason": j.reason,
        }
        for h, j in zip(heads, judged, strict=True)
    ]
    outlets = list(dict.fromkeys(h.outlet for h in heads if h.outlet))
    return Claim(
        id=stable_id("c", first.item_id),
        kind=_kind(ordered),
        text=_canonical(variants),
        speaker=_speaker(ordered),
        first_article_id=first.article_id,
        first_published=first.moment or first.day,
        first_certainty=certainty(first, heads[1:]),
        article_ids=list(articles),
        outlets=outlets,
        independent_sources=sum(j.independent for j in judged),
        variants=[{"text": v["text"], "article_ids": v["article_ids"]} for v in variants],
        appearances=appearances,
    )
