"""Every page in a real browser: no console error, no failed request, no script from
the data; the timeline, map and graph draw; a reader's click path works.

A full-page screenshot of each page goes to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from sahelwatch.config import Settings
from sahelwatch.workspace import Workspace
from tests.browser.conftest import Watched
from tests.hostile import MARKER_WORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def ids(browser: Browser, web_settings: Settings) -> dict[str, str]:
    """Ids of pages worth opening: a busy event, its first article, the hostile articles.

    Asks for ``browser`` first, so a missing chromium skips before the corpus is ingested.
    """
    with Workspace(settings=web_settings) as ws:
        cluster = max(ws.cluster_rows(), key=lambda c: (c.outlets, c.id))
        article = ws.event_cluster(cluster.id).events[0].article_id
        hostile = sorted(a.id for a in ws.articles() if MARKER_WORD in (a.title or ""))
    return {"event": cluster.id, "article": article, "hostile": hostile[0], "hostile2": hostile[1]}


def pages(ids: dict[str, str]) -> dict[str, str]:
    return {
        "dashboard": "/",
        "timeline": "/timeline",
        "map": "/map",
        "articles": "/articles",
        "article": f"/articles/{ids['article']}",
        "entities": "/entities",
        "entity": "/entities/aes",
        "event": f"/events/{ids['event']}",
        "conflicts": "/conflicts",
        "search": "/search?q=AES",
        "hostile-article": f"/articles/{ids['hostile']}",
        "not-found": "/entities/no-such-entity",
    }


def test_every_page_loads_without_errors(watched: Watched, ids: dict[str, str]) -> None:
    for name, path in pages(ids).items():
        watched.problems.clear()
        watched.open(path)
        expect(watched.page.locator("main h1")).to_be_visible()
        if name == "not-found":
            # The 404 page itself is the expected error (chromium logs it too); nothing else.
            assert f"HTTP 404: {watched.base}{path}" in watched.problems
            watched.problems = [p for p in watched.problems if "404" not in p]
        watched.screenshot(name)
        assert watched.problems == [], (path, watched.problems)
        assert watched.dialogs == [], (path, watched.dialogs)


def test_timeline_draws_its_events(watched: Watched) -> None:
    watched.open("/timeline")
    items = watched.page.locator("#timeline .vis-item")
    expect(items.first).to_be_visible()
    assert int(watched.page.locator("#timeline").get_attribute("data-items") or 0) > 10
    assert watched.problems == []


def test_map_draws_country_outlines_and_event_markers(watched: Watched) -> None:
    watched.open("/map")
    container = watched.page.locator("#map")
    expect(container).to_have_attribute("data-outlines", re.compile(r"^[0-9]{3}$"))
    markers = int(container.get_attribute("data-markers") or 0)
    assert markers >= 5
    expect(watched.page.locator("#map path.event-marker")).to_have_count(markers)
    assert watched.page.locator("#map path:not(.event-marker)").count() > 100  # countries
    # A marker opens a popup of its events, as text.
    watched.page.locator("#map path.event-marker").first.click(force=True)
    popup = watched.page.locator(".leaflet-popup-content .map-popup")
    expect(popup).to_be_visible()
    expect(popup.locator("a[href^='/events/']").first).to_be_visible()
    watched.page.wait_for_timeout(400)  # let the popup fade in and the map pan
    watched.screenshot("map-popup")
    assert watched.problems == []


def test_entity_graph_has_nodes(watched: Watched) -> None:
    watched.open("/entities/aes")
    graph = watched.page.locator("#graph")
    expect(graph).to_have_attribute("data-nodes", re.compile(r"^[0-9]+$"))
    assert int(graph.get_attribute("data-nodes") or 0) > 3
    expect(graph.locator("canvas").first).to_be_visible()
    assert watched.problems == []


def inside(page: Page, selector: str, frame: str) -> Locator:
    """The first element matching ``selector`` drawn wholly inside ``frame`` (the timeline
    keeps items that are scrolled out of its window in the page)."""
    box = page.locator(frame).bounding_box()
    assert box is not None
    for candidate in page.locator(selector).all():
        own = candidate.bounding_box()
        if (
            own is not None
            and own["x"] >= box["x"]
            and own["y"] >= box["y"]
            and own["x"] + own["width"] <= box["x"] + box["width"]
            and own["y"] + own["height"] <= box["y"] + box["height"]
        ):
            return candidate
    raise AssertionError(f"no {selector} inside {frame}")


def test_click_path_dashboard_timeline_event_article_entity(watched: Watched) -> None:
    page = watched.page
    watched.open("/")
    page.locator("header nav a", has_text="Timeline").click()
    expect(page).to_have_url(re.compile(r"/timeline$"))
    page.wait_for_load_state("networkidle")
    expect(page.locator("#timeline .vis-item .tl-link").first).to_be_visible()
    item = inside(page, "#timeline .vis-item.vis-box .tl-link", "#timeline .vis-center")
    watched.screenshot("path-1-timeline")

    item.click()
    expect(page).to_have_url(re.compile(r"/events/[^/]+$"))
    expect(page.locator("article.source").first).to_be_visible()
    watched.screenshot("path-2-event")

    page.locator("article.source header a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/[0-9a-f]+#ev-"))
    expect(page.locator(".article-body mark.ev:target")).to_have_count(1)
    watched.screenshot("path-3-article")

    mention = page.locator(".article-body a.hl.ent").first
    name = mention.get_attribute("title") or ""
    mention.click()
    expect(page).to_have_url(re.compile(r"/entities/[^/]+$"))
    expect(page.locator("main h1")).to_contain_text(name.rsplit(" (", 1)[0])
    watched.screenshot("path-4-entity")
    assert watched.problems == []


def test_hostile_articles_run_no_script(watched: Watched, ids: dict[str, str]) -> None:
    page = watched.page
    titles = {}
    for key in ("hostile", "hostile2"):
        watched.open(f"/articles/{ids[key]}")
        titles[page.locator("main h1").inner_text()] = ids[key]
    # The markup is on the page as text.
    first = next(i for title, i in titles.items() if "<script>alert(1)</script>" in title)
    assert any("<iframe src=javascript:alert(10)>" in title for title in titles)
    watched.open(f"/articles/{first}")
    expect(page.locator("dl.facts")).to_contain_text("<img src=x onerror=alert(2)>")
    page.locator(".removed summary").first.click()  # open the removed parts too
    page.locator(".article-body a.hl.ent", has_text="Tiani").first.click()
    page.wait_for_load_state("networkidle")
    watched.open(f"/search?q={MARKER_WORD}")
    expect(page.locator("li.hit")).to_have_count(2)
    watched.screenshot("hostile-search")
    page.wait_for_timeout(300)
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('main script:not([type])').length") == 0
    assert watched.problems == []


def test_htmx_filters_swap_results_without_a_reload(watched: Watched) -> None:
    page = watched.page
    watched.open("/entities")
    page.evaluate("window.stayed = true")
    with page.expect_response(re.compile(r"/entities\?.*q=Tian")):
        page.locator("main input[name=q]").press_sequentially("Tian", delay=20)
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Abdourahamane Tiani")
    assert page.evaluate("window.stayed") is True  # swapped in place, not reloaded
    expect(page).to_have_url(re.compile(r"q=Tian"))

    watched.open("/search")
    page.evaluate("window.stayed = true")
    with page.expect_response(re.compile(r"/search\?.*q=passeport")):
        page.locator("main input[name=q]").fill("passeport")
    expect(page.locator("#results li.hit").first).to_be_visible()
    expect(page.locator("#results mark").first).to_be_visible()
    assert page.evaluate("window.stayed") is True
    watched.screenshot("search-htmx")
    assert watched.problems == []
