"""The graph model: plain dataclasses for what extraction finds, and the KnowledgeGraph that merges
them across documents.

Everything here is plain data (no spaCy, no rdflib). Entity identity is a *key*: a path below the
data base IRI minted from what the entity is, never from a counter (`state/AZE`,
`org/AZE/ministry-of-defense`, `person/huseyn-mahmudov`). The same key from two documents is one
entity. A fact is a (subject, predicate, object) triple over keys; every fact keeps every piece of
evidence that supports it, so conflicting values (two dates for one agreement) are both kept, each
with its sources.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import networkx as nx


# Entity kinds. Each maps to one ontology class (kg/vocab.py holds the mapping).
STATE = "state"
PERSON = "person"
POST = "post"
PLACE = "place"
AGREEMENT = "agreement"
GOVERNMENT = "government"
MINISTRY = "ministry"
DEPARTMENT = "department"
AGENCY = "agency"
ARMED_FORCES = "armed_forces"
PARLIAMENT = "parliament"
INTERNATIONAL_ORGANIZATION = "international_organization"
POLITICAL_PARTY = "political_party"
ORGANIZATION = "organization"  # an organisation of no more specific kind
ARMED_GROUP = "armed_group"
NEWS_MEDIA = "news_media"            # a newspaper, broadcaster or news agency

ORGANIZATION_KINDS = (GOVERNMENT, MINISTRY, DEPARTMENT, AGENCY, ARMED_FORCES, PARLIAMENT,
                      INTERNATIONAL_ORGANIZATION, POLITICAL_PARTY, ARMED_GROUP, NEWS_MEDIA,
                      ORGANIZATION)
ENTITY_KINDS = (STATE, PERSON, POST, PLACE, AGREEMENT) + ORGANIZATION_KINDS

# Relations (predicates). Each is a term of the ontology with the same local name.
HOLDS = "holds"                      # Person -> Post
POST_IN = "postIn"                   # Post -> organisation or State
STATE_OF = "state"                   # organisation / Person -> State it belongs to
PARENT_ORGANIZATION = "parentOrganization"  # organisation -> organisation
LOCATED_IN = "locatedIn"             # Place -> State
CAPITAL = "capital"                  # State -> Place (background)
PARTY = "party"                      # Agreement -> State / organisation
SIGNATORY = "signatory"              # Agreement -> Person
MEDIATOR = "mediator"                # Agreement -> State / organisation / Person
DATE_SIGNED = "dateSigned"           # Agreement -> date literal
STATUS = "status"                    # Agreement -> status literal
MEMBER_OF = "memberOf"               # Person -> PoliticalParty / State -> IO

ENTITY_RELATIONS = (HOLDS, POST_IN, STATE_OF, PARENT_ORGANIZATION, LOCATED_IN, CAPITAL, PARTY,
                    SIGNATORY, MEDIATOR, MEMBER_OF)
LITERAL_RELATIONS = (DATE_SIGNED, STATUS)
RELATIONS = ENTITY_RELATIONS + LITERAL_RELATIONS

# The roles an entity plays in an event (kg.model.EventParticipant.role).
ACTOR = "actor"                      # who acts (PLOVER's source)
TARGET = "target"                    # whom the act is aimed at
EVENT_MEDIATOR = "mediator"          # who brokers or mediates it
EVENT_ROLES = (ACTOR, TARGET, EVENT_MEDIATOR)

# Agreement statuses, from least to most advanced (violated/terminated are not "more signed").
STATUSES = ("proposed", "under_negotiation", "signed", "in_force", "violated", "terminated")

# The weight of a relation in GraphML/GEXF is the number of mentions in the text that support it;
# a relation only kg's tables state counts its table as one source.
TABLE_FACT_WEIGHT = 1


@dataclass(frozen=True)
class Document:
    """One article as read. `text` is exactly the text offsets index (dateline included)."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None          # ISO 8601 at its known precision: YYYY-MM-DD, YYYY-MM, YYYY
    source: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    body_start: int = 0              # where the article proper starts (after its title line,
    #                                  bylines and dateline)
    path: str | None = None          # the file it came from, for messages


@dataclass
class Entity:
    key: str
    kind: str
    name: str
    aliases: set[str] = field(default_factory=set)
    # Scalar attributes: iso3, geonames (id), latitude, longitude, agreement_kind, title, ...
    attributes: dict[str, str | int | float] = field(default_factory=dict)

    def merge(self, other: Entity) -> None:
        """Fold another record of the same entity into this one (names become aliases)."""
        if other.name != self.name:
            self.aliases.add(other.name)
        self.aliases |= other.aliases
        self.aliases.discard(self.name)
        for k, v in other.attributes.items():
            self.attributes.setdefault(k, v)


@dataclass(frozen=True)
class Mention:
    entity: str       # entity key
    document: str     # document id
    begin: int
    end: int
    anchor: str       # == document.text[begin:end]


@dataclass(frozen=True)
class Fact:
    subject: str                 # entity key
    predicate: str               # one of RELATIONS
    object: str                  # entity key, or the literal's lexical form for LITERAL_RELATIONS

    @property
    def is_literal(self) -> bool:
        return self.predicate in LITERAL_RELATIONS


@dataclass(frozen=True)
class Evidence:
    """Where a document states a fact: the span that says it, its sentence, the rule, a confidence,
    and the claim it is reported within (None when the article asserts it itself)."""

    document: str
    begin: int
    end: int
    sentence_begin: int
    sentence_end: int
    rule: str
    confidence: float
    claim: str | None = None     # Claim key


@dataclass(frozen=True)
class Claim:
    """Reported speech: who claims what, where the claimed text is."""

    key: str
    document: str
    begin: int                   # the claimed text span
    end: int
    claimant: str | None         # Person (or organisation/State) key
    claimant_org: str | None     # the organisation or State the claimant speaks for
    date: str | None             # ISO date of the claim where known
    cue: str                     # the reporting verb or phrase ("said", "according to")


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded with a PLOVER type: one event found at one span (its trigger
    word and what the parse attaches to it). Keys are unique within their document only."""

    key: str
    document: str
    type: str                    # PLOVER event type (AGREE, FIGHT, ...)
    mode: str | None             # PLOVER mode where the trigger gives one ("visit", "threaten")
    cameo: str | None            # the nearest CAMEO code, where one fits
    begin: int                   # the trigger's span
    end: int
    sentence_begin: int
    sentence_end: int
    rule: str
    confidence: float
    date: str | None = None      # ISO date, relative dates resolved against the document's
    place: str | None = None     # Place or State key
    quantity: str | None = None  # "1390 anti-personnel mines", "three Kenyan soldiers"
    claim: str | None = None     # the Claim key of reported speech that carries it
    agreement: str | None = None  # the Agreement it signs, breaks or brokers


@dataclass(frozen=True)
class EventParticipant:
    """An entity in one role of an event, with the state it acts for there (a person's,
    an organisation's, or the state a demonym names: "Azerbaijani positions")."""

    event: str                   # Event key
    document: str
    role: str                    # one of EVENT_ROLES
    entity: str                  # entity key
    state: str | None            # State key, where known


class _Rekeying:
    """Entity keys in facts, mentions and claims, moved by `mapping` (old key -> new key)."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping

    def key(self, key: str | None) -> str | None:
        return self.mapping.get(key, key) if key is not None else None

    def fact(self, fact: Fact) -> Fact:
        return Fact(self.key(fact.subject), fact.predicate,
                    fact.object if fact.is_literal else self.key(fact.object))

    def mentions(self, mentions: list[Mention]) -> list[Mention]:
        return [replace(m, entity=self.key(m.entity)) if m.entity in self.mapping else m
                for m in mentions]

    def claims(self, claims: list[Claim]) -> list[Claim]:
        return [replace(c, claimant=self.key(c.claimant), claimant_org=self.key(c.claimant_org))
                for c in claims]

    def events(self, events: list[Event]) -> list[Event]:
        return [replace(e, place=self.key(e.place), agreement=self.key(e.agreement))
                for e in events]

    def participants(self, participants: list[EventParticipant]) -> list[EventParticipant]:
        return [replace(p, entity=self.key(p.entity), state=self.key(p.state))
                for p in participants]


@dataclass
class DocumentExtraction:
    """All that one document yields. Plain data, so it can be cached and merged anywhere."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[tuple[Fact, Evidence]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)

    def add_entity(self, entity: Entity) -> Entity:
        known = self.entities.get(entity.key)
        if known is None:
            self.entities[entity.key] = entity
            return entity
        known.merge(entity)
        return known

    def rekey(self, mapping: dict[str, str]) -> None:
        """Make entities one: every mention, fact and claim of `old` becomes one of
        `mapping[old]`, whose entity takes `old`'s names as aliases (or is `old`'s, renamed)."""
        rekey = _Rekeying(mapping)
        for old, target in mapping.items():
            entity = self.entities.pop(old, None)
            if entity is not None:
                self.add_entity(Entity(target, entity.kind, entity.name, set(entity.aliases),
                                       dict(entity.attributes)))
        self.facts = [(rekey.fact(f), e) for f, e in self.facts]
        self.mentions, self.claims = rekey.mentions(self.mentions), rekey.claims(self.claims)
        self.events = rekey.events(self.events)
        self.participants = rekey.participants(self.participants)


@dataclass
class KnowledgeGraph:
    """Entities, facts with all their evidence, background facts from our tables, documents."""

    entities: dict[str, Entity] = field(default_factory=dict)
    facts: dict[Fact, list[Evidence]] = field(default_factory=dict)
    background: dict[Fact, str] = field(default_factory=dict)   # fact -> table it comes from
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)

    def add_extraction(self, extraction: DocumentExtraction) -> None:
        self.documents[extraction.document.id] = extraction.document
        for entity in extraction.entities.values():
            self.add_entity(entity)
        self.mentions.extend(extraction.mentions)
        for fact, evidence in extraction.facts:
            sources = self.facts.setdefault(fact, [])
            if evidence not in sources:
                sources.append(evidence)
        self.claims.extend(extraction.claims)
        self.events.extend(extraction.events)
        self.participants.extend(extraction.participants)

    def add_entity(self, entity: Entity) -> Entity:
        known = self.entities.get(entity.key)
        if known is None:
            copy = Entity(entity.key, entity.kind, entity.name, set(entity.aliases),
                          dict(entity.attributes))
            self.entities[entity.key] = copy
            return copy
        known.merge(entity)
        return known

    def rekey(self, mapping: dict[str, str]) -> None:
        """Make entities one: every mention, fact and claim of `old` becomes one of
        `mapping[old]`, whose entity takes `old`'s names as aliases."""
        rekey = _Rekeying(mapping)
        for old, target in sorted(mapping.items()):
            entity = self.entities.pop(old, None)
            if entity is not None and target in self.entities:
                self.entities[target].merge(entity)
        facts: dict[Fact, list[Evidence]] = {}
        for fact, evidence in self.facts.items():
            sources = facts.setdefault(rekey.fact(fact), [])
            sources.extend(e for e in evidence if e not in sources)
        self.facts = facts
        self.background = {rekey.fact(f): table for f, table in self.background.items()}
        self.mentions, self.claims = rekey.mentions(self.mentions), rekey.claims(self.claims)
        self.events = rekey.events(self.events)
        self.participants = rekey.participants(self.participants)

    def add_background(self, fact: Fact, table: str) -> None:
        self.background.setdefault(fact, table)

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        return counts

    def sorted_facts(self) -> list[tuple[Fact, list[Evidence]]]:
        """Facts in a stable order, each with its evidence sorted (deterministic exports)."""
        return [(f, sorted(self.facts[f], key=_evidence_order))
                for f in sorted(self.facts, key=lambda f: (f.subject, f.predicate, f.object))]

    def to_networkx(self) -> nx.MultiDiGraph:
        """A property graph for GraphML/GEXF: one node per entity, one edge per relation between
        entities (key = a unique edge id), literal facts folded into node attributes, and one
        edge per actor, target and event type (kg/export/event_edges.py)."""
        # Imported here, not at the top: builds that write only RDF never need networkx, and
        # its import costs a tenth of a second of every start-up.
        import networkx as nx

        graph = nx.MultiDiGraph()
        counts = self.mention_counts()
        for key in sorted(self.entities):
            e = self.entities[key]
            attrs: dict[str, object] = {"label": e.name, "kind": e.kind,
                                        "mentions": counts.get(key, 0),
                                        "aliases": sorted(e.aliases)}
            attrs.update(e.attributes)
            graph.add_node(key, **attrs)
        for fact, evidence in self.sorted_facts():
            _add_fact_to_graph(graph, fact, evidence, self.documents)
        for fact in sorted(self.background, key=lambda f: (f.subject, f.predicate, f.object)):
            _add_background_to_graph(graph, fact)
        from kg.export.event_edges import add_event_edges, event_ends
        add_event_edges(graph, event_ends(self))
        return graph


def _add_fact_to_graph(graph: nx.MultiDiGraph, fact: Fact, evidence: list[Evidence],
                       documents: dict[str, Document]) -> None:
    if fact.subject not in graph:
        return
    if fact.is_literal:
        values = graph.nodes[fact.subject].setdefault(fact.predicate, [])
        if fact.object not in values:
            values.append(fact.object)
        return
    if fact.object not in graph:
        return
    dates = sorted(d for d in (documents[e.document].date for e in evidence
                               if e.document in documents) if d)
    attrs: dict[str, object] = {"label": fact.predicate, "weight": len(evidence),
                                "background": False,
                                "claimed": all(e.claim for e in evidence)}
    if dates:
        attrs["first_date"], attrs["last_date"] = dates[0], dates[-1]
    graph.add_edge(fact.subject, fact.object, key=_edge_id(fact), **attrs)


def _add_background_to_graph(graph: nx.MultiDiGraph, fact: Fact) -> None:
    # A table is one source, so the weight is 1, never 0: Gephi drops every edge of weight 0.
    # A fact the text states too keeps its edge from the text (background means tables only).
    key = _edge_id(fact)
    if fact.subject in graph and fact.object in graph \
            and not graph.has_edge(fact.subject, fact.object, key=key):
        graph.add_edge(fact.subject, fact.object, key=key, label=fact.predicate,
                       weight=TABLE_FACT_WEIGHT, background=True, claimed=False)


def _edge_id(fact: Fact) -> str:
    return f"{fact.subject}|{fact.predicate}|{fact.object}"


def _evidence_order(e: Evidence) -> tuple:
    return (e.document, e.begin, e.end, e.rule, e.claim or "")


def merge_extractions(extractions: Iterable[DocumentExtraction]) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    for extraction in extractions:
        graph.add_extraction(extraction)
    return graph
