"""Who said each quoted segment: the speech verb near it and that verb's subject.

Rules, tried in order for each segment (see ``Attributor.own``):

1. the attribution right after the quote: ``"…," X said``, ``"…," said X``,
   ``« … », a-t-il affirmé``, ``« … », souligne un juriste``;
2. a speech verb before it in its sentence: ``X told DW: "…"``, ``X said the
   force would "…"``, ``according to X``, ``The talks, he said, "…"``;
3. a name alone after the quote's comma: ``"…," Fatou Ndiaye, the head of …``;
4. a colon after the subject of the narration: ``X put it bluntly: "…"``;
5. any other speech verb of the sentence whose subject is an entity
   (the second quote of ``X described it as a "…" reflecting "…"``).

A segment left without a speaker takes its running quote's speaker, and a
quote standing alone in its sentence takes the speaker of the sentence before
or after it in its paragraph, or of the previous paragraph's quote when the
paragraph continues a speech. Anything else (a scare quote in plain
narration) has no speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sahelwatch.nlp.quotes.layout import TERMINALS, Frame, Layout
from sahelwatch.nlp.quotes.lexicon import Lexicon
from sahelwatch.nlp.quotes.marks import Segment
from sahelwatch.nlp.quotes.speakers import SUBJECT_DEPS, Resolver, Speaker

__all__ = ["Attributor"]

PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl"})
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
NP_INNER = frozenset({"det", "amod", "compound", "flat", "flat:name", "nummod", "fixed"})
#: Words between an inverted verb and its subject ("a déclaré vendredi le ministre").
#: Words of time an inverted speaker may follow: "a déclaré vendredi un officier".
TIME_WORDS = frozenset(
    {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "soir", "matin", "aujourd'hui", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "yesterday", "today", "tonight",
    }
)  # fmt: skip
INVERSION_SKIP = frozenset({"ADV", "AUX", "PART", "DET", "ADJ", "NUM", "PUNCT", "SPACE"})
BLOCKERS = frozenset({"CCONJ", "SCONJ"})
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "GROUP"})
#: A standalone quote this short without final punctuation reads as a heading, not speech.
SPEECH_MIN_WORDS = 6
MAX_TITLE_WORDS = 3


class Attributor:
    def __init__(self, doc: Doc, layout: Layout, resolver: Resolver, lexicon: Lexicon) -> None:
        self.doc = doc
        self.layout = layout
        self.resolver = resolver
        self.lexicon = lexicon
        self.speakers: dict[int, Speaker | None] = {}

    # -- verbs -----------------------------------------------------------------------

    def speech_verbs(self, frame: Frame) -> list[Token]:
        return [
            t
            for t in frame.tokens(self.doc)
            if self.lexicon.is_speech(t) and (t.pos_ == "VERB" or _is_source(t))
        ]

    def verb_speaker(self, verb: Token, frame: Frame, *, inverted: bool) -> Speaker | None:
        """The speaker of one speech verb: its subject, its agent, or its inverted subject."""
        limit = self.doc[frame.start].idx
        phrase = self.resolver.phrase
        if _is_source(verb):
            return self._source(verb, limit)
        if any(c.dep_ in PASSIVE_AUX for c in verb.children):
            for child in verb.children:
                if child.dep_ in AGENT_DEPS:
                    objects = [c for c in child.children if c.dep_ == "pobj"] or [child]
                    return phrase(objects[0], limit)
            return None
        clitic = self._clitic(verb)
        if clitic is not None:
            return phrase(clitic, limit)
        subject = self._subject(verb)
        if subject is not None:
            return phrase(subject, limit)
        if verb.dep_ in RELATIVE_DEPS:
            return phrase(verb.head, limit)
        if verb.dep_ == "acl" and verb.head.pos_ in NOMINAL:
            # "a statement warning it could ...", but not "channels accused of ...".
            passive = "Past" in verb.morph.get("Tense", []) and "Part" in verb.morph.get(
                "VerbForm", []
            )
            return None if passive else phrase(verb.head, limit)
        head = verb
        for _ in range(2):
            if head.dep_ not in CLIMB_DEPS or head.head.i == head.i:
                break
            head = head.head
            if self.layout.quoted(head) or head.pos_ not in ("VERB", "AUX"):
                break
            subject = self._subject(head)
            if subject is not None:
                return phrase(subject, limit)
        if inverted:
            return self._inverted(verb, frame, limit)
        return None

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject in the narration; the nearest one if the parse gave several."""
        subjects = [
            c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.layout.quoted(c)
        ]
        return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None

    def verb_nouns(self, verb: Token) -> set[str]:
        """Nouns a speech verb is said "in" or "through": "said in a statement"."""
        objects = [c for c in verb.children if c.dep_.startswith("obl")]
        objects += [
            o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
        ]
        return {w for o in objects if o.pos_ == "NOUN" for w in (o.lower_, o.lemma_.lower())}

    def _clitic(self, verb: Token) -> Token | None:
        """French inverted pronoun: "a-t-il affirmé", "dit-elle" ("-t" is only euphony)."""
        lo, hi = max(verb.i - 3, 0), min(verb.i + 3, len(self.doc))
        for tok in self.doc[lo:hi]:
            if tok.pos_ == "PRON" and tok.text.startswith("-") and len(tok.text.strip("-")) > 1:
                return tok
        return None

    def _source(self, marker: Token, limit: int) -> Speaker | None:
        """ "according to X", "selon X": the speaker is the marker's object."""
        for child in marker.children:
            if child.dep_ in ("pobj", "obj"):
                return self.resolver.phrase(child, limit)
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.resolver.phrase(obj, limit)
        if marker.dep_ == "case" and marker.head.i > marker.i:
            return self.resolver.phrase(marker.head, limit)
        return None

    def _inverted(self, verb: Token, frame: Frame, limit: int) -> Speaker | None:
        """ "said X", "souligne un juriste": the first noun phrase after the verb."""
        skip_to = verb.i + 1
        for tok in self.doc[verb.i + 1 : frame.end]:
            if tok.i < skip_to:
                continue
            if tok.pos_ == "ADP" and tok.head.i > tok.i:
                # "a déclaré à la radio un officier": step over the addressee.
                skip_to = _np_end(tok.head) + 1
                continue
            if tok.lower_ in TIME_WORDS:
                continue  # "a déclaré vendredi un officier": the day is no speaker
            if tok.pos_ in NOMINAL:
                head = tok
                while (
                    head.dep_ in NP_INNER
                    and head.head.i > verb.i
                    and head.head.i < frame.end
                    and head.head.i != head.i
                ):
                    head = head.head
                return self.resolver.phrase(head, limit)
            if tok.pos_ not in INVERSION_SKIP or tok.text in (".", ":", ";"):
                return None
        return None

    def narration_verbs(self) -> list[Token]:
        """Speech verbs of the narration: their subjects are who "he" may be later."""
        return [
            t
            for t in self.doc
            if t.pos_ == "VERB" and not self.layout.quoted(t) and self.lexicon.is_speech(t)
        ]

    def narrate(self, verb: Token) -> None:
        """Remember who speaks through one narration verb ("A Malian officer said ...")."""
        unit = self.layout.unit_of_token[verb.i]
        frame = next((f for f in self.layout.frames(unit) if f.start <= verb.i < f.end), None)
        if frame is None:
            return
        speaker = self.verb_speaker(verb, frame, inverted=False)
        if speaker is not None and (speaker.key is not None or speaker.animate):
            self.resolver.remember(verb.idx, speaker.with_nouns(self.verb_nouns(verb)))

    # -- one segment ---------------------------------------------------------------------

    def own(self, seg: Segment) -> tuple[Speaker | None, Token | None]:
        """The speaker found in ``seg``'s own sentence, and the speech verb it came from."""
        after = self.layout.after(seg)
        before = self.layout.before(seg)
        if after is not None:
            found, verb = self._after(after)
            if found is not None:
                return found, verb
        if before is not None:
            for verb in reversed(self.speech_verbs(before)):
                found = self.verb_speaker(verb, before, inverted=False)
                if found is not None:
                    return found, verb
        if after is not None:
            found = self._bare_name(seg, after)
            if found is not None:
                return found, None
        if before is not None:
            found = self._colon(before)
            if found is not None:
                return found, None
        return self._sentence(seg, (before, after))

    def _after(self, frame: Frame) -> tuple[Speaker | None, Token | None]:
        toks = frame.tokens(self.doc)
        verbs = self.speech_verbs(frame)
        incise = self._incise(toks)
        if incise is not None and incise not in verbs:
            verbs.insert(0, incise)
        for verb in verbs:
            if verb.dep_ in RELATIVE_DEPS:
                continue
            subject = self._subject(verb)
            inside = {t.i for t in subject.subtree} if subject is not None else set()
            if any(
                (t.pos_ in BLOCKERS or t.text in (":", ";")) and t.i not in inside
                for t in toks
                if t.i < verb.i
            ):
                return None, None
            found = self.verb_speaker(verb, frame, inverted=True)
            if found is not None:
                return found, verb
        return None, None

    def _incise(self, toks: list[Token]) -> Token | None:
        """The verb opening an incise: a speech verb whatever tag the model gave it
        ("», raconte X"), or any verb with an inverted pronoun ("», a-t-il lancé")."""
        for tok in toks:
            if tok.is_punct or tok.pos_ == "AUX" or tok.text.startswith("-"):
                continue
            if self.lexicon.is_speech(tok) and not _is_source(tok):
                return tok
            return tok if tok.pos_ == "VERB" and self._clitic(tok) is not None else None
        return None

    def _bare_name(self, seg: Segment, frame: Frame) -> Speaker | None:
        """ "…," Fatou Ndiaye, the head of …: a name right after the quote's comma."""
        toks = frame.tokens(self.doc)
        comma = self.layout.text[seg.raw_end - 1 : seg.raw_end] == ","
        if toks and toks[0].text == ",":
            comma, toks = True, toks[1:]
        if not comma:
            return None
        for count, tok in enumerate(toks[: MAX_TITLE_WORDS + 1]):
            mention = self.resolver.mention_of.get(tok.i)
            if mention is not None:
                if mention.type not in NAMED_TYPES:
                    return None
                last = self.layout.token_before(mention.end)
                nxt = self.doc[last + 1] if last + 1 < frame.end else None
                if nxt is None or nxt.text in (",", ".", ";") or nxt.is_space:
                    return self.resolver.phrase(tok, self.doc[frame.start].idx)
                return None
            if count == MAX_TITLE_WORDS or not tok.text[:1].isupper():
                return None
        return None

    def _colon(self, frame: Frame) -> Speaker | None:
        """ "Ndiaye put it bluntly: "…"": the subject of the narration before a colon."""
        toks = frame.tokens(self.doc)
        if len(toks) < 2 or toks[-1].text != ":":
            return None
        named = self.resolver.mention_of.get(toks[-2].i)
        words = [t for t in toks[:-1] if not t.is_punct]
        if (
            named is not None
            and named.type in NAMED_TYPES
            and all(self.resolver.mention_of.get(t.i) is named for t in words)
        ):
            # "Ndiaye: "…"" (an interview's speaker label).
            return self.resolver.phrase(toks[-2], self.doc[frame.start].idx)
        for verb in reversed([t for t in toks if t.pos_ == "VERB"]):
            found = self.verb_speaker(verb, frame, inverted=False)
            if found is not None and found.key is not None:
                return found
        return None

    def _sentence(
        self, seg: Segment, tried: tuple[Frame | None, Frame | None]
    ) -> tuple[Speaker | None, Token | None]:
        """A speech verb elsewhere in the sentence, when its subject is an entity."""
        frames = [f for f in self.layout.frames(self.layout.unit_of(seg)) if f not in tried]
        frames.sort(key=lambda f: abs(self.doc[f.start].idx - seg.open_mark))
        first = self.layout.token_at(seg.start)
        for frame in frames:
            for verb in self.speech_verbs(frame):
                found = self.verb_speaker(verb, frame, inverted=False)
                if found is None:
                    continue
                # An unnamed speaker counts only when the quote is part of what it says.
                if found.key is not None or any(t.i == first for t in verb.subtree):
                    return found, verb
        return None, None

    # -- segments standing alone ------------------------------------------------------------

    def unit_speaker(self, unit: int, *, backward: bool) -> Speaker | None:
        """The speaker a sentence gives: its quotes' speaker, else its speech verb's subject."""
        quoted = [self.speakers.get(i) for i in self.layout.segments_in_unit(unit)]
        found = [s for s in quoted if s is not None]
        if found:
            return found[-1] if backward else found[0]
        for frame in self.layout.frames(unit):
            for verb in self.speech_verbs(frame):
                speaker = self.verb_speaker(verb, frame, inverted=False)
                if speaker is not None:
                    return speaker
        return None

    def standalone(self, seg: Segment) -> Speaker | None:
        """The speaker of a quote that is a sentence of its own.

        The nearest sentence of the paragraph that names a speaker (before it,
        then after it), else the previous paragraph's, when this paragraph is
        all quote and that one ended with a quote or a colon.
        """
        layout = self.layout
        unit = layout.unit_of(seg)
        siblings = layout.units_in_paragraph(seg.paragraph)
        for step in reversed([u for u in siblings if u < unit]):
            found = self.unit_speaker(step, backward=True)
            if found is not None:
                return found
        for step in [u for u in siblings if u > unit]:
            found = self.unit_speaker(step, backward=False)
            if found is not None:
                return found
        if seg.paragraph == 0 or not self._continues_speech(seg):
            return None
        previous = layout.units_in_paragraph(seg.paragraph - 1)
        if not previous:
            return None
        last = previous[-1]
        frames = layout.frames(last)
        tail = frames[-1].tokens(self.doc) if frames else []
        opens = bool(tail) and tail[-1].text == ":"
        if opens or layout.segments_in_unit(last):
            return self.unit_speaker(last, backward=True)
        return None

    def _continues_speech(self, seg: Segment) -> bool:
        """A paragraph that is all quote, opening with ``seg`` and reading like speech."""
        layout = self.layout
        units = layout.units_in_paragraph(seg.paragraph)
        first = layout.segments_in_unit(units[0])[:1] if units else []
        if not first or layout.segments[first[0]] is not seg:
            return False
        if any(layout.has_narration(u) for u in units):
            return False
        text = layout.text[seg.start : seg.raw_end].rstrip()
        return text[-1:] in TERMINALS or len(text.split()) >= SPEECH_MIN_WORDS


def _np_end(head: Token) -> int:
    """Last token of ``head``'s name or noun, without appositives or clauses after it."""
    end = head.i
    for child in head.children:
        if child.i > head.i and child.dep_ in NP_INNER:
            end = max(end, _np_end(child))
    return end


def _is_source(tok: Token) -> bool:
    return tok.pos_ == "ADP" or tok.dep_ in ("prep", "case")
