"""Pictures of kg's graphs: `render` reads RDF exports and writes PNG, SVG or an interactive HTML
page, the format picked by each output's extension.

    graph_from_rdf.py   RDF exports → networkx graph (through kg.query; no rdflib here)
    layout.py           deterministic positions: force-directed per component, or geographic
    style.py            colours, sizes, labels, legend and tooltip text shared by the renderers
    static.py           PNG and SVG with matplotlib (Agg, no display)
    html.py             one offline HTML page with vis-network inlined from the pyvis package
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from kg.errors import InputError, OutputError
from kg.export.files import all_or_nothing, check_writable, remove_leftovers

FORMATS = (".png", ".svg", ".html")
LAYOUTS = ("spring", "geo")
BY_KIND, BY_EVENT_TYPE = "kind", "event-type"    # what colours a picture (kg/render/style.py)
COLOR_BY = (BY_KIND, BY_EVENT_TYPE)


@dataclass
class RenderResult:
    nodes: int
    edges: int
    outputs: list[Path] = field(default_factory=list)


def check_outputs(outputs: Sequence[str | Path]) -> list[Path]:
    """Every output has a picture extension and an existing folder it can write in; checked
    before the graph is read, so a typo costs nothing."""
    if not outputs:
        raise OutputError(f"no output given: pass -o FILE ending in one of {', '.join(FORMATS)}")
    paths = [Path(o) for o in outputs]
    for path in paths:
        if path.suffix.lower() not in FORMATS:
            raise OutputError(f"cannot write {path}: unknown format {path.suffix or '(none)'!r}; "
                              f"supported: {', '.join(FORMATS)}")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise OutputError(f"cannot write {path}: folder {folder} does not exist")
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder")
        check_writable(path)
        remove_leftovers(path)   # what a killed render left beside it
    return paths


def render(graphs: Sequence[str | Path], outputs: Sequence[str | Path], *,
           layout: str = "spring", color_by: str = BY_KIND) -> RenderResult:
    """Draw the entities, relations and events of kg's RDF exports `graphs` (read as one graph)
    to each of `outputs`: .png, .svg or .html. `layout` is "spring" (force-directed, fixed seed)
    or "geo" (places on their coordinates). `color_by` is "kind" (nodes by kind) or
    "event-type" (event edges by PLOVER type, nodes grey). The same input always gives the same
    files."""
    from kg.render.graph_from_rdf import graph_from_rdf
    from kg.render.html import write_page
    from kg.render.layout import geo_positions, spring_positions
    from kg.render.static import write_picture

    if layout not in LAYOUTS:
        raise OutputError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    if color_by not in COLOR_BY:
        raise OutputError(f"unknown colouring {color_by!r}; use one of {', '.join(COLOR_BY)}")
    paths = check_outputs(outputs)
    graph = graph_from_rdf(graphs)
    if graph.number_of_nodes() == 0:
        names = ", ".join(str(g) for g in graphs)
        raise InputError(f"{names}: no entities to draw (nothing has a kg:kind); render an RDF "
                         "export written by kg build")
    positions = geo_positions(graph) if layout == "geo" else spring_positions(graph)
    title = f"kg: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations"
    result = RenderResult(graph.number_of_nodes(), graph.number_of_edges())
    with all_or_nothing():
        for path in paths:
            if path.suffix.lower() == ".html":
                write_page(graph, positions, path, title, color_by)
            else:
                write_picture(graph, positions, path, title, color_by)
    result.outputs.extend(paths)
    return result
