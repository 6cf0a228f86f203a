"""Kinds of false place or state: a state named inside a natural feature's name ("the South
China Sea" is no mention of China, "the Niger Delta" none of Niger), a region's adjective
("Latin American" is not the United States), and words inside an agreement's proper name ("the
Convention on the Law of the Sea" names no place "Sea"). Sentences written
for these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import extract_as_txt


def _names(ex, kind: str) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind == kind}


@pytest.mark.parametrize("text, state, place", [
    ("Coast guards from Manila reported a collision in the South China Sea on Tuesday.",
     "China", "South China Sea"),
    ("Pirates boarded a tanker in the Gulf of Guinea, the shipping agency said.",
     "Guinea", "Gulf of Guinea"),
    ("Militants attacked an oil pipeline in the Niger Delta overnight, officials said.",
     "Niger", "Niger Delta"),
    ("Fishermen on Lake Chad said water levels had fallen again this year.", "Chad", "Lake Chad"),
])
def test_a_feature_named_after_a_state_is_a_place(nlp, text, state, place) -> None:
    ex = extract_as_txt(nlp, text)
    assert state not in _names(ex, model.STATE)
    assert place in _names(ex, model.PLACE)


@pytest.mark.parametrize("text, state", [
    ("China and the Philippines traded accusations on Tuesday.", "China"),
    ("Guinea's foreign minister arrived in Dakar on Monday.", "Guinea"),
    # where the statistical NER reads the bare name as an organisation or a person
    ("Niger's army said it had repelled an attack near Tillaberi.", "Niger"),
    ("The government of Niger declared three days of national mourning.", "Niger"),
])
def test_the_state_itself_is_still_a_state(nlp, text, state) -> None:
    assert state in _names(extract_as_txt(nlp, text), model.STATE)


@pytest.mark.parametrize("text", [
    "Latin American finance ministers met in Quito to discuss debt relief.",
    "The two Central American neighbours agreed to reopen their border.",
    "North American and European negotiators resumed the trade talks.",
])
def test_a_regions_adjective_is_not_the_united_states(nlp, text) -> None:
    ex = extract_as_txt(nlp, text)
    assert "United States" not in _names(ex, model.STATE)
    assert not any("American" in e.name for e in ex.entities.values())


@pytest.mark.parametrize("text", [
    "American and Mexican negotiators resumed the trade talks.",
    "South African and American officials met in Pretoria.",
])
def test_the_demonym_alone_is_still_the_united_states(nlp, text) -> None:
    assert "United States" in _names(extract_as_txt(nlp, text), model.STATE)


@pytest.mark.parametrize("text, words", [
    ("Both governments pledged to respect the Convention on the Law of the Sea.", "Sea"),
    ("The ministers agreed to negotiate a Memorandum of Understanding on Green Shipping.",
     "Green Shipping"),
])
def test_words_of_an_agreement_name_are_no_place(nlp, text, words) -> None:
    ex = extract_as_txt(nlp, text)
    assert words not in _names(ex, model.PLACE)
    assert any(words in name for name in _names(ex, model.AGREEMENT))
