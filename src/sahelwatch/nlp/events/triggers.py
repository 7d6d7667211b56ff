"""Event triggers: which words of a sentence announce which type of event.

The vocabulary is the domain pack's lexicon (data); this module decides how
to read it. Three kinds of evidence, strongest first:

- a phrase pattern ("mutual defence pact", "said in a statement");
- a creation frame: a verb or noun that brings something into being ("formed",
  "launch", "création") whose theme decides the type — an alliance, a force,
  a bank or passport, a treaty;
- a cue verb or noun by lemma ("visit", "withdraw", "coup").

Creation-type nouns ("force", "alliance", "bank") never trigger alone: the
article mentioning "the force" ten times reports one creation, not ten.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from sahelwatch.domain import DomainPack
from sahelwatch.nlp.words import word_list

#: Types whose nouns name what a creation frame creates, not an event by themselves.
#: Verbs that push someone out: "forced French troops out of Mali".
PUSHING = frozenset({"force", "push", "drive", "kick", "chase", "order"})
#: Taking control of a place by force: "a pris le contrôle de Kidal", "seized control of".
CONTROL = frozenset({"contrôle", "control"})
TAKING = frozenset({"prendre", "reprendre", "take", "seize", "regain", "retake"})
#: Heads of an object that make a creation word announce an end: "officialiser la fin de".
ENDINGS = frozenset(
    {"fin", "terme", "arrêt", "départ", "retrait", "end", "departure", "withdrawal", "halt"}
)
THEME_TYPES = ("alliance_formation", "force_creation", "institution_launch", "agreement_treaty")
THEME_ONLY = frozenset({"alliance_formation", "force_creation", "institution_launch"})
#: A treaty or pact named in passing is not its signing: these types need a verb or pattern.
NOUN_SHY = frozenset({"agreement_treaty"})
#: Verbs that end an agreement when it is their object.
REVOKING = frozenset(
    {
        "revoke", "abrogate", "terminate", "scrap", "rescind", "denounce", "cancel",
        "dénoncer", "révoquer", "abroger", "résilier", "annuler", "rompre",
    }
)  # fmt: skip
STRENGTH = {"pattern": 0.8, "frame": 0.75, "verb": 0.65, "noun": 0.55}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: int  # index of the head token in the doc
    start: int
    end: int
    type: str
    kind: str

    @property
    def strength(self) -> float:
        return STRENGTH[self.kind]


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    themes: dict[str, str]
    creation: frozenset[str]
    matcher: PhraseMatcher
    theme_matcher: PhraseMatcher


_lexicons: dict[tuple[int, str, str], Lexicon] = {}


def lexicon(nlp: Language, pack: DomainPack, lang: str) -> Lexicon:
    key = (id(nlp), pack.id, lang)
    found = _lexicons.get(key)
    if found is None:
        found = _lexicons[key] = _build(nlp, pack, lang)
    return found


def _build(nlp: Language, pack: DomainPack, lang: str) -> Lexicon:
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    themes: dict[str, str] = {}
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    theme_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for event_type, cues in pack.event_cues(lang).items():
        for verb in cues.verbs:
            verbs.setdefault(verb.lower(), []).append(event_type)
        for noun in cues.nouns:
            if event_type in THEME_TYPES:
                themes.setdefault(noun.lower(), event_type)
            if event_type not in THEME_ONLY:
                nouns.setdefault(noun.lower(), []).append(event_type)
        docs = [nlp.make_doc(p) for p in cues.patterns]
        if docs:
            matcher.add(event_type, docs)
            if event_type in THEME_TYPES:
                theme_matcher.add(event_type, docs)
    creation = word_list(f"creation_{lang}") if lang in ("en", "fr") else word_list("creation_en")
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        themes=themes,
        creation=creation,
        matcher=matcher,
        theme_matcher=theme_matcher,
    )


def find_triggers(sent: Span, lex: Lexicon, names: dict[int, str]) -> list[Trigger]:
    """Every trigger in ``sent``; ``names`` maps token index -> entity name (for themes)."""
    doc = sent.doc
    found: list[Trigger] = []
    pattern_tokens: set[int] = set()
    # Matchers called on a span give token indices of the whole doc. Longest match wins
    # ("mutual defence pact" over "defence pact"); creation themes act only in frames.
    matches = sorted(lex.matcher(sent), key=lambda m: (-(m[2] - m[1]), m[1]))
    for match_id, start, end in matches:
        event_type = doc.vocab.strings[match_id]
        if pattern_tokens.intersection(range(start, end)):
            continue
        pattern_tokens.update(range(start, end))
        if event_type in THEME_ONLY:
            continue
        head = doc[start:end].root.i
        found.append(Trigger(head, start, end, event_type, "pattern"))
    for token in sent:
        # "a pris mardi le contrôle de Kidal": a date may split the phrase a pattern needs
        verb = token.head
        if (
            token.lemma_.lower() in CONTROL
            and token.dep_ in ("obj", "dobj")
            and verb.lemma_.lower() in TAKING
            and verb.i not in pattern_tokens
        ):
            pattern_tokens.update((verb.i, token.i))
            found.append(Trigger(token.i, verb.i, token.i + 1, "attack", "pattern"))
    for token in sent:
        # "forced French troops out of the country": troops pushed out withdraw
        if (
            token.lemma_.lower() in PUSHING
            and any(c.lower_ == "out" for c in token.children)
            and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in word_list("military_nouns")
                for c in token.children
            )
            and token.i not in pattern_tokens
        ):
            pattern_tokens.add(token.i)
            found.append(Trigger(token.i, token.i, token.i + 1, "withdrawal", "pattern"))
    theme_spans = [(s, e, doc.vocab.strings[m]) for m, s, e in lex.theme_matcher(sent)]
    for token in sent:
        lemma = token.lemma_.lower()
        participle = token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm", [])
        if lemma in lex.creation and (token.pos_ in ("VERB", "NOUN", "AUX") or participle):
            theme = _theme_type(token, lex, names, theme_spans)
            if theme is not None and _describes_treaty(token, lex):
                continue  # "the treaty establishing the confederation": the signing is the event
            if theme is not None:
                found.append(Trigger(token.i, token.i, token.i + 1, theme, "frame"))
                continue
        if token.i in pattern_tokens:
            continue
        if token.pos_ == "VERB":
            for event_type in lex.verbs.get(lemma, ()):
                if event_type not in THEME_ONLY:
                    found.append(Trigger(token.i, token.i, token.i + 1, event_type, "verb"))
        elif token.pos_ in ("NOUN", "PROPN"):
            for event_type in lex.nouns.get(lemma, ()):
                if event_type not in NOUN_SHY:
                    found.append(Trigger(token.i, token.i, token.i + 1, event_type, "noun"))
    return _revocations(sent, lex, found)


def _revocations(sent: Span, lex: Lexicon, found: list[Trigger]) -> list[Trigger]:
    """Revoking an agreement ("revoked its military cooperation agreement", "a dénoncé
    l'accord") is leaving it: a withdrawal, not a treaty nor a mere statement."""
    out = found
    for token in sent:
        if token.lemma_.lower() not in REVOKING or token.pos_ != "VERB":
            continue
        agreements = [
            c
            for c in token.children
            if c.dep_ in ("dobj", "obj") and lex.themes.get(c.lemma_.lower()) == "agreement_treaty"
        ]
        if not agreements:
            continue
        covered = {token.i} | {t.i for a in agreements for t in a.subtree}
        out = [t for t in out if not (t.token in covered and t.type != "withdrawal")]
        out.append(Trigger(token.i, token.i, token.i + 1, "withdrawal", "pattern"))
    return out


def _describes_treaty(token: Token, lex: Lexicon) -> bool:
    """Is the creation word a modifier of a treaty noun ("le traité instituant ...")?"""
    return (
        token.dep_ in ("acl", "amod", "relcl", "acl:relcl")
        and lex.themes.get(token.head.lemma_.lower()) == "agreement_treaty"
    )


def _fronted_subject(token: Token) -> Iterator[Token]:
    """A sentence opening on a participle ("Créée en 2023 par la Charte, l'AES ...",
    "Founded in 2023, the AES ...") creates the main clause's subject, which small
    parsers often hang elsewhere."""
    sent = token.sent
    if "Part" not in token.morph.get("VerbForm", []) or token.i - sent.start > 1:
        return
    for t in sent:
        if t.i > token.i and t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            yield from _noun_phrase(t)
            return


def _theme_tokens(token: Token) -> Iterator[Token]:
    """What a creation word creates: its object, passive subject, "of"/"as" complement."""
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("prep", "nmod", "compound", "poss") or child.dep_.startswith("nmod"):
                yield from _noun_phrase(child)
        if token.dep_ == "pobj" and token.head.head.pos_ == "NOUN":
            yield from _noun_phrase(token.head.head)
        if token.dep_ in ("obj", "dobj"):
            # "donnant naissance à l'AES", "gave birth to the AES": the light verb's
            # complement is what is born.
            for child in token.head.children:
                if child.dep_ in ("obl:arg", "prep") and child.i > token.i:
                    yield from _noun_phrase(child)
        return
    for child in token.children:
        as_phrase = child.dep_ == "prep" and child.lower_ in ("as", "comme", "en")
        if child.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass", "attr", "oprd") or as_phrase:
            yield from _noun_phrase(child)
    if token.dep_ in ("acl", "amod", "relcl", "acl:relcl"):
        yield token.head  # "the force launched in Bamako"
    for child in token.children:
        if child.dep_ in ("nsubj",) and token.lemma_ in ("bear", "naître"):
            yield from _noun_phrase(child)
    if token.dep_ in ("advcl", "xcomp", "ccomp"):
        # "Initially established as a pact, the AES was born ...": the head's subject.
        for child in token.head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
                yield from _noun_phrase(child)


def _noun_phrase(token: Token) -> Iterator[Token]:
    """The head first, then the rest of its phrase, so the head decides the theme."""
    if token.dep_ == "prep" or token.pos_ == "ADP":
        for child in token.children:
            yield from _noun_phrase(child)
        return
    yield token
    for t in token.subtree:
        if t is not token and t.i - token.i < 14:
            yield t


def _theme_type(
    token: Token,
    lex: Lexicon,
    names: dict[int, str],
    theme_spans: list[tuple[int, int, str]],
) -> str | None:
    themes = list(_theme_tokens(token)) or list(_fronted_subject(token))
    if themes and themes[0].lemma_.lower() in ENDINGS:
        return None  # "a officialisé la fin des opérations de la force": an end, not a birth
    for theme in themes:
        for start, end, event_type in theme_spans:
            if start <= theme.i < end:
                return event_type
    for theme in themes:
        found = lex.themes.get(theme.lemma_.lower())
        if found is not None and theme.pos_ in ("NOUN", "PROPN"):
            if found == "agreement_treaty" and token.lemma_.lower() not in ("sign", "signer"):
                continue
            return found
        name = names.get(theme.i)
        if name is not None:
            for word in name.lower().split():
                found = lex.themes.get(word)
                if found is not None and found != "agreement_treaty":
                    return found
    return _nearby_theme(token, lex, names, theme_spans)


def _nearby_theme(
    token: Token, lex: Lexicon, names: dict[int, str], theme_spans: list[tuple[int, int, str]]
) -> str | None:
    """When the parse gives the creation word no object, the theme named just before it.

    "a unified force — known as ... — was officially launched": long appositions
    derail small parsers, but news copy names the created thing right before.
    """
    sent = token.sent
    for i in range(token.i - 1, max(sent.start, token.i - 24) - 1, -1):
        for start, end, event_type in theme_spans:
            if start <= i < end and event_type != "agreement_treaty":
                return event_type
        found = lex.themes.get(sent.doc[i].lemma_.lower())
        if found is not None and found != "agreement_treaty" and sent.doc[i].pos_ == "NOUN":
            return found
        # "a member of the Alliance of Sahel States, created in 2024": the name created,
        # when the creation word only describes what precedes it.
        describing = token.dep_ in ("acl", "amod", "relcl", "acl:relcl")
        for word in (names.get(i) or "").lower().split() if describing else ():
            found = lex.themes.get(word)
            if found is not None and found != "agreement_treaty":
                return found
    return None
