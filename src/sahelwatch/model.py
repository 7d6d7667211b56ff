"""The data model, as frozen dataclasses that every stage passes along.

Stages never mutate what they receive: ``clean`` turns a ``RawDocument`` into
an ``Article``, later stages add analyses beside it. Freezing makes the pure
stages safe to run in other processes and keeps the store the only place
where state changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

RemovalReason = Literal["teaser", "navigation", "references", "comments", "byline", "other"]
DateSource = Literal["metadata", "text", "inferred"]

#: Media types a reader may give a raw document; ``clean`` picks its path from them.
TEXT = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes exactly as read from a source, with where and when they were read.

    ``hints`` carries metadata the container printed next to the content (a
    JSONL record's ``title``, a feed entry's ``published`` date, an HTTP
    ``Content-Type`` charset, ...). A container's metadata is what its
    publisher declared, so cleaning takes a hinted title, author or date over
    what it would guess from the text, and reads the text only where no hint
    says.
    """

    uri: str
    content: bytes
    media_type: str
    fetched_at: datetime
    hints: Mapping[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True, slots=True)
class RemovedSegment:
    """Text that is on the page but not part of the article, kept with why it went."""

    text: str
    reason: RemovalReason


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: what a reader would call the story, plus its metadata.

    ``id`` derives from ``content_key`` (a hash of the normalized source text),
    so the same text read twice, from any path, is the same article.
    """

    id: str
    content_key: str
    source_uri: str
    title: str | None
    byline: str | None
    publication_date: str | None
    publication_date_source: DateSource | None
    lang: str
    body: str
    removed: tuple[RemovedSegment, ...] = ()
    dateline: str | None = None
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read, recorded instead of being lost."""

    input_name: str
    kind: str
    reason: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store knows it: the cleaned article plus corpus facts."""

    article: Article
    raw_sha256: str
    ingested_at: datetime
    duplicate_of: str | None
    pipeline_version: str
