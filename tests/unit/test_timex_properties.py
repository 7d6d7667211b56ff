"""Properties every result must have, whatever the text: spans, order, consistency, speed."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from sahelwatch.model import TimeExpr
from sahelwatch.nlp.timex import find_time_expressions

FRAGMENTS = {
    "en": [
        "on Monday", "last Friday", "In October", "16 September 2023", "July 8-10",
        "from 2020 through", "2023", "5,000 troops", "at 16:00 GMT", "4-0", "early 2025",
        "two years ago", "May 27,",
        "between 20 and", "21 December", "for more than 900 days", "has been", "this week",
        "January's", "mid-", "2024", "09/February/2026", "to", "and", "the", "of", "Sept.", "\n",
        "yesterday", "next year", "1990s", "2023-24", "16/09/2023", "Article 127", "May", "ago",
    ],
    "fr": [
        "lundi", "lundi dernier", "en octobre", "16 septembre 2023", "du 20 au", "21 décembre",
        "entre 2020 et", "2023", "5 000 hommes", "à 16h00", "début 2025", "il y a deux ans",
        "depuis plus de 900 jours", "cette semaine", "l\u2019an dernier", "fin avril", "mi-",
        "2024", "1er janvier", "au", "et", "de", "la", "le mois dernier", "\n", "hier", "années 90",
        "aujourd'hui", "mardi prochain", "au cours des deux derniers mois", "mai", "dans",
    ],
}  # fmt: skip
PUBS = [None, "2026-02-09", "2025-12", "2025"]


def random_texts(lang: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test text, not secrets
    words = FRAGMENTS[lang]
    texts = []
    for _ in range(count):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 14))]
        seps = [rng.choice([" ", " ", " ", ", ", ". ", "-", ""]) for _ in parts]
        texts.append("".join(p + s for p, s in zip(parts, seps, strict=True)))
    return texts


def check(text: str, found: list[TimeExpr]) -> None:
    previous_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= previous_end, "sorted and non-overlapping"
        previous_end = e.end
        assert (e.value is None) == (e.precision is None) == (e.anchor == "none")
        if e.value is not None:
            assert len(e.value) == {"day": 10, "month": 7, "year": 4}[e.precision or "day"]
        if e.end_value is not None:
            assert e.value is not None
            n = min(len(e.value), len(e.end_value))
            assert e.value[:n] <= e.end_value[:n]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_timex_spans_slice_back_and_never_overlap(lang: str) -> None:
    for i, text in enumerate(random_texts(lang, 400, seed=7)):
        for pub in PUBS:
            found = find_time_expressions(text, lang=lang, publication_date=pub)
            check(text, found)
            # pure: the same call gives the same answer
            assert found == find_time_expressions(text, lang=lang, publication_date=pub), i


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_timex_absolute_values_do_not_depend_on_the_anchor(lang: str) -> None:
    for text in random_texts(lang, 200, seed=11):
        runs = [find_time_expressions(text, lang=lang, publication_date=p) for p in PUBS]
        absolute = [{e for e in run if e.anchor == "absolute"} for run in runs]
        assert all(a == absolute[0] for a in absolute)


def test_timex_survives_text_whose_lower_case_is_longer() -> None:
    text = "\u0130stanbul \u0130 talks on May 5, 2024 and on Monday"
    found = find_time_expressions(text, lang="en", publication_date="2026-02-09")
    check(text, found)
    assert [e.text for e in found] == ["May 5, 2024", "Monday"]


def test_timex_empty_and_dateless_text() -> None:
    assert find_time_expressions("", lang="en", publication_date=None) == []
    assert find_time_expressions("No dates here at all.", lang="fr", publication_date=None) == []


def test_timex_is_fast_enough_for_a_corpus() -> None:
    # a generous bound: a regression to per-pattern scans of the whole text is ~20x slower
    text = " ".join(random_texts("en", 300, seed=3)) + " plain words" * 1500
    words = len(text.split())
    start = time.perf_counter()
    find_time_expressions(text, lang="en", publication_date="2026-02-09")
    per_thousand = (time.perf_counter() - start) * 1000 / words * 1000
    assert per_thousand < 20, f"{per_thousand:.1f} ms per 1000 words"


@pytest.mark.shared
def test_timex_seed_corpus_spans(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for pub in (None, "2026-02-09"):
            check(text, find_time_expressions(text, lang="en", publication_date=pub))
