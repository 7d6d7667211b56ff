"""Each mention repair rule on sentences written for the tests.

Rules are checked on docs parsed by the real English model; where a rule
fixes a specific model mistake, the mistaken span is set by hand so the test
does not depend on the model making that mistake today.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc, Span

from sahelwatch.domain import default_pack
from sahelwatch.nlp.mentions import extract_mentions, rules
from sahelwatch.nlp.mentions.candidates import Candidate

pytestmark = pytest.mark.slow
PACK = default_pack()


def parse(nlp: Any, text: str) -> Doc:
    """Tagged and parsed, with no entities: tests place their own."""
    with nlp.select_pipes(disable=["ner", "sahelwatch_pack_ruler"]):
        return nlp(text)  # type: ignore[no-any-return]


def span_of(doc: Doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span.start, span.end


def ner(doc: Doc, text: str, label: str) -> Candidate:
    start, end = span_of(doc, text)
    return Candidate(start, end, label, "ner")


def mentions(nlp: Any, text: str) -> list[tuple[str, str, str, str]]:
    found, _ = extract_mentions(nlp(text), nlp, PACK, "en")
    return [(m.text, m.type, m.role, m.name) for m in found]


def test_mentions_possessive_splits_a_state_from_its_leader(en_nlp: Any) -> None:
    doc = parse(en_nlp, "Ghana's Kwame Asante Boateng opened the session on Friday.")
    cands = rules.split_possessives(doc, [ner(doc, "Ghana's Kwame Asante Boateng", "ORG")])
    assert [(c.text(doc), c.label) for c in cands] == [
        ("Ghana", "GPE"),
        ("Kwame Asante Boateng", "PERSON"),
    ]


def test_mentions_rank_is_an_attribute_not_part_of_the_name(en_nlp: Any) -> None:
    found, _ = extract_mentions(
        en_nlp("Colonel Idrissa Kabore Sawadogo inspected the troops in Dori."), en_nlp, PACK, "en"
    )
    person = next(m for m in found if m.type == "PERSON")
    assert person.text == "Idrissa Kabore Sawadogo"
    assert [(a.kind, a.key, a.text) for a in person.attributes] == [
        ("military_rank", "colonel", "Colonel")
    ]


def test_mentions_title_printed_before_the_name_is_attached(en_nlp: Any) -> None:
    found, _ = extract_mentions(
        en_nlp("The talks were led by Prime Minister Oumarou Sanda of the host nation."),
        en_nlp,
        PACK,
        "en",
    )
    person = next(m for m in found if m.type == "PERSON")
    assert person.name == "Oumarou Sanda"
    assert [a.key for a in person.attributes] == ["prime_minister"]


def test_mentions_country_read_as_person_is_the_country(en_nlp: Any) -> None:
    doc = parse(en_nlp, "Take Mali, for example, where the army has grown.")
    cands = rules.trim_edges(doc, [ner(doc, "Take Mali", "PERSON")])
    cands = rules.link_to_pack(doc, cands, PACK, "en")
    assert [(c.text(doc), c.label, c.pack_id) for c in cands] == [("Mali", "GPE", "mali")]


def test_mentions_headings_are_not_entities(en_nlp: Any) -> None:
    text = "Regional Reactions\nThe ministers of several states met in the capital on Monday."
    doc = parse(en_nlp, text)
    cands = rules.drop_headings(doc, [ner(doc, "Regional Reactions", "ORG")])
    assert cands == []


def test_mentions_label_before_a_colon_is_not_an_entity(en_nlp: Any) -> None:
    doc = parse(en_nlp, "- Joint Patrols: the three armies agreed to share fuel depots.")
    assert rules.drop_headings(doc, [ner(doc, "Joint Patrols", "ORG")]) == []


def test_mentions_nationality_adjective_is_a_relation(en_nlp: Any) -> None:
    found, refs = extract_mentions(
        en_nlp("Malian authorities rejected the report, and Nigerien officials stayed silent."),
        en_nlp,
        PACK,
        "en",
    )
    assert found == []
    assert [(r.text, r.pack_id) for r in refs] == [("Malian", "mali"), ("Nigerien", "niger")]


def test_mentions_demonym_read_as_person_becomes_a_relation(en_nlp: Any) -> None:
    doc = parse(en_nlp, "The Nigerien delegation arrived late.")
    kept, refs = rules.nationalities(doc, [ner(doc, "Nigerien", "PERSON")], PACK, "en")
    assert kept == []
    assert [r.pack_id for r in refs] == ["niger"]


def test_mentions_party_name_in_norp_is_an_organisation(en_nlp: Any) -> None:
    doc = parse(en_nlp, "The foundation is close to the Social Democrats in Berlin.")
    kept, _ = rules.nationalities(doc, [ner(doc, "Social Democrats", "NORP")], PACK, "en")
    assert [(c.text(doc), c.label) for c in kept] == [("Social Democrats", "ORG")]


def test_mentions_surname_alone_is_the_same_person(en_nlp: Any) -> None:
    found = mentions(
        en_nlp,
        "Analyst Marta Kowalczyk Berg said the plan was risky. "
        "Berg added that funding was unclear.",
    )
    people = [m for m in found if m[1] == "PERSON"]
    assert {m[3] for m in people} == {"Marta Kowalczyk Berg"}
    assert ("Berg", "PERSON", "surname", "Marta Kowalczyk Berg") in people


def test_mentions_pack_person_surname_alone(en_nlp: Any) -> None:
    found = mentions(en_nlp, "Observers expect Goïta to remain in charge until the vote.")
    assert ("Goïta", "PERSON", "surname", "Assimi Goïta") in found


def test_mentions_parenthesised_acronym_names_the_same_entity(en_nlp: Any) -> None:
    found = mentions(
        en_nlp,
        "The Sahel Water Research Institute (SWRI) published a survey. "
        "The SWRI said wells were drying up.",
    )
    names = {m[3] for m in found if m[0] == "SWRI"}
    assert names == {"Sahel Water Research Institute"}


def test_mentions_acronym_known_to_the_pack_as_another_entity_is_not_relinked(
    en_nlp: Any,
) -> None:
    found = mentions(en_nlp, "The regional branch of Islamic State (ISWAP) claimed the raid.")
    assert ("ISWAP", "GROUP", "name", "Islamic State West Africa Province") in found


def test_mentions_capital_acting_is_its_government(en_nlp: Any) -> None:
    found = mentions(en_nlp, "Niamey rejected the accusation on Thursday.")
    assert ("Niamey", "GPE", "metonym", "Niger") in found


def test_mentions_capital_possessive_decision_is_its_government(en_nlp: Any) -> None:
    found = mentions(en_nlp, "Ouagadougou's decision surprised its partners.")
    assert ("Ouagadougou", "GPE", "metonym", "Burkina Faso") in found


def test_mentions_capital_as_a_place_stays_a_city(en_nlp: Any) -> None:
    found = mentions(en_nlp, "The delegation flew to Niamey and visited Ouagadougou's airport.")
    assert ("Niamey", "GPE", "name", "Niamey") in found
    assert ("Ouagadougou", "GPE", "name", "Ouagadougou") in found


def test_mentions_dateline_city_is_a_place(en_nlp: Any) -> None:
    found = mentions(en_nlp, "NIAMEY, Niger — Officials announced new curfews on Sunday.")
    assert found[0] == ("NIAMEY", "GPE", "name", "Niamey")


def test_mentions_place_inside_an_institution_name_is_the_institution(en_nlp: Any) -> None:
    found = mentions(en_nlp, "A study by the Sahel Water Research Institute was published.")
    assert (
        "Sahel Water Research Institute",
        "ORG",
        "name",
        "Sahel Water Research Institute",
    ) in found


def test_mentions_country_institution_is_an_organisation(en_nlp: Any) -> None:
    doc = parse(en_nlp, "A spokesman for the French Embassy declined to comment.")
    start, end = span_of(doc, "French")
    out = rules.institutions(doc, [Candidate(start, end, "GPE", "pack", pack_id="france")])
    assert [(c.text(doc), c.label) for c in out] == [("French Embassy", "ORG")]


def test_mentions_spans_do_not_cross_line_breaks(en_nlp: Any) -> None:
    doc = parse(en_nlp, "Water and Power Outlook\n\nRains came late this year.")
    start, _ = span_of(doc, "Water")
    _, end = span_of(doc, "Rains")
    pieces = rules.split_lines(doc, [Candidate(start, end, "ORG", "ner")])
    assert [c.text(doc) for c in pieces] == ["Water and Power Outlook"]


def test_mentions_given_name_read_as_a_verb_is_kept(en_nlp: Any) -> None:
    doc = parse(en_nlp, "The envoy, Will Hartley, met the minister.")
    out = rules.extend_person_names(doc, [ner(doc, "Hartley", "PERSON")])
    assert [c.text(doc) for c in out] == ["Will Hartley"]


def test_mentions_generic_words_are_not_names(en_nlp: Any) -> None:
    doc = parse(en_nlp, "He met the ministers of Foreign Affairs and Security.")
    assert rules.drop_generic(doc, [ner(doc, "Foreign Affairs", "ORG")]) == []


def test_mentions_person_read_as_org_is_a_person_when_surname_is(en_nlp: Any) -> None:
    from sahelwatch.nlp.mentions import linking

    doc = parse(en_nlp, "Oskar Lindqvist wrote the report. Lindqvist said it was late.")
    cands = [ner(doc, "Oskar Lindqvist", "ORG"), ner(doc, "Lindqvist said", "PERSON")]
    cands[1] = cands[1].with_range(cands[1].start, cands[1].start + 1)
    out = linking.people_by_surname(doc, cands)
    assert out[0].label == "PERSON"


def test_mentions_spans_slice_the_body(en_nlp: Any) -> None:
    text = "BAMAKO, Mali — Colonel Assimi Goïta met Niger's Abdourahamane Tchiani on Monday."
    found, _ = extract_mentions(en_nlp(text), en_nlp, PACK, "en")
    assert all(text[m.start : m.end] == m.text for m in found)
    assert {m.name for m in found} >= {"Assimi Goïta", "Abdourahamane Tiani", "Niger"}


def test_mentions_french_titles_and_pack_names(fr_nlp: Any) -> None:
    text = "Le général Abdourahamane Tiani a reçu à Niamey le capitaine Ibrahim Traoré."
    found, _ = extract_mentions(fr_nlp(text), fr_nlp, PACK, "fr")
    people = {m.name: [a.key for a in m.attributes] for m in found if m.type == "PERSON"}
    assert people == {"Abdourahamane Tiani": ["general"], "Ibrahim Traoré": ["captain"]}


def test_mentions_span_helper_is_consistent(en_nlp: Any) -> None:
    doc = parse(en_nlp, "Alpha Beta")
    assert isinstance(doc[0:1], Span)


def test_mentions_capital_in_relations_is_its_government(en_nlp: Any) -> None:
    found = mentions(en_nlp, "The junta in Niamey has built closer ties with Ouagadougou.")
    assert ("Ouagadougou", "GPE", "metonym", "Burkina Faso") in found
    assert ("Niamey", "GPE", "name", "Niamey") in found


def test_mentions_french_capital_in_relations_is_its_government(fr_nlp: Any) -> None:
    found, _ = extract_mentions(
        fr_nlp("Les relations entre la junte et Paris se sont dégradées."), fr_nlp, PACK, "fr"
    )
    assert [(m.text, m.role, m.name) for m in found if m.text == "Paris"] == [
        ("Paris", "metonym", "France")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "fr",
            "Le ministre a annoncé une force unifiée de l'AES à Niamey.",
            "force unifiée de l'AES",
        ),
        (
            "en",
            "They announced the unified force of the Alliance of Sahel States on Monday.",
            "unified force of the Alliance of Sahel States",
        ),
    ],
)
def test_mentions_long_name_with_a_lower_case_head(
    lang: str, text: str, name: str, en_nlp: Any, fr_nlp: Any
) -> None:
    nlp = fr_nlp if lang == "fr" else en_nlp
    found, _ = extract_mentions(nlp(text), nlp, PACK, lang)
    assert [(m.text, m.key) for m in found if m.key == "pack:fu_aes"] == [(name, "pack:fu_aes")]


def test_mentions_a_lone_common_noun_is_no_name(fr_nlp: Any) -> None:
    text = "Une force de police a été déployée au marché."
    found, _ = extract_mentions(fr_nlp(text), fr_nlp, PACK, "fr")
    assert all(m.key != "pack:fu_aes" for m in found)
