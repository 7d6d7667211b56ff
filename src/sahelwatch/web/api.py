"""The ``/api/v1`` routes: each one call to ``Workspace``, like the CLI commands.

Read routes are plain ``def`` functions, so FastAPI runs them in its thread
pool; each request opens its own ``Workspace`` and closes it afterwards (SQLite
in WAL mode serves concurrent readers). Listing routes return ``Page``
envelopes sliced in Python, because ``Workspace`` returns whole lists.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect
from starlette.types import Message

from sahelwatch.config import Settings
from sahelwatch.web import schemas as s
from sahelwatch.web.errors import PROBLEM_MEDIA_TYPE, ApiProblem
from sahelwatch.workspace import IngestReport, Workspace, checked_entity_type, checked_event_type

T = TypeVar("T")
U = TypeVar("U")

#: The environment variable holding the bearer token; ingest is off when it is unset.
AUTH_ENV_VAR = "SAHELWATCH_API_TOKEN"
#: Room for multipart boundaries and headers on top of the file size cap.
MULTIPART_OVERHEAD = 64 * 1024
ISO_PARTIAL = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": s.Problem.model_json_schema()}},
    }


#: Errors every route may answer, documented so clients (and schemathesis) know their shape.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: _problem_response("Bad input: an unknown type, an unusable input."),
    404: _problem_response("No such id or name."),
    422: _problem_response("A parameter failed validation."),
}

router = APIRouter(prefix="/api/v1", responses=PROBLEMS)


# -- dependencies -----------------------------------------------------------


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_workspace(settings: Annotated[Settings, Depends(get_settings)]) -> Iterator[Workspace]:
    """One ``Workspace`` per request, closed when the request is done."""
    with Workspace(settings=settings) as ws:
        yield ws


WS = Annotated[Workspace, Depends(get_workspace)]


def _check_date(value: str | None) -> str | None:
    """Accept ISO partial dates only (``2025``, ``2025-06``, ``2025-06-30``), and real ones."""
    if value is None:
        return None
    if not ISO_PARTIAL.match(value):
        raise ValueError("not an ISO date (2025, 2025-06 or 2025-06-30)")
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise ValueError(f"not a calendar date ({exc})") from exc
    return value


_DATE_DOC = "ISO date, possibly partial: 2025, 2025-06 or 2025-06-30."
DateFrom = Annotated[
    str | None,
    Query(alias="from", description="Earliest " + _DATE_DOC, pattern=ISO_PARTIAL.pattern),
    AfterValidator(_check_date),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", description="Latest " + _DATE_DOC, pattern=ISO_PARTIAL.pattern),
    AfterValidator(_check_date),
]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]


def _page(items: Sequence[T], limit: int, offset: int, convert: Callable[[T], U]) -> s.Page[U]:
    return s.Page[U](
        items=[convert(i) for i in items[offset : offset + limit]],
        total=len(items),
        limit=limit,
        offset=offset,
    )


def _event_type(value: str | None) -> str | None:
    return checked_event_type(value, "type")


# -- read routes ------------------------------------------------------------


@router.get("/stats", response_model=s.StatsOut)
def stats(ws: WS) -> s.StatsOut:
    """Counts to check after an ingest: documents, articles, failures, languages."""
    return s.StatsOut.model_validate(ws.stats())


@router.get("/articles", response_model=s.Page[s.ArticleSummaryOut])
def articles(
    ws: WS,
    limit: Limit = 50,
    offset: Offset = 0,
    lang: Annotated[str | None, Query(max_length=16, description="Language code: en, fr.")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Full-text query, as for /search; the articles then come best match first.",
        ),
    ] = None,
) -> s.Page[s.ArticleSummaryOut]:
    """List articles in ingest order, optionally by language; with ``q``, the matching
    ones by relevance (the full-text index, like ``/search``)."""
    if not q:
        return _page(ws.articles(lang=lang), limit, offset, s.ArticleSummaryOut.model_validate)
    found = ws.search(q, language=lang, limit=limit, offset=offset)
    rows = {r.id: r for r in ws.articles(ids=[h.article_id for h in found.hits])}
    return s.Page[s.ArticleSummaryOut](
        items=[
            s.ArticleSummaryOut.model_validate(rows[h.article_id])
            for h in found.hits
            if h.article_id in rows
        ],
        total=found.total,
        limit=limit,
        offset=offset,
    )


@router.get("/search", response_model=s.Page[s.SearchHitOut])
def search(
    ws: WS,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description=(
                'Words, "quoted phrases" and prefix* terms, all required; case and accents '
                "do not matter. Anything else is searched for as words, never as syntax."
            ),
        ),
    ],
    entity: Annotated[
        str | None,
        Query(max_length=200, description="Only articles mentioning this entity (name or id)."),
    ] = None,
    entity_type: Annotated[
        str | None,
        Query(
            max_length=16,
            description="Only articles mentioning an entity of this type: PERSON, ORG, GPE...",
        ),
    ] = None,
    event_type: Annotated[
        str | None,
        Query(max_length=64, description="Only articles reporting an event of this type."),
    ] = None,
    lang: Annotated[str | None, Query(max_length=16, description="Language code: en, fr.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> s.Page[s.SearchHitOut]:
    """Full-text search of titles, bodies, bylines and sites, best match first, each hit
    with a plain-text snippet and the offsets of the matched words in it."""
    found = ws.search(
        q,
        entity=entity,
        entity_type=entity_type,
        event_type=event_type,
        language=lang,
        limit=limit,
        offset=offset,
    )
    return s.Page[s.SearchHitOut](
        items=[s.search_hit(h) for h in found.hits],
        total=found.total,
        limit=limit,
        offset=offset,
    )


@router.get("/articles/{article_id}", response_model=s.ArticleDetailOut)
def article(ws: WS, article_id: str) -> s.ArticleDetailOut:
    """One article by id or unambiguous id prefix, with what was read from it."""
    stored = ws.article(article_id)
    return s.article_detail(stored, ws.export(validate=False), stored.article.id)


@router.get("/entities", response_model=s.Page[s.EntitySummaryOut])
def entities(
    ws: WS,
    type: Annotated[
        str | None, Query(max_length=16, description="PERSON, ORG, GPE, LOC, GROUP, FAC, OTHER.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> s.Page[s.EntitySummaryOut]:
    """Entities by the number of articles that mention them, with their aliases."""
    rows = ws.entities(entity_type=checked_entity_type(type, "type"))
    return _page(rows, limit, offset, s.EntitySummaryOut.model_validate)


@router.get("/entities/{name_or_id}", response_model=s.EntityDetailOut)
def entity(ws: WS, name_or_id: str) -> s.EntityDetailOut:
    """One entity by id or any name it was printed under: aliases, dated ranks, articles."""
    return s.entity_detail(ws.entity(name_or_id))


@router.get("/events", response_model=s.Page[s.EventOut])
def events(
    ws: WS,
    type: Annotated[str | None, Query(max_length=64, description="An event type.")] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Only events involving this entity.")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> s.Page[s.EventOut]:
    """Events read from the articles, filtered like ``sahelwatch events``."""
    rows = ws.events(
        event_type=_event_type(type), entity=entity, date_from=date_from, date_to=date_to
    )
    return _page(rows, limit, offset, s.event)


@router.get("/clusters", response_model=s.Page[s.ClusterOut])
def clusters(ws: WS, limit: Limit = 50, offset: Offset = 0) -> s.Page[s.ClusterOut]:
    """Event clusters: one real-world event merged across outlets."""
    return _page(ws.clusters(), limit, offset, s.ClusterOut.model_validate)


@router.get("/timeline", response_model=s.Page[s.TimelineRowOut])
def timeline(
    ws: WS,
    entity: Annotated[
        str | None, Query(max_length=200, description="Only clusters involving this entity.")
    ] = None,
    type: Annotated[str | None, Query(max_length=64, description="An event type.")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> s.Page[s.TimelineRowOut]:
    """One row per event cluster, in date order, like ``sahelwatch timeline``."""
    rows = ws.timeline(
        entity=entity, event_type=_event_type(type), date_from=date_from, date_to=date_to
    )
    return _page(rows, limit, offset, s.TimelineRowOut.model_validate)


@router.get("/quotes", response_model=s.Page[s.QuoteOut])
def quotes(
    ws: WS,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Only quotes by this speaker.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> s.Page[s.QuoteOut]:
    """Quotes with their speakers, as printed and as resolved."""
    return _page(ws.quotes(speaker=speaker), limit, offset, s.QuoteOut.model_validate)


@router.get("/conflicts", response_model=s.Page[s.ConflictOut])
def conflicts(ws: WS, limit: Limit = 50, offset: Offset = 0) -> s.Page[s.ConflictOut]:
    """Contested facts, each side with its claims and evidence."""
    return _page(ws.conflicts(), limit, offset, s.conflict)


@router.get("/profile/{name}", response_model=s.ProfileOut)
def profile(ws: WS, name: str) -> s.ProfileOut:
    """An organisation as the corpus describes it, each fact with its sources."""
    return s.profile(ws.profile(name))


@router.get("/export", response_model=dict[str, Any])
def export(ws: WS) -> dict[str, Any]:
    """The whole knowledge base as the v1 JSON export (``SCHEMAS.md``), validated."""
    return ws.export()


@router.get("/failures", response_model=s.Page[s.FailureOut])
def failures(
    ws: WS,
    include_resolved: Annotated[
        bool, Query(description="Also list failures a later ingest fixed.")
    ] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> s.Page[s.FailureOut]:
    """Inputs that could not be read, and why."""
    return _page(ws.failures(include_resolved=include_resolved), limit, offset, s.failure)


# -- ingest -----------------------------------------------------------------

_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
            "application/json": {"schema": s.IngestUrlIn.model_json_schema()},
        },
    }
}


def _require_token(request: Request) -> None:
    """Check the bearer token before any byte of the body is read."""
    expected = os.environ.get(AUTH_ENV_VAR, "")
    if not expected:
        # Off unless configured: answer as if the route did not exist.
        raise ApiProblem(404, f"ingest is disabled (set {AUTH_ENV_VAR} to enable it)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiProblem(401, "missing bearer token")
    if not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiProblem(401, "invalid bearer token")


async def _read_capped(request: Request, cap: int) -> bytes:
    """Read the body, stopping with 413 as soon as it exceeds ``cap`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiProblem(400, "invalid Content-Length")
        if int(declared) > cap:
            raise ApiProblem(413, f"request body larger than {cap} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > cap:
                raise ApiProblem(413, f"request body larger than {cap} bytes")
            chunks.append(chunk)
    except ClientDisconnect as exc:
        raise ApiProblem(400, "client disconnected") from exc
    return b"".join(chunks)


def _replay(request: Request, body: bytes) -> Request:
    """A request whose body is ``body``, so Starlette's form parser can read it again."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


def safe_filename(name: str | None) -> str:
    """A file name built from the client's, safe to join to a directory we own.

    Only the last path component survives, reduced to ``[A-Za-z0-9._-]``, with
    no leading dots; the extension is kept because it selects the reader.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    cleaned = _UNSAFE.sub("_", base).lstrip("._")[-100:]
    return cleaned or "upload.txt"


def _ingest_file(settings: Settings, filename: str, content: bytes) -> IngestReport:
    with tempfile.TemporaryDirectory(prefix="sahelwatch-upload-") as tmp:
        path = Path(tmp) / filename
        path.write_bytes(content)
        with Workspace(settings=settings) as ws:
            report = ws.ingest([str(path)], allow_private=False)
    # Report the client's name for the file, not our temporary path.
    report.failures = [
        replace(f, input_name=f.input_name.replace(str(path), filename)) for f in report.failures
    ]
    return report


def _ingest_url(settings: Settings, url: str) -> IngestReport:
    with Workspace(settings=settings) as ws:
        return ws.ingest([url], allow_private=False)


@router.post(
    "/ingest",
    response_model=s.IngestOut,
    openapi_extra=_INGEST_BODY,
    responses={
        401: _problem_response("Missing or wrong bearer token."),
        413: _problem_response("Request body too large."),
    },
)
async def ingest(
    request: Request, settings: Annotated[Settings, Depends(get_settings)]
) -> s.IngestOut:
    """Ingest one uploaded file (multipart ``file``) or one URL (JSON ``{"url": ...}``).

    Needs ``Authorization: Bearer $SAHELWATCH_API_TOKEN``; off (404) when that is
    unset. Async only so the token and size are checked before the body is
    read; the ingest itself runs in the thread pool. URLs are fetched with
    private addresses refused, always. An ingest that stored nothing and
    failed answers 400 with the failures.
    """
    _require_token(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _read_capped(request, settings.max_bytes + MULTIPART_OVERHEAD)
    if content_type == "multipart/form-data":
        async with _replay(request, body).form(max_files=1, max_fields=4) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiProblem(400, "multipart body needs a 'file' part")
            content = await upload.read(settings.max_bytes + 1)
            if len(content) > settings.max_bytes:
                raise ApiProblem(413, f"file larger than {settings.max_bytes} bytes")
            name = safe_filename(upload.filename)
        report = await run_in_threadpool(_ingest_file, settings, name, content)
    elif content_type == "application/json":
        try:
            target = s.IngestUrlIn.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "body"
            raise ApiProblem(422, f"{where}: {first['msg']}") from exc
        report = await run_in_threadpool(_ingest_url, settings, target.url)
    else:
        raise ApiProblem(415, "send multipart/form-data with a 'file' or JSON {\"url\": ...}")
    out = s.ingest_report(report)
    if report.failures and not report.new and not report.unchanged:
        reasons = "; ".join(f"{f.input_name}: {f.reason}" for f in report.failures)
        raise ApiProblem(
            400,
            f"nothing ingested: {reasons}",
            failures=[f.model_dump(mode="json") for f in out.failures],
        )
    return out
