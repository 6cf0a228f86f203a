"""`kg serve`: a read-only SPARQL endpoint over a store made by `kg load` (kg/serve.py runs the
Oxigraph server); `kg query NAME --endpoint URL` (kg/cli/graph.py) queries it."""
from __future__ import annotations

import math
import signal
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import app, fail, stderr, user_errors
from kg.cli.graph import DEFAULT_TIMEOUT
from kg.serve import DEFAULT_HOST, DEFAULT_PORT


@app.command()
def serve(
    store: Annotated[Path, typer.Argument(
        metavar="STORE", help="An Oxigraph store made by kg load (its folder).",
        show_default=False)],
    host: Annotated[str, typer.Option(
        "--host", metavar="HOST", help="The address to listen on. The default answers this machine only; "
        "0.0.0.0 opens the endpoint to your network.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="The TCP port.")] = DEFAULT_PORT,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0,
        help="Oxigraph's time limit for a query, in whole seconds (rounded up); 0: no limit. "
             "Oxigraph checks it while it works out a query's first answer, not while it sorts "
             "nor once rows stream: a big ORDER BY, or a long stream of rows, runs past it.")
    ] = DEFAULT_TIMEOUT,
    cors: Annotated[bool, typer.Option(
        "--cors", help="Let web pages from other sites query the endpoint (for YASGUI at "
        "yasgui.triply.cc); any page you visit can then read the graph.")] = False,
) -> None:
    """Serve a store as a read-only SPARQL 1.1 endpoint, until Ctrl-C.

    Runs the Oxigraph server over the store: GET or POST queries at http://HOST:PORT/query,
    with results as SPARQL JSON, XML, CSV or TSV by the Accept header; updates are refused.
    A query page (YASGUI) is at http://HOST:PORT/. Run kg's named queries against it with
    kg query NAME --endpoint URL.

    Examples:

      kg load exports/graph.ttl --store graph.db

      kg serve graph.db

      kg query agreements --endpoint http://127.0.0.1:7878/query
    """
    from kg.serve import start_server

    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the server as Ctrl-C does
    with user_errors():
        server = start_server(store, host=host, port=port, timeout=timeout, cors=cors)
    # Oxigraph's limit, in whole seconds; --help says what it does not cover.
    limit = f"Oxigraph's query time limit: {math.ceil(timeout)} s" if timeout else "no time limit"
    stderr.print(f"kg serve: SPARQL endpoint at {server.url} (read-only, {limit})\n"
                 f"  a named query:  kg query agreements --endpoint {server.url}\n"
                 f"  in a browser:   {server.base_url}\n"
                 f"Press Ctrl-C to stop.", markup=False)
    try:
        status = server.wait()
    except KeyboardInterrupt:
        server.stop()
        stderr.print("kg serve: stopped", markup=False)
        return
    detail = "; ".join(server.messages[-3:]) or f"exit status {status}"
    fail(f"the Oxigraph server stopped ({detail})")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
