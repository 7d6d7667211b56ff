"""Corpus-level resolution: entities across articles (later: event clusters, conflicts)."""
