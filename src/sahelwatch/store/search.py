"""Full-text search over articles: the user's words made safe for FTS5, ranked and filtered.

What a user types is never handed to FTS5 as syntax. ``match_expression``
reads it as words, ``"quoted phrases"`` and ``prefix*`` terms and writes each
one as an FTS5 string, so operators (``AND``, ``NEAR(``, ``-``, ``col:``) are
searched for as words and no input can raise an FTS5 syntax error; all terms
must match. The index is maintained by triggers (migration 0005), so a search
always sees what ``articles`` holds.

Snippets mark matches with the private-use characters U+E000 (start) and
U+E001 (end) instead of markup: a caller escapes the text for its medium and
then turns the markers into ``<mark>``, bold, or nothing. The same characters
printed in an article are replaced by U+FFFD, so only real matches are marked.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, Integer, column, exists, func, literal_column, select, table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import ColumnClause

from sahelwatch.errors import StoreError, UsageError
from sahelwatch.store import schema as t

#: Start and end of a match inside ``SearchHit.snippet``.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
#: More words than this is a pasted paragraph, not a query; it would match nothing anyway.
MAX_WORDS = 64
#: bm25 weights of the indexed columns (title, body, byline, site_name): a title match
#: says more about what an article is about than one in the tenth paragraph.
WEIGHTS = (10.0, 1.0, 2.0, 2.0)
#: Tokens of context in a snippet (FTS5 allows at most 64).
SNIPPET_TOKENS = 24
ELLIPSIS = "…"
_MARKERS = frozenset((HIGHLIGHT_START, HIGHLIGHT_END))
# Characters the database driver or the FTS5 parser choke on (NUL ends an FTS5 string,
# lone surrogates cannot be encoded) and that the tokenizer ignores anyway.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn"})

_index = table(t.SEARCH_INDEX, column("rowid", Integer))
# The column named like the table: what MATCH, bm25() and snippet() take.
_index_column: ColumnClause[Any] = literal_column(t.SEARCH_INDEX)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article, with why it matched.

    ``snippet`` is article text, untrusted, with matches between
    ``HIGHLIGHT_START`` and ``HIGHLIGHT_END``; ``score`` is the negated bm25
    rank, so higher is better (comparable within one search only).
    """

    article_id: str
    title: str | None
    source: str | None
    source_uri: str
    publication_date: str | None
    lang: str
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of hits, best first, and how many articles match in all."""

    total: int
    hits: tuple[SearchHit, ...]


def _is_token_char(char: str) -> bool:
    """What FTS5's unicode61 tokenizer keeps in a token: letters, digits, marks, private use."""
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def _shown(query: str) -> str:
    text = " ".join(query.split())
    return repr(text if len(text) <= 40 else text[:40] + ELLIPSIS)


def _terms(query: str) -> list[tuple[str, bool]]:
    """``(text, is_prefix)`` per word or quoted phrase, without the ones FTS5 would ignore."""
    text = "".join(" " if unicodedata.category(c) in _DROPPED_CATEGORIES else c for c in query)
    text = unicodedata.normalize("NFC", text)
    terms: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        if text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end  # an unclosed quote runs to the end
            body, i = text[i + 1 : end], end + 1
            prefix = i < n and text[i] == "*"
            while i < n and text[i] == "*":
                i += 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            word, i = text[i:end], end
            body = word.rstrip("*")
            prefix = body != word
        if any(_is_token_char(c) for c in body):
            terms.append((body, prefix))
    return terms


def _word_count(text: str) -> int:
    runs, inside = 0, False
    for char in text:
        token = _is_token_char(char)
        runs += token and not inside
        inside = token
    return runs


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed: every term quoted, all required.

    Supports ``"quoted phrases"`` and a trailing ``*`` for a prefix; everything
    else is a word to find, whatever it looks like. Raises ``UsageError`` when
    nothing searchable is left or the query has more than ``MAX_WORDS`` words.
    """
    terms = _terms(query)
    if not terms:
        raise UsageError(
            f"search {_shown(query)}: nothing to search for; "
            'type words, a "quoted phrase" or a prefix*'
        )
    words = sum(_word_count(body) for body, _ in terms)
    if words > MAX_WORDS:
        raise UsageError(
            f"search {_shown(query)}: too many words ({words}); use at most {MAX_WORDS}"
        )
    return " ".join(
        '"' + body.replace('"', '""') + '"' + ("*" if prefix else "") for body, prefix in terms
    )


def highlight_spans(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without markers, and ``(start, end)`` character offsets of its matches."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    size = 0
    for char in snippet:
        if char == HIGHLIGHT_START:
            start = size
        elif char == HIGHLIGHT_END:
            if start is not None and size > start:
                spans.append((start, size))
            start = None
        else:
            plain.append(char)
            size += 1
    return "".join(plain), tuple(spans)


def _own_markers_replaced(marked: str, plain: str) -> str:
    """``marked`` with marker characters that came from the article replaced by U+FFFD.

    ``plain`` is the same snippet computed without markers: walking both, a
    character of ``marked`` that is not the next one of ``plain`` was inserted
    by ``snippet()``.
    """
    out: list[str] = []
    j = 0
    for char in marked:
        if j < len(plain) and char == plain[j]:
            out.append("\ufffd" if char in _MARKERS else char)
            j += 1
        elif char in _MARKERS:
            out.append(char)
        else:  # pragma: no cover - snippet() picks the same fragment whatever the markers
            return "".join("\ufffd" if c in _MARKERS else c for c in plain)
    return "".join(out)


def _outlet(site_name: str | None, source_uri: str) -> str | None:
    """How a reader names where an article came from: its site, else its web host."""
    if site_name:
        return site_name
    if source_uri.startswith(("http://", "https://")):
        host = urlsplit(source_uri).hostname
        return host.removeprefix("www.") if host else None
    return None


class SearchQueries:
    """Mixed into ``Store``: full-text search over the article index."""

    engine: Engine

    def search_articles(
        self,
        query: str,
        *,
        entity: str | None = None,
        entity_type: str | None = None,
        event_type: str | None = None,
        language: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Articles matching ``query`` (see ``match_expression``), best first.

        ``entity`` is an entity id: only articles with a mention resolved to
        it. ``entity_type`` keeps articles mentioning at least one entity of
        that type, ``event_type`` those with an event of that type; the values
        are compared as given (the ``Workspace`` checks them).
        """
        if limit < 1 or offset < 0:
            raise UsageError(f"limit {limit}, offset {offset}: need limit >= 1 and offset >= 0")
        if self.engine.dialect.name != "sqlite":
            raise StoreError(f"{self.engine.url!r}: full-text search needs SQLite")
        articles = t.articles
        where: list[Any] = [_index_column.op("MATCH")(match_expression(query))]
        if language:
            where.append(articles.c.lang == language)
        if entity:
            where.append(
                exists().where(
                    t.mentions.c.article_id == articles.c.id, t.mentions.c.entity_id == entity
                )
            )
        if entity_type:
            where.append(
                exists()
                .select_from(t.mentions.join(t.entities, t.entities.c.id == t.mentions.c.entity_id))
                .where(t.mentions.c.article_id == articles.c.id, t.entities.c.type == entity_type)
            )
        if event_type:
            where.append(
                exists().where(
                    t.events.c.article_id == articles.c.id, t.events.c.type == event_type
                )
            )
        joined = _index.join(articles, articles.c.document_id == _index.c.rowid)
        rank = func.bm25(_index_column, *WEIGHTS)
        hits = (
            select(
                articles.c.id,
                articles.c.title,
                articles.c.site_name,
                articles.c.source_uri,
                articles.c.publication_date,
                articles.c.lang,
                func.snippet(
                    _index_column, -1, HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS, SNIPPET_TOKENS
                ).label("marked"),
                func.snippet(_index_column, -1, "", "", ELLIPSIS, SNIPPET_TOKENS).label("plain"),
                rank.label("rank"),
            )
            .select_from(joined)
            .where(*where)
            .order_by(rank, articles.c.document_id)
            .limit(limit)
            .offset(offset)
        )
        count = select(func.count()).select_from(joined).where(*where)
        try:
            with self.engine.connect() as conn:
                total = int(conn.execute(count).scalar_one())
                rows = conn.execute(hits).all() if total > offset else []
        except SQLAlchemyError as exc:
            raise StoreError(f"search {_shown(query)}: the search index failed ({exc})") from exc
        return SearchResults(
            total=total,
            hits=tuple(
                SearchHit(
                    article_id=row.id,
                    title=row.title,
                    source=_outlet(row.site_name, row.source_uri),
                    source_uri=row.source_uri,
                    publication_date=row.publication_date,
                    lang=row.lang,
                    snippet=_own_markers_replaced(row.marked or "", row.plain or ""),
                    score=-float(row.rank),
                )
                for row in rows
            ),
        )
