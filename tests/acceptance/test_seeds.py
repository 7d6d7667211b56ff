"""The seed corpus scored with the project's own scorer (needs ../shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sahelwatch.cli import main

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def test_seeds_titles_dates_and_boilerplate_are_exact(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    assert main(["--db", db, "ingest", "-q", str(shared_dir / "seeds")]) == 0
    export = tmp_path / "x.json"
    assert main(["--db", db, "export", "-o", str(export)]) == 0
    capsys.readouterr()
    result = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            "--export",
            str(export),
            "--gold",
            str(shared_dir / "eval" / "seeds.gold.json"),
            "--verbose",
            "--min",
            "title_acc=1.0",
            "--min",
            "pubdate_acc=1.0",
            "--min",
            "boilerplate=1.0",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
