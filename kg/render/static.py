"""PNG and SVG pictures of a kg graph, drawn with matplotlib's Agg and SVG backends (no display,
no pyplot and its global figure state).

One picture: thin translucent edges, nodes coloured by kind and sized by how much the text says
about them, labels on the most connected nodes and on every state, a legend of kinds with
counts. Coloured by event type instead, the nodes are grey and each event edge is drawn in its
type's colour over the others, with a legend of the types and their numbers of events. The figure grows with the number of nodes so a few hundred stay apart.

The same graph and positions give the same bytes: SVG ids come from a fixed hash salt, no date is
written, and text stays text (`svg.fonttype: none`) so the SVG can be searched and is smaller.
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Hashable

import matplotlib
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from kg import model
from kg.export.files import atomic_open
from kg.render import style
from kg.render.layout import Position

_RC = {
    "svg.hashsalt": "kg",          # ids in the SVG from a fixed salt, not a random one
    "svg.fonttype": "none",        # text as <text>, not glyph paths
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same font on every machine
    "path.simplify": True,
}
_METADATA = {"svg": {"Date": None, "Creator": "kg"}, "png": {"Software": "kg"}}
_DPI = 110
_POINT_AREA = 18.0    # marker area (points²) of a node of relative size 1


def write_picture(graph: nx.MultiDiGraph, positions: dict[Hashable, Position], path: str | Path,
                  title: str, color_by: str = style.BY_KIND) -> None:
    """Draw `graph` at `positions` to `path`; the extension (.png or .svg) picks the format.
    `color_by` is style.BY_KIND or style.BY_EVENT_TYPE. Written atomically."""
    fmt = Path(path).suffix.lower().lstrip(".")
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        # A name in a script DejaVu Sans lacks (CJK, …) is drawn as boxes; one warning per
        # missing glyph would bury the summary line.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure = draw(graph, positions, title, color_by)
        with atomic_open(path, "wb") as handle:
            figure.savefig(handle, format=fmt, dpi=_DPI, metadata=_METADATA[fmt],
                           bbox_inches="tight", facecolor="white")


def draw(graph: nx.MultiDiGraph, positions: dict[Hashable, Position], title: str,
         color_by: str = style.BY_KIND) -> Figure:
    """The figure (Agg canvas attached) for `graph` laid out at `positions`."""
    figure = Figure(figsize=figure_size(graph.number_of_nodes(), positions), dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 0.96))
    axes.set_axis_off()
    scale = font_scale(graph.number_of_nodes())
    _draw_edges(axes, graph, positions)
    if color_by == style.BY_EVENT_TYPE:
        _draw_event_edges(axes, graph, positions)
    _draw_nodes(axes, graph, positions, color_by)
    axes.set_aspect("equal", adjustable="datalim")
    axes.margins(0.03)
    # Fix the data limits now: label placement measures labels where they will be drawn.
    axes.autoscale_view()
    axes.apply_aspect()
    _draw_labels(axes, graph, positions, scale)
    axes.set_title(title, fontsize=11 * scale, loc="left")
    return figure


def figure_size(nodes: int, positions: dict[Hashable, Position]) -> tuple[float, float]:
    """Inches: about 8 for a handful of nodes, growing with the square root of the count (the
    area per node stays about the same), at most 28; the aspect follows the layout's."""
    side = min(28.0, max(8.0, 3.0 + 1.0 * math.sqrt(max(nodes, 1))))
    if not positions:
        return side, side
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    aspect = (max(xs) - min(xs) + 1e-9) / (max(ys) - min(ys) + 1e-9)
    aspect = min(1.8, max(0.6, aspect))
    return side * math.sqrt(aspect), side / math.sqrt(aspect)


def font_scale(nodes: int) -> float:
    """Bigger figures get slightly bigger text so labels stay readable once the image is
    scaled down to a page."""
    return min(1.6, max(1.0, math.sqrt(max(nodes, 1)) / 10.0))


def _draw_edges(axes: Axes, graph: nx.MultiDiGraph,
                positions: dict[Hashable, Position]) -> None:
    pairs = sorted({tuple(sorted((u, v), key=str)) for u, v in graph.edges() if u != v}, key=str)
    segments = [(positions[u], positions[v]) for u, v in pairs]
    if segments:
        axes.add_collection(LineCollection(segments, colors="#4d4d4d", linewidths=0.6,
                                           alpha=0.35, zorder=1))


def _draw_event_edges(axes: Axes, graph: nx.MultiDiGraph,
                      positions: dict[Hashable, Position]) -> None:
    """Each event edge over the grey ones, in its type's colour, and a legend of the types."""
    handles = []
    for event_type, color, count in style.event_legend(graph):
        segments = sorted((positions[u], positions[v]) for u, v, d in graph.edges(data=True)
                          if d.get("event_type") == event_type and u != v)
        axes.add_collection(LineCollection(segments, colors=color, linewidths=1.6, alpha=0.9,
                                           zorder=1.2))
        handles.append(Line2D([], [], color=color, linewidth=2.5,
                              label=f"{event_type} ({count})"))
    if handles:   # the picture's one legend: nodes are all grey in this colouring
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                    fontsize=9, title="event type (number of events)")


def _draw_nodes(axes: Axes, graph: nx.MultiDiGraph, positions: dict[Hashable, Position],
                color_by: str = style.BY_KIND) -> None:
    """One scatter per kind (in legend order), so the legend has one entry per kind."""
    for kind, color, count in style.legend(graph, color_by):
        nodes = sorted((n for n, d in graph.nodes(data=True) if style.kind_of(d) == kind), key=str)
        axes.scatter([positions[n][0] for n in nodes], [positions[n][1] for n in nodes],
                     s=[_POINT_AREA * style.relative_size(graph, n) ** 2 for n in nodes],
                     c=color, edgecolors="white", linewidths=0.6, zorder=2,
                     label=f"{kind.replace('_', ' ')} ({count})")
    if graph.number_of_nodes() and color_by == style.BY_KIND:
        legend = axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                             fontsize=9, markerscale=1.0, title="kind (nodes)")
        for handle in legend.legend_handles:
            handle.set_sizes([60.0])  # one marker size in the legend, whatever the node sizes


def _draw_labels(axes: Axes, graph: nx.MultiDiGraph, positions: dict[Hashable, Position],
                 scale: float) -> None:
    """Labels in rank order, each above, below, right or left of its node, wherever it overlaps
    no label already placed; a node whose label fits nowhere goes unlabelled, except a state."""
    renderer = axes.figure.canvas.get_renderer()
    placed: list[Bbox] = []
    for rank, node in enumerate(style.labelled_nodes(graph)):
        must = graph.nodes[node].get("kind") == model.STATE
        text = str(graph.nodes[node].get("label", node))
        gap = 3.0 + 2.0 * style.relative_size(graph, node)   # points from the node's centre
        size = (8.5 if rank < 10 else 7.0) * scale
        for index, (dx, dy, ha, va) in enumerate(_PLACES):
            label = _annotate(axes, text, positions[node], (dx * gap, dy * gap), ha, va, size)
            extent = label.get_window_extent(renderer)
            if not any(extent.overlaps(other) for other in placed):
                placed.append(extent)
                break
            if must and index == len(_PLACES) - 1:
                placed.append(extent)  # a state keeps its label even where it overlaps
                break
            label.remove()


# Where a label may go relative to its node: (x, y offset direction, alignment), first choice first.
_PLACES = ((0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
           (-1, 0, "right", "center"))


def _annotate(axes: Axes, text: str, xy: Position, offset: tuple[float, float], ha: str,
              va: str, size: float) -> Annotation:
    # A translucent white box keeps a label readable where it crosses edges. (A stroke path
    # effect looks nicer but turns SVG text into paths no one can search or copy.) Labels sit
    # under the nodes (zorder 1.5) so a box never hides a node.
    box = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.7}
    return axes.annotate(text, xy, xytext=offset, textcoords="offset points", ha=ha, va=va,
                         fontsize=size, color="#1a1a1a", bbox=box, zorder=1.5)
