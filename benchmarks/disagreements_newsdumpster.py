"""Where sources disagree, on real news: our own gold (benchmarks/gold/disagreements.json).

The gold lists 131 quantities that two or more of the 409 Russia/Ukraine
news-dumpster articles report, each claim located in its article, and judged
pairs of claims: contradiction, update, corroboration, or repeat (the same
claimant's number carried again: not a second source), plus 40 tempting false
pairs (same measure words, different events, scopes or periods).

storyline runs on the 409 articles as a user runs it (``storyline ingest`` +
``export``; or ``--export FILE`` to score an export made before). A gold claim
is found when an exported figure of its article overlaps its span (after
mapping the gold span onto the clean text). storyline relates two figures when
one exported disagreement puts them on different sides (contract 4: a side is
one source's figures, one claimant's value, or one value at one time; an
export without sides relates every two figures a disagreement lists). Reported:

- recall: real pairs (contradiction, update, corroboration) whose two figures
  storyline relates with the right kind (of those whose figures it found, and
  of all);
- repeats reported as corroboration (a repeated claim is not a second source);
- false pairs storyline relates (any kind): the goal is none;
- a random sample of what storyline reports, per kind, printed with both
  sentences so it can be judged (``--sample N``; pairs the gold covers are
  judged by the gold).

    python benchmarks/disagreements_newsdumpster.py [--export FILE] [--sample 20] [--show dev]
        [--dev-only]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records, russia_ukraine
from _gold import GOLD, OffsetMap, articles_by_link, find_article, overlap, run_storyline

REAL = ("contradiction", "update", "corroboration")


def load_gold() -> dict[str, Any]:
    return json.loads((GOLD / "disagreements.json").read_text(encoding="utf-8"))


class Locator:
    """Gold (link, span) -> the exported figure there, if storyline found one."""

    def __init__(self, export: dict[str, Any], raw: dict[str, str]) -> None:
        self.articles = articles_by_link(export)
        self.raw = raw
        self.maps: dict[str, OffsetMap] = {}
        self.figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in export["figures"]:
            self.figures[f["article_id"]].append(f)

    def figure(self, link: str, span: list[int]) -> dict[str, Any] | None:
        article = find_article(self.articles, link)
        if article is None:
            return None
        if link not in self.maps:
            self.maps[link] = OffsetMap(self.raw[link], article["text"])
        clean = self.maps[link].span(span[0], span[1])
        if clean is None:
            return None
        hits = [f for f in self.figures[article["id"]] if overlap(clean, (f["start"], f["end"]))]
        return min(hits, key=lambda f: (f["start"], f["id"])) if hits else None


def relations(export: dict[str, Any]) -> dict[frozenset[str], set[str]]:
    """Pairs of figure ids -> the kinds of the disagreements that relate them: figures on
    different sides of one disagreement (or, with no sides, any two it lists)."""
    out: dict[frozenset[str], set[str]] = defaultdict(set)
    for d in export["disagreements"]:
        sides = d.get("sides") or [[f] for f in sorted(set(d["figure_ids"]))]
        for i, side in enumerate(sides):
            for other in sides[i + 1 :]:
                for a in side:
                    for b in other:
                        if a != b:
                            out[frozenset((a, b))].add(d["kind"])
    return out


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, start - 160, 0)
    right_stop = text.find(". ", end)
    right = min(right_stop + 1 if right_stop >= 0 else len(text), end + 160)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--export", type=Path, help="score this export instead of running storyline"
    )
    parser.add_argument(
        "--sample", type=int, default=20, help="pairs per kind to print for judging"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", choices=["dev", "heldout"], help="print the misses of a half")
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="score and print the dev half only, with no sample (for tuning: held-out unseen)",
    )
    args = parser.parse_args()

    records = russia_ukraine(dumpster_records())
    raw = {r["link"]: r["text"] for r in records}
    if args.export:
        export = json.loads(args.export.read_text(encoding="utf-8"))
    else:
        export = run_storyline(records)
    gold = load_gold()
    locate = Locator(export, raw)
    related = relations(export)

    claims: dict[str, tuple[str, dict[str, Any]]] = {}
    for q in gold["quantities"]:
        for c in q["claims"]:
            claims[c["c"]] = (q["half"], c)
    half_of_pair = {}
    for p in gold["pairs"]:
        half_of_pair[(p["a"], p["b"])] = claims[p["a"]][0]

    print(
        f"disagreements on news-dumpster: {len(records)} articles, our gold "
        f"({len(gold['quantities'])} quantities, {len(gold['pairs'])} pairs, "
        f"{len(gold['false_pairs'])} false pairs)"
    )
    print(
        f"storyline reports {len(export['disagreements'])} disagreements: "
        + ", ".join(
            f"{k} {n}"
            for k, n in sorted(Counter(d["kind"] for d in export["disagreements"]).items())
        )
    )

    found_claims = Counter()
    for half in ("dev",) if args.dev_only else ("dev", "heldout"):
        n = sum(1 for h, _ in claims.values() if h == half)
        hit = sum(
            1 for h, c in claims.values() if h == half and locate.figure(c["link"], c["span"])
        )
        found_claims[half] = hit
        print(f"  {half}: gold claims with a figure found {hit}/{n}")

    gold_pair_figs: dict[frozenset[str], str] = {}
    halves: tuple[str | None, ...] = ("dev",) if args.dev_only else ("dev", "heldout", None)
    for half in halves:
        tally: Counter[str] = Counter()
        misses = []
        for p in gold["pairs"]:
            h = half_of_pair[(p["a"], p["b"])]
            if half and h != half:
                continue
            fa = locate.figure(claims[p["a"]][1]["link"], claims[p["a"]][1]["span"])
            fb = locate.figure(claims[p["b"]][1]["link"], claims[p["b"]][1]["span"])
            kinds = (
                related.get(frozenset((fa["id"], fb["id"])))
                if fa and fb and fa["id"] != fb["id"]
                else None
            )
            if fa and fb:
                gold_pair_figs[frozenset((fa["id"], fb["id"]))] = p["kind"]
            if p["kind"] in REAL:
                tally[f"{p['kind']} gold"] += 1
                tally[f"{p['kind']} located"] += bool(fa and fb)
                tally[f"{p['kind']} right"] += bool(kinds and p["kind"] in kinds)
                if not (kinds and p["kind"] in kinds):
                    misses.append((p, kinds))
            elif p["kind"] == "repeat":
                tally["repeat gold"] += 1
                tally["repeat as corroboration"] += bool(kinds and "corroboration" in kinds)
        for fp in gold["false_pairs"]:
            if half and fp["half"] != half:
                continue
            fa = locate.figure(fp["a"]["link"], fp["a"]["span"])
            fb = locate.figure(fp["b"]["link"], fp["b"]["span"])
            tally["false gold"] += 1
            kinds = related.get(frozenset((fa["id"], fb["id"]))) if fa and fb else None
            tally["false reported"] += bool(kinds)
            if fa and fb:
                gold_pair_figs[frozenset((fa["id"], fb["id"]))] = "false"
        name = half or "both halves"
        print(f"\n{name}")
        right = sum(tally[f"{k} right"] for k in REAL)
        total = sum(tally[f"{k} gold"] for k in REAL)
        print(
            f"  real pairs found with the right kind: {right}/{total} = {right / max(total, 1):.3f}"
        )
        for k in REAL:
            print(
                f"    {k:14} {tally[f'{k} right']:3}/{tally[f'{k} gold']:3} "
                f"(both figures found for {tally[f'{k} located']})"
            )
        print(
            f"  repeats reported as corroboration: "
            f"{tally['repeat as corroboration']}/{tally['repeat gold']}"
        )
        print(f"  tempting false pairs reported: {tally['false reported']}/{tally['false gold']}")
        if args.show and half == args.show:
            for p, kinds in misses:
                a, b = claims[p["a"]][1], claims[p["b"]][1]
                print(
                    f"    MISS {p['kind']:13} got {sorted(kinds) if kinds else '-'}: "
                    f"{a['text']!r} ({a['claimant']}) / {b['text']!r} ({b['claimant']}): "
                    f"{p['reason']}"
                )

    if args.dev_only:
        return
    # A sample of what storyline reports, per kind, for judging precision.
    by_id = {f["id"]: f for f in export["figures"]}
    texts = {a["id"]: a for a in export["articles"]}
    rng = random.Random(args.seed)
    print(
        f"\nrandom sample of reported pairs (seed {args.seed}, {args.sample} per kind); "
        "'gold:' marks pairs the gold judges"
    )
    for kind in REAL:
        pairs = sorted(
            (tuple(sorted(p)) for p, ks in related.items() if kind in ks), key=lambda p: p
        )
        for a, b in rng.sample(pairs, min(args.sample, len(pairs))):
            verdict = gold_pair_figs.get(frozenset((a, b)))
            fa, fb = by_id[a], by_id[b]
            print(f"\n[{kind}] {'gold: ' + verdict if verdict else 'unjudged'}")
            for f in (fa, fb):
                art = texts[f["article_id"]]
                print(
                    f"   {art.get('outlet')} {art.get('published')} claimant={f['claimant']!r} "
                    f"{f['text']!r}: {_sentence(art['text'], f['start'], f['end'])[:300]}"
                )


if __name__ == "__main__":
    main()
