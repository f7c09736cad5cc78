"""The briefing: one self-contained HTML file (or Markdown) per store or story."""

from storyline.report.markdown import render_markdown
from storyline.report.render import render_html, write_report

__all__ = ["render_html", "render_markdown", "write_report"]
