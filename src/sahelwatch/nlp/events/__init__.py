"""Events, sentence by sentence, with their arguments, merged within the article.

A sentence gives at most one event of each type (its strongest trigger).
Then, inside one article, mentions of one act are merged: a definite noun
that points back ("the summit", "the attack") joins the event it names, and
two nearby sentences telling the same act ("an attack in Mali" / "15 drivers
were killed in an attack on a convoy") become one event with both sentences'
facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sahelwatch.domain import DomainPack
from sahelwatch.model import (
    Article,
    EventMention,
    EventType,
    Mention,
    NationalityRef,
    Participant,
    Precision,
    Quote,
    TimeExpr,
)
from sahelwatch.nlp.events import arguments as args
from sahelwatch.nlp.events.anaphora import anaphors
from sahelwatch.nlp.events.triggers import CONTROL, Trigger, find_triggers, lexicon
from sahelwatch.nlp.words import word_list

__all__ = ["extract_events"]

#: Announcing or declaring is an event only when nothing more specific is announced.
WEAK_STATEMENT_VERBS = frozenset(
    {"announce", "declare", "annoncer", "déclarer", "affirmer", "post"}
)
#: Verbs whose object must be an actor for them to be a meeting ("welcome the fact" is not).
HOSTING = frozenset({"welcome", "receive", "host", "meet", "accueillir", "recevoir", "rencontrer"})
#: Verbs whose object must be an organisation or place to be a withdrawal ("leaves us a choice").
LEAVING = frozenset({"leave", "quit", "exit", "quitter", "sortir", "partir"})
#: Nouns of places taken by force: "le contrôle de la ville".
TOWNS = frozenset({"ville", "localité", "camp", "base", "town", "village", "city"})
#: Common nouns for the country a text is about: "ont quitté le pays".
COUNTRY_NOUNS = frozenset({"pays", "territoire", "country", "territory"})
#: Nouns of leaving, whose complement must be an actor or place: "la sortie de la salle".
LEAVING_NOUNS = frozenset({"sortie", "départ", "exit", "departure", "retrait", "withdrawal"})
#: Verbs under which an event is only spoken of: "accused X of imposing sanctions",
#: "warned it could neutralise aircraft". The event there is the accusation or threat.
FRAMING = frozenset(
    {"accuse", "accuser", "blame", "reprocher", "warn", "threaten", "menacer", "avertir"}
)
#: Verbs that, in the passive, tell a court's sentence rather than a statement.
SENTENCING = frozenset({"condemn", "condamner"})
#: Adverbs that make a statement a trend, not an occasion ("increasingly accused").
TREND = frozenset(
    {
        "increasingly",
        "repeatedly",
        "often",
        "regularly",
        "constantly",
        "routinely",
        "souvent",
        "régulièrement",
    }
)
PLURAL_SHY = frozenset({"attack", "threat"})
TEMPORAL_ORDER = frozenset(
    {
        "following",
        "after",
        "before",
        "since",
        "prior",
        "amid",
        "until",
        "après",
        "avant",
        "depuis",
        "suite",
    }
)
STARTING_FROM = frozenset({"since", "depuis"})
#: Words before a noun that make it a mere eventuality: "en cas d'attaque".
IN_CASE_OF = re.compile(
    r"(?:in case of|in the event of|en cas d['\u2019]|en cas de|against any|contre toute?)"
    r"\s*(?:an?\s+|une?\s+)?$",
    re.IGNORECASE,
)
#: What a running count starts from: "depuis le début de la mission", "since the start".
ONSETS = frozenset(
    {"début", "lancement", "création", "déploiement", "start", "beginning", "deployment"}
)
MEDIA_VERBS = frozenset({"tell", "confier", "déclarer"})
PLACELESS = frozenset({"withdrawal", "alliance_formation"})
#: Acts done at a meeting, which take its place when the sentence gives them none.
DONE_AT_MEETINGS = frozenset(
    {"agreement_treaty", "appointment_leadership", "institution_launch", "statement_accusation"}
)
#: Where a coup names whom it overthrows: "overthrew X", "X was ousted", "le renversement de X".
PATIENT_DEPS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass", "nmod"})
#: Events that befall a state, placed in the country even when a city is named.
STATE_EVENTS = frozenset({"coup"})
#: Events a sentence may list ("coups in Mali in 2020 and Niger in 2023"), one per date.
ENUMERABLE = frozenset({"coup", "attack"})
ACCUSING = frozenset(
    {
        "accuse",
        "denounce",
        "condemn",
        "criticize",
        "criticise",
        "blame",
        "reject",
        "deny",
        "allege",
        "accuser",
        "dénoncer",
        "condamner",
        "critiquer",
        "démentir",
        "rejeter",
        "reprocher",
    }
)
COORDINATORS = frozenset({"et", "and", "puis", "then"})
SUBORDINATORS = frozenset({"que", "qu'", "qu\u2019", "that"})
DEFINITE = frozenset({"the", "this", "that", "le", "la", "l'", "l\u2019", "ce", "cette", "cet"})
SAME_OCCASION = {"meeting_visit": "summit"}
MERGE_DISTANCE = 2
OF_DATE = re.compile(r"^\s*(?:de|du|d'|d\u2019|of)\s*(?:l'|le|the)?\s*$", re.IGNORECASE)
OF_WORDS = frozenset({"de", "du", "d'", "d\u2019", "of", "l'", "l\u2019", "le", "the"})
#: Participles whose date is the announcement's, not the act's: "annoncé le 28 janvier",
#: "a withdrawal demanded six months ago".
ANNOUNCING = frozenset(
    {
        "annoncer", "announce", "décider", "decide", "décréter", "promettre", "promise",
        "demand", "exiger", "réclamer", "order", "ordonner",
    }
)  # fmt: skip
#: Nouns whose date is a time, not a thing's: "le mois de septembre", "the end of 2023".
TIME_NOUNS = frozenset(
    {
        "mois", "année", "an", "semaine", "jour", "journée", "soir", "matin", "nuit",
        "début", "fin", "mi", "milieu", "courant", "trimestre", "semestre", "période",
        "été", "hiver", "printemps", "automne", "décennie", "date", "week-end",
        "month", "year", "week", "day", "night", "morning", "evening", "end", "beginning",
        "start", "middle", "half", "quarter", "summer", "winter", "spring", "autumn",
        "fall", "decade", "period", "weekend",
    }
)  # fmt: skip
#: How many sentences after a dated act an undated one may still belong to its narrative.
NARRATIVE_REACH = 2
PRECISION_OF_LENGTH: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


@dataclass(slots=True)
class _Draft:
    event: EventMention
    sentence: int
    anaphoric: bool
    explicit_place: bool
    keys: set[str] = field(default_factory=set)
    #: The trigger names several acts ("the coups"), which one act ("the overthrow") is not.
    plural: bool = False


def extract_events(
    doc: Doc,
    nlp: Language,
    article: Article,
    mentions: Sequence[Mention],
    nationalities: Sequence[NationalityRef],
    timexes: Sequence[TimeExpr],
    pack: DomainPack,
    lang: str,
    quotes: Sequence[Quote] = (),
) -> list[EventMention]:
    """The events ``doc`` reports; words inside direct ``quotes`` tell none.

    What a speaker says in quotation marks ("we will not leave our trucks
    stuck at the border") is their speech, reported as a quote; the events a
    reader can date are told by the reporter's own sentences.
    """
    lex = lexicon(nlp, pack, lang)
    quoted = [(q.start, q.end) for q in quotes if q.direct]
    nationality_keys = _nationality_tokens(doc, nationalities)
    index = args.MentionIndex(
        doc, [*mentions, *anaphors(doc, mentions, pack, lang)], nationality_keys
    )
    names = {i: m.name for i, m in index.by_token.items()}
    dateline_key = _dateline_place(mentions, article)
    officials = word_list("officials")
    drafts: list[_Draft] = []
    spans = _timex_spans(doc, timexes)
    narrative: tuple[int, str] | None = None
    for number, sent in enumerate(doc.sents):
        triggers = find_triggers(sent, lex, names) + _media_statements(sent, index, officials)
        triggers = [
            t
            for t in _filter(sent, triggers, index, officials)
            if not any(a <= doc[t.token].idx < b for a, b in quoted)
        ]
        chosen = _strongest_per_type(triggers, doc)
        here = [(x, s) for x, s in spans if sent.start_char <= x.start < sent.end_char]
        sentence_timexes = [x for x, _ in here]
        owned = _owned_timexes(doc, chosen, here)
        things = _dates_of_things(doc, chosen, here)
        announced = _announcement_dates(here)
        told: list[_Draft] = []
        for trigger in chosen:
            # the date of an "announced" participle is not the act's unless it tells that act
            elsewhere = {
                x for x, verb in announced.items() if doc[trigger.token] not in doc[verb].subtree
            }
            own = [x for x in owned.get(trigger.token, []) if x not in elsewhere]
            phrase = {t.i for t in doc[trigger.token].subtree}
            others = {
                x
                for t, xs in owned.items()
                if t != trigger.token and not _may_borrow(doc, trigger.token, t)
                for x in xs
            } | {x for x, noun in things.items() if noun not in phrase}
            others |= elsewhere
            usable = own or [x for x in timexes if x not in others]
            if not any(x in usable for x in sentence_timexes):
                # announced, and never said to happen: the announcement dates it
                usable = [*usable, *elsewhere]
            draft = _draft(doc, sent, number, trigger, index, usable, article, pack, dateline_key)
            if draft.event.type == "withdrawal":
                draft.event = _to_effect(draft.event, sentence_timexes)
            if draft.event.date_basis == "publication":
                draft.event = _undated(
                    draft.event, doc[trigger.token], sentence_timexes, narrative, number
                )
            if draft.plural and draft.event.date_basis == "publication":
                # "since the coups": several acts have no one date, least of all the paper's
                draft.event = replace(
                    draft.event, date=None, date_precision=None, date_basis="none"
                )
            listed = _listed_dates(doc, trigger, here, others, own)
            told.extend(_enumerated(draft, sent, trigger, listed, index, mentions))
        drafts.extend(_at_the_summit(told))
        days = [
            d.event.date
            for d in told
            if d.event.date_basis == "text" and d.event.date_precision == "day" and d.event.date
        ]
        if days and _is_news(days[-1], article.publication_date):
            narrative = (number, days[-1])
    return [d.event for d in _merge(drafts)]


def _at_the_summit(told: list[_Draft]) -> list[_Draft]:
    """Acts told with a summit in one sentence happen where the summit is: "l'AES a
    été transformée en confédération lors du sommet de Niamey" was signed in Niamey."""
    summits = {d.event.location_key for d in told if d.event.type == "summit" and d.explicit_place}
    summits.discard(None)
    if len(summits) != 1:
        return told
    (place,) = summits
    for draft in told:
        if draft.event.type in DONE_AT_MEETINGS and draft.event.location_key is None:
            draft.event = replace(draft.event, location_key=place)
    return told


def _text(doc: Doc) -> str:
    """The doc's text, built once: spaCy joins every token each time ``doc.text`` is read."""
    text = doc.user_data.get("sahelwatch_text")
    if text is None:
        text = doc.user_data["sahelwatch_text"] = doc.text
    return str(text)


def _listed_dates(
    doc: Doc,
    trigger: Trigger,
    here: Sequence[tuple[TimeExpr, Span]],
    others: set[TimeExpr],
    own: Sequence[TimeExpr],
) -> list[TimeExpr]:
    """The dates a trigger may list: a noun's own phrase when it lists some ("les coups
    d'État de 2020 et 2021"), else the sentence ("seized power: in Mali in 2020, ...")."""
    token = doc[trigger.token]
    anywhere = [x for x, _ in here if x not in others or x in own]
    if token.pos_ == "NOUN":
        inside = {t.i for t in token.subtree}
        phrase = [x for x, span in here if span.root.i in inside or x in own]
        # "a string of coups: Mali in 2020 and Niger in 2023" lists after a colon.
        return phrase if len(phrase) >= 2 else anywhere
    return anywhere


def _undated(
    event: EventMention,
    trigger: Token,
    sentence_timexes: Sequence[TimeExpr],
    narrative: tuple[int, str] | None,
    number: int,
) -> EventMention:
    """A date for an event its own words leave undated, better than the paper's.

    Background in the pluperfect ("after which ECOWAS had imposed sanctions")
    happened before the news: it takes the sentence's date if one precedes the
    paper, else stays undated. An act told in the past right after a dated act
    ("At the close of the summit, X was named president") belongs to that
    day's narrative, and so does the reporter's present ("In their communiqué,
    the juntas accuse ...") right after it.
    """
    when = args.tense(trigger)
    if when == "pluperfect":
        earlier = [x for x in sentence_timexes if x.value and x.value < (event.date or "")]
        if earlier:
            return _dated(event, min(earlier, key=lambda x: abs(x.start - trigger.idx)))
        return replace(event, date=None, date_precision=None, date_basis="none")
    told_now = when == "past" or (when == "present" and event.modality == "asserted")
    if told_now and narrative is not None and number - narrative[0] <= NARRATIVE_REACH:
        return replace(event, date=narrative[1], date_precision="day", date_basis="context")
    return event


def _to_effect(event: EventMention, sentence_timexes: Sequence[TimeExpr]) -> EventMention:
    """A withdrawal announced on one date and effective on another is dated by its
    effect, the date the state actually left."""
    effect = args.effective_date(event.evidence, event.start, sentence_timexes)
    if effect is None or effect.value == event.date:
        return event
    return _dated(event, effect)


def _dated(event: EventMention, timex: TimeExpr) -> EventMention:
    """The event dated by a time expression printed in its sentence."""
    return replace(
        event,
        date=timex.value,
        date_precision=timex.precision,
        approximate=timex.approximate,
        date_basis="text",
        date_end=timex.end_value,
    )


def _is_news(date: str, published: str | None) -> bool:
    """Is ``date`` within the month before publication: the news, not the background?"""
    if published is None or len(published) < 10:
        return False
    try:
        gap = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(date[:10])).days
    except ValueError:
        return False
    return 0 <= gap <= 31


def _enumerated(
    draft: _Draft,
    sent: Span,
    trigger: Trigger,
    timexes: Sequence[TimeExpr],
    index: args.MentionIndex,
    mentions: Sequence[Mention],
) -> list[_Draft]:
    """ "a string of coups: Mali in August 2020 and May 2021, Niger on 26 July 2023" tells
    one event per dated item, each in the country printed before its date."""
    plural = any(
        t.tag_ in ("NNS", "NNPS")
        or (t.pos_ in ("NOUN", "VERB") and "Plur" in t.morph.get("Number", []))
        for t in sent.doc[trigger.start : trigger.end]
    )
    if draft.event.type not in ENUMERABLE and draft.event.type != "withdrawal":
        return [draft]
    dated = sorted(
        (x for x in timexes if x.value and sent.start_char <= x.start < sent.end_char),
        key=lambda x: x.start,
    )
    if len(dated) < 2 or any(x.start < sent.doc[trigger.token].idx for x in dated):
        return [draft]
    places = sorted(
        (
            m
            for m in mentions
            if m.type == "GPE"
            and sent.start_char <= m.start < sent.end_char
            and m.start > sent.doc[trigger.token].idx
        ),
        key=lambda m: m.start,
    )
    # "left Mali in 2022, Burkina Faso in 2023 and Niger at the end of 2023": a place
    # before each date lists acts as surely as a plural noun does.
    alternating = _place_date_list(dated, places, sent.doc[trigger.token].idx)
    if len(alternating) >= 2:
        dated = alternating
    elif not (plural and draft.event.type in ENUMERABLE):
        return [draft]
    out = []
    for timex in dated:
        before = [m for m in places if m.start < timex.start]
        place = before[-1].key if before else draft.event.location_key
        event = replace(
            _dated(draft.event, timex),
            location_key=place,
            participants=tuple(p for p in draft.event.participants if p.key != place)
            + ((Participant(place, "patient"),) if place else ()),
        )
        out.append(_Draft(event, draft.sentence, False, bool(before), set(draft.keys)))
    return out


def _place_date_list(dated: list[TimeExpr], places: list[Mention], start: int) -> list[TimeExpr]:
    """The dates of a list in which each follows its own place: "left Mali in 2022,
    Burkina Faso in 2023 and Niger at the end of 2023" (three dates)."""
    out: list[TimeExpr] = []
    seen: set[str] = set()
    for timex in dated:
        place = next((m.key for m in places if start <= m.start < timex.start), None)
        if place is None or place in seen:
            break
        seen.add(place)
        out.append(timex)
        start = timex.end
    return out


def _nationality_tokens(doc: Doc, nationalities: Sequence[NationalityRef]) -> dict[int, str]:
    out: dict[int, str] = {}
    for ref in nationalities:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                out[token.i] = f"pack:{ref.pack_id}"
    return out


def _dateline_place(mentions: Sequence[Mention], article: Article) -> str | None:
    if not article.dateline:
        return None
    for mention in mentions:
        if mention.start > len(article.dateline) + 5:
            break
        if mention.type in ("GPE", "LOC"):
            return f"pack:{mention.pack_id}" if mention.pack_id else mention.key
    return None


def _media_statements(
    sent: Span, index: args.MentionIndex, officials: frozenset[str]
) -> list[Trigger]:
    """ "X told Le Monde": an official speaking to an outlet on the record is an occasion."""
    out = []
    for token in sent:
        if token.lemma_.lower() not in MEDIA_VERBS or token.pos_ != "VERB":
            continue
        outlet = next(
            (
                c
                for c in token.children
                if c.dep_ in ("dobj", "obj", "iobj", "dative")
                and any(
                    (m := index.by_token.get(t.i)) is not None and m.type == "ORG"
                    for t in _noun_phrase(c)
                )
            ),
            None,
        )
        if outlet is not None and _official_subject(token, index, officials, strict=True):
            out.append(Trigger(token.i, token.i, token.i + 1, "statement_accusation", "verb"))
    return out


def _filter(
    sent: Span, triggers: list[Trigger], index: args.MentionIndex, officials: frozenset[str]
) -> list[Trigger]:
    doc = sent.doc
    types = {t.type for t in triggers}
    out = []
    for trigger in triggers:
        token = doc[trigger.token]
        lemma = token.lemma_.lower()
        if token.dep_ == "amod" and trigger.kind == "verb" and not _names_a_person(token, index):
            continue  # "the elected presidents": a description, not an election
        if trigger.type == "statement_accusation" and trigger.kind != "pattern":
            if lemma in WEAK_STATEMENT_VERBS and len(types) > 1:
                continue
            if trigger.kind == "noun" and len(types) > 1:
                continue  # "an AES statement warning ...": the threat is the event
            if any(c.lower_ in TREND for c in token.children):
                continue
            if not _official_subject(token, index, officials):
                continue
            if lemma in SENTENCING and _passive(token):
                continue  # "avait été condamné à neuf ans": a sentence, not a statement
            if _describes(token):
                continue  # "RFI, accusée de relayer …": who it is, not what was said
        if trigger.type == "meeting_visit" and "summit" in types:
            continue  # "met in Bamako for the summit": the meeting is the summit
        if (
            trigger.type == "meeting_visit"
            and lemma in HOSTING
            and not _actor_object(token, index, officials)
        ):
            continue
        if trigger.type == "withdrawal" and lemma in LEAVING and not _left_body(token, index):
            continue
        if trigger.kind == "noun" and _complement_of_thing(token, index):
            continue  # "la salle de conférence", "à la sortie de la salle": no act told
        if trigger.type == "appointment_leadership" and not _appointee(token, index, officials):
            continue
        if trigger.type in PLURAL_SHY and token.tag_ in ("NNS", "NNPS") and trigger.kind == "noun":
            continue  # "attacks have continued", "militant threats": trends, not one event
        if trigger.type in ("attack", "sanction") and _under_framing(token):
            continue
        if trigger.type == "attack" and _tally(token):
            continue
        if trigger.kind == "noun" and IN_CASE_OF.search(
            _text(doc)[max(0, token.idx - 24) : token.idx]
        ):
            continue  # "to help each other in case of attack": no attack told
        if (
            trigger.type == "attack"
            and token.lemma_.lower() in CONTROL
            and not _of_a_place(token, index)
        ):
            continue  # "taking full control of a business": no fight
        if _generic_rule(token):
            continue
        out.append(trigger)
    return out


def _describes(token: Token) -> bool:
    """A bare participle hung on a noun describes it ("RFI, accusée de relayer")."""
    participle = "Part" in token.morph.get("VerbForm", []) or token.tag_ == "VBN"
    detached_past = token.dep_ == "advcl" and (
        "Past" in token.morph.get("Tense", []) or token.tag_ == "VBN"
    )
    return (
        participle
        and (token.dep_ in ("acl", "amod") or detached_past)
        and not any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in token.children)
    )


def _of_a_place(token: Token, index: args.MentionIndex) -> bool:
    """Does "control" govern a place: "le contrôle de Kidal", "control of the town"?"""
    for child in token.children:
        governed = [child, *child.children] if child.dep_ == "prep" else [child]
        for noun in governed:
            if noun.dep_ not in ("pobj", "nmod") or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            mention = index.by_token.get(noun.i)
            if mention is not None and mention.type in ("GPE", "LOC", "FAC"):
                return True
            if noun.lemma_.lower() in TOWNS:
                return True
    return False


def _tally(token: Token) -> bool:
    """ "180 Casques bleus ont été tués … depuis le début de la mission", "killed since
    2013": a running count over time, not one attack."""
    for word in args.clause_of(token).subtree:
        if word.lower_ not in STARTING_FROM:
            continue
        counted_from = word.head if word.dep_ == "case" else next(iter(word.children), word)
        if counted_from.lemma_.lower() in ONSETS:
            return True
    return False


def _passive(token: Token) -> bool:
    return "Pass" in token.morph.get("Voice", []) or any(
        c.dep_ in ("aux:pass", "auxpass") for c in token.children
    )


def _complement_of_thing(token: Token, index: args.MentionIndex) -> bool:
    """Does a trigger noun only qualify a thing ("salle de conférence") or name
    leaving a thing ("la sortie de la salle", "the exit of the room")?

    A bare noun hanging off a common noun is a classifier, not an event; a
    departure whose complement is neither an actor nor a place is not a
    withdrawal.
    """
    head = token.head
    bare = not any(c.dep_ in ("det", "poss", "nmod:poss") for c in token.children)
    if (
        bare
        and token.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and head.i != token.i
        and index.key_at(head) is None
    ):
        return True
    if token.lemma_.lower() not in LEAVING_NOUNS:
        return False
    complements = [c for c in token.children if c.dep_ in ("nmod", "prep") and c.i > token.i]
    if not complements:
        return False
    return all(
        all(index.key_at(t) is None for t in c.subtree) and _inanimate(c) for c in complements
    )


def _inanimate(token: Token) -> bool:
    """A complement that names no actor: no proper noun, no plural of people."""
    for t in token.subtree:
        if t.pos_ == "PROPN":
            return False
        near = t.dep_ == "pobj" or t.head.i == token.i or t.i == token.i
        if near and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number", []):
            return False
    return True


def _names_a_person(token: Token, index: args.MentionIndex) -> bool:
    """ "The selected commander, Brigadier-General X": the participle names who was chosen."""
    for t in token.head.subtree:
        mention = index.by_token.get(t.i)
        if mention is not None and mention.type == "PERSON":
            return True
    return False


def _actor_object(token: Token, index: args.MentionIndex, officials: frozenset[str]) -> bool:
    """Someone is met or received: the object's noun phrase names an actor."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    objects += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("with", "avec")
        for g in c.children
    ]
    for head in objects:
        for t in _noun_phrase(head):
            if index.key_at(t) is not None or t.lemma_.lower() in officials:
                return True
    return False


def _noun_phrase(head: Token) -> list[Token]:
    """The head, its modifiers and appositions, without clauses hanging off it."""
    phrase = list(head.doc[head.left_edge.i : head.i + 1])
    for child in head.children:
        if child.dep_ in ("appos", "compound", "poss", "nmod", "flat"):
            phrase.extend(child.subtree)
    return phrase


def _left_body(token: Token, index: args.MentionIndex) -> bool:
    """Does the verb leave an organisation or a place, or do troops leave "the country"?"""
    if _troops_leave_the_country(token):
        return True
    for child in token.children:
        targets = (
            [child]
            if child.dep_ in ("dobj", "obj")
            else (
                list(child.children)
                if child.dep_ == "prep" and child.lower_ in ("from", "de")
                else []
            )
        )
        for target in targets:
            if any(index.by_token.get(t.i) is not None for t in target.subtree):
                return True
    return False


def _troops_leave_the_country(token: Token) -> bool:
    """ "Les derniers militaires français ont quitté le pays": soldiers leaving the
    country withdraw, where a person leaving it only travels."""
    military = word_list("military_nouns")
    left = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    subjects = [c for c in token.children if c.dep_ in args.SUBJECTS]
    if not any(s.lemma_.lower() in military for s in subjects):
        return False
    # "ont quitté le pays", or "au Mali, où les derniers soldats sont partis en août"
    return any(c.lemma_.lower() in COUNTRY_NOUNS for c in left) or (
        not left and token.pos_ == "VERB" and token.lemma_.lower() in LEAVING
    )


def _appointee(token: Token, index: args.MentionIndex, officials: frozenset[str]) -> bool:
    """Someone is appointed: a person, or an office ("a new head ... is expected to be named")."""
    if token.pos_ == "NOUN":
        return True
    around = [token, token.head] if token.dep_ in ("relcl", "acl", "amod", "xcomp") else [token]
    for anchor in around:
        for child in anchor.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass", "oprd", "attr", "appos"):
                for t in child.subtree:
                    mention = index.by_token.get(t.i)
                    if (
                        mention is not None and mention.type == "PERSON"
                    ) or t.lemma_.lower() in officials:
                        return True
        mention = index.by_token.get(anchor.i)
        if mention is not None and mention.type == "PERSON":
            return True
    return False


def _generic_rule(token: Token) -> bool:
    """Is the trigger the generic act of a rule: "le traité prévoit qu'un État
    souhaitant se retirer …", "Article 127 provides that a withdrawal takes effect …"?

    Read from the surface, which survives the parser's errors on long legal
    sentences: a verb of provision, then "que"/"that", then an indefinite article
    before the trigger.
    """
    if _wished_by_anyone(token):
        return True
    sent = token.sent
    provisions = word_list("provision_verbs")
    for verb in sent:
        if verb.i >= token.i:
            return False
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in provisions:
            continue
        between = token.doc[verb.i + 1 : token.i + 1]
        marks = [t.i for t in between if t.lower_ in SUBORDINATORS]
        if marks and any(
            t.i > marks[0]
            and t.pos_ == "DET"
            and ("Ind" in t.morph.get("Definite", []) or t.lower_ in ("a", "an", "any"))
            for t in between
        ):
            return True
    return False


def _wished_by_anyone(token: Token) -> bool:
    """ "a member state that wishes to leave must give notice", "un État souhaitant se
    retirer": what an indefinite someone would want to do is a rule, not an act."""
    volition = word_list("volition_verbs")
    current, wished = token, False
    for _ in range(4):
        if current.head.i == current.i:
            return False
        wished = wished or current.head.lemma_.lower() in volition
        current = current.head
        if current.pos_ in ("NOUN", "PROPN"):
            return wished and any(
                c.dep_ == "det"
                and ("Ind" in c.morph.get("Definite", []) or c.lower_ in ("a", "an", "any"))
                for c in current.children
            )
    return False


def _under_framing(token: Token) -> bool:
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in FRAMING:
            return True
    return False


def _may_borrow(doc: Doc, borrower: int, owner: int) -> bool:
    """May one event take the date printed in another event's phrase?

    Yes when it is said to start then ("banned since the September 2022 coup")
    or when it hangs off the dated event ("withdrew in 2024, accusing the bloc");
    no when the text orders them ("formed in 2023, following coups").
    """
    path_up = _path(doc[borrower], doc[owner])
    if path_up is not None:  # the borrower sits inside the owner's phrase
        return not any(t.lower_ in TEMPORAL_ORDER for t in path_up)
    path_down = _path(doc[owner], doc[borrower])
    if path_down is not None:  # the owner sits inside the borrower's phrase
        return any(t.lower_ in STARTING_FROM for t in path_down)
    return False


def _path(start: Token, ancestor: Token) -> list[Token] | None:
    """Tokens from ``start`` up to (not including) ``ancestor``, if it is an ancestor."""
    path: list[Token] = []
    current = start
    for _ in range(12):
        if current.i == ancestor.i:
            return path
        if current.head.i == current.i:
            return None
        path.append(current)
        current = current.head
    return None


def _timex_spans(doc: Doc, timexes: Sequence[TimeExpr]) -> list[tuple[TimeExpr, Span]]:
    out = []
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            out.append((timex, span))
    return out


def _owned_timexes(
    doc: Doc, triggers: list[Trigger], timexes: Sequence[tuple[TimeExpr, Span]]
) -> dict[int, list[TimeExpr]]:
    """Time expressions inside a trigger's own phrase ("the 2023 coup") belong to it alone."""
    owned: dict[int, list[TimeExpr]] = {}
    if not triggers:
        return owned
    subtrees = {t.token: {x.i for x in doc[t.token].subtree} for t in triggers}
    for timex, span in timexes:
        # in the trigger's phrase, or hung on a word of it ("a pris mardi le contrôle")
        holders = [
            t
            for t in triggers
            if span.root.i in subtrees[t.token] or t.start <= span.root.head.i < t.end
        ]
        # "son sommet de décembre", "the summit of 6 July": the date names the noun's act.
        right_after = [
            t
            for t in triggers
            if doc[t.token].pos_ == "NOUN"
            and OF_DATE.match(_text(doc)[doc[t.end - 1].idx + len(doc[t.end - 1]) : timex.start])
        ]
        holders = right_after or holders
        if holders:
            # The innermost phrase holding it: the smallest subtree.
            best = min(holders, key=lambda t: len(list(doc[t.token].subtree)))
            owned.setdefault(best.token, []).append(timex)
    return owned


def _dates_of_things(
    doc: Doc, triggers: list[Trigger], timexes: Sequence[tuple[TimeExpr, Span]]
) -> dict[TimeExpr, int]:
    """Dates that name a thing, not an act: "l'accord de 2018", "the 2018 agreement".

    Maps each to its noun; an act may still take it when the thing is its own
    object ("a signé l'accord du 6 juillet").
    """
    triggered = {i for t in triggers for i in range(t.start, t.end)}
    inside = {t.i for _, span in timexes for t in span}
    out: dict[TimeExpr, int] = {}
    for timex, span in timexes:
        noun = None
        if span.root.dep_ in ("nummod", "compound", "amod") and span.root.head.i > span.end - 1:
            noun = span.root.head  # "the 2018 agreement"
        else:
            k = span.start - 1
            while k >= 0 and doc[k].lower_ in OF_WORDS:
                k -= 1
            if (
                k >= 0
                and k < span.start - 1
                and OF_DATE.match(_text(doc)[doc[k].idx + len(doc[k]) : timex.start])
            ):
                noun = doc[k]  # "l'accord de 2018"
        if (
            noun is not None
            and noun.pos_ == "NOUN"
            and noun.i not in triggered
            and noun.i not in inside
            and noun.lemma_.lower() not in TIME_NOUNS
        ):
            out[timex] = noun.i
    return out


def _announcement_dates(timexes: Sequence[tuple[TimeExpr, Span]]) -> dict[TimeExpr, int]:
    """Dates of a participle of announcing: "Annoncé fin septembre, le retrait …",
    "the withdrawal, announced on 28 January 2024, …". The act announced happened
    later; the date maps to the participle, whose own phrase alone may take it."""
    out: dict[TimeExpr, int] = {}
    for timex, span in timexes:
        for head in list(span.root.ancestors)[:2]:
            participle = (
                "Part" in head.morph.get("VerbForm", [])
                or head.tag_ == "VBN"
                or head.dep_ in ("acl", "amod")  # "the withdrawal, announced on …" (read VBD)
            )
            if (
                head.lemma_.lower() in ANNOUNCING
                and participle
                and not any(c.dep_ in ("aux", "aux:tense", "nsubj") for c in head.children)
            ):
                out[timex] = head.i
                break
    return out


def _official_subject(
    token: Token, index: args.MentionIndex, officials: frozenset[str], *, strict: bool = False
) -> bool:
    """Is the subject an institution, a state, or a person in office (not an analyst)?

    Strong accusations ("criticized", "denounced") count from anyone named;
    milder statements and interviews only from officials: a pack actor, a
    person printed with an office or rank, or an official noun ("the bureau",
    "a Malian diplomat").
    """
    strict = strict or token.lemma_.lower() not in ACCUSING
    return _subject_is_official(token, index, officials, strict)


def _subject_is_official(
    token: Token, index: args.MentionIndex, officials: frozenset[str], strict: bool
) -> bool:
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass", "agent"):
            continue
        phrase = _noun_phrase(child)
        if not strict and any(index.key_at(t) is not None for t in phrase):
            return True
        for t in phrase:
            mention = index.by_token.get(t.i)
            core = t.i == child.i or t.head.i == child.i or t.dep_ == "conj"
            if mention is not None and (
                (mention.pack_id and mention.type != "PERSON" and core)
                or (mention.pack_id and mention.type == "PERSON")
                or any(a.kind in ("office", "military_rank") for a in mention.attributes)
            ):
                return True
            if t.lemma_.lower() in officials and t.pos_ == "NOUN":
                return True
    # Participial and gerund triggers ("accusing the bloc") inherit the clause's subject.
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        return _subject_is_official(verb.head, index, officials, strict)
    return False


def _strongest_per_type(triggers: list[Trigger], doc: Doc) -> list[Trigger]:
    """One event per type and clause: "a new head is expected to be named, succeeding
    X, who was appointed last year" tells two appointments, in two clauses."""
    best: dict[tuple[str, int, int], Trigger] = {}
    for trigger in triggers:
        clause = args.clause_of(doc[trigger.token]).i
        key = (trigger.type, clause, _coordinated_slot(trigger, triggers, doc))
        current = best.get(key)
        if current is None or trigger.strength > current.strength:
            best[key] = trigger
    # A creation frame and a pattern naming the same thing: keep one reading of the words.
    return sorted(best.values(), key=lambda t: t.start)


def _coordinated_slot(trigger: Trigger, triggers: list[Trigger], doc: Doc) -> int:
    """Nouns of one type joined by "et"/"and" name two acts: "le départ de Barkhane en
    2022 et la fin de la MINUSMA en décembre 2023". Each such noun gets its own slot;
    every other trigger shares the clause's (-1)."""
    token = doc[trigger.token]
    if token.pos_ != "NOUN":
        return -1
    for other in triggers:
        if other.type != trigger.type or other.end > trigger.start:
            continue
        if doc[other.token].pos_ != "NOUN":
            continue
        path = _path(token, doc[other.token])
        if path is not None and not any(t.dep_ == "conj" for t in path):
            continue  # a noun inside the other's phrase: "le retrait de la force de départ"
        if any(t.lower_ in COORDINATORS for t in doc[other.end : trigger.start]):
            return trigger.token
    return -1


def _draft(
    doc: Doc,
    sent: Span,
    number: int,
    trigger: Trigger,
    index: args.MentionIndex,
    timexes: Sequence[TimeExpr],
    article: Article,
    pack: DomainPack,
    dateline_key: str | None,
) -> _Draft:
    token = doc[trigger.token]
    plural = token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", [])
    placeless = trigger.type in PLACELESS
    place, explicit = args.location(sent, token, index, pack, own_only=placeless)
    if placeless and not explicit:
        place = None
    if trigger.type in STATE_EVENTS:
        place, explicit = _state_of(place, explicit, sent, token, index, pack)
    if place is None and trigger.type == "withdrawal" and _troops_leave_the_country(token):
        place = _state_before(sent, token, index, pack)  # "au Mali, où … ont quitté le pays"
    if plural and len(_cities_states(sent, index, pack)) > 1:
        # "the coups that brought soldiers to power in Bamako, Ouagadougou and Niamey"
        place, explicit = None, False
    timex = args.choose_date(sent, token, timexes, doc[trigger.start : trigger.end])
    # The dateline places the news of the day better than a country named in passing.
    if (
        not explicit
        and not plural
        and dateline_key
        and _happens_at_dateline(trigger.type, timex, article)
    ):
        place = dateline_key
    date: str | None = None
    precision: Precision | None = None
    approximate, basis = False, "none"
    date_end = None
    if timex is not None:
        date, precision, approximate = timex.value, timex.precision, timex.approximate
        basis = "text" if timex.value else "none"
        date_end = timex.end_value
    elif article.publication_date:
        date = article.publication_date
        precision = PRECISION_OF_LENGTH.get(len(date))
        basis = "publication"
    dead, victims = args.fatalities(sent) if trigger.type == "attack" else (None, None)
    people = args.participants(sent, token, index, place)
    confidence = trigger.strength + (0.05 if people else 0) + (0.05 if explicit else 0)
    if basis == "publication":
        confidence *= 0.8
    event = EventMention(
        type=_event_type(trigger.type),
        start=sent.start_char,
        end=sent.end_char,
        evidence=sent.text,
        trigger=doc[trigger.start : trigger.end].text,
        date=date,
        date_precision=precision,
        approximate=approximate,
        date_basis=basis,  # type: ignore[arg-type]
        date_end=date_end,
        location_key=place,
        participants=people,
        fatalities=dead,
        victims=victims,
        modality=args.modality(token),
        confidence=round(min(confidence, 0.95), 2),
    )
    anaphoric = (
        trigger.kind in ("noun", "frame")
        and token.pos_ == "NOUN"
        and any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.children)
        and not any(c.dep_ in ("amod", "nummod") and c.like_num for c in token.children)
    )
    return _Draft(event, number, anaphoric, explicit, {p.key for p in people}, plural)


def _state_of(
    place: str | None,
    explicit: bool,
    sent: Span,
    trigger: Token,
    index: args.MentionIndex,
    pack: DomainPack,
) -> tuple[str | None, bool]:
    """The state a coup befalls: "le putsch de Niamey" is Niger's, "le renversement
    du président Bazoum" is his country's, and "depuis les coups d'État de 2020,
    Bamako a rompu …" names Mali by its capital."""
    overthrown = {
        t.i
        for child in trigger.children
        if child.dep_ in PATIENT_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
        for t in child.subtree
    }
    states: list[str] = []
    leaders: set[str] = set()
    for mention in index.in_span(sent):
        ref = pack.get(mention.pack_id) if mention.pack_id else None
        if ref is None:
            continue
        if ref.type == "PERSON" and ref.nationality:
            if any(i in overthrown for i in index.tokens_of(mention)):
                return f"pack:{ref.nationality}", explicit  # the overthrown leader's state
            leaders.add(ref.nationality)
        if ref.type == "GPE" and mention.role == "metonym":
            states.append(ref.capital_of or ref.id)
    entity = pack.get(place.removeprefix("pack:")) if place and place.startswith("pack:") else None
    if entity is not None and entity.type == "GPE" and entity.country:
        return f"pack:{entity.country}", explicit
    if place is None and len(set(states)) == 1:
        return f"pack:{states[0]}", False
    if place is None and len(leaders) == 1:
        # "Traore seized power, ousting Damiba": the state every leader named belongs to
        return f"pack:{leaders.pop()}", False
    return place, explicit


def _state_before(
    sent: Span, trigger: Token, index: args.MentionIndex, pack: DomainPack
) -> str | None:
    """The last state the sentence names before the trigger: what "le pays" stands for."""
    leavers = {t.idx for c in trigger.children if c.dep_ in args.SUBJECTS for t in c.subtree}
    found = None
    for mention in index.in_span(sent):
        entity = pack.get(mention.pack_id) if mention.pack_id else None
        if (
            mention.start < trigger.idx
            and mention.start not in leavers  # "the soldiers of France's Barkhane left"
            and entity is not None
            and entity.type == "GPE"
        ):
            found = f"pack:{entity.country or entity.id}"
    return found


def _cities_states(sent: Span, index: args.MentionIndex, pack: DomainPack) -> set[str]:
    """The states whose cities a sentence names as places ("in Bamako, Ouagadougou and
    Niamey"); a capital standing for its government ("Bamako a rompu") is no place."""
    states = set()
    for mention in index.in_span(sent):
        entity = pack.get(mention.pack_id) if mention.pack_id else None
        if entity is not None and entity.country and mention.role != "metonym":
            states.add(entity.country)
    return states


def _happens_at_dateline(event_type: str, timex: TimeExpr | None, article: Article) -> bool:
    """The dateline places the news of the day, not the background an article recalls.

    Leaving an organisation or founding an alliance has no place of its own;
    an event dated well before publication ("formed in 2023") is background.
    """
    if event_type in PLACELESS:
        return False
    if timex is None or timex.value is None:
        return True
    if article.publication_date is None:
        return False
    return timex.value[:7] >= _month_before(article.publication_date)


def _month_before(date: str) -> str:
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 1
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}"


def _event_type(name: str) -> EventType:
    return name  # type: ignore[return-value]


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    kept: list[_Draft] = []
    for draft in drafts:
        target = next((k for k in reversed(kept) if _same_act(k, draft)), None)
        if target is None:
            kept.append(draft)
            continue
        target.event = _combine(target, draft)
        target.explicit_place = target.explicit_place or draft.explicit_place
        target.keys |= draft.keys
    return kept


def _same_act(earlier: _Draft, later: _Draft) -> bool:
    a, b = earlier.event, later.event
    same_type = a.type == b.type or SAME_OCCASION.get(b.type) == a.type
    if not same_type or earlier.plural != later.plural:
        return False
    if later.anaphoric and (
        b.date_basis != "text" or a.date_basis != "text" or _dates_agree(a.date or "", b.date or "")
    ):
        return True
    if later.sentence - earlier.sentence > MERGE_DISTANCE:
        return a.date_basis == b.date_basis == "text" and a.date == b.date and a.type == b.type
    if (
        a.date_basis == b.date_basis == "text"
        and a.date
        and b.date
        and not _dates_agree(a.date, b.date)
    ):
        return False
    if earlier.explicit_place and later.explicit_place and a.location_key != b.location_key:
        return False
    if a.type == "statement_accusation":
        agents_a = {p.key for p in a.participants if p.role == "agent"}
        agents_b = {p.key for p in b.participants if p.role == "agent"}
        return bool(agents_a & agents_b) or not agents_b
    return a.type == b.type


def _dates_agree(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _combine(target: _Draft, other: _Draft) -> EventMention:
    a, b = target.event, other.event
    date_from = (
        b
        if (a.date_basis != "text" and b.date_basis == "text")
        or (a.date_basis == b.date_basis == "text" and len(b.date or "") > len(a.date or ""))
        else a
    )
    # A later sentence pointing back ("the summit took place before ... in Abuja") does
    # not move the event; a nearby sentence that finally names the place does.
    keep = target.explicit_place or not other.explicit_place or other.anaphoric
    place = a.location_key if keep and a.location_key else b.location_key
    seen = {p.key for p in a.participants}
    merged_people = a.participants + tuple(p for p in b.participants if p.key not in seen)
    evidence_from = b if (a.date_basis != "text" and b.date_basis == "text") else a
    return replace(
        a,
        start=evidence_from.start,
        end=evidence_from.end,
        evidence=evidence_from.evidence,
        trigger=evidence_from.trigger,
        date=date_from.date,
        date_precision=date_from.date_precision,
        approximate=date_from.approximate,
        date_basis=date_from.date_basis,
        date_end=date_from.date_end,
        location_key=place,
        participants=_participants(merged_people),
        fatalities=a.fatalities if a.fatalities is not None else b.fatalities,
        victims=a.victims or b.victims,
        confidence=max(a.confidence, b.confidence),
    )


def _participants(people: tuple[Participant, ...]) -> tuple[Participant, ...]:
    return tuple({p.key: p for p in people}.values())
