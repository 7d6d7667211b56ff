"""Article text with its annotations marked, built from character offsets.

The body is untrusted text, and annotations overlap (a mention inside an
event sentence inside a quote, or a quote that starts in one sentence and
ends in the next), so the markup is built here rather than in a template:
the text is cut at every span boundary, each piece is escaped, and the open
elements are kept properly nested. Where two spans cross, the inner one is
closed and reopened around the boundary, so each element stays well formed
and the pieces of one span carry the same attributes (only the first piece
gets the ``first_attrs``, such as an ``id`` that must stay unique).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Span:
    """One annotation: ``text[start:end]`` wrapped in ``<tag class=... attrs...>``.

    Where spans share a start, the longer one is outside; ``rank`` breaks the
    remaining ties (lower is outside).
    """

    start: int
    end: int
    tag: str = "mark"
    classes: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    first_attrs: tuple[tuple[str, str], ...] = ()
    rank: int = 0


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with every span wrapped; spans outside the text are clipped."""
    usable = [_clip(s, len(text)) for s in spans]
    ordered = sorted(
        (s for s in usable if s is not None),
        key=lambda s: (s.start, -s.end, s.rank),
    )
    if not ordered:
        return escape(text)
    bounds = sorted({0, len(text)} | {s.start for s in ordered} | {s.end for s in ordered})
    out: list[str] = []
    stack: list[int] = []  # indices into ``ordered`` of the open elements, outermost first
    opened: set[int] = set()
    for left, right in pairwise(bounds):
        active = [i for i, s in enumerate(ordered) if s.start <= left and right <= s.end]
        keep = _common_prefix(stack, active)
        for i in reversed(stack[keep:]):
            out.append(f"</{ordered[i].tag}>")
        for i in active[keep:]:
            out.append(_open(ordered[i], first=i not in opened))
            opened.add(i)
        stack = active
        out.append(str(escape(text[left:right])))
    for i in reversed(stack):
        out.append(f"</{ordered[i].tag}>")
    # Safe: every text piece and attribute value was escaped above; tags come from code.
    return Markup("".join(out))  # noqa: S704


def _clip(span: Span, length: int) -> Span | None:
    start, end = max(0, span.start), min(length, span.end)
    if start >= end:
        return None
    if not _NAME.match(span.tag):
        raise ValueError(f"not a tag name: {span.tag!r}")
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.tag, span.classes, span.attrs, span.first_attrs, span.rank)


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _open(span: Span, *, first: bool) -> str:
    classes = span.classes if first else f"{span.classes} cont".strip()
    attrs = [("class", classes)] if classes else []
    attrs += list(span.attrs)
    if first:
        attrs += list(span.first_attrs)
    parts = [span.tag]
    for name, value in attrs:
        if not _NAME.match(name):
            raise ValueError(f"not an attribute name: {name!r}")
        parts.append(f'{name}="{escape(value)}"')
    return "<" + " ".join(parts) + ">"
