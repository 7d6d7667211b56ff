"""``clean``: one raw document in, one article out, with nothing else touched.

Purity is what lets analysis fan out over processes and machines, so this
module reads no files, opens no database and keeps no state beyond compiled
patterns and the lazily built language detector. Precedence between sources
of metadata is fixed here, in one place: the container's hints (a feed's
title, a JSONL record's date) win, then the page's own metadata, then what
the text prints, then what can be inferred from the address.
"""

from __future__ import annotations

import hashlib
import re

from sahelwatch.clean.dates import date_from_url, normalize_date
from sahelwatch.clean.decode import decode_text
from sahelwatch.clean.html import Page, extract_page, sniff_charset
from sahelwatch.clean.lang import detect_language
from sahelwatch.clean.markdown import strip_markdown
from sahelwatch.clean.normalize import key_text, normalize_text
from sahelwatch.clean.text import TextStructure, parse_article
from sahelwatch.errors import EmptyInput
from sahelwatch.model import HTML, MARKDOWN, Article, DateSource, RawDocument

_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([\w.:\-]+)", re.I)
_ALNUM = re.compile(r"\w")


def content_key(raw: RawDocument) -> str:
    """Hex SHA-256 of the decoded text with layout normalized away.

    The same story saved under another name, with CRLF line ends or in
    Windows-1252 instead of UTF-8 gets the same key, hence the same article id.
    """
    return _key(_decode(raw))


def clean(raw: RawDocument) -> Article:
    """Turn a raw document into an article, or raise an ``InputError`` saying why not.

    ``BinaryInput`` for bytes that are not text, ``EmptyInput`` when no article
    text is left, ``MalformedInput`` for HTML without any text.
    """
    text = _decode(raw)
    if not text.strip():
        raise EmptyInput(raw.uri, "no text, only whitespace")
    key = _key(text)
    hints = {name: value.strip() for name, value in raw.hints.items() if value and value.strip()}
    if not hints.get("url", "https://").lower().startswith(("http://", "https://")):
        del hints["url"]  # a record's "javascript:" or "file:" address is no source to cite
    media = _media_type(raw.media_type)
    page: Page | None = None
    title_first = False
    if media == HTML:
        page = extract_page(text, input_name=raw.uri, url=hints.get("url"))
        text = page.text
    elif media == MARKDOWN:
        markdown = strip_markdown(text)
        text, title_first = markdown.text, markdown.title is not None
    text = normalize_text(text)
    page_title = page.title if page else None
    known_titles = [title for title in (hints.get("title"), page_title) if title]
    parts = parse_article(text, known_titles=known_titles, title_first=title_first)
    if not _ALNUM.search(parts.body):
        raise EmptyInput(raw.uri, "no article text left after cleaning")
    date, date_source = _publication_date(hints, page, parts, raw.uri)
    return Article(
        id=key[:16],
        content_key=key,
        source_uri=hints.get("url") or raw.uri,
        title=known_titles[0] if known_titles else parts.title,
        byline=hints.get("author") or (page.author if page else None) or parts.byline,
        publication_date=date,
        publication_date_source=date_source,
        lang=detect_language(parts.body),
        body=parts.body,
        removed=parts.removed + (page.dropped if page else ()),
        dateline=parts.dateline,
        site_name=hints.get("site_name") or (page.site_name if page else None) or parts.site_name,
    )


def _decode(raw: RawDocument) -> str:
    declared = raw.hints.get("charset") or _charset_param(raw.media_type)
    if declared is None and _media_type(raw.media_type) == HTML:
        declared = sniff_charset(raw.content)
    return decode_text(raw.content, declared=declared, input_name=raw.uri)


def _key(text: str) -> str:
    return hashlib.sha256(key_text(text).encode("utf-8")).hexdigest()


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _charset_param(media_type: str) -> str | None:
    found = _CHARSET_PARAM.search(media_type)
    return found[1] if found else None


def _publication_date(
    hints: dict[str, str], page: Page | None, parts: TextStructure, uri: str
) -> tuple[str | None, DateSource | None]:
    """Date and where it came from, by the module's precedence."""
    for value in (hints.get("date"), page.date if page else None):
        iso = normalize_date(value) if value else None
        if iso is not None:
            return iso, "metadata"
    if parts.date is not None:
        return parts.date.iso, "text"
    for address in (hints.get("url"), uri):
        iso = date_from_url(address) if address else None
        if iso is not None:
            return iso, "inferred"
    return None, None
