"""Events (issue 16) in the turns of wire copy, on sentences we wrote in agency-news style:
sides joined in one phrase, verbs that only tell the event their object names, force on a
crowd, what is only feared, and a cooperative act done at home."""
from __future__ import annotations

import pytest

from extraction_helpers import coded, kinds


@pytest.mark.parametrize("text, sides", [
    # states joined in one phrase are each a side, though the parser names one body
    ("Ghanaian and Togolese troops clashed along the border on Friday.",
     {"state/GHA", "state/TGO"}),
    ("Eritrean and Ethiopian soldiers battled near the disputed town on Sunday.",
     {"state/ERI", "state/ETH"}),
])
def test_states_joined_in_one_phrase_are_each_a_side(extract_text, text, sides) -> None:
    [(kind, actors, _)] = coded(extract_text(text))
    assert (kind, actors) == ("FIGHT", sides)


@pytest.mark.parametrize("text, expected", [
    # ordering, announcing or approving an act tells the act (an order to act is a demand)
    ("Ottawa on Thursday ordered the expulsion of a Russian military attache.",
     ("SANCTION", {"state/CAN"}, {"state/RUS"})),
    ("Kazakhstan announced a call-up of 5,000 reservists on Monday.",
     ("MOBILIZE", {"state/KAZ"}, set())),
    ("The Malian parliament approved an amnesty for soldiers who joined the mutiny.",
     ("CONCEDE", {"state/MLI"}, {"state/MLI"})),
])
def test_a_verb_that_tells_an_act_gives_way_to_it(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text", [
    # force on a crowd is repression (CAMEO 175), one-sided violence
    "Togolese soldiers fired on demonstrators in Lome, killing three, witnesses said.",
    "Riot police opened fire on mourners at a funeral in Harare on Saturday.",
])
def test_force_on_a_crowd_is_an_assault(extract_text, text) -> None:
    assert kinds(extract_text(text)) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    # what is feared or rumoured has not happened
    "Troop movements near the border raised fears of an invasion, diplomats said.",
    "Rumours of a rebel offensive spread through the capital on Tuesday.",
])
def test_what_is_feared_is_no_event(extract_text, text) -> None:
    assert kinds(extract_text(text)) == []


def test_a_cooperative_act_at_home_is_not_aimed_at_the_host(extract_text) -> None:
    # Peru agrees in its own capital: aimed at no one, not at Peru
    assert coded(extract_text("Peru and Chile agreed in Lima on Monday to share data on "
                              "fishing fleets.")) == [("AGREE", {"state/PER", "state/CHL"}, set())]
