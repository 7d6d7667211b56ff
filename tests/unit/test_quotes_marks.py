# ruff: noqa: RUF001
"""Where quoted words are, from the quotation marks alone (no model needed)."""

from __future__ import annotations

from sahelwatch.nlp.quotes.marks import MAX_CHAIN, find_segments


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


def test_quotes_marks_straight_curly_and_guillemets() -> None:
    text = 'He said "one," then “two” and « trois » and «quatre».'
    assert quoted(text) == ["one", "two", "trois", "quatre"]


def test_quotes_marks_trailing_comma_and_spaces_are_not_words() -> None:
    text = '«\u00a0Nous restons\u202f», dit-il. "Yes, " she said.'
    assert quoted(text) == ["Nous restons", "Yes"]


def test_quotes_marks_single_marks_and_apostrophes_never_quote() -> None:
    assert quoted("It's the 'red zone', ‘they’ said, and Mali’s army agreed.") == []


def test_quotes_marks_inch_mark_does_not_open_a_quote() -> None:
    assert quoted('The 12" pipe burst near Gao.') == []


def test_quotes_marks_inner_marks_stay_inside_guillemets() -> None:
    text = "« On nous a dit “attendez” puis « revenez » demain », dit-elle."
    assert quoted(text) == ["On nous a dit “attendez” puis « revenez » demain"]


def test_quotes_marks_stray_opening_mark_restarts_the_quote() -> None:
    text = 'A stray " mark, then "the real quote" here.'
    assert quoted(text) == ["the real quote"]


def test_quotes_marks_quote_running_over_paragraphs_is_one_chain() -> None:
    text = '"First part.\n\n"Second part.\n\n"Last part," he said.\n\n"Another quote."'
    segments = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == [
        "First part.",
        "Second part.",
        "Last part",
        "Another quote.",
    ]
    assert [s.chain for s in segments] == [0, 0, 0, 1]
    assert [s.close_mark is None for s in segments] == [True, True, False, False]


def test_quotes_marks_chain_is_capped() -> None:
    text = "\n\n".join(['"Paragraph of speech.'] * (MAX_CHAIN + 3))
    chains = [s.chain for s in find_segments(text)]
    assert len(chains) == MAX_CHAIN + 3
    assert chains.count(0) == MAX_CHAIN


def test_quotes_marks_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'He said "the road is closed.\nTrucks waited in Gao for two days.'
    assert quoted(text) == ["the road is closed."]


def test_quotes_marks_long_unclosed_quote_is_dropped() -> None:
    assert quoted('"' + "words " * 400) == []


def test_quotes_marks_empty_quote_is_dropped() -> None:
    assert quoted('An empty "" pair and a "," comma.') == []
