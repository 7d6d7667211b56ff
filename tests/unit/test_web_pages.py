"""The HTML pages over a real SQLite knowledge base: the demo corpus plus hostile articles.

Every page that can show the hostile articles' text is fetched and checked:
the markup they carry must come out escaped, never as markup, and every page
carries the Content-Security-Policy.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # The same import-time warning test_web_api.py ignores (httpx2 is not a dependency).
    warnings.filterwarnings(
        "ignore", message=".*install `httpx2`", category=StarletteDeprecationWarning
    )
    from fastapi.testclient import TestClient

from sahelwatch.config import Settings
from sahelwatch.web import create_app
from sahelwatch.web.render import CONTENT_SECURITY_POLICY
from sahelwatch.workspace import Workspace
from tests.hostile import MARKER_WORD

pytestmark = pytest.mark.slow

#: Markup from the hostile articles that must never reach a page as markup.
FORBIDDEN = (
    "<script>alert",
    "<img src=x",
    "<svg onload",
    "<iframe",
    "<b>defiance",
    "<b>bold",
    "</textarea></title>",
    'href="javascript:',
    "href='javascript:",
)
JSON_SCRIPT = re.compile(r'<script type="application/json" id="[a-z-]+">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def client(web_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def hostile(web_settings: Settings) -> dict[str, list[str]]:
    """URLs of the hostile articles and of the entity and event pages they produce."""
    with Workspace(settings=web_settings) as ws:
        ids = [a.id for a in ws.articles() if MARKER_WORD in (a.title or "")]
        entities: set[str] = set()
        events: set[str] = set()
        for article_id in ids:
            notes = ws.article_annotations(article_id)
            entities |= {m.entity_id for m in notes.mentions}
            entities |= {q.speaker_id for q in notes.quotes if q.speaker_id}
            events |= {e.cluster_id or e.id for e in notes.events}
    assert len(ids) == 2 and entities and events
    return {
        "articles": [f"/articles/{i}" for i in ids],
        "entities": [f"/entities/{i}" for i in sorted(entities)],
        "events": [f"/events/{i}" for i in sorted(events)],
    }


def check_page(client: TestClient, url: str, *, fragment: bool = False) -> str:
    headers = {"HX-Request": "true"} if fragment else {}
    response = client.get(url, headers=headers, follow_redirects=False)
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    html = response.text
    lowered = html.lower()
    for bad in FORBIDDEN:
        assert bad.lower() not in lowered, (url, bad)
    assert " onerror=" not in re.sub(r"&lt;.*?&gt;", "", html), url  # only as escaped text
    for blob in JSON_SCRIPT.findall(html):
        json.loads(blob)  # data for scripts is JSON, and parses as such
        assert "<" not in blob, url
    return html


LIST_PAGES = [
    "/",
    "/timeline",
    "/timeline?entity=Tiani&type=meeting_visit&from=2025&to=2025-12",
    "/map",
    "/articles",
    "/articles?lang=en",
    "/entities",
    "/entities?type=PERSON",
    f"/entities?q={MARKER_WORD}",
    "/conflicts",
    "/search",
    f"/search?q={MARKER_WORD}",
    "/search?q=alert",
    "/search?q=script",
]


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_load_and_escape(client: TestClient, url: str) -> None:
    check_page(client, url)


@pytest.mark.parametrize("url", ["/articles?lang=en", "/entities?q=Zarb", "/search?q=Zarbakuda"])
def test_htmx_fragments_escape_and_leave_out_the_layout(client: TestClient, url: str) -> None:
    html = check_page(client, url, fragment=True)
    assert "<html" not in html and '<nav aria-label="Pages"' not in html
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text


def test_hostile_article_pages_show_the_markup_as_text(
    client: TestClient, hostile: dict[str, list[str]]
) -> None:
    pages = "".join(check_page(client, url) for url in hostile["articles"])
    for escaped in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",  # title
        "&lt;img src=x onerror=alert(2)&gt;",  # byline
        "&lt;script&gt;alert(3)&lt;/script&gt;",  # body
        "&lt;script&gt;alert(8)&lt;/script&gt;",  # a removed teaser
        "&lt;iframe src=javascript:alert(10)&gt;",
        "&lt;svg onload=alert(11)&gt;",
    ):
        assert escaped in pages, escaped
    assert 'href="https://hostile.example.org/' in pages  # an http source is a link
    assert "<details>" in pages and "<summary>teaser" in pages


@pytest.mark.parametrize("kind", ["entities", "events"])
def test_pages_derived_from_hostile_articles_escape(
    client: TestClient, hostile: dict[str, list[str]], kind: str
) -> None:
    for url in hostile[kind]:
        check_page(client, url)


def test_search_finds_the_hostile_articles_and_marks_matches(client: TestClient) -> None:
    html = check_page(client, f"/search?q={MARKER_WORD}")
    assert html.count('class="hit"') == 2
    assert f"<mark>{MARKER_WORD}</mark>" in html


def test_unknown_ids_answer_a_404_page(client: TestClient) -> None:
    for url in (
        "/articles/ffffffffffff",
        "/entities/no-such-entity-x",
        "/events/c-nothing",
        "/nope",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "404" in response.text and "<nav" in response.text
    api = client.get("/api/v1/articles/ffffffffffff")
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "/articles?page=abc",
        "/articles?page=0",
        "/entities?page=-1",
        "/entities/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/events/%00",
        "/timeline?from=%3Cscript%3E&to=9999-99-99&type=%3Cb%3E",
        "/entities?type=%3Cscript%3E&q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/articles?lang=%3Cscript%3E",
        "/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&entity_type=%3Cx%3E",
        "/search?q=NEAR(a%20b)%20OR%20*&event_type=nope&lang=xx",
        "/search?q=" + "x" * 199,
    ],
)
def test_bad_input_is_never_a_server_error(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 400, 404), (url, response.status_code)
    assert response.headers["content-type"].startswith("text/html")
    lowered = response.text.lower()
    for bad in FORBIDDEN:
        assert bad.lower() not in lowered, (url, bad)


def test_a_bug_answers_a_500_page_without_internals(
    web_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Workspace) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Workspace, "stats", broken)
    with TestClient(create_app(web_settings), raise_server_exceptions=False) as test_client:
        page = test_client.get("/")
        api = test_client.get("/api/v1/stats")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "secret internals" not in page.text and "see the server log" in page.text
    assert api.status_code == 500 and api.headers["content-type"] == "application/problem+json"
    assert "secret internals" not in api.text


def test_names_and_prefixes_redirect_to_the_canonical_page(client: TestClient) -> None:
    response = client.get("/entities/Tchiani", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/entities/abdourahamane_tiani"
    first = client.get("/api/v1/articles?limit=1").json()["items"][0]["id"]
    response = client.get(f"/articles/{first[:8]}", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == f"/articles/{first}"


def test_event_page_shows_every_source_sentence(client: TestClient) -> None:
    with Workspace(settings=client.app.state.settings) as ws:  # type: ignore[attr-defined]
        cluster = max(ws.cluster_rows(), key=lambda c: c.outlets)
        detail = ws.event_cluster(cluster.id)
    html = check_page(client, f"/events/{cluster.id}")
    assert html.count('class="source"') == len(detail.events) > 1
    for event in detail.events:
        assert f'href="/articles/{event.article_id}#ev-{event.id}"' in html
    # An event id leads to its cluster's page.
    first = detail.events[0].id
    response = client.get(f"/events/{first}", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == f"/events/{cluster.id}#ev-{first}"


def test_static_assets_are_served(client: TestClient) -> None:
    for path in ("/static/app.css", "/static/js/timeline.js", "/static/js/map.js"):
        assert client.get(path).status_code == 200, path
