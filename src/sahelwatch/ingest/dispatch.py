"""Send each source to the reader its format needs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sahelwatch import model
from sahelwatch.errors import UnsupportedInput

from .feeds import read_feed
from .files import file_uri, read_file_bytes
from .formats import PLAIN_MEDIA_TYPES, format_for_name, looks_like_feed
from .options import IngestOptions, Source
from .outcomes import Outcome
from .records import read_json, read_jsonl
from .warc import read_warc


def read_source(source: Source, options: IngestOptions) -> Iterator[Outcome]:
    """Documents of one source, and failures of its single bad records.

    A generator: nothing is read until it is iterated. A failure of the
    whole source is raised as an ``InputError`` naming ``source.name``,
    possibly after some documents were already yielded (a truncated
    archive yields its whole records first).
    """
    if source.kind == "url":
        # httpx takes a third of a second to import; a run over local files
        # (and the CLI's --help) should not pay for it.
        from .web import read_url

        yield from read_url(source, options)
        return
    fmt = format_for_name(Path(source.location).name)
    if fmt is None:
        raise UnsupportedInput(source.name, "unsupported file type")
    data = read_file_bytes(source, options.max_bytes)
    fetched_at = datetime.now(UTC)
    uri = file_uri(source.location)
    if fmt in PLAIN_MEDIA_TYPES and looks_like_feed(data):
        fmt = "feed"  # a feed saved as .txt or .html is still a feed
    if fmt == "json":
        yield from read_json(source.name, uri, data, fetched_at)
    elif fmt == "jsonl":
        yield from read_jsonl(source.name, uri, data, fetched_at)
    elif fmt == "feed":
        yield from read_feed(source.name, uri, data, fetched_at)
    elif fmt == "warc":
        yield from read_warc(source.name, uri, data, fetched_at, options.max_bytes)
    else:
        yield model.RawDocument(
            uri=uri, content=data, media_type=PLAIN_MEDIA_TYPES[fmt], fetched_at=fetched_at
        )
