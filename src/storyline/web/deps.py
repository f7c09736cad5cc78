"""What every route takes: this thread's read-only store, and the error answers routes raise."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.store import Readers


class NotFound(StarletteHTTPException):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"There is no {what}.")


class BadParameter(StarletteHTTPException):
    """A parameter of the right type but out of range (a page past the last one): 422."""

    def __init__(self, message: str) -> None:
        super().__init__(422, message)


async def readers(request: Request) -> Readers:
    """The app's readers. Deliberately async: it runs on the event loop, and the sync
    endpoint takes its connection on the worker thread that then reads with it."""
    app_readers: Readers = request.app.state.readers
    return app_readers


ReadersDep = Annotated[Readers, Depends(readers)]
