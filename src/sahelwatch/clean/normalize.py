"""Text normalization shared by every cleaning step.

Copy-pasted news is full of invisible differences (non-breaking spaces, soft
hyphens, CRLF, decomposed accents) that would make the same article hash, match
and split differently depending on where it was copied from. Everything that
compares or stores text goes through one of the three forms below, so two
copies of a story look the same to every later rule.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that only ever get in the way of matching.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
# Line and paragraph separators some editors emit instead of newlines.
_SEPARATORS = re.compile("[\u2028\u2029\x85]")
_HSPACE = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
_TRAILING = re.compile(r" *\n *")
_WS = re.compile(r"\s+")
_APOSTROPHE_S = re.compile(r"['\u2019\u2018\u02bc`]s\b")


def normalize_text(text: str) -> str:
    """Canonical form of a text whose line structure still matters.

    NFC, ``\\n`` line ends, every horizontal space (NBSP, tabs, thin spaces)
    folded to one ASCII space, control characters and zero-width marks gone,
    lines stripped. Paragraph breaks (blank lines) are kept as they are.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SEPARATORS.sub(_newline, _INVISIBLE.sub("", text))
    text = _CONTROL.sub("", text)
    text = _HSPACE.sub(" ", text)
    return _TRAILING.sub("\n", text).strip()


def _newline(separator: re.Match[str]) -> str:
    return "\n\n" if separator[0] == "\u2029" else "\n"


def key_text(text: str) -> str:
    """The form hashed into an article's content key: layout does not count."""
    return _WS.sub(" ", unicodedata.normalize("NFC", _INVISIBLE.sub("", text))).strip()


def fold(text: str) -> str:
    """A comparison key: case, accents, punctuation and spacing do not count.

    Mirrors the normalization of the evaluation scorer, so a headline found
    again under the byline compares equal however it was typed.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHE_S.sub("", text)
    kept = (
        c
        if c.isalnum() or c.isspace()
        else " "
        if c in "/_" or unicodedata.category(c) == "Pd"
        else ""
        for c in text
    )
    return " ".join("".join(kept).split())
