"""A user's aliases: names to merge into one entity, names to keep apart.

They override every merge rule, and are kept in the store so every later
run (an ingest's incremental pass included) respects them.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import AliasesError
from storyline.store import Store


@dataclass
class Aliases:
    """User pins: names to merge into one entity, names to keep apart."""

    merge: list[list[str]] = field(default_factory=list)
    split: list[list[str]] = field(default_factory=list)


def load_aliases(path: str | Path) -> Aliases:
    """Read an aliases file (JSON, or TOML for ``.toml``).

    ``{"merge": [["Mike Volz", "Mike Waltz"]], "split": [["Trump", "Donald Trump"]]}``
    """
    path = Path(path)
    toml = path.suffix.lower() == ".toml"
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw) if toml else json.loads(raw)
    except ValueError as exc:  # not UTF-8, not JSON, not TOML: all ValueErrors
        raise AliasesError(f"{path}: not {'TOML' if toml else 'JSON'}: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"merge", "split"}:
        raise AliasesError(f"{path}: expected an object with 'merge' and/or 'split' lists")
    out = Aliases()
    for kind in ("merge", "split"):
        groups = data.get(kind, [])
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) for n in g)
            for g in groups
        ):
            raise AliasesError(f"{path}: '{kind}' must be a list of lists of two or more names")
        getattr(out, kind).extend([list(g) for g in groups])
    return out


def save_aliases(store: Store, aliases: Aliases) -> None:
    """Persist the user's aliases in the store so every later run respects them."""
    store.replace_alias_pins(aliases.merge, aliases.split)


def stored_aliases(store: Store) -> Aliases:
    out = Aliases()
    for kind, names in store.alias_pins():
        getattr(out, kind).append(names)
    return out
