"""Queries that forgive (kg/query_forgiving.py): what kg prints pastes back into a query, the
prefixes kg prints are declared in the text every store is given, and a kg: term the ontology
does not define is named in a warning, with the nearest term it does define."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from test_cli import run_kg

from kg.query import (checked_sparql, list_queries, load_graph, query_graph, query_warnings,
                      run_query)
from kg.query_output import compact_iri, format_result

EXPORT = Path(__file__).resolve().parent.parent / "exports" / "graph.ttl"
KGD = "https://w3id.org/diplograph/id/"


@pytest.fixture(scope="module")
def graph() -> rdflib.Dataset:
    return load_graph([EXPORT])


@pytest.fixture(scope="module")
def printed_iris(graph) -> dict[str, str]:
    """Every IRI of the export as kg prints it (query tables, explain, stats) -> the IRI."""
    iris = {term for triple in graph.triples((None, None, None)) for term in triple
            if isinstance(term, rdflib.URIRef)}
    return {compact_iri(str(iri)): str(iri) for iri in iris}


def test_every_short_iri_kg_prints_pastes_back(graph, printed_iris) -> None:
    short = {s: iri for s, iri in printed_iris.items() if not s.startswith("http")}
    assert any("/" in s and s.startswith("kgd:") for s in short)      # kgd:state/AZE
    assert any("#char=" in s for s in short)                          # a mention
    values = " ".join(sorted(short))
    result = query_graph(graph, f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}")
    assert sorted(row[0] for row in result.rows) == sorted(short.values())


def test_a_pasted_short_iri_finds_what_its_full_iri_finds() -> None:
    pasted = run_query([EXPORT], "SELECT ?n WHERE { kgd:state/AZE rdfs:label ?n }")
    assert pasted.rows == [["Azerbaijan"]]
    mention = run_query([EXPORT], "SELECT ?e WHERE { ?m itsrdf:taIdentRef ?e . "
                                  "FILTER (?m = kgd:doc/abraham-accords#char=1070,1083) }")
    full = run_query([EXPORT], "SELECT ?e WHERE { <https://w3id.org/diplograph/id/doc/"
                               "abraham-accords#char=1070,1083> itsrdf:taIdentRef ?e }")
    assert mention.rows == full.rows and len(full.rows) == 1


def test_sparql_escapes_in_a_local_name_are_read_as_sparql_defines_them() -> None:
    result = run_query([EXPORT], r"SELECT ?n WHERE { kgd:state\/AZE rdfs:label ?n }")
    assert result.rows == [["Azerbaijan"]]


def test_a_query_that_parses_is_left_as_written() -> None:
    """A property path stays a path; strings and comments are never touched."""
    text = ('SELECT ?i ?s WHERE { kgd:person\\/ilham-aliyev kg:holds/kg:postIn/kg:iso3 ?i . '
            'BIND ("kgd:state/AZE" AS ?s) } # kgd:state/AZE')
    assert checked_sparql(text).endswith(text.replace("kgd:person\\/ilham-aliyev",
                                                      f"<{KGD}person/ilham-aliyev>"))
    assert run_query([EXPORT], text).rows == [["AZE", "kgd:state/AZE"]]


def test_the_prefixes_kg_prints_are_declared_for_any_store() -> None:
    """A store that knows no prefix (a bare Oxigraph, a remote endpoint) runs the text kg gives
    it, and a prefix the query declares itself is its own."""
    store = ox.Store()
    store.load(EXPORT.read_bytes(), format=ox.RdfFormat.TURTLE)
    text = checked_sparql("SELECT ?n WHERE { kgd:state/AZE rdfs:label ?n }")
    assert [s["n"].value for s in store.query(text)] == ["Azerbaijan"]
    own = checked_sparql("PREFIX kg: <urn:elsewhere#> SELECT ?s WHERE { ?s kg:iso3 ?c }")
    assert "urn:elsewhere#iso3" in str(rdflib.plugins.sparql.prepareQuery(own).algebra)
    assert not list(store.query(own))


def test_a_term_the_ontology_does_not_define_is_named_with_the_nearest_that_it_does() -> None:
    warnings = query_warnings("SELECT ?a WHERE { ?a a kg:Agrement ; kg:partyy ?p ; "
                              "<https://w3id.org/diplograph/ontology#signatory> ?s }")
    assert len(warnings) == 2
    assert "kg:Agrement" in warnings[0] and "kg:Agreement" in warnings[0]
    assert "kg:partyy" in warnings[1] and "did you mean kg:party?" in warnings[1]


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_named_queries_use_only_defined_terms(name: str) -> None:
    assert query_warnings(name) == []


def test_the_cli_warns_on_stderr_and_still_runs_the_query() -> None:
    misspelt = run_kg("query", EXPORT, "--format", "csv", "SELECT ?a WHERE { ?a a kg:Agrement }")
    assert misspelt.returncode == 0
    assert misspelt.stdout == "a\n"
    lines = misspelt.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: warning: kg:Agrement ")
    assert "kg:Agreement" in lines[0]
    right = run_kg("query", EXPORT, "--format", "csv",
                   "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Agreement }")
    assert right.returncode == 0 and right.stderr == ""
    assert int(right.stdout.split()[1]) > 0


def test_what_the_table_prints_pastes_back_into_kg_query(graph) -> None:
    """The cells of `kg query --format table` are prefixed names kg reads back."""
    table = format_result(query_graph(graph, "SELECT ?s WHERE { ?s a kg:State } ORDER BY ?s"),
                          "table")
    first = table.splitlines()[2]
    assert first.startswith("kgd:state/")
    back = query_graph(graph, f"SELECT ?n WHERE {{ {first} rdfs:label ?n }}")
    assert len(back.rows) == 1
