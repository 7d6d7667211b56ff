"""The store: the only package that speaks SQL."""

from sahelwatch.store.repository import ArticleSummary, CorpusStats, Signature, Store

__all__ = ["ArticleSummary", "CorpusStats", "Signature", "Store"]
