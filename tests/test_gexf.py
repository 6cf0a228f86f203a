"""GEXF 1.3 export: valid against the RELAX NG schema, what Gephi's GEXF importer needs (labels,
unique ids, edge kinds, integer colours, typed attributes, a timeline), and a faithful round trip.
"""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import model
from kg.errors import InputError, OutputError
from kg.export import palette
from kg.export.gexf import gexf_bytes, read_gexf, write_gexf
from kg.export.property_graph import earliest_date, padded_date
from kg.model import Document, Entity, Evidence, Fact, KnowledgeGraph, Mention

SCHEMA = Path("/work/shared/schemas/gexf-1.3/gexf.rng")
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
NS = {"x": GEXF, "viz": VIZ}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
STATEMENT = "agreement/trilateral-statement-2020"
AWKWARD = 'Ceasefire "deal" <&> \'x\' 🕊️ اتفاق وقف إطلاق النار שלום\r\nend\ttab'
AWKWARD_WITH_CONTROLS = "\x00" + AWKWARD[:9] + "\x07\x1b" + AWKWARD[9:] + "\x0c\uffff\ud800"


def _evidence(document: str) -> Evidence:
    return Evidence(document, 0, 5, 0, 40, "test-rule", 0.9)


def knowledge_graph(dated: bool = True) -> KnowledgeGraph:
    """A signed statement with Russia as party and mediator (two relations, one node pair)."""
    kg = KnowledgeGraph()
    kg.documents["d1"] = Document("d1", "x" * 50, date="2020-11-12" if dated else None)
    kg.documents["d2"] = Document("d2", "x" * 50, date="2021-03" if dated else None)
    kg.add_entity(Entity("state/ARM", model.STATE, "Armenia", set(), {"iso3": "ARM"}))
    kg.add_entity(Entity("state/RUS", model.STATE, "Russia", {"Russian Federation"},
                         {"iso3": "RUS", "wikidata": "Q159"}))
    kg.add_entity(Entity(STATEMENT, model.AGREEMENT, "Trilateral statement"))
    kg.mentions += [Mention("state/RUS", "d1", 0, 6, "Russia")] * 9
    kg.facts[Fact(STATEMENT, model.PARTY, "state/RUS")] = [_evidence("d1"), _evidence("d2")]
    kg.facts[Fact(STATEMENT, model.MEDIATOR, "state/RUS")] = [_evidence("d2")]
    kg.facts[Fact(STATEMENT, model.PARTY, "state/ARM")] = [_evidence("d1")]
    if dated:
        for signed in ("2020-11-10", "2020-11", "2021"):
            kg.facts[Fact(STATEMENT, model.DATE_SIGNED, signed)] = [_evidence("d1")]
    return kg


def awkward_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("state/ARM", label="Armenia", kind="state")
    graph.add_node("agreement/\x01x", label=AWKWARD_WITH_CONTROLS, kind="agreement",
                   note=AWKWARD_WITH_CONTROLS, aliases=["\x02إعلان", "הצהרה\x03"])
    graph.add_edge("agreement/\x01x", "state/ARM", key="agreement/x|party|\x1fstate/ARM",
                   label="party", weight=1, quote=AWKWARD_WITH_CONTROLS, type="treaty")
    return graph


def write_and_parse(graph: nx.MultiDiGraph, tmp_path: Path) -> etree._Element:
    path = tmp_path / "graph.gexf"
    write_gexf(graph, path)
    return etree.parse(str(path)).getroot()


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    if not SCHEMA.is_file():
        pytest.skip(f"GEXF 1.3 RELAX NG schema not found at {SCHEMA} (kept outside the repo)")
    return etree.RelaxNG(file=str(SCHEMA))


# --- Schema and header -----------------------------------------------------------------------

@pytest.mark.parametrize("graph", [
    pytest.param(lambda: knowledge_graph(dated=True).to_networkx(), id="dated"),
    pytest.param(lambda: knowledge_graph(dated=False).to_networkx(), id="undated"),
    pytest.param(awkward_graph, id="awkward-text"),
    pytest.param(nx.MultiDiGraph, id="empty"),
])
def test_output_validates_against_the_gexf_1_3_schema(graph, schema: etree.RelaxNG,
                                                      tmp_path: Path) -> None:
    document = etree.ElementTree(write_and_parse(graph(), tmp_path))
    assert schema.validate(document), schema.error_log


def test_networkx_output_would_not_validate(schema: etree.RelaxNG, tmp_path: Path) -> None:
    # Guards the schema test itself: it must reject what networkx writes (a graph `name`, an
    # xsi:schemaLocation). networkx cannot even write to_networkx()'s list attributes.
    graph = nx.MultiDiGraph()
    graph.add_edge("state/ARM", "state/AZE", label="border")
    path = tmp_path / "networkx.gexf"
    nx.write_gexf(graph, path, version="1.3")
    assert not schema.validate(etree.parse(str(path)))


def test_header_has_no_graph_name_schema_location_or_date(tmp_path: Path) -> None:
    root = write_and_parse(knowledge_graph().to_networkx(), tmp_path)
    assert root.get(f"{{{XSI}}}schemaLocation") is None
    assert root.get("version") == "1.3" and root.nsmap == {None: GEXF, "viz": VIZ}
    graph = root.find("x:graph", NS)
    assert graph.get("name") is None
    assert graph.get("defaultedgetype") == "directed"
    meta = root.find("x:meta", NS)
    assert meta is None or meta.get("lastmodifieddate") is None


# --- Time ------------------------------------------------------------------------------------

def test_dated_graph_is_dynamic_with_iso_dates(tmp_path: Path) -> None:
    root = write_and_parse(knowledge_graph().to_networkx(), tmp_path)
    graph = root.find("x:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    statement = graph.find(f"x:nodes/x:node[@id='{STATEMENT}']", NS)
    assert statement.get("start") == "2020-11-01"  # earliest of 2020-11-10, 2020-11, 2021
    assert graph.find("x:nodes/x:node[@id='state/RUS']", NS).get("start") is None
    edges = {e.get("id"): e for e in graph.iterfind("x:edges/x:edge", NS)}
    assert edges[f"{STATEMENT}|party|state/RUS"].get("start") == "2020-11-12"
    assert edges[f"{STATEMENT}|mediator|state/RUS"].get("start") == "2021-03-01"
    assert all(e.get("end") is None for e in edges.values())


def test_undated_graph_is_static(tmp_path: Path) -> None:
    root = write_and_parse(knowledge_graph(dated=False).to_networkx(), tmp_path)
    graph = root.find("x:graph", NS)
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    assert not [e for e in graph.iter() if e.get("start") is not None]


@pytest.mark.parametrize("value, padded", [
    ("2020-11-10", "2020-11-10"), ("2020-11", "2020-11-01"), ("2020", "2020-01-01"),
    ("2020-11-10T08:00:00", "2020-11-10"), ("2020-13", None), ("2021-02-30", None),
    ("November 2020", None), ("", None), (None, None), (2020, None)])
def test_padded_date(value: object, padded: str | None) -> None:
    assert padded_date(value) == padded


def test_earliest_date_compares_padded_dates() -> None:
    assert earliest_date(["2020-11-10", "2020-11", "bad"]) == "2020-11-01"
    assert earliest_date("2019") == "2019-01-01"
    assert earliest_date([]) is None


# --- Edges: ids, kinds, labels ---------------------------------------------------------------

def test_edges_have_unique_ids_and_the_relation_as_kind_and_label(tmp_path: Path) -> None:
    graph = knowledge_graph().to_networkx()
    root = write_and_parse(graph, tmp_path)
    edges = root.findall("x:graph/x:edges/x:edge", NS)
    ids = [e.get("id") for e in edges]
    assert all(ids) and len(set(ids)) == len(ids) == graph.number_of_edges()
    for edge in edges:
        relation = edge.get("id").split("|")[1]
        assert edge.get("kind") == edge.get("label") == relation


def test_two_relations_between_one_pair_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(knowledge_graph().to_networkx(), path)
    back = read_gexf(path)
    assert isinstance(back, nx.MultiDiGraph)
    pair = {k: (d["label"], d["kind"]) for u, v, k, d in back.edges(keys=True, data=True)
            if (u, v) == (STATEMENT, "state/RUS")}
    assert pair == {f"{STATEMENT}|party|state/RUS": ("party", "party"),
                    f"{STATEMENT}|mediator|state/RUS": ("mediator", "mediator")}


def test_networkx_default_edge_keys_become_unique_ids(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", label="party")
    graph.add_edge("a", "b", label="mediator")
    graph.add_edge("b", "c", label="party")
    root = write_and_parse(graph, tmp_path)
    ids = [e.get("id") for e in root.iterfind("x:graph/x:edges/x:edge", NS)]
    assert len(ids) == 3 and all(ids) and len(set(ids)) == 3


def test_no_edge_attribute_is_titled_type(tmp_path: Path) -> None:
    # networkx turns an edge attribute `type` into the edge's direction; we keep it as `type_`.
    root = write_and_parse(awkward_graph(), tmp_path)
    titles = [a.get("title") for a in root.iterfind("x:graph/x:attributes[@class='edge']/"
                                                     "x:attribute", NS)]
    assert "type" not in titles and "type_" in titles
    assert root.find("x:graph/x:edges/x:edge", NS).get("type") is None


# --- Nodes: labels, colours, sizes, attributes -----------------------------------------------

def test_nodes_have_labels_integer_colours_and_sizes(tmp_path: Path) -> None:
    root = write_and_parse(knowledge_graph().to_networkx(), tmp_path)
    for node in root.iterfind("x:graph/x:nodes/x:node", NS):
        assert node.get("label")
        color = node.find("viz:color", NS)
        channels = [color.get(c) for c in "rgb"]
        assert all(re.fullmatch(r"\d{1,3}", c) for c in channels), channels
        kind = "agreement" if node.get("id") == STATEMENT else "state"
        assert tuple(int(c) for c in channels) == palette.rgb(palette.color_for(kind))
        size = node.find("viz:size", NS)
        assert list(size.attrib) == ["value"]
    rus = root.find("x:graph/x:nodes/x:node[@id='state/RUS']", NS)
    assert float(rus.find("viz:size", NS).get("value")) == pytest.approx(10 + 4 * math.sqrt(9))


def test_attributes_are_declared_once_with_gephi_types(tmp_path: Path) -> None:
    graph = knowledge_graph().to_networkx()
    graph.nodes["state/ARM"]["population"] = 2_963_000
    graph.nodes["state/RUS"]["population"] = "about 146 million"  # mixed: one string column
    root = write_and_parse(graph, tmp_path)
    declared: dict[str, dict[str, str]] = {}
    for attributes in root.iterfind("x:graph/x:attributes", NS):
        titles = [a.get("title") for a in attributes]
        assert len(titles) == len(set(titles))
        declared[attributes.get("class")] = {a.get("id"): a.get("type") for a in attributes}
        by_title = {a.get("title"): a.get("type") for a in attributes}
        if attributes.get("class") == "node":
            assert by_title["population"] == "string" and by_title["mentions"] == "integer"
        else:
            assert by_title["background"] == "boolean" and by_title["first_date"] == "string"
    assert set(declared) == {"node", "edge"}
    allowed = {"boolean", "integer", "long", "float", "double", "string"}
    assert all(set(types.values()) <= allowed for types in declared.values())
    for element, cls in [("node", "node"), ("edge", "edge")]:
        for value in root.iterfind(f".//x:{element}/x:attvalues/x:attvalue", NS):
            assert value.get("for") in declared[cls] and value.get("value") is not None


def test_awkward_text_exports_and_reimports_intact(tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(awkward_graph(), path)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", path.read_bytes())
    back = read_gexf(path)
    node = back.nodes["agreement/x"]
    assert node["label"] == AWKWARD and node["note"] == AWKWARD
    assert node["aliases"] == "إعلان|הצהרה"
    edge = back.edges["agreement/x", "state/ARM", "agreement/x|party|state/ARM"]
    assert edge["quote"] == AWKWARD and edge["type_"] == "treaty"


def test_round_trip_keeps_every_node_edge_and_typed_value(tmp_path: Path) -> None:
    graph = knowledge_graph().to_networkx()
    path = tmp_path / "g.gexf"
    write_gexf(graph, path)
    back = read_gexf(path)
    assert set(back.nodes) == set(graph.nodes)
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))
    rus = back.nodes["state/RUS"]
    assert (rus["label"], rus["kind"], rus["iso3"], rus["wikidata"]) == (
        "Russia", "state", "RUS", "Q159")
    assert rus["mentions"] == 9 and rus["aliases"] == "Russian Federation"
    assert rus["color"] == palette.color_for("state")
    statement = back.nodes[STATEMENT]
    assert statement["dateSigned"] == "2020-11|2020-11-10|2021"
    assert statement["start"] == "2020-11-01"
    party = back.edges[STATEMENT, "state/RUS", f"{STATEMENT}|party|state/RUS"]
    assert party["weight"] == 2.0 and party["background"] is False
    assert (party["first_date"], party["last_date"]) == ("2020-11-12", "2021-03")


# --- Determinism, atomic writes, errors ------------------------------------------------------

def test_output_is_byte_identical_for_the_same_graph(tmp_path: Path) -> None:
    write_gexf(knowledge_graph().to_networkx(), tmp_path / "one.gexf")
    write_gexf(knowledge_graph().to_networkx(), tmp_path / "two.gexf")
    assert (tmp_path / "one.gexf").read_bytes() == (tmp_path / "two.gexf").read_bytes()


def test_output_does_not_depend_on_insertion_order() -> None:
    graph = knowledge_graph().to_networkx()
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    assert gexf_bytes(reversed_graph) == gexf_bytes(graph)


def test_a_failed_write_leaves_the_existing_file_untouched(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.gexf"
    path.write_text("previous export")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="g.gexf: disk full"):
        write_gexf(knowledge_graph().to_networkx(), path)
    assert path.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.gexf"]


def test_reading_a_broken_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.gexf"
    path.write_text("<gexf><graph")
    with pytest.raises(InputError, match="broken.gexf"):
        read_gexf(path)
    path.write_text(f'<gexf xmlns="{GEXF}"><graph><nodes><node id="a"><attvalues>'
                    '<attvalue for="undeclared" value="1"/></attvalues></node></nodes>'
                    '<edges/></graph></gexf>')
    with pytest.raises(InputError, match="broken.gexf"):
        read_gexf(path)
