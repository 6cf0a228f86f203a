"""A title written with a space where our table writes a hyphen is the same title: "Secretary
General" is "Secretary-General", "Director General" is "Director-General". Sentences written for
these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import facts


@pytest.mark.parametrize("text, person, title, body", [
    ("NATO Secretary General Jens Halvorsen welcomed the deal on Tuesday.",
     "person/jens-halvorsen", "Secretary General", "org/_/north-atlantic-treaty-organization"),
    ("WHO Director General Amaru Quispe opened the assembly in Geneva.",
     "person/amaru-quispe", "Director General", None),
], ids=["secretary-general", "director-general"])
def test_a_hyphenated_title_written_with_a_space_is_that_title(extract_text, text, person,
                                                                title, body):
    ex = extract_text(text)
    [(post, evidence)] = facts(ex, model.HOLDS, person)
    assert ex.entities[post].name == title
    assert title in evidence
    if body is not None:
        assert [h for h, _ in facts(ex, model.POST_IN, post)] == [body]


@pytest.mark.parametrize("text, person, post, state", [
    ("The Minister of Foreign Affairs of Peru, Rosa Quintana, met her counterpart today.",
     "person/rosa-quintana", "Minister of Foreign Affairs", "state/PER"),
    ("Finland's Minister of Economic Affairs, Aarne Lehtinen, said the repairs would cost "
     "40 million euros.", "person/aarne-lehtinen", "Minister of Economic Affairs", "state/FIN"),
], ids=["title-of-state", "portfolio"])
def test_a_minister_s_title_with_portfolio_and_state_is_a_post_not_a_body(
        extract_text, text, person, post, state):
    ex = extract_text(text)
    assert not [e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS]
    [(held, _)] = facts(ex, model.HOLDS, person)
    assert ex.entities[held].name == post
    assert [h for h, _ in facts(ex, model.POST_IN, held)] == [state]
