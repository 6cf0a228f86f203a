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
