"""How events are read in context: quotes, narrative dates, lists, effects, revocations.

Sentences are written for the tests, in French and English, and go through the
whole analysis (quotes first, then events), as an ingested article does.
"""

from __future__ import annotations

import pytest

from sahelwatch.model import Article, EventMention
from sahelwatch.nlp.analysis import analyze
from sahelwatch.nlp.timex import find_time_expressions

pytestmark = pytest.mark.slow


def events(text: str, *, lang: str, published: str = "2025-03-12") -> list[EventMention]:
    article = Article("t", "k", "file:///t.txt", None, None, published, "text", lang, text)
    return list(analyze(article).events)


def of_type(found: list[EventMention], event_type: str) -> list[EventMention]:
    return [e for e in found if e.type == event_type]


def test_words_inside_guillemets_tell_no_event() -> None:
    text = (
        "« Nos camions resteront bloqués à la frontière et nous quitterons la CEDEAO », "
        "a déclaré un transporteur à Bamako."
    )
    assert of_type(events(text, lang="fr"), "withdrawal") == []


def test_a_room_named_for_conferences_is_no_summit() -> None:
    text = "Le ministre a parlé aux journalistes à la sortie de la salle de conférence."
    found = events(text, lang="fr")
    assert of_type(found, "summit") == [] and of_type(found, "withdrawal") == []


def test_an_act_told_after_a_dated_one_takes_its_day() -> None:
    text = (
        "Les dirigeants se sont réunis mardi 4 mars à Niamey pour un sommet extraordinaire. "
        "À la clôture des travaux, le général Tiani a été désigné président de l'organisation."
    )
    appointment = of_type(events(text, lang="fr", published="2025-03-06"), "appointment_leadership")
    assert [(e.date, e.date_basis) for e in appointment] == [("2025-03-04", "context")]


def test_pluperfect_background_is_not_dated_by_the_paper() -> None:
    text = (
        "Depuis le putsch du 26 juillet 2023, la CEDEAO avait imposé de lourdes sanctions au Niger."
    )
    sanction = of_type(events(text, lang="fr", published="2025-03-12"), "sanction")
    assert [e.date for e in sanction] == ["2023-07-26"]


def test_coordinated_years_list_two_coups() -> None:
    text = "Depuis les coups d'État de 2020 et 2021, la junte a changé d'alliés."
    coups = of_type(events(text, lang="fr"), "coup")
    assert sorted(e.date or "" for e in coups) == ["2020", "2021"]


def test_a_listed_month_shares_the_year_that_follows() -> None:
    text = (
        "Le pays est dirigé par des officiers arrivés au pouvoir par la force "
        "en janvier puis en septembre 2022."
    )
    coups = of_type(events(text, lang="fr"), "coup")
    assert sorted(e.date or "" for e in coups) == ["2022-01", "2022-09"]


def test_a_withdrawal_is_dated_by_its_effect() -> None:
    text = (
        "The withdrawal, announced on 28 January 2024, became effective on 29 January 2025, "
        "when the three states left ECOWAS."
    )
    exits = of_type(events(text, lang="en", published="2025-02-02"), "withdrawal")
    assert [e.date for e in exits] == ["2025-01-29"]


def test_revoking_an_agreement_is_a_withdrawal() -> None:
    text = "En mars, la junte a dénoncé l'accord de coopération militaire avec les États-Unis."
    found = events(text, lang="fr", published="2024-04-02")
    assert [e.date for e in of_type(found, "withdrawal")] == ["2024-03"]
    assert of_type(found, "agreement_treaty") == []


def test_a_treaty_establishing_a_body_is_one_signing() -> None:
    text = (
        "Les trois chefs d'État ont signé samedi 6 juillet à Niamey le traité "
        "instituant la confédération."
    )
    found = events(text, lang="fr", published="2024-07-08")
    assert [e.date for e in of_type(found, "agreement_treaty")] == ["2024-07-06"]
    assert of_type(found, "alliance_formation") == []


def test_a_sentence_opening_on_founded_creates_its_subject() -> None:
    text = "Fondée le 16 septembre 2023, l'AES n'était alors qu'un pacte de défense mutuelle."
    found = events(text, lang="fr", published="2024-07-08")
    assert [e.date for e in of_type(found, "alliance_formation")] == ["2023-09-16"]
    assert of_type(found, "agreement_treaty") == []


def test_a_passive_condemnation_is_a_court_sentence_not_a_statement() -> None:
    text = "En 2016, un chef jihadiste avait été condamné à neuf ans de prison par la CPI."
    assert of_type(events(text, lang="fr"), "statement_accusation") == []


def test_the_country_left_is_the_place() -> None:
    text = "Le groupe Wagner a annoncé vendredi qu'il quittait le Mali."
    exits = of_type(events(text, lang="fr", published="2025-06-07"), "withdrawal")
    assert [(e.date, e.location_key) for e in exits] == [("2025-06-06", "pack:mali")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Le retrait doit prendre effet le 29 janvier.", "2025-01-24", "2025-01-29"),
        ("La réunion s'est tenue le 29 janvier.", "2025-03-02", "2025-01-29"),
        ("La réunion s'est tenue le 29 janvier.", "2025-01-02", "2024-01-29"),
    ],
)
def test_a_day_month_soon_after_the_paper_is_the_coming_one(
    text: str, published: str, expected: str
) -> None:
    found = find_time_expressions(text, lang="fr", publication_date=published)
    assert [x.value for x in found] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("les coups d'État de 2020 et 2021", "fr", [("2020", None), ("2021", None)]),
        ("entre 2020 et 2023", "fr", [("2020", "2023")]),
        ("coups in 2020 and 2021", "en", [("2020", None), ("2021", None)]),
        ("between 2020 and 2022", "en", [("2020", "2022")]),
    ],
)
def test_and_joins_a_range_only_after_between(
    text: str, lang: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_time_expressions(text, lang=lang, publication_date="2025-06-07")
    assert [(x.value, x.end_value) for x in found] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "La charte de l'organisation prévoit qu'un membre souhaitant se retirer "
            "notifie sa décision un an à l'avance.",
            "fr",
        ),
        (
            "The statute provides that a withdrawal takes effect one year after notice.",
            "en",
        ),
    ],
)
def test_a_rule_about_leaving_is_no_withdrawal(text: str, lang: str) -> None:
    assert of_type(events(text, lang=lang), "withdrawal") == []


def test_a_definite_act_under_a_provision_is_still_told() -> None:
    text = "Le communiqué précise que le Niger a quitté la CEDEAO le 29 janvier 2025."
    assert [e.date for e in of_type(events(text, lang="fr"), "withdrawal")] == ["2025-01-29"]


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        ("Depuis le putsch de 2021, Ouagadougou a changé de partenaires.", "fr", "burkina_faso"),
        (
            "The junta has ruled since the 2023 overthrow of President Mohamed Bazoum.",
            "en",
            "niger",
        ),
        ("Le coup d'État de 2022 à Ouagadougou a surpris les diplomates.", "fr", "burkina_faso"),
    ],
)
def test_a_coup_is_placed_in_its_state(text: str, lang: str, state: str) -> None:
    assert [e.location_key for e in of_type(events(text, lang=lang), "coup")] == [f"pack:{state}"]


def test_a_person_the_coup_prompts_does_not_place_it() -> None:
    text = (
        "In 2021 the president of Chad was overthrown in a coup, prompting Joe Biden "
        "to restrict aid."
    )
    assert "pack:united_states" not in {e.location_key for e in events(text, lang="en")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Créée en 2023, l'alliance a été érigée en confédération en juillet 2024.", "fr"),
        ("The bloc was turned into a confederation in July 2024.", "en"),
    ],
)
def test_becoming_a_confederation_is_a_treaty(text: str, lang: str) -> None:
    treaties = of_type(events(text, lang=lang), "agreement_treaty")
    assert [e.date for e in treaties] == ["2024-07"]


def test_giving_birth_to_an_alliance_founds_it() -> None:
    text = "En mars 2023, les trois États ont signé un pacte, donnant naissance à une alliance."
    found = events(text, lang="fr")
    assert [e.date for e in of_type(found, "alliance_formation")] == ["2023-03"]


def test_an_act_at_a_summit_happens_in_its_city() -> None:
    text = "Lors du sommet de Bamako du 4 mars 2025, les dirigeants ont signé un traité de défense."
    treaties = of_type(events(text, lang="fr"), "agreement_treaty")
    assert [e.location_key for e in treaties] == ["pack:bamako"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Lors de son sommet de décembre à Lomé, la CEDEAO a accordé un délai.", "2024-12"),
        ("Depuis le mois de septembre, le JNIM impose un blocus sur le carburant.", "2024-09"),
    ],
)
def test_a_month_after_de_dates_the_act(text: str, date: str) -> None:
    found = events(text, lang="fr", published="2025-02-03")
    assert [e.date for e in found if e.type in ("summit", "blockade")] == [date]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The Alliance of Sahel States met on Monday. The alliance was founded in 2023.",
            "en",
        ),
        (
            "L'Alliance des États du Sahel s'est réunie lundi. L'alliance a été fondée en 2023.",
            "fr",
        ),
    ],
)
def test_the_alliance_points_back_to_the_named_one(text: str, lang: str) -> None:
    founding = of_type(events(text, lang=lang), "alliance_formation")
    assert [[p.key for p in e.participants] for e in founding] == [["pack:aes"]]


def test_a_plural_noun_points_back_to_nothing() -> None:
    text = "The Alliance of Sahel States met. The alliances of the region were founded in 2023."
    founding = of_type(events(text, lang="en"), "alliance_formation")
    assert all("pack:aes" not in {p.key for p in e.participants} for e in founding)


def test_a_founding_takes_no_place_from_a_coordinated_verb() -> None:
    text = (
        "The Alliance of Sahel States was formed in September 2023 and turned into a "
        "confederation at a summit in Niamey in July 2024."
    )
    found = events(text, lang="en")
    assert [e.location_key for e in of_type(found, "alliance_formation")] == [None]
    assert [e.location_key for e in of_type(found, "agreement_treaty")] == ["pack:niamey"]


def test_a_bloc_leaving_names_its_members_not_a_country_in_passing() -> None:
    text = (
        "The Alliance of Sahel States decided in early 2025 to withdraw from ECOWAS. "
        "The withdrawal followed the 2023 coup in Niger."
    )
    article = Article("t", "k", "file:///t.txt", None, None, "2025-03-12", "text", "en", text)
    claims = [c for c in analyze(article).claims if c.property == "withdrew_from"]
    assert {c.subject_key for c in claims} == {"pack:mali", "pack:niger", "pack:burkina_faso"}


def test_two_coordinated_nouns_of_one_type_are_two_acts() -> None:
    text = (
        "Depuis le départ des soldats français du Niger en 2023 et la fin de la mission "
        "de l'Union européenne en juin 2024, l'armée combat seule."
    )
    withdrawals = of_type(events(text, lang="fr"), "withdrawal")
    assert sorted(e.date or "" for e in withdrawals) == ["2023", "2024-06"]


def test_what_an_indefinite_state_wishes_is_no_act() -> None:
    text = "Under the charter, a member state that wishes to leave must give a year's notice."
    assert of_type(events(text, lang="en"), "withdrawal") == []


def test_a_relative_clause_of_an_indefinite_noun_still_tells_an_act() -> None:
    text = "A militia that attacked the village of Dori was routed on 3 March 2025."
    assert [e.date for e in of_type(events(text, lang="en"), "attack")] == ["2025-03-03"]


def test_one_act_is_not_merged_into_several() -> None:
    text = (
        "Relations have soured since the coups that brought soldiers to power in Bamako, "
        "Ouagadougou and Niamey. After the overthrow of Niger's president, Mohamed Bazoum, "
        "in July 2023, the bloc closed its borders."
    )
    coups = of_type(events(text, lang="en", published="2024-01-29"), "coup")
    assert sorted((e.date or "", e.location_key or "") for e in coups) == [
        ("", ""),
        ("2023-07", "pack:niger"),
    ]


def test_a_place_before_each_date_lists_acts() -> None:
    text = "French troops left Mali in 2022, Burkina Faso in 2023 and Niger at the end of 2023."
    withdrawals = of_type(events(text, lang="en"), "withdrawal")
    assert sorted((e.date, e.location_key) for e in withdrawals) == [
        ("2022", "pack:mali"),
        ("2023", "pack:burkina_faso"),
        ("2023", "pack:niger"),
    ]


def test_a_withdrawal_is_dated_by_its_completion() -> None:
    text = "Le retrait des soldats, annoncé fin septembre, s'est achevé vendredi."
    withdrawals = of_type(events(text, lang="fr", published="2023-12-23"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2023-12-22"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Announced in January 2024, the withdrawal of the troops ended on 12 March 2025.",
            "2025-03-12",
        ),
        (
            "Annoncé fin septembre, le retrait des soldats se déroule en plusieurs étapes.",
            "2024-09",
        ),
    ],
)
def test_an_announced_act_takes_the_announcement_date_only_for_want_of_another(
    text: str, date: str
) -> None:
    lang = "fr" if "retrait" in text else "en"
    withdrawals = of_type(events(text, lang=lang, published="2025-03-20"), "withdrawal")
    assert [e.date for e in withdrawals] == [date]


def test_a_thing_s_date_is_not_the_act_s() -> None:
    text = "Ce départ fait suite à la dénonciation par le Niger de l'accord de 2018."
    withdrawals = of_type(events(text, lang="fr", published="2023-02-20"), "withdrawal")
    assert all(e.date != "2018" for e in withdrawals)


def test_soldiers_leaving_the_country_withdraw() -> None:
    text = "Les derniers militaires français ont quitté le pays vendredi. Le ministre a quitté le pays."
    withdrawals = of_type(events(text, lang="fr", published="2023-12-23"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2023-12-22"]


def test_taking_control_of_a_town_split_by_a_date_is_an_attack() -> None:
    text = "L'armée a pris mardi dernier le contrôle de Kidal, bastion rebelle depuis une décennie."
    attacks = of_type(events(text, lang="fr", published="2023-11-20"), "attack")
    assert [(e.date, e.location_key) for e in attacks] == [("2023-11-14", "pack:kidal")]


def test_a_running_toll_is_no_attack() -> None:
    text = "More than 300 peacekeepers have been killed since the start of the mission."
    assert of_type(events(text, lang="en"), "attack") == []


def test_a_date_in_another_clause_is_that_clause_s() -> None:
    text = (
        "Début décembre, Niamey et Ouagadougou ont annoncé leur retrait du G5 Sahel, "
        "que Bamako avait quitté en mai 2022."
    )
    withdrawals = of_type(events(text, lang="fr", published="2023-12-23"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2023-12"]


def test_ending_a_force_s_operations_creates_no_force() -> None:
    text = "L'armée a officialisé dimanche la fin des opérations de la force spéciale Sabre."
    assert of_type(events(text, lang="fr", published="2023-02-20"), "force_creation") == []


def test_a_described_participle_is_no_statement() -> None:
    text = "Le gouvernement a suspendu RFI, accusée de relayer un message jihadiste, en décembre."
    assert of_type(events(text, lang="fr"), "statement_accusation") == []


def test_taking_control_of_a_business_is_no_attack() -> None:
    text = "The government is taking full control of Somair, a mining company, on Monday."
    assert of_type(events(text, lang="en"), "attack") == []


def test_a_coup_is_placed_in_the_state_of_the_leaders_named() -> None:
    text = "Ibrahim Traore seized power last September, ousting Paul-Henri Damiba."
    coups = of_type(events(text, lang="en", published="2023-01-26"), "coup")
    assert [e.location_key for e in coups] == ["pack:burkina_faso"]


def test_a_withdrawal_demanded_long_ago_is_dated_by_its_end() -> None:
    text = (
        "The UN mission formally came to an end on Sunday, completing a withdrawal "
        "demanded by the military rulers six months ago."
    )
    withdrawals = of_type(events(text, lang="en", published="2024-01-02"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2023-12-31"]


def test_the_end_of_a_force_s_operations_is_a_withdrawal() -> None:
    text = "L'armée a officialisé dimanche la fin des opérations de la force spéciale Sabre."
    withdrawals = of_type(events(text, lang="fr", published="2023-02-20"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2023-02-19"]


def test_the_country_troops_leave_is_the_state_named_before() -> None:
    text = (
        "Le Burkina suit le Mali, où les soldats français avaient quitté le pays le 15 août 2022."
    )
    withdrawals = of_type(events(text, lang="fr", published="2023-02-20"), "withdrawal")
    assert [(e.date, e.location_key) for e in withdrawals] == [("2022-08-15", "pack:mali")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The three states signed a pact to help each other in case of attack.", "en"),
        ("Les trois États ont signé un pacte d'entraide en cas d'attaque.", "fr"),
    ],
)
def test_an_eventuality_is_no_attack(text: str, lang: str) -> None:
    assert of_type(events(text, lang=lang), "attack") == []


def test_soldiers_who_left_a_state_named_before_withdrew_from_it() -> None:
    text = (
        "The move echoes Mali, where the last soldiers of France's Barkhane operation "
        "left in August."
    )
    withdrawals = of_type(events(text, lang="en", published="2023-01-26"), "withdrawal")
    assert [(e.date, e.location_key) for e in withdrawals] == [("2022-08", "pack:mali")]


def test_a_minister_leaving_is_no_withdrawal() -> None:
    text = "The minister left in August after the talks in Bamako."
    assert of_type(events(text, lang="en", published="2023-01-26"), "withdrawal") == []


def test_troops_forced_out_withdraw() -> None:
    text = "The junta had forced French troops out of the country in 2022."
    withdrawals = of_type(events(text, lang="en", published="2024-01-02"), "withdrawal")
    assert [e.date for e in withdrawals] == ["2022"]
