"""The view model: what the briefing says, already worded, in reading order.

Templates only lay these records out. Every choice a reader might question
(which developments, which sentence stands for them, how a date is written)
is made in Python, once, so the HTML and the Markdown variants cannot tell
different stories, and tests can check the choices without parsing markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sahelwatch.report.brief.citations import Citation


@dataclass(frozen=True, slots=True)
class Scope:
    articles: int
    duplicates: int
    outlets: int
    first_date: str | None
    last_date: str | None
    languages: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Development:
    cluster: str
    date: str
    iso_date: str | None
    kind: str
    place: str | None
    actors: tuple[str, ...]
    more_actors: int
    sources: int
    reports: int
    fatalities: str | None
    summary: str
    qualifier: str | None
    evidence: Citation
    also: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...]
    clusters: int
    articles: int


@dataclass(frozen=True, slots=True)
class ClaimedValue:
    value: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    value: str | None


@dataclass(frozen=True, slots=True)
class ContestedFact:
    subject: str
    property: str
    values: tuple[ClaimedValue, ...]
    note: str
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class NotableQuote:
    speaker: str
    text: str
    lang: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    when: date
    type: str
    sources: int
    exact: bool


@dataclass(frozen=True, slots=True)
class BriefView:
    title: str
    generated_at: str
    exported_at: str | None
    scope: Scope
    filters: tuple[str, ...]
    developments: tuple[Development, ...]
    total_developments: int
    actors: tuple[Actor, ...]
    contested: tuple[ContestedFact, ...]
    quotes: tuple[NotableQuote, ...]
    citations: tuple[Citation, ...]
    timeline: tuple[TimelinePoint, ...]
    by_type_place: tuple[tuple[str, str], ...]

    @property
    def developments_note(self) -> str:
        shown = len(self.developments)
        merged = "each merges the reports of one event across outlets"
        if self.total_developments > shown:
            return (
                f"The {shown} best-sourced of {self.total_developments} developments, "
                f"newest first; {merged}."
            )
        return f"{shown} {'development' if shown == 1 else 'developments'}, newest first; {merged}."
