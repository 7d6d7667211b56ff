"""RSS 1.0/2.0 and Atom feeds: one document per entry.

feedparser is lenient on purpose (real feeds are often slightly broken), so
an entry it recovers from a not-quite-XML feed still counts; only a feed
that yields no entry at all is refused. Entries carry the feed's own
metadata as hints: a feed's ``published`` date is usually the most reliable
date an article will ever have.
"""

from __future__ import annotations

import io
import time
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from sahelwatch import model
from sahelwatch.errors import EmptyInput, InputError, MalformedInput

from .outcomes import Outcome, failure


def read_feed(
    name: str,
    uri: str,
    data: bytes,
    fetched_at: datetime,
    *,
    base_url: str | None = None,
) -> Iterator[Outcome]:
    """Entries of the feed in ``data``; ``uri`` + ``#entry=N`` names entry N (from 1).

    ``base_url`` is where the feed was fetched from, so relative links in
    entries resolve; a file has none.
    """
    headers = {"content-location": base_url} if base_url else {}
    try:
        # BytesIO, never a str: feedparser treats a string as a URL or a path to open.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as error:  # feedparser promises not to raise; if it does, it is the input
        raise MalformedInput(name, f"not an RSS or Atom feed ({_one_line(error)})") from error
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            detail = _bozo_reason(parsed.get("bozo_exception"))
            raise MalformedInput(name, f"not an RSS or Atom feed ({detail})")
        if not parsed.get("version"):
            raise MalformedInput(name, "not an RSS or Atom feed")
        raise EmptyInput(name, "the feed has no entries")
    feed_info: dict[str, Any] = parsed.get("feed") or {}
    site_name = _text(feed_info, "title")
    for number, entry in enumerate(entries, start=1):
        try:
            document = _entry_document(
                entry,
                name=f"{name}:entry {number}",
                uri=f"{uri}#entry={number}",
                fetched_at=fetched_at,
                site_name=site_name,
            )
        except InputError as error:
            yield failure(error, fetched_at)
        else:
            yield document


def _entry_document(
    entry: dict[str, Any],
    *,
    name: str,
    uri: str,
    fetched_at: datetime,
    site_name: str | None,
) -> model.RawDocument:
    # dict.get, not entry.get: FeedParserDict maps a missing "updated" onto
    # "published" with a DeprecationWarning, and the two must stay apart here.
    body, content_type = _body(entry)
    if body is None:
        raise EmptyInput(name, "entry has neither content nor summary")
    hints = {"charset": "utf-8"}
    for hint, value in (
        ("title", _text(entry, "title")),
        ("url", _text(entry, "link")),
        ("date", _iso_date(entry)),
        ("author", _text(entry, "author")),
        ("site_name", site_name),
    ):
        if value:
            hints[hint] = value
    return model.RawDocument(
        uri=uri,
        content=body.encode("utf-8", "replace"),
        media_type=model.TEXT if content_type == "text/plain" else model.HTML,
        fetched_at=fetched_at,
        hints=hints,
    )


def _body(entry: dict[str, Any]) -> tuple[str | None, str]:
    """The fullest text the entry has: its content, else its summary."""
    for content in dict.get(entry, "content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value, str(content.get("type") or "text/html")
    summary = dict.get(entry, "summary")
    if isinstance(summary, str) and summary.strip():
        detail = dict.get(entry, "summary_detail") or {}
        return summary, str(detail.get("type") or "text/html")
    return None, ""


def _iso_date(entry: dict[str, Any]) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return None


def _text(mapping: dict[str, Any], key: str) -> str | None:
    value = dict.get(mapping, key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _bozo_reason(error: object) -> str:
    if isinstance(error, xml.sax.SAXParseException):
        # No line number: feedparser rewrites the prologue, so expat's count is off.
        return f"not well-formed XML: {error.getMessage()}"
    return _one_line(error) if error is not None else "unreadable"


def _one_line(error: object) -> str:
    return " ".join(str(error).split()) or type(error).__name__
