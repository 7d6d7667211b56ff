"""Repairs of the statistical model's spans on news copy.

The small spaCy models, trained on other text, make the same mistakes on
every Sahel article: a possessive glues a country to its leader ("Niger's
Abdourahamane Tchiani" as one ORG), ranks become part of names ("Colonel
Assimi Goïta"), headings become organisations ("Key Outcomes"), demonyms
become persons ("Nigerien"). Each rule below fixes one of these, on
candidates, and is tested on sentences written for the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from sahelwatch.domain import DomainPack, Title, fold
from sahelwatch.model import Attribute, NationalityRef
from sahelwatch.nlp.mentions.candidates import Candidate
from sahelwatch.nlp.words import word_list

POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: Tokens that never start or end a name; the model sometimes includes them.
EDGE_POS = frozenset(
    {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "VERB", "ADV", "SYM", "NUM"}
)
EDGE_WORDS = frozenset({"the", "le", "la", "les", "l'", "l\u2019", "des", "du", "de"})
#: Generic words: a span made only of these is a description, not a name.
GENERIC = word_list("generic")
#: Institutions named after a place: "US Embassy" is an organisation, not the US.
INSTITUTION_HEADS = word_list("institution_heads")
MAX_INSTITUTION_WORDS = 5
HEADING_END = re.compile(r"[.!?;\"\u201d\u00bb)]\s*$")


def split_lines(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """A name never runs across a line break; the model's spans sometimes do."""
    out: list[Candidate] = []
    for cand in cands:
        pieces: list[tuple[int, int]] = []
        start = cand.start
        for i in range(cand.start, cand.end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                end = i if doc[i].is_space else i + 1
                if start < end:
                    pieces.append((start, end))
                start = i + 1
        if start < cand.end:
            pieces.append((start, cand.end))
        if len(pieces) > 1:
            # Pieces of a span the model ran across lines stand only if they look like names.
            pieces = [(s, e) for s, e in pieces if e - s > 1 or doc[s].text.isupper()]
        out.extend(cand.with_range(s, e) for s, e in pieces)
    return out


def trim_edges(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """Drop determiners, verbs and punctuation the model glued to a name's edges."""
    out = []
    for cand in cands:
        start, end = cand.start, cand.end
        if cand.origin == "ner":
            while start < end and _edge(doc[start]):
                start += 1
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].pos_ == "PUNCT"):
            end -= 1
        if start < end:
            out.append(cand.with_range(start, end))
    return out


def _edge(token: Token) -> bool:
    if token.lower_ in EDGE_WORDS:
        # "la" is cut, but "La Haye" and "Le Monde" keep their article; "The" always goes.
        return token.text.islower() or token.lower_ == "the"
    # A capitalised sentence opener tagged VERB ("Take Mali, for example") is not a name.
    return token.pos_ in EDGE_POS and not (token.pos_ == "PROPN" or token.text.isupper())


def split_possessives(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """ "Niger's Abdourahamane Tchiani" is a state and a person, not one organisation."""
    out: list[Candidate] = []
    for cand in cands:
        cut = next(
            (i for i in range(cand.start + 1, cand.end - 1) if doc[i].text in POSSESSIVE), None
        )
        if cut is None or cand.origin != "ner":
            out.append(cand)
            continue
        owner = replace(cand, end=cut, label="GPE" if cand.label in ("ORG", "GPE") else cand.label)
        owned = replace(cand, start=cut + 1)
        if _looks_like_person(doc, cut + 1, cand.end):
            owned = replace(owned, label="PERSON")
        out.extend((owner, owned))
    return out


def _looks_like_person(doc: Doc, start: int, end: int) -> bool:
    tokens = doc[start:end]
    return 2 <= len(tokens) <= 5 and all(
        t.is_title and t.pos_ == "PROPN" and t.lower_ not in GENERIC for t in tokens
    )


class TitleFinder:
    """Finds ranks and offices (from the pack) next to or inside names."""

    def __init__(self, doc: Doc, pack: DomainPack, lang: str, matcher: PhraseMatcher) -> None:
        self.pack, self.lang = pack, lang
        self.by_end: dict[int, tuple[int, Title]] = {}
        self.by_start: dict[int, tuple[int, Title]] = {}
        for _, start, end in matcher(doc):
            title = pack.title(doc[start:end].text, lang)
            if title is None:
                continue
            # Keep the longest title ending (or starting) at each token.
            if end not in self.by_end or start < self.by_end[end][0]:
                self.by_end[end] = (start, title)
            if start not in self.by_start or end > self.by_start[start][0]:
                self.by_start[start] = (end, title)

    def strip(self, doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
        """Move titles out of names and attach titles printed just before them."""
        out = []
        for cand in cands:
            attributes = list(cand.attributes)
            start = cand.start
            while start < cand.end - 1 and start in self.by_start:
                title_end, title = self.by_start[start]
                if title_end >= cand.end:
                    break
                attributes.append(_attribute(doc, start, title_end, title))
                start = title_end
                cand = replace(cand, label="PERSON" if cand.origin == "ner" else cand.label)
            left = start if start < cand.start else cand.start
            if left in self.by_end and cand.label == "PERSON":
                title_start, title = self.by_end[left]
                attributes.insert(0, _attribute(doc, title_start, left, title))
            out.append(replace(cand, start=start, attributes=tuple(attributes)))
        return out


def extend_person_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Take in a given name the model left out ("Will Stevens" read as the verb "will")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for cand in cands:
        start = cand.start
        while (
            cand.label == "PERSON"
            and cand.origin == "ner"
            and start > 0
            and start - 1 not in taken
            and _given_name_like(doc[start - 1])
        ):
            start -= 1
        out.append(cand.with_range(start, cand.end))
    return out


def _given_name_like(token: Token) -> bool:
    return (
        token.is_title
        and token.is_alpha
        and not token.is_sent_start
        and token.lower_ not in GENERIC
        and token.pos_ in ("PROPN", "AUX", "VERB", "NOUN")
    )


def _attribute(doc: Doc, start: int, end: int, title: Title) -> Attribute:
    span = doc[start:end]
    return Attribute(title.kind, title.key, span.text, span.start_char, span.end_char)


def title_matcher(
    nlp_vocab: object, pack: DomainPack, lang: str, make_doc: object
) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp_vocab, attr="LOWER")  # type: ignore[arg-type]
    forms = [form for form, _ in pack.title_forms(lang)]
    matcher.add("TITLE", [make_doc(form) for form in forms])  # type: ignore[operator]
    return matcher


def drop_headings(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """A heading ("Key Outcomes of the Summit", "Background") is not an organisation."""
    text = doc.text
    out = []
    for cand in cands:
        if cand.origin == "pack":
            out.append(cand)
            continue
        span = cand.span(doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" -\u2022*\t")
        words = line.split()
        after = text[span.end_char : span.end_char + 1]
        heading_line = 0 < len(words) <= 8 and not HEADING_END.search(line)
        label_colon = after == ":" and text[line_start : span.start_char].strip(" -\u2022*\t") == ""
        covers = len(span.text) >= 0.5 * len(line)
        if (heading_line and covers) or label_colon:
            continue
        out.append(cand)
    return out


def drop_generic(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """Spans made only of common words ("State", "Foreign Affairs"), or with no name in them."""
    out = []
    for cand in cands:
        span = cand.span(doc)
        if cand.origin == "ner":
            words = [t for t in span if not t.is_punct]
            if not words or all(t.lower_ in GENERIC for t in words):
                continue
            if not any(ch.isupper() for ch in span.text):
                continue
            if " " not in span.text and span.root.dep_ == "amod":
                continue  # "Pan-African studies": an adjective, not a name
            if (
                len(words) == 1
                and (words[0].pos_ == "ADJ" or words[0].dep_ == "amod")
                and not words[0].text.isupper()
            ):
                continue
        out.append(cand)
    return out


def nationalities(
    doc: Doc, cands: Iterable[Candidate], pack: DomainPack, lang: str
) -> tuple[list[Candidate], list[NationalityRef]]:
    """Demonyms ("Malian authorities") become relations to the state, never mentions."""
    kept: list[Candidate] = []
    refs: list[NationalityRef] = []
    covered: set[int] = set()
    for cand in cands:
        span = cand.span(doc)
        state = pack.demonym(span.text, lang) if cand.origin == "ner" else None
        if state is not None:
            refs.append(NationalityRef(span.start_char, span.end_char, span.text, state.id))
            covered.update(range(cand.start, cand.end))
            continue
        if cand.label == "NORP":
            # Multi-word political or religious groups ("Christian Democrats") are organisations.
            if len(span) > 1 and span[-1].text.endswith("s"):
                kept.append(replace(cand, label="ORG"))
            continue
        kept.append(cand)
        covered.update(range(cand.start, cand.end))
    demonyms = pack.demonym_index(lang)
    for token in doc:
        if token.i in covered or not token.is_alpha or len(token) < 4:
            continue
        state = demonyms.get(fold(token.text))
        if state is not None:
            refs.append(
                NationalityRef(token.idx, token.idx + len(token.text), token.text, state.id)
            )
    refs.sort(key=lambda r: r.start)
    return kept, refs


def institutions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the US Embassy", "Sahel Water Research Institute": a place's name followed by
    capitalised words ending in an institution is that institution, not the place.

    The pack ruler fixes "Sahel" before the statistical model runs, so the model
    cannot see the longer name; this puts it back.
    """
    taken = {i for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for cand in cands:
        end = cand.end
        if cand.label in ("GPE", "LOC"):
            for i in range(cand.end, min(len(doc), cand.end + MAX_INSTITUTION_WORDS)):
                token = doc[i]
                if i in taken or not (token.is_title or token.is_upper) or not token.is_alpha:
                    break
                if token.lower_ in INSTITUTION_HEADS:
                    end = i + 1
        if end > cand.end:
            out.append(Candidate(cand.start, end, "ORG", "ner"))
        else:
            out.append(cand)
    return out


def link_to_pack(
    doc: Doc, cands: Iterable[Candidate], pack: DomainPack, lang: str
) -> list[Candidate]:
    """A model span that is a pack name after repair is that pack entity, with its type."""
    out = []
    for cand in cands:
        if cand.origin == "pack":
            out.append(cand)
            continue
        text = cand.text(doc)
        found = pack.lookup(text, lang) or pack.lookup(text, lang, fold_case=True)
        if len(found) == 1:
            entity = found[0]
            out.append(replace(cand, origin="pack", pack_id=entity.id, label=entity.type))
        else:
            out.append(cand)
    return out


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per token: pack names first, then the longest."""
    rank = {"pack": 0, "acronym": 1, "surname": 1, "ner": 2}
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (rank[c.origin], -(c.end - c.start), c.start)):
        if taken.isdisjoint(range(cand.start, cand.end)):
            chosen.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)
