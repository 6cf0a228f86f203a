"""How news and releases name and refer to agreements (issue 13): a headline tells the lead's
news, "A and B said in a joint statement" names its makers, a name may list its parties with
commas, a described title drops the states it names. Sentences written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from extraction_helpers import agreement_objects, extract_as_txt


@pytest.fixture(scope="module")
def agreements(nlp):
    """agreements(text) -> {name: (dates, parties)}, the text read as `kg build` reads a .txt
    file (title line, date line)."""
    return lambda text: agreement_objects(extract_as_txt(nlp, text), model.DATE_SIGNED,
                                          model.PARTY)


def test_a_headlines_agreement_is_the_one_the_lead_names(agreements) -> None:
    found = agreements("Chile, Peru sign border pact\n\n"
                       "LIMA, May 6, 2024 — Chile and Peru signed the Treaty of Tacna on Monday, "
                       "settling the last stretch of their maritime border.\n")
    assert found == {"Treaty of Tacna": ({"2024-05-06"}, {"state/CHL", "state/PER"})}


def test_those_who_speak_in_a_joint_statement_made_it(agreements) -> None:
    found = agreements("Norway and Iceland said in a joint statement on Tuesday that fishing "
                       "talks would resume in June.")
    assert [parties for _, parties in found.values()] == [{"state/NOR", "state/ISL"}]


def test_a_name_may_list_its_parties_with_commas(agreements) -> None:
    found = agreements("Joint Statement of the Foreign Ministers of Chile, Peru and Ecuador\n"
                       "Lima, 21 January 2024\n\n"
                       "The Foreign Ministers of Chile, Peru and Ecuador met in Lima today and "
                       "discussed regional security and trade.\n")
    assert found == {"Joint Statement of the Foreign Ministers of Chile, Peru and Ecuador": (
        {"2024-01-21"}, {"state/CHL", "state/PER", "state/ECU"})}


def test_a_described_title_drops_the_states_it_names(agreements) -> None:
    found = agreements("Statement by the Spokesperson on the Agreement between Chile and Peru\n"
                       "May 7, 2024\n\n"
                       "The United States welcomes today's agreement by Chile and Peru to "
                       "reopen their border crossings to trade.\n")
    assert all(" and" not in name and "between" not in name for name in found), found


def test_last_october_is_the_last_october_before_the_story() -> None:
    from kg.nlp.dates import find_dates

    assert [v.iso for _, _, v in find_dates("signed in Astana last October", "2024-03-03")] \
        == ["2023-10"]
    assert [v.iso for _, _, v in find_dates("signed last February", "2024-03-03")] == ["2024-02"]


def test_who_signs_after_the_signing_of_a_name_is_its_party(agreements) -> None:
    found = agreements("Both leaders welcomed the signing of the Reciprocal Access Agreement "
                       "(RAA) between Chile and Peru on the same day. They also welcomed the "
                       "signing of the Memorandum on Fisheries (“the Memorandum”) by the "
                       "Ministry of Fisheries of Chile and the Ministry of Production of Peru.")
    parties = {name: p for name, (_, p) in found.items()}
    assert parties["Reciprocal Access Agreement"] == {"state/CHL", "state/PER"}
    signers = {p for p in parties["Memorandum on Fisheries"] if p.startswith("org/")}
    assert len(signers) == 2, parties   # the two ministries
