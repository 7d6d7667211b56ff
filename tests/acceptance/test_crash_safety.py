"""Killing an ingest with SIGKILL and running it again stores every document exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.acceptance.samples import paragraph

pytestmark = pytest.mark.slow

DOCUMENTS = 600


def count(db: Path, query: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(query).fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def test_sigkill_mid_batch_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(DOCUMENTS):
        text = "\n\n".join(paragraph(n * 10 + k, topic=f"bridge {n}-{k}") for k in range(6))
        (corpus / f"{n:04d}.txt").write_text(f"Headline number {n}\n\n{text}\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    command = [
        sys.executable,
        "-m",
        "sahelwatch",
        "--db",
        f"sqlite:///{db}",
        "ingest",
        "-q",
        str(corpus),
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while count(db, "SELECT count(*) FROM articles") < 25:
        assert process.poll() is None, "ingest ended before it could be killed"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    stored_before = count(db, "SELECT count(*) FROM articles")
    assert 0 < stored_before < DOCUMENTS

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{DOCUMENTS - stored_before} new, {stored_before} unchanged" in rerun.stdout
    assert count(db, "SELECT count(*) FROM documents") == DOCUMENTS
    assert count(db, "SELECT count(DISTINCT content_key) FROM documents") == DOCUMENTS
    assert count(db, "SELECT count(*) FROM articles") == DOCUMENTS
    orphans = (
        "SELECT count(*) FROM documents d LEFT JOIN articles a ON a.document_id = d.id"
        " WHERE a.id IS NULL"
    )
    assert count(db, orphans) == 0
