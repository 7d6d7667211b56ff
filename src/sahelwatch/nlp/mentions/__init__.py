"""From a parsed article to its entity mentions: candidates, repairs, links.

The order matters and is the whole algorithm: fix the spans (edges,
possessives, titles), drop what is not a name (headings, common words,
demonyms), link spans to the pack, then link short forms (acronyms,
surnames, metonyms) to the full names they stand for.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from sahelwatch.domain import DomainPack, fold
from sahelwatch.model import Mention, NationalityRef
from sahelwatch.nlp.mentions import linking, rules
from sahelwatch.nlp.mentions.candidates import Candidate, from_doc

__all__ = ["extract_mentions"]


_title_matchers: dict[tuple[int, str, str], PhraseMatcher] = {}


def _titles(nlp: Language, pack: DomainPack, lang: str) -> PhraseMatcher:
    key = (id(nlp), pack.id, lang)
    matcher = _title_matchers.get(key)
    if matcher is None:
        matcher = _title_matchers[key] = rules.title_matcher(nlp.vocab, pack, lang, nlp.make_doc)
    return matcher


def extract_mentions(
    doc: Doc, nlp: Language, pack: DomainPack, lang: str
) -> tuple[list[Mention], list[NationalityRef]]:
    cands = from_doc(doc)
    cands = rules.split_lines(doc, cands)
    cands = rules.trim_edges(doc, cands)
    cands = rules.split_possessives(doc, cands)
    cands = rules.TitleFinder(doc, pack, lang, _titles(nlp, pack, lang)).strip(doc, cands)
    cands = rules.drop_headings(doc, cands)
    cands = rules.drop_generic(doc, cands)
    cands = rules.extend_person_names(doc, cands)
    cands, refs = rules.nationalities(doc, cands, pack, lang)
    cands = rules.institutions(doc, cands)
    cands = rules.link_to_pack(doc, cands, pack, lang)
    cands = rules.resolve_overlaps(cands)
    cands = linking.people_by_surname(doc, cands)
    cands = linking.link_acronyms(doc, cands, pack)
    cands = linking.link_surnames(doc, cands, pack)
    cands = rules.resolve_overlaps(cands)
    cands = linking.resolve_metonyms(doc, cands, pack)
    cands = linking.harmonize_labels(doc, cands)
    return [_mention(doc, cand, pack) for cand in cands], refs


def _mention(doc: Doc, cand: Candidate, pack: DomainPack) -> Mention:
    span = cand.span(doc)
    if cand.pack_id:
        entity = pack.entity(cand.pack_id)
        key, name, label = f"pack:{entity.id}", entity.name, entity.type
    else:
        name = cand.name or span.text
        key, label = f"{cand.label}:{fold(name)}", cand.label
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=label,  # type: ignore[arg-type]
        key=key,
        name=name,
        pack_id=cand.pack_id,
        role=cand.role,
        attributes=cand.attributes,
    )
