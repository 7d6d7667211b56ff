"""Markdown: syntax goes, words and structure stay."""

from __future__ import annotations

from sahelwatch.clean.markdown import strip_markdown


def test_clean_markdown_heading_first_line_is_the_title() -> None:
    result = strip_markdown("# Joint force gets a **single** command\n\nThe ministers agreed.")
    assert result.title == "Joint force gets a single command"


def test_clean_markdown_heading_after_text_is_not_the_title() -> None:
    result = strip_markdown("Intro paragraph.\n\n## Background\n\nMore text.")
    assert result.title is None
    assert "Background" in result.text
    assert "#" not in result.text


def test_clean_markdown_setext_heading_is_the_title() -> None:
    result = strip_markdown("Joint force gets a command\n==========================\n\nText.")
    assert result.title == "Joint force gets a command"
    assert "=" not in result.text


def test_clean_markdown_strips_links_emphasis_and_images() -> None:
    source = (
        "The [regional bloc](https://bloc.example/about) said it was *deeply* concerned.\n"
        "![Soldiers at a checkpoint](img/checkpoint.jpg)\n"
        "See `statement.pdf` and __annex__ at <https://bloc.example/annex>.\n"
        "[1]: https://bloc.example/ref"
    )
    text = strip_markdown(source).text
    assert "The regional bloc said it was deeply concerned." in text
    assert "Soldiers at a checkpoint" not in text
    assert "See statement.pdf and annex at https://bloc.example/annex." in text
    assert "[1]" not in text


def test_clean_markdown_lists_and_quotes_keep_their_lines() -> None:
    text = strip_markdown("> A quoted line\n\n* first item\n+ second item\n- third item").text
    assert text.splitlines() == [
        "A quoted line",
        "",
        "- first item",
        "- second item",
        "- third item",
    ]


def test_clean_markdown_keeps_asterisk_that_is_not_emphasis() -> None:
    assert strip_markdown("Fields marked * are required").text == "Fields marked * are required"
