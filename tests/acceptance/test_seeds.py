"""The seed corpus scored with the project's own scorer (needs ../shared).

Each test pins the floors one issue promised; a floor is raised when quality
improves and never lowered silently.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sahelwatch.config import Settings
from sahelwatch.report.export import dumps_export
from sahelwatch.workspace import Workspace
from tests.conftest import SHARED

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (SHARED / "seeds").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"needs the shared seed corpus and scorer at {SHARED}, which is absent")
    tmp = tmp_path_factory.mktemp("seeds")
    settings = Settings(home=tmp, database_url=f"sqlite:///{tmp / 'seeds.db'}", max_bytes=10 << 20)
    with Workspace(settings=settings) as ws:
        report = ws.ingest([str(SHARED / "seeds")])
        assert report.ok, report.failures
        document = ws.export()
    path = tmp / "x.json"
    path.write_text(dumps_export(document), encoding="utf-8")
    return path


def score(export: Path, *floors: str, gold: Path | None = None) -> None:
    """score.py on ``export`` (against the seed gold unless ``gold``) with ``--min`` floors."""
    args = [a for floor in floors for a in ("--min", floor)]
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--export",
            str(export),
            "--gold",
            str(gold or SHARED / "eval" / "seeds.gold.json"),
            "--verbose",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_seeds_titles_dates_and_boilerplate_are_exact(seed_export: Path) -> None:
    score(seed_export, "title_acc=1.0", "pubdate_acc=1.0", "boilerplate=1.0")


def test_seeds_entities_and_aliases(seed_export: Path) -> None:
    score(seed_export, "entity_f1=0.90", "alias_resolution=0.95")


def test_seeds_events_dates_and_quotes(seed_export: Path) -> None:
    score(
        seed_export,
        "event_f1=0.70",
        "event_date_acc=0.85",
        "quote_r=0.90",
        "quote_speaker_acc=0.90",
    )


def test_seeds_clusters_and_conflicts(seed_export: Path) -> None:
    score(seed_export, "cluster_f1=0.80", "conflict_recall=1.0")
    document = json.loads(seed_export.read_text(encoding="utf-8"))
    assert len(document["conflicts"]) <= 2 * 6  # at most twice the gold count


def test_seeds_cli_round_trip(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The exact commands of the foundation issue, through the CLI."""
    from sahelwatch.cli import main

    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    assert main(["--db", db, "ingest", "-q", str(shared_dir / "seeds")]) == 0
    assert main(["--db", db, "export", "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    score(tmp_path / "x.json", "title_acc=1.0", "pubdate_acc=1.0", "boilerplate=1.0")
