"""Domain packs: the actors, places, titles and event cues of a region, as data.

A pack is a folder of YAML files (see ``packs/sahel`` and ``schema.py`` for
the format). Code reads a region only through a ``DomainPack``, so pointing
sahelwatch at another region means writing YAML, not Python.

    >>> pack = default_pack()
    >>> pack.lookup("CEDEAO", "fr")[0].name
    'Economic Community of West African States'
"""

from __future__ import annotations

from sahelwatch.domain.errors import PackError
from sahelwatch.domain.loader import bundled_packs, default_pack, load_pack
from sahelwatch.domain.model import (
    ANY_LANG,
    ENTITY_TYPES,
    EVENT_TYPES,
    TITLE_KINDS,
    DomainPack,
    EventCues,
    Lexicon,
    PackEntity,
    Title,
)
from sahelwatch.domain.text import fold, normalize_form

__all__ = [
    "ANY_LANG",
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "TITLE_KINDS",
    "DomainPack",
    "EventCues",
    "Lexicon",
    "PackEntity",
    "PackError",
    "Title",
    "bundled_packs",
    "default_pack",
    "fold",
    "load_pack",
    "normalize_form",
]
