"""From an export document and the reader's filters to the briefing's view model.

Filters narrow what is reported, never what the header says about the
corpus: the scope line always describes everything the export holds, so a
reader can tell a quiet period from a small corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import UTC, datetime

from sahelwatch.domain.text import fold
from sahelwatch.errors import NotFoundError, UsageError
from sahelwatch.report.brief import sections, wording
from sahelwatch.report.brief.citations import CitationRegistry
from sahelwatch.report.brief.corpus import ClusterInfo, ConflictInfo, Corpus, QuoteInfo
from sahelwatch.report.brief.model import BriefView, Scope, TimelinePoint

UNKNOWN_PLACE = "other/unknown"
PLACE_TYPES = frozenset({"GPE"})


def build_view(
    corpus: Corpus,
    *,
    since: str | None = None,
    entity: str | None = None,
    title: str | None = None,
    now: datetime | None = None,
) -> BriefView:
    if since is not None and not wording.is_iso_partial(since):
        raise UsageError(f"since {since!r}: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    since = since.strip() if since else None
    focus: frozenset[str] = frozenset()
    filters: list[str] = []
    if since:
        filters.append(f"developments dated on or after {wording.date_phrase(since)}")
    if entity is not None:
        focus = corpus.match_entities(entity.strip())
        if not focus:
            raise NotFoundError(f"entity {entity!r}: no entity of that name, alias or id")
        names = sorted({corpus.name(e) or e for e in focus}, key=fold)
        filters.append(f"involving {' / '.join(names)}")

    clusters = [c for c in corpus.clusters if _keep_cluster(corpus, c, since, focus)]
    conflicts = [c for c in corpus.conflicts if _keep_conflict(corpus, c, focus)]
    quotes = [q for q in corpus.quotes if _keep_quote(corpus, q, since, focus)]

    registry = CitationRegistry(corpus)
    developments = sections.developments(corpus, clusters, registry)
    contested = sections.contested(corpus, conflicts, registry)
    notable = sections.quotes(corpus, quotes, registry)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    return BriefView(
        title=title or _default_title(corpus, focus, since),
        generated_at=f"{wording.date_phrase(stamp.date().isoformat())}, {stamp:%H:%M} UTC",
        exported_at=corpus.generated_at,
        scope=_scope(corpus),
        filters=tuple(filters),
        developments=tuple(developments),
        total_developments=len(clusters),
        actors=tuple(sections.actors(corpus, clusters, focus)),
        contested=tuple(contested),
        quotes=tuple(notable),
        citations=tuple(registry.citations),
        timeline=tuple(_timeline(clusters)),
        by_type_place=tuple(
            (wording.event_type_words(c.type), _place(corpus, c.location)) for c in clusters
        ),
    )


def _default_title(corpus: Corpus, focus: Collection[str], since: str | None) -> str:
    title = "Briefing"
    if focus:
        title += " on " + " / ".join(sorted((corpus.name(e) or e for e in focus), key=fold))
    if since:
        title += f" since {wording.date_phrase(since)}"
    return title


def _involves(corpus: Corpus, cluster: ClusterInfo, focus: Collection[str]) -> bool:
    if cluster.location in focus or any(p in focus for p in cluster.participants):
        return True
    for event_id in cluster.events:
        event = corpus.events.get(event_id)
        if event and (event.location in focus or any(p in focus for p in event.participants)):
            return True
    return False


def _keep_cluster(
    corpus: Corpus, cluster: ClusterInfo, since: str | None, focus: Collection[str]
) -> bool:
    if since and not wording.on_or_after(cluster.date, since):
        return False
    return not focus or _involves(corpus, cluster, focus)


def _keep_conflict(corpus: Corpus, conflict: ConflictInfo, focus: Collection[str]) -> bool:
    if not focus or conflict.subject in focus:
        return True
    keys = {fold(a) for e in focus for a in (*corpus.entities[e].aliases, corpus.entities[e].name)}
    return any(fold(v) in keys for v in conflict.values)


def _keep_quote(
    corpus: Corpus, quote: QuoteInfo, since: str | None, focus: Collection[str]
) -> bool:
    """Quotes follow ``since`` by publication date; undated articles stay in.

    A "since June" briefing quoting last year's speeches would mislead; a
    quote from an article of unknown date is kept because it may be recent.
    """
    article = corpus.articles.get(quote.article)
    published = article.publication_date if article else None
    if since and published and not wording.on_or_after(published, since):
        return False
    if not focus:
        return True
    if quote.speaker in focus:
        return True
    return bool(corpus.mentioned_in(quote.article, quote.start, quote.end) & set(focus))


def _scope(corpus: Corpus) -> Scope:
    articles = list(corpus.articles.values())
    originals = [a for a in articles if not a.duplicate_of]
    dates = sorted(
        (a.publication_date for a in articles if wording.parse_iso(a.publication_date)),
        key=wording.date_sort_key,
    )
    languages = Counter(wording.language_name(a.lang) for a in articles)
    return Scope(
        articles=len(articles),
        duplicates=len(articles) - len(originals),
        outlets=len({a.outlet for a in originals}),
        first_date=wording.date_phrase(dates[0]) if dates else None,
        last_date=wording.date_phrase(dates[-1]) if dates else None,
        languages=tuple(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _timeline(clusters: Collection[ClusterInfo]) -> list[TimelinePoint]:
    points = []
    for cluster in clusters:
        when = wording.date_point(cluster.date, cluster.precision)
        if when is not None:
            exact = cluster.precision in {"day", None} and not cluster.approximate
            exact = exact and len(cluster.date or "") == 10
            points.append(TimelinePoint(when, cluster.type, max(1, cluster.outlets), exact))
    return sorted(points, key=lambda p: p.when)


def _place(corpus: Corpus, location: str | None) -> str:
    """A chart groups by country; the export knows none for a city, so GPEs stand in."""
    entity = corpus.entities.get(location or "")
    if entity is None or entity.type not in PLACE_TYPES:
        return UNKNOWN_PLACE
    return entity.name
