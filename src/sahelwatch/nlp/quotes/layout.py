"""The article as quotes see it: paragraphs, sentences that respect quotation marks, frames.

spaCy's sentence splitter cuts inside quotes ("… days." he said) and at the
comma after a quote; attribution needs the opposite: a sentence is the
narration around its quotes, and a quote belongs to the sentence its opening
mark is in. A *frame* is a run of narration tokens between two quotes (or a
quote and the sentence's edge): "X said", "said X, an analyst", "according
to X". Frames are where speakers are looked for, never inside the quotes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from sahelwatch.nlp.quotes.marks import Segment, paragraphs

__all__ = ["Frame", "Layout"]

TERMINALS = frozenset({".", "!", "?", "\u2026", "..."})  # sentence-final punctuation
OPENING_MARKS = frozenset({'"', "\u201c", "\u201e", "\u00ab"})


@dataclass(frozen=True, slots=True)
class Frame:
    """Narration tokens ``doc[start:end]`` between quotes, inside one sentence."""

    start: int
    end: int
    unit: int

    def tokens(self, doc: Doc) -> list[Token]:
        return [t for t in doc[self.start : self.end] if not t.is_space]

    def has_words(self, doc: Doc) -> bool:
        return any(any(ch.isalnum() for ch in t.text) for t in doc[self.start : self.end])


class Layout:
    """Token-level view of one article and its quoted segments."""

    def __init__(self, doc: Doc, segments: list[Segment]) -> None:
        self.doc = doc
        self.text = doc.text
        self.segments = segments
        self.paras = paragraphs(self.text)
        self._para_starts = [s for s, _ in self.paras]
        self._tok_starts = [t.idx for t in doc]
        # Which segment each token lies in (marks included), or -1 for narration.
        self.seg_of_token = [-1] * len(doc)
        for index, seg in enumerate(segments):
            for i in range(self.token_at(seg.open_mark), self.token_before(seg.outer_end) + 1):
                self.seg_of_token[i] = index
        self.units = self._units()
        self.unit_of_token = [0] * len(doc)
        self._para_units: dict[int, list[int]] = {}
        for u, (start, end) in enumerate(self.units):
            for i in range(start, end):
                self.unit_of_token[i] = u
            words = [t for t in doc[start:end] if not t.is_space]
            if words:
                self._para_units.setdefault(self.paragraph_of(words[0].idx), []).append(u)
        self._unit_segments: dict[int, list[int]] = {}
        for index, seg in enumerate(segments):
            self._unit_segments.setdefault(self.unit_of(seg), []).append(index)

    # -- positions -------------------------------------------------------------

    def token_at(self, char: int) -> int:
        """Index of the token containing (or first after) character ``char``."""
        i = bisect_right(self._tok_starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return i + 1
        return i

    def token_before(self, char: int) -> int:
        """Index of the last token starting before ``char``."""
        return max(bisect_right(self._tok_starts, char - 1) - 1, 0)

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self._para_starts, char) - 1, 0)

    def quoted(self, tok: Token) -> bool:
        return self.seg_of_token[tok.i] >= 0

    # -- sentences -------------------------------------------------------------

    def _units(self) -> list[tuple[int, int]]:
        doc = self.doc
        bounds = [0]
        prev: Token | None = None
        for tok in doc:
            if tok.is_space:
                continue
            if prev is not None and self._breaks(prev, tok):
                bounds.append(tok.i)
            prev = tok
        bounds.append(len(doc))
        return [(a, b) for a, b in pairwise(bounds) if a < b]

    def _breaks(self, prev: Token, tok: Token) -> bool:
        if self.paragraph_of(prev.idx) != self.paragraph_of(tok.idx):
            return True
        seg = self.seg_of_token[tok.i]
        if seg >= 0 and self.segments[seg].open_mark != tok.idx:
            return False  # inside a quote: its sentences are the speaker's, not the narration's
        first = tok.text[:1]
        if not (first.isupper() or first.isdigit() or first in OPENING_MARKS):
            return False
        prev_seg = self.seg_of_token[prev.i]
        if prev_seg < 0:
            return prev.text in TERMINALS or prev.text[-1:] in ("!", "?")
        quoted = self.segments[prev_seg]
        if seg == prev_seg:
            return False
        last = self.text[quoted.raw_end - 1 : quoted.raw_end]
        return last in TERMINALS or last in ("!", "?")

    def unit_of(self, seg: Segment) -> int:
        return self.unit_of_token[self.token_at(seg.open_mark)]

    # -- frames ----------------------------------------------------------------

    def frames(self, unit: int) -> list[Frame]:
        """The runs of narration tokens in sentence ``unit``."""
        start, end = self.units[unit]
        out: list[Frame] = []
        run: int | None = None
        for i in range(start, end):
            if self.seg_of_token[i] < 0:
                if run is None:
                    run = i
            elif run is not None:
                out.append(Frame(run, i, unit))
                run = None
        if run is not None:
            out.append(Frame(run, end, unit))
        return out

    def before(self, seg: Segment) -> Frame | None:
        """The narration run that ends at ``seg``'s opening mark, in its sentence."""
        open_tok = self.token_at(seg.open_mark)
        for frame in self.frames(self.unit_of_token[open_tok]):
            if frame.end == open_tok:
                return frame
        return None

    def after(self, seg: Segment) -> Frame | None:
        """The narration run that starts after ``seg``'s closing mark, in its sentence."""
        if seg.close_mark is None:
            return None
        close_tok = self.token_at(seg.close_mark)
        unit = self.unit_of_token[self.token_at(seg.open_mark)]
        if close_tok + 1 >= len(self.doc) or self.unit_of_token[close_tok + 1] != unit:
            return None
        for frame in self.frames(unit):
            if frame.start == close_tok + 1:
                return frame
        return None

    def has_narration(self, unit: int) -> bool:
        """True when sentence ``unit`` has words outside its quotes."""
        return any(f.has_words(self.doc) for f in self.frames(unit))

    def standalone(self, seg: Segment) -> bool:
        """True when ``seg``'s sentence is nothing but quotes and punctuation."""
        return not self.has_narration(self.unit_of(seg))

    def segments_in_unit(self, unit: int) -> list[int]:
        """Indices of the segments whose opening mark is in sentence ``unit``."""
        return self._unit_segments.get(unit, [])

    def units_in_paragraph(self, paragraph: int) -> list[int]:
        """The sentences of one paragraph, in order."""
        return self._para_units.get(paragraph, [])

    def unit_span(self, unit: int) -> tuple[int, int]:
        start, end = self.units[unit]
        toks = [t for t in self.doc[start:end] if not t.is_space]
        if not toks:
            return self.doc[start].idx, self.doc[start].idx
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)
