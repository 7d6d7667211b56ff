"""The pack format: which files exist, and which fields each kind of entry takes.

One file per kind keeps a pack reviewable (a reviewer checks people against
people) and lets the format say, per kind, which fields make sense: a city
has a country and may stand for a government, a person has a nationality,
nobody has a founding date. Fields that would carry a claim (dates, roles,
offices held) are not in any list, so a pack cannot hold them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

PACK_FILE: Final = "pack.yaml"
TITLES_FILE: Final = "titles.yaml"
LEXICON_DIR: Final = "lexicons"

PACK_FIELDS: Final = frozenset({"id", "name", "description", "languages", "version"})
PACK_REQUIRED: Final = ("id", "name", "languages", "version")

#: Fields every entity takes; ``aliases`` maps a language (or ``any``) to forms.
COMMON_REQUIRED: Final = ("id", "name", "type")
COMMON_OPTIONAL: Final = frozenset({"aliases", "kb_id", "member_of", "ambiguous"})

TITLE_FIELDS: Final = frozenset({"key", "kind", "forms"})
TITLE_REQUIRED: Final = ("key", "kind", "forms")

CUE_FIELDS: Final = frozenset({"verbs", "nouns", "patterns"})

ID_PATTERN: Final = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
KB_ID_PATTERN: Final = re.compile(r"Q[1-9][0-9]*")
LANG_PATTERN: Final = re.compile(r"[a-z]{2,3}")

#: Entity fields that name another entity, and the types the target may have.
REFERENCE_TARGETS: Final[dict[str, frozenset[str]]] = {
    "member_of": frozenset({"ORG", "GROUP"}),
    "country": frozenset({"GPE"}),
    "capital_of": frozenset({"GPE"}),
    "nationality": frozenset({"GPE"}),
    "metonym_for": frozenset({"GPE", "ORG"}),
}


@dataclass(frozen=True, slots=True)
class EntityFileSpec:
    """One entity file: its name, how its entries are called, what they may hold."""

    file: str
    noun: str
    types: frozenset[str]
    extra: frozenset[str]

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(COMMON_REQUIRED) | COMMON_OPTIONAL | self.extra


_PLACE = frozenset({"lat", "lon"})

ENTITY_FILES: Final = (
    EntityFileSpec("states.yaml", "state", frozenset({"GPE"}), _PLACE | {"demonyms"}),
    EntityFileSpec(
        "cities.yaml",
        "city",
        frozenset({"GPE", "LOC"}),
        _PLACE | {"country", "capital_of", "metonym_for"},
    ),
    EntityFileSpec(
        "regions.yaml", "region", frozenset({"LOC", "GPE"}), _PLACE | {"country", "demonyms"}
    ),
    EntityFileSpec(
        "sites.yaml", "site", frozenset({"FAC", "LOC"}), _PLACE | {"country", "metonym_for"}
    ),
    EntityFileSpec(
        "organizations.yaml",
        "organization",
        frozenset({"ORG", "GROUP", "OTHER"}),
        frozenset({"country"}),
    ),
    EntityFileSpec("groups.yaml", "group", frozenset({"GROUP"}), frozenset({"country"})),
    EntityFileSpec("people.yaml", "person", frozenset({"PERSON"}), frozenset({"nationality"})),
)

KNOWN_FILES: Final = (PACK_FILE, *(spec.file for spec in ENTITY_FILES), TITLES_FILE)
