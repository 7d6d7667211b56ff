"""SQL for what analysis reads from articles: mentions, entities, attributes, dates.

An article's analysis is replaced as a unit (``save_analysis``): its old rows
are deleted and the new ones written in one transaction, so re-running the
analysis is idempotent and a crash leaves the old analysis or the new one,
never a mix. Entities are shared by articles and only ever gain aliases here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from sahelwatch.domain import fold
from sahelwatch.model import ArticleAnalysis
from sahelwatch.store import schema as t


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity row: what resolution creates and exports list."""

    id: str
    name: str
    type: str
    kb_id: str | None = None
    pack_id: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class EntitySummary:
    entity: EntityRecord
    mentions: int
    articles: int
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttributeRecord:
    kind: str
    key: str
    text: str
    article_id: str
    observed_on: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MentionRecord:
    article_id: str
    entity_id: str
    start: int
    end: int
    text: str
    role: str


class KnowledgeQueries:
    """Mixed into ``Store``: the tables written by analysis and resolution."""

    engine: Engine

    def save_analysis(
        self,
        analysis: ArticleAnalysis,
        *,
        entity_of: Mapping[str, str],
        new_entities: Sequence[EntityRecord],
        observed_on: str | None,
    ) -> None:
        """Replace an article's analysis; ``entity_of`` maps mention keys to entity ids."""
        article_id = analysis.article_id
        with self.engine.begin() as conn:
            for table in (
                t.claims,
                t.events,
                t.quotes,
                t.mentions,
                t.entity_attributes,
                t.nationality_refs,
                t.time_expressions,
                t.analyses,
            ):
                conn.execute(delete(table).where(table.c.article_id == article_id))
            now = datetime.now(UTC)
            known = set(
                conn.execute(
                    select(t.entities.c.id).where(t.entities.c.id.in_([e.id for e in new_entities]))
                ).scalars()
            )
            fresh = [e for e in new_entities if e.id not in known]
            if fresh:
                conn.execute(
                    insert(t.entities),
                    [
                        {
                            "id": e.id,
                            "name": e.name,
                            "type": e.type,
                            "kb_id": e.kb_id,
                            "pack_id": e.pack_id,
                            "lat": e.lat,
                            "lon": e.lon,
                            "created_at": now,
                        }
                        for e in fresh
                    ],
                )
            mention_rows = [
                {
                    "article_id": article_id,
                    "entity_id": entity_of[m.key],
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": m.text,
                    "role": m.role,
                }
                for m in analysis.mentions
            ]
            if mention_rows:
                conn.execute(insert(t.mentions), mention_rows)
            self._add_aliases(
                conn,
                {(entity_of[m.key], m.text) for m in analysis.mentions}
                | {(e.id, e.name) for e in fresh},
            )
            attribute_rows = [
                {
                    "entity_id": entity_of[m.key],
                    "article_id": article_id,
                    "kind": a.kind,
                    "key": a.key,
                    "text": a.text,
                    "start_char": a.start,
                    "end_char": a.end,
                    "observed_on": observed_on,
                }
                for m in analysis.mentions
                for a in m.attributes
            ]
            if attribute_rows:
                conn.execute(insert(t.entity_attributes), attribute_rows)
            nationality_rows = [
                {
                    "article_id": article_id,
                    "entity_id": entity_of[f"pack:{n.pack_id}"],
                    "start_char": n.start,
                    "end_char": n.end,
                    "text": n.text,
                }
                for n in analysis.nationalities
                if f"pack:{n.pack_id}" in entity_of
            ]
            if nationality_rows:
                conn.execute(insert(t.nationality_refs), nationality_rows)
            timex_rows = [
                {
                    "article_id": article_id,
                    "start_char": x.start,
                    "end_char": x.end,
                    "text": x.text,
                    "value": x.value,
                    "end_value": x.end_value,
                    "precision": x.precision,
                    "approximate": x.approximate,
                    "anchor": x.anchor,
                }
                for x in analysis.timexes
            ]
            if timex_rows:
                conn.execute(insert(t.time_expressions), timex_rows)
            self._insert_events(conn, analysis, entity_of)
            claim_rows = []
            for n, c in enumerate(analysis.claims):
                subject = entity_of.get(c.subject_key)
                if subject is None:
                    continue
                qualifier = c.qualifier
                if qualifier and qualifier.startswith("event:"):
                    qualifier = f"event:{article_id}-e{int(qualifier[6:]):03d}"
                claim_rows.append(
                    {
                        "id": f"{article_id}-c{n:03d}",
                        "article_id": article_id,
                        "subject_id": subject,
                        "property": c.property,
                        "value": c.value,
                        "object_id": entity_of.get(c.object_key) if c.object_key else None,
                        "qualifier": qualifier,
                        "evidence": c.evidence,
                        "start_char": c.start,
                        "end_char": c.end,
                    }
                )
            if claim_rows:
                conn.execute(insert(t.claims), claim_rows)
            quote_rows = [
                {
                    "id": f"{article_id}-q{n:03d}",
                    "article_id": article_id,
                    "start_char": q.start,
                    "end_char": q.end,
                    "text": q.text,
                    "direct": q.direct,
                    "speaker_id": entity_of.get(q.speaker_key) if q.speaker_key else None,
                    "speaker_text": q.speaker_text,
                }
                for n, q in enumerate(analysis.quotes)
            ]
            if quote_rows:
                conn.execute(insert(t.quotes), quote_rows)
            conn.execute(
                insert(t.analyses).values(
                    article_id=article_id,
                    pipeline_version=analysis.pipeline_version,
                    lang=analysis.lang,
                    sentences=json.dumps(analysis.sentences),
                    analyzed_at=now,
                )
            )

    @staticmethod
    def _insert_events(conn: Any, analysis: ArticleAnalysis, entity_of: Mapping[str, str]) -> None:
        event_rows = []
        participant_rows = []
        for n, event in enumerate(analysis.events):
            event_id = f"{analysis.article_id}-e{n:03d}"
            event_rows.append(
                {
                    "id": event_id,
                    "article_id": analysis.article_id,
                    "type": event.type,
                    "start_char": event.start,
                    "end_char": event.end,
                    "evidence": event.evidence,
                    "trigger": event.trigger,
                    "date": event.date,
                    "date_precision": event.date_precision,
                    "approximate": event.approximate,
                    "date_basis": event.date_basis,
                    "date_end": event.date_end,
                    "location_id": entity_of.get(event.location_key)
                    if event.location_key
                    else None,
                    "fatalities": event.fatalities,
                    "victims": event.victims,
                    "modality": event.modality,
                    "confidence": event.confidence,
                    "cluster_id": None,
                }
            )
            seen: set[str] = set()
            for participant in event.participants:
                entity_id = entity_of.get(participant.key)
                if entity_id is None or entity_id in seen:
                    continue
                seen.add(entity_id)
                participant_rows.append(
                    {"event_id": event_id, "entity_id": entity_id, "role": participant.role}
                )
        if event_rows:
            conn.execute(insert(t.events), event_rows)
        if participant_rows:
            conn.execute(insert(t.event_participants), participant_rows)

    @staticmethod
    def _add_aliases(conn: Any, pairs: set[tuple[str, str]]) -> None:
        if not pairs:
            return
        ids = sorted({entity_id for entity_id, _ in pairs})
        existing = {
            (row.entity_id, row.alias)
            for row in conn.execute(
                select(t.entity_aliases.c.entity_id, t.entity_aliases.c.alias).where(
                    t.entity_aliases.c.entity_id.in_(ids)
                )
            )
        }
        rows = [
            {"entity_id": entity_id, "alias": alias, "norm": fold(alias)}
            for entity_id, alias in sorted(pairs - existing)
        ]
        if rows:
            conn.execute(insert(t.entity_aliases), rows)

    def articles_needing_analysis(self, version: str) -> list[str]:
        """Articles never analysed, or analysed by another version of the code."""
        query = (
            select(t.articles.c.id)
            .outerjoin(t.analyses, t.analyses.c.article_id == t.articles.c.id)
            .where((t.analyses.c.article_id.is_(None)) | (t.analyses.c.pipeline_version != version))
            .order_by(t.articles.c.document_id)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def entity_index(self) -> tuple[list[EntityRecord], list[tuple[str, str]]]:
        """All entities and their (folded alias, entity id) pairs, for the resolver."""
        with self.engine.connect() as conn:
            entities = [_entity(row) for row in conn.execute(_entity_columns())]
            aliases = [
                (row.norm, row.entity_id)
                for row in conn.execute(
                    select(t.entity_aliases.c.norm, t.entity_aliases.c.entity_id)
                )
            ]
        return entities, aliases

    def iter_entities(
        self, *, mentioned_only: bool = True
    ) -> Iterator[tuple[EntityRecord, list[str]]]:
        """Entities with their aliases in first-seen order."""
        with self.engine.connect() as conn:
            aliases: dict[str, list[str]] = {}
            for row in conn.execute(
                select(t.entity_aliases.c.entity_id, t.entity_aliases.c.alias).order_by(
                    t.entity_aliases.c.id
                )
            ):
                aliases.setdefault(row.entity_id, []).append(row.alias)
            query = _entity_columns().order_by(t.entities.c.created_at, t.entities.c.id)
            if mentioned_only:
                query = query.where(t.entities.c.id.in_(select(t.mentions.c.entity_id).distinct()))
            rows = conn.execute(query).all()
        for row in rows:
            yield _entity(row), aliases.get(row.id, [])

    def iter_mentions(self, *, article_id: str | None = None) -> Iterator[MentionRecord]:
        """Mentions in text order, of every article or of one (to highlight its body)."""
        query = select(
            t.mentions.c.article_id,
            t.mentions.c.entity_id,
            t.mentions.c.start_char,
            t.mentions.c.end_char,
            t.mentions.c.text,
            t.mentions.c.role,
        ).order_by(t.mentions.c.article_id, t.mentions.c.start_char, t.mentions.c.id)
        if article_id is not None:
            query = query.where(t.mentions.c.article_id == article_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            yield MentionRecord(*row)

    def entity_summaries(
        self, *, entity_type: str | None = None, limit: int | None = None
    ) -> list[EntitySummary]:
        """Entities by number of articles that mention them, most first."""
        counts = (
            select(
                t.mentions.c.entity_id,
                func.count().label("mentions"),
                func.count(t.mentions.c.article_id.distinct()).label("articles"),
            )
            .group_by(t.mentions.c.entity_id)
            .subquery()
        )
        query = (
            _entity_columns()
            .add_columns(counts.c.mentions, counts.c.articles)
            .join(counts, counts.c.entity_id == t.entities.c.id)
            .order_by(counts.c.articles.desc(), counts.c.mentions.desc(), t.entities.c.name)
        )
        if entity_type:
            query = query.where(t.entities.c.type == entity_type)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            aliases = self._aliases_of(conn, [row.id for row in rows])
        return [
            EntitySummary(_entity(row), row.mentions, row.articles, tuple(aliases.get(row.id, ())))
            for row in rows
        ]

    def entity_aliases(self, entity_id: str) -> list[str]:
        """Every form one entity was printed under, in the order first seen."""
        with self.engine.connect() as conn:
            return self._aliases_of(conn, [entity_id]).get(entity_id, [])

    @staticmethod
    def _aliases_of(conn: Any, ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        query = (
            select(t.entity_aliases.c.entity_id, t.entity_aliases.c.alias)
            .where(t.entity_aliases.c.entity_id.in_(list(ids)))
            .order_by(t.entity_aliases.c.id)
        )
        for row in conn.execute(query):
            out.setdefault(row.entity_id, []).append(row.alias)
        return out

    def find_entities(self, name: str) -> list[EntityRecord]:
        """Entities with this id, or with an alias equal to ``name`` (case and accents ignored)."""
        with self.engine.connect() as conn:
            ids = set(
                conn.execute(
                    select(t.entity_aliases.c.entity_id).where(
                        t.entity_aliases.c.norm == fold(name)
                    )
                ).scalars()
            )
            ids |= set(
                conn.execute(select(t.entities.c.id).where(t.entities.c.id == name)).scalars()
            )
            if not ids:
                # A part of a name ("Tchiani"): aliases containing it as a word.
                key = fold(name).replace("\\", "").replace("%", "").replace("_", "")
                if len(key) >= 3:
                    ids = set(
                        conn.execute(
                            select(t.entity_aliases.c.entity_id)
                            .where(
                                (t.entity_aliases.c.norm.like(f"% {key}"))
                                | (t.entity_aliases.c.norm.like(f"{key} %"))
                                | (t.entity_aliases.c.norm.like(f"% {key} %"))
                            )
                            .limit(20)
                        ).scalars()
                    )
            if not ids:
                return []
            rows = conn.execute(_entity_columns().where(t.entities.c.id.in_(ids))).all()
        return [_entity(row) for row in rows]

    def entity_names(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        query = select(t.entities.c.id, t.entities.c.name).where(t.entities.c.id.in_(sorted(ids)))
        with self.engine.connect() as conn:
            return {row.id: row.name for row in conn.execute(query)}

    def entity_attributes(self, entity_id: str) -> list[AttributeRecord]:
        query = (
            select(
                t.entity_attributes.c.kind,
                t.entity_attributes.c.key,
                t.entity_attributes.c.text,
                t.entity_attributes.c.article_id,
                t.entity_attributes.c.observed_on,
                t.entity_attributes.c.start_char,
                t.entity_attributes.c.end_char,
            )
            .where(t.entity_attributes.c.entity_id == entity_id)
            .order_by(t.entity_attributes.c.observed_on, t.entity_attributes.c.id)
        )
        with self.engine.connect() as conn:
            return [AttributeRecord(*row) for row in conn.execute(query)]

    def entity_articles(self, entity_id: str) -> list[tuple[str, str | None, str | None, int]]:
        """(article id, title, date, mentions) of the articles mentioning an entity."""
        query = (
            select(
                t.articles.c.id,
                t.articles.c.title,
                t.articles.c.publication_date,
                func.count().label("n"),
            )
            .join(t.mentions, t.mentions.c.article_id == t.articles.c.id)
            .where(t.mentions.c.entity_id == entity_id)
            .group_by(t.articles.c.id, t.articles.c.title, t.articles.c.publication_date)
            .order_by(t.articles.c.publication_date.desc(), t.articles.c.id)
        )
        with self.engine.connect() as conn:
            return [
                (row.id, row.title, row.publication_date, int(row.n)) for row in conn.execute(query)
            ]

    def co_occurring(self, entity_id: str, limit: int = 10) -> list[tuple[EntityRecord, int]]:
        """Entities mentioned in the same articles, by number of shared articles."""
        own = select(t.mentions.c.article_id).where(t.mentions.c.entity_id == entity_id)
        shared = (
            select(
                t.mentions.c.entity_id, func.count(t.mentions.c.article_id.distinct()).label("n")
            )
            .where(t.mentions.c.article_id.in_(own), t.mentions.c.entity_id != entity_id)
            .group_by(t.mentions.c.entity_id)
            .subquery()
        )
        query = (
            _entity_columns()
            .add_columns(shared.c.n)
            .join(shared, shared.c.entity_id == t.entities.c.id)
            .order_by(shared.c.n.desc(), t.entities.c.name)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [(_entity(row), int(row.n)) for row in conn.execute(query)]


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    article_id: str
    type: str
    start: int
    end: int
    evidence: str
    trigger: str
    date: str | None
    date_precision: str | None
    approximate: bool
    date_basis: str
    date_end: str | None
    location_id: str | None
    fatalities: int | None
    victims: str | None
    modality: str
    confidence: float
    cluster_id: str | None
    participants: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ClusterRow:
    id: str
    type: str
    date: str | None
    date_precision: str | None
    approximate: bool
    location_id: str | None
    summary: str
    outlets: int
    fatalities: int | None
    fatalities_disputed: bool
    confidence: float


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: str
    article_id: str
    subject_id: str
    property: str
    value: str
    object_id: str | None
    qualifier: str | None
    evidence: str
    start: int
    end: int
    published: str | None
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    direct: bool
    speaker_id: str | None
    speaker_text: str | None


class EventQueries:
    """Mixed into ``Store``: events and quotes as stored by ``save_analysis``."""

    engine: Engine

    def iter_events(
        self,
        *,
        article_id: str | None = None,
        cluster_id: str | None = None,
        event_type: str | None = None,
        entity_id: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Iterator[EventRecord]:
        """Events, filtered; dates compare as partial ISO strings, so "2025" spans the year."""
        query = select(t.events).order_by(
            t.events.c.article_id, t.events.c.start_char, t.events.c.id
        )
        if article_id:
            query = query.where(t.events.c.article_id == article_id)
        if cluster_id:
            query = query.where(t.events.c.cluster_id == cluster_id)
        if event_type:
            query = query.where(t.events.c.type == event_type)
        if entity_id:
            involved = select(t.event_participants.c.event_id).where(
                t.event_participants.c.entity_id == entity_id
            )
            query = query.where(t.events.c.id.in_(involved) | (t.events.c.location_id == entity_id))
        if date_from:
            query = query.where(t.events.c.date.is_not(None), t.events.c.date >= date_from[:10])
        if date_to:
            # "2025" as an upper bound includes every date in 2025.
            query = query.where(t.events.c.date.is_not(None), t.events.c.date <= date_to[:10] + "~")
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            people: dict[str, list[tuple[str, str]]] = {}
            for row in conn.execute(
                select(
                    t.event_participants.c.event_id,
                    t.event_participants.c.entity_id,
                    t.event_participants.c.role,
                ).order_by(t.event_participants.c.id)
            ):
                people.setdefault(row.event_id, []).append((row.entity_id, row.role))
        for row in rows:
            yield EventRecord(
                row.id,
                row.article_id,
                row.type,
                row.start_char,
                row.end_char,
                row.evidence,
                row.trigger,
                row.date,
                row.date_precision,
                bool(row.approximate),
                row.date_basis,
                row.date_end,
                row.location_id,
                row.fatalities,
                row.victims,
                row.modality,
                float(row.confidence),
                row.cluster_id,
                tuple(people.get(row.id, ())),
            )

    def article_roots(self) -> tuple[dict[str, str], dict[str, str | None]]:
        """Article id -> the original of its near-duplicate group, and -> publication date."""
        query = select(t.articles.c.id, t.articles.c.duplicate_of, t.articles.c.publication_date)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return (
            {row.id: row.duplicate_of or row.id for row in rows},
            {row.id: row.publication_date for row in rows},
        )

    def save_clusters(self, assigned: Mapping[str, str], clusters: Sequence[ClusterRow]) -> None:
        """Record cluster membership of new events and rewrite the touched clusters."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            for event_id, cluster_id in assigned.items():
                conn.execute(
                    update(t.events).where(t.events.c.id == event_id).values(cluster_id=cluster_id)
                )
            ids = [c.id for c in clusters]
            if ids:
                conn.execute(delete(t.clusters).where(t.clusters.c.id.in_(ids)))
                conn.execute(
                    insert(t.clusters),
                    [
                        {
                            "id": c.id,
                            "type": c.type,
                            "date": c.date,
                            "date_precision": c.date_precision,
                            "approximate": c.approximate,
                            "location_id": c.location_id,
                            "summary": c.summary,
                            "outlets": c.outlets,
                            "fatalities": c.fatalities,
                            "fatalities_disputed": c.fatalities_disputed,
                            "confidence": c.confidence,
                            "updated_at": now,
                        }
                        for c in clusters
                    ],
                )
            # Clusters whose events were all replaced by a re-analysis are gone.
            used = select(t.events.c.cluster_id).where(t.events.c.cluster_id.is_not(None))
            conn.execute(delete(t.clusters).where(t.clusters.c.id.not_in(used)))

    def iter_clusters(self) -> Iterator[ClusterRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.clusters).order_by(t.clusters.c.date, t.clusters.c.id)
            ).all()
        for row in rows:
            yield _cluster_row(row)

    def iter_claims(self) -> Iterator[ClaimRecord]:
        query = (
            select(t.claims, t.articles.c.publication_date, t.articles.c.duplicate_of)
            .join(t.articles, t.articles.c.id == t.claims.c.article_id)
            .order_by(t.claims.c.article_id, t.claims.c.start_char, t.claims.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            yield ClaimRecord(
                row.id,
                row.article_id,
                row.subject_id,
                row.property,
                row.value,
                row.object_id,
                row.qualifier,
                row.evidence,
                row.start_char,
                row.end_char,
                row.publication_date,
                row.duplicate_of,
            )

    def iter_quotes(
        self, *, speaker_id: str | None = None, article_id: str | None = None
    ) -> Iterator[QuoteRecord]:
        query = select(t.quotes).order_by(
            t.quotes.c.article_id, t.quotes.c.start_char, t.quotes.c.id
        )
        if speaker_id:
            query = query.where(t.quotes.c.speaker_id == speaker_id)
        if article_id is not None:
            query = query.where(t.quotes.c.article_id == article_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            yield QuoteRecord(
                row.id,
                row.article_id,
                row.start_char,
                row.end_char,
                row.text,
                bool(row.direct),
                row.speaker_id,
                row.speaker_text,
            )


def _cluster_row(row: Any) -> ClusterRow:
    return ClusterRow(
        row.id,
        row.type,
        row.date,
        row.date_precision,
        bool(row.approximate),
        row.location_id,
        row.summary,
        row.outlets,
        row.fatalities,
        bool(row.fatalities_disputed),
        float(row.confidence),
    )


def _entity_columns() -> Any:
    return select(
        t.entities.c.id,
        t.entities.c.name,
        t.entities.c.type,
        t.entities.c.kb_id,
        t.entities.c.pack_id,
        t.entities.c.lat,
        t.entities.c.lon,
    )


def _entity(row: Any) -> EntityRecord:
    return EntityRecord(row.id, row.name, row.type, row.kb_id, row.pack_id, row.lat, row.lon)
