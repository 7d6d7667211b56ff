# ruff: noqa: RUF001
"""Quote extraction and speaker attribution on French sentences written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_quotes_en import Said, read

pytestmark = pytest.mark.slow

NBSP = "\u00a0"


def direct(nlp: Any, text: str) -> list[Said]:
    return [s for s in read(nlp, text, "fr") if s.direct]


def test_quotes_fr_a_declare_then_name(fr_nlp: Any) -> None:
    text = "« Nous ne reculerons pas », a déclaré Abdoulaye Diop."
    assert direct(fr_nlp, text) == [
        Said("Nous ne reculerons pas", "Abdoulaye Diop", "Abdoulaye Diop")
    ]


def test_quotes_fr_name_a_indique_before_a_colon(fr_nlp: Any) -> None:
    text = "Salifou Mody a indiqué : « Le convoi est parti à l'aube. »"
    assert [(s.text, s.speaker) for s in direct(fr_nlp, text)] == [
        ("Le convoi est parti à l'aube.", "Salifou Mody")
    ]


def test_quotes_fr_inverted_clitic_pronoun(fr_nlp: Any) -> None:
    text = (
        "Le ministre Sadio Camara est arrivé mardi à Gao. "
        "« La situation est calme », a-t-il affirmé."
    )
    assert [s.speaker for s in direct(fr_nlp, text)] == ["Sadio Camara"]


def test_quotes_fr_a_t_elle_ajoute_continues_the_speaker(fr_nlp: Any) -> None:
    text = (
        "« Les écoles rouvriront lundi », a déclaré Mariam Sidibé. "
        "« Les enseignants sont prêts », a-t-elle ajouté."
    )
    said = direct(fr_nlp, text)
    assert [s.speaker for s in said] == ["Mariam Sidibé", "Mariam Sidibé"]


def test_quotes_fr_unresolved_pronoun_keeps_the_pronoun(fr_nlp: Any) -> None:
    text = "« La route est coupée depuis lundi », a-t-il affirmé."
    assert direct(fr_nlp, text) == [Said("La route est coupée depuis lundi", None, "il")]


def test_quotes_fr_selon(fr_nlp: Any) -> None:
    text = "Selon Ibrahim Sangaré, « les récoltes seront mauvaises cette année »."
    assert [(s.text, s.speaker) for s in direct(fr_nlp, text)] == [
        ("les récoltes seront mauvaises cette année", "Ibrahim Sangaré")
    ]


def test_quotes_fr_estime_then_name_and_title(fr_nlp: Any) -> None:
    text = "« Les prix ont doublé », estime Fatoumata Coulibaly, économiste à Bamako."
    assert [s.speaker for s in direct(fr_nlp, text)] == ["Fatoumata Coulibaly"]


def test_quotes_fr_unnamed_speaker_souligne_un_juriste(fr_nlp: Any) -> None:
    text = "« C'est une décision politique », souligne un juriste."
    assert direct(fr_nlp, text) == [Said("C'est une décision politique", None, "un juriste")]


def test_quotes_fr_a_reagi_un_responsable_d_une_ong(fr_nlp: Any) -> None:
    text = "« Nous sommes très inquiets », a réagi un responsable d'une ONG locale."
    assert direct(fr_nlp, text) == [
        Said("Nous sommes très inquiets", None, "un responsable d'une ONG locale")
    ]


def test_quotes_fr_nationality_speaker_is_the_state(fr_nlp: Any) -> None:
    text = "« Nous avons tenu bon », a déclaré un responsable malien."
    assert [(s.speaker, s.speaker_text) for s in direct(fr_nlp, text)] == [
        ("Mali", "un responsable malien")
    ]


def test_quotes_fr_steps_over_the_addressee(fr_nlp: Any) -> None:
    text = "« Nous n'attendrons plus personne », a déclaré à Jeune Afrique un officier burkinabè."
    assert [(s.speaker, s.speaker_text) for s in direct(fr_nlp, text)] == [
        ("Burkina Faso", "un officier burkinabè")
    ]


def test_quotes_fr_guillemets_with_and_without_spaces(fr_nlp: Any) -> None:
    text = (
        f"«{NBSP}Nous restons vigilants{NBSP}», a dit Sadio Camara. "
        "«Sans délai», a ajouté Salifou Mody."
    )
    said = direct(fr_nlp, text)
    assert [(s.text, s.speaker) for s in said] == [
        ("Nous restons vigilants", "Sadio Camara"),
        ("Sans délai", "Salifou Mody"),
    ]


def test_quotes_fr_nested_marks_stay_inside(fr_nlp: Any) -> None:
    text = "« On nous a dit “attendez lundi” et personne n'est venu », raconte Mariam Sidibé."
    said = direct(fr_nlp, text)
    assert [s.text for s in said] == ["On nous a dit “attendez lundi” et personne n'est venu"]
    assert [s.speaker for s in said] == ["Mariam Sidibé"]


def test_quotes_fr_quote_running_over_paragraphs(fr_nlp: Any) -> None:
    text = (
        "« Il n'y a plus rien à manger au marché.\n\n"
        "« Les enfants ont faim et l'aide n'arrive pas », a confié Mariam Sidibé."
    )
    said = direct(fr_nlp, text)
    assert [s.text for s in said] == [
        "Il n'y a plus rien à manger au marché.",
        "Les enfants ont faim et l'aide n'arrive pas",
    ]
    assert {s.speaker for s in said} == {"Mariam Sidibé"}


def test_quotes_fr_scare_quote_has_no_speaker(fr_nlp: Any) -> None:
    text = "Le gouvernement veut tracer une « nouvelle voie » pour l'économie."
    assert direct(fr_nlp, text) == [Said("nouvelle voie", None, None)]


def test_quotes_fr_reported_a_declare_que(fr_nlp: Any) -> None:
    text = "Abdoulaye Diop a déclaré que la frontière resterait fermée jusqu'en mars."
    assert read(fr_nlp, text, "fr") == [
        Said(
            "la frontière resterait fermée jusqu'en mars", "Abdoulaye Diop", "Abdoulaye Diop", False
        )
    ]


def test_quotes_fr_reported_a_annonce_que(fr_nlp: Any) -> None:
    text = "Salifou Mody a annoncé qu'une nouvelle brigade serait créée à Tillabéri."
    said = read(fr_nlp, text, "fr")
    assert [(s.text, s.speaker, s.direct) for s in said] == [
        ("une nouvelle brigade serait créée à Tillabéri", "Salifou Mody", False)
    ]


def test_quotes_fr_apostrophes_are_not_quotes(fr_nlp: Any) -> None:
    text = "L'armée n'a pas confirmé l'attaque d'hier contre l’avant-poste."
    assert read(fr_nlp, text, "fr") == []


def test_quotes_fr_d_apres(fr_nlp: Any) -> None:
    text = "D’après Abdoulaye Diop, « rien n'est encore décidé »."
    assert [s.speaker for s in direct(fr_nlp, text)] == ["Abdoulaye Diop"]


def test_quotes_fr_any_verb_with_an_inverted_pronoun_is_an_incise(fr_nlp: Any) -> None:
    text = (
        "Assimi Goïta s'est adressé à la nation mardi soir. "
        "« La patrie ne reculera pas », a-t-il martelé."
    )
    assert [s.speaker for s in direct(fr_nlp, text)] == ["Assimi Goïta"]


def test_quotes_fr_question_then_incise(fr_nlp: Any) -> None:
    text = "« Pourquoi partir maintenant ? » s'interroge un commerçant de Mopti."
    assert direct(fr_nlp, text) == [
        Said("Pourquoi partir maintenant ?", None, "un commerçant de Mopti")
    ]


def test_quotes_fr_passive_participle_leaves_the_sentence_speaker(fr_nlp: Any) -> None:
    text = (
        "Les autorités maliennes ont annoncé jeudi la suspension de deux chaînes "
        "étrangères, accusées de « discréditer l'armée »."
    )
    assert [(s.speaker, s.speaker_text) for s in direct(fr_nlp, text)] == [
        ("Mali", "Les autorités maliennes")
    ]


def test_quotes_fr_a_day_before_the_speaker_is_stepped_over(fr_nlp: Any) -> None:
    text = "« Nous choisissons nos partenaires », a déclaré vendredi un officier nigérien."
    assert [(s.speaker, s.speaker_text) for s in direct(fr_nlp, text)] == [
        ("Niger", "un officier nigérien")
    ]


@pytest.mark.parametrize("speaker", ["un chercheur malien", "un diplomate occidental"])
def test_quotes_fr_only_an_official_of_a_state_speaks_for_it(fr_nlp: Any, speaker: str) -> None:
    text = f"« Kidal est un symbole », estime {speaker}."
    assert [s.speaker for s in direct(fr_nlp, text)] == [None]
