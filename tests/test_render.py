"""`kg render`: the graph read from RDF, the layouts, PNG/SVG pictures and the offline HTML page
(drawn in headless Chromium where it is installed).

Most tests draw a small Turtle graph written below; one module-scoped fixture renders the
committed exports/graph.ttl once in each format.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, OutputError
from kg.export import palette
from kg.export.graphml import read_graphml
from kg.render import render
from kg.render.graph_from_rdf import graph_from_rdf
from kg.render.html import page_html, script_json
from kg.render.layout import geo_positions, spring_positions
from kg.render.style import labelled_nodes

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "exports"
STATEMENT = "agreement/ARM-AZE-RUS/trilateral-statement"
HOSTILE = "</script><script>alert(1)</script> <!-- 🕊️ שלום & \u2028"
EXAMPLE_STATES = ("Armenia", "Azerbaijan", "Russia", "Israel", "Ethiopia")

SMALL_TTL = f"""
@base <https://w3id.org/diplograph/id/> .
@prefix kg: <https://w3id.org/diplograph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .

<state/ARM> a kg:State ; rdfs:label "Armenia" ; kg:kind "state" ; kg:iso3 "ARM" ;
    kg:capital <place/ARM/yerevan> ; skos:exactMatch <https://sws.geonames.org/174982/> .
<state/AZE> a kg:State ; rdfs:label "Azerbaijan" ; kg:kind "state" ; kg:iso3 "AZE" ;
    skos:altLabel "Republic of Azerbaijan" ; kg:capital <place/AZE/baku> .
<state/RUS> a kg:State ; rdfs:label "Russia" ; kg:kind "state" ; kg:iso3 "RUS" .
<place/ARM/yerevan> a kg:Place ; rdfs:label "Yerevan" ; kg:kind "place" ;
    schema:latitude "40.18"^^xsd:decimal ; schema:longitude "44.51"^^xsd:decimal ;
    kg:locatedIn <state/ARM> .
<place/AZE/baku> a kg:Place ; rdfs:label "Baku" ; kg:kind "place" ;
    schema:latitude "40.41"^^xsd:decimal ; schema:longitude "49.87"^^xsd:decimal .
<{STATEMENT}> a kg:Agreement ; rdfs:label "Trilateral statement" ; kg:kind "agreement" ;
    kg:dateSigned "2020-11-10"^^xsd:date ; kg:status "signed" ;
    kg:party <state/ARM>, <state/AZE>, <state/RUS> ; kg:mediator <state/RUS> ;
    kg:signatory <person/vladimir-putin> .
<person/vladimir-putin> a kg:Person ; rdfs:label "Vladimir Putin" ; kg:kind "person" ;
    kg:state <state/RUS> .
<person/hostile> a kg:Person ; rdfs:label {json.dumps(HOSTILE, ensure_ascii=False)} ; kg:kind "person" .

<assertion/1> a kg:Assertion ; rdf:subject <{STATEMENT}> ; rdf:predicate kg:party ;
    rdf:object <state/RUS> .
<assertion/2> a kg:Assertion ; rdf:subject <{STATEMENT}> ; rdf:predicate kg:party ;
    rdf:object <state/RUS> .
<assertion/3> a kg:Assertion ; rdf:subject <{STATEMENT}> ; rdf:predicate kg:mediator ;
    rdf:object <state/RUS> .
<background/1> a kg:BackgroundAssertion ; rdf:subject <state/ARM> ; rdf:predicate kg:capital ;
    rdf:object <place/ARM/yerevan> .
<doc/d#char=0,6> itsrdf:taIdentRef <state/RUS> .
<doc/d#char=9,15> itsrdf:taIdentRef <state/RUS> .
<doc/d#char=20,27> itsrdf:taIdentRef <state/ARM> .
"""
SMALL_NODES = 8
SMALL_EDGES = 9


@pytest.fixture(scope="module")
def small_ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.ttl"
    path.write_text(SMALL_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_graph(small_ttl: Path) -> nx.MultiDiGraph:
    return graph_from_rdf([small_ttl])


@pytest.fixture(scope="module")
def exports_rendered(tmp_path_factory) -> dict[str, Path]:
    """exports/graph.ttl rendered once, in the three formats, by one call."""
    folder = tmp_path_factory.mktemp("exports-render")
    paths = {ext: folder / f"graph{ext}" for ext in (".png", ".svg", ".html")}
    result = render([EXPORTS / "graph.ttl"], list(paths.values()))
    assert result.outputs == list(paths.values())
    return paths


# --- The graph read from RDF -------------------------------------------------------------------

def test_graph_from_rdf_reads_entities_attributes_and_relations(small_graph) -> None:
    graph = small_graph
    assert graph.number_of_nodes() == SMALL_NODES and graph.number_of_edges() == SMALL_EDGES
    armenia = graph.nodes["state/ARM"]
    assert (armenia["label"], armenia["kind"], armenia["iso3"], armenia["mentions"]) == (
        "Armenia", "state", "ARM", 1)
    assert graph.nodes["state/AZE"]["aliases"] == ["Republic of Azerbaijan"]
    assert graph.nodes["place/AZE/baku"]["longitude"] == pytest.approx(49.87)
    statement = graph.nodes[STATEMENT]
    assert statement["dateSigned"] == ["2020-11-10"] and statement["status"] == ["signed"]
    assert graph.nodes["person/hostile"]["label"] == HOSTILE
    # rdf:type and skos:exactMatch point at no entity: they are not edges.
    assert not [e for e in graph.edges(data=True)
                if e[2]["label"] in ("type", "skos:exactMatch")]


def test_two_relations_between_one_pair_are_two_edges_with_their_support(small_graph) -> None:
    pair = {d["label"]: d["weight"] for u, v, d in small_graph.edges(data=True)
            if (u, v) == (STATEMENT, "state/RUS")}
    assert pair == {"party": 2, "mediator": 1}
    capital = small_graph.edges["state/ARM", "place/ARM/yerevan", "state/ARM|capital|place/ARM/yerevan"]
    assert capital["background"] is True and capital["weight"] == 1  # a table is one source


def test_graph_of_the_turtle_export_is_the_graph_of_the_graphml_export() -> None:
    # Both come from one build of examples/: same entities, relations, mentions and support.
    from_rdf = graph_from_rdf([EXPORTS / "graph.ttl"])
    from_graphml = read_graphml(EXPORTS / "graph.graphml")
    assert set(from_rdf.nodes) == set(from_graphml.nodes)
    assert set(from_rdf.edges(keys=True)) == set(from_graphml.edges(keys=True))
    for node, data in from_rdf.nodes(data=True):
        other = from_graphml.nodes[node]
        assert (data["label"], data["kind"], data["mentions"]) == (
            other["label"], other["kind"], other["mentions"]), node
    for u, v, key, data in from_rdf.edges(keys=True, data=True):
        other = from_graphml.edges[u, v, key]
        assert (data["label"], data["weight"], data["background"]) == (
            other["label"], other["weight"], other["background"]), key


def test_a_file_with_no_entities_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(InputError, match="no entities"):
        render([empty], [tmp_path / "g.png"])
    assert not (tmp_path / "g.png").exists()


# --- Layout and labels -------------------------------------------------------------------------

def test_spring_layout_is_deterministic_and_ignores_insertion_order(small_graph) -> None:
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(small_graph.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(small_graph.edges(keys=True, data=True))))
    positions = spring_positions(small_graph)
    assert set(positions) == set(small_graph.nodes)
    assert spring_positions(small_graph) == positions == spring_positions(reversed_graph)
    # No two nodes on one spot.
    assert len({(round(x, 6), round(y, 6)) for x, y in positions.values()}) == SMALL_NODES


def test_geo_layout_puts_places_on_their_coordinates_and_states_on_their_capitals(
        small_graph) -> None:
    positions = geo_positions(small_graph)
    assert set(positions) == set(small_graph.nodes)
    yerevan, baku = positions["place/ARM/yerevan"], positions["place/AZE/baku"]
    assert baku[0] > yerevan[0] and baku[1] > yerevan[1]  # east and (slightly) north
    ratio = (baku[1] - yerevan[1]) / (baku[0] - yerevan[0])
    assert ratio == pytest.approx((40.41 - 40.18) / (49.87 - 44.51))  # one scale for both axes
    assert positions["state/ARM"] == yerevan and positions["state/AZE"] == baku
    # The unconnected person is packed below the map.
    assert positions["person/hostile"][1] < min(yerevan[1], baku[1])


def test_labels_go_to_every_state_and_the_most_connected_nodes(small_graph) -> None:
    # Degrees: the statement 5, Russia and Armenia 3 (Russia has more mentions), the rest 2.
    assert labelled_nodes(small_graph, top=0) == ["state/RUS", "state/ARM", "state/AZE"]
    assert labelled_nodes(small_graph, top=1) == [STATEMENT, "state/RUS", "state/ARM",
                                                  "state/AZE"]
    five = labelled_nodes(small_graph, top=5)
    assert len(five) == 6 and "person/vladimir-putin" in five and "person/hostile" not in five


# --- PNG and SVG -------------------------------------------------------------------------------

def test_png_is_a_png_of_the_graph_in_palette_colours(exports_rendered) -> None:
    image = pytest.importorskip("matplotlib.image")
    path = exports_rendered[".png"]
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = image.imread(str(path))
    height, width = pixels.shape[:2]
    assert width >= 1000 and height >= 1000, (width, height)
    channels = (pixels[..., :3] * 255).round().astype(int)
    for kind in ("state", "person", "agreement", "place"):
        colour = palette.rgb(palette.color_for(kind))
        assert (channels == colour).all(axis=-1).any(), f"no {kind} colour in the picture"


def test_svg_parses_and_shows_state_labels_and_the_legend(exports_rendered) -> None:
    root = ET.parse(exports_rendered[".svg"]).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for state in EXAMPLE_STATES:
        assert state in texts, f"no label {state!r} in the SVG"
    assert any(re.fullmatch(r"state \(\d+\)", t) for t in texts), "no legend entry for states"
    # matplotlib writes the time of rendering as <dc:date> unless told not to.
    assert "dc:date" not in exports_rendered[".svg"].read_text(encoding="utf-8")


def test_two_svg_renders_are_byte_identical(small_ttl: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.svg", tmp_path / "two.svg"
    render([small_ttl], [one])
    render([small_ttl], [two])
    assert one.read_bytes() == two.read_bytes()
    assert b"Armenia" in one.read_bytes()


def test_unknown_extension_is_an_error_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"\.png, \.svg, \.html"):
        render([tmp_path / "missing.ttl"], [tmp_path / "graph.pdf"])


# --- HTML --------------------------------------------------------------------------------------

REMOTE = [
    (r"<script\b[^>]*\bsrc\s*=", "a <script src=>"),
    (r"<link\b", "a <link> element"),
    (r"<(?:img|iframe|embed|object|source)\b[^>]*\b(?:src|data)\s*=\s*[\"']?(?:https?:)?//",
     "an embedded remote resource"),
    (r"@import", "a CSS @import"),
    (r"url\(\s*[\"']?(?:https?:)?//", "a CSS url() of a remote file"),
    (r"\bfetch\s*\(", "a fetch() call"),
    (r"XMLHttpRequest|new\s+WebSocket|EventSource\(", "a request object"),
    (r"sourceMappingURL", "a source map reference"),
    (r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", "a remote src/href"),
]


@pytest.mark.parametrize("pattern, what", REMOTE, ids=[w for _, w in REMOTE])
def test_html_makes_no_network_request(pattern: str, what: str, exports_rendered) -> None:
    text = exports_rendered[".html"].read_text(encoding="utf-8")
    found = re.search(pattern, text, re.IGNORECASE)
    assert found is None, f"the page holds {what}: …{text[found.start() - 40:found.end() + 40]}…"


def test_html_carries_names_safely_inside_its_script(small_graph) -> None:
    text = page_html(small_graph, spring_positions(small_graph), "kg <test>")
    assert page_html(small_graph, spring_positions(small_graph), "kg <test>") == text
    # Our three <script> elements and no other: the hostile name closed none of them.
    assert text.count("</script>") == 3 and "<title>kg &lt;test&gt;</title>" in text
    data_text = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text,
                          re.DOTALL).group(1)
    assert "<" not in data_text
    data = json.loads(data_text)
    assert {n["label"] for n in data["nodes"]} >= {HOSTILE, "Armenia"}
    assert len(data["nodes"]) == SMALL_NODES and len(data["edges"]) == SMALL_EDGES
    assert json.loads(script_json({"k": HOSTILE})) == {"k": HOSTILE}


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it")


def drawn_nodes(page: Path, tmp_path: Path, fragment: str = "") -> int:
    """Open `page` in headless Chromium with every host name unresolvable (a page that needed the
    network would fail to draw) and read the count the page writes after drawing."""
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", "--virtual-time-budget=10000",
               "--dump-dom", page.resolve().as_uri() + fragment]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<body[^>]*\bdata-drawn-nodes="(\d+)"', done.stdout)
    assert found, f"the page never finished drawing; Chromium said: {done.stderr[-2000:]}"
    return int(found.group(1))


def test_html_page_draws_every_node_in_chromium(exports_rendered, tmp_path: Path) -> None:
    expected = graph_from_rdf([EXPORTS / "graph.ttl"]).number_of_nodes()
    assert drawn_nodes(exports_rendered[".html"], tmp_path) == expected


def test_html_page_filters_by_kind_in_chromium(small_ttl: Path, tmp_path: Path) -> None:
    page = tmp_path / "small.html"
    render([small_ttl], [page])
    assert drawn_nodes(page, tmp_path, "#hide=person,place") == SMALL_NODES - 4


# --- CLI ---------------------------------------------------------------------------------------

def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()


def test_cli_renders_every_output_and_prints_a_summary(small_ttl: Path, tmp_path: Path) -> None:
    outputs = [tmp_path / "g.png", tmp_path / "g.html"]
    result = runner().invoke(app, ["render", str(small_ttl), "-o", str(outputs[0]),
                                   "-o", str(outputs[1]), "--layout", "geo"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"rendered {SMALL_NODES} entities, {SMALL_EDGES} relations" in result.stderr
    assert all(p.is_file() and p.stat().st_size > 1000 for p in outputs)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left"


def test_cli_unknown_format_is_one_line_listing_the_formats(small_ttl: Path,
                                                            tmp_path: Path) -> None:
    result = runner().invoke(app, ["render", str(small_ttl), "-o", str(tmp_path / "g.jpg")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: error: ")
    assert ".png, .svg, .html" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_readme_shows_the_picture_of_the_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "kg render exports/graph.ttl -o docs/graph.png" in readme
    assert "](docs/graph.png)" in readme
    picture = ROOT / "docs" / "graph.png"
    assert picture.is_file() and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
