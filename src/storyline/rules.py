"""A named pattern with an example: the shape most of storyline's rule tables share.

Rules are data (docs/architecture.md): a table of these, each with a name a test
can report and an example the test runs, replaces a chain of ``if``. Tables that
need more (a reason, a scope, an expected value) keep their own record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PatternRule:
    name: str
    pattern: re.Pattern[str]
    example: str


def pattern_rule(name: str, pattern: str, example: str, flags: int = re.IGNORECASE) -> PatternRule:
    return PatternRule(name, re.compile(pattern, flags), example)
