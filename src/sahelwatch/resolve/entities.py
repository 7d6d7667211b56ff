"""One entity per real-world actor, across every article, built incrementally.

Within an article, mentions already share a key (``pack:mali``,
``PERSON:ulf laessing``). Here keys become corpus-wide entity ids:

- a pack entity is its pack id, so "Tchiani" in one outlet and "Tiani" in
  another meet, and two pack entities are never merged;
- any other name joins an existing entity of a compatible type that was
  printed under the same folded form (accents and case ignored), else a
  close spelling of one (rapidfuzz), with persons also required to share a
  surname, else it founds a new entity.

The resolver keeps an in-memory index of aliases loaded once from the store
and extended as articles are added, so adding an article costs a lookup per
name, not a pass over the corpus.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sahelwatch.domain import DomainPack, fold
from sahelwatch.model import ArticleAnalysis, Mention
from sahelwatch.resolve.places import geocode
from sahelwatch.store import EntityRecord

#: Types that may name the same actor: outlets disagree whether a militia is an ORG.
COMPATIBLE = {
    "ORG": {"ORG", "GROUP"},
    "GROUP": {"GROUP", "ORG"},
    "GPE": {"GPE", "LOC"},
    "LOC": {"LOC", "GPE"},
}
FUZZY_CUTOFF = 92.0
MAPPABLE = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class Resolution:
    """How one article's mention keys map to entities, and which entities are new."""

    entity_of: dict[str, str] = field(default_factory=dict)
    new_entities: list[EntityRecord] = field(default_factory=list)


class EntityResolver:
    """Maps the mention keys of each new article to corpus entities."""

    def __init__(
        self,
        pack: DomainPack,
        entities: Iterable[EntityRecord] = (),
        aliases: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.pack = pack
        self.entities: dict[str, EntityRecord] = {e.id: e for e in entities}
        self.by_alias: dict[str, set[str]] = defaultdict(set)
        for norm, entity_id in aliases:
            self.by_alias[norm].add(entity_id)
        self.names_by_type: dict[str, dict[str, str]] = defaultdict(dict)
        for entity in self.entities.values():
            self.names_by_type[entity.type][fold(entity.name)] = entity.id

    def resolve(self, analysis: ArticleAnalysis) -> Resolution:
        result = Resolution()
        groups: dict[str, list[Mention]] = defaultdict(list)
        for mention in analysis.mentions:
            groups[mention.key].append(mention)
        for nationality in analysis.nationalities:
            groups.setdefault(f"pack:{nationality.pack_id}", [])
        for key, mentions in groups.items():
            entity = self._entity_for(key, mentions)
            result.entity_of[key] = entity.id
            if entity.id not in self.entities:
                result.new_entities.append(entity)
            self._remember(entity, mentions)
        return result

    def _remember(self, entity: EntityRecord, mentions: list[Mention]) -> None:
        self.entities.setdefault(entity.id, entity)
        self.names_by_type[entity.type].setdefault(fold(entity.name), entity.id)
        for text in {entity.name, *(m.text for m in mentions if m.role == "name")}:
            self.by_alias[fold(text)].add(entity.id)

    def _entity_for(self, key: str, mentions: list[Mention]) -> EntityRecord:
        if key.startswith("pack:"):
            return self._pack_entity(key.removeprefix("pack:"))
        first = mentions[0]
        name, entity_type = first.name, first.type
        forms = [name, *(m.text for m in mentions if m.role == "name")]
        found = self._by_form(forms, entity_type) or self._by_spelling(name, entity_type)
        if found is not None:
            return self.entities[found]
        return self._new_entity(name, entity_type)

    def _pack_entity(self, pack_id: str) -> EntityRecord:
        if pack_id in self.entities:
            return self.entities[pack_id]
        entity = self.pack.entity(pack_id)
        return EntityRecord(
            id=entity.id,
            name=entity.name,
            type=entity.type,
            kb_id=entity.kb_id,
            pack_id=entity.id,
            lat=entity.lat,
            lon=entity.lon,
        )

    def _by_form(self, forms: list[str], entity_type: str) -> str | None:
        allowed = COMPATIBLE.get(entity_type, {entity_type})
        for form in forms:
            ids = [i for i in self.by_alias.get(fold(form), ()) if self.entities[i].type in allowed]
            if len(ids) == 1:
                return ids[0]
            non_pack = [i for i in ids if self.entities[i].pack_id is None]
            if len(non_pack) == 1:
                return non_pack[0]
        return None

    def _by_spelling(self, name: str, entity_type: str) -> str | None:
        """A close spelling of a known name of the same type ("Abdourahmane", "Abdourahamane")."""
        candidates = self.names_by_type.get(entity_type)
        if not candidates or len(name) < 6:
            return None
        query = fold(name)
        match = process.extractOne(
            query, candidates.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None:
            return None
        found: str = match[0]
        if entity_type == "PERSON" and found.split()[-1] != query.split()[-1]:
            # Persons must share a surname: "Ibrahim Traoré" is not "Ibrahim Touré".
            return None
        return candidates[found]

    def _new_entity(self, name: str, entity_type: str) -> EntityRecord:
        coordinates = geocode(name) if entity_type in MAPPABLE else None
        return EntityRecord(
            id=_entity_id(name, entity_type),
            name=name,
            type=entity_type,
            lat=coordinates[0] if coordinates else None,
            lon=coordinates[1] if coordinates else None,
        )


def _entity_id(name: str, entity_type: str) -> str:
    """Readable and stable: the same name and type give the same id in any database."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:48] or "x"
    digest = hashlib.sha1(f"{entity_type}:{fold(name)}".encode(), usedforsecurity=False)
    return f"{slug}-{digest.hexdigest()[:6]}"
