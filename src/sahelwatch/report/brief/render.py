"""Jinja2 rendering of the view model into self-contained HTML or Markdown.

Article text is untrusted in both formats. HTML autoescapes every value.
Markdown has no autoescape, so the Markdown environment escapes every value
through ``finalize`` instead of a filter a template could forget: a title
holding ``<script>``, ``[link](javascript:...)`` or a line break followed by
``#`` stays plain text. Values the code marks as ``Markup`` (image file
names) pass through untouched.
"""

from __future__ import annotations

import re
from base64 import b64encode
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sahelwatch.report.brief import wording
from sahelwatch.report.brief.model import BriefView

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_BLANK_RUNS = re.compile(r"\n{3,}")


def md_escape(text: str) -> str:
    """One line of literal Markdown text: white space collapsed, syntax backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, int | float):
        return value
    return md_escape(str(value))


def _common(env: Environment) -> Environment:
    env.filters["when"] = wording.date_phrase
    env.filters["plural"] = wording.count_phrase
    env.filters["language"] = wording.language_name
    return env


@cache
def _html_env() -> Environment:
    loader = PackageLoader("sahelwatch.report.brief", "templates")
    return _common(
        Environment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )


@cache
def _md_env() -> Environment:
    loader = PackageLoader("sahelwatch.report.brief", "templates")
    return _common(
        Environment(
            loader=loader,
            autoescape=False,  # noqa: S701 - every value is escaped for Markdown by finalize
            finalize=_md_finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    )


@cache
def _css() -> Markup:
    text = resources.files("sahelwatch.report.brief").joinpath("templates/brief.css")
    return Markup(text.read_text("utf-8"))  # noqa: S704 - our own stylesheet, not input


def data_uri(png: bytes | None) -> str | None:
    return None if png is None else "data:image/png;base64," + b64encode(png).decode("ascii")


def render_html(view: BriefView, timeline: bytes | None, types: bytes | None) -> str:
    template = _html_env().get_template("brief.html")
    return template.render(
        view=view, css=_css(), timeline=data_uri(timeline), types=data_uri(types)
    )


def render_md(view: BriefView, timeline: str | None, types: str | None) -> str:
    """Markdown with the charts as relative links to the given file names."""
    template = _md_env().get_template("brief.md.j2")
    text = template.render(
        view=view,
        timeline=None if timeline is None else Markup(timeline),  # noqa: S704 - our file name
        types=None if types is None else Markup(types),  # noqa: S704 - our file name
    )
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"
