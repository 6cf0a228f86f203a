"""The one namespace module: every IRI kg writes or reads is named here, nowhere else.

`KG` lists the terms of our ontology (`ontology/kg.ttl`); tests/test_ontology.py checks the two
against each other both ways, so a term cannot be used here without being declared and documented
there, nor declared there without being usable here. The standard vocabularies come from rdflib
where it ships them (ORG, SDO as schema.org, FOAF, PROV, SKOS, DCTERMS, OWL); NIF and ITS, which
rdflib does not ship, are closed namespaces below holding only the terms we use.

The mappings at the bottom are the only place that says which class a kind is and which property
a relation is (relation names in kg/model.py equal the local names of their properties).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD,
                              DefinedNamespace)

from kg import model

ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
ONTOLOGY_NS = "https://w3id.org/diplograph/ontology#"
DATA_BASE = "https://w3id.org/diplograph/id/"


class KG(DefinedNamespace):
    """The kg ontology. `_fail` makes a typo (KG.Stat) an error instead of a new IRI."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # Entity classes (one per kind).
    State: URIRef
    Person: URIRef
    Post: URIRef
    Place: URIRef
    Agreement: URIRef
    Organization: URIRef
    Government: URIRef
    Ministry: URIRef
    Department: URIRef
    Agency: URIRef
    ArmedForces: URIRef
    Parliament: URIRef
    InternationalOrganization: URIRef
    PoliticalParty: URIRef
    ArmedGroup: URIRef
    NewsMedia: URIRef
    # Provenance classes.
    Assertion: URIRef
    BackgroundAssertion: URIRef
    Claim: URIRef
    # Events (PLOVER) and the parts entities take in them.
    Event: URIRef
    Participation: URIRef

    # Relations between entities (local names == kg.model relation constants).
    holds: URIRef
    postIn: URIRef
    state: URIRef
    parentOrganization: URIRef
    locatedIn: URIRef
    capital: URIRef
    party: URIRef
    signatory: URIRef
    mediator: URIRef
    memberOf: URIRef
    # Literal-valued relations.
    dateSigned: URIRef
    status: URIRef
    # Entity attributes.
    kind: URIRef
    iso3: URIRef
    agreementKind: URIRef
    title: URIRef
    lacksParties: URIRef
    # Document, assertion and claim properties.
    datelinePlace: URIRef
    sentence: URIRef
    sentenceBegin: URIRef
    sentenceEnd: URIRef
    rule: URIRef
    confidence: URIRef
    claim: URIRef
    claimant: URIRef
    claimantOrganization: URIRef
    cue: URIRef
    # Event properties.
    eventType: URIRef
    eventMode: URIRef
    cameoCode: URIRef
    actor: URIRef
    target: URIRef
    mediatedBy: URIRef
    participation: URIRef
    role: URIRef
    participant: URIRef
    actsFor: URIRef
    eventPlace: URIRef
    quantity: URIRef
    concerns: URIRef


class NIF(DefinedNamespace):
    """NIF 2.0 Core, only the terms kg uses (mentions as RFC 5147 strings of their document)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Phrase: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set 2.0 in RDF: the entity a mention identifies."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taIdentRef: URIRef


SCHEMA = SDO
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")

__all__ = ["DATA_BASE", "ONTOLOGY_IRI", "ONTOLOGY_NS", "KG", "NIF", "ITSRDF", "SCHEMA", "WD",
           "GEONAMES", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "CLASS_BY_KIND", "PROPERTY_BY_RELATION", "PROPERTY_BY_EVENT_ROLE", "LITERAL_ATTRIBUTES",
           "prefixes"]

CLASS_BY_KIND: dict[str, URIRef] = {
    model.STATE: KG.State,
    model.PERSON: KG.Person,
    model.POST: KG.Post,
    model.PLACE: KG.Place,
    model.AGREEMENT: KG.Agreement,
    model.GOVERNMENT: KG.Government,
    model.MINISTRY: KG.Ministry,
    model.DEPARTMENT: KG.Department,
    model.AGENCY: KG.Agency,
    model.ARMED_FORCES: KG.ArmedForces,
    model.PARLIAMENT: KG.Parliament,
    model.INTERNATIONAL_ORGANIZATION: KG.InternationalOrganization,
    model.POLITICAL_PARTY: KG.PoliticalParty,
    model.ORGANIZATION: KG.Organization,
    model.ARMED_GROUP: KG.ArmedGroup,
    model.NEWS_MEDIA: KG.NewsMedia,
}

# Relation names are the properties' local names by design; KG[...] fails loudly at import if
# model.py ever gains a relation the ontology does not declare.
PROPERTY_BY_RELATION: dict[str, URIRef] = {name: KG[name] for name in model.RELATIONS}

# The property that links an event to an entity in each role (kg/model.py EVENT_ROLES).
PROPERTY_BY_EVENT_ROLE: dict[str, URIRef] = {
    model.ACTOR: KG.actor, model.TARGET: KG.target, model.EVENT_MEDIATOR: KG.mediatedBy}

# Scalar entity attributes written as literals: attribute -> (property, datatype or None for a
# plain string). Coordinates are xsd:decimal, written in one canonical form in every format
# (kg/export/rdf_literals.py says why not xsd:double). IRI-valued attributes (geonames, wikidata)
# become skos:exactMatch links in the exporter: not owl:sameAs, whose OWL semantics would merge
# our entity with the authority's and give every statement about either a second subject.
LITERAL_ATTRIBUTES: dict[str, tuple[URIRef, URIRef | None]] = {
    "iso3": (KG.iso3, None),
    "agreement_kind": (KG.agreementKind, None),
    "title": (KG.title, None),
    "latitude": (SDO.latitude, XSD.decimal),
    "longitude": (SDO.longitude, XSD.decimal),
}


def prefixes(base: str = DATA_BASE) -> dict[str, str]:
    """The prefixes bound in every export (Turtle/TriG headers, the JSON-LD @context)."""
    return {
        "kg": ONTOLOGY_NS, "kgd": base, "org": str(ORG), "schema": str(SDO), "foaf": str(FOAF),
        "prov": str(PROV), "skos": str(SKOS), "dcterms": str(DCTERMS), "owl": str(OWL),
        "nif": str(NIF), "itsrdf": str(ITSRDF), "rdf": str(RDF), "rdfs": str(RDFS),
        "xsd": str(XSD),
    }
