"""expand_targets: paths, directories, globs and URLs into sources and up-front errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sahelwatch.errors import FetchError, UnreadableInput, UnsupportedInput
from sahelwatch.ingest import Source, expand_targets


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "b" / "deep").mkdir()
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("one")
    (root / "b" / "c.html").write_text("<p>two</p>")
    (root / "b" / "deep" / "d.JSONL").write_text('{"text": "three"}\n')
    (root / "b" / "e.warc.gz").write_bytes(b"\x1f\x8b")
    (root / "notes.pdf").write_bytes(b"%PDF")
    (root / ".secret.txt").write_text("hidden")
    (root / ".hidden" / "x.txt").write_text("hidden")
    return root


def _names(sources: list[Source]) -> list[str]:
    return [source.name for source in sources]


def test_ingest_sources_directory_is_recursive_sorted_and_filtered(corpus: Path) -> None:
    sources, errors = expand_targets([str(corpus)])
    assert errors == []
    assert _names(sources) == [
        f"{corpus}/a.txt",
        f"{corpus}/b/c.html",
        f"{corpus}/b/deep/d.JSONL",
        f"{corpus}/b/e.warc.gz",
    ]
    assert all(source.kind == "file" for source in sources)
    assert all(Path(source.location).is_absolute() for source in sources)


def test_ingest_sources_names_are_relative_to_the_directory_as_typed(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    sources, _ = expand_targets(["corpus/b/"])
    assert _names(sources) == ["corpus/b/c.html", "corpus/b/deep/d.JSONL", "corpus/b/e.warc.gz"]
    assert sources[0].location == str(corpus / "b" / "c.html")


def test_ingest_sources_explicit_file_keeps_its_name(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus)
    sources, errors = expand_targets(["a.txt"])
    assert errors == []
    assert sources == [Source(name="a.txt", location=str(corpus / "a.txt"), kind="file")]


def test_ingest_sources_missing_target_is_unreadable(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    sources, errors = expand_targets([missing])
    assert sources == []
    assert len(errors) == 1
    assert isinstance(errors[0], UnreadableInput)
    assert str(errors[0]) == f"{missing}: no such file or directory"


def test_ingest_sources_explicit_unsupported_suffix_is_refused(corpus: Path) -> None:
    sources, errors = expand_targets([str(corpus / "notes.pdf")])
    assert sources == []
    assert isinstance(errors[0], UnsupportedInput)
    assert "unsupported file type '.pdf'" in errors[0].reason
    assert "\n" not in str(errors[0])


def test_ingest_sources_dangling_symlink_is_reported_and_the_rest_listed(corpus: Path) -> None:
    (corpus / "b" / "gone.txt").symlink_to(corpus / "does-not-exist.txt")
    sources, errors = expand_targets([str(corpus)])
    assert len(sources) == 4
    assert len(errors) == 1
    assert isinstance(errors[0], UnreadableInput)
    assert errors[0].input_name == f"{corpus}/b/gone.txt"
    assert errors[0].reason.startswith("broken symbolic link to ")


def test_ingest_sources_symlink_loop_is_not_followed_forever(corpus: Path) -> None:
    (corpus / "b" / "loop").symlink_to(corpus)
    sources, errors = expand_targets([str(corpus)])
    assert errors == []
    assert len(sources) == 4  # each file once, though reachable by many paths


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_sources_unreadable_file_in_directory(corpus: Path) -> None:
    locked = corpus / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        sources, errors = expand_targets([str(corpus)])
    finally:
        locked.chmod(0o644)
    assert len(sources) == 4
    assert [(type(error), error.reason) for error in errors] == [
        (UnreadableInput, "permission denied")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists directories whatever their mode")
def test_ingest_sources_unlistable_directory(corpus: Path) -> None:
    (corpus / "b").chmod(0)
    try:
        sources, errors = expand_targets([str(corpus)])
    finally:
        (corpus / "b").chmod(0o755)
    assert _names(sources) == [f"{corpus}/a.txt"]
    assert [error.input_name for error in errors] == [f"{corpus}/b"]


def test_ingest_sources_glob_recursive(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus)
    sources, errors = expand_targets(["**/*.html", "*.txt"])
    assert errors == []
    assert _names(sources) == ["b/c.html", "a.txt"]


def test_ingest_sources_glob_matching_nothing_is_an_error(corpus: Path) -> None:
    pattern = str(corpus / "*.nothing")
    sources, errors = expand_targets([pattern])
    assert sources == []
    assert isinstance(errors[0], UnreadableInput)
    assert errors[0].reason == "no file matches this pattern"


def test_ingest_sources_glob_matching_only_unsupported_files(corpus: Path) -> None:
    sources, errors = expand_targets([str(corpus / "*.pdf")])
    assert sources == []
    assert isinstance(errors[0], UnsupportedInput)
    assert errors[0].reason.startswith("none of the 1 matching files is of a supported type")


def test_ingest_sources_glob_matching_a_directory_expands_it(corpus: Path) -> None:
    sources, _ = expand_targets([str(corpus / "b*")])
    assert _names(sources)[0] == f"{corpus}/b/c.html"


def test_ingest_sources_same_file_twice_is_listed_once(corpus: Path) -> None:
    sources, _ = expand_targets([str(corpus / "a.txt"), str(corpus), str(corpus / "*.txt")])
    assert _names(sources).count(str(corpus / "a.txt")) == 1
    assert len(sources) == 4


def test_ingest_sources_urls(tmp_path: Path) -> None:
    sources, errors = expand_targets(
        ["https://example.org/a?x=1", "HTTP://example.org/", "ftp://example.org/a", "http:///x"]
    )
    assert sources == [
        Source(name="https://example.org/a?x=1", location="https://example.org/a?x=1", kind="url"),
        Source(name="HTTP://example.org/", location="HTTP://example.org/", kind="url"),
    ]
    assert isinstance(errors[0], UnsupportedInput)
    assert "unsupported URL scheme 'ftp'" in errors[0].reason
    assert isinstance(errors[1], FetchError)
    assert errors[1].reason == "URL has no host"


def test_ingest_sources_file_uri_reads_the_file(corpus: Path) -> None:
    uri = (corpus / "a.txt").as_uri()
    sources, errors = expand_targets([uri])
    assert errors == []
    assert sources == [Source(name=uri, location=str(corpus / "a.txt"), kind="file")]


def test_ingest_sources_fifo_named_explicitly_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sources, errors = expand_targets([str(fifo)])
    assert sources == []
    assert isinstance(errors[0], UnsupportedInput)
    assert errors[0].reason == "not a regular file"


def test_ingest_sources_empty_target(tmp_path: Path) -> None:
    _, errors = expand_targets([""])
    assert isinstance(errors[0], UnreadableInput)


def test_ingest_sources_permission_refusals_are_reported_whoever_runs_the_tests(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores file modes, so the OS's refusals are simulated where they are asked.
    real_access = os.access
    real_scandir = os.scandir

    def access(path: object, mode: int) -> bool:
        return not str(path).endswith("a.txt") and real_access(path, mode)  # type: ignore[arg-type]

    def scandir(path: object) -> object:
        if str(path).endswith("deep"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr("sahelwatch.ingest.sources.os.access", access)
    monkeypatch.setattr("sahelwatch.ingest.sources.os.scandir", scandir)
    sources, errors = expand_targets([str(corpus)])
    assert _names(sources) == [f"{corpus}/b/c.html", f"{corpus}/b/e.warc.gz"]
    assert [(type(e), e.input_name, e.reason) for e in errors] == [
        (UnreadableInput, f"{corpus}/a.txt", "permission denied"),
        (UnreadableInput, f"{corpus}/b/deep", "permission denied"),
    ]
