"""Rows of a cache entry are checked for what kg makes (kg/cache.py, kg/json_rows.py): a fact's
relation and a participant's role must be kg's, or the entry is damaged and recomputed; a row
type json_rows cannot check is kg's own mistake, not a damaged entry."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from kg import model
from kg.cache import decode_entry, encode_entry
from kg.json_rows import checked_row
from kg.model import Document, DocumentExtraction, EventParticipant, Evidence, Fact

DOCUMENT = Document(id="d1", text="Norway and Chile signed a fisheries accord in Oslo.")
EVIDENCE = Evidence("d1", 0, 6, 0, 51, "pattern:test", 0.9)


def _round_trip(extraction: DocumentExtraction) -> DocumentExtraction:
    return decode_entry(encode_entry(extraction, "k"), "k", DOCUMENT)


def test_known_relation_and_role_are_read_back() -> None:
    extraction = DocumentExtraction(DOCUMENT)
    extraction.facts.append((Fact("org/x", model.STATE_OF, "state/NOR"), EVIDENCE))
    extraction.participants.append(EventParticipant("e1", "d1", model.ACTOR, "state/NOR", None))
    back = _round_trip(extraction)
    assert (back.facts, back.participants) == (extraction.facts, extraction.participants)


@pytest.mark.parametrize("forged, message", [
    ("fact", "'kg:ownedBy' is not a relation kg makes"),
    ("participant", "'bystander' is not an event role kg makes"),
])
def test_a_term_kg_does_not_make_is_a_damaged_entry(forged: str, message: str) -> None:
    extraction = DocumentExtraction(DOCUMENT)
    if forged == "fact":
        extraction.facts.append((Fact("org/x", "kg:ownedBy", "state/NOR"), EVIDENCE))
    else:
        extraction.participants.append(EventParticipant("e1", "d1", "bystander", "state/NOR",
                                                        None))
    with pytest.raises(ValueError, match=message):
        _round_trip(extraction)


@dataclass
class _Tagged:
    name: str
    tags: list[str]


def test_a_field_type_json_rows_cannot_check_is_kgs_mistake_not_a_damaged_file() -> None:
    # The caches take KeyError and TypeError for a damaged file and would recompute forever.
    with pytest.raises(NotImplementedError, match=r"_Tagged\.tags is a list\[str\]"):
        checked_row(_Tagged, ["a", ["b"]])
