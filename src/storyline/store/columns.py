"""What the record tables hold, in code: column lists and how a stored row reads back.

The DDL in ``migrations.py`` is history (a migration never changes once
shipped); these lists are what today's code writes and reads, once, for the
writer (``db.py``) and every reader (``read.py``).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from storyline.schema import CONTRACT, Removal

# Columns per table in insertion order (the contract's fields plus store-only ones).
ARTICLE_COLUMNS = (*CONTRACT["articles"][1], "removed", "content_hash", "family")
MENTION_COLUMNS = ("article_id", "start", "end", "text", "type", "entity_id")
RECORD_TABLES = ("statements", "figures", "timexes")
# Lists are JSON text (Datasette and DuckDB read them as they are); flags are 0/1.
JSON_COLUMNS = {
    "removed",
    "aliases",
    "figure_ids",
    "sides",
    "sources",
    "article_ids",
    "outlets",
    "variants",
    "appearances",
}
BOOL_COLUMNS = {"direct"}


def quoted(name: str) -> str:
    """A column name as SQL: ``start`` and ``end`` are keywords."""
    return f'"{name}"'


def column_list(columns: tuple[str, ...]) -> str:
    return ", ".join(quoted(c) for c in columns)


def encode(column: str, value: Any) -> Any:
    """A record's value as the store holds it (the inverse of ``decode``)."""
    if column == "removed":
        # Each removed piece with why it was removed: [{"text": ..., "reason": ...}].
        value = [{"text": str(r), "reason": getattr(r, "reason", "")} for r in value]
    if column in JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def decode(row: sqlite3.Row) -> dict[str, Any]:
    """A stored row as the records hold it: JSON lists parsed, flags as booleans."""
    record = dict(row)
    for column in JSON_COLUMNS.intersection(record):
        record[column] = json.loads(record[column])
    if "removed" in record:
        # Stores written before reasons were kept hold plain strings.
        record["removed"] = [
            Removal(r["text"], r["reason"]) if isinstance(r, dict) else Removal(r)
            for r in record["removed"]
        ]
    for column in BOOL_COLUMNS.intersection(record):
        record[column] = bool(record[column])
    return record
