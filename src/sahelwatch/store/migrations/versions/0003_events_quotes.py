"""Events with participants, and quotes with speakers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("date_basis", sa.String(16), nullable=False),
        sa.Column("date_end", sa.String(10)),
        sa.Column("location_id", sa.String(96)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("victims", sa.Text),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cluster_id", sa.String(48)),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_events_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["entities.id"], name="fk_events_location_id_entities"
        ),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(48), nullable=False),
        sa.Column("entity_id", sa.String(96), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_participants"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_event_participants_event_id_events",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_event_participants_entity_id_entities"
        ),
    )
    op.create_index("ix_event_participants_event", "event_participants", ["event_id"])
    op.create_index("ix_event_participants_entity", "event_participants", ["entity_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(48), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("speaker_id", sa.String(96)),
        sa.Column("speaker_text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_quotes_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["entities.id"], name="fk_quotes_speaker_id_entities"
        ),
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker", "quotes")
    op.drop_index("ix_quotes_article", "quotes")
    op.drop_table("quotes")
    op.drop_index("ix_event_participants_entity", "event_participants")
    op.drop_index("ix_event_participants_event", "event_participants")
    op.drop_table("event_participants")
    op.drop_index("ix_events_type_date", "events")
    op.drop_index("ix_events_article", "events")
    op.drop_table("events")
