"""Political roles the text gives around a name (kg.nlp.political_roles): parties, leaders,
seats won or contested, heads of government; and who these rules leave alone (a journalist of
a newspaper, a relative, a teacher)."""
from __future__ import annotations

import pytest

from extraction_helpers import extract_with_entities, facts
from kg import model


def _roles(ex, person: str) -> tuple[set[str], set[str]]:
    """(the bodies the person is a member of, the titles of the posts the person holds)."""
    members = {obj for obj, _ in facts(ex, model.MEMBER_OF, person)}
    titles = {ex.entities[obj].attributes.get("title") for obj, _ in facts(ex, model.HOLDS, person)}
    return members, titles


@pytest.mark.parametrize("text, name, party", [
    ("In the 2015 general election the seat was won by Tom Hardacre of the Green Left Party, "
     "with the support of the Farmers' Party.", "Tom Hardacre", "green-left-party"),
    ("Maria Kessel was re-elected in the 2010 and 2014 elections as a member of the Social "
     "Progress Party.", "Maria Kessel", "social-progress-party"),
])
def test_elected_member_of_a_party(nlp, text, name, party):
    ex = extract_with_entities(nlp, text, [name])
    person = "person/" + name.lower().replace(" ", "-")
    assert _roles(ex, person) == ({f"org/_/{party}"}, {"elected representative"})


def test_journalist_of_a_newspaper_is_no_member(nlp):
    ex = extract_with_entities(
        nlp, "Carl Munk of the Daily Courier wrote that the vote was close.", ["Carl Munk"])
    assert _roles(ex, "person/carl-munk") == (set(), set())


def test_relative_and_teacher_get_no_role(nlp):
    ex = extract_with_entities(
        nlp, "The wife of Carl Munk, Anna Munk, told reporters that residents were worried. "
             "He studied economics under Tom Lee at Oxford University.",
        ["Carl Munk", "Anna Munk", "Tom Lee"])
    for person in ("person/carl-munk", "person/anna-munk", "person/tom-lee"):
        assert _roles(ex, person) == (set(), set())


def test_party_led_by_two_people(nlp):
    ex = extract_with_entities(
        nlp, "The Civic Reform Party, led by Anton Lisak and Pavel Dorn, won 40 seats.",
        ["Anton Lisak", "Pavel Dorn"])
    for person in ("person/anton-lisak", "person/pavel-dorn"):
        members, titles = _roles(ex, person)
        assert members == {"org/_/civic-reform-party"} and titles == {"leader"}


def test_party_under_a_leader(nlp):
    ex = extract_with_entities(
        nlp, "Under Karl Brandt, the Freedom Party won a majority.", ["Karl Brandt"])
    assert _roles(ex, "person/karl-brandt") == ({"org/_/freedom-party"}, {"leader"})


def test_candidate_and_rival(nlp):
    ex = extract_with_entities(
        nlp, "Jane Roe contested the seat of Westfield in the 2001 election, losing to John "
             "Barlow of the National Party.", ["Jane Roe", "John Barlow"])
    assert _roles(ex, "person/jane-roe") == (set(), {"candidate"})
    assert _roles(ex, "person/john-barlow") == ({"org/_/national-party"}, {"candidate"})


def test_ran_for_an_organisation_makes_it_a_party(nlp):
    ex = extract_with_entities(
        nlp, "Ruth Adler ran for the Northern Alliance in the 1998 election.", ["Ruth Adler"])
    members, titles = _roles(ex, "person/ruth-adler")
    assert titles == {"candidate"}
    assert len(members) == 1
    assert ex.entities[members.pop()].kind == model.POLITICAL_PARTY


def test_possessive_party(nlp):
    ex = extract_with_entities(nlp, "Anna Berg's Unity Party won the election.", ["Anna Berg"])
    assert _roles(ex, "person/anna-berg")[0] == {"org/_/unity-party"}


def test_possessive_relative_is_no_member(nlp):
    ex = extract_with_entities(nlp, "Anna Berg's brother, Lars Berg, is a teacher.",
                               ["Anna Berg", "Lars Berg"])
    assert _roles(ex, "person/anna-berg") == (set(), set())
    assert _roles(ex, "person/lars-berg") == (set(), set())


@pytest.mark.parametrize("text", [
    "The talks stalled under the Tomas Varga administration.",
    "Tomas Varga's government rejected the plan.",
    "She was a minister under Tomas Varga.",
])
def test_heads_a_government(nlp, text):
    ex = extract_with_entities(nlp, text, ["Tomas Varga"])
    assert _roles(ex, "person/tomas-varga")[1] == {"head of government"}


def test_party_government_of(nlp):
    ex = extract_with_entities(nlp, "The Liberal Party government of Robert Mills fell in 1962.",
                               ["Robert Mills"])
    assert _roles(ex, "person/robert-mills") == ({"org/_/liberal-party"}, {"head of government"})


def test_lone_surname_kept_only_with_a_role(nlp):
    ex = extract_with_entities(
        nlp, "Hartley was re-elected in the 1997 general election. Later, Osgood met him in "
             "Leeds.", ["Hartley", "Osgood"])
    assert _roles(ex, "person/hartley")[1] == {"elected representative"}
    assert "person/osgood" not in ex.entities
    assert not any(m.entity == "person/osgood" for m in ex.mentions)


def test_elected_to_a_parliament(nlp):
    ex = extract_with_entities(nlp, "Liam Doyle was elected to the National Assembly in 2014.",
                               ["Liam Doyle"])
    members, titles = _roles(ex, "person/liam-doyle")
    assert titles == {"member"}


def test_party_leaders_listed(nlp):
    ex = extract_with_entities(
        nlp, "Notable members have been Green Party leaders Anna Holt and Peter Lind, and the "
             "historian Mark Rowe.", ["Anna Holt", "Peter Lind", "Mark Rowe"])
    assert _roles(ex, "person/peter-lind")[0] == {"org/_/green-party"}
    assert _roles(ex, "person/mark-rowe") == (set(), set())


def test_unnamed_surname_holding_a_seat(nlp):
    ex = extract_with_entities(
        nlp, "Adams previously held the seat from 1983 to 1992 but regained it in the 1997 "
             "election.", [])
    assert _roles(ex, "person/adams")[1] == {"elected representative"}


def test_state_winning_a_seat_is_no_person(nlp):
    ex = extract_with_entities(
        nlp, "Norway won a seat on the Security Council in the 1998 vote.", [])
    assert not [k for k in ex.entities if k.startswith("person/")]
