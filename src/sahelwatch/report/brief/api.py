"""Build a briefing from an export document, and write it to a file.

A briefing is computed from the export document (``Workspace.export()`` or a
JSON file read back), never from the store, so it shows exactly what the
public contract shows and can be regenerated from an archived export.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from sahelwatch.errors import ExportError, UsageError
from sahelwatch.report.brief import charts, render
from sahelwatch.report.brief.build import build_view
from sahelwatch.report.brief.corpus import Corpus

Format = Literal["html", "md"]
SUFFIXES: dict[str, Format] = {".html": "html", ".htm": "html", ".md": "md"}


@dataclass(frozen=True)
class Brief:
    """A rendered briefing.

    ``images`` holds the PNG files the Markdown text links to by relative
    name; it is empty for HTML, which carries its images inline so that one
    file can be mailed or archived on its own.
    """

    text: str
    images: dict[str, bytes] = field(default_factory=dict)
    fmt: Format = "html"


def build_brief(
    document: Mapping[str, Any],
    *,
    since: str | None = None,
    entity: str | None = None,
    fmt: Format = "html",
    title: str | None = None,
    now: datetime | None = None,
    image_stem: str = "brief",
) -> Brief:
    """Render the briefing of an export document.

    ``since`` (an ISO partial date) keeps developments dated on or after it;
    ``entity`` (a name, alias or id) keeps what involves that entity. ``now``
    fixes the generation time (reproducible output); ``image_stem`` names
    the Markdown's chart files ``<stem>-timeline.png`` and ``<stem>-types.png``.
    """
    if fmt not in ("html", "md"):
        raise UsageError(f"briefing format {fmt!r}: use 'html' or 'md'")
    view = build_view(Corpus(document), since=since, entity=entity, title=title, now=now)
    timeline = charts.timeline_png(view.timeline)
    types = charts.type_place_png(view.by_type_place)
    if fmt == "html":
        return Brief(render.render_html(view, timeline, types))
    images: dict[str, bytes] = {}
    links: dict[str, str | None] = {}
    for kind, png in (("timeline", timeline), ("types", types)):
        name = f"{image_stem}-{kind}.png"
        links[kind] = None if png is None else quote(name)
        if png is not None:
            images[name] = png
    return Brief(render.render_md(view, links["timeline"], links["types"]), images, "md")


def write_brief(
    document: Mapping[str, Any],
    path: Path,
    *,
    since: str | None = None,
    entity: str | None = None,
    fmt: Format | None = None,
    title: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the briefing to ``path``; the suffix (.html, .htm, .md) picks the format.

    Every file is written to a temporary name and renamed, so a reader never
    opens half a briefing and a failed run leaves the previous one intact.
    The Markdown's charts are written first, next to it, so its links never
    point at missing images.
    """
    chosen = SUFFIXES.get(path.suffix.lower())
    if chosen is None:
        raise UsageError(f"{path}: a briefing is written as .html, .htm or .md")
    if fmt is not None and fmt != chosen:
        raise UsageError(f"{path}: the suffix asks for {chosen}, not {fmt}")
    brief = build_brief(
        document,
        since=since,
        entity=entity,
        fmt=chosen,
        title=title,
        now=now,
        image_stem=path.stem,
    )
    for name, png in brief.images.items():
        atomic_write(path.with_name(name), png)
    atomic_write(path, brief.text.encode("utf-8"))
    return path


def atomic_write(path: Path, data: bytes) -> None:
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).chmod(mode)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportError(
            f"{path}: cannot write the briefing ({error.strerror or error})"
        ) from error
