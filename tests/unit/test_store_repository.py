"""The store on a real SQLite file: migrations, atomic writes, reads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from sahelwatch.errors import ConfigError, StoreError
from sahelwatch.model import TEXT, Article, IngestFailure, RawDocument, RemovedSegment
from sahelwatch.store import Store
from sahelwatch.store.database import head_revision
from sahelwatch.store.schema import include_name, metadata

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def make_pair(n: int, body: str = "Body text.") -> tuple[RawDocument, Article]:
    raw = RawDocument(f"file:///tmp/{n}.txt", f"{body} {n}".encode(), TEXT, NOW, {"k": "v"})
    key = f"{n:016x}" + "a" * 48
    article = Article(
        id=key[:16],
        content_key=key,
        source_uri=raw.uri,
        title=f"Title {n}",
        byline=None,
        publication_date="2025-12",
        publication_date_source="text",
        lang="en",
        body=f"{body} {n}",
        removed=(RemovedSegment("Leave a Reply", "comments"), RemovedSegment("Posts", "teaser")),
    )
    return raw, article


def add(store: Store, n: int) -> bool:
    raw, article = make_pair(n)
    return store.add_article(
        raw,
        article,
        minhash=b"\x00" * 8,
        duplicate_of=None,
        pipeline_version="t",
        input_name=raw.uri,
    )


def test_store_migrations_match_declared_schema(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diffs = compare_metadata(context, metadata)
        assert diffs == []
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    assert "documents" in inspect(store.engine).get_table_names()


def test_store_reopening_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    first = Store(url)
    assert add(first, 1)
    first.close()
    second = Store(url)
    assert second.stats().articles == 1


def test_store_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_same_content_twice_is_stored_once(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    assert add(store, 7) is True
    assert add(store, 7) is False
    assert store.stats().documents == 1


def test_store_round_trips_article_and_removed_parts(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    raw, article = make_pair(3)
    add(store, 3)
    stored = store.get_article(article.id)
    assert stored is not None
    assert stored.article == article
    assert stored.raw_sha256 == raw.sha256
    assert [a.article.id for a in store.iter_articles(batch_size=1)] == [article.id]


def test_store_iterates_in_batches_in_ingest_order(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    for n in (5, 2, 9):
        add(store, n)
    ids = [a.article.id for a in store.iter_articles(batch_size=2)]
    assert ids == [make_pair(n)[1].id for n in (5, 2, 9)]


def test_store_failure_is_resolved_by_later_success(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    raw, _ = make_pair(4)
    store.record_failure(IngestFailure(raw.uri, "empty", "file is empty", NOW))
    assert len(store.failures()) == 1
    add(store, 4)
    assert store.failures() == []
    assert len(store.failures(include_resolved=True)) == 1


def test_store_foreign_keys_refuse_orphan_rows(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    raw, article = make_pair(1)
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.add_article(
            raw, article, minhash=None, duplicate_of="nope", pipeline_version="t", input_name="x"
        )
    assert store.stats().documents == 0  # the whole document rolled back


def test_store_prefix_lookup_escapes_wildcards(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    add(store, 1)
    assert store.resolve_article_id("%") == []
    assert store.resolve_article_id("0000") == [make_pair(1)[1].id]


def test_store_rejects_a_url_that_is_not_a_database() -> None:
    with pytest.raises(ConfigError, match="not a database URL"):
        Store("definitely not a url")
