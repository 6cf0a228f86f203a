"""How big an export is: triples, instances per class, triples per predicate.

Counted with SPARQL through the query layer, so this module needs no RDF library of its own and
counts the same way over files (rdflib, kg/query.py) and over an Oxigraph store (kg/store.py). Names are short prefixed names (`kg:State`,
`rdfs:label`) wherever a known prefix fits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kg.query import QueryResult, load_graph, query_graph

from kg.query_output import compact_iri

_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# DISTINCT: a node typed twice in two files (or graphs) is still one instance.
_CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
_PREDICATES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"


@dataclass
class Stats:
    """Counts over the union of the files; lists are sorted by count, largest first, then name."""

    triples: int
    classes: list[tuple[str, int]] = field(default_factory=list)
    relations: list[tuple[str, int]] = field(default_factory=list)


def graph_stats(paths: Sequence[str | Path]) -> Stats:
    """Triple count, instances per rdf:type and triples per predicate of the RDF files `paths`."""
    graph = load_graph(paths)
    return _count(lambda sparql: query_graph(graph, sparql))


def store_stats(store_dir: str | Path) -> Stats:
    """The same counts over everything loaded into an Oxigraph store (kg load)."""
    from kg.store import query_store  # pyoxigraph only when a store is asked for

    return _count(lambda sparql: query_store(store_dir, sparql))


def _count(run: Callable[[str], QueryResult]) -> Stats:
    triples = run(_TRIPLES).rows
    return Stats(triples=int(triples[0][0]) if triples else 0,
                 classes=_counted(run(_CLASSES).rows), relations=_counted(run(_PREDICATES).rows))


def _counted(rows: list[list[str]]) -> list[tuple[str, int]]:
    pairs = [(compact_iri(name), int(count)) for name, count in rows]
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def stats_result(stats: Stats) -> QueryResult:
    """The counts as rows (what, name, count), for the same output formats as queries."""
    rows = [["triples", "", str(stats.triples)]]
    rows += [["class", name, str(n)] for name, n in stats.classes]
    rows += [["relation", name, str(n)] for name, n in stats.relations]
    return QueryResult(columns=["what", "name", "count"], rows=rows)
