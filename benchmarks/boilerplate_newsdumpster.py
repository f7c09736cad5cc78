"""Page furniture on real news: news-dumpster before and after (issue 14).

    python benchmarks/boilerplate_newsdumpster.py [--subset all|409|both] [--work DIR]
        [--before-all EXPORT.json] [--before-409 EXPORT.json] [--sample 50] [--seed 14]

storyline runs on the news-dumpster records (all of them, and the 409 on
Russia/Ukraine) as a user runs it: ``storyline ingest`` then ``export``. The
"before" numbers come from an export of the same records made by an earlier
storyline (``--before-*``; without one only "after" is printed). Reported:

- **repeats**: what still recurs across 3 or more articles of one outlet family
  (near-copies once): runs of 8-word shingles (``clean.boilerplate.survey``,
  ignoring its verdicts) and whole sentences of 6+ words, with the 20 most
  frequent surviving runs (what stays should be news: wire background, quotes);
- **findings from furniture**: the earlier export's statements and figures whose
  span lies (half or more) in text the new cleaning removed, with examples, and
  the junk the issue named ("HTML5" as a speaker, "4 min" read, "360 kilos");
- **Le Monde**: how its 18 articles are grouped into stories;
- **precision**: a random sample of removed spans (new widget rules and learned
  furniture) with their context, to read and judge;
- dates by basis, languages, display paragraphs.
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
from _gold import run_storyline
from storyline.clean.boilerplate import survey
from storyline.clean.paragraphs import paragraphs
from storyline.clean.patterns import WIDGET_RULES
from storyline.outlets import site
from storyline.schema import Removal
from storyline.store import Store
from storyline.views.text import sentences

NEW_RULES = {r.name for r in WIDGET_RULES}
MIN_SENTENCE_WORDS = 6
_WORD = re.compile(r"\w+")


def export_for(records: list[dict[str, Any]], work: Path) -> tuple[dict[str, Any], Path]:
    """The export of ``records`` (made once per work folder) and its store."""
    out = work / "export.json"
    if not out.exists():
        run_storyline(records, work)
    return json.loads(out.read_text(encoding="utf-8")), work / "gold.db"


def families(articles: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in articles:
        out[site(a.get("url"), a.get("outlet")) or "?"].append(a)
    return out


def run_repeats(articles: list[dict[str, Any]]) -> tuple[int, int, list[tuple[int, str, str]]]:
    """(recurring pieces, their occurrences, the pieces by how many articles carry them)."""
    pieces = []
    for name, arts in sorted(families(articles).items()):
        for group in survey(name, [(a["id"], a["text"]) for a in arts]):
            pieces.append((group.carriers, len(group.runs), name, group.text))
    ranked = sorted(((c, n, t) for c, _, n, t in pieces), key=lambda x: (-x[0], x[1], x[2]))
    return len(pieces), sum(r for _, r, _, _ in pieces), ranked


def sentence_repeats(articles: list[dict[str, Any]]) -> tuple[int, int]:
    """Sentences of 6+ words in 3+ articles of one family (one per title: feeds repost)."""
    distinct = occurrences = 0
    for arts in families(articles).values():
        carriers: dict[str, set[str]] = defaultdict(set)
        for a in arts:
            for s, e in sentences(a["text"]):
                words = _WORD.findall(a["text"][s:e].lower())
                if len(words) >= MIN_SENTENCE_WORDS:
                    carriers[" ".join(words)].add((a.get("title") or a["id"]).lower())
        for titles in carriers.values():
            if len(titles) >= 3:
                distinct += 1
                occurrences += len(titles)
    return distinct, occurrences


def removed_pieces(db: Path) -> dict[str, list[Removal]]:
    with Store(db, read_only=True) as store:
        return {a.id: list(a.removed) for a in store.articles()}


def is_new(piece: Removal) -> bool:
    return piece.reason in NEW_RULES or "furniture" in piece.reason


def in_removed(before: dict[str, Any], removed: dict[str, list[Removal]], name: str) -> list[Any]:
    """Records of the earlier export whose span lies half or more in text removed now."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for a in before["articles"]:
        text, at = a["text"], []
        for piece in removed.get(a["id"], []):
            if is_new(piece):
                start = text.find(piece)
                while start >= 0:
                    at.append((start, start + len(piece)))
                    start = text.find(piece, start + len(piece))
        spans[a["id"]] = at
    out = []
    for r in before[name]:
        width = max(1, r["end"] - r["start"])
        inside = sum(
            max(0, min(r["end"], e) - max(r["start"], s)) for s, e in spans.get(r["article_id"], [])
        )
        if inside * 2 >= width:
            out.append(r)
    return out


def named_junk(export: dict[str, Any]) -> dict[str, int]:
    """The issue's examples of findings made from furniture."""
    lemonde = {a["id"] for a in export["articles"] if "lemonde" in (a["url"] or "")}
    return {
        "speakers 'HTML5'": sum("HTML5" in (s["speaker"] or "") for s in export["statements"]),
        "speakers 'FOX NEWS APP ...'": sum(
            "FOX NEWS APP" in (s["speaker"] or "") for s in export["statements"]
        ),
        "speakers 'Fox News' Antisemitism Exposed'": sum(
            "Antisemitism Exposed" in (s["speaker"] or "") for s in export["statements"]
        ),
        "figures 'N min' read": sum(
            bool(re.fullmatch(r"\d+ min", f["text"])) and (f["subject"] or "") == "read"
            for f in export["figures"]
        ),
        "figures '360 kilos' (Le Monde header)": sum(
            f["text"].startswith("360") and f["article_id"] in lemonde for f in export["figures"]
        ),
    }


def lemonde_stories(export: dict[str, Any]) -> list[list[str]]:
    arts = [a for a in export["articles"] if "lemonde.fr" in (a["url"] or "")]
    by_story: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        by_story[a["story"] or f"(none) {a['id']}"].append(a["title"] or a["id"])
    return sorted((sorted(t) for t in by_story.values()), key=lambda t: (-len(t), t))


def sample_removed(
    records: list[dict[str, Any]],
    export: dict[str, Any],
    removed: dict[str, list[Removal]],
    n: int,
    seed: int,
) -> list[tuple[str, Removal, str, str]]:
    raw = {r["link"]: r["text"] for r in records}
    pool = []
    for a in export["articles"]:
        text = raw.get(a["url"], "")
        for piece in removed.get(a["id"], []):
            if is_new(piece):
                pool.append((site(a["url"], a["outlet"]) or "?", piece, text))
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    out = []
    for fam, piece, text in picked:
        squeezed = " ".join(text.split())
        at = squeezed.find(piece)
        before = squeezed[max(0, at - 90) : at] if at >= 0 else "?"
        after = squeezed[at + len(piece) : at + len(piece) + 90] if at >= 0 else "?"
        out.append((fam, piece, before, after))
    print(f"  (sampled from {len(pool)} removed pieces)")
    return out


def report(
    name: str, records: list[dict[str, Any]], work: Path, before_path: Path | None, args: Any
) -> None:
    after, db = export_for(records, work)
    removed = removed_pieces(db)
    before = json.loads(before_path.read_text(encoding="utf-8")) if before_path else None
    print(f"\n=== {name}: {len(records)} records, {len(after['articles'])} articles")

    print("\n-- what recurs in 3+ articles of one outlet family")
    print(f"{'':10} {'runs':>6} {'occurrences':>12} {'sentences':>10} {'occurrences':>12}")
    for label, export in (("before", before), ("after", after)):
        if export is None:
            continue
        runs, occ, _ = run_repeats(export["articles"])
        sents, sent_occ = sentence_repeats(export["articles"])
        print(f"{label:10} {runs:6} {occ:12} {sents:10} {sent_occ:12}")
    print("the 20 most frequent survivors (articles, family, text):")
    for carriers, fam, text in run_repeats(after["articles"])[2][:20]:
        print(f"  {carriers:3} {fam:18} {text[:110]}")

    print("\n-- findings made from furniture")
    if before is not None:
        for kind in ("statements", "figures"):
            hit = in_removed(before, removed, kind)
            print(f"before: {len(hit)} of {len(before[kind])} {kind} lie in text removed now, e.g.")
            for r in hit[:: max(1, len(hit) // 6)][:6]:
                who = r.get("speaker") or r.get("subject") or ""
                print(f"    {r['text'][:80]!r} ({who})")
    for label, export in (("before", before), ("after", after)):
        if export is not None:
            print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in named_junk(export).items()))

    print("\n-- Le Monde's articles in stories (titles per story)")
    for label, export in (("before", before), ("after", after)):
        if export is None:
            continue
        groups = lemonde_stories(export)
        print(f"{label}: {sum(map(len, groups))} articles in {len(groups)} stories")
        for titles in groups:
            print(f"    [{len(titles)}] " + " | ".join(t[:48] for t in titles[:5]))

    arts = after["articles"]
    basis = Counter(a["published_basis"] for a in arts)
    langs = Counter(a["language"] for a in arts)
    paras = [len(paragraphs(a["text"])) for a in arts]
    one_line = sum("\n\n" not in a["text"] for a in arts)
    print(f"\n-- dates by basis {dict(basis)}; languages {dict(langs)}")
    print(f"-- {one_line} one-line texts; {sum(paras)} display paragraphs in {len(arts)} articles")
    reasons = Counter(
        p.reason.split(":")[0] if "furniture" in p.reason else p.reason
        for pieces in removed.values()
        for p in pieces
        if is_new(p)
    )
    print(f"-- new removals by rule or family: {dict(reasons.most_common())}")

    if args.sample:
        print(f"\n-- precision: {args.sample} removed spans at random (seed {args.seed})")
        for fam, piece, pre, post in sample_removed(
            records, after, removed, args.sample, args.seed
        ):
            print(f"  [{fam}] {piece.reason[:90]}")
            print(f"      ...{pre} [[{piece[:300]}]] {post}...")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subset", choices=("all", "409", "both"), default="both")
    parser.add_argument("--work", type=Path, default=Path("/tmp/storyline-boilerplate"))
    parser.add_argument("--before-all", type=Path)
    parser.add_argument("--before-409", type=Path)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    records = dumpster_records()
    if args.subset in ("all", "both"):
        report("all", records, args.work / "all", args.before_all, args)
    if args.subset in ("409", "both"):
        report("409", russia_ukraine(records), args.work / "409", args.before_409, args)


if __name__ == "__main__":
    main()
