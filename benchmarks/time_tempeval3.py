"""TempEval-3 Task A (TIMEX3 extraction and normalisation) for storyline's time extractor.

Reads TE3-platinum (test) or TBAQ-cleaned (training, for development) from
../shared/data/tempeval3, runs ``extract_timexes`` on each document's TEXT
with the document creation time (DCT) as anchor, and prints the TempEval-3
measures:

- strict extraction P/R/F1: P = system timexes whose span equals a gold span
  / system timexes, R = gold timexes whose span a system timex equals / gold;
- relaxed extraction P/R/F1: the same with overlapping spans;
- type and value accuracy: over gold timexes with a relaxed match (each paired
  with one system timex, an exact-span one if there is one);
- value F1 = value accuracy x relaxed F1, and type F1 likewise: the TempEval-3
  "attribute F1", as computed by the task's scorer (evaluate_entities.py,
  get_performance).

    python benchmarks/time_tempeval3.py            # platinum
    python benchmarks/time_tempeval3.py --split train --errors 40
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tempeval3"
SPLITS = {"platinum": DATA / "te3-platinum", "train": DATA / "TBAQ-cleaned"}

TYPE_MAP = {"DATE": "date", "TIME": "time", "DURATION": "duration", "SET": "set"}


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Document:
    name: str
    dct: dt.date
    text: str
    gold: list[Gold]


def parse_tml(path: Path) -> Document:
    """The TEXT element's text with tags stripped, and its TIMEX3s as character spans."""
    root = ET.parse(path).getroot()
    dct_value = next(
        tx.get("value", "")
        for tx in root.iter("TIMEX3")
        if tx.get("functionInDocument") == "CREATION_TIME"
    )
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    gold: list[Gold] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            gold.append(Gold(start, pos, TYPE_MAP[el.get("type", "DATE")], el.get("value", "")))

    walk(text_el)
    dct = dt.date.fromisoformat(dct_value[:10])
    return Document(path.stem, dct, "".join(parts), gold)


def documents(split: str) -> Iterator[Document]:
    for path in sorted(SPLITS[split].rglob("*.tml")):
        yield parse_tml(path)


def _same_value(system: str | None, gold: str) -> bool:
    # TimeBank writes ISO weeks unpadded ("2000-W7"); so may others.
    def canon(v: str) -> str:
        import re

        return re.sub(r"-W0(\d)\b", r"-W\1", v)

    return system is not None and canon(system) == canon(gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="platinum")
    parser.add_argument("--limit", type=int, default=0, help="first N documents only (development)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    args = parser.parse_args(argv)

    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.timexes import extract_timexes

    nlp = load_nlp()
    docs = list(documents(args.split))
    if args.limit:
        docs = docs[: args.limit]
    n_sys = n_gold = type_ok = value_ok = 0
    strict_sys = strict_gold = relaxed_sys = relaxed_gold = 0
    missed: list[str] = []
    spurious: list[str] = []
    wrong: list[str] = []
    for doc_rec, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        system = extract_timexes(sdoc, doc_rec.dct, doc_rec.name)
        gold = doc_rec.gold
        n_sys += len(system)
        n_gold += len(gold)
        spans = {(g.start, g.end) for g in gold}
        strict_sys += sum((s.start, s.end) in spans for s in system)
        sys_spans = {(s.start, s.end) for s in system}
        strict_gold += sum((g.start, g.end) in sys_spans for g in gold)
        for s in system:
            if any(s.start < g.end and g.start < s.end for g in gold):
                relaxed_sys += 1
            else:
                spurious.append(f"{doc_rec.name}: {s.text!r} {s.type} {s.value}")
        for g in gold:
            overlapping = [s for s in system if s.start < g.end and g.start < s.end]
            surface = doc_rec.text[g.start : g.end]
            if not overlapping:
                missed.append(f"{doc_rec.name}: {surface!r} {g.type} {g.value}")
                continue
            relaxed_gold += 1
            exact = [s for s in overlapping if (s.start, s.end) == (g.start, g.end)]
            s = (exact or overlapping)[0]
            type_ok += s.type == g.type
            if _same_value(s.value, g.value):
                value_ok += 1
            else:
                wrong.append(
                    f"{doc_rec.name} dct={doc_rec.dct}: "
                    f"gold {surface!r}={g.value} sys {s.text!r}={s.value}"
                )

    def prf(hit_sys: int, hit_gold: int) -> tuple[float, float, float]:
        p = hit_sys / n_sys if n_sys else 0.0
        r = hit_gold / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(
        f"TempEval-3 Task A, split={args.split}: {len(docs)} documents, "
        f"{n_gold} gold TIMEX3, {n_sys} system timexes"
    )
    for label, hs, hg in (
        ("strict", strict_sys, strict_gold),
        ("relaxed", relaxed_sys, relaxed_gold),
    ):
        p, r, f = prf(hs, hg)
        print(f"{label:8s} P={p:.4f} R={r:.4f} F1={f:.4f}")
    relaxed_f1 = prf(relaxed_sys, relaxed_gold)[2]
    if relaxed_gold:
        value_acc, type_acc = value_ok / relaxed_gold, type_ok / relaxed_gold
        print(f"value    F1={value_acc * relaxed_f1:.4f}  (accuracy {value_acc:.4f} x relaxed F1)")
        print(f"type     F1={type_acc * relaxed_f1:.4f}  (accuracy {type_acc:.4f} x relaxed F1)")
    print("published value F1 on platinum: HeidelTime 0.7761, SUTime 0.6738")
    if args.errors:
        for title, items in (("missed", missed), ("spurious", spurious), ("wrong value", wrong)):
            print(f"\n== {title} ({len(items)})")
            for line in items[: args.errors]:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
