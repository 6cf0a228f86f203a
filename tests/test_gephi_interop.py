"""GraphML and GEXF as the tools people open them with read them (issue 15): Gephi, which drops
every edge of weight 0; Gephi Lite, whose parsers (graphology-gexf, graphology-graphml) show a
GEXF attribute's title only when its id is a number; graph-tool, which gives a node a GraphML
key's default, or else 0, for a value the node does not have; networkx and python-igraph.

The graphology tests run node on tests/js/read_graph.js and skip when node or the npm packages
are absent (`npm ci --prefix tests/js` installs them; .ci/run does so where node exists).
"""
from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import model
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.model import Document, Entity, Evidence, Fact, KnowledgeGraph, Mention

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "exports"
JS = ROOT / "tests" / "js"
G = {"g": "http://graphml.graphdrawing.org/xmlns"}
X = {"x": "http://gexf.net/1.3"}

ACCORD = "agreement/ARM-GEO/border-accord"
CITY = "place/ARM/yerevan"
GERMANY = "state/DEU"
CITY_LATITUDE, CITY_LONGITUDE = 40.18111, 44.51361
# What kg's graph calls its node and edge attributes (graphology must show these, not n0, e0, …).
NODE_NAMES = {"kind", "mentions", "iso3", "latitude", "longitude", "geonames", "agreement_kind"}
EDGE_NAMES = {"background", "claimed", "first_date", "last_date"}


def _evidence(document: str) -> Evidence:
    return Evidence(document, 0, 10, 0, 60, "test-rule", 0.9)


def small_graph() -> KnowledgeGraph:
    """An accord signed by Armenia and Georgia in the text; a capital and its state from kg's
    tables (two table facts); a fact both the text and the tables state; places with and without
    coordinates."""
    kg = KnowledgeGraph()
    kg.documents["d1"] = Document("d1", "x" * 80, date="2024-05-02")
    kg.documents["d2"] = Document("d2", "x" * 80, date="2024-05-03")
    kg.add_entity(Entity("state/ARM", model.STATE, "Armenia", set(), {"iso3": "ARM"}))
    kg.add_entity(Entity("state/GEO", model.STATE, "Georgia", set(), {"iso3": "GEO"}))
    kg.add_entity(Entity(GERMANY, model.STATE, "Germany", set(), {"iso3": "DEU"}))
    kg.add_entity(Entity(CITY, model.PLACE, "Yerevan", set(),
                         {"latitude": CITY_LATITUDE, "longitude": CITY_LONGITUDE,
                          "geonames": 616052}))
    kg.add_entity(Entity(ACCORD, model.AGREEMENT, "Border accord", set(),
                         {"agreement_kind": "treaty"}))
    kg.mentions += [Mention("state/ARM", "d1", 0, 7, "Armenia")] * 3
    kg.facts[Fact(ACCORD, model.PARTY, "state/ARM")] = [_evidence("d1"), _evidence("d2")]
    kg.facts[Fact(ACCORD, model.PARTY, "state/GEO")] = [_evidence("d1")]
    kg.facts[Fact(ACCORD, model.MEDIATOR, GERMANY)] = [_evidence("d2")]
    kg.facts[Fact(CITY, model.LOCATED_IN, "state/ARM")] = [_evidence("d1")]
    kg.add_background(Fact("state/ARM", model.CAPITAL, CITY), "states")
    kg.add_background(Fact(CITY, model.LOCATED_IN, "state/ARM"), "places")  # the text says it too
    kg.add_background(Fact(GERMANY, model.MEMBER_OF, "state/GEO"), "made-up-table")
    return kg


@pytest.fixture(scope="module")
def small_exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("interop")
    paths = {"graphml": folder / "small.graphml", "gexf": folder / "small.gexf"}
    write_graphml(small_graph().to_networkx(), paths["graphml"])
    write_gexf(small_graph().to_networkx(), paths["gexf"])
    return paths


def committed(name: str) -> Path:
    path = EXPORTS / name
    if not path.is_file():
        pytest.fail(f"{path} is missing; run: kg build examples/ -o exports/graph.ttl "
                    "-o exports/graph.graphml -o exports/graph.gexf")
    return path


# --- Weights: Gephi drops every edge of weight 0 ------------------------------------------------

def graphml_edges(path: Path) -> list[dict[str, str]]:
    root = etree.parse(str(path)).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", G)}
    return [{names[d.get("key")]: d.text for d in edge.iterfind("g:data", G)}
            for edge in root.iterfind("g:graph/g:edge", G)]


def gexf_edges(path: Path) -> list[dict[str, str]]:
    root = etree.parse(str(path)).getroot()
    titles = {a.get("id"): a.get("title")
              for a in root.iterfind("x:graph/x:attributes[@class='edge']/x:attribute", X)}
    return [{"weight": edge.get("weight"),
             **{titles[v.get("for")]: v.get("value") for v in edge.iterfind(".//x:attvalue", X)}}
            for edge in root.iterfind("x:graph/x:edges/x:edge", X)]


@pytest.mark.parametrize("name, edges", [("graph.graphml", graphml_edges),
                                         ("graph.gexf", gexf_edges)])
def test_every_edge_of_the_examples_build_has_a_positive_weight(name, edges) -> None:
    found = edges(committed(name))
    table_facts = [e for e in found if e["background"] == "true"]
    assert table_facts, f"exports/{name} has no fact from kg's tables; the test needs some"
    assert [e for e in found if float(e["weight"]) <= 0] == []
    assert {e["weight"] for e in table_facts} == {"1"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_table_fact_weighs_one_and_a_text_fact_its_mentions(fmt, small_exports) -> None:
    read = graphml_edges if fmt == "graphml" else gexf_edges
    weights = sorted((float(e["weight"]), e["background"]) for e in read(small_exports[fmt]))
    # From the text: party (2 mentions), party, mediator, locatedIn (1 each); from the tables:
    # capital and memberOf (one source each).
    assert weights == [(1.0, "false")] * 3 + [(1.0, "true")] * 2 + [(2.0, "false")]


def test_a_fact_the_text_and_the_tables_both_state_keeps_its_text_edge() -> None:
    edge = small_graph().to_networkx().edges[CITY, "state/ARM", f"{CITY}|locatedIn|state/ARM"]
    assert (edge["weight"], edge["background"], edge["first_date"]) == (1, False, "2024-05-02")


def test_table_facts_say_they_are_not_reported_speech() -> None:
    # A boolean a GraphML edge lacks reads as false in graph-tool; kg writes it on every edge.
    edge = small_graph().to_networkx().edges["state/ARM", CITY, f"state/ARM|capital|{CITY}"]
    assert (edge["weight"], edge["background"], edge["claimed"]) == (1, True, False)


# --- No value: GraphML's <default> --------------------------------------------------------------

_ZERO = {"int": 0, "long": 0, "float": 0.0, "double": 0.0, "boolean": False, "string": ""}
_CAST = {"int": int, "long": int, "float": float, "double": float,
         "boolean": lambda t: t.strip().lower() == "true", "string": str}


def values_as_graph_tool_reads(path: Path) -> dict[str, dict[str, object]]:
    """node id → {name: value} for every node key, as the GraphML spec and graph-tool read them:
    the node's <data>, else the key's <default>, else (graph-tool, which holds a value for every
    node) the zero of the key's type."""
    root = etree.parse(str(path)).getroot()
    keys = {k.get("id"): k for k in root.iterfind("g:key[@for='node']", G)}
    nodes = {}
    for node in root.iterfind("g:graph/g:node", G):
        data = {d.get("key"): d.text or "" for d in node.iterfind("g:data", G)}
        values = {}
        for key_id, key in keys.items():
            kind, default = key.get("attr.type"), key.findtext("g:default", namespaces=G)
            text = data.get(key_id, default)
            values[key.get("attr.name")] = _ZERO[kind] if text is None else _CAST[kind](text)
        nodes[node.get("id")] = values
    return nodes


def test_a_node_without_coordinates_reads_as_no_number_not_zero(small_exports) -> None:
    nodes = values_as_graph_tool_reads(small_exports["graphml"])
    for node in (ACCORD, "state/ARM"):
        for name in ("latitude", "longitude", "geonames"):
            assert math.isnan(nodes[node][name]), (node, name, nodes[node][name])
    city = nodes[CITY]
    assert (city["latitude"], city["longitude"], city["geonames"]) == (
        CITY_LATITUDE, CITY_LONGITUDE, 616052)


def test_the_examples_build_puts_no_agreement_at_zero_zero() -> None:
    nodes = values_as_graph_tool_reads(committed("graph.graphml"))
    places = [v for v in nodes.values() if not math.isnan(v["latitude"])]
    assert places, "exports/graph.graphml has no node with coordinates; the test needs some"
    assert [n for n, v in nodes.items() if v["latitude"] == 0.0 or v["longitude"] == 0.0] == []


def test_networkx_reads_no_value_as_no_attribute(small_exports) -> None:
    from_graphml = nx.read_graphml(small_exports["graphml"], force_multigraph=True)
    from_gexf = nx.read_gexf(small_exports["gexf"])
    assert "latitude" not in from_graphml.nodes[ACCORD]
    assert from_graphml.nodes[CITY]["latitude"] == CITY_LATITUDE
    accord = next(d for _, d in from_gexf.nodes(data=True) if d.get("label") == "Border accord")
    assert "latitude" not in accord and "kind" in accord


def test_python_igraph_reads_no_value_as_nan(small_exports) -> None:
    igraph = pytest.importorskip("igraph", reason="python-igraph is not installed "
                                 "(pip install '.[test]' installs it)")
    graph = igraph.Graph.Read_GraphML(str(small_exports["graphml"]))
    by_id = {v["id"]: v for v in graph.vs}
    assert math.isnan(by_id[ACCORD]["latitude"]) and math.isnan(by_id[ACCORD]["geonames"])
    assert by_id[CITY]["latitude"] == CITY_LATITUDE
    assert min(graph.es["weight"]) > 0


# --- Gephi Lite: graphology-gexf and graphology-graphml -----------------------------------------

def read_with_graphology(fmt: str, path: Path) -> dict:
    """{"nodes": [{key, attributes}], "edges": [{key, source, target, attributes}]} as graphology
    parses `path`; NaN comes back as the string "NaN"."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the graphology parsers behind Gephi Lite need it")
    package = "graphology-gexf" if fmt == "gexf" else "graphology-graphml"
    if not (JS / "node_modules" / package).is_dir():
        pytest.skip(f"npm package {package} is not installed; run: npm ci --prefix tests/js")
    done = subprocess.run([node, str(JS / "read_graph.js"), fmt, str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _no_number(value: object) -> bool:
    # graphology-graphml gives a key's <default> as the text, "NaN", without casting it.
    return value == "NaN"


@pytest.mark.parametrize("path", [pytest.param("small", id="small"),
                                  pytest.param("graph.gexf", id="examples")])
def test_graphology_gexf_shows_kgs_attribute_names(path, small_exports) -> None:
    graph = read_with_graphology("gexf", small_exports["gexf"] if path == "small"
                                 else committed(path))
    node_names = {k for n in graph["nodes"] for k in n["attributes"]}
    edge_names = {k for e in graph["edges"] for k in e["attributes"]}
    assert NODE_NAMES <= node_names and EDGE_NAMES <= edge_names, (node_names, edge_names)
    generic = re.compile(r"[ne]?\d+")
    assert [k for k in node_names | edge_names if generic.fullmatch(k)] == []
    assert graph["edges"] and min(e["attributes"]["weight"] for e in graph["edges"]) > 0


def test_graphology_gexf_reads_kgs_values(small_exports) -> None:
    graph = read_with_graphology("gexf", small_exports["gexf"])
    nodes = {n["key"]: n["attributes"] for n in graph["nodes"]}
    assert nodes[CITY]["latitude"] == CITY_LATITUDE and nodes[CITY]["kind"] == model.PLACE
    assert "latitude" not in nodes[ACCORD] and nodes[ACCORD]["agreement_kind"] == "treaty"
    assert nodes["state/ARM"]["mentions"] == 3


def test_graphology_graphml_reads_names_weights_and_no_coordinates(small_exports) -> None:
    graph = read_with_graphology("graphml", small_exports["graphml"])
    nodes = {n["key"]: n["attributes"] for n in graph["nodes"]}
    assert NODE_NAMES <= {k for attributes in nodes.values() for k in attributes}
    assert nodes[CITY]["latitude"] == CITY_LATITUDE
    for name in ("latitude", "longitude"):
        assert name not in nodes[ACCORD] or _no_number(nodes[ACCORD][name]), nodes[ACCORD]
    assert min(e["attributes"]["weight"] for e in graph["edges"]) > 0
    assert EDGE_NAMES <= {k for e in graph["edges"] for k in e["attributes"]}
