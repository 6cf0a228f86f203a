"""A signing the text puts in the future ("will sign", "are expected to sign") leaves the
agreement proposed, not signed, even where the text gives the planned day (issue 13: a dated
agreement with no other cue is otherwise reported signed). Sentences written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import agreement_objects, extract_as_txt


@pytest.fixture(scope="module")
def statuses(nlp):
    """statuses(text) -> {agreement name: its statuses}."""
    return lambda text: {name: found for name, (found,) in
                         agreement_objects(extract_as_txt(nlp, text), model.STATUS).items()}


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign the Pacific Fisheries Accord in Lima on 12 June 2026, the two "
    "foreign ministries said.",
    "Ghana and Togo are expected to sign the Volta Basin Treaty on 3 March 2027.",
    "Mongolia and Kazakhstan plan to sign the Steppe Rail Agreement in May 2026.",
])
def test_a_signing_to_come_is_proposed_not_signed(statuses, text) -> None:
    found = statuses(text)
    assert found, text
    for name, values in found.items():
        assert values == {"proposed"}, (name, values)


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru signed the Pacific Fisheries Accord in Lima on 12 June 2025.", {"signed"}),
    ("Ghana refused to sign the Volta Basin Treaty of 3 March 2021.", set()),
])
def test_signings_done_or_refused_are_not_proposed(statuses, text, expected) -> None:
    found = statuses(text)
    assert found, text
    for name, values in found.items():
        assert "proposed" not in values and expected <= values, (name, values)
