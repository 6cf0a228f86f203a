"""Commands over RDF exports: `kg query`, `kg stats`, `kg validate` (query and stats also over an
Oxigraph store made by `kg load`, kg/cli/store.py)."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import (FormatOption, GraphArgument, app, default_format, fail, stderr,
                           user_errors)
from kg.cli.store import StoreOption

DEFAULT_TIMEOUT = 300.0


@app.command()
def query(
    graph: Annotated[Optional[list[str]], typer.Argument(
        metavar="GRAPH... QUERY",
        help="RDF exports of kg, then the query (the last argument): a named query "
             "(see --list) or SPARQL text. With --store or --endpoint, only the query.",
        show_default=False)] = None,
    fmt: FormatOption = None,
    store: StoreOption = None,
    list_queries: Annotated[bool, typer.Option(
        "--list", help="List the named queries with one line each, and exit.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0,
        help="Stop with an error when the query (with reading the graph files) has not finished "
             "after SECONDS; 0: no limit.")] = DEFAULT_TIMEOUT,
    endpoint: Annotated[Optional[str], typer.Option(
        "--endpoint", metavar="URL", help="A SPARQL endpoint (kg serve, or any other) to run "
        "the query at, instead of graph files.", show_default=False)] = None,
) -> None:
    """Run a named query or SPARQL over RDF exports; rows go to stdout.

    Examples:

      kg query exports/graph.ttl agreements

      kg query exports/graph.ttl 'SELECT ?s WHERE { ?s a ?t } LIMIT 5' --format json

      kg query --store graph.db officials

      kg query agreements --endpoint http://127.0.0.1:7878/query

      kg query --list
    """
    from kg.query import list_queries as named_queries, query_warnings, run_query
    from kg.query_output import format_result

    with user_errors():
        if list_queries:
            for name, description in named_queries():
                typer.echo(f"{name:<16} {description}")
            return
        args = [str(g) for g in graph or []]
        limit = timeout or math.inf  # even with no limit the query runs apart, for Ctrl-C
        for warning in query_warnings(args[-1]) if args else []:
            stderr.print(f"kg: warning: {warning}", markup=False)
        if endpoint is not None:
            if len(args) != 1 or store is not None:
                fail("with --endpoint, give only the query: kg query NAME|SPARQL --endpoint URL",
                     2)
            from kg.endpoint import query_endpoint

            result = query_endpoint(endpoint, args[0], timeout=limit)
        elif store is not None:
            if len(args) != 1:
                fail("with --store, give only the query: kg query --store DIR NAME|SPARQL", 2)
            from kg.store import query_store

            result = query_store(store, args[0], timeout=limit)
        else:
            if len(args) < 2:
                fail("give one or more graph files and a query: kg query GRAPH... NAME|SPARQL "
                     "(kg query --list shows the names)", 2)
            result = run_query(args[:-1], args[-1], timeout=limit)
        typer.echo(format_result(result, default_format(fmt)), nl=False)


@app.command()
def stats(
    graph: Annotated[Optional[list[Path]], typer.Argument(
        metavar="GRAPH...",
        help="RDF exports of kg (.ttl .nt .nq .trig .jsonld .rdf); several are read as one "
             "graph. None with --store.", show_default=False)] = None,
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """Count what a graph holds, by class and by relation.

    Examples:

      kg stats exports/graph.ttl

      kg stats --store graph.db
    """
    from kg.query_output import format_result
    from kg.stats import graph_stats, stats_result, store_stats

    if (store is None) == (not graph):
        fail("give graph files or --store DIR (one of the two): kg stats GRAPH... or "
             "kg stats --store DIR", 2)
    with user_errors():
        counts = store_stats(store) if store is not None else graph_stats([str(g) for g in graph])
        typer.echo(format_result(stats_result(counts), default_format(fmt)), nl=False)


@app.command()
def validate(graph: GraphArgument) -> None:
    """Check exports against kg's SHACL shapes (ontology/shapes.ttl).

    Exit code 0 when the graph conforms, 1 with the violations on stdout when it does not.

    Example: kg validate exports/graph.ttl
    """
    from kg.validate import validate_graph

    with user_errors():
        report = validate_graph([str(g) for g in graph])
    if report.conforms:
        stderr.print(f"conforms: {', '.join(str(g) for g in graph)}", markup=False)
        return
    for v in report.violations:
        typer.echo(f"{v.severity}: {v.focus} {v.path or ''}: {v.message}")
    stderr.print(f"{len(report.violations)} violation(s)", markup=False)
    raise typer.Exit(1)
