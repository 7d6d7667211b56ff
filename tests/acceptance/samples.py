"""Small inputs in every supported format, written for the tests (not copied from any outlet)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

STORY_EN = (
    "Ministers Agree on a Shared Grain Reserve\n\n"
    "NIAMEY, Niger — Agriculture ministers from three Sahel countries agreed on Thursday "
    "to pool part of their grain stocks in a shared reserve, officials said.\n\n"
    "The reserve would be drawn on when harvests fail, according to a statement read "
    "at the close of the two-day meeting in the capital.\n\n"
    "Officials did not say how large the reserve would be or when it would start.\n"
)
STORY_FR = (
    "Les ministres de l'Agriculture s'accordent sur une réserve de céréales\n\n"
    "Les ministres de l'Agriculture de trois pays du Sahel se sont entendus jeudi sur la "
    "création d'une réserve commune de céréales, a-t-on appris de source officielle.\n\n"
    "Cette réserve serait mobilisée en cas de mauvaise récolte, selon un communiqué lu à "
    "la clôture de la réunion de deux jours dans la capitale nigérienne.\n"
)


def paragraph(n: int, topic: str = "a regional road") -> str:
    return (
        f"Story {n}: engineers said work on {topic} number {n} would resume after the rains, "
        f"and local officials welcomed the news at a meeting held in the town hall on day {n}."
    )


def html_page(title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta name="author" content="Test Desk"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2026 Example Media</footer></body></html>"
    )


def rss_feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>https://news.example.org/{i}</link>"
        f"<pubDate>Mon, 12 Jan 2026 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{p}</p>]]></description></item>"
        for i, (t, p) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Example Sahel Wire</title><link>https://news.example.org/</link>{entries}"
        "</channel></rss>"
    )


def atom_feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<entry><title>{t}</title><link href='https://atom.example.org/{i}'/>"
        f"<id>urn:example:{i}</id><updated>2026-01-13T08:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{p}&lt;/p&gt;</content></entry>"
        for i, (t, p) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Example Atom</title><id>urn:example</id><updated>2026-01-13T08:00:00Z</updated>"
        f"{entries}</feed>"
    )


def warc_gz(pages: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, page in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        body = page.encode()
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def write_every_format(folder: Path) -> dict[str, int]:
    """One file per supported format; returns how many articles each should give."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.txt").write_text(STORY_EN, encoding="utf-8")
    (folder / "histoire.txt").write_text(STORY_FR, encoding="utf-8")
    (folder / "notes.md").write_text(f"# A Markdown Story\n\n{paragraph(1)}\n\n{paragraph(2)}\n")
    (folder / "page.html").write_text(html_page("An HTML Story", [paragraph(3), paragraph(4)]))
    (folder / "one.json").write_text(json.dumps({"title": "JSON one", "text": paragraph(5)}))
    (folder / "many.json").write_text(
        json.dumps(
            [
                {"title": "JSON two", "text": paragraph(6)},
                {
                    "title": "JSON three",
                    "html": f"<p>{paragraph(7)}</p>",
                    "url": "https://example.org/j3",
                    "date": "2026-01-05",
                },
            ]
        )
    )
    (folder / "records.jsonl").write_text(
        "\n".join(
            json.dumps({"title": f"Line {n}", "text": paragraph(n), "author": "Wire"})
            for n in (8, 9)
        )
        + "\n"
    )
    (folder / "wire.rss").write_text(
        rss_feed([("RSS one", paragraph(10)), ("RSS two", paragraph(11))])
    )
    (folder / "wire.atom").write_text(atom_feed([("Atom one", paragraph(12))]))
    (folder / "crawl.warc.gz").write_bytes(
        warc_gz(
            [
                ("https://site.example.org/a", html_page("WARC a", [paragraph(13), paragraph(14)])),
                ("https://site.example.org/b", html_page("WARC b", [paragraph(15), paragraph(16)])),
            ]
        )
    )
    return {"txt": 2, "md": 1, "html": 1, "json": 3, "jsonl": 2, "rss": 2, "atom": 1, "warc": 2}


def write_bad_inputs(folder: Path) -> list[str]:
    """One file per kind of bad input; returns the names that must be reported as failed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.json").write_text('{"title": "x", "text": ')
    (folder / "partly.jsonl").write_text(
        json.dumps({"title": "Good line", "text": paragraph(40)})
        + "\n{not json\n"
        + json.dumps({"title": "Good too", "text": paragraph(41)})
        + "\n"
    )
    (folder / "notxml.rss").write_text("this is plainly not a feed at all")
    good = warc_gz(
        [
            ("https://site.example.org/c", html_page("WARC c", [paragraph(42)])),
            ("https://site.example.org/d", html_page("WARC d", [paragraph(43)])),
        ]
    )
    (folder / "truncated.warc.gz").write_bytes(good[: len(good) - 40])
    with (folder / "huge.txt").open("wb") as fh:  # sparse: large on stat, nothing on disk
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\0")
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    return [
        "empty.txt",
        "binary.txt",
        "broken.json",
        "partly.jsonl",
        "notxml.rss",
        "truncated.warc.gz",
        "huge.txt",
        "gone.txt",
    ]


def latin1_story() -> bytes:
    return STORY_FR.encode("latin-1", errors="replace")


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data)
