"""Response models of the JSON API.

They mirror the store's record dataclasses field for field, so the OpenAPI
document describes exactly what ``Workspace`` returns and schemathesis can
check every response against it. Conversion functions live here too, so the
routers stay one call to ``Workspace`` plus one conversion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from sahelwatch.model import IngestFailure, StoredArticle
from sahelwatch.report.profile import Item, Profile
from sahelwatch.resolve.conflicts import Conflict
from sahelwatch.store import EventRecord, SearchHit
from sahelwatch.store.search import highlight_spans
from sahelwatch.workspace import EntityDetail, IngestReport

T = TypeVar("T")


class _Out(BaseModel):
    """Base: read from dataclass attributes, and refuse fields the models do not declare."""

    model_config = ConfigDict(from_attributes=True, extra="forbid")


class Problem(BaseModel):
    """RFC 7807 problem details: every error the API answers has this shape."""

    type: str = Field(description="A URI reference naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Validation errors, one per offending field (422 only)."
    )
    failures: list[FailureOut] | None = Field(
        default=None, description="Inputs an ingest could not use, with reasons."
    )


class Page(BaseModel, Generic[T]):
    """A slice of a list, with the total so a client can page through it."""

    items: list[T]
    total: int = Field(ge=0, description="How many items match, over all pages.")
    limit: int
    offset: int


class StatsOut(_Out):
    documents: int
    articles: int
    near_duplicates: int
    removed_segments: int
    open_failures: int
    by_lang: dict[str, int]
    by_removal_reason: dict[str, int]
    dated_articles: int
    words: int


class ArticleSummaryOut(_Out):
    id: str
    title: str | None
    lang: str
    publication_date: str | None
    source_uri: str
    words: int
    duplicate_of: str | None


class SearchHitOut(BaseModel):
    """One article matching a full-text search, with the passage that matched."""

    article_id: str
    title: str | None
    source: str | None = Field(description="The article's site, else its web host, if known.")
    source_uri: str
    publication_date: str | None
    lang: str
    snippet: str = Field(
        description="Plain text around the best match, untrusted; '…' where text was cut."
    )
    highlights: list[tuple[int, int]] = Field(
        description=(
            "The matched words in `snippet`, as [start, end) offsets counted in Unicode "
            "code points (Python string indices), in order and not overlapping."
        )
    )
    score: float = Field(description="Relevance (negated bm25): higher is better, per search.")


class RemovedOut(_Out):
    text: str
    reason: str


class ArticleDetailOut(BaseModel):
    """A cleaned article with corpus facts, what cleaning removed, and what was read from it."""

    id: str
    content_key: str
    source_uri: str
    title: str | None
    byline: str | None
    publication_date: str | None
    publication_date_source: str | None
    lang: str
    body: str
    dateline: str | None
    site_name: str | None
    removed: list[RemovedOut]
    raw_sha256: str
    ingested_at: datetime
    duplicate_of: str | None
    pipeline_version: str
    mentions: list[dict[str, Any]] = Field(description="Export v1 mention records.")
    events: list[dict[str, Any]] = Field(description="Export v1 event records.")
    quotes: list[dict[str, Any]] = Field(description="Export v1 quote records.")


class EntityOut(_Out):
    id: str
    name: str
    type: str
    kb_id: str | None
    pack_id: str | None
    lat: float | None
    lon: float | None


class EntitySummaryOut(_Out):
    entity: EntityOut
    mentions: int
    articles: int
    aliases: list[str]


class AttributeOut(_Out):
    kind: str
    key: str
    text: str
    article_id: str
    observed_on: str | None
    start: int
    end: int


class EntityArticleOut(BaseModel):
    id: str
    title: str | None
    publication_date: str | None
    mentions: int


class CoOccurringOut(BaseModel):
    entity: EntityOut
    articles: int = Field(description="How many articles mention both entities.")


class EntityDetailOut(BaseModel):
    entity: EntityOut
    aliases: list[str]
    attributes: list[AttributeOut]
    articles: list[EntityArticleOut]
    co_occurring: list[CoOccurringOut]
    others: list[EntityOut] = Field(description="Other entities printed under the same name.")


class ParticipantOut(BaseModel):
    entity_id: str
    role: str


class EventOut(BaseModel):
    id: str
    article_id: str
    type: str
    start: int
    end: int
    evidence: str
    trigger: str
    date: str | None
    date_precision: str | None
    approximate: bool
    date_basis: str
    date_end: str | None
    location_id: str | None
    fatalities: int | None
    victims: str | None
    modality: str
    confidence: float
    cluster_id: str | None
    participants: list[ParticipantOut]


class ClusterOut(_Out):
    id: str
    type: str
    date: str | None
    date_precision: str | None
    approximate: bool
    location_id: str | None
    participants: list[str]
    event_ids: list[str]
    article_ids: list[str]
    outlets: int
    fatalities: int | None
    fatalities_disputed: bool
    confidence: float


class TimelineRowOut(_Out):
    cluster: str
    date: str | None
    precision: str | None
    approximate: bool
    type: str
    summary: str
    places: list[str]
    actors: list[str]
    sources: int
    articles: list[str]


class QuoteOut(_Out):
    id: str
    article_id: str
    start: int
    end: int
    text: str
    direct: bool
    speaker_id: str | None
    speaker_text: str | None


class ClaimOut(_Out):
    id: str
    article_id: str
    subject_id: str
    property: str
    value: str
    object_id: str | None
    qualifier: str | None
    evidence: str
    start: int
    end: int
    published: str | None
    duplicate_of: str | None


class ConflictOut(_Out):
    id: str
    subject_id: str
    property: str
    object_id: str | None
    values: list[str]
    sides: list[list[ClaimOut]]
    note: str
    majority: str | None
    most_precise: str | None
    most_recent: str | None


class ProfileItemOut(BaseModel):
    label: str
    detail: str
    clusters: list[str]
    articles: list[str]


class ProfileOut(BaseModel):
    entity_id: str
    name: str
    aliases: list[str]
    founded: list[ProfileItemOut]
    members: list[ProfileItemOut]
    former_members: list[ProfileItemOut]
    leaders: list[ProfileItemOut]
    institutions: list[ProfileItemOut]
    documents: list[ProfileItemOut]
    partners: list[ProfileItemOut]
    adversaries: list[ProfileItemOut]


class FailureOut(_Out):
    input_name: str
    kind: str
    reason: str
    occurred_at: datetime


class IngestUrlIn(BaseModel):
    """The JSON body of a URL ingest."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        min_length=8,
        max_length=2048,
        pattern=r"^https?://\S+$",
        description="An http(s) URL; private and loopback addresses are refused.",
    )


class IngestOut(BaseModel):
    """What one ingest did, as the CLI prints it: counts plus each failure with its reason."""

    new: list[str] = Field(description="Ids of the articles stored by this ingest.")
    unchanged: int
    near_duplicates: int
    analyzed: int
    failed: int
    failures: list[FailureOut]
    summary: str


# -- conversions ------------------------------------------------------------


def article_detail(
    stored: StoredArticle, document: dict[str, Any], article_id: str
) -> ArticleDetailOut:
    """Join an article with its records from the v1 export, so both read the same facts."""
    a = stored.article

    def mine(section: str) -> list[dict[str, Any]]:
        return [r for r in document.get(section, []) if r.get("article") == article_id]

    return ArticleDetailOut(
        id=a.id,
        content_key=a.content_key,
        source_uri=a.source_uri,
        title=a.title,
        byline=a.byline,
        publication_date=a.publication_date,
        publication_date_source=a.publication_date_source,
        lang=a.lang,
        body=a.body,
        dateline=a.dateline,
        site_name=a.site_name,
        removed=[RemovedOut(text=r.text, reason=r.reason) for r in a.removed],
        raw_sha256=stored.raw_sha256,
        ingested_at=stored.ingested_at,
        duplicate_of=stored.duplicate_of,
        pipeline_version=stored.pipeline_version,
        mentions=mine("mentions"),
        events=mine("events"),
        quotes=mine("quotes"),
    )


def entity_detail(detail: EntityDetail) -> EntityDetailOut:
    return EntityDetailOut(
        entity=EntityOut.model_validate(detail.entity),
        aliases=list(detail.aliases),
        attributes=[AttributeOut.model_validate(a) for a in detail.attributes],
        articles=[
            EntityArticleOut(id=i, title=title, publication_date=date, mentions=n)
            for i, title, date, n in detail.articles
        ],
        co_occurring=[
            CoOccurringOut(entity=EntityOut.model_validate(e), articles=n)
            for e, n in detail.co_occurring
        ],
        others=[EntityOut.model_validate(e) for e in detail.others],
    )


def event(record: EventRecord) -> EventOut:
    return EventOut(
        id=record.id,
        article_id=record.article_id,
        type=record.type,
        start=record.start,
        end=record.end,
        evidence=record.evidence,
        trigger=record.trigger,
        date=record.date,
        date_precision=record.date_precision,
        approximate=record.approximate,
        date_basis=record.date_basis,
        date_end=record.date_end,
        location_id=record.location_id,
        fatalities=record.fatalities,
        victims=record.victims,
        modality=record.modality,
        confidence=record.confidence,
        cluster_id=record.cluster_id,
        participants=[ParticipantOut(entity_id=e, role=r) for e, r in record.participants],
    )


def conflict(found: Conflict) -> ConflictOut:
    return ConflictOut.model_validate(found)


def _item(item: Item) -> ProfileItemOut:
    # Sets become sorted lists so the same corpus always gives the same response.
    return ProfileItemOut(
        label=item.label,
        detail=item.detail,
        clusters=sorted(item.clusters),
        articles=sorted(item.articles),
    )


def profile(found: Profile) -> ProfileOut:
    return ProfileOut(
        entity_id=found.entity_id,
        name=found.name,
        aliases=list(found.aliases),
        founded=[_item(i) for i in found.founded],
        members=[_item(i) for i in found.members],
        former_members=[_item(i) for i in found.former_members],
        leaders=[_item(i) for i in found.leaders],
        institutions=[_item(i) for i in found.institutions],
        documents=[_item(i) for i in found.documents],
        partners=[_item(i) for i in found.partners],
        adversaries=[_item(i) for i in found.adversaries],
    )


def failure(item: IngestFailure) -> FailureOut:
    return FailureOut.model_validate(item)


def ingest_report(report: IngestReport) -> IngestOut:
    return IngestOut(
        new=list(report.new),
        unchanged=report.unchanged,
        near_duplicates=report.near_duplicates,
        analyzed=report.analyzed,
        failed=len(report.failures),
        failures=[failure(f) for f in report.failures],
        summary=report.summary(),
    )


def search_hit(hit: SearchHit) -> SearchHitOut:
    """The hit with its snippet as plain text and the matches as offsets, not markers."""
    snippet, spans = highlight_spans(hit.snippet)
    return SearchHitOut(
        article_id=hit.article_id,
        title=hit.title,
        source=hit.source,
        source_uri=hit.source_uri,
        publication_date=hit.publication_date,
        lang=hit.lang,
        snippet=snippet,
        highlights=list(spans),
        score=hit.score,
    )


Problem.model_rebuild()
