"""The timeline: one row per event cluster, as analysts list developments.

Built from the export document so the CLI, the web app and files agree.
Rows sort by date (undated last), then by weight of sources; partial dates
sort where their precision puts them ("2024" before "2024-07").
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sahelwatch.domain import fold


@dataclass(frozen=True, slots=True)
class TimelineRow:
    cluster: str
    date: str | None
    precision: str | None
    approximate: bool
    type: str
    summary: str
    places: tuple[str, ...]
    actors: tuple[str, ...]
    sources: int
    articles: tuple[str, ...]


def timeline_rows(
    document: Mapping[str, Any],
    *,
    entity: str | None = None,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[TimelineRow]:
    names = {e["id"]: e["name"] for e in document.get("entities", [])}
    wanted = _entity_ids(document, entity) if entity else None
    rows = []
    for cluster in document.get("clusters", []):
        involved = set(cluster["participants"]) | (
            {cluster["location"]} if cluster["location"] else set()
        )
        if wanted is not None and not involved & wanted:
            continue
        if event_type and cluster["type"] != event_type:
            continue
        date = cluster["date"]
        if date_from and (not date or date[: len(date_from)] < date_from[: len(date)]):
            continue
        if date_to and (not date or date[: len(date_to)] > date_to[: len(date)]):
            continue
        rows.append(
            TimelineRow(
                cluster=cluster["id"],
                date=date,
                precision=cluster["date_precision"],
                approximate=bool(cluster["approximate"]),
                type=cluster["type"],
                summary=cluster["summary"],
                places=(names.get(cluster["location"], cluster["location"]),)
                if cluster["location"]
                else (),
                actors=tuple(names.get(p, p) for p in cluster["participants"][:6]),
                sources=int(cluster["outlets"]),
                articles=tuple(cluster["articles"]),
            )
        )
    rows.sort(key=lambda r: (r.date is None, r.date or "", -r.sources))
    return rows


def _entity_ids(document: Mapping[str, Any], name: str) -> set[str]:
    key = fold(name)
    return {
        e["id"]
        for e in document.get("entities", [])
        if e["id"] == name or key in {fold(a) for a in [e["name"], *e["aliases"]]}
    }


def format_date(row: TimelineRow) -> str:
    if not row.date:
        return "undated"
    return ("~" if row.approximate else "") + row.date


def to_markdown(rows: list[TimelineRow]) -> str:
    lines = ["| date | type | summary | places | sources |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        cells = [format_date(row), row.type, row.summary, ", ".join(row.places), str(row.sources)]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_json(rows: list[TimelineRow]) -> str:
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[TimelineRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "date",
            "precision",
            "approximate",
            "type",
            "summary",
            "places",
            "actors",
            "sources",
            "articles",
            "cluster",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.date or "",
                row.precision or "",
                row.approximate,
                row.type,
                _safe(row.summary),
                _safe("; ".join(row.places)),
                _safe("; ".join(row.actors)),
                row.sources,
                " ".join(row.articles),
                row.cluster,
            ]
        )
    return buffer.getvalue()


def _safe(text: str) -> str:
    """Article-derived text must not start a spreadsheet formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
