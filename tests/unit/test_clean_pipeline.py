"""clean() and content_key(): the stage's public contract."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import sahelwatch.clean
from sahelwatch.clean import clean, content_key
from sahelwatch.errors import BinaryInput, EmptyInput
from sahelwatch.model import MARKDOWN, TEXT, RawDocument

ARTICLE = "\n\n".join(
    [
        "Herders and farmers sign a grazing pact",
        "Publié le 14/10/2025 à 09h05\nPar Ibrahim Sawadogo",
        "DORI, Burkina Faso — Les représentants des éleveurs et des agriculteurs de la région ont "
        "signé lundi un accord qui fixe les couloirs de passage du bétail pendant la saison sèche.",
        "L'accord prévoit des comités de médiation dans chaque commune et une indemnisation rapide "
        "des récoltes détruites, selon le texte consulté par notre rédaction.",
        "« C'est la première fois que nous nous asseyons autour de la même table », a déclaré un "
        "chef de village présent à la cérémonie.",
        "Partager sur Facebook\n",
    ]
)


def raw(
    content: str | bytes,
    *,
    uri: str = "file:///corpus/pact.txt",
    media_type: str = TEXT,
    **hints: str,
) -> RawDocument:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return RawDocument(
        uri=uri, content=data, media_type=media_type, fetched_at=datetime.now(UTC), hints=hints
    )


def test_clean_pipeline_public_surface_is_pinned() -> None:
    assert sorted(sahelwatch.clean.__all__) == [
        "NearDuplicateIndex",
        "clean",
        "content_key",
        "decode_text",
        "detect_language",
        "signature",
        "similarity",
    ]


def test_clean_pipeline_builds_the_article() -> None:
    article = clean(raw(ARTICLE))
    assert article.title == "Herders and farmers sign a grazing pact"
    assert article.byline == "Ibrahim Sawadogo"
    assert article.publication_date == "2025-10-14"
    assert article.publication_date_source == "text"
    assert article.dateline == "DORI, Burkina Faso"
    assert article.lang == "fr"
    assert article.source_uri == "file:///corpus/pact.txt"
    assert article.body.startswith("DORI, Burkina Faso — Les représentants")
    assert article.body.endswith("présent à la cérémonie.")
    assert [s.reason for s in article.removed] == ["other", "byline", "navigation"]


def test_clean_pipeline_id_derives_from_content_key() -> None:
    document = raw(ARTICLE)
    article = clean(document)
    assert article.content_key == content_key(document)
    assert article.id == article.content_key[:16]
    assert len(article.content_key) == 64
    int(article.content_key, 16)


def test_clean_pipeline_content_key_ignores_path_line_endings_and_encoding() -> None:
    key = content_key(raw(ARTICLE))
    assert content_key(raw(ARTICLE, uri="file:///elsewhere/copy.txt")) == key
    assert content_key(raw(ARTICLE.replace("\n", "\r\n"))) == key
    assert content_key(raw(ARTICLE.encode("cp1252"))) == key
    assert content_key(raw(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))) == key
    assert content_key(raw(ARTICLE.replace("pact", "accord"))) != key


def test_clean_pipeline_hints_win_over_the_text() -> None:
    article = clean(
        raw(
            ARTICLE,
            title="Grazing pact signed in Dori",
            author="Staff",
            date="2025-10-13T18:00:00Z",
            url="https://news.example/pact",
            site_name="Sahel News",
        )
    )
    assert article.title == "Grazing pact signed in Dori"
    assert article.byline == "Staff"
    assert article.publication_date == "2025-10-13"
    assert article.publication_date_source == "metadata"
    assert article.source_uri == "https://news.example/pact"
    assert article.site_name == "Sahel News"
    assert "Ibrahim Sawadogo" not in article.body  # the printed byline still leaves the body


def test_clean_pipeline_infers_the_date_from_the_address() -> None:
    text = "\n\n".join(ARTICLE.split("\n\n")[2:])
    article = clean(raw(text, url="https://news.example/2025/10/14/pact"))
    assert article.publication_date == "2025-10-14"
    assert article.publication_date_source == "inferred"


def test_clean_pipeline_no_date_anywhere() -> None:
    text = "\n\n".join(ARTICLE.split("\n\n")[2:])
    article = clean(raw(text))
    assert article.publication_date is None
    assert article.publication_date_source is None


def test_clean_pipeline_latin1_file() -> None:
    article = clean(raw(ARTICLE.replace("—", "-").encode("latin-1")))
    assert "représentants des éleveurs" in article.body
    assert article.byline == "Ibrahim Sawadogo"


def test_clean_pipeline_markdown() -> None:
    source = "# Grazing *pact* signed\n\n" + "\n\n".join(ARTICLE.split("\n\n")[2:4])
    article = clean(raw(source, media_type=MARKDOWN))
    assert article.title == "Grazing pact signed"
    assert article.body.startswith("DORI, Burkina Faso")


def test_clean_pipeline_media_type_parameters_are_understood() -> None:
    document = raw(ARTICLE.encode("cp1252"), media_type="text/plain; charset=windows-1252")
    assert "représentants" in clean(document).body


def test_clean_pipeline_binary_named_as_text() -> None:
    with pytest.raises(BinaryInput) as caught:
        clean(raw(bytes(range(256)) * 8, uri="file:///corpus/photo.txt"))
    assert str(caught.value).startswith("file:///corpus/photo.txt: ")


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n  ", "\u00a0\u2003\n".encode()])
def test_clean_pipeline_empty_input(content: bytes) -> None:
    with pytest.raises(EmptyInput):
        clean(raw(content))


def test_clean_pipeline_only_boilerplate_is_empty() -> None:
    with pytest.raises(EmptyInput):
        clean(raw("Share this article\n\nFollow us on Telegram\n\nLeave a Reply"))


@pytest.mark.parametrize("url", ["javascript:alert(9)", "file:///etc/passwd", "data:text/html,x"])
def test_clean_pipeline_an_address_that_is_not_the_web_is_not_the_source(url: str) -> None:
    article = clean(raw(ARTICLE, url=url))
    assert article.source_uri == "file:///corpus/pact.txt"
