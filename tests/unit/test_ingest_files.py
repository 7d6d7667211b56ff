"""Plain files (txt, md, html): bytes as read, size limits, empty and unreadable files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sahelwatch import model
from sahelwatch.errors import EmptyInput, InputError, TooLarge, UnreadableInput, UnsupportedInput
from sahelwatch.ingest import IngestOptions, Source, expand_targets, read_source
from sahelwatch.ingest.limits import human_size, too_large_reason
from sahelwatch.model import IngestFailure, RawDocument


def _source(path: Path) -> Source:
    return Source(name=path.name, location=str(path), kind="file")


def _read(path: Path, options: IngestOptions | None = None) -> list[RawDocument]:
    items = list(read_source(_source(path), options or IngestOptions()))
    assert not any(isinstance(item, IngestFailure) for item in items)
    return [item for item in items if isinstance(item, RawDocument)]


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("story.txt", model.TEXT),
        ("story.TXT", model.TEXT),
        ("story.md", model.MARKDOWN),
        ("story.markdown", model.MARKDOWN),
        ("story.html", model.HTML),
        ("story.HTM", model.HTML),
    ],
)
def test_ingest_files_plain_formats_keep_bytes_exactly(
    tmp_path: Path, name: str, media_type: str
) -> None:
    content = "Niamey, 6 juillet - l'AES\r\n\xe9t\xe9".encode("latin-1") + b"\x00\xff"
    path = tmp_path / name
    path.write_bytes(content)
    [document] = _read(path)
    assert document.content == content  # not decoded, not normalized: clean does that
    assert document.media_type == media_type
    assert document.uri == path.resolve().as_uri()
    assert document.uri.endswith(name)
    assert document.fetched_at.tzinfo is not None
    assert dict(document.hints) == {}


def test_ingest_files_uri_resolves_symlinked_directories(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x")
    (tmp_path / "link").symlink_to(real)
    [document] = _read(tmp_path / "link" / "a.txt")
    assert document.uri == (real / "a.txt").as_uri()


def test_ingest_files_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.touch()
    with pytest.raises(EmptyInput) as caught:
        list(read_source(_source(path), IngestOptions()))
    assert str(caught.value) == "empty.txt: file is empty"
    assert caught.value.kind == "empty"


def test_ingest_files_oversize_file_is_refused_from_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:  # large on stat, nothing on disk
        sparse.seek(int(5.2 * 1024**3))
        sparse.write(b"\0")

    def no_reading(*args: object) -> bytes:
        raise AssertionError("an oversize file must not be read")

    monkeypatch.setattr("sahelwatch.ingest.files.read_capped", no_reading)
    with pytest.raises(TooLarge) as caught:
        list(read_source(_source(path), IngestOptions()))
    assert str(caught.value) == "huge.txt: 5.2 GB exceeds the 10 MB size limit"


def test_ingest_files_size_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"x" * 100)
    assert len(_read(path, IngestOptions(max_bytes=100))[0].content) == 100
    with pytest.raises(TooLarge):
        _read(path, IngestOptions(max_bytes=99))


def test_ingest_files_permission_denied_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores file modes, so the OS refusal is simulated where it happens.
    path = tmp_path / "locked.txt"
    path.write_text("secret")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("sahelwatch.ingest.files.os.open", refuse)
    with pytest.raises(UnreadableInput) as caught:
        list(read_source(_source(path), IngestOptions()))
    assert str(caught.value) == "locked.txt: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_files_chmod_000_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        _, errors = expand_targets([str(path)])
        with pytest.raises(UnreadableInput):
            list(read_source(_source(path), IngestOptions()))
    finally:
        path.chmod(0o644)
    assert [error.reason for error in errors] == ["permission denied"]


def test_ingest_files_vanished_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput) as caught:
        list(read_source(_source(tmp_path / "gone.txt"), IngestOptions()))
    assert caught.value.reason == "no such file or directory"


def test_ingest_files_directory_and_fifo_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInput, match="is a directory"):
        list(read_source(_source(folder), IngestOptions()))
    with pytest.raises(UnsupportedInput, match="not a regular file"):
        list(read_source(_source(fifo), IngestOptions()))  # must not block


def test_ingest_files_unsupported_suffix_given_as_source(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(UnsupportedInput):
        list(read_source(_source(path), IngestOptions()))


def test_ingest_files_feed_saved_as_html_is_read_as_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text(
        '<?xml version="1.0"?>\n<!-- saved -->\n<rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><description>Body</description></item></channel></rss>"
    )
    [document] = _read(path)
    assert document.uri == path.resolve().as_uri() + "#entry=1"


def test_ingest_files_errors_are_input_errors_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.touch()
    with pytest.raises(InputError) as caught:
        list(read_source(_source(path), IngestOptions()))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1024, "1 KB"),
        (10 * 1024 * 1024, "10 MB"),
        (int(5.2 * 1024**3), "5.2 GB"),
        (3 * 1024**5, "3072 TB"),
    ],
)
def test_ingest_files_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


def test_ingest_files_too_large_reason_never_contradicts_itself() -> None:
    limit = 10 * 1024 * 1024
    assert too_large_reason(limit + 1, limit, "file") == "file exceeds the 10 MB size limit"
    assert too_large_reason(None, limit, "response body") == (
        "response body exceeds the 10 MB size limit"
    )
