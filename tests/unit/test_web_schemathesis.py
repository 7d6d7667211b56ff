"""Property tests: generated requests to every GET route never get a 500, and every
response matches the OpenAPI document the app publishes.

Runs in-process over ASGI against a small real knowledge base, with few,
derandomized examples per operation so it is quick and never flakes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from sahelwatch.config import Settings
from sahelwatch.web import create_app
from sahelwatch.workspace import Workspace
from tests.unit.test_web_api import write_corpus

pytestmark = pytest.mark.slow


#: Built at import because schemathesis reads the OpenAPI document when the module
#: loads; which database it serves is set by the fixture below, before any request.
APP = create_app(Settings(home=Path("unused"), database_url="sqlite://", max_bytes=1024 * 1024))
# Ingest is a POST guarded by a token and fetches URLs: exercised in test_web_api only.
schema = schemathesis.openapi.from_asgi("/openapi.json", APP).include(method="GET")


@pytest.fixture(scope="module", autouse=True)
def knowledge_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the app at a small real knowledge base for the whole module."""
    home = tmp_path_factory.mktemp("web-schemathesis")
    app_settings = Settings(
        home=home, database_url=f"sqlite:///{home / 'kb.db'}", max_bytes=1024 * 1024
    )
    with Workspace(settings=app_settings) as ws:
        assert ws.ingest(write_corpus(home / "corpus")).ok
    previous = APP.state.settings
    APP.state.settings = app_settings
    yield
    APP.state.settings = previous


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_get_routes_conform(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
