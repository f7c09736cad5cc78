"""The local web UI and JSON API over one store (``storyline serve``).

``create_app`` wires the two routers (``pages``: HTML; ``api``: JSON under
``/api/``) and the error handlers: every API error has one shape,
``{"error": {"code": "not_found", "status": 404, "message": "..."}}``, and
pages answer errors in HTML with the status.

Concurrency: FastAPI runs sync dependencies and sync endpoints on worker
threads of a pool, a request's dependency and its endpoint possibly on
different ones, and a sqlite3 connection refuses any thread but its own.
So no route receives a connection: each takes its worker thread's own
read-only store (``store.Readers``) and reads in one snapshot.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.store import Readers
from storyline.web import api, pages

log = logging.getLogger("storyline.web")

ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid"}


def _error(status: int, message: str) -> JSONResponse:
    code = ERROR_CODES.get(status, "server_error" if status >= 500 else "error")
    return JSONResponse(
        {"error": {"code": code, "status": status, "message": message}}, status_code=status
    )


def _answer(request: Request, status: int, message: str) -> Response:
    """An error as JSON under ``/api``, as an HTML page elsewhere."""
    if request.url.path.startswith("/api"):
        return _error(status, message)
    return pages.page(request, "error.html", status, status=status, message=message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _answer(request, exc.status_code, str(exc.detail))


async def invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {e.get('msg')}")
    return _answer(request, 422, "; ".join(parts) or "invalid request")


async def crashed(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path)
    return _answer(request, 500, f"internal error: {type(exc).__name__}")


def create_app(db: str | Path) -> FastAPI:
    app = FastAPI(
        title="storyline",
        version=__version__,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.readers = Readers(db)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crashed)
    app.include_router(pages.router)
    app.include_router(api.router)
    return app
