"""What a loaded domain pack is: frozen values plus the indexes code asks of them.

A pack describes a region's actors and places, how each is printed in each
language, and the words that signal events. It holds nothing an article is
supposed to tell (dates, events, who holds which office): those are read from
the text every time, so the pack can never contradict a source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, TypeVar

from sahelwatch.domain.text import fold, normalize_form

#: Entity types of the export schema (``shared/eval/SCHEMAS.md``).
ENTITY_TYPES: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER"})

#: Kinds of titles: code strips them from names and keeps them as attributes.
TITLE_KINDS: Final = frozenset({"military_rank", "office", "honorific"})

#: Event types of the export schema; ``other`` has no cues by definition.
EVENT_TYPES: Final = (
    "summit",
    "meeting_visit",
    "agreement_treaty",
    "alliance_formation",
    "withdrawal",
    "force_creation",
    "attack",
    "threat",
    "sanction",
    "coup",
    "appointment_leadership",
    "dissolution_ban",
    "blockade",
    "statement_accusation",
    "institution_launch",
)

#: Alias key for forms printed the same in every language (acronyms, most names).
ANY_LANG: Final = "any"

_V = TypeVar("_V")


def _no_forms() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class PackEntity:
    """An actor or place, with every form the pack knows it is printed in.

    ``aliases`` maps a language code (or ``"any"``) to forms; ``name`` is the
    canonical English display name and counts as a form in every language.
    ``ambiguous`` holds the folded forms this entity knowingly shares with
    another entity of its type (e.g. two juntas called "CNSP"): the pack
    accepts the clash and code must decide from context.

    Equality compares every field; the hash is the id, which is unique in a
    pack, so entities can key dicts and sets.
    """

    id: str
    name: str
    type: str
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=_no_forms)
    kb_id: str | None = None
    member_of: tuple[str, ...] = ()
    country: str | None = None
    capital_of: str | None = None
    metonym_for: str | None = None
    lat: float | None = None
    lon: float | None = None
    nationality: str | None = None
    demonyms: Mapping[str, tuple[str, ...]] = field(default_factory=_no_forms)
    ambiguous: frozenset[str] = frozenset()

    def __hash__(self) -> int:
        return hash(self.id)

    def forms(self, lang: str) -> tuple[str, ...]:
        """Canonical name, then the forms of ``lang``, then language-neutral forms."""
        seen: dict[str, None] = {self.name: None}
        for key in (lang, ANY_LANG):
            for form in self.aliases.get(key, ()):
                seen.setdefault(form, None)
        return tuple(seen)

    def is_ambiguous(self, form: str) -> bool:
        """Whether the pack marks ``form`` as shared with another entity of this type."""
        return fold(form) in self.ambiguous


@dataclass(frozen=True, slots=True)
class Title:
    """A rank, office or honorific that code strips from a name and keeps as an attribute.

    ``key`` is the normalized value stored ("brigadier_general"), ``forms``
    the printed forms per language; titles are matched case-insensitively
    because they are capitalized before a name and not elsewhere.
    """

    key: str
    kind: str
    forms: Mapping[str, tuple[str, ...]] = field(default_factory=_no_forms)


@dataclass(frozen=True, slots=True)
class EventCues:
    """Words that signal one event type in one language.

    ``verbs`` and ``nouns`` are single lemmas ("withdraw", "retrait"), to
    compare with a token's lemma; ``patterns`` are multi-word phrases in
    their usual printed form ("pull out of", "coup d'État"), to match
    case-insensitively on the text. A cue is evidence, not a verdict: one word
    may cue several types ("dénoncer" a treaty or an enemy), and code
    decides from the sentence.
    """

    event_type: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Event cues of one language, by event type."""

    lang: str
    cues: Mapping[str, EventCues] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class _Index:
    """Lookup tables built once per pack; a pack is small, so all languages up front."""

    by_id: Mapping[str, PackEntity]
    exact: Mapping[str, Mapping[str, tuple[PackEntity, ...]]]
    folded: Mapping[str, Mapping[str, tuple[PackEntity, ...]]]
    demonyms: Mapping[str, Mapping[str, PackEntity]]
    titles: Mapping[str, tuple[tuple[str, Title], ...]]
    titles_folded: Mapping[str, Mapping[str, Title]]
    states: frozenset[str]

    @classmethod
    def build(cls, pack: DomainPack) -> _Index:
        langs = (*pack.languages, ANY_LANG)
        exact: dict[str, dict[str, list[PackEntity]]] = {lang: {} for lang in langs}
        folded: dict[str, dict[str, list[PackEntity]]] = {lang: {} for lang in langs}
        demonyms: dict[str, dict[str, PackEntity]] = {lang: {} for lang in langs}
        for entity in pack.entities:
            for lang in langs:
                for form in entity.forms(lang):
                    _add(exact[lang], normalize_form(form), entity)
                    _add(folded[lang], fold(form), entity)
                for key in {lang, ANY_LANG}:
                    for word in entity.demonyms.get(key, ()):
                        demonyms[lang].setdefault(fold(word), entity)
        titles: dict[str, tuple[tuple[str, Title], ...]] = {}
        titles_folded: dict[str, Mapping[str, Title]] = {}
        for lang in langs:
            pairs = [
                (form, title)
                for title in pack.titles
                for key in dict.fromkeys((lang, ANY_LANG))
                for form in title.forms.get(key, ())
            ]
            # Longest first, so "Brigadier-General" is stripped before "General" can match.
            pairs.sort(key=lambda pair: (-len(pair[0]), pair[0]))
            titles[lang] = tuple(pairs)
            titles_folded[lang] = MappingProxyType({fold(f): t for f, t in reversed(pairs)})
        return cls(
            by_id=MappingProxyType({e.id: e for e in pack.entities}),
            exact=_freeze(exact),
            folded=_freeze(folded),
            demonyms=MappingProxyType({k: MappingProxyType(v) for k, v in demonyms.items()}),
            titles=MappingProxyType(titles),
            titles_folded=MappingProxyType(titles_folded),
            states=frozenset(e.id for e in pack.entities if e.type == "GPE" and not e.country),
        )


def _add(table: dict[str, list[PackEntity]], key: str, entity: PackEntity) -> None:
    bucket = table.setdefault(key, [])
    if entity not in bucket:
        bucket.append(entity)


def _freeze(
    tables: dict[str, dict[str, list[PackEntity]]],
) -> Mapping[str, Mapping[str, tuple[PackEntity, ...]]]:
    return MappingProxyType(
        {
            lang: MappingProxyType({k: tuple(v) for k, v in table.items()})
            for lang, table in tables.items()
        }
    )


@dataclass(frozen=True, slots=True)
class DomainPack:
    """A validated pack: its metadata, entities, titles and event lexicons.

    Every lookup takes a language; a language the pack does not declare
    (say, a German article) still sees canonical names and language-neutral
    forms, which is what a reader of that language would recognize too.
    """

    id: str
    name: str
    languages: tuple[str, ...]
    entities: tuple[PackEntity, ...]
    titles: tuple[Title, ...] = ()
    lexicons: Mapping[str, Lexicon] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""
    version: str = ""
    source: str = ""
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.build(self))

    def entity(self, entity_id: str) -> PackEntity:
        """The entity with this id; ``KeyError`` if the pack has none."""
        try:
            return self._index.by_id[entity_id]
        except KeyError:
            raise KeyError(f"pack {self.id!r} has no entity {entity_id!r}") from None

    def get(self, entity_id: str) -> PackEntity | None:
        """The entity with this id, or ``None``."""
        return self._index.by_id.get(entity_id)

    @property
    def states(self) -> frozenset[str]:
        """Ids of sovereign states: places with no country above them."""
        return self._index.states

    def of_type(self, entity_type: str) -> tuple[PackEntity, ...]:
        """Entities of one type, in pack order."""
        return tuple(e for e in self.entities if e.type == entity_type)

    def surface_forms(self, lang: str) -> Iterator[tuple[str, PackEntity]]:
        """Every (form, entity) a text in ``lang`` may print: what a matcher is built from."""
        for entity in self.entities:
            for form in entity.forms(lang):
                yield form, entity

    def lookup(self, form: str, lang: str, *, fold_case: bool = False) -> tuple[PackEntity, ...]:
        """Entities printed as ``form`` in ``lang``; more than one means ambiguous.

        The exact lookup only forgives typography (apostrophes, dashes, white
        space); ``fold_case=True`` also ignores case and accents, for forms in
        all-caps datelines ("BAMAKO") or headlines.
        """
        if fold_case:
            return self._table(self._index.folded, lang).get(fold(form), ())
        return self._table(self._index.exact, lang).get(normalize_form(form), ())

    def demonym_index(self, lang: str) -> Mapping[str, PackEntity]:
        """Folded demonym (``"malien"``, ``"burkinabe"``) to the state it relates to.

        A demonym links "Malian authorities" to Mali as a relation; it is not a
        mention of Mali.
        """
        return self._table(self._index.demonyms, lang)

    def demonym(self, word: str, lang: str) -> PackEntity | None:
        """The state a demonym or nationality adjective refers to, whatever its case."""
        return self.demonym_index(lang).get(fold(word))

    def title_forms(self, lang: str) -> tuple[tuple[str, Title], ...]:
        """(printed form, title) pairs for ``lang``, longest form first."""
        return self._index.titles.get(lang, self._index.titles[ANY_LANG])

    def title(self, form: str, lang: str) -> Title | None:
        """The title printed as ``form`` (case and accents ignored), or ``None``."""
        return self._table(self._index.titles_folded, lang).get(fold(form))

    def event_cues(self, lang: str) -> Mapping[str, EventCues]:
        """Event cues of ``lang`` by event type; empty if the pack has no lexicon for it."""
        lexicon = self.lexicons.get(lang)
        return lexicon.cues if lexicon is not None else MappingProxyType({})

    @staticmethod
    def _table(tables: Mapping[str, Mapping[str, _V]], lang: str) -> Mapping[str, _V]:
        return tables.get(lang, tables[ANY_LANG])
