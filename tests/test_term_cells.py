"""One cell text per RDF term, whichever backend gives the term (kg.query_output.term_text):
an rdflib term (files), a pyoxigraph term (a store) and a SPARQL JSON term (an endpoint); and
what a parser or a server said, cut to one line for an error message (kg.errors.one_line)."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib

from kg.endpoint import _from_json
from kg.errors import QueryError, one_line
from kg.query_output import ask_result, term_text, triples_result

XSD = "http://www.w3.org/2001/XMLSchema#"
TREATY = "https://example.org/id/treaty/1"


@pytest.mark.parametrize("rdflib_term, oxigraph_term, json_term, cell", [
    (rdflib.URIRef(TREATY), ox.NamedNode(TREATY), {"type": "uri", "value": TREATY}, TREATY),
    (rdflib.BNode("b7"), ox.BlankNode("b7"), {"type": "bnode", "value": "b7"}, "_:b7"),
    (rdflib.Literal("1.50", datatype=rdflib.URIRef(XSD + "decimal")),
     ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")),
     {"type": "typed-literal", "value": "1.50", "datatype": XSD + "decimal"}, "1.5"),
    (rdflib.Literal("Accord de Lomé", lang="fr"), ox.Literal("Accord de Lomé", language="fr"),
     {"type": "literal", "value": "Accord de Lomé", "xml:lang": "fr"}, "Accord de Lomé"),
    (None, None, None, ""),
])
def test_every_backend_gives_the_same_cell(rdflib_term, oxigraph_term, json_term, cell):
    assert term_text(rdflib_term) == term_text(oxigraph_term) == term_text(json_term) == cell


def test_ask_and_triples_results():
    assert ask_result(False).rows == [["false"]]
    result = triples_result([(ox.NamedNode(TREATY), ox.NamedNode(XSD + "p"), ox.Literal("b")),
                             (rdflib.URIRef(TREATY), rdflib.URIRef(XSD + "p"),
                              rdflib.Literal("a"))])
    assert (result.columns, result.rows) == (["s", "p", "o"], [[TREATY, XSD + "p", "a"],
                                                              [TREATY, XSD + "p", "b"]])


def test_an_endpoint_binding_that_is_no_term_is_a_malformed_answer():
    body = json.dumps({"head": {"vars": ["x"]},
                       "results": {"bindings": [{"x": "not a term"}]}}).encode()
    with pytest.raises(QueryError, match="malformed SPARQL JSON"):
        _from_json("http://127.0.0.1:7878/query", body)


@pytest.mark.parametrize("text, limit, line", [
    ("\n  Parse error:\tunexpected  '}'\nSELECT * WHERE { ?s ?p ?o }}\n", 200,
     "Parse error: unexpected '}'"),
    ("x" * 30, 10, "x" * 9 + "…"),
    (" \n\t\n", 200, ""),
])
def test_one_line_keeps_the_first_line_short(text, limit, line):
    assert one_line(text, limit) == line
