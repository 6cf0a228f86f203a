"""Events (issue 16) in the turns of wire copy, on sentences we wrote in agency-news style:
sides joined in one phrase, verbs that only tell the event their object names, force on a
crowd, what is only feared, and a cooperative act done at home."""
from __future__ import annotations

import pytest

from extraction_helpers import coded, kinds


@pytest.mark.parametrize("text, sides", [
    # states joined in one phrase are each a side, though the parser names one body
    ("Ghanaian and Togolese troops clashed along the border on Friday.",
     {"state/GHA", "state/TGO"}),
    ("Eritrean and Ethiopian soldiers battled near the disputed town on Sunday.",
     {"state/ERI", "state/ETH"}),
])
def test_states_joined_in_one_phrase_are_each_a_side(extract_text, text, sides) -> None:
    [(kind, actors, _)] = coded(extract_text(text))
    assert (kind, actors) == ("FIGHT", sides)


@pytest.mark.parametrize("text, expected", [
    # ordering, announcing or approving an act tells the act (an order to act is a demand)
    ("Ottawa on Thursday ordered the expulsion of a Russian military attache.",
     ("SANCTION", {"state/CAN"}, {"state/RUS"})),
    ("Kazakhstan announced a call-up of 5,000 reservists on Monday.",
     ("MOBILIZE", {"state/KAZ"}, set())),
    ("The Malian parliament approved an amnesty for soldiers who joined the mutiny.",
     ("CONCEDE", {"state/MLI"}, {"state/MLI"})),
])
def test_a_verb_that_tells_an_act_gives_way_to_it(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text", [
    # force on a crowd is repression (CAMEO 175), one-sided violence
    "Togolese soldiers fired on demonstrators in Lome, killing three, witnesses said.",
    "Riot police opened fire on mourners at a funeral in Harare on Saturday.",
])
def test_force_on_a_crowd_is_an_assault(extract_text, text) -> None:
    assert kinds(extract_text(text)) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    # what is feared or rumoured has not happened
    "Troop movements near the border raised fears of an invasion, diplomats said.",
    "Rumours of a rebel offensive spread through the capital on Tuesday.",
])
def test_what_is_feared_is_no_event(extract_text, text) -> None:
    assert kinds(extract_text(text)) == []


def test_a_cooperative_act_at_home_is_not_aimed_at_the_host(extract_text) -> None:
    # Peru agrees in its own capital: aimed at no one, not at Peru
    assert coded(extract_text("Peru and Chile agreed in Lima on Monday to share data on "
                              "fishing fleets.")) == [("AGREE", {"state/PER", "state/CHL"}, set())]


@pytest.mark.parametrize("text, expected", [
    # an act at a state's mission abroad is aimed at that state
    ("Several thousand Kenyans rallied outside the Ugandan embassy in Nairobi on Friday.",
     ("PROTEST", {"state/KEN"}, {"state/UGA"})),
    # a ban on trade is a sanction (CAMEO 163), not a ban at home
    ("Moscow banned imports of Latvian sprats on Monday, citing hygiene rules.",
     ("SANCTION", {"state/RUS"}, {"state/LVA"})),
    # legalising parties eases a ban on them (0812)
    ("The Zambian government legalised opposition parties after months of strikes.",
     ("CONCEDE", {"state/ZMB"}, {"state/ZMB"})),
])
def test_whom_a_ban_or_a_rally_is_aimed_at(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, kind", [
    # summoned for questioning is an inquiry (091), not a rebuke
    ("Prosecutors in Lima summoned a former interior minister for questioning on Friday.",
     "INVESTIGATE"),
    # a group that masses, counted or not, shows force; so do ships sent
    ("Thousands of troops massed along the frontier, witnesses said.", "MOBILIZE"),
    ("Hundreds of guerrillas massed in the hills above the town.", "MOBILIZE"),
    ("Britain dispatched two frigates to the Gulf on Thursday.", "MOBILIZE"),
])
def test_senses_told_by_linked_words(extract_text, text, kind) -> None:
    assert kinds(extract_text(text)) == [kind]


def test_a_former_international_body_acts_for_no_state(extract_text) -> None:
    # the bodies of older wire copy are international bodies, whatever the spelling
    ex = extract_text("The Organisation of African Unity praised Zambia on Monday for its "
                      "peaceful handover of power.")
    [(kind, actors, targets)] = coded(ex)
    assert (kind, targets) == ("SUPPORT", {"state/ZMB"})
    [participant] = [p for p in ex.participants if p.role == "actor"]
    assert (participant.entity, participant.state) == ("org/_/organization-of-african-unity", None)


@pytest.mark.parametrize("text, expected", [
    # a noun whose sense needs a word of its own phrase ("air raid", "missile strike") does not
    # make the verb over it a mere teller: the condemnation is the event
    ("The European Union condemned a Russian missile strike on a shopping centre in Kremenchuk.",
     ("DISAPPROVE", {None}, {"state/RUS"})),
    # a blockade imposed coerces (CAMEO 191); lifted, it eases military pressure (0872)
    ("Kenya imposed a naval blockade on the Somali port of Kismayo on Monday.",
     ("COERCE", {"state/KEN"}, {"state/SOM"})),
    # "bases" is the plural of "base", whatever the lemmatizer says: bases bombed are a fight
    ("Jordanian jets bombed militant bases near the Iraqi border on Sunday.",
     ("FIGHT", {"state/JOR"}, set())),
])
def test_nouns_of_force_in_their_own_words(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # arms delivered or sent are military aid (072), money handed or paid out is aid (071),
    # relief flown in is humanitarian aid (073)
    ("Washington delivered a dozen transport helicopters to Bogota on Tuesday.",
     ("AID", {"state/USA"}, {"state/COL"})),
    ("Japan handed Laos a grant of 20 million dollars for a new bridge.",
     ("AID", {"state/JPN"}, {"state/LAO"})),
    ("Britain flew 40 tonnes of tents and blankets to Nepal on Sunday.",
     ("AID", {"state/GBR"}, {"state/NPL"})),
    # coordinated, combined or joint work is cooperation (06), whatever the work
    ("Indonesia and Malaysia began coordinated naval patrols in the Strait of Malacca.",
     ("COOPERATE", {"state/IDN", "state/MYS"}, set())),
    ("Kazakhstan and Russia launched a joint space mission from Baikonur on Friday.",
     ("COOPERATE", {"state/KAZ", "state/RUS"}, set())),
    # training another state's fighters is military cooperation (062)
    ("Germany trained 600 Iraqi Kurdish fighters in the use of anti-tank weapons.",
     ("COOPERATE", {"state/DEU"}, {"state/IRQ"})),
])
def test_giving_and_working_together(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # joining others for an act: the joiner acts with the joined
    ("Belgian commandos joined Beninese forces for joint drills near Cotonou.",
     ("COOPERATE", {"state/BEL"}, {"state/BEN"})),
    # "with American teams searching …": the parser makes the object a clause's subject
    ("Laos vowed to cooperate with American crews looking for wartime remains.",
     ("AGREE", {"state/LAO"}, {"state/USA"})),
])
def test_whom_an_act_is_done_with(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # what troops are pulled out of is whom the withdrawal is aimed at, as "from" is
    ("Rwanda pulled its last battalion out of Congo's Kivu region on Sunday.",
     ("RETREAT", {"state/RWA"}, {"state/COD"})),
    # a group word that modifies another names the group ("peasant groups"), which acts for
    # the one state the text places things in
    ("Peasant groups blocked the road south of Mexico City on Tuesday.",
     ("PROTEST", {"state/MEX"}, {"state/MEX"})),
])
def test_where_a_group_comes_from_or_goes(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a state's blockade coerces (191), a crowd's obstructs in protest (144)
    ("On Tuesday Israeli gunboats blockaded Sidon, a Lebanese harbour town.",
     ("COERCE", {"state/ISR"}, {"state/LBN"})),
    # crowd-control weapons used are repression short of violence (175)
    ("In La Paz, Bolivian riot squads fired tear gas at striking miners.",
     ("COERCE", {"state/BOL"}, {"state/BOL"})),
    # a letter or note of protest is a complaint (114), sent by the state that writes it
    ("Vietnam sent a letter of protest to China over the seizure of its fishing boats.",
     ("DISAPPROVE", {"state/VNM"}, {"state/CHN"})),
    # a region opened to monitors lets them in (086)
    ("Myanmar opened the Rakhine region to Malaysian observers on Monday.",
     ("RETREAT", {"state/MMR"}, {"state/MYS"})),
])
def test_force_restriction_and_complaint_by_their_words(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == [expected]


@pytest.mark.parametrize("text, kind", [
    # whom a state expels tells what the expulsion is: envoys or monitors reduce relations
    # (166), an individual is deported (174), thousands are a mass expulsion (201)
    ("Peru expelled two Chilean diplomats for spying.", "SANCTION"),
    ("Sudan expelled a British journalist on Friday.", "COERCE"),
    ("Nigeria expelled thousands of Ghanaian migrants across the border in January.",
     "ASSAULT"),
    # a newspaper or a station closed or suspended is censored (175), as one shut down is
    ("A Lagos court ordered the closure of three opposition newspapers.", "COERCE"),
    ("The Tunisian government suspended an independent radio station for a month.", "COERCE"),
    ("Police in Ankara interrogated the two French reporters for nine hours.", "INVESTIGATE"),
    # a constitution suspended restricts political freedoms (1721)
    ("Thailand's army chief suspended the constitution after the coup.", "COERCE"),
    # a ban or a curfew revoked, rescinded or repealed is eased (081), as one lifted is
    ("Kenya's interior ministry revoked its ban on two opposition weeklies.", "CONCEDE"),
    ("The Bolivian junta repealed the curfew in Cochabamba on Friday.", "CONCEDE"),
    # part of a sanction stopped is eased (085), as the whole is
    ("Canberra suspended most of its sanctions on Fiji after the vote.", "RETREAT"),
    # a licence revoked is an administrative sanction (172)
    ("Zimbabwe has revoked an independent radio station's broadcasting licence.", "COERCE"),
])
def test_whom_or_what_a_state_acts_on_tells_the_act(extract_text, text, kind) -> None:
    assert kinds(extract_text(text)) == [kind]


@pytest.mark.parametrize("text, expected", [
    # an act that may come is no event ("a possible offensive"); the troops moved are
    ("Ankara moved tanks to the Iraqi border on Sunday ahead of a possible incursion.",
     [("MOBILIZE", {"state/TUR"}, {"state/IRQ"})]),
    ("Western diplomats in Kabul warned of an imminent assault on the city.", []),
    ("Aid workers in Goma warned of an impending attack by the militia.", []),
    ("Observers warned of an imminent offensive on the port.", []),
    # patrols scaled back are no sanction on anyone
    ("Police scaled back their patrols in the old city.", []),
    # people who arm themselves or take refuge are given nothing
    ("The villagers armed themselves with machetes.", []),
    ("Sudanese refugees took refuge in eastern Chad.", []),
    # water poured into the streets is a flood, not a crowd
    ("Water poured into the streets of Dhaka after the embankment burst.", []),
    # an act only alleged or suspected is no event
    ("The alleged shooting of 12 fishermen by Eritrean sailors happened last month, a Yemeni "
     "official said.", []),
])
def test_an_act_that_may_come_is_no_event(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected


@pytest.mark.parametrize("text, kinds_told", [
    # what is released to the public is made known, not let go ...
    ("The Kenyan army released a statement on Sunday about the border incident.", []),
    ("Figures released by the Turkish statistics office showed exports fell.", []),
    # ... but captives released are a retreat
    ("Maoist rebels released 14 Nepalese policemen on Friday.", ["RETREAT"]),
])
def test_a_statement_released_is_no_release_of_captives(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # ground taken is won in a fight (192); goods taken are confiscated (171)
    ("Tutsi-led rebels seized the eastern town of Goma on Friday.", ["FIGHT"]),
    ("Government troops seized the provincial capital after a week of shelling.", ["FIGHT"]),
    ("Customs officers seized two tonnes of cocaine at the port.", ["COERCE"]),
    # aid or a credit approved, announced or extended is aid; "with the aid of" is none
    ("The Asian Development Bank approved a standby credit for Sri Lanka on Friday.", ["AID"]),
    ("Seoul announced fresh aid for flood-hit North Korean provinces.", ["AID"]),
    ("Kurdish fighters captured the town with the aid of American warplanes.", ["FIGHT"]),
    # peacekeepers flown in are military aid (074)
    ("Ghana flew 600 peacekeepers into Monrovia on Tuesday.", ["AID"]),
    # a curfew clamped is imposed; sanctions slapped are imposed
    ("Pakistani authorities clamped a curfew on Karachi after the riots.", ["COERCE"]),
    ("Brussels slapped sanctions on the Belarusian leadership.", ["SANCTION"]),
    # suspects questioned are investigated (090)
    ("Kenyan police questioned six suspects over the hotel bombing.", ["INVESTIGATE"]),
    # what a disaster or an accident does is no one's act
    ("A cyclone struck southern Bangladesh overnight, killing at least 900 people.", []),
    ("A ferry collision killed 40 passengers off the Philippine coast.", []),
])
def test_ground_goods_people_and_disasters(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told
