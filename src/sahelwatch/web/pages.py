"""The HTML pages: one ``Workspace`` call or a few per page, rendered server-side.

The routes mirror the JSON API and open their ``Workspace`` the same way.
List pages answer with just their results fragment when htmx asks
(``HX-Request``), so filters and search swap the list without a reload and
still work as plain links and forms without JavaScript. Errors on pages
answer an HTML page; the API keeps its problem+json answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from sahelwatch.domain import ENTITY_TYPES, EVENT_TYPES
from sahelwatch.errors import NotFoundError, UsageError
from sahelwatch.web import error_pages, views
from sahelwatch.web.api import get_workspace
from sahelwatch.web.render import (
    STATIC_DIR,
    article_url,
    entity_url,
    event_url,
    is_fragment,
    render,
)
from sahelwatch.workspace import Workspace

router = APIRouter(include_in_schema=False)
WS = Annotated[Workspace, Depends(get_workspace)]
PAGE_SIZE = 50
SEARCH_PAGE_SIZE = 20
ISO_PARTIAL = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
Text = Annotated[str | None, Query(max_length=200)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]


def _date(value: str | None) -> str | None:
    """A filter date the user typed: kept when it is an ISO (partial) date, else ignored."""
    value = (value or "").strip()
    return value if ISO_PARTIAL.match(value) else None


# -- dashboard, timeline, map ------------------------------------------------


def _paged(rows: Sequence[Any], page: int) -> dict[str, Any]:
    """One page of a list the store returned whole, and where it stands."""
    return {
        "rows": rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        "total": len(rows),
        "pages": _page_count(len(rows), PAGE_SIZE),
        "current": page,
    }


def _page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


@router.get("/", name="dashboard")
def dashboard(request: Request, ws: WS) -> Response:
    clusters = ws.cluster_rows()
    conflicts = ws.conflicts()
    return render(
        request,
        "dashboard.html",
        {
            "page": "dashboard",
            "stats": ws.stats(),
            "counts": ws.counts(),
            "conflict_count": len(conflicts),
            "conflicts": conflicts[:6],
            "names": ws.entity_names({c.subject_id for c in conflicts[:6]}),
            "latest": views.latest(clusters),
            "chart": views.activity_chart(clusters),
            "top_entities": ws.entities(top=10),
        },
    )


@router.get("/timeline", name="timeline")
def timeline(
    request: Request,
    ws: WS,
    entity: Text = None,
    type: Annotated[str | None, Query(max_length=64)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
) -> Response:
    event_type = type if type in EVENT_TYPES else None
    rows = ws.timeline(
        entity=(entity or "").strip() or None,
        event_type=event_type,
        date_from=_date(date_from),
        date_to=_date(date_to),
    )
    return render(
        request,
        "timeline.html",
        {
            "page": "timeline",
            "rows": rows,
            "items": views.timeline_items(rows),
            "undated": [r for r in rows if not r.date],
            "event_types": EVENT_TYPES,
            "filters": {
                "entity": entity or "",
                "type": event_type or "",
                "from": _date(date_from) or "",
                "to": _date(date_to) or "",
            },
        },
    )


@router.get("/map", name="map")
def event_map(request: Request, ws: WS) -> Response:
    clusters = ws.cluster_rows()
    places = ws.entities_by_id({c.location_id for c in clusters if c.location_id})
    points, unplaced = views.map_points(clusters, places)
    return render(
        request,
        "map.html",
        {"page": "map", "points": points, "unplaced": unplaced, "total": len(clusters)},
    )


# -- events ---------------------------------------------------------------------


@router.get("/events/{event_id}", name="event")
def event(request: Request, ws: WS, event_id: str) -> Response:
    detail = ws.event_cluster(event_id)
    if event_id != detail.cluster.id:
        return RedirectResponse(event_url(detail.cluster.id) + "#ev-" + event_id, status_code=307)
    members = detail.events
    dates = views.distinct_dates(e.date for e in members if e.date and e.date_basis == "text")
    tolls = sorted({e.fatalities for e in members if e.fatalities is not None})
    places = sorted(
        {detail.names.get(e.location_id, e.location_id) for e in members if e.location_id}
    )
    return render(
        request,
        "event.html",
        {
            "page": "timeline",
            "detail": detail,
            "cluster": detail.cluster,
            "names": detail.names,
            "articles": detail.articles,
            "disagreements": {
                "dates": dates if len(dates) > 1 else [],
                "fatalities": tolls if len(tolls) > 1 else [],
                "places": places if len(places) > 1 else [],
            },
        },
    )


# -- articles -------------------------------------------------------------------


@router.get("/articles", name="articles")
def articles(
    request: Request,
    ws: WS,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    page: PageNumber = 1,
) -> Response:
    languages = sorted(ws.stats().by_lang)
    chosen = lang if lang in languages else None
    rows = ws.articles(lang=chosen)
    context = {
        "page": "articles",
        **_paged(rows, page),
        "languages": languages,
        "lang": chosen or "",
    }
    template = "_article_rows.html" if is_fragment(request) else "articles.html"
    return render(request, template, context)


@router.get("/articles/{article_id}", name="article")
def article(request: Request, ws: WS, article_id: str) -> Response:
    stored = ws.article(article_id)
    a = stored.article
    if a.id != article_id:
        return RedirectResponse(article_url(a.id), status_code=307)
    notes = ws.article_annotations(a.id)
    mentioned: dict[str, int] = {}
    for m in notes.mentions:
        mentioned[m.entity_id] = mentioned.get(m.entity_id, 0) + 1
    removed: dict[str, list[str]] = {}
    for segment in a.removed:
        removed.setdefault(segment.reason, []).append(segment.text)
    original = ws.article_heads({stored.duplicate_of}) if stored.duplicate_of else {}
    return render(
        request,
        "article.html",
        {
            "page": "articles",
            "stored": stored,
            "a": a,
            "body": views.article_markup(a.body, notes),
            "notes": notes,
            "entities": notes.entities,
            "mentioned": sorted(mentioned.items(), key=lambda kv: -kv[1]),
            "removed": removed,
            "original": original.get(stored.duplicate_of or ""),
        },
    )


# -- entities -------------------------------------------------------------------


@router.get("/entities", name="entities")
def entities(
    request: Request,
    ws: WS,
    type: Annotated[str | None, Query(max_length=16)] = None,
    q: Text = None,
    page: PageNumber = 1,
) -> Response:
    entity_type = (type or "").upper()
    entity_type = entity_type if entity_type in ENTITY_TYPES else ""
    rows = ws.entities(entity_type=entity_type or None)
    needle = (q or "").strip().casefold()
    if needle:
        rows = [
            r
            for r in rows
            if any(needle in name.casefold() for name in (r.entity.name, *r.aliases))
        ]
    context = {
        "page": "entities",
        **_paged(rows, page),
        "types": sorted(ENTITY_TYPES),
        "type": entity_type,
        "q": (q or "").strip(),
    }
    template = "_entity_rows.html" if is_fragment(request) else "entities.html"
    return render(request, template, context)


@router.get("/entities/{entity_id}", name="entity")
def entity(request: Request, ws: WS, entity_id: str) -> Response:
    detail = ws.entity(entity_id)
    record = detail.entity
    if record.id != entity_id:
        return RedirectResponse(entity_url(record.id), status_code=307)
    events = ws.events(entity=record.id)
    cluster_ids = {e.cluster_id for e in events if e.cluster_id}
    clusters = [c for c in ws.cluster_rows() if c.id in cluster_ids]
    clusters.sort(key=lambda c: (c.date is not None, c.date or ""), reverse=True)
    quotes = ws.quotes(speaker=record.id)
    graph = ws.entity_graph(record.id)
    return render(
        request,
        "entity.html",
        {
            "page": "entities",
            "detail": detail,
            "e": record,
            "clusters": clusters,
            "quotes": quotes,
            "heads": ws.article_heads(
                {q.article_id for q in quotes} | {a.article_id for a in detail.attributes}
            ),
            "graph": views.graph_elements(graph),
        },
    )


# -- conflicts ------------------------------------------------------------------


@router.get("/conflicts", name="conflicts")
def conflicts(request: Request, ws: WS) -> Response:
    found = ws.conflicts()
    ids = {c.subject_id for c in found} | {c.object_id for c in found if c.object_id}
    articles = {claim.article_id for c in found for side in c.sides for claim in side}
    return render(
        request,
        "conflicts.html",
        {
            "page": "conflicts",
            "conflicts": found,
            "names": ws.entity_names(ids),
            "heads": ws.article_heads(articles),
        },
    )


# -- search ---------------------------------------------------------------------


@router.get("/search", name="search")
def search(
    request: Request,
    ws: WS,
    q: Text = None,
    entity: Text = None,
    entity_type: Annotated[str | None, Query(max_length=16)] = None,
    event_type: Annotated[str | None, Query(max_length=64)] = None,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    page: PageNumber = 1,
) -> Response:
    """Full-text search; a bad filter is said beside the form, not answered with an error page."""
    query = (q or "").strip()
    filters = {
        "q": query,
        "entity": (entity or "").strip(),
        "entity_type": (entity_type or "").strip().upper(),
        "event_type": (event_type or "").strip().lower(),
        "lang": (lang or "").strip().lower(),
    }
    results, error = None, None
    if query:
        try:
            results = ws.search(
                query,
                entity=filters["entity"] or None,
                entity_type=filters["entity_type"] or None,
                event_type=filters["event_type"] or None,
                language=filters["lang"] or None,
                limit=SEARCH_PAGE_SIZE,
                offset=(page - 1) * SEARCH_PAGE_SIZE,
            )
        except (UsageError, NotFoundError) as exc:
            error = str(exc)
    total = results.total if results else 0
    context = {
        "page": "search",
        "filters": filters,
        "results": results,
        "error": error,
        "current": page,
        "pages": _page_count(total, SEARCH_PAGE_SIZE),
        "query_string": urlencode({k: v for k, v in filters.items() if v}),
        "entity_types": sorted(ENTITY_TYPES),
        "event_types": EVENT_TYPES,
        "languages": sorted(ws.stats().by_lang),
    }
    template = "_search_results.html" if is_fragment(request) else "search.html"
    return render(request, template, context)


def install(app: FastAPI) -> None:
    """Serve the pages and their assets; errors on pages answer HTML, the API's stay JSON."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
    error_pages.install(app)
