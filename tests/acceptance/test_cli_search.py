"""`sahelwatch search` as a user types it: matches, filters, untrusted text, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelwatch import cli
from sahelwatch.cli import main, render
from sahelwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START

STORIES = {
    "aes.txt": """Sahel states sign a defence pact

By Amina Diallo

NIAMEY, 16 September 2023 - Mali, Burkina Faso and Niger signed the Liptako-Gourma \
charter, creating the Alliance of Sahel States, officials said.
""",
    "etats.txt": """Les États du Sahel quittent la CEDEAO

BAMAKO, 28 janvier 2024 - Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait \
immédiat de la Communauté économique des États de l'Afrique de l'Ouest.
""",
    "markup.txt": """Strange [bold red]markup[/] in a story

A reader pasted [link=https://evil.example]a link[/link] and [blink]noise[/blink] \
into this story about the Sahel.
""",
}


def run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps at 80 columns when it is not on a terminal; tests read whole lines."""
    monkeypatch.setattr(cli.out, "width", 400)
    monkeypatch.setattr(cli.err, "width", 400)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A knowledge base of three stories, stored without analysis (not needed here)."""
    home = tmp_path_factory.mktemp("cli-search")
    for name, story in STORIES.items():
        (home / name).write_text(story, encoding="utf-8")
    db_url = f"sqlite:///{home / 'kb.db'}"
    assert main(["--db", db_url, "ingest", "-q", "--no-analyze", str(home)]) == 0
    return db_url


def test_cli_search_finds_and_ranks(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, db, "search", "sahel")
    assert (code, err) == (0, "")
    assert "3 matching article(s)" in out
    assert "Sahel states sign a defence pact" in out
    code, out, _ = run(capsys, db, "search", "ETATS", "--lang", "fr")
    assert code == 0 and "1 matching article(s)" in out and "CEDEAO" in out
    code, out, _ = run(capsys, db, "search", '"Alliance of Sahel" Liptak*', "--limit", "1")
    assert code == 0 and "defence pact" in out
    assert HIGHLIGHT_START not in out and HIGHLIGHT_END not in out


def test_cli_search_pages(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "search", "sahel", "--limit", "2")
    assert code == 0 and "3 matching article(s), 1-2 shown" in out
    code, out, _ = run(capsys, db, "search", "sahel", "--limit", "2", "--offset", "2")
    assert code == 0 and "3-3 shown" in out


def test_cli_search_prints_article_text_literally(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, db, "search", "reader pasted")
    assert (code, err) == (0, "")
    assert "[bold red]markup[/]" in out
    assert "[link=https://evil.example]a link[/link]" in out


def test_cli_search_with_no_match(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "search", "zanzibar [x]")
    assert code == 0 and out.strip() == "No articles match 'zanzibar [x]'."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["!!!"], "nothing to search for"),
        (['"'], "nothing to search for"),
        (["sahel", "--type", "PLANET"], "PLANET: unknown type"),
        (["sahel", "--event-type", "party"], "party: unknown event type"),
        (["sahel", "--entity", "Nobody Here"], "Nobody Here: no entity"),
    ],
)
def test_cli_search_bad_input_is_one_line_and_exit_2(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, db, "search", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_search_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example" in out and "--event-type" in out


def test_snippet_matches_are_bold_and_text_is_not_markup(tmp_path: Path) -> None:
    rendered = render.snippet_text(f"a [b]{HIGHLIGHT_START}Sahel{HIGHLIGHT_END}[/b] c")
    assert rendered.plain == "a [b]Sahel[/b] c"
    assert [(s.start, s.end, str(s.style)) for s in rendered.spans] == [(5, 10, "bold")]
