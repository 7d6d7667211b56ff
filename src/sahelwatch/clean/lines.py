"""Paragraphs of a plain text, and the shapes of a line that the rules look at.

Copy-pasted news comes with one paragraph per line, with blank lines between
paragraphs, or hard-wrapped at 70-odd columns; every rule downstream reasons
about paragraphs, so this module turns all three into the same list, and
keeps list items apart so a bullet list stays a list.
"""

# Pages print typographic quotes and dashes; RUF001 would confuse them with ASCII.

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass


def wordset(words: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string, easier to read and extend."""
    return frozenset(words.split())


_BULLET = re.compile(r"^(?:[-*•·▪●◦‣–]|\d{1,2}[.)])\s+\S")
_BLOCK_SPLIT = re.compile(r"\n\s*\n")
_WRAP_MAX = 100
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]›*"
_TITLE_MAX_WORDS = 30
_NAME_PARTICLES = wordset(
    "de da di du des del della van von der den ter le la al el bin ben ibn dos das do y e"
)
_NOT_NAME_WORDS = wordset(
    "the a an of in on at for to and or with by from le la les un une des du au aux en et ou "
    "pour par sur dans avec this that these those it its his her our their read more comments "
    "related"
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph or list item of the source text."""

    text: str
    bullet: bool = False


def split_paragraphs(text: str) -> list[Para]:
    """Paragraphs of normalized text, hard-wrapped blocks rejoined."""
    paras: list[Para] = []
    for block in _BLOCK_SPLIT.split(text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _looks_wrapped(lines):
            lines = [" ".join(lines)]
        paras.extend(Para(line, bool(_BULLET.match(line))) for line in lines)
    return paras


def _looks_wrapped(lines: list[str]) -> bool:
    """A block hard-wrapped at a fixed width: similar long lines broken mid-sentence."""
    if len(lines) < 2:
        return False
    width = max(map(len, lines))
    if width > _WRAP_MAX or any(_BULLET.match(line) for line in lines):
        return False
    if any(len(line) < max(30, 0.55 * width) for line in lines[:-1]):
        return False
    mid_sentence = sum(
        1
        for before, after in itertools.pairwise(lines)
        if after[:1].islower() or before[-1:] in ",;-("
    )
    return mid_sentence >= max(1, (len(lines) - 1) * 0.3)


def words(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """Ends like a sentence, looking through closing quotes and brackets."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL


def is_truncated(text: str) -> bool:
    """A blurb cut by a teaser widget: several words, then an ellipsis."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return words(text) >= 6 and (stripped.endswith("...") or stripped.endswith("…"))


def is_prose(text: str) -> bool:
    """A real paragraph: long enough and closed like a sentence, not cut short."""
    return words(text) >= 15 and ends_sentence(text) and not is_truncated(text)


def is_title_like(text: str, *, max_words: int = _TITLE_MAX_WORDS) -> bool:
    """Headline shape: a few words, no closing sentence punctuation, not a list item."""
    count = words(text)
    if not 2 <= count <= max_words or len(text) > 250 or _BULLET.match(text):
        return False
    last = text.rstrip()[-1:]
    return last not in ".,;:…" and not text.rstrip().endswith("...")


def is_name_like(text: str) -> bool:
    """A lone person's name: 2-4 capitalised words, particles allowed, nothing else."""
    if len(text) > 50 or any(c.isdigit() for c in text) or text[-1:] in ".,;:!?":
        return False
    tokens = text.split()
    names = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    if not 2 <= len(names) <= 4 or len(tokens) > 6 or tokens[0].lower() in _NAME_PARTICLES:
        return False
    return all(
        _NAME_TOKEN.match(t) and t[0].isupper() and t.lower() not in _NOT_NAME_WORDS for t in names
    )
