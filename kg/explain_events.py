"""`kg explain` for events: the events an entity takes part in (as actor, target or mediator),
and one event explained on its own (`kgd:event/…`).

Each event comes with its PLOVER type, mode and CAMEO code, its date and place, the agreement it
concerns, every participant with its role and the state it acts for there (so the other side of
the entity explained is in the list), and where the text tells it: the document, the trigger's
span, the sentence with the trigger and the participants' mentions highlighted, the rule, the
confidence and who reports it when reported speech carries it. Read with SPARQL through kg.query,
like the rest of kg explain.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import rdflib

from kg.intervals import merged
from kg.model import EVENT_ROLES
from kg.query import query_graph
from kg.vocab import PROPERTY_BY_EVENT_ROLE



@dataclass(frozen=True)
class Participant:
    role: str                     # actor, target or mediator
    iri: str
    name: str
    state: str                    # the name of the state it acts for there, "" when unknown


@dataclass
class ExplainedEvent:
    iri: str
    type: str                     # PLOVER type
    role: str                     # the explained entity's role; "" for an event explained itself
    mode: str
    cameo: str
    date: str
    place: str                    # names, "" when the graph has none
    agreement: str
    document: str                 # the document's IRI
    begin: int                    # the trigger's span in the document
    end: int
    trigger: str
    sentence: str
    sentence_begin: int
    highlights: list[tuple[int, int]]  # the trigger and the participants' mentions, in `sentence`
    confidence: float
    rule: str
    claim: str | None = None
    claimant: str | None = None
    participants: list[Participant] = field(default_factory=list)

    def side(self, role: str) -> list[str]:
        """The names in one role, each with the state it acts for when that is another name."""
        return [p.name + (f" ({p.state})" if p.state and p.state != p.name else "")
                for p in self.participants if p.role == role]


def provenance_pattern(subject: str) -> str:
    """SPARQL binding what kg writes of where ?`subject` (an assertion, an event) comes from:
    ?sentence, ?sb (its begin), ?conf, ?rule, and ?claim with ?who or ?org who makes it."""
    s = f"?{subject}"
    return (f"OPTIONAL {{ {s} kg:sentence ?sentence }}\n"
            f"  OPTIONAL {{ {s} kg:sentenceBegin ?sb }}\n"
            f"  OPTIONAL {{ {s} kg:confidence ?conf }}\n"
            f"  OPTIONAL {{ {s} kg:rule ?rule }}\n"
            f"  OPTIONAL {{ {s} kg:claim ?claim .\n"
            "    OPTIONAL { ?claim kg:claimant/rdfs:label ?who }\n"
            "    OPTIONAL { ?claim kg:claimantOrganization/rdfs:label ?org } }")


# One UNION branch per event role, each through the role's property (kg/vocab.py).
_EVENTS_OF = ("SELECT DISTINCT ?event ?role WHERE {{\n  "
              + "\n  UNION ".join(f'{{{{ ?event <{prop}> {{target}} BIND("{role}" AS ?role) }}}}'
                                 for role, prop in PROPERTY_BY_EVENT_ROLE.items())
              + "\n  ?event a kg:Event .\n}}")
_DETAILS = """
SELECT ?event ?type ?mode ?cameo ?date ?place ?agreement ?doc ?b ?e ?anchor ?sentence ?sb ?conf
       ?rule ?claim ?who ?org WHERE {{
  VALUES ?event {{ {events} }}
  ?event kg:eventType ?type ; prov:wasDerivedFrom ?doc ; nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL {{ ?event kg:eventMode ?mode }}
  OPTIONAL {{ ?event kg:cameoCode ?cameo }}
  OPTIONAL {{ ?event dcterms:date ?date }}
  OPTIONAL {{ ?event kg:eventPlace/rdfs:label ?place }}
  OPTIONAL {{ ?event kg:concerns/rdfs:label ?agreement }}
  OPTIONAL {{ ?event nif:anchorOf ?anchor }}
  {provenance}
}}"""
_PARTICIPANTS = """
SELECT DISTINCT ?event ?role ?who ?name ?state WHERE {{
  VALUES ?event {{ {events} }}
  ?event kg:participation ?p . ?p kg:role ?role ; kg:participant ?who .
  OPTIONAL {{ ?who rdfs:label ?name }}
  OPTIONAL {{ ?p kg:actsFor/rdfs:label ?state }}
}}"""


def events_of(graph: rdflib.Graph, iri: str, as_iri: Callable[[str], str]
              ) -> list[ExplainedEvent]:
    """The events the entity `iri` takes part in, one per event and role, in the order the
    documents tell them. `as_iri` makes a checked SPARQL IRI (kg.explain._iri)."""
    rows = query_graph(graph, _EVENTS_OF.format(target=as_iri(iri))).rows
    roles: dict[str, list[str]] = {}
    for event, role in rows:
        roles.setdefault(event, []).append(role)
    found = []
    for event in _explained(graph, sorted(roles), as_iri):
        for role in sorted(roles[event.iri], key=_role_rank):
            found.append(ExplainedEvent(**{**vars(event), "role": role}))
    return found


def event_itself(graph: rdflib.Graph, iri: str, as_iri: Callable[[str], str]
                 ) -> ExplainedEvent | None:
    """The event whose IRI is `iri`, or None when `iri` is no kg:Event."""
    events = _explained(graph, [iri], as_iri)
    return events[0] if events else None


def _explained(graph: rdflib.Graph, iris: list[str], as_iri: Callable[[str], str]
               ) -> list[ExplainedEvent]:
    if not iris:
        return []
    values = " ".join(as_iri(i) for i in iris)
    result = query_graph(graph, _DETAILS.format(events=values, provenance=provenance_pattern("event")))
    events: dict[str, ExplainedEvent] = {}
    for row in result.rows:
        r = dict(zip(result.columns, row))
        if r["event"] not in events:  # several labels or dates (several files): the first
            events[r["event"]] = _event(r)
    for event, role, who, name, state in query_graph(
            graph, _PARTICIPANTS.format(events=values)).rows:
        if event in events:
            events[event].participants.append(Participant(role, who, name or who, state))
    for event in events.values():
        event.participants = sorted(set(event.participants),
                                    key=lambda p: (_role_rank(p.role), p.name, p.iri))
    _highlight(graph, list(events.values()))
    return sorted(events.values(), key=lambda e: (e.document, e.begin, e.iri))


def _role_rank(role: str) -> int:
    return EVENT_ROLES.index(role) if role in EVENT_ROLES else len(EVENT_ROLES)


def _event(r: dict[str, str]) -> ExplainedEvent:
    begin = int(r["b"])
    return ExplainedEvent(
        r["event"], r["type"], "", r["mode"], r["cameo"], r["date"], r["place"],
        r["agreement"], r["doc"], begin, int(r["e"]), r["anchor"], r["sentence"],
        int(r["sb"] or begin), [], float(r["conf"] or 0), r["rule"], r["claim"] or None,
        r["who"] or r["org"] or None)


def _highlight(graph: rdflib.Graph, events: list[ExplainedEvent]) -> None:
    """Mark in each sentence the trigger and the mentions of the event's participants."""
    from kg.explain import _mentions   # the one query for mentions kg explain uses

    mentions = _mentions(graph, {p.iri for e in events for p in e.participants})
    for event in events:
        start, stop = event.sentence_begin, event.sentence_begin + len(event.sentence)
        who = {p.iri for p in event.participants}
        spans = [(event.begin, event.end)] + [(b, e) for ent, doc, b, e in mentions
                                              if ent in who and doc == event.document]
        event.highlights = merged((b - start, e - start) for b, e in spans
                                  if start <= b and e <= stop)
