"""Claim lineage on real news: our own gold (benchmarks/gold/lineage.json).

The gold lists 115 claims (92 quotes, 1 reported statement, 22 figures) that
recur across the 409 Russia/Ukraine news-dumpster articles, every appearance
located in its article, the first appearance, and which appearances are
independent sources; plus 19 tempting false groupings (the same phrase from
different speakers or occasions).

storyline runs on the 409 articles as a user runs it (or ``--export FILE``).
An appearance is found when an exported statement (quotes) or figure
(figures) of its article overlaps its span (of two figures overlapping it alike, the
one the span starts with). For each gold claim with two or more appearances found:

- **grouped**: all of them carry one ``claim_id``;
- **first right**: that claim's ``first_article_id`` is the gold's first
  appearance (or one published at the same moment: feed copies tie);
- **independent right**: the claim's ``independent_sources`` equals the gold's
  count over the appearances storyline found.

False groupings: gold false pairs whose two items share a ``claim_id``. A
random sample of storyline's claims is printed for judging (``--sample``).

    python benchmarks/lineage_newsdumpster.py [--export FILE] [--sample 50] [--show dev]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records, russia_ukraine
from _gold import GOLD, OffsetMap, articles_by_link, dice, find_article, overlap, run_storyline


def _when(published: str) -> str:
    try:
        return parsedate_to_datetime(published).isoformat()
    except (TypeError, ValueError):
        return published


class Locator:
    """Gold (link, span) -> the exported statement or figure there."""

    def __init__(self, export: dict[str, Any], raw: dict[str, str]) -> None:
        self.articles = articles_by_link(export)
        self.raw = raw
        self.maps: dict[str, OffsetMap] = {}
        self.items: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for s in export["statements"]:
            self.items[("statement", s["article_id"])].append(s)
        for f in export["figures"]:
            self.items[("figure", f["article_id"])].append(f)

    def article(self, link: str) -> dict[str, Any] | None:
        return find_article(self.articles, link)

    def item(self, link: str, span: list[int], kind: str) -> dict[str, Any] | None:
        article = self.article(link)
        if article is None:
            return None
        if link not in self.maps:
            self.maps[link] = OffsetMap(self.raw[link], article["text"])
        clean = self.maps[link].span(span[0], span[1])
        if clean is None:
            return None
        what = "figure" if kind == "figure" else "statement"
        candidates = self.items[(what, article["id"])]
        if what == "figure":
            hits = [(overlap(clean, (x["start"], x["end"])), x) for x in candidates]
        else:
            hits = [(dice(clean, (x["start"], x["end"])), x) for x in candidates]
        hits = [h for h in hits if h[0] > 0]
        # Equal overlaps (two figures inside one span: "53,939 people, including at
        # least 16,500 children") go to the one the span starts with, the figure the
        # gold names first; ids (hashes) only break what is left.
        return max(hits, key=lambda h: (h[0], -h[1]["start"], h[1]["id"]))[1] if hits else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--export", type=Path, help="score this export instead of running storyline"
    )
    parser.add_argument("--sample", type=int, default=50, help="claims to print for judging")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--show", choices=["dev", "heldout"], help="print the misses of a half")
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="score the dev half alone (while tuning: the held-out numbers stay unseen)",
    )
    args = parser.parse_args()

    records = russia_ukraine(dumpster_records())
    raw = {r["link"]: r["text"] for r in records}
    export = (
        json.loads(args.export.read_text(encoding="utf-8"))
        if args.export
        else run_storyline(records)
    )
    gold = json.loads((GOLD / "lineage.json").read_text(encoding="utf-8"))
    claims_out = {c["id"]: c for c in export.get("claims", [])}
    locate = Locator(export, raw)
    print(
        f"claim lineage on news-dumpster: {len(records)} articles, our gold ({len(gold['claims'])} "
        f"claims, {len(gold['false_groupings'])} false groupings); storyline reports "
        f"{len(claims_out)} claims"
    )
    for half in ("dev",) if args.dev_only else ("dev", "heldout", None):
        t: Counter[str] = Counter()
        misses = []
        for claim in gold["claims"]:
            if half and claim["half"] != half:
                continue
            kind = "quotes" if claim["kind"] != "figure" else "figures"
            found = []
            for app in claim["appearances"]:
                item = locate.item(app["link"], app["span"], claim["kind"])
                if item is not None:
                    found.append((app, item))
            articles = {locate.article(a["link"])["id"] for a, _ in found}  # type: ignore[index]
            t[f"{kind} gold"] += 1
            if len(articles) < 2:
                t[f"{kind} not located"] += 1
                continue
            t[f"{kind} located"] += 1
            ids = Counter(item.get("claim_id") for _, item in found)
            best, n = ids.most_common(1)[0]
            grouped = best is not None and n == len(found)
            t[f"{kind} grouped"] += grouped
            out = claims_out.get(best) if best else None
            first_times = {
                _when(a["published"]) for a in claim["appearances"] if a["link"] == claim["first"]
            }
            firsts = {
                locate.article(a["link"])["id"]  # type: ignore[index]
                for a, _ in found
                if _when(a["published"]) in first_times
            }
            first_ok = bool(grouped and out and out.get("first_article_id") in firsts)
            t[f"{kind} grouped+first"] += first_ok
            gold_independent = sum(1 for a, _ in found if a["independent"]) or 1
            indep_ok = bool(grouped and out and out.get("independent_sources") == gold_independent)
            t[f"{kind} independent"] += indep_ok
            if not (grouped and first_ok):
                misses.append((claim, found, ids))
        false = 0
        n_false = 0
        for fg in gold["false_groupings"]:
            if half and fg["half"] != half:
                continue
            n_false += 1
            a = locate.item(fg["a"]["link"], fg["a"]["span"], "quote")
            b = locate.item(fg["b"]["link"], fg["b"]["span"], "quote")
            false += bool(a and b and a.get("claim_id") and a.get("claim_id") == b.get("claim_id"))
        print(f"\n{half or 'both halves'}")
        for kind in ("quotes", "figures"):
            loc = t[f"{kind} located"]
            first = t[f"{kind} grouped+first"]
            print(
                f"  {kind}: {t[f'{kind} gold']} in gold, {loc} with two or more appearances found; "
                f"grouped into one claim {t[f'{kind} grouped']}/{loc}, with the right first "
                f"article {first}/{loc} = {first / max(loc, 1):.3f}, "
                f"independent sources right {t[f'{kind} independent']}/{loc}"
            )
        print(f"  false groupings reported: {false}/{n_false}")
        if args.show and half == args.show:
            for claim, _found, ids in misses:
                print(f"    MISS {claim['claim']} {claim['speaker'][:40]!r}: claim ids {dict(ids)}")

    rng = random.Random(args.seed)
    texts = {a["id"]: a for a in export["articles"]}
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in export["statements"] + export["figures"]:
        if s.get("claim_id"):
            members[s["claim_id"]].append(s)
    sample = rng.sample(sorted(claims_out), min(args.sample, len(claims_out)))
    print(f"\nrandom sample of {len(sample)} claims (seed {args.seed}) for judging")
    for cid in sample:
        c = claims_out[cid]
        print(
            f"\n{cid} [{c.get('kind')}] {c.get('text', '')[:120]!r}: "
            f"first {c.get('first_article_id')}, "
            f"{len(c.get('article_ids', []))} articles, {c.get('independent_sources')} independent"
        )
        for item in sorted(members[cid], key=lambda x: x["article_id"]):
            art = texts[item["article_id"]]
            who = item.get("speaker") or item.get("claimant")
            print(
                f"   {art.get('outlet')} {art.get('published')} {who!r}: "
                f"{art['text'][item['start'] : item['end']][:140]!r}"
            )


if __name__ == "__main__":
    main()
