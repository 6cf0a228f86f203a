"""Agreements in news and releases as agencies and governments word them (issue 13): a
headline's verb is no part of the agreement's name, a release's own statement named again in
short is one agreement, a mediator is no party. Sentences written for these tests."""
from __future__ import annotations

from kg import model


def _agreements(extract_text, text: str) -> dict[str, set[str]]:
    """{name: parties} of every agreement found."""
    ex = extract_text(text, date="2024-09-12")
    return {entity.name: {f.object for f, _ in ex.facts
                          if f.subject == key and f.predicate == model.PARTY}
            for key, entity in ex.entities.items() if entity.kind == model.AGREEMENT}


def test_a_headlines_verb_is_no_part_of_the_name(extract_text) -> None:
    found = _agreements(extract_text, "Serbia, Hungary ink energy deal\n\nSerbia and Hungary on "
                        "Thursday signed a deal on building an oil pipeline, the ministry said.")
    assert list(found) == ["Energy deal"]


def test_a_statement_named_again_in_short_is_the_same(extract_text) -> None:
    found = _agreements(extract_text, "Joint Communiqué of the Foreign Ministers of Peru and "
                        "Ecuador\n\nThe Foreign Ministers of Peru and Ecuador met in Quito on 11 "
                        "September 2024. The two sides issued this Joint Communiqué at the end "
                        "of the meeting.")
    assert list(found) == ["Joint Communiqué of the Foreign Ministers of Peru and Ecuador"]


def test_a_mediator_is_no_party_of_a_ceasefire(extract_text) -> None:
    found = _agreements(extract_text, "The governments of Rwanda and Burundi agreed on Friday to "
                        "a 30-day ceasefire mediated by Angola.")
    assert list(found.values()) == [{"state/RWA", "state/BDI"}]


def test_who_an_accord_is_brokered_by_in_its_name_mediates_it(extract_text) -> None:
    ex = extract_text("Djibouti and Eritrea signed a Qatari-mediated border accord on Monday.")
    [key] = [k for k, e in ex.entities.items() if e.kind == model.AGREEMENT]
    related = {(f.predicate, f.object) for f, _ in ex.facts if f.subject == key}
    assert {o for p, o in related if p == model.PARTY} == {"state/DJI", "state/ERI"}
    assert {o for p, o in related if p == model.MEDIATOR} == {"state/QAT"}


def test_a_headlines_short_name_and_the_bodys_full_one_are_one_agreement(extract_text) -> None:
    found = _agreements(extract_text, "Chile, Japan sign investment treaty\n\nChile and Japan "
                        "signed a bilateral investment treaty on Tuesday in Tokyo.")
    assert found == {"Bilateral investment treaty": {"state/CHL", "state/JPN"}}


def test_documents_signed_in_the_presence_of_two_leaders_are_their_states(extract_text) -> None:
    found = _agreements(extract_text, "President of Kenya William Ruto held talks with President "
                        "of Ghana John Mahama in Nairobi. Following the talks, several documents "
                        "were signed in the presence of the two presidents, including an Agreement "
                        "on Cooperation in Education.")
    assert found == {"Agreement on Cooperation in Education": {"state/KEN", "state/GHA"}}


def test_a_year_in_a_clause_joined_after_the_signing_is_not_its_date(extract_text) -> None:
    """"signed a memorandum … and reaffirmed … the 1984 treaty": 1984 is the treaty's year."""
    ex = extract_text("Chile and Peru signed a memorandum of understanding on fisheries and "
                      "reaffirmed their commitment to the 1984 border treaty.")
    dates = {e.name: {f.object for f, _ in ex.facts
                      if f.subject == key and f.predicate == model.DATE_SIGNED}
             for key, e in ex.entities.items() if e.kind == model.AGREEMENT}
    memorandum = next(name for name in dates if "memorandum" in name.lower())
    assert dates[memorandum] == set(), dates


def test_a_signer_named_in_apposition_to_a_noun_signs_too(extract_text) -> None:
    """"X and his Finnish counterpart, Y, signed": Y signs, and Y's state is a party."""
    found = _agreements(extract_text, (
        "Estonian Prime Minister Kaja Tamm and his Finnish counterpart, Mikko Lehto, signed "
        "the memorandum in Tallinn on Tuesday."))
    assert {"state/EST", "state/FIN"} in found.values(), found
