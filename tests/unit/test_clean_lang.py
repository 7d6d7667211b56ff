"""Language identification of bodies."""

from __future__ import annotations

from sahelwatch.clean import detect_language


def test_clean_lang_english() -> None:
    text = "The ministers agreed on Tuesday to place the joint force under a single command."
    assert detect_language(text) == "en"


def test_clean_lang_french() -> None:
    text = (
        "Les ministres ont convenu mardi de placer la force conjointe sous un commandement unique."
    )
    assert detect_language(text) == "fr"


def test_clean_lang_other_languages_in_the_set() -> None:
    spanish = "Los ministros acordaron el martes colocar la fuerza conjunta bajo un mando único."
    assert detect_language(spanish) == "es"


def test_clean_lang_too_short_is_undetermined() -> None:
    assert detect_language("Gao") == "und"
    assert detect_language("") == "und"
    assert detect_language("2025 — 12/10 — 3,400") == "und"
