"""Patterns that read the same in every language: numeric dates and bare years.

Listed after the language's own rules, so on equal spans a worded reading
wins; longer matches win anyway ("16 September 2023" over "2023").
"""

from __future__ import annotations

from collections.abc import Mapping

from . import handlers as h
from .lexicon import Rule, build, leads

#: a bare year, not glued to other digits, signs, slashes or a hyphen ("mid-2024" has its rule)
BARE_YEAR = (
    r"(?<![\w$\u20ac\u00a3/.,+\-])(?<!\d[^\S\n])(?P<y>(?:19|20)\d\d)"
    r"(?![\d%\u00b0]|s\b|[.,/\-]\d|<S0>%)"
)


def common_rules(tokens: Mapping[str, str], flags: int, weekdays: str) -> list[Rule]:
    """Numeric dates (day first unless impossible), ISO dates and bare years."""
    return [
        Rule(
            build(r"(?<![\w/.-])(?P<y><YEAR>)-(?P<mo>0[1-9]|1[0-2])-(?P<d>\d\d)(?!\d)", tokens),
            h.iso_date,
            "year",
            0,
        ),
        Rule(
            build(r"(?<![\w/.-])(?P<y><YEAR>)/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![\d/])", tokens),
            h.iso_date,
            "year",
            0,
        ),
        Rule(
            build(
                r"(?:(?P<wd><WDA>),?<S>)?(?<![\w/.:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})"
                r"(?P=sep)(?P<y><YEAR>)(?![/.-]\d)",
                tokens,
                flags,
            ),
            h.numeric_date,
            "day",
            1,
            leads(weekdays),
        ),
        Rule(build(BARE_YEAR, tokens), h.bare_year, "year", 0),
    ]
