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


# What a parameter check says, in words (pydantic's error type -> a sentence about ``name``).
PLAIN = {
    "missing": "{name} is missing.",
    "greater_than_equal": "{name} must be {ge} or more, not {input}.",
    "greater_than": "{name} must be more than {gt}, not {input}.",
    "less_than_equal": "{name} must be {le} or less, not {input}.",
    "int_parsing": "{name} must be a whole number, not “{input}”.",
    "string_too_short": "{name} is empty: type something.",
    "string_too_long": "{name} is too long: at most {max_length} characters.",
}
# The parameters as people know them.
PARAMETER_NAMES = {"q": "The search (q)", "page": "The page number", "limit": "The limit"}


def plain_error(error: dict[str, object]) -> str:
    """One parameter error as a sentence: ``page must be 1 or more, not -1.``"""
    loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path")]  # type: ignore[attr-defined]
    key = ".".join(loc) or "the request"
    name = PARAMETER_NAMES.get(key, f"The parameter {key}")
    template = PLAIN.get(str(error.get("type")))
    context = {**(error.get("ctx") or {}), "input": error.get("input"), "name": name}  # type: ignore[dict-item]
    if template is None:
        return f"{name}: {error.get('msg')}."
    return template.format(**context)


async def invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    parts = [plain_error(e) for e in exc.errors()]
    return _answer(request, 422, " ".join(parts) or "This request could not be read.")


async def crashed(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path)
    return _answer(
        request,
        500,
        "Something went wrong on our side while reading the store "
        f"({type(exc).__name__}); the server's log has the details.",
    )


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
