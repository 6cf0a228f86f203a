"""`kg load`: RDF exports into an on-disk Oxigraph store, for graphs too large for rdflib.

`kg query --store` and `kg stats --store` (kg/cli/graph.py) read the store; the option is
defined here, once, next to the command that fills the store.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import app, stderr, user_errors

StoreOption = Annotated[Optional[Path], typer.Option(
    "--store", metavar="DIR", help="An Oxigraph store made by kg load, instead of graph files.",
    show_default=False)]


@app.command()
def load(
    graph: Annotated[list[Path], typer.Argument(
        metavar="GRAPH...", help="RDF exports of kg (.ttl .nt .nq .trig .jsonld .rdf) to add to "
        "the store. All are checked before any is loaded.", show_default=False)],
    store: Annotated[Path, typer.Option(
        "--store", metavar="DIR", help="The store's folder; created when missing.",
        show_default=False)],
) -> None:
    """Load RDF exports into an on-disk Oxigraph store, for large graphs.

    Loading more exports adds to the store; loading the same export again changes nothing.
    Named graphs are kept, and queries see the union of all graphs. Query the store with
    kg query --store DIR.

    Examples:

      kg build examples/ -o exports/graph.nt

      kg load exports/graph.nt --store graph.db

      kg query --store graph.db agreements
    """
    from kg.store import load_store

    with user_errors():
        result = load_store([str(g) for g in graph], store)
    read = sum(f.quads for f in result.files)
    skolemised = sum(f.skolemised for f in result.files)
    note = f", {skolemised} blank node(s) named" if skolemised else ""
    stderr.print(f"loaded {len(result.files)} file(s), {read} triples{note} → {result.store}",
                 markup=False)
