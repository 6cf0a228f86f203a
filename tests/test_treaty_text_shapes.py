"""Treaty texts in the shapes collections print them (issue 13): titles carried over lines by
"ESTABLISHING", a title with its year and acronym, a text that names itself "this Free Trade
Agreement", an excerpt of articles without preamble or signature blocks, a name for an untitled
text from the parties as it names them, and dates in notes or with a dotted day. Texts written
for these tests."""
from __future__ import annotations

from kg import model
from kg.nlp.dates import find_dates
from kg.nlp.treaty import _title, is_treaty_text

ARTICLES = """ARTICLE 1 Objectives
1. The Parties shall establish a free trade area in accordance with this Agreement.

2. The objectives of this Agreement are to promote trade between {a} and {b}.

ARTICLE 2 Customs Duties
No new customs duties shall be introduced in trade between {a} and {b}.

ARTICLE 3 Entry Into Force
This Agreement shall enter into force on the first day of the second month after the Parties
have notified each other.

IN WITNESS WHEREOF the undersigned plenipotentiaries, being duly authorized thereto, have signed
this Agreement.

DONE at ............ this ...... day of ........ in two originals in the English language.
"""

SIGNED = ARTICLES.format(a="the Parties", b="their territories") + """
For the Government of the Republic of Peru For the Government of the Kyrgyz Republic
"""


def _own(extract_text, text: str) -> tuple[str, set[str], set[str]]:
    ex = extract_text(text)
    [key] = [k for k, e in ex.entities.items() if e.kind == model.AGREEMENT
             if any(ev.rule.startswith("treaty:") for f, ev in ex.facts if f.subject == k)]
    values = {p: {f.object for f, _ in ex.facts if f.subject == key and f.predicate == p}
              for p in (model.PARTY, model.DATE_SIGNED)}
    return ex.entities[key].name, values[model.PARTY], values[model.DATE_SIGNED]


def test_a_title_goes_on_over_a_line_that_starts_with_establishing() -> None:
    title = ("FRAMEWORK AGREEMENT\nESTABLISHING A FREE TRADE AREA\nBETWEEN\nTHE REPUBLIC OF PERU"
             "\nAND\nTHE KINGDOM OF MOROCCO")
    assert _title(title + "\n\nPREAMBLE\n\nThe Republic of Peru and …") == (
        "Framework Agreement Establishing a Free Trade Area between the Republic of Peru and "
        "the Kingdom of Morocco", len(title))


def test_a_title_in_title_case_may_start_with_its_year_and_hold_an_acronym() -> None:
    title = "2004 Andean Customs Union (ACU) Agreement"
    assert _title(title + "\n\nTHE GOVERNMENTS OF …") == (title, len(title))


def test_words_run_together_are_no_title() -> None:
    glued = "XQ2013-05-02*FISHERIES AGREEMENTBETWEENTHE GOVERNMENT OF CHILEFisheries Agreement"
    assert _title(glued + "\nThe Government of Chile and …") == ("Agreement", 0)


def test_a_dotted_day_number_in_a_final_clause() -> None:
    assert find_dates("DONE at Lima, this 13. day of May 1994, in", None)[0][2].iso == \
        "1994-05-13"


def test_a_text_that_calls_itself_by_its_kind_and_speaks_of_each_party() -> None:
    text = ("The two governments hereby set up a free trade area.\n\nThis Free Trade Agreement "
            "covers goods.\n\nEach Party shall apply this Free Trade Agreement in its "
            "territory.\n\nFor the Republic of Peru\nFor the Kingdom of Morocco\n")
    assert is_treaty_text(text)
    # news writes "this free trade agreement" in lower case, and speaks of no Party
    assert not is_treaty_text(text.replace("Free Trade Agreement", "free trade agreement"))
    assert not is_treaty_text(text.replace("Each Party", "Each side"))


def test_a_text_headed_by_its_title_that_calls_itself_this_agreement_three_times() -> None:
    text = ("AGREEMENT ON FISHERIES BETWEEN PERU AND MOROCCO\n\nArticle 1\nThis Agreement sets "
            "quotas.\n\nArticle 2\nThis Agreement applies at sea.\n\nArticle 3\nThis Agreement "
            "may be amended.\n")
    assert is_treaty_text(text)
    assert not is_treaty_text(text.split("\n\n", 1)[1])


def test_an_untitled_text_is_named_by_its_parties_as_it_names_them(extract_text) -> None:
    name, parties, dates = _own(extract_text, SIGNED)
    # a short name where the text's holds it ("the Republic of Peru"), else the text's: a
    # reader of the text knows the Kyrgyz Republic by that name, not as "Kyrgyzstan"
    assert name == "Agreement between Peru and the Kyrgyz Republic"
    assert parties == {"state/PER", "state/KGZ"}
    assert dates == set()   # the formula left blank gives no date


def test_an_excerpt_without_signature_blocks_takes_the_states_it_names_most(extract_text) -> None:
    # the articles name Peru and Morocco twice each, Chile once
    text = ARTICLES.format(a="Peru", b="Morocco").replace(
        "ARTICLE 3", "Goods from Chile are not covered.\n\nARTICLE 3")
    name, parties, _dates = _own(extract_text, text)
    assert parties == {"state/PER", "state/MAR"}
    assert name == "Agreement between Peru and Morocco"


def test_a_note_that_the_text_was_signed_dates_it(extract_text) -> None:
    text = SIGNED.replace("DONE at ............ this ...... day of ........ in two originals in the "
                          "English language.\n",
                          "(This Agreement was signed on 3 May 2011 in Lima.)\n")
    assert _own(extract_text, text)[2] == {"2011-05-03"}
    # a later law that cites its signing does not date it
    cited = SIGNED + ("\nLaw on the ratification of the Agreement signed on 4 March 2003 in "
                      "Rabat.\n")
    assert _own(extract_text, cited)[2] == set()


def test_one_of_a_bodys_member_states_is_no_party_as_the_body(extract_text) -> None:
    ex = extract_text("The agreement between an EFTA State and Peru was signed in Lima on "
                      "3 May 2010.")
    parties = {f.object for f, _ in ex.facts if f.predicate == model.PARTY}
    assert parties == {"state/PER"}


def test_a_government_named_as_a_party_in_a_preamble_stands_for_its_state(extract_text) -> None:
    text = SIGNED.replace("ARTICLE 1 Objectives", "The Republic of Peru and the Palestinian "
                          "Authority (hereinafter referred to as \"the Parties\"),\n\nHave agreed "
                          "as follows:\n\nARTICLE 1 Objectives").replace(
        "For the Government of the Kyrgyz Republic", "For the Palestinian Authority")
    assert _own(extract_text, text)[1] == {"state/PER", "state/PSE"}


def test_a_state_that_places_a_territory_is_no_party(extract_text) -> None:
    text = SIGNED.replace("ARTICLE 1 Objectives", "Free Trade Agreement between Peru and Macao, "
                          "China\n\nARTICLE 1 Objectives").replace(
        "For the Government of the Kyrgyz Republic",
        "For the Macao Special Administrative Region of the People's Republic of China")
    assert "state/CHN" not in _own(extract_text, text)[1]
