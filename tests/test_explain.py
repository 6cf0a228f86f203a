"""`kg explain` (kg.explain and kg/cli/explain.py) over the exports of examples/ (built once for
the session by the `examples_exports` fixture)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.explain import render
from kg.explain import AmbiguousName, Explanation, UnknownEntity, explain_graph
from kg.query import load_graph, query_graph
from kg.vocab import DATA_BASE

AZE = f"{DATA_BASE}state/AZE"
ALIYEV = f"{DATA_BASE}person/ilham-aliyev"


@pytest.fixture(scope="module")
def ttl(examples_exports: dict[str, Path]) -> Path:
    return examples_exports["ttl"]


@pytest.fixture(scope="module")
def graph(ttl: Path) -> rdflib.Graph:
    return load_graph([ttl])


def run(*args: str):
    return CliRunner().invoke(app, ["explain", *map(str, args)])


def facts_by(ex: Explanation, predicate: str) -> list:
    return [f for f in ex.facts if f.predicate == predicate]


def check_sources(ex: Explanation) -> None:
    """Every documented fact has sources whose highlights lie in their sentence."""
    for fact in ex.facts:
        assert fact.sources or fact.background, fact
        for source in fact.sources:
            assert source.document.startswith(f"{DATA_BASE}doc/") and source.sentence, source
            assert source.highlights, source
            for begin, end in source.highlights:
                assert 0 <= begin < end <= len(source.sentence), source
            assert 0 < source.confidence <= 1 and source.rule, source


# --- a state, a person, an agreement -------------------------------------------------------------

def test_explain_a_state(graph) -> None:
    ex = explain_graph(graph, "Azerbaijan")
    assert (ex.entity.iri, ex.entity.kind) == (AZE, "state")
    assert ex.mentions > 0 and ex.documents
    check_sources(ex)
    # Both directions: facts pointing at the state (an agreement's party) are there too.
    parties = [f for f in facts_by(ex, "party") if f.object == AZE]
    assert parties and all(f.direction == "incoming" for f in parties)
    # Its capital comes from kg's tables and says so.
    capital = facts_by(ex, "capital")
    assert capital and all(f.background for f in capital), capital


def test_explain_a_person(graph) -> None:
    ex = explain_graph(graph, "Ilham Aliyev")
    assert (ex.entity.iri, ex.entity.kind) == (ALIYEV, "person")
    check_sources(ex)
    assert facts_by(ex, "holds") and all(f.direction == "outgoing" for f in facts_by(ex, "holds"))
    signed = [f for f in facts_by(ex, "signatory") if f.object == ALIYEV]
    assert signed, [(f.subject_name, f.predicate) for f in ex.facts]
    # The highlight is his name in the sentence that says he signed.
    source = signed[0].sources[0]
    marked = [source.sentence[b:e] for b, e in source.highlights]
    assert "Ilham Aliyev" in marked, (marked, source.sentence)


def test_explain_an_agreement(graph) -> None:
    ex = explain_graph(graph, "trilateral statement")
    assert ex.entity.kind == "agreement"
    check_sources(ex)
    parties = {f.object for f in facts_by(ex, "party")}
    assert {f"{DATA_BASE}state/{c}" for c in ("ARM", "AZE", "RUS")} <= parties
    assert "2020-11-10" in {f.object for f in facts_by(ex, "dateSigned")}


# --- lookups -----------------------------------------------------------------------------------

def test_a_surname_alone_finds_the_person(graph) -> None:
    assert explain_graph(graph, "Aliyev").entity.iri == ALIYEV


@pytest.mark.parametrize("name", ["kgd:state/AZE", "state/AZE", AZE, "AZE", "azerbaijan"])
def test_iris_keys_codes_and_any_case_find_the_entity(graph, name: str) -> None:
    assert explain_graph(graph, name).entity.iri == AZE


def test_an_ambiguous_name_lists_the_candidates(graph) -> None:
    shared = query_graph(graph, "SELECT ?l WHERE { ?e rdfs:label ?l } GROUP BY ?l "
                                "HAVING (COUNT(?e) > 1) ORDER BY ?l").rows
    assert shared, "examples/ should have two entities with one label"
    label = shared[0][0]
    with pytest.raises(AmbiguousName) as caught:
        explain_graph(graph, label)
    assert len(caught.value.candidates) >= 2
    assert {c.name for c in caught.value.candidates} == {label}


def test_an_unknown_name_is_an_error(graph) -> None:
    with pytest.raises(UnknownEntity):
        explain_graph(graph, "Nobody Atall")


# --- claims ------------------------------------------------------------------------------------

def test_a_claimed_fact_names_its_claimant(graph) -> None:
    rows = query_graph(graph, "facts")
    claimed = [dict(zip(rows.columns, r)) for r in rows.rows if r[10]]
    assert claimed, "examples/ should report some fact within a claim"
    row = claimed[0]
    ex = explain_graph(graph, row["subject"])
    sources = [s for f in ex.facts if f.predicate == row["predicate"] and f.object == row["object"]
               for s in f.sources if s.claim]
    assert sources and sources[0].claimant == row["claimant_name"]


# --- the command -------------------------------------------------------------------------------

def test_cli_text_marks_the_mentions_in_brackets_when_piped(ttl: Path) -> None:
    result = run(ttl, "Ilham Aliyev")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ilham Aliyev (person) kgd:person/ilham-aliyev")
    assert "[Ilham Aliyev]" in result.output
    assert "confidence" in result.output and "—signatory→" in result.output


def test_cli_json_parses(ttl: Path) -> None:
    result = run(ttl, "Azerbaijan", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"] == {"iri": AZE, "name": "Azerbaijan", "kind": "state"}
    assert data["facts"] and {"subject", "predicate", "object", "direction", "background",
                              "sources"} <= set(data["facts"][0])


def test_cli_unknown_name_is_one_line_and_exit_1(ttl: Path) -> None:
    result = run(ttl, "Nobody Atall")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("kg: error: no entity is named 'Nobody Atall'")
    assert result.stderr.count("\n") == 1


def test_cli_ambiguous_name_prints_candidates_and_exits_1(ttl: Path) -> None:
    result = run(ttl, "Minister", "--format", "json")
    assert result.exit_code == 1
    candidates = json.loads(result.stdout)["candidates"]
    assert len(candidates) >= 2 and all(c["iri"].startswith(DATA_BASE) for c in candidates)
    assert "names" in result.stderr and result.stderr.startswith("kg: error:")


def test_cli_needs_a_graph_and_a_name() -> None:
    assert run("only-one-argument").exit_code == 2


def test_terminal_rendering_uses_rich_markup(graph) -> None:
    text = render(explain_graph(graph, "Ilham Aliyev"), markup=True)
    assert "[bold yellow]Ilham Aliyev[/bold yellow]" in text
