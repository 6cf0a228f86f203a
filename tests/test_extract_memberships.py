"""Membership of people in parties and bodies, and a person's state from a nationality
adjective (kg.nlp.memberships), on sentences we wrote."""
from __future__ import annotations

import csv
import io

import pytest

from kg import model

from extraction_helpers import facts

MEMBERSHIPS = [
    ("David Miller, a member of the Liberal Party, voted against the treaty.",
     "person/david-miller", "Liberal Party", "a member of the Liberal Party"),
    ("Robert Johnson was a founding member of the Farmers' Party.",
     "person/robert-johnson", "Farmers' Party", "founding member of the Farmers' Party"),
    ("The bill was opposed by John Peterson (Centre Party) and two others.",
     "person/john-peterson", "Centre Party", "John Peterson (Centre Party"),
    ("Socialist Party founder Carlos Mendoza resigned in May.",
     "person/carlos-mendoza", "Socialist Party", "Socialist Party founder Carlos Mendoza"),
    ("Robert Johnson is a Labour Party politician from Leeds.",
     "person/robert-johnson", "Labour Party", "Robert Johnson is a Labour Party"),
]


@pytest.mark.parametrize("text, person, party, evidence_words", MEMBERSHIPS,
                         ids=["appositive-member-of", "verb-member-of", "party-in-brackets",
                              "party-before-name", "party-politician"])
def test_membership(extract_text, text, person, party, evidence_words):
    ex = extract_text(text)
    [(body, evidence)] = facts(ex, model.MEMBER_OF, person)
    assert ex.entities[body].name == party
    assert ex.entities[body].kind == model.POLITICAL_PARTY
    assert evidence_words in evidence


def test_a_party_named_near_a_person_is_not_a_membership(extract_text):
    ex = extract_text("David Miller criticised the Liberal Party on Monday.")
    assert facts(ex, model.MEMBER_OF) == []


def test_officials_query_falls_back_to_the_party(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Robert Johnson is a Swedish Centre Party politician.\n", encoding="utf-8")
    graph = tmp_path / "g.ttl"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(article), "-o", str(graph), "--no-cache"]).exit_code == 0
    result = runner.invoke(app, ["query", str(graph), "officials", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["post"], r["org_name"], r["state_iso3"]) for r in rows] == \
        [("Robert Johnson", "", "Swedish Centre Party", "SWE")]


NATIONALITIES = [
    ("Marek Nowak (born 1950) is a Polish politician who served in the Sejm.",
     "person/marek-nowak", "state/POL"),
    ("David Miller, a Kenyan diplomat, arrived in Geneva.", "person/david-miller", "state/KEN"),
]


@pytest.mark.parametrize("text, person, state", NATIONALITIES, ids=["is-a", "appositive"])
def test_nationality_adjective_gives_the_persons_state(extract_text, text, person, state):
    ex = extract_text(text)
    assert [s for s, _ in facts(ex, model.STATE_OF, person)] == [state]


def test_a_state_adjective_on_a_thing_is_not_a_nationality(extract_text):
    ex = extract_text("David Miller met a Polish delegation in Warsaw.")
    assert facts(ex, model.STATE_OF, "person/david-miller") == []
