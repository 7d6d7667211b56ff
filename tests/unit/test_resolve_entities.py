"""Cross-article entity resolution on hand-built analyses."""

from __future__ import annotations

from sahelwatch.domain import default_pack
from sahelwatch.model import ArticleAnalysis, Mention, NationalityRef
from sahelwatch.resolve.entities import EntityResolver

PACK = default_pack()


def mention(
    text: str,
    entity_type: str,
    *,
    name: str | None = None,
    pack_id: str | None = None,
    role: str = "name",
) -> Mention:
    name = name or text
    key = f"pack:{pack_id}" if pack_id else f"{entity_type}:{name.casefold()}"
    return Mention(0, len(text), text, entity_type, key, name, pack_id, role)  # type: ignore[arg-type]


def analysis(
    article_id: str, *mentions: Mention, nationalities: tuple[NationalityRef, ...] = ()
) -> ArticleAnalysis:
    return ArticleAnalysis(article_id, "en", "t", mentions=mentions, nationalities=nationalities)


def test_resolve_pack_entities_meet_across_spellings() -> None:
    resolver = EntityResolver(PACK)
    first = resolver.resolve(
        analysis("a", mention("Abdourahamane Tiani", "PERSON", pack_id="abdourahamane_tiani"))
    )
    second = resolver.resolve(
        analysis("b", mention("Abdourahamane Tchiani", "PERSON", pack_id="abdourahamane_tiani"))
    )
    assert (
        first.entity_of == second.entity_of == {"pack:abdourahamane_tiani": "abdourahamane_tiani"}
    )
    assert [e.id for e in first.new_entities] == ["abdourahamane_tiani"]
    assert second.new_entities == []  # known since the first article: nothing recomputed


def test_resolve_other_names_join_by_folded_form() -> None:
    resolver = EntityResolver(PACK)
    first = resolver.resolve(analysis("a", mention("Mariam Kéita Diallo", "PERSON")))
    second = resolver.resolve(analysis("b", mention("MARIAM KEITA DIALLO", "PERSON")))
    assert (
        first.entity_of["PERSON:mariam kéita diallo"]
        == second.entity_of["PERSON:mariam keita diallo"]
    )


def test_resolve_close_spelling_of_a_person_needs_the_same_surname() -> None:
    resolver = EntityResolver(PACK)
    base = resolver.resolve(analysis("a", mention("Oumarou Hamidou Tchana", "PERSON")))
    typo = resolver.resolve(analysis("b", mention("Oumarou Hamidu Tchana", "PERSON")))
    other = resolver.resolve(analysis("c", mention("Oumarou Hamidou Tchara", "PERSON")))
    assert (
        typo.entity_of["PERSON:oumarou hamidu tchana"]
        == base.entity_of["PERSON:oumarou hamidou tchana"]
    )
    assert (
        other.entity_of["PERSON:oumarou hamidou tchara"]
        != base.entity_of["PERSON:oumarou hamidou tchana"]
    )


def test_resolve_type_guards_the_match() -> None:
    resolver = EntityResolver(PACK)
    person = resolver.resolve(analysis("a", mention("Lincoln", "PERSON")))
    place = resolver.resolve(analysis("b", mention("Lincoln", "GPE")))
    assert person.entity_of["PERSON:lincoln"] != place.entity_of["GPE:lincoln"]


def test_resolve_never_merges_two_pack_entities() -> None:
    resolver = EntityResolver(PACK)
    result = resolver.resolve(
        analysis(
            "a",
            mention("Niger", "GPE", pack_id="niger"),
            mention("Nigeria", "GPE", pack_id="nigeria"),
        )
    )
    assert result.entity_of["pack:niger"] != result.entity_of["pack:nigeria"]


def test_resolve_nationality_creates_its_state() -> None:
    resolver = EntityResolver(PACK)
    result = resolver.resolve(
        analysis("a", nationalities=(NationalityRef(0, 6, "Malian", "mali"),))
    )
    assert result.entity_of == {"pack:mali": "mali"}


def test_resolve_new_places_are_geocoded_offline() -> None:
    resolver = EntityResolver(PACK)
    result = resolver.resolve(analysis("a", mention("Nairobi", "GPE")))
    place = result.new_entities[0]
    assert place.lat is not None and -2 < place.lat < 0
    assert place.lon is not None and 36 < place.lon < 38


def test_resolve_ids_are_stable_across_databases() -> None:
    one = EntityResolver(PACK).resolve(analysis("a", mention("Gnaka Lagoke", "PERSON")))
    two = EntityResolver(PACK).resolve(analysis("z", mention("Gnaka Lagoke", "PERSON")))
    assert one.entity_of == two.entity_of
