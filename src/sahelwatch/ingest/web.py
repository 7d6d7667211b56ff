"""http(s) URLs: fetch through the guarded ``Fetcher``, then read the body by its type.

The Content-Type decides, because a URL's path says nothing reliable about
what it serves; a type nothing here reads is refused before its body is
downloaded. A body with no Content-Type is sniffed for a feed or an HTML page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Final

import httpx

from sahelwatch import model
from sahelwatch.errors import EmptyInput, UnsupportedInput

from .feeds import read_feed
from .fetcher import Fetcher
from .formats import looks_like_feed, split_content_type
from .options import IngestOptions, Source
from .outcomes import Outcome

_FEED_TYPES: Final = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
_DOCUMENT_TYPES: Final[dict[str, str]] = {
    "text/html": model.HTML,
    "application/xhtml+xml": model.HTML,
    "text/plain": model.TEXT,
    "text/markdown": model.MARKDOWN,
    "text/x-markdown": model.MARKDOWN,
}
_ACCEPT: Final = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, text/markdown;q=0.8"
)


def read_url(
    source: Source, options: IngestOptions, *, transport: httpx.BaseTransport | None = None
) -> Iterator[Outcome]:
    """The document (or feed entries) at ``source.location``.

    ``transport`` replaces the network in tests; the address checks still run.
    """
    with Fetcher(source.name, options, transport=transport) as fetcher:
        fetched = fetcher.get(
            source.location,
            accept=_ACCEPT,
            check_type=_type_checker(source.name),
            max_bytes=options.max_bytes,
        )
    fetched_at = datetime.now(UTC)
    if not fetched.body:
        raise EmptyInput(source.name, "the response body is empty")
    mime, charset = split_content_type(fetched.content_type)
    if mime in _FEED_TYPES or looks_like_feed(fetched.body):
        yield from read_feed(
            source.name, fetched.url, fetched.body, fetched_at, base_url=fetched.url
        )
        return
    media_type = _DOCUMENT_TYPES.get(mime) or (_sniff_html(fetched.body) if not mime else None)
    if media_type is None:
        raise UnsupportedInput(source.name, "no Content-Type, and the body is not HTML or a feed")
    hints = {"url": fetched.url}
    if charset:
        hints["charset"] = charset
    yield model.RawDocument(
        uri=fetched.url,
        content=fetched.body,
        media_type=media_type,
        fetched_at=fetched_at,
        hints=hints,
    )


def _type_checker(name: str) -> Callable[[str], None]:
    def check(content_type: str) -> None:
        mime, _ = split_content_type(content_type)
        if mime and mime not in _FEED_TYPES and mime not in _DOCUMENT_TYPES:
            raise UnsupportedInput(name, f"unsupported content type {mime}")

    return check


def _sniff_html(body: bytes) -> str | None:
    head = body[:1024].lstrip().lower()
    return model.HTML if head.startswith((b"<!doctype html", b"<html")) else None
