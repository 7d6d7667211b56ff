"""Tables, declared once with SQLAlchemy Core so SQLite and PostgreSQL share them.

The migrations under ``migrations/versions`` create exactly these tables; a
test compares the migrated database with this metadata so the two cannot drift.
The one exception is the full-text index (revision 0005): SQLAlchemy cannot
declare an FTS5 virtual table, so it is named here and left out of comparisons
by ``include_name``, together with the shadow tables FTS5 creates for it.

Raw documents are immutable: nothing ever updates a ``documents`` row. Every
other table is derived and may be replaced, one article at a time, inside one
transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_key", String(64), nullable=False, unique=True),
    Column("sha256", String(64), nullable=False),
    Column("uri", Text, nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("hints", Text, nullable=False, default="{}"),
    Column("content", LargeBinary, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("uri", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "uri", name="uq_document_sources_document_uri"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, unique=True),
    Column("source_uri", Text, nullable=False),
    Column("title", Text),
    Column("byline", Text),
    Column("publication_date", String(10)),
    Column("publication_date_source", String(16)),
    Column("lang", String(8), nullable=False),
    Column("body", Text, nullable=False),
    Column("dateline", Text),
    Column("site_name", Text),
    Column("duplicate_of", String(32), ForeignKey("articles.id")),
    Column("minhash", LargeBinary),
    Column("pipeline_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

removed_segments = Table(
    "removed_segments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("reason", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_removed_segments_article", "article_id", "position"),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input_name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Index("ix_ingest_failures_input", "input_name"),
)

# -- analysis (revision 0002) ------------------------------------------------------

analyses = Table(
    "analyses",
    metadata,
    Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("pipeline_version", String(32), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("sentences", Text, nullable=False),
    Column("analyzed_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(96), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("kb_id", String(32)),
    Column("pack_id", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", Text, nullable=False),
    UniqueConstraint("entity_id", "alias", name="uq_entity_aliases_entity_alias"),
    Index("ix_entity_aliases_norm", "norm"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_entity", "entity_id"),
)

entity_attributes = Table(
    "entity_attributes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("key", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("observed_on", String(10)),
    Index("ix_entity_attributes_entity", "entity_id"),
)

nationality_refs = Table(
    "nationality_refs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_nationality_refs_article", "article_id"),
)

time_expressions = Table(
    "time_expressions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(10)),
    Column("end_value", String(10)),
    Column("precision", String(8)),
    Column("approximate", Boolean, nullable=False),
    Column("anchor", String(16), nullable=False),
    Index("ix_time_expressions_article", "article_id"),
)

# -- events and quotes (revision 0003) ---------------------------------------------

events = Table(
    "events",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("approximate", Boolean, nullable=False),
    Column("date_basis", String(16), nullable=False),
    Column("date_end", String(10)),
    Column("location_id", String(96), ForeignKey("entities.id")),
    Column("fatalities", Integer),
    Column("victims", Text),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cluster_id", String(48)),
    Index("ix_events_article", "article_id"),
    Index("ix_events_type_date", "type", "date"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("role", String(16), nullable=False),
    Index("ix_event_participants_event", "event_id"),
    Index("ix_event_participants_entity", "entity_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker_id", String(96), ForeignKey("entities.id")),
    Column("speaker_text", Text),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_id"),
)

# -- clusters and claims (revision 0004) -------------------------------------------

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("approximate", Boolean, nullable=False),
    Column("location_id", String(96), ForeignKey("entities.id")),
    Column("summary", Text, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("fatalities", Integer),
    Column("fatalities_disputed", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_clusters_type_date", "type", "date"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("subject_id", String(96), ForeignKey("entities.id"), nullable=False),
    Column("property", String(32), nullable=False),
    Column("value", Text, nullable=False),
    Column("object_id", String(96), ForeignKey("entities.id")),
    Column("qualifier", String(32)),
    Column("evidence", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Index("ix_claims_subject_property", "subject_id", "property"),
    Index("ix_claims_article", "article_id"),
)

# -- full-text index (revision 0005, SQLite only) ---------------------------------

#: The FTS5 index of ``articles`` (title, body, byline, site_name), rowid = document_id.
SEARCH_INDEX = "article_search"
#: Tables FTS5 creates and owns for the index; an external-content index has no ``_content``.
SEARCH_SHADOW_TABLES = frozenset(
    f"{SEARCH_INDEX}_{suffix}" for suffix in ("data", "idx", "docsize", "config", "content")
)


def include_name(name: str | None, type_: str, parent_names: Mapping[Any, str | None]) -> bool:
    """Alembic's filter for comparing the database with ``metadata``: without it,
    autogenerate would propose dropping the search index and its shadow tables."""
    return not (type_ == "table" and (name == SEARCH_INDEX or name in SEARCH_SHADOW_TABLES))
