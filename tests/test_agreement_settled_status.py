"""A status that is a fact about an agreement (in force, terminated, violated) is set only when
the text states it, not when it puts it in the future, a modal or a negation: "the accord would
enter into force within 30 days" leaves the accord signed, not in force. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import agreement_objects, extract_as_txt


@pytest.fixture(scope="module")
def statuses(nlp):
    """statuses(text) -> the union of the statuses of the text's agreements."""
    def read(text: str) -> set[str]:
        found = agreement_objects(extract_as_txt(nlp, text), model.STATUS)
        assert found, text
        return set().union(*(values for (values,) in found.values()))
    return read


@pytest.mark.parametrize("text, absent", [
    ("Ghana and Togo signed the Volta Basin Treaty on Friday. The foreign ministry said the "
     "Volta Basin Treaty would enter into force within 30 days.", "in_force"),
    ("Chile and Peru signed the Pacific Fisheries Accord in May. The Pacific Fisheries Accord "
     "will enter into force once both parliaments ratify it.", "in_force"),
    ("Officials warned that Lima could suspend the Pacific Fisheries Accord if the raids "
     "continue.", "terminated"),
    ("Neither side has violated the Steppe Rail Agreement, the monitors said.", "violated"),
])
def test_a_status_to_come_or_denied_is_not_set(statuses, text, absent) -> None:
    assert absent not in statuses(text)


@pytest.mark.parametrize("text, present", [
    ("The Volta Basin Treaty entered into force on 1 July 2025, the foreign ministry said.",
     "in_force"),
    ("Lima suspended the Pacific Fisheries Accord on Monday after a new raid.", "terminated"),
    ("Ghana accused Togo of violating the Volta Basin Treaty.", "violated"),
])
def test_a_status_the_text_states_is_set(statuses, text, present) -> None:
    assert present in statuses(text)


@pytest.mark.parametrize("text", [
    "The ministers called on all parties to respect the Coral Sea Fisheries Convention.",
    "Quito urged its neighbours to uphold the Andean Water Accord, the ministry said.",
])
def test_keeping_an_agreement_is_no_proposal(statuses, text) -> None:
    assert "proposed" not in statuses(text)


@pytest.mark.parametrize("text", [
    "Envoys met in Geneva in an effort to secure the Rift Valley Ceasefire Agreement.",
    "Mediators urged both governments to conclude a border treaty before the rainy season.",
])
def test_pursuing_an_agreement_is_a_proposal(statuses, text) -> None:
    assert "proposed" in statuses(text)
