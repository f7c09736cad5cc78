"""The HTML pages: stories, search, story, entity and article pages (no script at all).

Pages are rendered on the server with Jinja2, autoescaped (article text is
hostile input); highlighting uses CSS ``:target``. Each page reads in one
snapshot of the store (``Readers.snapshot``) and renders after it ends.
Long lists come in pages (``?page=``): a page past the end is a bad
parameter (422), as a negative one is.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader

from storyline import __version__
from storyline.views import FAVICON_SVG, shared_templates, stylesheet, template_filters
from storyline.views.article import article_view
from storyline.views.browse import home_view
from storyline.views.catalogue import Catalogue
from storyline.views.chart import value_chart
from storyline.views.claims import by_day
from storyline.views.entity import entity_view
from storyline.views.search import PAGE_SIZE, QueryError, check_offset, search_view
from storyline.views.story import find_group, story_view
from storyline.web.deps import BadParameter, NotFound, ReadersDep

router = APIRouter(include_in_schema=False)
T = TypeVar("T")
# Claims per story page: the busiest story of news-dumpster stays well under 500 kB a page.
CLAIMS_PAGE = 100
Page = Annotated[int, Query(alias="page", ge=1, le=100_000, description="1 for the first")]


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
        href=lambda art, rid: f"/articles/{art['id']}" + (f"#{rid}" if rid else ""),
        entity_href=lambda eid: f"/entities/{eid}",
        article_link=lambda art: f"/articles/{art['id']}",
        url=_url,
    )
    env.filters.update(template_filters())
    return env


def _url(path: str, params: dict[str, Any], page_no: int) -> str:
    """A link to page ``page_no`` of a list (the first page has no ``page`` parameter)."""
    query = {**params, **({"page": page_no} if page_no > 1 else {})}
    return f"{path}?{urlencode(query)}" if query else path


def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=code)


@router.get("/static/style.css")
def style() -> PlainTextResponse:
    return PlainTextResponse(_css(), media_type="text/css")


@cache
def _css() -> str:
    return stylesheet()


@router.get("/favicon.svg")
@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(FAVICON_SVG, media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = home_view(store)
    return page(request, "home.html", **view, q="")


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    readers: ReadersDep,
    q: Annotated[str, Query(max_length=500)] = "",
    page_no: Page = 1,
) -> HTMLResponse:
    if not q.strip():
        return page(request, "search.html", q=q, results=None, error=None)
    try:
        with readers.snapshot() as store:
            results = search_view(store, q, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
    except QueryError as exc:
        return page(request, "search.html", 422, q=q, results=None, error=str(exc))
    return page(request, "search.html", q=q, results=results, error=None)


def _found(view: T | None, what: str) -> T:
    """The view, or the page's 404 when there is nothing by that id."""
    if view is None:
        raise NotFound(what)
    return view


def _page_of(items: list[Any], page_no: int, size: int, what: str) -> list[Any]:
    try:
        check_offset((page_no - 1) * size, len(items), what)
    except QueryError as exc:
        raise BadParameter(f"page {page_no}: {exc}") from None
    return items[(page_no - 1) * size : page_no * size]


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, readers: ReadersDep, page_no: Page = 1) -> HTMLResponse:
    with readers.snapshot() as store:
        cat = Catalogue.load(store)
        group, note = find_group(store, cat, story_id)
        view = story_view(store, _found(group, f"story {story_id}"), cat)
    shown = _page_of(view["claims"], page_no, CLAIMS_PAGE, "claims in this story")
    charts = {
        q["id"]: value_chart(
            q["points"],
            link=lambda p: f"/articles/{p['article_id']}#{p['id']}",
            title=f"{q['words']}: claimed values",
        )
        for q in view["disputed"]
    }
    pages = -(-len(view["claims"]) // CLAIMS_PAGE)
    return page(
        request,
        "story.html",
        s=view,
        days=by_day(shown),
        page_no=page_no,
        pages=pages,
        first=(page_no - 1) * CLAIMS_PAGE + 1,
        last=(page_no - 1) * CLAIMS_PAGE + len(shown),
        charts=charts,
        note=note,
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = _found(entity_view(store, entity_id), f"entity {entity_id}")
    return page(request, "entity.html", e=view, days=by_day(view["statements"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, readers: ReadersDep) -> HTMLResponse:
    with readers.snapshot() as store:
        view = _found(article_view(store, article_id), f"article {article_id}")
    return page(request, "article.html", **view)
