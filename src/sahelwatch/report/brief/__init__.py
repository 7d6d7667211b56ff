"""The briefing: a cited report a person reads, built from the v1 JSON export.

Every development, contested value and quote it prints carries a numbered
citation to the exact sentence of the article it came from, in HTML (one
self-contained file) or Markdown (with the charts as PNG files beside it).
"""

from __future__ import annotations

from sahelwatch.report.brief.api import Brief, build_brief, write_brief

__all__ = ["Brief", "build_brief", "write_brief"]
