"""The foundation end to end, through the CLI a user types: formats, bad input, export."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest

from sahelwatch.cli import main
from sahelwatch.report.export import export_schema
from tests.acceptance import samples


def run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def export(capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path) -> dict:
    out_file = tmp_path / "export.json"
    code, _, _ = run(capsys, db_url, "export", "--format", "json", "-o", str(out_file))
    assert code == 0
    document: dict = json.loads(out_file.read_text(encoding="utf-8"))
    return document


def test_cli_ingests_every_format(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = samples.write_every_format(tmp_path / "in")
    code, out, err = run(capsys, db_url, "ingest", "--quiet", str(tmp_path / "in"))
    assert (code, err) == (0, "")
    total = sum(expected.values())
    assert f"{total} new, 0 unchanged" in out
    document = export(capsys, db_url, tmp_path)
    uris = [a["source_uri"] for a in document["articles"]]
    assert len(uris) == total
    assert any(u.startswith("https://site.example.org/") for u in uris)  # WARC target URIs
    assert any(u.endswith("story.txt") for u in uris)
    langs = {a["source_uri"].rsplit("/", 1)[-1]: a["lang"] for a in document["articles"]}
    assert langs["histoire.txt"] == "fr"
    assert langs["story.txt"] == "en"


def test_cli_reingest_is_a_no_op(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = samples.write_every_format(tmp_path / "in")
    run(capsys, db_url, "ingest", "-q", str(tmp_path / "in"))
    before = export(capsys, db_url, tmp_path)["articles"]
    code, out, _ = run(capsys, db_url, "ingest", "-q", str(tmp_path / "in"))
    assert code == 0
    assert f"0 new, {sum(expected.values())} unchanged" in out
    # The same text under another path is the same article.
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "renamed.txt").write_bytes((tmp_path / "in" / "story.txt").read_bytes())
    code, out, _ = run(capsys, db_url, "ingest", "-q", str(tmp_path / "copy"))
    assert "0 new, 1 unchanged" in out
    assert export(capsys, db_url, tmp_path)["articles"] == before


def test_cli_bad_inputs_each_get_one_line_and_exit_2(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAHELWATCH_MAX_BYTES", str(1024 * 1024))
    bad = samples.write_bad_inputs(tmp_path / "bad")
    (tmp_path / "bad" / "latin1.txt").write_bytes(samples.latin1_story())
    (tmp_path / "bad" / "tagsoup.html").write_text(
        "<html><body><div><p>" + samples.paragraph(50) + "<p><b>" + samples.paragraph(51)
    )
    code, out, err = run(capsys, db_url, "ingest", "-q", str(tmp_path / "bad"))
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    for name in bad:
        hits = [line for line in lines if name in line]
        assert len(hits) == 1, (name, lines)
    assert len(lines) == len(bad)  # nothing else was reported
    # Good documents in the same batch are stored: 2 JSONL lines, 1 WARC record, latin-1, tag soup.
    assert "5 new" in out
    document = export(capsys, db_url, tmp_path)
    latin = next(a for a in document["articles"] if a["source_uri"].endswith("latin1.txt"))
    assert "réserve" in latin["body"] and "nigérienne" in latin["body"]
    code, out, _ = run(capsys, db_url, "failures")
    assert code == 0
    for name in bad:
        assert name in out


def test_cli_missing_target_is_reported(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, db_url, "ingest", "-q", str(tmp_path / "nowhere.txt"))
    assert code == 2
    assert "nowhere.txt" in err


def test_cli_export_round_trip_validates(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    samples.write_every_format(tmp_path / "in")
    run(capsys, db_url, "ingest", "-q", str(tmp_path / "in"))
    document = export(capsys, db_url, tmp_path)
    jsonschema.validate(document, export_schema())
    assert document["schema_version"] == "1"
    for section in ("events", "quotes", "claims"):
        for item in document[section]:
            body = {a["id"]: a["body"] for a in document["articles"]}[item["article"]]
            assert 0 <= item["start"] <= item["end"] <= len(body)
    for event in document["events"]:
        body = {a["id"]: a["body"] for a in document["articles"]}[event["article"]]
        assert body[event["start"] : event["end"]] == event["evidence"]
    clusters = {c["id"] for c in document["clusters"]}
    assert {e["cluster"] for e in document["events"]} <= clusters
    bodies = {a["id"]: a["body"] for a in document["articles"]}
    entity_ids = {e["id"] for e in document["entities"]}
    assert document["mentions"]
    for mention in document["mentions"]:
        assert bodies[mention["article"]][mention["start"] : mention["end"]] == mention["text"]
        assert mention["entity"] in entity_ids
    story = next(a for a in document["articles"] if a["source_uri"].endswith("story.txt"))
    assert story["title"] == "Ministers Agree on a Shared Grain Reserve"
    assert story["id"]


def test_cli_show_stats_and_articles(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    samples.write_every_format(tmp_path / "in")
    run(capsys, db_url, "ingest", "-q", str(tmp_path / "in"))
    code, out, _ = run(capsys, db_url, "stats")
    assert code == 0 and "articles" in out and "14" in out
    code, out, _ = run(capsys, db_url, "articles", "--json")
    first = json.loads(out.splitlines()[0])
    code, out, _ = run(capsys, db_url, "show", first["id"][:8])
    assert code == 0 and first["id"] in out
    code, _, err = run(capsys, db_url, "show", "zzzz")
    assert code == 2 and "zzzz: no article" in err


def test_cli_help_explains_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (
        "ingest",
        "articles",
        "show",
        "failures",
        "stats",
        "export",
        "entities",
        "entity",
    ):
        assert main([command, "--help"]) == 0
        out = capsys.readouterr().out
        assert "Example" in out, command


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self.send_response(404)
            self.end_headers()
            return
        page = samples.html_page("Served Story", [samples.paragraph(60), samples.paragraph(61)])
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_cli_url_needs_allow_private_for_loopback(
    local_server: str, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{local_server}/story"
    code, _, err = run(capsys, db_url, "ingest", "-q", url)
    assert code == 2 and "--allow-private" in err
    code, out, err = run(capsys, db_url, "ingest", "-q", "--allow-private", url)
    assert code == 0, err
    assert "1 new" in out


def test_cli_entities_and_entity(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "s.txt"
    story.write_text(
        "Leaders meet in Niamey\n\n"
        "NIAMEY, Niger — General Abdourahamane Tchiani received Colonel Assimi Goïta on "
        "Monday. Goïta later met Ibrahim Traoré, officials said.\n",
        encoding="utf-8",
    )
    assert run(capsys, db_url, "ingest", "-q", str(story))[0] == 0
    code, out, _ = run(capsys, db_url, "entities", "--type", "person")
    assert code == 0 and "Assimi Goïta" in out and "Abdourahamane Tiani" in out
    code, out, _ = run(capsys, db_url, "entity", "Tchiani")
    assert code == 0 and "Abdourahamane Tiani" in out and "General" in out
    code, out, _ = run(capsys, db_url, "entity", "goita")
    assert code == 0 and "Colonel" in out and "Niamey" in out
    code, _, err = run(capsys, db_url, "entities", "--type", "PLANET")
    assert code == 2 and "unknown type" in err
    code, _, err = run(capsys, db_url, "entity", "Nobody Here")
    assert code == 2 and "no entity" in err
