"""`kg explain`: what a graph knows about one entity, and the sentences that say it.

Given a name (a label, an alias, a surname, a few words of a longer name, an ISO3 code) or an IRI
(full, prefixed `kgd:…`, or a bare key `state/AZE`), find the entity, then gather every fact it
takes part in, in both directions, each with the sources that state it: the document, the
sentence, the span, the mentions to highlight, the rule, the confidence and, for a fact reported
within a claim, who claims it. Background facts (from kg's tables) are listed as such. Claims the
entity makes (as claimant, or as the organisation a claimant speaks for) follow, and the events
it takes part in (kg/explain_events.py) come last.

Every other IRI kg prints (a claim, an assertion, a document, a mention, a named graph, …) is
explained as a record by kg/explain_records.py, with the facts it carries found the same way.

Everything is read with SPARQL through kg.query, so it works on any kg export (named graphs
included) and on a store that holds one. Plain data out; the CLI renders it.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

import rdflib

from kg.errors import KGError
from kg.intervals import merged
from kg.explain_events import ExplainedEvent, events_of, provenance_pattern
from kg.explain_records import RecordExplanation, find_record
from kg.query import load_graph, query_graph
from kg.vocab import DATA_BASE, prefixes

OUTGOING, INCOMING = "outgoing", "incoming"
_IRI_FORBIDDEN = re.compile(r'[<>"{}|\\^`\s]')


class UnknownEntity(KGError):
    """No entity of the graph goes by the name asked for."""


class AmbiguousName(KGError):
    """Several entities go by the name asked for; `candidates` lists them."""

    def __init__(self, message: str, candidates: list[Candidate]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass(frozen=True)
class Candidate:
    iri: str
    name: str
    kind: str


@dataclass
class Source:
    """One place a document states a fact."""

    document: str                 # the document's IRI
    begin: int                    # the span that states the fact, in the document's text
    end: int
    sentence: str
    sentence_begin: int
    highlights: list[tuple[int, int]]  # mentions of the fact's ends, offsets in `sentence`
    confidence: float
    rule: str
    claim: str | None = None      # the claim's IRI when the fact is reported speech
    claimant: str | None = None   # who claims it (their name), else the body they speak for


@dataclass
class ExplainedFact:
    subject: str
    subject_name: str
    predicate: str                # the relation's local name: holds, party, dateSigned, …
    object: str                   # an IRI, or a literal's value
    object_name: str
    direction: str                # OUTGOING (the entity is the subject) or INCOMING
    background: str | None = None  # the table it comes from, when kg's tables state it
    sources: list[Source] = field(default_factory=list)


@dataclass
class ClaimMade:
    claim: str
    document: str
    begin: int
    end: int
    text: str
    claimant: str
    date: str
    cue: str


@dataclass
class Explanation:
    entity: Candidate
    aliases: list[str]
    mentions: int
    documents: list[str]
    facts: list[ExplainedFact]
    claims: list[ClaimMade]
    events: list[ExplainedEvent] = field(default_factory=list)   # as actor, target, mediator

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def explain(paths: Sequence[str | Path], name: str) -> Explanation | RecordExplanation:
    """What the exports `paths` know about the entity `name`, or about the claim, assertion,
    document or other record whose IRI `name` is. Raises UnknownEntity, or AmbiguousName with
    the candidates when several entities go by that name."""
    return explain_graph(load_graph(paths), name)


def explain_graph(graph: rdflib.Graph, name: str) -> Explanation | RecordExplanation:
    """`explain` over a graph already loaded with kg.query.load_graph."""
    candidates = find_entities(graph, name)
    if not candidates and _looks_like_iri(name.strip()):
        record = find_record(graph, _iri_forms(name.strip()), _iri)
        if record is not None:
            return record
        raise UnknownEntity(f"nothing in the graph has the IRI {name.strip()!r}; kg explain "
                            "takes the IRIs kg prints, full or short: entities (kgd:state/AZE), "
                            "claims (kgd:claim/…), assertions, documents (kgd:doc/…), mentions; "
                            "kg query GRAPH facts|claims|documents lists them")
    if not candidates:
        raise UnknownEntity(f"no entity is named {name!r}; give a name, an alias, a surname, an "
                            "ISO3 code or an IRI (kg query GRAPH states|people|organizations|"
                            "agreements lists them)")
    if len(candidates) > 1:
        raise AmbiguousName(f"{name!r} names {len(candidates)} entities; ask again with one of "
                            "their IRIs", candidates)
    entity = candidates[0]
    facts = _document_facts(graph, entity.iri, _ENDS.format(target=_iri(entity.iri)))
    _add_background(graph, entity.iri, facts)
    mentions = _highlight_all(graph, facts, {entity.iri})
    own = [m for m in mentions if m[0] == entity.iri]
    return Explanation(entity, _aliases(graph, entity), len(own), sorted({m[1] for m in own}),
                       sorted(facts.values(), key=_fact_order), _claims_made(graph, entity.iri),
                       events_of(graph, entity.iri, _iri))


def facts_with_highlights(graph: rdflib.Graph, iri: str, selector: str) -> list[ExplainedFact]:
    """The facts of the assertions `selector` (a SPARQL pattern binding ?a) picks, each source
    with its mentions highlighted; `iri` is the thing explained (the facts' direction)."""
    facts = _document_facts(graph, iri, selector)
    _highlight_all(graph, facts, set())
    return sorted(facts.values(), key=_fact_order)


def _highlight_all(graph: rdflib.Graph, facts: dict[tuple[str, str, str], ExplainedFact],
                   also: set[str]) -> list[tuple[str, str, int, int]]:
    """Highlights every source's mentions of its fact's ends; the mentions of the ends and of
    `also`, which the caller may count."""
    mentions = _mentions(graph, also | {f.subject for f in facts.values()}
                         | {f.object for f in facts.values()})
    for fact in facts.values():
        for source in fact.sources:
            source.highlights = _highlights(source, mentions, {fact.subject, fact.object})
    return mentions


# --- finding the entity --------------------------------------------------------------------

_NAMES = """
SELECT ?e ?label ?kind ?n WHERE {
  ?e kg:kind ?kind ; rdfs:label ?label .
  { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } UNION { ?e kg:iso3 ?n }
}"""


def find_entities(graph: rdflib.Graph, name: str) -> list[Candidate]:
    """The entities `name` may mean, from the most to the least exact way of naming: an IRI or
    key; a label, alias or ISO3 code; the words of a longer name (a surname). The first way that
    finds any gives the answer."""
    entities: dict[str, Candidate] = {}
    names: dict[str, set[str]] = {}
    for row in query_graph(graph, _NAMES).rows:
        iri, label, kind, other = row
        entities[iri] = Candidate(iri, label, kind)
        names.setdefault(iri, set()).add(_normal(other))
    text, wanted = name.strip(), _normal(name)
    forms = _iri_forms(text)
    tiers = [lambda iri: wanted in names[iri],
             lambda iri: any(_has_words(n, wanted) for n in names[iri])]
    if _looks_like_iri(text):  # an IRI, a prefixed name or a key (under any base)
        tiers.insert(0, lambda iri: iri in forms or iri.endswith("/" + text))
    for matches in tiers:
        found = sorted((entities[iri] for iri in entities if matches(iri)),
                       key=lambda c: (c.name, c.iri))
        if found:
            return found
    return []


def _normal(text: str) -> str:
    words = text.casefold().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _has_words(name: str, words: str) -> bool:
    # Whole words only: "Aliyev" finds "Ilham Aliyev", "Ali" does not.
    return bool(words) and f" {words} " in f" {name} "


def _looks_like_iri(text: str) -> bool:
    return "/" in text or ":" in text


def _iri_forms(text: str) -> set[str]:
    text = text.removeprefix("<").removesuffix(">")  # an IRI as SPARQL and Turtle write it
    forms = {text}
    prefix, _, local = text.partition(":")
    known = prefixes()
    if prefix in known and local and not local.startswith("//"):
        forms.add(known[prefix] + local)
    if "/" in text and ":" not in text:
        forms.add(DATA_BASE + text)
    return forms


def _aliases(graph: rdflib.Graph, entity: Candidate) -> list[str]:
    rows = query_graph(graph, f"SELECT ?n WHERE {{ {_iri(entity.iri)} skos:altLabel ?n }}").rows
    return sorted({r[0] for r in rows} - {entity.name})


def _iri(value: str) -> str:
    """An IRI for SPARQL text; IRIs come from the graph itself, but never trust a string."""
    if _IRI_FORBIDDEN.search(value):
        raise KGError(f"{value!r} cannot be used as an IRI")
    return f"<{value}>"


# --- facts ---------------------------------------------------------------------------------

_ENDS = "{{ ?a rdf:subject {target} }} UNION {{ ?a rdf:object {target} }}"
_FACTS = """
SELECT ?a ?s ?sName ?p ?o ?oName ?doc ?b ?e ?sb ?sentence ?conf ?rule ?claim ?who ?org
WHERE {{
  {selector}
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     prov:wasDerivedFrom ?doc ; nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL {{ ?s rdfs:label ?sName }}
  OPTIONAL {{ ?o rdfs:label ?oName }}
  {provenance}
}}"""


def _document_facts(graph: rdflib.Graph, iri: str, selector: str
                    ) -> dict[tuple[str, str, str], ExplainedFact]:
    """The facts of the assertions `selector` picks (a SPARQL pattern binding ?a)."""
    facts: dict[tuple[str, str, str], ExplainedFact] = {}
    result = query_graph(graph, _FACTS.format(selector=selector, provenance=provenance_pattern("a")))
    for row in result.rows:
        r = dict(zip(result.columns, row))
        fact = _fact(facts, iri, r)
        source = Source(r["doc"], int(r["b"]), int(r["e"]), r["sentence"],
                        int(r["sb"] or r["b"]), [], float(r["conf"] or 0), r["rule"],
                        r["claim"] or None, r["who"] or r["org"] or None)
        if source not in fact.sources:
            fact.sources.append(source)
    for fact in facts.values():
        fact.sources.sort(key=lambda s: (s.document, s.begin, s.end, s.rule))
    return facts


def _fact(facts: dict[tuple[str, str, str], ExplainedFact], iri: str,
          r: dict[str, str]) -> ExplainedFact:
    predicate = r["p"].rsplit("#", 1)[-1]
    key = (r["s"], predicate, r["o"])
    if key not in facts:
        direction = OUTGOING if r["s"] == iri else INCOMING
        facts[key] = ExplainedFact(r["s"], r["sName"] or r["s"], predicate, r["o"],
                                   r["oName"] or r["o"], direction)
    return facts[key]


_BACKGROUND = """
SELECT ?s ?sName ?p ?o ?oName ?table WHERE {{
  {{ ?x rdf:subject {target} }} UNION {{ ?x rdf:object {target} }}
  ?x a kg:BackgroundAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     prov:wasDerivedFrom ?t .
  OPTIONAL {{ ?t rdfs:label ?table }}
  OPTIONAL {{ ?s rdfs:label ?sName }}
  OPTIONAL {{ ?o rdfs:label ?oName }}
}}"""


def _add_background(graph: rdflib.Graph, iri: str,
                    facts: dict[tuple[str, str, str], ExplainedFact]) -> None:
    """Facts from kg's tables: marked with their table; a fact documents state too keeps its
    sources and gains the mark."""
    result = query_graph(graph, _BACKGROUND.format(target=_iri(iri)))
    for row in result.rows:
        r = dict(zip(result.columns, row))
        fact = _fact(facts, iri, r)
        fact.background = r["table"] or "kg's tables"


def _fact_order(fact: ExplainedFact) -> tuple:
    # Documented facts first, then background; within each, by relation and the other end.
    other = fact.object_name if fact.direction == OUTGOING else fact.subject_name
    return (not fact.sources, fact.direction != OUTGOING, fact.predicate, other.casefold())


# --- mentions and highlights -----------------------------------------------------------------

def _mentions(graph: rdflib.Graph, entities: set[str]) -> list[tuple[str, str, int, int]]:
    """(entity, document, begin, end) of every mention of the given entities."""
    iris = " ".join(_iri(e) for e in sorted(entities) if e.startswith(("http:", "https:")))
    if not iris:  # rdflib fails on an empty VALUES block
        return []
    result = query_graph(graph, f"""
        SELECT ?ent ?doc ?b ?e WHERE {{
          VALUES ?ent {{ {iris} }}
          ?m itsrdf:taIdentRef ?ent ; nif:referenceContext ?doc ;
             nif:beginIndex ?b ; nif:endIndex ?e .
        }}""")
    return sorted((ent, doc, int(b), int(e)) for ent, doc, b, e in result.rows)


def _highlights(source: Source, mentions: list[tuple[str, str, int, int]],
                ends: set[str]) -> list[tuple[int, int]]:
    """The mentions of the fact's ends inside the source's span, as offsets in its sentence;
    the span itself when it holds none (a pronoun, a name the rules inferred)."""
    start, stop = source.sentence_begin, source.sentence_begin + len(source.sentence)
    found = sorted((max(b, start) - start, min(e, stop) - start)
                   for ent, doc, b, e in mentions
                   if ent in ends and doc == source.document
                   and source.begin <= b and e <= source.end and b < stop and e > start)
    if not found:
        found = [(max(source.begin, start) - start, min(source.end, stop) - start)]
    # Nested mentions ("Azerbaijani" in "Azerbaijani Defense Ministry") become one.
    return [(b, e) for b, e in merged(found) if b < e]


# --- claims the entity makes -------------------------------------------------------------------

_CLAIMS = """
SELECT DISTINCT ?claim ?doc ?b ?e ?text ?who ?date ?cue WHERE {{
  {{ ?claim kg:claimant {target} }} UNION {{ ?claim kg:claimantOrganization {target} }}
  ?claim a kg:Claim ; prov:wasDerivedFrom ?doc ; nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL {{ ?claim nif:anchorOf ?text }}
  OPTIONAL {{ ?claim kg:claimant/rdfs:label ?who }}
  OPTIONAL {{ ?claim dcterms:date ?date }}
  OPTIONAL {{ ?claim kg:cue ?cue }}
}}"""


def _claims_made(graph: rdflib.Graph, iri: str) -> list[ClaimMade]:
    rows = query_graph(graph, _CLAIMS.format(target=_iri(iri))).rows
    made = {r[0]: ClaimMade(r[0], r[1], int(r[2]), int(r[3]), r[4], r[5], r[6], r[7])
            for r in rows}
    return sorted(made.values(), key=lambda c: (c.document, c.begin, c.claim))
