"""Terminal rendering of what ``Workspace`` returns.

Article text is untrusted: everything that came from a source goes through
``escape`` so markup-like text (``[bold]``, ``[link=...]``) prints literally.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sahelwatch.model import IngestFailure, StoredArticle
from sahelwatch.report.profile import Profile
from sahelwatch.report.timeline import TimelineRow, format_date
from sahelwatch.resolve.conflicts import Conflict
from sahelwatch.store import (
    ArticleSummary,
    CorpusStats,
    EntitySummary,
    EventRecord,
    QuoteRecord,
    SearchResults,
)
from sahelwatch.store.search import highlight_spans
from sahelwatch.workspace import EntityDetail

__all__ = ["articles_table", "escape", "failures_table", "print_article", "stats_table"]


def _cell(value: str | None, *, empty: str = "—") -> Text:
    return Text(value) if value else Text(empty, style="dim")


def summary_dict(row: ArticleSummary) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "lang": row.lang,
        "publication_date": row.publication_date,
        "words": row.words,
        "duplicate_of": row.duplicate_of,
        "source_uri": row.source_uri,
    }


def articles_table(rows: list[ArticleSummary]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=f"{len(rows)} article(s)", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("lang")
    table.add_column("words", justify="right")
    table.add_column("title / source", overflow="fold", ratio=1, min_width=24)
    table.add_column("dup. of", style="yellow", no_wrap=True)
    for row in rows:
        label = row.title or row.source_uri.rsplit("/", 1)[-1]
        table.add_row(
            row.id[:10],
            _cell(row.publication_date),
            row.lang,
            str(row.words),
            Text(label),
            _cell(row.duplicate_of[:10] if row.duplicate_of else None, empty=""),
        )
    return table


def print_article(console: Console, stored: StoredArticle) -> None:
    article = stored.article
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    date = article.publication_date
    if date and article.publication_date_source:
        date = f"{date} (from {article.publication_date_source})"
    for label, value in [
        ("id", article.id),
        ("title", article.title),
        ("byline", article.byline),
        ("date", date),
        ("dateline", article.dateline),
        ("language", article.lang),
        ("site", article.site_name),
        ("source", article.source_uri),
        ("duplicate of", stored.duplicate_of),
        ("ingested", stored.ingested_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]:
        meta.add_row(label, _cell(value))
    console.print(Panel(meta, title=Text(article.title or article.id), title_align="left"))
    console.print(Text(article.body))
    if article.removed:
        parts = [
            Group(Text(f"[{seg.reason}]", style="bold yellow"), Text(seg.text, style="dim"))
            for seg in article.removed
        ]
        console.print(
            Panel(Group(*parts), title=f"removed ({len(parts)})", title_align="left", style="dim")
        )


def snippet_text(snippet: str) -> Text:
    """A search snippet with its matches in bold; the text is never read as markup."""
    plain, spans = highlight_spans(snippet)
    text = Text(plain)
    for start, end in spans:
        text.stylize("bold", start, end)
    return text


def search_table(results: SearchResults, *, offset: int = 0) -> Table:
    shown = len(results.hits)
    title = f"{results.total} matching article(s)"
    if shown < results.total:
        title += f", {offset + 1}-{offset + shown} shown" if shown else ", none on this page"
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("lang")
    table.add_column("title / source", overflow="fold", ratio=1, min_width=20)
    table.add_column("matching text", overflow="fold", ratio=2, min_width=30)
    for hit in results.hits:
        label = Text(hit.title or hit.source_uri.rsplit("/", 1)[-1])
        if hit.source:
            label.append(f"\n{hit.source}", style="dim")
        table.add_row(
            hit.article_id[:10],
            _cell(hit.publication_date),
            hit.lang,
            label,
            snippet_text(hit.snippet),
        )
    return table


def failures_table(rows: list[IngestFailure]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=f"{len(rows)} failure(s)", title_justify="left")
    table.add_column("when", no_wrap=True)
    table.add_column("input", overflow="fold", style="cyan")
    table.add_column("kind", style="yellow")
    table.add_column("reason", overflow="fold")
    for row in rows:
        table.add_row(
            row.occurred_at.strftime("%Y-%m-%d %H:%M"),
            Text(row.input_name),
            row.kind,
            Text(row.reason),
        )
    return table


def stats_table(stats: CorpusStats, database_url: str) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, show_header=False, title="sahelwatch corpus", title_justify="left"
    )
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("articles", str(stats.articles))
    table.add_row("raw documents", str(stats.documents))
    table.add_row("words", f"{stats.words:,}")
    table.add_row("with a publication date", str(stats.dated_articles))
    table.add_row("near-duplicates", str(stats.near_duplicates))
    langs = ", ".join(f"{lang} {n}" for lang, n in stats.by_lang.items()) or "—"
    table.add_row("languages", langs)
    reasons = ", ".join(f"{r} {n}" for r, n in stats.by_removal_reason.items()) or "—"
    table.add_row("removed segments", f"{stats.removed_segments} ({reasons})")
    table.add_row("open ingest failures", str(stats.open_failures))
    table.add_row("database", Text(_redact(database_url), style="dim"))
    return table


def _redact(url: str) -> str:
    """Hide a password in a database URL before printing it."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def entities_table(rows: list[EntitySummary]) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}",
        title_justify="left",
    )
    table.add_column("name", style="bold", overflow="fold", ratio=2)
    table.add_column("type")
    table.add_column("articles", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("aliases", overflow="fold", ratio=3, style="dim")
    for row in rows:
        aliases = [a for a in dict.fromkeys(row.aliases) if a != row.entity.name]
        table.add_row(
            Text(row.entity.name),
            row.entity.type,
            str(row.articles),
            str(row.mentions),
            Text(", ".join(aliases)),
        )
    return table


def print_entity(console: Console, detail: EntityDetail) -> None:
    entity = detail.entity
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    meta.add_row("id", entity.id)
    meta.add_row("type", entity.type)
    meta.add_row("aliases", Text(", ".join(dict.fromkeys(detail.aliases)) or "—"))
    if entity.kb_id:
        meta.add_row("wikidata", entity.kb_id)
    if entity.lat is not None and entity.lon is not None:
        meta.add_row("coordinates", f"{entity.lat:.3f}, {entity.lon:.3f}")
    if detail.others:
        meta.add_row("also named so", Text(", ".join(f"{e.name} ({e.id})" for e in detail.others)))
    console.print(Panel(meta, title=Text(entity.name), title_align="left"))
    if detail.attributes:
        table = Table(box=box.SIMPLE_HEAD, title="ranks, titles and roles", title_justify="left")
        table.add_column("as printed")
        table.add_column("kind")
        table.add_column("observed", no_wrap=True)
        table.add_column("article", style="cyan", no_wrap=True)
        for attr in detail.attributes:
            table.add_row(Text(attr.text), attr.kind, _cell(attr.observed_on), attr.article_id[:10])
        console.print(table)
    articles = Table(
        box=box.SIMPLE_HEAD, title=f"in {len(detail.articles)} article(s)", title_justify="left"
    )
    articles.add_column("article", style="cyan", no_wrap=True)
    articles.add_column("date", no_wrap=True)
    articles.add_column("mentions", justify="right")
    articles.add_column("title", overflow="fold")
    for article_id, title, date, count in detail.articles[:20]:
        articles.add_row(article_id[:10], _cell(date), str(count), _cell(title))
    console.print(articles)
    if detail.co_occurring:
        partners = ", ".join(f"{e.name} ({n})" for e, n in detail.co_occurring)
        console.print(Text("Appears most with: ", style="bold") + Text(partners))


def events_table(rows: list[EventRecord], names: dict[str, str], *, total: int) -> Table:
    shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
    table = Table(box=box.SIMPLE_HEAD, title=f"{shown} event(s)", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("type", style="bold")
    table.add_column("place")
    table.add_column("actors", overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=3, style="dim")
    table.add_column("article", style="cyan", no_wrap=True)
    for event in rows:
        date = event.date or "—"
        if event.date and event.date_basis == "publication":
            date += " (pub.)"
        if event.approximate:
            date = "~" + date
        kind = event.type if event.modality == "asserted" else f"{event.type} ({event.modality})"
        if event.fatalities is not None:
            kind += f", {event.fatalities} dead"
        actors = ", ".join(names.get(p, p) for p, _ in event.participants[:5])
        table.add_row(
            date,
            kind,
            Text(names.get(event.location_id, "") if event.location_id else ""),
            Text(actors),
            Text(event.evidence.strip()[:240]),
            event.article_id[:10],
        )
    return table


def quotes_table(rows: list[QuoteRecord], names: dict[str, str], *, total: int) -> Table:
    shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
    table = Table(box=box.SIMPLE_HEAD, title=f"{shown} quote(s)", title_justify="left")
    table.add_column("speaker", style="bold", overflow="fold")
    table.add_column("as printed", style="dim", overflow="fold")
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("article", style="cyan", no_wrap=True)
    for quote in rows:
        speaker = names.get(quote.speaker_id, quote.speaker_id) if quote.speaker_id else "—"
        text = f"\u201c{quote.text}\u201d" if quote.direct else f"(reported) {quote.text}"
        table.add_row(
            Text(speaker), Text(quote.speaker_text or ""), Text(text[:400]), quote.article_id[:10]
        )
    return table


def timeline_table(rows: list[TimelineRow]) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, title=f"timeline: {len(rows)} event(s)", title_justify="left"
    )
    table.add_column("date", no_wrap=True)
    table.add_column("type", style="bold")
    table.add_column("summary", overflow="fold", ratio=3)
    table.add_column("sources", justify="right")
    for row in rows:
        table.add_row(format_date(row), row.type, Text(row.summary), str(row.sources))
    return table


def print_conflicts(console: Console, found: list[Conflict], names: dict[str, str]) -> None:
    for conflict in found:
        subject = names.get(conflict.subject_id, conflict.subject_id)
        table = Table(box=box.SIMPLE_HEAD, show_header=True, expand=True)
        table.add_column("value", style="bold yellow", no_wrap=True)
        table.add_column("sources and sentences", overflow="fold")
        for value, side in zip(conflict.values, conflict.sides, strict=True):
            lines = [f"[{c.article_id[:10]}] {c.evidence.strip()[:300]}" for c in side]
            table.add_row(Text(value), Text("\n".join(lines)))
        suggested = (
            f"most sources: {conflict.majority or '—'} · most precise: "
            f"{conflict.most_precise or '—'} · most recent: {conflict.most_recent or '—'}"
        )
        console.print(
            Panel(
                Group(table, Text(conflict.note, style="italic"), Text(suggested, style="dim")),
                title=Text(f"{subject} — {conflict.property.replace('_', ' ')}"),
                title_align="left",
            )
        )


def print_profile(console: Console, profile: Profile, *, per_section: int = 8) -> None:
    aliases = ", ".join(a for a in dict.fromkeys(profile.aliases) if a != profile.name)
    console.print(
        Panel(
            Text(aliases or "—"),
            title=Text(profile.name),
            title_align="left",
            subtitle=profile.entity_id,
            subtitle_align="right",
        )
    )
    for title, items in profile.sections():
        table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", show_header=False)
        table.add_column(style="bold", overflow="fold")
        table.add_column(style="dim")
        table.add_column(justify="right")
        table.add_column(style="cyan", overflow="fold")
        if not items:
            table.add_row(Text("nothing in the corpus", style="dim"), "", "", "")
        for item in items[:per_section]:
            sources = " ".join(sorted(a[:8] for a in item.articles)[:4])
            table.add_row(Text(item.label), Text(item.detail), f"{item.weight} src", sources)
        console.print(table)
