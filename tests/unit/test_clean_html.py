"""HTML pages: the story through trafilatura, the rest kept as removed segments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sahelwatch.clean import clean
from sahelwatch.errors import MalformedInput
from sahelwatch.model import HTML, Article, RawDocument

STORY = [
    "GAO, Mali — Traders reopened the central market on Saturday after a week-long closure "
    "ordered by the regional governor following an attack on a nearby checkpoint.",
    "Local officials said patrols would continue around the market at night and that vehicles "
    "would be searched at the two main entrances to the town until further notice.",
    "Residents interviewed by phone described long queues for fuel and bread, and said prices "
    "had almost doubled since the road to the capital was cut in the spring.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Gao market reopens after closure | Desert Dispatch</title>
<meta property="og:site_name" content="Desert Dispatch">
<meta name="author" content="Hawa Maïga">
<meta property="article:published_time" content="2025-10-18T08:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/sahel">Sahel coverage</a></li>
<li><a href="/economy">Economy desk</a></li></ul></nav></header>
<main><article>
<h1>Gao market reopens after closure</h1>
<p class="byline">By Hawa Maïga</p>
<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p>
</article>
<aside class="related-posts"><h3>Related</h3><ul>
<li><a href="/a">Fuel convoy reaches the north under escort</a></li>
<li><a href="/b">Teachers return to schools in the east</a></li></ul></aside>
<section id="comments"><h3>Leave a Reply</h3>
<p>Your email address will not be published. Required fields are marked *</p></section>
</main>
<footer><p>Copyright 2025 Desert Dispatch. All rights reserved.</p></footer>
</body></html>"""


def raw(html: str | bytes, **hints: str) -> RawDocument:
    content = html.encode("utf-8") if isinstance(html, str) else html
    return RawDocument(
        uri="https://dispatch.example/gao-market",
        content=content,
        media_type=HTML,
        fetched_at=datetime.now(UTC),
        hints=hints,
    )


@pytest.fixture(scope="module")
def article() -> Article:
    return clean(raw(PAGE))


def test_clean_html_extracts_the_story_with_paragraph_breaks(article: Article) -> None:
    assert article.body == "\n\n".join(STORY)
    assert article.dateline == "GAO, Mali"
    assert article.lang == "en"


def test_clean_html_reads_page_metadata(article: Article) -> None:
    assert article.title == "Gao market reopens after closure"
    assert article.byline == "Hawa Maïga"
    assert article.publication_date == "2025-10-18"
    assert article.publication_date_source == "metadata"
    assert article.site_name == "Desert Dispatch"


def test_clean_html_keeps_what_the_page_had_around_the_story(article: Article) -> None:
    removed = {segment.text: segment.reason for segment in article.removed}
    assert removed["Sahel coverage"] == "navigation"
    assert removed["Fuel convoy reaches the north under escort"] == "teaser"
    assert removed["Leave a Reply"] == "comments"
    assert removed["Your email address will not be published. Required fields are marked *"] == (
        "comments"
    )
    assert removed["Copyright 2025 Desert Dispatch. All rights reserved."] == "navigation"
    assert removed["By Hawa Maïga"] == "byline"
    for segment in article.removed:
        assert segment.text not in article.body


def test_clean_html_hints_win_over_page_metadata() -> None:
    article = clean(
        raw(PAGE, title="Market reopens in Gao", date="18/10/2025", url="https://feed.example/x")
    )
    assert article.title == "Market reopens in Gao"
    assert article.publication_date == "2025-10-18"
    assert article.source_uri == "https://feed.example/x"
    assert "Gao market reopens after closure" not in article.body


def test_clean_html_uses_meta_charset() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = clean(raw(page.encode("cp1252")))
    assert article.byline == "Hawa Maïga"


def test_clean_html_malformed_markup_does_not_crash() -> None:
    article = clean(raw(f"<div><p>{STORY[1]}<div><b>{STORY[2]}</span></td></table>"))
    assert "patrols would continue" in article.body
    assert "long queues for fuel" in article.body


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<<<>>>", "<p> </p><div></div>"])
def test_clean_html_without_text_is_malformed(html: str) -> None:
    with pytest.raises(MalformedInput) as caught:
        clean(raw(html))
    assert caught.value.input_name == "https://dispatch.example/gao-market"
