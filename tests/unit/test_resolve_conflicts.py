"""Conflicts between claims, on hand-built claims."""

from __future__ import annotations

from sahelwatch.resolve.conflicts import find_conflicts
from sahelwatch.store import ClaimRecord


def claim(
    cid: str,
    article: str,
    subject: str,
    prop: str,
    value: str,
    *,
    qualifier: str | None = None,
    obj: str | None = None,
    published: str | None = None,
) -> ClaimRecord:
    return ClaimRecord(
        cid, article, subject, prop, value, obj, qualifier, "evidence.", 0, 9, published, None
    )


def test_conflicts_precision_aware_dates_agree() -> None:
    claims = [
        claim("1", "A", "aes", "founded", "2023-09-16"),
        claim("2", "B", "aes", "founded", "2023"),
    ]
    assert find_conflicts(claims) == []


def test_conflicts_two_years_conflict_with_suggestions() -> None:
    claims = [
        claim("1", "A", "aes", "founded", "2023-09-16", published="2025-12-20"),
        claim("2", "B", "aes", "founded", "2023", published="2025-12-22"),
        claim("3", "C", "aes", "founded", "2024", published="2025-12-23"),
    ]
    (conflict,) = find_conflicts(claims)
    assert set(conflict.values) == {"2023-09-16", "2024"}
    assert conflict.majority == "2023-09-16"
    assert conflict.most_precise == "2023-09-16"
    assert conflict.most_recent == "2024"
    assert set(conflict.claim_ids()) == {"1", "2", "3"}


def test_conflicts_ranks_in_the_same_period_conflict() -> None:
    claims = [
        claim(
            "1",
            "A",
            "goita",
            "rank_or_title",
            "Colonel",
            qualifier="military_rank:colonel",
            published="2025-12-20",
        ),
        claim(
            "2",
            "B",
            "goita",
            "rank_or_title",
            "General",
            qualifier="military_rank:general",
            published="2025-12-22",
        ),
    ]
    assert len(find_conflicts(claims)) == 1


def test_conflicts_ranks_a_year_apart_are_a_promotion() -> None:
    claims = [
        claim(
            "1",
            "A",
            "goita",
            "rank_or_title",
            "Colonel",
            qualifier="military_rank:colonel",
            published="2024-07-07",
        ),
        claim(
            "2",
            "B",
            "goita",
            "rank_or_title",
            "General",
            qualifier="military_rank:general",
            published="2025-07-22",
        ),
    ]
    assert find_conflicts(claims) == []


def test_conflicts_offices_do_not_exclude_each_other() -> None:
    claims = [
        claim("1", "A", "goita", "rank_or_title", "President", qualifier="office:president"),
        claim(
            "2",
            "B",
            "goita",
            "rank_or_title",
            "transitional president",
            qualifier="office:transitional_president",
        ),
    ]
    assert find_conflicts(claims) == []


def test_conflicts_spellings_differ_only_beyond_accents() -> None:
    same = [
        claim("1", "A", "goita", "name_spelling", "Assimi Goïta"),
        claim("2", "B", "goita", "name_spelling", "Assimi Goita"),
    ]
    assert find_conflicts(same) == []
    other = [
        claim("1", "A", "tiani", "name_spelling", "Abdourahamane Tiani"),
        claim("2", "B", "tiani", "name_spelling", "Abdourahamane Tchiani"),
    ]
    assert len(find_conflicts(other)) == 1


def test_conflicts_announcement_then_effect_is_explained() -> None:
    claims = [
        claim("1", "A", "mali", "withdrew_from", "2024-01-28", qualifier="announced", obj="ecowas"),
        claim("2", "B", "mali", "withdrew_from", "2025-01-29", qualifier="effective", obj="ecowas"),
    ]
    (conflict,) = find_conflicts(claims)
    assert "both may be true" in conflict.note


def test_conflicts_death_tolls_compare_within_one_event_cluster() -> None:
    claims = [
        claim("1", "A", "gao", "fatalities", "15", qualifier="event:A-e001"),
        claim("2", "B", "gao", "fatalities", "20", qualifier="event:B-e003"),
        claim("3", "C", "gao", "fatalities", "40", qualifier="event:C-e000"),
    ]
    found = find_conflicts(claims, cluster_of={"A-e001": "c1", "B-e003": "c1", "C-e000": "c2"})
    assert [set(c.values) for c in found] == [{"15", "20"}]
