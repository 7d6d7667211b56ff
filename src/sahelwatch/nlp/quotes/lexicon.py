"""Speech verbs per language, read from the word lists beside the code.

In ``speech_verbs_<lang>.txt`` a trailing ``+`` marks the verbs whose "that"
clause is read as reported speech; the rest only attribute quoted words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from sahelwatch.nlp.words import word_list

__all__ = ["Lexicon", "lexicon"]

LANGS = ("en", "fr")
FALLBACK = "en"


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    reporting: frozenset[str]

    def is_speech(self, tok: Token) -> bool:
        return (
            tok.lower_ in self.speech
            or tok.lemma_.lower() in self.speech
            or _compound(tok) in self.speech
        )

    def is_reporting(self, tok: Token) -> bool:
        return tok.lower_ in self.reporting or tok.lemma_.lower() in self.reporting


def _compound(tok: Token) -> str:
    """A preposition in several tokens, apostrophes straightened: "d'après" is read
    from "d'" with its fixed part, or from "après" after an elided "d'"."""
    fixed = "".join(c.lower_ for c in tok.children if c.dep_ == "fixed")
    if fixed:
        return (tok.lower_ + fixed).replace("\u2019", "'")
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if not prev.whitespace_ and prev.text[-1:] in ("'", "\u2019"):
            return (prev.lower_ + tok.lower_).replace("\u2019", "'")
    return ""


@cache
def lexicon(lang: str) -> Lexicon:
    words = word_list(f"speech_verbs_{lang if lang in LANGS else FALLBACK}")
    return Lexicon(
        speech=frozenset(w.rstrip("+") for w in words),
        reporting=frozenset(w.rstrip("+") for w in words if w.endswith("+")),
    )
