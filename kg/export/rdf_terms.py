"""Which RDF quads a KnowledgeGraph yields: the one source of truth for every RDF export.

`rdf_chunks` yields the graph's quads in small chunks: one entity, one fact with its assertions,
one document, one mention IRI, one claim, one background fact, the tables, the build. The rdflib
path (kg/export/rdf.py: Turtle, TriG, JSON-LD, RDF/XML) adds them to a Dataset; the streaming path
(kg/export/ntriples.py: N-Triples, N-Quads) writes each chunk as sorted lines and forgets it.

Two promises the streaming writer relies on (tests/test_streaming.py checks both):
- chunks come in a deterministic order (sorted keys and ids, never insertion or hash order);
- no quad is in two chunks, so a file written chunk by chunk has no duplicate lines without a
  whole-graph index. Within a chunk a quad may repeat (a fact stated twice in one document);
  the writer de-duplicates there.
docs/rdf-model.md describes what each part means.
"""
from __future__ import annotations

import hashlib
import json
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional, TypeVar
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg import model, vocab
from kg.errors import OutputError
from kg.export.rdf_literals import decimal_literal, offset_literal, text_literal, typed_date
from kg.model import Claim, Document, Entity, Evidence, Fact, KnowledgeGraph, Mention
from kg.vocab import (CLASS_BY_KIND, DATA_BASE, GEONAMES, LITERAL_ATTRIBUTES, ONTOLOGY_IRI,
                      PROPERTY_BY_RELATION, WD)

# (subject, predicate, object, graph); graph None is the default graph.
Quad = tuple[URIRef, URIRef, Node, Optional[URIRef]]
Chunk = list[Quad]
_T = TypeVar("_T")
_TERM_TYPES = (URIRef, Literal)


class _Terms:
    """A namespace whose terms are looked up once. rdflib's namespaces build a new URIRef on
    every attribute access (about 2 µs), and an export reads `RDF.type` and the like hundreds
    of thousands of times."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)   # later reads find it in the instance, not here
        return term


DCTERMS, ITSRDF, KG, NIF, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = (
    _Terms(ns) for ns in (vocab.DCTERMS, vocab.ITSRDF, vocab.KG, vocab.NIF, vocab.PROV, vocab.RDF,
                          vocab.RDFS, vocab.SCHEMA, vocab.SKOS, vocab.XSD))

_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class BuildInfo:
    """What made the graph, recorded as PROV (no timestamp: same input, same output)."""

    kg_version: str
    model_name: str
    model_version: str


def check_base(base: str) -> None:
    # Keys and "doc/…#char=" fragments are appended to the base, so it must end a path.
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base) or not base.endswith("/"):
        raise OutputError(f"base IRI {base!r} cannot prefix kg's IRIs: it must be an absolute "
                          f"IRI ending in '/', like {DATA_BASE!r}")


def digest(*parts: object) -> str:
    """The first 16 hex digits of the SHA-1 of a canonical JSON encoding of `parts`."""
    canonical = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def rdf_chunks(graph: KnowledgeGraph, *, base: str = DATA_BASE, build_info: BuildInfo,
               named_graphs: bool) -> Iterator[Chunk]:
    """Every quad of the graph's RDF, chunk by chunk, in a deterministic order.

    With `named_graphs`, each document's description, mentions, claims and assertions go into
    the graph `{base}graph/{doc id}`; entities, the direct triples of facts, background facts and
    the build into the default graph, so every triple is in exactly one graph. Without, everything
    is default."""
    return ChunkPlan(graph, base=base, build_info=build_info, named_graphs=named_graphs).chunks()


class ChunkPlan:
    """What `rdf_chunks` yields, as a sequence whose chunks are made only when asked for: the
    plan itself only sorts and groups, so a range of it can be made anywhere, e.g. in a forked
    process writing part of an N-Triples file (kg/export/ntriples.py)."""

    def __init__(self, graph: KnowledgeGraph, *, base: str = DATA_BASE, build_info: BuildInfo,
                 named_graphs: bool) -> None:
        check_base(base)
        quads = _Quads(graph, base, named_graphs)
        # (what makes a chunk, the items it makes one chunk of each), in the file's order
        self.parts: list[tuple[Callable[[Any], Chunk], Sequence[Any]]] = [
            (quads.entity, [graph.entities[key] for key in sorted(graph.entities)]),
            (lambda pair: quads.fact(*pair), graph.sorted_facts()),
            (quads.document, [graph.documents[doc_id] for doc_id in sorted(graph.documents)]),
            # One chunk per IRI: two entities mentioned at one span share the mention's IRI.
            (quads.mention, _Grouped(graph.mentions, lambda m: (m.document, m.begin, m.end))),
            (quads.claim, _Grouped(graph.claims, lambda c: (c.document, c.key))),
            (quads.event, _events(graph)),
            (lambda fact: quads.background_fact(fact, build_info.kg_version),
             sorted(graph.background, key=lambda f: (f.subject, f.predicate, f.object))),
            (quads.tables, [build_info.kg_version]),
            (quads.build, [build_info]),
        ]

    def __len__(self) -> int:
        return sum(len(items) for _, items in self.parts)

    def chunks(self, start: int = 0, stop: int | None = None) -> Iterator[Chunk]:
        """The chunks numbered start to stop (exclusive; None: to the end)."""
        stop = len(self) if stop is None else stop
        offset = 0
        for make, items in self.parts:
            for i in range(max(start - offset, 0), min(stop - offset, len(items))):
                yield make(items[i])
            offset += len(items)


# Every chunk that points at an entity, a document or a graph names it again: its IRI is built
# once (quoting and a URIRef cost more than writing the line it ends up in).
@lru_cache(maxsize=1 << 14)
def _iri(base: str, path: str) -> URIRef:
    return URIRef(base + _without_dot_segments(quote(path, safe="/-._~")))


# A path segment "." or ".." (a JSONL id "../../etc/passwd") would make an IRI that normalises
# out of doc/, even out of the base. Percent-encoding its dots is no cure: RFC 3986 normalisation
# decodes "%2E", and WHATWG URLs read "%2e%2e" as "..". So such a segment gets a "%7E" ("~")
# before it, which stays a character of the name under any normalisation; quote() never writes
# "%7E" ("~" is safe), so no other path can give the same IRI. Every other path is unchanged.
_DOT_SEGMENTS = {".": "%7E.", "..": "%7E.."}


def _without_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    return "/".join(_DOT_SEGMENTS.get(segment, segment) for segment in path.split("/"))


class _Grouped(Sequence):
    """The runs of items with equal keys, in key order, as a sequence of lists. Only where each
    run starts is kept, not a list per run: a large graph has hundreds of thousands of mention
    IRIs, and a list each would add tens of megabytes to the export's peak memory."""

    def __init__(self, items: Iterable[_T], key: Callable[[_T], tuple]) -> None:
        self.items = sorted(items, key=key)
        keys = [key(item) for item in self.items]
        self.starts = array("q", (i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, run: int) -> list[_T]:  # type: ignore[override]
        stop = self.starts[run + 1] if run + 1 < len(self.starts) else len(self.items)
        return self.items[self.starts[run]:stop]


class _Quads:
    """One method per part of docs/rdf-model.md; each returns the quads of one chunk."""

    def __init__(self, graph: KnowledgeGraph, base: str, named_graphs: bool) -> None:
        self.kg = graph
        self.base = base
        self.named_graphs = named_graphs
        self.party_counts = self.count_parties()

    # -- IRIs ------------------------------------------------------------------------------

    def iri(self, path: str) -> URIRef:
        """`base` + a path, percent-encoding what an IRI path may not hold (spaces, '#', …)."""
        return _iri(self.base, path)

    def segments_iri(self, *segments: str) -> URIRef:
        """`base` + path segments, each encoded whole ('/' in a name or version included)."""
        return URIRef(self.base + _without_dot_segments(
            "/".join(quote(part, safe="-._~") for part in segments)))

    def doc_iri(self, doc_id: str) -> URIRef:
        return self.iri(f"doc/{doc_id}")

    def claim_iri(self, doc_id: str, key: str) -> URIRef:
        # Claim keys need only be unique within their document, so the document is hashed too.
        return self.iri(f"claim/{digest(doc_id, key)}")

    def graph_for(self, doc_id: str) -> URIRef | None:
        return self.iri(f"graph/{doc_id}") if self.named_graphs else None

    def known(self, key: str | None) -> bool:
        return key is not None and key in self.kg.entities

    # -- entities --------------------------------------------------------------------------

    def entity(self, entity: Entity) -> Chunk:
        if entity.kind not in CLASS_BY_KIND:
            raise OutputError(f"entity {entity.key!r} has kind {entity.kind!r}, which has no RDF "
                              f"class; known kinds: {', '.join(model.ENTITY_KINDS)}")
        node, chunk = self.iri(entity.key), []
        add_pairs(chunk, None, node, (RDF.type, CLASS_BY_KIND[entity.kind]),
             (RDFS.label, Literal(entity.name)), (KG.kind, Literal(entity.kind)),
             *[(SKOS.altLabel, Literal(alias)) for alias in sorted(entity.aliases)],
             *self.attributes(entity))
        if entity.kind == model.POST and "title" not in entity.attributes:
            # Every post has a title (shapes.ttl); a post's name is its title as stated.
            add_pairs(chunk, None, node, (KG.title, Literal(entity.name)))
        if entity.kind == model.AGREEMENT and self.party_counts.get(entity.key, 0) < 2:
            add_pairs(chunk, None, node, (KG.lacksParties, Literal(True)))
        return chunk

    def attributes(self, entity: Entity) -> list[tuple[URIRef, Node]]:
        pairs: list[tuple[URIRef, Node]] = []
        for name in sorted(entity.attributes):
            value = entity.attributes[name]
            if name in LITERAL_ATTRIBUTES:
                prop, datatype = LITERAL_ATTRIBUTES[name]
                if datatype == XSD.decimal:
                    pairs.append((prop, decimal_literal(float(value))))
                else:
                    pairs.append((prop, Literal(str(value), datatype=datatype)))
            # Outside authorities are linked with skos:exactMatch, which OWL reasoners leave
            # alone: owl:sameAs would merge the two individuals under OWL-RL, so every assertion
            # about Baku would gain a second rdf:subject (GeoNames' Baku) and break the shapes.
            elif name == "geonames" and str(value).strip().isdigit():
                # A malformed id would match the wrong place: worse than none.
                pairs.append((SKOS.exactMatch, GEONAMES[f"{int(str(value).strip())}/"]))
            elif name == "wikidata" and _WIKIDATA_ID.fullmatch(str(value).strip()):
                pairs.append((SKOS.exactMatch, WD[str(value).strip()]))
            # Other attributes are working data of the pipeline, not claims about the world.
        return pairs

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

    def fact(self, fact: Fact, evidence: list[Evidence]) -> Chunk:
        triple, chunk = self.triple(fact), []
        if triple is None:
            return chunk
        # The direct triple goes in the default graph, however many documents support it: in a
        # document's graph it would sit in two graphs when two documents state it, and a store
        # that queries the union of graphs (Oxigraph, Virtuoso) would count it twice.
        chunk.append((*triple, None))
        for ev in evidence:
            self.assertion(chunk, self.graph_for(ev.document), fact, triple, ev)
        return chunk

    def assertion(self, chunk: Chunk, g: URIRef | None, fact: Fact,
                  triple: tuple[URIRef, URIRef, Node], ev: Evidence) -> None:
        node = self.iri("assertion/" + digest(
            fact.subject, fact.predicate, fact.object, ev.document, ev.begin, ev.end,
            ev.sentence_begin, ev.sentence_end, ev.rule, ev.confidence, ev.claim))
        document = self.kg.documents.get(ev.document)
        sentence = document and text_literal(document.text[ev.sentence_begin:ev.sentence_end])
        add_pairs(chunk, g, node, *_reified(KG.Assertion, triple),
             (PROV.wasDerivedFrom, self.doc_iri(ev.document)),
             (NIF.beginIndex, offset_literal(ev.begin)), (NIF.endIndex, offset_literal(ev.end)),
             (KG.sentenceBegin, offset_literal(ev.sentence_begin)),
             (KG.sentenceEnd, offset_literal(ev.sentence_end)), (KG.sentence, sentence),
             (KG.rule, text_literal(ev.rule)), (KG.confidence, decimal_literal(ev.confidence)),
             (KG.claim, ev.claim is not None and self.claim_iri(ev.document, ev.claim)))

    def background_fact(self, fact: Fact, version: str) -> Chunk:
        triple, table, chunk = self.triple(fact), self.kg.background[fact], []
        if triple is None:
            return chunk
        # The same fact extracted from text already put this triple in the default graph
        # (its own chunk); writing it again would repeat a line in N-Triples.
        if fact not in self.kg.facts:
            chunk.append((*triple, None))
        node = self.iri("background/" + digest(fact.subject, fact.predicate, fact.object, table))
        add_pairs(chunk, None, node, *_reified(KG.BackgroundAssertion, triple),
             (PROV.wasDerivedFrom, self.segments_iri("table", table, version)))
        return chunk

    def tables(self, version: str) -> Chunk:
        build, chunk = self.iri("build"), []
        for table in sorted(set(self.kg.background.values())):
            node = self.segments_iri("table", table, version)
            chunk.append((build, PROV.used, node, None))
            add_pairs(chunk, None, node, (RDF.type, PROV.Entity),
                 (RDFS.label, Literal(f"kg table {table} ({version})")))
        return chunk

    # -- documents, mentions, claims -------------------------------------------------------

    def document(self, doc: Document) -> Chunk:
        chunk: Chunk = []
        add_pairs(chunk, self.graph_for(doc.id), self.doc_iri(doc.id),
             (RDF.type, SCHEMA.NewsArticle), (RDF.type, PROV.Entity), (RDF.type, NIF.Context),
             (NIF.isString, Literal(doc.text)),
             # NIF wants a context's own span: the whole text.
             (NIF.beginIndex, offset_literal(0)), (NIF.endIndex, offset_literal(len(doc.text))),
             (DCTERMS.title, doc.title and Literal(doc.title)),
             (SCHEMA.datePublished, doc.date and typed_date(doc.date)),
             (DCTERMS.source, doc.source and Literal(doc.source)),
             # A literal, not an IRI: feeds carry URLs no IRI parser would accept.
             (SCHEMA.url, doc.url and Literal(doc.url, datatype=XSD.anyURI)),
             (KG.datelinePlace, doc.dateline_place and Literal(doc.dateline_place)))
        return chunk

    def mention(self, mentions: list[Mention]) -> Chunk:
        """The quads of one mention IRI (a span of a document), for every entity named there."""
        chunk: Chunk = []
        for m in mentions:
            if not self.known(m.entity):
                continue
            doc = self.doc_iri(m.document)
            add_pairs(chunk, self.graph_for(m.document), URIRef(f"{doc}#char={m.begin},{m.end}"),
                 (RDF.type, NIF.Phrase), (NIF.beginIndex, offset_literal(m.begin)),  # RFC 5147
                 (NIF.endIndex, offset_literal(m.end)), (NIF.anchorOf, text_literal(m.anchor)),
                 (NIF.referenceContext, doc), (ITSRDF.taIdentRef, self.iri(m.entity)))
        return chunk

    def claim(self, claims: list[Claim]) -> Chunk:
        chunk: Chunk = []
        for c in claims:
            document = self.kg.documents.get(c.document)
            add_pairs(chunk, self.graph_for(c.document), self.claim_iri(c.document, c.key),
                 (RDF.type, KG.Claim), (RDF.type, PROV.Entity),
                 (PROV.wasDerivedFrom, self.doc_iri(c.document)),
                 (NIF.beginIndex, offset_literal(c.begin)), (NIF.endIndex, offset_literal(c.end)),
                 (NIF.anchorOf, document and text_literal(document.text[c.begin:c.end])),
                 (KG.cue, text_literal(c.cue)),
                 (KG.claimant, self.known(c.claimant) and self.iri(c.claimant)),
                 (KG.claimantOrganization,
                  self.known(c.claimant_org) and self.iri(c.claimant_org)),
                 (DCTERMS.date, c.date and typed_date(c.date)))
        return chunk

    def event(self, pair: tuple) -> Chunk:
        from kg.export.rdf_events import event_chunk   # it builds on this module
        return event_chunk(self, *pair)

    # -- the build -------------------------------------------------------------------------

    def build(self, info: BuildInfo) -> Chunk:
        build, chunk = self.iri("build"), []
        software = self.segments_iri("software", "kg", info.kg_version)
        used = self.segments_iri("model", info.model_name, info.model_version)
        add_pairs(chunk, None, self.iri("graph"), (RDF.type, PROV.Entity),
             (PROV.wasGeneratedBy, build), (DCTERMS.conformsTo, ONTOLOGY_IRI))
        add_pairs(chunk, None, build, (RDF.type, PROV.Activity),
             (PROV.wasAssociatedWith, software), (PROV.used, used))
        add_pairs(chunk, None, software, (RDF.type, PROV.SoftwareAgent),
             (RDFS.label, Literal(f"kg {info.kg_version}")))
        add_pairs(chunk, None, used, (RDF.type, PROV.Entity),
             (RDFS.label, Literal(f"{info.model_name} {info.model_version}")))
        return chunk


def _events(graph: KnowledgeGraph) -> list:
    from kg.export.rdf_events import grouped_events
    return grouped_events(graph)


def add_pairs(chunk: Chunk, g: URIRef | None, node: URIRef,
              *pairs: tuple[URIRef, Node | None | bool | str]) -> None:
    """Append (node, p, o, g) for each pair whose object is a term; falsy objects mean absent."""
    for prop, obj in pairs:
        if type(obj) in _TERM_TYPES or isinstance(obj, Node):   # the first test is the fast one
            chunk.append((node, prop, obj, g))


def _reified(cls: URIRef, triple: tuple[URIRef, URIRef, Node]) -> list[tuple[URIRef, Node]]:
    return [(RDF.type, cls), (RDF.type, PROV.Entity), (RDF.subject, triple[0]),
            (RDF.predicate, triple[1]), (RDF.object, triple[2])]
