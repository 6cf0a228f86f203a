"""Events (issue 16): heads of state and government act for the states they lead, and
foreign and defence ministers for the states they serve, by the leaders table
(kg/data/leaders.csv), on sentences we wrote in agency-news style."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extraction_helpers import coded
from kg.data.leaders import TITLE_OFFICES, leader_state, load_leaders
from kg.data.tables import load_states

TABLE = Path(__file__).resolve().parents[1] / "kg" / "data" / "leaders.csv"


def test_a_titled_leader_acts_for_the_state_led(extract_text) -> None:
    # no state is named: the titles and surnames alone tell Namibia and Liberia
    assert coded(extract_text("President Nujoma praised President Sirleaf for her handling of "
                              "the crisis.")) == [("SUPPORT", {"state/NAM"}, {"state/LBR"})]


def test_a_minister_by_title_and_surname_acts_for_the_state_served(extract_text) -> None:
    # "Secretary of State": the NER runs "State" into the surname; the title is still read
    ex = extract_text("Secretary of State Christopher criticised Foreign Minister Primakov over "
                      "the sale of reactors to Tehran.")
    assert coded(ex) == [("DISAPPROVE", {"state/USA"}, {"state/RUS"})]


def test_a_leader_named_in_full_needs_no_title(extract_text) -> None:
    assert coded(extract_text("Michelle Bachelet condemned the coup in Honduras.")) == [
        ("DISAPPROVE", {"state/CHL"}, {"state/HND"})]


@pytest.mark.parametrize("name, titles, year, state", [
    # a surname needs a title of the office: "Defence Secretary Kibaki" is no president
    ("Kibaki", {"President"}, None, "KEN"),
    ("Kibaki", {"Defence Secretary"}, None, None),
    ("Kibaki", set(), None, None),
    # two President Kims: the document's year tells them apart, or nothing does
    ("Kim", {"President"}, 1999, "KOR"),
    ("Kim", {"President"}, 1985, "PRK"),
    ("Kim", {"President"}, None, None),
    # foreign and defence ministers, by the titles of their offices in several countries' words
    ("Primakov", {"Foreign Minister"}, 1997, "RUS"),
    ("Christopher", {"Secretary of State"}, 1994, "USA"),
    ("Hurd", {"Foreign Secretary"}, 1991, "GBR"),
    ("Primakov", {"Defence Minister"}, 1997, None),
])
def test_which_leader_a_name_means(name, titles, year, state) -> None:
    assert leader_state(name, titles, year) == state


def test_the_leaders_table_is_well_formed() -> None:
    with TABLE.open(encoding="utf-8") as f:
        assert tuple(csv.reader(f).__next__()) == ("name", "surname", "state", "office",
                                                    "start", "end")
    states = {s.iso3 for s in load_states()}
    offices = frozenset().union(*TITLE_OFFICES.values())
    leaders = load_leaders()
    assert len(leaders) > 2000
    for leader in leaders:
        assert leader.state in states, leader
        assert leader.office in offices, leader
        assert leader.surname and leader.surname == leader.surname.strip(), leader
        assert 1900 <= leader.start <= (leader.end or 2026) <= 2026, leader
    keys = [(x.name, x.state, x.office, x.start) for x in leaders]
    assert len(keys) == len(set(keys))
