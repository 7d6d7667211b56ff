"""One real-world event per cluster, across articles and outlets, built incrementally.

An event read from a new article joins the first compatible cluster or
starts one. Compatible means: the same type; not already represented by
another event of the same article; dates that agree at the coarser
precision (publication-date fallbacks count as unknown); places that agree
(the same, one unknown, or a city inside the other's country); and shared
actors. For acts that happen once to an actor — founding an alliance,
creating a force or an institution, leaving an organisation — sharing that
actor identifies the act even when the outlets disagree on its date: the
disagreement is then a conflict to show, not two events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sahelwatch.domain import DomainPack
from sahelwatch.store import EventRecord

IDENTITY_TYPES = frozenset(
    {"alliance_formation", "force_creation", "institution_launch", "withdrawal"}
)
#: Acts aimed at one organisation, which that organisation and agreeing dates identify.
TARGETED = frozenset({"dissolution_ban"})
#: Events that happen to a town, which a town and agreeing dates identify with a side.
LOCAL_EVENTS = frozenset({"attack", "blockade"})
#: Occasions a city and a month identify: one summit in Niamey in July 2024.
PLACED_OCCASIONS = frozenset({"summit"})
PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}
TEXT_SIMILARITY = 60.0
#: Dates an article's words give: its own sentence's, or the narrative's it continues.
DATED_BY_TEXT = frozenset({"text", "context"})


@dataclass(slots=True)
class Cluster:
    id: str
    type: str
    members: list[EventRecord] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {m.article_id for m in self.members}


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    """What a cluster says, derived from its members (never stored apart from them)."""

    id: str
    type: str
    date: str | None
    date_precision: str | None
    approximate: bool
    location_id: str | None
    participants: tuple[str, ...]
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    outlets: int
    fatalities: int | None
    fatalities_disputed: bool
    confidence: float


class ClusterResolver:
    """Assigns unclustered events to clusters, given the clusters already stored."""

    def __init__(self, events: Iterable[EventRecord], pack: DomainPack) -> None:
        self.pack = pack
        self._members: dict[str, set[str]] = {}
        for entity in pack.entities:
            for bloc in entity.member_of:
                self._members.setdefault(bloc, set()).add(entity.id)
        self._persons: set[str] = set()
        self.clusters: dict[str, Cluster] = {}
        self.pending: list[EventRecord] = []
        for event in events:
            if event.cluster_id is None:
                self.pending.append(event)
            else:
                self.clusters.setdefault(
                    event.cluster_id, Cluster(event.cluster_id, event.type)
                ).members.append(event)

    def assign(self) -> dict[str, str]:
        """Cluster every pending event; return event id -> cluster id for them."""
        assigned: dict[str, str] = {}
        for event in self.pending:
            target = next((c for c in self.clusters.values() if self._fits(event, c)), None)
            if target is None:
                target = Cluster(f"c-{event.id}", event.type)
                self.clusters[target.id] = target
            target.members.append(event)
            assigned[event.id] = target.id
        self.pending = []
        return assigned

    def _fits(self, event: EventRecord, cluster: Cluster) -> bool:
        if cluster.type != event.type or event.article_id in cluster.articles:
            return False
        actors = self._expanded(_actors(event))
        shared: set[str] = set()
        for member in cluster.members:
            shared |= actors & self._expanded(_actors(member))
        identity = event.type in IDENTITY_TYPES
        if identity and self._same_institution(event, cluster):
            return True  # the same founding or exit, whatever date or place each outlet gives
        if not all(self._places_agree(event.location_id, m.location_id) for m in cluster.members):
            return False
        if not all(_dates_agree(event, m) for m in cluster.members):
            return False
        people = {a for a in actors if self._is_person(a)}
        met = {a for m in cluster.members for a, _ in m.participants if self._is_person(a)}
        if people and met and not people & met:
            return False  # different people: "X hosted Y" is not "Z welcomed W"
        # One shared state is not enough (states are everywhere); a person, or two actors, is.
        if len(shared) >= 2 or any(self._is_person(a) for a in shared):
            return True
        same_place = event.location_id is not None and any(
            m.location_id == event.location_id for m in cluster.members
        )
        if event.type in PLACED_OCCASIONS and same_place and _same_month(event, cluster):
            return True  # one summit in one city in one month, whoever the outlet names
        if identity and same_place and not actors:
            return True  # "the three states announced the creation of a force", at the summit
        if event.type in TARGETED and any(self._is_institution(a) for a in shared):
            return True  # "Burkina suspend RFI" in two outlets: the body banned names the act
        # "l'armée malienne a pris Kidal" / "Malian troops took Kidal": one fight for a
        # town on agreeing dates, once an army stands for its state
        if (
            event.type in LOCAL_EVENTS
            and same_place
            and self._is_town(event.location_id)
            and self._states_of(actors) & self._states_of(_cluster_actors(cluster))
        ):
            return True
        similar = any(
            fuzz.token_set_ratio(event.evidence, m.evidence) >= TEXT_SIMILARITY
            for m in cluster.members
        )
        return same_place and similar

    def _expanded(self, actors: set[str]) -> set[str]:
        """A bloc stands for its members: "the AES" and "Mali, Niger and Burkina Faso"."""
        out = set(actors)
        for actor in actors:
            out |= self._members.get(actor, set())
        return out

    def _is_town(self, entity_id: str | None) -> bool:
        entity = self.pack.get(entity_id) if entity_id else None
        return entity is not None and bool(entity.country) and entity.type in ("GPE", "FAC")

    def _states_of(self, actors: set[str]) -> set[str]:
        """Actors with the state they belong to: the Malian army stands for Mali."""
        out = self._expanded(actors)
        for actor in actors:
            entity = self.pack.get(actor)
            if entity is not None and entity.country and entity.type in ("ORG", "GROUP"):
                out.add(entity.country)
        return out

    def _is_person(self, entity_id: str) -> bool:
        entity = self.pack.get(entity_id)
        return (entity is not None and entity.type == "PERSON") or entity_id in self._persons

    def _same_institution(self, event: EventRecord, cluster: Cluster) -> bool:
        """Does the event share an organisation with every member of the cluster?

        An organisation founded or left identifies a one-time act; the states
        acting do not (they act everywhere). Every member must share one, so a
        cluster of "leaving ECOWAS" does not absorb "France leaving Mali" through
        a member that named both.
        """
        own = self._expanded(_actors(event))
        return all(
            any(self._is_institution(i) for i in own & self._expanded(_actors(m)))
            for m in cluster.members
        )

    def _is_institution(self, entity_id: str) -> bool:
        entity = self.pack.get(entity_id)
        return entity is None or entity.type in ("ORG", "GROUP")

    def _places_agree(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None or a == b:
            return True
        pa, pb = self.pack.get(a), self.pack.get(b)
        if (pa is not None and pa.type == "LOC") or (pb is not None and pb.type == "LOC"):
            return True  # a region ("the Sahel") holds towns of several countries
        country_a = pa.country if pa is not None and pa.country else a
        country_b = pb.country if pb is not None and pb.country else b
        return country_a == country_b

    def summaries(
        self, roots: dict[str, str], published: dict[str, str | None]
    ) -> list[ClusterSummary]:
        return [summarize(c, roots, published) for c in self.clusters.values()]


def _cluster_actors(cluster: Cluster) -> set[str]:
    return {a for m in cluster.members for a in _actors(m)}


def _actors(event: EventRecord) -> set[str]:
    return {entity for entity, _ in event.participants if entity != event.location_id}


def _span(event: EventRecord) -> tuple[str, str] | None:
    if event.date_basis not in DATED_BY_TEXT or not event.date:
        return None
    return event.date, event.date_end or event.date


def _same_month(event: EventRecord, cluster: Cluster) -> bool:
    """Do the event and every dated member fall in one month (month precision at least)?"""
    own = _span(event)
    if own is None or len(own[0]) < 7:
        return False
    return all(
        (span := _span(m)) is None or (len(span[0]) >= 7 and span[0][:7] == own[0][:7])
        for m in cluster.members
    )


def _dates_agree(a: EventRecord, b: EventRecord) -> bool:
    """At the coarser precision, with ranges ("from 2020 through 2023") as intervals."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    n = min(len(sa[0]), len(sb[0]))
    return sa[0][:n] <= sb[1][:n] and sb[0][:n] <= sa[1][:n]


def summarize(
    cluster: Cluster, roots: dict[str, str], published: dict[str, str | None]
) -> ClusterSummary:
    """A cluster's canonical facts: the date most sources give, at its best precision."""
    members = cluster.members
    dated = [m for m in members if m.date_basis == "text" and m.date] or [
        m for m in members if m.date_basis == "context" and m.date
    ]
    date = precision = None
    approximate = False
    if dated:
        votes = Counter(m.date[:4] for m in dated if m.date)
        year = max(votes, key=lambda y: (votes[y], -int(y)))
        best = max(
            (m for m in dated if m.date and m.date.startswith(year)),
            key=lambda m: (len(m.date or ""), not m.approximate),
        )
        date, precision, approximate = best.date, best.date_precision, best.approximate
    places = Counter(m.location_id for m in members if m.location_id)
    people: Counter[str] = Counter(p for m in members for p, _ in m.participants)
    tolls = sorted({m.fatalities for m in members if m.fatalities is not None})
    outlets = len({roots.get(m.article_id, m.article_id) for m in members})
    confidence = max(m.confidence for m in members)
    return ClusterSummary(
        id=cluster.id,
        type=cluster.type,
        date=date,
        date_precision=precision,
        approximate=approximate,
        location_id=places.most_common(1)[0][0] if places else None,
        participants=tuple(p for p, _ in people.most_common()),
        event_ids=tuple(m.id for m in members),
        article_ids=tuple(dict.fromkeys(m.article_id for m in members)),
        outlets=outlets,
        fatalities=tolls[0] if tolls else None,
        fatalities_disputed=len(tolls) > 1,
        confidence=round(min(0.99, confidence + 0.05 * (outlets - 1)), 2),
    )


def summary_line(summary: ClusterSummary, names: dict[str, str]) -> str:
    """One line a person reads: "attack in Niamey involving ISWAP (20 dead)"."""
    text = summary.type.replace("_", " ")
    if summary.location_id:
        text += f" in {names.get(summary.location_id, summary.location_id)}"
    actors = [names.get(p, p) for p in summary.participants[:3]]
    if actors:
        text += " involving " + ", ".join(actors)
    if summary.fatalities is not None:
        text += f" ({summary.fatalities}{'+' if summary.fatalities_disputed else ''} dead)"
    return text
