"""The RDF of events: one chunk per event (kg/export/rdf_terms.py plans the chunks).

An event is a kg:Event node with the provenance an assertion has (document, offsets of its
trigger, sentence, rule, confidence, claim), its PLOVER type, mode and CAMEO code, date, place,
quantity and the agreement it concerns; a direct link to each entity in each role (kg:actor,
kg:target, kg:mediatedBy), and a kg:Participation per entity and role naming the state the
entity acts for there. Participants kg does not describe are left out, as facts are.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from rdflib import URIRef

from kg.export.rdf_literals import decimal_literal, offset_literal, text_literal, typed_date
from kg.export.rdf_terms import DCTERMS, KG, NIF, PROV, RDF, Chunk, add_pairs, digest
from kg.model import Event, EventParticipant, KnowledgeGraph
from kg.vocab import PROPERTY_BY_EVENT_ROLE

if TYPE_CHECKING:
    from kg.export.rdf_terms import _Quads


def grouped_events(graph: KnowledgeGraph) -> list[tuple[Event, list[EventParticipant]]]:
    """Each event with its participants, in a deterministic order."""
    by_event: dict[tuple[str, str], list[EventParticipant]] = {}
    for p in graph.participants:
        by_event.setdefault((p.document, p.event), []).append(p)
    return [(e, sorted(by_event.get((e.document, e.key), []),
                       key=lambda p: (p.role, p.entity, p.state or "")))
            for e in sorted(graph.events, key=lambda e: (e.document, e.begin, e.key))]


def event_chunk(quads: _Quads, event: Event, participants: Sequence[EventParticipant]) -> Chunk:
    """The quads of one event (`quads` gives IRIs, the graph of a document, known entities)."""
    chunk: Chunk = []
    g = quads.graph_for(event.document)
    # Event keys are unique within their document, so the document is hashed too.
    node = quads.iri("event/" + digest(event.document, event.key))
    document = quads.kg.documents.get(event.document)
    sentence = document and text_literal(document.text[event.sentence_begin:event.sentence_end])
    known = quads.known
    add_pairs(chunk, g, node, (RDF.type, KG.Event), (RDF.type, PROV.Entity),
         (KG.eventType, text_literal(event.type)), (KG.eventMode, event.mode and text_literal(event.mode)),
         (KG.cameoCode, event.cameo and text_literal(event.cameo)),
         (PROV.wasDerivedFrom, quads.doc_iri(event.document)),
         (NIF.beginIndex, offset_literal(event.begin)), (NIF.endIndex, offset_literal(event.end)),
         (NIF.anchorOf, document and text_literal(document.text[event.begin:event.end])),
         (KG.sentenceBegin, offset_literal(event.sentence_begin)),
         (KG.sentenceEnd, offset_literal(event.sentence_end)), (KG.sentence, sentence),
         (KG.rule, text_literal(event.rule)), (KG.confidence, decimal_literal(event.confidence)),
         (DCTERMS.date, event.date and typed_date(event.date)),
         (KG.eventPlace, known(event.place) and quads.iri(event.place)),
         (KG.quantity, event.quantity and text_literal(event.quantity)),
         (KG.claim, event.claim is not None and quads.claim_iri(event.document, event.claim)),
         (KG.concerns, known(event.agreement) and quads.iri(event.agreement)))
    for i, p in enumerate(q for q in participants if known(q.entity)):
        part = URIRef(f"{node}/{p.role}/{i}")
        add_pairs(chunk, g, node, (PROPERTY_BY_EVENT_ROLE[p.role], quads.iri(p.entity)),
             (KG.participation, part))
        add_pairs(chunk, g, part, (RDF.type, KG.Participation), (KG.role, text_literal(p.role)),
             (KG.participant, quads.iri(p.entity)),
             (KG.actsFor, known(p.state) and quads.iri(p.state)))
    return chunk
