"""Remove scraped junk from article text, keeping every sentence and the paragraphs.

The rules live in ``patterns.py``; this module only applies them, in an
order that matters:

1. normalise whitespace and split into blocks (paragraphs between blank lines);
2. unwrap Markdown debris (links keep their words, images go);
3. cut the page tail ("Source link", the comment form) and "Related" widgets;
4. drop junk blocks (close buttons, rules, reading time, newsletter markers)
   and cookie banners;
5. drop photo captions and credits (before joining, so a caption is never
   glued to the paragraph after it);
6. turn single line breaks into spaces or paragraph breaks, and join
   paragraphs that a hard wrap cut mid-sentence.

The result has paragraphs separated by exactly one blank line. Everything
taken out is returned, in document order, so nothing is lost: the UI shows
it and the time engineer can read a caption's date from it.
"""

from __future__ import annotations

import re
import unicodedata

from storyline.clean import patterns as P
from storyline.schema import Removal

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"\w+")
_HEADING_LINE = re.compile(r"^(#{1,6}[ \t]+\S[^\n]*)$", re.MULTILINE)


def normalise(text: str) -> str:
    """NFC, Unix newlines, no zero-width characters, single spaces, no indentation."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def _one_paragraph_per_line(text: str) -> bool:
    """No blank lines, and lines as long as paragraphs, not a hard wrap's ~70 characters:
    the layout of trafilatura's text output and of many scrapers' dumps."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or _BLANK_LINES.search(text):
        return False
    return sorted(len(line) for line in lines)[len(lines) // 2] > P.HARD_WRAP_MAX_CHARS


def split_blocks(text: str) -> list[str]:
    """Paragraphs between blank lines; a Markdown heading line is a block of its own
    even when no blank line separates it from the text under it."""
    blocks = []
    parts = text.split("\n") if _one_paragraph_per_line(text) else _BLANK_LINES.split(text)
    for block in parts:
        for part in _HEADING_LINE.split(block):
            if part.strip():
                blocks.append(part.strip())
    return blocks


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def block_key(block: str) -> str:
    """The block as rules see it: no bullets or indentation, single-spaced lines."""
    return "\n".join(P.BULLET.sub("", line).strip() for line in block.split("\n"))


def matches(rules: tuple[P.Rule, ...], block: str) -> P.Rule | None:
    key = block_key(block)
    for rule in rules:
        if rule.pattern.fullmatch(key):
            return rule
    return None


def is_junk_block(block: str) -> bool:
    """A block that is page furniture as a whole (used by the header reader too)."""
    return matches(P.BLOCK_RULES, block) is not None


def ends_sentence(block: str) -> bool:
    end = block.rstrip(P.CLOSERS)
    return bool(end) and end[-1] in P.TERMINAL


def sentence_count(text: str) -> int:
    return len(P.INNER_SENTENCE_END.findall(text)) + 1


# Blocks travel with their position in the input, so that what is removed can
# be reported in document order whatever pass removed it.
Block = tuple[int, str]
Removed = list[tuple[int, Removal]]


def unwrap_markdown(block: str, removed: list[Removal]) -> str:
    if "](" in block:
        for image in P.MD_IMAGE.finditer(block):
            if image.group(1).strip():
                removed.append(Removal(image.group(1).strip(), "image-description"))
        block = P.MD_LINK.sub(r"\1", P.MD_IMAGE.sub("", block))
    if "**" in block:
        block = P.MD_STRONG.sub(r"\2", block)
    if ">" in block:
        block = P.MD_QUOTE.sub("", block)
    if block.startswith("#"):
        block = P.MD_HEADING.sub("", block)
    return block.strip()


def _is_teaser(block: str) -> bool:
    return bool(P.TEASER_ELLIPSIS.search(block)) or not ends_sentence(block)


def drop_widgets(blocks: list[Block], removed: Removed) -> list[Block]:
    """Cut the page tail and "Related" widgets with the teasers that follow them."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i][1]
        if tail := matches(P.TAIL_RULES, block):
            if out:
                removed.extend(_removal(b, tail.name) for b in blocks[i:])
                break
            removed.append(_removal(blocks[i], tail.name))
            i += 1
            continue
        if related := matches(P.RELATED_RULES, block):
            removed.append(_removal(blocks[i], related.name))
            i += 1
            while (
                i < len(blocks)
                and _is_teaser(blocks[i][1])
                and not matches(P.TAIL_RULES, blocks[i][1])
            ):
                removed.append(_removal(blocks[i], f"{related.name} teaser"))
                i += 1
            continue
        out.append(blocks[i])
        i += 1
    return out


def _removal(block: Block, reason: str) -> tuple[int, Removal]:
    return block[0], Removal(block[1], reason)


def _strip_cookie_banner(block: str) -> tuple[str, str | None]:
    m = P.COOKIE_BANNER.search(block) if "cookie" in block.lower() else None
    if not m:
        return block, None
    banner = m.group(0)
    if not P.SECOND_PERSON.search(banner) or word_count(banner) > P.COOKIE_BANNER_MAX_WORDS:
        return block, None
    return block[: m.start()].strip(), banner.strip()


def strip_furniture_sentences(block: str) -> tuple[str, list[Removal]]:
    """Take furniture sentences (``SENTENCE_RULES``, ``WIDGET_RULES``) out of running text.

    Repeated until nothing more matches: a rule anchored at the end of the text
    (an author bio) matches once the widget after it is gone."""
    removed: list[Removal] = []
    text = block
    for _ in range(MAX_PASSES):
        text, pieces = _strip_once(text)
        if not pieces:
            break
        removed.extend(pieces)
    # Document order: a later pass's piece (the bio) came before an earlier one's (the box).
    where = {id(piece): block.find(piece) for piece in removed}
    removed.sort(key=lambda piece: where[id(piece)] if where[id(piece)] >= 0 else len(block))
    return text, removed


# Widgets stack at most three deep at an article's end (bio, newsletter box, footer).
MAX_PASSES = 4


def _strip_once(block: str) -> tuple[str, list[Removal]]:
    lowered = block.lower()
    spans = sorted(
        (m.start(), m.end(), rule.name)
        for rule in (*P.SENTENCE_RULES, *P.WIDGET_RULES)
        if rule.may_match(lowered)
        for m in rule.pattern.finditer(block)
        if m.end() > m.start()
    )
    if not spans:
        return block, []
    merged: list[tuple[int, int, str]] = []
    for start, end, name in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end), merged[-1][2])
        else:
            merged.append((start, end, name))
    pieces = [Removal(block[start:end].strip(), name) for start, end, name in merged]
    kept, last = [], 0
    for start, end, _ in merged:
        kept.append(block[last:start])
        last = end
    kept.append(block[last:])
    text = _SPACES.sub(" ", " ".join(k.strip() for k in kept if k.strip()))
    return text.strip(), pieces


def drop_junk_blocks(blocks: list[Block], removed: Removed) -> list[Block]:
    out = []
    for idx, block in blocks:
        if rule := matches(P.BLOCK_RULES, block):
            removed.append((idx, Removal(block, rule.name)))
            continue
        block, banner = _strip_cookie_banner(block)
        if banner:
            removed.append((idx, Removal(banner, "cookie-banner")))
        block, pieces = strip_furniture_sentences(block)
        removed.extend((idx, piece) for piece in pieces)
        if block:
            out.append((idx, block))
    return out


def is_caption(text: str) -> bool:
    """Short photo description: few words and sentences, no quotes, no speech verb."""
    return (
        0 < word_count(text) <= P.CAPTION_MAX_WORDS
        and sentence_count(text) <= P.CAPTION_MAX_SENTENCES
        and text.count("\n") < P.CAPTION_MAX_SENTENCES
        and not P.CAPTION_FORBIDDEN.search(text)
    )


def drop_captions(blocks: list[Block], removed: Removed) -> list[Block]:
    """Remove photo credits and the captions they close.

    A credit ends its block. What precedes it in the block is the caption if
    it looks like one (``is_caption``); otherwise only the credit goes, so a
    real paragraph with a credit glued on keeps every word. When the credit
    block has (almost) nothing else, the caption is the block before it, if
    that block looks like a caption and is a single sentence or was cut off
    (seed 004: "... medical battalion," / "6 December 2024. Photograph: ...").
    """
    out: list[Block] = []
    for idx, block in blocks:
        # Every credit form has a slash, a colon, "by" or "courtesy" in it.
        maybe = "/" in block or ":" in block or " by " in block or "ourtesy" in block
        m = P.CREDIT.search(block) if maybe else None
        if not m:
            out.append((idx, block))
            continue
        rest = block[: m.start()].strip()
        if rest and not is_caption(rest):
            removed.append((idx, Removal(m.group("credit").strip(), "photo-credit")))
            out.append((idx, rest))
            continue
        if word_count(rest) <= P.CAPTION_TAIL_MAX_WORDS and out:
            prev = out[-1][1]
            if is_caption(prev) and (sentence_count(prev) == 1 or not ends_sentence(prev)):
                removed.append(_removal(out.pop(), "photo-caption"))
        removed.append((idx, Removal(block, "photo-caption" if rest else "photo-credit")))
    return out


def split_lines(blocks: list[str]) -> list[str]:
    """Single line breaks: a wrap inside a sentence becomes a space, else a paragraph break."""
    out: list[str] = []
    for block in blocks:
        current = ""
        for line in block.split("\n"):
            if not current:
                current = line
            elif ends_sentence(current) and not line[:1].islower():
                out.append(current)
                current = line
            else:
                current = f"{current} {line}"
        if current:
            out.append(current)
    return out


def is_cut(block: str, following: str) -> bool:
    """Was ``block`` cut mid-sentence, with ``following`` its continuation?"""
    if ends_sentence(block) or not block.rstrip(P.CLOSERS):
        return False
    if following[:1].islower() or block.rstrip(P.CLOSERS)[-1] in ",-–—":
        return True
    return word_count(block) >= P.WRAP_MIN_WORDS or bool(P.INNER_SENTENCE_END.search(block))


def join_wrapped(blocks: list[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if out and is_cut(out[-1], block):
            out[-1] = f"{out[-1]} {block}"
        else:
            out.append(block)
    return out


def clean_blocks(blocks: list[str], removed: list[Removal]) -> list[str]:
    """Clean a list of blocks; append what was removed to ``removed`` in document order."""
    found: Removed = []
    unwrapped: list[Block] = []
    for idx, block in enumerate(blocks):
        images: list[Removal] = []
        text = unwrap_markdown(block, images)
        found.extend((idx, image) for image in images)
        if text:
            unwrapped.append((idx, text))
    kept = drop_captions(drop_junk_blocks(drop_widgets(unwrapped, found), found), found)
    removed.extend(text for _, text in sorted(found, key=lambda item: item[0]))
    return join_wrapped(split_lines([text for _, text in kept]))


def clean_text(text: str) -> tuple[str, list[Removal]]:
    """Clean scraped article text: ``(clean text, removed pieces in document order)``."""
    removed: list[Removal] = []
    blocks = clean_blocks(split_blocks(normalise(text)), removed)
    return "\n\n".join(blocks), removed
