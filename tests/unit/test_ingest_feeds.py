"""RSS and Atom feeds: one document per entry, with the feed's metadata as hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelwatch import model
from sahelwatch.errors import EmptyInput, MalformedInput
from sahelwatch.ingest import IngestOptions, Source, read_source
from sahelwatch.model import IngestFailure, RawDocument

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Sahel Daily</title>
    <link>https://sahel.example/</link>
    <item>
      <title>AES leaders meet in Niamey</title>
      <link>https://sahel.example/niamey</link>
      <pubDate>Sat, 06 Jul 2024 09:30:00 +0100</pubDate>
      <dc:creator>A. Diallo</dc:creator>
      <description>Short teaser</description>
      <content:encoded><![CDATA[<p>The full story from <b>Niamey</b>.</p>]]></content:encoded>
    </item>
    <item>
      <title>Only a summary</title>
      <link>https://sahel.example/summary</link>
      <description>&lt;p&gt;Le r&#233;sum&#233;&lt;/p&gt;</description>
    </item>
    <item>
      <title>Nothing in it</title>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Sahel</title>
  <id>urn:uuid:feed</id>
  <updated>2025-01-29T12:00:00Z</updated>
  <entry>
    <title>Withdrawal from ECOWAS takes effect</title>
    <id>urn:uuid:1</id>
    <link href="https://atom.example/ecowas"/>
    <updated>2025-01-29T12:00:00Z</updated>
    <author><name>B. Traor\u00e9</name></author>
    <content type="text">Plain text content.</content>
  </entry>
</feed>
"""


def _read(path: Path) -> tuple[list[RawDocument], list[IngestFailure]]:
    items = list(read_source(Source(path.name, str(path), "file"), IngestOptions()))
    documents = [item for item in items if isinstance(item, RawDocument)]
    failures = [item for item in items if isinstance(item, IngestFailure)]
    return documents, failures


def test_ingest_feeds_rss2_entries_with_hints(tmp_path: Path) -> None:
    path = tmp_path / "sahel.rss"
    path.write_text(RSS, encoding="utf-8")
    documents, failures = _read(path)
    uri = path.resolve().as_uri()
    assert [d.uri for d in documents] == [f"{uri}#entry=1", f"{uri}#entry=2"]
    first, second = documents
    assert first.media_type == model.HTML
    assert b"The full story from <b>Niamey</b>." in first.content  # content beats the teaser
    assert dict(first.hints) == {
        "charset": "utf-8",
        "title": "AES leaders meet in Niamey",
        "url": "https://sahel.example/niamey",
        "date": "2024-07-06T08:30:00+00:00",
        "author": "A. Diallo",
        "site_name": "Sahel Daily",
    }
    assert second.content.decode("utf-8") == "<p>Le r\u00e9sum\u00e9</p>"
    assert "date" not in second.hints
    assert [(f.input_name, f.kind, f.reason) for f in failures] == [
        ("sahel.rss:entry 3", "empty", "entry has neither content nor summary")
    ]


def test_ingest_feeds_atom(tmp_path: Path) -> None:
    path = tmp_path / "sahel.atom"
    path.write_text(ATOM, encoding="utf-8")
    [document], failures = _read(path)
    assert failures == []
    assert document.media_type == model.TEXT
    assert document.content == b"Plain text content."
    assert document.hints["date"] == "2025-01-29T12:00:00+00:00"
    assert document.hints["author"] == "B. Traor\u00e9"
    assert document.hints["site_name"] == "Atom Sahel"
    assert document.hints["url"] == "https://atom.example/ecowas"


def test_ingest_feeds_sniffed_from_xml_suffix_and_txt(tmp_path: Path) -> None:
    for name in ("feed.xml", "feed.txt"):
        path = tmp_path / name
        path.write_text(ATOM, encoding="utf-8")
        documents, _ = _read(path)
        assert len(documents) == 1, name


def test_ingest_feeds_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("this is { not xml at all")
    with pytest.raises(MalformedInput) as caught:
        _read(path)
    assert str(caught.value).startswith("feed.xml: not an RSS or Atom feed")
    assert "\n" not in str(caught.value)


def test_ingest_feeds_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><config><a>1</a></config>')
    with pytest.raises(MalformedInput, match="not an RSS or Atom feed"):
        _read(path)


def test_ingest_feeds_valid_feed_without_entries_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    with pytest.raises(EmptyInput, match="the feed has no entries"):
        _read(path)


def test_ingest_feeds_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = tmp_path / "xxe.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>A</title>'
        "<description>see &x; here</description></item></channel></rss>"
    )
    try:
        documents, _ = _read(path)
    except MalformedInput:
        return  # refusing the feed is as safe as ignoring the entity
    assert all(b"TOP-SECRET" not in d.content for d in documents)
