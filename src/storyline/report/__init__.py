"""The briefing: one self-contained HTML file (or Markdown) per store or story."""

from storyline.report.render import render_html, render_markdown, write_report

__all__ = ["render_html", "render_markdown", "write_report"]
