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
    ("Tom Hardacre of the Harbour Left Party took the seat at the 2015 general election, "
     "backed by the Farmers' Party.", "Tom Hardacre", "harbour-left-party"),
    ("Maria Kessel was re-elected to a second term in the March 2014 election, as a "
     "member of the Social Advance Party.", "Maria Kessel", "social-advance-party"),
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
        nlp, "The Civic Renewal Party, led by Anton Lisak and Pavel Dorn, won 40 seats.",
        ["Anton Lisak", "Pavel Dorn"])
    for person in ("person/anton-lisak", "person/pavel-dorn"):
        members, titles = _roles(ex, person)
        assert members == {"org/_/civic-renewal-party"} and titles == {"leader"}


def test_party_under_a_leader(nlp):
    ex = extract_with_entities(
        nlp, "Under Karl Brandt, the Open Road Party won a majority.", ["Karl Brandt"])
    assert _roles(ex, "person/karl-brandt") == ({"org/_/open-road-party"}, {"leader"})


def test_candidate_and_rival(nlp):
    ex = extract_with_entities(
        nlp, "Jane Roe contested the seat of Westfield in the 2001 election, losing to John "
             "Barlow of the Hinterland Party.", ["Jane Roe", "John Barlow"])
    assert _roles(ex, "person/jane-roe") == (set(), {"candidate"})
    assert _roles(ex, "person/john-barlow") == ({"org/_/hinterland-party"}, {"candidate"})


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
    ex = extract_with_entities(nlp, "The Free Citizens Party government of Robert Mills fell in 1962.",
                               ["Robert Mills"])
    assert _roles(ex, "person/robert-mills") == ({"org/_/free-citizens-party"}, {"head of government"})


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
        nlp, "The delegation included Meadow Party leaders Anna Holt and Peter Lind, and the "
             "economist Mark Rowe.", ["Anna Holt", "Peter Lind", "Mark Rowe"])
    assert _roles(ex, "person/peter-lind")[0] == {"org/_/meadow-party"}
    assert _roles(ex, "person/mark-rowe") == (set(), set())


def test_unnamed_surname_holding_a_seat(nlp):
    ex = extract_with_entities(
        nlp, "Okafor held the seat for the whole decade, according to the electoral "
             "commission.", [])
    assert _roles(ex, "person/okafor")[1] == {"elected representative"}


def test_state_winning_a_seat_is_no_person(nlp):
    ex = extract_with_entities(
        nlp, "Norway won a seat on the Security Council in the 1998 vote.", [])
    assert not [k for k in ex.entities if k.startswith("person/")]


def test_place_before_regime_is_no_head_of_government(nlp):
    ex = extract_with_entities(nlp, "Officials said the Rangoon regime refused the offer, and "
                                    "the Salisbury government agreed.", ["Rangoon", "Salisbury"])
    assert not [k for k in ex.entities if k.startswith("person/")]


@pytest.mark.parametrize("text, name", [
    ("The Unity Party named its candidate, John Marsh, ahead of the spring election.",
     "John Marsh"),
    ("Rosa Kent, the Labour candidate, won 40 percent of the vote.", "Rosa Kent"),
])
def test_candidate_in_apposition(nlp, text, name):
    ex = extract_with_entities(nlp, text, [name])
    assert _roles(ex, "person/" + name.lower().replace(" ", "-"))[1] == {"candidate"}


def test_candidate_for_a_degree_is_no_candidate(nlp):
    ex = extract_with_entities(nlp, "Mark Dunn, a candidate for a doctorate in history, wrote "
                                    "the report.", ["Mark Dunn"])
    assert _roles(ex, "person/mark-dunn") == (set(), set())


def test_leads_a_party_not_an_expedition(nlp):
    ex = extract_with_entities(
        nlp, "Hale Morton led the Workers' Unity Party to a narrow victory in May. Tom Price led the "
             "expedition to the South Pole.", ["Hale Morton", "Tom Price"])
    assert _roles(ex, "person/hale-morton") == ({"org/_/workers-unity-party"}, {"leader"})
    assert _roles(ex, "person/tom-price") == (set(), set())


def test_hyphen_led_coalition(nlp):
    ex = extract_with_entities(nlp, "The Nora Vik-led Green Alliance won the vote.", ["Nora Vik"])
    assert _roles(ex, "person/nora-vik")[1] == {"leader"}


@pytest.mark.parametrize("text, member", [
    ("Carla Ruiz, a Democrat who served two terms, retired in 1990.", True),
    ("Carla Ruiz was a Republican from Ohio.", True),
    ("Carla Ruiz is a liberal economist.", False),
])
def test_party_member_word(nlp, text, member):
    ex = extract_with_entities(nlp, text, ["Carla Ruiz"])
    assert bool(_roles(ex, "person/carla-ruiz")[0]) is member


def test_lone_surname_heads_an_administration(nlp):
    ex = extract_with_entities(nlp, "The talks stalled under the Varga administration.", ["Varga"])
    assert _roles(ex, "person/varga")[1] == {"head of government"}
