"""GraphML export: what Gephi's GraphML importer needs, and a faithful round trip.

Also covers the shared pieces both Gephi exports use: kg.export.property_graph (one type per
attribute, XML-safe text, unique edge ids) and kg.export.palette.
"""
from __future__ import annotations

import math
import os
import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import model
from kg.errors import InputError, OutputError
from kg.export import palette
from kg.export.graphml import graphml_bytes, read_graphml, write_graphml
from kg.export.property_graph import build_property_graph
from kg.model import (Document, Entity, Evidence, Fact, KnowledgeGraph, Mention)

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
STATEMENT = "agreement/trilateral-statement-2020"
# Quotes, markup characters, emoji, Arabic and Hebrew (right to left), a CRLF, and control
# characters that must disappear.
AWKWARD = 'Ceasefire "deal" <&> \'x\' 🕊️ اتفاق وقف إطلاق النار שלום\r\nend'
AWKWARD_WITH_CONTROLS = "\x00" + AWKWARD[:9] + "\x07\x1b" + AWKWARD[9:] + "\x0c\ufffe"


def _evidence(document: str, begin: int = 0) -> Evidence:
    return Evidence(document, begin, begin + 5, 0, 40, "test-rule", 0.9)


def knowledge_graph() -> KnowledgeGraph:
    """Russia is both party to and mediator of one statement: two relations, one node pair."""
    kg = KnowledgeGraph()
    kg.documents["d1"] = Document("d1", "x" * 50, date="2020-11-10")
    kg.documents["d2"] = Document("d2", "x" * 50, date="2020-11-12")
    for key, kind, name, attributes in [
            ("state/ARM", model.STATE, "Armenia", {"iso3": "ARM", "wikidata": "Q399"}),
            ("state/RUS", model.STATE, "Russia", {"iso3": "RUS", "wikidata": "Q159"}),
            (STATEMENT, model.AGREEMENT, "Trilateral statement", {"agreement_kind": "trilateral"}),
            ("person/vladimir-putin", model.PERSON, "Vladimir Putin", {})]:
        entity = Entity(key, kind, name, {name.upper()} if kind == model.STATE else set(),
                        attributes)
        kg.add_entity(entity)
    kg.mentions += [Mention("state/RUS", "d1", 0, 6, "Russia")] * 4
    kg.mentions += [Mention("state/ARM", "d2", 0, 7, "Armenia")]
    kg.facts[Fact(STATEMENT, model.PARTY, "state/RUS")] = [_evidence("d1"), _evidence("d2", 9)]
    kg.facts[Fact(STATEMENT, model.MEDIATOR, "state/RUS")] = [_evidence("d2")]
    kg.facts[Fact(STATEMENT, model.PARTY, "state/ARM")] = [_evidence("d1")]
    kg.facts[Fact(STATEMENT, model.DATE_SIGNED, "2020-11-10")] = [_evidence("d1")]
    kg.facts[Fact(STATEMENT, model.DATE_SIGNED, "2020-11")] = [_evidence("d2")]
    kg.add_background(Fact("person/vladimir-putin", model.STATE_OF, "state/RUS"), "posts")
    return kg


def sample_graph() -> nx.MultiDiGraph:
    return knowledge_graph().to_networkx()


def write_and_parse(graph: nx.MultiDiGraph, tmp_path: Path) -> etree._Element:
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    return etree.parse(str(path)).getroot()


def keys_by_name(root: etree._Element, domain: str) -> dict[str, etree._Element]:
    keys = [k for k in root.findall("g:key", NS) if k.get("for") == domain]
    names = [k.get("attr.name") for k in keys]
    assert len(names) == len(set(names)), f"a {domain} attribute is declared twice: {names}"
    return {k.get("attr.name"): k for k in keys}


def node_data(root: etree._Element, node_id: str) -> dict[str, str]:
    """attr.name → text for one node, read the way Gephi reads it (via the key declarations)."""
    names = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    node = root.find(f"g:graph/g:node[@id='{node_id}']", NS)
    return {names[d.get("key")]: d.text for d in node.findall("g:data", NS)}


# --- What Gephi's importer needs -------------------------------------------------------------

def test_label_keys_are_declared_for_node_and_for_edge(tmp_path: Path) -> None:
    root = write_and_parse(sample_graph(), tmp_path)
    labels = [k for k in root.findall("g:key", NS) if k.get("attr.name") == "label"]
    assert sorted(k.get("for") for k in labels) == ["edge", "node"]
    assert all(k.get("for") in ("node", "edge") for k in root.findall("g:key", NS))


def test_key_ids_are_not_names_gephi_reads_as_properties(tmp_path: Path) -> None:
    # Gephi matches a key's id before its name: a node key with id "d3" or an edge key with id
    # "d7" becomes the label whatever it holds; an id "size" or "weight" becomes that property.
    root = write_and_parse(sample_graph(), tmp_path)
    gephi_ids = {"d3", "d7", "label", "weight", "size", "color", "r", "g", "b", "x", "y", "z",
                 "id", "edgeid", "edgelabel"}
    ids = [k.get("id") for k in root.findall("g:key", NS)]
    assert len(ids) == len(set(ids))
    assert not gephi_ids & set(ids)


def test_edge_ids_are_unique_and_the_model_keys(tmp_path: Path) -> None:
    graph = sample_graph()
    root = write_and_parse(graph, tmp_path)
    ids = [e.get("id") for e in root.iterfind("g:graph/g:edge", NS)]
    assert all(ids) and len(ids) == len(set(ids)) == graph.number_of_edges()
    assert set(ids) == {key for *_, key in graph.edges(keys=True)}


def test_networkx_default_edge_keys_become_unique_ids(tmp_path: Path) -> None:
    # networkx numbers parallel edges 0, 1, … per node pair; Gephi would drop every repeat.
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", label="party")
    graph.add_edge("a", "b", label="mediator")
    graph.add_edge("b", "c", label="party")
    graph.add_edge("c", "a", key="shared", label="x")
    graph.add_edge("a", "c", key="shared", label="y")
    root = write_and_parse(graph, tmp_path)
    ids = [e.get("id") for e in root.iterfind("g:graph/g:edge", NS)]
    assert len(ids) == 5 and all(ids) and len(set(ids)) == 5


def test_two_relations_between_one_pair_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(sample_graph(), path)
    back = read_graphml(path)
    assert isinstance(back, nx.MultiDiGraph)
    relations = {k: d["label"] for u, v, k, d in back.edges(keys=True, data=True)
                 if (u, v) == (STATEMENT, "state/RUS")}
    assert relations == {f"{STATEMENT}|party|state/RUS": "party",
                         f"{STATEMENT}|mediator|state/RUS": "mediator"}
    assert back.edges[STATEMENT, "state/RUS", f"{STATEMENT}|party|state/RUS"]["weight"] == 2


def test_colours_are_integer_channels_and_a_hex_string(tmp_path: Path) -> None:
    root = write_and_parse(sample_graph(), tmp_path)
    keys = keys_by_name(root, "node")
    assert [keys[c].get("attr.type") for c in "rgb"] == ["int", "int", "int"]
    assert keys["color"].get("attr.type") == "string"
    assert keys["size"].get("attr.type") == "double"
    for node_id, kind in [("state/ARM", model.STATE), (STATEMENT, model.AGREEMENT),
                          ("person/vladimir-putin", model.PERSON)]:
        data = node_data(root, node_id)
        assert re.fullmatch(r"\d{1,3}", data["r"]) and re.fullmatch(r"\d{1,3}", data["b"])
        assert (int(data["r"]), int(data["g"]), int(data["b"])) == palette.rgb(
            palette.color_for(kind))
        assert data["color"] == palette.color_for(kind)
        assert re.fullmatch(r"#[0-9a-f]{6}", data["color"])


def test_size_grows_with_mentions(tmp_path: Path) -> None:
    root = write_and_parse(sample_graph(), tmp_path)
    assert float(node_data(root, "state/RUS")["size"]) == pytest.approx(10 + 4 * math.sqrt(4))
    assert float(node_data(root, "person/vladimir-putin")["size"]) == 10.0


def test_declared_types_are_ones_gephi_knows(tmp_path: Path) -> None:
    root = write_and_parse(sample_graph(), tmp_path)
    types = {k.get("attr.type") for k in root.findall("g:key", NS)}
    assert types <= {"boolean", "int", "long", "float", "double", "string"}
    edge_keys = keys_by_name(root, "edge")
    assert edge_keys["weight"].get("attr.type") == "int"
    assert edge_keys["background"].get("attr.type") == "boolean"
    assert edge_keys["first_date"].get("attr.type") == "string"


# --- One type per attribute, scalars only ----------------------------------------------------

def mixed_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", kind="state", iso3="ARM", score=1, ratio=1, flag=True,
                   aliases=["Hayastan", "RA"], tags={"b", "a"}, nothing=None, empty=[],
                   since=date(2020, 11, 10), extra={"k": 1}, pair=(1, 2.5))
    graph.add_node("b", label="B", kind="state", iso3=51, score="high", ratio=2.5, flag=False)
    graph.add_edge("a", "b", key="a|party|b", label="party", weight=1, background=False)
    graph.add_edge("a", "b", key="a|mediator|b", label="mediator", weight=2.5, note=None)
    return graph


def test_one_type_per_attribute_name(tmp_path: Path) -> None:
    root = write_and_parse(mixed_graph(), tmp_path)
    keys = keys_by_name(root, "node")
    assert keys["iso3"].get("attr.type") == "string"     # str in one node, int in the other
    assert keys["score"].get("attr.type") == "string"
    assert keys["ratio"].get("attr.type") == "double"    # int and float: one numeric column
    assert keys["flag"].get("attr.type") == "boolean"
    assert keys_by_name(root, "edge")["weight"].get("attr.type") == "double"


def test_values_are_scalars_never_none_or_lists(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(mixed_graph(), path)
    back = read_graphml(path)
    a, b = back.nodes["a"], back.nodes["b"]
    assert (a["iso3"], b["iso3"]) == ("ARM", "51")
    assert (a["ratio"], b["ratio"]) == (1.0, 2.5)
    assert (a["flag"], b["flag"]) == (True, False)
    assert a["aliases"] == "Hayastan|RA" and a["tags"] == "a|b" and a["pair"] == "1|2.5"
    assert a["since"] == "2020-11-10" and a["extra"] == '{"k": 1}'
    assert "nothing" not in a and "empty" not in a
    for _, data in list(back.nodes(data=True)) + [(None, d) for *_, d in back.edges(data=True)]:
        for value in data.values():
            assert isinstance(value, (bool, int, float, str)), value
    assert [d["weight"] for *_, d in back.edges(data=True)] == [2.5, 1.0]


def test_names_gephi_reads_as_properties_are_renamed(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", size="large", color="blue", x=3)
    graph.add_node("b", label="B")
    graph.add_edge("a", "b", key="k", label="party", type="treaty", id="own-id")
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = read_graphml(path)
    assert back.nodes["a"]["size_"] == "large" and back.nodes["a"]["color_"] == "blue"
    assert back.nodes["a"]["x_"] == 3
    assert back.nodes["a"]["size"] == 10.0 and back.nodes["a"]["color"] == "#bbbbbb"
    assert back.edges["a", "b", "k"]["type_"] == "treaty"
    assert back.edges["a", "b", "k"]["id_"] == "own-id"


# --- Awkward text ----------------------------------------------------------------------------

def awkward_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("state/ARM", label="Armenia", kind="state")
    graph.add_node("agreement/\x01x", label=AWKWARD_WITH_CONTROLS, kind="agreement",
                   note=AWKWARD_WITH_CONTROLS, aliases=["\x02إعلان", "הצהרה\x03"])
    graph.add_edge("agreement/\x01x", "state/ARM", key="agreement/x|party|\x1fstate/ARM",
                   label="party", weight=1, quote=AWKWARD_WITH_CONTROLS)
    return graph


def test_awkward_text_exports_and_reimports_intact(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(awkward_graph(), path)
    raw = path.read_bytes()
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw)
    back = read_graphml(path)
    node = back.nodes["agreement/x"]
    assert node["label"] == AWKWARD and node["note"] == AWKWARD
    assert node["aliases"] == "إعلان|הצהרה"
    assert back.edges["agreement/x", "state/ARM", "agreement/x|party|state/ARM"]["quote"] == AWKWARD


def test_ids_that_clash_once_cleaned_are_an_error() -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(["a", "a\x00"])
    with pytest.raises(OutputError, match="rename one"):
        graphml_bytes(graph)


# --- Determinism and atomic writes -----------------------------------------------------------

def test_output_is_byte_identical_for_the_same_graph(tmp_path: Path) -> None:
    write_graphml(sample_graph(), tmp_path / "one.graphml")
    write_graphml(sample_graph(), tmp_path / "two.graphml")
    assert (tmp_path / "one.graphml").read_bytes() == (tmp_path / "two.graphml").read_bytes()


def test_output_does_not_depend_on_insertion_order() -> None:
    graph = sample_graph()
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    assert graphml_bytes(reversed_graph) == graphml_bytes(graph)


def test_a_failed_write_leaves_the_existing_file_untouched(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.graphml"
    path.write_text("previous export")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)  # fail after the whole document is written
    with pytest.raises(OutputError, match="g.graphml: disk full"):
        write_graphml(sample_graph(), path)
    assert path.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]


def test_a_graph_that_cannot_be_exported_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text("previous export")
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(["a", "a\x00"])
    with pytest.raises(OutputError):
        write_graphml(graph, path)
    assert path.read_text() == "previous export"


def test_reading_a_file_that_is_not_graphml_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><node")
    with pytest.raises(InputError, match="broken.graphml"):
        read_graphml(path)


def test_round_trip_keeps_every_node_and_edge(tmp_path: Path) -> None:
    graph = sample_graph()
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = read_graphml(path)
    assert set(back.nodes) == set(graph.nodes)
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))
    statement = back.nodes[STATEMENT]
    assert statement["dateSigned"] == "2020-11|2020-11-10"  # the model sorts facts
    assert statement["kind"] == model.AGREEMENT and statement["label"] == "Trilateral statement"
    russia = back.nodes["state/RUS"]
    assert russia["aliases"] == "RUSSIA" and russia["mentions"] == 4
    party = back.edges[STATEMENT, "state/RUS", f"{STATEMENT}|party|state/RUS"]
    assert (party["first_date"], party["last_date"]) == ("2020-11-10", "2020-11-12")
    assert party["background"] is False and party["claimed"] is False


# --- The palette -----------------------------------------------------------------------------

def test_palette_covers_every_kind_with_distinct_colours() -> None:
    assert set(palette.PALETTE) == set(model.ENTITY_KINDS)
    colours = list(palette.PALETTE.values()) + [palette.UNKNOWN_KIND_COLOR]
    assert len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert palette.legend() == list(palette.PALETTE.items())
    assert palette.color_for("no-such-kind") == palette.color_for(None) == "#bbbbbb"
    assert palette.rgb("#0072b2") == (0, 114, 178)


def test_property_graph_is_shared_and_sorted() -> None:
    records = build_property_graph(sample_graph())
    assert [n.id for n in records.nodes] == sorted(n.id for n in records.nodes)
    assert [e.id for e in records.edges] == sorted(e.id for e in records.edges)
    assert records.weight_type == "integer"
