"""Events (issue 16): PLOVER types, actors and targets from the parse, negation and modality,
on sentences we wrote in agency-news style."""
from __future__ import annotations

import pytest

from kg import model
from kg.data.event_codes import PLOVER_TYPES, codes_from, event_codes
from kg.errors import KGError


def events(ex) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(type, actor states, target states) of each event, in text order."""
    out = []
    for e in sorted(ex.events, key=lambda e: e.begin):
        roles = [p for p in ex.participants if p.event == e.key]
        out.append((e.type,
                    tuple(sorted((p.state or p.entity) for p in roles if p.role == model.ACTOR)),
                    tuple(sorted((p.state or p.entity) for p in roles if p.role == model.TARGET))))
    return out


def test_every_coded_type_is_plover() -> None:
    assert {c.type for codes in event_codes().values() for c in codes} <= set(PLOVER_TYPES)


def test_no_row_of_the_table_is_there_twice() -> None:
    rows = [c for codes in event_codes().values() for c in codes]
    assert len(rows) == len(set(rows))
    # nor twice with other codes: a word a sense needs (also through a class) has one sense;
    # only a word's plain rows may be several, for the senses who acts tells apart
    needing = [c.key for c in rows if c.needs is not None]
    assert sorted(k for k in needing if needing.count(k) > 1) == []


def test_a_bad_type_in_the_table_names_its_line() -> None:
    with pytest.raises(KGError, match="line 3"):
        codes_from("lemma,pos,type,mode,cameo,needs\nmeet,verb,CONSULT,,040,\nhug,verb,HUG,,,\n",
                   "mine.csv")


def test_an_attack_by_one_state_on_another(extract_text) -> None:
    ex = extract_text("Ruritanian troops shelled army positions in Georgia on Monday.")
    assert events(ex)[0][0] == "FIGHT"
    ex = extract_text("Georgia attacked Armenia on Monday.")
    assert events(ex) == [("FIGHT", ("state/GEO",), ("state/ARM",))]


def test_a_demonym_stands_for_its_state(extract_text) -> None:
    ex = extract_text("Kenyan forces opened fire on Somali positions near the border.")
    assert events(ex) == [("FIGHT", ("state/KEN",), ("state/SOM",))]


@pytest.mark.parametrize("text", [
    # negated: the verb, or a subject or object denied
    "Chile did not expel the Peruvian diplomats.",
    "Chile never recognised the new government.",
    "Neither Chile nor Peru attacked the border posts.",
    "No country has sent troops to the region.",
    "The army shelled no villages, the ministry said.",
    "Joint patrols along the border have not resumed since the spring.",
    # hypothetical: a modal, a condition
    "Chile may expel two Peruvian diplomats.",
    "If Peru attacks, Chile could respond.",
    # what a speaker says it must do itself
    "India said it must defend its borders.",
    # a verb of an event in another sense
    "The army demonstrated its resolve with a parade through the capital.",
    # a state's own instruments: signing one agrees with no one
    "President Ruto signed the finance bill into law on Tuesday.",
    "The decree was signed by the interior minister on Monday.",
    # forecasts: what a thing will do
    "The IMF warned that the economy would shrink this year.",
    "Officials said the decision would help the economy.",
    "The talks will give both sides a chance to settle the dispute.",
])
def test_a_clause_that_tells_no_act_done_gives_no_event(extract_text, text: str) -> None:
    assert events(extract_text(text)) == []


def test_a_threat_is_no_attack(extract_text) -> None:
    ex = extract_text("Pakistan threatened to attack India on Friday.")
    assert events(ex) == [("THREATEN", ("state/PAK",), ("state/IND",))]


def test_an_intended_hostile_act_is_a_threat_and_a_helpful_one_an_offer(extract_text) -> None:
    assert [e[0] for e in events(extract_text("Norway will send aid to Yemen."))] == ["AGREE"]
    ex = extract_text("Egypt will close its border with Libya unless the attacks stop.")
    assert [e[0] for e in events(ex)] == ["THREATEN"]


@pytest.mark.parametrize("text, event", [
    # the purpose of an act to come is to come too, and the one who sends acts through whom
    # it sends: an intent to mediate (CAMEO 039) ...
    ("Ghana said it would send a senior diplomat to mediate between the two parties.",
     ("AGREE", ("state/GHA",), ())),
    # ... and an envoy sent now mediates for the one who sent him
    ("Qatar dispatched an envoy to mediate between the Sudanese factions.",
     ("CONSULT", ("state/QAT",), ("state/SDN",))),
])
def test_what_one_sends_others_to_do(extract_text, text: str, event) -> None:
    assert events(extract_text(text)) == [event]


def test_an_accusation_and_its_target(extract_text) -> None:
    ex = extract_text("Canada accused Russia of interfering in its elections.")
    assert events(ex) == [("DISAPPROVE", ("state/CAN",), ("state/RUS",))]


@pytest.mark.parametrize("text", [
    "Moldova's interior ministry said Russian agents had staged provocations in Chisinau.",
    "The Georgian foreign ministry said Russia bore full responsibility for the escalation.",
    "Serbian sabotage groups planted explosives near the border, the Kosovo government said.",
])
def test_a_report_that_blames_the_other_side_is_an_accusation(extract_text, text) -> None:
    accusations = [e for e in events(extract_text(text)) if e[0] == "DISAPPROVE"]
    assert len(accusations) == 1
    speaker, blamed = accusations[0][1:]
    assert len(speaker) == 1 and len(blamed) == 1 and speaker != blamed


@pytest.mark.parametrize("text", [
    # a side telling what was done to it reports the attack, as PLOVER codes it
    "Russian troops shelled the Ukrainian city of Kharkiv, the Ukrainian government said.",
    # claiming responsibility admits, it blames no one
    "Afghan militants claimed responsibility for the bombing in Peshawar, Pakistani police said.",
])
def test_a_report_without_blame_is_no_accusation(extract_text, text) -> None:
    assert "DISAPPROVE" not in [e[0] for e in events(extract_text(text))]


def test_an_event_in_reported_speech_is_held_by_its_claim(extract_text) -> None:
    ex = extract_text("Iran has expelled two British diplomats, the Iranian foreign ministry said.")
    [event] = [e for e in ex.events if e.type == "SANCTION"]
    assert event.claim is not None and event.claim in {c.key for c in ex.claims}


def test_conjoined_subjects_each_act(extract_text) -> None:
    ex = extract_text("Ghana and Togo signed a trade agreement in Accra on Tuesday.")
    assert events(ex)[0][:2] == ("SUPPORT", ("state/GHA", "state/TGO"))


def test_a_person_acts_for_the_state_of_the_title(extract_text) -> None:
    ex = extract_text("Peruvian President Ana Torres visited Bolivia on Monday.")
    [event] = ex.events
    [actor] = [p for p in ex.participants if p.role == model.ACTOR]
    assert (event.type, actor.entity, actor.state) == ("CONSULT", "person/ana-torres",
                                                       "state/PER")


def test_a_refused_yes_is_a_rejection(extract_text) -> None:
    ex = extract_text("Ecuador did not accept the Colombian proposal.")
    assert events(ex) == [("REJECT", ("state/ECU",), ("state/COL",))]


def test_an_act_with_no_target_is_aimed_at_the_state_where_it_happens(extract_text) -> None:
    ex = extract_text("The charity suspended its aid deliveries in Kabul on Monday.")
    [event] = ex.events
    assert event.type == "SANCTION" and events(ex)[0][2] == ("state/AFG",)


def test_events_survive_the_cache(extract_text) -> None:
    from kg.cache import decode_entry, encode_entry

    ex = extract_text("Georgia attacked Armenia on Monday.")
    back = decode_entry(encode_entry(ex, "k"), "k", ex.document)
    assert (back.events, back.participants) == (ex.events, ex.participants) and back.events


@pytest.mark.parametrize("text, expected", [
    # any verb of reported speech carries a demand on another
    ("Venezuela claimed that Guyana must halt its offshore drilling.",
     ("DEMAND", ("state/VEN",), ("state/GUY",))),
    # an act the actor is expected or aims to do is intended, not done
    ("Ecuador is expected to deploy troops along the border.", ("THREATEN", ("state/ECU",), ())),
    ("Bolivia aims to expel the Chilean ambassador.",
     ("THREATEN", ("state/BOL",), ("state/CHL",))),
    ("Uganda is poised to move tanks to its frontier with Kenya.",
     ("THREATEN", ("state/UGA",), ())),
    # ... also where a date stands between the noun of intention and what it intends
    ("Quito signalled its readiness on Monday to open talks with Lima.",
     ("AGREE", ("state/ECU",), ("state/PER",))),
])
def test_intents_and_demands_read_from_the_governing_verb(extract_text, text: str,
                                                          expected: tuple) -> None:
    assert events(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, date", [
    # a day of the week, resolved against the article's date (a Wednesday)
    ("Ghana and Togo agreed on Monday to revive the 1963 border pact.", "2026-03-02"),
    # a date that names a thing dates the thing, not the act
    ("Ghana and Togo agreed to revive their 1963 border pact.", None),
    ("Egypt condemned last year's raid on its embassy.", None),
    ("Russian troops shelled the city on Nov. 3, 2022, the ministry said.", "2022-11-03"),
])
def test_an_event_takes_the_date_its_clause_tells_it_happened(extract_text, text: str,
                                                               date: str | None) -> None:
    [event] = extract_text(text, date="2026-03-04").events
    assert event.date == date
