"""Organisations in news (issue 13): a body's state comes from its name or our table, not from
the state the story is about; rooms, events, laws, programmes and bare generic words are no
bodies; parties named in their own language are parties, not persons."""
from __future__ import annotations

import pytest

from kg import model
from kg.nlp.not_organizations import names_no_body

from extraction_helpers import extract_with_entities, facts


def _organizations(ex) -> dict[str, tuple[str, list[str]]]:
    """name -> (kind, states) of every organisation of the extraction."""
    return {e.name: (e.kind, sorted({o for o, _ in facts(ex, model.STATE_OF, k)}))
            for k, e in ex.entities.items() if e.kind in model.ORGANIZATION_KINDS}


def test_well_known_bodies_take_their_own_state_not_the_storys(extract_text):
    text = ("KYIV, March 3 - Ukraine said officers of the GRU planned a sabotage attempt near "
            "Kharkiv. Ukrainian officials said Ukraine would ask for help. The State Department "
            "said it was following the reports.")
    keys = {k for k, e in extract_text(text).entities.items()
            if e.kind in model.ORGANIZATION_KINDS}
    assert "org/RUS/gru" in keys
    assert "org/USA/state-department" in keys
    assert not any(k.startswith("org/UKR/") for k in keys)


def test_a_state_name_with_a_typographic_apostrophe_is_the_state(extract_text):
    text = ("The State Council of the People’s Republic of China approved the tariffs on "
            "Tuesday. The United States said the United States would respond.")
    ex = extract_text(text)
    assert "state/CHN" in ex.entities and "state/TWN" not in ex.entities
    assert _organizations(ex)["State Council of the People’s Republic of China"] == \
        ("organization", ["state/CHN"])


@pytest.mark.parametrize("name", ["State Dining Room", "Leaders Summit", "Affordable Homes Scheme",
                                  "Shared Island Dialogue", "Knesset Elections Law",
                                  "Central Africa Standard Time", "Crown", "Administration",
                                  "Ottoman Empire"])
def test_rooms_events_laws_programmes_and_generic_words_are_no_bodies(nlp, name):
    text = f"Israel and Egypt discussed Gaza. Israel mentioned the {name} on Monday."
    ex = extract_with_entities(nlp, text, [name], label="ORG")
    assert name not in _organizations(ex)


@pytest.mark.parametrize("name", ["Commission on Elections", "School of Law",
                                  "Institute for the Study of War", "Nuclear Planning Group",
                                  "Baltic Ports Forum", "Children's Relief Fund"])
def test_bodies_named_for_their_subject_stay_bodies(name):
    assert not names_no_body(name)


def test_the_oval_office_is_a_room_not_an_office(extract_text):
    text = ("President Joe Biden welcomed Prime Minister Benjamin Netanyahu of Israel to the "
            "Oval Office on Wednesday. Israel and the United States discussed Gaza.")
    assert not any("Oval" in name for name in _organizations(extract_text(text)))


@pytest.mark.parametrize("text", [
    "Israel will vote in March. Members of the Tikva Hadasha party met in Jerusalem on Monday.",
    "Israel will vote in March. Tikva Hadasha, the centrist opposition party, met on Monday.",
    "Israel will vote in March. Tikva Hadasha leader Gideon Saar met reporters on Monday.",
])
def test_a_name_the_text_calls_a_party_is_a_party(nlp, text):
    pieces = ["Tikva Hadasha"] + (["Gideon Saar"] if "Saar" in text else [])
    ex = extract_with_entities(nlp, text, pieces)
    assert _organizations(ex).get("Tikva Hadasha") == ("political_party", ["state/ISR"])
    assert not any(e.kind == model.PERSON and e.name == "Tikva Hadasha"
                   for e in ex.entities.values())


def test_every_mention_of_a_party_so_called_is_the_party(nlp):
    text = ("Israel will vote in March. Tikva Hadasha and Yamina agreed on Sunday. The "
            "Tikva Hadasha party said Israel needed a government.")
    ex = extract_with_entities(nlp, text, ["Tikva Hadasha", "Yamina", "Tikva Hadasha"])
    parties = [m for m in ex.mentions if m.anchor == "Tikva Hadasha"]
    assert len(parties) == 2 and all(m.entity.startswith("org/") for m in parties)


def test_a_person_described_by_a_party_post_stays_a_person(nlp):
    text = ("Spain will vote in May. Pedro Morales, the party's leader, met reporters. Ana "
            "Ruiz, a member of the ruling party, spoke later. Luis Gil, the main opposition party "
            "candidate, did not.")
    ex = extract_with_entities(nlp, text, ["Pedro Morales", "Ana Ruiz", "Luis Gil"])
    assert not _organizations(ex)
    assert {e.name for e in ex.entities.values() if e.kind == model.PERSON} >= \
        {"Pedro Morales", "Ana Ruiz", "Luis Gil"}


def test_a_party_our_table_knows_is_a_party_of_its_state(extract_text):
    text = ("DUBLIN, Feb. 9 - Fianna Fáil and Fine Gael agreed to govern together in Ireland. "
            "Sinn Féin criticised the deal.")
    orgs = _organizations(extract_text(text))
    assert all(orgs.get(n, ("",))[0] == "political_party"
               for n in ("Fianna Fáil", "Fine Gael", "Sinn Féin"))
