"""Web archives: HTML responses become documents; a cut archive yields what is whole, then fails."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sahelwatch import model
from sahelwatch.errors import EmptyInput, MalformedInput
from sahelwatch.ingest import IngestOptions, Source, read_source
from sahelwatch.ingest.warc import gzip_stream_state
from sahelwatch.model import IngestFailure, RawDocument

PAGES = [
    ("https://sahel.example/a", "<html><body><p>Article A about Bamako. {}</p></body></html>"),
    ("https://sahel.example/b", "<html><body><p>Article B about Niamey. {}</p></body></html>"),
    ("https://sahel.example/c", "<html><body><p>Article C about Ouagadougou. {}</p></body></html>"),
]


def _record(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    http = StatusAndHeaders(
        status,
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # a known length keeps warcio from spooling to a temp file
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-07-06T10:00:00Z"},
    )
    writer.write_record(record)


def _archive(*, compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    filler = "lorem ipsum dolor sit amet " * 40
    _record(writer, PAGES[0][0], PAGES[0][1].format(filler).encode(), "text/html; charset=utf-8")
    _record(writer, "https://sahel.example/logo.png", b"\x89PNG" + bytes(300), "image/png")
    for uri, page in PAGES[1:]:
        _record(writer, uri, page.format(filler).encode("latin-1"), "text/html; charset=ISO-8859-1")
    _record(writer, "https://sahel.example/moved", b"<html>moved</html>", "text/html", "301 Moved")
    return buffer.getvalue()


def _read(path: Path, *, max_bytes: int = 10 * 1024 * 1024) -> list[RawDocument | IngestFailure]:
    source = Source(path.name, str(path), "file")
    return list(read_source(source, IngestOptions(max_bytes=max_bytes)))


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_ingest_warc_html_responses_become_documents(
    tmp_path: Path, name: str, compress: bool
) -> None:
    path = tmp_path / name
    path.write_bytes(_archive(compress=compress))
    documents = [d for d in _read(path) if isinstance(d, RawDocument)]
    assert len(documents) == len(_read(path))  # no failures
    assert [d.uri for d in documents] == [uri for uri, _ in PAGES]  # no PNG, no redirect
    first = documents[0]
    assert first.media_type == model.HTML
    assert first.content.startswith(b"<html><body><p>Article A about Bamako.")
    assert dict(first.hints) == {
        "url": "https://sahel.example/a",
        "crawled_at": "2024-07-06T10:00:00Z",
        "charset": "utf-8",
    }
    assert documents[1].hints["charset"] == "iso-8859-1"


def test_ingest_warc_truncated_gzip_yields_whole_records_then_fails(tmp_path: Path) -> None:
    data = _archive(compress=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    source = Source(path.name, str(path), "file")
    reader = read_source(source, IngestOptions())
    documents: list[RawDocument] = []
    with pytest.raises(MalformedInput) as caught:
        for item in reader:
            assert isinstance(item, RawDocument)
            documents.append(item)
    assert 1 <= len(documents) < len(PAGES)
    assert [d.uri for d in documents] == [uri for uri, _ in PAGES][: len(documents)]
    assert str(caught.value).startswith("cut.warc.gz: truncated gzip stream after ")
    assert str(caught.value).endswith(" records")


def test_ingest_warc_truncated_uncompressed_archive(tmp_path: Path) -> None:
    data = _archive(compress=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 40])  # inside the last record
    items: list[RawDocument | IngestFailure] = []
    with pytest.raises(MalformedInput, match="truncated archive after 4 records"):
        for item in read_source(Source(path.name, str(path), "file"), IngestOptions()):
            items.append(item)
    assert len(items) == 3  # the cut record is the redirect: every page came through whole


def test_ingest_warc_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("<html>I am not an archive</html>")
    with pytest.raises(MalformedInput, match=r"^fake\.warc: not a WARC file$"):
        _read(path)


def test_ingest_warc_gzip_of_something_else(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello world, not a warc\n"))
    with pytest.raises(MalformedInput, match="not a WARC file"):
        _read(path)


def test_ingest_warc_without_html_is_empty(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _record(WARCWriter(buffer, gzip=True), "https://x.example/i.png", b"\x89PNG", "image/png")
    path = tmp_path / "images.warc.gz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(
        EmptyInput, match="no successful HTML response among the archive's 1 record"
    ):
        _read(path)


def test_ingest_warc_oversize_page_fails_alone(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    _record(writer, "https://x.example/big", b"<html>" + b"a" * 50_000 + b"</html>", "text/html")
    _record(writer, "https://x.example/small", b"<html>small</html>", "text/html")
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 10_000  # compresses well: the file is under the limit
    items = _read(path, max_bytes=10_000)
    assert isinstance(items[0], IngestFailure)
    assert (items[0].input_name, items[0].kind) == ("bomb.warc.gz:record 1", "too_large")
    assert isinstance(items[1], RawDocument)
    assert items[1].content == b"<html>small</html>"


def test_ingest_warc_gzip_stream_state() -> None:
    members = gzip.compress(b"one") + gzip.compress(b"two")
    assert gzip_stream_state(members) == "complete"
    assert gzip_stream_state(members[:-3]) == "truncated"
    assert gzip_stream_state(members + b"garbage!") == "corrupt"
