"""The briefing as Markdown: the same stories, leads and sections as the HTML, as text.

Markdown has no ``<details>``, so every section is written out; the claims
are shown once each (repeats and copies as "also in"), which is what keeps
it short. Article text is hostile input: ``md`` escapes HTML and Markdown.
"""

from __future__ import annotations

import re

from storyline.report.briefing import briefing_views, title
from storyline.store import Store
from storyline.views.text import Row, human_date

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md(text: object) -> str:
    """Text safe to paste into Markdown: no live HTML, no accidental formatting."""
    value = re.sub(r"\s+", " ", str(text or ""))
    # "<" is all it takes to open a tag; "&" and ">" stay readable in plain text.
    value = value.replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def _sentence(s: Row) -> str:
    return f"> {md(s['before'])}**{md(s['span'])}**{md(s['after'])}"


def _also(item: Row) -> str:
    return f"; also in {md(item['also_words'])}" if item.get("also_words") else ""


def _source(art: Row, item: Row | None = None) -> str:
    return (
        f"Source: {md(art['label'])}, *{md(art['display_title'])}*, "
        f"{human_date(art['published'])} ([{art['id']}](#art-{art['id']})){_also(item or {})}"
    )


def _lead(view: Row) -> list[str]:
    lead = view["lead"]
    outlets = f" Outlets: {md(', '.join(lead['outlets']))}." if lead["outlets"] else ""
    out = [f"**What happened.** {md(lead['what'])}{outlets}", ""]
    if lead["quantities"]:
        out += ["**In dispute.**", ""]
        out += [f"- {md(q['words'])}: {md(q['headline'])}" for q in lead["quantities"]] + [""]
    if lead["voices"]:
        out += ["**Voices.**", ""]
        out += [f"- {md(v['name'])}: “{md(v['best']['text'])}”" for v in lead["voices"]] + [""]
    return out


def _quantities(view: Row) -> list[str]:
    out = ["### Disputed quantities", ""]
    if not view["disputed"]:
        return [*out, "No disagreement between figures in this story.", ""]
    for q in view["disputed"]:
        # The table stands in for the HTML chart: every value on the quantity, by date.
        out += [f"#### {md(q['words'])} ({', '.join(q['kinds'])})", ""]
        out += [f"- {md(r)}" for r in q["reasons"]] + [""]
        out += ["| Claimant | Value | What | Date | Source |", "|---|---|---|---|---|"]
        for p in q["points"]:
            out.append(
                f"| {md(p['who'])} | {md(p['value'])} | {md(p['what'])} | "
                f"{p['date'] or 'undated'} | {md(p['article']['label'])}{_also(p)} |"
            )
        out.append("")
        for p in q["points"]:
            out += [f"- {md(p['who'])}, {md(p['value'])}:", "", "  " + _sentence(p["sentence"])]
            out += ["", f"  {_source(p['article'])}", ""]
    return out


def _claims(view: Row) -> list[str]:
    """Every claim in date order: with its exact sentence and source in a small briefing,
    as one line with its source in a large one (the HTML's rule, ``report.briefing``)."""
    out = ["### Timeline", ""]
    for it in view["claims"]:
        quote = f"“{md(it['text'])}”" if it.get("direct") else md(it["text"])
        medium = f" ({md(it['medium'])})" if it.get("medium") else ""
        # Reported speech and stances read with their cue: "has called for: ...".
        cue = f" {md(it['cue'])}" if it.get("cue") and not it.get("direct") else ""
        line = f"- **{it['date'] or 'undated'}** {md(it['who'])}{medium}{cue}: {quote}"
        if not view["full"]:
            art = it["article"]
            out.append(f"{line} ([{md(art['label'])}](#art-{art['id']}){_also(it)})")
            continue
        out += [
            line,
            "",
            "  " + _sentence(it["sentence"]),
            "",
            f"  {_source(it['article'], it)}",
            "",
        ]
    return out if view["full"] else [*out, ""]


def _voices(view: Row) -> list[str]:
    out = ["### Who said what", ""]
    for v in view["voices"]:
        n = len(v["items"])
        out += [
            f"- **{md(v['name'])}**, {n} statement{'s' if n != 1 else ''} in "
            f"{md(', '.join(v['outlets']))}: “{md(v['best']['text'])}”"
        ]
    return [*out, ""]


def render_markdown(store: Store, story: str | None = None) -> str:
    views, note = briefing_views(store, story)
    out: list[str] = [f"# {md(title(views))}", ""]
    if note:
        out += [f"*{md(note)}*", ""]
    for view in views:
        out += [f"## {md(view['label'])}", "", f"*{md(view['rank'].get('why', ''))}*", ""]
        out += _lead(view) + _quantities(view) + _claims(view) + _voices(view)
        out += ["### Articles", ""]
        for art in view["articles"]:
            # A copy's anchor sits by its name, so a claim's link to it lands here.
            copies = ", ".join(f'<a id="art-{c["id"]}"></a>{md(c["label"])}' for c in art["copies"])
            out.append(
                f'- <a id="art-{art["id"]}"></a>**{md(art["display_title"])}** — '
                f"{md(art['label'])}, {human_date(art['published'])}, "
                f"{md(art['url'] or art['source'])}" + (f"; copies in {copies}" if copies else "")
            )
        out.append("")
    return "\n".join(out)
