"""Templates and the headers every HTML page carries.

Everything a page shows comes from articles, which are untrusted: the Jinja
environment autoescapes every template, data reaches scripts only as JSON in
``<script type="application/json">`` elements (``tojson`` escapes ``<``, ``>``,
``&`` and ``'``), and the Content-Security-Policy allows scripts from this
origin only, so even markup that slipped through could not run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from sahelwatch import __version__

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # Fragments and full pages share URLs; caches must keep them apart.
    "Vary": "HX-Request",
}
#: Private-use characters the search snippets put around a match.
MATCH_START, MATCH_END = "\ue000", "\ue001"
NAV = (
    ("dashboard", "/", "Dashboard"),
    ("timeline", "/timeline", "Timeline"),
    ("map", "/map", "Map"),
    ("articles", "/articles", "Articles"),
    ("entities", "/entities", "Entities"),
    ("conflicts", "/conflicts", "Conflicts"),
    ("search", "/search", "Search"),
)


def _segment(value: object) -> str:
    """A path segment: ids come from the data, so every reserved character is quoted."""
    return quote(str(value), safe="")


def entity_url(entity_id: str) -> str:
    return "/entities/" + _segment(entity_id)


def article_url(article_id: str) -> str:
    return "/articles/" + _segment(article_id)


def event_url(event_id: str) -> str:
    return "/events/" + _segment(event_id)


def http_url(uri: str | None) -> str | None:
    """The URI if a browser may follow it (http or https); never ``javascript:`` and the like."""
    if not uri:
        return None
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    return uri if parts.scheme in ("http", "https") and parts.netloc else None


def outlet(uri: str | None, site_name: str | None = None) -> str:
    """How a reader names a source: the site's name, its host, or the file name."""
    if site_name:
        return site_name
    if not uri:
        return "unknown source"
    try:
        parts = urlsplit(uri)
    except ValueError:
        return uri
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname.removeprefix("www.")
    return parts.path.rsplit("/", 1)[-1] or uri


def date_label(date: str | None, approximate: bool = False) -> str:
    if not date:
        return "undated"
    return ("~" if approximate else "") + date


def label(value: str | None) -> str:
    """``agreement_treaty`` -> ``agreement treaty``."""
    return (value or "").replace("_", " ")


def marked(snippet: str) -> Markup:
    """A search snippet: escaped first, then its match markers turned into ``<mark>``."""
    text = str(escape(snippet))
    # Safe: the snippet is escaped; only the two marker characters become tags.
    return Markup(text.replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))  # noqa: S704


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        entity_url=entity_url,
        article_url=article_url,
        event_url=event_url,
        http_url=http_url,
        outlet=outlet,
        date_label=date_label,
        label=label,
        marked=marked,
    )
    env.globals.update(nav=NAV, version=__version__)
    return env


ENV = _environment()


def is_fragment(request: Request) -> bool:
    """An htmx request that swaps a part of the page (a history restore wants it whole)."""
    headers = request.headers
    return headers.get("hx-request") == "true" and headers.get("hx-history-restore-request") != (
        "true"
    )


def render(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    """A template as an HTML response with the security headers."""
    html = ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
