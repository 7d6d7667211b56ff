"""The entity-event GraphML, read back with networkx as Gephi users' scripts would."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
from lxml import etree

from sahelwatch.report.graphml import GRAPHML_NS, write_graphml
from tests.unit.test_report_acled import article, build_document, entity, mention

# The fixture: 7 entities and 3 clusters; 9 entity-cluster links; 12 entity pairs
# mentioned together (a1: 4 entities -> 6 pairs, a2 repeats 3 of them, a3: 6 pairs,
# a4 repeats Mali-Niger).
NODES, PARTICIPATIONS, CO_MENTIONS = 10, 9, 12


def graph_of(document: dict[str, Any], **options: Any) -> tuple[Any, tuple[int, int]]:
    buffer = io.BytesIO()
    counts = write_graphml(document, buffer, **options)
    buffer.seek(0)
    return nx.read_graphml(buffer), counts


def edges_of_kind(graph: Any, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(a, b, d) for a, b, d in graph.edges(data=True) if d["kind"] == kind]


def test_report_graphml_loads_in_networkx_with_the_counts_returned() -> None:
    graph, counts = graph_of(build_document())
    assert counts == (NODES, PARTICIPATIONS + CO_MENTIONS)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == counts
    assert not graph.is_directed()
    assert len(edges_of_kind(graph, "participation")) == PARTICIPATIONS
    assert len(edges_of_kind(graph, "co_mention")) == CO_MENTIONS


def test_report_graphml_entity_nodes_carry_typed_attributes() -> None:
    graph, _ = graph_of(build_document())
    assert graph.nodes["entity:bamako"] == {
        "kind": "entity",
        "label": "Bamako",
        "name": "Bamako",
        "type": "GPE",
        "kb_id": "Q3703",
        "lat": 12.639,
        "lon": -8.003,
        "aliases": "Bamako",
    }
    jnim = graph.nodes["entity:jnim"]
    assert jnim["aliases"] == "Jama'at Nusrat al-Islam wal-Muslimin; JNIM; GSIM"
    assert "lat" not in jnim and "kb_id" not in jnim  # unknown values are omitted, not empty


def test_report_graphml_event_nodes_are_clusters_not_mentions() -> None:
    graph, _ = graph_of(build_document())
    events = [n for n, d in graph.nodes(data=True) if d["kind"] == "event"]
    assert sorted(events) == ["event:c-bamako", "event:c-niamey", "event:c-pact"]
    attack = graph.nodes["event:c-bamako"]
    assert attack["type"] == "attack"
    assert (attack["date"], attack["date_precision"]) == ("2025-09-17", "day")
    assert attack["summary"] == "JNIM attack on an army post in Bamako."
    assert (attack["outlets"], attack["articles"]) == (2, 2)
    assert isinstance(attack["outlets"], int)
    assert (attack["fatalities"], attack["fatalities_disputed"]) == (15, True)
    assert "fatalities" not in graph.nodes["event:c-niamey"]


def test_report_graphml_participation_edges_have_role_and_weight() -> None:
    graph, _ = graph_of(build_document())
    agent = graph.edges["entity:jnim", "event:c-bamako"]
    assert (agent["kind"], agent["role"], agent["weight"]) == ("participation", "agent", 2.0)
    assert graph.edges["entity:fama", "event:c-bamako"]["role"] == "patient"
    assert graph.edges["entity:niamey", "event:c-niamey"]["role"] == "location"
    assert graph.edges["entity:aes", "event:c-niamey"]["role"] == "participant"


def test_report_graphml_co_mentions_count_articles_and_skip_reprints() -> None:
    document = build_document()
    document["articles"].append(
        article("a5", uri="file:///corpus/005.txt", title="Copy", duplicate_of="a1")
    )
    document["mentions"] += [mention("a5", "jnim", "JNIM"), mention("a5", "niger", "Niger")]
    graph, _ = graph_of(document)
    assert graph.edges["entity:mali", "entity:niger"]["weight"] == 2
    assert graph.edges["entity:jnim", "entity:fama"]["weight"] == 2
    assert graph.edges["entity:aes", "entity:niamey"]["weight"] == 1
    assert not graph.has_edge("entity:jnim", "entity:niger")


def test_report_graphml_caps_co_mentions_keeping_the_heaviest() -> None:
    graph, counts = graph_of(build_document(), max_co_mentions=2)
    kept = {(a, b) for a, b, _ in edges_of_kind(graph, "co_mention")}
    assert counts[1] == PARTICIPATIONS + 2
    assert {frozenset(p) for p in kept} == {
        frozenset({"entity:bamako", "entity:fama"}),
        frozenset({"entity:bamako", "entity:jnim"}),
    }


def test_report_graphml_control_characters_in_names_are_removed() -> None:
    document = build_document()
    document["entities"].append(
        entity("ab-x1", "Ab\x00del\x0bka\x1fder\ud800", "PERSON", aliases=("A.\x0cK.",))
    )
    document["mentions"].append(mention("a1", "ab-x1", "Abdelkader"))
    document["clusters"][0]["summary"] = "Attack\x1b[31m in Bamako"
    graph, counts = graph_of(document)
    assert counts[0] == NODES + 1
    person = graph.nodes["entity:ab-x1"]
    assert (person["name"], person["aliases"]) == ("Abdelkader", "Abdelkader; A.K.")
    assert graph.nodes["event:c-bamako"]["summary"] == "Attack[31m in Bamako"


def test_report_graphml_is_valid_graphml_xml() -> None:
    buffer = io.BytesIO()
    write_graphml(build_document(), buffer)
    root = etree.fromstring(buffer.getvalue())
    assert root.tag == f"{{{GRAPHML_NS}}}graphml"
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in root.iter(f"{{{GRAPHML_NS}}}key")
    }
    assert keys[("node", "lat")] == "double"
    assert keys[("node", "outlets")] == "int"
    assert keys[("edge", "weight")] == "double"
    assert keys[("node", "fatalities_disputed")] == "boolean"
    declared = {k.get("id") for k in root.iter(f"{{{GRAPHML_NS}}}key")}
    used = {d.get("key") for d in root.iter(f"{{{GRAPHML_NS}}}data")}
    assert used <= declared


def test_report_graphml_writes_to_text_streams() -> None:
    text = io.StringIO()
    assert write_graphml(build_document(), text) == (NODES, PARTICIPATIONS + CO_MENTIONS)
    assert text.getvalue().startswith('<?xml version="1.0" encoding="UTF-8"?>')
    graph = nx.read_graphml(io.BytesIO(text.getvalue().encode()))
    assert graph.nodes["entity:jnim"]["name"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_report_graphml_keeps_non_ascii_names_through_an_ascii_stream() -> None:
    document = build_document()
    document["entities"][3]["name"] = "Niamey, Tillabéri"
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    write_graphml(document, stream)
    stream.flush()
    assert raw.getvalue().isascii()
    raw.seek(0)
    assert nx.read_graphml(raw).nodes["entity:niamey"]["name"] == "Niamey, Tillabéri"


def test_report_graphml_empty_document_is_an_empty_graph() -> None:
    graph, counts = graph_of({"schema_version": "1", "generated_at": "2025-10-01T12:00:00Z"})
    assert counts == (0, 0)
    assert graph.number_of_nodes() == 0
    assert graph.graph["generated_at"] == "2025-10-01T12:00:00Z"


def test_report_graphml_without_clusters_section_uses_event_cluster_ids() -> None:
    document = build_document()
    del document["clusters"]
    graph, counts = graph_of(document)
    assert counts == (NODES, PARTICIPATIONS + CO_MENTIONS)
    attack = graph.nodes["event:c-bamako"]
    assert (attack["fatalities"], attack["fatalities_disputed"], attack["outlets"]) == (15, True, 2)
    assert graph.edges["entity:jnim", "event:c-bamako"]["weight"] == 2
