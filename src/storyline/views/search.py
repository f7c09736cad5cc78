"""Full-text search as a news reader types it, read into FTS5's query language.

What a reader may write (each an example the tests run):

| they write | it means | FTS5 gets |
|---|---|---|
| ``ceasefire Kyiv`` | both words, anywhere | ``"ceasefire" "Kyiv"`` |
| ``"prisoner swap"`` | the words together, in this order | ``"prisoner swap"`` |
| ``ceasefire -Gaza``, ``ceasefire NOT Gaza`` | not the second | ``"ceasefire" NOT "Gaza"`` |
| ``sanction*`` | words starting with ``sanction`` | ``"sanction"*`` |
| ``Kyiv OR Kiev`` | either | ``"Kyiv" OR "Kiev"`` |
| ``(Kyiv OR Kiev) drone`` | grouping | ``( "Kyiv" OR "Kiev" ) "drone"`` |

Every word goes to FTS5 quoted, so punctuation in words (``U.S.``, ``Zelensky's``)
never reads as syntax; only the operators above do. A query that cannot be
read raises :class:`QueryError` with a sentence saying what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from storyline.store import Store
from storyline.store.read import SearchSyntaxError
from storyline.views.text import Row, article_title, source_label

PAGE_SIZE = 20
OPERATORS = frozenset({"AND", "OR", "NOT"})
# A phrase (its closing quote may be missing), a bracket, or a word with an optional
# leading minus and trailing star. Anything else (stray punctuation) separates words.
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<bracket>[()])|(?P<word>-?[\w\'’.&+-]*\w\*?)')


class QueryError(ValueError):
    """A search the reader must rephrase; the message says how, in plain words."""


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _terms(q: str) -> list[str]:
    """The query's tokens as FTS5 pieces: quoted words and phrases, operators, brackets."""
    out: list[str] = []
    for m in _TOKEN.finditer(q):
        if m.group("bracket"):
            out.append(m.group("bracket"))
        elif m.group("phrase") is not None:
            words = re.findall(r"[\w'’.&+-]+", m.group("phrase"))
            if words:
                out.append(_quoted(" ".join(words)))
        else:
            word = m.group("word")
            if word in OPERATORS:
                out.append(word)
                continue
            if word.startswith("-"):
                out.append("NOT")
                word = word.lstrip("-")
            star = word.endswith("*")
            out.append(_quoted(word.rstrip("*")) + ("*" if star else ""))
    return out


def _check(terms: list[str]) -> None:
    """Say in words what FTS5 would only call a syntax error."""
    depth = 0
    for i, t in enumerate(terms):
        before = terms[i - 1] if i else None
        if t in OPERATORS:
            if before is None or before in OPERATORS or before == "(":
                hint = "ceasefire NOT Gaza" if t == "NOT" else f"Kyiv {t} Kiev"
                raise QueryError(f"{t} needs words on both sides, as in “{hint}”.")
            if i == len(terms) - 1 or terms[i + 1] == ")":
                raise QueryError(f"{t} needs words after it.")
        depth += {"(": 1, ")": -1}.get(t, 0)
        if depth < 0:
            raise QueryError("A closing bracket “)” has no opening one.")
    if depth:
        raise QueryError("A bracket “(” is not closed.")
    if not any(t not in OPERATORS and t not in "()" for t in terms):
        raise QueryError("Type at least one word to search for.")


def fts_query(q: str) -> str:
    """The reader's query as an FTS5 expression; raises QueryError when it cannot be read."""
    terms = _terms(q)
    _check(terms)
    return " ".join(terms)


def snippet_html(text: str | None) -> Markup:
    """An FTS5 snippet (hits between \\x02 and \\x03) as escaped HTML with ``<mark>``s."""
    safe = str(escape(text or ""))
    safe = safe.replace("\x02", "<mark>").replace("\x03", "</mark>")
    # No other control character reaches a reader.
    return Markup(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", safe))


@dataclass
class Results:
    q: str
    total: int
    offset: int
    limit: int
    items: list[Row]

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))


def check_offset(offset: int, total: int, what: str = "results") -> None:
    """An offset past the end is a bad parameter, as a negative one is."""
    if offset and offset >= total:
        raise QueryError(
            f"There are only {total:,} {what}: an offset of {offset:,} is past the end."
        )


def search_view(store: Store, q: str, limit: int = PAGE_SIZE, offset: int = 0) -> Results:
    """Articles matching ``q``, best first: the true total and one page of results.

    Raises QueryError for a query that cannot be read or an offset past the end."""
    match = fts_query(q)
    try:
        total, rows = store.search(match, limit, offset)
    except SearchSyntaxError:
        raise QueryError(
            "This search could not be read. Use words, “quoted phrases”, -word to leave a "
            "word out, word* for any ending, and OR between alternatives."
        ) from None
    check_offset(offset, total)
    items = [
        {
            "id": r["id"],
            "title": article_title(r),
            "outlet": source_label(r),
            "published": r["published"],
            "snippet": snippet_html(r["snippet"]),
            "href": f"/articles/{r['id']}",
        }
        for r in rows
    ]
    return Results(q, total, offset, limit, items)
