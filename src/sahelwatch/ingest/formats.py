"""Which reader a file needs, decided from its name and, for feeds, its first bytes.

The suffix decides because users name their files on purpose; sniffing is
only a fallback for feeds saved as ``.txt`` or ``.html``, which happens when
a browser "saves page" on a feed URL.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Final, Literal

from sahelwatch import model

Format = Literal["text", "markdown", "html", "json", "jsonl", "feed", "warc"]

_BY_SUFFIX: Final[dict[str, Format]] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}

#: Suffixes ``expand_targets`` takes from inside a directory, for messages and docs.
SUPPORTED_SUFFIXES: Final[tuple[str, ...]] = (*sorted(_BY_SUFFIX), ".warc.gz")

#: Formats whose bytes are one document, and the media type ``clean`` reads them as.
PLAIN_MEDIA_TYPES: Final[dict[Format, str]] = {
    "text": model.TEXT,
    "markdown": model.MARKDOWN,
    "html": model.HTML,
}

# A feed's root element, after whatever an XML prologue may hold: BOM, blank
# space, the XML declaration, stylesheet instructions, comments, a DOCTYPE.
_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE,
)
_SNIFF_BYTES: Final = 4096


def format_for_name(name: str) -> Format | None:
    """The format a file name promises, or ``None`` when sahelwatch does not read it."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc"
    return _BY_SUFFIX.get(PurePath(lower).suffix)


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document."""
    return _FEED_ROOT.match(data[:_SNIFF_BYTES]) is not None


def split_content_type(value: str | None) -> tuple[str, str | None]:
    """``"text/html; charset=ISO-8859-1"`` → ``("text/html", "iso-8859-1")``.

    The charset is only passed on as a hint: ``clean`` decides the encoding,
    because servers and archives get it wrong often enough.
    """
    if not value:
        return "", None
    mime, _, params = value.partition(";")
    charset: str | None = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").lower() or None
    return mime.strip().lower(), charset
