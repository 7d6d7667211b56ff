"""JSON and JSONL files: a record per article, bad records failing alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelwatch import model
from sahelwatch.errors import EmptyInput, MalformedInput
from sahelwatch.ingest import IngestOptions, Source, read_source
from sahelwatch.model import IngestFailure, RawDocument


def _read(path: Path) -> tuple[list[RawDocument], list[IngestFailure]]:
    items = list(read_source(Source(path.name, str(path), "file"), IngestOptions()))
    documents = [item for item in items if isinstance(item, RawDocument)]
    failures = [item for item in items if isinstance(item, IngestFailure)]
    return documents, failures


def test_ingest_records_json_object_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": "Les chefs d'\u00c9tat de l'AES se sont r\u00e9unis \u00e0 Niamey.",
        "title": "Sommet de Niamey",
        "link": "https://example.org/sommet",
        "published": "2024-07-06",
        "author": "A. Diallo",
        "site_name": "Sahel Daily",
        "views": 12,
        "tags": ["aes"],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [document], failures = _read(path)
    assert failures == []
    assert document.content == str(record["text"]).encode("utf-8")
    assert document.media_type == model.TEXT
    assert document.uri == path.resolve().as_uri()
    assert dict(document.hints) == {
        "charset": "utf-8",
        "title": "Sommet de Niamey",
        "url": "https://example.org/sommet",
        "date": "2024-07-06",
        "author": "A. Diallo",
        "site_name": "Sahel Daily",
    }


def test_ingest_records_json_list_numbers_records(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(
        json.dumps(
            [
                {"html": "<p>one</p>", "url": "https://example.org/1", "date": 1720224000},
                {"title": "no content"},
                {"text": "three", "html": "<p>three</p>"},
                "not an object",
            ]
        )
    )
    documents, failures = _read(path)
    uri = path.resolve().as_uri()
    assert [(d.uri, d.media_type, d.content) for d in documents] == [
        (f"{uri}#record=1", model.HTML, b"<p>one</p>"),
        (f"{uri}#record=3", model.TEXT, b"three"),  # text wins over html
    ]
    assert documents[0].hints["date"] == "1720224000"
    assert [(f.input_name, f.kind, f.reason) for f in failures] == [
        ("many.json:record 2", "malformed", "record has neither 'text' nor 'html'"),
        ("many.json:record 4", "malformed", "record is a string, not an object"),
    ]


def test_ingest_records_json_wrapped_list(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"articles": [{"text": "a"}, {"text": "b"}], "count": 2}))
    documents, _ = _read(path)
    assert [d.content for d in documents] == [b"a", b"b"]


def test_ingest_records_json_object_without_text_fails_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "only a title"}')
    with pytest.raises(MalformedInput) as caught:
        _read(path)
    assert str(caught.value) == "bad.json: record has neither 'text' nor 'html'"


def test_ingest_records_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "a"},\n  {"text" "b"}\n]')
    with pytest.raises(MalformedInput) as caught:
        _read(path)
    assert str(caught.value) == (
        "broken.json: not valid JSON: Expecting ':' delimiter at line 3 column 11"
    )


@pytest.mark.parametrize(
    ("content", "error", "reason"),
    [
        (b"[]", EmptyInput, "the JSON list holds no records"),
        (b"42", MalformedInput, "expected a JSON object or a list of records, found a number"),
        (b"\xff\xfe\xfa", MalformedInput, "not valid JSON: bytes are not UTF-8"),
        (b'{"text": 5}', MalformedInput, "'text' is a number, not a string"),
        (b'{"text": "  "}', EmptyInput, "the record's 'text' is empty"),
    ],
)
def test_ingest_records_bad_json_files(
    tmp_path: Path, content: bytes, error: type[Exception], reason: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        _read(path)
    assert str(caught.value).startswith(f"x.json: {reason}")


def test_ingest_records_json_with_bom_and_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"text": "caf\\u00e9 \\ud800"}')
    [document], _ = _read(path)
    assert document.content == "caf\u00e9 \ufffd".encode()


def test_ingest_records_jsonl_one_bad_line_others_ingest(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        '{"text": "first", "title": "One"}',
        "",
        '{"html": "<p>second</p>"}',
        "   ",
        '{"text": "third"}',
        '{"text": "fourth",}',
        '{"text": "seventh"}',
        '{"nothing": true}',
        "[1, 2]",
    ]
    path.write_text("\r\n".join(lines) + "\n")
    documents, failures = _read(path)
    uri = path.resolve().as_uri()
    assert [(d.uri, d.content) for d in documents] == [
        (f"{uri}#line=1", b"first"),
        (f"{uri}#line=3", b"<p>second</p>"),
        (f"{uri}#line=5", b"third"),
        (f"{uri}#line=7", b"seventh"),
    ]
    assert documents[0].hints["title"] == "One"
    bad_json = failures.pop(0)
    assert (bad_json.input_name, bad_json.kind) == ("feed.jsonl:6", "malformed")
    # The wording is the json module's and varies by Python version; the place does not.
    assert bad_json.reason.startswith("not valid JSON: ")
    assert bad_json.reason.endswith(("at column 18", "at column 19"))
    assert [(f.input_name, f.kind, f.reason) for f in failures] == [
        ("feed.jsonl:8", "malformed", "record has neither 'text' nor 'html'"),
        ("feed.jsonl:9", "malformed", "record is an array, not an object"),
    ]
    assert all(f.occurred_at.tzinfo is not None for f in failures)


def test_ingest_records_jsonl_only_blank_lines_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n")
    with pytest.raises(EmptyInput):
        _read(path)


def test_ingest_records_jsonl_with_no_json_line_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "pretty.jsonl"
    path.write_text('{\n  "text": "a"\n}\n')
    with pytest.raises(MalformedInput) as caught:
        _read(path)
    assert str(caught.value) == (
        "pretty.jsonl: no line is valid JSON (line 1: Expecting property name enclosed in "
        "double quotes at column 2)"
    )
