"""Extraction of agreements (kg.nlp.agreements): detection, parties, signatories, mediators, date
and status, on sentences we wrote, plus a regression floor over
tests/data/sentences/agreements.jsonl."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import model

SENTENCES = Path(__file__).parent / "data" / "sentences"


def agreements(ex) -> list[model.Entity]:
    """The agreement entities, after checking every mention's offsets."""
    text = ex.document.text
    for m in ex.mentions:
        assert text[m.begin:m.end] == m.anchor, m
    return [e for e in ex.entities.values() if e.kind == model.AGREEMENT]


def only_agreement(ex) -> model.Entity:
    found = agreements(ex)
    assert len(found) == 1, [e.key for e in found]
    return found[0]


def facts(ex, subject: str, predicate: str) -> dict[str, str]:
    """object -> evidence text of the subject's facts with this predicate."""
    text = ex.document.text
    return {f.object: text[ev.begin:ev.end] for f, ev in ex.facts
            if f.subject == subject and f.predicate == predicate}


# --- parties, date, status ----------------------------------------------------------------------

def test_states_signed_the_accord_on_a_date(extract_text):
    ex = extract_text("Kyrgyzstan, Tajikistan and Uzbekistan signed the accord on 12 March 2023.")
    accord = only_agreement(ex)
    assert accord.key == "agreement/KGZ-TJK-UZB/accord"
    assert accord.attributes["agreement_kind"] == "accord"
    parties = facts(ex, accord.key, model.PARTY)
    assert set(parties) == {"state/KGZ", "state/TJK", "state/UZB"}
    for state, name in (("KGZ", "Kyrgyzstan"), ("TJK", "Tajikistan"), ("UZB", "Uzbekistan")):
        assert name in parties[f"state/{state}"] and "signed" in parties[f"state/{state}"]
    dates = facts(ex, accord.key, model.DATE_SIGNED)
    assert list(dates) == ["2023-03-12"] and "12 March 2023" in dates["2023-03-12"]
    statuses = facts(ex, accord.key, model.STATUS)
    assert list(statuses) == ["signed"] and "signed the accord" in statuses["signed"]
    [mention] = [m for m in ex.mentions if m.entity == accord.key]
    assert mention.anchor == "accord"


def test_ceasefire_signed_by_titled_people_makes_their_states_parties(extract_text):
    ex = extract_text("The ceasefire signed by Malian President Assimi Goita, Nigerien President "
                      "Abdourahamane Tiani and Burkinabe President Ibrahim Traore held for a week.")
    ceasefire = only_agreement(ex)
    assert ceasefire.attributes["agreement_kind"] == "ceasefire"
    assert set(facts(ex, ceasefire.key, model.SIGNATORY)) == {
        "person/assimi-goita", "person/abdourahamane-tiani", "person/ibrahim-traore"}
    parties = facts(ex, ceasefire.key, model.PARTY)
    assert set(parties) == {"state/MLI", "state/NER", "state/BFA"}
    assert all("ceasefire signed by" in evidence for evidence in parties.values())
    assert "Malian President Assimi Goita" in parties["state/MLI"]
    assert "signed" in facts(ex, ceasefire.key, model.STATUS)


def test_treaty_between_two_states(extract_text):
    ex = extract_text("The treaty between Estonia and Latvia settled the maritime boundary.")
    treaty = only_agreement(ex)
    assert treaty.key == "agreement/EST-LVA/treaty"
    parties = facts(ex, treaty.key, model.PARTY)
    assert parties == {"state/EST": "treaty between Estonia and Latvia",
                       "state/LVA": "treaty between Estonia and Latvia"}


def test_truce_brokered_by_a_state_has_it_as_mediator(extract_text):
    ex = extract_text("A truce brokered by Qatar ended the fighting in Darfur.")
    truce = only_agreement(ex)
    assert truce.attributes["agreement_kind"] == "truce"
    assert facts(ex, truce.key, model.MEDIATOR) == {"state/QAT": "truce brokered by Qatar"}
    assert "state/QAT" not in facts(ex, truce.key, model.PARTY)


@pytest.mark.parametrize("text, status, evidence_words", [
    ("Colombia and the ELN held talks on a peace treaty in Havana.",
     "under_negotiation", "talks on a peace treaty"),
    ("The maritime treaty between Estonia and Latvia entered into force in 1996.",
     "in_force", "entered"),
    ("The United States withdrew from the nuclear deal with Iran in 2018.",
     "terminated", "withdrew from the nuclear deal"),
    ("Kyrgyzstan accused Tajikistan of violating the ceasefire.",
     "violated", "violating the ceasefire"),
    ("In 2015 the Kenyan government ended the Lamu Fisheries Agreement.",
     "terminated", "ended the Lamu Fisheries Agreement"),
], ids=["talks-on", "entered-into-force", "withdrew-from", "violating", "ended"])
def test_status_cues(extract_text, text, status, evidence_words):
    ex = extract_text(text)
    agreement = only_agreement(ex)
    statuses = facts(ex, agreement.key, model.STATUS)
    assert list(statuses) == [status]
    assert evidence_words in statuses[status]


@pytest.mark.parametrize("text, name", [
    ("The Peace of Oliva ended the war between Sweden and Poland in 1660.", "Peace of Oliva"),
    ("The Vienna Final Act was signed by twelve states in 1820.", "Vienna Final Act"),
    ("The Compact of Free Association was signed by the United States and Palau in 1994.",
     "Compact of Free Association"),
    ("The Tirana Communique restated the two governments' aims.", "Tirana Communique"),
], ids=["peace-of", "final-act", "compact", "communique"])
def test_less_common_agreement_words(extract_text, text, name):
    assert only_agreement(extract_text(text)).name == name


@pytest.mark.parametrize("text", [
    "She won the Nobel Peace Prize and worked for peace in the region.",
    "The Patriot Act was passed by Congress in 2001.",
    "The two sides signed nothing, and a communique was not issued.",
], ids=["peace-prize", "a-law-named-act", "bare-communique"])
def test_words_that_are_not_agreements_here(extract_text, text):
    ex = extract_text(text)
    assert not [e for e in ex.entities.values() if e.kind == model.AGREEMENT]


def test_agreements_in_a_list_are_not_aliases(extract_text):
    ex = extract_text("The Accra Accord, the Volta Agreement and the Lome Convention were "
                      "discussed.")
    names = sorted(e.name for e in ex.entities.values() if e.kind == model.AGREEMENT)
    assert names == ["Accra Accord", "Lome Convention", "Volta Agreement"]
    assert all(not e.aliases for e in ex.entities.values() if e.kind == model.AGREEMENT)


@pytest.mark.parametrize("text, parties", [
    ("The Accra Accord was a settlement reached by Ghana, Togo and Benin in 1961.",
     {"state/BEN", "state/GHA", "state/TGO"}),
    ("The Treaty of Lome was a border treaty signed in 1962 between Togo and Benin.",
     {"state/BEN", "state/TGO"}),
], ids=["was-a-settlement-reached-by", "signed-in-year-between"])
def test_parties_from_what_the_agreement_is_said_to_be(extract_text, text, parties):
    ex = extract_text(text)
    agreement = only_agreement(ex)
    assert set(facts(ex, agreement.key, model.PARTY)) == parties


def test_a_war_that_ended_with_an_agreement_did_not_end_the_agreement(extract_text):
    ex = extract_text("The border war ended with the Lamu Agreement of March 1961.")
    agreement = only_agreement(ex)
    assert "terminated" not in facts(ex, agreement.key, model.STATUS)


@pytest.mark.parametrize("text", [
    "Sudan and South Sudan fought a war, but no peace treaty has been signed.",
    "Serbia and Kosovo have not signed the deal.",
], ids=["no-treaty-has-been-signed", "have-not-signed"])
def test_unsigned_agreement_is_not_signed(extract_text, text):
    ex = extract_text(text)
    agreement = only_agreement(ex)
    assert "signed" not in facts(ex, agreement.key, model.STATUS)


def test_dated_agreement_without_other_cue_is_signed(extract_text):
    ex = extract_text("Uzbekistan says it still honours the water accord of 12 April 1998.")
    accord = only_agreement(ex)
    assert list(facts(ex, accord.key, model.DATE_SIGNED)) == ["1998-04-12"]
    assert list(facts(ex, accord.key, model.STATUS)) == ["signed"]


# --- what is and is not an agreement, and what refers back --------------------------------------

@pytest.mark.parametrize("text, name, alias", [
    ("The Lamu Protocol or Lamu Agreement was a verbal promise the Kenyan government made "
     "in 1961. In 2015 the government ended the Lamu Agreement.",
     "Lamu Protocol", "Lamu Agreement"),
    ("The Treaty of Kars (also known as the Kars Agreement) was signed by Turkey and Armenia in "
     "1921. Armenia later disputed the Kars Agreement.",
     "Treaty of Kars", "Kars Agreement"),
    ("The Accra Accord, also known as the Volta Agreement, was signed by Ghana and Togo in "
     "1961. Togo later left the Volta Agreement.",
     "Accra Accord", "Volta Agreement"),
], ids=["a-or-b", "b-in-brackets", "comma-also-known-as"])
def test_a_second_name_is_an_alias_of_one_agreement(extract_text, text, name, alias):
    ex = extract_text(text)
    agreement = only_agreement(ex)
    assert agreement.name == name
    assert agreement.aliases == {alias}
    named = {m.anchor for m in ex.mentions if m.entity == agreement.key}
    assert {name, alias} <= named


def test_in_a_statement_is_not_an_agreement(extract_text):
    ex = extract_text("In a statement, the Fijian government said the cyclone had caused heavy "
                      "damage.")
    assert agreements(ex) == []


def test_the_joint_statement_is_an_agreement(extract_text):
    ex = extract_text("Fiji and Tonga signed the joint statement after the meeting.")
    statement = only_agreement(ex)
    assert statement.key == "agreement/FJI-TON/joint-statement"
    assert statement.attributes["agreement_kind"] == "statement"
    assert set(facts(ex, statement.key, model.PARTY)) == {"state/FJI", "state/TON"}


def test_a_bare_the_deal_refers_back(extract_text):
    ex = extract_text("Mali and Burkina Faso signed a security deal on 3 May 2023. The deal allows "
                      "joint patrols.")
    deal = only_agreement(ex)
    assert deal.key == "agreement/BFA-MLI/security-deal"
    anchors = [m.anchor for m in sorted(ex.mentions, key=lambda m: m.begin) if m.entity == deal.key]
    assert anchors == ["security deal", "deal"]


# --- keys and dates -----------------------------------------------------------------------------

def test_agreement_key_does_not_hold_the_date(extract_text):
    first = extract_text("Kyrgyzstan and Tajikistan signed a border treaty on 3 March 2023.",
                         doc_id="a")
    second = extract_text("Kyrgyzstan and Tajikistan signed a border treaty on 5 March 2023.",
                          doc_id="b")
    one, two = only_agreement(first), only_agreement(second)
    assert one.key == two.key == "agreement/KGZ-TJK/border-treaty"
    assert list(facts(first, one.key, model.DATE_SIGNED)) == ["2023-03-03"]
    assert list(facts(second, two.key, model.DATE_SIGNED)) == ["2023-03-05"]


def test_relative_date_needs_the_document_date(extract_text):
    text = "Mali and Burkina Faso signed a security deal on Tuesday."
    dated = extract_text(text, date="2023-05-04")        # a Thursday
    deal = only_agreement(dated)
    dates = facts(dated, deal.key, model.DATE_SIGNED)
    assert list(dates) == ["2023-05-02"] and "Tuesday" in dates["2023-05-02"]
    undated = extract_text(text)
    assert facts(undated, only_agreement(undated).key, model.DATE_SIGNED) == {}


# --- formal names ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key, name, kind", [
    ("Ireland held a second referendum on the Treaty of Lisbon in 2009.",
     "agreement/_/treaty-of-lisbon", "Treaty of Lisbon", "treaty"),
    ("Laos was among the first states to ratify the Convention on Cluster Munitions.",
     "agreement/_/convention-on-cluster-munitions", "Convention on Cluster Munitions",
     "convention"),
], ids=["treaty-of-place", "convention-on-subject"])
def test_formal_name_includes_the_words_after_the_treaty_word(extract_text, text, key, name, kind):
    ex = extract_text(text)
    agreement = only_agreement(ex)
    assert (agreement.key, agreement.name) == (key, name)
    assert agreement.attributes["agreement_kind"] == kind
    assert [m.anchor for m in ex.mentions if m.entity == key] == [name]
    # the place in a treaty's name is not a party to it
    assert facts(ex, key, model.PARTY) == {}
    assert not [e for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS]


def test_en_dash_name_of_two_states_makes_both_parties(extract_text):
    ex = extract_text("The Peru–Thailand Free Trade Agreement was signed in 2011.")
    agreement = only_agreement(ex)
    name = "Peru–Thailand Free Trade Agreement"
    assert agreement.key == "agreement/PER-THA/peru-thailand-free-trade-agreement"
    assert agreement.name == name
    assert [m.anchor for m in ex.mentions if m.entity == agreement.key] == [name]
    assert facts(ex, agreement.key, model.PARTY) == {"state/PER": name, "state/THA": name}
    assert list(facts(ex, agreement.key, model.DATE_SIGNED)) == ["2011"]


# --- which described agreements are worth a node ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chile and Peru have each signed free trade agreements with Asian partners.",
    "Officials said they hoped to reach an agreement soon.",
], ids=["plural-class", "bare-an-agreement"])
def test_described_agreement_with_nothing_to_tell_it_apart_is_no_node(extract_text, text):
    ex = extract_text(text)
    assert agreements(ex) == []
    assert not [f for f, _ in ex.facts if f.subject.startswith("agreement/")]


def test_qualified_agreement_with_only_a_status_is_a_node(extract_text):
    ex = extract_text("Diplomats resumed talks on a peace treaty in Geneva.")
    treaty = only_agreement(ex)
    assert treaty.key == "agreement/_/peace-treaty"
    assert facts(ex, treaty.key, model.STATUS) == \
        {"under_negotiation": "talks on a peace treaty"}
    assert facts(ex, treaty.key, model.PARTY) == {}


# --- governments sign for their states -----------------------------------------------------------

def test_governments_signing_make_their_states_the_parties(extract_text):
    ex = extract_text("The accord was signed by the Government of Ecuador and the Government of "
                      "Colombia on 4 May 2012.")
    accord = only_agreement(ex)
    assert accord.key == "agreement/COL-ECU/accord"
    parties = facts(ex, accord.key, model.PARTY)
    assert set(parties) == {"state/COL", "state/ECU"}
    assert all("signed by the Government of Ecuador" in evidence for evidence in parties.values())
    # the governments are still found, as the states' bodies, but are not parties themselves
    for key, state in (("org/ECU/ecuadorian-government", "state/ECU"),
                       ("org/COL/colombian-government", "state/COL")):
        assert ex.entities[key].kind == model.GOVERNMENT
        assert key not in parties
        assert any(f.subject == key and f.predicate == model.STATE_OF and f.object == state
                   for f, _ in ex.facts)
    assert list(facts(ex, accord.key, model.DATE_SIGNED)) == ["2012-05-04"]


# --- regression floor over our sentence set ------------------------------------------------------

def _identity(ex, key: str) -> str:
    """What agreements.jsonl calls a party: ISO3 for a state or its government, else the name."""
    if key.startswith("state/"):
        return key.split("/", 1)[1]
    entity = ex.entities.get(key)
    if entity is None:
        return key
    if entity.kind == model.GOVERNMENT:
        states = [f.object for f, _ in ex.facts
                  if f.subject == key and f.predicate == model.STATE_OF]
        if states:
            return states[0].split("/", 1)[1]
    return entity.name


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def test_agreements_floor(extract_text):
    """Detection recall (an agreement of the expected kind), party and mediator precision/recall,
    date and status accuracy (the latest status found, in kg.model.STATUSES order)."""
    cases = [json.loads(line) for line in
             (SENTENCES / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    detected = dates_right = statuses_right = 0
    counts = {"party": [0, 0, 0], "mediator": [0, 0, 0]}   # true pos, false pos, false neg
    misses = []
    for case in cases:
        expect, ex = case["expect"], extract_text(case["text"])
        wanted = {"party": set(expect["parties"]), "mediator": set(expect["mediators"])}
        found = [a for a in agreements(ex) if a.attributes.get("agreement_kind") == expect["kind"]]
        if not found:
            for role in counts:
                counts[role][2] += len(wanted[role])
            misses.append(f"{case['text']!r}: no {expect['kind']}")
            continue
        detected += 1

        def related(agreement, predicate):
            return {_identity(ex, k) for k in facts(ex, agreement.key, predicate)}
        agreement = max(found, key=lambda a: len(related(a, model.PARTY) & wanted["party"]))
        got = {"party": related(agreement, model.PARTY),
               "mediator": related(agreement, model.MEDIATOR)}
        for role, c in counts.items():
            c[0] += len(got[role] & wanted[role])
            c[1] += len(got[role] - wanted[role])
            c[2] += len(wanted[role] - got[role])
        date = set(facts(ex, agreement.key, model.DATE_SIGNED))
        statuses = list(facts(ex, agreement.key, model.STATUS))
        latest = max(statuses, key=model.STATUSES.index) if statuses else None
        dates_right += date == ({expect["date"]} if expect["date"] else set())
        statuses_right += latest == expect["status"]
        if got["party"] != wanted["party"] or got["mediator"] != wanted["mediator"] or \
                latest != expect["status"] or date != ({expect["date"]} - {None}):
            misses.append(f"{case['text']!r}: expected {expect}, got {got}, {date}, {statuses}")
    n = len(cases)
    figures = {"detection recall": detected / n,
               "party precision": _ratio(counts["party"][0], sum(counts["party"][:2])),
               "party recall": _ratio(counts["party"][0], counts["party"][0] + counts["party"][2]),
               "mediator precision": _ratio(counts["mediator"][0], sum(counts["mediator"][:2])),
               "mediator recall": _ratio(counts["mediator"][0],
                                         counts["mediator"][0] + counts["mediator"][2]),
               "date accuracy": dates_right / n, "status accuracy": statuses_right / n}
    report = ", ".join(f"{k} {v:.3f}" for k, v in figures.items()) + "; misses:\n" + \
        "\n".join(misses)
    # Measured when written: detection 0.938, party P 0.910 R 0.803, mediator P 0.667 R 0.364,
    # date 0.875, status 0.812.
    floors = {"detection recall": 0.88, "party precision": 0.86, "party recall": 0.75,
              "mediator precision": 0.61, "mediator recall": 0.31, "date accuracy": 0.82,
              "status accuracy": 0.76}
    for name, floor in floors.items():
        assert figures[name] >= floor, f"{name} below {floor}: {report}"


# --- "between the two countries" ------------------------------------------------------------------

def test_between_the_two_countries_makes_the_two_states_named_before_the_parties(extract_text):
    ex = extract_text("Chile and New Zealand have agreed a new trade pact between the two "
                      "countries, the Chilean government announced on Tuesday.")
    pact = only_agreement(ex)
    assert set(facts(ex, pact.key, model.PARTY)) == {"state/CHL", "state/NZL"}


def test_between_the_two_countries_with_three_states_named_reads_no_pair(extract_text):
    ex = extract_text("Chile, Peru and New Zealand welcomed a new trade pact between the two "
                      "countries, the Chilean government announced on Tuesday.")
    parties = {key for a in agreements(ex) for key in facts(ex, a.key, model.PARTY)}
    assert not {"state/CHL", "state/NZL"} <= parties or "state/PER" in parties


def test_the_body_of_a_signers_post_is_no_party_its_state_is(extract_text):
    ex = extract_text("The memorandum was signed by Kremlin adviser Yuri Ushakov and Li Wei, head "
                      "of the Foreign Affairs Commission of China, in Beijing on 3 May 2024.")
    protocol = only_agreement(ex)
    assert set(facts(ex, protocol.key, model.PARTY)) == {"state/RUS", "state/CHN"}
    assert set(facts(ex, protocol.key, model.SIGNATORY)) == {"person/yuri-ushakov",
                                                              "person/li-wei"}


# --- names the parse cuts, names by year, references of one kind ----------------------------------

def test_a_name_the_parse_cuts_at_a_dash_still_reads_its_signing(extract_text):
    # The parser makes "Pact" an apposition of "Kellogg"; the signing clause hangs from "Kellogg".
    text = ("Iran and six world powers agreed the Joint Comprehensive Plan of Action in Vienna.\n"
            "The Kellogg–Briand Pact was signed by Germany, France and the United States on "
            "27 August 1928.")
    ex = extract_text(text)
    [pact] = [a for a in agreements(ex) if a.name == "Kellogg–Briand Pact"]
    assert set(facts(ex, pact.key, model.PARTY)) == {"state/DEU", "state/FRA", "state/USA"}
    assert list(facts(ex, pact.key, model.DATE_SIGNED)) == ["1928-08-27"]


def test_a_treaty_word_named_by_its_year_is_its_own_agreement(extract_text):
    ex = extract_text("The Armistice of Mudros was signed by Britain on 30 October 1918. Years "
                      "later Spain signed the Concordat of 1851 with the Holy See.")
    names = sorted(a.name for a in agreements(ex))
    assert names == ["Armistice of Mudros", "Concordat of 1851"]


def test_a_bare_word_of_another_kind_does_not_refer_back(extract_text):
    ex = extract_text("The Armistice of Mudros was signed by Britain on 30 October 1918. The "
                      "concordat was never mentioned again.")
    [armistice] = agreements(ex)
    assert [m.anchor for m in ex.mentions if m.entity == armistice.key] == ["Armistice of Mudros"]


def test_the_arrangement_refers_back_to_the_agreement_just_named(extract_text):
    ex = extract_text("The Caspian Shipping Initiative let tankers sail again. The arrangement "
                      "was signed in Baku on 3 March 2021.")
    [initiative] = agreements(ex)
    assert initiative.name == "Caspian Shipping Initiative"
    assert list(facts(ex, initiative.key, model.DATE_SIGNED)) == ["2021-03-03"]


def test_an_unqualified_arrangement_alone_is_no_agreement(extract_text):
    ex = extract_text("Officials discussed an arrangement for parking near the embassy.")
    assert agreements(ex) == []


def test_a_described_agreement_is_named_by_its_parties_states_first(extract_text):
    ex = extract_text("Russia and the World Food Programme signed a memorandum on 5 May 2022.")
    memorandum = only_agreement(ex)
    assert memorandum.name == "Russia–World Food Programme memorandum"


# --- other names, acts of union -------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The Act of Union joined the two kingdoms in 1707.", "Act of Union"),
    ("The Acts of Union 1800 created the United Kingdom of Great Britain and Ireland.",
     "Acts of Union"),
], ids=["act", "acts"])
def test_an_act_of_union_is_an_agreement(extract_text, text, name):
    assert [a.name for a in agreements(extract_text(text))] == [name]


@pytest.mark.parametrize("text", [
    "Congress renewed the Patriot Act in 2006.",
    "The Act of Parliament was passed in 1911.",
], ids=["patriot-act", "act-of-parliament"])
def test_other_acts_are_laws_not_agreements(extract_text, text):
    assert agreements(extract_text(text)) == []


def test_a_name_in_brackets_after_an_agreement_is_its_alias_and_no_organisation(nlp):
    from extraction_helpers import extract_with_entities

    text = ("The Treaty of Kalmar (Kalmarbrevet) was signed in 1397. Later the Kalmarbrevet was "
            "read aloud in every town.")
    ex = extract_with_entities(nlp, text, ["Kalmarbrevet", "Kalmarbrevet"], label="ORG")
    [treaty] = agreements(ex)
    assert treaty.name == "Treaty of Kalmar" and "Kalmarbrevet" in treaty.aliases
    assert [m.anchor for m in ex.mentions if m.entity == treaty.key] == \
        ["Treaty of Kalmar", "Kalmarbrevet", "Kalmarbrevet"]
    assert not [k for k in ex.entities if k.startswith("org/")]


def test_a_proper_noun_said_to_be_an_agreement_is_its_alias(nlp):
    from extraction_helpers import extract_with_entities

    text = "The Kalmarbrevet was the 1397 Treaty of Kalmar between Denmark and Sweden."
    ex = extract_with_entities(nlp, text, ["Kalmarbrevet"], label="ORG")
    [treaty] = agreements(ex)
    assert "Kalmarbrevet" in treaty.aliases
    assert not [k for k in ex.entities if k.startswith("org/")]


def test_signed_between_after_a_passive_verb_names_the_parties(extract_text):
    ex = extract_text("The Kailahun Peace Accord was signed on 3 March 2004 between the "
                      "Government of Liberia and the Lofa Defence Force (LDF).")
    accord = only_agreement(ex)
    parties = set(facts(ex, accord.key, model.PARTY))
    assert "state/LBR" in parties and len(parties) == 2


@pytest.mark.parametrize("text, status", [
    ("The treaty was negotiated by the two foreign ministers in 1923.", None),
    ("The treaty is being negotiated by the two foreign ministers.", "under_negotiation"),
], ids=["was-negotiated", "being-negotiated"])
def test_a_treaty_negotiated_in_the_past_is_no_longer_under_negotiation(extract_text, text,
                                                                        status):
    ex = extract_text("Chile and Peru wanted a border treaty. " + text)
    statuses = {s for a in agreements(ex) for s in facts(ex, a.key, model.STATUS)}
    assert ("under_negotiation" in statuses) == (status == "under_negotiation")
