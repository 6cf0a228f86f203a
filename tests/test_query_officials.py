"""Who is an official (a post, or a party, parliament or government) and who is only a person:
the `officials` and `people` named queries on a graph we wrote."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import QueryResult, run_query

KGD = "https://w3id.org/diplograph/id/"
GRAPH = """@prefix kg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@base <https://w3id.org/diplograph/id/> .

<state/NOR> kg:kind "state" ; rdfs:label "Norway" ; kg:iso3 "NOR" .
<state/CHL> kg:kind "state" ; rdfs:label "Chile" ; kg:iso3 "CHL" .

<org/NOR/labour-party> kg:kind "political_party" ; rdfs:label "Labour Party" ;
    kg:state <state/NOR> .
<org/NOR/storting> kg:kind "parliament" ; rdfs:label "Storting" ; kg:state <state/NOR> .
<org/CHL/government> kg:kind "government" ; rdfs:label "Government of Chile" ;
    kg:state <state/CHL> .
<org/NOR/chess-club> kg:kind "organization" ; rdfs:label "Oslo Chess Club" ;
    kg:state <state/NOR> .
<org/rebel-front> kg:kind "armed_group" ; rdfs:label "Northern Rebel Front" .

# A minister with two posts, one of them in a ministry of a state.
<org/NOR/ministry-of-fisheries> kg:kind "ministry" ; rdfs:label "Ministry of Fisheries" ;
    kg:state <state/NOR> .
<person/ingrid-dahl> kg:kind "person" ; rdfs:label "Ingrid Dahl" ;
    kg:holds <post/minister> , <post/mayor> .
<post/minister> kg:kind "post" ; kg:title "Minister of Fisheries" ;
    kg:postIn <org/NOR/ministry-of-fisheries> .
<post/mayor> kg:kind "post" ; kg:title "mayor" .

# Members of political bodies, with no post.
<person/ola-berg> kg:kind "person" ; rdfs:label "Ola Berg" ; kg:memberOf <org/NOR/labour-party> .
<person/kari-lund> kg:kind "person" ; rdfs:label "Kari Lund" ; kg:memberOf <org/NOR/storting> .
<person/ana-rojas> kg:kind "person" ; rdfs:label "Ana Rojas" ; kg:memberOf <org/CHL/government> .

# A signatory, and a person who speaks for a state in a claim.
<agreement/accord> kg:kind "agreement" ; rdfs:label "Fjord Accord" ; kg:signatory <person/lena-ek> .
<person/lena-ek> kg:kind "person" ; rdfs:label "Lena Ek" .
<claim/1> kg:claimant <person/omar-haddad> ; kg:claimantOrganization <state/CHL> .
<person/omar-haddad> kg:kind "person" ; rdfs:label "Omar Haddad" .

# People who are no officials: a member of a club, a rebel, a writer with a state of her own,
# a journalist who speaks for a newspaper in a claim.
<org/NOR/courier> kg:kind "news_media" ; rdfs:label "Oslo Courier" .
<claim/2> kg:claimant <person/eva-moe> ; kg:claimantOrganization <org/NOR/courier> .
<person/eva-moe> kg:kind "person" ; rdfs:label "Eva Moe" .
<person/per-holm> kg:kind "person" ; rdfs:label "Per Holm" ; kg:memberOf <org/NOR/chess-club> .
<person/juan-soto> kg:kind "person" ; rdfs:label "Juan Soto" ; kg:memberOf <org/rebel-front> .
<person/marta-vidal> kg:kind "person" ; rdfs:label "Marta Vidal" ; kg:state <state/CHL> .
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("officials") / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def records(result: QueryResult) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_officials_are_people_with_a_post_or_in_a_political_body(graph):
    rows = records(run_query([graph], "officials"))
    assert [(r["name"], r["post"], r["org_name"], r["state_iso3"]) for r in rows] == [
        ("Ana Rojas", "", "Government of Chile", "CHL"),
        ("Ingrid Dahl", "Minister of Fisheries", "Ministry of Fisheries", "NOR"),
        ("Ingrid Dahl", "mayor", "", ""),
        ("Kari Lund", "", "Storting", "NOR"),
        ("Lena Ek", "", "", ""),
        ("Ola Berg", "", "Labour Party", "NOR"),
        ("Omar Haddad", "", "", "CHL"),
    ]


def test_people_lists_every_person_once_with_a_state(graph):
    result = run_query([graph], "people")
    assert result.columns == ["person", "name", "state_iso3"]
    rows = records(result)
    assert [(r["name"], r["state_iso3"]) for r in rows] == [
        ("Ana Rojas", "CHL"), ("Eva Moe", ""), ("Ingrid Dahl", "NOR"), ("Juan Soto", ""),
        ("Kari Lund", "NOR"), ("Lena Ek", ""), ("Marta Vidal", "CHL"), ("Ola Berg", "NOR"),
        ("Omar Haddad", ""), ("Per Holm", "NOR")]
    assert rows[0]["person"] == KGD + "person/ana-rojas"
