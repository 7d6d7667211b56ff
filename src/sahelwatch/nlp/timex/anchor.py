"""Anchor dates and the calendar arithmetic that relative expressions rest on.

An anchor is a date known only to some precision: a publication date may be
"2025-12" or even "2025". Keeping the precision with the date lets every
relative expression say how fine an anchor it needs ("yesterday" needs a day,
"last year" only a year) instead of pretending a coarse date is a precise one.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sahelwatch.model import Precision

AnchorSource = Literal["publication", "inferred"]

RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}

_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A date with the precision it is known to; ``day`` is the period's first day."""

    day: date
    precision: Precision
    source: AnchorSource

    def allows(self, needed: Precision) -> bool:
        """Whether this anchor is fine enough to resolve something that needs ``needed``."""
        return RANK[self.precision] >= RANK[needed]

    @property
    def iso(self) -> str:
        return iso(self.day, self.precision)


def parse_partial(value: str | None) -> tuple[date, Precision] | None:
    """Read an ISO date that may stop at the month or year; None when it is not one."""
    if not value:
        return None
    m = _PARTIAL.match(value)
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[3] is not None:
            return date(year, int(m[2]), int(m[3])), "day"
        if m[2] is not None:
            return date(year, int(m[2]), 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


def iso(d: date, precision: Precision) -> str:
    """Format ``d`` down to ``precision``, the partial ISO form the export uses."""
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def days_in_month(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    """Shift by calendar months, clamping the day (31 March minus one month is 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    return date(year, month, min(d.day, days_in_month(year, month)))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None for 29 February outside a leap year and other impossible days."""
    if not (1 <= month <= 12) or not (1 <= day <= days_in_month(year, month)):
        return None
    return date(year, month, day)
