"""The treaty-text reader: a document that is itself an agreement (texts written for this test)."""
from __future__ import annotations

import pytest

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


# --- a treaty text without "hereinafter": three "this Agreement" and a signing formula -----------

ROAD_TRANSPORT = """AGREEMENT BETWEEN GHANA AND TOGO ON ROAD TRANSPORT

Ghana and Togo, wishing to ease the movement of goods across their common border, have agreed as
follows:

Article 1. Each side shall issue permits to the carriers of the other under this Agreement.

Article 2. Disputes on the application of this Agreement shall be settled by consultation.

Article 3. This Agreement shall remain in force for five years.

Done at Lome on 9 September 2016, in two originals in the English and French languages.

For Ghana                    For Togo
"""


def test_done_at_formula_makes_a_treaty_text_without_hereinafter():
    from kg.nlp.treaty import is_treaty_text

    assert "hereinafter" not in ROAD_TRANSPORT.lower()
    assert is_treaty_text(ROAD_TRANSPORT)
    # without its signing formula it is one only while its title heads it
    unsigned = ROAD_TRANSPORT.replace("Done at Lome on", "Written on")
    assert is_treaty_text(unsigned)
    assert not is_treaty_text(unsigned.replace(
        "AGREEMENT BETWEEN GHANA AND TOGO ON ROAD TRANSPORT\n\n", ""))


def test_treaty_text_without_hereinafter_is_read_as_one_agreement(extract_text):
    extraction = extract_text(ROAD_TRANSPORT)
    agreements = _agreements(extraction)
    assert len(agreements) == 1, sorted(agreements)
    [(key, agreement)] = agreements.items()
    assert agreement.name == "Agreement between Ghana and Togo on Road Transport"
    assert _values(extraction, key, model.PARTY) == {"state/GHA", "state/TGO"}
    assert _values(extraction, key, model.DATE_SIGNED) == {"2016-09-09"}


# --- the date is the last signing formula's, and a blank formula gives none ----------------------

RIVER = """AGREEMENT BETWEEN THE GOVERNMENT OF URUGUAY AND THE GOVERNMENT OF PARAGUAY ON RIVER NAVIGATION

The Government of Uruguay and the Government of Paraguay (hereinafter "the Parties"), recalling the
Convention on Fluvial Transit done at Asuncion on 5 June 1998, have agreed as follows:

ARTICLE 1 The Parties shall keep the channel open under this Agreement.

ARTICLE 2 This Agreement shall enter into force on signature.

IN WITNESS WHEREOF the undersigned have signed this Agreement.

Done at Montevideo on 21 November 2017, in two originals in the Spanish language.

For the Government of Uruguay        For the Government of Paraguay
"""
RIVER_BLANK = RIVER.replace("Done at Montevideo on 21 November 2017",
                            "Done at ____________ this ____ day of ____________")


def _own_agreement(extraction) -> str:
    own = [k for k, e in _agreements(extraction).items()
           if "Uruguay" in e.name and "Paraguay" in e.name]
    assert len(own) == 1, sorted(_agreements(extraction))
    return own[0]


def test_treaty_date_is_the_last_signing_formulas(extract_text):
    extraction = extract_text(RIVER)
    key = _own_agreement(extraction)
    # "done at Asuncion on 5 June 1998" in the preamble cites another instrument
    assert _values(extraction, key, model.DATE_SIGNED) == {"2017-11-21"}
    assert _values(extraction, key, model.PARTY) == {"state/URY", "state/PRY"}


def test_blank_signing_formula_gives_no_date(extract_text):
    extraction = extract_text(RIVER_BLANK)
    key = _own_agreement(extraction)
    assert _values(extraction, key, model.DATE_SIGNED) == set()
    assert not [ev for f, ev in extraction.facts
                if f.subject == key and ev.rule == "treaty:done-at-date"]
    assert _values(extraction, key, model.PARTY) == {"state/URY", "state/PRY"}


# --- the agreement's own title, met at the end of its text -------------------------------------

TARIFFS = """The Government of Namibia and the Government of Botswana (hereinafter "the Parties")
have agreed as follows:

Article 1. The Parties shall remove duties on the goods listed in the Annex to this Agreement.

Article 2. This Agreement shall enter into force ninety days after signature.

IN WITNESS WHEREOF the undersigned have signed this Agreement.

Done at Windhoek on 3 April 2019.

For the Government of Namibia        For the Government of Botswana

Schedule of tariff concessions under the Free Trade Agreement between Namibia and Botswana
"""


def test_own_title_at_the_end_of_a_treaty_text_is_the_same_agreement(extract_text):
    extraction = extract_text(TARIFFS)
    agreements = _agreements(extraction)
    assert len(agreements) == 1, sorted(agreements)
    [key] = agreements
    assert _values(extraction, key, model.PARTY) == {"state/NAM", "state/BWA"}
    assert _values(extraction, key, model.DATE_SIGNED) == {"2019-04-03"}
    title = [m for m in extraction.mentions
             if m.entity == key and m.anchor.startswith("Free Trade Agreement")]
    assert len(title) == 1


def test_this_agreement_under_a_heading_is_no_agreement_of_its_own(extract_text):
    """A capitalised "This" after an article heading can pass for part of a name; it points
    at the agreement the text names, it names none."""
    text = ("The Agreement on Fisheries between the Republic of Chile and the Republic of Peru "
            "was signed in Lima.\n\nARTICLE 12 Entry Into Force\nThis Agreement shall enter "
            "into force on 1 March 2021.\n\nARTICLE 13 Amendment\n1. This Agreement may be "
            "amended by the Parties.")
    names = [e.name for e in _agreements(extract_text(text)).values()]
    assert names == ["Agreement on Fisheries between the Republic of Chile and the Republic of Peru"]


def test_a_formal_name_wrapped_after_a_small_word_runs_on(extract_text):
    """Hard-wrapped texts break lines inside names; a break after "on", "of" or "between" does
    not end the name, a break after a capitalised word does."""
    wrapped = extract_text("Recalling the General Agreement on\nTariffs and Trade 1994, Chile "
                           "and Peru agreed to cut duties.")
    assert [e.name for e in _agreements(wrapped).values()] == [
        "General Agreement on Tariffs and Trade"]
    heading = extract_text("The Treaty of Friendship\nThe two parties, Chile and Peru, meet "
                           "every year.")
    assert [e.name for e in _agreements(heading).values()] == ["Treaty of Friendship"]


def test_a_hyphenated_word_inside_a_formal_name_belongs_to_it(extract_text):
    """"Non-Proliferation" is one word of the name; a word broken by a hyphen at a line's end
    ("Co-⏎operation") is no place for the name to end."""
    for text in ("Peru is a party to the Treaty on the Non-Proliferation of Nuclear Weapons.",
                 "Peru is a party to the Treaty on the\nNon-Proliferation of Nuclear Weapons."):
        assert [e.name for e in _agreements(extract_text(text)).values()] == [
            "Treaty on the Non-Proliferation of Nuclear Weapons"]
    broken = extract_text("Chile recalled the Final Act of the Conference on Security and Co-\n"
                          "operation in Europe.")
    assert [e.name for e in _agreements(broken).values()] == [
        "Final Act of the Conference on Security"]


def test_own_title_with_between_after_the_subject_is_the_same_agreement(extract_text):
    """"Agreement on Trade between X and Y", repeated in the treaty's own text (its title
    wrapped over two lines there), is the treaty, not a second agreement."""
    text = TREATY.replace("ON TRADE\n", "\n").replace(
        "AGREEMENT BETWEEN", "AGREEMENT ON TRADE BETWEEN", 1).replace(
        "ARTICLE 1 The Parties", "ARTICLE 1 Under the Agreement on Trade between\nthe Government "
        "of Mongolia and the Government of the Republic of Chile, the Parties")
    agreements = _agreements(extract_text(text))
    assert len(agreements) == 1, [a.name for a in agreements.values()]


# --- a title wrapped over several lines ----------------------------------------------------------

def test_a_title_wrapped_over_lines_is_read_whole_up_to_the_heading_below_it():
    from kg.nlp.treaty import _title

    after_small_word = "ECONOMIC PARTNERSHIP AGREEMENT BETWEEN\nICELAND AND THE REPUBLIC OF PERU"
    assert _title(after_small_word + "\n\nPREAMBLE\n\nIceland and Peru ...") == (
        "Economic Partnership Agreement between Iceland and the Republic of Peru",
        len(after_small_word))
    before_small_word = "AGREEMENT BETWEEN JAPAN AND MONGOLIA\nFOR AN ECONOMIC PARTNERSHIP"
    assert _title("\n " + before_small_word + "\nPREAMBLE\nJapan and Mongolia ...") == (
        "Agreement between Japan and Mongolia for an Economic Partnership",
        2 + len(before_small_word))
    # a finished title stops at the next upper-case line, even without a blank line between
    assert _title("TREATY OF AMITY\nARTICLE 1\nThe Parties ...") == ("Treaty of Amity", 15)
    assert _title("PREAMBLE\nThe Parties to this Agreement ...") == ("Agreement", 0)


def test_a_wrapped_title_names_the_treaty_text(extract_text):
    wrapped = RIVER.replace("PARAGUAY ON RIVER NAVIGATION", "PARAGUAY\nON RIVER NAVIGATION", 1)
    extraction = extract_text(wrapped)
    agreement = _agreements(extraction)[_own_agreement(extraction)]
    assert agreement.name == ("Agreement between the Government of Uruguay and the Government "
                              "of Paraguay on River Navigation")


def test_a_title_broken_line_by_line_is_the_one_agreement(extract_text):
    # One line per part of the title: the words before the line break are no agreement apart.
    broken = ROAD_TRANSPORT.replace("AGREEMENT BETWEEN GHANA AND TOGO ON ROAD TRANSPORT",
                                    "ROAD TRANSPORT AGREEMENT\nBETWEEN\nTHE REPUBLIC OF GHANA\n"
                                    "AND\nTHE TOGOLESE REPUBLIC", 1)
    extraction = extract_text(broken)
    agreements = _agreements(extraction)
    assert [e.name for e in agreements.values()] == [
        "Road Transport Agreement between the Republic of Ghana and the Togolese Republic"]
    [key] = agreements
    assert _values(extraction, key, model.PARTY) == {"state/GHA", "state/TGO"}


def test_this_with_a_name_in_a_treaty_text_is_the_text_itself(extract_text):
    named = ROAD_TRANSPORT.replace("have agreed as\nfollows:",
                                   "have agreed to conclude this Road Transport Agreement:", 1)
    assert named != ROAD_TRANSPORT
    extraction = extract_text(named)
    agreements = _agreements(extraction)
    assert [e.name for e in agreements.values()] == [
        "Agreement between Ghana and Togo on Road Transport"]


def test_an_organisation_named_in_capitals_in_a_title_is_a_party_by_its_own_name(extract_text):
    text = TREATY.replace("THE GOVERNMENT OF MONGOLIA", "THE EUROPEAN ECONOMIC COMMUNITY", 1) \
        .replace("The Government of Mongolia", "The European Economic Community") \
        .replace("FOR THE GOVERNMENT OF MONGOLIA", "FOR THE EUROPEAN ECONOMIC COMMUNITY")
    ex = extract_text(text)
    [key] = _agreements(ex)
    community = "org/_/european-community"
    assert _values(ex, key, model.PARTY) == {community, "state/CHL"}
    assert ex.entities[community].name == "European Economic Community"


@pytest.mark.parametrize("formula, iso", [
    ("DONE AT ULAANBAATAR, ON MARCH 14, 2011, in duplicate.", "2011-03-14"),
    ("Executed at Ulaanbaatar this 14th day of March 2011.", "2011-03-14"),
    ("Done at Ulaanbaatar on the fourteenth of March, two thousand and eleven.", "2011-03-14"),
], ids=["capitals", "executed", "ordinal-words"])
def test_final_clause_forms_give_the_treatys_date(extract_text, formula, iso):
    text = TREATY.replace("DONE at Ulaanbaatar on 14 March 2011, in duplicate in the English "
                          "language.", formula)
    assert formula in text
    extraction = extract_text(text)
    [key] = _agreements(extraction)
    assert _values(extraction, key, model.DATE_SIGNED) == {iso}


def test_each_party_named_with_its_own_hereinafter_is_a_party(extract_text):
    text = TREATY.replace(
        'The Government of Mongolia and the Government of the Republic of Chile (hereinafter '
        'referred to as "the Parties"),',
        'The Government of Mongolia (hereinafter "Mongolia") and the Government of the Republic '
        'of Chile (hereinafter "Chile"), hereinafter referred to together as "the Parties",')
    text = text.replace(text.splitlines()[0], "", 1).replace(
        "FOR THE GOVERNMENT OF MONGOLIA FOR THE GOVERNMENT OF THE REPUBLIC OF CHILE", "")
    assert '(hereinafter "Mongolia")' in text and "MONGOLIA" not in text
    extraction = extract_text(text)
    [key] = _agreements(extraction)
    assert _values(extraction, key, model.PARTY) == {"state/MNG", "state/CHL"}


# --- an excerpt: articles and final clauses only -----------------------------------------------

EXCERPT = """ARTICLE 1 Objectives
The Parties shall establish a free trade area in conformity with this Agreement.

ARTICLE 30 Entry into force
This Agreement shall enter into force on the date of the last notification.

Done at Podgorica, on 12 May 2009, in two originals in the English language.

For the Republic of Macedonia
For the Republic of Moldova
"""


def test_an_excerpt_of_articles_and_final_clauses_is_a_treaty_text(extract_text):
    extraction = extract_text(EXCERPT)
    [key] = _agreements(extraction)
    assert _values(extraction, key, model.PARTY) == {"state/MKD", "state/MDA"}
    assert _values(extraction, key, model.DATE_SIGNED) == {"2009-05-12"}


def test_news_quoting_this_agreement_twice_is_no_treaty_text(extract_text):
    text = ("Moldova and Ukraine said this agreement would help trade. The parties met in "
            "Chisinau. Critics said this agreement was made in haste.\nDone at last, one "
            "official joked.")
    rules = {ev.rule for _, ev in extract_text(text).facts}
    assert not any(rule.startswith("treaty:") for rule in rules), rules
