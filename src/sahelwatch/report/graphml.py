"""GraphML of who took part in what: entities, event clusters, and who appears with whom.

GraphML is what Gephi, Cytoscape, yEd and networkx all open, so analysts can
lay out the actors of the Sahel and their events without writing code. The
file is built with ``xml.etree`` from the v1 export alone: the package must not
depend on networkx, which only the tests use to prove the file reads back.

Nodes are entities (``kind="entity"``) and event clusters (``kind="event"``);
a cluster is one real-world event however many articles told it, so an
attack covered by ten outlets is one node, not ten. Edges are undirected, the
source of a participation edge is always the entity:

- ``kind="participation"``: entity to cluster, with the entity's ``role``
  (agent, patient, participant or location; the most frequent one when its
  events disagree) and ``weight`` = how many of the cluster's events name it
  (at least 1: a cluster listed without events still names its participants).
- ``kind="co_mention"``: entity to entity, ``weight`` = how many articles
  mention both. Reprints (articles with ``duplicate_of``) are skipped, or
  one wire story copied by five sites would look like five confirmations.
  Only the ``max_co_mentions`` heaviest pairs are kept (ties broken by id): a
  large corpus has millions of pairs, most seen once, and a graph of them is
  unreadable and slow to lay out.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any, BinaryIO, Final, TextIO, cast

from sahelwatch.report.acled import EventCluster, event_clusters

Record = Mapping[str, Any]

#: Default cap on co-mention edges; ``None`` keeps every pair.
MAX_CO_MENTIONS: Final = 5000

GRAPHML_NS: Final = "http://graphml.graphdrawing.org/xmlns"
_XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA: Final = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

#: (domain, attribute name, GraphML type). Key ids are derived from domain and name.
KEYS: Final = (
    ("graph", "generated_at", "string"),
    ("node", "kind", "string"),
    ("node", "label", "string"),
    ("node", "name", "string"),
    ("node", "type", "string"),
    ("node", "kb_id", "string"),
    ("node", "lat", "double"),
    ("node", "lon", "double"),
    ("node", "aliases", "string"),
    ("node", "date", "string"),
    ("node", "date_precision", "string"),
    ("node", "summary", "string"),
    ("node", "outlets", "int"),
    ("node", "articles", "int"),
    ("node", "fatalities", "int"),
    ("node", "fatalities_disputed", "boolean"),
    ("edge", "kind", "string"),
    ("edge", "role", "string"),
    ("edge", "weight", "double"),
)
_TYPES: Final = {(domain, name): kind for domain, name, kind in KEYS}

#: Characters XML 1.0 forbids, plus C1 controls (legal, but never meant text).
_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: When an entity's events give it several roles, the first listed wins ties.
_ROLE_ORDER: Final = ("agent", "patient", "location", "participant")


def clean(text: str) -> str:
    """Text an XML parser accepts: characters XML 1.0 cannot carry are dropped.

    Article text is scraped from anywhere; one stray form feed in a name
    would make the whole file unreadable, so it is removed, not escaped
    (XML 1.0 has no escape for it).
    """
    return _ILLEGAL.sub("", text)


def _key_id(domain: str, name: str) -> str:
    return f"{domain[0]}_{name}"


def _value(kind: str, value: Any) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return clean(str(value))


def _data(parent: ET.Element, domain: str, values: Mapping[str, Any]) -> None:
    """One ``<data>`` per known value; a missing value is omitted, never written as empty."""
    for name, value in values.items():
        if value is None or value == "":
            continue
        kind = _TYPES[(domain, name)]
        ET.SubElement(parent, "data", key=_key_id(domain, name)).text = _value(kind, value)


def _entity_node(graph: ET.Element, entity: Record) -> None:
    name = str(entity.get("name") or entity["id"])
    node = ET.SubElement(graph, "node", id=clean(f"entity:{entity['id']}"))
    aliases = [str(a) for a in entity.get("aliases") or ()]
    _data(
        node,
        "node",
        {
            "kind": "entity",
            "label": name,
            "name": name,
            "type": entity.get("type"),
            "kb_id": entity.get("kb_id"),
            "lat": entity.get("lat"),
            "lon": entity.get("lon"),
            "aliases": "; ".join(dict.fromkeys(aliases)),
        },
    )


def _event_node(graph: ET.Element, cluster: EventCluster) -> None:
    node = ET.SubElement(graph, "node", id=clean(f"event:{cluster.id}"))
    _data(
        node,
        "node",
        {
            "kind": "event",
            "label": cluster.summary,
            "type": cluster.type,
            "date": cluster.date,
            "date_precision": cluster.date_precision,
            "summary": cluster.summary,
            "outlets": cluster.outlets,
            "articles": len(cluster.articles),
            "fatalities": cluster.fatalities,
            "fatalities_disputed": cluster.fatalities_disputed,
        },
    )


def _edge(graph: ET.Element, source: str, target: str, values: Mapping[str, Any]) -> None:
    edge = ET.SubElement(graph, "edge", source=clean(source), target=clean(target))
    _data(edge, "edge", values)


def participation(cluster: EventCluster) -> dict[str, tuple[str, int]]:
    """Entity id -> (role, weight) in one cluster, from its events.

    Weight counts events, not mentions: an entity named three times in one
    sentence supports the link once.
    """
    roles: dict[str, Counter[str]] = {}
    for event in cluster.events:
        seen: dict[str, str] = {}
        for p in event.get("participants") or ():
            seen.setdefault(str(p["entity"]), str(p.get("role") or "participant"))
        if event.get("location"):
            seen.setdefault(str(event["location"]), "location")
        for entity, role in seen.items():
            roles.setdefault(entity, Counter())[role] += 1
    out = {
        entity: (_main_role(counts), max(1, sum(counts.values())))
        for entity, counts in roles.items()
    }
    for entity in cluster.participants:
        out.setdefault(entity, ("participant", 1))
    if cluster.location:
        out.setdefault(cluster.location, ("location", 1))
    return out


def _main_role(counts: Counter[str]) -> str:
    def rank(role: str) -> tuple[int, int]:
        order = _ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER)
        return -counts[role], order

    return min(counts, key=rank)


def co_mentions(
    document: Record, known: Iterable[str], limit: int | None = MAX_CO_MENTIONS
) -> list[tuple[str, str, int]]:
    """(entity, entity, articles mentioning both), heaviest first, at most ``limit`` pairs."""
    allowed = set(known)
    reprints = {
        str(a["id"]) for a in document.get("articles") or () if a.get("duplicate_of") is not None
    }
    by_article: dict[str, set[str]] = {}
    for mention in document.get("mentions") or ():
        article, entity = str(mention["article"]), str(mention["entity"])
        if article not in reprints and entity in allowed:
            by_article.setdefault(article, set()).add(entity)
    pairs: Counter[tuple[str, str]] = Counter()
    for entities in by_article.values():
        pairs.update(combinations(sorted(entities), 2))
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    if limit is not None:
        ranked = ranked[: max(0, limit)]
    return [(a, b, weight) for (a, b), weight in ranked]


def build_graphml(
    document: Record, *, max_co_mentions: int | None = MAX_CO_MENTIONS
) -> tuple[ET.Element, int, int]:
    """The ``<graphml>`` element of the entity-event graph, with its node and edge counts."""
    root = ET.Element(
        "graphml",
        {"xmlns": GRAPHML_NS, "xmlns:xsi": _XSI, "xsi:schemaLocation": _SCHEMA},
    )
    for domain, name, kind in KEYS:
        attributes = {"id": _key_id(domain, name), "for": domain}
        attributes |= {"attr.name": name, "attr.type": kind}
        ET.SubElement(root, "key", attributes)
    graph = ET.SubElement(root, "graph", id="sahelwatch", edgedefault="undirected")
    _data(graph, "graph", {"generated_at": document.get("generated_at")})

    entities = {str(e["id"]): e for e in document.get("entities") or ()}
    for entity in entities.values():
        _entity_node(graph, entity)
    clusters = event_clusters(document)
    for cluster in clusters:
        _event_node(graph, cluster)

    edges = 0
    for cluster in clusters:
        for entity, (role, weight) in participation(cluster).items():
            if entity in entities:
                values = {"kind": "participation", "role": role, "weight": weight}
                _edge(graph, f"entity:{entity}", f"event:{cluster.id}", values)
                edges += 1
    for a, b, weight in co_mentions(document, entities, max_co_mentions):
        _edge(graph, f"entity:{a}", f"entity:{b}", {"kind": "co_mention", "weight": weight})
        edges += 1
    return root, len(entities) + len(clusters), edges


def write_graphml(
    document: Record,
    stream: BinaryIO | TextIO,
    *,
    max_co_mentions: int | None = MAX_CO_MENTIONS,
) -> tuple[int, int]:
    """Write the graph as GraphML (UTF-8 on a binary stream); return (nodes, edges).

    A text stream gets text, with its own encoding in the XML declaration so
    that the declaration never contradicts the bytes on disk (a terminal in
    an ASCII locale gets character references instead of an encoding error).
    """
    root, nodes, edges = build_graphml(document, max_co_mentions=max_co_mentions)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    if isinstance(stream, io.TextIOBase) or isinstance(getattr(stream, "encoding", None), str):
        text = cast(TextIO, stream)
        encoding = getattr(text, "encoding", None) or "UTF-8"
        if not encoding.lower().replace("-", "").startswith("utf"):
            # Characters the stream cannot encode become character references, as XML allows.
            body = body.encode(encoding, "xmlcharrefreplace").decode(encoding)
        text.write(f'<?xml version="1.0" encoding="{encoding}"?>\n{body}\n')
    else:
        binary = cast(BinaryIO, stream)
        binary.write(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode())
    return nodes, edges
