"""Reports on the bundled demo corpus: briefing, ACLED CSV, GraphML, timeline, profile."""

from __future__ import annotations

import base64
import json
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from sahelwatch.cli import main
from tests.conftest import DEMO_CORPUS

pytestmark = pytest.mark.slow

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
]


class _Brief(HTMLParser):
    """Collects images, citation targets and the paragraphs that cite them."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.sources: dict[str, dict[str, str]] = {}
        self.links: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(a.get("src", ""))
        if tag == "script":
            self.scripts += 1
        if a.get("id", "").startswith("src-"):
            self.sources[a["id"]] = a
        if tag == "a" and a.get("href", "").startswith("#src-"):
            self.links.append(a["href"][1:])


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    assert main(["--db", db, "ingest", "-q", str(DEMO_CORPUS)]) == 0
    return db


def test_demo_brief_cites_stored_sentences(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.html"
    assert main(["--db", demo_db, "brief", "-o", str(out)]) == 0
    assert main(["--db", demo_db, "export", "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    bodies = {a["id"]: a["body"] for a in json.loads((tmp_path / "x.json").read_text())["articles"]}
    page = _Brief()
    page.feed(out.read_text(encoding="utf-8"))
    charts = [src for src in page.images if src.startswith("data:image/png;base64,")]
    assert len(charts) >= 2
    for src in charts:
        assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG")
    assert page.links, "key developments carry citations"
    for target in page.links:
        source = page.sources[target]
        body = bodies[source["data-article"]]
        assert body[int(source["data-start"]) : int(source["data-end"])].strip()
    assert page.scripts == 0


def test_demo_acled_and_graphml_load(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "export", "-f", "acled", "-o", str(tmp_path / "e.csv")]) == 0
    assert (
        main(["--db", demo_db, "export", "-f", "graphml", "-o", str(tmp_path / "g.graphml")]) == 0
    )
    capsys.readouterr()
    frame = pd.read_csv(tmp_path / "e.csv")
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) > 10
    assert set(frame["time_precision"].dropna()) <= {1, 2, 3}
    graph = nx.read_graphml(tmp_path / "g.graphml")
    kinds = {d.get("kind") for _, d in graph.nodes(data=True)}
    assert {"entity", "event"} <= kinds
    assert graph.number_of_edges() > graph.number_of_nodes()


def test_demo_timeline_profile_and_conflicts(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "timeline", "--format", "json", "--entity", "AES"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["sources"] >= 1 and r["articles"] for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    assert main(["--db", demo_db, "timeline", "--format", "csv", "--from", "2025"]) == 0
    assert capsys.readouterr().out.startswith("date,precision")
    assert main(["--db", demo_db, "profile", "Alliance of Sahel States"]) == 0
    text = capsys.readouterr().out
    assert "members" in text and "Mali" in text and "founded" in text
    assert main(["--db", demo_db, "conflicts"]) == 0
    assert "most sources" in capsys.readouterr().out
