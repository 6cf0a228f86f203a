"""Write a KnowledgeGraph as RDF: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

What RDF keeps: every entity (type, label, aliases, kind, known attributes), every fact as a
direct triple plus one kg:Assertion per piece of evidence (document, offsets, sentence, rule,
confidence, claim), claims, mentions as NIF strings, documents with their full text, background
facts with their table, and the build (kg version, model). docs/rdf-model.md is the full account.

What it drops: unknown entity attributes, a document's local file path and body offset (not
portable, not provenance), and anything that points at an entity the graph does not describe —
facts (as KnowledgeGraph.to_networkx drops them, so every export holds the same facts), mentions
and claimants naming an unknown key — so nothing links to an IRI with no label or kind.

Output is deterministic, byte for byte in every format: IRIs come from keys or content hashes,
there are no blank nodes or timestamps, and what rdflib leaves in hash order is sorted here.
TriG and N-Quads put each document's triples in the named graph `{base}graph/{document id}`.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.jsonld import from_rdf as jsonld_from_rdf
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.term import Node

from kg import model
from kg.errors import OutputError
from kg.export.files import atomic_open
from kg.model import Claim, Document, Entity, Evidence, Fact, KnowledgeGraph, Mention
from kg.vocab import (CLASS_BY_KIND, DATA_BASE, DCTERMS, GEONAMES, ITSRDF, KG, LITERAL_ATTRIBUTES,
                      NIF, ONTOLOGY_IRI, OWL, PROPERTY_BY_RELATION, PROV, RDF, RDFS, SCHEMA, SKOS,
                      WD, XSD, prefixes)

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
               ".jsonld": "json-ld", ".rdf": "xml"}
# Formats that keep named graphs; the others get one graph holding everything.
DATASET_FORMATS = frozenset({"trig", "nquads"})
# Written by kg.export's other modules; named here only so the error lists every extension.
_OTHER_EXTENSIONS = (".graphml", ".gexf")

# A date at the precision the text gives, typed accordingly (the longest pattern first).
_DATE_TYPES = ((re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), XSD.date),
               (re.compile(r"[0-9]{4}-[0-9]{2}"), XSD.gYearMonth),
               (re.compile(r"[0-9]{4}"), XSD.gYear))
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class BuildInfo:
    """What made the graph, recorded as PROV (no timestamp: same input, same output)."""

    kg_version: str
    model_name: str
    model_version: str


def rdf_format(path: str | Path) -> str:
    """The rdflib format name for a file name's extension; OutputError when it has none."""
    suffix = Path(path).suffix.lower()
    if suffix in RDF_FORMATS:
        return RDF_FORMATS[suffix]
    known = ", ".join(sorted((*RDF_FORMATS, *_OTHER_EXTENSIONS)))
    shown = f"'{suffix}'" if suffix else "no extension"
    raise OutputError(f"cannot write {path}: {shown} is not a format kg writes; "
                      f"use one of these extensions: {known}")


def write_rdf(graph: KnowledgeGraph, path: str | Path, *, base: str = DATA_BASE,
              build_info: BuildInfo) -> None:
    """Write `graph` to `path` in the RDF format its extension names (see RDF_FORMATS)."""
    fmt = rdf_format(path)
    dataset = to_rdf(graph, base=base, build_info=build_info,
                     named_graphs=fmt in DATASET_FORMATS)
    text = serialize(dataset, fmt, base=base)
    with atomic_open(path, "w") as out:
        out.write(text)


def serialize(dataset: Dataset, fmt: str, *, base: str = DATA_BASE) -> str:
    """Serialise a dataset made by to_rdf: the same triples give the same bytes in every format.
    Single-graph formats get the default graph."""
    if fmt == "trig":
        return _serialize_trig(dataset)
    if fmt in ("nquads", "nt"):
        # rdflib writes lines in its store's hash order; sorted, they repeat.
        source = dataset if fmt == "nquads" else dataset.default_graph
        lines = source.serialize(format=fmt).splitlines()
        return "".join(sorted(line + "\n" for line in lines if line.strip()))
    if fmt == "turtle":  # rdflib sorts Turtle itself
        return dataset.default_graph.serialize(format=fmt)
    graph = _sorted_copy(dataset.default_graph, base)
    if fmt == "json-ld":
        return _serialize_jsonld(graph, base)
    return graph.serialize(format=fmt)


def _sorted_copy(graph: Graph, base: str) -> Graph:
    # rdflib's default store keeps triples in sets, so serialisers that do not sort (JSON-LD,
    # RDF/XML) would follow the hash seed; SimpleMemory keeps insertion order, which we sort.
    copy = Graph(store="SimpleMemory", bind_namespaces="core")
    for prefix, namespace in prefixes(base).items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        copy.add(triple)
    return copy


def _serialize_jsonld(graph: Graph, base: str) -> str:
    # An inline context, never a remote one: the file must read offline and forever. rdflib
    # collects nodes from a set, so we order them by @id ourselves.
    data = jsonld_from_rdf(graph, context_data=prefixes(base), auto_compact=True)
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: node.get("@id", ""))
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _serialize_trig(dataset: Dataset) -> str:
    serializer = TrigSerializer(dataset)
    # rdflib writes the graphs in its store's hash order; sorted, the bytes repeat.
    serializer.contexts.sort(key=lambda g: str(g.identifier))
    out = io.BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def to_rdf(graph: KnowledgeGraph, *, base: str = DATA_BASE, build_info: BuildInfo,
           named_graphs: bool = True) -> Dataset:
    """The graph as an RDF dataset.

    With `named_graphs`, each document's assertions, mentions, claims, its own description and
    the direct triples of the facts it supports go into the named graph `{base}graph/{doc id}`;
    entities, background facts and the build go into the default graph. Without, everything
    goes into the default graph.
    """
    check_base(base)
    dataset = Dataset(default_union=True)  # SPARQL over it sees every graph
    for prefix, namespace in prefixes(base).items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    writer = _Writer(graph, dataset, base, named_graphs)
    writer.write_all(build_info)
    return dataset


def check_base(base: str) -> None:
    # Keys and "doc/…#char=" fragments are appended to the base, so it must end a path.
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base) or not base.endswith("/"):
        raise OutputError(f"base IRI {base!r} cannot prefix kg's IRIs: it must be an absolute "
                          f"IRI ending in '/', like {DATA_BASE!r}")


def digest(*parts: object) -> str:
    """The first 16 hex digits of the SHA-1 of a canonical JSON encoding of `parts`."""
    canonical = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def typed_date(value: str) -> Literal:
    """An ISO date at its precision: xsd:date, xsd:gYearMonth or xsd:gYear; else a plain string
    (which the shapes then flag, rather than a silently dropped or guessed date)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def _decimal(value: float) -> Literal:
    # repr() is the shortest exact text of the float; ":f" keeps it out of exponent notation,
    # which xsd:decimal does not allow.
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def _offset(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


class _Writer:
    """Adds one KnowledgeGraph's triples to a dataset; one method per part of docs/rdf-model.md."""

    def __init__(self, graph: KnowledgeGraph, dataset: Dataset, base: str,
                 named_graphs: bool) -> None:
        self.kg = graph
        self.dataset = dataset
        self.base = base
        self.named_graphs = named_graphs
        self.default = dataset.default_graph
        self.party_counts = self.count_parties()

    def write_all(self, build_info: BuildInfo) -> None:
        for key in sorted(self.kg.entities):
            self.entity(self.kg.entities[key])
        for fact, evidence in self.kg.sorted_facts():
            self.fact(fact, evidence)
        for document in self.kg.documents.values():
            self.document(document)
        for mention in self.kg.mentions:
            self.mention(mention)
        for claim in self.kg.claims:
            self.claim(claim)
        self.background(build_info.kg_version)
        self.build(build_info)

    # -- IRIs ------------------------------------------------------------------------------

    def iri(self, path: str) -> URIRef:
        """`base` + a path, percent-encoding what an IRI path may not hold (spaces, '#', …)."""
        return URIRef(self.base + quote(path, safe="/-._~"))

    def segments_iri(self, *segments: str) -> URIRef:
        """`base` + path segments, each encoded whole ('/' in a name or version included)."""
        return URIRef(self.base + "/".join(quote(part, safe="-._~") for part in segments))

    def doc_iri(self, doc_id: str) -> URIRef:
        return self.iri(f"doc/{doc_id}")

    def claim_iri(self, doc_id: str, key: str) -> URIRef:
        # Claim keys need only be unique within their document, so the document is hashed too.
        return self.iri(f"claim/{digest(doc_id, key)}")

    def graph_for(self, doc_id: str) -> Graph:
        if not self.named_graphs:
            return self.default
        return self.dataset.graph(self.iri(f"graph/{doc_id}"))

    def known(self, key: str | None) -> bool:
        return key is not None and key in self.kg.entities

    # -- entities --------------------------------------------------------------------------

    def entity(self, entity: Entity) -> None:
        if entity.kind not in CLASS_BY_KIND:
            raise OutputError(f"entity {entity.key!r} has kind {entity.kind!r}, which has no RDF "
                              f"class; known kinds: {', '.join(model.ENTITY_KINDS)}")
        g, node = self.default, self.iri(entity.key)
        g.add((node, RDF.type, CLASS_BY_KIND[entity.kind]))
        g.add((node, RDFS.label, Literal(entity.name)))
        g.add((node, KG.kind, Literal(entity.kind)))
        for alias in sorted(entity.aliases):
            g.add((node, SKOS.altLabel, Literal(alias)))
        self.attributes(node, entity)
        if entity.kind == model.POST and "title" not in entity.attributes:
            # Every post has a title (shapes.ttl); a post's name is its title as stated.
            g.add((node, KG.title, Literal(entity.name)))
        if entity.kind == model.AGREEMENT and self.party_counts.get(entity.key, 0) < 2:
            g.add((node, KG.lacksParties, Literal(True)))

    def attributes(self, node: URIRef, entity: Entity) -> None:
        g = self.default
        for name in sorted(entity.attributes):
            value = entity.attributes[name]
            if name in LITERAL_ATTRIBUTES:
                prop, datatype = LITERAL_ATTRIBUTES[name]
                if datatype == XSD.double:
                    g.add((node, prop, Literal(float(value), datatype=XSD.double)))
                else:
                    g.add((node, prop, Literal(str(value), datatype=datatype)))
            elif name == "geonames" and str(value).strip().isdigit():
                # A malformed id would assert identity with the wrong place: worse than none.
                g.add((node, OWL.sameAs, GEONAMES[f"{int(str(value).strip())}/"]))
            elif name == "wikidata" and _WIKIDATA_ID.fullmatch(str(value).strip()):
                g.add((node, OWL.sameAs, WD[str(value).strip()]))
            # Other attributes are working data of the pipeline, not claims about the world.

    def count_parties(self) -> dict[str, int]:
        """Distinct described parties per agreement, from extracted and background facts."""
        parties: dict[str, set[str]] = {}
        for f in [*self.kg.facts, *self.kg.background]:
            if f.predicate == model.PARTY and self.known(f.object):
                parties.setdefault(f.subject, set()).add(f.object)
        return {agreement: len(found) for agreement, found in parties.items()}

    # -- facts -----------------------------------------------------------------------------

    def triple(self, fact: Fact) -> tuple[URIRef, URIRef, Node] | None:
        """The direct triple of a fact, or None when it links to an entity we do not describe."""
        if not self.known(fact.subject) or fact.predicate not in PROPERTY_BY_RELATION:
            return None
        if fact.predicate == model.DATE_SIGNED:
            obj: Node = typed_date(fact.object)
        elif fact.is_literal:
            obj = Literal(fact.object)
        elif self.known(fact.object):
            obj = self.iri(fact.object)
        else:
            return None
        return self.iri(fact.subject), PROPERTY_BY_RELATION[fact.predicate], obj

    def fact(self, fact: Fact, evidence: list[Evidence]) -> None:
        triple = self.triple(fact)
        if triple is None:
            return
        if not evidence:
            self.default.add(triple)
        for ev in evidence:
            g = self.graph_for(ev.document)
            g.add(triple)
            self.assertion(g, fact, triple, ev)

    def assertion(self, g: Graph, fact: Fact, triple: tuple[URIRef, URIRef, Node],
                  ev: Evidence) -> None:
        node = self.iri("assertion/" + digest(
            fact.subject, fact.predicate, fact.object, ev.document, ev.begin, ev.end,
            ev.sentence_begin, ev.sentence_end, ev.rule, ev.confidence, ev.claim))
        document = self.kg.documents.get(ev.document)
        sentence = document and Literal(document.text[ev.sentence_begin:ev.sentence_end])
        _add(g, node, *_reified(KG.Assertion, triple),
             (PROV.wasDerivedFrom, self.doc_iri(ev.document)),
             (NIF.beginIndex, _offset(ev.begin)), (NIF.endIndex, _offset(ev.end)),
             (KG.sentenceBegin, _offset(ev.sentence_begin)),
             (KG.sentenceEnd, _offset(ev.sentence_end)), (KG.sentence, sentence),
             (KG.rule, Literal(ev.rule)), (KG.confidence, _decimal(ev.confidence)),
             (KG.claim, ev.claim is not None and self.claim_iri(ev.document, ev.claim)))

    def background(self, version: str) -> None:
        build = self.iri("build")
        for fact in sorted(self.kg.background, key=lambda f: (f.subject, f.predicate, f.object)):
            triple, table = self.triple(fact), self.kg.background[fact]
            if triple is None:
                continue
            self.default.add(triple)
            node = self.iri("background/" + digest(fact.subject, fact.predicate, fact.object,
                                                   table))
            _add(self.default, node, *_reified(KG.BackgroundAssertion, triple),
                 (PROV.wasDerivedFrom, self.segments_iri("table", table, version)))
        for table in sorted(set(self.kg.background.values())):
            node = self.segments_iri("table", table, version)
            self.default.add((build, PROV.used, node))
            _add(self.default, node, (RDF.type, PROV.Entity),
                 (RDFS.label, Literal(f"kg table {table} ({version})")))

    # -- documents, mentions, claims -------------------------------------------------------

    def document(self, doc: Document) -> None:
        _add(self.graph_for(doc.id), self.doc_iri(doc.id),
             (RDF.type, SCHEMA.NewsArticle), (RDF.type, PROV.Entity), (RDF.type, NIF.Context),
             (NIF.isString, Literal(doc.text)),
             # NIF wants a context's own span: the whole text.
             (NIF.beginIndex, _offset(0)), (NIF.endIndex, _offset(len(doc.text))),
             (DCTERMS.title, doc.title and Literal(doc.title)),
             (SCHEMA.datePublished, doc.date and typed_date(doc.date)),
             (DCTERMS.source, doc.source and Literal(doc.source)),
             # A literal, not an IRI: feeds carry URLs no IRI parser would accept.
             (SCHEMA.url, doc.url and Literal(doc.url, datatype=XSD.anyURI)),
             (KG.datelinePlace, doc.dateline_place and Literal(doc.dateline_place)))

    def mention(self, m: Mention) -> None:
        if not self.known(m.entity):
            return
        doc = self.doc_iri(m.document)
        _add(self.graph_for(m.document), URIRef(f"{doc}#char={m.begin},{m.end}"),  # RFC 5147
             (RDF.type, NIF.Phrase), (NIF.beginIndex, _offset(m.begin)),
             (NIF.endIndex, _offset(m.end)), (NIF.anchorOf, Literal(m.anchor)),
             (NIF.referenceContext, doc), (ITSRDF.taIdentRef, self.iri(m.entity)))

    def claim(self, c: Claim) -> None:
        document = self.kg.documents.get(c.document)
        _add(self.graph_for(c.document), self.claim_iri(c.document, c.key),
             (RDF.type, KG.Claim), (RDF.type, PROV.Entity),
             (PROV.wasDerivedFrom, self.doc_iri(c.document)),
             (NIF.beginIndex, _offset(c.begin)), (NIF.endIndex, _offset(c.end)),
             (NIF.anchorOf, document and Literal(document.text[c.begin:c.end])),
             (KG.cue, Literal(c.cue)),
             (KG.claimant, self.known(c.claimant) and self.iri(c.claimant)),
             (KG.claimantOrganization, self.known(c.claimant_org) and self.iri(c.claimant_org)),
             (DCTERMS.date, c.date and typed_date(c.date)))

    # -- the build -------------------------------------------------------------------------

    def build(self, info: BuildInfo) -> None:
        build = self.iri("build")
        software = self.segments_iri("software", "kg", info.kg_version)
        used = self.segments_iri("model", info.model_name, info.model_version)
        _add(self.default, self.iri("graph"), (RDF.type, PROV.Entity),
             (PROV.wasGeneratedBy, build), (DCTERMS.conformsTo, ONTOLOGY_IRI))
        _add(self.default, build, (RDF.type, PROV.Activity),
             (PROV.wasAssociatedWith, software), (PROV.used, used))
        _add(self.default, software, (RDF.type, PROV.SoftwareAgent),
             (RDFS.label, Literal(f"kg {info.kg_version}")))
        _add(self.default, used, (RDF.type, PROV.Entity),
             (RDFS.label, Literal(f"{info.model_name} {info.model_version}")))


def _add(g: Graph, node: URIRef, *pairs: tuple[URIRef, Node | None | bool | str]) -> None:
    """Add (node, p, o) for each pair whose object is a term; falsy objects mean "absent"."""
    for prop, obj in pairs:
        if isinstance(obj, Node):
            g.add((node, prop, obj))


def _reified(cls: URIRef, triple: tuple[URIRef, URIRef, Node]) -> list[tuple[URIRef, Node]]:
    return [(RDF.type, cls), (RDF.type, PROV.Entity), (RDF.subject, triple[0]),
            (RDF.predicate, triple[1]), (RDF.object, triple[2])]
