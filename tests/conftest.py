"""Shared fixtures: the real seed articles from ../shared, parsed once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from storyline.analyze import analyze_doc
from storyline.analyze.nlp import load_nlp
from storyline.clean import build_article
from storyline.read.text import read_text_file
from storyline.schema import Article, Findings, Statement

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


def text_article(text: str, published: str = "2025-05-23") -> Article:
    """A bare English article of ``text`` dated ``published``: what the analysis tests
    of sentences written for them run on."""
    return Article("t", "t", None, None, published, "metadata", "en", text)


def statements(nlp, text: str) -> list[Statement]:  # type: ignore[no-untyped-def]
    """Who said what in ``text`` (entities, dates and statements, stances held back)."""
    article = text_article(text, published="2025-05-20")
    return analyze_doc(
        article, nlp(text), components=("entities", "timexes", "statements")
    ).statements


def saying(found: list[Statement], words: str) -> Statement:
    """The first statement whose text has ``words``."""
    hits = [s for s in found if words in s.text]
    assert hits, f"no statement says {words!r}: {[s.text for s in found]}"
    return hits[0]


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. ``"000"``)."""
    (path,) = sorted(SEEDS.glob(f"{prefix}_*"))
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """Seed number ("000".."004") -> cleaned Article."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        out[path.name[:3]] = build_article(read_text_file(path, str(path)))
    return out


@pytest.fixture(scope="session")
def seed_findings(seed_articles, nlp) -> dict[str, Findings]:  # type: ignore[no-untyped-def]
    """Seed number -> Findings of the full per-article stage."""
    return {k: analyze_doc(a, nlp(a.text)) for k, a in seed_articles.items()}


# CI runs property tests with a fixed seed so a landing never hinges on luck;
# locally they explore new examples each run.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
