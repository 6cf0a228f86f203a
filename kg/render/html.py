"""One self-contained, interactive HTML page of a kg graph: pan, zoom, tooltips, filter by kind.

The page works offline and makes no network request: vis-network's JavaScript and CSS are read at
run time from the installed `pyvis` package (which ships vis-network 9.1.2) and inlined into our
own template, `page.html`. pyvis's page template is not used, because it links Bootstrap and
other files from a CDN. Nothing third-party is kept in kg's repository.

Node positions come from kg's own layout (the one the PNG/SVG use) and physics is off, so the page
shows the same picture every time and the same graph gives the same bytes.

The graph data travels as JSON in a `<script type="application/json">` element, with every "<"
written as \\u003c so no name from the news can close the element or open a comment.
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Hashable

import networkx as nx

from kg.errors import OutputError
from kg.export.files import atomic_open
from kg.render import style
from kg.render.layout import Position

VIS_PACKAGE = "pyvis"
VIS_FOLDER = ("templates", "lib", "vis-9.1.2")
_PIXELS_PER_UNIT = 100.0  # layout units → screen pixels at zoom 1
_NODE_RADIUS = 6.0        # pixels for a node of relative size 1
_MARKER = re.compile(r"@@([A-Z_]+)@@")
# The minified file ends with a source map comment; a browser's developer tools would try to
# load the .map file beside the page, which is a request the page must not make.
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)


def write_page(graph: nx.MultiDiGraph, positions: dict[Hashable, Position], path: str | Path,
               title: str, color_by: str = style.BY_KIND) -> None:
    """Write the interactive page of `graph` laid out at `positions` to `path`, atomically."""
    text = page_html(graph, positions, title, color_by)
    with atomic_open(path, "w") as handle:
        handle.write(text)


def page_html(graph: nx.MultiDiGraph, positions: dict[Hashable, Position], title: str,
              color_by: str = style.BY_KIND) -> str:
    script, css = vis_network()
    values = {"TITLE": html.escape(title),
              "DATA": script_json(page_data(graph, positions, color_by)),
              "VIS_JS": script, "VIS_CSS": css}
    # One pass over our template only: a marker-like text inside the inlined files or the data
    # is never replaced.
    return _MARKER.sub(lambda m: values[m.group(1)], _template())


def vis_network() -> tuple[str, str]:
    """vis-network's minified JavaScript and its CSS, from the installed pyvis."""
    try:
        folder = resources.files(VIS_PACKAGE).joinpath(*VIS_FOLDER)
        script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as exc:
        raise OutputError("cannot write an HTML page: vis-network was not found in the installed "
                          f"pyvis package ({exc}); reinstall kg with pip, which installs "
                          "pyvis>=0.3") from exc
    script = _SOURCE_MAP.sub("", script)
    for text, closing in ((script, "</script"), (css, "</style")):
        if closing in text.lower():  # would end our element early; pyvis 0.3.2's files do not
            raise OutputError(f"cannot write an HTML page: the installed vis-network contains "
                              f"{closing!r} and cannot be inlined safely")
    return script, css


def script_json(value: object) -> str:
    """JSON that can sit inside a <script> element whatever its strings hold."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "<" covers "</script" and "<!--"; U+2028/U+2029 are line ends to older JavaScript.
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page_data(graph: nx.MultiDiGraph, positions: dict[Hashable, Position],
              color_by: str = style.BY_KIND) -> dict:
    """Nodes, edges and the legends as plain JSON values, in a stable order. Coloured by event
    type, an event edge has its type's `color` and `events` lists the types."""
    nodes = []
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        x, y = positions[node]
        nodes.append({"id": str(node), "label": _name(graph, node),
                      "kind": style.kind_of(data), "color": style.color_of(data, color_by),
                      "size": round(_NODE_RADIUS * style.relative_size(graph, node), 2),
                      # Screen y grows downwards; the layout's grows upwards.
                      "x": round(x * _PIXELS_PER_UNIT, 2), "y": round(-y * _PIXELS_PER_UNIT, 2),
                      "details": style.node_details(data)})
    edges = []
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        weight = data.get("weight", 0)
        color = style.edge_color(data, color_by)
        edges.append({"id": str(key), "from": str(u), "to": str(v),
                      "label": f"{_name(graph, u)} → {_name(graph, v)}",
                      "width": round(0.8 + 0.4 * min(weight, 5), 2) if isinstance(weight, int)
                      else 0.8,
                      "background": bool(data.get("background")),
                      "details": style.edge_details(data)})
        if color:
            edges[-1]["color"] = color
    kinds = [{"kind": k, "color": c, "count": n} for k, c, n in style.legend(graph, color_by)]
    events = [{"type": t, "color": c, "count": n} for t, c, n in style.event_legend(graph)
              ] if color_by == style.BY_EVENT_TYPE else []
    return {"nodes": nodes, "edges": edges, "kinds": kinds, "events": events}


def _name(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return str(graph.nodes[node].get("label", node))


def _template() -> str:
    return resources.files("kg.render").joinpath("page.html").read_text(encoding="utf-8")
