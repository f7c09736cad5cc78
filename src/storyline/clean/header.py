"""The head of a plain-text or Markdown article: metadata, title and standfirst.

Scraped text files state their metadata in a few ways, all seen in the
seeds or made by common scrapers:

- YAML front matter (``---`` / ``key: value`` lines / ``---``), as written by
  trafilatura's own ``--with-metadata`` text output and static-site tools;
- a leading metadata line, ``date 2025-02-05 US President Donald Trump
  said...`` (seed 000: a dump whose fields were joined with spaces, so the
  date is glued to the first sentence); the key and value are taken off and
  the rest of the line is the first sentence;
- a Markdown ``# Title`` (seed 004) or a setext title (``Title`` / ``===``);
- a headline: a short first line without sentence-final punctuation,
  followed by a blank line (seeds 001, 003). A first line that ends in a
  period is taken as a headline only when page chrome came before it
  (seed 002, "close" / "close" and then a machine-translated headline): a
  page scraped from the top has its headline first, while a clean text dump
  often starts straight with the lede, which is also one short sentence.

The standfirst (the outlet's summary under the headline: seed 004 "US
president-elect claims Kyiv 'would like to make a deal' ... '400,000
soldiers'") is not kept in the text: it restates the body's claims in the
desk's words, so keeping it would count the same figure and quote twice and
attribute a paraphrase next to the real quote. The Zyte benchmark's gold
leaves standfirsts out for the same reason. It goes to ``removed`` with the
rest, so the UI can still show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.clean import patterns as P
from storyline.clean.dates import normalise_date
from storyline.clean.text import (
    ends_sentence,
    is_junk_block,
    matches,
    normalise,
    split_blocks,
    unwrap_markdown,
    word_count,
)
from storyline.schema import PublishedBasis, Removal

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
# Front-matter key -> RawDocument.meta key (names used by trafilatura, Hugo,
# Jekyll, news-please and common scrapers).
FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "date_publish": "published",
    "datepublished": "published",
    "publish_date": "published",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "sitename": "outlet",
    "site_name": "outlet",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "source_domain": "outlet",
    "hostname": "outlet",
    "language": "language",
    "lang": "language",
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Date forms that delimit themselves, so a date glued to the first sentence
# can be cut off exactly: ISO (with optional time), 5 February 2025,
# February 5, 2025.
_DATE_VALUE = (
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{2}/\d{2}"
    rf"|\d{{1,2}} {_MONTH} \d{{4}}"
    rf"|{_MONTH} \d{{1,2}}, \d{{4}}"
)
# One "key value" field at the start of the first line (seed 000 "date 2025-02-05 ").
META_FIELD = re.compile(
    r"^(?:(?P<datekey>date|published|published on|posted|posted on|pubdate)"
    rf"\s*:?\s+(?P<date>{_DATE_VALUE})"
    r"|(?P<urlkey>url|link)\s*:?\s+(?P<url>https?://\S+))"
    r"(?:\s+|$)",
    re.IGNORECASE,
)
# A byline on its own line ("By Jane Doe and John Smith"): the author, not a headline.
_BYLINE = re.compile(
    r"^(?:By|BY|Words by)\s+(?P<author>[A-Z][\w.'’-]*(?:(?:\s+|,\s*)(?:and\s+|&\s+)?"
    r"[A-Z][\w.'’-]*){0,7})\s*$"
)
# A date on its own line under the headline ("Published 5 February 2025 10:30 GMT").
# "Updated ..." is not the publication date and is left alone.
_DATE_LINE = re.compile(
    r"^(?:(?:first )?(?:published|posted)(?: on)?:?\s+|date:?\s+)?"
    rf"(?P<date>{_DATE_VALUE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\.?$",
    re.IGNORECASE,
)
_MD_TITLE = re.compile(r"^#\s+(?P<title>\S.*)$")
_SETEXT_TITLE = re.compile(r"^(?P<title>[^\n]+)\n=+$")

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 250
STANDFIRST_MAX_WORDS = 60
STANDFIRST_ALONE_MAX_WORDS = 40


@dataclass
class TextHeader:
    body: str
    title: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    meta: dict[str, str] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def read_front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """``(meta, rest)`` when ``text`` opens with YAML front matter of flat ``key: value`` fields."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    lines = [line for line in m["body"].split("\n") if line.strip()]
    fields = [f for f in (_FRONT_MATTER_LINE.match(line) for line in lines) if f]
    # Lines that are not "key: value" are list items or continuations
    # (e.g. tags); a block that is mostly not fields is a Markdown rule
    # followed by prose, not front matter.
    if not fields or len(fields) * 2 < len(lines):
        return None
    # Where several keys map to one field, the one listed first in
    # FRONT_MATTER_KEYS wins (trafilatura writes "hostname" before "sitename").
    rank = {name: i for i, name in enumerate(FRONT_MATTER_KEYS)}
    best: dict[str, tuple[int, str]] = {}
    for f in fields:
        name = f["key"].lower()
        key, value = FRONT_MATTER_KEYS.get(name), _unquote(f["value"])
        if key and value and (key not in best or rank[name] < best[key][0]):
            best[key] = (rank[name], value)
    return {key: value for key, (_, value) in best.items()}, text[m.end() :]


def _same_title(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.casefold()))

    return key(a) == key(b)


def _is_headline(block: str, following: str | None, after_chrome: bool) -> bool:
    if following is None or "\n" in block or following[:1].islower():
        return False
    if not 1 <= word_count(block) <= HEADLINE_MAX_WORDS or len(block) > HEADLINE_MAX_CHARS:
        return False
    if P.INNER_SENTENCE_END.search(block):
        return False
    end = block.rstrip(P.CLOSERS)
    if not end or end[-1] in ",;:-–—":
        return False
    return not ends_sentence(block) or (after_chrome and end[-1] in ".!?")


def _is_standfirst(block: str, following: str | None) -> bool:
    if following is None or "\n" in block or following[:1].islower() or ends_sentence(block):
        return False
    words = word_count(block)
    if not 3 <= words <= STANDFIRST_MAX_WORDS or block.rstrip(P.CLOSERS)[-1:] in (",", "-"):
        return False
    # Page chrome right after it (seed 004's reading time and rule) marks the
    # end of the page head; without it only a short, single-sentence line counts.
    if is_junk_block(following):
        return True
    return words <= STANDFIRST_ALONE_MAX_WORDS and not P.INNER_SENTENCE_END.search(block)


def _take_head_fields(blocks: list[str], header: TextHeader) -> None:
    """Consume byline and date-only lines at the head of ``blocks`` into ``header``."""
    while blocks:
        block = unwrap_markdown(blocks[0], [])
        if byline := _BYLINE.match(block):
            header.meta.setdefault("author", byline["author"].strip(" ,"))
            reason = "byline"
        elif date_line := _DATE_LINE.match(block):
            date = normalise_date(date_line["date"])
            if date is None:
                return
            if not header.published:
                header.published, header.published_basis = date, "header"
            reason = "date-line"
        else:
            return
        header.removed.append(Removal(blocks.pop(0), reason))


def read_header(text: str, known_title: str | None = None) -> TextHeader:
    """Split metadata, title and standfirst off the head of ``text``.

    ``known_title`` is a title the container already stated (JSONL field,
    front matter): a first line repeating it is the title, not text, and no
    other line is guessed to be one.
    """
    text = normalise(text)
    header = TextHeader(body="")
    front = read_front_matter(text)
    if front:
        header.meta, text = front
        published = normalise_date(header.meta.get("published"))
        if published:
            header.published, header.published_basis = published, "metadata"
    known_title = known_title or header.meta.get("title")

    blocks = split_blocks(text)
    after_chrome = False
    while blocks and (rule := matches(P.BLOCK_RULES, unwrap_markdown(blocks[0], []))):
        header.removed.append(Removal(blocks.pop(0), rule.name))
        after_chrome = after_chrome or rule.name in P.PAGE_CHROME

    if blocks:
        first = blocks[0]
        taken = []
        while m := META_FIELD.match(first):
            taken.append(m.group(0).strip())
            if m["date"]:
                date = normalise_date(m["date"])
                if date and not header.published:
                    header.published, header.published_basis = date, "header"
            elif m["url"]:
                header.meta.setdefault("url", m["url"])
            first = first[m.end() :]
        if taken:
            header.removed.append(Removal(" ".join(taken), "metadata-line"))
            blocks[0] = first.strip()
            if not blocks[0]:
                blocks.pop(0)

    _take_head_fields(blocks, header)
    title_from_text = False
    if blocks:
        first = blocks[0]
        following = blocks[1] if len(blocks) > 1 else None
        md = _MD_TITLE.match(first) or _SETEXT_TITLE.match(first)
        if known_title:
            header.title = known_title
            if _same_title(unwrap_markdown(first, []), known_title):
                blocks.pop(0)
                title_from_text = True
        elif md:
            header.title = unwrap_markdown(md["title"], []).strip()
            blocks.pop(0)
            title_from_text = True
        elif _is_headline(first, following, after_chrome):
            header.title = unwrap_markdown(first, []).removesuffix(".")
            blocks.pop(0)
            title_from_text = True

    if title_from_text:
        _take_head_fields(blocks, header)
    if title_from_text and blocks:
        standfirst = unwrap_markdown(blocks[0], [])
        following = unwrap_markdown(blocks[1], []) if len(blocks) > 1 else None
        if _is_standfirst(standfirst, following) and not _BYLINE.match(standfirst):
            header.removed.append(Removal(blocks.pop(0), "standfirst"))
            _take_head_fields(blocks, header)

    header.body = "\n\n".join(blocks)
    return header
