"""The bundled Sahel pack loads, validates, and resolves the aliases articles print."""

from __future__ import annotations

import time

import pytest

from sahelwatch.domain import EVENT_TYPES, DomainPack, PackEntity, default_pack, load_pack


@pytest.fixture(scope="module")
def sahel() -> DomainPack:
    return load_pack("sahel")


def ids(entities: tuple[PackEntity, ...]) -> list[str]:
    return [e.id for e in entities]


def test_domain_sahel_pack_loads_with_metadata(sahel: DomainPack) -> None:
    assert sahel.id == "sahel"
    assert sahel.languages == ("en", "fr")
    assert sahel.source == "packs/sahel"
    assert len(sahel.entities) > 200
    assert {"PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER"} <= {
        e.type for e in sahel.entities
    }


def test_domain_default_pack_is_cached_sahel() -> None:
    assert default_pack() is default_pack()
    assert default_pack().id == "sahel"


def test_domain_sahel_loads_fast() -> None:
    load_pack("sahel")  # warm the import and the folding caches
    started = time.perf_counter()
    load_pack("sahel")
    # The budget is well under 100 ms; the bound leaves room for a loaded CI machine.
    assert time.perf_counter() - started < 0.5


def test_domain_tchiani_is_tiani(sahel: DomainPack) -> None:
    tiani = sahel.entity("abdourahamane_tiani")
    assert tiani.name == "Abdourahamane Tiani"
    assert sahel.lookup("Abdourahamane Tchiani", "en") == (tiani,)
    assert sahel.lookup("Abdourahamane Tiani", "fr") == (tiani,)


@pytest.mark.parametrize(
    ("form", "lang", "expected"),
    [
        ("CEDEAO", "fr", "ecowas"),
        ("ECOWAS", "en", "ecowas"),
        ("Communauté économique des États de l'Afrique de l'Ouest", "fr", "ecowas"),
        ("AES", "en", "aes"),
        ("Sahel States Alliance", "en", "aes"),
        ("Alliance des États du Sahel", "fr", "aes"),
        ("Confédération AES", "fr", "aes"),
        ("Confederation of Sahel States", "en", "aes"),
        ("FU-AES", "fr", "fu_aes"),
        ("United Force of the Alliance of Sahel States", "en", "fu_aes"),
        ("BCID-AES", "fr", "bcid_aes"),
        ("AES TV", "en", "aes_tv"),
        ("passeport AES", "fr", "aes_passport"),
        ("U.S.", "en", "united_states"),
        ("États-Unis", "fr", "united_states"),
        ("UEMOA", "en", "uemoa"),
        ("Union africaine", "fr", "au"),
        ("ONU", "fr", "un"),
        ("GSIM", "fr", "jnim"),
        ("Group for the Support of Islam and Muslims", "en", "jnim"),
        ("EIGS", "fr", "is_sahel"),
        ("Al-Qaïda", "fr", "al_qaeda"),
        ("AQMI", "fr", "aqim"),
        ("African Corps", "en", "africa_corps"),
        ("Russian Defence Ministry", "en", "russian_defence_ministry"),
        ("Armed Forces of Niger", "en", "niger_armed_forces"),
        ("FAMa", "fr", "fama"),
        ("DW", "en", "deutsche_welle"),
        ("Assimi Goita", "en", "assimi_goita"),
        ("Ibrahim Traore", "en", "ibrahim_traore"),
        ("Vladimir Poutine", "fr", "vladimir_putin"),
    ],
)
def test_domain_sahel_aliases_resolve(
    sahel: DomainPack, form: str, lang: str, expected: str
) -> None:
    assert ids(sahel.lookup(form, lang)) == [expected]


def test_domain_lookup_forgives_typography_and_optionally_case(sahel: DomainPack) -> None:
    # Articles print curly apostrophes; the pack lists straight ones.
    assert ids(sahel.lookup("Côte d\u2019Ivoire", "fr")) == ["cote_d_ivoire"]
    assert sahel.lookup("BAMAKO", "en") == ()
    assert ids(sahel.lookup("BAMAKO", "en", fold_case=True)) == ["bamako"]


def test_domain_french_forms_stay_french(sahel: DomainPack) -> None:
    assert sahel.lookup("Union africaine", "en") == ()
    assert ids(sahel.lookup("AU", "en")) == ["au"]
    assert sahel.lookup("AU", "fr") == ()  # "au" is a French preposition


def test_domain_capitals_stand_for_their_government(sahel: DomainPack) -> None:
    expected = {
        "bamako": "mali",
        "niamey": "niger",
        "ouagadougou": "burkina_faso",
        "washington_dc": "united_states",
        "paris": "france",
        "moscow": "russia",
        "brussels": "eu",
        "abuja": "nigeria",
    }
    for city, target in expected.items():
        assert sahel.entity(city).metonym_for == target
    bamako = sahel.entity("bamako")
    assert (bamako.country, bamako.capital_of, bamako.type) == ("mali", "mali", "GPE")
    assert bamako.lat is not None and bamako.lon is not None
    # A capital is not an alias of its state: "Bamako" names the city.
    assert ids(sahel.lookup("Washington", "en")) == ["washington_dc"]


def test_domain_demonyms_map_to_states(sahel: DomainPack) -> None:
    mali = sahel.entity("mali")
    assert sahel.demonym("Malian", "en") == mali
    assert sahel.demonym("malien", "fr") == mali
    assert sahel.demonym("Maliennes", "fr") == mali
    assert sahel.demonym("Nigérien", "en") == sahel.entity("niger")
    assert sahel.demonym("Nigerian", "en") == sahel.entity("nigeria")
    assert sahel.demonym("burkinabè", "fr") == sahel.entity("burkina_faso")
    assert sahel.demonym("Burkinabe", "en") == sahel.entity("burkina_faso")
    assert sahel.demonym("américain", "fr") == sahel.entity("united_states")
    assert sahel.demonym("Martian", "en") is None
    assert "malian" in sahel.demonym_index("en")


def test_domain_titles_have_kinds(sahel: DomainPack) -> None:
    brigadier = sahel.title("Brigadier-General", "en")
    assert brigadier is not None
    assert (brigadier.key, brigadier.kind) == ("brigadier_general", "military_rank")
    assert sahel.title("général de brigade", "fr") == brigadier
    president = sahel.title("président de la Transition", "fr")
    assert president is not None and president.kind == "office"
    assert sahel.title("Premier ministre", "fr") == sahel.title("Prime Minister", "en")
    assert sahel.title("Colonel", "en") is not None
    assert sahel.title("capitaine", "fr") == sahel.title("Captain", "en")


def test_domain_title_forms_put_longer_forms_first(sahel: DomainPack) -> None:
    forms = [form for form, _ in sahel.title_forms("fr")]
    assert forms.index("général de brigade") < forms.index("général")
    lengths = [len(form) for form in forms]
    assert lengths == sorted(lengths, reverse=True)


def test_domain_aes_members_and_affiliations(sahel: DomainPack) -> None:
    members = {e.id for e in sahel.entities if "aes" in e.member_of}
    assert members == {"mali", "niger", "burkina_faso"}
    assert set(sahel.entity("mali").member_of) == {"aes", "uemoa", "au", "un"}
    assert sahel.entity("jnim").member_of == ("al_qaeda",)
    assert sahel.entity("wagner_group").type == "GROUP"
    assert sahel.entity("africa_corps").type == "GROUP"
    assert sahel.entity("aes_passport").type == "OTHER"


def test_domain_known_kb_ids(sahel: DomainPack) -> None:
    expected = {
        "mali": "Q912",
        "niger": "Q1032",
        "burkina_faso": "Q965",
        "france": "Q142",
        "russia": "Q159",
        "united_states": "Q30",
        "nigeria": "Q1033",
        "ecowas": "Q161549",
        "au": "Q7159",
        "eu": "Q458",
        "un": "Q1065",
    }
    assert {k: sahel.entity(k).kb_id for k in expected} == expected


def test_domain_person_aliases_are_never_a_surname_alone(sahel: DomainPack) -> None:
    """Surnames are shared (two Traorés in one government); code resolves them in context."""
    for person in sahel.of_type("PERSON"):
        for lang in sahel.languages:
            for form in person.forms(lang):
                assert len(form.split()) >= 2 or form.isupper(), (person.id, form)


def test_domain_every_state_has_demonyms_in_both_languages(sahel: DomainPack) -> None:
    for state in sahel.of_type("GPE"):
        if state.capital_of is None and state.country is None:
            assert set(state.demonyms) >= {"en", "fr"}, state.id


def test_domain_cnsp_is_a_marked_ambiguity(sahel: DomainPack) -> None:
    juntas = sahel.lookup("CNSP", "fr")
    assert ids(juntas) == ["cnsp_mali", "cnsp_niger"]
    assert all(junta.is_ambiguous("CNSP") for junta in juntas)
    assert not sahel.entity("aes").is_ambiguous("AES")


def test_domain_sahel_lexicons_cover_every_event_type(sahel: DomainPack) -> None:
    for lang in sahel.languages:
        cues = sahel.event_cues(lang)
        assert set(cues) == set(EVENT_TYPES), lang
        for event_type, cue in cues.items():
            assert cue.verbs or cue.nouns, (lang, event_type)
            assert all(" " not in word for word in (*cue.verbs, *cue.nouns))
    assert "withdraw" in sahel.event_cues("en")["withdrawal"].verbs
    assert "retrait" in sahel.event_cues("fr")["withdrawal"].nouns
    assert "coup d'État" in sahel.event_cues("fr")["coup"].patterns
