"""Every fact traceable: the provenance the exports carry, checked through the named queries.

examples/ is built once for the module (Turtle and TriG); so are four small documents written
here, which give one ministry in two documents and two dates for one agreement.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import rdflib

from kg.build import build
from kg.query import QueryResult, load_graph, query_graph
from kg.validate import validate_graph
from kg.vocab import DATA_BASE, KG, PROV

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Our own documents: the Armenian defence ministry named two ways in two documents (a, b); one
# agreement signed on two different dates by two documents' account (c, d); claims by a named
# speaker (e) and by unnamed ones (f).
OWN_DOCUMENTS = {
    "a": "YEREVAN, March 5, 2024 (kg) — The Armenian Defense Ministry said Azerbaijani troops "
         "had opened fire near Jermuk.\n",
    "b": "Armenia's Defence Ministry reported new shelling on the border on Wednesday.\n",
    "c": "Armenia and Azerbaijan signed the Washington Peace Agreement on Aug. 8, 2025.\n",
    "d": "The Washington Peace Agreement was signed by Armenia and Azerbaijan on Aug. 9, 2025.\n",
    "e": "YEREVAN, March 7, 2024 (kg) — Prime Minister Nikol Pashinyan of Armenia said on "
         "Tuesday that Armenia and Azerbaijan had signed a ceasefire agreement in Brussels.\n",
    "f": "Witnesses said that Armenia and Azerbaijan had signed a ceasefire agreement in "
         "Brussels.\n",
}


def rows(result: QueryResult) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


_LOADED: dict[Path, rdflib.Graph] = {}
_RESULTS: dict[tuple[Path, str], QueryResult] = {}


def run_query(paths: list[Path], query: str) -> QueryResult:
    """kg.query.run_query, with each export parsed and each query run once for the module
    (rdflib takes seconds over examples/; the exports do not change)."""
    [path] = paths
    if path not in _LOADED:
        _LOADED[path] = load_graph([path])
    if (path, query) not in _RESULTS:
        _RESULTS[path, query] = query_graph(_LOADED[path], query)
    return _RESULTS[path, query]


def doc_iri(doc_id: str) -> str:
    return f"{DATA_BASE}doc/{doc_id}"


@pytest.fixture(scope="module")
def examples(examples_exports: dict[str, Path]) -> dict[str, Path]:
    return examples_exports


@pytest.fixture(scope="module")
def own(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("own")
    for doc_id, text in OWN_DOCUMENTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = folder / "own.ttl"
    build([str(folder)], [str(out)], cache=False)
    return out


def document_texts(graph: Path) -> dict[str, str]:
    found = rows(run_query([graph], "SELECT ?doc ?text WHERE { ?doc nif:isString ?text }"))
    return {r["doc"]: r["text"] for r in found}


# --- the named queries' columns ------------------------------------------------------------------

@pytest.mark.parametrize("name, columns", [
    ("facts", ["subject", "subject_name", "predicate", "object", "object_name", "document",
               "sentence", "begin", "end", "confidence", "claimant_name", "rule"]),
    ("claims", ["claim", "claimant_name", "claimant_org", "date", "text", "document", "begin",
                "end"]),
    ("mentions", ["entity", "name", "document", "begin", "end", "anchor"]),
])
def test_provenance_queries_have_the_documented_columns(examples, name, columns) -> None:
    # The issue fixes these columns in this order; `rule` is one extra column after them.
    assert run_query([examples["ttl"]], name).columns == columns


# --- facts -------------------------------------------------------------------------------------

def test_the_exported_text_is_the_text_read(examples) -> None:
    texts = document_texts(examples["ttl"])
    for path in EXAMPLES.glob("*.txt"):
        assert texts[doc_iri(path.stem)] == path.read_text(encoding="utf-8"), path.name
    for path in EXAMPLES.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert texts[doc_iri(record["id"])] == record["text"], record["id"]


def test_every_fact_row_slices_its_document_to_a_mention_of_its_subject_or_object(examples
                                                                                   ) -> None:
    graph = examples["ttl"]
    texts = document_texts(graph)
    mentions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for m in rows(run_query([graph], "mentions")):
        mentions[m["document"]].append(m)
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows(run_query([graph], "SELECT ?e ?n WHERE { ?e rdfs:label|skos:altLabel ?n }")):
        names[r["e"]].add(r["n"].lower())
    facts = rows(run_query([graph], "facts"))
    assert len(facts) > 100
    unsupported = []
    for r in facts:
        text = texts[r["document"]]  # every row names an exported document
        begin, end = int(r["begin"]), int(r["end"])
        assert 0 <= begin < end <= len(text), r
        assert r["sentence"] and r["sentence"] in text, r
        span, ends = text[begin:end], (r["subject"], r["object"])
        mentioned = any(m["entity"] in ends and begin <= int(m["begin"])
                        and int(m["end"]) <= end for m in mentions[r["document"]])
        named = any(n in span.lower() for e in ends for n in names[e])
        if not (mentioned or named):
            unsupported.append(f"{r['subject']} {r['predicate']} {r['object']}: {span!r}")
    assert not unsupported, "spans naming neither end of their fact:\n" + "\n".join(unsupported)


def test_facts_lists_one_row_per_assertion_and_no_background_fact(examples) -> None:
    graph = examples["ttl"]
    count = rows(run_query([graph], "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Assertion }"))
    background = rows(run_query(
        [graph], "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:BackgroundAssertion }"))
    assert int(background[0]["n"]) > 0, "the examples should have background facts to leave out"
    facts = rows(run_query([graph], "facts"))
    assert len(facts) == int(count[0]["n"])
    assert all(r["document"].startswith(f"{DATA_BASE}doc/") for r in facts)


def test_each_documents_assertions_live_in_its_named_graph(examples) -> None:
    found = rows(run_query([examples["trig"]], """
        SELECT ?g ?doc WHERE { GRAPH ?g { ?a a kg:Assertion ; prov:wasDerivedFrom ?doc } }"""))
    assert found
    misplaced = [r for r in found if r["g"] != r["doc"].replace("/doc/", "/graph/", 1)]
    assert not misplaced, misplaced[:5]


# --- mentions ----------------------------------------------------------------------------------

def test_every_mention_anchor_is_the_text_between_its_offsets(examples) -> None:
    texts = document_texts(examples["ttl"])
    found = rows(run_query([examples["ttl"]], "mentions"))
    assert found
    wrong = [m for m in found
             if texts[m["document"]][int(m["begin"]):int(m["end"])] != m["anchor"]]
    assert not wrong, wrong[:5]


# --- across documents ----------------------------------------------------------------------------

def test_one_ministry_in_two_documents_is_one_node_with_both_sources(own) -> None:
    found = rows(run_query([own], """
        SELECT ?org ?doc WHERE {
          ?org kg:kind "ministry" ; kg:state <https://w3id.org/diplograph/id/state/ARM> .
          ?m itsrdf:taIdentRef ?org ; nif:referenceContext ?doc .
        }"""))
    assert {r["org"] for r in found} and len({r["org"] for r in found}) == 1, found
    assert {r["doc"] for r in found} == {doc_iri("a"), doc_iri("b")}
    ministry = found[0]["org"]
    sources = {r["document"] for r in rows(run_query([own], "facts"))
               if r["subject"] == ministry and r["predicate"] == "state"}
    assert sources == {doc_iri("a"), doc_iri("b")}


def test_two_dates_for_one_agreement_are_both_kept_with_their_sources(own) -> None:
    dates = [r for r in rows(run_query([own], "facts")) if r["predicate"] == "dateSigned"
             and "Washington" in r["subject_name"]]
    assert len({r["subject"] for r in dates}) == 1, dates  # one agreement: keys have no date
    assert {(r["object"], r["document"]) for r in dates} == {
        ("2025-08-08", doc_iri("c")), ("2025-08-09", doc_iri("d"))}
    agreements = rows(run_query([own], "agreements"))
    assert {r["date"] for r in agreements if "Washington" in r["name"]} == {
        "2025-08-08", "2025-08-09"}


# --- claims --------------------------------------------------------------------------------------

def test_a_claim_is_exported_with_its_claimant_date_span_and_document(own) -> None:
    [claim] = [r for r in rows(run_query([own], "claims")) if r["document"] == doc_iri("e")]
    text = OWN_DOCUMENTS["e"]
    assert claim["claimant_name"] == "Nikol Pashinyan"
    assert claim["claimant_org"] == "Armenia"
    assert claim["date"] == "2024-03-05"  # "on Tuesday" before the dateline's Thursday
    assert text[int(claim["begin"]):int(claim["end"])] == claim["text"]
    assert claim["text"].startswith("Armenia and Azerbaijan had signed a ceasefire agreement")
    facts = [r for r in rows(run_query([own], "facts")) if r["document"] == doc_iri("e")]
    claimed = [r for r in facts if "/agreement/" in r["subject"]]
    assert claimed and {r["claimant_name"] for r in claimed} == {"Nikol Pashinyan"}
    assert {r["claimant_name"] for r in facts if r["predicate"] == "holds"} == {""}
    cue = rows(run_query([own], "SELECT ?cue WHERE { ?c a kg:Claim ; kg:cue ?cue ; "
                               f"prov:wasDerivedFrom <{doc_iri('e')}> }}"))
    assert [r["cue"] for r in cue] == ["said"]


def test_a_fact_claimed_by_unnamed_speakers_is_still_marked(own) -> None:
    [claim] = [r for r in rows(run_query([own], "claims")) if r["document"] == doc_iri("f")]
    assert (claim["claimant_name"], claim["claimant_org"]) == ("", "")
    facts = [r for r in rows(run_query([own], "facts")) if r["document"] == doc_iri("f")]
    assert facts and {r["claimant_name"] for r in facts} == {"(unnamed)"}


# --- validation ----------------------------------------------------------------------------------

def test_the_exports_conform_to_the_shapes(examples, own) -> None:
    # The TriG export holds the same triples; tests/test_validate.py checks a TriG's union.
    for path in (examples["ttl"], own):
        report = validate_graph([path])
        assert report.conforms, (path.name, report.violations[:5])


@pytest.mark.parametrize("kind", [KG.Assertion, KG.Claim], ids=["assertion", "claim"])
def test_a_node_without_its_source_document_does_not_conform(own, tmp_path, kind) -> None:
    graph = rdflib.Graph().parse(own, format="turtle")
    node = sorted(graph.subjects(rdflib.RDF.type, kind))[0]
    graph.remove((node, PROV.wasDerivedFrom, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    report = validate_graph([broken])
    assert not report.conforms
    assert [v.path for v in report.violations
            if v.focus.endswith(str(node).rsplit("/", 1)[-1])] == ["prov:wasDerivedFrom"]
