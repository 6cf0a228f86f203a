"""The graph a picture shows, read from kg's RDF exports through the query layer.

Keeps: every entity (a subject with a `kg:kind`) as a node with its `label`, `kind`, `mentions`
(how many mentions identify it), `aliases` and its literal attributes (`iso3`, `latitude`,
`longitude`, `agreement_kind`, `title`, and the lists `dateSigned` and `status`); every relation
between two entities as an edge keyed "subject|relation|object", with `label` (the relation),
`weight` (the number of assertions that support it, or 1 when only kg's tables do, as in
`KnowledgeGraph.to_networkx()`) and `background` (true when only kg's tables support it); every
event with an actor and a target as an edge per (actor, PLOVER type, target), as
kg/export/event_edges.py makes them for GraphML and GEXF (`event_type`, `weight` the number of
events, dates, a colour by type). Node
ids are entity keys (`state/AZE`) when the IRI is under kg's default data base, full IRIs
otherwise.

Drops: provenance (documents, sentences, offsets, claims), `skos:exactMatch` links to GeoNames
and Wikidata and rdf:type, which a picture has no room for; `kg query` reaches them.

The shape is that of `KnowledgeGraph.to_networkx()` so a picture of an export and a picture of a
freshly built graph are drawn by the same code. rdflib stays behind kg.query: this module only
sends SPARQL and reads rows of strings.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import networkx as nx

from kg.export.event_edges import EventEnds, add_event_edges, edge_ends
from kg.export.property_graph import clean_text
from kg.model import TABLE_FACT_WEIGHT
from kg.query import QueryResult, load_graph, query_graph
from kg.query_output import compact_iri
from kg.vocab import DATA_BASE

# One query for every triple about an entity, literals flagged: one pass over the data is far
# faster in rdflib than one query per attribute or a join on both ends of a relation.
_ENTITY_TRIPLES = """
SELECT ?s ?p ?o (isLiteral(?o) AS ?literal) WHERE { ?s kg:kind ?kind ; ?p ?o . }
"""
_SUPPORT = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?a) AS ?sources) WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
} GROUP BY ?s ?p ?o
"""
_BACKGROUND = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?a a kg:BackgroundAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}
"""
# Each event with its actors and, where it has them, its targets (edge_ends makes the edges).
_EVENTS = """
SELECT ?event ?type ?actor ?target ?doc ?date ?published ?cameo ?mode ?claim WHERE {
  ?event a kg:Event ; kg:eventType ?type ; kg:actor ?actor ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?event kg:target ?target }
  OPTIONAL { ?event dcterms:date ?date }
  OPTIONAL { ?doc schema:datePublished ?published }
  OPTIONAL { ?event kg:cameoCode ?cameo }
  OPTIONAL { ?event kg:eventMode ?mode }
  OPTIONAL { ?event kg:claim ?claim }
}
"""
_MENTIONS = """
SELECT ?e (COUNT(DISTINCT ?m) AS ?mentions) WHERE { ?m itsrdf:taIdentRef ?e . } GROUP BY ?e
"""

# Literal properties → node attribute names as KnowledgeGraph.to_networkx() spells them. Others
# (kg:lacksParties, …) keep their local name.
_SINGLE = {"rdfs:label": "label", "kg:kind": "kind", "kg:iso3": "iso3",
           "schema:latitude": "latitude", "schema:longitude": "longitude",
           "kg:agreementKind": "agreement_kind", "kg:title": "title"}
_MULTIPLE = {"skos:altLabel": "aliases", "kg:dateSigned": "dateSigned", "kg:status": "status"}
_NUMBERS = {"latitude", "longitude"}


def graph_from_rdf(paths: Sequence[str | Path]) -> nx.MultiDiGraph:
    """Read kg's RDF exports (any format kg.query reads; several files are one graph) into a
    MultiDiGraph of entities and the relations between them."""
    dataset = load_graph(paths)
    rows = query_graph(dataset, _ENTITY_TRIPLES).rows
    entities = sorted({s for s, *_ in rows})
    graph = nx.MultiDiGraph()
    mentions = _counts(query_graph(dataset, _MENTIONS))
    for iri in entities:
        graph.add_node(node_id(iri), iri=iri, mentions=mentions.get(iri, 0))
    _add_literals(graph, [r for r in rows if r[3] == "true"])
    support = {(s, p, o): int(n) for s, p, o, n in query_graph(dataset, _SUPPORT).rows}
    background = {tuple(r) for r in query_graph(dataset, _BACKGROUND).rows}
    known = set(entities)
    for s, p, o, literal in sorted(rows):
        if literal == "false" and o in known:
            _add_relation(graph, (s, p, o), support.get((s, p, o), 0), (s, p, o) in background)
    add_event_edges(graph, _event_ends(query_graph(dataset, _EVENTS)))
    return graph


def node_id(iri: str) -> str:
    """The entity key for an IRI under kg's default data base; the IRI itself otherwise."""
    return iri[len(DATA_BASE):] if iri.startswith(DATA_BASE) and len(iri) > len(DATA_BASE) else iri


def relation_name(predicate: str) -> str:
    """`party` for kg:party; a prefixed name (`skos:related`) for a predicate of another
    vocabulary; the IRI when no prefix is known."""
    compact = compact_iri(predicate)
    prefix, _, local = compact.partition(":")
    return local if prefix == "kg" else compact


def _counts(result: QueryResult) -> dict[str, int]:
    return {key: int(count) for key, count in result.rows}


def _add_literals(graph: nx.MultiDiGraph, rows: list[list[str]]) -> None:
    for s, p, o, _ in sorted(rows):
        data = graph.nodes[node_id(s)]
        name = compact_iri(p)
        # Control characters and lone surrogates would abort an SVG (XML) or a font lookup.
        o = clean_text(o)
        if name in _SINGLE:
            attribute = _SINGLE[name]
            # An entity has one label and kind (SHACL); with several files, the first one wins.
            data.setdefault(attribute, _number(o) if attribute in _NUMBERS else o)
        else:
            attribute = _MULTIPLE.get(name, relation_name(p))
            values = data.setdefault(attribute, [])
            if isinstance(values, list) and o not in values:
                values.append(o)
    for _, data in graph.nodes(data=True):
        # A node with no label would be blank in every picture; its key is the next best name.
        data.setdefault("label", node_id(data["iri"]))


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:  # a malformed literal: keep it, as text, rather than fail the picture
        return text


def _event_ends(result: QueryResult) -> list[EventEnds]:
    rows: dict[str, list[dict[str, str]]] = {}
    for row in result.rows:
        r = dict(zip(result.columns, row))
        rows.setdefault(r["event"], []).append(r)
    ends = []
    for event, found in rows.items():
        actors = {node_id(r["actor"]) for r in found}
        targets = {node_id(r["target"]) for r in found if r["target"]}
        # Several dates or CAMEO codes (several files) would repeat a row; the set of events
        # an edge counts is by IRI, so a repeat changes nothing but the lists.
        ends += [EventEnds(event, r["type"], actor, target, r["date"] or r["published"] or None,
                           node_id(r["doc"]), r["cameo"] or None, r["mode"] or None,
                           bool(r["claim"]))
                 for actor, target in edge_ends(actors, targets) for r in found]
    return ends


def _add_relation(graph: nx.MultiDiGraph, triple: tuple[str, str, str], sources: int,
                  background: bool) -> None:
    s, p, o = triple
    subject, relation, obj = node_id(s), relation_name(p), node_id(o)
    only_tables = background and sources == 0
    graph.add_edge(subject, obj, key=f"{subject}|{relation}|{obj}", label=relation,
                   weight=TABLE_FACT_WEIGHT if only_tables else sources, background=only_tables)
