"""The English grammar of dates.

Month and weekday names are matched capitalized only (English always
capitalizes them), which is what keeps the modal "may" and the verb "march"
out; the words around them are matched in any case. Spans leave out plain
prepositions and articles ("in", "on", "the") but keep every word that
changes the date ("last", "early", "end of", "from ... to").
"""

from __future__ import annotations

import re

from . import handlers as h
from .heads import HeadScanner
from .lexicon import (
    MONTH_ABBR_EN,
    MONTHS_EN,
    NUMBER_WORDS_EN,
    WEEKDAY_ABBR_EN,
    WEEKDAYS_EN,
    Handler,
    Head,
    Rule,
    alternation,
    build,
    leads,
    sentence_before,
)
from .meaning import Meaning
from .patterns_common import common_rules

TOKENS: dict[str, str] = {
    "MON": (
        "(?:"
        + alternation(list(MONTHS_EN), capitalized=True)
        + "|"
        + alternation(list(MONTH_ABBR_EN), capitalized=True)
        + r"\.?)"
    ),
    "MONF": alternation(list(MONTHS_EN), capitalized=True),
    "WD": alternation(list(WEEKDAYS_EN), capitalized=True),
    "WDA": alternation([*WEEKDAYS_EN, *WEEKDAY_ABBR_EN], capitalized=True) + r"\.?",
    "ORD": r"(?:st|nd|rd|th)?\b",
    "TO": r"(?:<S0><DASH><S0>|<S>(?P<cw>(?i:to|through|thru|until|till|and))<S>)",
    "OP": r"(?:(?P<op>(?i:from|between))<S>)?",
    "QN": r"(?P<q>(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)|(?i:" + NUMBER_WORDS_EN + "))",
    "QTY": (
        r"(?:(?P<qm>(?i:more<S>than|over|nearly|almost|about|around|roughly|some|at<S>least"
        r"|close<S>to|upwards<S>of|less<S>than|under|just<S>over|just<S>under|well<S>over))<S>)?"
        r"<QN>"
    ),
    "UNIT": r"(?P<u>(?i:days?|weeks?|fortnights?|months?|years?|decades?))\b",
    "YMOD": (
        r"(?i:early|late|mid|middle|start|beginning|end|close|turn|first<S>half|second<S>half"
        r"|latter<S>half|first<S>quarter|second<S>quarter|third<S>quarter|fourth<S>quarter"
        r"|last<S>quarter|spring|summer|autumn|fall|winter)"
    ),
    "MMOD": r"(?i:early|late|mid|middle|start|beginning|end|close)",
    "YR4": r"(?:19|20)\d\d(?![\d%\u00b0]|s\b|[.,/]\d)",
}

WD = " ".join([*WEEKDAYS_EN, *WEEKDAY_ABBR_EN])
MOD_WORDS = "early late mid middle start beginning end close"
QUANT = (
    "# a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty few couple of"
    " dozen hundred several"
)

#: future-tense cues in the sentence before a bare "Monday" or "July 8" ("'ll" counts too)
FUTURE = frozenset(
    {"will", "shall", "won't", "won\u2019t", "must", "scheduled", "slated", "upcoming", "plans"}
)

_CALENDAR = h.calendar(FUTURE)

DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}  # fmt: skip


_CAPITALIZED_FUNCTION_WORDS = frozenset(
    {"in", "on", "by", "since", "until", "during", "after", "before", "last", "this", "next",
     "early", "late", "mid", "of", "from", "and", "but", "so", "the"}
)  # fmt: skip


def _possessive_month(m: re.Match[str], text: str) -> Meaning | None:
    """A possessive month ("January's attack"); a capitalized word before it makes a name."""
    words = sentence_before(text, m.start()).split()
    if words and words[-1][:1].isupper() and words[-1].lower() not in _CAPITALIZED_FUNCTION_WORDS:
        return None
    return _CALENDAR(m, text)


def _rule(
    pattern: str,
    handler: Handler,
    head: Head,
    *,
    back: int = 0,
    lead: str | None = None,
    at_head: bool = True,
) -> Rule:
    return Rule(build(pattern, TOKENS), handler, head, back, leads(lead), at_head)


def _rules() -> list[Rule]:
    r, cal, mod = _rule, _CALENDAR, MOD_WORDS
    return [
        # 09/February/2026, Monday 09/February/2026
        r(
            r"(?:(?P<wd><WDA>),?<S>)?\b(?P<d><DAY>)(?P<sep>[/.-])(?P<m><MON>)(?P=sep)(?P<y><YEAR>)",
            cal, "day", back=1, lead=WD,
        ),
        # September 16, 2023 / Sept. 16 / Wednesday, January 29, 2025
        r(
            r"(?:(?P<wd><WDA>),?<S>)?(?P<m><MON>)<S>(?P<d><DAY>)<ORD>(?:(?:,?<S>|,)(?P<y><YEAR>))?",
            cal, "month", back=1, lead=WD,
        ),
        # 16 September 2023 / 16th of September / Monday 9 February
        r(
            r"(?:(?P<wd><WDA>),?<S>(?:(?i:the)<S>)?)?\b(?P<d><DAY>)<ORD>(?:<S>(?i:of))?<S>"
            r"(?P<m><MON>)(?:,?<S>(?P<y><YEAR>))?",
            cal, "day", back=2, lead=WD + " the",
        ),
        # reference lists: (2025, May 24)
        r(r"\b(?P<y><YEAR>),<S>(?P<m><MON>)<S>(?P<d><DAY>)<ORD>", cal, "year"),
        # July 2024 / Sept. 2022
        r(r"(?P<m><MON>),?<S>(?:(?i:of)<S>)?(?P<y><YEAR>)", cal, "month"),
        # From July 8 to 10 / July 8-10, 2025 / July 8 to August 2
        r(
            r"<OP>(?:(?P<wd><WDA>),?<S>)?(?P<m><MON>)<S>(?P<d1><DAY>)<ORD><TO>"
            r"(?:(?P<m2><MON>)<S>)?(?P<d2><DAY>)<ORD>(?:,?<S>(?P<y><YEAR>))?",
            h.day_range(FUTURE), "month", back=2, lead=WD + " from between",
        ),
        # between 20 and 21 December / 8-10 July 2025 / from 8 July to 2 August
        r(
            r"<OP>(?:(?i:the)<S>)?\b(?P<d1><DAY>)<ORD>(?:<S>(?P<m1><MON>))?<TO>(?:(?i:the)<S>)?"
            r"(?P<d2><DAY>)<ORD>(?:<S>(?i:of))?<S>(?P<m><MON>)(?:,?<S>(?P<y><YEAR>))?",
            h.day_range(FUTURE), "day", back=2, lead="from between the",
        ),
        # from July to September 2025 / July 2024 to March 2025
        r(
            r"<OP>(?P<m1><MONF>)(?:<S>(?P<y1><YEAR>))?<TO>(?P<m2><MONF>)(?:,?<S>(?P<y><YEAR>))?",
            h.month_range, "month", back=1, lead="from between",
        ),
        # 2020-2023 / from 2020 through 2023 / 2023-24
        r(
            r"<OP>(?<![\w$\u20ac\u00a3/.,+-])(?P<y1>(?:19|20)\d\d)<TO>(?P<y2>(?:19|20)\d\d|\d\d)"
            r"(?![\d%\u00b0]|s\b|[.,/]\d)",
            h.year_range, "year", back=1, lead="from between",
        ),
        # the 1990s / late 1990s
        r(
            r"(?:(?P<mod>(?i:early|mid|middle|late))<S0><DASH>?<S0>)?(?<![\w])(?P<y>(?:1[89]|20)\d0)s\b",
            h.decade, "year", back=1, lead="early mid middle late",
        ),
        # early 2025 / mid-2024 / the end of 2024 / the first half of 2025 / summer 2024
        r(
            r"(?P<mod><YMOD>)(?:<S>(?i:of)<S>|<S0><DASH><S0>|<S>)(?P<y><YR4>)",
            h.bare_year, "year", back=3, at_head=False,
            lead=mod + " turn half quarter spring summer autumn fall winter of",
        ),
        # end of April / mid-October 2025 / early July
        r(
            r"(?P<mod><MMOD>)(?:<S>(?i:of)<S>|<S0><DASH><S0>|<S>)(?P<m><MONF>)"
            r"(?:,?<S>(?P<y><YEAR>))?",
            cal, "month", back=2, lead=mod + " of", at_head=False,
        ),
        # October last year / in October of next year / late October last year
        r(
            r"(?:(?P<mod><MMOD>)(?:<S>(?i:of)<S>|<S0><DASH><S0>|<S>))?(?P<m><MONF>)"
            r"(?:<S>(?i:of))?<S>(?P<yrel>(?i:last|this|next|past|previous)<S>year)\b",
            cal, "month", back=2, lead=mod + " of",
        ),
        # last October / this May / next January
        r(
            r"(?P<rel>(?i:last|this|next|coming|past))<S>(?P<m><MONF>)",
            cal, "month", back=1, lead="last this next coming past", at_head=False,
        ),
        # In October / since January (the preposition stays out of the span)
        r(
            r"\b(?i:in|since|during|until|till|by|through|throughout|before|after|from|for)<S>"
            r"(?:(?i:the<S>month<S>of)<S>)?(?P<t>(?P<m><MONF>))",
            cal, "month", back=4, at_head=False,
            lead="in since during until till by through throughout before after from for of",
        ),
        # January's attack
        r(r"(?P<m><MONF>)(?=<APOS>s\b)", _possessive_month, "month"),
        # Monday / last Friday / next Tuesday / this Wednesday
        r(
            r"(?:(?P<pre>(?i:last|next|this|coming|past))<S>)?(?P<w><WD>)",
            h.weekday(FUTURE), "weekday", back=1, lead="last next this coming past",
        ),
        # today / yesterday / the day before yesterday / last night / this morning
        r(
            r"(?i:\b(?:the<S>day<S>before<S>yesterday|the<S>day<S>after<S>tomorrow|today|tonight"
            r"|yesterday|tomorrow|this<S>(?:morning|afternoon|evening)|last<S>night)\b)",
            h.day_word(DAY_WORDS), "dayword", back=3, lead="before after this last",
        ),
        # this week / last month / earlier this year / late last year / next weekend
        r(
            r"(?:(?P<pre>(?i:earlier|later|early|late))<S>)?(?P<c>(?i:this|last|next|past|previous"
            r"|coming)<S>(?i:week<S0><DASH>?<S0>end|weekend|week|month|year))\b",
            h.period, "unit", back=2, lead="this last next past previous coming", at_head=False,
        ),
        # two years ago / more than a decade ago
        r(r"<QTY><S><UNIT><S>(?i:ago)\b", h.ago, "unit", back=5, lead=QUANT, at_head=False),
        # for the past two years / over the last decade
        r(
            r"(?i:for|over|in|during|throughout)<S>(?i:the)<S>(?i:past|last|previous)<S>"
            r"(?:<QN><S>)?<UNIT>",
            h.elapsed(needs_perfect=False), "unit", back=5, at_head=False,
            lead=QUANT + " past last previous",
        ),
        # (has been detained) for more than 900 days
        r(
            r"\b(?i:for)<S><QTY><S><UNIT>",
            h.elapsed(needs_perfect=True), "unit", back=5, lead=QUANT, at_head=False,
        ),
        *common_rules(TOKENS, 0, WD),
    ]  # fmt: skip


RULES: list[Rule] = _rules()
SCANNER = HeadScanner.build(
    [*MONTHS_EN, *MONTH_ABBR_EN, *WEEKDAYS_EN],
    ["day", "week", "weekend", "fortnight", "month", "year", "decade"],
    ["today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"],
    names_capitalized=True,
)
