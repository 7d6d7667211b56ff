"""Printed publication dates: whole date lines only, normalized to partial ISO."""

from __future__ import annotations

import pytest

from sahelwatch.clean.dates import (
    date_from_url,
    normalize_date,
    parse_date_fallback,
    parse_date_line,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Tuesday 14/October/2025 09:05 AM", "2025-10-14"),
        ("October 14, 2025", "2025-10-14"),
        ("14 October 2025", "2025-10-14"),
        ("2025-10-14", "2025-10-14"),
        ("2025-10-14T09:05:00+01:00", "2025-10-14"),
        ("14/10/2025", "2025-10-14"),
        ("03/04/2025", "2025-04-03"),  # day first when both readings are possible
        ("10/14/2025", "2025-10-14"),  # month first when day first is impossible
        ("Published: Oct. 14, 2025, 9:05 a.m. GMT", "2025-10-14"),
        ("Updated 14 Oct 2025 | 10:15 WAT", "2025-10-14"),
        ("mardi 14 octobre 2025", "2025-10-14"),
        ("Publié le 14/10/2025 à 09h05", "2025-10-14"),
        ("Publié le 1er octobre 2025 à 18h00", "2025-10-01"),
        ("October 2025", "2025-10"),
        ("October 14, 2025 4:29 PM GMT+1 Updated 3 hours ago", "2025-10-14"),
    ],
)
def test_clean_dates_parses_printed_date_lines(line: str, iso: str) -> None:
    printed = parse_date_line(line)
    assert printed is not None
    assert printed.iso == iso


@pytest.mark.parametrize(
    "line",
    [
        "On October 14, 2025 the envoy arrived in the capital.",
        "From 8 to 10 July, the delegation toured the northern regions.",
        "14 October",  # no year: not a publication date
        "Elections 2025",
        "31/02/2025",
        "",
    ],
)
def test_clean_dates_refuses_lines_that_are_not_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_clean_dates_marks_update_lines() -> None:
    printed = parse_date_line("Mis à jour le 15 octobre 2025")
    assert printed is not None
    assert printed.updated


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Tue, 14 Oct 2025 09:05:00 +0000", "2025-10-14"),
        ("2025-10-14T09:05:00Z", "2025-10-14"),
        ("14 octobre 2025", "2025-10-14"),
        ("2025-10", "2025-10"),
        ("2025", "2025"),
        ("1760432700", "2025-10-14"),  # Unix time from a JSON record
        ("1760432700000", "2025-10-14"),  # the same in milliseconds
    ],
)
def test_clean_dates_normalizes_metadata_values(value: str, iso: str) -> None:
    assert normalize_date(value) == iso


def test_clean_dates_normalize_gives_none_for_nonsense() -> None:
    assert normalize_date("not a date at all") is None


def test_clean_dates_reads_day_and_month_from_urls() -> None:
    assert date_from_url("https://news.example/2025/10/14/sahel-summit") == "2025-10-14"
    assert date_from_url("https://news.example/africa/2025/10/summit.html") == "2025-10"
    assert date_from_url("file:///data/articles/summit.txt") is None


def test_clean_dates_fallback_reads_other_languages() -> None:
    printed = parse_date_fallback("14 okt. 2025")
    assert printed is not None
    assert printed.iso == "2025-10-14"


def test_clean_dates_fallback_needs_day_month_and_year() -> None:
    assert parse_date_fallback("Sahel Cup 2025") is None
    assert (
        parse_date_fallback("A long line that goes on and on about the year 2025 and more") is None
    )
