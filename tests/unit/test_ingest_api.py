"""The public surface the Workspace codes against, pinned."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path

import pytest

import sahelwatch.ingest as ingest
from sahelwatch.errors import ConfigError, InputError
from sahelwatch.ingest import IngestOptions, Source, expand_targets, read_source
from sahelwatch.model import RawDocument


def test_ingest_api_exports_are_pinned() -> None:
    assert ingest.__all__ == [
        "DEFAULT_USER_AGENT",
        "SUPPORTED_SUFFIXES",
        "IngestOptions",
        "Source",
        "expand_targets",
        "read_source",
    ]
    for name in ingest.__all__:
        assert getattr(ingest, name) is not None


def test_ingest_api_options_defaults_and_frozen() -> None:
    options = IngestOptions()
    assert options.max_bytes == 10 * 1024 * 1024
    assert options.allow_private is False
    assert options.timeout == 15.0
    assert options.respect_robots is True
    assert options.user_agent.startswith("sahelwatch/")
    assert options.user_agent.endswith("(+https://github.com/sahelwatch/sahelwatch; news research)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.max_bytes = 1  # type: ignore[misc]
    assert hash(options) == hash(IngestOptions())


@pytest.mark.parametrize("bad", [{"max_bytes": 0}, {"timeout": 0.0}, {"timeout": float("nan")}])
def test_ingest_api_options_refuse_limits_that_cannot_work(bad: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        IngestOptions(**bad)  # type: ignore[arg-type]


def test_ingest_api_source_fields() -> None:
    assert [field.name for field in dataclasses.fields(Source)] == ["name", "location", "kind"]


def test_ingest_api_read_source_is_lazy(tmp_path: Path) -> None:
    reader = read_source(Source("gone.txt", str(tmp_path / "gone.txt"), "file"), IngestOptions())
    assert inspect.isgenerator(reader)  # nothing raised until iterated
    with pytest.raises(InputError):
        next(reader)


def test_ingest_api_end_to_end_over_a_mixed_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bamako, 3 mars.")
    (tmp_path / "b.jsonl").write_text('{"text": "one"}\nnot json\n{"html": "<p>two</p>"}\n')
    (tmp_path / "c.md").write_bytes(b"")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    sources, errors = expand_targets([str(tmp_path)])
    assert errors == []
    documents: list[RawDocument] = []
    failures: list[str] = []
    for source in sources:
        try:
            for item in read_source(source, IngestOptions()):
                if isinstance(item, RawDocument):
                    documents.append(item)
                else:
                    failures.append(f"{item.input_name}: {item.reason}")
        except InputError as error:
            failures.append(str(error))
    assert [d.content for d in documents] == [b"Bamako, 3 mars.", b"one", b"<p>two</p>"]
    assert failures == [
        f"{tmp_path}/b.jsonl:2: not valid JSON: Expecting value at column 1",
        f"{tmp_path}/c.md: file is empty",
    ]
