"""Cross-article event clusters on hand-built events."""

from __future__ import annotations

from sahelwatch.domain import default_pack
from sahelwatch.resolve.clusters import ClusterResolver, summarize
from sahelwatch.store import EventRecord

PACK = default_pack()


def event(
    eid: str,
    article: str,
    kind: str,
    *,
    date: str | None = None,
    end: str | None = None,
    place: str | None = None,
    people: tuple[str, ...] = (),
    text: str = "",
    dead: int | None = None,
) -> EventRecord:
    basis = "text" if date else "none"
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    return EventRecord(
        eid,
        article,
        kind,
        0,
        len(text),
        text,
        kind,
        date,
        precision,
        False,
        basis,
        end,
        place,
        dead,
        None,
        "asserted",
        0.7,
        None,
        tuple((p, "participant") for p in people),
    )


def clusters_of(*events: EventRecord) -> list[set[str]]:
    resolver = ClusterResolver(events, PACK)
    resolver.assign()
    return sorted(({m.id for m in c.members} for c in resolver.clusters.values()), key=min)


def test_clusters_one_summit_reported_by_two_outlets() -> None:
    a = event("a1", "A", "summit", place="bamako", people=("mali", "niger", "burkina_faso"))
    b = event("b1", "B", "summit", date="2025-12", place="bamako", people=("mali", "niger", "aes"))
    assert clusters_of(a, b) == [{"a1", "b1"}]


def test_clusters_founding_with_disputed_years_is_one_event() -> None:
    a = event("a1", "A", "alliance_formation", date="2023-09-16", people=("aes",))
    b = event("b1", "B", "alliance_formation", date="2024", people=("aes",))
    assert clusters_of(a, b) == [{"a1", "b1"}]


def test_clusters_different_people_meeting_in_one_city_are_two_events() -> None:
    a = event(
        "a1", "A", "meeting_visit", place="bamako", people=("mali", "abdoulaye_diop", "niger")
    )
    b = event("b1", "B", "meeting_visit", place="bamako", people=("mali", "assimi_goita", "niger"))
    assert clusters_of(a, b) == [{"a1"}, {"b1"}]


def test_clusters_disagreeing_dates_split_ordinary_events() -> None:
    a = event("a1", "A", "attack", date="2025-01", place="niamey", people=("iswap", "niger"))
    b = event("b1", "B", "attack", date="2025-06", place="niamey", people=("iswap", "niger"))
    assert clusters_of(a, b) == [{"a1"}, {"b1"}]


def test_clusters_a_range_holds_a_date_inside_it() -> None:
    a = event("a1", "A", "coup", date="2020", end="2023", people=("mali", "niger", "burkina_faso"))
    b = event("b1", "B", "coup", date="2022", people=("aes",))  # the AES stands for its members
    assert clusters_of(a, b) == [{"a1", "b1"}]


def test_clusters_never_join_two_events_of_one_article() -> None:
    a = event("a1", "A", "attack", place="gao", people=("jnim", "mali"))
    b = event("a2", "A", "attack", place="gao", people=("jnim", "mali"))
    assert clusters_of(a, b) == [{"a1"}, {"a2"}]


def test_clusters_count_near_duplicates_once_and_keep_the_lowest_toll() -> None:
    a = event("a1", "A", "attack", date="2025-02", place="gao", people=("jnim", "mali"), dead=15)
    b = event("b1", "B", "attack", date="2025-02", place="gao", people=("jnim", "mali"), dead=20)
    c = event("c1", "C", "attack", date="2025-02-03", place="gao", people=("jnim", "mali"), dead=15)
    resolver = ClusterResolver([a, b, c], PACK)
    resolver.assign()
    (cluster,) = resolver.clusters.values()
    summary = summarize(cluster, {"A": "A", "B": "B", "C": "A"}, {})
    assert summary.outlets == 2
    assert (summary.fatalities, summary.fatalities_disputed) == (15, True)
    assert summary.date == "2025-02-03"


def test_clusters_are_incremental() -> None:
    from dataclasses import replace

    a = event("a1", "A", "summit", place="niamey", people=("mali", "niger"))
    assigned = ClusterResolver([a], PACK).assign()
    stored = replace(a, cluster_id=assigned["a1"])  # as the store gives it back
    b = event("b1", "B", "summit", place="niamey", people=("mali", "niger"))
    assert ClusterResolver([stored, b], PACK).assign() == {"b1": assigned["a1"]}


def test_clusters_one_fight_for_a_town_told_by_its_army_and_its_state() -> None:
    a = event("a1", "A", "attack", date="2023-11-14", place="kidal", people=("fama",))
    b = event("b1", "B", "attack", date="2023-11", place="kidal", people=("mali", "wagner_group"))
    assert clusters_of(a, b) == [{"a1", "b1"}]


def test_clusters_fights_for_a_town_on_other_days_stay_apart() -> None:
    a = event("a1", "A", "attack", date="2023-11-14", place="kidal", people=("fama",))
    b = event("b1", "B", "attack", date="2023-11-20", place="kidal", people=("mali",))
    assert clusters_of(a, b) == [{"a1"}, {"b1"}]


def test_clusters_a_ban_is_named_by_the_body_banned() -> None:
    a = event("a1", "A", "dissolution_ban", date="2022-12", people=("rfi",))
    b = event("b1", "B", "dissolution_ban", date="2022-12-03", place="ouagadougou", people=("rfi",))
    c = event("c1", "C", "dissolution_ban", date="2024-04", people=("rfi",))
    assert clusters_of(a, b, c) == [{"a1", "b1"}, {"c1"}]
