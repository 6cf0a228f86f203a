"""SPARQL over kg exports: load RDF files, run a named query or SPARQL text (kg/query_output.py
prints the results).

Named queries are the `.rq` files in `ontology/queries/` (one file each; its `# title:` comment is
the description `kg query --list` prints). Queries only read: a SPARQL update is refused, and so
are SERVICE and FROM, which would make rdflib fetch graphs from the web instead of reading the
files it was given.

Two backends return the same `QueryResult`: rdflib over files (here: `load_graph`, `_execute`),
fine for the graphs one build makes, and an on-disk Oxigraph store for large graphs
(kg/store.py). Both accept exactly the queries `checked_sparql` accepts, and both print literals
through `kg.query_output.literal_text`, so the same query gives the same rows on either
(tests/test_store.py).

The named queries are written to give the same rows in other stores too (Virtuoso 7 is tested,
tests/test_virtuoso.py): comments hold no `;` or quote (isql reads them as SQL), aggregates are
taken in a subquery and combined outside it (Virtuoso cannot compile COALESCE over MINs, nor
order by an expression over one), and IRIs are ordered by STR() (Virtuoso orders the IRIs an
aggregate gives by the order it first saw them in).
"""
from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any, Sequence

import rdflib
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.sparql import Query

from kg.errors import QueryError, one_line
from kg.ontology_files import queries_dir
from kg.query_forgiving import pasteable, undefined_terms, with_prefixes
from kg.query_output import QueryResult, ask_result, term_text, triples_result
from kg.rdf_guard import check_contents
from kg.vocab import prefixes

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


def check_rdf_file(path: Path, formats, *, keep_json: bool = False) -> object | None:
    """A readable file with one of the `formats` extensions, whose parsing reads nothing else
    and expands nothing (kg/rdf_guard.py), or a one-line QueryError. With `keep_json`, a JSON-LD
    file's JSON as the check read it (rdf_guard.check_contents)."""
    if path.suffix.lower() not in formats:
        known = ", ".join(formats)
        raise QueryError(f"{path}: unknown RDF format {path.suffix or '(no extension)'!r}; "
                         f"use a file ending in one of {known}")
    if not path.exists():
        raise QueryError(f"{path}: no such file")
    if not path.is_file():
        raise QueryError(f"{path}: not a file")
    return check_contents(path, keep_json=keep_json)


def _parse_into(dataset: rdflib.Dataset, path: Path) -> None:
    checked_json = check_rdf_file(path, RDF_FORMATS, keep_json=True)
    parser, format_name = RDF_FORMATS[path.suffix.lower()]
    try:
        if isinstance(checked_json, dict):   # rdflib takes JSON-LD's JSON as an object only
            dataset.parse(data=checked_json, format=parser, publicID=path.absolute().as_uri())
            return
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
    detail = one_line(message or text, limit=100) or type(exc).__name__
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

    return run_with_time_limit(partial(_read_and_run, list(paths), _Checked(sparql, prepared)),
                               timeout, "reading the graphs and running the query")


class _Checked:
    """A prepared query on its way to the child process. A forked child inherits it as it is; a
    spawned one receives it pickled, and rdflib's algebra does not unpickle, so only the text
    travels and the child prepares it again."""

    def __init__(self, sparql: str, prepared: Query) -> None:
        self.sparql, self.prepared = sparql, prepared

    def __getstate__(self) -> str:
        return self.sparql

    def __setstate__(self, sparql: str) -> None:
        self.sparql, self.prepared = sparql, _prepare(sparql)


def _read_and_run(paths: list[str | Path], query: _Checked) -> QueryResult:
    return _execute(load_graph(paths), query.prepared)


def query_graph(graph: rdflib.Graph, query: str) -> QueryResult:
    """Run a named query or SPARQL text over an already loaded graph (see `load_graph`)."""
    return _execute(graph, _prepare(_resolve(query)))


def _prepare(sparql: str) -> Query:
    """`sparql` parsed once and translated to rdflib's algebra (what rdflib's prepareQuery does),
    or QueryError when it is not a query kg runs."""
    try:
        parsed = parseQuery(sparql)
        # SELECT * has no projection in the parse tree (translateQuery rewrites the tree).
        projects_star = parsed[1].name == "SelectQuery" and not parsed[1].projection
        namespaces = prefixes()
        prepared = translateQuery(parsed, None, namespaces)
        prepared._original_args = (sparql, namespaces, None)   # as prepareQuery leaves it
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
    if projects_star:
        # rdflib lists SELECT *'s variables from a set, in an order that changes from run to
        # run; sorted, as Oxigraph lists them, the columns repeat and match the store's.
        prepared.algebra["PV"] = sorted(prepared.algebra["PV"], key=str)
    return prepared


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
            return ask_result(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return triples_result(result.graph)
        columns = [str(v) for v in result.vars or []]
        rows = [[term_text(value) for value in row] for row in result]
    except QueryError:
        raise
    except Exception as exc:  # rdflib evaluation errors carry no common type
        raise QueryError(f"the query failed: {type(exc).__name__}: {exc}") from exc
    return QueryResult(columns, rows)
