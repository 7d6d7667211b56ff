"""From the noun phrase that speaks to the entity it speaks for.

A speaker is named ("Ndiaye", "the Interior Ministry"), described
through an entity ("US officials", "a Malian diplomat", "a diplomat at the US
Embassy"), a pronoun ("he told DW"), a description the article named before
("the bureau", "the statement added"), or nobody the article names ("un
juriste"): then the quote keeps the words printed and no entity.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sahelwatch.domain import fold
from sahelwatch.model import Mention, NationalityRef
from sahelwatch.nlp.quotes.layout import Layout
from sahelwatch.nlp.words import word_list

#: Besides officials, those who speak for their state's armed forces.
STATE_AGENTS = frozenset({"officier", "officer", "militaire", "soldat", "soldier", "gendarme"})

__all__ = ["Resolver", "Speaker"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
#: Dependents that belong to a noun phrase's core ("the senior US official at the embassy").
CORE_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod:poss", "predet", "nmod", "prep", "case"}
    | {"pobj", "flat", "flat:name", "fixed", "nn", "quantmod", "compound:prt", "npadvmod"}
)
#: Dependents that only describe the head ("X, the director of ...", "who ...").
NOT_CORE = frozenset({"appos", "relcl", "acl", "acl:relcl", "punct", "cc", "conj", "advcl"})
ENTITY_TYPES = frozenset({"ORG", "GPE", "GROUP"})
#: Entities a person "at", "of" or "for" speaks for (a place is only where they are).
SPEAKING_TYPES = frozenset({"ORG", "GROUP", "FAC"})
#: Nouns naming an institution ("government", "ministry", "army", "embassy").
INSTITUTION_HEADS = word_list("institution_heads")
#: How many paragraphs back a pronoun or a description may look for what it stands for.
PRONOUN_REACH = 3
HISTORY_REACH = 12
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks: an entity key (or None) and the words printed for it."""

    key: str | None
    text: str | None
    person: bool = False
    #: A person, named or described ("a Malian army officer"): what "he" may stand for.
    animate: bool = False
    #: Lower-case nouns of the attribution ("statement", "diplomat"), for later "the statement".
    nouns: frozenset[str] = field(default_factory=frozenset)

    def with_nouns(self, nouns: Iterable[str]) -> Speaker:
        return Speaker(
            self.key, self.text, self.person, self.animate, self.nouns | frozenset(nouns)
        )


@dataclass(frozen=True, slots=True)
class _Said:
    pos: int
    paragraph: int
    speaker: Speaker


def _position(said: _Said) -> int:
    return said.pos


def _institution(tok: Token) -> bool:
    return tok.lower_ in INSTITUTION_HEADS or tok.lemma_.lower() in INSTITUTION_HEADS


def _official(tok: Token) -> bool:
    """Does the noun make its bearer speak for a state: an official, an officer?"""
    words = {tok.lemma_.lower(), tok.lower_}
    return bool(words & (word_list("officials") | STATE_AGENTS))


def _is_definite(tok: Token) -> bool:
    dets = [c for c in tok.children if c.dep_ == "det"]
    return any(
        "Def" in d.morph.get("Definite", []) or "Dem" in d.morph.get("PronType", []) for d in dets
    )


class Resolver:
    """Speakers of one article: noun phrases to mentions, pronouns to antecedents."""

    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        mentions: Sequence[Mention],
        nationalities: Sequence[NationalityRef],
        states: frozenset[str] | None = None,
    ) -> None:
        self.doc = doc
        self.known_states = states
        self.layout = layout
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        # Words of each mention's titles (people) and names (organisations), folded once.
        self._titles = [
            {w for a in m.attributes for w in fold(a.text).split()} if m.type == "PERSON" else set()
            for m in self.mentions
        ]
        self._name_words = [
            set(fold(f"{m.name} {m.text}").split()) if m.type in ENTITY_TYPES else set()
            for m in self.mentions
        ]
        self.mention_of: dict[int, Mention] = {}
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                self.mention_of.setdefault(tok.i, mention)
        self.nationality_of: dict[int, NationalityRef] = {}
        for ref in nationalities:
            span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                self.nationality_of.setdefault(tok.i, ref)
        #: Pack ids of the states the article names, for "the Nigerien delegation".
        self._states = {m.pack_id for m in self.mentions if m.type == "GPE" and m.pack_id}
        self.history: list[_Said] = []
        self.persons: list[_Said] = list(self._person_subjects())

    # -- memory of the article ---------------------------------------------------

    def _person_subjects(self) -> Iterable[_Said]:
        """PERSON mentions that are the subject of a narration verb, in order."""
        for mention in self.mentions:
            if mention.type != "PERSON":
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or self.layout.quoted(span.root):
                continue
            root = span.root
            head = root.head if root.dep_ == "appos" else root
            if head.dep_ in SUBJECT_DEPS and not self.layout.quoted(head.head):
                yield _Said(
                    mention.start,
                    self.layout.paragraph_of(mention.start),
                    Speaker(mention.key, mention.text, person=True, animate=True),
                )

    def remember(self, pos: int, speaker: Speaker) -> None:
        said = _Said(pos, self.layout.paragraph_of(pos), speaker)
        insort(self.history, said, key=_position)
        if speaker.animate:
            insort(self.persons, said, key=_position)

    def last_speaker(self, before: int, reach: int = 1) -> Speaker | None:
        """The most recent attributed speaker before ``before``, within ``reach`` paragraphs."""
        para = self.layout.paragraph_of(before)
        for said in reversed(self.history):
            if said.pos < before and para - said.paragraph <= reach and said.speaker.key:
                return said.speaker
        return None

    # -- noun phrases ------------------------------------------------------------

    def phrase(self, head: Token, limit: int) -> Speaker | None:
        """The speaker a subject (or "according to" object) ``head`` stands for.

        ``limit`` is where the narration around the verb starts: pronouns and
        descriptions look for their antecedents before it.
        """
        if self.layout.quoted(head):
            return None
        mention = self.mention_of.get(head.i)
        if mention is not None:
            return self._named(mention)
        if head.pos_ == "PRON":
            return self.pronoun(head, limit)
        bare = not any(c.dep_ == "det" for c in head.children)
        for child in head.children:
            # "the foreign minister, Abdoulaye Diop"; a bare title the parser coordinated
            # with the name ("Malian president and party leader Colonel X Y").
            if child.dep_ == "appos" or (child.dep_ == "conj" and bare):
                named = self.mention_of.get(child.i)
                if named is not None and named.type == "PERSON":
                    return self._named(named)
        return self.description(head, limit)

    def _named(self, mention: Mention) -> Speaker:
        text = mention.text
        first = self.layout.token_at(mention.start)
        if first > 0:
            prev = self.doc[first - 1]
            if prev.dep_ == "det" and prev.head.i in self.mention_of:
                text = self.layout.text[prev.idx : mention.end]
        person = mention.type == "PERSON"
        return Speaker(mention.key, text, person=person, animate=person)

    def core(self, head: Token) -> list[Token]:
        """The head's noun phrase without appositives, relative clauses and commas."""
        keep = {head.i}
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in NOT_CORE or self.layout.quoted(child) or child.is_space:
                    continue
                if tok is head and child.dep_ == "case":
                    continue  # "selon un économiste": the preposition is not the speaker
                if child.dep_ in CORE_DEPS or child.dep_.startswith(("nmod", "compound")):
                    keep.add(child.i)
                    stack.append(child)
        # Stay contiguous around the head; a hyphen inside a word ("Dakar-based") is no gap.
        lo = hi = head.i
        while lo - 1 in keep or (lo - 2 in keep and self.doc[lo - 1].text in HYPHENS):
            lo -= 1
        while hi + 1 in keep or (hi + 2 in keep and self.doc[hi + 1].text in HYPHENS):
            hi += 1
        return list(self.doc[lo : hi + 1])

    def core_text(self, head: Token) -> str:
        toks = self.core(head)
        return self.layout.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]

    def description(self, head: Token, limit: int) -> Speaker:
        """A common-noun speaker: through the entity it names, else as printed."""
        text = self.core_text(head)
        noun = head.lower_
        nouns = {noun, head.lemma_.lower()}
        if _is_definite(head):
            para = self.layout.paragraph_of(limit)
            for said in reversed(self.history):
                if para - said.paragraph > HISTORY_REACH:
                    break
                if said.pos < limit and nouns & said.speaker.nouns and said.speaker.key:
                    return said.speaker
        entity = self._entity_in(head)
        if entity is not None:
            return Speaker(entity, text, animate=True, nouns=frozenset(nouns))
        if _is_definite(head) or not any(c.dep_ == "det" for c in head.children):
            titled = self._titled_person(nouns, limit)
            if titled is not None:
                return titled
            named = self._named_after(nouns, limit)
            if named is not None:
                return Speaker(named.key, text, nouns=frozenset(nouns))
        return Speaker(None, text, animate=True, nouns=frozenset(nouns))

    def _entity_in(self, head: Token) -> str | None:
        """The entity a description speaks for: "at the French Embassy", "US officials", "Malian".

        A name or nationality right on the noun counts ("US officials", "a
        Malian diplomat"); through a preposition only an institution does ("a
        diplomat at the French Embassy", "the government of Mali", "a spokesman for
        the Malian army"), not a place ("a broker in Niamey").
        """
        objects: list[Token] = []
        direct: list[Token] = [head]
        for child in head.children:
            if child.dep_ in NOT_CORE or self.layout.quoted(child):
                continue
            if child.dep_ == "prep":
                objects.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_.startswith("nmod") and any(c.dep_ == "case" for c in child.children):
                objects.append(child)
            else:
                direct.append(child)
        institution = _institution(head)
        for tok in objects:
            mention = self.mention_of.get(tok.i)
            if mention is not None and (
                mention.type in SPEAKING_TYPES or (mention.type == "GPE" and institution)
            ):
                return mention.key
        for tok in direct[1:]:
            mention = self.mention_of.get(tok.i)
            if mention is not None and mention.type != "PERSON":
                return mention.key
        for tok in direct:
            ref = self.nationality_of.get(tok.i)
            # "un officier nigérien" speaks for Niger; "un chercheur malien" for himself,
            # and "un diplomate occidental" for no state the article names
            if ref is not None and self._is_state(ref.pack_id) and _official(head):
                return f"pack:{ref.pack_id}"
        for obj in objects:
            for tok in obj.children:
                ref = self.nationality_of.get(tok.i)
                if ref is not None and (_institution(obj) or ref.pack_id in self._states):
                    return f"pack:{ref.pack_id}"
        return None

    def _is_state(self, pack_id: str) -> bool:
        return self.known_states is None or pack_id in self.known_states

    def _titled_person(self, nouns: set[str], limit: int) -> Speaker | None:
        """ "The president said": the last person printed with that title."""
        folded = {fold(n) for n in nouns}
        for index in reversed(range(bisect_left(self._mention_starts, limit))):
            if folded & self._titles[index]:
                mention = self.mentions[index]
                return Speaker(mention.key, mention.text, person=True, animate=True)
        return None

    def _named_after(self, nouns: set[str], limit: int) -> Mention | None:
        """ "The bureau": the last organisation whose name has that word."""
        folded = {fold(n) for n in nouns}
        for index in reversed(range(bisect_left(self._mention_starts, limit))):
            if folded & self._name_words[index]:
                return self.mentions[index]
        return None

    # -- pronouns ------------------------------------------------------------------

    def pronoun(self, tok: Token, limit: int) -> Speaker | None:
        """ "who" is its antecedent, "he"/"elle" the last person who spoke or acted,
        "they"/"it" the last speaker; an unresolved pronoun keeps its word."""
        morph = tok.morph
        if "Rel" in morph.get("PronType", []) or tok.tag_ in ("WP", "WDT"):
            verb = tok.head
            if verb.dep_ in ("relcl", "acl:relcl") and verb.head.i != tok.i:
                return self.phrase(verb.head, limit)
            return None
        if "3" not in morph.get("Person", []):
            return Speaker(None, tok.text.lstrip("-"))
        number, gender = morph.get("Number", []), morph.get("Gender", [])
        para = self.layout.paragraph_of(limit)
        if "Plur" in number or "Neut" in gender:
            found = self.last_speaker(limit, reach=2)
            if found is not None and (not found.person or "Plur" in number):
                return found
            return Speaker(None, tok.text.lstrip("-"))
        if "Masc" in gender or "Fem" in gender:  # "he", "elle"; not "on", "one"
            for said in reversed(self.persons):
                if said.pos < limit and para - said.paragraph <= PRONOUN_REACH:
                    return said.speaker
        return Speaker(None, tok.text.lstrip("-"))
