"""GraphML export of the knowledge graph, written for Gephi's GraphML importer (and readable by
networkx, yEd, Cytoscape).

Keeps: every entity as a node with its id (the entity key), `label`, `kind`, `mentions`, the
colour of its kind (`color` "#rrggbb" and integer `r`, `g`, `b`, which Gephi reads as the node
colour), `size` (10 + 4·sqrt(mentions)) and every other scalar attribute (`iso3`, `wikidata`,
`aliases`, `dateSigned`, …); every relation as an edge with a unique id (the edge key,
"subject|predicate|object"), `label` (the relation), `weight` (the number of supporting mentions,
1 for a fact only kg's tables state: never 0, which Gephi drops), `first_date`, `last_date`,
`background`, `claimed` and any other scalar attribute; every (actor, PLOVER type, target) of the
events as an edge labelled with the type, with `color` by type, `event_type`, `cameo`, `mode`,
`event_dates` and `documents` (kg/export/event_edges.py says which events have no edge).

No value: a node or edge without a value for a key has no <data> for it. A numeric key that some
lack is a double whose <default> is NaN, since graph-tool reads a missing number as the default or
else 0 (networkx leaves the attribute out; python-igraph and Gephi read NaN).

Drops: list structure (lists are joined with "|" and come back as one string), None and empty
values, NaN/infinite numbers, the characters XML 1.0 cannot hold, and provenance beyond the edge
attributes (documents, offsets and claims are in the RDF export). Attribute names Gephi reads as
something else (a node `size`, an edge `type`, …) get a trailing "_". GraphML has no edge kind and
no timeline: Gephi may merge two relations between the same two nodes when asked to merge parallel
edges, and it cannot play the graph over time; use the GEXF export for both.

Gephi's rules followed here: keys are declared per domain (`for="node"` / `for="edge"`, never
"all", which Gephi reads as node-only), key ids are `n0…`/`e0…` (Gephi reads a node key *id* "d3"
and an edge key id "d7" as the label, yEd's convention), colours are integers, every attribute
name has one type, edge ids are unique.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from kg.errors import InputError
from kg.export import palette
from kg.export.files import atomic_open
from kg.export.property_graph import (BOOLEAN, DOUBLE, INTEGER, LONG, STRING, Column,
                                      EdgeRecord, NodeRecord, Scalar, build_property_graph,
                                      format_value)

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

_GRAPHML_TYPES = {BOOLEAN: "boolean", INTEGER: "int", LONG: "long", DOUBLE: "double",
                  STRING: "string"}
_NUMBERS = frozenset({INTEGER, LONG, DOUBLE})
NO_NUMBER = "NaN"   # the <default> of a numeric key some nodes (or edges) have no value for

# Node keys every file declares, in this order. `color` comes before r/g/b so that a Gephi which
# cannot parse "#rrggbb" (old releases turned it into no colour) still ends with r/g/b applied.
_NODE_KEYS = (Column("label", STRING), Column("color", STRING), Column("r", INTEGER),
              Column("g", INTEGER), Column("b", INTEGER), Column("size", DOUBLE))


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write `graph` (shaped like `KnowledgeGraph.to_networkx()`) to `path` as GraphML, atomically:
    a failed write leaves an existing file as it was."""
    document = graphml_bytes(graph)
    with atomic_open(path, "wb") as handle:
        handle.write(document)


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The GraphML document for `graph`; the same graph always gives the same bytes."""
    records = build_property_graph(graph)
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    node_columns = _nan_for_no_number(records.node_columns, [n.attributes for n in records.nodes])
    node_keys = _declare_keys(root, "node", "n", list(_NODE_KEYS) + node_columns)
    edge_columns = [Column("label", STRING)]
    if records.weight_type is not None:
        edge_columns.append(Column("weight", records.weight_type))
    if any(e.color for e in records.edges):   # event edges, coloured by type
        edge_columns.append(Column("color", STRING))
    edge_columns += _nan_for_no_number(records.edge_columns, [e.attributes for e in records.edges])
    edge_keys = _declare_keys(root, "edge", "e", edge_columns)
    graph_element = ET.SubElement(root, "graph", {"id": "kg", "edgedefault": "directed"})
    for node in records.nodes:
        _add_node(graph_element, node, node_keys)
    for edge in records.edges:
        _add_edge(graph_element, edge, edge_keys)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    # ElementTree leaves a carriage return raw in element text, where any XML parser would turn it
    # into a newline; a character reference keeps it. Raw CRs only ever come from values here.
    text = text.replace("\r", "&#13;")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _nan_for_no_number(columns: list[Column], rows: list[dict[str, Scalar]]) -> list[Column]:
    """`columns`, with every numeric column that some row lacks made a double whose default is
    NaN (its integers widened, in place). GraphML has no "no value": graph-tool fills a number a
    node lacks with the key's default, or else 0, which puts a place without coordinates at 0,0.
    NaN is the one number no reader can take for data; networkx leaves the node without the
    attribute either way and python-igraph reads NaN either way."""
    result = []
    for column in columns:
        if column.type in _NUMBERS and not all(column.name in row for row in rows):
            for row in rows:
                if column.name in row:
                    row[column.name] = float(row[column.name])
            column = Column(column.name, DOUBLE, default=NO_NUMBER)
        result.append(column)
    return result


def _declare_keys(root: ET.Element, domain: str, prefix: str,
                  columns: list[Column]) -> dict[str, str]:
    """Add one <key> per column (with its <default>, if any); return column name → key id."""
    key_ids: dict[str, str] = {}
    for index, column in enumerate(columns):
        key_id = f"{prefix}{index}"
        key = ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": column.name,
                                          "attr.type": _GRAPHML_TYPES[column.type]})
        if column.default is not None:
            ET.SubElement(key, "default").text = column.default
        key_ids[column.name] = key_id
    return key_ids


def _add_data(element: ET.Element, key_id: str, value: object) -> None:
    ET.SubElement(element, "data", {"key": key_id}).text = format_value(value)


def _add_node(parent: ET.Element, node: NodeRecord, keys: dict[str, str]) -> None:
    element = ET.SubElement(parent, "node", {"id": node.id})
    r, g, b = palette.rgb(node.color)
    for name, value in (("label", node.label), ("color", node.color), ("r", r), ("g", g),
                        ("b", b), ("size", node.size)):
        _add_data(element, keys[name], value)
    for name, value in sorted(node.attributes.items()):
        _add_data(element, keys[name], value)


def _add_edge(parent: ET.Element, edge: EdgeRecord, keys: dict[str, str]) -> None:
    element = ET.SubElement(parent, "edge", {"id": edge.id, "source": edge.source,
                                             "target": edge.target})
    if edge.label is not None:
        _add_data(element, keys["label"], edge.label)
    if edge.weight is not None:
        _add_data(element, keys["weight"], edge.weight)
    if edge.color is not None:
        _add_data(element, keys["color"], edge.color)
    for name, value in sorted(edge.attributes.items()):
        _add_data(element, keys[name], value)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML file written by `write_graphml` back into a MultiDiGraph whose edge keys are
    the edge ids. Values come back typed as declared; lists come back as "|"-joined strings; the
    r/g/b colour channels are folded into `color`."""
    try:
        graph = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
    except (OSError, ET.ParseError, nx.NetworkXError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read GraphML file {path}: {exc}") from exc
    if not graph.is_directed():
        raise InputError(f"cannot read GraphML file {path}: it holds an undirected graph, and kg "
                         "writes directed ones; was it written by kg?")
    for _, data in graph.nodes(data=True):
        if "color" in data:  # r/g/b are Gephi's spelling of the same colour
            for channel in ("r", "g", "b"):
                data.pop(channel, None)
    for *_, data in graph.edges(data=True):
        data.pop("id", None)  # networkx copies the id into the data; it is the key already
    # networkx records per-domain defaults; kg's only default is NaN, which says "no value" (the
    # node has no such attribute), so the graph carries none.
    for name in ("node_default", "edge_default"):
        defaults = {k: v for k, v in graph.graph.get(name, {}).items()
                    if not (isinstance(v, float) and math.isnan(v))}
        if defaults:
            graph.graph[name] = defaults
        else:
            graph.graph.pop(name, None)
    return graph
