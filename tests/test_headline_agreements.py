"""Agreements named in a Title Case headline, which capitalises every word: a name only where the
body writes it so, or where the headline is the document's own name. Texts written for these
tests."""
from __future__ import annotations

from kg import model
from kg.documents import text_document
from kg.nlp.extract import extract


def _agreement_names(nlp, text: str) -> set[str]:
    document = text_document(text, "t", "t")
    ex = extract(nlp(document.text), document)
    return {e.name for e in ex.entities.values() if e.kind == model.AGREEMENT}


def test_a_title_case_headline_s_verb_and_words_are_no_name(nlp) -> None:
    names = _agreement_names(nlp, (
        "Chile And Peru Sign Fisheries Pact After Long Dispute\n\n"
        "SANTIAGO, May 2, 2024 — Chile and Peru signed a fisheries pact on Thursday, ending a "
        "dispute over anchovy catches."))
    assert not any("Sign" in n or n.startswith("Peru") for n in names), names
    assert any(n.lower() == "fisheries pact" for n in names), names


def test_a_name_the_body_writes_too_stays_a_name(nlp) -> None:
    names = _agreement_names(nlp, (
        "Leaders Hail Andes Water Accord\n\n"
        "LIMA, May 2, 2024 — Bolivia and Peru signed the Andes Water Accord on Thursday."))
    assert "Andes Water Accord" in names, names


def test_a_headline_that_is_the_statement_s_name_is_its_name(nlp) -> None:
    names = _agreement_names(nlp, (
        "Joint Statement on Cooperation Between Chile and Peru\nMay 2, 2024\n\n"
        "The two governments adopted the statement today in Lima."))
    assert "Joint Statement on Cooperation Between Chile and Peru" in names, names


def test_a_treaty_title_after_an_article_is_its_name(nlp) -> None:
    names = _agreement_names(nlp, (
        "The Free Trade Agreement Between Peru and Thailand\n\n"
        "The Parties, desiring to expand their trade, have agreed as follows."))
    assert "Free Trade Agreement Between Peru and Thailand" in names, names
