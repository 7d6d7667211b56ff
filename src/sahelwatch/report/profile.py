"""The profile of an organisation as the news describes it, with sources.

Everything here is read from the corpus — claims and event clusters — never
from the domain pack: the pack says what "AES" can mean, the articles say who
founded it, who leads it, what it created and whom it deals with. Each item
lists the clusters and articles it rests on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sahelwatch.domain import fold
from sahelwatch.errors import NotFoundError

MEMBERSHIP = frozenset({"alliance_formation", "agreement_treaty", "summit", "force_creation"})
CREATIONS = frozenset({"force_creation", "institution_launch"})
PARTNERSHIP = frozenset({"meeting_visit", "agreement_treaty", "summit"})
HOSTILITY = frozenset({"threat", "sanction", "statement_accusation", "withdrawal", "attack"})


@dataclass(slots=True)
class Item:
    """One fact of the profile: an entity or a value, and where it was read."""

    label: str
    detail: str = ""
    clusters: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def weight(self) -> int:
        return len(self.articles)


@dataclass(slots=True)
class Profile:
    entity_id: str
    name: str
    aliases: list[str]
    founded: list[Item] = field(default_factory=list)
    members: list[Item] = field(default_factory=list)
    former_members: list[Item] = field(default_factory=list)
    leaders: list[Item] = field(default_factory=list)
    institutions: list[Item] = field(default_factory=list)
    documents: list[Item] = field(default_factory=list)
    partners: list[Item] = field(default_factory=list)
    adversaries: list[Item] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[Item]]]:
        return [
            ("founded", self.founded),
            ("members", self.members),
            ("former members", self.former_members),
            ("leaders and presidency", self.leaders),
            ("institutions", self.institutions),
            ("founding documents", self.documents),
            ("partners", self.partners),
            ("adversaries and disputes", self.adversaries),
        ]


def build_profile(
    document: Mapping[str, Any], name: str, *, cities: frozenset[str] = frozenset()
) -> Profile:
    """``cities``: ids of places known to be towns, so they are not taken for members."""
    entities = {e["id"]: e for e in document.get("entities", [])}
    target = _find(entities, name)
    profile = Profile(target["id"], target["name"], list(target["aliases"]))
    events = {e["id"]: e for e in document.get("events", [])}
    buckets: dict[str, dict[str, Item]] = defaultdict(dict)

    def add(
        section: str, key: str, label: str, cluster: str, articles: list[str], detail: str = ""
    ) -> None:
        item = buckets[section].setdefault(key, Item(label, detail))
        item.clusters.add(cluster)
        item.articles.update(articles)
        if detail and not item.detail:
            item.detail = detail

    for cluster in document.get("clusters", []):
        involved = set(cluster["participants"]) | {cluster["location"]}
        if target["id"] not in involved:
            continue
        kind, cid, arts = cluster["type"], cluster["id"], cluster["articles"]
        when = cluster["date"] or ""
        for other_id in cluster["participants"]:
            other = entities.get(other_id)
            if other is None or other_id == target["id"]:
                continue
            label, etype = other["name"], other["type"]
            if kind in MEMBERSHIP and etype == "GPE" and other_id not in cities:
                add("members", other_id, label, cid, arts)
            if kind == "appointment_leadership" and etype == "PERSON":
                add("leaders", other_id, label, cid, arts, when)
            if kind in CREATIONS and etype in ("ORG", "OTHER") and _named_after(other, target):
                add("institutions", other_id, label, cid, arts, when)
            if kind in ("alliance_formation", "agreement_treaty") and etype == "OTHER":
                add("documents", other_id, label, cid, arts, when)
            if kind in PARTNERSHIP and etype in ("ORG", "GPE") and kind != "summit":
                add("partners", other_id, label, cid, arts)
            if kind in HOSTILITY and etype in ("ORG", "GPE", "GROUP"):
                add("adversaries", other_id, label, cid, arts, kind.replace("_", " "))
        if kind == "summit":
            for event_id in cluster["events"]:
                for p in events.get(event_id, {}).get("participants", []):
                    person = entities.get(p["entity"])
                    if person is not None and person["type"] == "PERSON":
                        add("leaders", person["id"], person["name"], cid, arts, "at a summit")
    for claim in document.get("claims", []):
        if claim["subject"] == target["id"] and claim["property"] == "founded":
            add("founded", claim["value"], claim["value"], claim["id"], [claim["article"]])
        if claim["property"] == "withdrew_from" and claim.get("object") == target["id"]:
            other = entities.get(claim["subject"])
            if other is not None:
                add(
                    "former_members",
                    other["id"],
                    other["name"],
                    claim["id"],
                    [claim["article"]],
                    claim["value"],
                )
    members = set(buckets["members"]) - set(buckets["former_members"])
    for section in ("partners", "adversaries"):
        for key in list(buckets[section]):
            if key in members:
                del buckets[section][key]
    for section, items in buckets.items():
        ranked = sorted(items.values(), key=lambda i: (-i.weight, i.label))
        setattr(profile, section, ranked)
    return profile


def _named_after(other: Mapping[str, Any], target: Mapping[str, Any]) -> bool:
    """ "Unified Force of the Alliance of Sahel States", "AES TV": the body's own creations."""
    names = {fold(n) for n in [target["name"], *target["aliases"]] if len(n) >= 3}
    theirs = [fold(n) for n in [other["name"], *other["aliases"]]]
    return any(
        f" {n} " in f" {t} " or t.startswith(f"{n} ") or t.endswith(f" {n}") or t.endswith(f"-{n}")
        for n in names
        for t in theirs
    )


def _find(entities: Mapping[str, Mapping[str, Any]], name: str) -> Mapping[str, Any]:
    if name in entities:
        return entities[name]
    key = fold(name)
    matches = [e for e in entities.values() if key in {fold(a) for a in [e["name"], *e["aliases"]]}]
    if not matches:
        raise NotFoundError(f"{name}: no entity with this name or alias in the corpus")
    # An organisation is what a profile is for: prefer it over a place of the same name.
    matches.sort(key=lambda e: (e["type"] not in ("ORG", "GROUP"), e["name"]))
    return matches[0]
