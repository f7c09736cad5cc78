"""Assemble an Article from a RawDocument: main text, junk removed, metadata, stable id."""

from __future__ import annotations

import hashlib

from storyline.schema import Article, RawDocument, stable_id


class EmptyArticle(ValueError):
    """Cleaning left no article text (an empty file, a page with no main text)."""


def build_article(raw: RawDocument) -> Article:
    text = (raw.text or "").strip()
    if not text:
        raise EmptyArticle("no article text")
    lines = text.split("\n", 1)
    title = lines[0].strip() if len(lines) > 1 else None
    body = lines[1].strip() if len(lines) > 1 else text
    meta = raw.meta
    published = meta.get("published")
    return Article(
        id=stable_id("a", raw.key),
        source=raw.source,
        title=meta.get("title") or title,
        outlet=meta.get("outlet"),
        published=published,
        published_basis="metadata" if published else None,
        language=meta.get("language"),
        text=body,
        url=meta.get("url"),
        author=meta.get("author"),
        content_hash=hashlib.sha1(body.encode("utf-8")).hexdigest(),
    )
