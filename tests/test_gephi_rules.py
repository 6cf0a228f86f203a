"""Gephi's import rules (issue 5), checked on the committed exports of examples/ and on a round trip
through networkx's own readers.

test_graphml.py and test_gexf.py check each writer on small hand-made graphs; this file checks the
files a user actually opens (exports/graph.graphml and exports/graph.gexf) against every rule,
one test per rule, so a regression in extraction that produces, say, a dict-valued attribute or a
control character in a name shows up here even when the unit tests still pass.

The rules, as read from Gephi's importers:
- labels come from keys named `label` declared for="node" / for="edge" (never "all");
- edge ids are unique and non-empty (Gephi drops every repeat);
- colours are integer r/g/b (a float aborts a GEXF import) or "#rrggbb";
- attribute types are boolean, int/integer, long, float, double or string, one per name;
- no XML-illegal control characters anywhere (one aborts the whole import);
- GEXF: no edge attribute named `type` (it is the direction), no `name` on <graph>, no
  xsi:schemaLocation, and the file validates against the GEXF 1.3 RELAX NG schema;
- nodes carry a label, kind, colour and size; edges a label and weight; GEXF dated agreements and
  dated edges carry `start`.
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg import model
from kg.data.event_codes import PLOVER_TYPES
from kg.export import palette
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.property_graph import earliest_date, padded_date
from kg.model import Document, Entity, Evidence, Fact, KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
GRAPHML = ROOT / "exports" / "graph.graphml"
GEXF = ROOT / "exports" / "graph.gexf"
GEXF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "gexf-1.3" / "gexf.rng"
REBUILD = "run: kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf"

G = {"g": "http://graphml.graphdrawing.org/xmlns"}
X = {"x": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
GEXF_TYPES = {"boolean", "integer", "long", "float", "double", "string"}
# XML 1.0 forbids these (tab, LF and CR are allowed); U+FFFE/U+FFFF are non-characters.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CHARACTER_REFERENCE = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
INTEGER_CHANNEL = re.compile(r"\d{1,3}")
HEX_COLOUR = re.compile(r"#[0-9a-f]{6}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EDGE_LABELS = set(model.ENTITY_RELATIONS) | set(PLOVER_TYPES)   # relations, and event types


def committed(path: Path) -> Path:
    if not path.is_file() or path.stat().st_size == 0:
        pytest.fail(f"{path.relative_to(ROOT)} is missing or empty; {REBUILD}")
    return path


@pytest.fixture(scope="module")
def graphml() -> etree._Element:
    return etree.parse(str(committed(GRAPHML))).getroot()


@pytest.fixture(scope="module")
def gexf() -> etree._Element:
    return etree.parse(str(committed(GEXF))).getroot()


def graphml_data(root: etree._Element, element: etree._Element) -> dict[str, str]:
    """attr.name → text of one node or edge, resolved through the key declarations as Gephi
    resolves them."""
    names = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", G)}
    return {names[d.get("key")]: d.text or "" for d in element.iterfind("g:data", G)}


def gexf_columns(root: etree._Element, cls: str) -> dict[str, tuple[str, str]]:
    """attribute id → (title, type) for the class "node" or "edge"."""
    found: dict[str, tuple[str, str]] = {}
    for attributes in root.iterfind("x:graph/x:attributes", X):
        if attributes.get("class") == cls:
            for attribute in attributes.iterfind("x:attribute", X):
                found[attribute.get("id")] = (attribute.get("title"), attribute.get("type"))
    return found


def gexf_values(root: etree._Element, element: etree._Element, cls: str) -> dict[str, str]:
    columns = gexf_columns(root, cls)
    return {columns[v.get("for")][0]: v.get("value")
            for v in element.iterfind("x:attvalues/x:attvalue", X)}


def gexf_nodes(root: etree._Element) -> list[etree._Element]:
    return root.findall("x:graph/x:nodes/x:node", X)


def gexf_edges(root: etree._Element) -> list[etree._Element]:
    return root.findall("x:graph/x:edges/x:edge", X)


# --- Labels ------------------------------------------------------------------------------------

def test_graphml_labels_come_from_keys_declared_for_node_and_for_edge(graphml) -> None:
    keys = graphml.findall("g:key", G)
    assert keys, "exports/graph.graphml declares no keys"
    assert {k.get("for") for k in keys} <= {"node", "edge"}, "a key is declared for another domain"
    labels = sorted(k.get("for") for k in keys if k.get("attr.name") == "label")
    assert labels == ["edge", "node"]


def test_gexf_nodes_and_edges_have_labels_and_edges_their_relation_as_kind(gexf) -> None:
    assert all(n.get("label") for n in gexf_nodes(gexf)), "a GEXF node has no label"
    for edge in gexf_edges(gexf):
        assert edge.get("label"), f"edge {edge.get('id')} has no label"
        assert edge.get("kind") == edge.get("label"), edge.get("id")


# --- Edge ids ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_edge_ids_are_unique_and_not_empty(fmt: str, graphml, gexf) -> None:
    edges = graphml.findall("g:graph/g:edge", G) if fmt == "graphml" else gexf_edges(gexf)
    ids = [e.get("id") for e in edges]
    assert edges and all(i and i.strip() for i in ids), f"an edge of the {fmt} has no id"
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, f"edge ids used twice in the {fmt}: {repeated[:5]}"


def test_networkx_readers_keep_every_edge_of_the_committed_files() -> None:
    # What Gephi would drop (repeated ids) networkx would merge: the counts must match the files.
    count = len(etree.parse(str(committed(GRAPHML))).getroot().findall("g:graph/g:edge", G))
    assert nx.read_graphml(GRAPHML).number_of_edges() == count
    count = len(etree.parse(str(committed(GEXF))).getroot().findall("x:graph/x:edges/x:edge", X))
    assert nx.read_gexf(GEXF).number_of_edges() == count


# --- Colours -----------------------------------------------------------------------------------

def test_graphml_colours_are_integer_channels_and_hex(graphml) -> None:
    types = {k.get("attr.name"): k.get("attr.type") for k in graphml.iterfind("g:key", G)
             if k.get("for") == "node"}
    assert (types["r"], types["g"], types["b"], types["color"]) == ("int", "int", "int", "string")
    for node in graphml.iterfind("g:graph/g:node", G):
        data = graphml_data(graphml, node)
        channels = [data[c] for c in "rgb"]
        assert all(INTEGER_CHANNEL.fullmatch(c) and int(c) <= 255 for c in channels), channels
        assert HEX_COLOUR.fullmatch(data["color"]), data["color"]
        assert palette.rgb(data["color"]) == tuple(int(c) for c in channels)
        assert data["color"] == palette.color_for(data["kind"])


def test_gexf_colours_are_integer_channels(gexf) -> None:
    for node in gexf_nodes(gexf):
        color = node.find("viz:color", X)
        assert color is not None, f"node {node.get('id')} has no viz:color"
        channels = [color.get(c) for c in "rgb"]
        assert all(c and INTEGER_CHANNEL.fullmatch(c) and int(c) <= 255 for c in channels), \
            f"node {node.get('id')}: colour {channels} is not three integers 0-255"
        kind = gexf_values(gexf, node, "node")["kind"]
        assert tuple(int(c) for c in channels) == palette.rgb(palette.color_for(kind))
        assert color.get("hex") is None or HEX_COLOUR.fullmatch(color.get("hex"))


# --- Attribute types ---------------------------------------------------------------------------

def test_graphml_attribute_types_are_allowed_and_one_per_name(graphml) -> None:
    keys = graphml.findall("g:key", G)
    assert {k.get("attr.type") for k in keys} <= GRAPHML_TYPES
    for domain in ("node", "edge"):
        names = [k.get("attr.name") for k in keys if k.get("for") == domain]
        assert len(names) == len(set(names)), f"a {domain} attribute is declared twice: {names}"


def test_graphml_values_parse_as_their_declared_type(graphml) -> None:
    types = {k.get("id"): k.get("attr.type") for k in graphml.iterfind("g:key", G)}
    for data in graphml.iter("{%s}data" % G["g"]):
        assert_typed(data.text or "", types[data.get("key")], data.get("key"))


def test_gexf_attribute_types_are_allowed_and_one_per_title(gexf) -> None:
    for cls in ("node", "edge"):
        columns = gexf_columns(gexf, cls)
        assert {t for _, t in columns.values()} <= GEXF_TYPES
        titles = [title for title, _ in columns.values()]
        assert len(titles) == len(set(titles)), f"a {cls} attribute is declared twice: {titles}"
        elements = gexf_nodes(gexf) if cls == "node" else gexf_edges(gexf)
        for element in elements:
            for value in element.iterfind("x:attvalues/x:attvalue", X):
                assert value.get("for") in columns, f"undeclared attribute {value.get('for')}"
                assert_typed(value.get("value"), columns[value.get("for")][1], value.get("for"))


def assert_typed(text: str, declared: str, where: str) -> None:
    """The lexical form parses as the declared type (Gephi aborts or blanks the value if not)."""
    if declared == "boolean":
        assert text in ("true", "false"), f"{where}: {text!r} is not a boolean"
    elif declared in ("int", "integer", "long"):
        assert re.fullmatch(r"-?\d+", text), f"{where}: {text!r} is not an integer"
    elif declared in ("float", "double"):
        float(text)
    else:
        assert text != "None" and not text.startswith(("[", "{")), \
            f"{where}: {text!r} looks like a Python None, list or dict"


# --- Characters --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [GRAPHML, GEXF], ids=["graphml", "gexf"])
def test_no_xml_illegal_characters(path: Path) -> None:
    text = committed(path).read_bytes().decode("utf-8")
    found = ILLEGAL.search(text)
    assert found is None, f"{path.name}: character {found.group()!r} at offset {found.start()}"
    for reference in CHARACTER_REFERENCE.findall(text):
        code = int(reference[1:], 16) if reference.startswith("x") else int(reference)
        assert not ILLEGAL.fullmatch(chr(code)), f"{path.name}: &#{reference}; is XML-illegal"


# --- GEXF header, reserved names, schema -------------------------------------------------------

def test_gexf_has_no_edge_attribute_named_type(gexf) -> None:
    titles = [title.lower() for title, _ in gexf_columns(gexf, "edge").values()]
    assert "type" not in titles
    # The XML attribute `type` is the direction; only GEXF's own values may appear there.
    assert {e.get("type") for e in gexf_edges(gexf)} <= {None, "directed"}


def test_gexf_graph_has_no_name_and_no_schema_location(gexf) -> None:
    assert gexf.get(f"{{{XSI}}}schemaLocation") is None and XSI not in gexf.nsmap.values()
    graph = gexf.find("x:graph", X)
    assert graph is not None and graph.get("name") is None


def test_gexf_validates_against_the_gexf_1_3_schema() -> None:
    if not GEXF_SCHEMA.is_file():
        pytest.skip(f"GEXF 1.3 RELAX NG schema not found at {GEXF_SCHEMA} (kept beside the repo, "
                    "in shared/schemas)")
    schema = etree.RelaxNG(file=str(GEXF_SCHEMA))
    assert schema.validate(etree.parse(str(committed(GEXF)))), str(schema.error_log)


# --- What nodes and edges carry ----------------------------------------------------------------

def test_graphml_nodes_carry_label_kind_colour_size(graphml) -> None:
    nodes = graphml.findall("g:graph/g:node", G)
    assert nodes
    for node in nodes:
        data = graphml_data(graphml, node)
        missing = {"label", "kind", "color", "r", "g", "b", "size"} - {k for k, v in data.items()
                                                                      if v}
        assert not missing, f"node {node.get('id')} lacks {sorted(missing)}"
        assert data["kind"] in model.ENTITY_KINDS and float(data["size"]) >= 10


def test_graphml_edges_carry_label_and_weight(graphml) -> None:
    for edge in graphml.findall("g:graph/g:edge", G):
        data = graphml_data(graphml, edge)
        assert data.get("label") in EDGE_LABELS, edge.get("id")
        assert float(data["weight"]) >= 0, edge.get("id")


def test_gexf_nodes_carry_kind_colour_and_size(gexf) -> None:
    for node in gexf_nodes(gexf):
        assert gexf_values(gexf, node, "node").get("kind") in model.ENTITY_KINDS, node.get("id")
        size = node.find("viz:size", X)
        assert size is not None and list(size.attrib) == ["value"], node.get("id")
        assert float(size.get("value")) >= 10


def test_gexf_edges_carry_label_and_weight(gexf) -> None:
    for edge in gexf_edges(gexf):
        assert edge.get("label") in EDGE_LABELS, edge.get("id")
        assert float(edge.get("weight")) >= 0, edge.get("id")


# --- Time --------------------------------------------------------------------------------------

def test_gexf_dated_agreements_and_edges_start_on_their_dates(gexf) -> None:
    graph = gexf.find("x:graph", X)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    dated = 0
    for node in gexf_nodes(gexf):
        values = gexf_values(gexf, node, "node")
        signed = values.get("dateSigned")
        expected = earliest_date(signed.split("|")) if signed else None
        assert node.get("start") == expected, node.get("id")
        dated += expected is not None and values["kind"] == model.AGREEMENT
    assert dated >= 3, "fewer than three dated agreements: the timeline shows almost nothing"
    for edge in gexf_edges(gexf):
        first = gexf_values(gexf, edge, "edge").get("first_date")
        if edge.find("x:spells", X) is not None:   # an event edge: present on its events' days
            assert edge.get("start") is None and first, edge.get("id")
            continue
        assert edge.get("start") == (padded_date(first) if first else None), edge.get("id")
    assert all(ISO_DATE.fullmatch(e.get("start")) for e in graph.iter() if e.get("start"))


# --- Two relations between one pair, through networkx's readers --------------------------------

STATEMENT = "agreement/ARM-AZE-RUS/trilateral-statement"


def two_relations_graph() -> KnowledgeGraph:
    """Russia is both a party to and the mediator of one statement."""
    kg = KnowledgeGraph()
    kg.documents["d"] = Document("d", "x" * 40, date="2020-11-10")
    kg.add_entity(Entity(STATEMENT, model.AGREEMENT, "Trilateral statement"))
    kg.add_entity(Entity("state/RUS", model.STATE, "Russia", set(), {"iso3": "RUS"}))
    evidence = Evidence("d", 0, 5, 0, 40, "test", 0.9)
    kg.facts[Fact(STATEMENT, model.PARTY, "state/RUS")] = [evidence]
    kg.facts[Fact(STATEMENT, model.MEDIATOR, "state/RUS")] = [evidence]
    return kg


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_two_relations_between_one_pair_survive_networkx_readers(fmt: str, tmp_path: Path) -> None:
    # kg's own readers are tested in test_graphml.py/test_gexf.py; a user's networkx script reads
    # the file with networkx's plain readers, which must see both edges too.
    path = tmp_path / f"g.{fmt}"
    if fmt == "graphml":
        write_graphml(two_relations_graph().to_networkx(), path)
        back = nx.read_graphml(path)
    else:
        write_gexf(two_relations_graph().to_networkx(), path)
        back = nx.read_gexf(path)
    assert back.is_multigraph() and back.is_directed()
    labels = sorted(d["label"] for u, v, d in back.edges(data=True)
                    if (u, v) == (STATEMENT, "state/RUS"))
    assert labels == ["mediator", "party"]
    ids = {d.get("id", k) for *_, k, d in back.edges(keys=True, data=True)}
    assert ids == {f"{STATEMENT}|party|state/RUS", f"{STATEMENT}|mediator|state/RUS"}


# --- The README's legend -----------------------------------------------------------------------

def test_the_readme_colour_legend_is_the_palette() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\s*\|\s*([a-z_]+)\s*\|\s*`(#[0-9a-f]{6})`\s*\|\s*$", text,
                           re.MULTILINE))
    assert rows == dict(palette.legend()), "README's kind/colour table differs from the palette"
