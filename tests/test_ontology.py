"""The ontology, the shapes and kg/vocab.py tell one story."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from kg import model
from kg.ontology_files import ontology_dir, ontology_path, queries_dir, shapes_path
from kg.vocab import (CLASS_BY_KIND, KG, LITERAL_ATTRIBUTES, ONTOLOGY_IRI, ONTOLOGY_NS,
                      PROPERTY_BY_RELATION)

ROOT = Path(__file__).resolve().parent.parent
TERM_TYPES = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
              OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path())


def vocab_terms() -> set[URIRef]:
    return set(dir(KG))


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in ontology.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)}


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(version)
    for prop in (DCTERMS.title, RDFS.comment, DCTERMS.license):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop


def test_every_vocab_term_is_declared_and_documented(ontology):
    for term in sorted(vocab_terms()):
        assert any((term, RDF.type, t) in ontology for t in TERM_TYPES), f"{term} not declared"
        for prop in (RDFS.label, RDFS.comment):
            assert ontology.value(term, prop) is not None, f"{term} has no {prop}"


def test_every_declared_term_is_in_vocab(ontology):
    assert declared_terms(ontology) - vocab_terms() == set()


def test_every_kind_and_relation_has_a_term():
    assert set(CLASS_BY_KIND) == set(model.ENTITY_KINDS)
    assert set(PROPERTY_BY_RELATION) == set(model.RELATIONS)
    for name, prop in PROPERTY_BY_RELATION.items():
        assert str(prop) == ONTOLOGY_NS + name
    assert KG.iso3 == LITERAL_ATTRIBUTES["iso3"][0]


def test_property_kinds_match_the_model(ontology):
    for name in model.ENTITY_RELATIONS:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in ontology, name
    for name in model.LITERAL_RELATIONS:
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in ontology, name


def test_organisation_classes_are_organizations(ontology):
    for kind in model.ORGANIZATION_KINDS:
        cls = CLASS_BY_KIND[kind]
        assert cls == KG.Organization or (cls, RDFS.subClassOf, KG.Organization) in ontology


def test_shapes_parse_and_every_constraint_has_a_message(shapes):
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 10
    used_by_reference = set(shapes.objects(None, SH.node))
    for shape in node_shapes:
        targets = (SH.targetClass, SH.targetSubjectsOf)
        assert any(shapes.objects(shape, p) for p in targets) or shape in used_by_reference, shape
        for prop_shape in shapes.objects(shape, SH.property):
            path = shapes.value(prop_shape, SH.path)
            assert shapes.value(prop_shape, SH.message) is not None, path


def _sh_in(shapes: Graph, path: URIRef) -> list[set[str]]:
    """The sh:in lists of every property shape on `path`."""
    lists = [shapes.value(ps, SH["in"]) for ps in shapes.subjects(SH.path, path)]
    return [{str(v) for v in Collection(shapes, values)} for values in lists if values is not None]


def test_shapes_agree_with_the_model(shapes):
    kinds = sorted(_sh_in(shapes, KG.kind), key=len)
    assert kinds == [set(model.ORGANIZATION_KINDS), set(model.ENTITY_KINDS)]
    assert _sh_in(shapes, KG.status) == [set(model.STATUSES)]
    assert _sh_in(shapes, RDF.predicate) == [{str(p) for p in PROPERTY_BY_RELATION.values()}]


def test_shapes_only_use_declared_kg_terms(shapes, ontology):
    used = {t for triple in shapes for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_NS)}
    assert used - declared_terms(ontology) == set()


def test_ontology_files_are_found():
    assert ontology_dir() == ROOT / "ontology"
    assert shapes_path().name == "shapes.ttl" and queries_dir().is_dir()
    assert (ROOT / "ontology" / "__init__.py").is_file()  # kg.ontology must be a package
