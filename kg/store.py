"""An on-disk Oxigraph store for graphs too large for rdflib: `kg load` fills one, and
`kg query --store` / `kg stats --store` read it.

Loading checks every file first (a complete parse), so a syntax error anywhere loads nothing;
then it bulk-loads. A store is a set of quads, so loading an export twice adds nothing. That holds
for files without blank nodes (kg's exports have none); a parser gives a file's blank nodes fresh
identifiers on every load, so here they are skolemised instead: `_:x` becomes
`{kg data base}.well-known/genid/{hash of the file's bytes}/{n}`, n counting blank nodes by first
appearance, and the same file always gives the same IRIs.

Queries see the union of all graphs, as `kg query` over files does. Oxigraph's own union default
graph counts a triple once per named graph that holds it (oxigraph/oxigraph#1919), which would
inflate COUNT and SUM for a TriG or N-Quads export, where a fact's triple sits in the graph of
each document that states it. So loading also copies every named-graph triple into the default
graph, and queries run over the default graph alone: the set union, each triple once. The named
graphs stay for `GRAPH ?g { … }`.

Oxigraph keeps literal values, not lexical forms ("1.0"^^xsd:decimal comes back as "1") and
stores integer-derived types such as xsd:nonNegativeInteger as xsd:integer. kg/query.py prints
numbers in canonical form on both backends, so rows are the same; only a query that tests
DATATYPE() of an offset sees the difference.

With kg/query.py (whose checks and formatting it shares) this is the one module that reads RDF.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Iterator, Sequence

import pyoxigraph as ox

from kg.errors import QueryError, one_line
from kg.query import QueryResult, check_rdf_file, checked_sparql
from kg.query_output import ask_result, term_text, triples_result
from kg.vocab import DATA_BASE, prefixes

STORE_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "Turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "N-Triples"),
    ".nq": (ox.RdfFormat.N_QUADS, "N-Quads"),
    ".trig": (ox.RdfFormat.TRIG, "TriG"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "JSON-LD"),
    ".rdf": (ox.RdfFormat.RDF_XML, "RDF/XML"),
    ".owl": (ox.RdfFormat.RDF_XML, "RDF/XML"),
}
_GENID = DATA_BASE + ".well-known/genid/"
_MARKER = "CURRENT"  # every RocksDB folder (what Oxigraph stores on disk) has this file


@dataclass
class LoadedFile:
    path: Path
    quads: int              # quads (triples) the file holds
    skolemised: int = 0     # distinct blank nodes that became genid IRIs


@dataclass
class LoadResult:
    store: Path
    files: list[LoadedFile] = field(default_factory=list)


@dataclass
class _Scan:
    quads: int = 0
    blank_nodes: bool = False
    named_graphs: bool = False


# --- loading -------------------------------------------------------------------------------

def load_store(paths: Sequence[str | Path], store_dir: str | Path) -> LoadResult:
    """Load RDF files (format by extension) into the Oxigraph store in `store_dir`, created when
    missing. Every file is parsed before anything is loaded; QueryError names the first bad one."""
    if not paths:
        raise QueryError("no graph files given: pass one or more exports (.ttl, .nt, .nq, "
                         ".trig, .jsonld, .rdf)")
    files = [_checked_file(Path(p)) for p in paths]
    scans = [_scan(path) for path in files]
    folder = Path(store_dir)
    store = _open_for_writing(folder)
    result = LoadResult(store=folder)
    try:
        for path, scan in zip(files, scans):
            result.files.append(_load_file(store, path, scan))
        store.flush()
    except OSError as exc:
        raise QueryError(f"{folder}: cannot write the store ({_one_line(exc)})") from exc
    except RuntimeError as exc:   # RocksDB reports a damaged store so
        raise QueryError(_damaged(folder, exc)) from exc
    return result


def _checked_file(path: Path) -> Path:
    check_rdf_file(path, STORE_FORMATS)
    return path


def _parse(path: Path) -> Iterator[ox.Quad]:
    rdf_format, format_name = STORE_FORMATS[path.suffix.lower()]
    try:
        yield from ox.parse(path=str(path), format=rdf_format)
    except SyntaxError as exc:
        where = f"line {exc.lineno}: " if exc.lineno else ""
        detail = str(exc.msg).removeprefix("Parser error at ").split(": ", 1)[-1]
        raise QueryError(f"{path}: not valid {format_name} ({where}{detail})") from exc
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _scan(path: Path) -> _Scan:
    """Parse the whole file once: it is valid, and how it must be loaded."""
    scan = _Scan()
    for quad in _parse(path):
        scan.quads += 1
        if not scan.blank_nodes and (isinstance(quad.subject, ox.BlankNode)
                                     or isinstance(quad.object, ox.BlankNode)
                                     or isinstance(quad.graph_name, ox.BlankNode)):
            scan.blank_nodes = True
        if not scan.named_graphs and not isinstance(quad.graph_name, ox.DefaultGraph):
            scan.named_graphs = True
    return scan


def _load_file(store: ox.Store, path: Path, scan: _Scan) -> LoadedFile:
    if not scan.blank_nodes and not scan.named_graphs:
        # The common case (.nt, .ttl): Oxigraph parses and writes without Python in the loop.
        # Named graphs or blank nodes need Python on every quad, which loads at about half the
        # speed (an INSERT … WHERE { GRAPH ?g … } per graph was slower still).
        rdf_format, _ = STORE_FORMATS[path.suffix.lower()]
        store.bulk_load(path=str(path), format=rdf_format)
        return LoadedFile(path, scan.quads)
    skolem = _Skolemiser(path) if scan.blank_nodes else None
    store.bulk_extend(_with_union_copies(_parse(path), skolem))
    return LoadedFile(path, scan.quads, skolem.count if skolem else 0)


def _with_union_copies(quads: Iterator[ox.Quad], skolem: _Skolemiser | None
                       ) -> Iterator[ox.Quad]:
    """Each quad (blank nodes skolemised), plus its triple in the default graph when it is in a
    named graph: the default graph becomes the union (see the module docstring)."""
    default = ox.DefaultGraph()
    for quad in quads:
        if skolem is not None:
            quad = skolem.quad(quad)
        yield quad
        if quad.graph_name != default:
            yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


class _Skolemiser:
    """Blank nodes to IRIs that depend only on the file's bytes and the node's first appearance,
    so loading the same file again yields the same IRIs and adds nothing."""

    def __init__(self, path: Path) -> None:
        sha = hashlib.sha1()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
        self.prefix = f"{_GENID}{sha.hexdigest()[:16]}/"
        self.names: dict[ox.BlankNode, ox.NamedNode] = {}

    @property
    def count(self) -> int:
        return len(self.names)

    def term(self, term):  # type: ignore[no-untyped-def]  # any pyoxigraph term
        if not isinstance(term, ox.BlankNode):
            return term
        if term not in self.names:
            self.names[term] = ox.NamedNode(f"{self.prefix}{len(self.names) + 1}")
        return self.names[term]

    def quad(self, quad: ox.Quad) -> ox.Quad:
        graph = quad.graph_name
        return ox.Quad(self.term(quad.subject), quad.predicate, self.term(quad.object),
                       graph if isinstance(graph, ox.DefaultGraph) else self.term(graph))


def _open_for_writing(folder: Path) -> ox.Store:
    if folder.exists() and not folder.is_dir():
        raise QueryError(f"{folder}: is a file; give a folder for the store")
    if folder.is_dir() and not (folder / _MARKER).is_file() and any(folder.iterdir()):
        # Oxigraph would scatter its files among the user's; refuse rather than guess.
        raise QueryError(f"{folder}: not a kg store and not empty; give a new or empty folder")
    try:
        return ox.Store(str(folder))
    except OSError as exc:
        raise QueryError(_open_error(folder, exc)) from exc
    except RuntimeError as exc:
        raise QueryError(_damaged(folder, exc)) from exc


def check_store(folder: Path) -> None:
    """QueryError unless `folder` holds a store that opens and answers a query (`kg serve`
    checks before it hands the folder to the Oxigraph server, whose own errors are raw)."""
    store = _open_for_reading(folder)
    try:
        store.query("ASK { ?s ?p ?o }")
    except (OSError, RuntimeError) as exc:
        raise QueryError(_damaged(folder, exc)) from exc


def _open_for_reading(folder: Path) -> ox.Store:
    if not (folder / _MARKER).is_file():
        raise QueryError(f"{folder}: no kg store there; create one with "
                         f"kg load GRAPH... --store {folder}")
    try:
        return ox.Store.read_only(str(folder))
    except OSError as exc:
        raise QueryError(_open_error(folder, exc)) from exc
    except RuntimeError as exc:
        raise QueryError(_damaged(folder, exc)) from exc


def _open_error(folder: Path, exc: OSError) -> str:
    if "lock" in str(exc).lower():
        return (f"{folder}: the store is being written by another process (kg load?); "
                "try again when it has finished")
    return f"{folder}: cannot open the store ({_one_line(exc)})"


def _damaged(folder: Path, exc: Exception) -> str:
    """RocksDB's corruption reports (a flipped or cut .sst file, a garbage CURRENT) reach Python
    as RuntimeError, at opening or in the middle of a query."""
    return (f"{folder}: the store is damaged ({_one_line(exc)}); delete the folder and load "
            f"the exports again with kg load")


def _one_line(exc: Exception) -> str:
    return one_line(str(exc)) or type(exc).__name__


# --- querying ------------------------------------------------------------------------------

def query_store(store_dir: str | Path, query: str, *, timeout: float | None = None
                ) -> QueryResult:
    """Run a named query (by name) or SPARQL text over the union of everything in the store.

    With `timeout` (seconds; math.inf for none), the query runs in a child process that is
    stopped at the deadline or on Ctrl-C (kg/time_limit.py): Oxigraph runs a query without
    giving Python a chance to act on a signal."""
    sparql = checked_sparql(query)  # the same checks as over files: no update, FROM, SERVICE
    if timeout is None:
        return _run_on_store(Path(store_dir), sparql)
    from kg.time_limit import run_with_time_limit

    return run_with_time_limit(partial(_run_on_store, Path(store_dir), sparql), timeout)


def _run_on_store(folder: Path, sparql: str) -> QueryResult:
    store = _open_for_reading(folder)
    try:
        result = store.query(sparql, prefixes=prefixes())
        return _result(result)
    except SyntaxError as exc:
        raise QueryError(f"Oxigraph cannot run this query: {_one_line(exc)}") from exc
    except OSError as exc:
        raise QueryError(f"the query failed: {_one_line(exc)}") from exc
    except RuntimeError as exc:
        if "custom function" in str(exc):   # rdflib leaves an unknown function's value unbound
            raise QueryError(f"Oxigraph cannot run this query: {_one_line(exc)}; kg's store "
                             f"knows SPARQL 1.1's functions only") from exc
        raise QueryError(_damaged(folder, exc)) from exc


def _result(result: object) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return ask_result(bool(result))
    if isinstance(result, ox.QueryTriples):
        return triples_result((t.subject, t.predicate, t.object) for t in result)
    assert isinstance(result, ox.QuerySolutions)
    columns = [v.value for v in result.variables]
    width = range(len(columns))
    return QueryResult(columns, [[term_text(solution[i]) for i in width] for solution in result])
