"""Mention candidates: entity spans as token ranges, before and during repair.

Repair rules work on token ranges of a parsed ``Doc`` rather than on spaCy
``Span``s so each rule can return new candidates without touching
``doc.ents`` (which forbids overlaps and would make rules order-dependent in
surprising ways).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Span

from sahelwatch.model import Attribute, EntityType, MentionRole

Origin = Literal["pack", "ner", "surname", "acronym"]

#: Statistical labels of the English and French models, mapped to export types.
#: ``NORP`` (nationalities, religious and political groups) is decided later:
#: a demonym is a relation, a party ("Christian Democrats") an organisation.
NER_LABELS: dict[str, EntityType | Literal["NORP"]] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "NORP": "NORP",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "MISC": "OTHER",
}
PACK_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    label: str
    origin: Origin
    pack_id: str | None = None
    role: MentionRole = "name"
    #: Display name when it differs from the span (surname -> full name).
    name: str | None = None
    attributes: tuple[Attribute, ...] = field(default=())

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text

    def with_range(self, start: int, end: int) -> Candidate:
        return replace(self, start=start, end=end)


def from_doc(doc: Doc) -> list[Candidate]:
    """Candidates from ``doc.ents``: pack ruler matches and statistical guesses."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.ent_id_ and ent.label_ in PACK_LABELS:
            out.append(Candidate(ent.start, ent.end, ent.label_, "pack", pack_id=ent.ent_id_))
            continue
        label = NER_LABELS.get(ent.label_)
        if label is not None:
            out.append(Candidate(ent.start, ent.end, label, "ner"))
    return out


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end
