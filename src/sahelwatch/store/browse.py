"""SQL for browsing one item at a time: a cluster, an article's annotations, a neighbourhood.

The web pages show one event, one article or one entity per request; these
queries read just that item's rows, so a page never rebuilds the whole export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, func, select

from sahelwatch.store import schema as t
from sahelwatch.store.knowledge import (
    ClusterRow,
    EntityRecord,
    _cluster_row,
    _entity,
    _entity_columns,
)


@dataclass(frozen=True, slots=True)
class KnowledgeCounts:
    """How much was read from the corpus, for the dashboard."""

    entities: int
    mentions: int
    events: int
    clusters: int
    quotes: int
    claims: int


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """What a link to an article needs: its title, date, outlet and language."""

    id: str
    title: str | None
    publication_date: str | None
    source_uri: str
    site_name: str | None
    lang: str
    duplicate_of: str | None


class BrowseQueries:
    """Mixed into ``Store``: one cluster, one article's annotations, entity neighbourhoods."""

    engine: Engine

    def knowledge_counts(self) -> KnowledgeCounts:
        with self.engine.connect() as conn:

            def count(column: Any) -> int:
                return int(conn.execute(select(func.count(column))).scalar_one())

            return KnowledgeCounts(
                entities=count(t.mentions.c.entity_id.distinct()),
                mentions=count(t.mentions.c.id),
                events=count(t.events.c.id),
                clusters=count(t.clusters.c.id),
                quotes=count(t.quotes.c.id),
                claims=count(t.claims.c.id),
            )

    def get_cluster(self, cluster_id: str) -> ClusterRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.clusters).where(t.clusters.c.id == cluster_id)).first()
        if row is None:
            return None
        return _cluster_row(row)

    def cluster_of_event(self, event_id: str) -> str | None:
        query = select(t.events.c.cluster_id).where(t.events.c.id == event_id)
        with self.engine.connect() as conn:
            value: str | None = conn.execute(query).scalar_one_or_none()
        return value

    def article_heads(self, ids: Iterable[str]) -> dict[str, ArticleHead]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        a = t.articles.c
        query = select(
            a.id, a.title, a.publication_date, a.source_uri, a.site_name, a.lang, a.duplicate_of
        ).where(a.id.in_(wanted))
        with self.engine.connect() as conn:
            return {row.id: ArticleHead(*row) for row in conn.execute(query)}

    def entities_by_id(self, ids: Iterable[str]) -> dict[str, EntityRecord]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(_entity_columns().where(t.entities.c.id.in_(wanted))).all()
        return {row.id: _entity(row) for row in rows}

    def co_occurrence_edges(self, ids: Iterable[str]) -> list[tuple[str, str, int]]:
        """(a, b, shared articles) for every pair of ``ids`` mentioned in one article."""
        wanted = sorted(set(ids))
        if len(wanted) < 2:
            return []
        left, right = t.mentions.alias("left_m"), t.mentions.alias("right_m")
        query = (
            select(
                left.c.entity_id.label("a"),
                right.c.entity_id.label("b"),
                func.count(left.c.article_id.distinct()).label("n"),
            )
            .join(
                right,
                and_(
                    right.c.article_id == left.c.article_id,
                    left.c.entity_id < right.c.entity_id,
                ),
            )
            .where(left.c.entity_id.in_(wanted), right.c.entity_id.in_(wanted))
            .group_by(left.c.entity_id, right.c.entity_id)
            .order_by(left.c.entity_id, right.c.entity_id)
        )
        with self.engine.connect() as conn:
            return [(row.a, row.b, int(row.n)) for row in conn.execute(query)]
