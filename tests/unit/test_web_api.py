"""The JSON API over a real SQLite knowledge base built from three small articles.

The read tests share one module-scoped database (analysis loads spaCy once);
ingest tests each get their own database, so they cannot change what the read
tests see.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.10 prefers httpx2 for its test client; the project pins httpx, which still
    # works. Only this one import-time warning is ignored; add httpx2 to the dev dependencies
    # to drop this block.
    warnings.filterwarnings(
        "ignore", message=".*install `httpx2`", category=StarletteDeprecationWarning
    )
    from fastapi.testclient import TestClient

from sahelwatch.config import Settings
from sahelwatch.web import create_app
from sahelwatch.web.api import AUTH_ENV_VAR, safe_filename
from sahelwatch.workspace import Workspace

pytestmark = pytest.mark.slow

ARTICLES = {
    "tiani.txt": """Niger junta leader vows to defend the Sahel

By Amina Diallo

NIAMEY, 12 March 2025 - General Abdourahamane Tiani, the head of Niger's military government, \
met officials of the Alliance of Sahel States in Niamey on Tuesday.

"We will never bow to foreign pressure," General Abdourahamane Tiani told reporters after \
the meeting.

The Alliance of Sahel States was founded by Mali, Burkina Faso and Niger in September 2023.
""",
    "bamako.txt": """Attack near Bamako kills soldiers

By Paul Martin

BAMAKO, 20 June 2025 - At least 12 soldiers were killed on Sunday when gunmen from JNIM \
attacked an army post near Bamako, the Malian army said.

"The situation is under control," army spokesman Souleymane Dembele said in Bamako.

Mali's government has been led by General Assimi Goita since the coup of 2021.
""",
    "ouaga.txt": """Burkina Faso troops repel assault

OUAGADOUGOU, 3 July 2025 - Burkina Faso's army said it repelled an assault by JNIM fighters \
in the north of the country on Thursday. At least 20 attackers were killed, the army said.

Captain Ibrahim Traore praised the soldiers in a statement.
""",
}

PROBLEM = "application/problem+json"


def write_corpus(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    home = tmp_path_factory.mktemp("web")
    settings = Settings(
        home=home, database_url=f"sqlite:///{home / 'kb.db'}", max_bytes=1024 * 1024
    )
    with Workspace(settings=settings) as ws:
        report = ws.ingest(write_corpus(home / "corpus"))
    assert len(report.new) == 3 and report.ok
    return settings


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(f"/api/v1{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail"} <= set(body)
    return body


# -- reads ------------------------------------------------------------------


def test_openapi_and_docs_are_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/articles/{article_id}" in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_stats(client: TestClient) -> None:
    stats = get(client, "/stats")
    assert stats["articles"] == 3
    assert stats["by_lang"] == {"en": 3}


def test_articles_envelope_and_pagination(client: TestClient) -> None:
    page = get(client, "/articles")
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (3, 50, 0, 3)
    first, second = get(client, "/articles", limit=2), get(client, "/articles", limit=2, offset=2)
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert sorted(ids) == sorted(a["id"] for a in page["items"])
    assert get(client, "/articles", offset=10)["items"] == []


def test_articles_filters(client: TestClient) -> None:
    assert get(client, "/articles", lang="en")["total"] == 3
    assert get(client, "/articles", lang="fr")["total"] == 0
    by_title = get(client, "/articles", q="BAMAKO KILLS")
    assert [a["title"] for a in by_title["items"]] == ["Attack near Bamako kills soldiers"]
    by_body = get(client, "/articles", q="captain ibrahim")
    assert [a["title"] for a in by_body["items"]] == ["Burkina Faso troops repel assault"]


def test_article_detail_with_its_records(client: TestClient) -> None:
    listed = get(client, "/articles", q="Attack near Bamako")["items"][0]
    detail = get(client, f"/articles/{listed['id']}")
    assert detail["id"] == listed["id"]
    assert "At least 12 soldiers were killed" in detail["body"]
    assert detail["lang"] == "en" and detail["raw_sha256"]
    assert any(e["type"] == "attack" for e in detail["events"])
    assert any("under control" in q["text"] for q in detail["quotes"])
    assert all(m["article"] == listed["id"] for m in detail["mentions"])
    # An unambiguous id prefix works, as in the CLI.
    assert get(client, f"/articles/{listed['id'][:10]}")["id"] == listed["id"]


def test_unknown_article_is_a_404_problem(client: TestClient) -> None:
    body = assert_problem(client.get("/api/v1/articles/ffffffffffffffff"), 404)
    assert "no article" in body["detail"]


def test_entities_list_and_type_filter(client: TestClient) -> None:
    page = get(client, "/entities")
    names = {e["entity"]["name"] for e in page["items"]}
    assert {"Abdourahamane Tiani", "Bamako"} <= names
    people = get(client, "/entities", type="person")
    assert people["total"] >= 2
    assert {e["entity"]["type"] for e in people["items"]} == {"PERSON"}
    assert len(get(client, "/entities", limit=1, offset=1)["items"]) == 1
    assert_problem(client.get("/api/v1/entities", params={"type": "SPACESHIP"}), 400)


def test_entity_detail(client: TestClient) -> None:
    detail = get(client, "/entities/Tiani")
    assert detail["entity"]["name"] == "Abdourahamane Tiani"
    assert any(a["key"] == "general" for a in detail["attributes"])
    assert len(detail["articles"]) == 1 and detail["articles"][0]["mentions"] >= 1
    assert detail["co_occurring"]
    by_id = get(client, f"/entities/{detail['entity']['id']}")
    assert by_id["entity"] == detail["entity"]
    assert_problem(client.get("/api/v1/entities/Nobody%20Atall"), 404)


def test_events_and_filters(client: TestClient) -> None:
    page = get(client, "/events")
    assert page["total"] >= 3
    attacks = get(client, "/events", type="attack")
    assert attacks["total"] >= 2 and {e["type"] for e in attacks["items"]} == {"attack"}
    assert all(p.keys() == {"entity_id", "role"} for e in page["items"] for p in e["participants"])
    in_2025 = get(client, "/events", **{"from": "2025", "to": "2025-12-31"})
    assert in_2025["total"] >= 1
    assert all(e["date"] and e["date"] >= "2025" for e in in_2025["items"])
    assert get(client, "/events", **{"from": "2030"})["total"] == 0
    jnim = get(client, "/events", entity="JNIM")
    assert jnim["total"] >= 1
    assert len(get(client, "/events", limit=1)["items"]) == 1
    assert_problem(client.get("/api/v1/events", params={"type": "party"}), 400)
    assert_problem(client.get("/api/v1/events", params={"entity": "Nobody Atall"}), 404)


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "25", "2025/06", "last week", "2025-6"])
def test_bad_dates_are_422_problems(client: TestClient, bad: str) -> None:
    for path in ("/api/v1/events", "/api/v1/timeline"):
        body = assert_problem(client.get(path, params={"from": bad}), 422)
        assert body["errors"] and "from" in body["detail"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"limit": "x"}, {"offset": -1}])
def test_bad_pagination_is_a_422_problem(client: TestClient, params: dict[str, Any]) -> None:
    assert_problem(client.get("/api/v1/articles", params=params), 422)


def test_clusters(client: TestClient) -> None:
    page = get(client, "/clusters", limit=2)
    assert page["total"] >= 3 and len(page["items"]) == 2
    assert all(c["event_ids"] and c["article_ids"] for c in page["items"])


def test_timeline_and_filters(client: TestClient) -> None:
    page = get(client, "/timeline")
    assert page["total"] >= 3
    assert get(client, "/timeline", type="attack")["total"] >= 2
    assert get(client, "/timeline", **{"from": "2030-01"})["total"] == 0
    aes = get(client, "/timeline", entity="Alliance of Sahel States")
    assert aes["total"] >= 1


def test_quotes_and_speaker_filter(client: TestClient) -> None:
    page = get(client, "/quotes")
    assert page["total"] == 2
    tiani = get(client, "/quotes", speaker="Tiani")
    assert [q["text"] for q in tiani["items"]] == ["We will never bow to foreign pressure"]
    assert_problem(client.get("/api/v1/quotes", params={"speaker": "Nobody Atall"}), 404)


def test_conflicts_envelope(client: TestClient) -> None:
    page = get(client, "/conflicts")
    assert set(page) == {"items", "total", "limit", "offset"}
    assert page["total"] == len(page["items"])


def test_profile(client: TestClient) -> None:
    found = get(client, "/profile/Alliance of Sahel States")
    assert found["entity_id"] == "aes"
    assert {m["label"] for m in found["members"]} == {"Mali", "Burkina Faso", "Niger"}
    assert found["founded"][0]["label"] == "2023-09"
    assert_problem(client.get("/api/v1/profile/No%20Such%20Alliance"), 404)


def test_export_is_the_v1_document(client: TestClient) -> None:
    document = get(client, "/export")
    assert document["schema_version"] == "1"
    assert len(document["articles"]) == 3
    assert {"entities", "events", "quotes", "clusters", "conflicts"} <= set(document)


def test_failures_envelope(client: TestClient) -> None:
    page = get(client, "/failures", include_resolved=True)
    assert page["total"] == 0 and page["items"] == []


def test_unknown_route_is_a_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_api_agrees_with_workspace(client: TestClient, settings: Settings) -> None:
    with Workspace(settings=settings) as ws:
        expected = {e.id for e in ws.events()}
        stats = ws.stats()
    assert {e["id"] for e in get(client, "/events", limit=500)["items"]} == expected
    assert get(client, "/stats")["words"] == stats.words


# -- ingest -----------------------------------------------------------------

BEARER = "s3cret-token"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    """A client on an empty database of its own, with a 4 KiB file cap."""
    settings = Settings(
        home=tmp_path, database_url=f"sqlite:///{tmp_path / 'kb.db'}", max_bytes=4096
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def upload(
    client: TestClient, content: bytes, token: str | None = BEARER, name: str = "a.txt"
) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        "/api/v1/ingest", files={"file": (name, content, "text/plain")}, headers=headers
    )


def test_ingest_is_off_without_a_token(fresh: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(AUTH_ENV_VAR, raising=False)
    body = assert_problem(upload(fresh, b"text"), 404)
    assert AUTH_ENV_VAR in body["detail"]


@pytest.mark.parametrize("token", [None, "wrong"])
def test_ingest_needs_the_right_token(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch, token: str | None
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    response = upload(fresh, ARTICLES["bamako.txt"].encode(), token=token)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert get(fresh, "/stats")["articles"] == 0


def test_ingest_an_uploaded_file(fresh: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    content = ARTICLES["bamako.txt"].encode()
    response = upload(fresh, content, name="../../etc/passwd.txt")
    assert response.status_code == 200, response.text
    report = response.json()
    assert len(report["new"]) == 1 and report["failed"] == 0 and report["analyzed"] == 1
    assert get(fresh, "/stats")["articles"] == 1
    assert get(fresh, "/events", type="attack")["total"] >= 1
    again = upload(fresh, content, name="copy.txt").json()
    assert (again["new"], again["unchanged"]) == ([], 1)


def test_an_upload_that_cannot_be_read_is_a_400_with_reasons(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    body = assert_problem(upload(fresh, b"", name="empty.txt"), 400)
    assert body["failures"][0]["input_name"].endswith("empty.txt")
    assert "sahelwatch-upload" not in body["detail"]


@pytest.mark.parametrize("size", [4097, 200_000])
def test_oversized_upload_is_413(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    assert_problem(upload(fresh, b"a" * size), 413)
    assert get(fresh, "/stats")["articles"] == 0


def test_url_ingest_refuses_private_addresses(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    response = fresh.post(
        "/api/v1/ingest",
        json={"url": "http://127.0.0.1:8000/story"},
        headers={"Authorization": f"Bearer {BEARER}"},
    )
    body = assert_problem(response, 400)
    assert body["failures"][0]["kind"] == "blocked_address"


@pytest.mark.parametrize("payload", [{"url": "file:///etc/passwd"}, {"link": "x"}, ["x"]])
def test_url_ingest_validates_its_body(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch, payload: Any
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    response = fresh.post(
        "/api/v1/ingest", json=payload, headers={"Authorization": f"Bearer {BEARER}"}
    )
    assert_problem(response, 422)


def test_ingest_needs_a_known_content_type(
    fresh: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(AUTH_ENV_VAR, BEARER)
    response = fresh.post(
        "/api/v1/ingest",
        content=b"hello",
        headers={"Authorization": f"Bearer {BEARER}", "Content-Type": "text/plain"},
    )
    assert_problem(response, 415)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\x\\story.html", "story.html"),
        ("..", "upload.txt"),
        (None, "upload.txt"),
        ("my story (1).txt", "my_story_1_.txt"),
        (".hidden.json", "hidden.json"),
    ],
)
def test_safe_filename(given: str | None, expected: str) -> None:
    assert safe_filename(given) == expected


# -- full-text search ---------------------------------------------------------


def test_search_hits_with_plain_snippets_and_highlights(client: TestClient) -> None:
    page = get(client, "/search", q="KILLED soldiers")
    assert (page["total"], page["limit"], page["offset"]) == (2, 20, 0)
    for hit in page["items"]:
        assert "\ue000" not in hit["snippet"] and "\ue001" not in hit["snippet"]
        words = [hit["snippet"][start:end] for start, end in hit["highlights"]]
        assert {w.lower() for w in words} <= {"killed", "soldiers"} and "killed" in words
    assert page["items"][0]["score"] >= page["items"][1]["score"]
    assert {hit["title"] for hit in page["items"]} == {
        "Attack near Bamako kills soldiers",
        "Burkina Faso troops repel assault",
    }
    second = get(client, "/search", q="killed soldiers", limit=1, offset=1)
    assert second["total"] == 2 and second["items"] == page["items"][1:]


def test_search_filters(client: TestClient) -> None:
    def titles(**params: Any) -> list[str]:
        return [h["title"] for h in get(client, "/search", **params)["items"]]

    assert len(titles(q="general")) == 2
    assert titles(q="general", entity="Tiani") == ["Niger junta leader vows to defend the Sahel"]
    assert titles(q="soldiers", event_type="coup") == ["Attack near Bamako kills soldiers"]
    assert titles(q="sahel", entity_type="person") == [
        "Niger junta leader vows to defend the Sahel"
    ]
    assert titles(q="army", entity="JNIM", lang="fr") == []


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "!!!"}, 400),
        ({"q": '"'}, 400),
        ({"q": "army", "entity_type": "PLANET"}, 400),
        ({"q": "army", "event_type": "party"}, 400),
        ({"q": "army", "entity": "Nobody Here"}, 404),
        ({"q": "word " * 99}, 400),
        ({}, 422),
        ({"q": ""}, 422),
        ({"q": "x" * 501}, 422),
    ],
)
def test_search_bad_input_is_a_problem(
    client: TestClient, params: dict[str, Any], status: int
) -> None:
    assert_problem(client.get("/api/v1/search", params=params), status)


@pytest.mark.parametrize("q", ['NEAR("a" b', "AND OR NOT", "-army", "title:army", "army*)", ":"])
def test_search_syntax_is_never_an_error(client: TestClient, q: str) -> None:
    response = client.get("/api/v1/search", params={"q": q})
    assert response.status_code in (200, 400), response.text


def test_articles_q_uses_the_index(client: TestClient) -> None:
    by_accent = get(client, "/articles", q="TRAORÉ")
    assert [a["title"] for a in by_accent["items"]] == ["Burkina Faso troops repel assault"]
    assert by_accent["total"] == 1
    assert get(client, "/articles", q="attack*", lang="fr")["total"] == 0
    ranked = get(client, "/articles", q="killed", limit=1)
    assert ranked["total"] == 2 and len(ranked["items"]) == 1
    assert_problem(client.get("/api/v1/articles", params={"q": "?!"}), 400)
