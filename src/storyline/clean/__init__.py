"""Cleaning: from what a reader found (RawDocument) to an Article with clean text and metadata."""

from storyline.clean.article import EmptyArticle, build_article
from storyline.clean.text import clean_text

__all__ = ["EmptyArticle", "build_article", "clean_text"]
