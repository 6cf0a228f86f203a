"""Organisations in encyclopaedic text on politics (issue 13): a state's adjective before a
body's name ("the Canadian Medical Association"), parties named in their own language
("Partido Verde Ecologista"), and bodies named inside an election's name."""
from __future__ import annotations

import pytest

from kg import model

from extraction_helpers import facts


def _organizations(ex) -> dict[str, tuple[str, list[str]]]:
    """name -> (kind, states) of every organisation of the extraction."""
    return {e.name: (e.kind, sorted({o for o, _ in facts(ex, model.STATE_OF, k)}))
            for k, e in ex.entities.items() if e.kind in model.ORGANIZATION_KINDS}


def test_a_state_adjective_before_a_bodys_name_is_part_of_it(extract_text):
    orgs = _organizations(extract_text(
        "Groups backing the bill included the Canadian Medical Association, the Canadian "
        "Institute of Child Health and the Canadian Wildlife Foundation."))
    assert orgs["Canadian Medical Association"] == (model.ORGANIZATION, ["state/CAN"])
    assert orgs["Canadian Institute of Child Health"] == (model.ORGANIZATION, ["state/CAN"])
    assert orgs["Canadian Wildlife Foundation"] == (model.ORGANIZATION, ["state/CAN"])


def test_a_state_adjective_before_a_party_familys_plural_is_a_party(extract_text):
    orgs = _organizations(extract_text(
        "At the election the Irish Socialists and the Dutch Radicals each won a seat."))
    assert orgs["Irish Socialists"] == (model.POLITICAL_PARTY, ["state/IRL"])
    assert orgs["Dutch Radicals"] == (model.POLITICAL_PARTY, ["state/NLD"])


def test_a_state_adjective_before_a_title_is_no_body(extract_text):
    orgs = _organizations(extract_text(
        "The Australian Prime Minister met the French Foreign Minister in Paris."))
    assert not any(name.startswith(("Australian", "French")) for name in orgs)


_PARTY_TEXT = ("The list joined the Partido Verde Ecologista de Bolivia, the Mouvement "
               "Républicain Populaire and the Hizb al-Tahrir, while the Partai Rakyat Indonesia "
               "stayed out.")
_BODY_TEXT = ("He studied at the Universidad Nacional de Colombia and later chaired the Consejo "
              "Nacional Electoral.")


@pytest.mark.parametrize("text, name, kind, states", [
    (_PARTY_TEXT, "Partido Verde Ecologista de Bolivia", model.POLITICAL_PARTY, ["state/BOL"]),
    (_PARTY_TEXT, "Mouvement Républicain Populaire", model.POLITICAL_PARTY, None),
    (_PARTY_TEXT, "Hizb al-Tahrir", model.POLITICAL_PARTY, None),
    (_PARTY_TEXT, "Partai Rakyat Indonesia", model.POLITICAL_PARTY, ["state/IDN"]),
    (_BODY_TEXT, "Universidad Nacional de Colombia", model.ORGANIZATION, ["state/COL"]),
    (_BODY_TEXT, "Consejo Nacional Electoral", model.ORGANIZATION, None),
])
def test_a_name_opened_by_another_languages_word_for_a_party_or_body_is_one(
        extract_text, text, name, kind, states):
    found_kind, found_states = _organizations(extract_text(text))[name]
    assert found_kind == kind
    assert states is None or found_states == states


def test_a_body_named_inside_an_elections_name_is_no_mention(extract_text):
    orgs = _organizations(extract_text(
        "At the 2014 European Parliament election the Liberals gained a seat, and at the 1998 "
        "Ruritania Assembly elections they won none."))
    assert "European Parliament" not in orgs
    assert not any("Assembly" in name for name in orgs)


def test_a_body_named_outside_an_election_stays(extract_text):
    orgs = _organizations(extract_text(
        "She was elected to the European Parliament in 2009 and sat there until the election."))
    assert "European Parliament" in orgs


def test_a_name_closed_by_an_indian_word_for_party_is_a_party(extract_text):
    orgs = _organizations(extract_text(
        "In 1990 the Rashtriya Janata Dal and the Jharkhand Mukti Morcha formed a government."))
    assert orgs["Rashtriya Janata Dal"][0] == model.POLITICAL_PARTY
    assert orgs["Jharkhand Mukti Morcha"][0] == model.POLITICAL_PARTY


def test_a_hyphenated_seat_in_a_sentence_on_an_election_is_no_body(nlp):
    from extraction_helpers import extract_with_entities

    text = ("She was the Liberal candidate in the riding of Acadia-Bathford in the 2006 "
            "federal election.")
    ex = extract_with_entities(nlp, text, ["Acadia-Bathford"], label="ORG")
    assert "Acadia-Bathford" not in {e.name for e in ex.entities.values()
                                     if e.kind in model.ORGANIZATION_KINDS}


def test_a_hyphenated_name_outside_an_election_stays_a_body(nlp):
    from extraction_helpers import extract_with_entities

    text = "Shares of Acadia-Bathford rose after the merger was announced."
    ex = extract_with_entities(nlp, text, ["Acadia-Bathford"], label="ORG")
    assert "Acadia-Bathford" in {e.name for e in ex.entities.values()
                                 if e.kind in model.ORGANIZATION_KINDS}


def test_a_bodys_name_goes_on_over_on_and_its_subject(extract_text):
    orgs = _organizations(extract_text(
        "The state Commission on Public Integrity opened a review after her complaint."))
    assert any(name.endswith("Commission on Public Integrity") for name in orgs)


def test_a_bodys_name_stops_before_on_and_a_day(extract_text):
    orgs = _organizations(extract_text("The Executive Council on Monday adopted the text."))
    assert "Executive Council" in orgs


@pytest.mark.parametrize("text, name, state", [
    # an international body's organ named without it, and owned by no state named, is its
    ("The Security Council in a vote late on Tuesday endorsed the text.",
     "United Nations Security Council", None),
    ("The General Assembly voted on the draft on Friday.", "United Nations General Assembly",
     None),
    # one a state owns is that state's
    ("Russia's Security Council weighed the crisis at a session in the Kremlin.",
     "Security Council", "RUS"),
    ("The Armenian Security Council met on Friday.", "Armenian Security Council", "ARM"),
])
def test_an_organ_named_bare_is_its_international_bodys(extract_text, text, name, state):
    ex = extract_text(text)
    [org] = [e for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS]
    assert org.name == name
    assert org.key.split("/")[1] == (state or "_")


def test_a_one_word_organ_named_bare_may_be_any_bodys(extract_text):
    # "the Secretariat" is an office word many international bodies share
    ex = extract_text("ASEAN leaders met in Jakarta, where the Secretariat said the summit "
                      "would open on Monday.")
    assert "org/_/united-nations-secretariat" not in ex.entities
