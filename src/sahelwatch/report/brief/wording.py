"""How the briefing puts dates, types and properties into words a reader expects.

The export speaks in codes (``2024-07``, ``alliance_formation``,
``rank_or_title``) because other tools read it; a briefing is read by people,
who write "July 2024" and "Alliance formation" and who should see at a glance
that "~2025" is the source's "early 2025", not a precise date.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

EVENT_TYPES: dict[str, str] = {
    "summit": "Summit",
    "meeting_visit": "Meeting or visit",
    "agreement_treaty": "Agreement or treaty",
    "alliance_formation": "Alliance formation",
    "withdrawal": "Withdrawal",
    "force_creation": "Creation of a force",
    "attack": "Attack",
    "threat": "Threat",
    "sanction": "Sanction",
    "coup": "Coup",
    "appointment_leadership": "Appointment or leadership change",
    "dissolution_ban": "Dissolution or ban",
    "blockade": "Blockade",
    "statement_accusation": "Statement or accusation",
    "institution_launch": "Launch of an institution",
    "other": "Other event",
}

ENTITY_TYPES: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country or city",
    "LOC": "place",
    "GROUP": "armed or political group",
    "FAC": "facility",
    "OTHER": "other",
}

PROPERTIES: dict[str, str] = {
    "founded": "founding date",
    "withdrew_from": "withdrawal",
    "rank_or_title": "rank or title",
    "name_spelling": "spelling of the name",
    "leader_of": "leader of",
    "member_of": "member of",
    "commander_of": "commander of",
    "troop_strength": "troop strength",
    "capital_amount": "capital",
    "fatalities": "number of deaths",
}

LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "ar": "Arabic",
    "es": "Spanish",
    "pt": "Portuguese",
    "de": "German",
}

MODALITIES: dict[str, str] = {
    "planned": "reported as planned",
    "possible": "reported as possible",
    "negated": "reported as not having happened",
}


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO partial date, or None when it is not one."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    m = int(month) if month else None
    d = int(day) if day else None
    if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return int(year), m, d


def is_iso_partial(value: str) -> bool:
    return parse_iso(value) is not None


def date_phrase(value: str | None, precision: str | None = None, approximate: bool = False) -> str:
    """ "16 September 2023", "July 2024", "2023", "~2025"; "undated" when unknown.

    The precision field wins over the string's length, so a day-long string the
    export marks as month precision is shown as the month the source gave.
    """
    parts = parse_iso(value)
    if parts is None:
        return "undated"
    year, month, day = parts
    if precision == "year":
        month = day = None
    elif precision == "month":
        day = None
    if day is not None and month is not None:
        text = f"{day} {_MONTHS[month - 1]} {year}"
    elif month is not None:
        text = f"{_MONTHS[month - 1]} {year}"
    else:
        text = str(year)
    return f"~{text}" if approximate else text


def date_sort_key(value: str | None) -> tuple[int, int, int]:
    """Chronological key; a bare year sorts at its start, undated before everything."""
    parts = parse_iso(value)
    if parts is None:
        return (0, 0, 0)
    year, month, day = parts
    return (year, month or 0, day or 0)


def date_point(value: str | None, precision: str | None = None) -> date | None:
    """Where a partial date sits on a time axis: mid-period, the honest centre."""
    parts = parse_iso(value)
    if parts is None:
        return None
    year, month, day = parts
    if precision == "year" or month is None:
        return date(year, 7, 1)
    if precision == "month" or day is None:
        return date(year, month, 15)
    try:
        return date(year, month, day)
    except ValueError:  # 31 February in a bad export: keep the month
        return date(year, month, 15)


def on_or_after(value: str | None, since: str) -> bool:
    """Compare at the coarser precision: "2024" may well be on or after "2024-06".

    Dropping a year-precise development because its month is unknown would
    hide exactly the vague but relevant items a reader asked to see.
    """
    if parse_iso(value) is None or value is None:
        return False
    width = min(len(value.strip()), len(since))
    return value.strip()[:width] >= since[:width]


def event_type_words(code: str) -> str:
    return EVENT_TYPES.get(code, code.replace("_", " ").capitalize())


def entity_type_words(code: str) -> str:
    return ENTITY_TYPES.get(code, code.lower())


def property_words(code: str) -> str:
    return PROPERTIES.get(code, code.replace("_", " "))


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)


def count_phrase(count: int, singular: str, plural: str | None = None) -> str:
    word = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {word}"


def fatalities_phrase(count: int) -> str:
    if count == 0:
        return "no deaths reported"
    return f"{count} killed"
