"""Alembic environment: runs on the connection the store hands over.

sahelwatch migrates its own database when it opens it, so this environment
never builds an engine from a URL in an ini file; ``Store`` passes its
connection through ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from sahelwatch.store.schema import include_name, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
