"""The JSON export: the project's public, versioned contract (``SCHEMAS.md``).

The export is assembled as plain data, then checked against the JSON Schema
shipped beside this module before it is written, so a bug can never publish a
file that other tools would misread. Sections that later stages have not filled
yet are present and empty: readers can rely on every key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from sahelwatch.errors import ExportError
from sahelwatch.model import StoredArticle
from sahelwatch.resolve.clusters import ClusterSummary
from sahelwatch.resolve.conflicts import Conflict
from sahelwatch.store import ClaimRecord, EntityRecord, EventRecord, MentionRecord, QuoteRecord

SCHEMA_VERSION = "1"
SECTIONS = ("entities", "mentions", "events", "quotes", "claims", "conflicts", "clusters")


@cache
def export_schema() -> dict[str, Any]:
    text = resources.files("sahelwatch.report").joinpath("export.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def article_record(stored: StoredArticle) -> dict[str, Any]:
    article = stored.article
    return {
        "id": article.id,
        "source_uri": article.source_uri,
        "title": article.title,
        "byline": article.byline,
        "publication_date": article.publication_date,
        "publication_date_source": article.publication_date_source,
        "lang": article.lang,
        "body": article.body,
        "removed": [{"text": seg.text, "reason": seg.reason} for seg in article.removed],
        "duplicate_of": stored.duplicate_of,
    }


MAPPABLE = frozenset({"GPE", "LOC", "FAC"})


def entity_records(rows: Iterable[tuple[EntityRecord, list[str]]]) -> list[dict[str, Any]]:
    out = []
    for entity, aliases in rows:
        record: dict[str, Any] = {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "aliases": list(dict.fromkeys([entity.name, *aliases])),
            "kb_id": entity.kb_id,
        }
        if entity.type in MAPPABLE and entity.lat is not None and entity.lon is not None:
            record["lat"], record["lon"] = entity.lat, entity.lon
        out.append(record)
    return out


def mention_records(rows: Iterable[MentionRecord]) -> list[dict[str, Any]]:
    return [
        {
            "article": m.article_id,
            "entity": m.entity_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
        }
        for m in rows
    ]


def event_records(rows: Iterable[EventRecord]) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "article": e.article_id,
            "type": e.type,
            "date": e.date,
            "date_precision": e.date_precision,
            "approximate": e.approximate,
            "location": e.location_id,
            "participants": [{"entity": entity, "role": role} for entity, role in e.participants],
            "fatalities": e.fatalities,
            "cluster": e.cluster_id or e.id,
            "evidence": e.evidence,
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            "modality": e.modality,
        }
        for e in rows
    ]


def quote_records(rows: Iterable[QuoteRecord]) -> list[dict[str, Any]]:
    return [
        {
            "id": q.id,
            "article": q.article_id,
            "speaker": q.speaker_id,
            "speaker_text": q.speaker_text,
            "text": q.text,
            "direct": q.direct,
            "start": q.start,
            "end": q.end,
        }
        for q in rows
    ]


def claim_records(rows: Iterable[ClaimRecord]) -> list[dict[str, Any]]:
    out = []
    for c in rows:
        record: dict[str, Any] = {
            "id": c.id,
            "article": c.article_id,
            "subject": c.subject_id,
            "property": c.property,
            "value": c.value,
            "evidence": c.evidence,
            "start": c.start,
            "end": c.end,
        }
        if c.object_id:
            record["object"] = c.object_id
        if c.qualifier:
            record["qualifier"] = c.qualifier
        out.append(record)
    return out


def conflict_records(rows: Iterable[Conflict]) -> list[dict[str, Any]]:
    return [
        {
            "id": x.id,
            "subject": x.subject_id,
            "property": x.property,
            "claims": list(x.claim_ids()),
            "values": list(x.values),
            "note": x.note,
            "object": x.object_id,
            "suggested": {
                "majority": x.majority,
                "most_precise": x.most_precise,
                "most_recent": x.most_recent,
            },
        }
        for x in rows
    ]


def cluster_records(rows: Iterable[ClusterSummary], lines: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "type": c.type,
            "date": c.date,
            "date_precision": c.date_precision,
            "approximate": c.approximate,
            "location": c.location_id,
            "participants": list(c.participants),
            "events": list(c.event_ids),
            "articles": list(c.article_ids),
            "outlets": c.outlets,
            "summary": lines.get(c.id, c.type),
            "fatalities": c.fatalities,
            "fatalities_disputed": c.fatalities_disputed,
            "confidence": c.confidence,
        }
        for c in rows
    ]


def build_export(
    articles: Iterable[StoredArticle],
    *,
    generated_at: datetime | None = None,
    **sections: list[dict[str, Any]],
) -> dict[str, Any]:
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ExportError(f"unknown export section(s): {', '.join(sorted(unknown))}")
    when = (generated_at or datetime.now(UTC)).astimezone(UTC)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "articles": [article_record(a) for a in articles],
    }
    for name in SECTIONS:
        document[name] = sections.get(name, [])
    return document


def validate_export(document: dict[str, Any]) -> None:
    """Raise ``ExportError`` naming the first place where ``document`` breaks the schema."""
    validator = jsonschema.Draft202012Validator(export_schema())
    error = next(iter(sorted(validator.iter_errors(document), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise ExportError(f"export violates schema v{SCHEMA_VERSION} at {where}: {error.message}")


def dumps_export(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
