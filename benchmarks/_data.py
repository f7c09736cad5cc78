"""Shared benchmark inputs, read from ../shared (never copied into the repo)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DUMPSTER = SHARED / "data" / "news-dumpster-2025"

# The selection of the Russia/Ukraine subset of news-dumpster.
RU_UA = re.compile(r"ukrain|russia|kremlin|zelensk|putin|kyiv|kiev|moscow|ceasefire", re.I)


def dumpster_records() -> list[dict]:
    """All news-dumpster records, one per link (the two dumps overlap), in file order."""
    seen: set[str] = set()
    out = []
    for path in sorted(DUMPSTER.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                link = record.get("link")
                if link in seen or not record.get("text"):
                    continue
                seen.add(link)
                out.append(record)
    return out


def russia_ukraine(records: list[dict]) -> list[dict]:
    return [r for r in records if RU_UA.search((r.get("title") or "") + " " + r["text"][:3000])]
