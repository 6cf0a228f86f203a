"""Events (issue 16, accuracy): rules that code actors as PLOVER does, on sentences we wrote in
agency-news style."""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from kg import model
from extraction_helpers import coded, kinds

ROOT = Path(__file__).resolve().parents[1]


def roles(ex, role: str) -> set[tuple[str, str | None]]:
    """(entity, state) of every participant in this role, over all the document's events."""
    return {(p.entity, p.state) for p in ex.participants if p.role == role}


def test_a_post_holder_acts_for_the_one_state_the_text_names(extract_text) -> None:
    ex = extract_text("President Lidia Carvalho lifted the state of emergency in Portugal on "
                      "Monday.")
    assert roles(ex, model.ACTOR) == {("person/lidia-carvalho", "state/PRT")}
    ex = extract_text("A Brazilian court summoned former minister Otavio Serra to testify about "
                      "campaign bribes.")
    assert ("person/otavio-serra", "state/BRA") in roles(ex, model.TARGET)


def test_a_post_holder_takes_no_state_when_the_text_names_two(extract_text) -> None:
    ex = extract_text("Brazilian negotiators held talks with Prime Minister Aino Korpela in "
                      "Helsinki.")
    assert ("person/aino-korpela", None) in roles(ex, model.TARGET)


def test_an_envoy_of_an_international_body_takes_no_state(extract_text) -> None:
    ex = extract_text("Sudanese opposition figures will meet U.N. envoy Lars Hedvall on Friday.")
    assert ("person/lars-hedvall", None) in roles(ex, model.TARGET)


@pytest.mark.parametrize("text, role, state", [
    # a group placed in a state acts for it
    ("Security forces in Zimbabwe have beaten scores of opposition supporters, a rights group "
     "said.", model.ACTOR, "state/ZWE"),
    # a group named by its state keeps it wherever it is
    ("American troops in Iraq arrested two Iranian diplomats.", model.ACTOR, "state/USA"),
    # a protest aimed at no one named is aimed at the protesters' state
    ("Moroccan dockworkers went on a hunger strike at the port on Monday.", model.TARGET,
     "state/MAR"),
    # a group named by what it is acts for the one state the text names
    ("Rebels ambushed a supply convoy in northern Mali on Sunday.", model.ACTOR, "state/MLI"),
    # ... also where a number or a part of it is the head ("hundreds of students")
    ("Hundreds of students marched through Dhaka on Sunday.", model.ACTOR, "state/BGD"),
    # ... also where the NER takes the group for a place
    ("Gunmen abducted 30 students from a school in Nigeria's Zamfara state.", model.ACTOR,
     "state/NGA"),
    # a place acted on stands for its state
    ("Russian troops shelled Kharkiv on Sunday.", model.TARGET, "state/UKR"),
    # whose act is rejected is the target
    ("Warsaw rejected fresh calls by Moscow for a new border treaty.", model.TARGET,
     "state/RUS"),
    # a threat is aimed at the subject of its condition
    ("North Korea threatened to resume missile tests if Seoul holds the joint drills.",
     model.TARGET, "state/KOR"),
])
def test_the_state_a_participant_acts_for(extract_text, text, role, state) -> None:
    assert roles(extract_text(text), role) == {(state, state)}


def test_a_group_in_places_acts_for_their_states(extract_text) -> None:
    ex = extract_text("Protesters in Lima and Santiago marched against rising fuel prices.")
    assert roles(ex, model.ACTOR) == {("state/PER", "state/PER"), ("state/CHL", "state/CHL")}


@pytest.mark.parametrize("text, actor", [
    # people who protest or strike act for the state where their clause puts the act, though
    # the text names another
    ("Thousands of farmers blocked roads across Peru on Monday in protest at a trade deal "
     "with Chile.", "state/PER"),
    ("Opposition supporters camped out on the main square of Tbilisi for a third day, "
     "protesting against a vote they say was rigged by Moscow.", "state/GEO"),
    ("Crowds of demonstrators marched in Dhaka on Sunday against a visit by the Indian "
     "foreign minister.", "state/BGD"),
])
def test_a_group_of_civilians_acts_for_the_state_it_acts_in(extract_text, text,
                                                             actor) -> None:
    assert {a for _, actors, _ in coded(extract_text(text)) for a in actors} == {actor}


def test_an_armed_group_does_not_take_the_state_it_fights_in(extract_text) -> None:
    """Fighters cross borders: where they attack does not say whose they are."""
    found = coded(extract_text("Militiamen attacked a convoy in Niger on Monday, officials in "
                               "Mali said."))
    assert found and found[0][1] == set()


def test_a_state_named_before_its_verb_is_its_subject(extract_text) -> None:
    """The parser may take a state's name before a rare verb for an adverbial noun."""
    found = coded(extract_text("Turkey massed troops and tanks on the Syrian border."))
    assert found and found[0][1] == {"state/TUR"}


def test_states_listed_with_commas_each_act(extract_text) -> None:
    """The parser reads "A, B, C and D" as A with an appositive list after it."""
    found = coded(extract_text("Israel, South Africa, the United States and Canada boycotted "
                               "the conference."))
    assert found and found[0][1] == {"state/ISR", "state/ZAF", "state/USA", "state/CAN"}


def test_a_group_takes_no_state_when_the_text_names_two(extract_text) -> None:
    ex = extract_text("Rebels ambushed a convoy near the border between Mali and Burkina Faso.")
    assert roles(ex, model.ACTOR) == set()


@pytest.mark.parametrize("text, kind", [
    ("Chile and Peru resumed talks on their maritime border on Tuesday.", "CONSULT"),
    ("The Kenyan foreign minister arrived in Addis Ababa on Monday for talks.", "CONSULT"),
    # met with a reaction is no meeting
    ("The visiting Chinese premier was met with protests in Hanoi.", "PROTEST"),
    ("The European Union slapped sanctions on Belarus over the election.", "SANCTION"),
    ("The Kenyan government gave in to demands from striking doctors.", "CONCEDE"),
    ("Israeli air strikes hit targets in Syria overnight.", "FIGHT"),
    ("Rebels overran an army base in northern Mali.", "FIGHT"),
    ("Ghana renounced the fishing accord with Togo on Friday.", "REJECT"),
    ("The Dutch foreign minister castigated Turkey over the arrests.", "DISAPPROVE"),
    ("Vietnam objected to the deployment of Chinese vessels near the islands.", "DISAPPROVE"),
    # senses that need a linked word, as PLOVER's CAMEO categories tell them apart
    ("Turkmenistan lifted its ban on foreign journalists on Monday.", "CONCEDE"),
    ("Canada lifted sanctions on three Syrian banks.", "RETREAT"),
    ("The Thai army declared martial law in three southern provinces.", "COERCE"),
    ("A Nairobi court convicted two Somali men of plotting the attack.", "DISAPPROVE"),
    ("Fiji and Tonga struck a deal on fishing rights on Wednesday.", "AGREE"),
    ("Indian and Chinese troops exchanged fire along the disputed frontier.", "FIGHT"),
    ("Greek and Turkish navies held joint manoeuvres in the Aegean.", "COOPERATE"),
    ("Kuwait declared the Iraqi envoy persona non grata.", "SANCTION"),
    ("Israel called up 20,000 reservists on Sunday.", "MOBILIZE"),
    ("Latvia placed its forces on high alert after Russian jets were spotted.", "MOBILIZE"),
    # a curfew or emergency lifted is a concession in words (PLOVER: "remove curfews"), a
    # ceasefire observed or arms laid down a retreat in deeds; a ban is repression
    ("Uganda lifted the state of emergency in the northern districts.", "CONCEDE"),
    ("The Bolivian government lifted the curfew in La Paz last week.", "CONCEDE"),
    ("The president imposed a state of emergency in the capital on Sunday.", "COERCE"),
    ("Some 200 rebels laid down their arms in eastern Chad on Sunday.", "RETREAT"),
    ("Both armies observed the ceasefire along the border overnight.", "RETREAT"),
    ("Ugandan units finished their pullout from the eastern Congolese town on Friday.",
     "RETREAT"),
    ("Libyan troops vacated the disputed oasis strip after the court's ruling.", "RETREAT"),
    ("Paris has reduced its troops in Chad to about 900.", "RETREAT"),
    ("Iranian authorities banned two reformist newspapers on Monday.", "COERCE"),
    # force used to end a protest is repression (CAMEO 175); an indictment legal action (173)
    ("Kenyan police dispersed the protesters with tear gas.", "COERCE"),
    ("Police in Lahore used tear gas to break up a rally by lawyers on Thursday.", "COERCE"),
    ("A Kenyan court indicted two Somali men on terrorism charges.", "COERCE"),
    # force used on civilians or their places is one-sided violence, not a fight
    ("Government troops shelled villages near Bentiu on Friday.", "ASSAULT"),
    ("Militants fired rockets at a hospital in the city overnight.", "ASSAULT"),
    ("Soldiers fired into a crowd of mourners outside the mosque in Herat.", "ASSAULT"),
    ("Gunmen opened fire on a group of pilgrims near the shrine.", "ASSAULT"),
    # ... civilians named by what they do, in the actor groups' table
    ("Navy gunboats fired on fishermen off the Senegalese coast.", "ASSAULT"),
    ("Troops opened fire on journalists covering the rally in Conakry.", "ASSAULT"),
    # a crowd's violence on a mission is a riot
    ("Rioters stoned the Chinese consulate in Karachi.", "PROTEST"),
    ("Government troops shelled rebel positions near Bentiu on Friday.", "FIGHT"),
    ("An Iranian frigate was torpedoed by an Iraqi submarine in the northern Gulf.", "FIGHT"),
    # peacekeepers deployed are military aid (CAMEO 074)
    ("The deployment of Nepalese peacekeepers in Haiti began on Friday.", "AID"),
    ("Paris voiced strong backing for Mali's interim rulers on Thursday.", "SUPPORT"),
    ("The summit's endorsement of the Kenyan plan came on Sunday.", "SUPPORT"),
])
def test_the_coding_table_covers_common_words_of_each_type(extract_text, text, kind) -> None:
    assert kind in {e.type for e in extract_text(text).events}


def test_what_a_speaker_says_another_must_do_is_a_demand(extract_text) -> None:
    ex = extract_text("Iran said on Sunday that the United States must withdraw its forces "
                      "from the Gulf.")
    assert [(e.type, e.cameo) for e in ex.events] == [("DEMAND", "100")]
    assert roles(ex, model.ACTOR) == {("state/IRN", "state/IRN")}
    assert roles(ex, model.TARGET) == {("state/USA", "state/USA")}
    # what it should do is an appeal, which PLOVER does not code
    assert extract_text("Beijing said Japan should apologise for its wartime past.").events == []


@pytest.mark.parametrize("text", [
    "The United Nations called on Kenya to free the detained reporters.",
    "Ghana urged Togo to return to the negotiating table.",
    "Peru asked Chile to withdraw its ambassador.",
    "Norway requested military assistance from Denmark.",
    "The ministry asked that Serbia hand over the suspects.",
    "Egypt called for the withdrawal of all foreign troops from the region.",
    "Peru sought the extradition of the former spy chief from Panama.",
    "The Kurdish leader sought military aid from Washington.",
])
def test_an_appeal_and_what_it_asks_for_are_no_events(extract_text, text) -> None:
    assert extract_text(text).events == []


def test_what_else_a_sentence_of_appeal_tells_is_still_an_event(extract_text) -> None:
    ex = extract_text("Chile invited Peru to join the talks, and Bolivia expelled two Peruvian "
                      "diplomats.")
    assert [e.type for e in ex.events] == ["SANCTION"]
    ex = extract_text("Uganda urged calm after Rwandan troops shelled border villages.")
    assert [e.type for e in ex.events] == ["ASSAULT"]
    assert extract_text("Finland called the shelling of Kharkiv a crime.").events != []


def test_rallying_support_or_condemnation_is_the_event(extract_text) -> None:
    ex = extract_text("Poland urged its allies to support Ukraine's bid for membership.")
    assert [e.type for e in ex.events] == ["SUPPORT"]
    ex = extract_text("The minister called on all states to condemn the coup in Niger.")
    assert [e.type for e in ex.events] == ["DISAPPROVE"]


def test_the_requests_table_codes_appeals_as_requests(extract_text, nlp) -> None:
    from kg.data.event_codes import event_table
    from kg.data.user_event_codes import read_user_event_codes
    from kg.model import Document
    from kg.nlp.extract import extract
    table = event_table(read_user_event_codes([ROOT / "docs" / "events-requests.csv"]))
    text = "Ghana urged Togo to return to the negotiating table."
    ex = extract(nlp(text), Document(id="t", text=text, date=None, dateline_place=None),
                 events=table)
    assert [e.type for e in ex.events] == ["REQUEST"]       # what it asks for is still none
    assert roles(ex, model.ACTOR) == {("state/GHA", "state/GHA")}
    assert roles(ex, model.TARGET) == {("state/TGO", "state/TGO")}


def test_an_attack_that_kills_is_coded_as_the_attack(extract_text) -> None:
    ex = extract_text("Israeli air strikes killed 20 militants in southern Lebanon on Sunday.")
    assert [e.type for e in ex.events] == ["FIGHT"]
    assert roles(ex, model.ACTOR) == {("state/ISR", "state/ISR")}
    ex = extract_text("A suicide bombing killed six guards in Mogadishu.")
    assert [e.type for e in ex.events] == ["ASSAULT"]


def test_protesting_something_is_a_protest_in_words(extract_text) -> None:
    ex = extract_text("South Korea protested Japan's claims to the disputed islands.")
    assert [e.type for e in ex.events] == ["DISAPPROVE"]
    assert roles(ex, model.TARGET) == {("state/JPN", "state/JPN")}


def test_a_warning_of_the_speakers_own_act_is_a_threat(extract_text) -> None:
    ex = extract_text("North Korea warned it would strike the United States if provoked.")
    assert [e.type for e in ex.events] == ["THREATEN"]
    assert roles(ex, model.TARGET) == {("state/USA", "state/USA")}


@pytest.mark.parametrize("text, expected", [
    # a warning of what the one warned would suffer at the speaker's hands is a threat ...
    ("Canberra warned Jakarta on Friday that it could face trade sanctions over the raids.",
     [("THREATEN", {"state/AUS"}, {"state/IDN"})]),
    ("Tokyo warned Seoul it would face retaliation if the ban stayed.",
     [("THREATEN", {"state/JPN"}, {"state/KOR"})]),
    # ... and so is a warning of, or a hint at, a hostile act no one else is named to do ...
    ("Vilnius warned Minsk of fresh sanctions over the migrant crossings.",
     [("THREATEN", {"state/LTU"}, {"state/BLR"})]),
    ("Addis Ababa hinted at military action against Asmara over the port.",
     [("THREATEN", {"state/ETH"}, {"state/ERI"})]),
    ("Washington warned Managua of stiffer penalties over the election.",
     [("THREATEN", {"state/USA"}, {"state/NIC"})]),
    # ... and what the speaker says it may do, on a condition or not, or will not hesitate
    # to do
    ("Hanoi said it could retaliate if the Chinese rig stayed in its waters.",
     [("THREATEN", {"state/VNM"}, {"state/CHN"})]),
    ("Caracas said it might close the border crossings with Colombia again.",
     [("THREATEN", {"state/VEN"}, {"state/COL"})]),
    ("Rabat said it would not hesitate to strike Algerian positions.",
     [("THREATEN", {"state/MAR"}, {"state/DZA"})]),
    # ... but any act of a kind is none done, nor one blamed ("will answer any incursion")
    ("Yerevan said it would answer any Azerbaijani violation of the border firmly.", []),
    # ... or that its forces will do: the speaker acts through them, said or warned
    ("Maputo warned its forces would strike the rebel camps.",
     [("THREATEN", {"state/MOZ"}, set())]),
    ("Bangui said its forces would attack the rebel bases inside Chad if the raids went on.",
     [("THREATEN", {"state/CAF"}, {"state/TCD"})]),
    # ... where the parser hangs the "of" on the date
    ("Ankara warned Athens on Monday of grave consequences if it extended its waters.",
     [("THREATEN", {"state/TUR"}, {"state/GRC"})]),
    ("Seoul warned Pyongyang that any incursion would be met with overwhelming force.",
     [("THREATEN", {"state/KOR"}, {"state/PRK"})]),
    ("Brussels warned Belgrade that it faced a tighter trade embargo over the arrests.",
     [("THREATEN", {"state/BEL"}, {"state/SRB"})]),
    ("Hanoi warned that foreign trawlers in its waters would be seized.",
     [("THREATEN", {"state/VNM"}, set())]),
    # ... but not one of what others may do, nor a forecast of misfortune
    ("Engineers warned that the bridge would be closed for repairs.", []),
    ("Analysts warned of raids by smugglers along the coast this summer.", []),
    ("The World Bank warned Zambia could face a debt crisis next year.", []),
    # ... nor what onlookers say another could suffer, though a party's officials threaten
    ("Western diplomats said Khartoum could face new sanctions if the talks broke down.", []),
    ("Officials in Washington said Havana would face tougher measures if it kept jailing "
     "dissidents.", [("THREATEN", {"state/USA"}, {"state/CUB"})]),
])
def test_a_warning_of_harm_to_the_one_warned_is_a_threat(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kind", [
    # accepting a proposal, a plan or a truce agrees to it; accepting demands yields to them
    ("Quito accepted a Brazilian proposal for joint border patrols.", "AGREE"),
    ("The Tamil rebels accepted a Norwegian-brokered truce with Colombo.", "AGREE"),
    ("The junta accepted the strikers' demands for higher wages.", "CONCEDE"),
])
def test_accepting_a_proposal_agrees_accepting_a_demand_concedes(extract_text, text,
                                                                kind) -> None:
    assert kinds(extract_text(text)) == [kind]


def test_a_third_party_telling_of_an_attack_only_reports_it(extract_text) -> None:
    ex = extract_text("Russian troops shelled the Ukrainian city of Kharkiv, the Polish "
                      "government said.")
    assert [e.type for e in ex.events] == ["FIGHT"]


def test_a_passive_act_to_come_is_still_an_intent(extract_text) -> None:
    ex = extract_text("Diplomatic relations between Chile and Bolivia will be restored next "
                      "month.")
    assert [e.type for e in ex.events] == ["AGREE"]


@pytest.mark.parametrize("text, expected", [
    # the object of a light verb names the event
    ("Turkey gave Sweden an ultimatum over the extradition requests.",
     ("THREATEN", {"state/TUR"}, {"state/SWE"})),
    ("Bolivia offered an apology to Paraguay for the border incident.",
     ("SUPPORT", {"state/BOL"}, {"state/PRY"})),
    # so does the "on"/"in" of a verb of entering into it, whose subject acts
    ("Nigerian oil workers went on strike on Monday over unpaid bonuses.",
     ("PROTEST", {"state/NGA"}, {"state/NGA"})),
    # a sense may need the object of a preposition ("took to the streets")
    ("Georgian students took to the streets of Tbilisi again on Sunday.",
     ("PROTEST", {"state/GEO"}, {"state/GEO"})),
    # where the sides meet is no one they act on
    ("Sudanese and Chadian officials held talks in Paris on Thursday.",
     ("CONSULT", {"state/SDN", "state/TCD"}, set())),
])
def test_light_verbs_entering_verbs_and_meetings(extract_text, text, expected) -> None:
    ex = extract_text(text)
    found = [(e.type, {p.state for p in ex.participants if p.event == e.key
                       and p.role == model.ACTOR},
              {p.state for p in ex.participants if p.event == e.key and p.role == model.TARGET})
             for e in ex.events]
    assert found == [expected]


@pytest.mark.parametrize("text, actors", [
    ("Ethiopia and Eritrea signed a peace deal in 2018. Both countries later reopened border "
     "crossings.", {"state/ETH", "state/ERI"}),
    ("Kenya hosted talks with Somalia on Monday. The two sides agreed to reopen the border.",
     {"state/KEN", "state/SOM"}),
    ("Serbia and Kosovo traded accusations. Clashes broke out between police of the two "
     "governments.", {"state/SRB", "state/XKX"}),
    # not a host or mediator named once, however late
    ("Chile and Peru resumed talks in Madrid on Monday. Chile said Peru had softened its "
     "stance, and Spain offered to mediate. Clashes broke out between troops of the two "
     "countries.", {"state/CHL", "state/PER"}),
])
def test_the_two_countries_are_the_two_states_named_most(extract_text, text, actors) -> None:
    ex = extract_text(text)
    last = max(ex.events, key=lambda e: e.begin)
    assert {p.state for p in ex.participants if p.event == last.key
            and p.role == model.ACTOR} == actors


def test_a_denial_answers_the_last_accusation_against_the_denier(extract_text) -> None:
    ex = extract_text("Colombia accused Venezuela of sheltering rebel commanders. Caracas denied "
                      "the accusation on Tuesday.")
    [denial] = [e for e in ex.events if e.type == "REJECT"]
    assert {(p.role, p.state) for p in ex.participants if p.event == denial.key} == {
        (model.ACTOR, "state/VEN"), (model.TARGET, "state/COL")}


@pytest.mark.parametrize("text, kind", [
    ("Ghana and Togo signed a trade agreement in Accra on Tuesday.", "SUPPORT"),
    ("The parliament of Chile ratified the Pacific Fisheries Treaty on Monday.", "SUPPORT"),
    ("Peru and Bolivia agreed on a new border treaty on Friday.", "AGREE"),
    ("Peru and Bolivia will sign a new border treaty next week.", "AGREE"),     # a promise
])
def test_signing_an_agreement_is_a_support_agreeing_to_one_an_agree(extract_text, text,
                                                                      kind) -> None:
    # PLOVER: "actions which ratify, sign, or finalize an agreement" are a SUPPORT; agreeing,
    # and promising to sign, an AGREE. Either event concerns the agreement it names.
    ex = extract_text(text)
    [event] = ex.events
    assert event.type == kind
    assert ex.entities[event.agreement].kind == model.AGREEMENT


def test_a_group_acts_for_the_states_it_comes_from(extract_text) -> None:
    ex = extract_text("Troops from Chad and Niger clashed with jihadists near the border.")
    assert roles(ex, model.ACTOR) == {("state/TCD", "state/TCD"), ("state/NER", "state/NER")}
    ex = extract_text("Police from Kenya and Uganda launched a joint operation on Monday.")
    assert [e.type for e in ex.events] == ["COOPERATE"]
    assert roles(ex, model.ACTOR) == {("state/KEN", "state/KEN"), ("state/UGA", "state/UGA")}


@pytest.mark.parametrize("text, actor", [
    # armed movements and liberation organisations act for the state they fight in or speak for
    ("The Tamil Tigers ambushed an army patrol near Vavuniya.", "state/LKA"),
    ("The PLO accepted an Egyptian invitation to talks in Cairo.", "state/PSE"),
    ("FARC guerrillas kidnapped a provincial governor on Monday.", "state/COL"),
    ("ETA planted a bomb outside a police barracks in Vitoria.", "state/ESP"),
    ("The Sandinistas expelled two American diplomats from Managua.", "state/NIC"),
])
def test_a_named_armed_movement_acts_for_its_state(extract_text, text, actor) -> None:
    found = coded(extract_text(text))
    assert found and found[0][1] == {actor}


@pytest.mark.parametrize("text, expected", [
    # forces or goods moved are the mover's: the "of" phrase names who acts
    ("The deployment of Chinese troops near the Indian border worried New Delhi.",
     [("MOBILIZE", {"state/CHN"}, {"state/IND"})]),
    ("The withdrawal of Ethiopian troops from Somalia ended on Thursday.",
     [("RETREAT", {"state/ETH"}, {"state/SOM"})]),
    # backing is for whom it backs, though a phrase of time comes between
    ("Paris announced strong backing on Friday for the interim rulers in Bamako.",
     [("SUPPORT", {"state/FRA"}, {"state/MLI"})]),
    # a mediation acts on the sides it is between
    ("Senegal offered its mediation between Guinea-Bissau and the separatist rebels.",
     [("CONSULT", {"state/SEN"}, {"state/GNB"})]),
])
def test_whom_a_noun_of_moving_mediating_or_backing_names(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, actor", [
    # groups named by what they are act for the one state the text names
    ("Militiamen shelled a police post in eastern Liberia on Monday.", "state/LBR"),
    ("Snipers shot dead two pensioners in central Sarajevo on Friday.", "state/BIH"),
])
def test_a_group_named_by_what_it_is_acts_for_the_state_named(extract_text, text,
                                                            actor) -> None:
    found = coded(extract_text(text))
    assert found and found[0][1] == {actor}


@pytest.mark.parametrize("text, actor", [
    # a city under its older English name lies in its state as under its own
    ("Police in Bombay detained 30 textile strikers on Monday.", "state/IND"),
    ("Students in Chittagong clashed with riot police near the university.", "state/BGD"),
])
def test_a_group_in_a_city_under_an_older_name_acts_for_its_state(extract_text, text,
                                                                  actor) -> None:
    found = coded(extract_text(text))
    assert found and found[0][1] == {actor}


@pytest.mark.parametrize("text, actor", [
    # a "pro-" modifier names whom a group backs, not who it is: the group acts for the state
    # it is in
    ("Pro-Syrian militiamen in Lebanon shelled an army post in the mountains.", "state/LBN"),
    ("Pro-Serbian militiamen in Bosnia attacked a Croat village.", "state/BIH"),
])
def test_a_group_acts_not_for_the_state_it_is_pro(extract_text, text, actor) -> None:
    found = coded(extract_text(text))
    assert found and found[0][1] == {actor}


@pytest.mark.parametrize("text, actor, target", [
    ("Soviet advisers began leaving Ethiopia's capital after Addis Ababa expelled three "
     "Soviet diplomats.", "state/ETH", "state/RUS"),
    ("East German border guards fired on three youths fleeing to West Berlin.",
     "state/DEU", None),
])
def test_a_dissolved_state_acts_as_the_state_that_carried_it_on(extract_text, text, actor,
                                                                target) -> None:
    found = coded(extract_text(text))
    assert found and found[0][1] == {actor}
    assert target is None or found[0][2] == {target}


def test_a_demanded_withdrawal_is_aimed_at_who_withdraws_not_the_place_left(extract_text
                                                                           ) -> None:
    ex = extract_text("The Arab League demanded the immediate withdrawal of Israeli forces from "
                      "Lebanese territory.")
    assert {state for _, state in roles(ex, model.TARGET)} == {"state/ISR"}


def test_people_and_bombers_act_for_the_one_state_named(extract_text) -> None:
    ex = extract_text("Thousands of people marched through the Serbian capital on Saturday.")
    assert [e.type for e in ex.events] == ["PROTEST"]
    assert ("state/SRB", "state/SRB") in roles(ex, model.ACTOR)
    ex = extract_text("A suicide bomber killed 14 people at a market in Mogadishu on Friday.")
    assert roles(ex, model.ACTOR) == {("state/SOM", "state/SOM")}


@pytest.mark.parametrize("text", [
    "Responding to demands from the opposition, Togo set up an electoral commission.",
    "The Peruvian government met a key demand of the striking miners on Friday.",
    "The junta heeded calls from the African Union to free the president.",
    "Bowing to the strikers' demands, the Bolivian government legalised the miners' union.",
])
def test_yielding_to_a_demand_is_a_concession_not_a_demand(extract_text, text) -> None:
    # CAMEO 083, accede to demands: the demand is what is yielded to, told in the same clause
    assert "CONCEDE" in {e.type for e in extract_text(text).events}
    assert "DEMAND" not in {e.type for e in extract_text(text).events}


def test_acting_in_defiance_of_a_demand_is_a_rejection(extract_text) -> None:
    ex = extract_text("Iran resumed enrichment in defiance of demands from the United Nations.")
    assert [e.type for e in ex.events] == ["REJECT"]        # CAMEO 128, defy norms or law


@pytest.mark.parametrize("text, kind", [
    # letting international actors in is a retreat in deeds (CAMEO 086) ...
    ("Eritrea allowed a delegation of African Union monitors to visit the border zone.",
     "RETREAT"),
    ("Sudan allowed aid convoys into Darfur on Monday.", "RETREAT"),
    ("Iran permitted IAEA inspectors access to the site.", "RETREAT"),
    # ... easing a restriction at home a concession in words (CAMEO 081)
    ("The government of Togo allowed opposition parties to hold rallies.", "CONCEDE"),
    # sanctions eased or suspended are a retreat (CAMEO 085), as lifted ones are
    ("The European Union eased sanctions on Belarus on Monday.", "RETREAT"),
    ("The Security Council suspended sanctions on Libya.", "RETREAT"),
    ("Chile suspended talks with Bolivia.", "SANCTION"),
])
def test_what_is_allowed_or_eased_tells_a_retreat_from_a_concession(extract_text, text,
                                                                     kind) -> None:
    assert [e.type for e in extract_text(text).events] == [kind]


def test_a_states_repression_of_its_own_people_is_aimed_at_that_state(extract_text) -> None:
    ex = extract_text("Police in Harare arrested 40 opposition activists on Sunday.")
    assert roles(ex, model.ACTOR) == {("state/ZWE", "state/ZWE")}
    assert roles(ex, model.TARGET) == {("state/ZWE", "state/ZWE")}
    # but a state named twice is not its own target
    ex = extract_text("Chile said Chilean troops would stay in the region.")
    assert not roles(ex, model.TARGET)


@pytest.mark.parametrize("text, target", [
    ("China warned Japan it would use force.", "state/JPN"),
    ("Russia warned Georgia that it would retaliate against any attack.", "state/GEO"),
    ("Iran told Britain it would seize more tankers.", "state/GBR"),
    # a threat named by a noun is aimed at whom its condition names
    ("Brussels cautioned Minsk that it would impose sanctions on its banks unless Belarusian "
     "police freed the strikers.", "state/BLR"),
])
def test_a_threat_is_aimed_at_the_one_warned(extract_text, text, target) -> None:
    ex = extract_text(text)
    assert [e.type for e in ex.events] == ["THREATEN"]
    assert roles(ex, model.TARGET) == {(target, target)}


@pytest.mark.parametrize("text, target", [
    ("Italian prosecutors opened an inquiry on Tuesday into bribes paid to Milan city "
     "officials.", "state/ITA"),
    ("A UN team began investigating allegations that Russian troops tortured detainees.",
     "state/RUS"),
    ("A Spanish judge opened an investigation into crimes committed by the Argentine military "
     "junta.", "state/ARG"),
])
def test_an_investigation_is_aimed_at_whom_its_matter_names(extract_text, text, target) -> None:
    ex = extract_text(text)
    assert [e.type for e in ex.events] == ["INVESTIGATE"]
    assert {state for _, state in roles(ex, model.TARGET)} == {target}


@pytest.mark.parametrize("text, target", [
    ("Sudan rejected a plan drawn up by the African Union to deploy a larger force.",
     "african-union"),
    ("Greece criticised the decision announced by Turkey's defence ministry.", "TUR"),
])
def test_a_reaction_to_a_matter_is_aimed_at_whom_the_matter_names(extract_text, text,
                                                                  target) -> None:
    # the names' last part: an organisation's slug, a state's ISO3
    named = {key.rsplit("/", 1)[-1] for pair in roles(extract_text(text), model.TARGET)
             for key in pair if key}
    assert target in named


def test_a_demand_is_aimed_at_a_capital_the_parser_reads_as_a_compound(extract_text) -> None:
    # "that Asmara rein in …": the tagger takes "rein" for a noun and the capital for its
    # compound; the capital is still the clause's subject, and whom the demand is on (not
    # every state the clause names)
    ex = extract_text("The Ethiopian prime minister insisted that Asmara rein in the militias "
                      "near the Sudanese border, speaking to reporters on a tour of the north "
                      "on Monday.")
    assert coded(ex) == [("DEMAND", {"state/ETH"}, {"state/ERI"})]


@pytest.mark.parametrize("text, expected", [
    # the critic's own people are the victims of the act it condemns, not its target
    ("Washington condemned the arrest of three American journalists in Rangoon.",
     [("DISAPPROVE", {"state/USA"}, {"state/MMR"})]),
    ("Ottawa denounced the detention of two Canadian engineers in Khartoum.",
     [("DISAPPROVE", {"state/CAN"}, {"state/SDN"})]),
])
def test_a_critics_own_people_are_not_its_target(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


def test_a_reaction_to_a_settlement_is_aimed_at_its_author(extract_text) -> None:
    # the agent of the participle that tells who made the plan, not whoever the rest of the
    # phrase names
    ex = extract_text("Rome on Wednesday welcomed the settlement drafted by the Ethiopian "
                      "government for the Ogaden, where Somali rebels overran an army post at "
                      "Degehabur in May, the Italian embassy said in a note.")
    assert coded(ex) == [("SUPPORT", {"state/ITA"}, {"state/ETH"})]


def test_a_participle_after_the_attribution_is_the_reported_actors(extract_text) -> None:
    # "…, the ministry reported, ending …": the units end the build-up, not the ministry
    ex = extract_text("Libyan units withdrew from the Chadian frontier on Sunday, the French "
                      "defence ministry reported, ending their build-up of armour.")
    assert coded(ex) == [("RETREAT", {"state/LBY"}, {"state/TCD"}),
                         ("RETREAT", {"state/LBY"}, set())]


@pytest.mark.parametrize("text, actor", [
    ("Tokyo said on Monday it was ready to cooperate with Seoul in tackling piracy.", "JPN"),
    ("Chile said it was willing to resume talks with Bolivia.", "CHL"),
])
def test_a_speaker_ready_to_act_is_the_actor(extract_text, text, actor) -> None:
    # "it was ready to": the pronoun in reported speech stands for the speaker, through the
    # adjective the act hangs from
    ex = extract_text(text)
    assert [e.type for e in ex.events] == ["AGREE"]
    assert {state for _, state in roles(ex, model.ACTOR)} == {f"state/{actor}"}


@pytest.mark.parametrize("text", [
    # what nature or an accident does is no one's act
    "Monsoon rains have killed at least 80 people in southern Nepal this week.",
    "Cholera has killed 60 people in camps outside Goma.",
    "A fire at an ammunition depot in Maputo killed 90 people.",
    "Floodwater poured into the streets of the old town after the levee broke.",
])
def test_harm_by_nature_is_no_event(extract_text, text) -> None:
    assert extract_text(text).events == []


@pytest.mark.parametrize("text, kind", [
    # the act set as a condition is not done; the act offered on it is an intent
    ("Bamako said it would free the prisoners on condition that Niamey closed the camps.",
     "AGREE"),
    ("Dhaka will release the fishermen as long as Yangon frees the crews.", "AGREE"),
    ("Colombo said it was ready to hold talks, provided the rebels halted their attacks.",
     "AGREE"),
])
def test_a_condition_in_other_words_is_not_done(extract_text, text, kind) -> None:
    assert [e.type for e in extract_text(text).events] == [kind]


@pytest.mark.parametrize("text", [
    "Hanoi will keep its boats in port as long as Beijing halts the naval drills.",
    "Tirana will keep the border open on condition that Athens ends its blockade.",
    # nor is any act of a kind, nor what someone forecasts another will do
    "Observers at the crossing watch for any incursion by either army.",
    "Bankers in Lagos expect the central bank to lift the currency controls in May.",
    "Diplomats predict that Quito will recall its ambassador from Lima.",
    "Peacekeepers patrol the zone to deter any offensive by the rebels.",
    "The Ugandan army mounted patrols along the border against any incursion by the rebels.",
])
def test_a_condition_alone_or_any_act_is_no_event(extract_text, text) -> None:
    assert extract_text(text).events == []


@pytest.mark.parametrize("text", [
    # the parser may leave "provided" without its clause, which it hangs elsewhere
    "Accra said it would lift the ban provided Lome reopened the border.",
    "Dushanbe said it would reopen the crossing provided Kabul disarmed the militias.",
])
def test_a_clause_after_a_stranded_provided_is_a_condition(extract_text, text) -> None:
    assert [e.type for e in extract_text(text).events] == ["AGREE"]


@pytest.mark.parametrize("text", [
    # pressing another to act asks it to, as urging does (no event), and each act of a
    # conjoined request is asked for too
    "Canberra pressed Jakarta on Monday to release the detained fishermen.",
    "Accra urged Lome to reopen the border and resume joint customs patrols.",
])
def test_what_is_pressed_for_or_each_thing_urged_is_not_done(extract_text, text) -> None:
    assert extract_text(text).events == []


def test_pressing_on_asks_nothing(extract_text) -> None:
    assert [e.type for e in extract_text(
        "Ugandan troops pressed on with their offensive against the rebels.").events] == ["FIGHT"]


def test_the_condition_of_a_threat_is_not_done(extract_text) -> None:
    # what a threat's "unless" asks of the other side is not done
    text = ("Peruvian forces would retake the outposts unless Ecuador withdrew its soldiers, "
            "Lima warned on Sunday.")
    assert "RETREAT" not in [e.type for e in extract_text(text).events]


def test_each_act_of_an_appeal_hung_as_a_purpose_is_asked_for(extract_text) -> None:
    text = ("The Security Council called on Sudan's rival factions on Monday to respect the "
            "truce and allow relief convoys to reach the interior.")
    assert extract_text(text).events == []


def test_a_heading_with_a_preposition_for_its_root_is_read_to_its_end(extract_text) -> None:
    # "For the release of prisoners:", a treaty's heading, has a preposition for its root:
    # looking for the verb a noun's act is told in stops there (a loop once did not)
    def _timed_out(*_args: object) -> None:
        raise TimeoutError("extraction did not end")

    previous = signal.signal(signal.SIGALRM, _timed_out)
    signal.alarm(30)
    try:
        assert kinds(extract_text("For the release of prisoners of war:")) == ["RETREAT"]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text, kinds_told", [
    # what happened before the story, told in a relative clause, is not its event ...
    ("The sultan restored the council he had dissolved a year earlier.", []),
    # ... whether a verb or a noun of that clause tells it
    ("Police in Kinshasa clubbed and tear-gassed traders who had turned out for a banned march.",
     ["ASSAULT"]),
])
def test_a_past_perfect_relative_clause_is_background(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, expected", [
    # a harm its doer will not rule out is a threat (138) ...
    ("Ankara did not rule out military action against the militias in Iraq.",
     [("THREATEN", {"state/TUR"}, {"state/IRQ"})]),
    ("Paris would not rule out the use of force against the junta in Niger.",
     [("THREATEN", {"state/FRA"}, {"state/NER"})]),
    # ... but talks not ruled out are no threat
    ("Tokyo did not rule out talks with Pyongyang.", []),
])
def test_a_harm_not_ruled_out_is_a_threat(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # what the speaker warns it will do is a threat, whatever the act (CAMEO 13) ...
    ("Nairobi warned on Monday that it would pull its monitors out of South Sudan.",
     [("THREATEN", {"state/KEN"}, {"state/SSD"})]),
    # ... and a bare verb joined to one told as to come shares its auxiliaries
    ("Kampala said its troops would chase the raiders into Kenya and hit their camps there.",
     [("THREATEN", {"state/UGA"}, set())]),
    ("The junta in Niamey said it would not attack or invade its neighbours.", []),
    # what it warns it could or may do is a threat too, whether the table codes the act or not;
    # what it warns others could do is a forecast
    ("Accra warned late on Thursday that it could recall its peacekeepers from Liberia.",
     [("THREATEN", {"state/GHA"}, {"state/LBR"})]),
    ("The teachers' union warned that it may bring the schools to a halt.",
     [("THREATEN", set(), set())]),
    ("Analysts warned that the militia could storm the town within days.", []),
])
def test_a_warned_or_joined_act_to_come_is_a_threat(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kind", [
    # an armed group's camp is a stronghold, fought over; a refugee camp is civilians'
    ("Ethiopian jets hit Somali militia camps near Baidoa overnight.", "FIGHT"),
    ("Burundian troops shelled a militia camp near the Tanzanian border.", "FIGHT"),
    ("Burundian troops shelled a refugee camp near the Tanzanian border.", "ASSAULT"),
])
def test_a_camp_is_fought_over_when_an_armed_groups(extract_text, text, kind) -> None:
    assert kinds(extract_text(text)) == [kind]


@pytest.mark.parametrize("text, expected", [
    # "hit back hard": the parser may hang the particle on the adverb after it
    ("Kinshasa vowed to hit back hard against Rwandan-backed rebels.",
     [("THREATEN", {"state/COD"}, set())]),
    ("The Malian army hit back hard against the jihadist fighters near Gao.",
     [("FIGHT", {"state/MLI"}, {"state/MLI"})]),
    # people hacked to death are killed, not a computer broken into
    ("Militiamen hacked nine villagers to death near the Ugandan border.",
     [("ASSAULT", {"state/UGA"}, {"state/UGA"})]),
])
def test_a_verbs_particle_or_result_chooses_its_sense(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # people wanted by, or handed to, a court are judicial cooperation (CAMEO 063) ...
    ("Dakar on Friday handed over to Mali two men wanted for the hotel attack in Bamako.",
     [("COOPERATE", {"state/SEN"}, {"state/MLI"})]),
    ("Zambia surrendered a former Burundian general to the war crimes tribunal on Monday.",
     [("COOPERATE", {"state/ZMB"}, {"state/BDI"})]),
    # ... captives handed back are returned (RETREAT 084)
    ("Asmara handed back 30 Ethiopian prisoners of war at the border.",
     [("RETREAT", {"state/ERI"}, {"state/ETH"})]),
    # gas pumped to another state through a pipeline is economic cooperation
    ("Turkmenistan began pumping gas to Pakistan through the new pipeline.",
     [("COOPERATE", {"state/TKM"}, {"state/PAK"})]),
])
def test_what_is_handed_over_or_pumped_chooses_the_sense(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kind", [
    # an act someone is wanted or suspected for is no event the sentence tells
    ("Two Somali men wanted for the bombing of a hotel fled to Kenya on Tuesday.", "ASSAULT"),
    ("Troops suspected of involvement in the massacre of villagers were recalled to Kinshasa.",
     "ASSAULT"),
    # a scourge fought is no armed side fought
    ("Botswana and Namibia set up a joint commission to fight cross-border crime.", "FIGHT"),
    ("The two governments stepped up the battle against drug trafficking.", "FIGHT"),
])
def test_an_act_named_but_not_told_is_no_event(extract_text, text, kind) -> None:
    assert kind not in kinds(extract_text(text))


@pytest.mark.parametrize("text, expected", [
    # an order to envoys, monitors or agencies to leave a country expels them ...
    ("Lusaka told three Malawian diplomats to quit the country by Sunday.",
     [("SANCTION", {"state/ZMB"}, {"state/MWI"})]),
    ("Harare ordered four Western aid agencies to leave Matabeleland.",
     [("SANCTION", {"state/ZWE"}, set())]),
    # ... a part of a country left included, and so does a time given them to leave in
    ("Asmara ordered two Dutch aid agencies to leave the north on Friday.",
     [("SANCTION", {"state/ERI"}, {"state/NLD"})]),
    ("Tripoli gave the Tunisian consul three days to leave Libya.",
     [("SANCTION", {"state/LBY"}, {"state/TUN"})]),
    ("The Malian junta gave three Algerian diplomats two days to leave Bamako.",
     [("SANCTION", {"state/MLI"}, {"state/DZA"})]),
    # ... an order to others to leave stays a demand, and one to forces is none of it
    ("Monrovia ordered all Guinean traders to leave the country by Friday.",
     [("DEMAND", {"state/LBR"}, {"state/GIN"})]),
    ("The Chadian army ordered its troops to leave the town.", []),
    ("Oslo told the Sri Lankan delegation to leave the talks in Geneva.",
     [("DEMAND", {"state/NOR"}, {"state/LKA"})]),
])
def test_an_order_to_leave_the_country_expels(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # where talks are held is their venue, not whom leaving them is aimed at, whether the
    # talks are the verb's object or what its particle's "of" names
    ("The Sudanese delegation quit the peace talks in Nairobi on Monday.",
     [("SANCTION", {"state/SDN"}, set())]),
    ("Mali walked out of the talks in Algiers on Thursday.",
     [("SANCTION", {"state/MLI"}, set())]),
    # whom the talks left are with is the target
    ("Azerbaijan pulled out of the talks with Armenia in Vienna on Monday.",
     [("SANCTION", {"state/AZE"}, {"state/ARM"})]),
    # a ban where it is imposed is still aimed at that state
    ("Kenya banned all rallies in Mombasa on Friday.",
     [("COERCE", {"state/KEN"}, {"state/KEN"})]),
])
def test_a_meetings_venue_is_not_whom_an_act_on_it_aims_at(extract_text, text,
                                                          expected) -> None:
    assert coded(extract_text(text)) == expected


def test_a_toll_is_no_act_of_its_own(extract_text) -> None:
    # the dead a participle counts are a fight's toll, not an attack of their own ...
    ex = extract_text("Sudanese and Chadian troops traded fire along the border on Monday, "
                      "the army said, saying a dozen men were killed on each side.")
    assert kinds(ex) == ["FIGHT"]
    # ... and what they died in stands
    ex = extract_text("The Ugandan army reported 30 rebels killed in clashes near the border.")
    assert kinds(ex) == ["FIGHT"]


@pytest.mark.parametrize("text, expected", [
    # a visit or a meeting needs someone visited or met: one side at its own places, or
    # meeting no one named, consults no one ...
    ("The Nigerian president visited flood-hit areas in the north on Monday.", []),
    ("Ghana's president urged Lome to hold free elections, speaking in Accra after meeting "
     "diplomats.", []),
    # ... a visit to another state is hosted by it, the journey told "for" or "on" it ...
    ("The Kenyan president arrived in Kampala on a three-day visit.",
     [("CONSULT", {"state/KEN"}, {"state/UGA"})]),
])
def test_a_visit_needs_someone_visited(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


def test_two_sides_named_meet_whoever_they_are_found_to_be(extract_text) -> None:
    ex = extract_text("Malian President Keita and Nigerien President Issoufou met in Niamey.")
    assert kinds(ex) == ["CONSULT"]


@pytest.mark.parametrize("text, expected", [
    # naming a thing a wrong disapproves of it, where the parser misreads the naming ...
    ("Nairobi described the Ugandan troop movements as provocative.",
     [("DISAPPROVE", {"state/KEN"}, {"state/UGA"})]),
    ("Vilnius called the Belarusian move a provocation.",
     [("DISAPPROVE", {"state/LTU"}, {"state/BLR"})]),
    # ... but not naming it a good
    ("The Malawian minister described the talks as constructive.", []),
    # abiding by a ruling yields to it; a promise to abide is an AGREE, a refusal a REJECT
    ("Benin and Niger said they will abide by the court's verdict on the island.",
     [("AGREE", {"state/BEN", "state/NER"}, set())]),
    ("Caracas will not abide by the arbitration award, its envoy said.",
     [("REJECT", {"state/VEN"}, set())]),
])
def test_naming_a_wrong_or_abiding_by_a_ruling(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


def test_what_a_thing_is_the_first_since_is_background(extract_text) -> None:
    ex = extract_text("The Kenyan president arrived in Kampala on Monday for a visit, the first "
                      "at that level since the two neighbours fought a border war in 1976.")
    assert coded(ex) == [("CONSULT", {"state/KEN"}, {"state/UGA"})]
    # it was the worst fighting since … : the fighting is told, what came before is not
    ex = extract_text("It was the worst fighting in Mogadishu since Ethiopian troops stormed "
                      "the city in 2006.")
    assert kinds(ex) == ["FIGHT"]


@pytest.mark.parametrize("text, expected", [
    # a sum "in" aid approved is the aid ...
    ("The U.S. Congress approved $2 billion in military aid for Jordan.",
     [("AID", {"state/USA"}, {"state/JOR"})]),
    # ... and money released, deposited or debts written off are economic aid
    ("The IMF released a $400 million tranche of its loan to Zambia.",
     [("AID", {None}, {"state/ZMB"})]),
    ("Qatar deposited $2 billion in the central bank of Egypt.",
     [("AID", {"state/QAT"}, {"state/EGY"})]),
    ("Kuwait wrote off Jordan's debts worth $700 million.",
     [("AID", {"state/KWT"}, {"state/JOR"})]),
    # doctors dispatched to a stricken state are humanitarian aid
    ("Cuba dispatched a team of doctors to quake-hit Haiti.",
     [("AID", {"state/CUB"}, {"state/HTI"})]),
])
def test_money_and_doctors_given_are_aid(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a charge by prosecutors or police is legal action (CAMEO 173), one a state makes in words
    # an accusation (112)
    ("Moroccan prosecutors charged a Belgian national with smuggling arms.",
     [("COERCE", {"state/MAR"}, {"state/BEL"})]),
    ("Rabat charged Algiers with arming the rebels.",
     [("DISAPPROVE", {"state/MAR"}, {"state/DZA"})]),
    # a consulate closed, embassy staff withdrawn reduce relations (whose consulate it is kg
    # does not yet tell from where it is)
    ("Libya closed its consulate in Sfax and withdrew its embassy staff from Tunis.",
     [("SANCTION", {"state/LBY"}, set()), ("SANCTION", {"state/LBY"}, {"state/TUN"})]),
    # gas supplied through a pipeline is trade; police sent to a border a show of force
    ("Algeria began supplying gas to Tunisia through a new pipeline.",
     [("COOPERATE", {"state/DZA"}, {"state/TUN"})]),
    ("Honduras sent 300 police officers to its border with Nicaragua.",
     [("MOBILIZE", {"state/HND"}, {"state/NIC"})]),
    # "according to" names no accord
    ("Syrian jets struck Turkish positions near the border, according to a statement.",
     [("FIGHT", {"state/SYR"}, {"state/TUR"})]),
])
def test_courts_consulates_pipelines_and_police(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause of "neither", and one joined to it by "nor", is denied
    ("Kigali said its soldiers had neither crossed the frontier nor shelled Burundian posts.",
     []),
    # the dead of a disaster a "when" clause tells are no one's victims
    ("At least 30 people were killed when a cyclone tore across the coast of Madagascar.",
     []),
])
def test_neither_nor_and_a_disaster_told_by_when(extract_text, text, expected) -> None:
    assert kinds(extract_text(text)) == expected


@pytest.mark.parametrize("text, kind", [
    # a killing is coded as the fight it was in, or the ambush of troops it was told by
    ("Malian troops killed 12 rebels in a clash near the Algerian border on Sunday.", "FIGHT"),
    ("The Bolivian army killed six guerrillas in a gunbattle near the Argentine border.",
     "FIGHT"),
    ("Six Chadian soldiers were killed when rebels ambushed their patrol near Abeche.", "FIGHT"),
    # talks that end were held
    ("The foreign ministers of Sudan and Chad ended three days of talks in Doha.", "CONSULT"),
    # an arrest announced or ordered is told by its noun
    ("A court in Lusaka ordered the arrest of two Congolese businessmen.", "COERCE"),
])
def test_what_a_verb_only_tells_or_takes_its_kind_from(extract_text, text, kind) -> None:
    assert kinds(extract_text(text)) == [kind]


@pytest.mark.parametrize("text, expected", [
    # what a sentence tells only as the time of its main event is background to it ...
    ("Lusaka said on Friday it was ready to reopen the border crossing with Malawi, a day after a "
     "mine blast killed four traders nearby.", [("AGREE", {"state/ZMB"}, {"state/MWI"})]),
    ("Envoys brought the rival factions together in Addis Ababa for talks after a month of "
     "heavy fighting near the port.", [("CONSULT", set(), set())]),
    ("After a Malian delegation visited Niamey, officials said Niger would reopen the border.",
     [("AGREE", {"state/NER"}, set())]),
    ("Addis Ababa turned down an Eritrean peace proposal, state radio said on Sunday, as heavy "
     "fighting continued around Zalambessa on the frontier.",
     [("REJECT", {"state/ETH"}, {"state/ERI"})]),
    # ... but an act told with a date of its own is a fact of its own ...
    ("After a Malian delegation visited Niamey on Tuesday, officials said Niger would reopen "
     "the border.", [("CONSULT", {"state/MLI"}, {"state/NER"}), ("AGREE", {"state/NER"}, set())]),
    # ... and so is one where the sentence tells no other ...
    ("Two days after the army stormed the rebel camp near Goma, the government stayed silent.",
     [("FIGHT", {"state/COD"}, {"state/COD"})]),
    # ... but an act named by a noun as what another is over, or goes on despite or amid, is
    # a matter or a setting, no act of its own, even where the sentence tells no other
    ("Lithuania's parliament went into emergency session over the seizure of the television "
     "tower.", []),
    ("Thousands of refugees streamed into Zaire amid heavy fighting in the north.", []),
    ("The cricket tour of Sri Lanka went ahead despite a wave of bombings in Colombo.", []),
    # ... and a protest or criticism voiced there is an act only where it names who voices it
    ("The Fijian army began a review of the raid amid growing criticism abroad.", []),
    # what an inquiry is into is its matter, no act of its own
    ("The Kenyan parliament appointed a panel of inquiry into allegations that police tortured "
     "suspects.", [("INVESTIGATE", set(), set())]),
])
def test_an_act_told_as_the_time_of_another_is_background(extract_text, text,
                                                          expected) -> None:
    assert coded(extract_text(text, date="2024-03-14")) == expected


@pytest.mark.parametrize("text, expected", [
    # relief let in is international involvement allowed (CAMEO 0863), a RETREAT
    ("Khartoum allowed relief planes into the southern airstrips on Thursday.",
     [("RETREAT", {"state/SDN"}, set())]),
])
def test_relief_allowed_in_is_a_retreat(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # disapproval voiced and a suit filed are DISAPPROVE (CAMEO 110, 115)
    ("Wellington voiced its disapproval of the verdict against the Fijian journalists.",
     [("DISAPPROVE", {"state/NZL"}, {"state/FJI"})]),
    ("Guyana filed a suit against Venezuela over the Essequibo region on Monday.",
     [("DISAPPROVE", {"state/GUY"}, {"state/VEN"})]),
    # passports or licences withdrawn, people barred from office, are administrative
    # sanctions (COERCE 172); one barred from entering a state is sanctioned by it
    ("Authorities in Yaounde withdrew the passports of three union leaders.",
     [("COERCE", {"state/CMR"}, {"state/CMR"})]),
    ("The electoral court barred the former president from standing in the vote.",
     [("COERCE", set(), set())]),
    ("Canberra barred the Fijian general from entering Australia.",
     [("SANCTION", {"state/AUS"}, {"state/FJI"})]),
])
def test_disapproval_voiced_suits_and_administrative_sanctions(extract_text, text,
                                                                expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kinds_told", [
    # what an accident does is no one's act ...
    ("A crowded ferry capsized on the lake near Bukavu, killing 41 passengers.", []),
    ("A minibus plunged off a mountain road north of Quito, killing 19 people.", []),
    # ... but a vessel sunk by someone, or an act told in a clause of its own, is
    ("The coastguard sank a smugglers' speedboat off the cape, killing three men.", ["ASSAULT"]),
    ("A transport plane crashed after rebels shot it down, killing its crew.", ["ASSAULT"]),
])
def test_an_accident_is_no_ones_act(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # what is done by way of a concession a participle before it tells is the concession ...
    ("Bowing to pressure from the dockers' union, the port authority agreed to raise pay.",
     ["CONCEDE"]),
    ("Yielding to a month of street protests, the Togolese president dismissed his cabinet.",
     ["CONCEDE"]),
    # ... not what a participle after it tells, nor one of yielding nothing
    ("Lome said it would withdraw its forces from the frontier, bowing to a deadline set by "
     "Accra.", ["AGREE"]),
    ("The militia shelled the port for a third day, yielding no ground.", ["FIGHT"]),
])
def test_an_act_done_in_yielding_is_a_concession(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # a rampage is a riot, and what the rioters do on it is part of it
    ("Hundreds of students went on a rampage through Dhaka, smashing shop windows and "
     "setting fire to buses.", ["PROTEST"]),
    ("Rioters rampaged through the port city overnight, looting warehouses and burning cars.",
     ["PROTEST"]),
    # violence unleashed, atrocities committed, ethnic cleansing conducted, and an attempt on a
    # life, are unconventional violence (CAMEO 180, 185, 203)
    ("Army-backed vigilantes unleashed violence on villagers in the highlands.", ["ASSAULT"]),
    ("Rebel fighters committed atrocities against civilians in the mining district.",
     ["ASSAULT"]),
    ("Paramilitary units conducted ethnic cleansing in several border villages.",
     ["ASSAULT"]),
    ("Gunmen made an attempt on the Comorian president's life on Sunday.", ["ASSAULT"]),
    # people driven from their homes, or expelled by the million, are a mass expulsion (201)
    ("The militia drove some 30,000 herders from their homes last month.",
     ["ASSAULT"]),
    ("The junta expelled millions of migrant workers in the space of a month.", ["ASSAULT"]),
    # a road barricaded by a crowd obstructs passage (PROTEST 144)
    ("The highway to the copper mine was barricaded by hundreds of farmers.", ["PROTEST"]),
    # an artillery barrage is fire (FIGHT 194)
    ("Eritrean gunners opened a heavy barrage on the Ethiopian trenches.", ["FIGHT"]),
    # military advisers withdrawn are a withdrawal of involvement (SANCTION 166), as envoys are
    ("Moscow withdrew its military advisers from Conakry on Friday.", ["SANCTION"]),
])
def test_riots_violence_expulsions_and_barrages_in_other_words(extract_text, text,
                                                                 kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # an order to a newspaper or a station restricts speech (COERCE 1721), not a demand ...
    ("The junta in Bamako ordered two private radio stations to stop broadcasting.",
     ["COERCE"]),
    # ... and an order to rebels is a demand on them, not a command to one's own forces
    ("The army ordered the rebels in the hills to surrender by Friday.", ["DEMAND"]),
    ("The general ordered his troops to withdraw from the ridge at dawn.", ["RETREAT"]),
])
def test_orders_to_outlets_and_to_rebels(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # what forces get ready for, or what a move comes ahead of, has not happened
    ("Chadian armour rolled into Abeche in preparation for a fresh offensive on the rebels.",
     []),
    ("Ahead of the invasion of the island, the president addressed the nation.", []),
    # an act done ahead of another is done
    ("The army shelled the rebel-held hills ahead of the talks in Arusha.", ["FIGHT"]),
])
def test_what_is_prepared_for_or_awaited_has_not_happened(extract_text, text,
                                                          kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, expected", [
    # help extended is aid given, as help granted is (CAMEO 070) ...
    ("Algiers has extended assistance to the new government in Bamako.",
     [("AID", {"state/DZA"}, {"state/MLI"})]),
    # ... and weight lent is support, as backing lent is (CAMEO 051)
    ("Lima lent the weight of its diplomacy to Quito at the regional summit.",
     [("SUPPORT", {"state/PER"}, {"state/ECU"})]),
])
def test_help_extended_and_weight_lent(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # what there is "no question of" is not done ...
    ("The minister said there could be no question of negotiating with the kidnappers.", []),
    # ... and an insistence voiced is a demand (CAMEO 100), as a demand renewed is
    ("Bonn repeated its insistence that Prague return the seized archives.",
     [("DEMAND", {"state/DEU"}, {"state/CZE"})]),
])
def test_no_question_of_an_act_and_an_insistence(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kinds_told", [
    # what floods do is no one's act, told as a passive's agent as much as a subject ...
    ("Hundreds of villagers were killed by the floods in the delta.", []),
    # ... but what shelling does is
    ("Twelve civilians were killed by the shelling of the market.", ["ASSAULT"]),
])
def test_a_disaster_as_the_agent_is_no_ones_act(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told
