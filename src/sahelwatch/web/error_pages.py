"""Errors on pages answer an HTML page; the API, docs and assets keep their answers.

The API's handlers (``errors.install``) are registered first; these wrap them
and send machine paths back to them, so one app has two error styles, each
where its client expects it. Page errors never show internals: a 500 says to
look at the server log, where the traceback is.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sahelwatch.errors import NotFoundError, SahelwatchError
from sahelwatch.web.errors import status_for
from sahelwatch.web.render import render

log = logging.getLogger(__name__)

Handler = Callable[[Request, Exception], Awaitable[Response]]
_MACHINE_PATHS = ("/api/", "/static/", "/docs", "/openapi.json")


def _error_page(request: Request, exc: Exception) -> Response:
    if isinstance(exc, SahelwatchError):
        status = status_for(exc)
        detail = str(exc) if status < 500 else "the server could not answer; see its log"
    elif isinstance(exc, StarletteHTTPException):
        status, detail = exc.status_code, str(exc.detail)
    elif isinstance(exc, RequestValidationError):
        status = 400
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        detail = f"{where}: {first.get('msg', 'invalid value')}"
    else:
        log.exception("%s %s failed", request.method, request.url.path)
        status, detail = 500, "internal error; see the server log"
    if status == 404 and isinstance(exc, StarletteHTTPException):
        detail = f"There is no page at {request.url.path}."
    return render(
        request,
        "error.html",
        {
            "page": "",
            "status": status,
            "title": HTTPStatus(status).phrase,
            "detail": detail,
            "missing": isinstance(exc, NotFoundError),
        },
        status=status,
    )


def _html_or(fallback: Handler | None) -> Handler:
    async def handler(request: Request, exc: Exception) -> Response:
        if fallback is not None and request.url.path.startswith(_MACHINE_PATHS):
            return await fallback(request, exc)
        return _error_page(request, exc)

    return handler


def install(app: FastAPI) -> None:
    """Wrap the handlers already registered for these exceptions (after ``errors.install``)."""
    for kind in (SahelwatchError, StarletteHTTPException, RequestValidationError, Exception):
        fallback = app.exception_handlers.get(kind)
        # Starlette types a handler by the exception class it is for; ours take any.
        app.add_exception_handler(kind, _html_or(fallback))  # type: ignore[arg-type]
