"""The HTML pages: stories, search, story, entity and article pages (no script at all).

Pages are rendered on the server with Jinja2, autoescaped (article text is
hostile input); highlighting uses CSS ``:target``. Each page reads in one
snapshot of the store (``Readers.snapshot``) and renders after it ends.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup, escape

from storyline import __version__
from storyline.views import shared_templates, stylesheet
from storyline.views.article import article_view
from storyline.views.browse import home_view, search_view
from storyline.views.chart import value_chart
from storyline.views.entity import entity_view
from storyline.views.story import find_group, story_view
from storyline.web.deps import NotFound, ReadersDep

router = APIRouter(include_in_schema=False)
T = TypeVar("T")


def _snippet(text: str | None) -> Markup:
    """FTS5 snippet with its hit marks (\x02 .. \x03) as <mark>, everything else escaped."""
    safe = str(escape(text or ""))
    return Markup(safe.replace("\x02", "<mark>").replace("\x03", "</mark>"))


@cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("storyline.web", "templates"), shared_templates()]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=__version__,
        href=lambda art, rid: f"/articles/{art['id']}#{rid}",
        entity_href=lambda eid: f"/entities/{eid}",
    )
    env.filters["snippet"] = _snippet
    return env


def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=code)


@router.get("/static/style.css")
def style() -> PlainTextResponse:
    return PlainTextResponse(_css(), media_type="text/css")


@cache
def _css() -> str:
    return stylesheet()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = home_view(store)
    return page(request, "home.html", **view, q="")


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, readers: ReadersDep, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    with readers.snapshot() as store:
        results = search_view(store, q, 50)
    return page(request, "search.html", q=q, results=results)


def _found(view: T | None, what: str) -> T:
    """The view, or the page's 404 when there is nothing by that id."""
    if view is None:
        raise NotFound(what)
    return view


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        group, note = find_group(store, story_id)
        view = story_view(store, _found(group, f"story {story_id}"))
    charts = {
        t["id"]: value_chart(
            t["figures"],
            link=lambda p: f"/articles/{p['article_id']}#{p['id']}",
            title=f"{t['topic']}: claimed values over time",
        )
        for t in view["topics"]
    }
    return page(request, "story.html", s=view, charts=charts, note=note)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = _found(entity_view(store, entity_id), f"entity {entity_id}")
    return page(request, "entity.html", e=view)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = _found(article_view(store, article_id), f"article {article_id}")
    return page(request, "article.html", **view)
