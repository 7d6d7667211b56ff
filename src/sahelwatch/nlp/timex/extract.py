"""Finding time expressions in a text and resolving them against an anchor.

Three passes, all pure: every rule proposes candidates, the longest
non-overlapping ones are kept (ties go to the rule listed first), and dates
printed apart but joined by "from ... to" / "du ... au" become one range.
Only then are values computed, because the fallback anchor for an undated
article is the latest absolute date the article itself prints.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from sahelwatch.model import AnchorKind, TimeExpr

from . import patterns_en, patterns_fr
from .anchor import RANK, Anchor, parse_partial
from .handlers import merge
from .heads import HeadScanner
from .lexicon import Handler, Rule, build
from .meaning import CalendarRef, Meaning, Reading

_MERGE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # (what may stand before the first date, what may stand between the two)
    "en": (
        build(r"(?i:\b(?:from|between)<S>(?:the<S>)?)$", {}),
        build(r"^(?:<S0><DASH><S0>|<S>(?P<w>(?i:to|through|thru|until|till|and))<S>)$", {}),
    ),
    "fr": (
        build(r"(?i:\b(?:du|de|d<APOS>|depuis(?:<S>le)?|entre(?:<S>le)?)<S0>)$", {}),
        build(
            r"^(?:<S0><DASH><S0>|<S>(?P<w>(?i:au|à|et(?:<S>le)?|jusqu<APOS>(?:au|à|en)))<S>)$", {}
        ),
    ),
}


_OPENS_PAIR = re.compile(r"(?i)\b(?:between|entre)\b")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rank: int
    meaning: Meaning


#: a match waiting for its handler: start, end, rule rank, match, handler
_Match = tuple[int, int, int, "re.Match[str]", Handler]
#: a rule as the hot loop wants it: rank, bound match, first and last start offsets, the
#: words that allow the later starts, span group, handler
_Entry = tuple[
    int, Callable[[str, int], "re.Match[str] | None"], int, int, frozenset[str] | None, int | str,
    Handler,
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Grammar:
    lang: str
    scanner: HeadScanner
    rules: dict[str, list[_Entry]]
    back: dict[str, int]
    #: per head, every word that lets some rule start before the head
    leads: dict[str, frozenset[str]]


def _compile(lang: str, rules: list[Rule], scanner: HeadScanner) -> _Grammar:
    by_head: dict[str, list[_Entry]] = {}
    back: dict[str, int] = {}
    lead_words: dict[str, set[str]] = {}
    for rank, r in enumerate(rules):
        entry = (
            rank, r.pattern.match, 0 if r.at_head else 1, r.back + 1, r.lead, r.span_group,
            r.handler,
        )  # fmt: skip
        by_head.setdefault(r.head, []).append(entry)
        back[r.head] = max(back.get(r.head, 0), r.back)
        if r.back and r.lead is None:
            raise ValueError(f"rule {rank} of {lang} starts before its head: it needs lead words")
        lead_words.setdefault(r.head, set()).update(r.lead or ())
    leads = {head: frozenset(words) for head, words in lead_words.items()}
    return _Grammar(lang, scanner, by_head, back, leads)


_GRAMMARS = {
    "en": _compile("en", patterns_en.RULES, patterns_en.SCANNER),
    "fr": _compile("fr", patterns_fr.RULES, patterns_fr.SCANNER),
}
_WORD = re.compile(r"\w+")


def _grammar(lang: str) -> _Grammar:
    return _GRAMMARS["fr" if lang.lower().startswith("fr") else "en"]


def _previous_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (a number reads "#"), found without a regex scan."""
    j = pos
    while j > 0 and pos - j < 3 and not text[j - 1].isalnum():
        j -= 1
    k = j
    while k > 0 and j - k < 24 and text[k - 1].isalnum():
        k -= 1
    word = text[k:j].lower()
    return "#" if word.isdigit() else word


def _candidates(text: str, grammar: _Grammar) -> list[_Match]:
    """Try each rule of a head at the head and at up to ``back`` word starts before it."""
    found: dict[tuple[int, int, int], _Match] = {}
    for kind, pos in grammar.scanner.scan(text):
        rules = grammar.rules.get(kind)
        if not rules:
            continue
        starts = [pos]
        prev = _previous_word(text, pos)
        if prev in grammar.leads[kind]:
            back = grammar.back[kind]
            before = [m.start() for m in _WORD.finditer(text, max(0, pos - 12 * back), pos)]
            before.reverse()
            starts += before[:back]
        for rank, match, first, last, lead, group, handler in rules:
            if lead is not None and prev not in lead:
                last = 1
            for start in starts[first:last]:
                m = match(text, start)
                if m is not None:
                    s, e = m.span(group)
                    if e > s and (rank, s, e) not in found:
                        found[rank, s, e] = (s, e, rank, m, handler)
    return list(found.values())


def _select(text: str, matches: list[_Match]) -> list[_Candidate]:
    """Longest match wins; on equal length the earlier start, then the earlier rule.

    Handlers run only for matches that would be kept, so the "2023" inside
    "16 September 2023" costs nothing; a handler that refuses its match lets
    the next one in line take the place.
    """
    starts: list[int] = []
    chosen: list[_Candidate] = []
    for s, e, rank, m, handler in sorted(matches, key=lambda c: (c[0] - c[1], c[0], c[2])):
        i = bisect_left(starts, s)
        if (i < len(chosen) and chosen[i].start < e) or (i > 0 and chosen[i - 1].end > s):
            continue
        meaning = handler(m, text)
        if meaning is not None:
            starts.insert(i, s)
            chosen.insert(i, _Candidate(s, e, rank, meaning))
    return chosen


def _merge_ranges(text: str, chosen: list[_Candidate], lang: str) -> list[_Candidate]:
    """Join "from <date> to <date>" when each date was read on its own."""
    opener, joiner = _MERGE[lang]
    out: list[_Candidate] = []
    i = 0
    while i < len(chosen):
        a = chosen[i]
        if i + 1 < len(chosen):
            b = chosen[i + 1]
            between = joiner.match(text[a.end : b.start]) if b.start - a.end < 24 else None
            if (
                between is not None
                and isinstance(a.meaning, CalendarRef)
                and isinstance(b.meaning, CalendarRef)
            ):
                prev_end = out[-1].end if out else 0
                head = opener.search(text[max(prev_end, a.start - 16) : a.start])
                # "and"/"et" join a range only after "between"/"entre": "de 2020 et 2021"
                # and "in 2020 and 2021" are two dates, not a span.
                conjoined = (between["w"] or "").lower().split()[:1] in (["et"], ["and"])
                if conjoined and (head is None or not _OPENS_PAIR.search(head[0])):
                    head = None
                    between = None
                if between is not None and (head is not None or between["w"] is None):
                    joined = merge(a.meaning, b.meaning)
                    if joined is not None:
                        start = a.start - (len(head[0]) if head is not None else 0)
                        out.append(_Candidate(start, b.end, a.rank, joined))
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


def _share_years(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """ "en janvier puis en septembre 2022", "in January and March 2021": a yearless
    date listed just before a dated one shares its year, as the writer meant."""
    out = list(chosen)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if not (isinstance(a.meaning, CalendarRef) and isinstance(b.meaning, CalendarRef)):
            continue
        year, month = b.meaning.year, b.meaning.month
        if (
            a.meaning.year is None
            and a.meaning.relative_year is None
            and a.meaning.end is None
            and a.meaning.month is not None
            and year is not None
            and month is not None
            and a.meaning.month <= month
            and b.start - a.end < 24
            and _LISTED.match(text[a.end : b.start])
        ):
            out[i] = replace(a, meaning=a.meaning.with_year(year))
    return out


_LISTED = re.compile(r"(?i)^\s*(?:,|et|puis|and|then|or|ou)?\s*(?:puis|then)?\s*(?:en|in)?\s*$")


def _latest(exprs: Iterable[TimeExpr]) -> Anchor | None:
    """The latest absolute date printed: an undated article was written on or after it."""
    best: Anchor | None = None
    for e in exprs:
        if e.anchor != "absolute":
            continue
        for value in (e.value, e.end_value):
            parsed = parse_partial(value)
            if parsed is None:
                continue
            day, precision = parsed
            if best is None or (day, RANK[precision]) > (best.day, RANK[best.precision]):
                best = Anchor(day, precision, "inferred")
    return best


def infer_anchor(expressions: Sequence[TimeExpr]) -> str | None:
    """The date an undated article's relative expressions fall back on, as partial ISO.

    Exposed so a caller can show (or store) what "inferred" meant for an article.
    """
    anchor = _latest(expressions)
    return None if anchor is None else anchor.iso


def find_time_expressions(text: str, *, lang: str, publication_date: str | None) -> list[TimeExpr]:
    """Every date expression of ``text``, sorted, non-overlapping, resolved where possible.

    Relative expressions rest on the publication date when it is precise
    enough for them, else on the latest absolute date of the text (if it
    agrees with the publication date), else they keep ``value=None``.
    """
    grammar = _grammar(lang)
    chosen = _merge_ranges(text, _select(text, _candidates(text, grammar)), grammar.lang)
    chosen = _share_years(text, chosen)

    parsed = parse_partial(publication_date)
    published = None if parsed is None else Anchor(parsed[0], parsed[1], "publication")

    absolute: dict[int, TimeExpr] = {}
    for i, c in enumerate(chosen):
        if c.meaning.needs is None:
            absolute[i] = _expr(text, c, c.meaning.resolve(None), "absolute")
    inferred = _latest(absolute.values())
    if (
        inferred is not None
        and published is not None
        and not inferred.iso.startswith(published.iso)
    ):
        inferred = None  # a date the article cites from another period is no anchor for it

    result: list[TimeExpr] = []
    for i, c in enumerate(chosen):
        needs = c.meaning.needs
        if needs is None:
            if absolute[i].value is not None:  # else impossible, like 30 February 2025
                result.append(absolute[i])
            continue
        anchor = next((a for a in (published, inferred) if a is not None and a.allows(needs)), None)
        if anchor is None:
            result.append(_expr(text, c, None, "none"))
        else:
            result.append(_expr(text, c, c.meaning.resolve(anchor), anchor.source))
    return _same_year(text, result)


_SAME_YEAR = re.compile(
    r"\s*(?:,\s*)?(?:de\s+la\s+même\s+année|la\s+même\s+année|de\s+cette\s+même\s+année"
    r"|of\s+the\s+same\s+year|that\s+same\s+year|the\s+same\s+year)\b",
    re.IGNORECASE,
)


def _same_year(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """ "en janvier de la même année", "in January of the same year": the year of the
    date printed before, not the paper's."""
    out: list[TimeExpr] = []
    for expr in found:
        previous = next((e for e in reversed(out) if e.value), None)
        if (
            expr.value
            and previous is not None
            and previous.value
            and _SAME_YEAR.match(text, expr.end)
        ):
            year = previous.value[:4]
            expr = replace(
                expr,
                value=year + expr.value[4:],
                end_value=None if expr.end_value is None else year + expr.end_value[4:],
                anchor="inferred",
            )
        out.append(expr)
    return out


def _expr(text: str, c: _Candidate, r: Reading | None, anchor: AnchorKind) -> TimeExpr:
    span = text[c.start : c.end]
    if r is None:
        return TimeExpr(c.start, c.end, span, None, None, anchor="none")
    return TimeExpr(c.start, c.end, span, r.value, r.precision, r.approximate, r.end_value, anchor)
