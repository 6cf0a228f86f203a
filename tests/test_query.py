"""SPARQL over exports: named queries (columns, one row per entity), formats, refusals, errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.ontology_files import queries_dir
from kg.query import QueryResult, list_queries, load_graph, query_graph, query_text, run_query
from kg.query_output import FORMATS, format_result

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini_graph.ttl"
MINI_TRIG = DATA / "mini_graph.trig"
KGD = "https://w3id.org/diplograph/id/"
PREFIXES = """@prefix kg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/diplograph/id/> .
"""

# The scorer reads these four as CSV: their columns are a contract.
CONTRACT_COLUMNS = {
    "states": ["state", "name", "iso3"],
    "organizations": ["org", "name", "type", "state_iso3", "parent_name"],
    "officials": ["person", "name", "post", "org_name", "state_iso3"],
    "agreements": ["agreement", "name", "date", "status", "party_name", "party_iso3"],
}


def records(result: QueryResult) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


def write(tmp_path: Path, name: str, turtle: str) -> Path:
    path = tmp_path / name
    path.write_text(PREFIXES + turtle, encoding="utf-8")
    return path


# --- named queries ---------------------------------------------------------------------------

def test_list_queries_has_every_rq_file_with_a_description():
    listed = list_queries()
    files = sorted(p.stem for p in queries_dir().glob("*.rq"))
    assert [name for name, _ in listed] == files
    assert set(CONTRACT_COLUMNS) | {"places", "documents", "facts", "claims", "mentions",
                                    "relations"} <= set(files)
    for name, description in listed:
        assert description.strip(), f"{name}.rq has no '# title:' line"
        assert "\n" not in description


@pytest.mark.parametrize("name", sorted(p.stem for p in queries_dir().glob("*.rq")))
def test_named_query_is_self_contained_and_ordered(name):
    text = query_text(name)
    prepareQuery(text)  # no initNs: each file declares its own prefixes
    assert "ORDER BY" in text.upper()
    assert run_query([MINI], name).columns  # runs on the fixture


@pytest.mark.parametrize("name,columns", sorted(CONTRACT_COLUMNS.items()))
def test_contract_columns_in_order(name, columns):
    assert run_query([MINI], name).columns == columns


def test_states_one_row_each_despite_aliases():
    rows = records(run_query([MINI], "states"))
    assert [(r["name"], r["iso3"]) for r in rows] == [
        ("Armenia", "ARM"), ("Azerbaijan", "AZE"), ("Russia", "RUS")]
    assert rows[1]["state"] == KGD + "state/AZE"


def test_two_labels_from_two_files_still_one_row(tmp_path):
    extra = write(tmp_path, "extra.ttl", '<state/AZE> rdfs:label "Azerbaijan Republic" ; '
                                         'skos:altLabel "AZ" .\n')
    rows = records(run_query([MINI, extra], "states"))
    assert [r["iso3"] for r in rows] == ["ARM", "AZE", "RUS"]


def test_organizations():
    rows = {r["name"]: r for r in records(run_query([MINI], "organizations"))}
    assert len(rows) == 3  # the ministry's two aliases add no row
    department = rows["International Military Cooperation Department"]
    assert (department["type"], department["state_iso3"], department["parent_name"]) == (
        "department", "AZE", "Ministry of Defense")
    assert rows["Ministry of Defense"]["parent_name"] == ""
    osce = rows["Organization for Security and Co-operation in Europe"]
    assert (osce["type"], osce["state_iso3"]) == ("international_organization", "")


def test_officials_are_the_people_with_a_post():
    rows = {r["name"]: r for r in records(run_query([MINI], "officials"))}
    assert set(rows) == {"Huseyn Mahmudov", "Vladimir Putin"}  # Pashinyan holds no post here
    head = rows["Huseyn Mahmudov"]
    assert (head["post"], head["org_name"], head["state_iso3"]) == (
        "head", "International Military Cooperation Department", "AZE")
    president = rows["Vladimir Putin"]  # a post in a State: the state's name and code
    assert (president["post"], president["org_name"], president["state_iso3"]) == (
        "President", "Russia", "RUS")


def test_agreements_one_row_per_party():
    rows = records(run_query([MINI], "agreements"))
    statement = [r for r in rows if r["agreement"].endswith("trilateral-statement")]
    assert sorted(r["party_iso3"] for r in statement) == ["ARM", "AZE", "RUS"]
    assert {(r["name"], r["date"], r["status"]) for r in statement} == {
        ("trilateral statement", "2020-11-10", "signed")}
    memorandum = {r["party_name"]: r for r in rows if "memorandum" in r["agreement"]}
    assert memorandum["Organization for Security and Co-operation in Europe"]["party_iso3"] == ""
    assert memorandum["Azerbaijan"]["date"] == "2021"  # an xsd:gYear keeps its precision
    ceasefire = [r for r in rows if r["agreement"].endswith("humanitarian-ceasefire")]
    assert [(r["status"], r["party_name"], r["party_iso3"]) for r in ceasefire] == [
        ("violated", "", "")]
    assert len(rows) == 6


def test_agreements_conflicting_dates_give_one_row_per_party_and_date(tmp_path):
    extra = write(tmp_path, "extra.ttl", '<agreement/ARM-AZE-RUS/trilateral-statement> '
                                         'kg:dateSigned "2020-11"^^xsd:gYearMonth .\n')
    rows = records(run_query([MINI, extra], "agreements"))
    statement = [(r["date"], r["party_iso3"]) for r in rows
                 if r["agreement"].endswith("trilateral-statement")]
    assert len(statement) == len(set(statement)) == 6
    assert {d for d, _ in statement} == {"2020-11", "2020-11-10"}


def test_facts_one_row_per_assertion_with_provenance():
    rows = records(run_query([MINI], "facts"))
    assert [r["predicate"] for r in rows] == ["party", "dateSigned"]
    party, date = rows
    assert (party["subject_name"], party["object"], party["object_name"]) == (
        "trilateral statement", KGD + "state/AZE", "Azerbaijan")
    assert (party["begin"], party["end"], party["confidence"]) == ("31", "91", "0.9")
    assert party["claimant_name"] == "Huseyn Mahmudov"
    assert party["document"] == KGD + "doc/d1"
    assert (date["object"], date["object_name"], date["claimant_name"]) == (
        "2020-11-10", "2020-11-10", "")


def test_other_named_queries():
    places = records(run_query([MINI], "places"))
    assert [(p["name"], p["state_iso3"], p["latitude"]) for p in places] == [
        ("Baku", "AZE", "40.37767"), ("Lachin", "AZE", "")]
    documents = records(run_query([MINI], "documents"))
    assert [(d["title"], d["date"], d["dateline_place"]) for d in documents] == [
        ("Trilateral statement signed", "2020-11-10", "BAKU")]
    claims = records(run_query([MINI], "claims"))
    assert [(c["claimant_name"], c["claimant_org"], c["begin"]) for c in claims] == [
        ("Huseyn Mahmudov", "Ministry of Defense", "31")]
    mentions = records(run_query([MINI], "mentions"))
    assert [(m["name"], m["begin"], m["anchor"]) for m in mentions] == [
        ("Azerbaijan", "31", "Azerbaijan"), ("Armenia", "43", "Armenia"),
        ("Russia", "55", "Russia"), ("Huseyn Mahmudov", "104", "Huseyn Mahmudov")]
    relations = dict(run_query([MINI], "relations").rows)
    assert relations["party"] == "5" and relations["mediator"] == "0"


# --- loading ---------------------------------------------------------------------------------

def test_trig_fixture_is_the_same_graph():
    ttl = rdflib.Graph().parse(MINI, format="turtle")
    union = rdflib.Graph()
    for triple in load_graph([MINI_TRIG]).triples((None, None, None)):
        union.add(triple)
    assert isomorphic(ttl, union)


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS) + ["facts", "mentions"])
def test_named_graphs_are_queried_as_one_union(name):
    # The trilateral statement's parties and assertions live in the named graph <doc/d1>.
    assert run_query([MINI_TRIG], name) == run_query([MINI], name)


@pytest.mark.parametrize("suffix,fmt", [(".nt", "nt"), (".nq", "nquads"), (".jsonld", "json-ld"),
                                        (".rdf", "xml")])
def test_every_supported_format_loads(tmp_path, suffix, fmt):
    path = tmp_path / f"graph{suffix}"
    source = rdflib.Dataset() if fmt == "nquads" else rdflib.Graph()
    source.parse(MINI_TRIG if fmt == "nquads" else MINI)
    path.write_text(source.serialize(format=fmt), encoding="utf-8")
    assert run_query([path], "agreements") == run_query([MINI], "agreements")


def test_unparseable_file_names_the_file_and_line(tmp_path):
    bad = write(tmp_path, "graph.ttl", '<state/AZE> rdfs:label "Azerbaijan ;\n  kg:iso3 "AZE" .\n')
    with pytest.raises(QueryError) as info:
        run_query([bad], "states")
    message = str(info.value)
    assert message.startswith(f"{bad}: not valid Turtle (line ")
    assert "\n" not in message


@pytest.mark.parametrize("name,text,words", [
    ("g.nt", "<a:b> <a:c> nonsense .\n", "not valid N-Triples"),
    ("g.jsonld", '{"@id": ', "not valid JSON-LD (line 1"),
    ("g.rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n<x>\n",
     "not valid RDF/XML (line"),
])
def test_unparseable_other_formats(tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=f"^{path}: {words}".replace("(", r"\(")):
        load_graph([path])


def test_missing_unknown_and_no_files(tmp_path):
    with pytest.raises(QueryError, match="nope.ttl: no such file"):
        run_query([tmp_path / "nope.ttl"], "states")
    other = tmp_path / "graph.csv"
    other.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(QueryError, match="unknown RDF format '.csv'"):
        load_graph([other])
    with pytest.raises(QueryError, match="no graph files"):
        load_graph([])


# --- SPARQL text, refusals -------------------------------------------------------------------

def test_sparql_text_with_default_prefixes():
    result = run_query([MINI], "SELECT ?s WHERE { ?s a kg:State } ORDER BY ?s")
    assert result.columns == ["s"]
    assert [row[0] for row in result.rows] == [KGD + "state/ARM", KGD + "state/AZE",
                                              KGD + "state/RUS"]


def test_unbound_values_are_empty_strings():
    result = run_query([MINI], "SELECT ?s ?x WHERE { ?s kg:iso3 'AZE' OPTIONAL { ?s kg:nope ?x } }")
    assert result.rows == [[KGD + "state/AZE", ""]]


def test_ask_and_construct():
    assert run_query([MINI], "ASK { ?s kg:iso3 'AZE' }") == QueryResult(["ask"], [["true"]])
    assert run_query([MINI], "ASK { ?s kg:iso3 'XXX' }").rows == [["false"]]
    built = run_query([MINI], "CONSTRUCT { ?s kg:iso3 ?c } WHERE { ?s kg:iso3 ?c }")
    assert built.columns == ["s", "p", "o"]
    assert [KGD + "state/AZE", "https://w3id.org/diplograph/ontology#iso3", "AZE"] in built.rows
    assert len(built.rows) == 3


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "PREFIX kg: <https://w3id.org/diplograph/ontology#>\nDELETE WHERE { ?s kg:iso3 ?o }",
    "delete { ?s ?p ?o } where { ?s ?p ?o }",
    "CLEAR ALL", "DROP GRAPH <a:g>", "LOAD <http://example.org/x.ttl>", "CREATE GRAPH <a:g>",
])
def test_updates_are_refused(update):
    with pytest.raises(QueryError, match="queries never change an export"):
        run_query([MINI], update)


def test_unknown_name_lists_the_names():
    with pytest.raises(QueryError) as info:
        run_query([MINI], "treaties")
    message = str(info.value)
    assert "treaties" in message
    for name, _ in list_queries():
        assert name in message


def test_bad_sparql_and_remote_graphs_are_refused():
    with pytest.raises(QueryError, match="not valid SPARQL"):
        run_query([MINI], "SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="not valid SPARQL"):
        run_query([MINI], "SELECT ?s WHERE { ?s nope:x ?o }")
    with pytest.raises(QueryError, match="FROM"):
        run_query([MINI], "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE"):
        run_query([MINI], "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_query_graph_reuses_a_loaded_graph():
    graph = load_graph([MINI])
    assert query_graph(graph, "states") == run_query([MINI], "states")


# --- formats ---------------------------------------------------------------------------------

SAMPLE = QueryResult(["name", "note"], [["Baku, AZE", 'said "yes"\tthen\nno'], ["Lachin", ""]])


def test_csv_parses_back():
    text = format_result(run_query([MINI], "agreements"), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CONTRACT_COLUMNS["agreements"]
    assert len(rows) == 6
    assert "\r" not in text
    assert list(csv.DictReader(io.StringIO(format_result(SAMPLE, "csv")))) == [
        {"name": "Baku, AZE", "note": 'said "yes"\tthen\nno'}, {"name": "Lachin", "note": ""}]


def test_json_is_a_list_of_objects_in_column_order():
    records_ = json.loads(format_result(run_query([MINI], "officials"), "json"))
    assert list(records_[0]) == CONTRACT_COLUMNS["officials"]
    assert json.loads(format_result(SAMPLE, "json"))[0]["note"] == 'said "yes"\tthen\nno'


def test_tsv_keeps_one_row_per_line():
    lines = format_result(SAMPLE, "tsv").splitlines()
    assert lines == ["name\tnote", 'Baku, AZE\tsaid "yes"\\tthen\\nno', "Lachin\t"]


def test_table_is_aligned():
    lines = format_result(SAMPLE, "table").splitlines()
    assert lines[0].split() == ["name", "note"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].index("said") == lines[0].index("note")
    assert format_result(QueryResult(["a"], []), "table").splitlines() == ["a", "-"]


def test_table_shortens_iris_and_long_cells():
    text = format_result(run_query([MINI], "officials"), "table")
    assert "kgd:person/huseyn-mahmudov" in text
    long = format_result(QueryResult(["a"], [["x" * 200]]), "table").splitlines()[2]
    assert len(long) < 100 and long.endswith("…")


def test_unknown_format():
    assert set(FORMATS) == {"table", "csv", "tsv", "json"}
    with pytest.raises(QueryError, match="unknown output format"):
        format_result(SAMPLE, "xlsx")
