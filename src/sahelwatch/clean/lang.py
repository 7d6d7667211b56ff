"""Language identification of article bodies.

Later stages pick a spaCy pipeline by language, so a wrong guess costs a whole
article; a small candidate set (the languages Sahel news is written in, plus
the neighbours most easily confused with them) keeps lingua both fast and
accurate, and "und" is an honest answer for text too short to tell.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lingua import Language, LanguageDetectorBuilder

UNDETERMINED = "und"
#: Languages considered; English and French carry the corpus, the rest keep
#: lingua from forcing a Spanish or Italian text into one of those two.
LANGUAGES = (
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.ARABIC,
    Language.ITALIAN,
    Language.DUTCH,
)
_MIN_LETTERS = 12
# A few thousand characters decide as well as the whole text, at a fraction of the cost.
_SAMPLE_CHARS = 1500
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _detector() -> Any:
    """Built on first use: importing this module must stay cheap."""
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES)
        .with_minimum_relative_distance(0.1)
        .build()
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when unsure or too short."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return UNDETERMINED
    found = _detector().detect_language_of(sample)
    if found is None:
        return UNDETERMINED
    return str(found.iso_code_639_1.name.lower())
