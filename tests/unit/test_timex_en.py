"""English time expressions: what is found, its span and its value against an anchor.

Each row is (sentence, publication date, expected), expected being the list of
(text, value, precision, approximate[, end_value]) in text order. The sentences
are written for these tests. 2026-02-09 is a Monday, 2025-11-12 a Wednesday.
"""

from __future__ import annotations

import pytest

from sahelwatch.model import TimeExpr
from sahelwatch.nlp.timex import find_time_expressions, infer_anchor

MON = "2026-02-09"
WED = "2025-11-12"

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
    return find_time_expressions(text, lang="en", publication_date=pub)


ABSOLUTE: list[Row] = [
    ("The accord was signed on September 16, 2023 in Bamako.", WED,
     [("September 16, 2023", "2023-09-16", "day", False)]),
    ("Delegates met on 16 September 2023 behind closed doors.", WED,
     [("16 September 2023", "2023-09-16", "day", False)]),
    ("The charter dates from Sept. 16, 2023, its preamble says.", WED,
     [("Sept. 16, 2023", "2023-09-16", "day", False)]),
    ("A decree dated 2023-09-16 was read on state television.", WED,
     [("2023-09-16", "2023-09-16", "day", False)]),
    ("Posted Monday 09/February/2026 16:29 PM by the desk", WED,
     [("Monday 09/February/2026", "2026-02-09", "day", False)]),
    ("The ceasefire began on 16/09/2023 at dawn.", WED,
     [("16/09/2023", "2023-09-16", "day", False)]),
    ("The permit was stamped 09/16/2023 at the border post.", WED,
     [("09/16/2023", "2023-09-16", "day", False)]),
    ("The vote was called for 03/04/2025 by the commission.", WED,
     [("03/04/2025", "2025-04-03", "day", False)]),
    ("A confederation treaty followed in July 2024.", WED,
     [("July 2024", "2024-07", "month", False)]),
    ("Foreign troops withdrew in 2023, officials said.", WED,
     [("2023", "2023", "year", False)]),
    ("The 2023 coup reshaped alliances across the region.", WED,
     [("2023", "2023", "year", False)]),
    ("Wednesday, January 29, 2025 marked the formal exit.", WED,
     [("Wednesday, January 29, 2025", "2025-01-29", "day", False)]),
    ("Talks resumed on the 3rd of March 2024 in Lomé.", WED,
     [("3rd of March 2024", "2024-03-03", "day", False)]),
    ("The floods peaked in mid-August 2024.", WED,
     [("mid-August 2024", "2024-08", "month", True)]),
    ("A new currency was floated on 1st January 2025.", WED,
     [("1st January 2025", "2025-01-01", "day", False)]),
    ("Leap day talks were held on 29 February 2024.", WED,
     [("29 February 2024", "2024-02-29", "day", False)]),
    ("Insurgents have been active there since 2012.", WED,
     [("2012", "2012", "year", False)]),
    ("The militias of the 1990s were disbanded.", WED,
     [("1990s", "1990", "year", True, "1999")]),
]  # fmt: skip

DAY_MONTH: list[Row] = [
    ("The envoy arrived in the capital on May 27.", WED,
     [("May 27", "2025-05-27", "day", False)]),
    ("Ministers gathered on 8 July to discuss the border.", WED,
     [("8 July", "2025-07-08", "day", False)]),
    ("The convoy was ambushed on December 20.", "2026-01-05",
     [("December 20", "2025-12-20", "day", False)]),
    ("The summit will open on March 3 in Niamey.", MON,
     [("March 3", "2026-03-03", "day", False)]),
    ("Observers recalled what happened on February 29.", "2026-03-01",
     [("February 29", "2024-02-29", "day", False)]),
    ("Protests broke out on Thursday, January 29.", MON,
     [("Thursday, January 29", "2026-01-29", "day", False)]),
    ("A mediator arrived on November 12.", WED,
     [("November 12", "2025-11-12", "day", False)]),
]  # fmt: skip

RANGES: list[Row] = [
    ("From July 8 to 10, the adviser toured the capital.", WED,
     [("From July 8 to 10", "2025-07-08", "day", False, "2025-07-10")]),
    ("The forum ran July 8-10, 2025 in Accra.", WED,
     [("July 8-10, 2025", "2025-07-08", "day", False, "2025-07-10")]),
    ("Leaders met between 20 and 21 December for the summit.", "2026-01-05",
     [("between 20 and 21 December", "2025-12-20", "day", False, "2025-12-21")]),
    ("Three governments fell from 2020 through 2023.", WED,
     [("from 2020 through 2023", "2020", "year", False, "2023")]),
    ("Joint drills lasted from 8 July to 10 August 2025.", WED,
     [("from 8 July to 10 August 2025", "2025-07-08", "day", False, "2025-08-10")]),
    ("The mission ran from July 2024 to March 2025.", WED,
     [("from July 2024 to March 2025", "2024-07", "month", False, "2025-03")]),
    ("Fuel ran short between September and November 2025.", WED,
     [("between September and November 2025", "2025-09", "month", False, "2025-11")]),
    ("The 2023-24 harvest fell short of needs.", WED,
     [("2023-24", "2023", "year", False, "2024")]),
    ("The vote was held on 21 and 22 December.", "2026-01-05",
     [("21 and 22 December", "2025-12-21", "day", False, "2025-12-22")]),
    ("Output doubled between 2019 and 2022.", WED,
     [("between 2019 and 2022", "2019", "year", False, "2022")]),
]  # fmt: skip

RELATIVE: list[Row] = [
    ("The foreign minister hosted the envoy on Monday.", MON,
     [("Monday", "2026-02-09", "day", False)]),
    ("The army said on Tuesday that the road was open.", MON,
     [("Tuesday", "2026-02-03", "day", False)]),
    ("Gunmen struck a market last Friday.", MON,
     [("last Friday", "2026-02-06", "day", False)]),
    ("A second round of talks is planned for next Tuesday.", MON,
     [("next Tuesday", "2026-02-10", "day", False)]),
    ("The junta issued a statement today.", MON,
     [("today", "2026-02-09", "day", False)]),
    ("A drone strike was reported yesterday near the border.", MON,
     [("yesterday", "2026-02-08", "day", False)]),
    ("Officials will travel to Dakar tomorrow.", MON,
     [("tomorrow", "2026-02-10", "day", False)]),
    ("Heads of state gathered in the capital this week.", WED,
     [("this week", "2025-11-10", "day", True)]),
    ("Clashes flared again last week.", WED,
     [("last week", "2025-11-03", "day", True)]),
    ("Bread prices rose this month.", WED,
     [("this month", "2025-11", "month", False)]),
    ("The bloc held an emergency meeting last month.", WED,
     [("last month", "2025-10", "month", False)]),
    ("The alliance opened a bank this year.", WED,
     [("this year", "2025", "year", False)]),
    ("He was appointed to lead the alliance last year.", WED,
     [("last year", "2024", "year", False)]),
    ("A census is due next year.", WED,
     [("next year", "2026", "year", False)]),
    ("The base closed two years ago.", WED,
     [("two years ago", "2023", "year", False)]),
    ("A few days ago, the border reopened.", WED,
     [("A few days ago", "2025-11-09", "day", True)]),
    ("In October, the adviser gave an interview to a daily.", MON,
     [("October", "2025-10", "month", False)]),
    ("In December, a joint force was unveiled.", "2026-01-05",
     [("December", "2025-12", "month", False)]),
    ("In February the junta dissolved the parties.", MON,
     [("February", "2026-02", "month", False)]),
    ("One example is January's raid on the airport.", MON,
     [("January", "2026-01", "month", False)]),
    ("At the end of April, the prime minister flew to Washington.", MON,
     [("end of April", "2025-04", "month", True)]),
    ("The governor said in October last year that aid would come.", WED,
     [("October last year", "2024-10", "month", False)]),
    ("The referendum took place last October.", "2025-10-20",
     [("last October", "2024-10", "month", False)]),
    ("Exports recovered earlier this year.", WED,
     [("earlier this year", "2025", "year", True)]),
    ("The mine was sold late last year.", WED,
     [("late last year", "2024", "year", True)]),
    ("The talks were held this Wednesday in Lomé.", MON,
     [("this Wednesday", "2026-02-11", "day", False)]),
]  # fmt: skip

APPROXIMATE: list[Row] = [
    ("The members decided in early 2025 to leave the bloc.", WED,
     [("early 2025", "2025", "year", True)]),
    ("Negotiations stalled in late 2024.", WED,
     [("late 2024", "2024", "year", True)]),
    ("Attacks peaked in mid-2024.", WED,
     [("mid-2024", "2024", "year", True)]),
    ("Growth slowed in the first half of 2025.", WED,
     [("first half of 2025", "2025", "year", True)]),
    ("Loans are due by the end of 2026.", WED,
     [("end of 2026", "2026", "year", True)]),
]  # fmt: skip

DURATIONS: list[Row] = [
    ("The former president has been held in his residence for more than 900 days.", MON,
     [("for more than 900 days", "2023", "year", True)]),
    ("The mayor has held office for over two years.", MON,
     [("for over two years", "2024", "year", True)]),
    ("The group has operated in the area for the past two years.", MON,
     [("for the past two years", "2024", "year", True)]),
    ("The council has ruled for 18 months.", MON,
     [("for 18 months", "2024-08", "month", True)]),
    ("The blockade has lasted for three weeks.", MON,
     [("for three weeks", "2026-01-19", "day", True)]),
    ("Insurgents have plagued the region for more than a decade.", MON,
     [("for more than a decade", "2016", "year", True)]),
]  # fmt: skip

NOT_DATES: list[Row] = [
    ("The news conference starts at 16:00 GMT.", MON, []),
    ("More than 5,000 troops were deployed.", MON, []),
    ("Nigeria won 4-0 in the quarter-final.", MON, []),
    ("Article 127 of the constitution was suspended.", MON, []),
    ("It was the second summit of the alliance.", MON, []),
    ("Some 2000 soldiers crossed the border.", MON, []),
    ("The COVID-19 crisis topped the G20 agenda.", MON, []),
    ("He is 45 years old and earns $2,500, a 20% rise.", MON, []),
    ("Call +223 2022 1234 for details.", MON, []),
    ("The index stood at 4,2023 points.", MON, []),
    ("Theresa May's government fell.", MON, []),
    ("The 25 countries on the list face visa curbs.", MON, []),
    ("The soldiers will stay for two years.", MON, []),
    ("They may march on the capital.", MON, []),
    ("It is a 50-year-old regional bloc.", MON, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "expected"), ABSOLUTE)
def test_timex_absolute_dates(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "absolute" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), DAY_MONTH)
def test_timex_day_month_takes_year_from_anchor(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "publication" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), RANGES)
def test_timex_ranges(text: str, pub: str | None, expected: list[tuple[object, ...]]) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), RELATIVE)
def test_timex_relative_to_publication(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    found = find(text, pub)
    assert summary(found) == expected
    assert all(e.anchor == "publication" for e in found)


@pytest.mark.parametrize(("text", "pub", "expected"), APPROXIMATE)
def test_timex_approximate_periods(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), DURATIONS)
def test_timex_durations_imply_a_start(
    text: str, pub: str | None, expected: list[tuple[object, ...]]
) -> None:
    assert summary(find(text, pub)) == expected


@pytest.mark.parametrize(("text", "pub", "expected"), NOT_DATES)
def test_timex_not_dates(text: str, pub: str | None, expected: list[tuple[object, ...]]) -> None:
    assert summary(find(text, pub)) == expected


def test_timex_monday_in_a_monday_article_is_that_day() -> None:
    [monday] = find("The minister spoke on Monday.", MON)
    assert (monday.value, monday.anchor) == ("2026-02-09", "publication")
    [monday] = find("The minister spoke on Monday.", "2026-02-08")
    assert monday.value == "2026-02-02"


def test_timex_inferred_anchor_is_latest_absolute_date() -> None:
    text = "On Monday the minister spoke. The decree of 16 December 2025 stands; 2019 is past."
    monday, decree, past = find(text, None)
    assert (monday.text, monday.value, monday.anchor) == ("Monday", "2025-12-15", "inferred")
    assert (decree.value, decree.anchor) == ("2025-12-16", "absolute")
    assert past.anchor == "absolute"
    assert infer_anchor([monday, decree, past]) == "2025-12-16"


def test_timex_without_any_anchor_keeps_the_span() -> None:
    [monday] = find("On Monday the minister spoke.", None)
    assert (monday.text, monday.start, monday.end) == ("Monday", 3, 9)
    assert (monday.value, monday.precision, monday.anchor) == (None, None, "none")


def test_timex_month_only_publication_date() -> None:
    text = "Prices rose last month. In October the vote was held. On Monday a strike began."
    last_month, october, monday = find(text, "2025-12")
    assert (last_month.value, last_month.anchor) == ("2025-11", "publication")
    assert (october.value, october.anchor) == ("2025-10", "publication")
    assert (monday.value, monday.anchor) == (None, "none")


def test_timex_coarse_publication_falls_back_to_a_finer_date_of_the_same_period() -> None:
    text = "On Monday a strike began. The decree of 16 December 2025 was lifted."
    monday, _ = find(text, "2025-12")
    assert (monday.value, monday.anchor) == ("2025-12-15", "inferred")
    monday, _ = find(text.replace("2025", "2023"), "2025-12")
    assert (monday.value, monday.anchor) == (None, "none")


def test_timex_year_only_publication_date() -> None:
    last_year, october = find("He left last year. In October he returned.", "2025")
    assert (last_year.value, last_year.anchor) == ("2024", "publication")
    assert (october.value, october.anchor) == (None, "none")


def test_timex_publication_date_with_time_and_garbage() -> None:
    [today] = find("Talks resumed today.", "2026-02-09T16:29:00+01:00")
    assert today.value == "2026-02-09"
    [today] = find("Talks resumed today.", "not a date")
    assert today.anchor == "none"


def test_timex_impossible_days_are_not_dates() -> None:
    assert find("Signed on 31/04/2025 in Niamey.", MON) == []
    # the month still stands when only the day is impossible
    assert summary(find("Signed on 30 February 2025 in Niamey.", MON)) == [
        ("February 2025", "2025-02", "month", False)
    ]


def test_timex_other_languages_use_english_patterns() -> None:
    [date] = find_time_expressions(
        "Signed on September 16, 2023.", lang="ha", publication_date=None
    )
    assert date.value == "2023-09-16"


def test_timex_longest_match_wins() -> None:
    found = find("Monday 16 February 2026 and February 2026 and 2026.", MON)
    assert [e.text for e in found] == ["Monday 16 February 2026", "February 2026", "2026"]
