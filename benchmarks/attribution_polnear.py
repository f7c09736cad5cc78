"""Attribution (who said what) against PolNeAR gold: source, cue and content spans.

Runs storyline's ``statements`` component on one PolNeAR split and scores it
against one annotator per document (the first ``.ann`` in sorted order):

- source (speaker span as written) and cue: precision / recall / F1, exact and overlap;
- content (what was said): precision / recall / F1, exact and overlap.

Each article is analysed on the raw ``.txt`` (title line included), so gold
offsets index our text directly. Before exact comparison both sides are
normalised the same way, because the conventions differ only in what
surrounds the words: PolNeAR content includes quote marks, the complementiser
``that`` and end punctuation, storyline's ``text`` leaves them out; a
possessive source keeps its ``'s`` in PolNeAR ("Trump's claim"), not in
storyline. PolNeAR
annotates a quote split around its attribution as one attribution with a
discontinuous content; storyline gives one statement per part, so statements
sharing a cue are scored as one attribution. Matching is one-to-one: exact
matches pair equal spans, overlap matches are a maximum matching over
overlapping pairs; a discontinuous span counts as its hull for exact
matching and as its fragments for overlap.

    python benchmarks/attribution_polnear.py [--split dev|test|train] [--limit N] [--agreement]

``--show-sources`` (train and dev only: the test split is held out) prints, end to
end, the matched attributions whose exported speaker does not name the gold source
span, for error analysis of speakers where no resolution of the gold exists.

Two more tables split the attributions by cue, the same way on both sides:
those cued by a speech verb of storyline's lexicon or "according to"
(quotes and reported speech, what the statements component is for), and the
rest. PolNeAR also annotates attitudes, intentions and actions ("watched the
ceremony", "imposed a penalty"), where annotators agree far less.

``--agreement`` also scores a second human annotator against the first on
the documents annotated twice, both tables: under this exact-span scoring two
people agree far less than PolNeAR's per-attribution 92.3% suggests.

``--end-to-end`` scores what a reader sees instead. Every exported statement
is one attribution (a quote split around its cue must come out as one
statement, as PolNeAR annotates it); content is found when the spans overlap
(one-to-one, most overlap first), and the source is right when the
statement's ``speaker``, as exported, names the person or body the gold
source refers to: a pronoun, a relative pronoun or a description ("the
newspaper") counts through whom it refers to in the article, by
``benchmarks/gold/polnear_sources.json`` (our resolution of every source span
of the test split and of every annotator of the 20 documents annotated more
than once, read from the text; conventions in ``benchmarks/gold/README.md``).
A person is named by surname, a body by most of its words, an unnamed source
only by staying unnamed or by the article's own words (``_gold.same_source``,
the test of our news gold). With ``--agreement`` the other annotators of the
20 documents are scored the same way against the first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
SOURCES = Path(__file__).resolve().parent / "gold" / "polnear_sources.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import _key_words, same_source, unresolved  # noqa: E402

# Characters that differ between the two conventions at span edges.
_EDGE = " \t\r\n\"'`“”‘’«»,.;:!?-–—()[]"
_LEAD_WORDS = re.compile(r"^(?:that|whether|if)\s+", re.IGNORECASE)

Span = tuple[int, int]


@dataclass
class Gold:
    source: list[list[Span]] = field(default_factory=list)
    cue: list[list[Span]] = field(default_factory=list)
    content: list[list[Span]] = field(default_factory=list)
    # (cue, content) of each attribution, for the speech-verb breakdown.
    pairs: list[tuple[list[Span], list[Span]]] = field(default_factory=list)
    # The source of each pair, None when the attribution has none.
    pair_sources: list[list[Span] | None] = field(default_factory=list)
    # Every attribution with a content: (content fragments, source fragments or None).
    attributions: list[tuple[list[Span], list[Span] | None]] = field(default_factory=list)


def parse_ann(path: Path, keep: Callable[[list[Span]], bool] | None = None) -> Gold:
    """The gold attributions of one ``.ann``; with ``keep``, only those whose cue it accepts."""
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = frags
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = Gold()
    for roles in events:
        cue_ref, content_ref = roles.get("Cue"), roles.get("Content")
        if keep is not None and not (cue_ref in spans and keep(spans[cue_ref])):
            continue
        if cue_ref in spans and content_ref in spans:
            gold.pairs.append((spans[cue_ref], spans[content_ref]))
            gold.pair_sources.append(spans.get(roles.get("Source", "")))
        if content_ref in spans:
            gold.attributions.append((spans[content_ref], spans.get(roles.get("Source", ""))))
        for role, bucket in (("Source", gold.source), ("Cue", gold.cue), ("Content", gold.content)):
            ref = roles.get(role)
            if ref in spans:
                bucket.append(spans[ref])
    return gold


def normalise(text: str, span: Span, content: bool) -> Span:
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    if not content and text[s:e].endswith(("'s", "’s")):
        e -= 2  # "Trump’s claim": the clitic is not part of the name
    if content:
        m = _LEAD_WORDS.match(text[s:e])
        if m:
            s += m.end()
    return s, e


def match(
    text: str, preds: list[list[Span]], golds: list[list[Span]], content: bool
) -> tuple[int, int]:
    """(exact matches, overlap matches), each one-to-one; spans are lists of fragments."""

    def hull(frags: list[Span]) -> Span:
        return normalise(text, (min(f[0] for f in frags), max(f[1] for f in frags)), content)

    gold_hulls = [hull(g) for g in golds]
    used: set[int] = set()
    exact = 0
    for p in preds:
        ph = hull(p)
        for i, g in enumerate(gold_hulls):
            if i not in used and g == ph:
                used.add(i)
                exact += 1
                break

    # Overlap is not an equivalence: a greedy pass can give a gold span to the
    # wrong prediction and strand another, so take a maximum matching.
    def touch(p: list[Span], g: list[Span]) -> bool:
        return any(min(pe, b) > max(ps, a) for a, b in g for ps, pe in p)

    edges = [[i for i, g in enumerate(golds) if touch(p, g)] for p in preds]
    owner: dict[int, int] = {}

    def augment(k: int, seen: set[int]) -> bool:
        for i in edges[k]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = k
                    return True
        return False

    overlap = sum(augment(k, set()) for k in range(len(preds)))
    return exact, overlap


def attributions(statements: list[Any]) -> dict[str, list[list[Span]]]:
    """Statements as PolNeAR attributions: the parts of a quote that share a cue are one."""
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for s in statements:
        key = (s.cue_start, s.cue_end) if s.cue_start is not None else ("st", s.start)
        groups.setdefault(key, []).append(s)
    out: dict[str, list[list[Span]]] = {"source": [], "cue": [], "content": []}
    for group in groups.values():
        first = group[0]
        if first.speaker_start is not None:
            out["source"].append([(first.speaker_start, first.speaker_end)])
        if first.cue_start is not None:
            out["cue"].append([(first.cue_start, first.cue_end)])
        out["content"].append([(s.start, s.end) for s in group])
    return out


def prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{100 * p:5.1f} / {100 * r:5.1f} / {100 * f:5.1f}"


Totals = dict[str, list[int]]  # kind -> [exact, overlap, predicted, gold]


def new_totals() -> Totals:
    return {k: [0, 0, 0, 0] for k in ("source", "cue", "content")}


def add_scores(totals: Totals, text: str, preds: dict[str, list[list[Span]]], gold: Gold) -> None:
    for kind, t in totals.items():
        golds = getattr(gold, kind)
        ex, ov = match(text, preds[kind], golds, kind == "content")
        t[0] += ex
        t[1] += ov
        t[2] += len(preds[kind])
        t[3] += len(golds)


def speech_cue(doc: Any) -> Callable[[list[Span]], bool]:
    """Whether a cue span is a speech verb of storyline's lexicon or "according to"."""
    from storyline.analyze.speech_lexicon import CUE_LEMMAS

    def keep(frags: list[Span]) -> bool:
        lemmas = {
            t.lemma_.lower()
            for a, b in frags
            for t in (doc.char_span(a, b, alignment_mode="expand") or [])
        }
        return bool(lemmas & CUE_LEMMAS) or "accord" in lemmas or "according" in lemmas

    return keep


# The tables: all attributions, then split by cue (the same split on both sides).
SUBSETS = ("all", "speech", "other")
TITLES = {
    "all": "all attributions",
    "speech": "cued by a speech verb or 'according to'",
    "other": "any other cue (attitudes, intentions, actions, ':', '—')",
}


def subset_filters(doc: Any) -> dict[str, Callable[[list[Span]], bool] | None]:
    speech = speech_cue(doc)
    return {"all": None, "speech": speech, "other": lambda frags: not speech(frags)}


def agreement(nlp: Any) -> dict[str, Totals]:
    """Another annotator scored against the first, the same way as storyline, on every
    document of train, dev and test with two annotations: the human ceiling of this scoring."""
    totals = {k: new_totals() for k in SUBSETS}
    for split in ("train", "dev", "test"):
        for txt in sorted((DATA / split / "text").glob("*.txt")):
            anns = sorted((DATA / split / "attributions").glob(txt.stem + "_*.ann"))
            if len(anns) < 2:
                continue
            text = txt.read_text(encoding="utf-8")
            for name, keep in subset_filters(nlp(text)).items():
                first = parse_ann(anns[0], keep)
                for other in anns[1:]:
                    second = parse_ann(other, keep)
                    preds = {k: getattr(second, k) for k in ("source", "cue", "content")}
                    add_scores(totals[name], text, preds, first)
    return totals


# -- end to end: one attribution per statement, the source as a reader sees it ------

Resolution = dict[str, dict[str, str | None]]  # "split/doc" -> "start-end" -> "P:Name" | None
_KINDS = {"P": "person", "O": "organization", "G": "group"}


def load_resolution() -> Resolution:
    data: Resolution = json.loads(SOURCES.read_text(encoding="utf-8"))
    return data


class Referent:
    """Whom a gold source span refers to: a name and its kind, or an unnamed source."""

    def __init__(self, name: str | None, kind: str | None, desc: str | None) -> None:
        self.name, self.kind, self.desc = name, kind, desc

    @classmethod
    def of(
        cls, text: str, doc_sources: dict[str, str | None], source: list[Span] | None
    ) -> Referent:
        if not source:
            return cls(None, None, None)  # no source at all: right only when left unnamed
        key = f"{source[0][0]}-{source[-1][1]}"
        if not doc_sources:  # a split with no resolution (train, dev): content only
            return cls(None, None, text[source[0][0] : source[-1][1]])
        if key not in doc_sources:
            raise KeyError(f"no resolution for source span {key}")
        value = doc_sources[key]
        if value is None:
            return cls(None, None, text[source[0][0] : source[-1][1]])
        tag, _, name = value.partition(":")
        return cls(name, _KINDS[tag], None)

    def named_by(self, speaker: str | None) -> bool:
        return same_source(self.name, self.kind, self.desc, speaker)


E2E = list[int]  # [content matched, source right, predicted, gold]


def e2e_match(
    preds: list[tuple[list[Span], str | None]], golds: list[tuple[list[Span], Referent]]
) -> tuple[int, int]:
    """(content matches, of which the source is right): one-to-one, most overlap first."""
    pairs = e2e_pairs(preds, golds)
    return len(pairs), sum(golds[gi][1].named_by(preds[pi][1]) for gi, pi in pairs)


def e2e_pairs(
    preds: list[tuple[list[Span], str | None]], golds: list[tuple[list[Span], Referent]]
) -> list[tuple[int, int]]:
    """(gold, prediction) index pairs whose contents overlap: one-to-one, most overlap first."""

    def shared(p: list[Span], g: list[Span]) -> int:
        return sum(max(0, min(pe, b) - max(ps, a)) for a, b in g for ps, pe in p)

    pairs = sorted(
        (
            (-n, gi, pi)
            for gi, (g, _) in enumerate(golds)
            for pi, (p, _) in enumerate(preds)
            if (n := shared(p, g)) > 0
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def add_e2e(
    totals: E2E,
    text: str,
    doc_sources: dict[str, str | None],
    preds: list[tuple[list[Span], str | None]],
    gold: Gold,
) -> None:
    golds = [(c, Referent.of(text, doc_sources, s)) for c, s in gold.attributions]
    found, right = e2e_match(preds, golds)
    totals[0] += found
    totals[1] += right
    totals[2] += len(preds)
    totals[3] += len(golds)


def annotator_preds(
    text: str, doc_sources: dict[str, str | None], other: Gold
) -> list[tuple[list[Span], str | None]]:
    """Another annotator's attributions as a reader would see them: the resolved name."""
    out: list[tuple[list[Span], str | None]] = []
    for content, source in other.attributions:
        ref = Referent.of(text, doc_sources, source)
        out.append((content, ref.name if ref.name is not None else ref.desc))
    return out


def names_in(said: str, tool: str | None) -> bool:
    """Does the exported speaker name what the gold source span says? Its surname, or
    all its words, inside the span ("Mitch McConnell" in "Senate Majority Leader Mitch
    McConnell, R-Ky.,")."""
    have = set(_key_words(said))
    want = _key_words(tool)
    return bool(want) and not unresolved(said) and (want[-1] in have or set(want) <= have)


def show_sources(
    name: str, text: str, preds: list[tuple[list[Span], str | None]], gold: Gold, tally: list[int]
) -> None:
    """Print the matched attributions whose exported speaker does not name the gold
    source span's own words, with the text before it, for a reader to judge: the
    train and dev splits have no resolution of pronouns and descriptions, so a
    pronoun source ("he said") is printed whenever the speaker is not that pronoun.
    ``tally`` counts the matches whose gold source is not a pronoun, and of those
    the ones whose speaker names it: a rough source score for tuning.
    """
    golds = [(c, s) for c, s in gold.attributions]
    refs = [Referent(None, None, None) for _ in golds]
    for gi, pi in e2e_pairs(preds, [(c, r) for (c, _), r in zip(golds, refs, strict=True)]):
        source = golds[gi][1]
        said = text[source[0][0] : source[-1][1]] if source else None
        tool = preds[pi][1]
        named = said is not None and not unresolved(said)
        tally[0] += named
        if said is None and unresolved(tool):
            continue
        if said is not None and names_in(said, tool):
            tally[1] += named
            continue
        content = golds[gi][0]
        start = max(0, min(content[0][0], source[0][0] if source else len(text)) - 160)
        context = " ".join(text[start : min(content[-1][1], content[0][0] + 160)].split())
        print(f"SRC {name}: gold {said!r} tool {tool!r}\n    {context!r}")


def show_resolved(
    name: str,
    text: str,
    doc_sources: dict[str, str | None],
    preds: list[tuple[list[Span], str | None]],
    gold: Gold,
) -> None:
    """On a document with a resolution (train and dev only), print the matched
    attributions whose exported speaker is not the resolved gold source."""
    golds = [(c, Referent.of(text, doc_sources, s)) for c, s in gold.attributions]
    for gi, pi in e2e_pairs(preds, golds):
        ref, tool = golds[gi][1], preds[pi][1]
        if ref.named_by(tool):
            continue
        source = gold.attributions[gi][1]
        said = text[source[0][0] : source[-1][1]] if source else None
        content = golds[gi][0]
        start = max(0, min(content[0][0], source[0][0] if source else len(text)) - 160)
        context = " ".join(text[start : min(content[-1][1], content[0][0] + 160)].split())
        want = ref.name or ref.desc
        print(f"RES {name}: gold {said!r} = {want!r} tool {tool!r}\n    {context!r}")


def e2e_agreement(resolution: Resolution) -> E2E:
    """The other annotators of the 20 documents annotated more than once, scored end to end."""
    totals = [0, 0, 0, 0]
    for split in ("train", "dev", "test"):
        for txt in sorted((DATA / split / "text").glob("*.txt")):
            anns = sorted((DATA / split / "attributions").glob(txt.stem + "_*.ann"))
            if len(anns) < 2:
                continue
            text = txt.read_text(encoding="utf-8")
            doc_sources = resolution[f"{split}/{txt.stem}"]
            first = parse_ann(anns[0])
            for other in anns[1:]:
                preds = annotator_preds(text, doc_sources, parse_ann(other))
                add_e2e(totals, text, doc_sources, preds, first)
    return totals


def print_e2e(name: str, t: E2E) -> None:
    found, right, npred, ngold = t
    print(f"{name} ({npred} predicted, {ngold} gold)")
    print(f"  content overlap  P / R / F1  {prf(found, npred, ngold)}")
    print(f"  source right     P / R / F1  {prf(right, npred, ngold)}")


def print_table(totals: Totals) -> None:
    for kind, (ex, ov, npred, ngold) in totals.items():
        print(f"{kind:8} {npred:5d} {ngold:5d}   {prf(ex, npred, ngold)}   {prf(ov, npred, ngold)}")


STATEMENTS_WITH_STANCES = ("entities", "timexes", "statements", "stances")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--limit", type=int, default=0, help="first N documents only")
    ap.add_argument("--show", action="store_true", help="print content misses (error analysis)")
    ap.add_argument(
        "--agreement", action="store_true", help="also score a second annotator against the first"
    )
    ap.add_argument(
        "--end-to-end",
        action="store_true",
        help="one attribution per statement, the source as the exported speaker names it",
    )
    ap.add_argument(
        "--show-sources",
        action="store_true",
        help="train/dev only: print matched attributions whose exported speaker does not "
        "name the gold source span (pronoun sources are for the reader to judge)",
    )
    ap.add_argument(
        "--resolved",
        action="store_true",
        help="only the documents whose gold sources are resolved (train: 16, dev: 2, "
        "the ones annotated more than once): a quick source score for tuning",
    )
    args = ap.parse_args()
    if args.show_sources and args.split == "test":
        ap.error("--show-sources is for tuning: the test split is held out")

    from storyline.analyze import analyze_doc
    from storyline.analyze.nlp import load_nlp
    from storyline.schema import Article

    split = DATA / args.split
    if not split.is_dir():
        print(f"PolNeAR not found at {split}", file=sys.stderr)
        return 1
    docs = []
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            docs.append((txt, anns[0]))
    if args.limit:
        docs = docs[: args.limit]
    if args.resolved:
        have = load_resolution()
        docs = [(txt, ann) for txt, ann in docs if f"{args.split}/{txt.stem}" in have]

    nlp = load_nlp()
    texts = [txt.read_text(encoding="utf-8") for txt, _ in docs]
    totals = {k: new_totals() for k in SUBSETS}
    resolution = load_resolution() if args.end_to_end else {}
    e2e_totals = [0, 0, 0, 0]
    resolved_totals = [0, 0, 0, 0]
    source_tally = [0, 0]
    for (txt, ann), text, doc in zip(docs, texts, nlp.pipe(texts, n_process=1), strict=True):
        article = Article(
            id=txt.stem,
            source=str(txt),
            title=text.split("\n", 1)[0],
            outlet=txt.stem.split("_", 1)[0],
            published=txt.stem.split("_")[1],
            published_basis="metadata",
            language="en",
            text=text,
        )
        # PolNeAR annotates attitudes and intentions too: stances on.
        found = analyze_doc(article, doc, components=STATEMENTS_WITH_STANCES)
        gold = parse_ann(ann)
        if args.show_sources:
            shown = [([(st.start, st.end)], st.speaker) for st in found.statements]
            show_sources(txt.stem, text, shown, gold, source_tally)
        if args.end_to_end:
            preds = [([(st.start, st.end)], st.speaker) for st in found.statements]
            doc_sources = resolution.get(f"{args.split}/{txt.stem}", {})
            add_e2e(e2e_totals, text, doc_sources, preds, gold)
            if doc_sources:
                add_e2e(resolved_totals, text, doc_sources, preds, gold)
                if args.show_sources:
                    show_resolved(txt.stem, text, doc_sources, preds, gold)
        preds = attributions(found.statements)
        for name, keep in subset_filters(doc).items():
            kept = [
                st
                for st in found.statements
                if keep is None
                or keep(
                    [(st.cue_start, st.cue_end)]
                    if st.cue_start is not None and st.cue_end is not None
                    else []
                )
            ]
            add_scores(totals[name], text, attributions(kept), parse_ann(ann, keep))
        if args.show:
            gold_h = {normalise(text, (g[0][0], g[-1][1]), True) for g in gold.content}
            pred_h = {normalise(text, (p[0][0], p[-1][1]), True) for p in preds["content"]}
            for p in preds["content"]:
                if normalise(text, (p[0][0], p[-1][1]), True) not in gold_h:
                    print(f"FP {txt.stem}: {text[p[0][0] : p[-1][1]][:100]!r}")
            for g in gold.content:
                if normalise(text, (g[0][0], g[-1][1]), True) not in pred_h:
                    print(f"FN {txt.stem}: {text[g[0][0] : g[-1][1]][:100]!r}")

    print(f"PolNeAR {args.split}: {len(docs)} documents, one annotator each (first .ann)")
    if args.show_sources:
        named, right = source_tally
        print(
            f"matched attributions whose gold source is not a pronoun: {named}, "
            f"the speaker names it: {right} = {right / max(1, named):.3f}"
        )
    if args.end_to_end:
        print("end to end: one attribution per statement; the source as the exported speaker")
        if args.split != "test":
            print("  (no resolution of the gold sources on this split: its source score is void)")
        print_e2e("storyline", e2e_totals)
        if args.split != "test" and resolved_totals[3]:
            # the documents annotated more than once have a resolution: a source score
            print_e2e("storyline, the documents of this split with a resolution", resolved_totals)
        if args.agreement:
            print_e2e(
                "other annotators of the 20 documents annotated more than once, same scoring",
                e2e_agreement(resolution),
            )
    head = f"{'span':8} {'pred':>5} {'gold':>5}   {'exact P / R / F1':>21}"
    print(f"{head}   {'overlap P / R / F1':>21}")
    for name in SUBSETS:
        share = 100 * totals[name]["content"][3] / max(1, totals["all"]["content"][3])
        print(f"{TITLES[name]} ({share:.0f}% of gold)")
        print_table(totals[name])
    if args.agreement:
        agreed = agreement(nlp)
        print("second annotator vs first, same scoring (documents with two annotations):")
        for name in SUBSETS:
            print(TITLES[name])
            print_table(agreed[name])
    print(
        "citron on PARC 3.0 (published, other corpus): source exact F1 82.0, "
        "content overlap F1 83.3, content exact F1 59.3, cue exact F1 82.3"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
