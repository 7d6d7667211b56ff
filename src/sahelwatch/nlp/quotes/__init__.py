"""Quotes and their speakers, read from a parsed article and its mentions.

``extract_quotes`` is pure: the parsed body, the mentions and nationality
relations already read from it, and the language give the quotes, in text
order. Direct quotes are the words between double quotation marks (straight,
curly or guillemets; never single marks); reported speech is the clause after
a clear "said that" / "a déclaré que". A speaker is the key of a mention of
the article (``pack:mali`` for "a Malian diplomat"); a quote whose speaker the
article does not name keeps the words printed for it ("un juriste") without a
key, and a scare quote has neither.

A quote running over several paragraphs gives one quote per paragraph, each
with the running quote's speaker, so every quote's ``text`` is exactly
``body[start:end]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sahelwatch.model import Mention, NationalityRef, Quote
from sahelwatch.nlp.quotes.attribution import Attributor
from sahelwatch.nlp.quotes.layout import Layout
from sahelwatch.nlp.quotes.lexicon import lexicon
from sahelwatch.nlp.quotes.marks import Segment, find_segments
from sahelwatch.nlp.quotes.reported import Report, find_reports
from sahelwatch.nlp.quotes.speakers import Resolver, Speaker

__all__ = ["extract_quotes"]


def extract_quotes(
    doc: Doc,
    mentions: Sequence[Mention],
    nationalities: Sequence[NationalityRef],
    lang: str,
    states: frozenset[str] | None = None,
) -> list[Quote]:
    """Direct and reported quotes of ``doc`` with their speakers, sorted by start.

    ``states`` are the pack ids an official's nationality may make a speaker of
    ("un officier nigérien" speaks for Niger, "un diplomate occidental" for no
    state); None accepts every nationality.
    """
    segments = find_segments(doc.text)
    layout = Layout(doc, segments)
    resolver = Resolver(doc, layout, mentions, nationalities, states)
    attributor = Attributor(doc, layout, resolver, lexicon(lang))
    reported = _read_in_order(attributor, find_reports(doc, layout, attributor.lexicon))
    speakers = attributor.speakers
    _follow_chains(segments, speakers)
    for index, seg in enumerate(segments):
        if speakers.get(index) is None and layout.standalone(seg):
            speaker = speakers[index] = attributor.standalone(seg)
            if speaker is not None:
                resolver.remember(seg.open_mark, speaker)
    _follow_chains(segments, speakers)
    direct = [_quote(layout.text, seg, speakers.get(i)) for i, seg in enumerate(segments)]
    return sorted(direct + reported, key=lambda q: (q.start, q.end))


def _read_in_order(attributor: Attributor, reports: list[Report]) -> list[Quote]:
    """Attribute every segment in its own sentence, in text order, so that pronouns and
    "the statement" find the speakers that came before; returns the reported quotes."""
    segments = attributor.layout.segments
    items: list[tuple[int, int | Report | Token]] = [
        (s.open_mark, i) for i, s in enumerate(segments)
    ]
    items += [(r.verb.idx, r) for r in reports]
    items += [(v.idx, v) for v in attributor.narration_verbs()]
    items.sort(key=lambda item: item[0])
    reported: list[Quote] = []
    for position, item in items:
        if isinstance(item, Report):
            quote = _reported(attributor, item)
            if quote is not None:
                reported.append(quote)
        elif isinstance(item, Token):
            attributor.narrate(item)
        else:
            speaker, verb = attributor.own(segments[item])
            if speaker is not None:
                nouns = attributor.verb_nouns(verb) if verb is not None else set()
                speaker = speaker.with_nouns(nouns)
                attributor.resolver.remember(position, speaker)
            attributor.speakers[item] = speaker
    return reported


def _follow_chains(segments: Sequence[Segment], speakers: dict[int, Speaker | None]) -> None:
    """Segments of a quote running over paragraphs share its first found speaker."""
    chains: dict[int, Speaker] = {}
    for index, seg in enumerate(segments):
        speaker = speakers.get(index)
        if speaker is not None and seg.chain not in chains:
            chains[seg.chain] = speaker
    for index, seg in enumerate(segments):
        if speakers.get(index) is None and seg.chain in chains:
            speakers[index] = chains[seg.chain]


def _quote(text: str, seg: Segment, speaker: Speaker | None) -> Quote:
    return Quote(
        start=seg.start,
        end=seg.end,
        text=text[seg.start : seg.end],
        direct=True,
        speaker_key=speaker.key if speaker else None,
        speaker_text=speaker.text if speaker else None,
    )


def _reported(attributor: Attributor, report: Report) -> Quote | None:
    layout = attributor.layout
    unit = layout.unit_of_token[report.verb.i]
    frame = next((f for f in layout.frames(unit) if f.start <= report.verb.i < f.end), None)
    if frame is None:
        return None
    speaker = attributor.verb_speaker(report.verb, frame, inverted=False)
    if speaker is None or (speaker.key is None and speaker.text is None):
        return None
    attributor.resolver.remember(report.verb.idx, speaker)
    return Quote(
        start=report.start,
        end=report.end,
        text=layout.text[report.start : report.end],
        direct=False,
        speaker_key=speaker.key,
        speaker_text=speaker.text,
    )
