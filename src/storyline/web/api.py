"""The JSON API under ``/api/``: the export contract's records, paginated with
``limit``/``offset``, one record by id, and search (the same query syntax as the
search page, with the true ``total`` and the ``next`` page). An offset past the
end is a bad parameter (422), as a negative one is."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query

from storyline import __version__
from storyline.schema import CONTRACT, CONTRACT_VERSION
from storyline.views.search import QueryError, check_offset, search_view
from storyline.web.deps import BadParameter, NotFound, ReadersDep

MAX_LIMIT = 500

router = APIRouter()


def _known(name: str) -> None:
    if name not in CONTRACT:
        raise NotFound(f"list {name!r}; lists are {', '.join(CONTRACT)}")


@router.get("/api/", tags=["api"])
@router.get("/api", include_in_schema=False)
def api_index(readers: ReadersDep) -> dict[str, Any]:
    with readers.snapshot() as store:
        counts = store.counts()
    return {
        "storyline": __version__,
        "contract": CONTRACT_VERSION,
        "lists": {name: {"count": counts[name], "href": f"/api/{name}"} for name in CONTRACT},
        "search": "/api/search?q=WORDS&limit=20&offset=0",
    }


@router.get("/api/search", tags=["api"])
def api_search(
    readers: ReadersDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Articles matching ``q``, best first; ``snippet`` is HTML with the hits in ``<mark>``."""
    try:
        with readers.snapshot() as store:
            found = search_view(store, q, limit, offset)
    except QueryError as exc:
        raise BadParameter(str(exc)) from None
    return {
        "q": q,
        "total": found.total,
        "limit": limit,
        "offset": offset,
        "items": found.items,
        "next": _next("/api/search", found.total, limit, offset, q=q),
    }


def _next(path: str, total: int, limit: int, offset: int, **params: str) -> str | None:
    nxt = offset + limit
    if nxt >= total:
        return None
    return f"{path}?{urlencode({**params, 'limit': limit, 'offset': nxt})}"


@router.get("/api/{name}", tags=["api"])
def api_list(
    name: str,
    readers: ReadersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    _known(name)
    with readers.snapshot() as store:
        total = store.count(name)
        try:
            check_offset(offset, total, name)
        except QueryError as exc:
            raise BadParameter(str(exc)) from None
        items = store.record_page(name, limit, offset)
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": _next(f"/api/{name}", total, limit, offset),
    }


@router.get("/api/{name}/{record_id}", tags=["api"])
def api_record(name: str, record_id: str, readers: ReadersDep) -> dict[str, Any]:
    _known(name)
    with readers.snapshot() as store:
        record = store.record(name, record_id)
    if record is None:
        raise NotFound(f"{name[:-1] if name != 'entities' else 'entity'} {record_id}")
    return record
