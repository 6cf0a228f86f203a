"""A name the NER cuts inside a compound of states in a title-case headline ("the Conclusion
of the Chile" of "… on the Conclusion of the Chile-Peru Maritime Boundary Dispute") is no
organisation, on texts we wrote."""
from __future__ import annotations

from extraction_helpers import extract_with_entities

from kg import model

HEADLINE = ("Statement by President Anna Kowalski on the Conclusion of the Chile-Peru Maritime "
            "Boundary Dispute\n\nI congratulate Chile and Peru on the conclusion of their talks.")


def _bodies(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}


def test_a_span_cut_inside_a_hyphenated_compound_is_no_organisation(nlp):
    ex = extract_with_entities(nlp, HEADLINE, ["Anna Kowalski"])
    assert not any(name.startswith("Conclusion") for name in _bodies(ex))


def test_a_whole_hyphenated_name_stays_an_organisation(nlp):
    text = "The Asia-Pacific Economic Cooperation forum met in Lima on Monday."
    ex = extract_with_entities(nlp, text, [])
    assert any("Asia-Pacific" in name for name in _bodies(ex))


def test_a_party_whose_name_ends_in_a_hyphenated_letter_stays_an_organisation(nlp):
    text = "In the 2019 election, the PML-F led a new coalition of five parties in Sindh."
    ex = extract_with_entities(nlp, text, [])
    assert any(name.startswith("PML") for name in _bodies(ex))
