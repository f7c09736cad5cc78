"""Loaders for the cross-article benchmarks (NewsWCL50, ECB+, MEANTIME) and a store builder.

Texts are rebuilt from the corpora's tokens; gold mentions keep character
offsets into the rebuilt text. Articles go straight into a store with the
per-article ``entities`` component (no cleaning: these texts are already
clean and gold offsets must not move), then the corpus stage runs on it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import dateparser

from storyline.analyze.nlp import load_nlp
from storyline.journey import IngestReport, analyze_stream
from storyline.schema import Article, stable_id
from storyline.store import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "'s",
    "n't",
    "'",
    ")",
    "]",
    "%",
    "''",
    "'re",
    "'ve",
}
NO_SPACE_AFTER = {"(", "[", "$", "``"}


@dataclass
class BenchDoc:
    id: str
    text: str
    gold: str  # gold event / story label
    title: str | None = None
    published: str | None = None
    source: str | None = None
    # Gold named mentions: (start, end, identity).
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def detokenise(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokens into text (one sentence per paragraph); return token offsets."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s_index, tokens in enumerate(sentences):
        if s_index:
            parts.append("\n\n")
            pos += 2
        sent_offsets = []
        prev = None
        for token in tokens:
            if token == "\\n":  # NewsWCL50 keeps the source's line breaks as tokens
                sent_offsets.append((pos, pos))
                continue
            token = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(token, token)
            if prev is not None and token not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                parts.append(" ")
                pos += 1
            sent_offsets.append((pos, pos + len(token)))
            parts.append(token)
            pos += len(token)
            prev = token
        offsets.append(sent_offsets)
    return "".join(parts), offsets


def _is_named(tokens: list[str]) -> bool:
    """A mention that is a proper name: every word capitalised (``President Trump``)."""
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


# The date a news URL states (NewsWCL50's: /2018/04/17/); independent of the cleaner's reader.
URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")


def _newswcl50_urls() -> dict[str, str]:
    """Doc name (``0/-/0_L``) -> URL, from the dataset's ``urls.tsv``."""
    out = {}
    lines = (DATA / "newswcl50" / "urls.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        event, outlet, url = line.split("\t")[:3]
        out[f"{event}/-/{event}_{outlet}"] = url
    return out


def load_newswcl50() -> list[BenchDoc]:
    """The 50 articles; the publication date is the one in the URL where there is one
    (as a reader's metadata would give it; HuffPost URLs carry none)."""
    path = DATA / "newswcl50" / "NewsWCL50.conll"
    urls = _newswcl50_urls()
    docs: dict[str, dict[int, list[str]]] = {}
    spans: dict[str, list[tuple[int, int, int, str]]] = {}
    open_chains: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        doc, sent, tok, token, coref = cols[0], int(cols[1]), int(cols[2]), cols[3], cols[4]
        docs.setdefault(doc, {}).setdefault(sent, []).append(token)
        for part in coref.split("|") if coref not in ("-", "") else []:
            chain = part.strip("()")
            if part.startswith("("):
                open_chains.setdefault((doc, chain), []).append((sent, tok))
            if part.endswith(")"):
                stack = open_chains.get((doc, chain))
                if stack:
                    s0, t0 = stack.pop()
                    if s0 == sent:
                        spans.setdefault(doc, []).append((sent, t0, tok, chain))
    out = []
    for doc, sents in sorted(docs.items()):
        sentences = [sents[k] for k in sorted(sents)]
        text, offsets = detokenise(sentences)
        event = doc.split("/")[0]
        mentions = []
        for sent, t0, t1, chain in spans.get(doc, []):
            tokens = sentences[sent][t0 : t1 + 1]
            if _is_named(tokens) and not chain.endswith("_ACTION"):
                identity = chain.split("_", 1)[1]  # drop the per-event prefix
                mentions.append((offsets[sent][t0][0], offsets[sent][t1][1], identity))
        # The first sentence is the headline.
        title = " ".join(t for t in sentences[0] if t != "\\n") if sentences else None
        url = urls.get(doc)
        match = URL_DATE.search(url or "")
        published = "-".join(match.groups()) if match else None
        out.append(BenchDoc(doc, text, event, title, published, url, mentions=mentions))
    return out


def load_ecbplus() -> list[BenchDoc]:
    out = []
    for path in sorted((DATA / "ecbplus" / "ECB+").glob("*/*.xml.gz")):
        with gzip.open(path) as fh:
            root = ET.parse(fh).getroot()
        sents: dict[int, list[str]] = {}
        for t in root.iter("token"):
            sents.setdefault(int(t.get("sentence", 0)), []).append(t.text or "")
        sentences = [sents[k] for k in sorted(sents)]
        name = path.name.removesuffix(".xml.gz")
        topic = name.split("_")[0]
        plus = name.endswith("ecbplus")
        gold = f"{topic}{'+' if plus else ''}"
        source, title, published = name, None, None
        if plus and len(sentences) > 2:
            source = "".join(sentences[0])
            title = " ".join(sentences[1])
            line = " ".join(sentences[2])
            # Sentence 2 is usually the page's date line ("May 03 , 2013").
            if len(sentences[2]) <= 8 and re.search(r"\b(19|20)\d\d\b", line):
                when = dateparser.parse(line, languages=["en"])
                if when is not None:
                    published = when.date().isoformat()
                    sentences = sentences[3:]
                else:
                    sentences = sentences[2:]
            else:
                sentences = sentences[2:]
        text, _ = detokenise(sentences)
        out.append(BenchDoc(name, text, gold, title, published, source))
    return out


def load_meantime() -> list[BenchDoc]:
    out = []
    base = DATA / "meantime-en" / "intra_cross-doc_annotation"
    for path in sorted(base.glob("corpus_*/*.xml")):
        root = ET.parse(path).getroot()
        sents: dict[int, list[tuple[str, str]]] = {}
        for t in root.iter("token"):
            sents.setdefault(int(t.get("sentence", 0)), []).append(
                (t.get("t_id", ""), t.text or "")
            )
        keys = sorted(sents)
        sentences = [[tok for _, tok in sents[k]] for k in keys]
        text, offsets = detokenise(sentences)
        where = {
            tid: offsets[si][ti]
            for si, k in enumerate(keys)
            for ti, (tid, _) in enumerate(sents[k])
        }
        markables = root.find("Markables")
        instances = {}
        named = {}
        for m in markables if markables is not None else []:
            if m.tag == "ENTITY" and m.get("ent_type") in ("PER", "ORG", "LOC"):
                instances[m.get("m_id")] = m.get("instance_id")
            if m.tag == "ENTITY_MENTION" and m.get("syntactic_type") == "NAM":
                anchors = [a.get("t_id") for a in m.findall("token_anchor")]
                anchors = [a for a in anchors if a in where]
                if anchors:
                    named[m.get("m_id")] = (where[anchors[0]][0], where[anchors[-1]][1])
        mentions = []
        relations = root.find("Relations")
        for rel in relations.findall("REFERS_TO") if relations is not None else []:
            target = rel.find("target")
            instance = instances.get(target.get("m_id") if target is not None else None)
            if instance is None:
                continue
            for src in rel.findall("source"):
                span = named.get(src.get("m_id"))
                if span is not None:
                    mentions.append((span[0], span[1], instance))
        # The first sentence of a Wikinews page is its headline.
        title = " ".join(sentences[0]) if sentences else None
        out.append(BenchDoc(path.stem, text, path.parent.name, title, mentions=mentions))
    return out


def article_for(doc: BenchDoc) -> Article:
    digest = hashlib.sha1(doc.text.encode("utf-8")).hexdigest()
    return Article(
        id=stable_id("a", doc.id),
        source=doc.source or doc.id,
        title=doc.title,
        outlet=None,
        published=doc.published,
        published_basis="metadata" if doc.published else None,
        language="en",
        text=doc.text,
        content_hash=digest,
    )


def write_jsonl(docs: Iterable[BenchDoc], path: Path) -> None:
    """``docs`` as a crawler's JSON Lines: title, text, the real URL; no date."""
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"title": d.title, "url": d.source, "text": d.text}) + "\n")


def build_store(docs: Iterable[BenchDoc], path: Path) -> Store:
    """A store holding ``docs`` with spaCy entity mentions (the corpus stage not yet run)."""
    store = Store(path)
    todo = [article_for(d) for d in docs]
    todo = [a for a in todo if store.content_hash(a.id) != a.content_hash]
    report = IngestReport()
    for findings in analyze_stream(todo, load_nlp(), report, components=("entities",)):
        store.save(findings)
    if report.skipped:
        raise RuntimeError(f"analysis failed: {report.skipped[:3]}")
    return store
