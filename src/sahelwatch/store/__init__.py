"""The store: the only package that speaks SQL."""

from sahelwatch.store.browse import ArticleHead, KnowledgeCounts
from sahelwatch.store.knowledge import (
    AttributeRecord,
    ClaimRecord,
    ClusterRow,
    EntityRecord,
    EntitySummary,
    EventRecord,
    MentionRecord,
    QuoteRecord,
)
from sahelwatch.store.repository import ArticleSummary, CorpusStats, Signature, Store
from sahelwatch.store.search import SearchHit, SearchResults

__all__ = [
    "ArticleHead",
    "ArticleSummary",
    "AttributeRecord",
    "ClaimRecord",
    "ClusterRow",
    "CorpusStats",
    "EntityRecord",
    "EntitySummary",
    "EventRecord",
    "KnowledgeCounts",
    "MentionRecord",
    "QuoteRecord",
    "SearchHit",
    "SearchResults",
    "Signature",
    "Store",
]
