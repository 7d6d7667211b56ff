"""The data model, as frozen dataclasses that every stage passes along.

Stages never mutate what they receive: ``clean`` turns a ``RawDocument`` into
an ``Article``, later stages add analyses beside it. Freezing makes the pure
stages safe to run in other processes and keeps the store the only place
where state changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

RemovalReason = Literal["teaser", "navigation", "references", "comments", "byline", "other"]
DateSource = Literal["metadata", "text", "inferred"]

#: Media types a reader may give a raw document; ``clean`` picks its path from them.
TEXT = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes exactly as read from a source, with where and when they were read.

    ``hints`` carries metadata the container printed next to the content (a
    JSONL record's ``title``, a feed entry's ``published`` date, an HTTP
    ``Content-Type`` charset, ...). A container's metadata is what its
    publisher declared, so cleaning takes a hinted title, author or date over
    what it would guess from the text, and reads the text only where no hint
    says.
    """

    uri: str
    content: bytes
    media_type: str
    fetched_at: datetime
    hints: Mapping[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True, slots=True)
class RemovedSegment:
    """Text that is on the page but not part of the article, kept with why it went."""

    text: str
    reason: RemovalReason


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: what a reader would call the story, plus its metadata.

    ``id`` derives from ``content_key`` (a hash of the normalized source text),
    so the same text read twice, from any path, is the same article.
    """

    id: str
    content_key: str
    source_uri: str
    title: str | None
    byline: str | None
    publication_date: str | None
    publication_date_source: DateSource | None
    lang: str
    body: str
    removed: tuple[RemovedSegment, ...] = ()
    dateline: str | None = None
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read, recorded instead of being lost."""

    input_name: str
    kind: str
    reason: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store knows it: the cleaned article plus corpus facts."""

    article: Article
    raw_sha256: str
    ingested_at: datetime
    duplicate_of: str | None
    pipeline_version: str


# -- analysis -----------------------------------------------------------------

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER"]
Precision = Literal["day", "month", "year"]
AnchorKind = Literal["absolute", "publication", "inferred", "none"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression found in the text, normalized against an anchor date.

    ``value`` is ISO 8601, partial when the text is (``2025``, ``2025-12``,
    ``2025-12-16``); ``end_value`` is set for ranges ("from 8 to 10 July").
    ``anchor`` says what the value rests on: the text alone (``absolute``),
    the publication date, a date inferred from the article, or nothing at all
    (then ``value`` is None, e.g. "on Monday" in an undated article).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None
    approximate: bool = False
    end_value: str | None = None
    anchor: AnchorKind = "absolute"


MentionRole = Literal["name", "surname", "acronym", "metonym", "anaphor"]


@dataclass(frozen=True, slots=True)
class Attribute:
    """A rank, office or honorific printed with a name ("Colonel", "Prime Minister").

    Kept apart from the name so "Colonel Assimi Goïta" and "General Assimi
    Goïta" are one person, and the two ranks become dated, sourced facts.
    """

    kind: str
    key: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One printed reference to an entity, with its character span in the body.

    ``key`` is the entity's identity within the article (``pack:<id>`` for a
    pack entity, else ``<TYPE>:<folded name>``); resolution maps keys to
    corpus-wide entities. ``name`` is the best display name the article gives
    (the full name behind a surname, the long form behind an acronym).
    """

    start: int
    end: int
    text: str
    type: EntityType
    key: str
    name: str
    pack_id: str | None = None
    role: MentionRole = "name"
    attributes: tuple[Attribute, ...] = ()


@dataclass(frozen=True, slots=True)
class NationalityRef:
    """ "Malian authorities": a relation to a state, which is not a mention of it."""

    start: int
    end: int
    text: str
    pack_id: str


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything read from one article; produced by a pure function, stored as a unit."""

    article_id: str
    lang: str
    pipeline_version: str
    sentences: tuple[tuple[int, int], ...] = ()
    mentions: tuple[Mention, ...] = ()
    nationalities: tuple[NationalityRef, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[EventMention, ...] = ()
    claims: tuple[ClaimMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker: quoted (``direct``) or reported ("said that ...").

    ``text`` is the quoted words without their quotation marks, and
    ``start``/``end`` their span in the body. ``speaker_key`` is the mention
    key of the speaker's entity in this article (``pack:mali`` for "a Malian
    diplomat"), ``speaker_text`` how the speaker was printed; both are None
    for an unattributed scare quote.
    """

    start: int
    end: int
    text: str
    direct: bool
    speaker_key: str | None = None
    speaker_text: str | None = None


EventType = Literal[
    "summit",
    "meeting_visit",
    "agreement_treaty",
    "alliance_formation",
    "withdrawal",
    "force_creation",
    "attack",
    "threat",
    "sanction",
    "coup",
    "appointment_leadership",
    "dissolution_ban",
    "blockade",
    "statement_accusation",
    "institution_launch",
    "other",
]
Modality = Literal["asserted", "possible", "planned", "negated"]
ParticipantRole = Literal["agent", "patient", "participant"]
DateBasis = Literal["text", "context", "publication", "none"]


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event, by its mention key within the article."""

    key: str
    role: ParticipantRole


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article tells it, with the sentence it was read from.

    ``date_basis`` says where the date comes from: a time expression in the
    sentence (``text``), the date of the act the previous sentences tell
    (``context``: "On Saturday the leaders met. At the close, X was named"),
    the publication date because the sentence gives none (``publication``,
    lower confidence), or nowhere (``none``).
    """

    type: EventType
    start: int
    end: int
    evidence: str
    trigger: str
    date: str | None = None
    date_precision: Precision | None = None
    approximate: bool = False
    date_basis: DateBasis = "none"
    date_end: str | None = None
    location_key: str | None = None
    participants: tuple[Participant, ...] = ()
    fatalities: int | None = None
    victims: str | None = None
    modality: Modality = "asserted"
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """A structured statement an article makes about an entity, with its evidence.

    ``value`` is as the article gives it (an ISO date, a rank as printed, a
    spelling, a number); ``object_key`` names the other entity when the
    property has one (``withdrew_from`` ECOWAS); ``qualifier`` refines it
    (``announced``/``effective`` for a withdrawal, ``military_rank:general``
    for a rank, ``event:3`` for a death toll of the article's fourth event).
    """

    subject_key: str
    property: str
    value: str
    start: int
    end: int
    evidence: str
    object_key: str | None = None
    qualifier: str | None = None
