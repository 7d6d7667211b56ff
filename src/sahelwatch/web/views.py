"""What the pages draw, computed from ``Workspace`` records: chart bars, timeline
items, map points, graph elements and the marked-up article text.

Kept apart from the routes so each can be tested without a request, and so
the data handed to scripts is plain JSON-ready dicts (the templates embed it
with ``tojson``; the scripts never see HTML).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from sahelwatch.report.timeline import TimelineRow
from sahelwatch.store import ClusterRow, EntityRecord
from sahelwatch.web.highlight import Span, highlight
from sahelwatch.web.render import entity_url, event_url, label
from sahelwatch.workspace import ArticleAnnotations, EntityGraph

#: The activity chart shows at most this many months, ending at the latest event.
CHART_MONTHS = 36
_CLASS = re.compile(r"[^a-z0-9_-]+")


# -- the dashboard's activity chart ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    month: str
    count: int
    x: float
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Chart:
    """Events per month as SVG geometry: bars, year ticks and what the range leaves out."""

    width: int
    height: int
    bar_width: float
    bars: list[Bar]
    years: list[tuple[str, float]]
    peak: int
    earlier: int
    undated: int


def activity_chart(
    clusters: Sequence[ClusterRow], *, width: int = 1000, height: int = 170
) -> Chart:
    """Real-world events (clusters) per month; year-only dates cannot be placed in a month."""
    months = Counter(c.date[:7] for c in clusters if c.date and len(c.date) >= 7)
    undated = sum(1 for c in clusters if not c.date or len(c.date) < 7)
    if not months:
        return Chart(width, height, 0.0, [], [], 0, 0, undated)
    last = max(months)
    span = _month_range(min(months), last)[-CHART_MONTHS:]
    earlier = sum(n for m, n in months.items() if m < span[0])
    peak = max(months[m] for m in span)
    slot = width / len(span)
    plot = height - 20  # room for the year labels
    bars, years = [], []
    for i, month in enumerate(span):
        count = months.get(month, 0)
        bar_height = plot * count / peak if peak else 0.0
        bars.append(Bar(month, count, i * slot, plot - bar_height, bar_height))
        # Label each January, and the first year when its January is not near.
        if month.endswith("-01") or (i == 0 and int(month[5:7]) <= 9):
            years.append((month[:4], i * slot))
    return Chart(width, height, max(slot - 2, 1.0), bars, years, peak, earlier, undated)


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def distinct_dates(dates: Iterable[str]) -> list[str]:
    """Dates that really differ: "2024" and "2024-01" agree with "2024-01-28", so only
    the most precise of each agreeing group is kept."""
    unique = set(dates)
    return sorted(d for d in unique if not any(o != d and o.startswith(d) for o in unique))


def latest(clusters: Iterable[ClusterRow], n: int = 8) -> list[ClusterRow]:
    """The most recent dated events, most recent first."""
    dated = [c for c in clusters if c.date]
    return sorted(dated, key=lambda c: (c.date or "", c.outlets), reverse=True)[:n]


# -- timeline -------------------------------------------------------------------


def timeline_items(rows: Iterable[TimelineRow]) -> list[dict[str, Any]]:
    """vis-timeline items: a box for a day or a month, a range over a year given alone."""
    items = []
    for row in rows:
        if not row.date:
            continue
        start, end = _bounds(row.date)
        classes = ["type-" + _CLASS.sub("", row.type)]
        if row.approximate:
            classes.append("approx")
        item: dict[str, Any] = {
            "id": row.cluster,
            "start": start,
            "label": label(row.type) + (f" · {', '.join(row.places)}" if row.places else ""),
            "summary": row.summary,
            "date": ("~" if row.approximate else "") + row.date,
            "sources": row.sources,
            "url": event_url(row.cluster),
            "className": " ".join(classes),
        }
        if len(row.date) < 10:
            item["className"] += " imprecise"
        if end and len(row.date) == 4:
            item.update(end=end, type="range")
        items.append(item)
    return items


def _bounds(date: str) -> tuple[str, str | None]:
    """Start and (for a partial date) end of the period a date names."""
    if len(date) >= 10:
        return date[:10], None
    year = int(date[:4])
    if len(date) >= 7:
        month = int(date[5:7])
        last = calendar.monthrange(year, month)[1]
        return f"{date[:7]}-15", f"{date[:7]}-{last:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


# -- map ------------------------------------------------------------------------


def map_points(
    clusters: Iterable[ClusterRow], places: dict[str, EntityRecord]
) -> tuple[list[dict[str, Any]], int]:
    """One point per place with coordinates and its events; and how many events have none."""
    points: dict[str, dict[str, Any]] = {}
    unplaced = 0
    for cluster in clusters:
        place = places.get(cluster.location_id or "")
        if place is None or place.lat is None or place.lon is None:
            unplaced += 1
            continue
        point = points.setdefault(
            place.id,
            {
                "id": place.id,
                "name": place.name,
                "lat": place.lat,
                "lon": place.lon,
                "url": entity_url(place.id),
                "events": [],
            },
        )
        point["events"].append(
            {
                "url": event_url(cluster.id),
                "date": ("~" if cluster.approximate else "") + (cluster.date or "undated"),
                "summary": cluster.summary,
                "type": label(cluster.type),
                "sources": cluster.outlets,
            }
        )
    for point in points.values():
        events = point["events"]
        dated = sorted(
            (e for e in events if e["date"] != "undated"),
            key=lambda e: e["date"].lstrip("~"),
            reverse=True,
        )
        point["events"] = dated + [e for e in events if e["date"] == "undated"]
    return sorted(points.values(), key=lambda p: -len(p["events"])), unplaced


# -- entity graph ---------------------------------------------------------------


def graph_elements(
    graph: EntityGraph, *, min_side_weight: int = 2
) -> dict[str, list[dict[str, Any]]]:
    """cytoscape.js elements; labels are drawn on a canvas, so names need no escaping there.

    Every link to the centre is kept; links between two neighbours only when they
    share ``min_side_weight`` articles, or the picture is a hairball.
    """
    nodes = [
        {
            "data": {
                "id": e.id,
                "label": e.name,
                "type": e.type,
                "url": entity_url(e.id),
                "center": e.id == graph.center,
            }
        }
        for e in graph.nodes
    ]
    known = {e.id for e in graph.nodes}
    edges = [
        {
            "data": {
                "id": f"{a}|{b}",
                "source": a,
                "target": b,
                "weight": n,
                "center": graph.center in (a, b),
            }
        }
        for a, b, n in graph.edges
        if a in known and b in known and (graph.center in (a, b) or n >= min_side_weight)
    ]
    return {"nodes": nodes, "edges": edges}


# -- article text ---------------------------------------------------------------


def article_markup(body: str, notes: ArticleAnnotations) -> Markup:
    """The body with events, quotes and entity mentions marked; mentions link to entities."""
    spans: list[Span] = []
    for event in notes.events:
        end = _trimmed_end(body, event.start, event.end)
        title = f"{label(event.type)} · {event.date or 'undated'} · {event.modality}"
        spans.append(
            Span(
                event.start,
                end,
                "mark",
                "hl ev",
                (("data-event", event.id), ("title", title)),
                (("id", "ev-" + event.id),),
                rank=0,
            )
        )
    for quote in notes.quotes:
        speaker = notes.entities.get(quote.speaker_id or "")
        who = speaker.name if speaker else (quote.speaker_text or "unattributed")
        spans.append(
            Span(
                quote.start,
                quote.end,
                "mark",
                "hl quote" + ("" if quote.direct else " reported"),
                (("title", f"quote · {who}"),),
                (("id", "q-" + quote.id),),
                rank=1,
            )
        )
    taken: list[tuple[int, int]] = []
    for mention in sorted(notes.mentions, key=lambda m: (m.start, -m.end)):
        if any(mention.start < end and start < mention.end for start, end in taken):
            continue  # a link inside a link is not allowed; keep the first
        taken.append((mention.start, mention.end))
        entity = notes.entities.get(mention.entity_id)
        kind = entity.type if entity else "OTHER"
        spans.append(
            Span(
                mention.start,
                mention.end,
                "a",
                f"hl ent ent-{_CLASS.sub('', kind.lower())}",
                (
                    ("href", entity_url(mention.entity_id)),
                    ("title", f"{entity.name if entity else mention.entity_id} ({kind})"),
                ),
                rank=2,
            )
        )
    return highlight(body, spans)


def _trimmed_end(text: str, start: int, end: int) -> int:
    """A sentence span without the paragraph break it may end with, so no mark spills over."""
    while end > start and end <= len(text) and text[end - 1].isspace():
        end -= 1
    return end
