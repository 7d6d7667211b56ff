"""Read sources (files, directories, globs, feeds, web archives, URLs) into raw documents.

Ingest keeps bytes exactly as read; it opens containers (JSON, JSONL,
feeds, WARC) only to find the documents inside and leaves decoding and
cleaning to ``clean``. Nothing is lost silently: a source that cannot be
read raises an ``InputError`` naming it, and a bad record inside a good
container is yielded as an ``IngestFailure`` while its siblings go on.

    sources, errors = expand_targets(["examples/", "https://example.org/feed.xml"])
    for source in sources:
        try:
            for item in read_source(source, IngestOptions()):
                ...  # RawDocument or IngestFailure
        except InputError as error:
            ...  # the whole source failed: str(error) is "name: reason"
"""

from __future__ import annotations

from .dispatch import read_source
from .formats import SUPPORTED_SUFFIXES
from .options import DEFAULT_USER_AGENT, IngestOptions, Source
from .sources import expand_targets

__all__ = [
    "DEFAULT_USER_AGENT",
    "SUPPORTED_SUFFIXES",
    "IngestOptions",
    "Source",
    "expand_targets",
    "read_source",
]
