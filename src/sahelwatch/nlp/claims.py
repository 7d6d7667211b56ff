"""Claims: the checkable statements an article makes, read from its events and mentions.

Claims are what contradictions are found between: "the AES was founded in
2023" against "created in 2024", "Colonel Goïta" against "General Goïta",
"Tiani" against "Tchiani". Each is derived from something already read (an
event's date, a rank printed with a name, a name as printed) and keeps the
sentence it stands on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from sahelwatch.domain import DomainPack, fold
from sahelwatch.model import ClaimMention, EventMention, Mention, TimeExpr
from sahelwatch.nlp.events.arguments import effective_date

ANNOUNCED = re.compile(
    r"\b(announc\w*|decision|decided|declared|annonc\w*|décid\w*|décision)\b", re.I
)
EFFECTIVE = re.compile(
    r"\b(effective|took effect|takes effect|came into force|entered into force|effecti\w*|"
    r"formally|officially|formellement|officiellement)\b",
    re.I,
)
TROOPS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ ,\u202f\u00a0]\d{3})+|\d{3,6})\s*(?:-strong|soldiers|troops|men|"
    r"personnel|hommes|soldats|militaires|éléments)",
    re.I,
)
ORG_TYPES = frozenset({"ORG", "GROUP"})


def extract_claims(
    doc: Doc,
    events: Sequence[EventMention],
    mentions: Sequence[Mention],
    pack: DomainPack,
    timexes: Sequence[TimeExpr] = (),
) -> list[ClaimMention]:
    claims: list[ClaimMention] = []
    by_key = {m.key: m for m in mentions}
    for number, event in enumerate(events):
        if event.type == "alliance_formation" and event.date_basis == "text" and event.date:
            for key in _orgs(event, by_key):
                claims.append(_claim(key, "founded", event.date, event))
        elif event.type == "withdrawal" and event.date_basis == "text" and event.date:
            claims.extend(_withdrawals(doc, event, mentions, by_key, pack, timexes))
        elif event.type == "attack" and event.fatalities is not None:
            subject = event.location_key or next(
                (p.key for p in event.participants if p.role == "agent"), None
            )
            if subject:
                claims.append(
                    _claim(
                        subject,
                        "fatalities",
                        str(event.fatalities),
                        event,
                        qualifier=f"event:{number}",
                    )
                )
        elif event.type == "force_creation":
            match = TROOPS.search(event.evidence)
            subjects = _orgs(event, by_key)
            if match and subjects:
                value = re.sub(r"\D", "", match.group(1))
                claims.append(_claim(subjects[0], "troop_strength", value, event))
    claims.extend(_ranks_and_spellings(doc, mentions))
    return claims


def _claim(
    subject: str,
    prop: str,
    value: str,
    event: EventMention,
    *,
    object_key: str | None = None,
    qualifier: str | None = None,
) -> ClaimMention:
    return ClaimMention(
        subject, prop, value, event.start, event.end, event.evidence, object_key, qualifier
    )


def _orgs(event: EventMention, by_key: dict[str, Mention]) -> list[str]:
    return [
        p.key for p in event.participants if p.key in by_key and by_key[p.key].type in ORG_TYPES
    ]


def _withdrawals(
    doc: Doc,
    event: EventMention,
    mentions: Sequence[Mention],
    by_key: dict[str, Mention],
    pack: DomainPack,
    timexes: Sequence[TimeExpr],
) -> list[ClaimMention]:
    """Who left what: the states named, or the members of the bloc that left together."""
    left = _left_organisation(doc, event, mentions)
    if left is None:
        return []
    countries = [
        p
        for p in event.participants
        if p.key in by_key
        and by_key[p.key].type == "GPE"
        and p.key != event.location_key
        and not _is_town(p.key, pack)
    ]
    # Those who act ("the three states left ECOWAS"), then the members of a bloc that
    # left ("the AES's decision to withdraw"), before any country named in passing.
    states = [p.key for p in countries if p.role == "agent"]
    for org in _orgs(event, by_key) if not states else ():
        if org == left or not org.startswith("pack:"):
            continue
        members = [
            f"pack:{e.id}" for e in pack.of_type("GPE") if org.removeprefix("pack:") in e.member_of
        ]
        if members:
            states = members
            break
    states = states or [p.key for p in countries]
    effect = effective_date(event.evidence, event.start, timexes)
    qualifier = (
        "effective"
        if effect is not None and effect.value == event.date
        else "announced"
        if ANNOUNCED.search(event.evidence)
        else "effective"
        if EFFECTIVE.search(event.evidence)
        else None
    )
    return [
        _claim(
            state, "withdrew_from", event.date or "", event, object_key=left, qualifier=qualifier
        )
        for state in dict.fromkeys(states)
    ]


def _is_town(key: str, pack: DomainPack) -> bool:
    entity = pack.get(key.removeprefix("pack:")) if key.startswith("pack:") else None
    return entity is not None and bool(entity.country or entity.capital_of)


def _left_organisation(doc: Doc, event: EventMention, mentions: Sequence[Mention]) -> str | None:
    """The organisation in the trigger's own "from"/"de" phrase ("withdraw from ECOWAS")."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None or not event.trigger:
        return None
    first = event.trigger.split()[0].lower()
    orgs = [m for m in mentions if m.type in ORG_TYPES and event.start <= m.start < event.end]
    for trigger in (t for t in span if t.lower_ == first):
        # "withdraw from ECOWAS", "retrait de la CEDEAO", or a direct object: "leave ECOWAS".
        heads = [
            child
            for child in trigger.subtree
            if (
                child.lower_ in ("from", "de", "du", "des", "d'", "d\u2019")
                and (child.head.i == trigger.i or child.head.head.i == trigger.i)
            )
            or (child.dep_ in ("dobj", "obj") and child.head.i == trigger.i)
        ]
        for head in heads:
            for t in head.subtree:
                for mention in orgs:
                    if mention.start <= t.idx < mention.end:
                        return mention.key
    return None


def _ranks_and_spellings(doc: Doc, mentions: Sequence[Mention]) -> list[ClaimMention]:
    """Ranks printed with a name, and each distinct printed spelling of a person's name."""
    out: list[ClaimMention] = []
    spelled: set[tuple[str, str]] = set()
    for mention in mentions:
        if mention.type != "PERSON":
            continue
        sentence = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        for attribute in mention.attributes:
            out.append(
                ClaimMention(
                    mention.key,
                    "rank_or_title",
                    attribute.text,
                    sent.start_char,
                    sent.end_char,
                    sent.text,
                    None,
                    f"{attribute.kind}:{attribute.key}",
                )
            )
        if mention.role == "name" and len(mention.text.split()) > 1:
            form = fold(mention.text)
            if (mention.key, form) not in spelled:
                spelled.add((mention.key, form))
                out.append(
                    ClaimMention(
                        mention.key,
                        "name_spelling",
                        mention.text,
                        sent.start_char,
                        sent.end_char,
                        sent.text,
                    )
                )
    return out
