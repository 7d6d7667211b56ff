"""Publication dates as outlets print them, turned into partial ISO dates.

A date is only a publication date when a whole line says nothing else (a date,
perhaps with a weekday, a time, a time zone and a "Published"/"Publié le"
label): a date inside a sentence is an event the story reports. The grammar
below is hand-written because it must refuse anything that is not a date line,
where general parsers are built to find a date in anything; dateparser is
only asked about short lines that already look like dates in a language the
grammar does not know.
"""

# Pages print typographic quotes and dashes; RUF001 would confuse them with ASCII.

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv ene enero januar jänner gennaio gen janeiro",
        "february feb febr février fevrier fév fev févr fevr febrero februar febbraio fevereiro",
        "march mar mars marzo märz maerz mär marco março",
        "april apr avril avr abril aprile",
        "may mai mayo maggio mag maio",
        "june jun juin junio juni giugno giu junho",
        "july jul juillet juil julio juli luglio lug julho",
        "august aug août aout agosto ago augusti",
        "september sep sept septembre septiembre setiembre settembre set setembro",
        "october oct octobre octubre oktober ottobre ott outubro out okt",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre déc diciembre dic dezember dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\.?"
)
_LABEL = (
    r"(?:published|posted|updated|last\s+updated|modified|date|dated|first\s+published"
    r"|publié|publie|mis\s+à\s+jour|mis\s+a\s+jour|modifié|dernière\s+mise\s+à\s+jour|mise\s+à\s+jour"
    r"|publicado|actualizado|veröffentlicht|aktualisiert)"
)
_UPDATED = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|mis\s+[àa]\s+jour|dernière|mise|actualizado|aktualisiert)",
    re.I,
)
_LATER_UPDATE = re.compile(
    r"\s+[|•·\-–—]?\s*(?:last\s+)?(?:updated|modified|mis\s+[àa]\s+jour|actualisé|maj)\b", re.I
)
_PREFIX = re.compile(rf"^(?:{_LABEL}\b\s*(?:on|le|el|am|:)?\s*:?|on\b|le\b|the\b)\s*", re.I)
_ZONE = (
    r"(?:gmt|utc|wat|cat|eat|sast|cet|cest|eet|eest|wet|west|bst|ist|est|edt|cst|cdt|mst|mdt|pst"
    r"|pdt|et|pt|ct|mt|msk|z)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
)
# Times, with the zone that follows them; a zone alone only when unambiguous (GMT, UTC).
_TIME = re.compile(
    r"(?:\b(?:at|à|a|um|às)\s+)?"
    r"(?:\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?)"
    rf"(?:\s*\(?\b{_ZONE}\)?(?!\w))?"
    r"|\b(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?!\w)|[+-]\d{2}:?\d{2}\b",
    re.I,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_SEPARATORS = re.compile(r"[\s,|•·\u2022\-–—]+")
_DAY_MONTH_YEAR = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?(?:\s+de)?[\s/.\-]+({_MONTH})\.?(?:\s+de)?[\s/.\-,]+(\d{{4}})$",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(rf"^({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)
_MONTH_YEAR = re.compile(rf"^({_MONTH})\.?(?:\s+de)?[\s,]+(\d{{4}})$", re.I)
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/\-_](0[1-9]|1[0-2])[/\-_](0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_MAX_LINE = 90
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")
_EPOCH_MS_ABOVE = 1e11
# Trying every language dateparser knows takes seconds on a string that is no date.
_DATEPARSER_LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl", "ar")


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date read from a line of the article; ``updated`` when labelled as a revision."""

    iso: str
    updated: bool = False


def parse_date_line(line: str) -> PrintedDate | None:
    """The date a whole line prints, or None when the line says anything else."""
    if len(line) > _MAX_LINE or not any(c.isdigit() for c in line):
        return None
    iso = _parse(line)
    if iso is None:
        # "February 9, 2026 4:29 PM Updated 2 hours ago": the publication part comes first.
        head = _LATER_UPDATE.split(line, maxsplit=1)[0]
        iso = _parse(head) if head != line else None
    if iso is None:
        return None
    return PrintedDate(iso, updated=bool(_UPDATED.match(line)))


def parse_date_fallback(line: str) -> PrintedDate | None:
    """dateparser on a short header line with a year, for languages the grammar lacks.

    Day, month and year must all be printed: a year alone on a header line is
    far more often a headline's "AFCON 2025" than a date.
    """
    if len(line) > 60 or len(line.split()) > 8 or not _YEAR.search(line):
        return None
    found = _dateparser().parse(
        line,
        languages=list(_DATEPARSER_LANGUAGES),
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
            "STRICT_PARSING": True,
        },
    )
    if found is None:
        return None
    return PrintedDate(found.date().isoformat(), updated=bool(_UPDATED.match(line)))


def normalize_date(value: str) -> str | None:
    """Partial ISO date of a metadata value in any common format (feeds, JSON, meta tags)."""
    value = value.strip()
    if not value:
        return None
    iso = _parse(value)
    if iso is not None:
        return iso
    if re.fullmatch(r"(?:19|20)\d{2}", value):
        return value
    if _EPOCH.fullmatch(value):
        return _from_epoch(float(value))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(value):
        return None
    found = _dateparser().parse(
        value,
        languages=list(_DATEPARSER_LANGUAGES),
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year"]},
    )
    return None if found is None else found.date().isoformat()


def _from_epoch(seconds: float) -> str | None:
    """JSON feeds give Unix time, in seconds or milliseconds."""
    if seconds > _EPOCH_MS_ABOVE:
        seconds /= 1000
    try:
        day = datetime.fromtimestamp(seconds, UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day.isoformat() if 1990 <= day.year <= 2100 else None


def date_from_url(url: str) -> str | None:
    """Many outlets put the publication day in the article's path (``/2026/02/09/``)."""
    found = _URL_DAY.search(url)
    if found is not None:
        return _iso(int(found[1]), int(found[2]), int(found[3]))
    found = _URL_MONTH.search(url)
    if found is not None:
        return f"{found[1]}-{found[2]}"
    return None


def _parse(line: str) -> str | None:
    text = line.strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1].strip()
    iso = _ISO.match(text)
    if iso is not None:
        return _iso(int(iso[1]), int(iso[2]), int(iso[3]))
    for _ in range(3):
        stripped = _PREFIX.sub("", text).strip(" :,")
        if stripped == text:
            break
        text = stripped
    text = re.sub(rf"^{_WEEKDAY}[\s,]*", "", text, flags=re.I)
    text = _EMPTY_BRACKETS.sub(" ", _TIME.sub(" ", text))
    text = re.sub(r"\s*(?:\b(?:à|at|a|um|às)\b|[-–—,|])?\s*$", "", text, flags=re.I).strip()
    text = re.sub(rf"^{_WEEKDAY}[\s,]*", "", text, flags=re.I).strip(" ,|-–—")
    return _match(text) or _match(_SEPARATORS.sub(" ", text).strip())


def _match(text: str) -> str | None:
    if (found := _DAY_MONTH_YEAR.match(text)) is not None:
        return _iso(int(found[3]), _MONTHS[found[2].lower()], int(found[1]))
    if (found := _MONTH_DAY_YEAR.match(text)) is not None:
        return _iso(int(found[3]), _MONTHS[found[1].lower()], int(found[2]))
    if (found := _ISO.match(text)) is not None:
        return _iso(int(found[1]), int(found[2]), int(found[3]))
    if (found := _NUMERIC.match(text)) is not None:
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        year += 2000 if year < 100 else 0
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _iso(year, month, day)
    if (found := _MONTH_YEAR.match(text)) is not None:
        year, month = int(found[2]), _MONTHS[found[1].lower()]
        return f"{year:04d}-{month:02d}" if 1900 <= year <= 2100 else None
    if (found := _ISO_MONTH.match(text)) is not None and 1 <= int(found[2]) <= 12:
        return text
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateparser() -> Any:
    """Imported on first use: it costs half a second and most articles never need it."""
    import dateparser

    return dateparser
