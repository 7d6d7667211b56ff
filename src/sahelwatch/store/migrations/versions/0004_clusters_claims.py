"""Event clusters across articles, and structured claims.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("location_id", sa.String(96)),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_disputed", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clusters"),
        sa.ForeignKeyConstraint(
            ["location_id"], ["entities.id"], name="fk_clusters_location_id_entities"
        ),
    )
    op.create_index("ix_clusters_type_date", "clusters", ["type", "date"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.String(96), nullable=False),
        sa.Column("property", sa.String(32), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("object_id", sa.String(96)),
        sa.Column("qualifier", sa.String(32)),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_claims_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["entities.id"], name="fk_claims_subject_id_entities"
        ),
        sa.ForeignKeyConstraint(
            ["object_id"], ["entities.id"], name="fk_claims_object_id_entities"
        ),
    )
    op.create_index("ix_claims_subject_property", "claims", ["subject_id", "property"])
    op.create_index("ix_claims_article", "claims", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_claims_article", "claims")
    op.drop_index("ix_claims_subject_property", "claims")
    op.drop_table("claims")
    op.drop_index("ix_clusters_type_date", "clusters")
    op.drop_table("clusters")
