"""The RDF exporter: every format round-trips, the triples that matter are there, the shapes hold,
broken graphs are caught, output is deterministic, bad extensions fail cleanly."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import model
from kg.errors import OutputError
from kg.export.rdf import (RDF_FORMATS, BuildInfo, digest, rdf_format, to_rdf, typed_date,
                           write_rdf)
from kg.model import Claim, Document, Entity, Evidence, Fact, KnowledgeGraph, Mention
from kg.ontology_files import ontology_path, shapes_path
from kg import vocab
from kg.vocab import DATA_BASE, ITSRDF, KG, NIF, PROV, RDF, RDFS, SKOS

BUILD = BuildInfo(kg_version="0.1.0", model_name="en_core_web_sm", model_version="3.8.0")
AZE, ARM, RUS = "state/AZE", "state/ARM", "state/RUS"
MOD = "org/AZE/ministry-of-defense"
DEPT = "org/AZE/international-military-cooperation-department"
PERSON = "person/huseyn-mahmudov"
POST = f"post/{DEPT}/head"
DEAL = "agreement/ARM-AZE-RUS/trilateral-statement"
BAKU = "place/AZE/baku"
D1, D2 = "d1", "Moscow report ü"   # the second id needs percent-encoding
TEXT1 = ("BAKU, Nov. 10 -- Azerbaijan, Armenia and Russia signed a trilateral statement on "
         "Nov. 10, 2020, said Huseyn Mahmudov, head of the International Military Cooperation "
         "Department of the Ministry of Defense.")
TEXT2 = "Moscow said the statement Azerbaijan signed in November 2020 is in force."


def _span(text: str, phrase: str) -> tuple[int, int]:
    begin = text.index(phrase)
    return begin, begin + len(phrase)


def _evidence(doc: str, text: str, phrase: str, rule: str, claim: str | None = None) -> Evidence:
    b, e = _span(text, phrase)
    return Evidence(doc, b, e, 0, len(text), rule, 0.9, claim)


def _entities() -> list[Entity]:
    return [
        Entity(AZE, model.STATE, "Azerbaijan", {"Azerbaijani Republic"},
               {"iso3": "AZE", "geonames": 587116, "wikidata": "Q227", "pipeline_note": "x"}),
        Entity(ARM, model.STATE, "Armenia", attributes={"iso3": "ARM"}),
        Entity(RUS, model.STATE, "Russia", attributes={"iso3": "RUS"}),
        Entity(MOD, model.MINISTRY, "Ministry of Defense"),
        Entity(DEPT, model.DEPARTMENT, "International Military Cooperation Department"),
        Entity(PERSON, model.PERSON, "Huseyn Mahmudov"),
        Entity(POST, model.POST, "head of the International Military Cooperation Department",
               attributes={"title": "head"}),
        Entity(DEAL, model.AGREEMENT, "trilateral statement",
               attributes={"agreement_kind": "statement"}),
        Entity(BAKU, model.PLACE, "Baku", attributes={"latitude": 40.37767,
                                                      "longitude": 49.89201}),
    ]


def _first_document() -> model.DocumentExtraction:
    ex = model.DocumentExtraction(Document(D1, TEXT1, title="Statement signed", date="2020-11-10",
                                           source="Example Wire", url="https://example.org/a b",
                                           dateline_place="BAKU"))
    for entity in _entities():
        ex.add_entity(entity)
    for key, phrase in [(AZE, "Azerbaijan"), (ARM, "Armenia"), (RUS, "Russia"),
                        (PERSON, "Huseyn Mahmudov"), (MOD, "Ministry of Defense"),
                        (DEAL, "trilateral statement")]:
        ex.mentions.append(Mention(key, D1, *_span(TEXT1, phrase), phrase))
    facts = [(MOD, model.STATE_OF, AZE, "Ministry of Defense"),
             (DEPT, model.PARENT_ORGANIZATION, MOD, "Department of the Ministry"),
             (PERSON, model.HOLDS, POST, "Huseyn Mahmudov, head"),
             (POST, model.POST_IN, DEPT, "head of the International"),
             (DEAL, model.PARTY, AZE, "Azerbaijan"), (DEAL, model.PARTY, ARM, "Armenia"),
             (DEAL, model.PARTY, RUS, "Russia"),
             (DEAL, model.DATE_SIGNED, "2020-11-10", "Nov. 10, 2020")]
    for s, p, o, phrase in facts:
        ex.facts.append((Fact(s, p, o), _evidence(D1, TEXT1, phrase, "pattern:test")))
    return ex


def _second_document() -> model.DocumentExtraction:
    ex = model.DocumentExtraction(Document(D2, TEXT2, date="2020-11"))
    for entity in _entities():
        if entity.key in (AZE, RUS, DEAL):
            ex.add_entity(entity)
    ex.mentions.append(Mention(AZE, D2, *_span(TEXT2, "Azerbaijan"), "Azerbaijan"))
    claimed = _span(TEXT2, "the statement Azerbaijan signed in November 2020 is in force")
    ex.claims.append(Claim("c1", D2, *claimed, claimant=RUS, claimant_org=None, date="2020-11",
                           cue="said"))
    ex.facts.append((Fact(DEAL, model.PARTY, AZE),
                     _evidence(D2, TEXT2, "Azerbaijan signed", "dep:subj-signed")))
    ex.facts.append((Fact(DEAL, model.DATE_SIGNED, "2020-11"),
                     _evidence(D2, TEXT2, "November 2020", "dep:date", claim="c1")))
    ex.facts.append((Fact(DEAL, model.STATUS, "in_force"),
                     _evidence(D2, TEXT2, "is in force", "pattern:status", claim="c1")))
    return ex


def sample_graph() -> KnowledgeGraph:
    """A small graph with every part of the RDF model (also used by the determinism check)."""
    graph = model.merge_extractions([_first_document(), _second_document()])
    graph.add_background(Fact(AZE, model.CAPITAL, BAKU), "capitals")
    graph.add_background(Fact(ARM, model.CAPITAL, "place/ARM/yerevan"), "capitals")  # unknown
    return graph


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def flat(graph: KnowledgeGraph) -> Graph:
    """Everything in one graph, as the single-graph formats hold it."""
    return to_rdf(graph, build_info=BUILD, named_graphs=False).default_graph


def kgd(key: str) -> URIRef:
    return URIRef(DATA_BASE + key)


def union(dataset: Dataset) -> Graph:
    merged = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def conforms(data: Graph, with_ontology: bool = False) -> tuple[bool, str]:
    """SHACL validation; the shapes need neither inference nor the ontology mixed in."""
    ontology = Graph().parse(ontology_path()) if with_ontology else None
    ok, _, text = pyshacl.validate(data, shacl_graph=Graph().parse(shapes_path()),
                                   ont_graph=ontology, inference="none")
    return ok, text


# -- formats -------------------------------------------------------------------------------

@pytest.mark.parametrize("ext", [".ttl", ".nt", ".jsonld", ".rdf"])
def test_single_graph_formats_round_trip(graph, flat, tmp_path, ext):
    path = tmp_path / f"g{ext}"
    write_rdf(graph, path, build_info=BUILD)
    parsed = Graph().parse(path, format=RDF_FORMATS[ext])
    assert isomorphic(parsed, flat)


@pytest.mark.parametrize("ext", [".trig", ".nq"])
def test_dataset_formats_round_trip_with_named_graphs(graph, flat, tmp_path, ext):
    path = tmp_path / f"g{ext}"
    write_rdf(graph, path, build_info=BUILD)
    parsed = Dataset().parse(path, format=RDF_FORMATS[ext])
    expected = to_rdf(graph, build_info=BUILD)
    names = {g.identifier for g in parsed.graphs()} - {parsed.default_graph.identifier}
    assert names == {kgd("graph/d1"), kgd("graph/Moscow%20report%20%C3%BC")}
    for name in names:
        assert isomorphic(parsed.graph(name), expected.graph(name))
    assert isomorphic(parsed.default_graph, expected.default_graph)
    assert isomorphic(union(parsed), flat)


def test_named_graphs_split_documents_from_entities(graph):
    dataset = to_rdf(graph, build_info=BUILD)
    default, g1 = dataset.default_graph, dataset.graph(kgd("graph/d1"))
    g2 = dataset.graph(kgd("graph/Moscow%20report%20%C3%BC"))
    # A fact's triple is in the default graph once, however many documents state it; each
    # document's graph holds its own assertion of it.
    party_aze = (kgd(DEAL), KG.party, kgd(AZE))
    assert party_aze in default and party_aze not in g1 and party_aze not in g2
    for g in (g1, g2):
        assert [a for a in g.subjects(RDF.object, kgd(AZE))
                if (a, RDF.predicate, KG.party) in g and (a, RDF.subject, kgd(DEAL)) in g]
    assert (kgd(AZE), RDF.type, KG.State) in default and (kgd(AZE), RDF.type, KG.State) not in g1
    assert (kgd("doc/d1"), NIF.isString, Literal(TEXT1)) in g1
    assert (kgd(AZE), KG.capital, kgd(BAKU)) in default
    assert len(list(g2.subjects(RDF.type, KG.Claim))) == 1


def test_jsonld_has_an_inline_context(graph, tmp_path):
    path = tmp_path / "g.jsonld"
    write_rdf(graph, path, build_info=BUILD)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data["@context"], dict)
    assert data["@context"]["kg"] == str(KG) and data["@context"]["kgd"] == DATA_BASE


def test_unknown_extension_raises_and_leaves_no_file(graph, tmp_path):
    for name in ("g.xyz", "g.graphml", "g"):
        with pytest.raises(OutputError) as info:
            write_rdf(graph, tmp_path / name, build_info=BUILD)
        assert ".ttl" in str(info.value) and ".gexf" in str(info.value)
    assert list(tmp_path.iterdir()) == []
    assert rdf_format("EXPORT.TTL") == "turtle" and rdf_format(Path("a/b.nq")) == "nquads"


def test_base_must_be_an_absolute_iri_ending_in_a_slash(graph):
    for bad in ("https://example.org/data", "data/", "https://example.org/d#"):
        with pytest.raises(OutputError):
            to_rdf(graph, base=bad, build_info=BUILD)
    custom = to_rdf(graph, base="https://example.org/kg/", build_info=BUILD, named_graphs=False)
    assert (URIRef("https://example.org/kg/state/AZE"), RDF.type, KG.State) in custom


# -- the triples that matter ---------------------------------------------------------------

def test_entities(flat):
    aze = kgd(AZE)
    assert list(flat.objects(aze, RDF.type)) == [KG.State]
    assert (aze, RDFS.label, Literal("Azerbaijan")) in flat
    assert (aze, SKOS.altLabel, Literal("Azerbaijani Republic")) in flat
    assert (aze, KG.kind, Literal("state")) in flat
    assert (aze, KG.iso3, Literal("AZE")) in flat
    assert set(flat.objects(aze, SKOS.exactMatch)) == {URIRef("https://sws.geonames.org/587116/"),
                                                   URIRef("http://www.wikidata.org/entity/Q227")}
    assert (kgd(MOD), RDF.type, KG.Ministry) in flat
    assert (kgd(DEPT), KG.parentOrganization, kgd(MOD)) in flat
    assert (kgd(PERSON), KG.holds, kgd(POST)) in flat
    assert (kgd(POST), KG.postIn, kgd(DEPT)) in flat
    assert (kgd(POST), KG.title, Literal("head")) in flat
    assert (kgd(DEAL), KG.agreementKind, Literal("statement")) in flat
    lat = flat.value(kgd(BAKU), vocab.SCHEMA.latitude)
    assert lat == Literal("40.37767", datatype=vocab.XSD.decimal)


def test_unknown_attributes_and_dangling_links_are_left_out(flat):
    assert not any("pipeline_note" in str(p) for p in flat.predicates())
    yerevan = kgd("place/ARM/yerevan")
    assert (None, None, yerevan) not in flat and (yerevan, None, None) not in flat


@pytest.mark.parametrize("value,datatype", [
    ("2020-11-10", vocab.XSD.date), ("2020-11", vocab.XSD.gYearMonth), ("2020", vocab.XSD.gYear),
    ("Nov 2020", None)])
def test_dates_are_typed_by_precision(value, datatype):
    assert typed_date(value).datatype == datatype


def test_date_signed_keeps_both_precisions(flat):
    dates = {(str(d), d.datatype) for d in flat.objects(kgd(DEAL), KG.dateSigned)}
    assert dates == {("2020-11-10", vocab.XSD.date), ("2020-11", vocab.XSD.gYearMonth)}
    assert (kgd(DEAL), KG.status, Literal("in_force")) in flat
    assert (kgd(DEAL), KG.lacksParties, None) not in flat


def _assertions(g: Graph, s: str, p: URIRef, o) -> list:
    found = set(g.subjects(RDF.subject, kgd(s)))
    found &= set(g.subjects(RDF.predicate, p)) & set(g.subjects(RDF.object, o))
    return sorted(found)


def test_one_assertion_per_fact_and_source(flat):
    two = _assertions(flat, DEAL, KG.party, kgd(AZE))
    assert len(two) == 2
    assert {flat.value(a, PROV.wasDerivedFrom) for a in two} == {
        kgd("doc/d1"), kgd("doc/Moscow%20report%20%C3%BC")}
    assert len(_assertions(flat, DEAL, KG.party, kgd(ARM))) == 1
    for a in two:
        assert (a, RDF.type, KG.Assertion) in flat
        assert flat.value(a, KG.confidence) == Literal("0.9", datatype=vocab.XSD.decimal)
        assert str(a).startswith(DATA_BASE + "assertion/") and len(str(a).rsplit("/", 1)[1]) == 16
        doc_text = str(flat.value(flat.value(a, PROV.wasDerivedFrom), NIF.isString))
        begin, end = int(flat.value(a, NIF.beginIndex)), int(flat.value(a, NIF.endIndex))
        assert "Azerbaijan" in doc_text[begin:end]
        assert str(flat.value(a, KG.sentence)) == doc_text  # the test's sentence is the text


def test_claimed_fact_points_to_its_claim(flat):
    [a] = _assertions(flat, DEAL, KG.status, Literal("in_force"))
    claim = flat.value(a, KG.claim)
    assert claim == kgd("claim/" + digest(D2, "c1"))
    assert (claim, RDF.type, KG.Claim) in flat
    assert flat.value(claim, KG.claimant) == kgd(RUS)
    assert flat.value(claim, KG.cue) == Literal("said")
    assert str(flat.value(claim, NIF.anchorOf)).endswith("is in force")
    assert flat.value(claim, PROV.wasDerivedFrom) == kgd("doc/Moscow%20report%20%C3%BC")
    [unclaimed] = _assertions(flat, DEAL, KG.party, kgd(ARM))
    assert flat.value(unclaimed, KG.claim) is None


def test_mentions_slice_their_document_to_the_anchor(flat):
    mentions = list(flat.subjects(RDF.type, NIF.Phrase))
    assert len(mentions) == 7
    for m in mentions:
        doc = flat.value(m, NIF.referenceContext)
        begin, end = int(flat.value(m, NIF.beginIndex)), int(flat.value(m, NIF.endIndex))
        assert str(m) == f"{doc}#char={begin},{end}"
        assert str(flat.value(doc, NIF.isString))[begin:end] == str(flat.value(m, NIF.anchorOf))
        assert (flat.value(m, ITSRDF.taIdentRef), KG.kind, None) in flat


def test_documents(flat):
    doc = kgd("doc/d1")
    types = {vocab.SCHEMA.NewsArticle, PROV.Entity, NIF.Context}
    assert set(flat.objects(doc, RDF.type)) == types
    assert flat.value(doc, vocab.SCHEMA.datePublished) == Literal("2020-11-10",
                                                                  datatype=vocab.XSD.date)
    assert flat.value(doc, vocab.SCHEMA.url) == Literal("https://example.org/a b",
                                                        datatype=vocab.XSD.anyURI)
    assert flat.value(doc, KG.datelinePlace) == Literal("BAKU")


def test_background_and_build_provenance(flat):
    [bg] = _assertions(flat, AZE, KG.capital, kgd(BAKU))
    assert (bg, RDF.type, KG.BackgroundAssertion) in flat
    table = kgd("table/capitals/0.1.0")
    assert flat.value(bg, PROV.wasDerivedFrom) == table
    build = kgd("build")
    assert flat.value(kgd("graph"), PROV.wasGeneratedBy) == build
    software = flat.value(build, PROV.wasAssociatedWith)
    assert software == kgd("software/kg/0.1.0") and (software, RDF.type, PROV.SoftwareAgent) in flat
    assert set(flat.objects(build, PROV.used)) == {kgd("model/en_core_web_sm/3.8.0"), table}


def test_no_blank_nodes(flat):
    assert not any(isinstance(term, BNode) for triple in flat for term in triple)


# -- shapes ------------------------------------------------------------------------------

def test_export_conforms_to_the_shapes(graph, flat):
    ok, report = conforms(flat)
    assert ok, report
    ok, report = conforms(flat, with_ontology=True)
    assert ok, report
    ok, report = conforms(union(to_rdf(graph, build_info=BUILD)))
    assert ok, report


def test_broken_graph_does_not_conform(flat):
    broken = Graph()
    for triple in flat:
        broken.add(triple)
    broken.remove((kgd(DEAL), KG.party, None))
    broken.add((kgd(DEAL), KG.party, kgd(AZE)))
    broken.remove((kgd(ARM), KG.iso3, None))
    ok, report = conforms(broken)
    assert not ok
    assert "kg:lacksParties" in report and "kg:iso3" in report
    assert str(kgd(DEAL)) in report and str(kgd(ARM)) in report


def test_agreement_with_one_party_says_so_and_conforms(graph):
    thin = KnowledgeGraph(entities=dict(graph.entities), documents=dict(graph.documents),
                          claims=list(graph.claims), facts={f: ev for f, ev in graph.facts.items()
                                 if not (f.predicate == model.PARTY and f.object != AZE)})
    g = to_rdf(thin, build_info=BUILD, named_graphs=False).default_graph
    assert (kgd(DEAL), KG.lacksParties, Literal(True)) in g
    ok, report = conforms(g)
    assert ok, report


def test_bad_values_are_caught_by_the_shapes(flat):
    bad = Graph()
    for triple in flat:
        bad.add(triple)
    bad.add((kgd(DEAL), KG.status, Literal("rumoured")))
    bad.add((kgd(DEAL), KG.dateSigned, Literal("10 Nov 2020")))
    bad.add((kgd(PERSON), KG.holds, kgd(DEPT)))
    bad.add((kgd(POST), KG.postIn, kgd(PERSON)))
    bad.add((kgd(DEAL), KG.party, kgd(BAKU)))
    ok, report = conforms(bad)
    assert not ok
    for message in ("kg:status is", "kg:dateSigned is", "kg:holds must", "kg:postIn must",
                    "kg:party must"):
        assert message in report, message


# -- determinism ---------------------------------------------------------------------------

def test_two_exports_are_isomorphic(graph):
    first = to_rdf(graph, build_info=BUILD)
    second = to_rdf(sample_graph(), build_info=BUILD)
    assert isomorphic(union(first), union(second))


def _export_in_fresh_process(folder: Path, seed: str) -> dict[str, bytes]:
    root = Path(__file__).resolve().parent.parent
    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
            "from test_rdf_export import sample_graph, BUILD\n"
            "from kg.export.rdf import write_rdf\n"
            "for ext in ('.ttl', '.nt', '.nq', '.trig', '.jsonld', '.rdf'):\n"
            "    write_rdf(sample_graph(), sys.argv[3] + '/g' + ext, build_info=BUILD)\n")
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", code, str(root), str(root / "tests"), str(folder)],
                   check=True, env=env)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_output_is_byte_identical_across_runs(tmp_path):
    # Different hash seeds change set and dict iteration order; the bytes must not change.
    first = _export_in_fresh_process(tmp_path / "a", "1")
    second = _export_in_fresh_process(tmp_path / "b", "2")
    assert first.keys() == {f"g{ext}" for ext in RDF_FORMATS}
    assert first == second
