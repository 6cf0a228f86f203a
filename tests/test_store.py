"""The Oxigraph store (kg/store.py, `kg load`, `kg query --store`, `kg stats --store`): every named
query gives the same rows as rdflib over the files, loading is idempotent and adds, named graphs
are kept while queries see their union (each triple once), and bad input fails cleanly."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.export.rdf import write_rdf
from kg.query import list_queries, load_graph, query_graph, run_query
from kg.query_output import format_result
from kg.stats import graph_stats, stats_result, store_stats
from kg.store import load_store, query_store

EXTENSIONS = (".nt", ".nq", ".ttl", ".trig", ".jsonld", ".rdf")
NAMES = [name for name, _ in list_queries()]


@pytest.fixture(scope="module")
def exports(examples_graph, tmp_path_factory) -> dict[str, Path]:
    """examples/ (built once per session, tests/conftest.py) in every RDF format kg writes."""
    folder = tmp_path_factory.mktemp("exports")
    result = examples_graph
    paths = {ext: folder / f"graph{ext}" for ext in EXTENSIONS}
    for path in paths.values():
        write_rdf(result.graph, path, build_info=result.build_info)
    return paths


@pytest.fixture(scope="module")
def stores(exports, tmp_path_factory) -> dict[str, Path]:
    """One store loaded from the N-Triples export, one from the N-Quads (named graphs)."""
    folder = tmp_path_factory.mktemp("stores")
    made = {}
    for ext in (".nt", ".nq"):
        made[ext] = folder / ext.strip(".")
        load_store([exports[ext]], made[ext])
    return made


@pytest.fixture(scope="module")
def reference(exports):
    """The rdflib side: the N-Triples export in memory."""
    return load_graph([exports[".nt"]])


@pytest.fixture(scope="module")
def reference_stats(exports):
    return graph_stats([exports[".nt"]])


def _quads(store_dir: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(store_dir))
    return set(store.quads_for_pattern(None, None, None, None))


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_gives_the_same_rows_on_both_backends(reference, stores, name):
    expected = query_graph(reference, name)
    assert expected.rows, f"{name} returns nothing on examples/: the comparison would be empty"
    for ext, store in stores.items():
        got = query_store(store, name)
        assert got.columns == expected.columns
        assert sorted(got.rows) == sorted(expected.rows), f"{name} differs on the {ext} store"
        # ORDER BY in every named query is total, so the order must agree as well.
        assert got.rows == expected.rows, f"{name}: same rows, other order on the {ext} store"


def test_union_counts_a_triple_in_several_named_graphs_once(reference, reference_stats, stores):
    # In N-Quads a fact's triple is in the graph of each document that states it; Oxigraph's
    # own union default graph would count it once per graph.
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = query_graph(reference, count).rows
    assert query_store(stores[".nq"], count).rows == query_store(stores[".nt"], count).rows \
        == triples
    assert store_stats(stores[".nq"]) == reference_stats


def test_named_graphs_are_kept(exports, stores):
    sparql = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    documents = run_query([exports[".nt"]], "documents").rows
    assert query_store(stores[".nq"], sparql).rows == [[str(len(documents))]]
    assert query_store(stores[".nt"], sparql).rows == [["0"]]


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_every_format_kg_writes_loads_to_the_same_graph(exports, reference_stats, tmp_path, ext):
    load_store([exports[ext]], tmp_path / "store")
    assert store_stats(tmp_path / "store") == reference_stats


def test_loading_again_changes_nothing_and_more_exports_add(exports, tmp_path):
    store = tmp_path / "store"
    load_store([exports[".nq"]], store)
    once = _quads(store)
    load_store([exports[".nq"], exports[".trig"], exports[".nt"], exports[".ttl"]], store)
    assert _quads(store) == once
    other = tmp_path / "other.nt"
    other.write_text("<https://w3id.org/diplograph/id/state/XKX> "
                     "<https://w3id.org/diplograph/ontology#kind> \"state\" .\n",
                     encoding="utf-8")
    load_store([other], store)
    assert len(_quads(store) - once) == 1
    states = [row[0] for row in query_store(store, "SELECT ?s WHERE { ?s kg:kind \"state\" }").rows]
    assert "https://w3id.org/diplograph/id/state/XKX" in states and len(states) > 1


BLANK = """@prefix ex: <https://example.org/> .
_:a ex:knows _:b , [ ex:name "anonymous" ] .
_:b ex:name "B" ; ex:list ( 1 2 ) .
"""


def test_blank_nodes_are_skolemised_the_same_way_every_time(tmp_path):
    path = tmp_path / "blank.ttl"
    path.write_text(BLANK, encoding="utf-8")
    first, second = tmp_path / "one", tmp_path / "two"
    result = load_store([path], first)
    assert result.files[0].skolemised == 5  # _:a, _:b, [ ], two list cells
    load_store([path], first)
    load_store([path], second)
    assert _quads(first) == _quads(second)
    assert len(_quads(first)) == result.files[0].quads
    assert not any(isinstance(t, ox.BlankNode) for q in _quads(first) for t in q)
    rows = query_store(first, "SELECT ?n WHERE { ?x <https://example.org/knows>/"
                              "<https://example.org/name> ?n }").rows
    assert sorted(rows) == [["B"], ["anonymous"]]


XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("lexical,datatype", [
    ("1.0", "decimal"), ("0.90", "decimal"), ("-0.0", "decimal"), (".5", "decimal"),
    ("40.0", "double"), ("1E3", "double"), ("1.5e-7", "double"), ("-0.0", "double"),
    ("INF", "double"), ("0.123456789", "float"), ("007", "nonNegativeInteger"),
    ("+5", "integer"), ("1", "boolean"), ("2020-11-10", "date"), ("not a number", "integer")])
def test_literals_read_the_same_from_files_and_from_a_store(tmp_path, lexical, datatype):
    path = tmp_path / "lit.nt"
    path.write_text(f'<https://a.example/s> <https://a.example/p> "{lexical}"^^<{XSD}{datatype}> .\n',
                    encoding="utf-8")
    load_store([path], tmp_path / "store")
    sparql = "SELECT ?o (MIN(?o) AS ?m) WHERE { ?s ?p ?o } GROUP BY ?o"
    assert query_store(tmp_path / "store", sparql).rows == run_query([path], sparql).rows


@pytest.mark.parametrize("sparql,words", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "SPARQL update"),
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL update"),
    ("SELECT * FROM <https://example.org/g> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * WHERE { SERVICE <https://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELEC ?s WHERE { ?s ?p ?o }", "not valid SPARQL"),
    ("agreement", "no named query"),
])
def test_the_store_refuses_what_files_refuse(stores, sparql, words):
    before = _quads(stores[".nt"])
    with pytest.raises(QueryError, match=words):
        query_store(stores[".nt"], sparql)
    assert _quads(stores[".nt"]) == before


def test_ask_and_construct_on_the_store(stores, reference):
    ask = "ASK { ?s a kg:Agreement }"
    assert query_store(stores[".nt"], ask).rows == [["true"]]
    construct = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:State ; rdfs:label ?l }"
    assert query_store(stores[".nq"], construct) == query_graph(reference, construct)


def test_a_bad_file_loads_nothing(exports, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix a: <https://a.example/> .\na:b a:c a:d .\na:x a:y .\n",
                   encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad.ttl: not valid Turtle \(line 3"):
        load_store([exports[".nt"], bad], tmp_path / "store")
    assert not (tmp_path / "store").exists(), "the store was created before the files were read"


def test_file_and_store_mistakes(exports, tmp_path):
    with pytest.raises(QueryError, match="unknown RDF format"):
        load_store([tmp_path / "graph.csv"], tmp_path / "s")
    with pytest.raises(QueryError, match="no such file"):
        load_store([tmp_path / "missing.nt"], tmp_path / "s")
    with pytest.raises(QueryError, match="no graph files"):
        load_store([], tmp_path / "s")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(QueryError, match="not a kg store and not empty"):
        load_store([exports[".nt"]], tmp_path / "notes")
    with pytest.raises(QueryError, match="no kg store there; create one with kg load"):
        query_store(tmp_path / "nowhere", "states")
    assert not (tmp_path / "nowhere").exists()


def test_a_store_open_for_writing_elsewhere_is_reported(exports, tmp_path):
    writer = ox.Store(str(tmp_path / "busy"))
    with pytest.raises(QueryError, match="another process"):
        load_store([exports[".nt"]], tmp_path / "busy")
    del writer


# --- the command line ------------------------------------------------------------------------

def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_load_query_and_stats(exports, reference, reference_stats, tmp_path):
    store = tmp_path / "db"
    loaded = invoke("load", exports[".ttl"], exports[".nt"], "--store", store)
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.stdout == "" and "loaded 2 file(s)" in loaded.stderr
    from_store = invoke("query", "--store", store, "agreements", "--format", "csv")
    assert from_store.exit_code == 0, from_store.stderr
    assert from_store.stdout == format_result(query_graph(reference, "agreements"), "csv")
    stats = invoke("stats", "--store", store, "--format", "csv")
    assert stats.exit_code == 0, stats.stderr
    assert stats.stdout == format_result(stats_result(reference_stats), "csv")


@pytest.mark.parametrize("args,code,words", [
    (("query", "--store", "DB", "x.nt", "states"), 2, "only the query"),
    (("stats",), 2, "graph files or --store"),
    (("stats", "x.nt", "--store", "DB"), 2, "graph files or --store"),
    (("load", "x.nt"), 2, "--store"),
    (("query", "--store", "DB", "states"), 1, "no kg store there"),
])
def test_cli_mistakes(tmp_path, args, code, words):
    result = invoke(*[str(tmp_path / a) if a in ("DB", "x.nt") else a for a in args])
    assert result.exit_code == code
    assert words in result.stderr and "Traceback" not in result.stderr
