"""What a matched expression means, kept apart from where it was matched.

Patterns only decide *what* an expression says ("the most recent October",
"the anchor minus 900 days"); the value comes later, once the anchor is
known, because the anchor may be inferred from other dates of the same
article. Each meaning says which anchor precision it ``needs`` (None for an
absolute date), so the driver can fall back to a finer anchor or give up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, Protocol

from sahelwatch.model import Precision

from .anchor import Anchor, add_months, add_years, iso, monday_of, safe_date

Direction = Literal["past", "strict_past", "future", "strict_future"]
ShiftUnit = Literal["day", "week", "weekend", "month", "year"]


@dataclass(frozen=True, slots=True)
class Reading:
    """A resolved value: what ends up in a ``TimeExpr``."""

    value: str
    precision: Precision
    approximate: bool = False
    end_value: str | None = None


class Meaning(Protocol):
    @property
    def needs(self) -> Precision | None: ...

    def resolve(self, anchor: Anchor | None) -> Reading | None: ...


def _precision(month: int | None, day: int | None) -> Precision:
    if day is not None:
        return "day"
    return "month" if month is not None else "year"


#: A day-month printed without a year, this many days after the paper or fewer, is
#: the coming date: a year-old date would carry its year.
SOON = 14


@dataclass(frozen=True, slots=True)
class CalendarRef:
    """A calendar date with some fields printed: year, month and day, any of them missing.

    A missing year is what makes "8 July" or "in October" relative: it is read
    as the nearest such date in ``direction`` from the anchor. ``relative_year``
    covers "October last year" (the anchor's year plus that offset). ``end``
    makes it a range; a missing year there follows the start.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    direction: Direction = "past"
    weekday: int | None = None
    relative_year: int | None = None
    end: CalendarRef | None = None

    @property
    def precision(self) -> Precision:
        return _precision(self.month, self.day)

    @property
    def needs(self) -> Precision | None:
        if self.year is not None:
            return None
        return "year" if self.relative_year is not None else "month"

    def with_year(self, year: int) -> CalendarRef:
        return replace(self, year=year, relative_year=None)

    def start_key(self) -> tuple[int, int, int]:
        """Sort key of the first day covered (year must be set)."""
        return (self.year or 0, self.month or 1, self.day or 1)

    def resolve(self, anchor: Anchor | None) -> Reading | None:
        year = self.year
        if year is None:
            if anchor is None:
                return None
            year = self._year_from(anchor)
            if year is None:
                return None
        value = self._format(year, self.month, self.day)
        if value is None:
            return None
        end_value = None
        if self.end is not None:
            end = self.end
            end_year = end.year
            if end_year is None:
                end_year = year
                if (end.month or 12, end.day or 31) < (self.month or 1, self.day or 1):
                    end_year += 1
            end_value = self._format(end_year, end.month, end.day)
        return Reading(value, self.precision, self.approximate, end_value)

    @staticmethod
    def _format(year: int, month: int | None, day: int | None) -> str | None:
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        d = safe_date(year, month, day)
        return None if d is None else d.isoformat()

    def _year_from(self, anchor: Anchor) -> int | None:
        if self.relative_year is not None:
            return anchor.day.year + self.relative_year
        month = self.month or 1
        if self.day is not None and self.weekday is not None:
            year = self._year_by_weekday(anchor, month, self.day, self.weekday)
            if year is not None:
                return year
        # Compare at the anchor's precision: with a month anchor, "20 December"
        # in a December article is that December, whatever the day.
        a = anchor.day
        if self.day is None or anchor.precision != "day":
            cmp = (month > a.month) - (month < a.month)
        else:
            cmp = ((month, self.day) > (a.month, a.day)) - ((month, self.day) < (a.month, a.day))
        base = a.year
        if self.direction == "past" and cmp > 0 and self._days_ahead(anchor, month) <= SOON:
            year = base  # "le 29 janvier" in a paper of 24 January: this week, not last year
        elif self.direction == "past":
            year = base - 1 if cmp > 0 else base
        elif self.direction == "strict_past":
            year = base - 1 if cmp >= 0 else base
        elif self.direction == "future":
            year = base + 1 if cmp < 0 else base
        else:
            year = base if cmp > 0 else base + 1
        if self.day is not None and safe_date(year, month, self.day) is None:
            # 29 February: step to the nearest leap year in the chosen direction.
            step = -1 if self.direction in ("past", "strict_past") else 1
            for _ in range(8):
                year += step
                if safe_date(year, month, self.day) is not None:
                    break
            else:
                return None
        return year

    def _days_ahead(self, anchor: Anchor, month: int) -> int:
        """Days from a day-precise anchor to this day-month in the anchor's year."""
        if self.day is None or anchor.precision != "day":
            return SOON + 1
        target = safe_date(anchor.day.year, month, self.day)
        return SOON + 1 if target is None else (target - anchor.day).days

    def _year_by_weekday(self, anchor: Anchor, month: int, day: int, weekday: int) -> int | None:
        """A printed weekday ("mardi 29 janvier") picks the year among the neighbours."""
        base = anchor.day.year
        fits = [
            y
            for y in (base, base - 1, base + 1)
            if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday
        ]
        return fits[0] if len(fits) == 1 else None


@dataclass(frozen=True, slots=True)
class Shift:
    """The anchor moved by whole units: "yesterday", "last month", "two years ago", "this week".

    Weeks resolve to their Monday and weekends to their Saturday, both
    approximate, since the text names a span of days, not one of them.
    """

    unit: ShiftUnit
    amount: int
    approximate: bool = False

    @property
    def needs(self) -> Precision:
        if self.unit in ("day", "week", "weekend"):
            return "day"
        return "month" if self.unit == "month" else "year"

    def resolve(self, anchor: Anchor | None) -> Reading | None:
        if anchor is None:
            return None
        try:
            return self._resolve(anchor.day)
        except (ValueError, OverflowError):  # "10,000 years ago" leaves the calendar
            return None

    def _resolve(self, a: date) -> Reading:
        if self.unit == "day":
            return Reading(iso(a + timedelta(days=self.amount), "day"), "day", self.approximate)
        if self.unit == "week":
            d = monday_of(a) + timedelta(weeks=self.amount)
            return Reading(iso(d, "day"), "day", True)
        if self.unit == "weekend":
            d = monday_of(a) + timedelta(days=5, weeks=self.amount)
            return Reading(iso(d, "day"), "day", True)
        if self.unit == "month":
            return Reading(iso(add_months(a, self.amount), "month"), "month", self.approximate)
        return Reading(iso(add_years(a, self.amount), "year"), "year", self.approximate)


@dataclass(frozen=True, slots=True)
class Elapsed:
    """A duration running up to the anchor ("detained for more than 900 days").

    The start is the anchor minus the duration; its precision shrinks as the
    duration grows, because "for two years" never meant two years to the day.
    """

    days: int = 0
    months: int = 0
    years: int = 0

    @property
    def precision(self) -> Precision:
        span = self.days + 30.44 * self.months + 365.25 * self.years
        if span < 60:
            return "day"
        return "month" if span < 730 else "year"

    @property
    def needs(self) -> Precision:
        return self.precision

    def resolve(self, anchor: Anchor | None) -> Reading | None:
        if anchor is None:
            return None
        try:
            months = self.months + 12 * self.years
            d = add_months(anchor.day, -months) - timedelta(days=self.days)
        except (ValueError, OverflowError):  # "for 10,000 years" leaves the calendar
            return None
        return Reading(iso(d, self.precision), self.precision, True)


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """A weekday name: the nearest such day before (or after) the anchor.

    ``this_week`` is "this Wednesday": the day of the anchor's own week,
    whichever side of the anchor it falls.
    """

    weekday: int
    direction: Direction = "past"
    this_week: bool = False

    @property
    def needs(self) -> Precision:
        return "day"

    def resolve(self, anchor: Anchor | None) -> Reading | None:
        if anchor is None:
            return None
        a = anchor.day
        if self.this_week:
            d: date = monday_of(a) + timedelta(days=self.weekday)
        elif self.direction in ("past", "strict_past"):
            back = (a.weekday() - self.weekday) % 7
            if back == 0 and self.direction == "strict_past":
                back = 7
            d = a - timedelta(days=back)
        else:
            ahead = (self.weekday - a.weekday()) % 7
            if ahead == 0 and self.direction == "strict_future":
                ahead = 7
            d = a + timedelta(days=ahead)
        return Reading(iso(d, "day"), "day")
