"""Turn one pack file's nodes into typed values, checking each entry on its own.

Checks that need the whole pack (duplicate ids, references, clashing
aliases) live in ``validate``; they need to know where each value was
written, so entries come out of here as drafts that keep their lines.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from types import MappingProxyType

from yaml.nodes import Node

from sahelwatch.domain import nodes
from sahelwatch.domain.errors import PackError
from sahelwatch.domain.model import (
    ANY_LANG,
    ENTITY_TYPES,
    EVENT_TYPES,
    TITLE_KINDS,
    EventCues,
    Lexicon,
    PackEntity,
    Title,
)
from sahelwatch.domain.schema import (
    COMMON_REQUIRED,
    CUE_FIELDS,
    ID_PATTERN,
    KB_ID_PATTERN,
    LANG_PATTERN,
    PACK_FIELDS,
    PACK_REQUIRED,
    TITLE_FIELDS,
    TITLE_REQUIRED,
    EntityFileSpec,
)
from sahelwatch.domain.text import fold


@dataclass(frozen=True, slots=True)
class PackMeta:
    id: str
    name: str
    description: str
    languages: tuple[str, ...]
    version: str


@dataclass(frozen=True, slots=True)
class Form:
    """A printed form with where it was written: ``lang`` is a code or ``any``."""

    lang: str
    text: str
    line: int


@dataclass(slots=True)
class EntityDraft:
    """An entity checked on its own, with the lines the pack-wide checks report."""

    entity: PackEntity
    file: str
    noun: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    demonyms: list[Form] = field(default_factory=list)
    ambiguous: list[Form] = field(default_factory=list)

    @property
    def what(self) -> str:
        return f"{self.noun} {self.entity.id!r}"


@dataclass(slots=True)
class TitleDraft:
    title: Title
    file: str
    line: int
    forms: list[Form] = field(default_factory=list)


def read_meta(root: Node | None, file: str) -> PackMeta:
    """``pack.yaml``: what the pack is and which languages its forms are in."""
    if root is None:
        raise PackError(file, 1, "the pack description is empty")
    what = "the pack description"
    items = nodes.mapping(root, file, what)
    nodes.check_fields(items, root, file, what, allowed=PACK_FIELDS, required=PACK_REQUIRED)
    pack_id = _id(items["id"][1], file, "field 'id' of the pack")
    languages: list[str] = []
    for lang, lang_line in nodes.text_list(items["languages"][1], file, "field 'languages'"):
        if not LANG_PATTERN.fullmatch(lang) or lang == ANY_LANG:
            raise PackError(file, lang_line, f"{lang!r} is not a language code like 'en' or 'fr'")
        if lang in languages:
            raise PackError(file, lang_line, f"language {lang!r} is listed twice")
        languages.append(lang)
    if not languages:
        raise PackError(file, nodes.line(items["languages"][1]), "a pack needs a language")
    description = items.get("description")
    description_node = description[1] if description is not None else None
    return PackMeta(
        id=pack_id,
        name=nodes.text(items["name"][1], file, "field 'name' of the pack"),
        description=nodes.optional_text(description_node, file, "field 'description'") or "",
        languages=tuple(languages),
        version=nodes.text(items["version"][1], file, "field 'version' of the pack"),
    )


def read_entities(
    root: Node | None, file: str, spec: EntityFileSpec, languages: Collection[str]
) -> list[EntityDraft]:
    """Every entry of one entity file, each checked against the file's spec."""
    alias_langs = {*languages, ANY_LANG}
    return [
        _read_entity(item, file, spec, alias_langs, position)
        for position, item in enumerate(nodes.sequence(root, file, f"{spec.file}"), start=1)
    ]


def _read_entity(
    node: Node, file: str, spec: EntityFileSpec, alias_langs: Collection[str], position: int
) -> EntityDraft:
    items = nodes.mapping(node, file, f"{spec.noun} #{position}")
    id_node = items.get("id")
    entity_id = _id(id_node[1], file, f"field 'id' of {spec.noun} #{position}") if id_node else ""
    what = f"{spec.noun} {entity_id!r}" if entity_id else f"{spec.noun} #{position}"
    nodes.check_fields(items, node, file, what, allowed=spec.fields, required=COMMON_REQUIRED)

    def value(name: str) -> Node | None:
        entry = items.get(name)
        return entry[1] if entry is not None else None

    def label(name: str) -> str:
        return f"field {name!r} of {what}"

    type_node = items["type"][1]
    entity_type = nodes.text(type_node, file, label("type"))
    if entity_type not in ENTITY_TYPES:
        expected = ", ".join(sorted(ENTITY_TYPES))
        raise PackError(
            file,
            nodes.line(type_node),
            f"unknown entity type {entity_type!r} in {what} (expected one of: {expected})",
        )
    if entity_type not in spec.types:
        expected = ", ".join(sorted(spec.types))
        raise PackError(
            file,
            nodes.line(type_node),
            f"type {entity_type!r} of {what} does not belong in {spec.file}"
            f" (expected one of: {expected})",
        )

    kb_node = value("kb_id")
    kb_id = nodes.optional_text(kb_node, file, label("kb_id"))
    if kb_id is not None and kb_node is not None and not KB_ID_PATTERN.fullmatch(kb_id):
        raise PackError(
            file, nodes.line(kb_node), f"{label('kb_id')} must be a Wikidata id like 'Q912'"
        )

    lat = _coordinate(value("lat"), file, label("lat"), 90.0)
    lon = _coordinate(value("lon"), file, label("lon"), 180.0)
    if (lat is None) != (lon is None):
        raise PackError(file, nodes.line(node), f"{what} needs both 'lat' and 'lon', or neither")

    references: dict[str, str | None] = {}
    lines: dict[str, int] = {}
    if kb_id is not None and kb_node is not None:
        lines["kb_id"] = nodes.line(kb_node)
    for name in ("country", "capital_of", "metonym_for", "nationality"):
        ref_node = value(name)
        if ref_node is not None and not nodes.is_null(ref_node):
            references[name] = _id(ref_node, file, label(name))
            lines[name] = nodes.line(ref_node)
    member_of: list[str] = []
    for ref, ref_line in nodes.optional_text_list(value("member_of"), file, label("member_of")):
        _check_id(ref, file, ref_line, f"an item of {label('member_of')}")
        if ref not in member_of:
            member_of.append(ref)
            lines[f"member_of:{ref}"] = ref_line

    name_node = items["name"][1]
    name = nodes.text(name_node, file, label("name"))
    forms = [Form(ANY_LANG, name, nodes.line(name_node))]
    aliases = nodes.lang_lists(value("aliases"), file, label("aliases"), alias_langs)
    forms += [Form(lang, text, ln) for lang, listed in aliases.items() for text, ln in listed]
    demonyms = nodes.lang_lists(value("demonyms"), file, label("demonyms"), alias_langs)
    ambiguous = nodes.optional_text_list(value("ambiguous"), file, label("ambiguous"))

    entity = PackEntity(
        id=entity_id,
        name=name,
        type=entity_type,
        aliases=_frozen_lists(aliases),
        kb_id=kb_id,
        member_of=tuple(member_of),
        country=references.get("country"),
        capital_of=references.get("capital_of"),
        metonym_for=references.get("metonym_for"),
        lat=lat,
        lon=lon,
        nationality=references.get("nationality"),
        demonyms=_frozen_lists(demonyms),
        ambiguous=frozenset(fold(text) for text, _ in ambiguous),
    )
    return EntityDraft(
        entity=entity,
        file=file,
        noun=spec.noun,
        line=nodes.line(node),
        lines=lines,
        forms=forms,
        demonyms=[Form(lang, t, ln) for lang, listed in demonyms.items() for t, ln in listed],
        ambiguous=[Form(ANY_LANG, t, ln) for t, ln in ambiguous],
    )


def read_titles(root: Node | None, file: str, languages: Collection[str]) -> list[TitleDraft]:
    alias_langs = {*languages, ANY_LANG}
    drafts: list[TitleDraft] = []
    for position, node in enumerate(nodes.sequence(root, file, "titles.yaml"), start=1):
        items = nodes.mapping(node, file, f"title #{position}")
        key_node = items.get("key")
        key = _id(key_node[1], file, f"field 'key' of title #{position}") if key_node else ""
        what = f"title {key!r}" if key else f"title #{position}"
        nodes.check_fields(items, node, file, what, allowed=TITLE_FIELDS, required=TITLE_REQUIRED)
        kind_node = items["kind"][1]
        kind = nodes.text(kind_node, file, f"field 'kind' of {what}")
        if kind not in TITLE_KINDS:
            expected = ", ".join(sorted(TITLE_KINDS))
            raise PackError(
                file,
                nodes.line(kind_node),
                f"unknown title kind {kind!r} in {what} (expected one of: {expected})",
            )
        forms = nodes.lang_lists(items["forms"][1], file, f"field 'forms' of {what}", alias_langs)
        drafts.append(
            TitleDraft(
                title=Title(key=key, kind=kind, forms=_frozen_lists(forms)),
                file=file,
                line=nodes.line(node),
                forms=[Form(lang, t, ln) for lang, listed in forms.items() for t, ln in listed],
            )
        )
    return drafts


def read_lexicon(root: Node | None, file: str, lang: str) -> Lexicon:
    """One language's event cues: ``{event_type: {verbs, nouns, patterns}}``."""
    if root is None:
        return Lexicon(lang=lang)
    cues: dict[str, EventCues] = {}
    for event_type, (key_node, value_node) in nodes.mapping(root, file, "a lexicon").items():
        if event_type not in EVENT_TYPES:
            expected = ", ".join(EVENT_TYPES)
            raise PackError(
                file,
                nodes.line(key_node),
                f"unknown event type {event_type!r} (expected one of: {expected})",
            )
        what = f"the cues of {event_type!r}"
        items = nodes.mapping(value_node, file, what)
        nodes.check_fields(items, value_node, file, what, allowed=CUE_FIELDS)

        cues[event_type] = EventCues(
            event_type=event_type,
            verbs=_words(items, "verbs", file, what),
            nouns=_words(items, "nouns", file, what),
            patterns=_words(items, "patterns", file, what),
        )
    return Lexicon(lang=lang, cues=MappingProxyType(cues))


def _words(items: dict[str, tuple[Node, Node]], name: str, file: str, what: str) -> tuple[str, ...]:
    """Cue words in order, once each; verbs and nouns are single lemmas."""
    entry = items.get(name)
    listed = nodes.optional_text_list(entry[1] if entry else None, file, f"{name!r} of {what}")
    if name != "patterns":
        for text, line in listed:
            if " " in text:
                raise PackError(
                    file,
                    line,
                    f"{text!r} in {name!r} of {what} is not a single lemma; put phrases under"
                    " 'patterns'",
                )
    return tuple(dict.fromkeys(text for text, _ in listed))


def _id(node: Node, file: str, label: str) -> str:
    value = nodes.text(node, file, label)
    _check_id(value, file, nodes.line(node), label)
    return value


def _check_id(value: str, file: str, line: int, label: str) -> None:
    if not ID_PATTERN.fullmatch(value):
        raise PackError(file, line, f"{label} must be a snake_case id, not {value!r}")


def _coordinate(node: Node | None, file: str, label: str, limit: float) -> float | None:
    value = nodes.optional_number(node, file, label)
    if value is not None and node is not None and not -limit <= value <= limit:
        raise PackError(
            file, nodes.line(node), f"{label} is {value:g}, outside [-{limit:g}, {limit:g}]"
        )
    return value


def _frozen_lists(
    lists: dict[str, list[tuple[str, int]]],
) -> MappingProxyType[str, tuple[str, ...]]:
    return MappingProxyType(
        {lang: tuple(dict.fromkeys(text for text, _ in listed)) for lang, listed in lists.items()}
    )
