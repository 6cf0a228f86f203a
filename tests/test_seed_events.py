"""The seed article's events through the named query `events` (issue 16): Armenia's fire on
Azerbaijani positions, the clashes between the two countries' troops, the ministry's accusation,
and the 2020 deal brokered by Russia, linked to the agreement. Skips without the article."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.build import build
from kg.query import run_query
from kg.vocab import KG

SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed.txt"


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory) -> tuple[Path, list[dict[str, str]]]:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    out = tmp_path_factory.mktemp("seed-events") / "seed.ttl"
    build([str(SEED)], [str(out)])
    result = run_query([out], "events")
    return out, [dict(zip(result.columns, row)) for row in result.rows]


def test_the_columns_are_the_issues(seed_events) -> None:
    result = run_query([seed_events[0]], "events")
    assert result.columns == ["event", "type", "cameo", "actor_name", "actor_iso3", "target_name",
                              "target_iso3", "date", "place_name", "claimant_name", "document",
                              "begin", "end"]


def test_armenian_fire_on_azerbaijani_positions(seed_events) -> None:
    text = SEED.read_text(encoding="utf-8")
    fire = [r for r in seed_events[1] if r["type"] == "FIGHT" and r["actor_iso3"] == "ARM"
            and r["target_iso3"] == "AZE"]
    assert fire and text[int(fire[0]["begin"]):int(fire[0]["end"])] == "fire"
    assert fire[0]["claimant_name"]       # reported by the ministry's official


def test_the_clashes_between_the_troops(seed_events) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert any(r["type"] == "FIGHT" and text[int(r["begin"]):int(r["end"])] == "clashes"
               for r in seed_events[1])


def test_the_ministrys_accusation(seed_events) -> None:
    assert any(r["type"] == "DISAPPROVE" and r["actor_iso3"] == "AZE"
               and "Ministry" in r["actor_name"] and r["target_iso3"] == "ARM"
               for r in seed_events[1])


def test_the_deal_brokered_by_russia(seed_events) -> None:
    path, rows = seed_events
    brokered = [r for r in rows if r["type"] == "AGREE" and r["date"].startswith("2020")
                and r["claimant_name"] == ""]
    assert {r["actor_iso3"] for r in brokered} == {"ARM", "AZE"}
    graph = Graph().parse(path)
    event = brokered[0]["event"]
    [mediator] = graph.objects(predicate=KG.mediatedBy, subject=URIRef(event))
    assert mediator.endswith("state/RUS")
    [agreement] = graph.objects(predicate=KG.concerns, subject=URIRef(event))
    assert (agreement, KG.party, None) in graph
