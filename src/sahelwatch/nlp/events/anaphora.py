"""Definite nouns that point back to a named organisation: "the alliance", "la force".

News copy names an organisation once ("the Alliance of Sahel States") and then
calls it by its head noun ("The alliance was founded in 2023 ..."). An event
told in such a sentence belongs to that organisation, and clustering needs
the organisation as a participant to join the outlet that printed the name.
Only events read these back-references; they are not entity mentions of
their own and never reach the store.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

import numpy
from spacy.symbols import NOUN
from spacy.tokens import Doc

from sahelwatch.domain import DomainPack
from sahelwatch.domain.model import PackEntity
from sahelwatch.model import Mention

#: Articles and demonstratives that make a noun point back to something named.
POINTING = frozenset(
    {"the", "this", "le", "la", "l'", "l\u2019", "cette", "ce", "cet", "ladite", "ledit"}
)
#: Kinds of entity an organisation noun may point back to.
ORGANISATIONS = ("ORG", "GROUP")


def anaphors(doc: Doc, mentions: Sequence[Mention], pack: DomainPack, lang: str) -> list[Mention]:
    """Mentions for definite singular nouns naming the head of an organisation met before.

    The most recent organisation whose name has that head wins, so "the force"
    after "the Unified Force of the AES" is that force, not an older one.
    """
    named = sorted(
        (m for m in mentions if m.type in ORGANISATIONS and m.pack_id), key=lambda m: m.start
    )
    if not named:
        return []
    spans = sorted((m.start, m.end) for m in mentions)
    span_starts = [a for a, _ in spans]
    starts = [m.start for m in named]
    found: list[Mention] = []
    # Only nouns can point back; finding them in the array spares a Token per word.
    for i in numpy.flatnonzero(doc.to_array("POS") == NOUN):
        token = doc[int(i)]
        if "Plur" in token.morph.get("Number", []):
            continue
        if token.tag_ in ("NNS", "NNPS"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in POINTING for c in token.children):
            continue
        inside = bisect_right(span_starts, token.idx) - 1
        if inside >= 0 and spans[inside][1] > token.idx:
            continue  # part of a name already
        head = token.lemma_.lower()
        before = named[: bisect_left(starts, token.idx)]
        for mention in reversed(before):
            if mention.end > token.idx:
                continue
            entity = pack.get(mention.pack_id or "")
            if entity is not None and head in heads(entity, lang):
                found.append(
                    Mention(
                        start=token.idx,
                        end=token.idx + len(token),
                        text=token.text,
                        type=mention.type,
                        key=mention.key,
                        name=mention.name,
                        pack_id=mention.pack_id,
                        role="anaphor",
                    )
                )
                break
    return found


@cache
def heads(entity: PackEntity, lang: str) -> frozenset[str]:
    """The head nouns of an entity's names: "alliance" for "Alliance of Sahel States",
    "force" for "Force unifiée de l'AES" and for "AES Unified Force"."""
    out = {_head(entity.name, "en")}
    for key in (lang, "en"):
        out.update(_head(form, key) for form in entity.aliases.get(key, ()))
    return frozenset(h for h in out if h)


def _head(form: str, lang: str) -> str:
    words = form.split()
    if not words:
        return ""
    if lang == "en":
        before_of = words[: words.index("of")] if "of" in words else words
        head = before_of[-1] if before_of else ""
    else:  # French puts the head first: "Force unifiée", "Alliance des États du Sahel"
        head = words[0]
    return head.lower() if head.isalpha() and not head.isupper() else ""
