"""A story's disputed quantities: per quantity, every value claimed, who claimed it,
when, and in plain words what the dispute is.

A quantity is a series (``corpus.series``): the disagreements inside it (its
relations: contradictions, updates, corroborations) that touch the story's
figures, gathered by their topic, which is the series' label, with the values
the story shows (``Catalogue.visible``). One value in several articles (a
copy, one claim repeated) is one point, also in the others.
``disputed_quantities`` is the one place this section's data comes from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.store import Store
from storyline.views.catalogue import KIND_RANK, KIND_WORDS, Catalogue
from storyline.views.chart import assign_series, label_text, qualifier_kind
from storyline.views.chart_frame import bounds
from storyline.views.claims import Item, StoryRows, chart_point
from storyline.views.copies import Copies, collapse
from storyline.views.sides import NOBODY, who_key
from storyline.views.text import UNKNOWN_OUTLET, Row, date_key, human_date, shown


def topic_words(topic: str) -> str:
    """``killed: Ukrainian soldiers`` -> ``Ukrainian soldiers killed``."""
    measure, _, subject = topic.partition(": ")
    return f"{subject} {measure}".strip() if subject else topic


def _point_key(p: Row) -> tuple[object, ...]:
    """One value by one claimant on one date is one point, however many articles carry it."""
    return (
        who_key(p["who"]).lower(),
        p["low"],
        p["high"],
        qualifier_kind(p["qualifier"]),
        p["date"],
    )


def _times(ratio: float) -> str:
    if ratio < 1.95:
        return f"{round((ratio - 1) * 100)}% more"
    if ratio < 2.5:
        return "more than twice as many"
    return f"{round(ratio):,} times as many"


def _said(p: Row) -> str:
    return f"{p['value']} ({p['who']}, {human_date(p['date'])})"


def revisions(points: list[Row]) -> dict[str, list[tuple[str, Row]]]:
    """Per named claimant with more than one value: the values in date order, a value
    repeated on a later day left out (it revises nothing)."""
    by_who: dict[str, list[Row]] = defaultdict(list)
    for p in points:
        if who_key(p["who"]) != NOBODY and p["date"]:
            by_who[p["who"]].append(p)
    out = {}
    for name, pts in sorted(by_who.items()):
        steps: list[tuple[str, Row]] = []
        for p in sorted(pts, key=lambda p: (date_key(p["date"]), bounds(p))):
            if not steps or steps[-1][1]["value"] != p["value"]:
                steps.append((p["date"], p))
        if len(steps) > 1:
            out[name] = steps
    return out


def _sources(p: Row) -> list[Row]:
    return [p["article"], *p["also"]]


def reasons(
    points: list[Row], kinds: list[str], copies: Copies, corroborated: Sequence[str] = ()
) -> list[str]:
    """What the dispute is, in sentences a reader takes in at once. ``corroborated``: what
    the corpus stage says of each corroboration ("3 independent sources give three: ..."),
    which counts sources as the export does (named claimants, not outlets); without it,
    agreement is counted here by outlet."""
    out = []
    if "contradiction" in kinds:
        lo = min(points, key=lambda p: (bounds(p)[1], date_key(p["date"])))
        hi = max(points, key=lambda p: (bounds(p)[0], date_key(p["date"])))
        if bounds(lo)[1] > 0 and hi is not lo:
            ratio = bounds(hi)[0] / bounds(lo)[1]
            out.append(f"Claims run from {_said(lo)} to {_said(hi)}: {_times(ratio)}.")
    if "update" in kinds:
        for name, steps in revisions(points).items():
            path = " → ".join(f"{p['value']} ({human_date(d)})" for d, p in steps)
            out.append(f"{name} revised the figure: {path}.")
    if "corroboration" in kinds and corroborated:
        out.extend(corroborated)
    elif "corroboration" in kinds:
        by_value: dict[str, list[Row]] = defaultdict(list)
        for p in points:
            by_value[p["value"]].extend(_sources(p))
        for value, articles in by_value.items():
            ids = sorted({a["id"] for a in articles})
            independent = copies.independent(ids)
            if independent > 1:
                outlets = sorted({a["label"] for a in articles} - {UNKNOWN_OUTLET})
                named = f" ({', '.join(outlets)})" if outlets else ""
                out.append(
                    f"{value} is given by {len(ids)} articles from {independent} independent "
                    f"sources{named}."
                )
    # "at least 4 is given by ...": a sentence starts with a capital.
    return [r[0].upper() + r[1:] for r in out]


def _corroborated(groups: list[Row]) -> list[str]:
    said = [g["reason"] for g in groups if g["kind"] == "corroboration" and g["reason"]]
    return [r if r.endswith(".") else f"{r}." for r in said]  # a sentence, as the others


def headline(points: list[Row], kinds: list[str]) -> str:
    """The quantity in one line for the lead: the range of values and who gives the ends,
    or, for a revision, the path of the values."""
    if kinds[0] == "update" and (found := revisions(points)):
        name, steps = max(found.items(), key=lambda item: len(item[1]))
        return f"{name}: " + " → ".join(label_text(p) for _, p in steps)
    if len(points) == 1 or kinds == ["corroboration"]:
        p = points[0]
        return f"{p['value']} ({p['who']})"
    lo = min(points, key=lambda p: bounds(p)[1])
    hi = max(points, key=lambda p: bounds(p)[0])
    return f"{_end(lo)} ({lo['who']}) to {_end(hi)} ({hi['who']})"


def _end(p: Row) -> str:
    """One end of a quantity's range as its claimant bounds it, compact: "at least 12",
    "up to 1.2k", "~45.1k", "43k"; never "12" for "at least 12"."""
    kind = qualifier_kind(p.get("qualifier"))
    return f"{p['qualifier']} {label_text(p)}" if kind in ("lower", "upper") else label_text(p)


def _kinds(groups: list[Row], point_of: dict[str, Row]) -> list[str]:
    """The kinds the shown points still bear out: a group whose figures collapse into one
    point carried by one source (copies of one article) says nothing."""
    seen = set()
    for dis in groups:
        pts = {id(point_of[f]): point_of[f] for f in dis["figure_ids"] if f in point_of}
        if len(pts) >= 2 or any(p["independent"] > 1 for p in pts.values()):
            seen.add(dis["kind"])
    return [k for k in KIND_WORDS if k in seen] + sorted(seen - set(KIND_WORDS))


def _points(store: Store, cat: Catalogue, rows: StoryRows, ids: set[str]) -> dict[str, Row]:
    """Chart points for these figure ids; another story's articles are read as needed."""
    own = {f["id"]: f for f in rows.figures if f["id"] in ids}
    others = store.figures_by_id(sorted(ids - set(own)))
    missing = sorted({f["article_id"] for f in others} - set(rows.articles))
    articles = dict(rows.articles)
    if missing:
        articles.update({r["id"]: shown(r) for r in store.article_rows(missing)})
    return {
        f["id"]: chart_point(f, articles[f["article_id"]], cat.names)
        for f in [*own.values(), *others]
    }


def disputed_quantities(
    store: Store, cat: Catalogue, rows: StoryRows, story: str | None
) -> list[Row]:
    """The story's quantities in dispute, most telling first (contradictions, then
    revisions, then agreement; more claimants first), each with its points (one per
    value claimed), series for the chart, kinds, reasons in words and a headline."""
    own = {f["id"] for f in rows.figures}
    active = cat.active(story)
    by_topic: dict[str, list[Row]] = defaultdict(list)
    shown_ids: set[str] = set()
    for dis in cat.groups_of(own):
        visible = cat.visible(dis, story, active)
        if len(visible) >= 2:
            by_topic[dis["topic"]].append({**dis, "figure_ids": visible})
            shown_ids.update(visible)
    points = _points(store, cat, rows, shown_ids)
    out: list[Row] = []
    for topic, groups in by_topic.items():
        ids = sorted({f for g in groups for f in g["figure_ids"]})
        # A figure may count in two topics (the update of "military personnel killed"
        # and the contradiction of "Ukrainian soldiers killed"): each topic gets its own
        # copy of the point, coloured by that topic's series.
        merged = collapse([Item(points[f]) for f in ids], _point_key, cat.copies)
        by_key = {_point_key(p): p for p in merged}
        kinds = _kinds(groups, {f: by_key[_point_key(points[f])] for f in ids})
        if not kinds:
            continue
        merged.sort(key=lambda p: (date_key(p["date"]), p["who"], p["id"]))
        series = assign_series(merged)
        drawn = {s.label for s in series}
        out.append(
            {
                "topic": topic,
                "words": topic_words(topic),
                "id": f"q-{groups[0]['id']}",
                "kinds": kinds,
                "kind_words": [KIND_WORDS.get(k, k) for k in kinds],
                "points": merged,
                "series": series,
                "hidden": sorted({p["who"] for p in merged if p["series"] not in drawn}),
                "claimants": len({who_key(p["who"]) for p in merged}),
                "reasons": reasons(merged, kinds, cat.copies, _corroborated(groups)),
                "headline": headline(merged, kinds),
                "groups": groups,
            }
        )
    out.sort(
        key=lambda q: (
            KIND_RANK.get(q["kinds"][0], 9),
            -q["claimants"],
            -len(q["points"]),
            q["topic"],
        )
    )
    return out
