"""kg's RDF exports as other tools read them (issue 15): a store that queries the union of the
named graphs (pyoxigraph with use_default_graph_as_union) gives `kg query`'s rows, because no
triple sits in two graphs; and every format spells every literal the same way, so a syntactic
merge of two formats of one build adds no triple."""
from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.export import write_export
from kg.export.rdf import RDF_FORMATS
from kg.export.rdf_literals import canonical_decimal
from kg.query import list_queries, load_graph, query_graph, query_text, run_query
from kg.query_output import literal_text
from kg.vocab import DATA_BASE

OXIGRAPH_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


@pytest.fixture(scope="module")
def exports(examples_graph, tmp_path_factory) -> dict[str, Path]:
    """examples/ (seven articles, several of which state the same facts, and places with
    coordinates) written in every RDF format: {".ttl": path, ...}."""
    folder = tmp_path_factory.mktemp("interop")
    paths = {ext: folder / f"graph{ext}" for ext in RDF_FORMATS}
    for path in paths.values():
        write_export(examples_graph.graph, path, base=DATA_BASE,
                     build_info=examples_graph.build_info)
    return paths


@pytest.fixture(scope="module")
def kg_rows(exports) -> dict[str, list[list[str]]]:
    """Every named query's rows from `kg query` over the Turtle export."""
    turtle = load_graph([exports[".ttl"]])
    return {name: query_graph(turtle, name).rows for name, _ in list_queries()}


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return literal_text(term.value, term.datatype.value)
    return term.value


# -- the union of graphs ----------------------------------------------------------------------

@pytest.mark.parametrize("ext", sorted(OXIGRAPH_FORMATS))
def test_every_named_query_gives_kgs_rows_over_oxigraphs_union_of_graphs(exports, kg_rows, ext):
    store = ox.Store()
    store.load(path=str(exports[ext]), format=OXIGRAPH_FORMATS[ext])
    assert any(True for _ in store.named_graphs()), "the export should have named graphs"
    differ = []
    for name, expected in kg_rows.items():
        solutions = store.query(query_text(name), use_default_graph_as_union=True)
        width = range(len(solutions.variables))
        if [[_cell(solution[i]) for i in width] for solution in solutions] != expected:
            differ.append(name)
    assert not differ, f"named queries whose rows differ from kg query over the Turtle: {differ}"


def test_no_triple_is_in_two_graphs_of_the_nquads(exports):
    graphs_of = Counter((q.subject, q.predicate, q.object)
                        for q in ox.parse(path=str(exports[".nq"]), format=ox.RdfFormat.N_QUADS))
    repeated = [triple for triple, count in graphs_of.items() if count > 1]
    assert not repeated, repeated[:5]


def test_named_graphs_still_tell_which_documents_support_each_fact(exports):
    # Over the TriG alone: a fact's documents are the graphs holding an assertion of it.
    by_graph = run_query([exports[".trig"]], """
        SELECT DISTINCT ?s ?p ?o ?g WHERE {
          GRAPH ?g { ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }""")
    from_graphs = {(s, p, o, g.replace("/graph/", "/doc/", 1)) for s, p, o, g in by_graph.rows}
    facts = run_query([exports[".ttl"]], """
        SELECT DISTINCT ?s ?p ?o ?doc WHERE {
          ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             prov:wasDerivedFrom ?doc }""")
    assert from_graphs and from_graphs == {tuple(row) for row in facts.rows}
    documents = {row[3] for row in facts.rows}
    shared = [fact for fact, count in Counter(row[:3] for row in map(tuple, facts.rows)).items()
              if count > 1]
    assert len(documents) > 1 and shared, "the build should have facts several documents state"


# -- one spelling per literal -----------------------------------------------------------------

def _triples_as_written(path: Path) -> set[tuple]:
    """The file's triples with literals exactly as spelled: rdflib otherwise normalises a typed
    literal's lexical form when it parses it, which would hide two spellings of one value."""
    dataset = rdflib.Dataset()
    dataset.parse(str(path), format=RDF_FORMATS[path.suffix])
    return {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}


def test_a_syntactic_merge_of_any_two_formats_adds_no_triple(exports, monkeypatch):
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)
    triples = {ext: _triples_as_written(path) for ext, path in exports.items()}
    latitude = rdflib.URIRef("https://schema.org/latitude")
    assert any(p == latitude for _, p, _ in triples[".ttl"]), "the build needs coordinates"
    for a, b in combinations(sorted(triples), 2):
        merged = triples[a] | triples[b]
        assert len(merged) == len(triples[a]) == len(triples[b]), (
            a, b, sorted(o.n3() for _, _, o in triples[a] ^ triples[b])[:6])


def _json_numbers(value: object) -> list[object]:
    if isinstance(value, dict):
        return [n for item in value.values() for n in _json_numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in _json_numbers(item)]
    return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else []


def test_jsonld_writes_numbers_as_typed_strings(exports):
    # A JSON number would be read by JSON-LD processors as an xsd:double "2.445118E1".
    data = json.loads(exports[".jsonld"].read_text(encoding="utf-8"))
    assert _json_numbers(data) == []


@pytest.mark.parametrize("value,text", [
    (24.45118, "24.45118"), (-33.86785, "-33.86785"), (3.0, "3.0"), (0.5, "0.5"),
    (-0.0, "0.0"), (1e-7, "0.0000001"), (1e16, "10000000000000000.0"), (120, "120.0")])
def test_decimals_have_one_canonical_form(value, text):
    assert canonical_decimal(value) == text
