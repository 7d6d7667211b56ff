"""Where the quoted words are, read from the quotation marks alone.

Straight ``"``, curly double marks and French guillemets open and close
quotes; single marks never do (they are apostrophes, or a quote nested inside
a quote, or a heading's scare marks). News copy runs a long quote over several
paragraphs by leaving each paragraph open and opening the next one again; such
a quote becomes one segment per paragraph, tied together by a shared
``chain``. Unbalanced marks are expected in scraped text: a stray mark never
makes a quote run past its paragraph, and an unclosed one is kept only when it
is short.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Segment", "find_segments", "paragraphs"]

STRAIGHT = '"'
#: Opening curly marks: English "\u201c", German-style low "\u201e".
CURLY_OPEN = frozenset({"\u201c", "\u201e"})
CURLY_CLOSE = "\u201d"
GUILLEMET_OPEN = "\u00ab"
GUILLEMET_CLOSE = "\u00bb"
OPENERS = frozenset({STRAIGHT, GUILLEMET_OPEN, *CURLY_OPEN})
#: Characters after which a straight mark opens rather than closes.
OPEN_AFTER = frozenset("([{/:;,\u2014\u2013-")
#: A paragraph left open is kept only up to this length when no next paragraph continues it.
MAX_UNCLOSED = 1500
#: A closed quote longer than this is a pairing gone wrong, not a quote.
MAX_CLOSED = 5000
#: Paragraphs one running quote may span; beyond that a run of marks is not one quote.
MAX_CHAIN = 8

Kind = Literal["straight", "curly", "guillemet"]


@dataclass(frozen=True, slots=True)
class Segment:
    """The words between one pair of marks (or a mark and its paragraph's end).

    ``start``/``end`` span the words without marks or edge spaces;
    ``open_mark`` and ``close_mark`` are the marks' offsets (``close_mark`` is
    None for a paragraph left open). ``raw_end`` is where the words stopped
    before trimming, so ``text[raw_end - 1]`` is the last character printed
    inside the marks.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    raw_end: int
    paragraph: int
    chain: int

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the words, when unclosed)."""
        return self.close_mark + 1 if self.close_mark is not None else self.raw_end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``: a line break ends a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.segments: list[Segment] = []
        self.chain = -1
        self.continuing = False
        self.chain_length = 0

    def run(self) -> list[Segment]:
        for index, (start, end) in enumerate(self.paras):
            self._paragraph(index, start, end)
        return self.segments

    def _paragraph(self, index: int, ps: int, pe: int) -> None:
        text = self.text
        kind: Kind | None = None
        opened = depth = 0
        continuing, self.continuing = self.continuing, False
        for i in range(ps, pe):
            char = text[i]
            if char == STRAIGHT:
                before = text[i - 1] if i > ps else " "
                after = text[i + 1] if i + 1 < pe else " "
                opens = (
                    before.isspace() or before in OPEN_AFTER or i == ps
                ) and not after.isspace()
                closes = not before.isspace() and not after.isalnum()
                if kind is None:
                    if opens:
                        kind, opened = "straight", i
                elif kind == "guillemet":
                    continue
                elif closes or not opens:
                    self._emit(index, opened, i, i, continuing)
                    continuing = False
                    kind = None
                else:  # an opening mark while open: the earlier one was stray
                    kind, opened = "straight", i
            elif char in CURLY_OPEN:
                if kind != "guillemet":
                    kind, opened = "curly", i
            elif char == CURLY_CLOSE:
                if kind in ("curly", "straight"):
                    self._emit(index, opened, i, i, continuing)
                    continuing = False
                    kind = None
            elif char == GUILLEMET_OPEN:
                if kind is None:
                    kind, opened, depth = "guillemet", i, 1
                elif kind == "guillemet":
                    depth += 1
            elif char == GUILLEMET_CLOSE and kind == "guillemet":
                depth -= 1
                if depth == 0:
                    self._emit(index, opened, i, i, continuing)
                    continuing = False
                    kind = None
        if kind is not None:
            self._unclosed(index, opened, pe, continuing)

    def _unclosed(self, index: int, opened: int, pe: int, continuing: bool) -> None:
        nxt = self.paras[index + 1] if index + 1 < len(self.paras) else None
        length = self.chain_length + 1 if continuing else 1  # with this paragraph's segment
        carries = (
            nxt is not None
            and self.text[nxt[0] : nxt[1]].lstrip()[:1] in OPENERS
            and length < MAX_CHAIN
        )
        # A running quote's paragraph may be long; a mark left open for no reason may not.
        if pe - opened > (MAX_CLOSED if carries or continuing else MAX_UNCLOSED):
            return
        self.continuing = self._emit(index, opened, pe, None, continuing) and carries

    def _emit(self, index: int, opened: int, raw_end: int, close: int | None, joins: bool) -> bool:
        """Record one segment (``joins`` when it continues the previous paragraph's quote);
        False when there is nothing to record: no words, or a pairing gone wrong."""
        if close is not None and raw_end - opened > MAX_CLOSED:
            return False
        start, end = _trim(self.text, opened + 1, raw_end)
        if not any(ch.isalnum() for ch in self.text[start:end]):
            return False
        if joins:
            self.chain_length += 1
        else:
            self.chain += 1
            self.chain_length = 1
        self.segments.append(Segment(start, end, opened, close, raw_end, index, self.chain))
        return True


def find_segments(text: str) -> list[Segment]:
    """Every double-quoted segment of ``text``, in order."""
    return _Scanner(text).run()
