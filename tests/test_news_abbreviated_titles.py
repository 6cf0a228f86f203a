"""A title with its abbreviation in brackets before a name ("Director of National Intelligence
(DNI) X"), on texts we wrote: the name holds the post, and neither the abbreviation nor a piece
of the title is an organisation."""
from __future__ import annotations

from extraction_helpers import extract_with_entities, facts

from kg import model

TEXT = ("WASHINGTON, March 3, 2025 — Director of National Intelligence (DNI) Marta Kellerman "
        "met today with Secretary of Defense Paul Brandt at the Pentagon.")


def _posts(ex, name: str) -> list[str]:
    [key] = [k for k, e in ex.entities.items() if e.kind == model.PERSON and e.name == name]
    return [post for post, _ in facts(ex, model.HOLDS, key)]


def test_a_bracketed_abbreviation_between_title_and_name_keeps_the_post(nlp):
    ex = extract_with_entities(nlp, TEXT, ["Marta Kellerman", "Paul Brandt"])
    [post] = _posts(ex, "Marta Kellerman")
    assert "director-of-national-intelligence" in post


def test_the_abbreviation_and_the_titles_words_are_no_organisations(nlp):
    ex = extract_with_entities(nlp, TEXT, ["Marta Kellerman", "Paul Brandt"])
    bodies = {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}
    assert not bodies & {"DNI", "National Intelligence"}


def test_an_abbreviated_body_after_no_title_stays_an_organisation(nlp):
    text = ("The International Atomic Energy Agency (IAEA) sent inspectors to the plant on "
            "Monday, Director General Rafael Ortega said.")
    ex = extract_with_entities(nlp, text, ["Rafael Ortega"])
    bodies = {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}
    assert bodies & {"IAEA", "International Atomic Energy Agency"}


def test_an_organisation_at_the_end_of_a_text_is_read_without_error(extract_text) -> None:
    """The look for a bracketed abbreviation after a name stops at the text's end."""
    ex = extract_text("The agreement was deposited with the Secretariat of the Andean Community")
    assert ex is not None
