"""A surname alone that the NER calls an organisation but that stands in an election is a
person (kg.nlp.political_roles); a company that wins a contract or speaks stays a company."""
from __future__ import annotations

import pytest

from extraction_helpers import extract_with_entities, facts, mentions_of
from kg import model


@pytest.mark.parametrize("text, name, title", [
    ("In the 2011 federal election, Brackley contested the riding of Northfield and finished "
     "second.", "Brackley", "candidate"),
    ("Brackley has been re-elected in every election since 1997, each time with more than "
     "half of the vote.", "Brackley", "elected representative"),
    ("At the 2004 provincial election, Brackley campaigned for the seat of Northfield.",
     "Brackley", "candidate"),
])
def test_surname_standing_in_an_election_is_a_person(nlp, text, name, title):
    ex = extract_with_entities(nlp, text, [name], label="ORG")
    person = "person/" + name.lower()
    assert [key for key, _ in mentions_of(ex, "person/")] == [person]
    assert not [key for key, _ in mentions_of(ex, "org/") if name.lower() in key]
    titles = {ex.entities[obj].attributes.get("title") for obj, _ in facts(ex, model.HOLDS, person)}
    assert titles == {title}


@pytest.mark.parametrize("text, name", [
    ("After the 2011 election, Halvorsen won the contract to rebuild the harbour bridge.",
     "Halvorsen"),
    ("Halvorsen said the election of a new council would not change its plans for the port.",
     "Halvorsen"),
])
def test_company_in_an_election_sentence_stays_an_organisation(nlp, text, name):
    ex = extract_with_entities(nlp, text, [name], label="ORG")
    assert not mentions_of(ex, "person/")
    assert [anchor for _, anchor in mentions_of(ex, "org/")] == [name]


def _titles(ex, person: str) -> set[str]:
    return {ex.entities[obj].attributes.get("title") for obj, _ in facts(ex, model.HOLDS, person)}


def test_name_in_apposition_to_the_subject_is_elected(nlp):
    ex = extract_with_entities(
        nlp, "Her brother, Tom Hale, was elected to the council in the 1998 election.",
        ["Tom Hale"])
    assert _titles(ex, "person/tom-hale") == {"elected representative"}


def test_rival_a_candidate_placed_second_to(nlp):
    ex = extract_with_entities(
        nlp, "In the 1997 election, Ann Weller placed second to Tom Brand, with 21% of the vote.",
        ["Ann Weller", "Tom Brand"])
    assert _titles(ex, "person/tom-brand") == {"candidate"}


def test_surname_a_candidate_lost_to_is_a_person(nlp):
    ex = extract_with_entities(
        nlp, "In the 1962 provincial election, Ann Weller lost to Brackley by 300 votes.",
        ["Brackley"], label="ORG")
    assert _titles(ex, "person/brackley") == {"candidate"}
    assert not [key for key, _ in mentions_of(ex, "org/") if "brackley" in key]
