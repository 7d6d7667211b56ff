"""RFC 7807 problem details for every error the API answers.

One shape for all errors lets a client handle them in one place. sahelwatch's
own exceptions are mapped by class (the same hierarchy the CLI turns into
exit status 2), so bad input is a 4xx and only a real bug is a 500.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sahelwatch.errors import (
    InputError,
    NotFoundError,
    SahelwatchError,
    TooLarge,
    UsageError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ApiProblem(Exception):
    """Raised by the routers for errors that are not sahelwatch errors (auth, size, ...)."""

    def __init__(self, status: int, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra


def problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    """Build a problem+json response; ``type`` is ``about:blank`` so ``title`` is the phrase."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def status_for(error: SahelwatchError) -> int:
    """The HTTP status of a sahelwatch error: what the user asked for, or a server fault."""
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, TooLarge):
        return 413
    if isinstance(error, UsageError | InputError):
        return 400
    # ConfigError, StoreError, ExportError: the server's setup or data, not the request.
    return 500


async def _sahelwatch_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SahelwatchError)
    status = status_for(exc)
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc)
    return problem(status, str(exc))


async def _api_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem(exc.status, exc.detail, **exc.extra)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e["type"]}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"])
    return problem(422, f"{where}: {first['msg']}" if where else str(first["msg"]), errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return problem(exc.status_code, str(exc.detail))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # A bug: log it with its traceback, but never show internals to the client.
    log.exception("%s %s failed", request.method, request.url.path)
    return problem(500, "internal error; see the server log")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(SahelwatchError, _sahelwatch_error)
    app.add_exception_handler(ApiProblem, _api_problem)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
