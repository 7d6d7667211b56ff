"""The article highlighter and the small page helpers: escaping, nesting, offsets."""

from __future__ import annotations

import re

import pytest

from sahelwatch.store import ClusterRow
from sahelwatch.web.highlight import Span, highlight
from sahelwatch.web.render import http_url, marked, outlet
from sahelwatch.web.views import activity_chart, distinct_dates, timeline_items


def strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
    )


def test_highlight_without_spans_escapes_everything() -> None:
    assert highlight("<b>x</b> & 'y'", []) == "&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;"


def test_highlight_wraps_a_span_at_its_offsets() -> None:
    out = highlight("Tiani met Goita", [Span(0, 5, "a", "ent", (("href", "/entities/t"),))])
    assert out == '<a class="ent" href="/entities/t">Tiani</a> met Goita'


def test_highlight_escapes_markup_inside_and_around_spans() -> None:
    text = 'x <script>alert(1)</script> y "><img src=x onerror=alert(2)>'
    out = str(highlight(text, [Span(2, 28, "mark", "ev"), Span(31, len(text), "mark", "q")]))
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert unescape(strip_tags(out)) == text


def test_highlight_nests_contained_spans_inside_longer_ones() -> None:
    text = "General Tiani said he would stay."
    out = str(highlight(text, [Span(8, 13, "a", "ent"), Span(0, len(text), "mark", "ev")]))
    assert out == '<mark class="ev">General <a class="ent">Tiani</a> said he would stay.</mark>'


def test_highlight_splits_crossing_spans_and_keeps_nesting_valid() -> None:
    # event [0, 10) and quote [5, 15) cross: the quote is closed and reopened at 10.
    text = "aaaaabbbbbccccc"
    out = str(
        highlight(
            text,
            [
                Span(0, 10, "mark", "ev", first_attrs=(("id", "ev-1"),)),
                Span(5, 15, "mark", "q", first_attrs=(("id", "q-1"),)),
            ],
        )
    )
    assert out == (
        '<mark class="ev" id="ev-1">aaaaa<mark class="q" id="q-1">bbbbb</mark></mark>'
        '<mark class="q cont">ccccc</mark>'
    )
    # Every element opened is closed, in order.
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(\w+)", out):
        if closing:
            assert stack.pop() == tag
        else:
            stack.append(tag)
    assert not stack
    assert out.count('id="q-1"') == 1


def test_highlight_equal_spans_nest_by_rank() -> None:
    out = str(highlight("Mali", [Span(0, 4, "a", "ent", rank=2), Span(0, 4, "mark", "ev", rank=0)]))
    assert out == '<mark class="ev"><a class="ent">Mali</a></mark>'


def test_highlight_clips_spans_outside_the_text_and_drops_empty_ones() -> None:
    out = str(highlight("abc", [Span(-5, 2, "mark"), Span(2, 99, "mark", "x"), Span(1, 1, "mark")]))
    assert out == '<mark>ab</mark><mark class="x">c</mark>'


def test_highlight_escapes_attribute_values() -> None:
    out = str(highlight("x", [Span(0, 1, "mark", "", (("title", '"><script>'),))]))
    assert out == '<mark title="&#34;&gt;&lt;script&gt;">x</mark>'


@pytest.mark.parametrize("bad", ["script onload", "a/b", ""])
def test_highlight_refuses_odd_tag_names(bad: str) -> None:
    with pytest.raises(ValueError):
        highlight("x", [Span(0, 1, bad)])


def test_marked_escapes_before_marking_matches() -> None:
    snippet = "<b>AES</b> \ue000summit\ue001 & more"
    assert marked(snippet) == "&lt;b&gt;AES&lt;/b&gt; <mark>summit</mark> &amp; more"


def test_http_url_allows_only_web_links() -> None:
    assert http_url("https://example.org/a") == "https://example.org/a"
    assert http_url("javascript:alert(1)") is None
    assert http_url("file:///etc/passwd") is None
    assert http_url("data:text/html,<script>") is None
    assert outlet("javascript:alert(9)") == "alert(9)"
    assert outlet("https://www.example.org/x", None) == "example.org"


def _cluster(date: str | None, n: int = 0) -> ClusterRow:
    return ClusterRow(f"c{n}", "summit", date, None, False, None, "s", 1, None, False, 0.5)


def test_activity_chart_counts_events_per_month() -> None:
    clusters = [_cluster("2025-01-03", 1), _cluster("2025-01", 2), _cluster("2025-03-09", 3)]
    clusters += [_cluster("2024", 4), _cluster(None, 5)]
    chart = activity_chart(clusters)
    assert [(b.month, b.count) for b in chart.bars] == [
        ("2025-01", 2),
        ("2025-02", 0),
        ("2025-03", 1),
    ]
    assert chart.peak == 2 and chart.undated == 2 and chart.earlier == 0
    assert chart.years == [("2025", 0.0)]


def test_activity_chart_without_dates() -> None:
    assert activity_chart([_cluster(None)]).bars == []


def test_timeline_items_place_partial_dates() -> None:
    from sahelwatch.report.timeline import TimelineRow

    rows = [
        TimelineRow("c1", "2025-06-02", "day", False, "attack", "s", ("Niamey",), (), 1, ()),
        TimelineRow("c2", "2025-06", "month", True, "summit", "s", (), (), 2, ()),
        TimelineRow("c3", "2024", "year", False, "coup", "s", (), (), 1, ()),
        TimelineRow("c4", None, None, False, "coup", "s", (), (), 1, ()),
    ]
    items = {i["id"]: i for i in timeline_items(rows)}
    assert set(items) == {"c1", "c2", "c3"}
    assert items["c1"]["start"] == "2025-06-02" and "end" not in items["c1"]
    assert items["c1"]["label"] == "attack · Niamey"
    assert items["c2"]["date"] == "~2025-06" and "approx" in items["c2"]["className"]
    assert items["c3"]["type"] == "range" and items["c3"]["end"] == "2024-12-31"
    assert items["c3"]["url"] == "/events/c3"


def test_distinct_dates_keep_only_real_disagreements() -> None:
    dates = ["2024", "2024-01", "2024-01-28", "2025-01", "2025-01-29", "2024-01-28"]
    assert distinct_dates(dates) == ["2024-01-28", "2025-01-29"]
    assert distinct_dates(["2023", "2023-09-16"]) == ["2023-09-16"]
