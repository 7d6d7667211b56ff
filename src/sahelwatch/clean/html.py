"""Article text and metadata out of an HTML page, via trafilatura.

trafilatura is good at finding the story in a page but silent about what it
left out; analysts want to see that too ("why is this paragraph missing?").
So the page is parsed once here, its visible text blocks are listed with the
kind of container they sit in (nav, footer, comments, related box), and the
blocks absent from the extracted text are reported as removed segments, capped
so a mega-menu cannot bloat the store. Broken markup never raises from lxml:
it recovers, and only a page with no words at all is malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import lxml.html
from lxml import etree

from sahelwatch.clean.boilerplate import section_opener, single_line_reason
from sahelwatch.clean.bylines import header_byline
from sahelwatch.clean.lines import wordset
from sahelwatch.errors import MalformedInput
from sahelwatch.model import RemovalReason, RemovedSegment

#: Caps on what is kept of the page outside the article.
MAX_DROPPED = 100
MAX_DROPPED_CHARS = 20_000
MAX_SEGMENT_CHARS = 500

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)
_SKIP = wordset(
    "script style noscript template svg math head iframe object embed canvas select option "
    "button title"
)
_BLOCK = wordset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 td th tr table thead tbody tfoot section article header "
    "footer nav aside main blockquote figcaption figure dd dt dl pre form br hr address "
    "caption label details summary center menu"
)
_CONTEXT_TAGS: dict[str, RemovalReason] = {
    "nav": "navigation",
    "header": "navigation",
    "footer": "navigation",
    "aside": "teaser",
    "form": "navigation",
}
_CONTEXT_ATTRS: tuple[tuple[re.Pattern[str], RemovalReason], ...] = (
    (re.compile(r"comment|disqus|respond|reply|reaction", re.I), "comments"),
    (
        re.compile(
            r"related|recommend|more-?(?:stories|news|articles)|teaser|read-?more|popular|trending"
            r"|most-?read|outbrain|taboola|promo|also",
            re.I,
        ),
        "teaser",
    ),
    (re.compile(r"\bref(?:erence)?s?\b|bibliograph|citation|footnote", re.I), "references"),
    (
        re.compile(
            r"nav|menu|breadcrumb|footer|header|share|social|cookie|consent|gdpr|newsletter|subscribe"
            r"|sidebar|banner|masthead|toolbar|pagination|\btags?\b|widget|\bad(?:s|vert)?\b",
            re.I,
        ),
        "navigation",
    ),
)
_SPACE = re.compile(r"\s+")
_ALNUM = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page gives: the article text (one block a line) and its metadata."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    site_name: str | None
    dropped: tuple[RemovedSegment, ...]


def sniff_charset(content: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top."""
    found = _META_CHARSET.search(content[:4096])
    return found[1].decode("ascii", "replace") if found else None


def extract_page(html: str, *, input_name: str, url: str | None = None) -> Page:
    """Extract the article of an HTML page; ``MalformedInput`` if it has no text at all."""
    tree = _parse(html, input_name)
    blocks = _visible_blocks(tree)
    document = _extract(tree, url)
    text = (document.get("text") or "").strip() if document else ""
    if not _ALNUM.search(text):
        text = "\n".join(block for block, context in blocks if context is None)
    if not _ALNUM.search(text):
        raise MalformedInput(input_name, "HTML without any article text")
    meta = document or {}
    title, author = _clean(meta.get("title")), _clean(meta.get("author"))
    return Page(
        text=text,
        title=title,
        author=author,
        date=_clean(meta.get("date")),
        site_name=_clean(meta.get("sitename")),
        dropped=_dropped(blocks, text, {title, author}),
    )


def _parse(html: str, input_name: str) -> Any:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise MalformedInput(input_name, f"HTML that cannot be parsed ({error})") from None


@cache
def _trafilatura() -> Any:
    """Imported on first use, so commands that never see HTML do not pay for it."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return trafilatura, config


def _extract(tree: Any, url: str | None) -> dict[str, Any] | None:
    """trafilatura's view of the page; None when it finds no main text."""
    trafilatura, config = _trafilatura()
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=config,
    )
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _context(element: Any, inherited: RemovalReason | None) -> RemovalReason | None:
    """The kind of page furniture an element is, judged from its tag, class and id."""
    if inherited is not None:
        return inherited
    tag = element.tag
    if tag in _CONTEXT_TAGS:
        return _CONTEXT_TAGS[tag]
    marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    if marks.strip():
        for pattern, reason in _CONTEXT_ATTRS:
            if pattern.search(marks):
                return reason
    return None


def _visible_blocks(root: Any) -> list[tuple[str, RemovalReason | None]]:
    """The page's visible text, one entry per block, with its container's kind.

    Iterative, because garbage markup can nest deeper than Python recurses.
    """
    blocks: list[tuple[str, RemovalReason | None]] = []
    buffer: list[str] = []
    buffered: list[RemovalReason | None] = [None]

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if _ALNUM.search(text):
            blocks.append((text, buffered[0]))

    def add(text: str | None, context: RemovalReason | None) -> None:
        if not text:
            return
        if buffer and context != buffered[0]:
            flush()
        buffered[0] = context
        buffer.append(text)

    body = root.find("body")
    stack: list[tuple[Any, RemovalReason | None, RemovalReason | None, bool]] = [
        (body if body is not None else root, None, None, False)
    ]
    while stack:
        element, context, parent, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                flush()
            add(element.tail, parent)
            continue
        if not tag or tag in _SKIP:
            add(element.tail, parent)
            continue
        own = _context(element, context)
        if tag in _BLOCK:
            flush()
        add(element.text, own)
        stack.append((element, own, parent, True))
        stack.extend((child, own, own, False) for child in reversed(element))
    flush()
    return blocks


def _dropped(
    blocks: list[tuple[str, RemovalReason | None]], text: str, metadata: set[str | None]
) -> tuple[RemovedSegment, ...]:
    """Visible page blocks that are not in the extracted text, with why they are not article."""
    kept = _SPACE.sub(" ", text).casefold()
    skip = {_SPACE.sub(" ", m).casefold() for m in metadata if m}
    out: list[RemovedSegment] = []
    seen: set[str] = set()
    total = 0
    for block, context in blocks:
        key = block.casefold()
        if key in seen or key in skip or key in kept:
            continue
        seen.add(key)
        reason = (
            single_line_reason(block)
            or section_opener(block)
            or ("byline" if header_byline(block) else None)
            or context
            or "other"
        )
        segment = block if len(block) <= MAX_SEGMENT_CHARS else block[: MAX_SEGMENT_CHARS - 1] + "…"
        out.append(RemovedSegment(segment, reason))
        total += len(segment)
        if len(out) >= MAX_DROPPED or total >= MAX_DROPPED_CHARS:
            break
    return tuple(out)
