"""The store: the only package that speaks SQL."""

from sahelwatch.store.knowledge import (
    AttributeRecord,
    EntityRecord,
    EntitySummary,
    MentionRecord,
)
from sahelwatch.store.repository import ArticleSummary, CorpusStats, Signature, Store

__all__ = [
    "ArticleSummary",
    "AttributeRecord",
    "CorpusStats",
    "EntityRecord",
    "EntitySummary",
    "MentionRecord",
    "Signature",
    "Store",
]
