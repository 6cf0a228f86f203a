"""The shapes hold under inference (issue 15): pySHACL with RDFS (and OWL-RL) inference over
kg.ttl adds superclass, domain and range types, and kg's exports still conform; real errors are
still reported once inference has run."""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg import model, vocab
from kg.export.rdf import to_rdf
from kg.ontology_files import ontology_path, shapes_path
from kg.vocab import CLASS_BY_KIND, DATA_BASE, KG, RDF, RDFS
from test_rdf_export import BUILD, sample_graph

ROOT = Path(__file__).resolve().parents[1]


def kgd(key: str) -> URIRef:
    return URIRef(DATA_BASE + key)


def validate(data: Graph, inference: str) -> tuple[bool, set[tuple[str, str]]]:
    """pySHACL's verdict and its (focus node, message) pairs, with kg.ttl as the ontology."""
    ok, results, _ = pyshacl.validate(data, shacl_graph=Graph().parse(shapes_path()),
                                      ont_graph=Graph().parse(ontology_path()),
                                      inference=inference)
    found = {(str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultMessage)))
             for r in results.subjects(RDF.type, SH.ValidationResult)}
    return bool(ok), found


@pytest.fixture(scope="module")
def sample() -> Graph:
    """Two documents with every part of the RDF model: GeoNames and Wikidata links,
    coordinates, claims, a background fact."""
    return to_rdf(sample_graph(), build_info=BUILD, named_graphs=False).default_graph


def test_the_committed_export_conforms_under_rdfs_inference():
    ok, found = validate(Graph().parse(ROOT / "exports" / "graph.ttl"), "rdfs")
    assert ok, sorted(found)[:5]


@pytest.mark.parametrize("inference", ["rdfs", "owlrl"])
def test_an_export_of_several_documents_conforms_under_inference(sample, inference):
    ok, found = validate(sample, inference)
    assert ok, sorted(found)[:5]


def test_real_errors_are_still_reported_under_rdfs_inference(sample):
    bad = Graph()
    for triple in sample:
        bad.add(triple)
    deal, aze, arm = (kgd("agreement/ARM-AZE-RUS/trilateral-statement"), kgd("state/AZE"),
                      kgd("state/ARM"))
    bad.remove((deal, RDFS.label, None))                              # an agreement without a name
    bad.add((kgd("person/huseyn-mahmudov"), KG.holds, aze))           # holds a state, not a post
    bad.add((arm, RDF.type, KG.Person))                               # two kinds' classes
    untyped = kgd("org/_/untyped-agency")                             # no kg class at all
    bad.add((untyped, RDFS.label, Literal("Untyped Agency")))
    bad.add((untyped, KG.kind, Literal("agency")))
    baku = kgd("place/AZE/baku")
    bad.set((baku, vocab.SCHEMA.latitude, Literal("40.37767", datatype=vocab.XSD.double)))
    ok, found = validate(bad, "rdfs")
    assert not ok
    expected = {
        (str(deal), "An entity has exactly one rdfs:label (its name); other names are skos:altLabel."),
        # Inference made the state a kg:Post (kg:holds' range); its kind says otherwise.
        (str(aze), 'A kg:Post has kg:kind "post": no node is of two kinds.'),
        (str(arm), 'A kg:Person has kg:kind "person": no node is of two kinds.'),
        (str(untyped), "An entity has its kind's kg class as an rdf:type."),
        (str(baku), "An entity has at most one schema:latitude, an xsd:decimal from -90 to 90."),
    }
    assert expected <= found, sorted(expected - found)


def test_every_kind_has_a_shape_tying_its_class_to_it():
    shapes = Graph().parse(shapes_path())
    for kind, cls in CLASS_BY_KIND.items():
        required: set[str] = set()
        for shape in shapes.subjects(SH.targetClass, cls):
            for prop in shapes.objects(shape, SH.property):
                if shapes.value(prop, SH.path) == KG.kind and shapes.value(prop, SH.hasValue):
                    required.add(str(shapes.value(prop, SH.hasValue)))
            for node in shapes.objects(shape, SH.node):
                for prop in shapes.objects(node, SH.property):
                    if shapes.value(prop, SH.path) == KG.kind:
                        kinds = Collection(shapes, shapes.value(prop, SH["in"]))
                        required |= {str(v) for v in kinds}
        if kind == model.ORGANIZATION:
            assert required == set(model.ORGANIZATION_KINDS), kind
        else:
            assert required == {kind}, kind
