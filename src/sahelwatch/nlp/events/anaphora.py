"""Definite nouns that point back to a named organisation: "the alliance", "la force".

News copy names an organisation once ("the Alliance of Sahel States") and then
calls it by its head noun ("The alliance was founded in 2023 ..."). An event
told in such a sentence belongs to that organisation, and clustering needs
the organisation as a participant to join the outlet that printed the name.
Only events read these back-references; they are not entity mentions of
their own and never reach the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

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
    taken = {t.i for m in mentions if (s := doc.char_span(m.start, m.end, "expand")) for t in s}
    found: list[Mention] = []
    for token in doc:
        if token.pos_ != "NOUN" or token.i in taken or "Plur" in token.morph.get("Number", []):
            continue
        if token.tag_ in ("NNS", "NNPS"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in POINTING for c in token.children):
            continue
        head = token.lemma_.lower()
        before = [m for m in named if m.end <= token.idx]
        for mention in reversed(before):
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
