"""The briefing, from hand-built export documents: citations, filters, charts, escaping."""

from __future__ import annotations

import base64
import copy
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import sahelwatch.report.brief as brief_pkg
from sahelwatch.errors import NotFoundError, UsageError
from sahelwatch.report.brief import Brief, build_brief, write_brief
from sahelwatch.report.brief.charts import type_place_png
from sahelwatch.report.brief.citations import locate
from sahelwatch.report.brief.wording import date_phrase, on_or_after

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# -- the corpus ---------------------------------------------------------------

BODIES = {
    "a1": (
        "Leaders of Mali, Niger and Burkina Faso met in Niamey on Saturday.\n"
        "They signed a confederation treaty. "
        '"We are one people," said Assimi Goïta. '
        "The alliance was founded on 16 September 2023."
    ),
    "a2": (
        "Les chefs d'État de l'AES se sont réunis à Niamey samedi. "
        "L'alliance a été créée en 2024 selon ce média."
    ),
    "a3": (
        "Mali, Niger and Burkina Faso announced on Sunday that they were leaving ECOWAS. "
        '"The decision is irrevocable," a spokesman said.'
    ),
    "a4": (
        "Gunmen killed 12 soldiers near Ménaka on 1 February 2025 <script>alert('x')</script>. "
        "Officials later gave a toll of 10."
    ),
    "a5": "Le passeport de l'AES sera mis en circulation début 2025.",
}


def span(article: str, sentence: str) -> tuple[int, int]:
    start = BODIES[article].index(sentence)
    return start, start + len(sentence)


def article(aid: str, uri: str, title: str | None, date: str, lang: str) -> dict[str, Any]:
    return {
        "id": aid,
        "source_uri": uri,
        "title": title,
        "byline": None,
        "publication_date": date,
        "publication_date_source": "metadata",
        "lang": lang,
        "body": BODIES[aid],
        "removed": [],
        "duplicate_of": None,
    }


def entity(eid: str, name: str, etype: str, *aliases: str) -> dict[str, Any]:
    return {"id": eid, "name": name, "type": etype, "aliases": [name, *aliases], "kb_id": None}


def event(
    eid: str,
    aid: str,
    etype: str,
    sentence: str,
    cluster: str,
    date: str | None,
    precision: str | None,
    *,
    location: str | None = None,
    participants: tuple[str, ...] = (),
    fatalities: int | None = None,
    approximate: bool = False,
    modality: str = "asserted",
) -> dict[str, Any]:
    start, end = span(aid, sentence)
    return {
        "id": eid,
        "article": aid,
        "type": etype,
        "date": date,
        "date_precision": precision,
        "approximate": approximate,
        "location": location,
        "participants": [{"entity": p, "role": "agent"} for p in participants],
        "fatalities": fatalities,
        "cluster": cluster,
        "evidence": sentence,
        "start": start,
        "end": end,
        "confidence": 0.9,
        "modality": modality,
    }


def cluster(cid: str, members: list[dict[str, Any]], outlets: int, **extra: Any) -> dict[str, Any]:
    first = members[0]
    record = {
        "id": cid,
        "type": first["type"],
        "date": first["date"],
        "date_precision": first["date_precision"],
        "approximate": first["approximate"],
        "location": first["location"],
        "participants": [p["entity"] for p in first["participants"]],
        "events": [m["id"] for m in members],
        "articles": sorted({m["article"] for m in members}),
        "outlets": outlets,
        "summary": "",
        "fatalities": first["fatalities"],
        "fatalities_disputed": False,
        "confidence": 0.9,
    }
    record.update(extra)
    return record


def make_document() -> dict[str, Any]:
    states = ("mali", "niger", "bf")
    e1 = event(
        "e1",
        "a1",
        "summit",
        "Leaders of Mali, Niger and Burkina Faso met in Niamey on Saturday.",
        "c1",
        "2024-07-06",
        "day",
        location="niamey",
        participants=states,
    )
    e2 = event(
        "e2",
        "a2",
        "summit",
        "Les chefs d'État de l'AES se sont réunis à Niamey samedi.",
        "c1",
        "2024-07-06",
        "day",
        location="niamey",
        participants=("aes",),
    )
    e3 = event(
        "e3",
        "a3",
        "withdrawal",
        "Mali, Niger and Burkina Faso announced on Sunday that they were leaving ECOWAS.",
        "c2",
        "2024-01-28",
        "day",
        participants=(*states, "ecowas"),
    )
    e4 = event(
        "e4",
        "a4",
        "attack",
        "Gunmen killed 12 soldiers near Ménaka on 1 February 2025 <script>alert('x')</script>.",
        "c3",
        "2025-02-01",
        "day",
        location="menaka",
        fatalities=12,
    )
    e5 = event(
        "e5",
        "a1",
        "alliance_formation",
        "The alliance was founded on 16 September 2023.",
        "c4",
        "2023-09-16",
        "day",
        participants=("aes",),
    )
    e6 = event(
        "e6",
        "a5",
        "institution_launch",
        "Le passeport de l'AES sera mis en circulation début 2025.",
        "c5",
        "2025",
        "year",
        participants=("aes",),
        approximate=True,
        modality="planned",
    )
    k1 = span("a1", "The alliance was founded on 16 September 2023.")
    k2 = span("a2", "L'alliance a été créée en 2024 selon ce média.")
    q1 = span("a1", '"We are one people," said Assimi Goïta.')
    q2 = span("a3", '"The decision is irrevocable," a spokesman said.')
    goita = span("a1", "Assimi Goïta")
    return {
        "schema_version": "1",
        "generated_at": "2025-03-01T09:00:00Z",
        "articles": [
            article(
                "a1",
                "https://www.sahel-ledger.test/2024/07/summit",
                "AES leaders meet in Niamey",
                "2024-07-07",
                "en",
            ),
            article("a2", "https://veilleur.test/sommet", "Sommet de Niamey", "2024-07-08", "fr"),
            article("a3", "file:///corpus/03_ecowas-exit.txt", None, "2024-01-29", "en"),
            article(
                "a4",
                "javascript:alert(1)",
                "<script>alert(1)</script> Attack <b>near</b> Ménaka",
                "2025-02-03",
                "en",
            ),
            article("a5", "https://tribune.test/passeport", "Le passeport AES", "2024-12-20", "fr"),
        ],
        "entities": [
            entity("mali", "Mali", "GPE"),
            entity("niger", "Niger", "GPE"),
            entity("bf", "Burkina Faso", "GPE", "Burkina"),
            entity("niamey", "Niamey", "GPE"),
            entity("menaka", "Ménaka", "GPE", "Menaka"),
            entity("goita", "Assimi Goïta", "PERSON", "Goïta", "Colonel Assimi Goïta"),
            entity("aes", "Alliance of Sahel States", "ORG", "AES", "Alliance des États du Sahel"),
            entity("ecowas", "ECOWAS", "ORG", "CEDEAO"),
        ],
        "mentions": [
            {
                "article": "a1",
                "entity": "goita",
                "start": goita[0],
                "end": goita[1],
                "text": "Assimi Goïta",
            },
        ],
        "events": [e1, e2, e3, e4, e5, e6],
        "clusters": [
            cluster("c1", [e1, e2], 2, participants=["mali", "niger", "bf", "aes"]),
            cluster("c2", [e3], 1),
            cluster("c3", [e4], 1, fatalities_disputed=True),
            cluster("c4", [e5], 1),
            cluster("c5", [e6], 1),
        ],
        "quotes": [
            {
                "id": "q1",
                "article": "a1",
                "speaker": "goita",
                "speaker_text": "Assimi Goïta",
                "text": "We are one people,",
                "direct": True,
                "start": q1[0],
                "end": q1[1],
            },
            {
                "id": "q2",
                "article": "a3",
                "speaker": None,
                "speaker_text": "a spokesman",
                "text": "The decision is irrevocable,",
                "direct": True,
                "start": q2[0],
                "end": q2[1],
            },
        ],
        "claims": [
            {
                "id": "k1",
                "article": "a1",
                "subject": "aes",
                "property": "founded",
                "value": "2023-09-16",
                "evidence": BODIES["a1"][k1[0] : k1[1]],
                "start": k1[0],
                "end": k1[1],
            },
            {
                "id": "k2",
                "article": "a2",
                "subject": "aes",
                "property": "founded",
                "value": "2024",
                "evidence": BODIES["a2"][k2[0] : k2[1]],
                "start": k2[0],
                "end": k2[1],
            },
        ],
        "conflicts": [
            {
                "id": "x1",
                "subject": "aes",
                "property": "founded",
                "claims": ["k1", "k2"],
                "values": ["2023-09-16", "2024"],
                "note": "Sources disagree on the founding year.",
                "suggested": {
                    "majority": None,
                    "most_precise": "2023-09-16",
                    "most_recent": "2024",
                },
            },
        ],
    }


EMPTY: dict[str, Any] = {
    "schema_version": "1",
    "generated_at": "2025-03-01T09:00:00Z",
    "articles": [],
    "entities": [],
    "mentions": [],
    "events": [],
    "quotes": [],
    "claims": [],
    "conflicts": [],
}

# -- a small DOM over html.parser ----------------------------------------------

VOID = {"meta", "img", "br", "hr", "link", "input", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found.extend(child.walk())
        return found

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.attrs.get("class", "").split())
        ]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def by_id(root: Node) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}


def html_of(document: dict[str, Any], **kwargs: Any) -> str:
    result = build_brief(document, now=NOW, **kwargs)
    assert isinstance(result, Brief) and result.images == {}
    return result.text


def headings(root: Node) -> list[str]:
    return [" ".join(h.text.split()) for h in root.find_all("h3")]


# -- tests ----------------------------------------------------------------------


def test_report_brief_public_api_is_pinned() -> None:
    assert sorted(brief_pkg.__all__) == ["Brief", "build_brief", "write_brief"]


def test_report_brief_html_parses_with_every_section() -> None:
    root = parse(html_of(make_document()))
    ids = by_id(root)
    for section in ("developments", "actors", "contested", "quotes", "charts", "sources"):
        assert section in ids
    header = " ".join(root.find_all("header")[0].text.split())
    assert "5 articles" in header and "from 5 outlets or sources" in header
    assert "29 January 2024 to 3 February 2025" in header
    assert "English (3), French (2)" in header
    assert "Generated 1 March 2025, 09:30 UTC" in header


def test_report_brief_html_embeds_both_charts_as_png() -> None:
    root = parse(html_of(make_document()))
    images = list(root.find_all("img"))
    assert len(images) == 2
    for image in images:
        src = image.attrs["src"]
        assert src.startswith("data:image/png;base64,")
        data = base64.b64decode(src.split(",", 1)[1], validate=True)
        assert data.startswith(PNG_MAGIC) and len(data) > 1000
    assert "http" not in "".join(n.attrs.get("src", "") for n in root.walk())
    assert not root.find_all("link") and not root.find_all("script")


def test_report_brief_every_development_cites_its_evidence() -> None:
    document = make_document()
    bodies = {a["id"]: a["body"] for a in document["articles"]}
    root = parse(html_of(document))
    ids = by_id(root)
    developments = root.find_all("article", "development")
    assert len(developments) == 5
    for development in developments:
        links = development.find_all("a", "cite")
        assert links, development.text
        for link in links:
            target = ids[link.attrs["href"].removeprefix("#")]
            assert target.attrs["id"].startswith("src-")
            start, end = int(target.attrs["data-start"]), int(target.attrs["data-end"])
            stored = bodies[target.attrs["data-article"]][start:end]
            assert target.find_all("q", "sentence")[0].text == stored
        quoted = development.find_all("q")[0]
        source = ids[f"src-{quoted.attrs['data-cite']}"]
        start, end = int(source.attrs["data-start"]), int(source.attrs["data-end"])
        assert quoted.text == bodies[source.attrs["data-article"]][start:end]


def test_report_brief_developments_newest_first_with_dates_as_written() -> None:
    root = parse(html_of(make_document()))
    # A bare year sorts at the start of its period: after the precise dates it may contain.
    assert headings(root)[:5] == [
        "1 February 2025 — Attack in Ménaka",
        "~2025 — Launch of an institution",
        "6 July 2024 — Summit in Niamey",
        "28 January 2024 — Withdrawal",
        "16 September 2023 — Alliance formation",
    ]
    text = [" ".join(d.text.split()) for d in root.find_all("article", "development")]
    assert "Reported by 2 independent sources" in text[2]
    assert "Main actors: Mali, Niger, Burkina Faso, Alliance of Sahel States." in text[2]
    assert "Fatalities: 12 killed (disputed)" in text[0]
    assert "Reported as planned" in text[1]
    assert len(root.find_all("article", "development")[2].find_all("a", "cite")) == 2


def test_report_brief_contested_fact_shows_both_values_with_sentences() -> None:
    root = parse(html_of(make_document()))
    contested = root.find_all("article", "contested")
    assert len(contested) == 1
    values = contested[0].find_all("div", "value")
    assert [v.find_all("p", "value-label")[0].text for v in values] == ["2023-09-16", "2024"]
    assert "L'alliance a été créée en 2024 selon ce média." in values[1].text
    assert all(v.find_all("a", "cite") for v in values)
    suggestions = " ".join(contested[0].find_all("div", "suggestions")[0].text.split())
    assert "Suggestions, not conclusions" in suggestions
    assert "What most sources say: no suggestion" in suggestions
    assert "The most precise value: 2023-09-16" in suggestions
    assert "The most recently published value: 2024" in suggestions
    assert "Sources disagree on the founding year." in contested[0].text


def test_report_brief_quotes_are_cited_with_their_speakers() -> None:
    root = parse(html_of(make_document()))
    quotes = root.find_all("figure", "quote")
    captions = [" ".join(q.find_all("figcaption")[0].text.split()) for q in quotes]
    assert captions[0].startswith("— Assimi Goïta [")
    assert captions[1].startswith("— a spokesman [")
    assert all(q.find_all("a", "cite") for q in quotes)


def test_report_brief_escapes_markup_from_articles() -> None:
    html = html_of(make_document())
    root = parse(html)
    assert not root.find_all("script") and not root.find_all("b")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    cited = [n for n in root.find_all("li") if "Attack <b>near</b>" in n.text]
    assert cited and "<script>alert(1)</script>" in cited[0].text
    assert all(not n.attrs.get("href", "").startswith("javascript:") for n in root.walk())


def test_report_brief_since_keeps_developments_on_or_after() -> None:
    root = parse(html_of(make_document(), since="2024-07"))
    assert headings(root)[:3] == [
        "1 February 2025 — Attack in Ménaka",
        "~2025 — Launch of an institution",
        "6 July 2024 — Summit in Niamey",
    ]
    assert len(root.find_all("article", "development")) == 3
    assert "developments dated on or after July 2024" in root.find_all("header")[0].text
    assert "a spokesman" not in by_id(root)["quotes"].text  # quoted in January 2024


def test_report_brief_entity_filter_matches_names_without_accents() -> None:
    root = parse(html_of(make_document(), entity="menaka"))
    assert headings(root) == ["1 February 2025 — Attack in Ménaka"]
    assert not root.find_all("article", "contested")
    assert not root.find_all("figure", "quote")
    assert "Briefing on Ménaka" in root.find_all("h1")[0].text


def test_report_brief_entity_filter_keeps_its_conflicts_and_quotes() -> None:
    root = parse(html_of(make_document(), entity="AES"))
    assert len(root.find_all("article", "contested")) == 1
    assert {"6 July 2024 — Summit in Niamey", "16 September 2023 — Alliance formation"} <= set(
        headings(root)
    )
    goita = parse(html_of(make_document(), entity="GOITA"))
    assert [
        q.find_all("figcaption")[0].text.split()[1] for q in goita.find_all("figure", "quote")
    ] == ["Assimi"]


def test_report_brief_rejects_unknown_entity_and_bad_since() -> None:
    with pytest.raises(NotFoundError, match="Timbuktu"):
        build_brief(make_document(), entity="Timbuktu")
    with pytest.raises(UsageError, match="since"):
        build_brief(make_document(), since="last week")


def test_report_brief_rebuilds_clusters_from_events_when_absent() -> None:
    document = make_document()
    del document["clusters"]
    root = parse(html_of(document))
    developments = root.find_all("article", "development")
    assert len(developments) == 5
    summit = next(d for d in developments if "Summit" in d.text)
    assert "Reported by 2 independent sources" in " ".join(summit.text.split())


def test_report_brief_cites_the_sentence_even_when_offsets_drift() -> None:
    document = make_document()
    shifted = copy.deepcopy(document["events"][3])
    shifted["start"] += 3
    shifted["end"] += 3
    document["events"][3] = shifted
    bodies = {a["id"]: a["body"] for a in document["articles"]}
    root = parse(html_of(document))
    attack = next(d for d in root.find_all("article", "development") if "Attack" in d.text)
    target = by_id(root)[attack.find_all("a", "cite")[0].attrs["href"][1:]]
    start, end = int(target.attrs["data-start"]), int(target.attrs["data-end"])
    assert bodies["a4"][start:end] == shifted["evidence"]
    assert locate("abc", 0, 3, "zzz") is None


def test_report_brief_markdown_writes_charts_beside_it(tmp_path: Path) -> None:
    path = write_brief(make_document(), tmp_path / "weekly.md", now=NOW)
    text = path.read_text("utf-8")
    for name in ("weekly-timeline.png", "weekly-types.png"):
        assert (tmp_path / name).read_bytes().startswith(PNG_MAGIC)
        assert f"]({name})" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "weekly-timeline.png",
        "weekly-types.png",
        "weekly.md",
    ]
    assert text.startswith("# Briefing\n")
    for section in (
        "Key developments",
        "Main actors",
        "Contested facts",
        "Notable quotes",
        "Charts",
        "Sources",
    ):
        assert f"\n## {section}\n" in text
    references = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    definitions = set(re.findall(r"^\[\^(\d+)\]:", text, flags=re.MULTILINE))
    assert references and references == definitions


def test_report_brief_markdown_escapes_markup() -> None:
    result = build_brief(make_document(), fmt="md", now=NOW)
    assert set(result.images) == {"brief-timeline.png", "brief-types.png"}
    assert "<script>" not in result.text and "<b>" not in result.text
    assert r"\<script\>alert(1)\</script\>" in result.text


def test_report_brief_html_written_atomically_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "brief.htm"
    target.write_text("old", "utf-8")
    write_brief(make_document(), target, now=NOW, entity="Niger")
    assert parse(target.read_text("utf-8")).find_all("article", "development")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.htm"]
    with pytest.raises(UsageError, match="suffix"):
        write_brief(make_document(), tmp_path / "brief.md", fmt="html")
    with pytest.raises(UsageError, match=r"\.html, \.htm or \.md"):
        write_brief(make_document(), tmp_path / "brief.pdf")


def test_report_brief_empty_corpus_yields_a_short_valid_brief(tmp_path: Path) -> None:
    html = html_of(EMPTY)
    root = parse(html)
    assert not root.find_all("img") and not root.find_all("article")
    assert "No dated development to place on a timeline." in html
    assert "No development was found in the corpus." in html
    assert "0 articles" in html
    assert len(html) < 15_000
    path = write_brief(EMPTY, tmp_path / "empty.md", now=NOW)
    assert [p.name for p in tmp_path.iterdir()] == ["empty.md"]
    assert "*Nothing was cited.*" in path.read_text("utf-8")


@pytest.mark.parametrize(
    ("value", "precision", "approximate", "words"),
    [
        ("2023-09-16", "day", False, "16 September 2023"),
        ("2024-07", "month", False, "July 2024"),
        ("2023", "year", False, "2023"),
        ("2025", "year", True, "~2025"),
        ("2024-07-06", "month", False, "July 2024"),
        (None, None, False, "undated"),
        ("soon", None, False, "undated"),
    ],
)
def test_report_brief_dates_read_as_people_write_them(
    value: str | None, precision: str | None, approximate: bool, words: str
) -> None:
    assert date_phrase(value, precision, approximate) == words


def test_report_brief_since_compares_at_the_coarser_precision() -> None:
    assert on_or_after("2024", "2024-06")
    assert not on_or_after("2024-05-30", "2024-06")
    assert on_or_after("2024-06-01", "2024-06")
    assert not on_or_after(None, "2024")


def test_report_brief_skips_the_timeline_when_nothing_is_dated() -> None:
    document = make_document()
    for record in (*document["events"], *document["clusters"]):
        record.update(date=None, date_precision=None, approximate=False)
    root = parse(html_of(document))
    assert len(root.find_all("img")) == 1
    assert "No dated development to place on a timeline." in by_id(root)["charts"].text
    assert {h.split(" — ")[0] for h in headings(root)[:5]} == {"undated"}


def test_report_brief_charts_take_untrusted_labels() -> None:
    pairs = [("Attack", "$5 a day $ and a very long name that goes on and on"), ("Coup", "Mali")]
    png = type_place_png(pairs)
    assert png is not None and png.startswith(PNG_MAGIC)
    assert type_place_png([]) is None


def test_report_brief_renders_in_parallel_threads() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda fmt: build_brief(make_document(), fmt=fmt, now=NOW), ["html", "md"] * 3)
        )
    assert {r.text for r in results if r.fmt == "html"} == {results[0].text}
    assert all(len(r.images) == 2 for r in results if r.fmt == "md")
