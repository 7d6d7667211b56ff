"""Opening a database: engine settings per backend, and migrations on open.

SQLite is the default because a laptop has it; it runs in WAL mode so a reader
(the web app) never blocks the ingest, with foreign keys on because SQLite
leaves them off. PostgreSQL needs nothing special. Every open brings the schema
to the newest Alembic revision, so a database made by an older sahelwatch just
works, and a crash half-way through a migration leaves the old revision.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from sahelwatch.errors import ConfigError, StoreError

MIGRATIONS = "sahelwatch.store:migrations"


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise StoreError("no migrations found in the sahelwatch package")
    return head


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder created."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"{url}: not a database URL ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(f"{url}: cannot use this database ({exc})") from exc


def migrate(engine: Engine) -> str:
    """Bring the schema to the newest revision; return that revision."""
    head = head_revision()
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current != head:
                config = _alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"{engine.url!r}: cannot open the database ({exc.orig})") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"{engine.url!r}: migration failed ({exc})") from exc
    return head
