"""Keys under which two printed forms count as the same name.

Articles print one name with curly or straight apostrophes, en dashes or
hyphens, with or without accents and in any case ("Goïta", "GOITA",
"Côte d\u2019Ivoire"). The pack lists forms as they are usually printed; these
functions give the keys used to compare them, so neither the pack nor the
matching code has to enumerate typographic variants.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u201b\u02bc\u00b4`\u2032", "'"))
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SPACE = re.compile(r"\s+")


def clean_form(text: str) -> str:
    """The form as written, in NFC with runs of white space made single spaces.

    This is what the pack stores: composed accents compare equal to the
    article text once the article is NFC too, and stray line breaks from a
    folded YAML string do not become part of a name.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=1 << 16)
def normalize_form(text: str) -> str:
    """Case-preserving key: typographic apostrophes and dashes made plain.

    Case is kept because it carries meaning for short forms ("US" is a
    country, "us" is a pronoun).
    """
    return clean_form(text).translate(_APOSTROPHES).translate(_DASHES)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key ("Goïta", "GOITA" and "goita" agree).

    Used to detect two pack entries that a reader could not tell apart, and
    for lookups of words whose case depends on position (demonyms, titles).
    Cached: the same few thousand names are folded again for every language
    and every lookup.
    """
    folded = normalize_form(text).casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
