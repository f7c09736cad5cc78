"""The local web UI and JSON API over one store (``storyline serve``).

Pages are rendered on the server with Jinja2 (autoescaped: article text is
hostile input); the only script is none at all, highlighting uses CSS
``:target``. The API under ``/api/`` serves the export contract's records,
paginated with ``limit``/``offset``, and every API error has one shape:
``{"error": {"code": "not_found", "status": 404, "message": "..."}}``.
"""

from __future__ import annotations

import itertools
import logging
import re
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
from storyline.errors import NoSuchRecord
from storyline.report.chart import value_chart
from storyline.report.data import (
    FALLBACK_ID,
    Group,
    article_title,
    entity_view,
    find_group,
    groups,
    load_article,
    sentences,
    source_label,
    story_view,
)
from storyline.report.render import stylesheet
from storyline.schema import CONTRACT, CONTRACT_VERSION
from storyline.store import Store
from storyline.web.highlight import Span, highlight

log = logging.getLogger("storyline.web")

MAX_LIMIT = 500
ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid"}


class NotFound(StarletteHTTPException, NoSuchRecord):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"no {what}")


def _env() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("storyline.web", "templates"),
                PackageLoader("storyline.report", "templates"),
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


def fts_query(q: str) -> str:
    """User words as an FTS5 query: each word quoted, so stray syntax cannot fail."""
    words = re.findall(r"[\w'’-]+", q)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


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
        found, note = groups(store)
        per_story = {
            table: dict(
                store.conn.execute(
                    f"SELECT coalesce(a.story, ''), count(*) FROM {table} t "
                    "JOIN articles a ON a.id = t.article_id GROUP BY 1"
                ).fetchall()
            )
            for table in ("statements", "figures")
        }

        def count(table: str, g: Group) -> int:
            per = per_story[table]
            if g.is_story:
                return per.get(g.id, 0)
            # The stand-in groups: every article, or the articles in no story.
            return sum(per.values()) if g.id == FALLBACK_ID else per.get("", 0)

        rows = [
            {"group": g, "statements": count("statements", g), "figures": count("figures", g)}
            for g in found
        ]
        people = store.conn.execute(
            "SELECT e.id, e.name, e.type, count(m.article_id) AS n, "
            "count(DISTINCT m.article_id) AS articles FROM entities e "
            "JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
            "ORDER BY (e.type = 'person') DESC, n DESC, e.name LIMIT 24"
        ).fetchall()
        return page(
            request,
            "home.html",
            stories=rows,
            note=note,
            counts=store.counts(),
            people=[dict(p) for p in people],
            q="",
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = ""
    ) -> HTMLResponse:
        return page(request, "search.html", q=q, results=_search(store, q, 50))

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
        art = load_article(store, article_id)
        if art is None:
            raise NotFound(f"article {article_id}")
        text = art["text"]
        spans = [Span(a, b, "sent") for a, b in sentences(text)]
        conn = store.conn
        statements = conn.execute(
            "SELECT * FROM statements WHERE article_id = ? ORDER BY start", (article_id,)
        ).fetchall()
        figures = conn.execute(
            "SELECT * FROM figures WHERE article_id = ? ORDER BY start", (article_id,)
        ).fetchall()
        timexes = conn.execute(
            "SELECT * FROM timexes WHERE article_id = ? ORDER BY start", (article_id,)
        ).fetchall()
        mentions = conn.execute(
            'SELECT m.start, m."end", m.text, m.type, m.entity_id, e.name FROM mentions m '
            "LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start",
            (article_id,),
        ).fetchall()
        copies = conn.execute(
            "SELECT p.kind, p.similarity, p.reason, o.id, o.title, o.source, o.published "
            "FROM corpus_duplicate_pairs p JOIN articles o "
            "ON o.id = CASE WHEN p.a = ? THEN p.b ELSE p.a END "
            "WHERE ? IN (p.a, p.b) ORDER BY o.published, o.id",
            (article_id, article_id),
        ).fetchall()
        for st in statements:
            who = st["speaker"] or "unattributed"
            extra = f" · {st['medium']}" if st["medium"] else ""
            spans.append(Span(st["start"], st["end"], "st", st["id"], f"{who}{extra}"))
        for fg in figures:
            what = " ".join(
                p for p in (fg["qualifier"], fg["text"], fg["subject"], fg["measure"]) if p
            )
            who = f" — {fg['claimant']}" if fg["claimant"] else ""
            spans.append(Span(fg["start"], fg["end"], "fg", fg["id"], f"{what}{who}"))
        for tx in timexes:
            spans.append(
                Span(tx["start"], tx["end"], "tx", tx["id"], f"{tx['type']}: {tx['value']}")
            )
        for m in mentions:
            href = f"/entities/{m['entity_id']}" if m["entity_id"] and m["name"] else None
            title = f"{m['type']}: {m['name'] or m['text']}"
            spans.append(Span(m["start"], m["end"], "ent", None, title, href))
        return page(
            request,
            "article.html",
            a=art,
            body=highlight(text, spans),
            statements=[dict(s) for s in statements],
            figures=[dict(f) for f in figures],
            timexes=[dict(t) for t in timexes],
            mention_count=len(mentions),
            copies=[dict(c) for c in copies],
        )

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
        return {"q": q, "items": _search(store, q, limit)}

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
        total = store.counts()[name]
        items = list(itertools.islice(store.records(name), offset, offset + limit))
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
        for record in store.records(name):
            if record["id"] == record_id:
                return record
        raise NotFound(f"{name[:-1] if name != 'entities' else 'entity'} {record_id}")

    return app


def _search(store: Store, q: str, limit: int) -> list[dict[str, Any]]:
    query = fts_query(q)
    if not query:
        return []
    # snippet() marks hits with control characters, so the text can be escaped
    # first and the marks turned into <mark> afterwards (see search.html).
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.source, a.url, a.text, "
        "snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.id LIMIT ?",
        (query, limit),
    ).fetchall()
    out = []
    for r in rows:
        data = dict(r)
        out.append(
            {
                "id": data["id"],
                "title": article_title(data),
                "outlet": source_label(data),
                "published": data["published"],
                "snippet": data["snippet"],
                "href": f"/articles/{data['id']}",
            }
        )
    return out
