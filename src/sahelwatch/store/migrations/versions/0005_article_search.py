"""Full-text index of articles (SQLite FTS5), kept in sync by triggers, backfilled.

The index is an *external-content* FTS5 table: it stores only the inverted
index and reads titles and bodies back from ``articles`` (for ``snippet()``),
so the text is not stored twice. FTS5 needs a stable integer key for that, and
``articles.id`` is text while the implicit rowid of ``articles`` may change on
VACUUM; ``articles.document_id`` is an integer, unique and never rewritten, so
it is the index's rowid.

Triggers, not the repository, keep the index in sync: they run inside whatever
statement writes ``articles`` (insert, update of an indexed column, delete), so
no code path, present or future, can change an article and forget the index.
SQLite drops a table's triggers with the table, so a later migration that
rebuilds ``articles`` (Alembic's batch mode on SQLite does) must create the
triggers again; ``tests/unit/test_store_search.py`` checks they exist at head.

``unicode61 remove_diacritics 2`` folds case and accents, so "Etats" finds
"États". Only SQLite gets the index; full-text search is SQLite-only for now.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = "title, body, byline, site_name"
_NEW = "new.document_id, new.title, new.body, new.byline, new.site_name"
_OLD = "'delete', old.document_id, old.title, old.body, old.byline, old.site_name"

_UPGRADE = (
    f"""CREATE VIRTUAL TABLE article_search USING fts5(
        {_COLUMNS},
        content='articles',
        content_rowid='document_id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search(rowid, {_COLUMNS}) VALUES ({_NEW});
    END""",
    f"""CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
        INSERT INTO article_search(article_search, rowid, {_COLUMNS}) VALUES ({_OLD});
    END""",
    # Only when an indexed column changes: repointing duplicates must not reindex bodies.
    f"""CREATE TRIGGER article_search_update
        AFTER UPDATE OF document_id, {_COLUMNS} ON articles BEGIN
        INSERT INTO article_search(article_search, rowid, {_COLUMNS}) VALUES ({_OLD});
        INSERT INTO article_search(rowid, {_COLUMNS}) VALUES ({_NEW});
    END""",
    # Backfill: index every article stored before this revision.
    "INSERT INTO article_search(article_search) VALUES ('rebuild')",
)

_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS article_search_update",
    "DROP TRIGGER IF EXISTS article_search_delete",
    "DROP TRIGGER IF EXISTS article_search_insert",
    "DROP TABLE IF EXISTS article_search",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _DOWNGRADE:
        op.execute(statement)
