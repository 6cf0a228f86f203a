"""Parties read from an agreement's name (issue 13): the states and bodies a name joins are its
parties ("the EU–Moldova Association Agreement"), but an organisation that names a convention
or charter it opens to states is none ("the United Nations Convention on …"). Sentences written
for these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import agreement_objects


def _parties(ex) -> dict[str, set[str]]:
    return {name: parties for name, (parties,) in agreement_objects(ex, model.PARTY).items()}


@pytest.mark.parametrize("text", [
    "Both ministers reaffirmed their support for the United Nations Convention on the Law of "
    "the Sea.",
    "Ecuador became the latest state to ratify the United Nations Convention against "
    "Corruption, the foreign ministry said.",
])
def test_an_organisation_naming_a_convention_is_no_party_to_it(extract_text, text) -> None:
    parties = _parties(extract_text(text))
    assert parties, text
    assert not any("united-nations" in p for found in parties.values() for p in found), parties


def test_bodies_a_name_joins_stay_its_parties(extract_text) -> None:
    parties = _parties(extract_text(
        "The European Union and Moldova signed the EU–Moldova Association Agreement in Brussels "
        "on 27 June 2014."))
    assert any(any("european-union" in p for p in found) and "state/MDA" in found
               for found in parties.values()), parties
