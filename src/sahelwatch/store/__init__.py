"""The store: the only package that speaks SQL."""

from sahelwatch.store.knowledge import (
    AttributeRecord,
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
    "CorpusStats",
    "EntityRecord",
    "EntitySummary",
    "EventRecord",
    "MentionRecord",
    "QuoteRecord",
    "Signature",
    "Store",
]
