"""A body's name ends before "and" when a second office holder follows (issue 13): "Minister
A of the Ministry of Foreign Affairs and Deputy Minister B of C" names one ministry and two
people, not a ministry called "… Affairs and Deputy Minister B of C". Sentences written for
these tests."""
from __future__ import annotations

import pytest

from kg import model


def _organizations(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}


def _persons(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind == model.PERSON}


@pytest.mark.parametrize("text, body, person", [
    ("State Secretary Ines Halvorsen of the Danish Ministry of Foreign Affairs and Deputy "
     "Foreign Minister Tran Van Long of Laos opened the talks in Copenhagen on Monday.",
     "Ministry of Foreign Affairs", "Tran Van Long"),
    ("Director Paulo Mendes of the Brazilian Ministry of Mines and Energy and Ambassador "
     "Keiko Tanabe of Japan signed the minutes.",
     "Energy", "Keiko Tanabe"),   # the portfolio table may name it "Ministry of Energy"
])
def test_a_name_ends_before_a_second_holder(extract_text, text, body, person) -> None:
    ex = extract_text(text)
    names = _organizations(ex)
    assert any(name.endswith(body) for name in names), names
    assert not any(person.split()[-1] in name for name in names), names
    assert person in _persons(ex)
