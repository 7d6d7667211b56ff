"""Raw documents, their sources, cleaned articles, removed segments, ingest failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_key", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uri", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("hints", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_key", name="uq_documents_content_key"),
    )
    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("uri", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_sources"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_document_sources_document_id_documents"
        ),
        sa.UniqueConstraint("document_id", "uri", name="uq_document_sources_document_uri"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("source_uri", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("publication_date", sa.String(10)),
        sa.Column("publication_date_source", sa.String(16)),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("dateline", sa.Text),
        sa.Column("site_name", sa.Text),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_articles_document_id_documents"
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of"], ["articles.id"], name="fk_articles_duplicate_of_articles"
        ),
        sa.UniqueConstraint("document_id", name="uq_articles_document_id"),
    )
    op.create_table(
        "removed_segments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_removed_segments"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_removed_segments_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_removed_segments_article", "removed_segments", ["article_id", "position"])
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("input_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_failures"),
    )
    op.create_index("ix_ingest_failures_input", "ingest_failures", ["input_name"])


def downgrade() -> None:
    op.drop_index("ix_ingest_failures_input", "ingest_failures")
    op.drop_table("ingest_failures")
    op.drop_index("ix_removed_segments_article", "removed_segments")
    op.drop_table("removed_segments")
    op.drop_table("articles")
    op.drop_table("document_sources")
    op.drop_table("documents")
