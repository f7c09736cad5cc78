"""Canonical entities: one id per real person, organisation or place across articles.

This first version merges mentions whose normalised names agree (titles
dropped, case folded) and, within one article, a surname with the full name
it abbreviates. It is the baseline the cross-article stage refines.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from storyline.schema import stable_id

# Words that precede a name but are not part of it.
TITLES = frozenset(
    """mr mrs ms dr sir president vice prime minister secretary chancellor
    senator sen rep representative gov governor general gen king queen pope
    prince princess lord lady""".split()
)


def normalise(name: str) -> str:
    words = re.sub(r"[^\w\s'-]", " ", name.replace("’", "'")).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words).casefold()


def canonicalise(conn: sqlite3.Connection) -> None:
    """Recompute entities and every mention's entity id from the mentions table."""
    rows = conn.execute(
        'SELECT article_id, start, "end", text, type FROM mentions ORDER BY article_id, start'
    ).fetchall()
    # Within an article, a one-word mention takes the longest name ending with it.
    full_names: dict[tuple[str, str], str] = {}
    for article_id, _start, _end, text, etype in rows:
        norm = normalise(text)
        if " " in norm:
            last = norm.rsplit(" ", 1)[1]
            key = (article_id, f"{etype}:{last}")
            if len(norm) > len(full_names.get(key, "")):
                full_names[key] = norm
    groups: dict[tuple[str, str], list[tuple[str, int, int, str]]] = defaultdict(list)
    for article_id, start, end, text, etype in rows:
        norm = normalise(text)
        if " " not in norm:
            norm = full_names.get((article_id, f"{etype}:{norm}"), norm)
        groups[(etype, norm)].append((article_id, start, end, text))
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM entities")
        for (etype, norm), mentions in sorted(groups.items()):
            entity_id = stable_id("e", etype, norm)
            surfaces = sorted({m[3] for m in mentions})
            name = max(surfaces, key=lambda s: (len(normalise(s)), s))
            conn.execute(
                "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, json(?))",
                (entity_id, name, etype, _json_list(surfaces)),
            )
            conn.executemany(
                'UPDATE mentions SET entity_id = ? WHERE article_id = ? AND start = ? AND "end" = ?',
                [(entity_id, a, s, e) for a, s, e, _ in mentions],
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _json_list(items: list[str]) -> str:
    import json

    return json.dumps(items, ensure_ascii=False)
