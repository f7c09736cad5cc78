"""L3S-GN1 boilerplate benchmark: storyline's HTML path against plain trafilatura.

Data: ../shared/data/l3s-gn1 (621 English news pages from a 2008 Google News
crawl, Kohlschütter et al. 2010). Assessors labelled every text block of each
page; the gold article text here is the "full text" blocks (``x-nc-sel2``),
without the headline (storyline keeps the title out of the text), captions
and other supplemental blocks (``sel3``), related links (``sel4``) or user
comments (``sel5``). The score is the Zyte benchmark's metric (see
``extraction_zyte.py``): 4-token shingles, precision and recall per page
averaged over pages, F1 from the averages.

Both systems get the same decoded page and its URL, in the same run. A
second line scores against full text + supplemental (captions kept), to show
what storyline's caption removal does.

    python benchmarks/extraction_l3s.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import lxml.html
import trafilatura

from extraction_zyte import Scores, score_page, show, summary
from storyline.clean import EmptyArticle, build_article
from storyline.schema import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "l3s-gn1"


def decode(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def gold_text(annotated: str, classes: Sequence[str]) -> str:
    tree = lxml.html.fromstring(annotated)
    parts = []
    for span in tree.iter("span"):
        own = set((span.get("class") or "").split())
        if not own & set(classes):
            continue
        if any("x-nc-invisible" in (a.get("class") or "") for a in span.iterancestors()):
            continue
        parts.append(span.text_content().strip())
    return "\n".join(p for p in parts if p)


def plain_trafilatura(html: str, url: str) -> str | None:
    return trafilatura.extract(html, url=url)


def storyline_html(html: str, url: str) -> str | None:
    try:
        return build_article(RawDocument(url, url, html=html, meta={"url": url}, fmt="html")).text
    except EmptyArticle:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (by name)")
    args = parser.parse_args(argv)

    urls = {}
    for line in (DATA / "url-mapping.txt").read_text("utf-8").splitlines():
        uuid, _, url = line.partition("\t")
        urls[uuid.strip("<>").removeprefix("urn:uuid:")] = url.strip()
    names = sorted(p.name.removesuffix(".html.gz") for p in (DATA / "original").glob("*.html.gz"))
    names = names[: args.limit] if args.limit else names

    pages: dict[str, tuple[str, str, str, str]] = {}
    for name in names:
        annotated = decode(gzip.decompress((DATA / "annotated" / f"{name}.html.gz").read_bytes()))
        html = decode(gzip.decompress((DATA / "original" / f"{name}.html.gz").read_bytes()))
        full = gold_text(annotated, ["x-nc-sel2"])
        with_supplemental = gold_text(annotated, ["x-nc-sel2", "x-nc-sel3"])
        if full:
            pages[name] = (html, urls.get(name, ""), full, with_supplemental)
    print(f"pages: {len(pages)} with gold full text (of {len(names)})")

    def run(extract: Callable[[str, str], str | None]) -> tuple[dict[str, str | None], float]:
        start = time.perf_counter()
        out = {name: extract(html, url) for name, (html, url, _, _) in pages.items()}
        return out, time.perf_counter() - start

    results = {}
    for label, extract in (
        ("plain trafilatura.extract (default)", plain_trafilatura),
        ("storyline build_article (HTML)", storyline_html),
    ):
        predicted, seconds = run(extract)
        full: list[Scores] = [score_page(pages[n][2], predicted[n]) for n in pages]
        supp: list[Scores] = [score_page(pages[n][3], predicted[n]) for n in pages]
        show(label, full, seconds)
        show("  vs full text + captions", supp)
        results[label] = summary(full)["f1"]
    plain, ours = results.values()
    verdict = "OK" if ours >= plain else "BELOW"
    print(f"storyline F1 vs plain trafilatura in this run: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
