"""Background facts: what our own tables say about entities the documents mention (the state a
place lies in, a state's capital, an organisation's parent). They carry the table as their
source, not a document, and the `facts` query does not list them."""
from __future__ import annotations

from kg import model
from kg.model import Fact, KnowledgeGraph
from kg.nlp.gazetteer import Gazetteer


def add_background_facts(graph: KnowledgeGraph, gazetteer: Gazetteer) -> None:
    capitals = {iso3: key for iso3, key in gazetteer.capitals.items() if key in graph.entities}
    for key in sorted(graph.entities):
        entry = gazetteer.entries.get(key)
        if entry is None:
            continue
        state = f"state/{entry.state}" if entry.state else None
        if entry.kind == model.PLACE and state:
            _ensure(graph, gazetteer, state)
            graph.add_background(Fact(key, model.LOCATED_IN, state), "places")
        elif entry.kind in model.ORGANIZATION_KINDS:
            if entry.parent:
                _ensure(graph, gazetteer, entry.parent)
                graph.add_background(Fact(key, model.PARENT_ORGANIZATION, entry.parent),
                                     "organizations")
            if state:
                _ensure(graph, gazetteer, state)
                graph.add_background(Fact(key, model.STATE_OF, state), "organizations")
        elif entry.kind == model.STATE and entry.state in capitals:
            graph.add_background(Fact(key, model.CAPITAL, capitals[entry.state]), "states")


def _ensure(graph: KnowledgeGraph, gazetteer: Gazetteer, key: str) -> None:
    if key not in graph.entities and key in gazetteer.entries:
        graph.add_entity(gazetteer.entity(key))
