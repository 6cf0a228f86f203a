"""GEXF 1.3 export of the knowledge graph, written for Gephi and valid against the GEXF 1.3
RELAX NG schema.

Keeps: every entity as a node with its id (the entity key), `label`, a `viz:color` by kind
(integer r, g, b), a `viz:size` (10 + 4·sqrt(mentions)) and attribute values for `kind`,
`mentions`, `iso3`, `wikidata`, `aliases`, `dateSigned` and every other scalar attribute; every
relation as an edge with a unique `id` (the edge key, "subject|predicate|object"), `label` and
`kind` (both the relation: Gephi keeps two edges between the same nodes apart only when their
kinds differ), `weight` (the number of supporting mentions, 1 for a fact only kg's tables state:
never 0, which Gephi drops) and attribute values for `first_date`, `last_date`, `background`,
`claimed` and any other scalar attribute; every (actor, PLOVER type, target) of the events as an
edge whose `label` and `kind` are the type, with a `viz:color` by type, `event_type`, `cameo`,
`mode`, `event_dates` and `documents` (kg/export/event_edges.py says which events have no edge).
Attributes are declared with numeric ids per class and
their names as titles, which Gephi and graphology-gexf (Gephi Lite) both show.

No value: a node or edge without a value has no <attvalue> for it, and no attribute declares a
default, so Gephi leaves the cell empty and graphology-gexf and networkx leave the attribute out.

Time: when anything is dated the graph is `mode="dynamic"` with `timeformat="date"`; an agreement
starts at its earliest date signed and an edge at its first_date (both padded to a full date:
"2020-11" → "2020-11-01"), with no end, so Gephi's timeline shows the graph growing. An event
edge has instead one <spell> per stretch of days its events cover (a day, or the month or year
the text gives), so it shows only while they happen. Undated elements carry no time. With nothing dated the graph is static.

Drops: list structure (lists are joined with "|"), None and empty values, NaN/infinite numbers,
the characters XML 1.0 cannot hold, provenance beyond the edge attributes (see the RDF export),
the graph `name` and `xsi:schemaLocation` networkx writes (the schema allows neither) and any
last-modified date (the same graph gives the same bytes). Attribute names Gephi reads as something
else (an edge `type`, a node `size`, …) get a trailing "_". Weights come back as floats: GEXF
types the weight as a double.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

import networkx as nx

from kg.errors import InputError
from kg.export import palette
from kg.export.files import atomic_open
from kg.export.property_graph import (BOOLEAN, DOUBLE, INTEGER, LONG, STRING, Column,
                                      EdgeRecord, NodeRecord, PropertyGraph,
                                      build_property_graph, format_value)

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"

_GEXF_TYPES = {BOOLEAN: "boolean", INTEGER: "integer", LONG: "long", DOUBLE: "double",
               STRING: "string"}


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write `graph` (shaped like `KnowledgeGraph.to_networkx()`) to `path` as GEXF 1.3,
    atomically: a failed write leaves an existing file as it was."""
    document = gexf_bytes(graph)
    with atomic_open(path, "wb") as handle:
        handle.write(document)


def gexf_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The GEXF document for `graph`; the same graph always gives the same bytes."""
    records = build_property_graph(graph)
    # Namespaces as plain attributes rather than ET.register_namespace, which would change a
    # process-wide registry; the serialised text is the same.
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "kg"
    graph_element = ET.SubElement(root, "graph", _graph_attributes(records))
    node_ids = _declare_attributes(graph_element, "node", records.node_columns)
    edge_ids = _declare_attributes(graph_element, "edge", records.edge_columns)
    nodes = ET.SubElement(graph_element, "nodes", {"count": str(len(records.nodes))})
    for node in records.nodes:
        _add_node(nodes, node, node_ids)
    edges = ET.SubElement(graph_element, "edges", {"count": str(len(records.edges))})
    for edge in records.edges:
        _add_edge(edges, edge, edge_ids)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _graph_attributes(records: PropertyGraph) -> dict[str, str]:
    attributes = {"defaultedgetype": "directed", "idtype": "string"}
    if records.dynamic:
        attributes.update({"mode": "dynamic", "timeformat": "date"})
    else:
        attributes["mode"] = "static"
    return attributes


def _declare_attributes(graph_element: ET.Element, domain: str,
                        columns: list[Column]) -> dict[str, str]:
    """Add <attributes class=domain>; return column name → attribute id. Ids are numbers counted
    per class (0, 1, …), the names are titles: Gephi keys its columns by id, so an id "label" or
    "weight" would collide with its own columns, and graphology-gexf (Gephi Lite) shows the title
    only when the id is numeric (an id "n0" would be the column's name there)."""
    if not columns:
        return {}
    element = ET.SubElement(graph_element, "attributes", {"class": domain})
    ids: dict[str, str] = {}
    for index, column in enumerate(columns):
        ids[column.name] = str(index)
        ET.SubElement(element, "attribute", {"id": ids[column.name], "title": column.name,
                                             "type": _GEXF_TYPES[column.type]})
    return ids


def _add_attvalues(element: ET.Element, values: dict[str, object], ids: dict[str, str]) -> None:
    if not values:
        return
    attvalues = ET.SubElement(element, "attvalues")
    for name, value in sorted(values.items()):
        ET.SubElement(attvalues, "attvalue", {"for": ids[name], "value": format_value(value)})


def _add_node(parent: ET.Element, node: NodeRecord, ids: dict[str, str]) -> None:
    attributes = {"id": node.id, "label": node.label}
    if node.start:
        attributes["start"] = node.start
    element = ET.SubElement(parent, "node", attributes)
    _add_attvalues(element, node.attributes, ids)
    r, g, b = palette.rgb(node.color)
    ET.SubElement(element, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
    # Gephi reads only the first attribute of viz:size, so `value` must be the only one.
    ET.SubElement(element, "viz:size", {"value": repr(float(node.size))})


def _add_edge(parent: ET.Element, edge: EdgeRecord, ids: dict[str, str]) -> None:
    attributes = {"id": edge.id, "source": edge.source, "target": edge.target}
    if edge.label is not None:
        attributes["label"] = edge.label
        attributes["kind"] = edge.label
    if edge.weight is not None:
        attributes["weight"] = format_value(edge.weight)
    if edge.start:
        attributes["start"] = edge.start
    element = ET.SubElement(parent, "edge", attributes)
    _add_attvalues(element, edge.attributes, ids)
    if edge.spells:
        spells = ET.SubElement(element, "spells")
        for start, end in edge.spells:
            ET.SubElement(spells, "spell", {"start": start, "end": end})
    if edge.color:
        r, g, b = palette.rgb(edge.color)
        ET.SubElement(element, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})


_VALUE_READERS: dict[str, Callable[[str], object]] = {
    "boolean": lambda text: text.strip().lower() in ("true", "1"),
    "integer": int, "long": int, "short": int, "byte": int, "biginteger": int,
    "double": float, "float": float, "bigdecimal": float,
}


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by `write_gexf` back into a MultiDiGraph whose edge keys are the
    edge ids. Nodes get `label`, their typed attribute values, `color` ("#rrggbb" from viz:color),
    `size` and `start`/`end` where present; edges get `label`, `kind`, `weight` (a float), their
    typed attribute values, `start`/`end`, and an event edge's `spells` ((start, end) pairs) and
    `color`.

    networkx's own reader is not used: it drops the edge `kind` and returns a DiGraph whenever no
    two edges share a node pair."""
    root = _parse(path)
    graph_element = _child(root, "graph")
    if graph_element is None:
        raise InputError(f"cannot read GEXF file {path}: it has no <graph> element")
    columns = _declared_columns(graph_element)
    graph = nx.MultiDiGraph()
    try:
        for node in _grandchildren(graph_element, "nodes", "node"):
            graph.add_node(node.get("id"), **_node_data(node, columns.get("node", {})))
        for edge in _grandchildren(graph_element, "edges", "edge"):
            graph.add_edge(edge.get("source"), edge.get("target"), key=edge.get("id"),
                           **_edge_data(edge, columns.get("edge", {})))
    except (KeyError, ValueError) as exc:
        raise InputError(f"cannot read GEXF file {path}: bad attribute value ({exc})") from exc
    return graph


def _parse(path: str | Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read GEXF file {path}: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _grandchildren(element: ET.Element, middle: str, name: str) -> list[ET.Element]:
    return [g for c in element if _local(c.tag) == middle for g in c if _local(g.tag) == name]


def _declared_columns(graph_element: ET.Element) -> dict[str, dict[str, tuple[str, str]]]:
    """class ("node"/"edge") → attribute id → (title, type)."""
    columns: dict[str, dict[str, tuple[str, str]]] = {}
    for attributes in (c for c in graph_element if _local(c.tag) == "attributes"):
        declared = columns.setdefault(attributes.get("class", "node"), {})
        for attribute in (a for a in attributes if _local(a.tag) == "attribute"):
            declared[attribute.get("id")] = (attribute.get("title") or attribute.get("id"),
                                             attribute.get("type", "string"))
    return columns


def _attvalues(element: ET.Element, columns: dict[str, tuple[str, str]]) -> dict[str, object]:
    values: dict[str, object] = {}
    for attvalues in (c for c in element if _local(c.tag) == "attvalues"):
        for attvalue in (a for a in attvalues if _local(a.tag) == "attvalue"):
            title, type_name = columns[attvalue.get("for")]
            values[title] = _VALUE_READERS.get(type_name, str)(attvalue.get("value", ""))
    return values


def _time(element: ET.Element, data: dict[str, object]) -> None:
    for name in ("start", "end"):
        if element.get(name) is not None:
            data[name] = element.get(name)


def _node_data(node: ET.Element, columns: dict[str, tuple[str, str]]) -> dict[str, object]:
    data: dict[str, object] = {}
    if node.get("label") is not None:
        data["label"] = node.get("label")
    data.update(_attvalues(node, columns))
    for viz in node:
        if _local(viz.tag) == "color":
            data["color"] = _hex(viz)
        elif _local(viz.tag) == "size":
            data["size"] = float(viz.get("value"))
    _time(node, data)
    return data


def _hex(color: ET.Element) -> str:
    return color.get("hex") or "#{:02x}{:02x}{:02x}".format(
        int(color.get("r", 0)), int(color.get("g", 0)), int(color.get("b", 0)))


def _edge_data(edge: ET.Element, columns: dict[str, tuple[str, str]]) -> dict[str, object]:
    data: dict[str, object] = {}
    for name in ("label", "kind"):
        if edge.get(name) is not None:
            data[name] = edge.get(name)
    if edge.get("weight") is not None:
        data["weight"] = float(edge.get("weight"))
    data.update(_attvalues(edge, columns))
    _time(edge, data)
    for child in edge:
        if _local(child.tag) == "spells":
            data["spells"] = [(spell.get("start"), spell.get("end")) for spell in child
                              if _local(spell.tag) == "spell"]
        elif _local(child.tag) == "color":
            data["color"] = _hex(child)
    return data
