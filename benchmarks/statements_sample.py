"""Print a random sample of exported speech statements, each in its context, to be judged.

An evaluator who did not write the rules reads each item in its article and says
whether it is an attribution, whether the speaker is right, whether the span is
what was said, and whether the medium is right (README: "who said what on real
news", the sample of 50 of the 409 Russia/Ukraine articles, seed 7).

    python benchmarks/statements_sample.py EXPORT.json [--n 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("export", type=Path, help="a storyline JSON export")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    export = json.loads(args.export.read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in export["articles"]}
    pool = sorted((s for s in export["statements"] if s["kind"] == "speech"), key=lambda s: s["id"])
    for i, s in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool))), 1):
        a = articles[s["article_id"]]
        text = a["text"]
        lo, hi = max(0, s["start"] - 500), min(len(text), s["end"] + 200)
        print(f"=== S{i} [{a.get('outlet')} {a.get('published')}] {(a.get('title') or '')[:80]!r}")
        print(
            f"  speaker={s.get('speaker')!r} status={s.get('speaker_status')} "
            f"cue={s.get('cue')!r} medium={s.get('medium')!r} direct={s['direct']}"
        )
        print(f"  text: {s['text'][:400]!r}")
        context = f"{text[lo : s['start']]}<<{text[s['start'] : s['end']]}>>{text[s['end'] : hi]}"
        print(f"  context: ...{context}...".replace("\n", " | "))
        print()


if __name__ == "__main__":
    main()
