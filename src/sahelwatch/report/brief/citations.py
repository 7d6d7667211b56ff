"""Numbered citations that always resolve to a sentence stored in an article body.

A briefing is only as trustworthy as its footnotes: each ``[n]`` must lead to
the exact stored sentence, so a reader (or the web app) can open the article
at ``body[start:end]`` and read it in context. The registry therefore checks
every span against the body before numbering it, repairs offsets that drifted
from the evidence text, and refuses a citation it cannot verify rather than
print a footnote that points nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from sahelwatch.report.brief import wording
from sahelwatch.report.brief.corpus import ArticleInfo, Corpus


@dataclass(frozen=True, slots=True)
class Citation:
    number: int
    article: str
    start: int
    end: int
    sentence: str
    title: str
    outlet: str
    uri: str
    date: str | None
    lang: str

    @property
    def origin(self) -> str:
        """Outlet and publication date, leaving out an outlet that only repeats the title."""
        parts = [] if self.outlet == self.title else [self.outlet]
        if self.date:
            parts.append(wording.date_phrase(self.date))
        return ", ".join(parts)

    @property
    def link(self) -> str | None:
        """The source as a link target, only for web addresses.

        A ``source_uri`` is untrusted text: a ``javascript:`` or ``data:`` URI
        must never become a clickable link, and ``file:`` URIs mean nothing on
        the reader's machine.
        """
        return self.uri if self.uri.lower().startswith(("http://", "https://")) else None


def locate(body: str, start: int, end: int, expected: str | None) -> tuple[int, int] | None:
    """The span of the cited sentence in ``body``, or None when it is not there.

    The stored span is trusted when it holds exactly the expected text; when
    it does not (offsets of an older analysis, a sentence trimmed afterwards),
    the expected text is looked for, first inside the span, then anywhere.
    Without expected text the span itself is the sentence.
    """
    valid = 0 <= start < end <= len(body)
    wanted = expected.strip() if expected else ""
    if not wanted:
        return (start, end) if valid and body[start:end].strip() else None
    if valid and body[start:end] == wanted:
        return start, end
    found = body.find(wanted, start, end) if valid else -1
    if found < 0:
        found = body.find(wanted)
    if found >= 0:
        return found, found + len(wanted)
    return None


class CitationRegistry:
    """Hands out citation numbers in reading order, one number per sentence."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._by_span: dict[tuple[str, int, int], Citation] = {}

    def cite(
        self, article_id: str, start: int, end: int, expected: str | None = None
    ) -> Citation | None:
        article = self._corpus.articles.get(article_id)
        if article is None:
            return None
        span = locate(article.body, start, end, expected)
        if span is None:
            return None
        key = (article_id, *span)
        if key not in self._by_span:
            self._by_span[key] = self._make(len(self._by_span) + 1, article, *span)
        return self._by_span[key]

    def _make(self, number: int, article: ArticleInfo, start: int, end: int) -> Citation:
        return Citation(
            number=number,
            article=article.id,
            start=start,
            end=end,
            sentence=article.body[start:end],
            title=article.label,
            outlet=article.outlet,
            uri=article.uri,
            date=article.publication_date,
            lang=article.lang,
        )

    @property
    def citations(self) -> list[Citation]:
        return sorted(self._by_span.values(), key=lambda c: c.number)
