"""People in news as agencies and governments write it (headlines, bylines, name particles,
posts after a name, a person's state), on texts we wrote."""
from __future__ import annotations

import pytest
from extraction_helpers import extract_with_entities, facts

from kg import model
from kg.nlp.story_lines import story_lines


def people(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind == model.PERSON}


def places(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind == model.PLACE}


def state_of(ex, name: str) -> set[str]:
    [key] = [k for k, e in ex.entities.items() if e.kind == model.PERSON and e.name == name]
    return {obj for obj, _ in facts(ex, model.STATE_OF, key)}


AGENCY_STORY = (
    "Okafor Meets Tanaka As Lagos Hosts Trade Talks\n"
    "By Jane Whitfield and Tom Harding, Reuters\n"
    "\n"
    "LAGOS, May 6 (Reuters) - Nigerian Foreign Minister Chidi Okafor met Japanese Foreign "
    "Minister Kenji Tanaka in Lagos on Tuesday. Okafor said the two countries would sign a "
    "trade pact next year.\n"
    "\n"
    "Related: Ghana's President Kofi Mensah Visits Abuja\n"
    "\n"
    "(Reporting by Jane Whitfield; Editing by Tom Harding)\n")


def test_story_lines_find_the_headline_the_byline_the_sidebar_and_the_credits(nlp):
    doc = nlp(AGENCY_STORY)
    lines = story_lines(doc)
    assert lines.title_case and doc[lines.headline[0]:lines.headline[1]].text == \
        "Okafor Meets Tanaka As Lagos Hosts Trade Talks"
    outside = [doc[s:e].text for s, e in lines.outside]
    assert outside == ["By Jane Whitfield and Tom Harding, Reuters",
                       "Related: Ghana's President Kofi Mensah Visits Abuja",
                       "(Reporting by Jane Whitfield; Editing by Tom Harding)"]


def test_journalists_and_sidebars_are_no_people_of_the_story(extract_text):
    names = people(extract_text(AGENCY_STORY))
    assert {"Chidi Okafor", "Kenji Tanaka"} <= names
    assert not names & {"Jane Whitfield", "Tom Harding", "Kofi Mensah"}


def test_a_title_case_headline_does_not_run_a_name_into_its_verb(nlp):
    text = ("Okafor Meets Tanaka In Lagos\n"
            "Foreign Minister Chidi Okafor of Nigeria met Kenji Tanaka in Lagos on Tuesday.\n")
    ex = extract_with_entities(nlp, text, ["Okafor Meets Tanaka", "Chidi Okafor", "Kenji Tanaka"])
    assert people(ex) == {"Chidi Okafor", "Kenji Tanaka"}


def test_a_headline_name_with_a_title_stays_and_loses_its_gerund(nlp):
    text = ("Statement From Spokesperson Lena Berg Welcoming The Truce\n"
            "The government welcomes the truce agreed on Sunday by both sides.\n")
    ex = extract_with_entities(nlp, text, ["Lena Berg Welcoming"])
    assert people(ex) == {"Lena Berg"}


def test_a_headline_word_the_body_never_names_is_no_place(nlp):
    text = ("Man wears pet snake to court hearing\n"
            "A man arrived at a court in Leeds with a python around his neck on Monday.\n")
    ex = extract_with_entities(nlp, text, ["Man"], label="GPE")
    assert "Man" not in places(ex)


def test_a_possessive_ends_a_name(nlp):
    text = ("Readout of Vice President Berg’s Meeting with Prime Minister Okafor\n"
            "Vice President Lena Berg met Prime Minister Chidi Okafor of Nigeria today.\n")
    ex = extract_with_entities(nlp, text, ["Berg’s Meeting", "Okafor", "Lena Berg",
                                           "Chidi Okafor"])
    assert people(ex) == {"Lena Berg", "Chidi Okafor"}


def test_name_particles_do_not_split_a_person(nlp):
    text = ("Ursula von der Leyen met Egyptian President Abdel Fattah al-Sisi and Ahmed bin "
            "Khalifa in Cairo.")
    ex = extract_with_entities(nlp, text, ["Ursula von der", "Abdel Fattah al-", "Ahmed bin"])
    assert people(ex) == {"Ursula von der Leyen", "Abdel Fattah al-Sisi", "Ahmed bin Khalifa"}
    assert not places(ex) & {"Leyen", "Sisi"}


def test_a_name_written_family_name_first_keeps_its_last_word(nlp):
    text = ("President Park Min Seong of the Republic of Korea met the delegation. President Park "
            "spoke.")
    ex = extract_with_entities(nlp, text, ["Park Min", "Park"])
    assert people(ex) == {"Park Min Seong"}
    assert state_of(ex, "Park Min Seong") == {"state/KOR"}


def test_a_post_after_a_name_makes_it_a_person_of_that_body(nlp):
    text = ("Rustam Karimov, the secretary of Uzbekistan's Security Council, told reporters the "
            "talks had gone well.")
    ex = extract_with_entities(nlp, text, ["Rustam Karimov"], label="ORG")
    [key] = [k for k, e in ex.entities.items() if e.name == "Rustam Karimov"]
    assert ex.entities[key].kind == model.PERSON
    [(post, _)] = facts(ex, model.HOLDS, key)
    [(body, _)] = facts(ex, model.POST_IN, post)
    assert body.startswith("org/UZB/")


@pytest.mark.parametrize("text, states", [
    ("President Ana Lima of the Republic of Cabo Verde met President Joseph R. Kamau of "
     "the United States of America in Praia.",
     {"Ana Lima": "state/CPV", "Joseph R. Kamau": "state/USA"}),
    ("The envoy met Presidents Felix Moyo of Zambia and Samuel Okello of Uganda in Lusaka.",
     {"Felix Moyo": "state/ZMB", "Samuel Okello": "state/UGA"}),
], ids=["state-after-name-with-article", "plural-title-each-own-state"])
def test_each_titled_name_takes_the_state_named_after_it(nlp, text, states):
    ex = extract_with_entities(nlp, text, list(states))
    for name, state in states.items():
        assert state_of(ex, name) == {state}


def test_a_title_that_is_the_next_verbs_subject_is_not_the_names(nlp):
    text = ("Responding to a call for direct talks with Oleh Kuzmenko, the President of Russia "
            "restated his position.")
    ex = extract_with_entities(nlp, text, ["Oleh Kuzmenko"])
    assert state_of(ex, "Oleh Kuzmenko") == set()


def test_secretary_of_the_treasury_and_trade_representative_are_posts(nlp):
    text = ("The delegation was led by Paul Harper, Secretary of the Treasury, and Jane Ortiz, "
            "United States Trade Representative.")
    ex = extract_with_entities(nlp, text, ["Paul Harper", "Jane Ortiz"])
    assert state_of(ex, "Jane Ortiz") == {"state/USA"}
    key = [k for k, e in ex.entities.items() if e.name == "Paul Harper"][0]
    assert [p for p, _ in facts(ex, model.HOLDS, key)]


def test_a_counterpart_holds_the_same_title_in_the_state_named(nlp):
    text = ("Pakistani Prime Minister Imran Qureshi and his Indian counterpart, Arjun Mehta, "
            "spoke by phone on Sunday.")
    ex = extract_with_entities(nlp, text, ["Imran Qureshi", "Arjun Mehta"])
    assert state_of(ex, "Arjun Mehta") == {"state/IND"}
    [key] = [k for k, e in ex.entities.items() if e.name == "Arjun Mehta"]
    assert [p for p, _ in facts(ex, model.HOLDS, key)] == ["post/state/IND/prime-minister"]


def test_a_name_the_ner_ran_into_a_documents_title_keeps_the_name(nlp):
    text = ("Statement by Foreign Minister Lena Berg on the Border Talks\n"
            "Joint Statement of Norland and Vesteria\n"
            "The ministers agreed to meet again in Oslo next month.\n")
    ex = extract_with_entities(nlp, text, ["Statement by Foreign Minister Lena Berg",
                                           "Joint Statement"])
    assert people(ex) == {"Lena Berg"}


def test_constituencies_are_no_people(nlp):
    text = ("Helen Marsh, the Liberal Party's MP for Eastwick Vale, stood for the riding of Port "
            "Alder, and lost the Lower Brampton by-election in 1984.")
    ex = extract_with_entities(nlp, text, ["Helen Marsh", "Eastwick Vale", "Port Alder",
                                           "Lower Brampton"])
    assert people(ex) == {"Helen Marsh"}


def test_a_party_family_word_before_a_name_is_not_part_of_it(nlp):
    text = "He lost the seat in 2004 to Liberal Stephen Kowalski, a former mayor."
    ex = extract_with_entities(nlp, text, ["Liberal Stephen Kowalski"])
    assert people(ex) == {"Stephen Kowalski"}


@pytest.mark.parametrize("text, name, label, state", [
    # an honorific between title and name
    ("Malaysian Prime Minister Dr. Aziz bin Rahman proposed a new trade bloc.",
     "Aziz bin Rahman", "PERSON", "MYS"),
    # a long title, with its state, before the name
    ("Minister of Foreign Affairs of the Republic of Azerbaijan Elnur Mammadli held talks in "
     "Baku.", "Elnur Mammadli", "PERSON", "AZE"),
    # a hyphenated name the NER calls an organisation, after "title of STATE,"
    ("The talks were hosted by the President of the Republic of Kazakhstan, Nurlan-Aidos Bekov.",
     "Nurlan-Aidos Bekov", "ORG", "KAZ"),
    # an ambassador belongs to the state that sends him
    ("Lars Lindqvist, Sweden's ambassador to Norway, said the embassy would reopen.",
     "Lars Lindqvist", "PERSON", "SWE"),
])
def test_a_persons_state_from_the_words_around_the_name(nlp, text, name, label, state):
    ex = extract_with_entities(nlp, text, [name], label=label)
    assert state_of(ex, name) == {f"state/{state}"}


def test_a_lone_surname_that_serves_or_resigns_is_a_person(nlp):
    text = "Lindqvist served two terms in the Riksdag. In 2004 Okafor resigned from the cabinet."
    ex = extract_with_entities(nlp, text, ["Lindqvist", "Okafor"])
    assert people(ex) == {"Lindqvist", "Okafor"}
