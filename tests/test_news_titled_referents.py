"""A definite title of a state with no name after it ("The President of Russia told …") refers
back to the one untitled person named before it, on readouts we wrote."""
from __future__ import annotations

from extraction_helpers import extract_with_entities, facts

from kg import model


def _posts(ex, name: str) -> list[str]:
    keys = [k for k, e in ex.entities.items() if e.kind == model.PERSON and e.name == name]
    return [post for key in keys for post, _ in facts(ex, model.HOLDS, key)]


READOUT = ("Pavel Sorokin had a telephone conversation with Prime Minister of Norway Erik "
           "Haldorsen. The leaders discussed trade and energy. Erik Haldorsen told Pavel Sorokin "
           "about his visit to Kyiv. The President of Russia assured Mr Haldorsen that civilians "
           "would be protected.")


def test_the_title_of_a_state_refers_back_to_the_one_untitled_person(nlp):
    ex = extract_with_entities(nlp, READOUT, ["Pavel Sorokin", "Erik Haldorsen", "Erik Haldorsen",
                                              "Pavel Sorokin", "Haldorsen"])
    assert _posts(ex, "Pavel Sorokin") == ["post/state/RUS/president"]


def test_with_two_untitled_persons_the_title_is_left_alone(nlp):
    text = ("Pavel Sorokin and Ivan Belov met Prime Minister of Norway Erik Haldorsen. The "
            "President of Russia assured Mr Haldorsen that civilians would be protected.")
    ex = extract_with_entities(nlp, text, ["Pavel Sorokin", "Ivan Belov", "Erik Haldorsen",
                                           "Haldorsen"])
    assert _posts(ex, "Pavel Sorokin") == [] and _posts(ex, "Ivan Belov") == []


def test_a_post_someone_holds_already_goes_to_no_one_else(nlp):
    text = ("President of Russia Pavel Sorokin spoke with Prime Minister of Norway Erik "
            "Haldorsen about a call with Ivan Belov. The President of Russia said talks would "
            "go on.")
    ex = extract_with_entities(nlp, text, ["Pavel Sorokin", "Erik Haldorsen", "Ivan Belov"])
    assert _posts(ex, "Ivan Belov") == []
