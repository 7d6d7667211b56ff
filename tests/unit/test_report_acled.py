"""The ACLED-style CSV, read back the way analysts read it: with pandas."""

from __future__ import annotations

import copy
import io
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from sahelwatch.report.acled import COLUMNS, acled_rows, event_clusters, safe_text, write_acled_csv

GENERATED_AT = "2025-10-01T12:00:00Z"
INJECTED_TITLE = '=HYPERLINK("http://evil.example","click")'


def article(
    article_id: str,
    *,
    uri: str,
    title: str | None,
    byline: str | None = None,
    lang: str = "en",
    published: str | None = "2025-09-18",
    duplicate_of: str | None = None,
) -> dict[str, Any]:
    return {
        "id": article_id,
        "source_uri": uri,
        "title": title,
        "byline": byline,
        "publication_date": published,
        "publication_date_source": "metadata" if published else None,
        "lang": lang,
        "body": f"Body of {article_id}.",
        "removed": [],
        "duplicate_of": duplicate_of,
    }


def entity(
    entity_id: str,
    name: str,
    entity_type: str,
    *,
    kb_id: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    aliases: tuple[str, ...] = (),
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entity_id,
        "name": name,
        "type": entity_type,
        "aliases": [name, *aliases],
        "kb_id": kb_id,
    }
    if lat is not None and lon is not None:
        record["lat"], record["lon"] = lat, lon
    return record


def event(
    event_id: str,
    article_id: str,
    event_type: str,
    cluster: str,
    *,
    date: str | None,
    precision: str | None,
    location: str | None,
    participants: list[tuple[str, str]],
    evidence: str,
    fatalities: int | None = None,
    approximate: bool = False,
    modality: str = "asserted",
    confidence: float = 0.9,
) -> dict[str, Any]:
    return {
        "id": event_id,
        "article": article_id,
        "type": event_type,
        "date": date,
        "date_precision": precision,
        "approximate": approximate,
        "location": location,
        "participants": [{"entity": e, "role": r} for e, r in participants],
        "fatalities": fatalities,
        "cluster": cluster,
        "evidence": evidence,
        "start": 0,
        "end": len(evidence),
        "confidence": confidence,
        "modality": modality,
    }


def mention(article_id: str, entity_id: str, text: str) -> dict[str, Any]:
    return {"article": article_id, "entity": entity_id, "start": 0, "end": len(text), "text": text}


def build_document() -> dict[str, Any]:
    """Four articles, three clusters: an attack two outlets count differently, a summit, a pact."""
    articles = [
        article(
            "a1",
            uri="https://www.reuters.com/world/africa/jihadists-attack-bamako-post",
            title="Jihadists attack army post in Bamako",
            byline="Reuters",
        ),
        article(
            "a2",
            uri="file:///corpus/002_bamako.txt",
            title="Twenty soldiers killed in Bamako attack",
            byline="By Jane Doe, AFP",
        ),
        article(
            "a3",
            uri="https://www.jeuneafrique.com/1700000/politique/sommet-aes-niamey/",
            title="Sommet de l'AES à Niamey",
            lang="fr",
            published="2025-07-08",
        ),
        article(
            "a4", uri="file:///corpus/004_pact.txt", title=INJECTED_TITLE, published="2024-05-02"
        ),
    ]
    entities = [
        entity("mali", "Mali", "GPE", kb_id="Q912", lat=17.57, lon=-3.99),
        entity("niger", "Niger", "GPE", kb_id="Q1032", lat=17.61, lon=8.08),
        entity("bamako", "Bamako", "GPE", kb_id="Q3703", lat=12.639, lon=-8.003),
        entity("niamey", "Niamey", "GPE", kb_id="Q3674", lat=13.512, lon=2.125),
        entity("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "GROUP", aliases=("JNIM", "GSIM")),
        entity("aes", "Alliance of Sahel States", "ORG", aliases=("AES",)),
        entity("fama", "Malian Armed Forces", "ORG", aliases=("FAMa",)),
    ]
    events = [
        event(
            "ev1",
            "a1",
            "attack",
            "c-bamako",
            date="2025-09-17",
            precision="day",
            location="bamako",
            participants=[("jnim", "agent"), ("fama", "patient")],
            fatalities=15,
            evidence="JNIM fighters attacked an army post in Bamako on 17 September, killing 15 soldiers.",
        ),
        event(
            "ev2",
            "a2",
            "attack",
            "c-bamako",
            date="2025-09-17",
            precision="day",
            location="bamako",
            participants=[("jnim", "agent"), ("fama", "patient")],
            fatalities=20,
            evidence="Twenty soldiers died when JNIM fighters stormed the post.",
            confidence=0.8,
        ),
        event(
            "ev3",
            "a3",
            "summit",
            "c-niamey",
            date="2025-07",
            precision="month",
            location="niamey",
            participants=[("niger", "agent"), ("mali", "participant"), ("aes", "participant")],
            evidence="Les chefs d'État de l'AES se sont réunis à Niamey en juillet 2025.",
        ),
        event(
            "ev4",
            "a4",
            "agreement_treaty",
            "c-pact",
            date="2024",
            precision="year",
            location="mali",
            participants=[("mali", "agent"), ("niger", "participant")],
            evidence="Mali and Niger signed a defence pact in 2024.",
        ),
    ]
    clusters = [
        {
            "id": "c-bamako",
            "type": "attack",
            "date": "2025-09-17",
            "date_precision": "day",
            "approximate": False,
            "location": "bamako",
            "participants": ["jnim", "fama"],
            "events": ["ev1", "ev2"],
            "articles": ["a1", "a2"],
            "outlets": 2,
            "summary": "JNIM attack on an army post in Bamako.",
            "fatalities": 15,
            "fatalities_disputed": True,
            "confidence": 0.9,
        },
        {
            "id": "c-niamey",
            "type": "summit",
            "date": "2025-07",
            "date_precision": "month",
            "approximate": False,
            "location": "niamey",
            "participants": ["niger", "mali", "aes"],
            "events": ["ev3"],
            "articles": ["a3"],
            "outlets": 1,
            "summary": "AES summit in Niamey.",
            "fatalities": None,
            "fatalities_disputed": False,
            "confidence": 0.8,
        },
        {
            "id": "c-pact",
            "type": "agreement_treaty",
            "date": "2024",
            "date_precision": "year",
            "approximate": False,
            "location": "mali",
            "participants": ["mali", "niger"],
            "events": ["ev4"],
            "articles": ["a4"],
            "outlets": 1,
            "summary": "Mali and Niger defence pact.",
            "fatalities": None,
            "fatalities_disputed": False,
            "confidence": 0.7,
        },
    ]
    mentions = [
        *(mention("a1", e, e) for e in ("jnim", "fama", "bamako", "mali")),
        *(mention("a2", e, e) for e in ("jnim", "fama", "bamako")),
        *(mention("a3", e, e) for e in ("aes", "mali", "niger", "niamey")),
        *(mention("a4", e, e) for e in ("mali", "niger")),
    ]
    return {
        "schema_version": "1",
        "generated_at": GENERATED_AT,
        "articles": articles,
        "entities": entities,
        "mentions": mentions,
        "events": events,
        "quotes": [],
        "claims": [],
        "conflicts": [],
        "clusters": clusters,
    }


def read_csv(document: dict[str, Any]) -> pd.DataFrame:
    buffer = io.StringIO()
    write_acled_csv(document, buffer)
    buffer.seek(0)
    return pd.read_csv(buffer, keep_default_na=False, na_values=[""])


def by_cluster(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Rows keyed by their location, which is unique in the fixture."""
    return {str(row["location"]): row for row in frame.to_dict("records")}


def test_report_csv_loads_with_exactly_the_acled_columns() -> None:
    frame = read_csv(build_document())
    assert list(frame.columns) == list(COLUMNS)
    assert len(COLUMNS) == 21


def test_report_one_row_per_cluster_not_per_article() -> None:
    document = build_document()
    frame = read_csv(document)
    assert len(frame) == len(document["clusters"]) == 3
    assert len(document["events"]) == 4


def test_report_rows_are_numbered_per_country_in_date_order() -> None:
    rows = acled_rows(build_document())
    assert [(r["event_id_cnty"], r["event_date"]) for r in rows] == [
        ("MLI1", "2024-01-01"),
        ("NER1", "2025-07-01"),
        ("MLI2", "2025-09-17"),
    ]


def test_report_disputed_fatalities_give_the_lowest_figure_and_say_so() -> None:
    row = by_cluster(read_csv(build_document()))["Bamako"]
    assert row["fatalities"] == 15
    assert "fatalities disputed: 15 to 20 across 2 sources" in row["notes"]
    assert row["notes"].startswith("JNIM attack on an army post in Bamako.")
    assert "Evidence:" in row["notes"]


def test_report_attack_between_armed_actors_is_a_battle() -> None:
    row = by_cluster(read_csv(build_document()))["Bamako"]
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence",
        "Battles",
        "Armed clash",
    )
    assert row["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert row["actor2"] == "Malian Armed Forces"
    assert row["interaction"] == 12  # rebels (2) against state forces (1), lower code first
    assert (row["country"], row["geo_precision"]) == ("Mali", 1)
    assert (row["latitude"], row["longitude"]) == (12.639, -8.003)


def test_report_attack_on_an_unarmed_target_is_violence_against_civilians() -> None:
    document = build_document()
    document["clusters"][0]["participants"] = ["jnim"]
    for ev in document["events"][:2]:
        ev["participants"] = [{"entity": "jnim", "role": "agent"}]
    row = by_cluster(read_csv(document))["Bamako"]
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert pd.isna(row["actor2"])
    assert row["interaction"] == 27


def test_report_drone_strike_is_remote_violence() -> None:
    document = build_document()
    document["events"][0]["evidence"] = "A drone strike hit the JNIM camp, killing 15."
    row = by_cluster(read_csv(document))["Bamako"]
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_report_source_names_outlets_and_scale_is_the_widest() -> None:
    rows = by_cluster(read_csv(build_document()))
    assert rows["Bamako"]["source"] == "Reuters; AFP"
    assert rows["Bamako"]["source_scale"] == "International"
    assert rows["Niamey"]["source"] == "Jeune Afrique"
    assert rows["Niamey"]["source_scale"] == "Regional"
    assert pd.isna(rows["Mali"]["source_scale"])  # a file with no known outlet


def test_report_national_outlet_is_national_only_at_home() -> None:
    document = build_document()
    document["articles"][2]["source_uri"] = "https://www.actuniger.com/politique/aes.html"
    document["articles"][3]["source_uri"] = "https://www.actuniger.com/politique/pacte.html"
    rows = by_cluster(read_csv(document))
    assert rows["Niamey"]["source_scale"] == "National"
    assert rows["Mali"]["source_scale"] == "Regional"


@pytest.mark.parametrize(
    ("date", "precision", "approximate", "expected_date", "expected_code", "remark"),
    [
        ("2025-09-17", "day", False, "2025-09-17", 1, None),
        ("2025-09-17", "day", True, "2025-09-17", 2, "approximate date"),
        ("2025-09", "month", False, "2025-09-01", 3, None),
        ("2025", "year", False, "2025-01-01", 3, "year precision"),
        ("2025-09-17", "month", False, "2025-09-01", 3, None),
    ],
)
def test_report_date_precision_maps_to_time_precision(
    date: str,
    precision: str,
    approximate: bool,
    expected_date: str,
    expected_code: int,
    remark: str | None,
) -> None:
    document = build_document()
    cluster = document["clusters"][0]
    cluster.update(date=date, date_precision=precision, approximate=approximate)
    row = by_cluster(read_csv(document))["Bamako"]
    assert (row["event_date"], row["time_precision"]) == (expected_date, expected_code)
    assert row["year"] == int(date[:4])
    if remark is not None:
        assert remark in row["notes"]
    else:
        assert "precision" not in row["notes"]


def test_report_undated_event_takes_the_publication_date_and_says_so() -> None:
    document = build_document()
    document["clusters"][2].update(date=None, date_precision=None)
    document["events"][3].update(date=None, date_precision=None)
    row = by_cluster(read_csv(document))["Mali"]
    assert (row["event_date"], row["time_precision"]) == ("2024-05-02", 3)
    assert "publication date used" in row["notes"]


def test_report_country_level_place_and_foreign_state_codes() -> None:
    rows = by_cluster(read_csv(build_document()))
    pact, summit = rows["Mali"], rows["Niamey"]
    assert (pact["country"], pact["geo_precision"], pact["latitude"]) == ("Mali", 3, 17.57)
    assert (pact["disorder_type"], pact["sub_event_type"]) == (
        "Strategic developments",
        "Agreement",
    )
    assert pact["interaction"] == 18  # Mali's state (1) with a foreign state (8)
    assert (summit["actor1"], summit["actor2"], summit["interaction"]) == ("Niger", "Mali", 18)
    assert (summit["event_type"], summit["sub_event_type"]) == ("Strategic developments", "Other")


def test_report_missing_location_falls_back_to_a_participants_country() -> None:
    document = build_document()
    document["clusters"][0]["location"] = None
    for ev in document["events"][:2]:
        ev["location"] = None
    rows = acled_rows(document)
    row = next(r for r in rows if r["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin")
    assert (row["country"], row["location"], row["geo_precision"]) == ("Mali", "Mali", 3)
    assert "country inferred from participants" in str(row["notes"])


def test_report_formula_injection_is_neutralised() -> None:
    document = build_document()
    document["entities"][4]["name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    document["clusters"][1]["summary"] = "\t-2+3 summit"
    frame = read_csv(document)
    rows = by_cluster(frame)
    assert rows["Mali"]["source"] == "'" + INJECTED_TITLE
    assert rows["Bamako"]["actor1"].startswith("'@")
    assert rows["Niamey"]["notes"].startswith("'-2+3")
    for column in frame.columns:
        for value in frame[column]:
            if isinstance(value, str):
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)


def test_report_safe_text_leaves_ordinary_text_alone() -> None:
    assert safe_text("Attack in Ménaka\n(2025)") == "Attack in Ménaka (2025)"
    assert safe_text("-5 degrees") == "'-5 degrees"
    assert safe_text("\r\n=1+1") == "'=1+1"


def test_report_empty_document_gives_the_header_only() -> None:
    buffer = io.StringIO()
    count = write_acled_csv(
        {"schema_version": "1", "generated_at": GENERATED_AT, "articles": [], "events": []},
        buffer,
    )
    assert count == 0
    assert buffer.getvalue() == ",".join(COLUMNS) + "\n"
    buffer.seek(0)
    assert list(pd.read_csv(buffer).columns) == list(COLUMNS)


def test_report_timestamp_is_the_export_time_in_unix_seconds() -> None:
    expected = int(datetime(2025, 10, 1, 12, tzinfo=UTC).timestamp())
    assert {r["timestamp"] for r in acled_rows(build_document())} == {expected}


def test_report_without_clusters_section_events_group_by_their_cluster_id() -> None:
    document = build_document()
    del document["clusters"]
    rows = acled_rows(document)
    assert len(rows) == 3
    bamako = next(r for r in rows if r["location"] == "Bamako")
    assert bamako["fatalities"] == 15
    assert "fatalities disputed: 15 to 20 across 2 sources" in str(bamako["notes"])


def test_report_old_export_treats_every_event_as_its_own_cluster() -> None:
    document = build_document()
    del document["clusters"]
    for ev in document["events"]:
        ev["cluster"] = ev["id"]
    rows = acled_rows(document)
    assert len(rows) == 4
    assert {r["fatalities"] for r in rows if r["location"] == "Bamako"} == {15, 20}


def test_report_negated_cluster_gets_no_row() -> None:
    document = build_document()
    document["events"][3]["modality"] = "negated"
    assert [r["location"] for r in acled_rows(document)] == ["Niamey", "Bamako"]


def test_report_planned_event_is_flagged_in_notes() -> None:
    document = build_document()
    document["events"][2]["modality"] = "planned"
    row = next(r for r in acled_rows(document) if r["location"] == "Niamey")
    assert "reported as planned" in str(row["notes"])


def test_report_clusters_section_and_events_agree_on_membership() -> None:
    document = copy.deepcopy(build_document())
    clusters = {c.id: c for c in event_clusters(document)}
    assert set(clusters) == {"c-bamako", "c-niamey", "c-pact"}
    assert clusters["c-bamako"].figures == (15, 20)
    assert clusters["c-bamako"].articles == ("a1", "a2")
