"""Check exports against kg's SHACL shapes (`ontology/shapes.ttl`) with pyshacl.

The files are validated as one graph, the union of everything in them, because a TriG/N-Quads
export keeps each document's assertions and claims in its named graph and the entities they point
at in the default graph. The shapes check organisations by their `kg:kind`, so they need no
ontology; `kg.ttl` is still passed as pyshacl's `ont_graph` (not as inference), so the class-based
constraints (a kg:Organization's kind) see the `rdfs:subClassOf` triples and nothing more. The
shapes hold under RDFS and OWL-RL inference too (tests/test_shapes_inference.py).

This module reads RDF, so it belongs with the query layer (kg/query.py) in touching rdflib.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import QueryError
from kg.ontology_files import ontology_path, shapes_path
from kg.query import load_graph
from kg.query_output import compact_iri

# Severities from the worst: a report lists violations before warnings before infos.
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node it is about, the property path, what is wrong, how bad.

    `focus` and `path` are short prefixed names (`kgd:state/AZE`, `kg:iso3`) where a known prefix
    fits; `value` is the offending value when the shape names one."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def validate_graph(paths: Sequence[str | Path]) -> ValidationReport:
    """Validate the union of the RDF files `paths` against kg's shapes.

    Only sh:Violation results make `conforms` false; warnings and infos are reported too."""
    data = _union(load_graph(paths))
    shapes = _read_shipped(shapes_path())
    ontology = _read_shipped(ontology_path("kg.ttl"))
    try:
        conforms, results, _ = shacl_validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none",
            abort_on_first=False, allow_warnings=True, allow_infos=True, advanced=True)
    except Exception as exc:  # pyshacl reports broken shapes and internal errors alike
        raise QueryError(f"SHACL validation failed to run: {exc}") from exc
    violations = sorted(set(_violations(results)),
                        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus, v.path,
                                       v.message, v.value))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _union(dataset: rdflib.Dataset) -> rdflib.Graph:
    """One plain graph of every triple: pyshacl would validate each named graph on its own."""
    graph = rdflib.Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def _read_shipped(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as exc:  # a broken shipped file is an installation problem, not the user's
        raise QueryError(f"{path}: kg's own file is not valid Turtle ({exc}); "
                         "reinstall diplograph") from exc
    return graph


def _violations(results: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = results.value(result, SH.sourceConstraintComponent)
        message = "; ".join(messages) or _component_name(component)
        found.append(Violation(
            focus=_short(focus), path=_path_text(results, path) if path is not None else "",
            message=message, severity=_local_name(severity) if severity else "Violation",
            value=_short(value) if value is not None else ""))
    return found


def _path_text(graph: rdflib.Graph, path: Node) -> str:
    """A property path in SPARQL syntax: kg:party, ^kg:holds, kg:holds/kg:postIn, (a|b), p*."""
    if not isinstance(path, rdflib.BNode):
        return _short(path)
    if graph.value(path, rdflib.RDF.first) is not None:  # an RDF list is a sequence path
        return "/".join(_path_text(graph, p) for p in Collection(graph, path))
    for predicate, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                                (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, predicate)
        if inner is not None:
            return template.format(_path_text(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        parts = Collection(graph, alternatives)
        return "(" + "|".join(_path_text(graph, p) for p in parts) + ")"
    return _short(path)


def _short(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        return compact_iri(str(node))
    if isinstance(node, rdflib.BNode):
        return f"_:{node}"
    return str(node)


def _local_name(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _component_name(component: Node | None) -> str:
    """`sh:MinCountConstraintComponent` → "min count constraint not met" (when no message)."""
    if component is None:
        return "constraint not met"
    name = _local_name(component).removesuffix("ConstraintComponent")
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return f"{words} constraint not met"
