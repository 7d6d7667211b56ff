"""Markdown to the plain text the other rules read.

Markdown copies of articles (note apps, scrapers) carry syntax that would
otherwise end up inside entity mentions and quotes: ``**Goïta**``,
``[ECOWAS](https://...)``. Only inline syntax and block markers go; the
words, the line structure and the order stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATX = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_BULLET = re.compile(r"^(\s*)[*+]\s+")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"
)
_CODE = re.compile(r"`([^`\n]+)`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """Plain text of a Markdown document, and its title when it opens with a heading."""

    text: str
    title: str | None


def strip_markdown(source: str) -> MarkdownText:
    """Markdown reduced to plain lines; a heading on the first text line is the title."""
    lines = _HTML_COMMENT.sub("", source).split("\n")
    out: list[str] = []
    title: str | None = None
    before_text = True
    for index, line in enumerate(lines):
        if _FENCE.match(line) or _LINK_DEF.match(line):
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            continue  # the underline of a heading already emitted
        if _RULE.match(line):
            continue
        heading = _ATX.match(line)
        text = inline(_BULLET.sub(r"\1- ", _QUOTE.sub("", heading[1] if heading else line)))
        if before_text and text.strip():
            underlined = index + 1 < len(lines) and bool(_SETEXT.match(lines[index + 1]))
            if heading is not None or underlined:
                title = text.strip()
            before_text = False
        out.append(text)
    return MarkdownText("\n".join(out), title or None)


def inline(line: str) -> str:
    """Inline Markdown reduced to its words."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m[1] or m[2], line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    return _EMPHASIS.sub(lambda m: m[1] or m[2], line)
