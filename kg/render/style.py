"""What a picture of a kg graph looks like, shared by the static (PNG/SVG) and HTML renderers:
colour by kind (the exports' palette), size by weight in the text, which nodes get a label, the
legend, and the text shown for a node or an edge."""
from __future__ import annotations

import math
from typing import Hashable

import networkx as nx

from kg import model
from kg.export import palette

TOP_LABELLED = 25    # labels on the most connected nodes; more would cover the picture


def kind_of(data: dict) -> str:
    kind = data.get("kind")
    return kind if isinstance(kind, str) else "unknown"


def color_of(data: dict) -> str:
    return palette.color_for(data.get("kind"))


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


def legend(graph: nx.MultiDiGraph) -> list[tuple[str, str, int]]:
    """(kind, colour, count) for the kinds present, in palette order, unknown kinds last."""
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[kind_of(data)] = counts.get(kind_of(data), 0) + 1
    order = [kind for kind, _ in palette.legend()]
    kinds = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(kind, palette.color_for(kind), counts[kind]) for kind in kinds]


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
    details = [("relation", str(data.get("label", "")))]
    if data.get("background"):
        details.append(("source", "kg's reference tables"))
    else:
        details.append(("sources", str(data.get("weight", 0))))
    return details
