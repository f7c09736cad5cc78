"""What the briefing and the web UI show, read from the store once.

Both views need the same things: stories (or a fallback grouping while the
cross-article stage has not run), each item's source article and the exact
sentence around its span, timelines in date order, statements by speaker.
Everything here returns plain dicts so Jinja templates and the Markdown
writer can use them as they are.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from storyline.store import Store

Row = dict[str, Any]

# The sentence around a span is for display only, so a light boundary rule
# is enough: loading a spaCy pipeline into the report writer and the web
# server just to re-split sentences would cost seconds per start for no
# better provenance (the span offsets themselves come from the analysis).
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
# Tokens before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "rep", "sen",
     "gov", "pres", "no", "vs", "etc", "inc", "ltd", "co", "corp"}
)  # fmt: skip
MAX_SENTENCE = 480

KIND_WORDS = {
    "contradiction": "Contradiction: the claimed values cannot all be true at once.",
    "update": "Update: a later figure revises an earlier one.",
    "corroboration": "Corroboration: separate sources give the same value.",
}


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    return (
        len(token) == 1
        or token.lower().strip(".") in _ABBREVIATIONS
        or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", token))
    )


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Bounds of the sentence(s) around ``text[start:end]``, and whether they were cut short."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = 0
    for m in _TERMINATOR.finditer(text, 0, start):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        lo = m.end()
    hi = len(text)
    for m in _TERMINATOR.finditer(text, end):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        hi = m.end() if m.group() != "\n" else m.start()
        break
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    # Very long "sentences" (lists, run-on scrapes): keep a window around the span.
    if hi - lo > MAX_SENTENCE and end - start < MAX_SENTENCE:
        pad = (MAX_SENTENCE - (end - start)) // 2
        return max(lo, start - pad), min(hi, end + pad), True
    return lo, hi, False


def sentence(text: str, start: int, end: int) -> Row:
    """The sentence around a span, split so views can mark the span itself."""
    lo, hi, cut = sentence_bounds(text, start, end)
    return {
        "before": ("…" if cut and lo < start else "") + text[lo:start],
        "span": text[start:end],
        "after": text[end:hi] + ("…" if cut and hi > end else ""),
        "start": lo,
        "end": hi,
    }


def source_label(article: Row) -> str:
    """Who published it, as a reader would name it (outlet, host, or file name)."""
    if article.get("outlet"):
        return str(article["outlet"])
    url = article.get("url") or article.get("source") or ""
    if "://" in url:
        host = urlparse(url).netloc
        return host.removeprefix("www.") or url
    return PurePath(url.split("#")[0]).name or "unknown source"


def article_title(article: Row) -> str:
    if article.get("title"):
        return str(article["title"])
    first = (article.get("text") or "").strip().split("\n", 1)[0]
    return first[:90] + ("…" if len(first) > 90 else "") or article["id"]


def _article_row(row: Any) -> Row:
    data = dict(row)
    data["removed"] = json.loads(data.get("removed") or "[]")
    data["label"] = source_label(data)
    data["display_title"] = article_title(data)
    return data


def _rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    return [dict(r) for r in store.conn.execute(sql, params)]


_ARTICLE_COLS = (
    "id, source, title, outlet, published, published_basis, language, url, author, text, story, "
    "duplicate_of, removed"
)


def load_articles(store: Store, ids: list[str] | None = None) -> dict[str, Row]:
    if ids is None:
        rows = store.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY published, id")
    else:
        marks = ",".join("?" for _ in ids)
        rows = store.conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({marks}) ORDER BY published, id",
            tuple(ids),
        )
    return {r["id"]: _article_row(r) for r in rows}


def load_article(store: Store, article_id: str) -> Row | None:
    row = store.conn.execute(
        f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else _article_row(row)


def _in(column: str, ids: list[str]) -> tuple[str, tuple[str, ...]]:
    return f"{column} IN ({','.join('?' for _ in ids)})", tuple(ids)


def statements_of(store: Store, article_ids: list[str]) -> list[Row]:
    where, params = _in("article_id", article_ids)
    rows = _rows(
        store, f"SELECT * FROM statements WHERE {where} ORDER BY article_id, start", params
    )
    for r in rows:
        r["direct"] = bool(r["direct"])
    return rows


def figures_of(store: Store, article_ids: list[str]) -> list[Row]:
    where, params = _in("article_id", article_ids)
    return _rows(store, f"SELECT * FROM figures WHERE {where} ORDER BY article_id, start", params)


def figures_by_id(store: Store, ids: list[str]) -> list[Row]:
    where, params = _in("id", ids)
    return _rows(store, f"SELECT * FROM figures WHERE {where} ORDER BY id", params)


def disagreements(store: Store) -> list[Row]:
    rows = _rows(store, "SELECT * FROM disagreements")
    for r in rows:
        r["figure_ids"] = json.loads(r["figure_ids"])
        r["kind_words"] = KIND_WORDS.get(r["kind"], r["kind"])
    # What a reader needs first: contradictions, then updates, then agreement.
    rank = {kind: n for n, kind in enumerate(KIND_WORDS)}
    rows.sort(key=lambda r: (rank.get(r["kind"], 9), -len(r["figure_ids"]), r["topic"], r["id"]))
    return rows


def format_number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure_value(fig: Row) -> str:
    """The claimed value in words: qualifier, number or range, unit, rate."""
    low, high = fig.get("low"), fig.get("high")
    if fig.get("unit") in ("fraction", "percent") and low is not None:
        scale = 100 if fig["unit"] == "fraction" else 1
        value = f"{format_number(round(low * scale, 1))}%"
        if high is not None and high != low:
            value = (
                f"{format_number(round(low * scale, 1))}–{format_number(round(high * scale, 1))}%"
            )
        return " ".join(str(p) for p in (fig.get("qualifier"), value) if p)
    if low is not None and high is not None and low != high:
        value = f"{format_number(low)}–{format_number(high)}"
    else:
        value = format_number(low if low is not None else high)
    parts = [fig["qualifier"]] if fig.get("qualifier") else []
    parts.append(value)
    if fig.get("unit"):
        parts.append(str(fig["unit"]))
    if fig.get("per"):
        parts.append(f"per {fig['per']}")
    return " ".join(parts)


def figure_what(fig: Row) -> str:
    return " ".join(str(p) for p in (fig.get("subject"), fig.get("measure")) if p)


@dataclass
class Group:
    """A story, or a stand-in grouping while no stories exist."""

    id: str
    label: str
    article_ids: list[str]
    start: str | None
    end: str | None
    is_story: bool = True
    articles: dict[str, Row] = field(default_factory=dict)


FALLBACK_ID = "all"
UNASSIGNED_ID = "unassigned"
FALLBACK_NOTE = (
    "No stories have been computed for this store yet, so every article is treated as one group."
)


def groups(store: Store) -> tuple[list[Group], str | None]:
    """Stories to show and, when stories are missing, a note that says what was done."""
    stories = list(store.records("stories"))
    if not stories:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY published, id")]
        dates = sorted(
            r[0]
            for r in store.conn.execute("SELECT published FROM articles WHERE published NOT NULL")
        )
        if not ids:
            return [], None
        label = "All articles"
        group = Group(FALLBACK_ID, label, ids, dates[0] if dates else None, None, is_story=False)
        group.end = dates[-1] if dates else None
        return [group], FALLBACK_NOTE
    out = [Group(s["id"], s["label"], s["article_ids"], s["start"], s["end"]) for s in stories]
    out.sort(key=lambda g: (-len(g.article_ids), g.start or "9999", g.id))
    loose = [
        r[0]
        for r in store.conn.execute(
            "SELECT id FROM articles WHERE story IS NULL ORDER BY published, id"
        )
    ]
    if loose:
        out.append(Group(UNASSIGNED_ID, "Articles in no story", loose, None, None, is_story=False))
    return out, None


def find_group(store: Store, group_id: str) -> tuple[Group | None, str | None]:
    found, note = groups(store)
    for g in found:
        if g.id == group_id:
            return g, note
    return None, note


def _date_key(date: str | None) -> str:
    return date or "9999"


def story_view(store: Store, group: Group) -> Row:
    """Everything one story section shows: timeline, figure groups, speakers, sources."""
    articles = load_articles(store, group.article_ids)
    # Series and speakers go by the canonical entity, not each article's spelling.
    names: dict[str | None, str] = dict(store.conn.execute("SELECT id, name FROM entities"))
    statements = statements_of(store, group.article_ids)
    figures = figures_of(store, group.article_ids)
    by_statement: dict[str, list[Row]] = defaultdict(list)
    for fig in figures:
        if fig["statement_id"]:
            by_statement[fig["statement_id"]].append(fig)

    def provenance(item: Row, art: Row) -> Row:
        item["article"] = art
        item["sentence"] = sentence(art["text"], item["start"], item["end"])
        return item

    timeline: list[Row] = []
    for st in statements:
        art = articles[st["article_id"]]
        date, basis = (st["date"], "stated") if st["date"] else (art["published"], "published")
        item = provenance(
            {
                "kind": "statement",
                "id": st["id"],
                "date": date,
                "date_basis": basis if date else None,
                "who": names.get(st["speaker_entity"]) or st["speaker"] or "unattributed",
                "entity": st["speaker_entity"],
                "cue": st["cue"],
                "medium": st["medium"],
                "direct": st["direct"],
                "stance": st["kind"] == "stance",
                "text": st["text"],
                "start": st["start"],
                "end": st["end"],
                "figures": [
                    {**f, "value": figure_value(f), "what": figure_what(f)}
                    for f in by_statement.get(st["id"], [])
                ],
            },
            art,
        )
        timeline.append(item)
    for fig in figures:
        # Figures inside a statement appear with it; stand-alone ones need a
        # measure to be news (not "three years", "four regions").
        if fig["statement_id"] or not fig["measure"]:
            continue
        art = articles[fig["article_id"]]
        date, basis = (fig["as_of"], "as of") if fig["as_of"] else (art["published"], "published")
        timeline.append(
            provenance(
                {
                    "kind": "figure",
                    "id": fig["id"],
                    "date": date,
                    "date_basis": basis if date else None,
                    "who": names.get(fig["claimant_entity"]) or fig["claimant"] or "unattributed",
                    "entity": fig["claimant_entity"],
                    "medium": None,
                    "text": f"{figure_value(fig)} {figure_what(fig)}".strip(),
                    "start": fig["start"],
                    "end": fig["end"],
                    "figures": [],
                },
                art,
            )
        )
    timeline.sort(
        key=lambda i: (_date_key(i["date"]), i["article"]["published"] or "9999", i["start"])
    )

    # Disagreement groups touching this story's figures; their other figures
    # may come from other articles, which then join the sources list.
    own = {f["id"] for f in figures}
    groups_out = []
    for dis in disagreements(store):
        if not own.intersection(dis["figure_ids"]):
            continue
        figs = figures_by_id(store, dis["figure_ids"])
        missing = [f["article_id"] for f in figs if f["article_id"] not in articles]
        if missing:
            articles.update(load_articles(store, sorted(set(missing))))
        points = []
        for fig in figs:
            art = articles[fig["article_id"]]
            date = fig["as_of"] or art["published"]
            points.append(
                provenance(
                    {
                        **fig,
                        "date": date,
                        "date_basis": ("as of" if fig["as_of"] else "published") if date else None,
                        "who": names.get(fig["claimant_entity"])
                        or fig["claimant"]
                        or "unattributed",
                        "value": figure_value(fig),
                        "what": figure_what(fig),
                    },
                    art,
                )
            )
        points.sort(key=lambda p: (_date_key(p["date"]), p["who"], p["id"]))
        groups_out.append({**dis, "figures": points})

    # One chart per topic: pairwise groups on the same topic ("killed: Ukrainian
    # soldiers") share their figures, and a reader compares claimants on one axis.
    topics: dict[str, Row] = {}
    for dis in groups_out:
        topic = topics.setdefault(
            dis["topic"],
            {"topic": dis["topic"], "id": f"t-{dis['id']}", "groups": [], "figures": {}},
        )
        topic["groups"].append(dis)
        for point in dis["figures"]:
            # A chart mark leads to the first row that lists the figure.
            topic["figures"].setdefault(
                point["id"], {**point, "anchor": f"{dis['id']}-{point['id']}"}
            )
    topic_list = []
    for topic in topics.values():
        figs = sorted(
            topic["figures"].values(), key=lambda p: (_date_key(p["date"]), p["who"], p["id"])
        )
        seen = {g["kind"] for g in topic["groups"]}
        kinds = [k for k in KIND_WORDS if k in seen] + sorted(seen - set(KIND_WORDS))
        topic_list.append({**topic, "figures": figs, "kinds": kinds})
    rank = {kind: n for n, kind in enumerate(KIND_WORDS)}
    topic_list.sort(key=lambda t: (rank.get(t["kinds"][0], 9), -len(t["figures"]), t["topic"]))

    speakers: dict[str, Row] = {}
    for item in timeline:
        if item["kind"] != "statement":
            continue
        key = item["entity"] or item["who"]
        entry = speakers.setdefault(
            key, {"name": item["who"], "entity": item["entity"], "items": []}
        )
        entry["items"].append(item)
    by_speaker = sorted(speakers.values(), key=lambda s: (-len(s["items"]), s["name"]))

    outlets = sorted({a["label"] for a in articles.values() if a["id"] in group.article_ids})
    dates = sorted(
        a["published"] for a in articles.values() if a["published"] and a["id"] in group.article_ids
    )
    return {
        "group": group,
        "id": group.id,
        "label": group.label,
        "articles": [articles[i] for i in group.article_ids if i in articles],
        "sources": sorted(articles.values(), key=lambda a: (a["published"] or "9999", a["id"])),
        "outlets": outlets,
        "start": group.start or (dates[0] if dates else None),
        "end": group.end or (dates[-1] if dates else None),
        "timeline": timeline,
        "disagreements": groups_out,
        "topics": topic_list,
        "speakers": by_speaker,
        "counts": {
            "articles": len(group.article_ids),
            "statements": len(statements),
            "figures": len(figures),
            "disagreements": len(groups_out),
        },
    }


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds over a whole text, by the same rule as :func:`sentence_bounds`."""
    out = []
    lo = 0
    for m in _TERMINATOR.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        hi = m.end() if m.group() != "\n" else m.start()
        a, b = lo, hi
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        lo = m.end()
    a = lo
    while a < len(text) and text[a].isspace():
        a += 1
    if a < len(text):
        out.append((a, len(text.rstrip())))
    return out


def entity_view(store: Store, entity_id: str) -> Row | None:
    """Everything one entity said and claimed, across outlets, with aliases and mentions."""
    row = store.conn.execute(
        "SELECT id, name, type, aliases FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    if row is None:
        return None
    entity = dict(row)
    entity["aliases"] = json.loads(entity["aliases"])
    statements = _rows(
        store, "SELECT * FROM statements WHERE speaker_entity = ? ORDER BY id", (entity_id,)
    )
    figures = _rows(
        store, "SELECT * FROM figures WHERE claimant_entity = ? ORDER BY id", (entity_id,)
    )
    mentions = _rows(
        store,
        "SELECT article_id, count(*) AS n, group_concat(DISTINCT text) AS forms FROM mentions "
        "WHERE entity_id = ? GROUP BY article_id",
        (entity_id,),
    )
    ids = sorted(
        {r["article_id"] for r in statements}
        | {r["article_id"] for r in figures}
        | {r["article_id"] for r in mentions}
    )
    articles = load_articles(store, ids) if ids else {}
    for st in statements:
        art = articles[st["article_id"]]
        st.update(
            direct=bool(st["direct"]),
            stance=st["kind"] == "stance",
            who=st["speaker"],
            article=art,
            sentence=sentence(art["text"], st["start"], st["end"]),
            date_basis="stated" if st["date"] else ("published" if art["published"] else None),
            date=st["date"] or art["published"],
            kind="statement",
            entity=None,
            figures=[],
        )
    for fig in figures:
        art = articles[fig["article_id"]]
        fig.update(
            who=fig["claimant"],
            value=figure_value(fig),
            what=figure_what(fig),
            article=art,
            sentence=sentence(art["text"], fig["start"], fig["end"]),
            date_basis="as of" if fig["as_of"] else ("published" if art["published"] else None),
            date=fig["as_of"] or art["published"],
        )
    for m in mentions:
        m["article"] = articles[m["article_id"]]
    key = lambda r: (_date_key(r["date"]), r["article_id"], r["start"])  # noqa: E731
    return {
        **entity,
        "statements": sorted(statements, key=key),
        "figures": sorted(figures, key=key),
        "mentions": sorted(
            mentions, key=lambda m: (m["article"]["published"] or "9999", m["article_id"])
        ),
        "outlets": sorted({a["label"] for a in articles.values()}),
        "mention_count": sum(m["n"] for m in mentions),
    }
