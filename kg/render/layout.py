"""Where each node goes: a force-directed layout with a fixed seed, or places on their coordinates.

Both layouts are deterministic (the same graph always gives the same positions), so pictures can
be committed and diffed, and the PNG/SVG and the HTML page of one graph show the same picture.

News graphs fall apart into many small components (one agreement with its parties, one official
with a post). A single force-directed layout pushes these to the rim and crushes the large
component in the middle, so each component is laid out on its own and the components are packed
in rows, largest first.
"""
from __future__ import annotations

import math
from typing import Hashable, Iterable

import networkx as nx

Position = tuple[float, float]

SEED = 7             # any fixed value: the seed only has to stay the same between runs
_ITERATIONS = 200    # enough for a few hundred nodes to settle; spring_layout's default is 50
_GAP = 0.8           # space between packed components, in units of a one-node component


def spring_positions(graph: nx.MultiDiGraph) -> dict[Hashable, Position]:
    """Positions of every node: each connected component laid out by Fruchterman-Reingold with
    a fixed seed, scaled by its size, then packed in rows (largest component top left)."""
    simple = undirected(graph)
    components = [sorted(c, key=str) for c in nx.connected_components(simple)]
    components.sort(key=lambda c: (-len(c), str(c[0])))
    return _pack([_component_layout(simple, c) for c in components])


def geo_positions(graph: nx.MultiDiGraph) -> dict[Hashable, Position]:
    """Places with coordinates on their longitude/latitude, states on their capital's, everything
    connected to them placed around them by the force layout; components with no place at all
    are packed below the map."""
    simple = undirected(graph)
    anchors = _map_units(coordinates(graph), simple)
    if not anchors:
        return spring_positions(graph)
    anchored = {n for c in nx.connected_components(simple) if anchors.keys() & c for n in c}
    sub = _ordered_subgraph(simple, sorted(anchored, key=str))
    # Fixed nodes keep the positions they are given (networkx does not rescale then), so the map
    # is already in the units of spring_positions: an edge about 1 long.
    layout = nx.spring_layout(sub, pos=anchors, fixed=sorted(anchors, key=str), k=1.0,
                              iterations=_ITERATIONS, seed=SEED)
    positions = {n: (float(x), float(y)) for n, (x, y) in layout.items()}
    rest = graph.subgraph(n for n in graph if n not in anchored)
    if rest.number_of_nodes():
        positions.update(_below(spring_positions(nx.MultiDiGraph(rest)), positions))
    return positions


def coordinates(graph: nx.MultiDiGraph) -> dict[Hashable, Position]:
    """(longitude, latitude) of the nodes that have coordinates, and of the states whose capital
    has them."""
    found: dict[Hashable, Position] = {}
    for node, data in graph.nodes(data=True):
        lat, lon = data.get("latitude"), data.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            found[node] = (float(lon), float(lat))
    for state, place, data in graph.edges(data=True):
        if data.get("label") == "capital" and place in found and state not in found:
            found[state] = found[place]
    return found


def _map_units(degrees: dict[Hashable, Position], simple: nx.Graph) -> dict[Hashable, Position]:
    """Longitude/latitude (equirectangular, one scale for both) centred on (0, 0) and scaled so
    the map is as wide as a force layout of the nodes it anchors would be."""
    if not degrees:
        return {}
    anchored = sum(len(c) for c in nx.connected_components(simple) if degrees.keys() & c)
    x0, y0, x1, y1 = _extent(degrees)
    scale = 2.0 * math.sqrt(anchored) / max(x1 - x0, y1 - y0, 1.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return {n: ((x - cx) * scale, (y - cy) * scale) for n, (x, y) in degrees.items()}


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of `graph`, built in sorted order (layouts depend on it)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=str))
    simple.add_edges_from(sorted({tuple(sorted((u, v), key=str)) for u, v in graph.edges()
                                  if u != v}, key=str))
    return simple


def _ordered_subgraph(graph: nx.Graph, nodes: Iterable[Hashable]) -> nx.Graph:
    sub = nx.Graph()
    chosen = list(nodes)
    sub.add_nodes_from(chosen)
    members = set(chosen)
    sub.add_edges_from(sorted(((u, v) for u, v in graph.edges(chosen) if v in members), key=str))
    return sub


def _component_layout(graph: nx.Graph, nodes: list[Hashable]) -> dict[Hashable, Position]:
    """Positions centred on (0, 0) within a radius that grows with the square root of the size,
    so every component has about the same density."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    sub = _ordered_subgraph(graph, nodes)
    layout = nx.spring_layout(sub, iterations=_ITERATIONS, seed=SEED)
    # Fruchterman-Reingold fills [-1, 1] whatever the size: a pair would get edges twice as long
    # as a large component's. sqrt(n) - 0.9 keeps the edge length near 1 for every size.
    radius = math.sqrt(len(nodes)) - 0.9
    return {n: (float(x) * radius, float(y) * radius) for n, (x, y) in layout.items()}


def _extent(layout: dict[Hashable, Position]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    return min(xs), min(ys), max(xs), max(ys)


def _pack(layouts: list[dict[Hashable, Position]]) -> dict[Hashable, Position]:
    """Shelf packing: components left to right in rows about as wide as the whole is tall."""
    boxes = [_extent(layout) for layout in layouts]
    sizes = [(x1 - x0 + 2 * _GAP, y1 - y0 + 2 * _GAP) for x0, y0, x1, y1 in boxes]
    width = max([w for w, _ in sizes] + [math.sqrt(sum(w * h for w, h in sizes)) * 1.15])
    positions: dict[Hashable, Position] = {}
    x = y = row_height = 0.0
    for layout, (x0, y0, _, y1), (w, h) in zip(layouts, boxes, sizes):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y - row_height, 0.0
        # Rows go downwards: the top of this box sits at the current row's top.
        dx, dy = x + _GAP - x0, y - _GAP - y1
        positions.update({n: (px + dx, py + dy) for n, (px, py) in layout.items()})
        x, row_height = x + w, max(row_height, h)
    return positions


def _below(packed: dict[Hashable, Position],
           above: dict[Hashable, Position]) -> dict[Hashable, Position]:
    """`packed` moved under `above` (the map), left-aligned with it."""
    left, bottom, _, _ = _extent(above)
    x0, _, _, y1 = _extent(packed)
    return {n: (left + x - x0, bottom - 2 * _GAP + y - y1) for n, (x, y) in packed.items()}
