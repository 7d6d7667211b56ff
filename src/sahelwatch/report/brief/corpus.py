"""The export document read once into typed records and lookups.

The briefing takes the v1 export as a plain mapping (what ``Workspace.export()``
returns or what a JSON file holds), so that it can be produced from a file
written by another version or another tool. Reading it here, leniently and in
one place, keeps ``Any`` out of the rest of the package: optional and additive
fields (``clusters``, ``suggested``, ``modality``, coordinates) get defaults,
and a missing ``clusters`` section is rebuilt from the events' own ``cluster``
ids, which the exporter sets to the event id when nothing was merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from sahelwatch.domain.text import fold
from sahelwatch.errors import ExportError


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    uri: str
    title: str | None
    publication_date: str | None
    lang: str
    body: str
    duplicate_of: str | None

    @property
    def outlet(self) -> str:
        """Who published it: the web host, else the file name (one file, one source)."""
        return outlet_of(self.uri)

    @property
    def label(self) -> str:
        """What a reader calls the article: its title, else its file name."""
        if self.title and self.title.strip():
            return self.title.strip()
        name = PurePosixPath(unquote(urlsplit(self.uri).path)).name
        return name or self.uri


@dataclass(frozen=True, slots=True)
class EntityInfo:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: str
    article: str
    type: str
    date: str | None
    precision: str | None
    approximate: bool
    location: str | None
    participants: tuple[str, ...]
    fatalities: int | None
    cluster: str
    evidence: str
    start: int
    end: int
    confidence: float
    modality: str


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    id: str
    type: str
    date: str | None
    precision: str | None
    approximate: bool
    location: str | None
    participants: tuple[str, ...]
    events: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: int
    summary: str
    fatalities: int | None
    fatalities_disputed: bool
    confidence: float


@dataclass(frozen=True, slots=True)
class QuoteInfo:
    id: str
    article: str
    speaker: str | None
    speaker_text: str | None
    text: str
    direct: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    id: str
    article: str
    subject: str
    property: str
    value: str
    evidence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    id: str
    subject: str
    property: str
    claims: tuple[str, ...]
    values: tuple[str, ...]
    note: str
    suggested: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True, slots=True)
class MentionInfo:
    article: str
    entity: str
    start: int
    end: int


def outlet_of(uri: str) -> str:
    parts = urlsplit(uri)
    if parts.scheme in {"http", "https"} and parts.hostname:
        host = parts.hostname.lower()
        return host.removeprefix("www.")
    return PurePosixPath(unquote(parts.path)).name or uri


def _text(record: Mapping[str, Any], key: str, default: str = "") -> str:
    value = record.get(key)
    return value if isinstance(value, str) else default


def _opt_text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value else None


def _int(record: Mapping[str, Any], key: str, default: int = 0) -> int:
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _opt_int(record: Mapping[str, Any], key: str) -> int | None:
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(record: Mapping[str, Any], key: str, default: float = 0.0) -> float:
    value = record.get(key)
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default
    )


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _records(document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    section = document.get(key, [])
    if section is None:
        return []
    if not isinstance(section, list):
        raise ExportError(f"export document: '{key}' is not a list")
    return [item for item in section if isinstance(item, Mapping) and item.get("id", "") != ""]


class Corpus:
    """Every section of one export, keyed the way the briefing looks things up."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        if not isinstance(document, Mapping):
            raise ExportError("export document: not a JSON object")
        self.generated_at = _opt_text(document, "generated_at")
        self.articles = {a.id: a for a in map(_article, _records(document, "articles"))}
        self.entities = {e.id: e for e in map(_entity, _records(document, "entities"))}
        self.events = {e.id: e for e in map(_event, _records(document, "events"))}
        self.quotes = [_quote(q) for q in _records(document, "quotes")]
        self.claims = {c.id: c for c in map(_claim, _records(document, "claims"))}
        self.conflicts = [_conflict(c) for c in _records(document, "conflicts")]
        mentions = document.get("mentions") or []
        self.mentions = [
            MentionInfo(_text(m, "article"), _text(m, "entity"), _int(m, "start"), _int(m, "end"))
            for m in (mentions if isinstance(mentions, list) else [])
            if isinstance(m, Mapping)
        ]
        if isinstance(document.get("clusters"), list):
            self.clusters = [_cluster(c) for c in _records(document, "clusters")]
        else:
            self.clusters = self._clusters_from_events()

    def name(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = self.entities.get(entity_id)
        return entity.name if entity else None

    def match_entities(self, query: str) -> frozenset[str]:
        """Ids an entity filter means: an exact id, else names, else aliases.

        Names win over aliases so that asking for "Niger" does not also pull in
        an organisation that once printed "Niger" as a short form.
        """
        if query in self.entities:
            return frozenset({query})
        key = fold(query)
        by_name = {e.id for e in self.entities.values() if fold(e.name) == key}
        if by_name:
            return frozenset(by_name)
        return frozenset(
            e.id for e in self.entities.values() if any(fold(a) == key for a in e.aliases)
        )

    def _clusters_from_events(self) -> list[ClusterInfo]:
        groups: dict[str, list[EventInfo]] = defaultdict(list)
        for event in self.events.values():
            groups[event.cluster or event.id].append(event)
        return [self._merge(cluster_id, members) for cluster_id, members in groups.items()]

    def _merge(self, cluster_id: str, members: Sequence[EventInfo]) -> ClusterInfo:
        # The most precise date stands for the cluster, as the resolver would pick it.
        rank = {"day": 3, "month": 2, "year": 1}
        dated = [e for e in members if e.date]
        best = max(
            dated, key=lambda e: (rank.get(e.precision or "", 0), -e.approximate), default=None
        )
        places = Counter(e.location for e in members if e.location)
        deaths = {e.fatalities for e in members if e.fatalities is not None}
        articles = tuple(dict.fromkeys(e.article for e in members))
        outlets = {self.articles[a].outlet for a in articles if a in self.articles}
        return ClusterInfo(
            id=cluster_id,
            type=Counter(e.type for e in members).most_common(1)[0][0],
            date=best.date if best else None,
            precision=best.precision if best else None,
            approximate=best.approximate if best else False,
            location=places.most_common(1)[0][0] if places else None,
            participants=tuple(dict.fromkeys(p for e in members for p in e.participants)),
            events=tuple(e.id for e in members),
            articles=articles,
            outlets=len(outlets) or len(articles),
            summary="",
            fatalities=max(deaths) if deaths else None,
            fatalities_disputed=len(deaths) > 1,
            confidence=max(e.confidence for e in members),
        )

    def mentioned_in(self, article: str, start: int, end: int) -> set[str]:
        return {m.entity for m in self.mentions if m.article == article and start <= m.start < end}


def _article(r: Mapping[str, Any]) -> ArticleInfo:
    return ArticleInfo(
        id=_text(r, "id"),
        uri=_text(r, "source_uri") or _text(r, "id"),
        title=_opt_text(r, "title"),
        publication_date=_opt_text(r, "publication_date"),
        lang=_text(r, "lang", "und"),
        body=_text(r, "body"),
        duplicate_of=_opt_text(r, "duplicate_of"),
    )


def _entity(r: Mapping[str, Any]) -> EntityInfo:
    name = _text(r, "name") or _text(r, "id")
    return EntityInfo(_text(r, "id"), name, _text(r, "type", "OTHER"), _strings(r.get("aliases")))


def _participants(value: object) -> tuple[str, ...]:
    items: Iterable[object] = value if isinstance(value, list) else []
    out = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("entity"), str):
            out.append(item["entity"])
        elif isinstance(item, str):
            out.append(item)
    return tuple(dict.fromkeys(out))


def _event(r: Mapping[str, Any]) -> EventInfo:
    return EventInfo(
        id=_text(r, "id"),
        article=_text(r, "article"),
        type=_text(r, "type", "other"),
        date=_opt_text(r, "date"),
        precision=_opt_text(r, "date_precision"),
        approximate=bool(r.get("approximate")),
        location=_opt_text(r, "location"),
        participants=_participants(r.get("participants")),
        fatalities=_opt_int(r, "fatalities"),
        cluster=_text(r, "cluster") or _text(r, "id"),
        evidence=_text(r, "evidence"),
        start=_int(r, "start"),
        end=_int(r, "end"),
        confidence=_float(r, "confidence"),
        modality=_text(r, "modality", "asserted"),
    )


def _cluster(r: Mapping[str, Any]) -> ClusterInfo:
    return ClusterInfo(
        id=_text(r, "id"),
        type=_text(r, "type", "other"),
        date=_opt_text(r, "date"),
        precision=_opt_text(r, "date_precision"),
        approximate=bool(r.get("approximate")),
        location=_opt_text(r, "location"),
        participants=_participants(r.get("participants")),
        events=_strings(r.get("events")),
        articles=_strings(r.get("articles")),
        outlets=_int(r, "outlets"),
        summary=_text(r, "summary"),
        fatalities=_opt_int(r, "fatalities"),
        fatalities_disputed=bool(r.get("fatalities_disputed")),
        confidence=_float(r, "confidence"),
    )


def _quote(r: Mapping[str, Any]) -> QuoteInfo:
    return QuoteInfo(
        id=_text(r, "id"),
        article=_text(r, "article"),
        speaker=_opt_text(r, "speaker"),
        speaker_text=_opt_text(r, "speaker_text"),
        text=_text(r, "text"),
        direct=bool(r.get("direct")),
        start=_int(r, "start"),
        end=_int(r, "end"),
    )


def _claim(r: Mapping[str, Any]) -> ClaimInfo:
    return ClaimInfo(
        id=_text(r, "id"),
        article=_text(r, "article"),
        subject=_text(r, "subject"),
        property=_text(r, "property"),
        value=_text(r, "value"),
        evidence=_text(r, "evidence"),
        start=_int(r, "start"),
        end=_int(r, "end"),
    )


SUGGESTION_KEYS = ("majority", "most_precise", "most_recent")


def _conflict(r: Mapping[str, Any]) -> ConflictInfo:
    raw = r.get("suggested")
    suggested: tuple[tuple[str, str | None], ...] = ()
    if isinstance(raw, Mapping):
        suggested = tuple((key, _opt_text(raw, key)) for key in SUGGESTION_KEYS if key in raw)
    return ConflictInfo(
        id=_text(r, "id"),
        subject=_text(r, "subject"),
        property=_text(r, "property"),
        claims=_strings(r.get("claims")),
        values=_strings(r.get("values")),
        note=_text(r, "note"),
        suggested=suggested,
    )
