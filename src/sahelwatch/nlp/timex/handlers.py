"""Turning a pattern match into a meaning, shared by the English and French grammars.

Handlers read named groups only (``y``, ``m``, ``d``, ``wd``, ``rel``...), so
the two grammars can word things in their own order and still agree on what
a date is. A handler returns None to refuse a match the pattern could not
rule out by itself: an impossible day, a year that is really a head count.
"""

from __future__ import annotations

import re

from .anchor import days_in_month
from .lexicon import (
    NOT_YEAR_AFTER,
    QUANTITY_NOUNS,
    Handler,
    month_number,
    next_word,
    norm,
    previous_word,
    quantity,
    sentence_before,
    unit,
    weekday_number,
)
from .meaning import CalendarRef, Direction, Elapsed, Meaning, Shift, WeekdayRef

_PAST_WORDS = frozenset({"last", "past", "previous", "dernier", "dernière", "passé", "passée"})
_NEXT_WORDS = frozenset({"next", "coming", "prochain", "prochaine"})
#: "for 10,000 years" is history or geology, not a date a news event can have
_MAX_YEARS = 1000
_PUNCT = ",;:()[]\"'\u201c\u201d\u00ab\u00bb"
#: "more than 2000", "plus de 2000": a count ("no later than 2030" stays a year)
_MORE_THAN = re.compile(
    r"(?i:(?:more|less|fewer)[^\S\n]+than|(?:plus|moins|près|pres)[^\S\n]+d(?:e|['\u2019]))"
    r"[^\S\n]*$"
)
_TIME_AFTER = re.compile(r"[^\S\n]*(?:GMT|UTC|[hH](?:rs?)?\b|hours|heures)")
_PERFECT = re.compile(
    r"(?i:\b(?:has|have|had|hasn't|haven't|hadn't)\b|['\u2019](?:s|ve|d)\s+been\b)"
)


def _valid(month: int, day: int | None) -> bool:
    return day is None or day <= days_in_month(2000, month)


def _group(m: re.Match[str], name: str) -> str | None:
    return m[name] if name in m.re.groupindex else None


def _int(m: re.Match[str], name: str) -> int | None:
    v = _group(m, name)
    if v is None:
        return None
    return int(v) if v.isdigit() else int("".join(c for c in v if c.isdigit()))


def direction(m: re.Match[str], text: str, future: frozenset[str]) -> Direction:
    """Explicit "last"/"next" first; otherwise a future cue earlier in the sentence."""
    rel = _group(m, "rel")
    if rel is not None:
        word = norm(rel)
        if word in _PAST_WORDS:
            return "strict_past"
        if word in _NEXT_WORDS:
            return "strict_future"
    for word in sentence_before(text, m.start()).lower().split():
        word = word.strip(_PUNCT)
        if word in future or word.endswith(("'ll", "\u2019ll")):
            return "future"
    return "past"


def approx_mod(m: re.Match[str]) -> bool:
    return _group(m, "mod") is not None


def calendar(future: frozenset[str]) -> Handler:
    """Dates with a month name: "16 September 2023", "July 8", "mid-October", "juillet 2024"."""

    def handle(m: re.Match[str], text: str) -> Meaning | None:
        month = month_number(m["m"])
        day = _int(m, "d")
        if not _valid(month, day):
            return None
        year = _int(m, "y")
        yrel = _group(m, "yrel")
        relative_year = 0 if norm(_group(m, "rel") or "") in ("this", "ce", "cette") else None
        if yrel is not None:
            words = set(norm(yrel).replace("'", " ").split())
            relative_year = -1 if words & _PAST_WORDS else (1 if words & _NEXT_WORDS else 0)
        return CalendarRef(
            year,
            month,
            day,
            approximate=approx_mod(m),
            direction="past" if year is not None else direction(m, text, future),
            weekday=weekday_number(_group(m, "wd")),
            relative_year=relative_year,
        )

    return handle


def numeric_date(m: re.Match[str], text: str) -> Meaning | None:
    """Numeric dates read day first ("16/09/2023") unless only month first fits ("09/16/2023")."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    day, month = (a, b) if b <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return CalendarRef(year, month, day)


def iso_date(m: re.Match[str], text: str) -> Meaning | None:
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return CalendarRef(year, month, day)


def is_count(text: str, start: int, end: int) -> bool:
    """A four-digit number that reads as a quantity, a reference number or a clock time."""
    prev = previous_word(text, start)
    if prev in NOT_YEAR_AFTER:
        return True
    if prev in ("than", "de", "d") and _MORE_THAN.search(text, max(0, start - 14), start):
        return True
    return next_word(text, end) in QUANTITY_NOUNS or _TIME_AFTER.match(text, end) is not None


def bare_year(m: re.Match[str], text: str) -> Meaning | None:
    if is_count(text, m.start(), m.end()):
        return None
    return CalendarRef(int(m["y"]), approximate=approx_mod(m))


def decade(m: re.Match[str], text: str) -> Meaning | None:
    """A decade ("the 1990s", "les années 90") is a ten-year range; "late 1990s" narrows it."""
    raw = _group(m, "y") or m["yy"]
    year = int(raw) if len(raw) == 4 else 1900 + int(raw)
    first, last = year, year + 9
    mod = norm(_group(m, "mod") or "")
    if mod in ("early", "début"):
        last = year + 3
    elif mod in ("mid", "middle", "milieu"):
        first, last = year + 3, year + 6
    elif mod in ("late", "fin"):
        first = year + 7
    return CalendarRef(first, approximate=True, end=CalendarRef(last))


def _range(start: CalendarRef, end: CalendarRef) -> CalendarRef | None:
    """Fill the year one side lacks from the other and refuse backwards ranges."""
    if start.year is None and end.year is not None:
        later = (start.month or 1, start.day or 1) > (end.month or 12, end.day or 31)
        start = start.with_year(end.year - 1 if later else end.year)
    elif end.year is None and start.year is not None:
        earlier = (end.month or 12, end.day or 31) < (start.month or 1, start.day or 1)
        end = end.with_year(start.year + 1 if earlier else start.year)
    if start.year is not None and end.year is not None:
        if end.start_key() < start.start_key() or (
            end.start_key() == start.start_key() and end.precision == start.precision
        ):
            return None
    elif (end.month or 0, end.day or 0) == (start.month or 0, start.day or 0):
        return None
    return CalendarRef(
        start.year,
        start.month,
        start.day,
        approximate=start.approximate,
        direction=start.direction,
        weekday=start.weekday,
        end=CalendarRef(end.year, end.month, end.day),
    )


def merge(start: CalendarRef, end: CalendarRef) -> CalendarRef | None:
    """Join two dates read apart ("from 8 July to 10 August 2025") into one range."""
    if start.end is not None or end.end is not None:
        return None
    if start.relative_year is not None or end.relative_year is not None:
        return None
    return _range(start, end)


def day_range(future: frozenset[str]) -> Handler:
    """Day ranges: "8-10 July", "July 8 to 10", "between 20 and 21 December", "du 20 au 21"."""

    def handle(m: re.Match[str], text: str) -> Meaning | None:
        d1, d2 = _int(m, "d1"), _int(m, "d2")
        if d1 is None or d2 is None:
            return None
        m2 = month_number(m["m"])
        m1 = month_number(m["m1"]) if _group(m, "m1") else m2
        if _group(m, "m2"):  # month-first: "July 8 to August 2"
            m1, m2 = m2, month_number(m["m2"])
        if not (_valid(m1, d1) and _valid(m2, d2)) or (m1 == m2 and d1 >= d2):
            return None
        start = CalendarRef(_int(m, "y1"), m1, d1, direction=direction(m, text, future))
        return _range(start, CalendarRef(_int(m, "y"), m2, d2))

    return handle


def month_range(m: re.Match[str], text: str) -> Meaning | None:
    """Month ranges: "from July to September 2025", "de juillet à septembre"."""
    has_op = _group(m, "op") is not None
    year = _int(m, "y")
    if not has_op and year is None and _group(m, "cw") is not None:
        return None
    start = CalendarRef(_int(m, "y1"), month_number(m["m1"]))
    return _range(start, CalendarRef(year, month_number(m["m2"])))


def year_range(m: re.Match[str], text: str) -> Meaning | None:
    """Year ranges: "2020-2023", "from 2020 through 2023", "entre 2020 et 2023", "2023-24"."""
    y1, raw2 = int(m["y1"]), m["y2"]
    if _group(m, "cw") is not None and _group(m, "op") is None:
        return None
    if norm(_group(m, "cw") or "").split()[:1] in (["et"], ["and"]) and norm(
        _group(m, "op") or ""
    ) not in ("entre", "between"):
        return None  # "de 2020 et 2021": two years, not a span
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if not (1900 <= y1 < y2 <= 2099) or (len(raw2) == 2 and _group(m, "cw") is not None):
        return None
    if is_count(text, m.start("y1"), m.end()):
        return None
    return CalendarRef(y1, end=CalendarRef(y2))


def weekday(future: frozenset[str]) -> Handler:
    """Bare weekdays: the last such day on or before the anchor, unless the tense says later."""

    def handle(m: re.Match[str], text: str) -> Meaning | None:
        day = weekday_number(m["w"])
        if day is None:
            return None
        prev = previous_word(text, m.start())
        if prev in ("black", "good", "cyber", "ash", "holy", "easter", "super", "vendredi"):
            return None
        pre = norm(_group(m, "pre") or "")
        if pre in ("this", "ce"):
            return WeekdayRef(day, this_week=True)
        if pre in ("last", "past"):
            return WeekdayRef(day, "strict_past")
        if pre in ("next", "coming"):
            return WeekdayRef(day, "strict_future")
        return WeekdayRef(day, direction(m, text, future))

    return handle


def period(m: re.Match[str], text: str) -> Meaning | None:
    """Named periods: "this week", "last month", "l'an dernier", "earlier this year"."""
    words = set(norm(m["c"]).replace("'", " ").replace("-", " ").split())
    if "week" in words and "end" in words:
        words.add("weekend")
    if previous_word(text, m.start()) == "the":
        return None  # "the past year" is a span up to now, not last year
    amount = -1 if words & _PAST_WORDS else (1 if words & _NEXT_WORDS else 0)
    approximate = _group(m, "pre") is not None
    if words & {"weekend"}:
        return Shift("weekend", amount)
    if words & {"week", "semaine"}:
        return Shift("week", amount)
    if words & {"month", "mois"}:
        return Shift("month", amount, approximate)
    return Shift("year", amount, approximate)


def day_word(table: dict[str, int]) -> Handler:
    """Day words ("yesterday", "aujourd'hui") sit a fixed number of days from the anchor."""

    def handle(m: re.Match[str], text: str) -> Meaning | None:
        key = norm(m[0]).replace("-", " ")
        offset = table.get(key)
        return None if offset is None else Shift("day", offset)

    return handle


def ago(m: re.Match[str], text: str) -> Meaning | None:
    """Ago ("two years ago", "il y a 900 jours") is the anchor minus the amount, to the unit."""
    q = quantity(m["q"])
    if q is None:
        return None
    n, vague = q
    vague = vague or _group(m, "qm") is not None
    days, months, years = unit(m["u"])
    if (days * n) // 365 + (months * n) // 12 + years * n > _MAX_YEARS:
        return None
    if days:
        return Shift("day", -n * days, vague or days >= 7)
    if months:
        return Shift("month", -n * months, vague)
    return Shift("year", -n * years, vague or years >= 10)


def elapsed(needs_perfect: bool) -> Handler:
    """A duration up to now implies a start date, but only in the perfect ("has been ... for")."""

    def handle(m: re.Match[str], text: str) -> Meaning | None:
        if needs_perfect and not _PERFECT.search(sentence_before(text, m.start())):
            return None
        raw = _group(m, "q")
        if raw is None and norm(m["u"]).endswith("s") and norm(m["u"]) != "mois":
            return None  # "in recent years" names no length
        q = (1, False) if raw is None else quantity(raw)
        if q is None or q[0] == 0:
            return None
        n = q[0]
        days, months, years = unit(m["u"])
        if (days * n) // 365 + (months * n) // 12 + years * n > _MAX_YEARS:
            return None
        return Elapsed(days * n, months * n, years * n)

    return handle
