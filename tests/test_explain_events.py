"""`kg explain` shows an entity's events (as actor, target or mediator) with their type, date,
other side and sentence, and explains an event's own IRI (`kgd:event/…`), on a news story of our
own (tests/data/border-shelling-story.txt)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.explain import explain_graph
from kg.explain_records import RecordExplanation
from kg.query import load_graph, run_query
from kg.query_output import compact_iri

STORY = Path(__file__).resolve().parent / "data" / "border-shelling-story.txt"


@pytest.fixture(scope="module")
def story_ttl(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("explain-events") / "story.ttl"
    build([str(STORY)], [str(out)], cache=False)
    return out


@pytest.fixture(scope="module")
def graph(story_ttl: Path) -> rdflib.Graph:
    return load_graph([story_ttl])


def _marked(event) -> list[str]:
    return [event.sentence[b:e] for b, e in event.highlights]


def test_an_entity_lists_its_events_as_actor_and_as_target(graph) -> None:
    events = explain_graph(graph, "Serbia").events
    shelling = [e for e in events if e.type == "FIGHT" and e.role == "actor"
                and e.date == "2025-03-13"]
    assert shelling and shelling[0].side("target") == ["Kosovo"]
    assert {"Serbia", "shelled", "Kosovo"} <= set(_marked(shelling[0]))
    assert "Thursday" in shelling[0].sentence
    sanctions = [e for e in events if e.type == "SANCTION"]
    assert [(e.role, e.side("actor"), e.date) for e in sanctions] == [
        ("target", ["European Union"], "2025-02")]
    assert sanctions[0].cameo and sanctions[0].trigger == "sanctions"


def test_the_other_side_sees_the_same_event_from_its_end(graph) -> None:
    serbia = {e.iri for e in explain_graph(graph, "Serbia").events if e.type == "FIGHT"}
    kosovo = [e for e in explain_graph(graph, "Kosovo").events
              if e.type == "FIGHT" and e.iri in serbia]
    assert kosovo and all(e.role == "target" for e in kosovo)


def test_an_event_iri_is_explained_as_the_event(graph, story_ttl) -> None:
    rows = run_query([story_ttl], "events")
    row = next(dict(zip(rows.columns, r)) for r in rows.rows
               if dict(zip(rows.columns, r))["type"] == "SANCTION")
    record = explain_graph(graph, compact_iri(row["event"]))
    assert isinstance(record, RecordExplanation) and record.kind == "event"
    [event] = record.events
    assert (event.type, event.side("target"), event.role) == ("SANCTION", ["Serbia"], "")
    assert record.name.startswith("SANCTION")


def test_cli_prints_events_in_text_and_json(story_ttl) -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["explain", str(story_ttl), "Albania"])
    assert text.exit_code == 0, text.output
    assert "DISAPPROVE as actor: Albania → Serbia (2025-03-14)" in text.output
    assert "[Albania] [condemned] [Serbia] on Friday." in text.output
    data = json.loads(runner.invoke(app, ["explain", str(story_ttl), "Albania", "-f",
                                          "json"]).output)
    [event] = [e for e in data["events"] if e["type"] == "DISAPPROVE"]
    assert [(p["role"], p["name"]) for p in event["participants"]] == [
        ("actor", "Albania"), ("target", "Serbia")]
