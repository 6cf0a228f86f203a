"""`kg explain` takes every IRI kg prints, short (`kgd:claim/…`) or full: entities, claims,
assertions, background facts, documents, mentions, named graphs and the build's records
(kg/explain_records.py), over the exports of examples/ (tests/conftest.py builds them once)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.explain import Explanation, UnknownEntity, explain_graph
from kg.explain_records import RecordExplanation
from kg.query import load_graph, query_graph
from kg.query_output import compact_iri
from kg.vocab import DATA_BASE


@pytest.fixture(scope="module")
def loaded(examples_exports: dict[str, Path]) -> dict[str, rdflib.Graph]:
    """The Turtle and the TriG export of examples/, each read as kg explain reads them."""
    return {kind: load_graph([path]) for kind, path in examples_exports.items()}


@pytest.fixture
def graph(loaded) -> rdflib.Graph:
    return loaded["ttl"]


@pytest.fixture
def trig(loaded) -> rdflib.Graph:
    return loaded["trig"]


@pytest.fixture
def ttl(examples_exports: dict[str, Path]) -> Path:
    return examples_exports["ttl"]


def first(graph: rdflib.Graph, pattern: str) -> str:
    rows = query_graph(graph, f"SELECT ?x WHERE {{ {pattern} }} ORDER BY ?x LIMIT 1").rows
    assert rows, f"examples/ has nothing matching {pattern}"
    return rows[0][0]


def shapes(iri: str) -> str:
    """What kind of IRI kg minted: its first path segment under the data base ('doc#' for a
    mention, whose IRI is its document's with a fragment)."""
    path = iri.removeprefix(DATA_BASE)
    return path.split("/")[0] + ("#" if "#" in path else "")


def test_every_iri_shape_kg_writes_is_explained(trig) -> None:
    subjects = query_graph(trig, "SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION "
                                 "{ GRAPH ?s { ?x ?y ?z } } } ORDER BY ?s").rows
    one_of_each: dict[str, str] = {}
    for (iri,) in subjects:
        if iri.startswith(DATA_BASE):
            one_of_each.setdefault(shapes(iri), iri)
    # The shapes kg/export/rdf_terms.py mints (entities by their kind's segment).
    assert {"claim", "assertion", "background", "doc", "doc#", "graph", "table", "build",
            "software", "model", "state", "person", "agreement"} <= set(one_of_each)
    for shape, iri in one_of_each.items():
        for form in (iri, compact_iri(iri)):
            explained = explain_graph(trig, form)
            got = explained.entity.iri if isinstance(explained, Explanation) else explained.iri
            if shape == "graph":   # a named graph is explained as the document it holds
                assert got == iri.replace("/graph/", "/doc/"), (form, got)
            else:
                assert got == iri, (form, got)


def test_a_claim_shows_its_claimant_and_the_facts_it_reports(graph) -> None:
    claim = first(graph, "?a kg:claim ?x . ?x kg:claimant ?who")
    for form in (claim, compact_iri(claim), f"<{claim}>"):
        record = explain_graph(graph, form)
        assert isinstance(record, RecordExplanation) and record.kind == "claim"
        assert any(p.predicate == "kg:claimant" for p in record.properties)
        assert record.facts and all(s.claim == claim for f in record.facts for s in f.sources)


def test_an_assertion_shows_the_one_fact_it_states_with_its_sentence(graph) -> None:
    assertion = first(graph, "?x a kg:Assertion")
    record = explain_graph(graph, compact_iri(assertion))
    assert record.kind == "assertion" and len(record.facts) == 1
    subject = next(p.value for p in record.properties if p.predicate == "rdf:subject")
    fact = record.facts[0]
    assert fact.subject == subject and len(fact.sources) == 1 and fact.sources[0].highlights


def test_a_document_lists_its_entities_and_facts(graph) -> None:
    document = first(graph, "?x a schema:NewsArticle")
    record = explain_graph(graph, compact_iri(document))
    assert record.kind == "document"
    assert record.mentioned and record.facts
    assert all(s.document == document for f in record.facts for s in f.sources)


def test_a_mention_names_the_entity_it_identifies(graph) -> None:
    mention = first(graph, "?x a nif:Phrase")
    record = explain_graph(graph, compact_iri(mention))
    assert record.kind == "mention"
    entity = next(p for p in record.properties if p.predicate == "itsrdf:taIdentRef")
    assert entity.name != entity.value   # the entity's label, not only its IRI


def test_a_background_fact_names_its_table(graph) -> None:
    record = explain_graph(graph, first(graph, "?x a kg:BackgroundAssertion"))
    assert record.kind == "background fact"
    assert any(p.predicate == "prov:wasDerivedFrom" and "/table/" in p.value
               for p in record.properties)


@pytest.mark.parametrize("iri", ["kgd:claim/0000000000000000",
                                 f"{DATA_BASE}doc/no-such-document"])
def test_an_unknown_iri_is_an_error_with_a_hint(graph, iri) -> None:
    with pytest.raises(UnknownEntity, match="IRIs kg prints"):
        explain_graph(graph, iri)


def test_cli_explains_a_claim_as_text_and_json(ttl, graph) -> None:
    claim = compact_iri(first(graph, "?a kg:claim ?x"))
    text = CliRunner().invoke(app, ["explain", str(ttl), claim])
    assert text.exit_code == 0, text.output
    assert f"(claim) {claim}" in text.stdout.splitlines()[0] and "Facts (" in text.stdout
    data = json.loads(CliRunner().invoke(app, ["explain", str(ttl), claim, "-f", "json"]).stdout)
    assert data["kind"] == "claim" and data["facts"]


def test_cli_unknown_iri_is_one_line_and_exit_1(ttl) -> None:
    result = CliRunner().invoke(app, ["explain", str(ttl), "kgd:claim/0000000000000000"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("kg: error: nothing in the graph has the IRI")
    assert result.stderr.count("\n") == 1
