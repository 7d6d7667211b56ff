"""The facade the CLI and the web app both drive, so they always do the same thing.

A ``Workspace`` is one database plus the pipeline that feeds it. Its methods
return plain data (dataclasses, dicts); printing is the caller's business.
Ingest is per document: each document is read, cleaned and stored in its own
transaction, and a document that fails is recorded as a failure while the rest
of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol

from sahelwatch.clean import clean, content_key
from sahelwatch.clean.dedupe import NearDuplicateIndex, signature
from sahelwatch.config import Settings
from sahelwatch.domain import ENTITY_TYPES, EVENT_TYPES, DomainPack, default_pack, fold
from sahelwatch.errors import InputError, NotFoundError, UsageError
from sahelwatch.ingest import IngestOptions, Source, expand_targets, read_source
from sahelwatch.model import IngestFailure, RawDocument, StoredArticle
from sahelwatch.nlp.analysis import ANALYSIS_VERSION, analyze_many
from sahelwatch.report.export import (
    build_export,
    claim_records,
    cluster_records,
    conflict_records,
    entity_records,
    event_records,
    mention_records,
    quote_records,
    validate_export,
)
from sahelwatch.report.profile import Profile, build_profile
from sahelwatch.report.timeline import TimelineRow, timeline_rows
from sahelwatch.resolve.clusters import ClusterResolver, ClusterSummary, summary_line
from sahelwatch.resolve.conflicts import Conflict, find_conflicts
from sahelwatch.resolve.entities import EntityResolver
from sahelwatch.store import (
    ArticleHead,
    ArticleSummary,
    AttributeRecord,
    ClaimRecord,
    ClusterRow,
    CorpusStats,
    EntityRecord,
    EntitySummary,
    EventRecord,
    KnowledgeCounts,
    MentionRecord,
    QuoteRecord,
    SearchResults,
    Store,
)

#: Bump when cleaning changes what it produces, so stored rows say which code made them.
PIPELINE_VERSION = "clean-1"


def checked_entity_type(value: str | None, what: str) -> str | None:
    """``value`` as an entity type ("person" -> "PERSON"), or a UsageError naming ``what``
    (the option or field it came from), so every surface refuses it in the same words."""
    if not value:
        return None
    if value.strip().upper() not in ENTITY_TYPES:
        raise UsageError(f"{what} {value}: unknown type (one of {', '.join(sorted(ENTITY_TYPES))})")
    return value.strip().upper()


def checked_event_type(value: str | None, what: str) -> str | None:
    """``value`` as an event type, or a UsageError naming ``what`` (see above)."""
    if not value:
        return None
    if value.strip().lower() not in EVENT_TYPES:
        raise UsageError(f"{what} {value}: unknown event type (one of {', '.join(EVENT_TYPES)})")
    return value.strip().lower()


class IngestObserver(Protocol):
    """Progress callbacks; the CLI draws a progress bar from them."""

    def on_start(self, total_sources: int) -> None: ...

    def on_source_done(self, source: Source) -> None: ...

    def on_failure(self, failure: IngestFailure) -> None: ...

    def on_analysis_start(self, total_articles: int) -> None: ...

    def on_analyzed(self, count: int) -> None: ...


@dataclass(slots=True)
class IngestReport:
    """What one ingest call did, counted per document."""

    new: list[str] = field(default_factory=list)
    unchanged: int = 0
    near_duplicates: int = 0
    analyzed: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        parts = [f"{len(self.new)} new", f"{self.unchanged} unchanged"]
        if self.near_duplicates:
            parts.append(f"{self.near_duplicates} near-duplicate")
        parts.append(f"{len(self.failures)} failed")
        if self.analyzed:
            parts.append(f"{self.analyzed} analysed")
        return ", ".join(parts)


@dataclass(slots=True)
class _DupeEntry:
    order: int
    publication_date: str | None
    duplicate_of: str | None


class _NearDuplicates:
    """The MinHash index of the stored corpus, loaded on first use.

    Within a group of near-duplicates the earliest article is the original:
    earliest publication date when both are dated, else first ingested.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = NearDuplicateIndex()
        self.entries: dict[str, _DupeEntry] = {}
        for sig in store.signatures():
            self._add(sig.article_id, sig.minhash, sig.publication_date, sig.duplicate_of)

    def _add(self, article_id: str, sig: bytes, date: str | None, dup_of: str | None) -> None:
        self.index.add(article_id, sig)
        self.entries[article_id] = _DupeEntry(len(self.entries), date, dup_of)

    def _sort_key(self, article_id: str) -> tuple[str, int]:
        entry = self.entries[article_id]
        return (entry.publication_date or "9999", entry.order)

    def original_for(self, sig: bytes) -> str | None:
        roots = {
            self.entries[c].duplicate_of or c
            for c in self.index.candidates(sig)
            if c in self.entries
        }
        return min(roots, key=self._sort_key) if roots else None

    def register(
        self, article_id: str, sig: bytes, date: str | None, root: str | None
    ) -> str | None:
        """Add a new article; return its ``duplicate_of`` after choosing the group's original."""
        self._add(article_id, sig, date, root)
        if root is None:
            return None
        if self._sort_key(article_id) < self._sort_key(root):
            self.store.repoint_duplicates(root, article_id)
            for entry_id, entry in self.entries.items():
                if entry_id == root or entry.duplicate_of == root:
                    entry.duplicate_of = article_id
            self.entries[article_id].duplicate_of = None
            return None
        return root


class Workspace:
    """One knowledge base: open it, feed it, query it, export it."""

    def __init__(
        self,
        database_url: str | None = None,
        *,
        settings: Settings | None = None,
        pack: DomainPack | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env(database_url)
        self.store = Store(self.settings.database_url)
        self.pack = pack or default_pack()
        self._near_duplicates: _NearDuplicates | None = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- ingest -------------------------------------------------------------

    def ingest(
        self,
        targets: Sequence[str],
        *,
        allow_private: bool = False,
        options: IngestOptions | None = None,
        observer: IngestObserver | None = None,
        analyze: bool = True,
    ) -> IngestReport:
        """Read every target (paths, directories, globs, URLs) into the store.

        With ``analyze`` (the default) every article not yet analysed by this
        version of the code is then analysed and resolved into entities.
        """
        opts = options or IngestOptions(
            max_bytes=self.settings.max_bytes, allow_private=allow_private
        )
        report = IngestReport()
        sources, errors = expand_targets(targets)
        for error in errors:
            self._fail(report, observer, _failure_from(error))
        if observer:
            observer.on_start(len(sources))
        for source in sources:
            for item in self._read(source, opts, report, observer):
                self._ingest_document(item, source, report, observer)
            if observer:
                observer.on_source_done(source)
        if analyze:
            report.analyzed = self.analyze_pending(observer=observer)
        return report

    # -- analysis -----------------------------------------------------------

    def analyze_pending(
        self, *, observer: IngestObserver | None = None, batch_size: int = 32
    ) -> int:
        """Analyse and resolve every article whose analysis is missing or out of date.

        Runs after each ingest, so an ingest killed between storing articles and
        analysing them catches up the next time, whatever it ingests then.
        """
        pending = self.store.articles_needing_analysis(ANALYSIS_VERSION)
        if not pending:
            return 0
        if observer:
            observer.on_analysis_start(len(pending))
        resolver = self._resolver()
        done = 0
        for start in range(0, len(pending), batch_size):
            batch = [
                self.store.get_article(article_id)
                for article_id in pending[start : start + batch_size]
            ]
            stored = [item for item in batch if item is not None]
            articles = [item.article for item in stored]
            for item, analysis in zip(stored, analyze_many(articles, pack=self.pack), strict=True):
                resolution = resolver.resolve(analysis)
                self.store.save_analysis(
                    analysis,
                    entity_of=resolution.entity_of,
                    new_entities=resolution.new_entities,
                    observed_on=item.article.publication_date,
                )
                done += 1
            if observer:
                observer.on_analyzed(len(stored))
        self.cluster_events()
        return done

    def cluster_events(self) -> int:
        """Put every event not yet in a cluster into one; returns how many were placed."""
        resolver = ClusterResolver(self.store.iter_events(), self.pack)
        assigned = resolver.assign()
        if not assigned:
            return 0
        roots, published = self.store.article_roots()
        touched = set(assigned.values())
        summaries = [s for s in resolver.summaries(roots, published) if s.id in touched]
        names = self.store.entity_names(
            {p for s in summaries for p in s.participants[:3]}
            | {s.location_id for s in summaries if s.location_id}
        )
        rows = [
            ClusterRow(
                s.id,
                s.type,
                s.date,
                s.date_precision,
                s.approximate,
                s.location_id,
                summary_line(s, names),
                s.outlets,
                s.fatalities,
                s.fatalities_disputed,
                s.confidence,
            )
            for s in summaries
        ]
        self.store.save_clusters(assigned, rows)
        return len(assigned)

    def timeline(
        self,
        *,
        entity: str | None = None,
        event_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[TimelineRow]:
        return timeline_rows(
            self._document(with_text=False),
            entity=entity,
            event_type=event_type,
            date_from=date_from,
            date_to=date_to,
        )

    def profile(self, name: str) -> Profile:
        """An organisation as the corpus describes it (see ``report.profile``)."""
        cities = frozenset(e.id for e in self.pack.of_type("GPE") if e.country or e.capital_of)
        return build_profile(self._document(with_text=False), name, cities=cities)

    def conflicts(self) -> list[Conflict]:
        """Contradictions between sources, each side with its claims and evidence."""
        return self._conflicts(list(self.store.iter_events()), list(self.store.iter_claims()))

    def _conflicts(self, events: list[EventRecord], claims: list[ClaimRecord]) -> list[Conflict]:
        cluster_of = {e.id: e.cluster_id for e in events if e.cluster_id}
        names = self.store.entity_names({c.subject_id for c in claims})
        return find_conflicts(claims, cluster_of=cluster_of, names=names)

    def clusters(self) -> list[ClusterSummary]:
        """Every event cluster with its canonical facts and sources."""
        return self._clusters(list(self.store.iter_events()))

    def _clusters(self, events: list[EventRecord]) -> list[ClusterSummary]:
        roots, published = self.store.article_roots()
        return ClusterResolver(events, self.pack).summaries(roots, published)

    def _resolver(self) -> EntityResolver:
        entities, aliases = self.store.entity_index()
        return EntityResolver(self.pack, entities, aliases)

    def _read(
        self,
        source: Source,
        options: IngestOptions,
        report: IngestReport,
        observer: IngestObserver | None,
    ) -> Iterator[RawDocument]:
        try:
            for item in read_source(source, options):
                if isinstance(item, IngestFailure):
                    self._fail(report, observer, item)
                else:
                    yield item
        except InputError as error:
            self._fail(report, observer, _failure_from(error))

    def _ingest_document(
        self,
        raw: RawDocument,
        source: Source,
        report: IngestReport,
        observer: IngestObserver | None,
    ) -> None:
        name = _document_name(raw, source)
        try:
            key = content_key(raw)
            existing = self.store.find_by_content_key(key)
            if existing is not None:
                self.store.note_source(existing, raw.uri, input_name=name)
                report.unchanged += 1
                return
            article = clean(raw)
        except InputError as error:
            self._fail(report, observer, _failure_from(error, name))
            return
        except Exception as error:
            reason = f"internal error while cleaning ({type(error).__name__}: {error})"
            self._fail(report, observer, IngestFailure(name, "internal", reason, _now()))
            return
        dupes = self._dupes()
        sig = signature(article.body)
        root = dupes.original_for(sig)
        stored = self.store.add_article(
            raw,
            article,
            minhash=sig,
            duplicate_of=root,
            pipeline_version=PIPELINE_VERSION,
            input_name=name,
        )
        if not stored:
            report.unchanged += 1
            return
        duplicate_of = dupes.register(article.id, sig, article.publication_date, root)
        report.new.append(article.id)
        if duplicate_of is not None or root is not None:
            report.near_duplicates += 1

    def _dupes(self) -> _NearDuplicates:
        if self._near_duplicates is None:
            self._near_duplicates = _NearDuplicates(self.store)
        return self._near_duplicates

    def _fail(
        self, report: IngestReport, observer: IngestObserver | None, failure: IngestFailure
    ) -> None:
        self.store.record_failure(failure)
        report.failures.append(failure)
        if observer:
            observer.on_failure(failure)

    # -- queries ------------------------------------------------------------

    def articles(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        lang: str | None = None,
        ids: Collection[str] | None = None,
    ) -> list[ArticleSummary]:
        """Articles in ingest order; ``ids`` keeps only those (e.g. the hits of a search)."""
        return self.store.list_articles(limit=limit, offset=offset, lang=lang, ids=ids)

    def article(self, article_id: str) -> StoredArticle:
        """An article by id or by an unambiguous id prefix."""
        matches = self.store.resolve_article_id(article_id.strip())
        if not matches:
            raise NotFoundError(f"{article_id}: no article with this id")
        if len(matches) > 1 and article_id not in matches:
            raise NotFoundError(
                f"{article_id}: ambiguous id prefix, matches {', '.join(matches[:5])}"
            )
        found = self.store.get_article(article_id if article_id in matches else matches[0])
        if found is None:  # pragma: no cover - deleted between the two queries
            raise NotFoundError(f"{article_id}: no article with this id")
        return found

    def failures(self, *, include_resolved: bool = False) -> list[IngestFailure]:
        return self.store.failures(include_resolved=include_resolved)

    def stats(self) -> CorpusStats:
        return self.store.stats()

    def entities(
        self, *, entity_type: str | None = None, top: int | None = None
    ) -> list[EntitySummary]:
        return self.store.entity_summaries(entity_type=entity_type, limit=top)

    def entity(self, name: str) -> EntityDetail:
        """One entity by id or by any name it was printed under."""
        found = self._find_entities(name)
        entity = found[0]
        return EntityDetail(
            entity=entity,
            aliases=tuple(self.store.entity_aliases(entity.id)),
            attributes=self.store.entity_attributes(entity.id),
            articles=self.store.entity_articles(entity.id),
            co_occurring=self.store.co_occurring(entity.id),
            others=list(found[1:]),
        )

    def events(
        self,
        *,
        event_type: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[EventRecord]:
        """Events read from the articles, filtered like the CLI's `events` command."""
        entity_id = self.entity(entity).entity.id if entity else None
        return list(
            self.store.iter_events(
                event_type=event_type, entity_id=entity_id, date_from=date_from, date_to=date_to
            )
        )

    def quotes(self, *, speaker: str | None = None) -> list[QuoteRecord]:
        speaker_id = self.entity(speaker).entity.id if speaker else None
        return list(self.store.iter_quotes(speaker_id=speaker_id))

    def entity_names(self, ids: set[str]) -> dict[str, str]:
        """Display names for entity ids (for rendering events and quotes)."""
        return self.store.entity_names(ids)

    def search(
        self,
        query: str,
        *,
        entity: str | None = None,
        entity_type: str | None = None,
        event_type: str | None = None,
        language: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Full-text search of titles, bodies, bylines and sites, best match first.

        ``entity`` is a name or id, resolved like ``entity()``; the types are
        checked here so the CLI, the API and the web pages refuse the same
        values with the same message. Snippets mark matches with U+E000/U+E001
        (see ``sahelwatch.store.search``).
        """
        return self.store.search_articles(
            query,
            entity=self._entity_id(entity) if entity and entity.strip() else None,
            entity_type=checked_entity_type(entity_type, "entity type"),
            event_type=checked_event_type(event_type, "event type"),
            language=language.strip().lower() if language and language.strip() else None,
            limit=limit,
            offset=offset,
        )

    def _entity_id(self, name: str) -> str:
        """The id of the entity ``entity(name)`` would show, without reading its details."""
        return self._find_entities(name)[0].id

    def _find_entities(self, name: str) -> list[EntityRecord]:
        """Entities known by ``name`` or with that id: those with that exact id, else
        that exact name, else all ("Bamako" the city over Mali printed as "Bamako").
        """
        found = self.store.find_entities(name.strip())
        if not found:
            raise NotFoundError(f"{name}: no entity with this name or id")
        preferred = [e for e in found if e.id == name.strip()] or [
            e for e in found if fold(e.name) == fold(name)
        ]
        return preferred or found

    # -- browsing: one item per call, for the web pages ------------------------

    def counts(self) -> KnowledgeCounts:
        """How much was read from the corpus: entities, events, clusters, quotes, claims."""
        return self.store.knowledge_counts()

    def cluster_rows(self) -> list[ClusterRow]:
        """Stored clusters with their summary lines; cheaper than ``clusters()``,
        which derives every cluster again from its events."""
        return list(self.store.iter_clusters())

    def event_cluster(self, event_id: str) -> ClusterDetail:
        """One real-world event: a cluster by its id, or the cluster of an event by the event's."""
        cluster_id = self.store.cluster_of_event(event_id.strip()) or event_id.strip()
        row = self.store.get_cluster(cluster_id)
        if row is None:
            raise NotFoundError(f"{event_id}: no event or event cluster with this id")
        members = list(self.store.iter_events(cluster_id=cluster_id))
        disputes = [c for c in self.conflicts() if _disputes(c, cluster_id, members)]
        ids = {p for e in members for p, _ in e.participants}
        ids |= {e.location_id for e in members if e.location_id}
        ids |= {c.subject_id for c in disputes} | {c.object_id for c in disputes if c.object_id}
        claim_articles = {claim.article_id for c in disputes for side in c.sides for claim in side}
        return ClusterDetail(
            cluster=row,
            events=members,
            articles=self.store.article_heads({e.article_id for e in members} | claim_articles),
            names=self.store.entity_names(ids),
            conflicts=disputes,
        )

    def article_annotations(self, article_id: str) -> ArticleAnnotations:
        """What was read from one article, with character offsets into its body."""
        mentions = list(self.store.iter_mentions(article_id=article_id))
        events = list(self.store.iter_events(article_id=article_id))
        quotes = list(self.store.iter_quotes(article_id=article_id))
        ids = {m.entity_id for m in mentions} | {q.speaker_id for q in quotes if q.speaker_id}
        ids |= {p for e in events for p, _ in e.participants}
        ids |= {e.location_id for e in events if e.location_id}
        return ArticleAnnotations(mentions, events, quotes, self.store.entities_by_id(ids))

    def entity_graph(self, entity_id: str, *, limit: int = 15) -> EntityGraph:
        """An entity and those most often mentioned beside it, with shared-article counts."""
        neighbours = self.store.co_occurring(entity_id, limit=limit)
        ids = {entity_id} | {e.id for e, _ in neighbours}
        return EntityGraph(
            center=entity_id,
            nodes=[self.store.entities_by_id({entity_id})[entity_id], *(e for e, _ in neighbours)],
            edges=self.store.co_occurrence_edges(ids),
        )

    def entities_by_id(self, ids: set[str]) -> dict[str, EntityRecord]:
        """Entity records (with coordinates, for places) by id; unknown ids are left out."""
        return self.store.entities_by_id(ids)

    def article_heads(self, ids: set[str]) -> dict[str, ArticleHead]:
        """Titles, dates and outlets of articles, to link to them; unknown ids are left out."""
        return self.store.article_heads(ids)

    # -- export -------------------------------------------------------------

    def export(self, *, validate: bool = True) -> dict[str, Any]:
        """The whole knowledge base as the v1 JSON export (see ``SCHEMAS.md``)."""
        document = self._document(with_text=True)
        if validate:
            validate_export(document)
        return document

    def _document(self, *, with_text: bool) -> dict[str, Any]:
        """The export document; without article texts and mentions when a report
        (timeline, profile) needs only the knowledge read from them."""
        events = list(self.store.iter_events())
        claims = list(self.store.iter_claims())
        lines = {row.id: row.summary for row in self.store.iter_clusters()}
        return build_export(
            self.store.iter_articles() if with_text else [],
            entities=entity_records(self.store.iter_entities()),
            mentions=mention_records(self.store.iter_mentions()) if with_text else [],
            events=event_records(events),
            quotes=quote_records(self.store.iter_quotes()),
            claims=claim_records(claims),
            conflicts=conflict_records(self._conflicts(events, claims)),
            clusters=cluster_records(self._clusters(events), lines),
        )


@dataclass(frozen=True, slots=True)
class EntityDetail:
    """What `sahelwatch entity NAME` shows."""

    entity: EntityRecord
    aliases: tuple[str, ...]
    attributes: list[AttributeRecord]
    articles: list[tuple[str, str | None, str | None, int]]
    co_occurring: list[tuple[EntityRecord, int]]
    others: list[EntityRecord]


@dataclass(frozen=True, slots=True)
class ClusterDetail:
    """One real-world event as every source tells it, with what the sources dispute."""

    cluster: ClusterRow
    events: list[EventRecord]
    articles: dict[str, ArticleHead]
    names: dict[str, str]
    conflicts: list[Conflict]


@dataclass(frozen=True, slots=True)
class ArticleAnnotations:
    """An article's mentions, events and quotes, each with its span in the body."""

    mentions: list[MentionRecord]
    events: list[EventRecord]
    quotes: list[QuoteRecord]
    entities: dict[str, EntityRecord]


@dataclass(frozen=True, slots=True)
class EntityGraph:
    """Co-occurrence around one entity: ``edges`` are (a, b, articles mentioning both)."""

    center: str
    nodes: list[EntityRecord]
    edges: list[tuple[str, str, int]]


def _disputes(conflict: Conflict, cluster_id: str, events: list[EventRecord]) -> bool:
    """Whether a conflict is about this cluster: a death toll of it, or a claim read
    from one of its sentences (a founding date, a withdrawal date)."""
    if conflict.property == "fatalities" and conflict.object_id == cluster_id:
        return True
    return any(
        claim.article_id == event.article_id and claim.start < event.end and event.start < claim.end
        for side in conflict.sides
        for claim in side
        for event in events
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _failure_from(error: InputError, name: str | None = None) -> IngestFailure:
    return IngestFailure(name or error.input_name, error.kind, error.reason, _now())


def _document_name(raw: RawDocument, source: Source) -> str:
    """How a user recognises one document: the source name, plus the record inside it."""
    if raw.uri.startswith("file:") and "#" in raw.uri:
        return f"{source.name}#{raw.uri.rsplit('#', 1)[1]}"
    if raw.uri.startswith("file:"):
        return source.name
    return raw.uri
