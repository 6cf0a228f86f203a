"""Events in the GraphML and GEXF exports (issue 16): one edge per actor, PLOVER type and target,
coloured by type and dated with GEXF spells so Gephi's timeline plays them; events with no target
(or aimed at their own actor) have no edge. A news story of our own is built once; a hand-made
graph checks the counting, the dates and what is left out."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kg import model
from kg.build import build
from kg.data.event_codes import PLOVER_TYPES
from kg.export import palette
from kg.export.gexf import read_gexf, write_gexf
from kg.export.graphml import read_graphml
from kg.export.property_graph import build_property_graph
from kg.model import Document, Entity, Event, EventParticipant, KnowledgeGraph

SCHEMA = Path("/work/shared/schemas/gexf-1.3/gexf.rng")
STORY = Path(__file__).resolve().parent / "data" / "border-shelling-story.txt"


@pytest.fixture(scope="module")
def story_exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("event-exports")
    paths = {"gexf": folder / "story.gexf", "graphml": folder / "story.graphml"}
    build([str(STORY)], [str(p) for p in paths.values()], cache=False)
    return paths


def _event_edges(graph) -> dict[tuple[str, str, str], dict]:
    """(actor label, type, target label) → edge data, for the edges that are events."""
    return {(graph.nodes[u]["label"], d["event_type"], graph.nodes[v]["label"]): d
            for u, v, d in graph.edges(data=True) if d.get("event_type")}


def test_gexf_events_are_typed_dated_edges_from_actor_to_target(story_exports) -> None:
    edges = _event_edges(read_gexf(story_exports["gexf"]))
    shelling = edges[("Serbia", "FIGHT", "Kosovo")]
    assert shelling["kind"] == shelling["label"] == "FIGHT"   # Gephi's edge kind: the type
    assert "194" in shelling["cameo"].split("|")
    assert ("2025-03-13", "2025-03-13") in shelling["spells"]  # "on Thursday", before March 14
    sanctions = edges[("European Union", "SANCTION", "Serbia")]
    assert sanctions["spells"] == [("2025-02-01", "2025-02-28")]  # "in February 2025": the month
    assert sanctions["first_date"] == "2025-02"
    condemnation = edges[("Albania", "DISAPPROVE", "Serbia")]
    assert condemnation["spells"] == [("2025-03-14", "2025-03-14")]
    assert condemnation["color"] == palette.event_color("DISAPPROVE") != shelling["color"]


def test_gexf_with_events_is_dynamic_and_keeps_gephis_rules(story_exports) -> None:
    root = etree.parse(str(story_exports["gexf"])).getroot()
    ns = {"x": "http://gexf.net/1.3"}
    graph_element = root.find("x:graph", ns)
    assert graph_element.get("mode") == "dynamic" and graph_element.get("timeformat") == "date"
    edges = root.findall(".//x:edge", ns)
    assert edges and all(float(e.get("weight")) >= 1 for e in edges)
    for attribute in root.findall(".//x:attribute", ns):
        assert attribute.get("id").isdigit() and attribute.get("title")
    titles = {a.get("title") for a in root.findall("x:graph/x:attributes[@class='edge']/"
                                                   "x:attribute", ns)}
    assert {"event_type", "cameo", "event_dates"} <= titles


def test_gexf_with_events_validates_against_the_schema(story_exports) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"GEXF 1.3 RELAX NG schema not found at {SCHEMA} (kept outside the repo)")
    schema = etree.RelaxNG(file=str(SCHEMA))
    document = etree.parse(str(story_exports["gexf"]))
    assert document.getroot().findall(".//{http://gexf.net/1.3}spell")
    assert schema.validate(document), schema.error_log


def test_graphml_events_carry_type_dates_and_colour(story_exports) -> None:
    edges = _event_edges(read_graphml(story_exports["graphml"]))
    shelling = edges[("Serbia", "FIGHT", "Kosovo")]
    assert shelling["label"] == "FIGHT" and shelling["weight"] >= 1
    assert "2025-03-13" in shelling["event_dates"].split("|")
    assert shelling["color"] == palette.event_color("FIGHT")
    sanctions = edges[("European Union", "SANCTION", "Serbia")]
    assert (sanctions["first_date"], sanctions["last_date"]) == ("2025-02", "2025-02")


def test_an_event_aimed_at_its_own_actor_has_no_edge(story_exports) -> None:
    # "held talks in Podgorica": the talks are aimed at the state where they happen, which is
    # one of the actors; a self-loop would say Montenegro talked to itself.
    graph = read_gexf(story_exports["gexf"])
    assert not [k for u, v, k in graph.edges(keys=True) if u == v]
    assert ("North Macedonia", "CONSULT", "Montenegro") in _event_edges(graph)


# --- a graph made by hand: counting, dates and what has no edge ------------------------------

def _event(key: str, event_type: str, date: str | None, document: str = "d1") -> Event:
    return Event(key, document, event_type, None, "190", 0, 5, 0, 40, "test-rule", 0.8,
                 date=date)


def hand_made_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.documents["d1"] = Document("d1", "x" * 80, date="2024-06-05")
    for iso3, name in (("ARM", "Armenia"), ("AZE", "Azerbaijan"), ("RUS", "Russia")):
        kg.add_entity(Entity(f"state/{iso3}", model.STATE, name, set(), {"iso3": iso3}))
    kg.events += [_event("e1", "FIGHT", "2024-06-01"), _event("e2", "FIGHT", None),
                  _event("e3", "FIGHT", "2024-06"), _event("e4", "MOBILIZE", "2024-06-02"),
                  _event("e5", "AGREE", "2024"), _event("e6", "ASSAULT", "2024-06-03")]
    roles = [("e1", "actor", "ARM"), ("e1", "target", "AZE"), ("e2", "actor", "ARM"),
             ("e2", "target", "AZE"), ("e3", "actor", "ARM"), ("e3", "target", "AZE"),
             ("e4", "actor", "RUS"),                                   # no target
             ("e5", "actor", "ARM"), ("e5", "actor", "AZE"), ("e5", "mediator", "RUS"),
             ("e6", "actor", "AZE"), ("e6", "target", "state/unknown")]  # not in the graph
    kg.participants += [EventParticipant(e, "d1", role, who if "/" in who else f"state/{who}",
                                         None) for e, role, who in roles]
    return kg


def test_events_of_one_pair_and_type_are_one_edge_with_their_days() -> None:
    graph = hand_made_graph().to_networkx()
    data = graph.edges["state/ARM", "state/AZE", "state/ARM|FIGHT|state/AZE"]
    assert data["weight"] == 3
    # 2024-06-01 lies inside "June 2024"; the undated event takes its article's date (June 5).
    record = next(e for e in build_property_graph(graph).edges
                  if e.id == "state/ARM|FIGHT|state/AZE")
    assert record.spells == [("2024-06-01", "2024-06-30")]
    assert record.start is None
    assert (data["first_date"], data["last_date"]) == ("2024-06", "2024-06-05")


def test_events_without_two_ends_have_no_edge(tmp_path: Path) -> None:
    graph = hand_made_graph().to_networkx()
    ends = {(u, d.get("event_type"), v) for u, v, d in graph.edges(data=True)}
    # MOBILIZE has one actor and no target, ASSAULT a target kg lacks: no edge. AGREE has two
    # actors and no target: they are each other's counterpart; its mediator gets no edge.
    assert ends == {("state/ARM", "FIGHT", "state/AZE"), ("state/ARM", "AGREE", "state/AZE")}
    write_gexf(graph, tmp_path / "hand.gexf")
    spells = {d["label"]: d["spells"] for *_, d in read_gexf(tmp_path / "hand.gexf").edges(data=True)}
    assert spells == {"FIGHT": [("2024-06-01", "2024-06-30")],
                      "AGREE": [("2024-01-01", "2024-12-31")]}


def test_every_plover_type_has_its_own_colour() -> None:
    assert set(palette.EVENT_PALETTE) == set(PLOVER_TYPES)
    assert len(set(palette.EVENT_PALETTE.values())) == len(PLOVER_TYPES)
    assert palette.event_color("NOT-A-TYPE") == palette.UNKNOWN_KIND_COLOR


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_lites_parsers_read_event_edges_with_type_and_colour(fmt, story_exports) -> None:
    # graphology-gexf and graphology-graphml (Gephi Lite) skip the spells but must keep the
    # edge, its type and its colour ("rgb(r,g,b)" from GEXF's viz:color, "#rrggbb" in GraphML).
    from test_gephi_interop import read_with_graphology

    edges = read_with_graphology(fmt, story_exports[fmt])["edges"]
    [fight] = [e for e in edges if e["attributes"].get("event_type") == "FIGHT"
               and e["key"].startswith("state/SRB|")]
    r, g, b = palette.rgb(palette.event_color("FIGHT"))
    assert fight["attributes"]["color"] in (f"rgb({r},{g},{b})", palette.event_color("FIGHT"))
    assert fight["attributes"]["weight"] >= 1 and fight["attributes"]["label"] == "FIGHT"
