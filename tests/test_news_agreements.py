"""Agreements in news stories and releases (issue 13): an inline dateline, a release's date line
under its title, "the two leaders" / "both sides" referring back, and a joint statement that
heads its own release. Sentences written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from kg.documents import text_document
from kg.nlp.extract import extract
from extraction_helpers import facts


def _agreements(nlp, text: str) -> dict[str, dict[str, set[str]]]:
    """{agreement name: {"party": {...}, "signatory": {...}, "date": {...}}} of a text read as
    a .txt file is."""
    document = text_document(text, "t", "t")
    ex = extract(nlp(document.text), document)
    found: dict[str, dict[str, set[str]]] = {}
    for key, entity in ex.entities.items():
        if entity.kind != model.AGREEMENT:
            continue
        found[entity.name] = {name: {o.rsplit("/", 1)[-1] for o, _ in facts(ex, predicate, key)}
                              for name, predicate in (("party", model.PARTY),
                                                      ("signatory", model.SIGNATORY),
                                                      ("date", model.DATE_SIGNED))}
    return found


def test_inline_dateline_keeps_the_lead_sentences_parties(nlp) -> None:
    text = ("QUITO, Feb. 3, 2025 — Ecuador and Peru signed a fisheries agreement on Monday, "
            "ending a decade of disputes over catches in their shared waters.")
    found = _agreements(nlp, text)
    assert found["Fisheries agreement"]["party"] == {"ECU", "PER"}
    assert found["Fisheries agreement"]["date"] == {"2025-02-03"}


def test_dateline_under_a_headline_dates_the_story() -> None:
    document = text_document("Fisheries deal sealed\n\nQUITO, Feb. 3, 2025 — Ecuador and Peru "
                             "signed a fisheries agreement on Monday.", "t", "t")
    assert (document.date, document.dateline_place) == ("2025-02-03", "Quito")
    assert document.text[document.body_start:].startswith("Ecuador and Peru")


def test_date_line_under_a_release_title_dates_the_release() -> None:
    document = text_document("Readout of the Foreign Minister's Call with Her Counterpart\n"
                             "March 14, 2024\n\nThe ministers spoke today.", "t", "t")
    assert document.date == "2024-03-14"
    # a title followed by a paragraph that merely starts with a date is not dated by it
    assert text_document("Talks resume\nMarch 14 was the day the talks resumed in Oslo.",
                         "t", "t").date is None


def test_today_in_a_release_is_its_date(nlp) -> None:
    text = ("Readout of the Foreign Minister's Call with Her Counterpart\nMay 31, 2022\n\nThe "
            "minister welcomed the ceasefire agreement signed today by Bolivia and Paraguay.")
    found = _agreements(nlp, text)
    assert found["Bolivia–Paraguay ceasefire agreement"]["date"] == {"2022-05-31"}


def test_the_two_leaders_are_the_leaders_just_named(nlp) -> None:
    text = ("President Daniel Noboa of Ecuador and President Dina Boluarte of Peru met in Quito "
            "on Monday. The two leaders signed a joint declaration on border trade.")
    found = _agreements(nlp, text)
    declaration = found["Joint declaration"]
    assert declaration["party"] == {"ECU", "PER"}
    assert len(declaration["signatory"]) == 2


@pytest.mark.parametrize("text, name, parties", [
    # the leaders' states not said beside them: the two states named before
    ("Ecuador and Peru settled their dispute. President Daniel Noboa and President Dina "
     "Boluarte met in Quito, where the two leaders also signed a joint declaration.",
     "Joint declaration", {"ECU", "PER"}),
    ("Brazil and Chile held talks in Brasilia on Tuesday. Both sides signed a memorandum on "
     "road corridors.", "Brazil–Chile memorandum", {"BRA", "CHL"}),
    ("Brazil and Chile held talks in Brasilia on Tuesday. A memorandum on road corridors was "
     "signed by the two countries.", "Brazil–Chile memorandum", {"BRA", "CHL"}),
])
def test_referring_subjects_and_agents(nlp, text: str, name: str, parties: set[str]) -> None:
    assert _agreements(nlp, text)[name]["party"] == parties


def test_the_two_leaders_need_two_named(nlp) -> None:
    text = ("President Dina Boluarte of Peru arrived in Quito. The two leaders signed a joint "
            "declaration on border trade.")
    assert all(not a["party"] for a in _agreements(nlp, text).values())


def test_joint_statement_heading_its_release(nlp) -> None:
    text = ("Joint Statement by President Gabriel Boric of Chile and President Luis Arce of "
            "Bolivia\nJune 3, 2023\n\nThe Presidents met today in Santiago and agreed to deepen "
            "cooperation on lithium.")
    statement = _agreements(nlp, text)["Joint Statement"]
    assert statement["party"] == {"CHL", "BOL"}
    assert statement["date"] == {"2023-06-03"}
    assert len(statement["signatory"]) == 2


def test_states_joined_in_one_word_of_a_name_are_parties(nlp) -> None:
    text = "The U.S.-ROK Framework Agreement on Shipbuilding was signed in Seoul."
    [agreement] = _agreements(nlp, text).values()
    assert agreement["party"] == {"USA", "KOR"}


def test_their_agreement_is_the_groups_just_named(nlp) -> None:
    text = ("The minister congratulated Ecuador and Peru on concluding their agreement on "
            "fisheries in the Pacific.")
    [agreement] = _agreements(nlp, text).values()
    assert agreement["party"] == {"ECU", "PER"}


def test_a_cessation_of_hostilities_accepted_today(nlp) -> None:
    text = ("Statement by the Spokesperson\nMarch 3, 2025\n\nToday, after weeks of talks, Sudan "
            "and South Sudan have accepted a cessation of hostilities along their border.")
    [(name, agreement)] = _agreements(nlp, text).items()
    assert name.lower().endswith("cessation of hostilities")
    assert agreement["party"] == {"SDN", "SSD"}
    assert agreement["date"] == {"2025-03-03"}


def test_a_described_agreement_is_shown_with_its_parties_names(extract_text):
    deal = extract_text("Ecuador and Peru signed a deal on Monday.")
    assert [e.name for e in deal.entities.values() if e.kind == model.AGREEMENT] == [
        "Ecuador–Peru deal"]
    # its key keeps the codes: two such deals are one node only when their parties are one
    assert [k for k, e in deal.entities.items() if e.kind == model.AGREEMENT] == [
        "agreement/ECU-PER/deal"]


def test_the_subject_of_the_verb_a_signing_verb_is_joined_to(nlp) -> None:
    text = ("The Presidents of Ghana, Togo and Benin met in Lomé on Thursday. The three leaders "
            "adopted a joint declaration on maritime security and signed a memorandum of "
            "understanding on cross-border trade.")
    found = _agreements(nlp, text)
    assert found["Benin–Ghana–Togo memorandum"]["party"] == {"BEN", "GHA", "TGO"}
