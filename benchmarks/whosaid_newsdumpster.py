"""Who said what, and who claims each figure, on real news: our own gold (benchmarks/gold/whosaid).

50 news-dumpster articles (15 outlets) annotated in full from their text:
every attribution with its speaker resolved to the source the article names,
and every figure with its claimant. storyline runs on the 50 records
as a user runs it (``storyline ingest`` + ``export``), and is scored end to
end on what a reader sees in the export:

- statements: found = content spans overlap (Dice >= 0.5 after mapping the
  gold span onto the clean text); **speaker right** = the exported ``speaker``
  names the gold source (a person by surname; a body by most of its name's
  words, so "the ministry" is not "Russian Defense Ministry"; an unnamed
  source only by staying unnamed or by the article's own description). A
  pronoun is never right.
- figures: found = spans overlap; value right = low/high equal (vague number
  words: ranges overlap); **claimant right** = as for speakers, and null
  exactly when the reporter states the number.

    python benchmarks/whosaid_newsdumpster.py [--show dev] [--kind speech|all] [--stances]

Stances are off by default in storyline (issue 15); ``--stances`` ingests with
them on, to score them too (``--kind all``) and their precision.

Each table is printed for the dev half, the held-out half and both.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import (
    GOLD,
    OffsetMap,
    articles_by_link,
    dice,
    find_article,
    match,
    overlap,
    prf,
    records_by_link,
    run_storyline,
    same_source,
    words,
)


def gold_files() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("whosaid/*.json"))]


def _span(gold_item: dict[str, Any], key: str, omap: OffsetMap) -> tuple[int, int] | None:
    start, end = gold_item[key]
    return omap.span(start, end)


def _value_right(g: dict[str, Any], f: dict[str, Any]) -> bool:
    lo, hi = g.get("low"), g.get("high") if g.get("high") is not None else g.get("low")
    if lo is None or f.get("low") is None:
        return False
    t_lo, t_hi = f["low"], f["high"] if f.get("high") is not None else f["low"]
    if not any(c.isdigit() for c in g["text"]):  # "hundreds", "dozens": conventions differ
        return t_lo <= hi and lo <= t_hi
    close = lambda a, b: abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)  # noqa: E731
    return close(lo, t_lo) and close(hi, t_hi)


class Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def add(self, **kw: int) -> None:
        self.c.update(kw)


def score_article(
    gold: dict[str, Any],
    article: dict[str, Any],
    raw: str,
    export: dict[str, Any],
    kind: str,
    tally: Tally,
    show: list[str] | None,
) -> None:
    omap = OffsetMap(raw, article["text"])
    aid = article["id"]
    text = article["text"]

    # -- statements ------------------------------------------------------------
    gold_st = [
        g
        for g in gold["statements"]
        if g.get("field", "text") == "text" and (kind == "all" or g["kind"] == "speech")
    ]
    spans = [_span(g, "content", omap) for g in gold_st]
    sys_st = [
        s
        for s in export["statements"]
        if s["article_id"] == aid and (kind == "all" or s.get("kind") in (None, "speech"))
    ]
    pairs = match(
        list(range(len(gold_st))),
        sys_st,
        lambda gi, s: dice(spans[gi], (s["start"], s["end"])) if spans[gi] else 0.0,
        0.5 - 1e-9,
    )
    right = 0
    matched_s = set()
    for gi, si, _ in pairs:
        g, s = gold_st[gi], sys_st[si]
        matched_s.add(si)
        ok = same_source(g["speaker"], g.get("speaker_type"), g.get("speaker_desc"), s["speaker"])
        right += ok
        # The medium: named where the gold names one, and none where it names none.
        tool_medium = set(words(s.get("medium")))
        medium_ok = bool(tool_medium & set(words(g.get("medium"))))
        if g.get("medium"):
            tally.add(medium_gold=1, medium_right=medium_ok)
        elif tool_medium:
            tally.add(medium_extra=1)
        if show is not None and (medium_ok if g.get("medium") else not tool_medium) is False:
            show.append(
                f"  medium   gold {g.get('medium')!r:20} tool {s.get('medium')!r:20}"
                f" | {g['cue']!r} | {text[s['start'] : s['end']][:60]!r}"
            )
        if show is not None and not ok:
            show.append(
                f"  speaker  gold {g['speaker'] or g.get('speaker_desc')!r:40} "
                f"tool {s['speaker']!r}"
                f"  | {text[s['start'] : s['end']][:70]!r}"
            )
    tally.add(st_gold=len(gold_st), st_sys=len(sys_st), st_found=len(pairs), st_right=right)
    if show is not None:
        found = {gi for gi, _, _ in pairs}
        for gi, g in enumerate(gold_st):
            if gi not in found:
                show.append(
                    f"  missed   {g['speaker'] or g.get('speaker_desc')!r:30} {g['cue']!r:18}"
                    f" | {raw[g['content'][0] : g['content'][1]][:80]!r}"
                )
        for si, s in enumerate(sys_st):
            if si not in matched_s:
                show.append(
                    f"  spurious {s['speaker']!r:30} {s['cue']!r:18} [{s.get('kind')}]"
                    f" | {text[s['start'] : s['end']][:80]!r}"
                )

    # Stances: precision only (is it an attribution at all?), against every gold attribution.
    all_gold = [g for g in gold["statements"] if g.get("field", "text") == "text"]
    all_spans = [s for s in (_span(g, "content", omap) for g in all_gold) if s]
    stances = [
        s for s in export["statements"] if s["article_id"] == aid and s.get("kind") == "stance"
    ]
    real = sum(any(overlap(sp, (s["start"], s["end"])) for sp in all_spans) for s in stances)
    tally.add(stance_sys=len(stances), stance_real=real)

    # -- figures ---------------------------------------------------------------
    gold_fg = [g for g in gold["figures"] if g.get("field", "text") == "text"]
    fspans = [_span(g, "span", omap) for g in gold_fg]
    sys_fg = [f for f in export["figures"] if f["article_id"] == aid]
    fpairs = match(
        list(range(len(gold_fg))),
        sys_fg,
        lambda gi, f: overlap(fspans[gi], (f["start"], f["end"])) if fspans[gi] else 0,
        0,
    )
    value = claimant = complete = 0
    for gi, fi, _ in fpairs:
        g, f = gold_fg[gi], sys_fg[fi]
        value += _value_right(g, f)
        ok = same_source(
            g["claimant"],
            "person" if g["claimant"] and len(g["claimant"].split()) <= 3 else "organization",
            g.get("claimant_desc"),
            f["claimant"],
        )
        if g["claimant"] is None and g.get("claimant_desc") is None:
            ok = f["claimant"] is None  # the reporter's own number
        claimant += ok
        complete += (g.get("measure") is None or f.get("measure") is not None) and (
            g.get("subject") is None or f.get("subject") is not None
        )
        if show is not None and not ok:
            show.append(
                f"  claimant gold {g['claimant'] or g.get('claimant_desc')!r:30} "
                f"tool {f['claimant']!r:20}"
                f" | {text[max(0, f['start'] - 60) : f['end'] + 20]!r}"
            )
    tally.add(
        fg_gold=len(gold_fg),
        fg_sys=len(sys_fg),
        fg_found=len(fpairs),
        fg_value=value,
        fg_claimant=claimant,
        fg_complete=complete,
    )


def report(name: str, t: Counter[str]) -> None:
    print(f"\n{name}")
    print(f"  statements found            {prf(t['st_found'], t['st_sys'], t['st_gold'])}")
    print(f"  statements, speaker right   {prf(t['st_right'], t['st_sys'], t['st_gold'])}")
    if t["medium_gold"]:
        print(
            f"  of those found, medium right where the gold names one: "
            f"{t['medium_right']}/{t['medium_gold']}; a medium where it names none: "
            f"{t['medium_extra']}"
        )
    if t["stance_sys"]:
        print(
            f"  stances that are attributions: {t['stance_real']}/{t['stance_sys']} "
            f"= {t['stance_real'] / t['stance_sys']:.3f}"
        )
    print(f"  figures found               {prf(t['fg_found'], t['fg_sys'], t['fg_gold'])}")
    print(f"  figures, claimant right     {prf(t['fg_claimant'], t['fg_sys'], t['fg_gold'])}")
    if t["fg_found"]:
        print(
            f"  of the figures found: value right {t['fg_value'] / t['fg_found']:.3f}, "
            f"measure and subject filled where gold has them {t['fg_complete'] / t['fg_found']:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--kind",
        choices=["speech", "all"],
        default="speech",
        help="speech: quotes and reported speech (default); all: stances too",
    )
    parser.add_argument("--show", choices=["dev", "heldout"], help="print the errors of a half")
    parser.add_argument(
        "--stances", action="store_true", help="ingest with stances on (storyline ingest --stances)"
    )
    parser.add_argument(
        "--articles",
        metavar="FIRST-LAST",
        help="only the gold articles numbered so (1-30: the first set of 2026-12-06; "
        "31-40: the ten added on 2026-12-07; 41-50: the ten added that night), ingested alone",
    )
    args = parser.parse_args()

    golds = gold_files()
    if args.articles:
        first, _, last = args.articles.partition("-")
        golds = [g for g in golds if int(first) <= g["n"] <= int(last or first)]
    by_link = records_by_link()
    records = [by_link[g["link"]] for g in golds]
    export = run_storyline(records, options=("--stances",) if args.stances else ())
    exported = articles_by_link(export)
    halves = {"dev": Tally(), "heldout": Tally()}
    for g in golds:
        article = find_article(exported, g["link"])
        if article is None:
            raise SystemExit(f"not in the export: {g['link']}")
        show: list[str] | None = [] if args.show == g["half"] else None
        score_article(
            g, article, by_link[g["link"]]["text"], export, args.kind, halves[g["half"]], show
        )
        if show:
            print(f"\n#{g['n']} {g['source']} {g['link']}")
            print("\n".join(show))
    print(
        f"who said what on news-dumpster, our gold ({len(golds)} articles), kind={args.kind}"
        f"{', stances on' if args.stances else ''}"
    )
    for name, t in halves.items():
        report(f"{name} half", t.c)
    report("both halves", halves["dev"].c + halves["heldout"].c)


if __name__ == "__main__":
    main()
