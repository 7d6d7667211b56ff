"""Linking short forms to the names they stand for, within one article.

News writing introduces a name once in full and then shortens it: a
parenthesised acronym ("German Institute of Development and Sustainability
(IDOS)"), a surname ("Laessing"), a capital for its government ("Bamako
denounced ..."). Each function here turns such short forms into mentions of
the full name's entity, so the corpus keeps every alias under one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from sahelwatch.domain import DomainPack, fold
from sahelwatch.nlp.mentions.candidates import Candidate
from sahelwatch.nlp.mentions.rules import GENERIC, POSSESSIVE
from sahelwatch.nlp.words import word_list

ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,9})?$")

#: Nouns after a city's possessive that make it a place, not its government
#: ("Bamako's airport" is in Bamako; "Bamako's decision" is Mali's).
PLACE_HEADS = word_list("place_heads")
#: Verbs whose subject is a place even when it is a capital ("Bamako lies on the Niger").
PLACE_VERBS = word_list("place_verbs")


def link_acronyms(doc: Doc, cands: list[Candidate], pack: DomainPack) -> list[Candidate]:
    """ "Long Name (ACR)": the acronym, there and later, names the same entity."""
    by_start = {c.start: c for c in cands}
    links: dict[str, Candidate] = {}
    for cand in cands:
        i = cand.end
        if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        short = doc[i + 1]
        if not ACRONYM.match(short.text) or short.text in links:
            continue
        existing = by_start.get(short.i)
        if existing is not None and existing.pack_id and existing.pack_id != cand.pack_id:
            continue  # the pack knows this acronym as another entity ("ISWAP" after "IS")
        links[short.text] = cand
    if not links:
        return cands
    out: list[Candidate] = []
    covered = {i for c in cands for i in range(c.start, c.end)}
    for cand in cands:
        target = links.get(cand.text(doc)) if cand.end - cand.start == 1 else None
        if target is not None and target is not cand and cand.pack_id in (None, target.pack_id):
            out.append(_as(target, cand.start, cand.end, "acronym", doc))
        else:
            out.append(cand)
    for token in doc:
        target = links.get(token.text)
        if target is not None and token.i not in covered:
            out.append(_as(target, token.i, token.i + 1, "acronym", doc))
    return sorted(out, key=lambda c: c.start)


def _as(target: Candidate, start: int, end: int, role: str, doc: Doc) -> Candidate:
    return Candidate(
        start,
        end,
        target.label,
        "acronym" if role == "acronym" else "surname",
        pack_id=target.pack_id,
        role="acronym" if role == "acronym" else "surname",
        name=target.name or target.text(doc),
    )


_surname_indexes: dict[tuple[str, str], dict[str, str | None]] = {}


def _pack_surnames(pack: DomainPack) -> dict[str, str | None]:
    """Folded surname -> pack person id, or None when two pack people share it."""
    cached = _surname_indexes.get((pack.id, pack.version))
    if cached is not None:
        return cached
    index: dict[str, str | None] = {}
    for entity in pack.of_type("PERSON"):
        surnames = {
            fold(form.split()[-1])
            for lang in pack.languages
            for form in entity.forms(lang)
            if len(form.split()) > 1
        }
        for surname in surnames:
            index[surname] = entity.id if index.get(surname, entity.id) == entity.id else None
    _surname_indexes[(pack.id, pack.version)] = index
    return index


def people_by_surname(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Ulf Laessing" read as an ORG is a person when "Laessing" alone was read as one."""
    person_words = {
        fold(c.text(doc)) for c in cands if c.label == "PERSON" and c.end - c.start == 1
    }
    out = []
    for cand in cands:
        last = doc[cand.end - 1]
        if (
            cand.origin == "ner"
            and cand.label in ("ORG", "GPE")
            and cand.end - cand.start >= 2
            and fold(last.text) in person_words
            and all(t.is_title for t in cand.span(doc))
        ):
            cand = replace(cand, label="PERSON")
        out.append(cand)
    return out


def link_surnames(doc: Doc, cands: list[Candidate], pack: DomainPack) -> list[Candidate]:
    """ "Laessing said" after "Ulf Laessing": the same person, not a new entity."""
    people: dict[str, Candidate] = {}
    ambiguous: set[str] = set()
    for cand in cands:
        if cand.label != "PERSON" or cand.end - cand.start < 2 or cand.role != "name":
            continue
        for size in (1, 2):
            if cand.end - cand.start > size:
                key = fold(doc[cand.end - size : cand.end].text)
                other = people.get(key)
                if other is not None and _identity(doc, other) != _identity(doc, cand):
                    ambiguous.add(key)
                people[key] = cand
    pack_index = _pack_surnames(pack)

    def person_for(text: str) -> Candidate | str | None:
        key = fold(text)
        if key in ambiguous:
            return None
        if key in people:
            return people[key]
        return pack_index.get(key)

    out: list[Candidate] = []
    covered: set[int] = set()
    for cand in cands:
        size = cand.end - cand.start
        target = person_for(cand.text(doc)) if size <= 2 and cand.role == "name" else None
        if (
            target is not None
            and not (isinstance(target, Candidate) and target is cand)
            and (cand.origin != "pack" or cand.label == "PERSON")
        ):
            out.append(_surname(doc, cand.start, cand.end, target, pack))
        else:
            out.append(cand)
        covered.update(range(cand.start, cand.end))
    for token in doc:
        if token.i in covered or not _name_like(token):
            continue
        target = person_for(token.text)
        if target is not None:
            out.append(_surname(doc, token.i, token.i + 1, target, pack))
    return sorted(out, key=lambda c: c.start)


def _identity(doc: Doc, cand: Candidate) -> str:
    return cand.pack_id or fold(cand.name or cand.text(doc))


def _surname(
    doc: Doc, start: int, end: int, target: Candidate | str, pack: DomainPack
) -> Candidate:
    if isinstance(target, str):
        entity = pack.entity(target)
        return Candidate(
            start, end, "PERSON", "surname", pack_id=entity.id, role="surname", name=entity.name
        )
    return Candidate(
        start,
        end,
        "PERSON",
        "surname",
        pack_id=target.pack_id,
        role="surname",
        name=target.name or target.text(doc),
    )


def _name_like(token: Token) -> bool:
    return (
        token.is_title
        and token.is_alpha
        and token.pos_ in ("PROPN", "NOUN", "X")
        and token.lower_ not in GENERIC
    )


def resolve_metonyms(doc: Doc, cands: list[Candidate], pack: DomainPack) -> list[Candidate]:
    """A capital acting ("Bamako denounced", "Washington's support") is its government."""
    out = []
    dateline = _dateline_end(doc)
    for cand in cands:
        entity = pack.get(cand.pack_id) if cand.pack_id else None
        if (
            entity is None
            or not entity.metonym_for
            or 0 <= doc[cand.start].idx < dateline
            or not _acts(cand.span(doc).root)
        ):
            out.append(cand)
            continue
        government = pack.entity(entity.metonym_for)
        out.append(
            replace(
                cand,
                pack_id=government.id,
                label=government.type,
                role="metonym",
                name=government.name,
            )
        )
    return out


def _dateline_end(doc: Doc) -> int:
    """Where a dateline ("BAMAKO, Mali —", "Bamako & Niamey, West Africa —") ends, or -1."""
    head = doc[: min(len(doc), 40)].text[:120]
    cut = min(
        (i for i in (head.find("\u2014"), head.find(" - "), head.find(":")) if i >= 0), default=-1
    )
    return cut if cut >= 0 and "\n" not in head[:cut] else -1


RELATIONS = word_list("relation_words")
RELATION_PREPOSITIONS = frozenset(
    {"with", "to", "between", "toward", "towards", "avec", "vers", "entre"}
)


def _acts(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        return token.head.lemma_.lower() not in PLACE_VERBS
    anchor = token
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "entre la junte et Paris": Paris shares the junte's preposition
    preposition = next(
        (c for c in anchor.children if c.dep_ == "case"),
        anchor.head if anchor.dep_ == "pobj" else None,
    )
    if preposition is not None and preposition.lower_ in RELATION_PREPOSITIONS:
        # "closer ties with Moscow", "turned to Paris", "relations entre la junte et Paris"
        governor = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        while governor.dep_ == "conj" and governor.head.i != governor.i:
            governor = governor.head
        return any(
            t.lemma_.lower() in RELATIONS or t.lower_ in RELATIONS
            for t in (governor, *governor.children, governor.head)
        )
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.dep_ == "poss" or (nxt is not None and nxt.text in POSSESSIVE):
        return token.head.lemma_.lower() not in PLACE_HEADS and token.head.pos_ == "NOUN"
    return False


def harmonize_labels(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """One name, one type within an article: the model may call "Lagoke" a person and an ORG."""
    cands = list(cands)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for cand in cands:
        if cand.pack_id is None:
            votes[fold(cand.name or cand.text(doc))][cand.label] += 1
    preference = {"PERSON": 3, "ORG": 2, "GPE": 1}
    best = {
        name: max(counter, key=lambda label: (counter[label], preference.get(label, 0)))
        for name, counter in votes.items()
    }
    return [
        cand if cand.pack_id else replace(cand, label=best[fold(cand.name or cand.text(doc))])
        for cand in cands
    ]
