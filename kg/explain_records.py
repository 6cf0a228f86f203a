"""`kg explain` for the IRIs kg prints that are not entities: claims, assertions, background
facts, documents, mentions, named graphs, tables, the build and events (kg/export/rdf_terms.py
mints them all under the data base: `event/…`, `claim/…`, `assertion/…`, `background/…`, `doc/…`,
`doc/…#char=b,e`, `graph/…`, `table/…`, `build`, `software/…`, `model/…`).

An event (`event/…`) is explained as a record too, with the event itself laid out as kg explain
lays out an entity's events (kg/explain_events.py): its participants by role and its sentence.

A record's explanation is what the graph says about it (each property, with the name of an
entity it points at), what points at it (besides the assertions and mentions listed on their
own), the facts it carries (a claim's reported facts, an assertion's fact, a document's facts,
each with its sentence, as for an entity) and, for a document, the entities it mentions. A named
graph, which is no subject of any triple, is explained as the document it holds.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import rdflib

from kg.query import query_graph
from kg.query_output import compact_iri
from kg.vocab import prefixes

# rdf:type -> what a record is, most specific first (a claim is also a prov:Entity).
_KINDS = (("kg:Event", "event"), ("kg:Claim", "claim"), ("kg:Assertion", "assertion"),
          ("kg:BackgroundAssertion", "background fact"), ("schema:NewsArticle", "document"),
          ("nif:Phrase", "mention"), ("prov:Activity", "build"),
          ("prov:SoftwareAgent", "software"), ("prov:Entity", "record"))


def _expand(prefixed: str, namespaces: dict[str, str]) -> str:
    prefix, local = prefixed.split(":", 1)
    return namespaces[prefix] + local


# The same by full IRI, as a record's rdf:type values come; expanded once.
_KIND_OF_TYPE = tuple((_expand(t, prefixes()), kind) for t, kind in _KINDS)
# Which assertions a record's facts come from: a SPARQL pattern binding ?a.
_FACTS_OF = {"claim": "?a kg:claim {target} .", "assertion": "VALUES ?a {{ {target} }}",
             "document": "?a prov:wasDerivedFrom {target} ."}
_LISTED_APART = "kg:Assertion, nif:Phrase, kg:BackgroundAssertion"  # shown as facts or mentions
_MAX_REFERENCES = 50


@dataclass(frozen=True)
class Property:
    predicate: str   # a prefixed name (kg:claimant) or the full IRI
    value: str       # an IRI or a literal's value
    name: str        # the label of the IRI it points at, else the value


@dataclass
class RecordExplanation:
    iri: str
    kind: str                     # claim, assertion, background fact, document, mention, …
    name: str                     # its label, title or anchor, else its prefixed IRI
    properties: list[Property]
    referenced_by: list[Property]  # (the subject that points at it, by which predicate)
    facts: list = field(default_factory=list)        # ExplainedFact (kg.explain)
    mentioned: list[tuple[str, str, int]] = field(default_factory=list)  # entity, name, times
    events: list = field(default_factory=list)       # an event: itself (kg.explain_events)
    note: str = ""                # how the IRI asked for led here (a named graph)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def find_record(graph: rdflib.Graph, forms: set[str], as_iri) -> RecordExplanation | None:
    """The record one of `forms` (the IRIs a name may stand for) names, or None when the graph
    has no triple about any of them. `as_iri` makes a checked SPARQL IRI (kg.explain._iri)."""
    for iri in sorted(forms):
        if not iri.startswith(("http:", "https:", "urn:")):
            continue
        if query_graph(graph, f"ASK {{ {as_iri(iri)} ?p ?o }}").rows == [["true"]]:
            return _record(graph, iri, as_iri)
        held = query_graph(graph, f"SELECT ?doc WHERE {{ GRAPH {as_iri(iri)} {{ "
                                  f"?doc a schema:NewsArticle }} }} ORDER BY ?doc").rows
        if held:
            record = _record(graph, held[0][0], as_iri)
            record.note = f"{compact_iri(iri)} is the named graph of this document"
            return record
    return None


def _record(graph: rdflib.Graph, iri: str, as_iri) -> RecordExplanation:
    target = as_iri(iri)
    rows = query_graph(graph, f"""
        SELECT ?p ?o ?name WHERE {{ {target} ?p ?o .
          OPTIONAL {{ ?o rdfs:label ?name }} }}""").rows
    properties = sorted({Property(compact_iri(p), o, name or o) for p, o, name in rows},
                        key=lambda x: (x.predicate, x.value))
    types = {p.value for p in properties if p.predicate == "rdf:type"}
    kind = next((k for t, k in _KIND_OF_TYPE if t in types), "record")
    named = {p.predicate: p.value for p in properties}
    name = next((named[p] for p in ("rdfs:label", "dcterms:title", "nif:anchorOf") if p in named),
                compact_iri(iri))
    record = RecordExplanation(iri, kind, name, properties, _referenced_by(graph, target))
    if kind in _FACTS_OF:
        from kg.explain import facts_with_highlights

        record.facts = facts_with_highlights(graph, iri, _FACTS_OF[kind].format(target=target))
    if kind == "document":
        record.mentioned = _mentioned(graph, target)
    if kind == "event":
        from kg.explain_events import event_itself

        event = event_itself(graph, iri, as_iri)
        if event is not None:
            record.events = [event]
            record.name = f"{event.type} “{event.trigger}”" if event.trigger else event.type
    return record


def _referenced_by(graph: rdflib.Graph, target: str) -> list[Property]:
    rows = query_graph(graph, f"""
        SELECT DISTINCT ?s ?p ?name WHERE {{ ?s ?p {target} .
          FILTER NOT EXISTS {{ ?s a ?apart . FILTER (?apart IN ({_LISTED_APART})) }}
          OPTIONAL {{ ?s rdfs:label ?name }} }}
        ORDER BY ?p ?s LIMIT {_MAX_REFERENCES}""").rows
    return [Property(compact_iri(p), s, name or s) for s, p, name in rows]


def _mentioned(graph: rdflib.Graph, target: str) -> list[tuple[str, str, int]]:
    rows = query_graph(graph, f"""
        SELECT ?e ?name (COUNT(DISTINCT ?m) AS ?n) WHERE {{
          ?m nif:referenceContext {target} ; itsrdf:taIdentRef ?e . ?e rdfs:label ?name }}
        GROUP BY ?e ?name ORDER BY DESC(?n) ?name""").rows
    return [(e, name, int(n)) for e, name, n in rows]
