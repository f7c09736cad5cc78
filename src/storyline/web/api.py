"""The JSON API under ``/api/``: the export contract's records, paginated with
``limit``/``offset``, one record by id, and search."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query

from storyline import __version__
from storyline.schema import CONTRACT, CONTRACT_VERSION
from storyline.views.browse import search_view
from storyline.web.deps import NotFound, ReadersDep

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
        "search": "/api/search?q=WORDS",
    }


@router.get("/api/search", tags=["api"])
def api_search(
    readers: ReadersDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> dict[str, Any]:
    with readers.snapshot() as store:
        return {"q": q, "items": search_view(store, q, limit)}


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


@router.get("/api/{name}/{record_id}", tags=["api"])
def api_record(name: str, record_id: str, readers: ReadersDep) -> dict[str, Any]:
    _known(name)
    with readers.snapshot() as store:
        record = store.record(name, record_id)
    if record is None:
        raise NotFound(f"{name[:-1] if name != 'entities' else 'entity'} {record_id}")
    return record
