"""The treaty-text reader: a document that is itself an agreement (texts written for this test)."""
from __future__ import annotations

from kg import model

TREATY = """AGREEMENT BETWEEN THE GOVERNMENT OF MONGOLIA AND THE GOVERNMENT OF THE REPUBLIC OF CHILE ON TRADE

The Government of Mongolia and the Government of the Republic of Chile (hereinafter referred to as "the Parties"),

Desiring to strengthen their economic relations, have agreed as follows:

ARTICLE 1 The Parties shall reduce customs duties in accordance with this Agreement.

ARTICLE 2 This Agreement shall enter into force thirty days after the exchange of notes.

IN WITNESS WHEREOF, the undersigned, being duly authorised, have signed this Agreement.

DONE at Ulaanbaatar on 14 March 2011, in duplicate in the English language.

FOR THE GOVERNMENT OF MONGOLIA FOR THE GOVERNMENT OF THE REPUBLIC OF CHILE
"""

NEWS = """Mongolia and Chile are expected to discuss trade. Officials said this agreement was
not the first: the two governments signed a memorandum in 2009."""


def _agreements(extraction):
    return {k: e for k, e in extraction.entities.items() if e.kind == model.AGREEMENT}


def _values(extraction, key, predicate):
    return {f.object for f, _ in extraction.facts if f.subject == key and f.predicate == predicate}


def test_treaty_text_is_one_agreement_with_parties_date_and_status(extract_text):
    extraction = extract_text(TREATY)
    agreements = _agreements(extraction)
    own = [k for k, e in agreements.items() if "Mongolia" in e.name and "Chile" in e.name]
    assert len(own) == 1, agreements
    key = own[0]
    assert _values(extraction, key, model.PARTY) == {"state/MNG", "state/CHL"}
    assert _values(extraction, key, model.DATE_SIGNED) == {"2011-03-14"}
    assert "signed" in _values(extraction, key, model.STATUS)
    # "this Agreement" refers to the text itself: no second, generic agreement
    assert len(agreements) == 1, sorted(agreements)


def test_treaty_date_evidence_is_the_final_clause(extract_text):
    extraction = extract_text(TREATY)
    evidence = [ev for f, ev in extraction.facts if f.predicate == model.DATE_SIGNED]
    assert evidence and all("DONE at Ulaanbaatar on 14 March 2011" in TREATY[ev.begin:ev.end + 20]
                            for ev in evidence)


def test_news_about_an_agreement_is_not_a_treaty_text(extract_text):
    extraction = extract_text(NEWS)
    rules = {ev.rule for _, ev in extraction.facts}
    assert not any(rule.startswith("treaty:") for rule in rules), rules
