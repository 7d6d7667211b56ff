"""Full-text search on a real SQLite file: query translation, matching, ranking, filters,
snippets, the index following every write, and the migration that creates it.

Most tests share one module-scoped store of hand-made articles (no analysis: the
mentions and events the filters need are written directly); tests that write
get a database of their own.
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text

from sahelwatch.config import Settings
from sahelwatch.errors import NotFoundError, UsageError
from sahelwatch.model import TEXT, Article, RawDocument
from sahelwatch.store import SearchResults, Store
from sahelwatch.store import schema as t
from sahelwatch.store.database import MIGRATIONS, create_database_engine
from sahelwatch.store.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MAX_WORDS,
    highlight_spans,
    match_expression,
)
from sahelwatch.workspace import Workspace

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

#: (key, lang, title, body, byline, site_name)
CORPUS = [
    (
        "wagner",
        "en",
        "Wagner fighters leave Mali",
        "Russian mercenaries of the Africa Corps replaced them in Bamako, officials said.",
        "By John Smith",
        "Reuters",
    ),
    (
        "ecowas",
        "en",
        "Sahel states quit ECOWAS",
        "The three juntas announced their withdrawal. Wagner was mentioned once in passing.",
        None,
        None,
    ),
    (
        "etats",
        "fr",
        "Les États du Sahel quittent la CEDEAO",
        "Le général Abdourahamane Tiani a reçu le capitaine Ibrahim Traoré à Niamey.",
        None,
        "RFI",
    ),
    (
        "attaque",
        "fr",
        "Attaque près de Bamako",
        "Des hommes armés ont attaqué un poste de l'armée. Le colonel Assimi Goïta a réagi.",
        None,
        None,
    ),
    (
        "odd",
        "en",
        "Odd [bold]characters[/bold]",
        "A private \ue000marker\ue001 here, <script>alert(1)</script> and more about Bamako.",
        None,
        None,
    ),
    ("filler", "en", "Weather report", "It is hot in Niamey today, and dry.", None, None),
]


def make_article(
    n: int, key: str, lang: str, title: str | None, body: str, byline: str | None, site: str | None
) -> tuple[RawDocument, Article]:
    raw = RawDocument(f"file:///corpus/{key}.txt", f"{title}\n{body}".encode(), TEXT, NOW, {})
    content_key = f"{n:016x}" + "b" * 48
    article = Article(
        id=content_key[:16],
        content_key=content_key,
        source_uri=raw.uri,
        title=title,
        byline=byline,
        publication_date="2025-06-01",
        publication_date_source="text",
        lang=lang,
        body=body,
        site_name=site,
    )
    return raw, article


def store_article(store: Store, n: int, *fields: str | None) -> str:
    key, lang, title, body, byline, site = fields
    assert key and lang and body
    raw, article = make_article(n, key, lang, title, body, byline, site)
    assert store.add_article(
        raw, article, minhash=None, duplicate_of=None, pipeline_version="t", input_name=raw.uri
    )
    return article.id


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    """The store, and article ids by key."""
    url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'kb.db'}"
    store = Store(url)
    ids = {fields[0]: store_article(store, n, *fields) for n, fields in enumerate(CORPUS, 1)}
    entities = [
        ("tiani", "Abdourahamane Tiani", "PERSON", ["Abdourahamane Tiani", "Tiani"]),
        ("bamako", "Bamako", "GPE", ["Bamako"]),
        ("jnim", "JNIM", "GROUP", ["JNIM"]),
    ]
    mentions = [("etats", "tiani"), ("attaque", "bamako"), ("wagner", "bamako")]
    events = [("attaque", "attack"), ("ecowas", "withdrawal")]
    with store.engine.begin() as conn:
        for entity_id, name, type_, aliases in entities:
            conn.execute(
                insert(t.entities).values(id=entity_id, name=name, type=type_, created_at=NOW)
            )
            for alias in aliases:
                conn.execute(
                    insert(t.entity_aliases).values(
                        entity_id=entity_id, alias=alias, norm=alias.lower()
                    )
                )
        for key, entity_id in mentions:
            conn.execute(
                insert(t.mentions).values(
                    article_id=ids[key],
                    entity_id=entity_id,
                    start_char=0,
                    end_char=1,
                    text="x",
                    role="name",
                )
            )
        for n, (key, type_) in enumerate(events):
            conn.execute(
                insert(t.events).values(
                    id=f"ev{n}",
                    article_id=ids[key],
                    type=type_,
                    start_char=0,
                    end_char=1,
                    evidence="x",
                    trigger="x",
                    approximate=False,
                    date_basis="none",
                    modality="asserted",
                    confidence=0.9,
                )
            )
    yield store, ids
    store.close()


def found(results: SearchResults, ids: dict[str, str]) -> list[str]:
    """The keys of the hits, in rank order."""
    by_id = {v: k for k, v in ids.items()}
    return [by_id[h.article_id] for h in results.hits]


def check_index(store: Store) -> None:
    """FTS5 compares the index with the articles table and raises if they differ."""
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)")
        )


# -- translating what a user types ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("Sahel states", '"Sahel" "states"'),
        ('"leave ECOWAS"', '"leave ECOWAS"'),
        ("ecow*", '"ecow"*'),
        ("ecow***", '"ecow"*'),
        ('"foo bar"*', '"foo bar"*'),
        ("AND OR NOT", '"AND" "OR" "NOT"'),
        ("NEAR(a b)", '"NEAR(a" "b)"'),
        ('a"b', '"a" "b"'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("-x title:y", '"-x" "title:y"'),
        ("a*b", '"a*b"'),
        ("  spaced\tout\n", '"spaced" "out"'),
        ("foo\x00bar", '"foo" "bar"'),
        ("lone \ud800 surrogate", '"lone" "surrogate"'),
        ("e\u0301tats", '"\u00e9tats"'),
    ],
)
def test_every_term_is_quoted(typed: str, expression: str) -> None:
    assert match_expression(typed) == expression


@pytest.mark.parametrize(
    "typed", ["", "   ", "!!!", '"', '""', '" "', "*", "-", ":", "\x00", "(" * 10_000, '"' * 10_001]
)
def test_nothing_to_search_for_is_a_usage_error(typed: str) -> None:
    with pytest.raises(UsageError, match="nothing to search for"):
        match_expression(typed)


def test_a_pasted_paragraph_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=f"too many words .*at most {MAX_WORDS}"):
        match_expression("word " * 2_000)
    assert match_expression(" ".join(["word"] * MAX_WORDS))


HOSTILE = [
    '"',
    "*",
    "NEAR(",
    "NEAR(Sahel Mali, 2)",
    "AND OR NOT",
    "Sahel AND",
    "OR Mali",
    "NOT",
    "-",
    "-Sahel",
    ":",
    "title:Sahel",
    "{title body}: Sahel",
    "^Sahel",
    "Sahel + Mali",
    "(Sahel",
    "Sahel)",
    '"Sahel',
    'Sahel"',
    '""Sahel""',
    "Sahel*Mali",
    "*Sahel",
    "\\",
    "'; DROP TABLE articles; --",
    "\x00Sahel",
    "\ud800",
    "🙂 Sahel",
    "\ue000",
    "\ue001 \ue000",
    "\u200b",
    "ǅ",
    "é" * 5_000,
    "x" * 10_000,
    "Sahel " * 2_000,
    "(" * 10_000,
    '"' * 10_001,
    "*" * 10_000,
    ":" * 10_000,
]


@pytest.mark.parametrize("typed", HOSTILE, ids=lambda s: repr(s[:20]))
def test_hostile_input_never_breaks_fts5(corpus: tuple[Store, dict[str, str]], typed: str) -> None:
    store, _ = corpus
    try:
        results = store.search_articles(typed)
    except UsageError as error:
        assert "search" in str(error) and len(str(error)) < 200
    else:
        assert results.total >= len(results.hits)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(list(string.printable + '"*():^-+{}ÉéœΣ\ue000'))))
def test_any_text_is_a_search_or_a_usage_error(
    corpus: tuple[Store, dict[str, str]], typed: str
) -> None:
    store, _ = corpus
    with contextlib.suppress(UsageError):
        store.search_articles(typed, limit=3)


# -- matching ---------------------------------------------------------------------


def test_case_and_accents_do_not_matter(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    assert found(store.search_articles("Etats"), ids) == ["etats"]
    assert found(store.search_articles("ÉTATS"), ids) == ["etats"]
    assert found(store.search_articles("goita"), ids) == ["attaque"]
    assert found(store.search_articles("TRAORE niamey"), ids) == ["etats"]
    assert found(store.search_articles("GÉNÉRAL"), ids) == ["etats"]


def test_phrases_prefixes_and_all_terms(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    assert found(store.search_articles('"quittent la CEDEAO"'), ids) == ["etats"]
    assert store.search_articles('"CEDEAO quittent"').total == 0
    assert found(store.search_articles("ECOW*"), ids) == ["ecowas"]
    assert store.search_articles("ECOW").total == 0
    assert found(store.search_articles("Niamey hot"), ids) == ["filler"]
    assert found(store.search_articles("AND OR NOT"), ids) == []


def test_byline_and_site_are_searched(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    assert found(store.search_articles("Smith"), ids) == ["wagner"]
    assert found(store.search_articles("Reuters"), ids) == ["wagner"]
    hit = store.search_articles("RFI").hits[0]
    assert (hit.source, hit.lang, hit.publication_date) == ("RFI", "fr", "2025-06-01")


def test_a_title_match_ranks_above_a_body_match(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    results = store.search_articles("wagner")
    assert found(results, ids) == ["wagner", "ecowas"]
    assert results.hits[0].score > results.hits[1].score > 0


def test_snippets_mark_the_matches(corpus: tuple[Store, dict[str, str]]) -> None:
    store, _ = corpus
    hit = store.search_articles("mercenaries bamako").hits[0]
    assert f"{HIGHLIGHT_START}mercenaries{HIGHLIGHT_END}" in hit.snippet
    assert f"{HIGHLIGHT_START}Bamako{HIGHLIGHT_END}" in hit.snippet
    plain, spans = highlight_spans(hit.snippet)
    assert HIGHLIGHT_START not in plain and HIGHLIGHT_END not in plain
    assert [plain[a:b] for a, b in spans] == ["mercenaries", "Bamako"]


def test_marker_characters_printed_in_an_article_are_not_highlights(
    corpus: tuple[Store, dict[str, str]],
) -> None:
    store, _ = corpus
    hit = store.search_articles("private").hits[0]
    assert hit.snippet.count(HIGHLIGHT_START) == 1 and hit.snippet.count(HIGHLIGHT_END) == 1
    assert f"{HIGHLIGHT_START}private{HIGHLIGHT_END} \ufffdmarker\ufffd" in hit.snippet
    assert hit.title == "Odd [bold]characters[/bold]"  # untrusted text comes back as it is


def test_highlight_spans_of_a_plain_text() -> None:
    assert highlight_spans("no marks") == ("no marks", ())
    assert highlight_spans("\ue000a\ue001 b \ue000cd\ue001") == ("a b cd", ((0, 1), (4, 6)))


# -- filters and pages --------------------------------------------------------------


def test_filters(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    everywhere = set(found(store.search_articles("Bamako"), ids))
    assert everywhere == {"wagner", "attaque", "odd"}
    assert found(store.search_articles("Bamako", language="fr"), ids) == ["attaque"]
    assert set(found(store.search_articles("Bamako", entity="bamako"), ids)) == {
        "wagner",
        "attaque",
    }
    assert found(store.search_articles("Sahel", entity_type="PERSON"), ids) == ["etats"]
    assert set(found(store.search_articles("Bamako", entity_type="GPE"), ids)) == {
        "wagner",
        "attaque",
    }
    assert found(store.search_articles("Bamako", event_type="attack"), ids) == ["attaque"]
    assert found(store.search_articles("Sahel", event_type="withdrawal"), ids) == ["ecowas"]
    assert store.search_articles("Bamako", entity="jnim").total == 0
    assert store.search_articles("Bamako", event_type="attack", language="en").total == 0


def test_pages_and_total(corpus: tuple[Store, dict[str, str]]) -> None:
    store, _ = corpus
    everything = store.search_articles("Bamako")
    first = store.search_articles("Bamako", limit=2)
    rest = store.search_articles("Bamako", limit=2, offset=2)
    assert first.total == rest.total == everything.total == 3
    assert [h.article_id for h in first.hits + rest.hits] == [h.article_id for h in everything.hits]
    assert store.search_articles("Bamako", offset=50) == SearchResults(total=3, hits=())
    with pytest.raises(UsageError):
        store.search_articles("Bamako", limit=0)


def test_workspace_resolves_entity_names_and_checks_types(
    corpus: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, ids = corpus
    with Workspace(settings=Settings(home=tmp_path, database_url=store.url, max_bytes=1024)) as ws:
        by_name = ws.search("Sahel", entity="tiani")
        assert found(by_name, ids) == ["etats"]
        assert ws.search("Sahel", entity="Abdourahamane Tiani") == by_name
        assert ws.search("Sahel", entity_type="person") == by_name
        assert found(ws.search("Bamako", event_type="Attack", language="FR"), ids) == ["attaque"]
        with pytest.raises(NotFoundError, match="Nobody Here: no entity"):
            ws.search("Sahel", entity="Nobody Here")
        with pytest.raises(UsageError, match="PLANET: unknown type"):
            ws.search("Sahel", entity_type="PLANET")
        with pytest.raises(UsageError, match="nope: unknown event type"):
            ws.search("Sahel", event_type="nope")
        with pytest.raises(UsageError, match="nothing to search for"):
            ws.search("?!")


# -- the index follows the articles ----------------------------------------------------


def test_the_index_follows_inserts_updates_and_deletes(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    first = store_article(store, 1, "a", "en", "Drought in Gao", "Wells dried up.", None, None)
    second = store_article(store, 2, "b", "en", "Drought in Kidal", "Herders moved.", None, None)
    assert store.search_articles("drought").total == 2
    # Storing the same content again writes nothing, and the index has no second copy.
    raw, article = make_article(1, "a", "en", "Drought in Gao", "Wells dried up.", None, None)
    assert not store.add_article(
        raw, article, minhash=None, duplicate_of=None, pipeline_version="t", input_name="again"
    )
    assert store.search_articles("gao").total == 1
    with store.engine.begin() as conn:
        conn.execute(t.articles.update().where(t.articles.c.id == first).values(title="Floods"))
    assert store.search_articles("gao").total == 0
    assert [h.article_id for h in store.search_articles("floods").hits] == [first]
    store.repoint_duplicates(second, first)  # an update of an unindexed column
    check_index(store)
    with store.engine.begin() as conn:
        conn.execute(t.articles.update().values(duplicate_of=None))
        conn.execute(t.removed_segments.delete())
        conn.execute(t.articles.delete().where(t.articles.c.id == second))
    assert store.search_articles("drought").total == 0
    assert store.search_articles("herders").total == 0
    check_index(store)


def test_reingest_keeps_the_index_in_sync(tmp_path: Path, workspace: Workspace) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Convoy reaches Menaka\n\nThe convoy reached Menaka on Monday.\n")
    assert len(workspace.ingest([str(story)], analyze=False).new) == 1
    assert workspace.ingest([str(story)], analyze=False).unchanged == 1
    assert workspace.search("Menaka").total == 1
    story.write_text("Convoy reaches Ménaka\n\nThe convoy was ambushed near Ménaka.\n")
    assert len(workspace.ingest([str(story)], analyze=False).new) == 1
    assert workspace.search("menaka").total == 2
    assert workspace.search("ambushed").total == 1
    check_index(workspace.store)


def test_the_triggers_exist_at_head(corpus: tuple[Store, dict[str, str]]) -> None:
    store, _ = corpus
    with store.engine.connect() as conn:
        triggers = set(
            conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
        )
    assert {"article_search_insert", "article_search_update", "article_search_delete"} <= triggers
    check_index(store)


def _alembic(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def test_migration_backfills_articles_stored_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_database_engine(url)
    raw, article = make_article(
        1, "old", "fr", "Les États du Sahel", "Un sommet à Niamey.", None, None
    )
    with engine.begin() as conn:
        command.upgrade(_alembic(conn), "0004")
        document_id = conn.execute(
            insert(t.documents)
            .values(
                content_key=article.content_key,
                sha256=raw.sha256,
                uri=raw.uri,
                media_type=raw.media_type,
                hints="{}",
                content=raw.content,
                fetched_at=NOW,
            )
            .returning(t.documents.c.id)
        ).scalar_one()
        conn.execute(
            insert(t.articles).values(
                id=article.id,
                document_id=document_id,
                source_uri=raw.uri,
                title=article.title,
                body=article.body,
                lang="fr",
                pipeline_version="t",
                ingested_at=NOW,
            )
        )
    engine.dispose()
    store = Store(url)  # opening migrates to head
    assert store.revision == "0005"
    assert [h.article_id for h in store.search_articles("etats sommet").hits] == [article.id]
    check_index(store)
    # Down to 0004 and up again: the index goes, and comes back complete.
    with store.engine.begin() as conn:
        command.downgrade(_alembic(conn), "0004")
        assert "article_search" not in set(
            conn.execute(text("SELECT name FROM sqlite_master")).scalars()
        )
        command.upgrade(_alembic(conn), "head")
    assert store.search_articles("Niamey").total == 1
    check_index(store)
    store.close()
