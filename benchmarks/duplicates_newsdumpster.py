"""Near-duplicates on news-dumpster-2025 (and ECB+ as a stress test): kinds, cost, precision.

    python benchmarks/duplicates_newsdumpster.py

news-dumpster: the 1,424 unique articles (by link) are read and cleaned by
the real ingest path (the duplicates step needs only the clean text and its
metadata, so the spaCy pass is skipped and the run takes seconds). As in
``incremental_newsdumpster.py``, 10 articles (every 140th by link) are held
out: the duplicates step runs over the rest from scratch, then the 10 are
added incrementally (``update_duplicates`` on those 10 alone, the path every
``storyline ingest`` takes), then the step is recomputed over all of them to
check that incremental and full runs agree.

ECB+ (982 articles in 86 sub-event clusters: many different articles on
each event, a few edited copies of one wire story) is the stress test for
the anchor path: every pair it reports lies inside one event, and the
question is whether it is one text or two write-ups.

Printed: pairs and clusters by kind (copy: MinHash over shingles, or an
edited copy the anchor path aligned; translation: another rendering of one
text), the timings, and precision against ``duplicates_gold.tsv``. Judged
by reading both texts (ids, label, one-line reason; no article text there):
every pair the anchor path reports on news-dumpster, every translation-kind
pair on ECB+, a random 30 of the anchor path's copy-kind pairs on ECB+ and a
random 30 of the MinHash copies on news-dumpster; plus the news-dumpster
near misses a looser setting reports, so the file also shows what the
thresholds keep out. Labels: ``same-text`` (a translation, rewording or edit
of one source text: the shorter's sentences map in order onto the longer's)
or ``different`` (separate write-ups, however close in topic).
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from incremental_newsdumpster import split_records
from stories_corpora import article_for, load_ecbplus
from storyline.corpus import duplicates
from storyline.corpus.duplicates import reset_duplicates, update_duplicates
from storyline.run.steps import IngestReport, prepare
from storyline.schema import Findings
from storyline.store import Store

HERE = Path(__file__).resolve().parent
GOLD = HERE / "duplicates_gold.tsv"
COPY_SAMPLE = 30


def load(path: Path, store: Store) -> list[str]:
    """Read and clean through the real ingest path; store the articles (no analysis)."""
    report = IngestReport()
    ids = []
    for article in prepare([path], store, report):
        store.save(Findings(article=article))
        ids.append(article.id)
    for skip in report.skipped:
        print(f"  skipped by cleaning: {skip.reason}")
    return ids


class Parts:
    """Times the two paths inside ``update_duplicates`` (MinHash copies, anchor index)."""

    NAMES = ("_copies", "_translations")

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(self.NAMES, 0.0)
        for name in self.NAMES:
            setattr(duplicates, name, self._wrap(name, getattr(duplicates, name)))

    def _wrap(self, name, func):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start

        return timed

    def __str__(self) -> str:
        return (
            f"MinHash copies {self.seconds['_copies']:.2f}s, "
            f"anchor index {self.seconds['_translations']:.2f}s"
        )


def pairs(store: Store) -> dict[tuple[str, str], tuple[str, float, str]]:
    rows = store.conn.execute("SELECT a, b, kind, similarity, reason FROM corpus_duplicate_pairs")
    return {(a, b): (kind, sim, reason) for a, b, kind, sim, reason in rows}


def clusters(store: Store) -> list[tuple[str, list[str], set[str]]]:
    """(original, members, kinds of the pairs inside) per cluster."""
    members: dict[str, list[str]] = {}
    for aid, target in store.conn.execute(
        "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY id"
    ):
        members.setdefault(target, [target]).append(aid)
    kinds: dict[str, set[str]] = {k: set() for k in members}
    where = {a: k for k, ms in members.items() for a in ms}
    for (a, _b), (kind, _, _) in pairs(store).items():
        kinds[where[a]].add(kind)
    return [(k, ms, kinds[k]) for k, ms in sorted(members.items())]


def read_gold() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(corpus, a, b) -> (label, reason); a < b."""
    gold: dict[tuple[str, str, str], tuple[str, str]] = {}
    if not GOLD.exists():
        return gold
    with GOLD.open(encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if row:
                corpus, a, b, label, reason = row[:5]
                x, y = sorted((a, b))
                gold[(corpus, x, y)] = (label, reason)
    return gold


def method(reason: str) -> str:
    return "minhash" if reason.startswith("word 5-gram") else "anchors"


def judge(
    corpus: str,
    name: str,
    found: dict[tuple[str, str], tuple[str, float, str]],
    chosen: list[tuple[str, str]],
    gold: dict[tuple[str, str, str], tuple[str, str]],
    label_of: dict[str, str],
    show: bool,
) -> None:
    """Print the judged precision of ``chosen`` pairs (named by ``label_of``)."""
    right = judged = 0
    for a, b in chosen:
        x, y = sorted((label_of[a], label_of[b]))
        verdict = gold.get((corpus, x, y))
        judged += verdict is not None
        right += verdict is not None and verdict[0] == "same-text"
        if show or verdict is None:
            label = verdict[0] if verdict else "UNJUDGED"
            print(f"    {found[(a, b)][0]} {found[(a, b)][1]:.2f} {label}: {x} {y}")
            print(f"        {found[(a, b)][2]}")
    share = f"{right}/{judged} = {right / judged:.3f}" if judged else "none judged"
    print(f"  {corpus} {name}: precision {share} (judged {judged} of {len(chosen)})")


def sample(pairs: list[tuple[str, str]], k: int) -> list[tuple[str, str]]:
    return sorted(random.Random(0).sample(sorted(pairs), min(k, len(pairs))))


def summary(store: Store, found: dict[tuple[str, str], tuple[str, float, str]]) -> None:
    kinds = Counter(f"{kind} ({method(reason)})" for kind, _, reason in found.values())
    print("  pairs by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    groups = clusters(store)
    by_kind = Counter("+".join(sorted(k)) for _, _, k in groups)
    sizes = Counter(len(ms) for _, ms, _ in groups)
    in_clusters = sum(len(ms) for _, ms, _ in groups)
    print(
        f"  clusters: {len(groups)} holding {in_clusters} articles "
        f"({in_clusters - len(groups)} point to an original); by kind: "
        + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items()))
        + "; sizes: "
        + ", ".join(f"{s}x{n}" for s, n in sorted(sizes.items()))
    )


def newsdumpster(gold: dict[tuple[str, str, str], tuple[str, str]], show: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base, add, _, _ = split_records(tmp)
        store = Store(tmp / "dup.db")
        print("news-dumpster:")
        t = time.perf_counter()
        base_ids = load(base, store)
        print(f"  read and cleaned {len(base_ids)} base articles in {time.perf_counter() - t:.1f}s")

        t = time.perf_counter()
        update_duplicates(store, base_ids)
        print(
            f"  duplicates step from scratch on {len(base_ids)} articles: "
            f"{time.perf_counter() - t:.2f}s"
        )
        new_ids = load(add, store)
        parts = Parts()
        t = time.perf_counter()
        update_duplicates(store, new_ids)
        incremental = time.perf_counter() - t
        total = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(
            f"  add {len(new_ids)} articles to the store of {total - len(new_ids)}: "
            f"duplicates step {incremental:.2f}s "
            f"({incremental / len(new_ids) * 1000:.0f} ms/article)"
        )
        print(f"    of which {parts}")
        found_incremental = pairs(store)
        new_pairs = [p for p in found_incremental if set(p) & set(new_ids)]
        print(f"  pairs involving the new articles: {len(new_pairs)}")

        reset_duplicates(store)
        t = time.perf_counter()
        update_duplicates(store, base_ids + new_ids)
        full = time.perf_counter() - t
        found = pairs(store)
        print(f"  duplicates step from scratch on all {total} articles: {full:.2f}s")
        agree = set(found_incremental) == set(found)
        print(f"  incremental and full runs find the same pairs: {agree}")
        summary(store, found)
        ids = {a: a for a in base_ids + new_ids}
        anchored = sorted(p for p, (_, _, r) in found.items() if method(r) == "anchors")
        minhash = sorted(p for p, (_, _, r) in found.items() if method(r) == "minhash")
        different = [
            (x, y)
            for (c, x, y), (label, _) in gold.items()
            if c == "newsdumpster" and label != "same-text"
        ]
        accepted = [p for p in different if p in found]
        print(
            f"  judged near misses (different articles) reported: "
            f"{len(accepted)} of {len(different)}"
        )
        judge("newsdumpster", "pairs from the anchor path (all)", found, anchored, gold, ids, show)
        judge(
            "newsdumpster",
            f"MinHash copies (random {COPY_SAMPLE})",
            found,
            sample(minhash, COPY_SAMPLE),
            gold,
            ids,
            show,
        )
        store.close()


def ecbplus(gold: dict[tuple[str, str, str], tuple[str, str]], show: bool) -> None:
    docs = load_ecbplus()
    with tempfile.TemporaryDirectory() as tmp_name:
        store = Store(Path(tmp_name) / "ecb.db")
        name = {}
        for doc in docs:
            article = article_for(doc)
            name[article.id] = doc.id
            store.save(Findings(article=article))
        t = time.perf_counter()
        update_duplicates(store, sorted(name))
        print(f"ECB+: duplicates step on {len(docs)} articles: {time.perf_counter() - t:.2f}s")
        found = pairs(store)
        event = {a.id: d.gold for d in docs for a in [article_for(d)]}
        across = sum(1 for a, b in found if event[a] != event[b])
        print(f"  pairs joining two different ECB+ sub-events: {across} of {len(found)}")
        summary(store, found)
        translation = sorted(p for p, (k, _, r) in found.items() if k == "translation")
        edited = sorted(
            p for p, (k, _, r) in found.items() if k == "copy" and method(r) == "anchors"
        )
        judge("ecbplus", "translation-kind pairs (all)", found, translation, gold, name, show)
        judge(
            "ecbplus",
            f"edited copies from the anchor path (random {COPY_SAMPLE})",
            found,
            sample(edited, COPY_SAMPLE),
            gold,
            name,
            show,
        )
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list every judged pair")
    args = parser.parse_args()
    gold = read_gold()
    newsdumpster(gold, args.show)
    print()
    ecbplus(gold, args.show)


if __name__ == "__main__":
    main()
