"""Write the briefing as one self-contained HTML file or as Markdown.

The HTML inlines its stylesheet and draws charts as inline SVG, so it opens
from disk with no network and can be mailed as it is. Article text is
hostile input: Jinja autoescaping is on for every template, and the
Markdown writer escapes HTML and Markdown syntax.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from storyline import __version__
from storyline.errors import NoSuchRecord
from storyline.store import Store
from storyline.views import shared_templates, stylesheet
from storyline.views.chart import value_chart
from storyline.views.story import groups, story_view
from storyline.views.text import Row


def environment() -> Environment:
    return Environment(
        loader=ChoiceLoader([PackageLoader("storyline.report", "templates"), shared_templates()]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def briefing_views(store: Store, story: str | None = None) -> tuple[list[Row], str | None]:
    """The story sections to show; raises ``NoSuchRecord`` for an unknown ``story`` id."""
    found, note = groups(store)
    if story is not None:
        found = [g for g in found if g.id == story]
        if not found:
            raise NoSuchRecord(f"no story {story!r} in {store.path}")
    return [story_view(store, g) for g in found], note


def _title(views: list[Row]) -> str:
    if len(views) == 1 and views[0]["group"].is_story:
        return str(views[0]["label"])
    return "Briefing"


def render_html(store: Store, story: str | None = None) -> str:
    views, note = briefing_views(store, story)
    charts: dict[str, dict[str, Markup]] = {}
    for view in views:
        prefix = f"{view['id']}-"
        charts[view["id"]] = {}
        for t in view["topics"]:

            def link(point: Row, prefix: str = prefix) -> str:
                return f"#{prefix}{point['anchor']}"

            charts[view["id"]][t["id"]] = value_chart(
                t["figures"], link=link, title=f"{t['topic']}: claimed values over time"
            )
    sources: dict[str, Row] = {}
    for view in views:
        for art in view["sources"]:
            sources.setdefault(art["id"], art)
    template = environment().get_template("briefing.html")
    return template.render(
        title=_title(views),
        version=__version__,
        css=Markup(stylesheet()),
        note=note,
        stories=views,
        charts=charts,
        sources=sorted(sources.values(), key=lambda a: (a["published"] or "9999", a["id"])),
        totals={"articles": store.counts()["articles"]},
        href=lambda art, rid: f"#art-{art['id']}",
        entity_href=None,
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md(text: object) -> str:
    """Text safe to paste into Markdown: no live HTML, no accidental formatting."""
    value = re.sub(r"\s+", " ", str(text or ""))
    # "<" is all it takes to open a tag; "&" and ">" stay readable in plain text.
    value = value.replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def _md_sentence(s: Row) -> str:
    return f"> {md(s['before'])}**{md(s['span'])}**{md(s['after'])}"


def _md_source(art: Row) -> str:
    return (
        f"Source: {md(art['label'])}, *{md(art['display_title'])}*, "
        f"{art['published'] or 'undated'} ([{art['id']}](#art-{art['id']}))"
    )


def render_markdown(store: Store, story: str | None = None) -> str:
    views, note = briefing_views(store, story)
    out: list[str] = [f"# {md(_title(views))}", ""]
    if note:
        out += [f"*{md(note)}*", ""]
    sources: dict[str, Row] = {}
    for view in views:
        c = view["counts"]
        out += [
            f"## {md(view['label'])}",
            "",
            f"{c['articles']} articles · {view['start'] or 'undated'} – {view['end'] or 'undated'}"
            f" · outlets: {md(', '.join(view['outlets']))} · {c['statements']} statements,"
            f" {c['figures']} figures, {c['disagreements']} figure disagreements",
            "",
            "### Figures in dispute",
            "",
        ]
        if not view["topics"]:
            out += ["No disagreement groups between figures in this story.", ""]
        for t in view["topics"]:
            # The table stands in for the HTML chart: every claim on the topic, by date.
            out += [f"#### {md(t['topic'])} ({', '.join(t['kinds'])})", ""]
            out += ["| Claimant | Value | What | Date | Source |", "|---|---|---|---|---|"]
            for f in t["figures"]:
                out.append(
                    f"| {md(f['who'])} | {md(f['value'])} | {md(f['what'])} | "
                    f"{f['date'] or 'undated'} | {md(f['article']['label'])} |"
                )
            out.append("")
            for d in t["groups"]:
                out.append(f"- {md(d['kind_words'])} {md(d['reason'] or '')}".rstrip())
            out.append("")
            for f in t["figures"]:
                out += [
                    f"- {md(f['who'])}, {md(f['value'])}:",
                    "",
                    "  " + _md_sentence(f["sentence"]),
                ]
                out += ["", f"  {_md_source(f['article'])}", ""]
        out += ["### Timeline", ""]
        for it in view["timeline"]:
            quote = f"“{md(it['text'])}”" if it.get("direct") else md(it["text"])
            medium = f" ({md(it['medium'])})" if it.get("medium") else ""
            # Reported speech and stances read with their cue: "has called for: ...".
            cue = f" {md(it['cue'])}" if it.get("cue") and not it.get("direct") else ""
            out += [
                f"- **{it['date'] or 'undated'}** {md(it['who'])}{medium}{cue}: {quote}",
                "",
                "  " + _md_sentence(it["sentence"]),
                "",
                f"  {_md_source(it['article'])}",
                "",
            ]
        out += ["### Who said what", ""]
        for sp in view["speakers"]:
            out += [f"#### {md(sp['name'])}", ""]
            for it in sp["items"]:
                medium = f", {md(it['medium'])}" if it.get("medium") else ""
                cue = f", {md(it['cue'])}" if it.get("cue") else ""
                out += [
                    f"- {it['date'] or 'undated'}{medium}{cue}: {md(it['text'])}",
                    f"  — {_md_source(it['article'])}",
                ]
            out.append("")
        for art in view["sources"]:
            sources.setdefault(art["id"], art)
    if sources:
        out += ["## Sources", ""]
        for art in sorted(sources.values(), key=lambda a: (a["published"] or "9999", a["id"])):
            out.append(
                f'- <a id="art-{art["id"]}"></a>**{md(art["display_title"])}** — '
                f"{md(art['label'])}, {art['published'] or 'undated'}, "
                f"{md(art['url'] or art['source'])}"
            )
        out.append("")
    return "\n".join(out)


def write_report(store: Store, path: Path, story: str | None = None) -> Path:
    """Write HTML, or Markdown when ``path`` ends in ``.md``; returns the path."""
    # One read transaction: a briefing written while an ingest runs is still of one state.
    with store.snapshot():
        text = (
            render_markdown(store, story)
            if path.suffix.lower() in (".md", ".markdown")
            else render_html(store, story)
        )
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
