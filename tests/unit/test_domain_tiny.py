"""An invented region loads through the same code: nothing in the loader is Sahel-specific."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelwatch.domain import DomainPack, PackEntity, load_pack

TINY = Path(__file__).parent / "packs" / "tiny"


@pytest.fixture(scope="module")
def tiny() -> DomainPack:
    return load_pack(TINY)


def test_domain_tiny_pack_loads_from_a_path(tiny: DomainPack) -> None:
    assert (tiny.id, tiny.name, tiny.version) == ("tiny", "Tiny Isles", "0.1")
    assert tiny.languages == ("en", "es")
    assert [e.id for e in tiny.entities] == [
        "aldoria",
        "belmark",
        "port_senn",
        "reef_league",
        "mira_okonde",
    ]
    assert load_pack(str(TINY)) == tiny


def test_domain_tiny_pack_structure(tiny: DomainPack) -> None:
    port = tiny.entity("port_senn")
    assert (port.country, port.capital_of, port.metonym_for) == ("aldoria", "aldoria", "aldoria")
    assert (port.lat, port.lon) == (-12.51, 171.3)
    assert tiny.entity("mira_okonde").nationality == "aldoria"
    assert tiny.entity("belmark").member_of == ("reef_league",)


def test_domain_tiny_surface_forms_per_language(tiny: DomainPack) -> None:
    league = tiny.entity("reef_league")
    en = [form for form, entity in tiny.surface_forms("en") if entity == league]
    es = [form for form, entity in tiny.surface_forms("es") if entity == league]
    assert en == ["League of Reef States", "Reef League", "LRS"]
    assert es == ["League of Reef States", "Liga de Estados del Arrecife", "LRS"]
    # A language the pack does not declare still sees names and neutral forms.
    assert [f for f, e in tiny.surface_forms("de") if e == league] == [
        "League of Reef States",
        "LRS",
    ]


def test_domain_tiny_lookups(tiny: DomainPack) -> None:
    aldoria = tiny.entity("aldoria")
    assert tiny.lookup("Puerto Senn", "es") == (tiny.entity("port_senn"),)
    assert tiny.lookup("Puerto Senn", "en") == ()
    assert tiny.lookup("Mira Okondé", "en") == (tiny.entity("mira_okonde"),)
    assert tiny.demonym("Aldorians", "en") == aldoria
    assert tiny.demonym("aldoriana", "es") == aldoria
    title = tiny.title("Gran Almirante", "es")
    assert title is not None and (title.key, title.kind) == ("grand_admiral", "military_rank")
    assert tiny.title_forms("en")[0][0] == "Grand Admiral"
    assert tiny.event_cues("en")["summit"].nouns == ("summit",)
    assert tiny.event_cues("es") == {}


def test_domain_entities_hash_by_id(tiny: DomainPack) -> None:
    aldoria = tiny.entity("aldoria")
    assert {aldoria: 1}[tiny.lookup("Aldoria", "en")[0]] == 1
    assert len(set(tiny.entities)) == len(tiny.entities)
    assert tiny.get("atlantis") is None
    with pytest.raises(KeyError, match="atlantis"):
        tiny.entity("atlantis")


def test_domain_pack_can_be_built_in_code() -> None:
    pack = DomainPack(
        id="x",
        name="X",
        languages=("en",),
        entities=(PackEntity(id="a", name="Alpha", type="GPE", aliases={"en": ("Alfa",)}),),
    )
    assert [e.id for e in pack.lookup("alfa", "en", fold_case=True)] == ["a"]
