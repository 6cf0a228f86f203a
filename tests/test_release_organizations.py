"""Organisations in government releases and agency news (issue 13): a government's own bodies
named without their state (the table's "Department of the Treasury", "Federation Council"),
another state's body of the same name, British spellings of table names, and the NER's spans
that name a site, a place or a title rather than a body."""
from __future__ import annotations

import pytest

from kg import model
from kg.nlp.not_organizations import names_no_body

from extraction_helpers import extract_with_entities, facts


def _organizations(ex) -> dict[str, list[str]]:
    """name -> states of every organisation of the extraction: the state its key holds
    ("org/USA/national-security-council"; table bodies' state facts are background facts),
    which the state facts of the text agree with."""
    found: dict[str, list[str]] = {}
    for key, entity in ex.entities.items():
        if entity.kind in model.ORGANIZATION_KINDS:
            stated = {o for o, _ in facts(ex, model.STATE_OF, key)}
            state = key.split("/")[1]
            assert stated <= {f"state/{state}"}, (key, stated)
            found.setdefault(entity.name, []).extend([] if state == "_" else [f"state/{state}"])
    return found


@pytest.mark.parametrize("text, expected", [
    # a government's own bodies, named without their state in a statement on another state
    ("Statement from NSC Spokesperson Mara Ellison on the Ceasefire in Sudan\n\n"
     "The United States is glad that Sudan's army and its rivals agreed to a ceasefire in "
     "Jeddah. The Department of the Treasury will prepare sanctions against those in "
     "Sudan who undermine it, with the Commerce Department.",
     {"NSC": "USA", "Department of the Treasury": "USA", "Commerce Department": "USA"}),
    # a name several states give a body means the usual one when the text names that state
    ("Brazil and China signed a protocol on soybean exports in Brasilia on Monday. Brazil will "
     "certify the first plants within a month, Brazil's farm minister said, and the State "
     "Council will publish the new quotas.",
     {"State Council": "CHN"}),
])
def test_bodies_named_without_their_state_take_the_one_our_tables_give(extract_text, text,
                                                                          expected):
    orgs = _organizations(extract_text(text))
    assert {name: orgs.get(name) for name in expected} == \
        {name: [f"state/{state}"] for name, state in expected.items()}


def test_a_russian_chamber_named_alone_is_russian(extract_text):
    text = ("Vladimir Putin met with members of the Security Council. Federation Council "
            "Speaker Anna Orlova reported on Poland's plans. Poland and Lithuania were "
            "discussed.")
    assert _organizations(extract_text(text))["Federation Council"] == ["state/RUS"]


def _states_of(ex, name: str) -> set[str]:
    """The states of every organisation of this name (two states' bodies may share one)."""
    return set(_organizations(ex).get(name, []))


def test_another_states_body_of_a_table_name_is_that_states(extract_text):
    text = "Turkey's National Security Council met in Ankara on Tuesday, Turkey said."
    assert _states_of(extract_text(text), "National Security Council") == {"state/TUR"}


def test_two_states_bodies_of_one_name_keep_their_states(extract_text):
    text = ("The Philippine Department of Energy and the U.S. Department of Energy will "
            "cooperate on nuclear power, the Philippines said.")
    states = sorted(state for name, found in _organizations(extract_text(text)).items()
                    if name.endswith("Department of Energy") for state in found)
    assert states == ["state/PHL", "state/USA"]


def test_a_british_spelling_of_a_table_name_is_the_same_body(extract_text):
    text = ("The leaders of Kazakhstan and Kyrgyzstan discussed the summit of the Collective "
            "Security Treaty Organisation in Minsk.")
    ex = extract_text(text)
    entity = next(e for e in ex.entities.values()
                  if e.name == "Collective Security Treaty Organisation")
    assert entity.kind == model.INTERNATIONAL_ORGANIZATION
    assert "Collective Security Treaty Organization" in entity.aliases


def test_a_unit_named_after_its_bodys_possessive_takes_that_bodys_state(extract_text):
    text = ("Guatemala's courts acted on Monday. Guatemala said the Treasury Department's "
            "Office of Sanctions Coordination had named three Guatemalan officials.")
    assert _organizations(extract_text(text))["Office of Sanctions Coordination"] == ["state/USA"]


def test_a_navy_named_after_its_army_is_no_fragment(extract_text):
    text = ("The Philippines protested the actions of the People's Liberation Army Navy near "
            "the Philippine coast.")
    orgs = _organizations(extract_text(text))
    assert orgs["People's Liberation Army"] == ["state/CHN"]
    assert not any(name.startswith("Liberation") for name in orgs)


@pytest.mark.parametrize("text, piece", [
    # a site: the NER names the plant's name, not the plant
    ("Russia and Ukraine traded blame for the shelling of the Krasnoretsk nuclear power plant "
     "on Sunday.", "Krasnoretsk"),
    ("Russia said the Severnaya shipyard would build two icebreakers for Russia.", "Severnaya"),
    # a place the tables do not know
    ("Rwanda and the DRC agreed that forces would leave the locality of Kabuye by Friday.",
     "Kabuye"),
    # a title's words, and a title with its holder
    ("Press Secretary Lena Morrow said the United States and Canada would meet.", "Press"),
    ("Secretary of Defense Lloyd Austin met Canadian officials in Ottawa, Canada said.",
     "Defense Lloyd Austin"),
])
def test_sites_places_and_titles_the_ner_calls_org_are_no_bodies(nlp, text, piece):
    ex = extract_with_entities(nlp, text, [piece], label="ORG")
    assert piece not in _organizations(ex)


@pytest.mark.parametrize("name", ["Foreign Ministries", "Office of the", "Operation Clear Sky",
                                  "Foreign Military Financing",
                                  "Minerals Security Partnership", "Kivu Economic Corridor"])
def test_plurals_cut_names_operations_programmes_and_routes_are_no_bodies(name):
    assert names_no_body(name)


def test_a_release_title_is_no_body():
    assert names_no_body("Readout of National Security Advisor")


def test_initials_of_a_body_named_before_are_that_body(nlp):
    text = ("The Sudanese Armed Forces and the Rapid Reaction Brigades agreed to a truce in "
            "Sudan. Sudan said the RRB must leave Khartoum.")
    ex = extract_with_entities(nlp, text, ["Rapid Reaction Brigades", "RRB"], label="ORG")
    orgs = _organizations(ex)
    assert "RRB" not in orgs
    entity = next(e for e in ex.entities.values() if e.name == "Rapid Reaction Brigades")
    assert "RRB" in entity.aliases


def test_a_short_name_in_brackets_is_the_bodys_other_name(nlp):
    text = ("The Governor said the Federal Forest Agency (Rosleskhoz) had sent aircraft. Russia "
            "thanked Rosleskhoz for its help.")
    ex = extract_with_entities(nlp, text, ["Rosleskhoz", "Rosleskhoz"], label="ORG")
    orgs = _organizations(ex)
    assert "Federal Forest Agency" in orgs and "Rosleskhoz" not in orgs


def test_a_body_of_an_international_body_has_no_state(extract_text):
    text = ("Israel and Egypt met in Cairo. The UN Office for Humanitarian Mine Action for "
            "Gaza Civilians will open an office in Egypt, Israel said.")
    orgs = _organizations(extract_text(text))
    assert orgs["UN Office for Humanitarian Mine Action for Gaza Civilians"] == []


def test_a_states_armed_forces_named_after_its_possessive_get_the_states_name(extract_text):
    text = "Poland and the United States will train Ukraine's Armed Forces near Rzeszow."
    orgs = _organizations(extract_text(text))
    assert orgs["Ukrainian Armed Forces"] == ["state/UKR"]
    assert "Armed Forces" not in orgs


def test_a_seat_of_government_where_leaders_meet_is_a_place_not_the_body(extract_text):
    met = extract_text("President Lena Berg of Finland met the President at the White House on "
                       "Monday. Finland and the United States discussed trade.")
    assert "White House" not in _organizations(met)
    said = extract_text("The White House said Finland and the United States discussed trade.")
    assert _organizations(said)["White House"] == ["state/USA"]


def test_a_body_named_with_its_state_ends_before_its_holders_name(extract_text):
    text = ("Ukraine said the Head of the Security Service of Ukraine Taras Melnyk reported on "
            "the operation near Kharkiv.")
    orgs = _organizations(extract_text(text))
    assert orgs["Security Service of Ukraine"] == ["state/UKR"]
    assert not any("Melnyk" in name for name in orgs)


def test_a_shared_name_without_its_usual_state_in_the_text_takes_the_texts(extract_text):
    text = ("Vladimir Putin chaired a meeting of the State Council on youth policy. Russia will "
            "fund new programmes, and Russia's regions will report by June.")
    assert _organizations(extract_text(text))["State Council"] == ["state/RUS"]


def test_a_name_the_ner_cut_before_a_place_takes_the_place(nlp):
    from spacy.tokens import Span

    from kg.model import Document
    from kg.nlp.extract import extract

    text = "She became treasurer of the United Cigarmakers of North America in 1903."
    doc = nlp(text)
    cut = doc.char_span(text.index("the United"), text.index(" North"), label="ORG")
    place = doc.char_span(text.index("North"), text.index(" in"), label="LOC")
    doc.ents = [Span(doc, cut.start, cut.end, label="ORG"),
                Span(doc, place.start, place.end, label="LOC")]
    names = set(_organizations(extract(doc, Document(id="t", text=text))))
    assert "United Cigarmakers of North America" in names


def test_a_head_word_inside_a_programmes_name_makes_no_body(extract_text):
    text = ("The United States will provide $500 million in Foreign Military Financing and "
            "Army Day support to the Philippines, the Philippines said.")
    assert not any("Military" in name or "Army" in name
                   for name in _organizations(extract_text(text)))
