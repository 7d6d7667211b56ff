"""Contradictions between sources: claims on one subject that cannot all be true.

Claims are grouped by subject, property and object; within a group, values
that agree (at the coarser precision for dates: "2023" agrees with
"2023-09-16") form one side. Two sides or more make a conflict, except where
the disagreement is known to be two true facts: ranks more than a few months
apart (a promotion), or a withdrawal's announcement against its taking effect
(then the note says so). The value most independent sources hold, the most
precise and the most recent are suggested, never silently chosen.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sahelwatch.domain import fold
from sahelwatch.store import ClaimRecord

DATE_PROPERTIES = frozenset({"founded", "withdrew_from"})
NUMBER_PROPERTIES = frozenset({"troop_strength", "capital_amount"})
SAME_PERIOD_DAYS = 120


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    subject_id: str
    property: str
    object_id: str | None
    values: tuple[str, ...]
    sides: tuple[tuple[ClaimRecord, ...], ...]
    note: str
    majority: str | None
    most_precise: str | None
    most_recent: str | None

    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.id for side in self.sides for c in side)


def find_conflicts(
    claims: Iterable[ClaimRecord],
    *,
    cluster_of: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
) -> list[Conflict]:
    """Every conflict among ``claims``; ``cluster_of`` maps event ids to cluster ids."""
    names = names or {}
    groups: dict[tuple[str, str, str | None], list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        if claim.property == "rank_or_title" and not (claim.qualifier or "").startswith(
            "military_rank"
        ):
            continue  # offices ("President", "transitional president") do not exclude each other
        key_object = claim.object_id
        if claim.property == "fatalities":
            event = (claim.qualifier or "").removeprefix("event:")
            key_object = (cluster_of or {}).get(event, event)
        groups[(claim.subject_id, claim.property, key_object)].append(claim)
    out = []
    for (subject, prop, obj), members in sorted(groups.items(), key=lambda kv: kv[0]):
        conflict = _conflict(subject, prop, obj, members, names)
        if conflict is not None:
            out.append(conflict)
    return out


def _conflict(
    subject: str,
    prop: str,
    obj: str | None,
    claims: list[ClaimRecord],
    names: dict[str, str],
) -> Conflict | None:
    sides = _sides(prop, claims)
    if len(sides) < 2:
        return None
    note = ""
    if prop == "rank_or_title":
        if not _same_period(sides):
            return None
        note = "Different ranks printed for the same period."
    elif prop == "withdrew_from":
        announced = [c.value for side in sides for c in side if c.qualifier == "announced"]
        effective = [c.value for side in sides for c in side if c.qualifier == "effective"]
        if announced and effective and min(announced)[:4] <= max(effective)[:4]:
            note = "One source dates the announcement, another its taking effect: both may be true."
    values = tuple(_representative(prop, side) for side in sides)
    if not note:
        parts = [
            f"{value} ({len({c.article_id for c in side})} source(s))"
            for value, side in zip(values, sides, strict=True)
        ]
        label = names.get(subject, subject)
        note = (
            f"Sources disagree on {prop.replace('_', ' ')} of {label}: " + " vs ".join(parts) + "."
        )
    majority = max(
        zip(values, sides, strict=True),
        key=lambda vs: (len({c.duplicate_of or c.article_id for c in vs[1]}), len(vs[0])),
    )[0]
    most_precise = max(values, key=len) if prop in DATE_PROPERTIES else None
    most_recent = max(
        zip(values, sides, strict=True),
        key=lambda vs: max((c.published or "") for c in vs[1]),
    )[0]
    digest = hashlib.sha1(f"{subject}|{prop}|{obj}".encode(), usedforsecurity=False).hexdigest()
    return Conflict(
        id=f"x-{digest[:12]}",
        subject_id=subject,
        property=prop,
        object_id=obj,
        values=values,
        sides=tuple(tuple(side) for side in sides),
        note=note,
        majority=majority,
        most_precise=most_precise,
        most_recent=most_recent,
    )


def _sides(prop: str, claims: Sequence[ClaimRecord]) -> list[list[ClaimRecord]]:
    """Claims grouped into values that can all be true together."""
    sides: list[list[ClaimRecord]] = []
    for claim in sorted(claims, key=lambda c: -len(c.value)):
        for side in sides:
            if _agree(prop, side[0], claim):
                side.append(claim)
                break
        else:
            sides.append([claim])
    return sides


def _agree(prop: str, a: ClaimRecord, b: ClaimRecord) -> bool:
    if prop in DATE_PROPERTIES:
        n = min(len(a.value), len(b.value))
        return a.value[:n] == b.value[:n]
    if prop == "rank_or_title":
        return a.qualifier == b.qualifier
    if prop == "name_spelling":
        return fold(a.value) == fold(b.value)
    return a.value.strip() == b.value.strip()


def _representative(prop: str, side: Sequence[ClaimRecord]) -> str:
    if prop in DATE_PROPERTIES:
        return max((c.value for c in side), key=len)
    return side[0].value


def _same_period(sides: Sequence[Sequence[ClaimRecord]]) -> bool:
    """Two ranks conflict unless every pair of sources is months apart (a promotion)."""
    for i, side in enumerate(sides):
        for other in sides[i + 1 :]:
            for a in side:
                for b in other:
                    da, db = _day(a.published), _day(b.published)
                    if da is None or db is None or abs((da - db).days) <= SAME_PERIOD_DAYS:
                        return True
    return False


def _day(value: str | None) -> date | None:
    if not value or len(value) < 7:
        return None
    try:
        return date.fromisoformat(value[:10] if len(value) >= 10 else value[:7] + "-15")
    except ValueError:
        return None
