"""The ``sahelwatch`` command: a thin shell over ``Workspace``.

Each command parses options, calls one ``Workspace`` method and renders what
comes back (``render.py``). Errors that sahelwatch raises on purpose print as
one line on stderr and exit with status 2; only bugs show a traceback.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console

from sahelwatch import __version__
from sahelwatch.cli import render
from sahelwatch.cli.progress import IngestProgress
from sahelwatch.errors import SahelwatchError, UsageError
from sahelwatch.report import timeline as timeline_report
from sahelwatch.report.acled import write_acled_csv
from sahelwatch.report.brief import write_brief
from sahelwatch.report.export import dumps_export
from sahelwatch.report.graphml import write_graphml
from sahelwatch.workspace import Workspace, checked_entity_type, checked_event_type

EXIT_BAD_INPUT = 2
EXPORT_FORMATS = ("json", "acled", "graphml")
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

app = typer.Typer(
    name="sahelwatch",
    help=(
        "Turn news articles about the Sahel into a knowledge base whose every fact "
        "points back to its sentence.\n\n"
        "The database is a SQLite file under $SAHELWATCH_HOME (default ./data) unless "
        "--db or $SAHELWATCH_DB names another SQLite database (sqlite:///path/kb.db).\n\n"
        "Example: sahelwatch ingest examples/corpus && sahelwatch stats"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="SAHELWATCH_DB", help="Database URL (default: SQLite in ./data)."),
]


class _State:
    database_url: str | None = None


def _workspace() -> Workspace:
    return Workspace(_State.database_url)


def _version(value: bool) -> None:
    if value:
        out.print(f"sahelwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    db: DbOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    _State.database_url = db
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def ingest(
    targets: Annotated[
        list[str],
        typer.Argument(help="Files, directories (read recursively), globs or http(s) URLs."),
    ],
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Allow URLs on private or loopback addresses (refused by default).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_analyze: Annotated[
        bool,
        typer.Option("--no-analyze", help="Only store the articles; `sahelwatch analyze` later."),
    ] = False,
) -> None:
    """Read articles into the knowledge base: text, Markdown, HTML, JSON, JSONL, RSS/Atom,
    WARC and URLs.

    The same content is stored once, however often or under whatever path it is ingested.
    An input that cannot be read gets one line on stderr, is listed by `sahelwatch failures`,
    and the rest of the batch goes on; the exit status is then 2.

    Example: sahelwatch ingest examples/corpus 'more/*.html' https://example.org/story
    """
    with _workspace() as ws, IngestProgress(err, enabled=not quiet) as progress:
        report = ws.ingest(
            targets, allow_private=allow_private, observer=progress, analyze=not no_analyze
        )
    out.print(report.summary())
    if not report.ok:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def analyze(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse every stored article not yet analysed by this version: entities, mentions,
    ranks and titles, resolved across the corpus. `ingest` does this by itself unless
    given --no-analyze.

    Example: sahelwatch analyze
    """
    with _workspace() as ws, IngestProgress(err, enabled=not quiet) as progress:
        count = ws.analyze_pending(observer=progress)
    out.print(f"{count} article(s) analysed")


@app.command()
def articles(
    lang: Annotated[
        str | None, typer.Option(help="Only articles in this language (en, fr...).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List stored articles in the order they were ingested.

    Example: sahelwatch articles --lang fr --limit 20
    """
    with _workspace() as ws:
        rows = ws.articles(limit=limit, offset=offset, lang=lang)
    if as_json:
        for row in rows:
            out.print_json(json.dumps(render.summary_dict(row)), indent=None)
        return
    out.print(render.articles_table(rows))


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "quoted phrases" and prefix* terms; all must match. '
            "Case and accents do not matter."
        ),
    ],
    entity: Annotated[
        str | None,
        typer.Option("--entity", "-e", help="Only articles mentioning this entity (name or id)."),
    ] = None,
    entity_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="Only articles mentioning an entity of this type: PERSON, ORG, GPE, LOC, "
            "GROUP, FAC, OTHER.",
        ),
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option("--event-type", help="Only articles reporting this event type (e.g. attack)."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Only articles in this language (en, fr).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 20,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many best matches first.")] = 0,
) -> None:
    """Search the articles' titles, texts, bylines and sites, best match first, with the
    passage that matched in bold.

    Example: sahelwatch search '"Etats du Sahel" sommet*' --lang fr --event-type summit
    """
    with _workspace() as ws:
        results = ws.search(
            query,
            entity=entity,
            entity_type=entity_type,
            event_type=event_type,
            language=lang,
            limit=limit,
            offset=offset,
        )
    if not results.total:
        out.print(f"No articles match {query!r}.", markup=False)
        return
    out.print(render.search_table(results, offset=offset))


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id, or an unambiguous prefix.")],
) -> None:
    """Show one cleaned article: its metadata, its body and the parts that were removed,
    with why.

    Example: sahelwatch show 3fa2
    """
    with _workspace() as ws:
        stored = ws.article(article_id)
    render.print_article(out, stored)


@app.command()
def failures(
    show_all: Annotated[
        bool, typer.Option("--all", help="Include failures later fixed by a successful ingest.")
    ] = False,
) -> None:
    """List inputs that could not be ingested, with the reason.

    Example: sahelwatch failures
    """
    with _workspace() as ws:
        rows = ws.failures(include_resolved=show_all)
    if not rows:
        out.print("No ingest failures.")
        return
    out.print(render.failures_table(rows))


@app.command()
def stats() -> None:
    """Summarise the knowledge base: articles, languages, duplicates, removed boilerplate.

    Example: sahelwatch stats
    """
    with _workspace() as ws:
        corpus = ws.stats()
    out.print(render.stats_table(corpus, ws.settings.database_url))


@app.command()
def entities(
    entity_type: Annotated[
        str | None,
        typer.Option(
            "--type", "-t", help="Only this type: PERSON, ORG, GPE, LOC, GROUP, FAC, OTHER."
        ),
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="Show the N most mentioned.")] = 30,
) -> None:
    """List entities by the number of articles that mention them, with their aliases.

    Example: sahelwatch entities --type PERSON --top 10
    """
    checked = checked_entity_type(entity_type, "--type")
    with _workspace() as ws:
        rows = ws.entities(entity_type=checked, top=top)
    out.print(render.entities_table(rows))


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name the entity was printed under, or its id.")],
) -> None:
    """Show one entity: aliases, ranks and titles with their dates and sources, the articles
    it appears in and the entities it appears with most.

    Example: sahelwatch entity Tchiani
    """
    with _workspace() as ws:
        detail = ws.entity(name)
    render.print_entity(out, detail)


@app.command()
def events(
    event_type: Annotated[
        str | None, typer.Option("--type", "-t", help="Only this event type (e.g. attack).")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only events involving this entity.")
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Earliest date, ISO, possibly partial (2024).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Latest date, ISO, possibly partial (2025-06).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 100,
) -> None:
    """List events read from the articles: type, date and precision, place, actors, and
    the sentence each comes from.

    Example: sahelwatch events --type attack --entity JNIM --from 2025
    """
    event_type = checked_event_type(event_type, "--type")
    for option, value in (("--from", date_from), ("--to", date_to)):
        if value and not ISO_PARTIAL.match(value):
            raise UsageError(f"{option} {value}: not an ISO date (2025, 2025-06 or 2025-06-30)")
    with _workspace() as ws:
        rows = ws.events(event_type=event_type, entity=entity, date_from=date_from, date_to=date_to)
        names = ws.entity_names(
            {e.location_id for e in rows if e.location_id}
            | {p for e in rows for p, _ in e.participants}
        )
    out.print(render.events_table(rows[:limit], names, total=len(rows)))


@app.command()
def quotes(
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Only quotes by this speaker.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 100,
) -> None:
    """List quotes with their speakers, as printed and as resolved to an entity.

    Example: sahelwatch quotes --speaker Laessing
    """
    with _workspace() as ws:
        rows = ws.quotes(speaker=speaker)
        names = ws.entity_names({q.speaker_id for q in rows if q.speaker_id})
    out.print(render.quotes_table(rows[:limit], names, total=len(rows)))


@app.command()
def timeline(
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only clusters involving this entity.")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", "-t", help="Only this event type.")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (ISO).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (ISO).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md, json or csv.")] = "table",
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many rows.")] = 200,
) -> None:
    """The timeline: one row per event (merged across outlets) with its date and
    precision, type, a one-line summary, places, actors and how many sources report it.

    Example: sahelwatch timeline --entity "Alliance of Sahel States" --format md
    """
    if fmt not in ("table", "md", "json", "csv"):
        raise UsageError(f"--format {fmt}: unknown format (table, md, json or csv)")
    _check_dates(date_from, date_to)
    with _workspace() as ws:
        rows = ws.timeline(
            entity=entity, event_type=event_type, date_from=date_from, date_to=date_to
        )[:limit]
    if fmt == "table":
        out.print(render.timeline_table(rows))
    else:
        writer = {
            "md": timeline_report.to_markdown,
            "json": timeline_report.to_json,
            "csv": timeline_report.to_csv,
        }[fmt]
        sys.stdout.write(writer(rows))


@app.command()
def conflicts() -> None:
    """Contested facts: the same fact given differently by different sources, side by
    side with the sentences, and the values a reader might prefer (never chosen for you).

    Example: sahelwatch conflicts
    """
    with _workspace() as ws:
        found = ws.conflicts()
        names = ws.entity_names({c.subject_id for c in found})
    if not found:
        out.print("No conflicts between sources.")
        return
    render.print_conflicts(out, found, names)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1 = this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web pages (at /) and the JSON API (under /api/v1, docs at /docs).

    Ingest over HTTP stays off unless SAHELWATCH_API_TOKEN is set.

    Example: sahelwatch serve --port 8080
    """
    import uvicorn

    from sahelwatch.config import Settings
    from sahelwatch.web import create_app

    err.print(f"Serving on http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop")
    uvicorn.run(create_app(Settings.from_env(_State.database_url)), host=host, port=port)


@app.command()
def brief(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="brief.html (self-contained) or brief.md.")
    ] = Path("brief.html"),
    since: Annotated[
        str | None, typer.Option("--since", help="Only developments dated on or after (ISO).")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Only what involves this entity.")
    ] = None,
) -> None:
    """Write a briefing a person reads: key developments, main actors, contested facts,
    notable quotes and charts, every statement linked to the sentence it came from.

    Example: sahelwatch brief --since 2025 --entity AES -o brief.html
    """
    if output.suffix.lower() not in (".html", ".htm", ".md"):
        raise UsageError(f"{output}: the briefing is written as .html or .md")
    _check_dates(since)
    with _workspace() as ws:
        document = ws.export()
    path = write_brief(document, output, since=since, entity=entity)
    out.print(f"Briefing written to {path.resolve()}")


@app.command()
def profile(
    name: Annotated[str, typer.Argument(help="An organisation's name, alias or id.")],
) -> None:
    """Profile an organisation as the news describes it: founding, members, leaders,
    institutions, founding documents, partners and adversaries, each with its sources.

    Example: sahelwatch profile "Alliance of Sahel States"
    """
    with _workspace() as ws:
        found = ws.profile(name)
    render.print_profile(out, found)


def _check_dates(*values: str | None) -> None:
    for value in values:
        if value and not ISO_PARTIAL.match(value):
            raise UsageError(f"{value}: not an ISO date (2025, 2025-06 or 2025-06-30)")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (schema v1), acled (CSV) or graphml.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export the knowledge base: JSON (schema_version 1, as documented in SCHEMAS.md),
    an ACLED-style CSV of events (docs/acled-mapping.md), or GraphML of the
    entity-event graph for Gephi or networkx.

    Example: sahelwatch export --format acled -o events.csv
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"--format {fmt}: unknown format (one of {', '.join(EXPORT_FORMATS)})")
    with _workspace() as ws:
        document = ws.export()
    if fmt == "json":
        text = dumps_export(document)
    elif fmt == "acled":
        buffer = io.StringIO()
        write_acled_csv(document, buffer, pack=ws.pack)
        text = buffer.getvalue()
    else:
        buffer = io.StringIO()
        write_graphml(document, buffer)
        text = buffer.getvalue()
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    err.print(f"Wrote {fmt} export of {len(document['articles'])} articles to {output}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status; sahelwatch errors become one line and 2."""
    try:
        result = app(args=argv, prog_name="sahelwatch", standalone_mode=False)
    except (click.ClickException, typer.TyperException) as error:
        # Typer bundles its own copy of click; usage errors come from either.
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            err.print(f"error: {render.escape(str(error))}")
        return int(getattr(error, "exit_code", EXIT_BAD_INPUT))
    except (click.Abort, typer.Abort):
        err.print("Aborted.")
        return 130
    except SahelwatchError as error:
        err.print(f"[bold red]error:[/] {render.escape(str(error))}")
        return EXIT_BAD_INPUT
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
