"""One written-for-the-test sentence per event type, through the real pipeline."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from sahelwatch.domain import default_pack
from sahelwatch.model import Article, EventMention
from sahelwatch.nlp.events import extract_events
from sahelwatch.nlp.mentions import extract_mentions
from sahelwatch.nlp.timex import find_time_expressions

pytestmark = pytest.mark.slow
PACK = default_pack()
_ = datetime.now(UTC)


def events(
    nlp: Any, text: str, *, published: str | None = "2025-03-12", lang: str = "en"
) -> list[EventMention]:
    article = Article("t", "k", "file:///t.txt", None, None, published, "text", lang, text)
    doc = nlp(text)
    mentions, refs = extract_mentions(doc, nlp, PACK, lang)
    timexes = find_time_expressions(text, lang=lang, publication_date=published)
    return extract_events(doc, nlp, article, mentions, refs, timexes, PACK, lang)


def only(found: list[EventMention], event_type: str) -> EventMention:
    matching = [e for e in found if e.type == event_type]
    assert len(matching) == 1, [(e.type, e.trigger) for e in found]
    return matching[0]


CASES = [
    (
        "summit",
        "Heads of state of the three countries opened their annual summit in Niamey on 14 February 2025.",
        "2025-02-14",
        "pack:niamey",
    ),
    (
        "meeting_visit",
        "The Chadian foreign minister visited Ouagadougou on Tuesday and met Ibrahim Traoré.",
        "2025-03-11",
        "pack:ouagadougou",
    ),
    (
        "agreement_treaty",
        "In Dakar on 3 March 2025, Senegal and Mali signed a treaty on cross-border trade.",
        "2025-03-03",
        "pack:dakar",
    ),
    (
        "alliance_formation",
        "In 2023 the three juntas formed a new alliance to pool their armies.",
        "2023",
        None,
    ),
    (
        "withdrawal",
        "Niger withdrew from the Economic Community of West African States in January 2025.",
        "2025-01",
        None,
    ),
    (
        "force_creation",
        "The defence ministers announced the creation of a joint force of 4,000 soldiers in Bamako last month.",
        "2025-02",
        "pack:bamako",
    ),
    (
        "attack",
        "At least 12 soldiers were killed when gunmen attacked an army post near Djibo on Sunday.",
        "2025-03-09",
        "pack:djibo",
    ),
    (
        "threat",
        "The junta warned on Friday that it would expel any foreign troops that crossed the border.",
        "2025-03-07",
        None,
    ),
    (
        "sanction",
        "The European Union imposed sanctions on five Malian officials in November 2024.",
        "2024-11",
        None,
    ),
    (
        "coup",
        "Soldiers overthrew President Mohamed Bazoum in a coup in July 2023.",
        "2023-07",
        None,
    ),
    (
        "appointment_leadership",
        "Colonel Amadou Sidibé was appointed defence minister on 2 March 2025.",
        "2025-03-02",
        None,
    ),
    (
        "dissolution_ban",
        "The transitional government dissolved all political parties in May 2025.",
        "2025-05",
        None,
    ),
    (
        "blockade",
        "Since September 2024 the militants have imposed a fuel blockade on the capital.",
        "2024-09",
        None,
    ),
    (
        "statement_accusation",
        "The Malian government accused France of arming rebels in a statement on Monday.",
        "2025-03-10",
        None,
    ),
    (
        "institution_launch",
        "The confederation launched a common passport in Niamey in January 2025.",
        "2025-01",
        "pack:niamey",
    ),
]


@pytest.mark.parametrize(("event_type", "text", "date", "place"), CASES, ids=[c[0] for c in CASES])
def test_events_each_type(
    en_nlp: Any, event_type: str, text: str, date: str, place: str | None
) -> None:
    event = only(events(en_nlp, text), event_type)
    assert event.date == date
    assert event.date_basis == "text"
    if place is not None:
        assert event.location_key == place
    assert text[event.start : event.end] == event.evidence


def test_events_fatalities_and_victims(en_nlp: Any) -> None:
    event = only(
        events(
            en_nlp, "At least 12 soldiers were killed when gunmen attacked an army post near Djibo."
        ),
        "attack",
    )
    assert (event.fatalities, event.victims) == (12, "soldier")


def test_events_neutralised_counts_as_deaths(en_nlp: Any) -> None:
    text = "The army said it repelled the assault on the base and neutralised about 30 assailants."
    assert only(events(en_nlp, text), "attack").fatalities == 30


def test_events_possible_sanction_is_not_a_fact(en_nlp: Any) -> None:
    text = "Burkina Faso may face visa restrictions, according to the report."
    assert only(events(en_nlp, text), "sanction").modality == "possible"


def test_events_expected_appointment_is_planned(en_nlp: Any) -> None:
    text = "A new chairman of the commission is expected to be named at the meeting."
    assert only(events(en_nlp, text), "appointment_leadership").modality == "planned"


def test_events_sentence_without_date_falls_back_to_publication(en_nlp: Any) -> None:
    event = only(
        events(en_nlp, "Gunmen attacked a convoy near Gao.", published="2025-03-12"), "attack"
    )
    assert (event.date, event.date_basis) == ("2025-03-12", "publication")


def test_events_relative_date_without_anchor_stays_unknown(en_nlp: Any) -> None:
    event = only(
        events(en_nlp, "Gunmen attacked a convoy near Gao on Monday.", published=None), "attack"
    )
    assert event.date is None


def test_events_one_attack_told_in_two_sentences_is_one_event(en_nlp: Any) -> None:
    text = "There was another attack near Kidal on Friday. Eight drivers were killed in the attack on their convoy."
    event = only(events(en_nlp, text), "attack")
    assert event.fatalities == 8
    assert event.location_key == "pack:kidal"


def test_events_analyst_commentary_is_not_a_statement_event(en_nlp: Any) -> None:
    text = '"The region is fragile," said Marta Kowalczyk Berg, a researcher at a think tank.'
    assert [e for e in events(en_nlp, text) if e.type == "statement_accusation"] == []


def test_events_trend_words_are_not_one_event(en_nlp: Any) -> None:
    assert events(en_nlp, "Attacks have continued despite the promises of the junta.") == []


def test_events_french_sentence(fr_nlp: Any) -> None:
    text = "Le Mali, le Burkina Faso et le Niger ont annoncé le 28 janvier 2024 leur retrait de la CEDEAO."
    event = only(events(fr_nlp, text, lang="fr"), "withdrawal")
    assert event.date == "2024-01-28"


def test_events_enumerated_coups_are_one_event_each(en_nlp: Any) -> None:
    text = (
        "The region has seen a string of coups: Mali in August 2020 and again in May 2021, "
        "and Niger on 26 July 2023."
    )
    coups = [e for e in events(en_nlp, text, published="2025-01-10") if e.type == "coup"]
    assert [(e.date, e.location_key) for e in coups] == [
        ("2020-08", "pack:mali"),
        ("2021-05", "pack:mali"),
        ("2023-07-26", "pack:niger"),
    ]


def test_events_french_place_after_a_preposition(fr_nlp: Any) -> None:
    text = "Les chefs d'État se sont réunis en sommet à Niamey le 6 juillet 2024."
    event = only(events(fr_nlp, text, published="2024-07-08", lang="fr"), "summit")
    assert (event.date, event.location_key) == ("2024-07-06", "pack:niamey")


def test_events_french_participle_founding(fr_nlp: Any) -> None:
    text = "Fondée le 16 septembre 2023, l'Alliance des États du Sahel réunit trois pays."
    event = only(events(fr_nlp, text, published="2025-01-10", lang="fr"), "alliance_formation")
    assert event.date == "2023-09-16"
