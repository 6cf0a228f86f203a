"""An agreement's date and parties where news tells them once for the whole story (issue 13):
a signing after "On June 15, A held talks with B" is of June 15, a release's lead reports the
day's news, a list of signed documents shares its signers. Sentences written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import agreement_objects, extract_as_txt


@pytest.fixture(scope="module")
def agreements(nlp):
    """agreements(text) -> {name: (dates, parties, statuses)}, the text read as `kg build` reads
    a .txt file (title line, date line)."""
    return lambda text: agreement_objects(extract_as_txt(nlp, text), model.DATE_SIGNED,
                                          model.PARTY, model.STATUS)


_READOUT = ("Press release on talks between the Foreign Ministers of Peru and Ghana\n"
            "9 May 2024\n\n"
            "On May 7, Minister of Foreign Affairs of Peru Elmer Schialer held talks in Lima with "
            "Minister of Foreign Affairs of Ghana Samuel Ablakwa, who is on an official visit.\n\n"
            "Following the talks, the ministers signed a Plan of Consultations for 2025-2027 and "
            "an Agreement on Visa Exemption for Holders of Diplomatic Passports.\n")


def test_a_signing_after_the_day_the_story_gave_is_of_that_day(agreements) -> None:
    found = agreements(_READOUT)
    dates, _parties, _ = found["Agreement on Visa Exemption for Holders of Diplomatic Passports"]
    assert dates == {"2024-05-07"}


def test_each_document_of_a_signed_list_has_the_signers_states(agreements) -> None:
    found = agreements(_READOUT)
    _dates, parties, _ = found["Agreement on Visa Exemption for Holders of Diplomatic Passports"]
    assert parties == {"state/PER", "state/GHA"}


def test_a_signing_in_a_release_about_today_is_of_the_release_date(agreements) -> None:
    found = agreements("Readout of the Secretary's Meeting with the Foreign Minister of Chile\n"
                       "June 3, 2024\n\n"
                       "The Secretary of State met today with Chilean Foreign Minister Alberto "
                       "van Klaveren in Washington. The two signed a memorandum of understanding "
                       "on cooperation in lithium mining.\n")
    assert [dates for dates, _, _ in found.values()] == [{"2024-06-03"}]


def test_a_signing_still_to_come_takes_no_date_from_the_story(agreements) -> None:
    found = agreements("Peru and Ecuador to sign border accord\n\n"
                       "LIMA, March 4, 2024 — Peru and Ecuador will sign a border accord in "
                       "Quito, the two foreign ministries said on Monday.\n")
    assert all(not dates for dates, _, _ in found.values()), found


def test_the_ceasefire_a_dated_release_welcomes_is_of_that_day(agreements) -> None:
    text = ("Statement by the Spokesperson on the Ceasefire in Northern Mozambique\n"
            "April 2, 2024\n\n"
            "Canada welcomes the two-day truce that the warring sides in northern Mozambique "
            "agreed to, which took effect at noon.\n")
    assert [dates for dates, _, _ in agreements(text).values()] == [{"2024-04-02"}]


def test_a_ceasefire_still_pursued_is_proposed_and_undated(agreements) -> None:
    found = agreements("Readout of the President's Call with the Prime Minister of Lebanon\n"
                       "March 18, 2024\n\n"
                       "The President spoke today with Prime Minister Najib Mikati of Lebanon "
                       "about ongoing efforts to secure a ceasefire agreement between Israel "
                       "and Lebanon.\n")
    assert [(dates, statuses) for dates, _, statuses in found.values()] == [(set(), {"proposed"})]


def test_an_agreement_brought_in_with_an_is_a_new_one(agreements) -> None:
    found = agreements("FACT SHEET: Chile and Japan Deepen Their Partnership\n"
                       "October 2, 2024\n\n"
                       "Today, Chile and Japan signed a Memorandum of Cooperation on critical "
                       "minerals. Earlier this year, the two governments concluded an agreement "
                       "on the return of undocumented migrants.\n")
    assert len(found) == 2, found
    assert {frozenset(d) for d, _, _ in found.values()} == {frozenset({"2024-10-02"}),
                                                           frozenset({"2024"})}


def test_those_who_agree_to_extend_a_truce_are_its_parties(agreements) -> None:
    found = agreements("Ethiopia and Eritrea have agreed to extend the ceasefire along their "
                       "border by seven days, mediators Kenya and Egypt said on Monday. The truce "
                       "began last week.\n")
    assert [parties for _, parties, _ in found.values()] == [{"state/ETH", "state/ERI"}]


def test_a_capitalised_possessive_is_part_of_a_name(agreements) -> None:
    found = agreements("The two leaders issued a Joint Leaders' Statement on the partnership. "
                       "Later they issued the Joint Statement between the People's Republic of "
                       "China and the Republic of Chile on Trade.")
    assert set(found) == {"Joint Leaders' Statement", "Joint Statement between the People's "
                          "Republic of China and the Republic of Chile on Trade"}


def test_a_lead_citing_an_older_deal_gives_it_no_date(agreements) -> None:
    found = agreements("Statement from the President on the Agreement Between Chile and Peru\n"
                       "March 19, 2024\n\n"
                       "I welcome the agreement reached in Arica by Chile and Peru on "
                       "the implementation of the EU-facilitated fisheries deal. Both parties "
                       "must now implement their commitments in good faith.\n")
    dates = {name: d for name, (d, _, _) in found.items()}
    assert dates.pop("Fisheries deal", set()) == set(), found
    assert list(dates.values()) == [{"2024-03-19"}]


def test_a_date_the_sentence_gives_elsewhere_is_not_overridden(agreements) -> None:
    found = agreements("Joint Statement on the Chile-Peru Strategic Dialogue\nJanuary 12, 2024\n\n"
                       "Chile and Peru held their fifth Strategic Dialogue in Lima on January 11. "
                       "The delegations welcomed the signing of a memorandum of understanding on "
                       "lithium, known as the Andes Memorandum, in November 2023.\n")
    assert all("2024-01-11" not in d and "2024-01-12" not in d
               for name, (d, _, _) in found.items() if "Memorandum" in name), found



@pytest.mark.parametrize("text, count", [
    # told by who made it: the deal already named
    ("Ruritania and Freedonia signed the Harbour Accord in Geneva on 3 May 2021. The border "
     "clashes ended with a deal mediated by Switzerland.", 1),
    # told by its subject: a new one
    ("Ruritania and Freedonia signed the Harbour Accord in Geneva on 3 May 2021. In June they "
     "reached a deal to reopen the border crossings.", 2),
])
def test_a_deal_told_by_its_maker_refers_back_and_one_told_by_its_subject_is_new(
        agreements, text, count) -> None:
    assert len(agreements(text)) == count, agreements(text)
