"""SPARQL over kg exports: load RDF files, run a named query or SPARQL text, format the result.

Named queries are the `.rq` files in `ontology/queries/` (one file each; its `# title:` comment is
the description `kg query --list` prints). Queries only read: a SPARQL update is refused, and so
are SERVICE and FROM, which would make rdflib fetch graphs from the web instead of reading the
files it was given.

Two backends return the same `QueryResult`: rdflib over files (here: `load_graph`, `_execute`),
fine for the graphs one build makes, and an on-disk Oxigraph store for large graphs
(kg/store.py). Both accept exactly the queries `checked_sparql` accepts, and both print literals
through `literal_text`, so the same query gives the same rows on either (tests/test_store.py).

The named queries are written to give the same rows in other stores too (Virtuoso 7 is tested,
tests/test_virtuoso.py): comments hold no `;` or quote (isql reads them as SQL), aggregates are
taken in a subquery and combined outside it (Virtuoso cannot compile COALESCE over MINs, nor
order by an expression over one), and IRIs are ordered by STR() (Virtuoso orders the IRIs an
aggregate gives by the order it first saw them in).
"""
from __future__ import annotations

import csv
import io
import json
import re
import struct
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import Any, Sequence

import rdflib
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import traverse
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query

from kg.errors import QueryError
from kg.ontology_files import queries_dir
from kg.query_forgiving import pasteable, undefined_terms, with_prefixes
from kg.rdf_guard import check_contents
from kg.vocab import prefixes

FORMATS = ("table", "csv", "tsv", "json")

# File extension -> (rdflib parser, the format's name for messages).
RDF_FORMATS: dict[str, tuple[str, str]] = {
    ".ttl": ("turtle", "Turtle"),
    ".nt": ("nt", "N-Triples"),
    ".nq": ("nquads", "N-Quads"),
    ".trig": ("trig", "TriG"),
    ".jsonld": ("json-ld", "JSON-LD"),
    ".rdf": ("xml", "RDF/XML"),
    ".owl": ("xml", "RDF/XML"),
}

_UPDATE_KEYWORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_NAME = re.compile(r"[\w.-]+")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_TABLE_CELL_WIDTH = 60  # a terminal table truncates longer cells; csv/tsv/json never do


@dataclass
class QueryResult:
    """Columns and rows of strings: IRIs as plain IRIs, literals as lexical forms, "" unbound."""

    columns: list[str]
    rows: list[list[str]]


# --- named queries -------------------------------------------------------------------------

def list_queries() -> list[tuple[str, str]]:
    """(name, one-line description) of every named query, sorted by name."""
    found = []
    for entry in queries_dir().iterdir():
        if entry.name.endswith(".rq"):
            found.append((entry.name[:-3], _title(entry.read_text(encoding="utf-8"))))
    return sorted(found)


def query_text(name: str) -> str:
    """The SPARQL text of the named query `name`; QueryError listing the names if unknown."""
    for entry in queries_dir().iterdir():
        if entry.name == f"{name}.rq":
            return entry.read_text(encoding="utf-8")
    names = ", ".join(n for n, _ in list_queries())
    raise QueryError(f"no named query {name!r}; the named queries are: {names} "
                     "(or pass SPARQL text)")


def _title(text: str) -> str:
    """The `# title:` comment, joined with any deeper-indented comment lines that continue it."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"#\s*title:\s*(.*)", line.strip(), re.IGNORECASE)
        if match:
            parts = [match.group(1).strip()]
            for more in lines[i + 1:]:
                if not re.match(r"#\s{2,}\S", more):
                    break
                parts.append(more.lstrip("#").strip())
            return " ".join(parts)
    return ""


def _resolve(query: str) -> str:
    """A named query's SPARQL, or `query` itself when it is SPARQL text."""
    text = query.strip()
    if not text:
        raise QueryError("empty query: give a named query (kg query --list) or SPARQL text")
    if _NAME.fullmatch(text):  # a bare word cannot be SPARQL, so it must be a name
        return query_text(text)
    return pasteable(query)


def checked_sparql(query: str) -> str:
    """The SPARQL text of a named query or of SPARQL text, once it has passed the checks every
    backend applies (valid SPARQL 1.1, no update, no FROM, no SERVICE); QueryError otherwise.
    Short IRIs kg prints are written in full where SPARQL cannot read them, and the prefixes kg
    prints are declared (kg/query_forgiving.py), so any store runs the text as kg does."""
    sparql = _resolve(query)
    _prepare(sparql)
    return with_prefixes(sparql)


def query_warnings(query: str) -> list[str]:
    """What a query probably gets wrong, one line each: terms of kg's namespace that the
    ontology does not define, with the nearest it does. Empty for a named query."""
    return undefined_terms(_resolve(query))


# --- loading -------------------------------------------------------------------------------

def load_graph(paths: Sequence[str | Path]) -> rdflib.Dataset:
    """Read RDF files (format by extension) into one dataset whose default graph is the union
    of all the files' graphs, named graphs of .trig/.nq included."""
    if not paths:
        raise QueryError("no graph files given: pass one or more exports (.ttl, .nt, .nq, "
                         ".trig, .jsonld, .rdf)")
    dataset = rdflib.Dataset(default_union=True)
    for path in paths:
        _parse_into(dataset, Path(path))
    return dataset


def check_rdf_file(path: Path, formats) -> None:
    """A readable file with one of the `formats` extensions, whose parsing reads nothing else
    and expands nothing (kg/rdf_guard.py), or a one-line QueryError."""
    if path.suffix.lower() not in formats:
        known = ", ".join(formats)
        raise QueryError(f"{path}: unknown RDF format {path.suffix or '(no extension)'!r}; "
                         f"use a file ending in one of {known}")
    if not path.exists():
        raise QueryError(f"{path}: no such file")
    if not path.is_file():
        raise QueryError(f"{path}: not a file")
    check_contents(path)


def _parse_into(dataset: rdflib.Dataset, path: Path) -> None:
    check_rdf_file(path, RDF_FORMATS)
    parser, format_name = RDF_FORMATS[path.suffix.lower()]
    try:
        # An open file, not a name: rdflib takes a name it cannot find for a URL to fetch.
        with path.open("rb") as handle:
            dataset.parse(file=handle, format=parser, publicID=path.absolute().as_uri())
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:  # parsers raise anything from SyntaxError to KeyError on bad input
        raise QueryError(f"{path}: not valid {format_name} ({_syntax_detail(exc)})") from exc


def _syntax_detail(exc: Exception) -> str:
    """Where and why a parser failed, in one short line."""
    text = str(exc)
    # Turtle/TriG (rdflib's notation3 parser) put the line and reason in the message text.
    match = re.search(r"at line (\d+) of .*?Bad syntax \((.+?)\) at \^", text, re.DOTALL)
    if match:
        return f"line {match.group(1)}: {match.group(2)}"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text: byte {exc.object[exc.start]:#04x} at offset {exc.start}"
    line = getattr(exc, "lineno", None)  # json.JSONDecodeError
    if hasattr(exc, "getLineNumber"):  # xml.sax.SAXParseException (RDF/XML)
        line, text = exc.getLineNumber(), exc.getMessage()
    message = getattr(exc, "msg", None) if line is not None else None
    detail = (message or text or type(exc).__name__).strip().splitlines()[0]
    detail = detail if len(detail) <= 100 else detail[:99] + "…"
    return f"line {line}: {detail}" if line is not None else detail


# --- running -------------------------------------------------------------------------------

def run_query(paths: Sequence[str | Path], query: str, *, timeout: float | None = None
              ) -> QueryResult:
    """Run a named query (by name) or SPARQL text over the union of the RDF files `paths`.

    With `timeout` (seconds; math.inf for none), reading the files and running the query happen
    in a child process that is stopped at the deadline or on Ctrl-C (kg/time_limit.py)."""
    # Prepare first: a misspelt name or bad SPARQL should fail before a big file is parsed.
    sparql = _resolve(query)
    prepared = _prepare(sparql)
    if timeout is None:
        return _execute(load_graph(paths), prepared)
    from kg.time_limit import run_with_time_limit

    return run_with_time_limit(partial(_read_and_run, list(paths), sparql), timeout,
                               "reading the graphs and running the query")


def _read_and_run(paths: list[str | Path], sparql: str) -> QueryResult:
    return _execute(load_graph(paths), _prepare(sparql))  # a prepared query does not pickle


def query_graph(graph: rdflib.Graph, query: str) -> QueryResult:
    """Run a named query or SPARQL text over an already loaded graph (see `load_graph`)."""
    return _execute(graph, _prepare(_resolve(query)))


def _prepare(sparql: str) -> Query:
    try:
        prepared = prepareQuery(sparql, initNs=prefixes())
    except Exception as exc:  # pyparsing errors, unknown prefixes, bad algebra: all bad SPARQL
        if _is_update(sparql):
            raise QueryError("this is a SPARQL update; queries never change an export "
                             "(use SELECT, ASK, CONSTRUCT or DESCRIBE)") from exc
        raise QueryError(f"not valid SPARQL: {_sparql_detail(exc)}") from exc
    if prepared.algebra.get("datasetClause"):
        raise QueryError("FROM / FROM NAMED are not supported: a query runs over the files "
                         "given, which form its default graph")
    if _uses_service(prepared.algebra):
        raise QueryError("SERVICE is not supported: a query runs over the files given only")
    if prepared.algebra.name == "SelectQuery" and _projects_star(sparql):
        # rdflib lists SELECT *'s variables from a set, in an order that changes from run to
        # run; sorted, as Oxigraph lists them, the columns repeat and match the store's.
        prepared.algebra["PV"] = sorted(prepared.algebra["PV"], key=str)
    return prepared


def _projects_star(sparql: str) -> bool:
    from rdflib.plugins.sparql.parser import parseQuery

    return not parseQuery(sparql)[1].projection


def _is_update(sparql: str) -> bool:
    if _UPDATE_KEYWORDS.match(sparql):
        return True
    try:
        parseUpdate(sparql)
    except Exception:  # not an update either: the caller reports the query's syntax error
        return False
    return True


def _sparql_detail(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    # pyparsing appends the position to its message; we give it as line and column instead.
    message = re.sub(r"\s*\(at char \d+\).*$", "", message)
    return f"line {line}, column {col}: {message}" if line is not None else message


def _uses_service(algebra: Any) -> bool:
    found: list[bool] = []

    def visit(node: Any) -> None:
        if getattr(node, "name", None) == "ServiceGraphPattern":
            found.append(True)

    traverse(algebra, visitPre=visit)
    return bool(found)


def _execute(graph: rdflib.Graph, prepared: Query) -> QueryResult:
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return QueryResult(["ask"], [["true" if result.askAnswer else "false"]])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted([_text(t) for t in triple] for triple in result.graph)
            return QueryResult(["s", "p", "o"], triples)
        columns = [str(v) for v in result.vars or []]
        rows = [[_text(value) for value in row] for row in result]
    except QueryError:
        raise
    except Exception as exc:  # rdflib evaluation errors carry no common type
        raise QueryError(f"the query failed: {type(exc).__name__}: {exc}") from exc
    return QueryResult(columns, rows)


def _text(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, rdflib.Literal):
        return literal_text(str(term), None if term.datatype is None else str(term.datatype))
    return str(term)  # an IRI as itself


def literal_text(lexical: str, datatype: str | None) -> str:
    """A literal as a result cell: its lexical form, without quotes, tag or datatype; numbers and
    booleans in canonical form ("1.0"^^xsd:decimal is "1", "1E3"^^xsd:double is "1000",
    "1"^^xsd:boolean is "true"). Oxigraph keeps values, not lexical forms, and prints them so;
    printing rdflib's the same way gives the same rows from files and from a store. A lexical
    form that is not valid for its datatype is shown as written (Oxigraph keeps those too)."""
    try:
        if datatype in _INTEGER_TYPES and _INTEGER.fullmatch(lexical):
            return str(int(lexical))
        if datatype == _XSD + "decimal" and _DECIMAL.fullmatch(lexical):
            return _plain_number(Decimal(lexical) + 0)  # + 0: Decimal's "-0.0" is "0"
        if datatype in (_XSD + "double", _XSD + "float") and "_" not in lexical \
                and lexical == lexical.strip():
            return _floating_text(float(lexical), single=datatype == _XSD + "float")
        if datatype == _XSD + "boolean" and lexical in ("1", "0"):
            return "true" if lexical == "1" else "false"
    except (ValueError, ArithmeticError, InvalidOperation, OverflowError):
        pass
    return lexical


def _plain_number(value: Decimal) -> str:
    """Positional notation, no exponent, no trailing zeros after the point ("-0" kept)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _floating_text(value: float, single: bool) -> str:
    # Oxigraph prints floating-point values as Rust does: the shortest digits that read back as
    # the same number, in positional notation; INF, -INF, NaN.
    if single:
        value = struct.unpack("f", struct.pack("f", value))[0]  # xsd:float is 32-bit
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    if not single:
        return _plain_number(Decimal(repr(value)))
    for digits in range(1, 10):  # the shortest decimal that rounds to the same 32-bit value
        shortest = f"{value:.{digits}g}"
        if struct.unpack("f", struct.pack("f", float(shortest)))[0] == value:
            return _plain_number(Decimal(shortest))
    return _plain_number(Decimal(repr(value)))


def compact_iri(iri: str, known: dict[str, str] | None = None) -> str:
    """`kgd:state/AZE` for `https://w3id.org/diplograph/id/state/AZE`: the longest known
    namespace that prefixes `iri`; `iri` itself when none does. For reading, not for Turtle."""
    namespaces = prefixes() if known is None else known
    matches = [(len(ns), prefix, ns) for prefix, ns in namespaces.items()
               if iri.startswith(ns) and len(iri) > len(ns)]
    if not matches:
        return iri
    _, prefix, namespace = max(matches)
    return f"{prefix}:{iri[len(namespace):]}"


# --- formatting ----------------------------------------------------------------------------

def format_result(result: QueryResult, fmt: str) -> str:
    """The result as text: "csv" (RFC 4180, "\\n" line ends), "tsv" (tabs, newlines and
    backslashes escaped as \\t \\n \\\\), "json" (a list of objects, keys in column order) or
    "table" (aligned plain text for a terminal: IRIs shortened to prefixed names like
    kgd:state/AZE, long cells cut; use the other formats to read values exactly)."""
    if fmt == "csv":
        return _delimited(result)
    if fmt == "tsv":
        lines = ["\t".join(_tsv_escape(v) for v in row) for row in [result.columns, *result.rows]]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        records = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def _delimited(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.rows)
    return buffer.getvalue()


def _tsv_escape(value: str) -> str:
    # A TSV field cannot hold a tab or a newline; escape them (and the escape character itself)
    # the way most TSV readers expect, so one row stays one line.
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _table(result: QueryResult) -> str:
    cells = [[_table_cell(v) for v in row] for row in result.rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(v)) for w, v in zip(widths, row)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def _table_cell(value: str) -> str:
    flat = " ".join(compact_iri(value).split())  # a newline in a cell would break the rows
    return flat if len(flat) <= _TABLE_CELL_WIDTH else flat[:_TABLE_CELL_WIDTH - 1] + "…"
