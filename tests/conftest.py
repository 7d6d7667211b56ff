"""Fixtures shared by every test folder, defined once here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sahelwatch.config import Settings

if TYPE_CHECKING:
    from sahelwatch.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO_CORPUS = REPO / "examples" / "corpus"


@pytest.fixture
def shared_dir() -> Path:
    """The project's shared folder (seed corpus, gold, scorer); skip when absent."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"needs the shared seed corpus and scorer at {SHARED}, which is absent")
    return SHARED


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture
def workspace(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    from sahelwatch.workspace import Workspace

    settings = Settings(home=tmp_path, database_url=db_url, max_bytes=1024 * 1024)
    with Workspace(settings=settings) as ws:
        yield ws


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A knowledge base of the demo corpus plus hostile articles (markup and script in
    their title, byline, body and URL), ingested once for the page and browser tests."""
    from sahelwatch.workspace import Workspace
    from tests.hostile import write_hostile

    home = tmp_path_factory.mktemp("web-kb")
    settings = Settings(
        home=home, database_url=f"sqlite:///{home / 'kb.db'}", max_bytes=10 * 1024 * 1024
    )
    with Workspace(settings=settings) as ws:
        report = ws.ingest([str(DEMO_CORPUS), str(write_hostile(home / "in"))])
    assert not report.failures, report.failures
    return settings


@pytest.fixture(scope="session")
def en_nlp():  # type: ignore[no-untyped-def]
    """The English pipeline with the Sahel pack ruler, loaded once for the session."""
    from sahelwatch.nlp.pipeline import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def fr_nlp():  # type: ignore[no-untyped-def]
    """The French pipeline with the Sahel pack ruler, loaded once for the session."""
    from sahelwatch.nlp.pipeline import load_pipeline

    return load_pipeline("fr")
