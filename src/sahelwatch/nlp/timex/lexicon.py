"""Words of time in English and French, and the small helpers the patterns share.

Patterns are written with ``<TOKEN>`` placeholders (``<MON>``, ``<S>``...)
so each grammar reads like the phrases it matches; ``build`` expands them and
compiles once at import. ``<S>`` is horizontal space only: a date never runs
across a line break, and headings must not glue onto the next line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .meaning import Meaning

Handler = Callable[[re.Match[str], str], Meaning | None]
#: what a rule is tried around: a 1-2 digit number, a 4-digit number, a month or weekday
#: name, a unit of time ("years", "semaine") or a day word ("yesterday", "hier")
Head = Literal["day", "year", "month", "weekday", "unit", "dayword"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern tried only where its head word is, starting at most ``back`` words before it.

    Scanning the whole text once per pattern is what makes regex date finders
    slow; a cheap scan for heads and anchored ``match`` calls around them
    keep the cost proportional to the dates, not to the text.
    """

    pattern: re.Pattern[str]
    handler: Handler
    head: Head
    back: int
    #: words allowed right before the head when the match starts earlier ("#": a number);
    #: None tries every start
    lead: frozenset[str] | None = None
    #: False when a match always starts before the head ("last Friday" never at "Friday")
    at_head: bool = True

    #: the group that is the expression (``t``) when the match also holds its context
    span_group: int | str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "span_group", "t" if "t" in self.pattern.groupindex else 0)


APOS = "['\u2019\u02bc]"
DASH = "[-\u2010\u2011\u2012\u2013\u2014]"
SPACE_TOKENS: dict[str, str] = {
    "S": r"[^\S\n]+",
    "S0": r"[^\S\n]*",
    "APOS": APOS,
    "DASH": DASH,
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)",
    "YEAR": r"(?:1[5-9]|2[01])\d\d(?![\d\u00b0%])(?!s\b)",
}
_TOKEN = re.compile(r"<([A-Z][A-Z0-9_]*)>")


def leads(words: str | None) -> frozenset[str] | None:
    return None if words is None else frozenset(words.lower().split())


def build(pattern: str, tokens: Mapping[str, str], flags: int = 0) -> re.Pattern[str]:
    """Expand ``<TOKEN>`` placeholders (named groups are lower-case, so never clash)."""

    def expand(m: re.Match[str]) -> str:
        name = m[1]
        if name in tokens:
            return tokens[name]
        return SPACE_TOKENS[name]

    while _TOKEN.search(pattern):
        pattern = _TOKEN.sub(expand, pattern)
    return re.compile(pattern, flags)


def alternation(words: list[str], *, capitalized: bool) -> str:
    """Longest-first alternation; English month and day names are only matched capitalized."""
    forms: set[str] = set()
    for w in words:
        if capitalized:
            forms.update((w.capitalize(), w.upper()))
        else:
            forms.add(w)
    return "(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + r")\b"


def norm(text: str) -> str:
    """Lower-case, one space, ASCII apostrophe: the form lexicon keys are written in."""
    return " ".join(text.lower().replace("\u2019", "'").replace("\u02bc", "'").split())


# -- months and weekdays -----------------------------------------------------------

MONTHS_EN: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBR_EN: dict[str, int] = {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS_FR: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
MONTH_ABBR_FR: dict[str, int] = {
    "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7,
    "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS_EN: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBR_EN: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
WEEKDAYS_FR: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}  # fmt: skip

ALL_MONTHS: dict[str, int] = {**MONTHS_EN, **MONTH_ABBR_EN, **MONTHS_FR, **MONTH_ABBR_FR}
ALL_WEEKDAYS: dict[str, int] = {**WEEKDAYS_EN, **WEEKDAY_ABBR_EN, **WEEKDAYS_FR}


def month_number(name: str) -> int:
    return ALL_MONTHS[name.lower().rstrip(".")]


def weekday_number(name: str | None) -> int | None:
    if name is None:
        return None
    return ALL_WEEKDAYS.get(name.lower().rstrip("."))


# -- quantities ----------------------------------------------------------------------

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "a hundred": 100, "a couple of": 2, "a few": 3, "several": 3,
    "a dozen": 12, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "quelques": 3, "plusieurs": 3,
    "une dizaine d'": 10, "une dizaine de": 10, "une quinzaine de": 15,
    "une quinzaine d'": 15, "une vingtaine d'": 20, "une vingtaine de": 20,
    "une trentaine d'": 30, "une trentaine de": 30, "une centaine de": 100,
    "une centaine d'": 100,
}  # fmt: skip
FUZZY_NUMBERS = frozenset(
    {"a couple of", "a few", "several", "quelques", "plusieurs"}
    | {k for k in NUMBERS if k.startswith("une ") and k.endswith(("de", "'"))}
)
NUMBER_WORDS_EN = (
    r"(?:a<S>couple<S>of|a<S>few|a<S>dozen|a<S>hundred|several|an?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)"
)
NUMBER_WORDS_FR = (
    r"(?:une<S>(?:dizaine|quinzaine|vingtaine|trentaine|centaine)<S0>(?:de<S>|d<APOS>)"
    r"|quelques|plusieurs|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze"
    r"|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)"
)
_DIGITS = re.compile(r"\d+")

#: unit word (singular, lower case) -> (days, months, years) of one unit
UNITS: dict[str, tuple[int, int, int]] = {
    "day": (1, 0, 0), "week": (7, 0, 0), "fortnight": (14, 0, 0), "month": (0, 1, 0),
    "year": (0, 0, 1), "decade": (0, 0, 10), "jour": (1, 0, 0), "semaine": (7, 0, 0),
    "mois": (0, 1, 0), "an": (0, 0, 1), "année": (0, 0, 1), "annee": (0, 0, 1),
    "décennie": (0, 0, 10), "decennie": (0, 0, 10),
}  # fmt: skip


def quantity(text: str) -> tuple[int, bool] | None:
    """The number a quantity phrase says, and whether it is vague ("a few", "several")."""
    key = norm(text)
    if key in NUMBERS:
        return NUMBERS[key], key in FUZZY_NUMBERS
    key = key.replace("d' ", "d'")
    if key in NUMBERS:
        return NUMBERS[key], key in FUZZY_NUMBERS
    digits = "".join(_DIGITS.findall(key))
    return (int(digits), False) if digits else None


def unit(text: str) -> tuple[int, int, int]:
    word = norm(text)
    if word not in UNITS and word.endswith(("s", "x")):
        word = word[:-1]
    return UNITS[word]


# -- context -------------------------------------------------------------------------

#: words after a four-digit number that make it a count, not a year
_QUANTITY_NOUNS = """people persons soldiers troops men women children civilians fighters
    militants jihadists terrorists insurgents rebels refugees migrants displaced deaths dead victims
    casualties killed wounded injured households families homes houses villages schools
    students pupils teachers km kilometres kilometers miles tonnes tons metres meters
    hectares acres dollars euros francs cfa fcfa usd eur xof naira nairas cedis units
    vehicles trucks cars weapons guns rifles rounds cases votes voters members delegates
    participants workers jobs barrels litres liters cattle animals sheep goats camels mw
    kg kilograms personnes soldats militaires hommes femmes enfants civils combattants
    jihadistes djihadistes terroristes rebelles réfugiés refugies déplacés deplaces morts
    tués tues blessés blesses victimes ménages menages familles maisons écoles ecoles
    élèves eleves enseignants kilomètres tonnes mètres véhicules vehicules camions armes
    cas voix électeurs electeurs membres délégués participants emplois barils têtes
    hours hrs gmt utc heures times fois"""
QUANTITY_NOUNS = frozenset(_QUANTITY_NOUNS.split())
#: a four-digit number right after these is a reference or a count, not a year
_NOT_YEAR_AFTER = """article art no nº n° number num resolution law act decree bill loi décret
    decret arrêté arrete ordonnance page pages p pp chapter chap section sec flight vol room
    chambre route rn nr code model version lot item paragraph para tel phone fax box bp
    ref réf about around approximately nearly almost some roughly least estimated environ
    quelque"""
NOT_YEAR_AFTER = frozenset(_NOT_YEAR_AFTER.split())
_WORDS = re.compile(r"[\w\u00b0]+")


def previous_word(text: str, pos: int) -> str:
    words = _WORDS.findall(text[max(0, pos - 30) : pos])
    return words[-1].lower() if words else ""


def next_word(text: str, pos: int) -> str:
    m = _WORDS.search(text, pos, pos + 30)
    if m is None or text[pos : m.start()].strip(" \u00a0\u202f\t"):
        return ""
    return m[0].lower()


def sentence_before(text: str, pos: int, limit: int = 160) -> str:
    """The part of the sentence before ``pos``: where tense cues for an expression live."""
    start = max(0, pos - limit)
    cut = max(
        text.rfind(". ", start, pos),
        text.rfind("! ", start, pos),
        text.rfind("? ", start, pos),
        text.rfind("\n", start, pos),
    )
    return text[start if cut < 0 else cut + 1 : pos]
