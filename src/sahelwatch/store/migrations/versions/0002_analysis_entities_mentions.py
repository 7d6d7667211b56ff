"""Analyses, entities with aliases, mentions, attributes, nationality relations, time expressions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
    )


def _entity_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["entity_id"], ["entities.id"], name=f"fk_{table}_entity_id_entities"
    )


def upgrade() -> None:
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("sentences", sa.Text, nullable=False),
        sa.Column("analyzed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_analyses"),
        _article_fk("analyses"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(96), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(8), nullable=False),
        sa.Column("kb_id", sa.String(32)),
        sa.Column("pack_id", sa.String(64)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_table(
        "entity_aliases",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("entity_id", sa.String(96), nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_aliases"),
        _entity_fk("entity_aliases"),
        sa.UniqueConstraint("entity_id", "alias", name="uq_entity_aliases_entity_alias"),
    )
    op.create_index("ix_entity_aliases_norm", "entity_aliases", ["norm"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(96), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        _article_fk("mentions"),
        _entity_fk("mentions"),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "entity_attributes",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("entity_id", sa.String(96), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("observed_on", sa.String(10)),
        sa.PrimaryKeyConstraint("id", name="pk_entity_attributes"),
        _entity_fk("entity_attributes"),
        _article_fk("entity_attributes"),
    )
    op.create_index("ix_entity_attributes_entity", "entity_attributes", ["entity_id"])
    op.create_table(
        "nationality_refs",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(96), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_nationality_refs"),
        _article_fk("nationality_refs"),
        _entity_fk("nationality_refs"),
    )
    op.create_index("ix_nationality_refs_article", "nationality_refs", ["article_id"])
    op.create_table(
        "time_expressions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(10)),
        sa.Column("end_value", sa.String(10)),
        sa.Column("precision", sa.String(8)),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("anchor", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_time_expressions"),
        _article_fk("time_expressions"),
    )
    op.create_index("ix_time_expressions_article", "time_expressions", ["article_id"])


def downgrade() -> None:
    for index, table in [
        ("ix_time_expressions_article", "time_expressions"),
        ("ix_nationality_refs_article", "nationality_refs"),
        ("ix_entity_attributes_entity", "entity_attributes"),
        ("ix_mentions_entity", "mentions"),
        ("ix_mentions_article", "mentions"),
        ("ix_entity_aliases_norm", "entity_aliases"),
    ]:
        op.drop_index(index, table)
    for table in (
        "time_expressions",
        "nationality_refs",
        "entity_attributes",
        "mentions",
        "entity_aliases",
        "entities",
        "analyses",
    ):
        op.drop_table(table)
