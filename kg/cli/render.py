"""`kg render`: RDF exports → a picture (PNG, SVG) or an interactive HTML page."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import GraphArgument, app, stderr, user_errors


class Layout(str, Enum):
    spring = "spring"
    geo = "geo"


class ColorBy(str, Enum):
    kind = "kind"
    event_type = "event-type"


@app.command()
def render(
    graph: GraphArgument,
    output: Annotated[list[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Picture to write; the extension picks the format: .png .svg (a picture) or .html "
             "(an interactive page that works offline). Repeat for several.",
        show_default=False)],
    layout: Annotated[Layout, typer.Option(
        "--layout", help="spring: force-directed, one block per connected group; geo: places "
                         "and states (by their capital) on their longitude/latitude, the rest "
                         "around them.")] = Layout.spring,
    color_by: Annotated[ColorBy, typer.Option(
        "--color-by", help="kind: nodes by kind; event-type: each event (actor → target) in "
                           "its PLOVER type's colour, nodes grey, with a legend of the "
                           "types.")] = ColorBy.kind,
) -> None:
    """Draw a graph: entities coloured by kind, labels on the most connected ones and every state.

    Events with an actor and a target are edges from the one to the other; --color-by
    event-type colours them by PLOVER type.

    The same export always gives the same picture. The HTML page pans, zooms, shows each node's
    and edge's details on hover and filters by kind; it needs no network.

    Examples:

      kg render exports/graph.ttl -o docs/graph.png

      kg render exports/graph.ttl -o graph.svg -o graph.html

      kg render exports/graph.ttl -o map.png --layout geo

      kg render exports/graph.ttl -o events.svg --color-by event-type
    """
    from kg.render import render as run_render

    with user_errors():
        result = run_render([str(g) for g in graph], output, layout=layout.value,
                            color_by=color_by.value)
    stderr.print(f"rendered {result.nodes} entities, {result.edges} relations → "
                 + ", ".join(str(p) for p in result.outputs), markup=False)
