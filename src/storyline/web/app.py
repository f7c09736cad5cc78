"""The local web UI and JSON API over one store (``storyline serve``).

Pages are rendered on the server with Jinja2 (autoescaped: article text is
hostile input); the only script is none at all, highlighting uses CSS
``:target``. The API under ``/api/`` serves the export contract's records,
paginated with ``limit``/``offset``, and every API error has one shape:
``{"error": {"code": "not_found", "status": 404, "message": "..."}}``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.schema import CONTRACT, CONTRACT_VERSION
from storyline.store import Store
from storyline.views import shared_templates, stylesheet
from storyline.views.article import article_view
from storyline.views.browse import home_view, search_view
from storyline.views.chart import value_chart
from storyline.views.entity import entity_view
from storyline.views.story import find_group, story_view

log = logging.getLogger("storyline.web")

MAX_LIMIT = 500
ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid"}


class NotFound(StarletteHTTPException):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"no {what}")


def _env() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("storyline.web", "templates"),
                shared_templates(),
            ]
        ),
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


def _snippet(text: str | None) -> Markup:
    """FTS5 snippet with its hit marks (\x02 .. \x03) as <mark>, everything else escaped."""
    safe = str(escape(text or ""))
    return Markup(safe.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def _error(status: int, message: str) -> JSONResponse:
    code = ERROR_CODES.get(status, "server_error" if status >= 500 else "error")
    return JSONResponse(
        {"error": {"code": code, "status": status, "message": message}}, status_code=status
    )


def get_store(request: Request) -> Iterator[Store]:
    """One connection per request: sqlite3 connections stay in their thread."""
    store = Store(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]


def create_app(db: str | Path) -> FastAPI:
    db_path = Path(db)
    env = _env()
    css = stylesheet()
    app = FastAPI(
        title="storyline",
        version=__version__,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )

    app.state.db_path = db_path

    def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=code)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request):
            return _error(exc.status_code, str(exc.detail))
        return page(
            request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg')}")
        message = "; ".join(parts) or "invalid request"
        if is_api(request):
            return _error(422, message)
        return page(request, "error.html", 422, status=422, message=message)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        message = f"internal error: {type(exc).__name__}"
        if is_api(request):
            return _error(500, message)
        return page(request, "error.html", 500, status=500, message=message)

    # -- pages -------------------------------------------------------------

    @app.get("/static/style.css", include_in_schema=False)
    def style() -> PlainTextResponse:
        return PlainTextResponse(css, media_type="text/css")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, store: StoreDep) -> HTMLResponse:
        return page(request, "home.html", **home_view(store), q="")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = ""
    ) -> HTMLResponse:
        return page(request, "search.html", q=q, results=search_view(store, q, 50))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
        group, note = find_group(store, story_id)
        if group is None:
            raise NotFound(f"story {story_id}")
        view = story_view(store, group)
        charts = {
            t["id"]: value_chart(
                t["figures"],
                link=lambda p: f"/articles/{p['article_id']}#{p['id']}",
                title=f"{t['topic']}: claimed values over time",
            )
            for t in view["topics"]
        }
        return page(request, "story.html", s=view, charts=charts, note=note)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: str, store: StoreDep) -> HTMLResponse:
        view = entity_view(store, entity_id)
        if view is None:
            raise NotFound(f"entity {entity_id}")
        return page(request, "entity.html", e=view)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
        view = article_view(store, article_id)
        if view is None:
            raise NotFound(f"article {article_id}")
        return page(request, "article.html", **view)

    # -- API ---------------------------------------------------------------

    @app.get("/api/", tags=["api"])
    @app.get("/api", include_in_schema=False)
    def api_index(store: StoreDep) -> dict[str, Any]:
        counts = store.counts()
        return {
            "storyline": __version__,
            "contract": CONTRACT_VERSION,
            "lists": {name: {"count": counts[name], "href": f"/api/{name}"} for name in CONTRACT},
            "search": "/api/search?q=WORDS",
        }

    @app.get("/api/search", tags=["api"])
    def api_search(
        store: StoreDep,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    ) -> dict[str, Any]:
        return {"q": q, "items": search_view(store, q, limit)}

    @app.get("/api/{name}", tags=["api"])
    def api_list(
        request: Request,
        name: str,
        store: StoreDep,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        if name not in CONTRACT:
            raise NotFound(f"list {name!r}; lists are {', '.join(CONTRACT)}")
        total = store.count(name)
        items = store.record_page(name, limit, offset)
        nxt = offset + limit
        return {
            "items": items,
            "total": total,
            "limit": limit,
            "offset": offset,
            "next": f"/api/{name}?{urlencode({'limit': limit, 'offset': nxt})}"
            if nxt < total
            else None,
        }

    @app.get("/api/{name}/{record_id}", tags=["api"])
    def api_record(name: str, record_id: str, store: StoreDep) -> dict[str, Any]:
        if name not in CONTRACT:
            raise NotFound(f"list {name!r}; lists are {', '.join(CONTRACT)}")
        record = store.record(name, record_id)
        if record is not None:
            return record
        raise NotFound(f"{name[:-1] if name != 'entities' else 'entity'} {record_id}")

    return app
