"""The seed article the project started from, end to end: build it, then check through the named
queries what a reader of the article knows.

The article lives outside the repo (`../shared/eval/seed.txt`, with its gold facts in
`seed_gold.jsonl`); it is read there and never copied in. Without it these tests skip.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kg.build import build
from kg.query import QueryResult, run_query

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "eval" / "seed.txt"

PLACE_NAMES = """
PREFIX kg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?place ?name WHERE {
  ?place kg:kind ?kind .
  FILTER (STR(?kind) = "place")
  ?place rdfs:label|skos:altLabel ?n .
  BIND (STR(?n) AS ?name)
}
"""


def rows(result: QueryResult) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED} (it is kept beside the repo, in "
                    "shared/eval)")
    out = tmp_path_factory.mktemp("seed") / "seed.ttl"
    result = build([str(SEED)], [str(out)])
    assert result.built == 1 and not result.skipped
    return out


def query(graph: Path, name: str) -> list[dict[str, str]]:
    return rows(run_query([graph], name))


def show(records: list[dict[str, str]]) -> str:
    return "\n".join(str(r) for r in records) or "(no rows)"


# --- states ------------------------------------------------------------------------------------

def test_states_include_the_parties_and_the_soviet_union(seed_graph: Path) -> None:
    states = {r["iso3"] for r in query(seed_graph, "states")}
    # "former Soviet republics" names the USSR (SUN, a dissolved state) too.
    missing = {"AZE", "ARM", "RUS", "SUN"} - states
    assert not missing, f"states missing: {sorted(missing)}; found {sorted(states)}"


# --- officials ---------------------------------------------------------------------------------

def test_mahmudov_heads_the_international_military_cooperation_department(seed_graph: Path
                                                                          ) -> None:
    officials = query(seed_graph, "officials")
    his = [r for r in officials if r["name"] == "Huseyn Mahmudov"]
    assert his, f"Huseyn Mahmudov is not an official:\n{show(officials)}"
    posts = [r for r in his if "International Military Cooperation Department" in r["post"]]
    assert posts, f"no post in the department for Mahmudov:\n{show(his)}"
    assert {r["state_iso3"] for r in posts} == {"AZE"}, show(posts)


# --- organizations -----------------------------------------------------------------------------

def test_the_department_belongs_to_the_ministry_of_defense(seed_graph: Path) -> None:
    organizations = query(seed_graph, "organizations")
    department = [r for r in organizations
                  if "International Military Cooperation Department" in r["name"]]
    assert department, f"no International Military Cooperation Department:\n{show(organizations)}"
    assert any(r["parent_name"] == "Ministry of Defense" and r["state_iso3"] == "AZE"
               and r["type"] == "department" for r in department), show(department)


def test_azerbaijan_has_a_ministry_of_defense(seed_graph: Path) -> None:
    organizations = query(seed_graph, "organizations")
    ministries = [r for r in organizations if r["type"] == "ministry" and r["state_iso3"] == "AZE"
                  and ("defense" in r["name"].lower() or "defence" in r["name"].lower())]
    assert ministries, f"no ministry of defense of AZE:\n{show(organizations)}"


@pytest.mark.parametrize("iso3", ["AZE", "ARM"])
def test_both_sides_have_armed_forces(seed_graph: Path, iso3: str) -> None:
    organizations = query(seed_graph, "organizations")
    armed = [r for r in organizations if r["type"] == "armed_forces" and r["state_iso3"] == iso3]
    assert armed, f"no armed forces of {iso3}:\n{show(organizations)}"


# --- places ------------------------------------------------------------------------------------

@pytest.mark.parametrize("names", [("Kalbajar",), ("Lachin",), ("Dashkasan", "Dashkesan"),
                                   ("Nagorno-Karabakh",)], ids=lambda n: n[0])
def test_places_of_the_article_lie_in_azerbaijan(seed_graph: Path, names: tuple[str, ...]
                                                 ) -> None:
    wanted = {n.lower() for n in names}
    named = {r["place"] for r in rows(run_query([seed_graph], PLACE_NAMES))
             if r["name"].lower() in wanted}
    places = query(seed_graph, "places")
    assert named, f"no place labelled or aliased {' or '.join(names)}:\n{show(places)}"
    found = [r for r in places if r["place"] in named]
    assert found, f"{names[0]} has labels but is not in the places query"
    assert {r["state_iso3"] for r in found} == {"AZE"}, show(found)


# --- agreements --------------------------------------------------------------------------------

def agreements(graph: Path) -> dict[str, dict[str, set[str]]]:
    """Agreement IRI → its names, dates, statuses and party ISO3 codes (over its rows)."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in query(graph, "agreements"):
        entry = found[r["agreement"]]
        for field, column in (("names", "name"), ("dates", "date"), ("statuses", "status"),
                              ("parties", "party_iso3")):
            if r[column]:
                entry[field].add(r[column])
    return found


def test_the_trilateral_statement_of_10_november_2020(seed_graph: Path) -> None:
    found = agreements(seed_graph)
    dated = {iri: a for iri, a in found.items() if "2020-11-10" in a["dates"]}
    assert len(dated) == 1, f"expected one agreement dated 2020-11-10, got {dict(dated) or found}"
    statement = next(iter(dated.values()))
    assert statement["dates"] == {"2020-11-10"}, statement
    assert statement["parties"] == {"AZE", "ARM", "RUS"}, statement
    assert statement["statuses"] == {"signed"}, statement


def test_the_peace_treaty_is_not_signed_yet(seed_graph: Path) -> None:
    found = agreements(seed_graph)
    treaties = {iri: a for iri, a in found.items()
                if any("peace treaty" in name.lower() for name in a["names"])}
    assert treaties, f"no peace treaty among {dict(found)}"
    assert len(treaties) == 1, f"the peace treaty appears more than once: {treaties}"
    treaty = next(iter(treaties.values()))
    assert treaty["parties"] == {"AZE", "ARM"}, treaty
    assert treaty["statuses"], f"the peace treaty has no status: {treaty}"
    assert treaty["statuses"] <= {"proposed", "under_negotiation"}, treaty


# --- claims ------------------------------------------------------------------------------------

def is_defense_ministry(name: str) -> bool:
    lower = name.lower()
    return "ministry" in lower and ("defense" in lower or "defence" in lower)


def test_the_accusation_of_delaying_the_peace_treaty_is_claimed_not_asserted(seed_graph: Path
                                                                             ) -> None:
    claims = query(seed_graph, "claims")
    accusations = [r for r in claims if "delay" in r["text"] and "peace treaty" in r["text"]]
    assert accusations, f"no claim about delaying the peace treaty:\n{show(claims)}"
    for r in accusations:
        assert r["claimant_name"] == "Huseyn Mahmudov" or is_defense_ministry(r["claimant_org"]), r
        assert r["document"].endswith("/doc/seed") and int(r["begin"]) < int(r["end"]), r
    # The quotation is Mahmudov's, who speaks for a department of the ministry.
    assert any(r["claimant_name"] == "Huseyn Mahmudov" for r in accusations), show(accusations)
    # The opening sentence is an unnamed official's of the ministry.
    assert any(is_defense_ministry(r["claimant_org"]) for r in accusations), show(accusations)


def test_facts_inside_reported_speech_carry_their_claimant(seed_graph: Path) -> None:
    facts = query(seed_graph, "facts")
    # The article reports the signing of the trilateral statement through what Mahmudov said.
    signed = [r for r in facts if r["predicate"] == "dateSigned" and r["object"] == "2020-11-10"]
    assert signed, show(facts)
    assert {r["claimant_name"] for r in signed} == {"Huseyn Mahmudov"}, show(signed)
    # The peace treaty's status comes from the words of an official of the ministry.
    status = [r for r in facts
              if r["predicate"] == "status" and "peace" in r["subject_name"].lower()]
    assert status and all(r["claimant_name"] for r in status), show(status)
    # His post is stated by the article itself, not by him.
    holds = [r for r in facts
             if r["predicate"] == "holds" and r["subject_name"] == "Huseyn Mahmudov"]
    assert holds and not any(r["claimant_name"] for r in holds), show(holds)
