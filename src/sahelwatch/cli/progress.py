"""A Rich progress bar fed by the ``Workspace`` ingest callbacks.

Failures print above the bar as they happen, one line each, so a long batch
shows what went wrong without waiting for the end.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from sahelwatch.ingest import Source
from sahelwatch.model import IngestFailure


class IngestProgress:
    def __init__(self, console: Console, *, enabled: bool = True) -> None:
        self.console = console
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description:<8}[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=console,
            transient=True,
            disable=not enabled or not console.is_terminal,
        )
        self.task: TaskID | None = None
        self.analysis: TaskID | None = None

    def __enter__(self) -> IngestProgress:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def on_start(self, total_sources: int) -> None:
        self.task = self.progress.add_task("ingest", total=total_sources, current="")

    def on_source_done(self, source: Source) -> None:
        if self.task is not None:
            self.progress.update(self.task, advance=1, current=source.name[-50:])

    def on_analysis_start(self, total_articles: int) -> None:
        self.analysis = self.progress.add_task("analyse", total=total_articles, current="")

    def on_analyzed(self, count: int) -> None:
        if self.analysis is not None:
            self.progress.update(self.analysis, advance=count)

    def on_failure(self, failure: IngestFailure) -> None:
        self.console.print(
            f"[red]failed:[/] {escape(failure.input_name)}: {escape(failure.reason)}",
            soft_wrap=True,
        )
