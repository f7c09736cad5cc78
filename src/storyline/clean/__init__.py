"""Cleaning: from what a reader found (RawDocument) to an Article with clean text and metadata."""

from storyline.clean.article import build_article

__all__ = ["build_article"]
