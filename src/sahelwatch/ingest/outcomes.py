"""The two things a reader yields, and how a per-record error becomes a failure.

A container (JSONL, JSON list, feed, WARC) whose other records are good
yields an ``IngestFailure`` for a bad record instead of raising, so one bad
line does not cost the batch the file; an error for the whole source is
raised as an ``InputError``.
"""

from __future__ import annotations

from datetime import datetime

from sahelwatch.errors import InputError
from sahelwatch.model import IngestFailure, RawDocument

Outcome = RawDocument | IngestFailure


def failure(error: InputError, occurred_at: datetime) -> IngestFailure:
    """Record ``error`` for one record, keeping the error class's stable ``kind``."""
    return IngestFailure(
        input_name=error.input_name,
        kind=error.kind,
        reason=error.reason,
        occurred_at=occurred_at,
    )
