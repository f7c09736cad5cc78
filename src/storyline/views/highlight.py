"""Article text as HTML with every finding marked, even when spans overlap.

Statements, figures, dates, entity mentions and sentences overlap freely
(a figure inside a quote, a mention crossing a statement's edge). HTML
elements must nest, so this walks the span boundaries in order and, where
an element has to close while an inner one is still open, closes the inner
one and reopens it as a continuation (the classic mis-nesting repair). The
first piece of each record carries its id, so ``/articles/ID#fg...`` lands
on it and CSS ``:target`` highlights it; its sentence lights up through
``.hl-sent:has(:target)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

# Outer to inner when two spans start at the same offset and end together.
PRIORITY = {"sent": 0, "st": 1, "tx": 2, "fg": 3, "ent": 4}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # sent | st | fg | tx | ent
    id: str | None = None
    title: str = ""
    href: str | None = None


def _open_tag(span: Span, first: bool) -> str:
    tag = "a" if span.href else "span"
    attrs = [f'class="hl-{span.kind}"']
    if first and span.id:
        attrs.append(f'id="{escape(span.id)}"')
    elif span.id:
        attrs.append(f'data-part-of="{escape(span.id)}"')
    if span.href:
        attrs.append(f'href="{escape(span.href)}"')
    if span.title:
        attrs.append(f'title="{escape(span.title)}"')
    return f"<{tag} {' '.join(attrs)}>"


def _close_tag(span: Span) -> str:
    return "</a>" if span.href else "</span>"


# An empty element shown as a paragraph break (CSS): the text itself, and so
# every offset and what a reader copies, stays exactly the stored text.
PARAGRAPH_BREAK = '<span class="para-break"></span>'


def highlight(text: str, spans: list[Span], breaks: Iterable[int] = ()) -> Markup:
    """Escaped ``text`` with ``spans`` wrapped in elements, properly nested, and a
    paragraph break before each offset in ``breaks`` (display paragraphs)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = {b for b in breaks if 0 < b < len(text)}
    # Links cannot nest in links: an entity inside another entity stays plain.
    points = sorted({0, len(text), *cuts, *(s.start for s in valid), *(s.end for s in valid)})
    starts: dict[int, list[Span]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(points):
        # Close everything that ends here, reopening inner spans that go on.
        if any(s.end == pos for s in stack):
            reopen: list[Span] = []
            while any(s.end == pos for s in stack):
                top = stack.pop()
                out.append(_close_tag(top))
                if top.end != pos:
                    reopen.append(top)
            for s in reversed(reopen):
                out.append(_open_tag(s, first=False))
                stack.append(s)
        if pos in cuts:
            out.append(PARAGRAPH_BREAK)
        in_link = any(s.href for s in stack)
        for s in sorted(starts.get(pos, []), key=lambda s: (-s.end, PRIORITY[s.kind])):
            if s.href and in_link:
                s = Span(s.start, s.end, s.kind, s.id, s.title, None)
            out.append(_open_tag(s, first=True))
            stack.append(s)
            in_link = in_link or bool(s.href)
        if i + 1 < len(points):
            out.append(str(escape(text[pos : points[i + 1]])))
    for s in reversed(stack):
        out.append(_close_tag(s))
    return Markup("".join(out))
