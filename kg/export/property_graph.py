"""A kg networkx graph as Gephi-safe records: the one place both the GraphML and GEXF writers get
their ids, labels, colours, sizes, dates and attribute columns from.

Gephi's importers are strict in ways networkx's writers are not, so this module:

- keeps only scalar attribute values Gephi can type (boolean, integer, long, double, string):
  None, empty strings and empty lists are dropped; lists and tuples are joined with "|" (sets
  sorted first); dates become ISO strings; dicts become JSON text; NaN and infinities are dropped;
- gives every attribute name one type across all nodes (and one across all edges): ints and floats
  mixed become doubles, anything else mixed becomes strings (Gephi splits a column whose type
  changes into two);
- strips XML-illegal characters (C0 controls but tab/newline/CR, U+FFFE, U+FFFF, lone surrogates)
  from every id, label, name and value, since one such character aborts a whole Gephi import;
- renames an attribute whose name Gephi reads as something else (a node attribute called `size`,
  an edge attribute called `type`, …) by appending "_";
- makes edge ids unique and non-empty (Gephi drops every edge whose id it has seen before).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from numbers import Integral, Real
from typing import Iterable, Mapping

import networkx as nx

from kg.errors import OutputError
from kg.export import palette

Scalar = bool | int | float | str

# Column types, named as GEXF names them (GraphML says "int" for INTEGER; the writer maps it).
BOOLEAN, INTEGER, LONG, DOUBLE, STRING = "boolean", "integer", "long", "double", "string"

LIST_SEPARATOR = "|"

# Lone surrogates are matched too: Python strings can hold them, UTF-8 cannot encode them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Names Gephi's GraphML/GEXF importers read as a node or edge property (label, colour, size,
# position, weight, direction, time) rather than as a data column, plus the names our writers use
# themselves. Compared in lower case, as Gephi compares most of them case-insensitively.
RESERVED_NODE_NAMES = frozenset({
    "id", "label", "size", "color", "r", "g", "b", "x", "y", "z", "xpos", "ypos", "d3", "pid",
    "start", "end", "timestamp", "timestamps", "intervals", "timeset", "interval", "spells"})
RESERVED_EDGE_NAMES = frozenset({
    "id", "edgeid", "label", "edgelabel", "d7", "weight", "edge weight", "type", "kind", "directed",
    "source", "target", "color", "r", "g", "b", "start", "end", "timestamp", "timestamps",
    "intervals", "timeset", "interval", "spells"})

# Attributes the records carry in their own fields rather than as columns.
_NODE_OWN = frozenset({"label"})
_EDGE_OWN = frozenset({"label", "weight", "color", "spells"})

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.+\-Z]*)?")


@dataclass(frozen=True)
class Column:
    """One attribute column: its name as written and its single type."""

    name: str
    type: str
    default: str | None = None      # a <default> to declare (GraphML's "no value" for numbers)


@dataclass
class NodeRecord:
    id: str
    label: str
    kind: str | None
    color: str                      # "#rrggbb", by kind
    size: float                     # 10 + 4·sqrt(mentions)
    start: str | None               # YYYY-MM-DD: the earliest date signed, for agreements
    attributes: dict[str, Scalar] = field(default_factory=dict)


@dataclass
class EdgeRecord:
    id: str
    source: str
    target: str
    label: str | None               # the relation
    weight: int | float | None
    start: str | None               # YYYY-MM-DD: first_date padded
    attributes: dict[str, Scalar] = field(default_factory=dict)
    color: str | None = None        # "#rrggbb": an event edge's colour by type
    # (start, end) days an event edge is present (kg/export/event_edges.py); then no `start`
    spells: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PropertyGraph:
    nodes: list[NodeRecord]
    edges: list[EdgeRecord]
    node_columns: list[Column]
    edge_columns: list[Column]
    weight_type: str | None         # INTEGER, LONG or DOUBLE; None when no edge has a weight

    @property
    def dynamic(self) -> bool:
        """True when any node or edge is dated (a GEXF timeline then has something to play)."""
        return any(n.start for n in self.nodes) or any(e.start or e.spells for e in self.edges)


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _XML_ILLEGAL.sub("", text)


def format_value(value: Scalar) -> str:
    """The lexical form both formats use: true/false, 12, 1.5, text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_scalar(value: object) -> Scalar | None:
    """A Gephi-typable scalar for `value`, or None when there is nothing to write."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, date):  # datetime included
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return _joined(sorted(_item_texts(value))) or None
    if isinstance(value, (list, tuple)):
        return _joined(_item_texts(value)) or None
    if isinstance(value, Mapping):
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        return clean_text(text)
    return clean_text(str(value)) or None


def _item_texts(values: Iterable[object]) -> list[str]:
    texts = []
    for item in values:
        scalar = to_scalar(item)
        if scalar is not None:
            texts.append(format_value(scalar))
    return texts


def _joined(texts: list[str]) -> str:
    return LIST_SEPARATOR.join(texts)


def padded_date(value: object) -> str | None:
    """An ISO date at day, month or year precision as a full date ("2020-11" → "2020-11-01"),
    or None when `value` is not one."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # 2020-13, 2021-02-30, year 0
        return None


def earliest_date(values: object) -> str | None:
    """The earliest of one or several ISO dates, padded to a full date."""
    items = values if isinstance(values, (list, tuple, set, frozenset)) else [values]
    dates = [d for d in (padded_date(v) for v in items) if d]
    return min(dates) if dates else None


def build_property_graph(graph: nx.MultiDiGraph) -> PropertyGraph:
    """Records for every node and edge of a `KnowledgeGraph.to_networkx()`-shaped graph, sorted by
    id so the same graph always gives the same file."""
    node_ids = _node_ids(graph)
    node_names = _column_names((k for _, d in graph.nodes(data=True) for k in d
                                if k not in _NODE_OWN), RESERVED_NODE_NAMES)
    nodes = [_node_record(node_ids[n], data, node_names) for n, data in graph.nodes(data=True)]
    node_columns = _unify([n.attributes for n in nodes])
    edge_names = _column_names((k for *_, d in graph.edges(data=True) for k in d
                                if k not in _EDGE_OWN), RESERVED_EDGE_NAMES)
    edges = [_edge_record(edge_id, node_ids[u], node_ids[v], data, edge_names)
             for edge_id, u, v, data in _edge_ids(graph, node_ids)]
    edge_columns = _unify([e.attributes for e in edges])
    weight_type = _unify_weights(edges)
    return PropertyGraph(sorted(nodes, key=lambda n: n.id), sorted(edges, key=lambda e: e.id),
                         node_columns, edge_columns, weight_type)


def _node_ids(graph: nx.MultiDiGraph) -> dict[object, str]:
    ids: dict[object, str] = {}
    seen: dict[str, object] = {}
    for node in graph.nodes:
        written = clean_text(str(node))
        if not written:
            raise OutputError(f"cannot export node {node!r}: its id is empty once characters XML "
                              "cannot hold are removed; give it a printable id")
        if written in seen:
            raise OutputError(f"cannot export nodes {seen[written]!r} and {node!r}: their ids are "
                              "the same once characters XML cannot hold are removed; rename one")
        ids[node], seen[written] = written, node
    return ids


def _column_names(names: Iterable[object], reserved: frozenset[str]) -> dict[object, str]:
    """Attribute name → name as written: cleaned, unique ignoring case, not reserved."""
    # Lower-case spellings first, so `kind` keeps its name when a stray `Kind` also exists.
    order = sorted(set(names), key=lambda n: (str(n).lower(), str(n) != str(n).lower(), str(n),
                                              type(n).__name__))
    taken: set[str] = set()
    written_names: dict[object, str] = {}
    for name in order:
        written = clean_text(str(name)) or "attribute"
        while written.lower() in reserved or written.lower() in taken:
            written += "_"
        taken.add(written.lower())
        written_names[name] = written
    return written_names


def _scalars(data: Mapping[object, object], names: Mapping[object, str]) -> dict[str, Scalar]:
    values: dict[str, Scalar] = {}
    for key, value in data.items():
        if key in names:
            scalar = to_scalar(value)
            if scalar is not None:
                values[names[key]] = scalar
    return values


def _node_record(node_id: str, data: Mapping[object, object],
                 names: Mapping[object, str]) -> NodeRecord:
    label = to_scalar(data.get("label"))
    kind = data.get("kind")
    return NodeRecord(
        id=node_id,
        # A node without a label would be blank in Gephi; its id is the next best name.
        label=format_value(label) if label is not None else node_id,
        kind=kind if isinstance(kind, str) else None,
        color=palette.color_for(kind),
        size=node_size(data.get("mentions")),
        start=earliest_date(data.get("dateSigned")),
        attributes=_scalars(data, names))


def node_size(mentions: object) -> float:
    """10 + 4·sqrt(mentions): every node visible, frequent ones larger but not overwhelming."""
    if isinstance(mentions, bool) or not isinstance(mentions, Real):
        return 10.0
    count = float(mentions)
    if not math.isfinite(count) or count <= 0:
        return 10.0
    return round(10.0 + 4.0 * math.sqrt(count), 3)


def _edge_ids(graph: nx.MultiDiGraph,
              node_ids: Mapping[object, str]) -> list[tuple[str, object, object, dict]]:
    """Unique, non-empty edge ids: the edge key when it is a string no other edge uses (the model
    mints "subject|predicate|object"), else "source|key|target"; "#2", "#3", … as a last resort."""
    key_uses: dict[str, int] = {}
    for _, _, key in graph.edges(keys=True):
        if isinstance(key, str):
            key_uses[clean_text(key)] = key_uses.get(clean_text(key), 0) + 1
    candidates = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        own = clean_text(key) if isinstance(key, str) else ""
        if not own or key_uses[own] > 1:
            own = clean_text(f"{node_ids[u]}|{key}|{node_ids[v]}")
        candidates.append((own, node_ids[u], node_ids[v], str(key), u, v, data))
    result, used = [], set()
    for own, _, _, _, u, v, data in sorted(candidates, key=lambda c: c[:4]):
        edge_id, n = own, 1
        while edge_id in used:
            n += 1
            edge_id = f"{own}#{n}"
        used.add(edge_id)
        result.append((edge_id, u, v, data))
    return result


def _edge_record(edge_id: str, source: str, target: str, data: Mapping[object, object],
                 names: Mapping[object, str]) -> EdgeRecord:
    label = to_scalar(data.get("label"))
    spells = _spells(data.get("spells"))
    color = data.get("color")
    return EdgeRecord(
        id=edge_id, source=source, target=target,
        label=format_value(label) if label is not None else None,
        weight=_weight(data.get("weight")),
        start=None if spells else padded_date(data.get("first_date")),
        attributes=_scalars(data, names),
        color=color if isinstance(color, str) and _HEX_COLOR.fullmatch(color) else None,
        spells=spells)


def _spells(value: object) -> list[tuple[str, str]]:
    """(start, end) pairs of full dates, in order; anything else is dropped."""
    if not isinstance(value, (list, tuple)):
        return []
    spells = []
    for pair in value:
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            start, end = padded_date(pair[0]), padded_date(pair[1])
            if start and end and start <= end:
                spells.append((start, end))
    return sorted(spells)


def _weight(value: object) -> int | float | None:
    # Gephi parses a weight as a float; anything else (a string, a bool) would be an import error.
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    if isinstance(value, Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def _value_type(value: Scalar) -> str:
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        if -2**31 <= value < 2**31:
            return INTEGER
        return LONG if -2**63 <= value < 2**63 else STRING
    return DOUBLE if isinstance(value, float) else STRING


def _column_type(types: set[str]) -> str:
    if len(types) == 1:
        return next(iter(types))
    if types <= {INTEGER, LONG}:
        return LONG
    if types <= {INTEGER, LONG, DOUBLE}:
        return DOUBLE
    return STRING


def _coerce(value: Scalar, column_type: str) -> Scalar:
    if column_type == STRING:
        return format_value(value)
    if column_type == DOUBLE:
        return float(value)
    return value


def _unify(rows: list[dict[str, Scalar]]) -> list[Column]:
    """Give each attribute name one type over all rows, converting values in place."""
    types: dict[str, set[str]] = {}
    for row in rows:
        for name, value in row.items():
            types.setdefault(name, set()).add(_value_type(value))
    column_types = {name: _column_type(found) for name, found in types.items()}
    for row in rows:
        for name, value in row.items():
            row[name] = _coerce(value, column_types[name])
    return [Column(name, column_types[name]) for name in sorted(column_types)]


def _unify_weights(edges: list[EdgeRecord]) -> str | None:
    weights = [e.weight for e in edges if e.weight is not None]
    if not weights:
        return None
    weight_type = _column_type({_value_type(w) for w in weights})
    if weight_type == STRING:  # an int beyond 64 bits: Gephi reads weights as floats anyway
        weight_type = DOUBLE
    for edge in edges:
        if edge.weight is not None:
            edge.weight = float(edge.weight) if weight_type == DOUBLE else edge.weight
    return weight_type
