"""Tables, declared once with SQLAlchemy Core so SQLite and PostgreSQL share them.

The migrations under ``migrations/versions`` create exactly these tables; a
test compares the migrated database with this metadata so the two cannot drift.

Raw documents are immutable: nothing ever updates a ``documents`` row. Every
other table is derived and may be replaced, one article at a time, inside one
transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
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
