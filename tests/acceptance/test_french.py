"""French sources, first class: the French demo gold scored with the project's scorer.

The gold restricted to the French articles must reach the floors the issue
set, and the events told in both languages must come out as one event
(cross-language cluster pairs found). Needs ../shared for the scorer.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sahelwatch.config import Settings
from sahelwatch.report.export import dumps_export
from sahelwatch.workspace import Workspace
from tests.acceptance.test_seeds import score
from tests.conftest import DEMO_CORPUS, REPO, SHARED

pytestmark = [pytest.mark.shared, pytest.mark.slow]

GOLD = REPO / "examples" / "eval" / "demo_fr.gold.json"
SCORER = SHARED / "eval" / "score.py"


def _eval_quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_quality", REPO / "benchmarks" / "eval_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if not SCORER.is_file():
        pytest.skip(f"needs the shared scorer at {SCORER}, which is absent")
    tmp = tmp_path_factory.mktemp("french")
    settings = Settings(home=tmp, database_url=f"sqlite:///{tmp / 'demo.db'}", max_bytes=10 << 20)
    with Workspace(settings=settings) as ws:
        report = ws.ingest([str(DEMO_CORPUS)])
        assert report.ok, report.failures
        document = ws.export()
    path = tmp / "x.json"
    path.write_text(dumps_export(document), encoding="utf-8")
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_french_gold_reaches_the_issue_floors(
    demo: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, export = demo
    helpers = _eval_quality()
    scorer = helpers.load_scorer(SCORER)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    languages = helpers.gold_languages(gold, export, scorer)
    assert sum(lang == "fr" for lang in languages.values()) >= 8
    french = tmp_path / "fr.gold.json"
    french.write_text(json.dumps(helpers.gold_subset(gold, languages, "fr")), encoding="utf-8")
    score(path, "entity_f1=0.85", "event_f1=0.60", gold=french)


def test_events_told_in_both_languages_are_one_event(demo: tuple[Path, dict[str, Any]]) -> None:
    _, export = demo
    helpers = _eval_quality()
    scorer = helpers.load_scorer(SCORER)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    languages = helpers.gold_languages(gold, export, scorer)
    found, total = helpers.cross_language_pairs(gold, export, languages, scorer)
    assert total >= 50, "too few cross-language pairs matched to judge"
    assert found / total >= 0.8, f"{found} of {total} cross-language pairs share a cluster"
