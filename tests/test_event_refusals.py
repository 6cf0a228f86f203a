"""Events (issue 16): refusals, and acts told as not done, on sentences we wrote in
agency-news style: a refused yes, a cooperative act that will not be done, an offer turned
aside, a readiness denied, an act still to be done, what pressure asks for."""
from __future__ import annotations

import pytest

from extraction_helpers import coded, kinds


@pytest.mark.parametrize("text", [
    # a cooperative act that will not be done is a refusal (CAMEO 12) ...
    "Belarus said it would not attend the summit in Vilnius.",
    "Georgia will never recognise the two breakaway regions.",
    "Eritrea will not allow Ethiopian monitors into the border zone.",
    "Spain has no intention of returning the paintings to Morocco.",
    "Kyiv vowed never to give up its claim to the peninsula.",
])
def test_a_cooperative_act_that_will_not_be_done_is_a_refusal(extract_text, text) -> None:
    assert kinds(extract_text(text)) == ["REJECT"]


@pytest.mark.parametrize("text, kinds_told", [
    # ... one that was not done is no event, and a promise not to harm is an agreement
    ("The Belarusian president did not attend the summit in Vilnius.", []),
    ("The two militias agreed not to attack each other's positions.", ["AGREE"]),
])
def test_an_act_not_done_or_a_harm_forsworn_is_no_refusal(extract_text, text,
                                                          kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


def test_who_has_no_plan_to_act_refuses(extract_text) -> None:
    assert coded(extract_text("Turkey has no plans to withdraw its soldiers from Cyprus.")) \
        == [("REJECT", {"state/TUR"}, {"state/CYP"})]


@pytest.mark.parametrize("text, actor, target", [
    # a readiness or wish denied refuses what it is a readiness for (CAMEO 12)
    ("Armenia said it was not ready to sign the border protocol with Turkey.",
     "state/ARM", "state/TUR"),
    ("Caracas does not want to resume talks with Bogota, the foreign minister said.",
     "state/VEN", "state/COL"),
    # no interest in an act refuses it; the one who has none is its actor
    ("Seoul has no interest in talks with Tokyo on the fishing quotas, an aide said.",
     "state/KOR", "state/JPN"),
    # a refused yes still to be given ("has yet to accept") is a refusal
    ("Guyana has yet to accept the Venezuelan proposal, officials in Georgetown said.",
     "state/GUY", "state/VEN"),
])
def test_a_denied_readiness_or_interest_is_a_refusal(extract_text, text, actor,
                                                     target) -> None:
    assert coded(extract_text(text)) == [("REJECT", {actor}, {target})]


@pytest.mark.parametrize("text, actor", [
    # refusals in the words of wire copy
    ("Hanoi on Monday turned aside a Cambodian offer of border talks.", "state/VNM"),
    ("Ankara stood firm against calls to reopen the seminary, a spokesman said.", "state/TUR"),
    ("Damascus continued to stonewall the chemical weapons inspectors.", "state/SYR"),
    # a "by" under what a defiance is of names the ruling's author, not the one who defies it
    ("Ankara kept filling the dam in defiance of last year's verdict by the International "
     "Court of Justice.", "state/TUR"),
])
def test_refusals_of_wire_copy(extract_text, text, actor) -> None:
    [(kind, actors, _)] = coded(extract_text(text))
    assert (kind, actors) == ("REJECT", {actor})


@pytest.mark.parametrize("text, kinds_told", [
    # what an offer or a proposal names is intended, not done: an intent to meet (036)
    ("Egypt made an offer of talks to the two Sudanese generals.", ["AGREE"]),
    # what pressure or a plea asks for is not done
    ("Mali resisted French pressure to release the two detained officers.", ["REJECT"]),
    ("The rebels ignored a plea by the bishops to free the hostages.", ["REJECT"]),
    # a forecast denied is no refusal, and no event
    ("Chile is not expected to sign the fisheries pact this year.", []),
    # what an appeal asks for is not done, though a phrase of time comes between
    ("The World Food Programme called on Western donors on Monday to provide 20,000 tonnes "
     "of maize for Malawi.", []),
    ("The Red Cross appealed to member states on Friday to provide blankets for flood "
     "victims in Pakistan.", []),
])
def test_what_is_offered_or_asked_is_not_done(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # a fact denied is a statement, and what it denies did not happen ...
    ("Hanoi denied that its patrol boats had rammed a Chinese trawler.", []),
    ("Kabul on Friday denied press reports that it had expelled two aid workers.", []),
    # ... and so does a clause joined to the one denied
    ("Nairobi denied reports that Kenyan soldiers entered Somalia and shelled a "
     "militia base.", []),
    # ... but a request denied is refused, and so is a charge
    ("Quito denied a Colombian request to extradite the suspect.", ["REJECT"]),
    ("Minsk denied the charge, calling it a fabrication.", ["REJECT"]),
])
def test_a_fact_denied_is_no_event(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


def test_a_statement_blocked_is_refused(extract_text) -> None:
    # blocking a joint statement refuses it (CAMEO 12), as blocking a resolution does
    ex = extract_text("Hungary blocked a European Union statement on Beijing's crackdown in "
                      "Hong Kong.")
    assert kinds(ex) == ["REJECT"]
    assert {(p.role, p.entity) for p in ex.participants} == {
        ("actor", "state/HUN"), ("target", "org/_/european-union")}


@pytest.mark.parametrize("text, kinds_told", [
    # what an actor failed to do is not done, and no event
    ("The Moldovan parliament failed to approve the accord with Romania.", []),
    ("The Bulgarian assembly failed to ratify the border treaty with Macedonia.", []),
    # a legal act blocked, obstructed or voted down is refused (CAMEO 12)
    ("The Kenyan senate voted down a defence pact with Somalia.", ["REJECT"]),
    ("Belgrade has obstructed the return of Bosniak families to the valley.", ["REJECT"]),
    ("An Argentine court blocked the extradition of the former colonel to Spain.", ["REJECT"]),
    # monitors blocked are refused entry (CAMEO 1245), as monitors barred are
    ("Tanzanian troops blocked U.N. observers from reaching the border villages.", ["REJECT"]),
    # a road blocked by a crowd stays a protest
    ("Striking truckers blocked the main highway into Santiago for a day.", ["PROTEST"]),
])
def test_a_failure_or_a_block_is_told_as_such(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, kinds_told", [
    # an order to one's own forces is no demand on another: the act ordered is the event ...
    ("The Liberian president ordered his troops to pull back from the border on Friday.",
     ["RETREAT"]),
    ("Eritrea mobilised its reserves, ordering soldiers to report to their units.",
     ["MOBILIZE"]),
    ("The Yemeni president ordered the army to shell the rebel positions near Marib.",
     ["FIGHT"]),
    # ... an order to another state's forces is a demand
    ("Kinshasa ordered Rwandan troops to leave its territory within a week.", ["DEMAND"]),
])
def test_an_order_to_ones_own_forces_is_no_demand(extract_text, text, kinds_told) -> None:
    assert kinds(extract_text(text)) == kinds_told


@pytest.mark.parametrize("text, expected", [
    # a measure kept in place is a refusal to ease it (CAMEO 1244), told now though the verb
    # tells it as to come ...
    ("Lisbon will maintain the embargo on Luanda, officials said.",
     [("REJECT", {"state/PRT"}, {"state/AGO"})]),
    ("Ottawa said on Friday it would keep its ban on arms exports to the junta in place.",
     [("REJECT", {"state/CAN"}, set())]),
    ("Harare said it would retain the curfew in the townships for another month.",
     [("REJECT", {"state/ZWE"}, set())]),
    # ... but what is kept is no refusal unless it is a measure
    ("Lisbon will maintain close ties with Luanda, officials said.", []),
])
def test_a_measure_kept_in_place_is_a_refusal_to_ease_it(extract_text, text, expected) -> None:
    assert coded(extract_text(text)) == expected
