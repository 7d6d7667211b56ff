"""Reported speech: "X said that the force would …", "X a déclaré que …".

Only the clearest reporting verbs (marked ``+`` in the speech-verb lists) and
only with an explicit complementizer: the quote is the clause after "that" /
"que" to the end of the sentence, attributed like a direct quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sahelwatch.nlp.quotes.layout import Layout
from sahelwatch.nlp.quotes.lexicon import Lexicon

__all__ = ["Report", "find_reports"]

#: Tokens a reporting verb may have between it and "that" ("told Le Monde newspaper that").
MAX_GAP = 8
MAX_LENGTH = 800
STOP = frozenset({":", ";", "(", ")"})
TRAILING = " \t\n.!?\u2026"


@dataclass(frozen=True, slots=True)
class Report:
    verb: Token
    start: int
    end: int


def find_reports(doc: Doc, layout: Layout, lexicon: Lexicon) -> list[Report]:
    out: list[Report] = []
    for verb in doc:
        if verb.pos_ != "VERB" or layout.quoted(verb) or not lexicon.is_reporting(verb):
            continue
        report = _report(doc, layout, verb)
        if report is not None:
            out.append(report)
    return out


def _report(doc: Doc, layout: Layout, verb: Token) -> Report | None:
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        marks = [m for m in clause.children if m.dep_ == "mark" and m.pos_ == "SCONJ"]
        if not marks or not verb.i < marks[0].i <= verb.i + MAX_GAP:
            continue
        mark = marks[0]
        gap = doc[verb.i + 1 : mark.i]
        if any(layout.quoted(t) or t.text in STOP for t in gap):
            continue
        first = next((t for t in doc[mark.i + 1 :] if not t.is_space), None)
        if first is None or layout.quoted(first):
            return None  # the clause is a direct quote, already read as one
        unit = layout.unit_of_token[verb.i]
        end = layout.unit_span(unit)[1]
        text = layout.text[first.idx : end].rstrip(TRAILING)
        if not text or len(text) > MAX_LENGTH:
            return None
        return Report(verb, first.idx, first.idx + len(text))
    return None
