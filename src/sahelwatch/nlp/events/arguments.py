"""An event's arguments read from the parse: who, where, when, how many dead, how sure.

Everything here looks at one sentence and the trigger found in it; what the
article says elsewhere (the dateline, the publication date) is only a
fallback, and the event records which it used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Span, Token

from sahelwatch.domain import DomainPack
from sahelwatch.model import Mention, Modality, Participant, ParticipantRole, TimeExpr
from sahelwatch.nlp.words import word_list

LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "to", "à", "au", "aux", "dans", "en", "près", "vers"}
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "agent", "csubj"})
OBJECTS = frozenset({"dobj", "obj", "pobj", "iobj", "obl", "obl:arg", "nmod", "attr"})
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozens": 24,
    "dozen": 12,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "vingt": 20,
    "trente": 30,
    "cinquante": 50,
    "cent": 100,
    "douzaine": 12,
}


class MentionIndex:
    """Mentions of one article by token, for looking up what a parse subtree names."""

    def __init__(
        self, sent_doc: object, mentions: Sequence[Mention], nationality_keys: dict[int, str]
    ):
        from spacy.tokens import Doc

        doc: Doc = sent_doc  # type: ignore[assignment]
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.by_token[token.i] = mention
        self.nationality = nationality_keys
        self._tokens: dict[int, list[int]] = {}
        for i, mention in sorted(self.by_token.items()):
            self._tokens.setdefault(id(mention), []).append(i)

    def tokens_of(self, mention: Mention) -> list[int]:
        """Indices of the tokens that name ``mention`` (after overlaps are settled)."""
        return self._tokens.get(id(mention), [])

    def key_at(self, token: Token) -> str | None:
        mention = self.by_token.get(token.i)
        if mention is not None:
            return mention.key
        return self.nationality.get(token.i)

    def in_span(self, span: Span) -> list[Mention]:
        seen: dict[tuple[int, int], Mention] = {}
        for token in span:
            mention = self.by_token.get(token.i)
            if mention is not None:
                seen[(mention.start, mention.end)] = mention
        return list(seen.values())


def participants(
    sent: Span, trigger: Token, index: MentionIndex, location_key: str | None
) -> tuple[Participant, ...]:
    """Actors of the sentence, agent when in the subject of the trigger's clause."""
    clause = _clause_verb(trigger)
    agent_tokens = {t.i for c in clause.children if c.dep_ in SUBJECTS for t in c.subtree}
    patient_tokens = {
        t.i
        for c in (trigger, clause)
        for child in c.children
        if child.dep_ in OBJECTS or child.dep_ == "prep"
        for t in child.subtree
    }
    roles: dict[str, ParticipantRole] = {}
    for token in sent:
        key = index.key_at(token)
        if key is None or key == location_key:
            continue
        mention = index.by_token.get(token.i)
        if mention is not None and mention.type in ("LOC", "FAC", "OTHER"):
            continue
        role: ParticipantRole = (
            "agent"
            if token.i in agent_tokens
            else "patient"
            if token.i in patient_tokens
            else "participant"
        )
        current = roles.get(key)
        if current is None or (current == "participant" and role != "participant"):
            roles[key] = role
    return tuple(Participant(key, role) for key, role in roles.items())


def clause_of(token: Token) -> Token:
    """The verb heading the clause a trigger belongs to."""
    return _clause_verb(token)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a (possibly nominal) trigger sits in."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


def location(
    sent: Span, trigger: Token, index: MentionIndex, pack: DomainPack, *, own_only: bool = False
) -> tuple[str | None, bool]:
    """A place the sentence puts the event in; (key, explicit). Cities beat countries.

    ``own_only`` keeps to the trigger's own phrase, without the verbs coordinated
    with it: "formed in 2023 and turned into a confederation at a summit in
    Niamey" does not found the alliance in Niamey.
    """
    coordinated = {t.i for c in trigger.children if c.dep_ == "conj" for t in c.subtree}
    own = {t.i for t in trigger.subtree} - coordinated
    places: list[tuple[int, int, Mention]] = []
    countries: list[Mention] = []
    for mention in index.in_span(sent):
        if mention.type not in ("GPE", "LOC", "FAC") or mention.role == "metonym":
            continue
        tokens = [i for i in index.tokens_of(mention) if sent.start <= i < sent.end]
        if not tokens:
            continue
        head = sent.doc[tokens[-1]]
        if own_only and head.i not in own:
            continue
        if _locative(head, trigger):
            places.append((head.i in own, _specificity(mention, pack), mention))
        elif mention.type == "GPE" and head.dep_ in ("poss", "pobj", "compound"):
            countries.append(mention)
    if places:
        # A place in the trigger's own phrase ("withdrawal from Niger") beats the
        # sentence's setting ("In Nairobi, ..."); then cities beat countries.
        places.sort(key=lambda p: (not p[0], -p[1]))
        return places[0][2].key, True
    if len({m.key for m in countries}) == 1:
        # The only country the sentence names, outside any verb's subject or object
        # ("banned since Burkina Faso's coup"): likely, but weaker than "in X".
        return countries[0].key, False
    return None, False


#: Verbs whose object is the place left.
LEFT_PLACE = frozenset({"leave", "quit", "exit", "quitter"})
#: Triggers whose "de" complement is a place: "départ du Mali", "sommet de Niamey".
PLACE_OF = frozenset(
    {
        "retrait",
        "départ",
        "retirer",
        "sommet",
        "summit",
        "conférence",
        "réunion",
        "visite",
        "contrôle",
        "control",
    }
)
_OF = frozenset({"de", "du", "des", "d'", "d\u2019"})


def _locative(token: Token, trigger: Token) -> bool:
    if (
        trigger.lemma_.lower() in PLACE_OF
        and any(c.dep_ == "case" and c.lower_ in _OF for c in token.children)
        and token.head.i == trigger.i
    ):
        return True  # "départ du Mali", not "départ de l'ambassadeur de France"
    current = token
    for _ in range(4):
        dep = current.dep_
        if dep in ("pobj", "obl", "nmod", "obl:mod", "dep") and current.head.lower_ in LOCATIVE:
            return True
        # Universal Dependencies (the French model) hangs the preposition under the noun.
        if dep in ("obl", "obl:mod", "nmod", "obl:arg") and any(
            c.dep_ == "case" and c.lower_ in LOCATIVE for c in current.children
        ):
            return True
        if (
            dep in ("pobj", "obl")
            and current.head.dep_ == "prep"
            and current.head.lower_ in LOCATIVE
        ):
            return True
        if dep in ("dobj", "obj") and current.head.lemma_ in ("visit", "tour", "visiter"):
            return True
        if dep in ("dobj", "obj") and current.head.i == trigger.i and trigger.lemma_ in LEFT_PLACE:
            return True  # "Wagner quittait le Mali": the country left
        if (
            dep == "pobj"
            and current.head.lower_ == "from"
            and trigger.lemma_ in ("withdraw", "withdrawal", "leave", "exit", "retrait", "retirer")
        ):
            return True
        if dep == "poss" and current.head.i == trigger.i:
            return True
        if (
            dep == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.lemma_.lower() in word_list("place_heads")
        ):
            current = current.head.head  # "near the desert city of Agadez"
            continue
        if dep in ("appos", "compound", "poss", "pobj", "nmod"):
            current = current.head
            continue
        return False
    return False


def _specificity(mention: Mention, pack: DomainPack) -> int:
    if mention.type == "FAC":
        return 3
    entity = pack.get(mention.pack_id) if mention.pack_id else None
    if entity is not None and (entity.country or entity.capital_of):
        return 2
    if entity is None and mention.type == "GPE":
        return 2
    return 1


def choose_date(
    sent: Span, trigger: Token, timexes: Sequence[TimeExpr], trigger_words: Span | None = None
) -> TimeExpr | None:
    """The time expression of the sentence nearest the trigger, preferring its own clause
    and a date hung on the trigger's own words (``trigger_words``, default the trigger)."""
    trigger_words = (
        trigger_words if trigger_words is not None else sent.doc[trigger.i : trigger.i + 1]
    )
    inside = [x for x in timexes if sent.start_char <= x.start and x.end <= sent.end_char]
    if not inside:
        return None
    clause = {t.i for t in _clause_verb(trigger).subtree}
    doc = sent.doc

    verb = _clause_verb(trigger)

    def rank(x: TimeExpr) -> tuple[int, int, int]:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is None:
            return (1, 1, abs(x.start - trigger.idx))
        in_clause = span.root.i in clause and not _in_other_relative(span.root, trigger)
        # "ont pris mardi dernier le contrôle de Kidal, bastion rebelle depuis 2013":
        # a date hung on the trigger's words beats one deep in a noun phrase.
        head = span.root.head
        if head.dep_ == "prep":  # "on Tuesday": the preposition hangs on the verb
            head = head.head
        attached = head.i == trigger.i or (head.i == verb.i and verb in trigger_words)
        return (0 if in_clause else 1, 0 if attached else 1, abs(x.start - trigger.idx))

    return min(inside, key=rank)


def _in_other_relative(token: Token, trigger: Token) -> bool:
    """Is ``token`` in a clause of its own (relative, or a verb with its own subject)
    that does not hold the trigger? "leur retrait du G5 Sahel, que Bamako avait quitté
    en mai 2022": May 2022 is Bamako's leaving."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("relcl", "acl:relcl"):
            return trigger not in ancestor.subtree
        if ancestor.pos_ == "VERB":
            # the first verb above the date: another clause with its own subject
            has_subject = any(c.dep_ in SUBJECTS for c in ancestor.children)
            return has_subject and trigger not in ancestor.subtree
    return False


def fatalities(sent: Span) -> tuple[int | None, str | None]:
    """A death toll: a number on the patient of a verb of killing ("15 drivers were killed")."""
    deaths = word_list("death_words")
    for token in sent:
        if token.lemma_.lower() not in deaths:
            continue
        for child in token.children:
            if child.dep_ in ("nsubjpass", "nsubj:pass", "dobj", "obj", "nsubj"):
                number = _number(child)
                if number is not None:
                    return number, child.lemma_ if not child.like_num else None
    return None, None


def _number(token: Token) -> int | None:
    candidates = [token, *[c for c in token.children if c.dep_ in ("nummod", "quantmod", "nmod")]]
    for candidate in candidates:
        text = candidate.text.replace(",", "").replace("\u202f", "").replace(" ", "")
        if re.fullmatch(r"\d{1,6}", text):
            return int(text)
        value = NUMBER_WORDS.get(candidate.lower_)
        if value is not None:
            return value
    return None


def modality(trigger: Token) -> Modality:
    """Whether the sentence reports the event as fact, possibility, plan or denial."""
    possible = word_list("modal_possible")
    planned = word_list("modal_planned")
    # A verb answers for itself and for the verb it complements ("expected to be named");
    # a noun for the verb it depends on ("may face sanctions").
    chain = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("xcomp", "ccomp"):
        chain.append(trigger.head)
        if trigger.head.dep_ in ("xcomp", "prep", "pobj"):
            chain.append(trigger.head.head)
    for current in chain:
        for child in current.children:
            if child.dep_ == "neg" or child.lower_ in ("not", "never", "pas", "jamais"):
                return "negated"
            if child.dep_ in ("aux", "aux:pass") and child.lower_ in possible:
                return "possible"
            if child.dep_ in ("aux",) and child.lower_ in ("will", "shall"):
                return "planned"
        if current.lemma_.lower() in planned and current.i != trigger.i:
            return "planned"
    return "asserted"


Tense = Literal["pluperfect", "past", "present", "other"]
_PLUPERFECT_AUX = frozenset({"had", "avait", "avaient", "était", "étaient"})


def tense(trigger: Token) -> Tense:
    """How the clause of the trigger places it in time, from its verb's auxiliaries.

    The pluperfect ("had imposed", "avait imposé") tells background before the
    news; the past ("met", "a été désigné") tells the news or its narrative.
    """
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _clause_verb(trigger)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "had imposed sanctions and brandished the threat": the first verb's tense
        return tense(verb.head)
    if any(a.lower_ in _PLUPERFECT_AUX for a in auxes):
        return "pluperfect"
    if verb.lang_ == "en":
        past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes))
    else:  # the passé composé; a bare participle describes ("la force créée")
        past = "Past" in verb.morph.get("Tense", []) and bool(auxes)
    if past:
        return "past"
    finite_present = "Pres" in verb.morph.get("Tense", []) and "Fin" in verb.morph.get(
        "VerbForm", []
    )
    present = verb.tag_ in ("VBZ", "VBP") or (verb.lang_ != "en" and finite_present and not auxes)
    return "present" if present else "other"


#: Words that give the date an act takes effect ("effective on", "ne prenne effet, le")
#: or is completed ("le retrait … s'est achevé vendredi").
EFFECT_CUE = re.compile(
    r"\b(?:effecti\w*|t(?:ake|akes|ook|aken) effect|(?:prend|prenne|pris|prendra) effet|"
    r"(?:came|come|comes|entered|enters) into force|entr\w* en vigueur|"
    r"(?:was |were |been )?completed|(?:s'|s\u2019)?(?:est|sont) achevée?s?|achevée?s?|"
    r"a pris fin|ont pris fin)\b",
    re.IGNORECASE,
)


def effective_date(
    text: str, offset: int, timexes: Sequence[TimeExpr], *, reach: int = 40
) -> TimeExpr | None:
    """The date printed right after a cue of taking effect in ``text`` (which starts
    at ``offset`` in the body): "announced on 28 January 2024, became effective on 29
    January 2025" dates the withdrawal to its effect."""
    for cue in EFFECT_CUE.finditer(text):
        at = offset + cue.end()
        after = [x for x in timexes if x.value and at <= x.start <= at + reach]
        if after:
            return min(after, key=lambda x: x.start)
    return None
