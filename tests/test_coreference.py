"""Pronouns standing for the one person named just before (kg.nlp.coreference), through the
rules that use them (posts, memberships), on sentences we wrote."""
from __future__ import annotations

from kg import model

from extraction_helpers import facts


def test_a_pronoun_subject_gives_the_person_a_post(extract_text):
    ex = extract_text("Sarah Jones arrived in Lima on Monday. She later served as Prime Minister "
                      "of Peru.")
    [(post, evidence)] = facts(ex, model.HOLDS, "person/sarah-jones")
    assert evidence.startswith("She later served as Prime Minister")
    assert [h for h, _ in facts(ex, model.POST_IN, post)] == ["state/PER"]
    # the pronoun is no mention of the person: mentions are names
    assert [m.anchor for m in ex.mentions if m.entity == "person/sarah-jones"] == ["Sarah Jones"]


def test_a_pronoun_after_two_people_stays_unresolved(extract_text):
    ex = extract_text("David Miller met Sarah Jones in Lima. She later served as Prime Minister "
                      "of Peru.")
    assert facts(ex, model.HOLDS) == []


def test_a_pronoun_too_far_from_the_name_stays_unresolved(extract_text):
    ex = extract_text("Sarah Jones arrived in Lima. The talks began. They lasted a week. Nothing "
                      "was agreed. She later served as Prime Minister of Peru.")
    assert facts(ex, model.HOLDS) == []


def test_a_pronoun_subject_gives_the_person_a_party(extract_text):
    ex = extract_text("Robert Johnson (born 1950) is a lawyer from Ohio. He is a member of the "
                      "Republican Party.")
    [(party, evidence)] = facts(ex, model.MEMBER_OF, "person/robert-johnson")
    assert ex.entities[party].name == "Republican Party"
    assert evidence.startswith("He is a member of the Republican Party")


def test_a_chain_of_the_same_pronoun_keeps_its_person_past_a_name_met_in_passing(extract_text):
    ex = extract_text("Ingrid Dahl was born in Hamar in 1958. She joined the cabinet of Prime "
                      "Minister Kjell Berg in 2001. She later served as Minister of Agriculture "
                      "of Norway.")
    posts = {ex.entities[p].name for p, _ in facts(ex, model.HOLDS, "person/ingrid-dahl")}
    assert "Minister of Agriculture" in posts
    assert {ex.entities[p].name for p, _ in facts(ex, model.HOLDS, "person/kjell-berg")} == \
        {"Prime Minister"}


def test_a_person_named_as_subject_after_the_chain_takes_the_pronoun_over(extract_text):
    ex = extract_text("Sarah Jones arrived in Lima. She met the press. David Miller replied on "
                      "Tuesday. He later served as Prime Minister of Peru.")
    assert facts(ex, model.HOLDS, "person/sarah-jones") == []
    assert len(facts(ex, model.HOLDS, "person/david-miller")) == 1
