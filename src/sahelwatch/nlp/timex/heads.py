"""Finding the few places in a text where a date can start.

Every date expression contains a head: a short number, a four-digit number,
a month or weekday name, a unit of time ("years", "semaine") or a day word
("yesterday", "hier"). Finding heads costs a handful of fast scans; the
grammar is then tried only around them. Case-insensitive alternations are
slow to scan in ``re``, so words are found with ``str.find`` on the
lower-cased text and confirmed with an anchored match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import ALL_WEEKDAYS, Head

_DIGITS = re.compile(r"[0-9]+")
#: a 1-2 digit number is a day only with a month name this close after it, or a date separator
_DAY_TO_MONTH = 40


def _stems(words: list[str]) -> tuple[str, ...]:
    """The fewest prefixes that cover ``words`` ("week" covers "weeks" and "weekend")."""
    stems: list[str] = []
    for w in sorted({w.lower() for w in words}, key=len):
        if not any(w.startswith(s) for s in stems):
            stems.append(w)
    return tuple(stems)


def _alternation(words: list[str], *, lower: bool, plural: bool = False) -> re.Pattern[str]:
    forms: set[str] = set()
    for w in words:
        forms.update((w.capitalize(), w.upper()))
        if lower:
            forms.add(w.lower())
    ending = r"(?:s|S)?\b" if plural else r"\b"
    return re.compile("(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")" + ending)


@dataclass(frozen=True, slots=True)
class HeadScanner:
    """Scans one language's head words; ``names_capitalized`` is English's rule for names."""

    names: re.Pattern[str]
    name_stems: tuple[str, ...]
    names_capitalized: bool
    keys: re.Pattern[str]
    key_stems: tuple[str, ...]
    daywords: frozenset[str]

    @classmethod
    def build(
        cls,
        names: list[str],
        units: list[str],
        daywords: list[str],
        *,
        names_capitalized: bool,
    ) -> HeadScanner:
        return cls(
            names=_alternation(names, lower=not names_capitalized),
            name_stems=_stems(names),
            names_capitalized=names_capitalized,
            keys=_alternation([*units, *daywords], lower=True, plural=True),
            key_stems=_stems([*units, *daywords]),
            daywords=frozenset(w.lower() for w in daywords),
        )

    def scan(self, text: str) -> list[tuple[Head, int]]:
        heads: list[tuple[Head, int]] = []
        months: list[int] = []
        low = text.lower()
        exact = len(low) == len(text)  # lower() may grow a few rare characters
        if self.names_capitalized or not exact:
            name_hits = [m for m in self.names.finditer(text) if _starts_word(text, m.start())]
        else:
            name_hits = self._find(text, low, self.name_stems, self.names)
        for m in name_hits:
            if m[0].lower().rstrip(".") in ALL_WEEKDAYS:
                heads.append(("weekday", m.start()))
            else:
                heads.append(("month", m.start()))
                months.append(m.start())
        if exact:
            key_hits = self._find(text, low, self.key_stems, self.keys)
        else:
            key_hits = [m for m in self.keys.finditer(text) if _starts_word(text, m.start())]
        for m in key_hits:
            kind: Head = "dayword" if m[0].lower() in self.daywords else "unit"
            heads.append((kind, m.start()))
        months.sort()
        for m in _DIGITS.finditer(text):
            start, end = m.span()
            if end - start == 4:
                heads.append(("year", start))
            elif end - start <= 2:
                after = text[end : end + 1]
                near = bisect_right(months, end) < len(months)
                if after in ("/", ".", "-") or (
                    near and months[bisect_right(months, end)] - end <= _DAY_TO_MONTH
                ):
                    heads.append(("day", start))
        return heads

    @staticmethod
    def _find(
        text: str, low: str, stems: tuple[str, ...], confirm: re.Pattern[str]
    ) -> list[re.Match[str]]:
        hits: list[re.Match[str]] = []
        for stem in stems:
            i = low.find(stem)
            while i != -1:
                if _starts_word(low, i):
                    m = confirm.match(text, i)
                    if m is not None:
                        hits.append(m)
                i = low.find(stem, i + 1)
        return hits


def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()
