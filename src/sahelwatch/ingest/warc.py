"""Web archives (WARC, optionally gzip-compressed): one document per HTML page.

Only successful HTML responses are articles; redirects, error pages,
requests, metadata and non-HTML payloads are skipped without a word, since
a crawl holds many of them by design. warcio reads a truncated archive
without complaint, so completeness is checked here: each record must be as
long as its Content-Length says, and a gzip stream must end where a member
ends. A truncated archive yields its whole records first, then fails.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final, Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from sahelwatch import model
from sahelwatch.errors import EmptyInput, InputError, MalformedInput, TooLarge

from .formats import split_content_type
from .limits import read_capped, too_large_reason
from .outcomes import Outcome, failure

_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC: Final = b"\x1f\x8b"
_CHUNK: Final = 1 << 20

GzipState = Literal["complete", "truncated", "corrupt"]


class _TruncatedRecord(Exception):
    """A record ended before its Content-Length: the archive was cut."""


def read_warc(
    name: str, uri: str, data: bytes, fetched_at: datetime, max_bytes: int
) -> Iterator[Outcome]:
    """HTML pages of the archive in ``data``; ``uri`` names records without a target URI."""
    gzip_state = gzip_stream_state(data) if data.startswith(_GZIP_MAGIC) else None
    damage = "truncated gzip stream" if gzip_state == "truncated" else "truncated archive"
    archive = ArchiveIterator(io.BytesIO(data))
    records = iter(archive)
    complete = 0
    produced = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as error:  # warcio raises many types for one cause: bad bytes
            if gzip_state == "truncated":  # the cut fell inside a record's headers
                raise MalformedInput(name, f"{damage} after {_records(complete)}") from error
            if complete == 0:
                raise MalformedInput(name, "not a WARC file") from error
            raise MalformedInput(
                name, f"malformed or truncated record after {_records(complete)}"
            ) from error
        if record.format != "warc":
            # warcio falls back to the older ARC format, whose header is any line of
            # five words: that is how an HTML page "parses". Only WARC is read here.
            if complete == 0:
                raise MalformedInput(name, "not a WARC file")
            if gzip_state == "truncated":
                raise MalformedInput(name, f"{damage} after {_records(complete)}")
            raise MalformedInput(name, f"malformed record after {_records(complete)}")
        try:
            outcome = _record_outcome(
                record,
                name=f"{name}:record {complete + 1}",
                fallback_uri=f"{uri}#record={complete + 1}",
                fetched_at=fetched_at,
                max_bytes=max_bytes,
            )
        except _TruncatedRecord:
            raise MalformedInput(name, f"{damage} after {_records(complete)}") from None
        complete += 1
        if outcome is not None:
            produced += 1
            yield outcome
    if gzip_state == "truncated":
        raise MalformedInput(name, f"truncated gzip stream after {_records(complete)}")
    if gzip_state == "corrupt":
        raise MalformedInput(name, f"corrupt gzip stream after {_records(complete)}")
    # warcio also stops without a word when a cut falls inside a record's
    # header block; the bytes after the last whole record give it away.
    end = archive.get_record_offset() + archive.get_record_length() if complete else 0
    if data[end:].strip():
        if complete == 0 and not data.startswith(b"WARC/"):
            raise MalformedInput(name, "not a WARC file")
        raise MalformedInput(name, f"{damage} after {_records(complete)}")
    if complete == 0:
        raise MalformedInput(name, "not a WARC file")
    if produced == 0:
        raise EmptyInput(
            name, f"no successful HTML response among the archive's {_records(complete)}"
        )


def gzip_stream_state(data: bytes) -> GzipState:
    """Whether ``data`` is whole gzip members end to end, without keeping the output.

    Output is produced in bounded pieces and dropped, so a compression bomb
    costs time but not memory.
    """
    rest = data
    while rest:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        try:
            while not decompressor.eof:
                produced = decompressor.decompress(pending, _CHUNK)
                pending = decompressor.unconsumed_tail
                if not produced and not pending:
                    break
        except zlib.error:
            return "corrupt"
        if not decompressor.eof:
            return "truncated"
        rest = decompressor.unused_data
    return "complete"


def _record_outcome(
    record: Any, *, name: str, fallback_uri: str, fetched_at: datetime, max_bytes: int
) -> Outcome | None:
    content_type = _html_content_type(record)
    body = b""
    if content_type is not None:
        body = read_capped(record.content_stream(), max_bytes)
    _drain(record)
    if content_type is None:
        return None
    try:
        if len(body) > max_bytes:
            raise TooLarge(name, too_large_reason(None, max_bytes, "the record's page"))
        if not body:
            raise EmptyInput(name, "the record's page is empty")
    except InputError as error:
        return failure(error, fetched_at)
    target = record.rec_headers.get_header("WARC-Target-URI")
    hints: dict[str, str] = {}
    if target:
        hints["url"] = str(target)
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        # When the page was crawled, not when it was published: kept apart so
        # cleaning never mistakes it for a publication date.
        hints["crawled_at"] = str(warc_date)
    _, charset = split_content_type(content_type)
    if charset:
        hints["charset"] = charset
    return model.RawDocument(
        uri=str(target) if target else fallback_uri,
        content=body,
        media_type=model.HTML,
        fetched_at=fetched_at,
        hints=hints,
    )


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of a successful HTML page in ``record``, else ``None``."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not str(http.get_statuscode() or "").startswith("2"):
            return None
        value = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        value = record.rec_headers.get_header("Content-Type")
    else:
        return None
    mime, _ = split_content_type(str(value) if value else None)
    return str(value) if mime in _HTML_TYPES else None


def _drain(record: Any) -> None:
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    # No LimitReader means no usable Content-Length, which every WARC record
    # has: the header block itself was cut short.
    if not isinstance(stream, LimitReader) or stream.limit > 0:
        raise _TruncatedRecord


def _records(count: int) -> str:
    return "1 record" if count == 1 else f"{count} records"
