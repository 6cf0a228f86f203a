"""What a picture of a kg graph looks like, shared by the static (PNG/SVG) and HTML renderers:
colour by kind (the exports' palette) or by event type, size by weight in the text, which nodes
get a label, the legends, and the text shown for a node or an edge.

Colouring by event type draws each event edge (kg/export/event_edges.py) in its PLOVER type's
colour and every node in one grey, so the colours on the page are the events' alone."""
from __future__ import annotations

import math
from typing import Hashable

import networkx as nx

from kg import model
from kg.export import palette
from kg.render import BY_EVENT_TYPE, BY_KIND

TOP_LABELLED = 25    # labels on the most connected nodes; more would cover the picture
NEUTRAL_NODE_COLOR = "#a6a6a6"   # every node, when the colours are the events'


def kind_of(data: dict) -> str:
    kind = data.get("kind")
    return kind if isinstance(kind, str) else "unknown"


def color_of(data: dict, color_by: str = BY_KIND) -> str:
    return NEUTRAL_NODE_COLOR if color_by == BY_EVENT_TYPE else palette.color_for(data.get("kind"))


def edge_color(data: dict, color_by: str = BY_KIND) -> str | None:
    """An event edge's type colour when colouring by event type; None: the default grey."""
    if color_by == BY_EVENT_TYPE and data.get("event_type"):
        return palette.event_color(data["event_type"])
    return None


def event_legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, int]]:
    """(PLOVER type, colour, number of events) for the event types present, in palette order."""
    counts: dict[str, int] = {}
    for *_, data in graph.edges(data=True):
        if data.get("event_type"):
            weight = data.get("weight", 1)
            counts[data["event_type"]] = counts.get(data["event_type"], 0) + (
                weight if isinstance(weight, int) and weight > 0 else 1)
    order = list(palette.EVENT_PALETTE)
    types = sorted(counts, key=lambda t: (order.index(t) if t in order else len(order), t))
    return [(t, palette.event_color(t), counts[t]) for t in types]


def weight_in_text(graph: nx.MultiDiGraph, node: Hashable) -> int:
    """Mentions plus degree: how much the text says about a node. Degree counts too because
    background entities (a capital) have relations but no mentions."""
    mentions = graph.nodes[node].get("mentions", 0)
    mentions = mentions if isinstance(mentions, int) and not isinstance(mentions, bool) else 0
    return max(mentions, 0) + graph.degree(node)


def relative_size(graph: nx.MultiDiGraph, node: Hashable) -> float:
    """1 for a node the text barely touches, growing with the square root of its weight, so a
    hub stands out without hiding its neighbours."""
    return 1.0 + math.sqrt(weight_in_text(graph, node)) / 2.0


def labelled_nodes(graph: nx.MultiDiGraph, top: int = TOP_LABELLED) -> list[Hashable]:
    """The `top` most connected nodes (ties: more mentions first, then by id) and every state:
    states are what a reader of international news looks for first."""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n),
                                                -weight_in_text(graph, n), str(n)))
    chosen = set(ranked[:top])
    chosen |= {n for n, d in graph.nodes(data=True) if d.get("kind") == model.STATE}
    return [n for n in ranked if n in chosen]


def legend(graph: nx.MultiDiGraph, color_by: str = BY_KIND) -> list[tuple[str, str, int]]:
    """(kind, colour, count) for the kinds present, in palette order, unknown kinds last."""
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[kind_of(data)] = counts.get(kind_of(data), 0) + 1
    order = [kind for kind, _ in palette.legend()]
    kinds = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(kind, color_of({"kind": kind}, color_by), counts[kind]) for kind in kinds]


# Attributes a reader wants in a tooltip, in this order; the rest of a node's data is internal.
_SHOWN = ("kind", "iso3", "agreement_kind", "title", "dateSigned", "status", "aliases",
          "mentions", "latitude", "longitude", "iri")


def node_details(data: dict) -> list[tuple[str, str]]:
    """(name, text) pairs describing a node, lists joined with ", "."""
    details = []
    for name in _SHOWN:
        value = data.get(name)
        if value is None or value == [] or value == "":
            continue
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        details.append((name, text))
    return details


def edge_details(data: dict) -> list[tuple[str, str]]:
    if data.get("event_type"):
        details = [("event type", str(data["event_type"])), ("events", str(data.get("weight")))]
        for name, key in (("dates", "event_dates"), ("CAMEO", "cameo"), ("mode", "mode")):
            if data.get(key):
                details.append((name, ", ".join(str(v) for v in data[key])))
        return details
    details = [("relation", str(data.get("label", "")))]
    if data.get("background"):
        details.append(("source", "kg's reference tables"))
    else:
        details.append(("sources", str(data.get("weight", 0))))
    return details
