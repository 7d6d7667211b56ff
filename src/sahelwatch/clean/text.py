"""The structure of a plain-text article: headline, byline, date, body, leftovers.

News copied as text follows one layout everywhere: a header (headline, date
line, byline, sometimes the headline again), the story, then whatever the page
had around it (a signature, teasers, comment forms, references). The header
is read top-down and stops at the first real paragraph; the tail is read
bottom-up and stops at the last one, so a rule can only take lines where such
lines are printed and never a paragraph from the middle of a story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sahelwatch.clean import bylines
from sahelwatch.clean.boilerplate import mark_boilerplate, single_line_reason
from sahelwatch.clean.dates import PrintedDate, parse_date_fallback, parse_date_line
from sahelwatch.clean.lines import (
    Para,
    ends_sentence,
    is_name_like,
    is_prose,
    is_title_like,
    is_truncated,
    split_paragraphs,
)
from sahelwatch.clean.normalize import fold
from sahelwatch.model import RemovalReason, RemovedSegment

#: Header lines (date, byline, repeated headline) are looked for this far down.
HEADER_LINES = 8
_TAIL_HEADLINE_WORDS = 25
_OUTLET_WORDS = 6
_OUTLET_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "of", "the", "and", "et", "&"})


@dataclass(frozen=True, slots=True)
class TextStructure:
    """What the text itself says about the article."""

    title: str | None
    byline: str | None
    date: PrintedDate | None
    dateline: str | None
    body: str
    removed: tuple[RemovedSegment, ...]
    site_name: str | None = None


def parse_article(
    text: str, *, known_titles: Sequence[str] = (), title_first: bool = False
) -> TextStructure:
    """Split normalized article text into its parts.

    ``known_titles`` come from metadata (a hint, the page's title): the title
    is known, so only lines repeating one of them leave the body. Without it the first
    line is the title when it is shaped like a headline; ``title_first``
    forces that (a Markdown ``# heading``).
    """
    paras = split_paragraphs(text)
    texts = [p.text for p in paras]
    reasons: list[RemovalReason | None] = [None] * len(paras)
    header = _Header(paras, reasons, known_titles, title_first)
    header.read()
    mark_boilerplate(texts, reasons)
    tail_byline = _read_tail(paras, reasons)
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    body = _join([paras[i] for i in kept])
    first = next((paras[i].text for i in kept if not paras[i].bullet), None)
    removed = tuple(
        RemovedSegment(paras[i].text, reason)
        for i, reason in enumerate(reasons)
        if reason is not None and i != header.title_index
    )
    return TextStructure(
        title=header.title,
        byline=header.byline or tail_byline,
        date=header.date,
        dateline=bylines.dateline(first) if first else None,
        body=body,
        removed=removed,
        site_name=header.site_name,
    )


class _Header:
    """Top-down reading of the header lines, marking the ones that leave the body."""

    def __init__(
        self,
        paras: list[Para],
        reasons: list[RemovalReason | None],
        known_titles: Sequence[str],
        title_first: bool,
    ) -> None:
        self.paras = paras
        self.reasons = reasons
        self.known_titles = [folded for folded in map(fold, known_titles) if folded]
        self.title_first = title_first
        self.title: str | None = None
        # The headline line leaves the body for ``title``, not as a removed segment.
        self.title_index: int | None = None
        self.byline: str | None = None
        self.date: PrintedDate | None = None
        self.site_name: str | None = None

    def read(self) -> None:
        limit = min(len(self.paras), HEADER_LINES)
        prose = 0
        i = self._skip_chrome(0, limit)
        if not self.known_titles and i < len(self.paras) - 1 and self._headline(i):
            self.title = self.paras[i].text.strip()
            self.title_index = i
            self.reasons[i] = "other"
            i += 1
        candidates: list[PrintedDate] = []
        while i < limit and prose < 2:
            text = self.paras[i].text
            if self._repeats_title(text):
                self.reasons[i] = "other"
            elif (printed := parse_date_line(text)) is not None:
                candidates.append(printed)
                self.reasons[i] = "other"
            elif (found := bylines.header_byline(text)) is not None:
                self.byline = self.byline or found.name
                if found.date is not None:
                    candidates.append(found.date)
                self.reasons[i] = "byline"
            elif (reason := single_line_reason(text)) is not None:
                self.reasons[i] = reason
            elif self._beside_date(i) and is_name_like(text):
                self.byline = self.byline or text.strip()
                self.reasons[i] = "byline"
            elif self._beside_date(i) and _is_outlet(text):
                self.site_name = self.site_name or text.strip()
                self.reasons[i] = "other"
            elif not is_prose(text) and (printed := parse_date_fallback(text)) is not None:
                candidates.append(printed)
                self.reasons[i] = "other"
            elif is_prose(text) or len(text.split()) > 12:
                prose += 1
            i += 1
        published = [d for d in candidates if not d.updated]
        self.date = (published or candidates)[0] if candidates else None

    def _beside_date(self, i: int) -> bool:
        """Next to the date line, a lone name is the author and a lone title the outlet."""
        neighbours = [self.paras[j].text for j in (i - 1, i + 1) if 0 <= j < len(self.paras)]
        return any(parse_date_line(text) is not None for text in neighbours)

    def _skip_chrome(self, i: int, limit: int) -> int:
        """Navigation printed above the headline (breadcrumbs, "Skip to content")."""
        while i < limit and (reason := single_line_reason(self.paras[i].text)) is not None:
            self.reasons[i] = reason
            i += 1
        return i

    def _headline(self, i: int) -> bool:
        text = self.paras[i].text
        if self.title_first:
            return True
        if not is_title_like(text) or parse_date_line(text) or bylines.header_byline(text):
            return False
        return bylines.dateline(text, colon=False) is None

    def _repeats_title(self, text: str) -> bool:
        """The headline printed again (under the byline, or the page title in the text)."""
        wanted = [fold(self.title)] if self.title else self.known_titles
        if not wanted or not is_title_like(text, max_words=40):
            return False
        line = fold(text)
        return bool(line) and any(_same_headline(line, title) for title in wanted)


def _is_outlet(text: str) -> bool:
    """An outlet's name: a few capitalised words ("Le Courrier du Fleuve"), nothing else."""
    tokens = text.split()
    if not tokens or len(tokens) > _OUTLET_WORDS or text.rstrip()[-1:] in ".,;:!?…":
        return False
    return all(t[:1].isupper() or t.lower() in _OUTLET_PARTICLES for t in tokens)


def _same_headline(line: str, title: str) -> bool:
    """Equal, one inside the other (a site name added), or nearly the same words."""
    if line == title or (len(line) >= 20 and (line in title or title in line)):
        return True
    mine, theirs = set(line.split()), set(title.split())
    return len(mine & theirs) >= 0.8 * max(len(mine), len(theirs))


def _read_tail(paras: list[Para], reasons: list[RemovalReason | None]) -> str | None:
    """Bottom-up reading of what follows the story; returns a signed byline if any.

    Order matters: first a run of teaser blurbs ("... Victor..."), then, from
    the last line up, a credit or a signature (a lone name) and unrelated
    headlines, each only when the line above ends like a sentence, so the
    story's own last paragraph always stops the walk.
    """
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    if len(kept) < 3:
        return None
    _drop_blurb_run(paras, reasons, kept)
    byline: str | None = None
    for _ in range(4):
        kept = [i for i, reason in enumerate(reasons) if reason is None]
        if len(kept) < 3:
            break
        last, above = paras[kept[-1]], paras[kept[-2]]
        story_ended = ends_sentence(above.text) or _credit(above.text) is not None
        if last.bullet or above.bullet or not story_ended:
            break
        credit = _credit(last.text)
        if credit is not None:
            byline = byline or credit
            reasons[kept[-1]] = "byline"
        elif is_title_like(
            last.text, max_words=_TAIL_HEADLINE_WORDS
        ) and not last.text.rstrip().endswith(("?", "!")):
            reasons[kept[-1]] = "teaser"
        else:
            break
    return byline


def _credit(line: str) -> str | None:
    """The name in a line that signs the story: a credit, a signature, a "By" line."""
    signed = bylines.header_byline(line)
    return (
        bylines.trailing_credit(line)
        or bylines.signature(line)
        or (signed.name if signed is not None else None)
    )


def _drop_blurb_run(
    paras: list[Para], reasons: list[RemovalReason | None], kept: list[int]
) -> None:
    """Teaser cards at the end without a heading: headlines and ``...`` blurbs."""
    run: list[int] = []
    for i in reversed(kept):
        text = paras[i].text
        if is_truncated(text) or (is_title_like(text) and not paras[i].bullet):
            run.append(i)
        else:
            break
    blurbs = sum(is_truncated(paras[i].text) for i in run)
    if blurbs and len(run) >= 2 and len(run) < len(kept):
        for i in run:
            reasons[i] = "teaser"


def _join(paras: list[Para]) -> str:
    """Paragraphs apart by a blank line; items of one list stay on consecutive lines."""
    out: list[str] = []
    for index, para in enumerate(paras):
        if index:
            out.append("\n" if para.bullet and paras[index - 1].bullet else "\n\n")
        out.append(para.text)
    return "".join(out)
