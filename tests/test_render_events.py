"""`kg render --color-by event-type`: each event edge (actor → target) in its PLOVER type's colour
over grey nodes, with a legend of the types, in the PNG/SVG and in the HTML page; on a news story
of our own (tests/data/border-shelling-story.txt)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.errors import OutputError
from kg.export import palette
from kg.render import render
from kg.render.graph_from_rdf import graph_from_rdf
from kg.render.html import page_data
from kg.render.layout import spring_positions
from kg.render.style import NEUTRAL_NODE_COLOR

STORY = Path(__file__).resolve().parent / "data" / "border-shelling-story.txt"
FIGHT = palette.event_color("FIGHT")
STATE = palette.color_for("state")


@pytest.fixture(scope="module")
def story_ttl(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("render-events") / "story.ttl"
    build([str(STORY)], [str(out)], cache=False)
    return out


def _svg_texts(path: Path) -> set[str]:
    root = ET.parse(path).getroot()
    return {"".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")}


def test_svg_coloured_by_event_type_draws_events_in_their_colours(story_ttl, tmp_path) -> None:
    by_type, by_kind = tmp_path / "events.svg", tmp_path / "kinds.svg"
    render([story_ttl], [by_type], color_by="event-type")
    render([story_ttl], [by_kind])
    text = by_type.read_text(encoding="utf-8").lower()
    assert FIGHT in text and STATE not in text           # events coloured, nodes grey
    assert any(t.startswith("FIGHT (") for t in _svg_texts(by_type))
    assert "event type (number of events)" in _svg_texts(by_type)
    kinds = by_kind.read_text(encoding="utf-8").lower()
    assert FIGHT not in kinds and STATE in kinds          # the default: nodes by kind
    assert not any(t.startswith("FIGHT") for t in _svg_texts(by_kind))


def test_html_page_colours_event_edges_and_lists_the_types(story_ttl) -> None:
    graph = graph_from_rdf([story_ttl])
    positions = spring_positions(graph)
    data = page_data(graph, positions, "event-type")
    coloured = {e["id"].split("|")[1]: e["color"] for e in data["edges"] if "color" in e}
    assert coloured["FIGHT"] == FIGHT and coloured["SANCTION"] == palette.event_color("SANCTION")
    assert {n["color"] for n in data["nodes"]} == {NEUTRAL_NODE_COLOR}
    assert ("FIGHT", FIGHT) in {(t["type"], t["color"]) for t in data["events"]}
    plain = page_data(graph, positions)
    assert not [e for e in plain["edges"] if "color" in e] and plain["events"] == []
    fight = next(e for e in data["edges"] if "|FIGHT|" in e["id"])
    assert ("event type", "FIGHT") in [tuple(d) for d in fight["details"]]


def test_cli_takes_color_by_and_refuses_an_unknown_colouring(story_ttl, tmp_path) -> None:
    runner = CliRunner()
    out = tmp_path / "events.png"
    result = runner.invoke(app, ["render", str(story_ttl), "-o", str(out), "--color-by",
                                 "event-type"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")
    wrong = runner.invoke(app, ["render", str(story_ttl), "-o", str(out), "--color-by", "mood"])
    assert wrong.exit_code == 2
    with pytest.raises(OutputError, match="event-type"):
        render([story_ttl], [tmp_path / "x.svg"], color_by="mood")
