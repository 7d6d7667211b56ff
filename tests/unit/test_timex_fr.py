"""French time expressions: what is found, its span and its value against an anchor.

Rows are (sentence, publication date, expected) as in the English tests. The
sentences are written for these tests. 2026-02-09 is a Monday (lundi),
2025-11-12 a Wednesday (mercredi).
"""

from __future__ import annotations

import pytest

from sahelwatch.model import TimeExpr
from sahelwatch.nlp.timex import find_time_expressions

LUNDI = "2026-02-09"
MERCREDI = "2025-11-12"
APOS = "\u2019"  # typographic apostrophe, as French pages print it

Row = tuple[str, str | None, list[tuple[object, ...]]]


def summary(exprs: list[TimeExpr]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for e in exprs:
        row: tuple[object, ...] = (e.text, e.value, e.precision, e.approximate)
        if e.end_value is not None:
            row = (*row, e.end_value)
        rows.append(row)
    return rows


def find(text: str, pub: str | None) -> list[TimeExpr]:
    return find_time_expressions(text, lang="fr", publication_date=pub)


ABSOLUES: list[Row] = [
    ("Le 16 septembre 2023, les trois pays ont signé la charte.", MERCREDI,
     [("16 septembre 2023", "2023-09-16", "day", False)]),
    ("La transition a commencé le 1er janvier 2025.", MERCREDI,
     [("1er janvier 2025", "2025-01-01", "day", False)]),
    ("Le décret a été publié mercredi 29 janvier 2025.", MERCREDI,
     [("mercredi 29 janvier 2025", "2025-01-29", "day", False)]),
    ("Le traité confédéral a été signé en juillet 2024.", MERCREDI,
     [("juillet 2024", "2024-07", "month", False)]),
    ("La junte a pris le pouvoir en 2023.", MERCREDI,
     [("2023", "2023", "year", False)]),
    ("Le cessez-le-feu est entré en vigueur le 16/09/2023.", MERCREDI,
     [("16/09/2023", "2023-09-16", "day", False)]),
    ("Les attaques se sont multipliées au début des années 2010.", MERCREDI,
     [("début des années 2010", "2010", "year", True, "2013")]),
]  # fmt: skip

JOUR_MOIS: list[Row] = [
    ("Le ministre est arrivé à Niamey le 29 janvier.", LUNDI,
     [("29 janvier", "2026-01-29", "day", False)]),
    ("Le vote a eu lieu le 14 décembre.", "2026-01-05",
     [("14 décembre", "2025-12-14", "day", False)]),
    ("Le sommet se tiendra le 22 mars à Bamako.", LUNDI,
     [("22 mars", "2026-03-22", "day", False)]),
    ("Un accord avait été conclu le 29 février.", "2026-03-01",
     [("29 février", "2024-02-29", "day", False)]),
    ("La route a été rouverte le 3 novembre dernier.", MERCREDI,
     [("3 novembre dernier", "2025-11-03", "day", False)]),
]  # fmt: skip

INTERVALLES: list[Row] = [
    ("Le sommet s" + APOS + "est tenu du 20 au 21 décembre.", "2026-01-05",
     [("du 20 au 21 décembre", "2025-12-20", "day", False, "2025-12-21")]),
    ("Les combats ont duré entre le 3 et le 5 mars 2024.", MERCREDI,
     [("entre le 3 et le 5 mars 2024", "2024-03-03", "day", False, "2024-03-05")]),
    ("Les élections ont été reportées entre 2020 et 2023.", MERCREDI,
     [("entre 2020 et 2023", "2020", "year", False, "2023")]),
    ("Les manoeuvres ont eu lieu du 8 juillet au 10 août 2025.", MERCREDI,
     [("du 8 juillet au 10 août 2025", "2025-07-08", "day", False, "2025-08-10")]),
    ("La pénurie a duré de juillet à septembre 2025.", MERCREDI,
     [("de juillet à septembre 2025", "2025-07", "month", False, "2025-09")]),
    ("Les scrutins des 21 et 22 décembre ont été annulés.", "2026-01-05",
     [("21 et 22 décembre", "2025-12-21", "day", False, "2025-12-22")]),
]  # fmt: skip

RELATIVES: list[Row] = [
    ("Les délégations se sont réunies lundi à Bamako.", LUNDI,
     [("lundi", "2026-02-09", "day", False)]),
    ("L" + APOS + "armée a annoncé lundi dernier la mort de dix assaillants.", LUNDI,
     [("lundi dernier", "2026-02-02", "day", False)]),
    ("Une réunion se tiendra mardi prochain.", LUNDI,
     [("mardi prochain", "2026-02-10", "day", False)]),
    ("Le gouvernement a réagi aujourd" + APOS + "hui.", LUNDI,
     [("aujourd" + APOS + "hui", "2026-02-09", "day", False)]),
    ("Les frontières ont rouvert hier.", LUNDI,
     [("hier", "2026-02-08", "day", False)]),
    ("Un convoi a été attaqué avant-hier.", LUNDI,
     [("avant-hier", "2026-02-07", "day", False)]),
    ("Les chefs d'État se retrouvent cette semaine.", MERCREDI,
     [("cette semaine", "2025-11-10", "day", True)]),
    ("La banque a publié son rapport la semaine dernière.", MERCREDI,
     [("la semaine dernière", "2025-11-03", "day", True)]),
    ("Le prix du carburant a doublé ce mois-ci.", MERCREDI,
     [("ce mois-ci", "2025-11", "month", False)]),
    ("Le ministre a démissionné le mois dernier.", MERCREDI,
     [("le mois dernier", "2025-10", "month", False)]),
    ("Le budget de cette année est en hausse.", MERCREDI,
     [("cette année", "2025", "year", False)]),
    ("Il a été nommé président l'an dernier.", MERCREDI,
     [("l'an dernier", "2024", "year", False)]),
    ("Les récoltes de l" + APOS + "année dernière ont été mauvaises.", MERCREDI,
     [("l" + APOS + "année dernière", "2024", "year", False)]),
    ("La mine a fermé l'an passé.", MERCREDI,
     [("l'an passé", "2024", "year", False)]),
    ("Un recensement aura lieu l'année prochaine.", MERCREDI,
     [("l'année prochaine", "2026", "year", False)]),
    ("La base a été évacuée il y a deux ans.", MERCREDI,
     [("il y a deux ans", "2023", "year", False)]),
    ("En octobre, le conseiller a accordé un entretien.", LUNDI,
     [("octobre", "2025-10", "month", False)]),
    ("En décembre, la force unifiée a été présentée.", "2026-01-05",
     [("décembre", "2025-12", "month", False)]),
    ("Le scrutin a eu lieu en octobre dernier.", "2025-10-20",
     [("octobre dernier", "2024-10", "month", False)]),
    ("Le Premier ministre s'est rendu à Washington fin avril.", LUNDI,
     [("fin avril", "2025-04", "month", True)]),
    ("Il est parti à la fin du mois d" + APOS + "avril.", LUNDI,
     [("fin du mois d" + APOS + "avril", "2025-04", "month", True)]),
    ("Les recettes ont progressé plus tôt cette année.", MERCREDI,
     [("plus tôt cette année", "2025", "year", True)]),
]  # fmt: skip

APPROXIMATIVES: list[Row] = [
    ("Les trois pays ont quitté la communauté début 2025.", MERCREDI,
     [("début 2025", "2025", "year", True)]),
    ("Les négociations ont échoué fin 2024.", MERCREDI,
     [("fin 2024", "2024", "year", True)]),
    ("Les attaques ont culminé à la mi-2024.", MERCREDI,
     [("mi-2024", "2024", "year", True)]),
    ("La croissance a ralenti au premier semestre 2025.", MERCREDI,
     [("premier semestre 2025", "2025", "year", True)]),
    ("Le chantier sera achevé d'ici la fin de l'année 2026.", MERCREDI,
     [("fin de l'année 2026", "2026", "year", True)]),
]  # fmt: skip

DUREES: list[Row] = [
    ("L'ancien président est détenu depuis plus de 900 jours.", LUNDI,
     [("depuis plus de 900 jours", "2023", "year", True)]),
    ("Le maire est en poste depuis deux ans.", LUNDI,
     [("depuis deux ans", "2024", "year", True)]),
    ("Le blocus dure depuis trois semaines.", LUNDI,
     [("depuis trois semaines", "2026-01-19", "day", True)]),
    ("Les prix ont flambé au cours des douze derniers mois.", LUNDI,
     [("au cours des douze derniers mois", "2025-02", "month", True)]),
]  # fmt: skip

PAS_DES_DATES: list[Row] = [
    ("Plus de 5 000 hommes ont été déployés.", LUNDI, []),
    ("La conférence de presse débute à 16h00 GMT.", LUNDI, []),
    ("Le Maroc s'est imposé 4-0 en quart de finale.", LUNDI, []),
    ("L'article 127 de la constitution a été suspendu.", LUNDI, []),
    ("C'est le deuxième sommet de l'alliance.", LUNDI, []),
    ("Environ 2000 soldats ont franchi la frontière.", LUNDI, []),
    ("Cette année-là, la sécheresse a frappé le nord.", LUNDI, []),
    ("Les 25 pays de la liste sont visés.", LUNDI, []),
    ("Le bilan fait état de 1500 morts.", LUNDI, []),
    ("Elle a été mariée pendant deux ans.", LUNDI, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "expected"), ABSOLUES)
def test_timex_fr_absolute_dates(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "absolute" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), JOUR_MOIS)
def test_timex_fr_day_month_takes_year_from_anchor(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "publication" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), INTERVALLES)
def test_timex_fr_ranges(text: str, pub: str | None, expected: list[tuple[object, ...]]) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), RELATIVES)
def test_timex_fr_relative_to_publication(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "publication" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), APPROXIMATIVES)
def test_timex_fr_approximate_periods(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), DUREES)
def test_timex_fr_durations_imply_a_start(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), PAS_DES_DATES)
def test_timex_fr_not_dates(text: str, pub: str | None, expected: list[tuple[object, ...]]) -> None:
    assert summary(find(text, pub)) == expected


def test_timex_fr_inferred_and_missing_anchor() -> None:
    lundi, decret = find(
        "Les délégués sont arrivés lundi. Le décret du 16 décembre 2025 tient.", None
    )
    assert (lundi.value, lundi.anchor) == ("2025-12-15", "inferred")
    assert decret.anchor == "absolute"
    [lundi] = find("Les délégués sont arrivés lundi.", None)
    assert (lundi.text, lundi.value, lundi.precision, lundi.anchor) == ("lundi", None, None, "none")


def test_timex_fr_capitalized_words_at_sentence_start() -> None:
    found = find("Mardi, le ministre a parlé. Fin avril, il est parti. Hier, rien.", LUNDI)
    assert summary(found) == [
        ("Mardi", "2026-02-03", "day", False),
        ("Fin avril", "2025-04", "month", True),
        ("Hier", "2026-02-08", "day", False),
    ]


def test_timex_fr_words_inside_other_words_are_not_heads() -> None:
    # "an" in "dans", "mai" in "maintenant", "hier" in "hiérarchie"
    assert find("Il vit dans un grand plan maintenant, selon la hiérarchie.", LUNDI) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Il a pris le pouvoir le 30 septembre 2022, après un putsch en janvier de la même année.",
            "fr",
        ),
        ("He seized power on 30 September 2022, after a coup in January of the same year.", "en"),
    ],
)
def test_timex_the_same_year_is_the_year_printed_before(text: str, lang: str) -> None:
    found = find_time_expressions(text, lang=lang, publication_date="2023-02-20")
    assert [x.value for x in found] == ["2022-09-30", "2022-01"]
