"""Events as edges of the property graph (GraphML, GEXF): who did what to whom, over time.

One edge per (actor, target, PLOVER type): from the entity that acts to the entity the act is
aimed at, keyed "actor|TYPE|target" (PLOVER types are upper case, relations never are). Its
`label` is the type, so Gephi's edge kind keeps a FIGHT and a DISAPPROVE between the same two
states apart; its `weight` is the number of events (never 0); it carries the `cameo` codes and
`mode`s of those events, `first_date` / `last_date`, every `event_dates`, the `documents`, the
PLOVER type again as `event_type` (so GraphML, which has no edge kinds, can partition by it) and a
`color` by type (kg/export/palette.py). `spells` are the days each event covers: a day, or the
whole month or year the text gives ("in 2020"), overlapping spells merged, so Gephi's timeline
shows an edge only while its events happen and a moving window plays the conflict.

An event the text does not date takes its article's date, as relation edges do.

An event of two or more actors and no target ("Chile and Peru held talks", "clashes between A
and B", "the two sides signed") is an edge between each pair of its actors, from the first in
the order of their ids: they are each other's counterpart.

Left out, and why: an event with one actor and no target, or no actor ("Russia mobilised
reservists"), since an edge needs two ends and a self-loop or an edge to the place would say
something the text does not; a participant kg does not describe; an actor that is its own target;
mediators (the RDF export and `kg query GRAPH events` keep all of them).
"""
from __future__ import annotations

import calendar
from datetime import date
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from kg.export import palette
from kg.intervals import merged
from kg.model import ACTOR, TARGET, KnowledgeGraph

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class EventEnds:
    """One event between one actor and one target: what an event edge counts."""

    event: str                   # unique over the graph (document and event key, or its IRI)
    type: str
    actor: str                   # node ids
    target: str
    day: str | None              # the event's date, else its article's
    document: str
    cameo: str | None = None
    mode: str | None = None
    claimed: bool = False


@dataclass
class _EventEdge:
    events: set[str] = field(default_factory=set)
    cameo: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    claimed: bool = True


def add_event_edges(graph: nx.MultiDiGraph, ends: Iterable[EventEnds]) -> None:
    """Add one edge per (actor, type, target) of `ends` whose two ends `graph` has, actor and
    target apart."""
    edges: dict[tuple[str, str, str], _EventEdge] = {}
    for e in ends:
        if e.actor != e.target and e.actor in graph and e.target in graph:
            _count(edges.setdefault((e.actor, e.type, e.target), _EventEdge()), e)
    for (actor, event_type, target), edge in sorted(edges.items()):
        dates = sorted(edge.dates)
        attrs: dict[str, object] = {
            "label": event_type, "weight": len(edge.events), "event_type": event_type,
            "cameo": sorted(edge.cameo), "mode": sorted(edge.modes), "event_dates": dates,
            "documents": sorted(edge.documents), "background": False, "claimed": edge.claimed,
            "color": palette.event_color(event_type), "spells": date_spells(dates)}
        if dates:
            attrs["first_date"], attrs["last_date"] = dates[0], dates[-1]
        graph.add_edge(actor, target, key=f"{actor}|{event_type}|{target}", **attrs)


def event_ends(kg: KnowledgeGraph) -> list[EventEnds]:
    """Every (event, actor, target) of `kg`'s events."""
    roles: dict[tuple[str, str], dict[str, set[str]]] = {}
    for p in kg.participants:
        roles.setdefault((p.document, p.event), {}).setdefault(p.role, set()).add(p.entity)
    ends = []
    for event in kg.events:
        found = roles.get((event.document, event.key), {})
        document = kg.documents.get(event.document)
        day = event.date or (document.date if document else None)
        ends += [EventEnds(f"{event.document}#{event.key}", event.type, actor, target, day,
                           event.document, event.cameo, event.mode, event.claim is not None)
                 for actor, target in edge_ends(found.get(ACTOR, ()), found.get(TARGET, ()))]
    return ends


def edge_ends(actors: Iterable[str], targets: Iterable[str]) -> list[tuple[str, str]]:
    """The (from, to) node pairs an event's edges join: each actor to each target; with no
    target, each pair of actors, since sides that act together with no one else named ("Chile
    and Peru held talks", "clashes between A and B") are each other's counterpart."""
    acting, aimed = sorted(set(actors)), sorted(set(targets))
    if aimed:
        return [(a, t) for a in acting for t in aimed]
    return [(a, b) for i, a in enumerate(acting) for b in acting[i + 1:]]


def _count(edge: _EventEdge, ends: EventEnds) -> None:
    edge.events.add(ends.event)
    edge.cameo |= {ends.cameo} if ends.cameo else set()
    edge.modes |= {ends.mode} if ends.mode else set()
    edge.dates |= {ends.day} if ends.day else set()
    edge.documents.add(ends.document)
    edge.claimed = edge.claimed and ends.claimed


def date_spells(dates: list[str]) -> list[tuple[str, str]]:
    """The days ISO dates cover ("2020" → 2020-01-01…2020-12-31, "2020-11" → the month, a day →
    that day), as sorted (start, end) pairs with overlapping ones merged: Gephi refuses an
    element whose intervals overlap."""
    return merged(s for s in (_span(d) for d in dates) if s is not None)


def _span(value: str) -> tuple[str, str] | None:
    """(first day, last day) of an ISO date at year, month or day precision; None if invalid."""
    try:
        numbers = [int(p) for p in value.strip()[:10].split("-")]
        year = numbers[0]
        months = (numbers[1], numbers[1]) if len(numbers) > 1 else (1, 12)
        first = date(year, months[0], numbers[2] if len(numbers) > 2 else 1)
        last = first if len(numbers) > 2 else \
            date(year, months[1], calendar.monthrange(year, months[1])[1])
    except (ValueError, IndexError, calendar.IllegalMonthError):
        return None
    return first.isoformat(), last.isoformat()
