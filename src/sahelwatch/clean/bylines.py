"""Who wrote it and where it was filed: bylines, credits, signatures, datelines.

A byline is metadata, not story, so it leaves the body (kept under
``removed`` as "byline"). A dateline ("BAMAKO, Mali —") is the opposite: it
stays in the first paragraph, because it is part of the sentence as printed,
and is recorded separately as the place the story was filed from.
"""

# Pages print typographic quotes and dashes; RUF001 would confuse them with ASCII.

from __future__ import annotations

import re
from dataclasses import dataclass

from sahelwatch.clean.dates import PrintedDate, parse_date_line
from sahelwatch.clean.lines import is_name_like, wordset

_BY = re.compile(
    r"^(?:by|par|written by|words by|reported by|story by|texte(?: de)?|auteurs?|authors?|signé)"
    r"\s*[:：]?\s+(?P<rest>\S.*)$"
    # A wire credit on its own line: "Source: AFP", "Source : Harmattan Wire".
    r"|^(?:source|sources|credit|crédit)\s*[:：]\s*(?P<source>\S.*)$",
    re.I,
)
_DATE_BY = re.compile(r"^(?P<date>.+?)\s+(?:by|par)\s+(?P<rest>\S.*)$", re.I)
_PARTS = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+|\s{2,}|\s*\|\s*")
_CONNECTORS = wordset(
    "and & et with avec de du des la le van von der den al el bin in à for pour of y e"
)
# Lower-case words a byline may carry after the name ("Sahel Wire staff").
_ROLES = wordset(
    "staff correspondent correspondents reporter reporters writer writers editor editors team "
    "desk bureau contributor special senior chief envoy in at from en à au aux correspondant "
    "correspondante correspondants envoyé envoyée spécial spéciale journaliste rédaction "
    "agencies agences news service wire"
)
_NOT_NAMES = re.compile(
    r"^(?:the|this|that|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
    r"|march|april|may|june|july|august|september|october|november|december|lundi|mardi|mercredi"
    r"|jeudi|vendredi|samedi|dimanche|ailleurs|contre|exemple|conséquent|ici|là|then|now|far|late|early)\b",
    re.I,
)
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^(?:Jr|Sr|Dr|St|Mr|Mrs|Ms|Pr)\.$")
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|translated|translation"
    r"|rédaction|rédigé|édité|traduit|traduction|texte)\s+(?:by|par)\s+(?P<name>[^;,)\]]+)",
    re.I,
)
_WITH_AGENCY = re.compile(
    r"^[(\[]?\s*(?:with|avec)\s+(?P<name>[A-Z][\w.\-]*(?:\s*(?:,|and|et|&)\s*[A-Z][\w.\-]*){0,2})\s*[)\]]?\.?$"
)
_AGENCY = re.compile(
    r"^[(\[—–\-\s]*(?P<name>[A-Z]{2,6}(?:\s*[/,&]\s*[A-Z]{2,6}){0,2}|Reuters|Xinhua|Anadolu|Bloomberg|Sputnik)"
    r"\s*[)\]]?$"
)

_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_DATELINE_DASH = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:(?:\s*,\s*|\s+(?:&|and|et|y)\s+|\s+){_PLACE_WORD}){{0,5}})"
    r"(?:,\s*[^—–()\n]{1,25}?)?\s*(?:\((?P<agency>[^)\n]{1,30})\))?\s*(?P<sep>—|–|--|-)\s+(?=\S)"
)
_DATELINE_COLON = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}}) ?:\s+(?=[\"“«A-ZÀ-ÖØ-Þ])"
)
_LABELS = wordset(
    "note notes nb ps update updated editor editors photo photos video vidéo audio watch read "
    "listen source sources background context contexte analysis analyse opinion interview "
    "entretien exclusive exclusif breaking urgent live direct q a question answer réponse "
    "summary résumé key warning correction disclaimer lire voir mise conclusion introduction "
    "important attention remarque transcript statement communiqué edit tribune why what how "
    "who when where bottom line fact facts"
)
_MAX_PLACE = 60
_SIGNATURE_SPLIT = re.compile(r"\s*,\s*|\s+[/|\-–—]\s+|\s+(?=\()")


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline line: the name as printed, and a date when the line also carries one."""

    name: str
    date: PrintedDate | None = None


def header_byline(line: str) -> Byline | None:
    """``By Jane Doe``, ``Par Awa Ba | 9 février 2026``, ``Posted on <date> by <name>``."""
    found = _BY.match(line)
    if found is not None:
        parts = [p for p in _PARTS.split(found["rest"] or found["source"]) if p.strip()]
        name = parts[0].strip(" ,")
        if not _is_byline_name(name):
            return None
        dates = [d for d in map(parse_date_line, parts[1:]) if d is not None]
        return Byline(name, dates[0] if dates else None)
    found = _DATE_BY.match(line)
    if found is not None:
        printed = parse_date_line(found["date"])
        name = found["rest"].strip(" ,")
        if printed is not None and _is_byline_name(name):
            return Byline(name, printed)
    return None


def _is_byline_name(name: str) -> bool:
    tokens = name.replace(",", " , ").split()
    if not tokens or len(tokens) > 14 or len(name) > 100 or _NOT_NAMES.match(name):
        return False
    if not tokens[0][:1].isupper() or (name[-1:] in ".?!:;" and not _INITIAL.match(tokens[-1])):
        return False
    return all(
        t == ","
        or t.lower() in _CONNECTORS
        or t.lower() in _ROLES
        or t[:1].isupper()
        or _INITIAL.match(t)
        for t in tokens
    )


def trailing_credit(line: str) -> str | None:
    """The name in an end-of-story credit: ``(Reporting by ...)``, ``Avec AFP``, a lone ``AFP``."""
    if len(line) > 200:
        return None
    for pattern in (_CREDIT, _WITH_AGENCY, _AGENCY):
        found = pattern.match(line.strip())
        if found is not None:
            return found["name"].strip()
    return None


def signature(line: str) -> str | None:
    """A lone person's name signed under the story, possibly with a place or outlet after it.

    ``Awa Ba``, ``Awa Ba, Gao``, ``Awa Ba, Sahel Wire correspondent in Gao``: the name is
    what is kept.
    """
    line = line.strip()
    if is_name_like(line):
        return line
    name, _, rest = _split_signature(line)
    if name and is_name_like(name) and _is_place_or_role(rest):
        return name
    return None


def _split_signature(line: str) -> tuple[str, str, str]:
    found = _SIGNATURE_SPLIT.search(line)
    if found is None:
        return "", "", ""
    return line[: found.start()].strip(), found[0], line[found.end() :].strip()


def _is_place_or_role(text: str) -> bool:
    """What follows a signed name: a place, an outlet, "correspondent in Niamey"."""
    words = text.replace("(", " ").replace(")", " ").split()
    return 1 <= len(words) <= 8 and all(
        w[:1].isupper() or w.lower() in _CONNECTORS or w.lower() in _ROLES for w in words
    )


def dateline(paragraph: str, *, colon: bool = True) -> str | None:
    """The place a story was filed from, when its first paragraph opens with one.

    ``colon=False`` ignores the ``Bamako: ...`` form, which headlines share
    ("Mali: junta dissolves parties").
    """
    found = _DATELINE_DASH.match(paragraph)
    if found is not None:
        place = found["place"].strip()
        rest = paragraph[found.end() :]
        trusted = (
            found["agency"] or found["sep"] in "—–" or place.split(",")[0].split()[0].isupper()
        )
        opens = rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“«‘'"
        if trusted and len(place) <= _MAX_PLACE and len(rest.split()) >= 5 and opens:
            return place
    found = _DATELINE_COLON.match(paragraph) if colon else None
    if found is not None:
        place = found["place"]
        first = place.split()[0].lower().strip(".")
        if first not in _LABELS and len(paragraph[found.end() :].split()) >= 8:
            return place
    return None
