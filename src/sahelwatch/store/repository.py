"""Every SQL statement sahelwatch runs lives here, behind the ``Store`` methods.

Writes of one document happen in one transaction (``add_article``), so a
process killed at any instant leaves each document either fully stored or not
at all; running the same ingest again then stores the missing ones exactly
once, because ``documents.content_key`` is unique.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, Row, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from sahelwatch.errors import StoreError
from sahelwatch.model import (
    Article,
    DateSource,
    IngestFailure,
    RawDocument,
    RemovalReason,
    RemovedSegment,
    StoredArticle,
)
from sahelwatch.store import schema as t
from sahelwatch.store.browse import BrowseQueries
from sahelwatch.store.database import create_database_engine, migrate
from sahelwatch.store.knowledge import EventQueries, KnowledgeQueries
from sahelwatch.store.search import SearchQueries


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of an article listing: enough to choose which to open."""

    id: str
    title: str | None
    lang: str
    publication_date: str | None
    source_uri: str
    words: int
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Counts a user checks after an ingest."""

    documents: int
    articles: int
    near_duplicates: int
    removed_segments: int
    open_failures: int
    by_lang: dict[str, int]
    by_removal_reason: dict[str, int]
    dated_articles: int
    words: int


@dataclass(frozen=True, slots=True)
class Signature:
    """A stored MinHash signature, for rebuilding the near-duplicate index."""

    article_id: str
    minhash: bytes
    publication_date: str | None
    duplicate_of: str | None


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Store(KnowledgeQueries, EventQueries, BrowseQueries, SearchQueries):
    """The database of one workspace."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_database_engine(url)
        self.revision = migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writes -------------------------------------------------------------

    def find_by_content_key(self, content_key: str) -> str | None:
        """The id of the article already stored for this content, if any."""
        query = (
            select(t.articles.c.id)
            .join(t.documents, t.documents.c.id == t.articles.c.document_id)
            .where(t.documents.c.content_key == content_key)
        )
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one_or_none()

    def note_source(self, article_id: str, uri: str, *, input_name: str) -> None:
        """Remember another place the same content was read from."""
        doc_id = select(t.articles.c.document_id).where(t.articles.c.id == article_id)
        with self.engine.begin() as conn:
            document_id = conn.execute(doc_id).scalar_one()
            exists = conn.execute(
                select(t.document_sources.c.id).where(
                    t.document_sources.c.document_id == document_id,
                    t.document_sources.c.uri == uri,
                )
            ).first()
            if exists is None:
                conn.execute(
                    insert(t.document_sources).values(
                        document_id=document_id, uri=uri, seen_at=_now()
                    )
                )
            self._resolve_failures(conn, input_name)

    def add_article(
        self,
        raw: RawDocument,
        article: Article,
        *,
        minhash: bytes | None,
        duplicate_of: str | None,
        pipeline_version: str,
        input_name: str,
    ) -> bool:
        """Store a raw document and its article atomically; False if it was already there."""
        now = _now()
        try:
            with self.engine.begin() as conn:
                document_id = conn.execute(
                    insert(t.documents)
                    .values(
                        content_key=article.content_key,
                        sha256=raw.sha256,
                        uri=raw.uri,
                        media_type=raw.media_type,
                        hints=json.dumps(dict(raw.hints), ensure_ascii=False, sort_keys=True),
                        content=raw.content,
                        fetched_at=raw.fetched_at,
                    )
                    .returning(t.documents.c.id)
                ).scalar_one()
                conn.execute(
                    insert(t.document_sources).values(
                        document_id=document_id, uri=raw.uri, seen_at=now
                    )
                )
                conn.execute(
                    insert(t.articles).values(
                        id=article.id,
                        document_id=document_id,
                        source_uri=article.source_uri,
                        title=article.title,
                        byline=article.byline,
                        publication_date=article.publication_date,
                        publication_date_source=article.publication_date_source,
                        lang=article.lang,
                        body=article.body,
                        dateline=article.dateline,
                        site_name=article.site_name,
                        duplicate_of=duplicate_of,
                        minhash=minhash,
                        pipeline_version=pipeline_version,
                        ingested_at=now,
                    )
                )
                if article.removed:
                    conn.execute(
                        insert(t.removed_segments),
                        [
                            {
                                "article_id": article.id,
                                "position": i,
                                "reason": seg.reason,
                                "text": seg.text,
                            }
                            for i, seg in enumerate(article.removed)
                        ],
                    )
                self._resolve_failures(conn, input_name)
        except IntegrityError as exc:
            # Another process stored the same content between our check and now.
            if self.find_by_content_key(article.content_key) is not None:
                return False
            raise StoreError(f"{input_name}: could not store the article ({exc.orig})") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"{input_name}: could not store the article ({exc})") from exc
        return True

    def repoint_duplicates(self, old_root: str, new_root: str) -> None:
        """Make ``new_root`` (an earlier article) the original of ``old_root``'s group."""
        with self.engine.begin() as conn:
            conn.execute(
                update(t.articles)
                .where((t.articles.c.duplicate_of == old_root) | (t.articles.c.id == old_root))
                .values(duplicate_of=new_root)
            )

    def record_failure(self, failure: IngestFailure) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.ingest_failures).values(
                    input_name=failure.input_name,
                    kind=failure.kind,
                    reason=failure.reason,
                    occurred_at=failure.occurred_at,
                )
            )

    @staticmethod
    def _resolve_failures(conn: Any, input_name: str) -> None:
        conn.execute(
            update(t.ingest_failures)
            .where(
                t.ingest_failures.c.input_name == input_name,
                t.ingest_failures.c.resolved_at.is_(None),
            )
            .values(resolved_at=_now())
        )

    # -- reads --------------------------------------------------------------

    def signatures(self) -> Iterator[Signature]:
        query = (
            select(
                t.articles.c.id,
                t.articles.c.minhash,
                t.articles.c.publication_date,
                t.articles.c.duplicate_of,
            )
            .where(t.articles.c.minhash.is_not(None))
            .order_by(t.articles.c.document_id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield Signature(row.id, row.minhash, row.publication_date, row.duplicate_of)

    def list_articles(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        lang: str | None = None,
        ids: Collection[str] | None = None,
    ) -> list[ArticleSummary]:
        words = func.length(t.articles.c.body) - func.length(
            func.replace(t.articles.c.body, " ", "")
        )
        query = (
            select(
                t.articles.c.id,
                t.articles.c.title,
                t.articles.c.lang,
                t.articles.c.publication_date,
                t.articles.c.source_uri,
                (words + 1).label("words"),
                t.articles.c.duplicate_of,
            )
            .order_by(t.articles.c.document_id)
            .offset(offset)
        )
        if lang:
            query = query.where(t.articles.c.lang == lang)
        if ids is not None:
            query = query.where(t.articles.c.id.in_(sorted(ids)))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [ArticleSummary(*row) for row in conn.execute(query)]

    def resolve_article_id(self, prefix: str) -> list[str]:
        """Article ids starting with ``prefix`` (users type short ids)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (
            select(t.articles.c.id)
            .where(t.articles.c.id.like(f"{escaped}%", escape="\\"))
            .order_by(t.articles.c.id)
            .limit(10)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def get_article(self, article_id: str) -> StoredArticle | None:
        with self.engine.connect() as conn:
            row = conn.execute(self._article_query().where(t.articles.c.id == article_id)).first()
            if row is None:
                return None
            removed = self._removed_for(conn, [article_id]).get(article_id, [])
        return self._stored(row, removed)

    def iter_articles(self, batch_size: int = 500) -> Iterator[StoredArticle]:
        """All articles in ingest order, read in batches to bound memory."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    self._article_query()
                    .where(t.articles.c.document_id > last)
                    .order_by(t.articles.c.document_id)
                    .limit(batch_size)
                ).all()
                if not rows:
                    return
                removed = self._removed_for(conn, [row.id for row in rows])
            for row in rows:
                yield self._stored(row, removed.get(row.id, []))
            last = rows[-1].document_id

    def failures(self, *, include_resolved: bool = False) -> list[IngestFailure]:
        query = select(t.ingest_failures).order_by(t.ingest_failures.c.id)
        if not include_resolved:
            query = query.where(t.ingest_failures.c.resolved_at.is_(None))
        with self.engine.connect() as conn:
            return [
                IngestFailure(row.input_name, row.kind, row.reason, _aware(row.occurred_at))
                for row in conn.execute(query)
            ]

    def stats(self) -> CorpusStats:
        with self.engine.connect() as conn:

            def count(table: Any, *where: Any) -> int:
                return int(
                    conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
                )

            def histogram(column: Any) -> dict[str, int]:
                rows = conn.execute(
                    select(column, func.count()).group_by(column).order_by(func.count().desc())
                )
                return {str(key): int(n) for key, n in rows}

            by_lang = histogram(t.articles.c.lang)
            by_reason = histogram(t.removed_segments.c.reason)
            words = conn.execute(
                select(
                    func.coalesce(
                        func.sum(
                            func.length(t.articles.c.body)
                            - func.length(func.replace(t.articles.c.body, " ", ""))
                            + 1
                        ),
                        0,
                    )
                )
            ).scalar_one()
            return CorpusStats(
                documents=count(t.documents),
                articles=count(t.articles),
                near_duplicates=count(t.articles, t.articles.c.duplicate_of.is_not(None)),
                removed_segments=count(t.removed_segments),
                open_failures=count(t.ingest_failures, t.ingest_failures.c.resolved_at.is_(None)),
                by_lang=by_lang,
                by_removal_reason=by_reason,
                dated_articles=count(t.articles, t.articles.c.publication_date.is_not(None)),
                words=int(words),
            )

    # -- helpers ------------------------------------------------------------

    @staticmethod
    def _article_query() -> Any:
        return select(
            t.articles,
            t.documents.c.content_key,
            t.documents.c.sha256,
        ).join(t.documents, t.documents.c.id == t.articles.c.document_id)

    @staticmethod
    def _removed_for(conn: Any, ids: Sequence[str]) -> dict[str, list[RemovedSegment]]:
        out: dict[str, list[RemovedSegment]] = {}
        if not ids:
            return out
        query = (
            select(t.removed_segments)
            .where(t.removed_segments.c.article_id.in_(ids))
            .order_by(t.removed_segments.c.article_id, t.removed_segments.c.position)
        )
        for row in conn.execute(query):
            out.setdefault(row.article_id, []).append(
                RemovedSegment(row.text, cast(RemovalReason, row.reason))
            )
        return out

    @staticmethod
    def _stored(row: Row[Any], removed: list[RemovedSegment]) -> StoredArticle:
        article = Article(
            id=row.id,
            content_key=row.content_key,
            source_uri=row.source_uri,
            title=row.title,
            byline=row.byline,
            publication_date=row.publication_date,
            publication_date_source=cast(DateSource | None, row.publication_date_source),
            lang=row.lang,
            body=row.body,
            removed=tuple(removed),
            dateline=row.dateline,
            site_name=row.site_name,
        )
        return StoredArticle(
            article=article,
            raw_sha256=row.sha256,
            ingested_at=_aware(row.ingested_at),
            duplicate_of=row.duplicate_of,
            pipeline_version=row.pipeline_version,
        )
