"""Two states' relation named like a body ("the U.S.-Japan Alliance", "the India-France
Strategic Partnership") is no organisation; a body named "Alliance" stays one. Texts we wrote."""
from __future__ import annotations

from extraction_helpers import extract_with_entities

from kg import model
from kg.nlp.gazetteer import default_gazetteer
from kg.nlp.not_organizations import names_a_relation


def _bodies(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}


def test_states_joined_by_a_hyphen_before_a_relation_word_name_a_relation():
    states = default_gazetteer().state_names()
    assert names_a_relation("U.S.-ROK Alliance", states)
    assert names_a_relation("India–France Strategic Partnership", states)
    assert not names_a_relation("Progressive Alliance", states)
    assert not names_a_relation("Franco-German Alliance", states)   # no state names: left alone
    assert not names_a_relation("U.S.-Japan Council", states)


def test_an_alliance_of_two_states_is_no_organisation(nlp):
    text = ("President Anna Kowalski welcomed Prime Minister Ito Hiroshi to Washington. The two "
            "leaders said the U.S.-Japan Alliance remains the cornerstone of peace, and "
            "welcomed the growth of the U.S.-ROK Alliance.")
    ex = extract_with_entities(nlp, text, ["Anna Kowalski", "Ito Hiroshi"])
    assert not {"U.S.-Japan Alliance", "U.S.-ROK Alliance"} & _bodies(ex)


def test_a_party_alliance_stays_an_organisation(nlp):
    text = "The Democratic Alliance won 40 seats in the Cape Town city council election."
    ex = extract_with_entities(nlp, text, [])
    assert "Democratic Alliance" in _bodies(ex)
