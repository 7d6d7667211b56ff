"""The bundled demo corpus is what `make demo` shows a newcomer: it must ingest cleanly."""

from __future__ import annotations

from collections import Counter

import pytest

from sahelwatch.workspace import Workspace
from tests.conftest import DEMO_CORPUS

pytestmark = pytest.mark.slow


def test_demo_corpus_ingests_without_failures(workspace: Workspace) -> None:
    report = workspace.ingest([str(DEMO_CORPUS)])
    assert report.failures == []
    articles = workspace.export()["articles"]
    assert len(articles) >= 12
    langs = Counter(a["lang"] for a in articles)
    assert langs["fr"] >= 3 and langs["en"] >= 3
    local = {
        a["source_uri"].rsplit(".", 1)[-1] for a in articles if a["source_uri"].startswith("file:")
    }
    assert {"txt", "html"} <= local
    # JSONL records and feed entries print their own URL, which becomes their source.
    assert sum(a["source_uri"].startswith("https://") for a in articles) >= 3
    duplicates = [a for a in articles if a["duplicate_of"]]
    assert len(duplicates) == 1, [a["source_uri"] for a in duplicates]
    removed = Counter(seg["reason"] for a in articles for seg in a["removed"])
    assert removed["teaser"] and removed["references"] and removed["comments"]
