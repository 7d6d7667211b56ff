"""One builder per section of the briefing, each from the filtered corpus.

Builders are called in reading order (developments, contested facts, quotes)
because they share the citation registry: footnote numbers then rise as the
reader goes down the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from sahelwatch.domain.text import fold
from sahelwatch.report.brief import wording
from sahelwatch.report.brief.citations import Citation, CitationRegistry, locate
from sahelwatch.report.brief.corpus import ClusterInfo, ConflictInfo, Corpus, EventInfo, QuoteInfo
from sahelwatch.report.brief.model import (
    Actor,
    ClaimedValue,
    ContestedFact,
    Development,
    NotableQuote,
    Suggestion,
)

MAX_DEVELOPMENTS = 15
MAX_ACTORS = 12
MAX_QUOTES = 10
MAX_NAMED_ACTORS = 4
MAX_ALSO_CITED = 3
MAX_ALIASES = 4
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "GROUP"})
SUGGESTION_LABELS = {
    "majority": "what most sources say",
    "most_precise": "the most precise value",
    "most_recent": "the most recently published value",
}


def development_order(cluster: ClusterInfo) -> tuple[object, ...]:
    """Newest first, then the better-sourced; ties broken by id so output is stable."""
    year, month, day = wording.date_sort_key(cluster.date)
    return (-year, -month, -day, -cluster.outlets, -len(cluster.events), cluster.id)


def weight_order(cluster: ClusterInfo) -> tuple[object, ...]:
    """Most independent outlets, then most reports, then the newest."""
    year, month, day = wording.date_sort_key(cluster.date)
    return (-cluster.outlets, -len(cluster.events), -year, -month, -day, cluster.id)


def _event_order(corpus: Corpus, event: EventInfo) -> tuple[object, ...]:
    article = corpus.articles.get(event.article)
    published = wording.date_sort_key(article.publication_date if article else None)
    # Prefer confident, asserted readings, then the earliest report of the event.
    return (-event.confidence, event.modality != "asserted", published, event.id)


def developments(
    corpus: Corpus, clusters: Sequence[ClusterInfo], registry: CitationRegistry
) -> list[Development]:
    """The best-sourced developments, told newest first.

    Sources choose which developments make the page, dates order them: a
    strict newest-first cut would fill a briefing with single-source items of
    the last days and drop what six outlets reported; ``since`` is how a
    reader asks for recent news only. Citations are handed out after the
    choice, so footnote numbers follow the page.
    """
    chosen = sorted(clusters, key=weight_order)
    citable = [c for c in chosen if _citable(corpus, c)][:MAX_DEVELOPMENTS]
    out = []
    for cluster in sorted(citable, key=development_order):
        item = _development(corpus, cluster, registry)
        if item is not None:
            out.append(item)
    return out


def _citable(corpus: Corpus, cluster: ClusterInfo) -> bool:
    """Whether one of the cluster's sentences can be found in its article body."""
    for event_id in cluster.events:
        event = corpus.events.get(event_id)
        article = corpus.articles.get(event.article) if event else None
        if event and article and locate(article.body, event.start, event.end, event.evidence):
            return True
    return False


def _development(
    corpus: Corpus, cluster: ClusterInfo, registry: CitationRegistry
) -> Development | None:
    events = sorted(
        (corpus.events[e] for e in cluster.events if e in corpus.events),
        key=lambda e: _event_order(corpus, e),
    )
    cited: list[Citation] = []
    articles_cited: set[str] = set()
    for event in events:
        if event.article in articles_cited or len(cited) > MAX_ALSO_CITED:
            continue
        citation = registry.cite(event.article, event.start, event.end, event.evidence)
        if citation is not None:
            cited.append(citation)
            articles_cited.add(event.article)
    if not cited:
        return None  # a development the reader cannot check is not reported
    names = [
        name
        for pid in cluster.participants
        if pid != cluster.location and (name := corpus.name(pid)) is not None
    ]
    return Development(
        cluster=cluster.id,
        date=wording.date_phrase(cluster.date, cluster.precision, cluster.approximate),
        iso_date=cluster.date if wording.parse_iso(cluster.date) else None,
        kind=wording.event_type_words(cluster.type),
        place=corpus.name(cluster.location),
        actors=tuple(names[:MAX_NAMED_ACTORS]),
        more_actors=max(0, len(names) - MAX_NAMED_ACTORS),
        sources=cluster.outlets or len(cluster.articles) or len(articles_cited),
        reports=len(cluster.events),
        fatalities=_fatalities(cluster, events),
        summary=_summary(cluster),
        qualifier=_qualifier(events),
        evidence=cited[0],
        also=tuple(cited[1:]),
    )


def _summary(cluster: ClusterInfo) -> str:
    """The cluster's summary, unless it only restates type, place and actors.

    The resolver's default summary ("withdrawal in Mali involving France")
    repeats what the paragraph already says in words; a real headline stays.
    """
    text = " ".join(cluster.summary.split())
    if fold(text).startswith(fold(cluster.type.replace("_", " "))):
        return ""
    return text


def _fatalities(cluster: ClusterInfo, events: Sequence[EventInfo]) -> str | None:
    if cluster.fatalities is None:
        return None
    phrase = wording.fatalities_phrase(cluster.fatalities)
    if not cluster.fatalities_disputed:
        return phrase
    reported = sorted({e.fatalities for e in events if e.fatalities is not None})
    if len(reported) > 1:
        return f"{phrase} (disputed: reports give {', '.join(map(str, reported))})"
    return f"{phrase} (disputed)"


def _qualifier(events: Sequence[EventInfo]) -> str | None:
    modalities = Counter(e.modality for e in events)
    if not events or modalities.get("asserted", 0):
        return None
    top = modalities.most_common(1)[0][0]
    return wording.MODALITIES.get(top)


def actors(corpus: Corpus, clusters: Sequence[ClusterInfo], focus: Collection[str]) -> list[Actor]:
    """Entities ranked by the developments they take part in, then by articles.

    With an entity filter only the focus and the actors of the kept
    developments are listed: the rest of the corpus is what the reader asked
    to leave out.
    """
    in_clusters: Counter[str] = Counter()
    for cluster in clusters:
        in_clusters.update(set(cluster.participants) - {cluster.location})
    articles: dict[str, set[str]] = {}
    for mention in corpus.mentions:
        articles.setdefault(mention.entity, set()).add(mention.article)
    for event in corpus.events.values():
        for pid in event.participants:
            articles.setdefault(pid, set()).add(event.article)
    ranked: list[Actor] = []
    for entity in corpus.entities.values():
        count = in_clusters.get(entity.id, 0)
        seen = len(articles.get(entity.id, ()))
        wanted = (
            (count > 0 or entity.id in focus)
            if focus
            else (count > 0 or (entity.type in ACTOR_TYPES and seen > 0))
        )
        if wanted:
            ranked.append(
                Actor(
                    entity.name,
                    wording.entity_type_words(entity.type),
                    _aliases(entity.name, entity.aliases),
                    count,
                    seen,
                )
            )
    ranked.sort(key=lambda a: (-a.clusters, -a.articles, fold(a.name)))
    return ranked[:MAX_ACTORS]


def _aliases(name: str, aliases: Sequence[str]) -> tuple[str, ...]:
    seen = {fold(name)}
    out = []
    for alias in aliases:
        key = fold(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out[:MAX_ALIASES])


def contested(
    corpus: Corpus, conflicts: Sequence[ConflictInfo], registry: CitationRegistry
) -> list[ContestedFact]:
    return [_contested(corpus, conflict, registry) for conflict in conflicts]


def _contested(corpus: Corpus, conflict: ConflictInfo, registry: CitationRegistry) -> ContestedFact:
    claims = [corpus.claims[c] for c in conflict.claims if c in corpus.claims]
    values = list(conflict.values)
    for claim in claims:  # a claim whose value the conflict did not list still shows
        if all(fold(claim.value) != fold(v) for v in values):
            values.append(claim.value)
    shown = []
    for value in dict.fromkeys(values):
        cited = []
        for claim in claims:
            if fold(claim.value) == fold(value):
                citation = registry.cite(
                    claim.article, claim.start, claim.end, claim.evidence or None
                )
                if citation is not None and citation not in cited:
                    cited.append(citation)
        shown.append(ClaimedValue(value, tuple(cited)))
    return ContestedFact(
        subject=corpus.name(conflict.subject) or conflict.subject,
        property=wording.property_words(conflict.property),
        values=tuple(shown),
        note=conflict.note.strip(),
        suggestions=tuple(
            Suggestion(SUGGESTION_LABELS.get(key, key.replace("_", " ")), value)
            for key, value in conflict.suggested
        ),
    )


def quotes(
    corpus: Corpus, selected: Sequence[QuoteInfo], registry: CitationRegistry
) -> list[NotableQuote]:
    """Direct quotes, attributed ones first, newest first; one item per wording.

    Two outlets printing the same words make one quote with two citations,
    not two quotes: the reader sees how widely it was reported instead.
    """

    def order(q: QuoteInfo) -> tuple[object, ...]:
        article = corpus.articles.get(q.article)
        year, month, day = wording.date_sort_key(article.publication_date if article else None)
        return (q.speaker is None, q.speaker_text is None, -year, -month, -day, q.id)

    merged: dict[str, tuple[QuoteInfo, list[Citation]]] = {}
    for quote in sorted(selected, key=order):
        article = corpus.articles.get(quote.article)
        if not quote.direct or not quote.text.strip() or article is None:
            continue
        # Cite the stored span; look for the words elsewhere only if the span misses them.
        inside = quote.text in article.body[quote.start : quote.end]
        expected = None if inside or quote.text not in article.body else quote.text
        citation = registry.cite(quote.article, quote.start, quote.end, expected)
        if citation is None:
            continue
        key = fold(" ".join(quote.text.split()))
        if key in merged:
            if citation not in merged[key][1]:
                merged[key][1].append(citation)
        elif len(merged) < MAX_QUOTES:
            merged[key] = (quote, [citation])
    return [
        NotableQuote(
            speaker=corpus.name(q.speaker) or q.speaker_text or "Unattributed",
            text=" ".join(q.text.split()),
            lang=corpus.articles[q.article].lang,
            citations=tuple(cites),
        )
        for q, cites in merged.values()
    ]
