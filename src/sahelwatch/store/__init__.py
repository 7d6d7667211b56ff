"""The store: the only package that speaks SQL."""

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

__all__ = [
    "ArticleSummary",
    "AttributeRecord",
    "ClaimRecord",
    "ClusterRow",
    "CorpusStats",
    "EntityRecord",
    "EntitySummary",
    "EventRecord",
    "MentionRecord",
    "QuoteRecord",
    "Signature",
    "Store",
]
