"""Entities that documents name apart but that are one: merged once all documents are in.

An agreement's key holds its parties (kg.resolve.agreement_key), so "the Treaty of Kars between
Turkey and Armenia" in one article and "the Treaty of Kars" in another first make two nodes.
They are one when they share a proper name (or an alias) and the parties of one are among the
parties of the other. A common-noun name ("peace treaty", "joint statement") never merges
across documents: every pair of states may have one.
"""
from __future__ import annotations

from kg import model
from kg.model import KnowledgeGraph
from kg.resolve import slug


def merge_agreements_across_documents(graph: KnowledgeGraph) -> dict[str, str]:
    """Merge agreements that are one (see the module's docstring); return old key -> new key."""
    by_name: dict[str, list[str]] = {}
    for key, entity in sorted(graph.entities.items()):
        if entity.kind == model.AGREEMENT and is_proper_name(entity.name):
            for name in sorted({entity.name, *entity.aliases}):
                by_name.setdefault(slug(name), []).append(key)
    parties = _parties(graph)
    mapping: dict[str, str] = {}
    for keys in by_name.values():
        for key in keys:
            target = _widest_superset(key, keys, parties)
            if target is not None and key not in mapping:
                mapping[key] = target
    mapping = {old: _final(new, mapping) for old, new in mapping.items()}
    if mapping:
        graph.rekey(mapping)
    return mapping


def is_proper_name(name: str) -> bool:
    """"Treaty of Kars", "Oslo Accords": a capitalised word after the first. "Peace treaty" and
    "ARM-AZE trilateral statement" (a common noun, shown with its parties) are not."""
    return any(word[:1].isupper() for word in name.split()[1:])


def _parties(graph: KnowledgeGraph) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for fact in graph.facts:
        if fact.predicate == model.PARTY:
            found.setdefault(fact.subject, set()).add(fact.object)
    return {key: frozenset(values) for key, values in found.items()}


def _widest_superset(key: str, keys: list[str],
                     parties: dict[str, frozenset[str]]) -> str | None:
    """The agreement of the same name whose parties include this one's and are included in no
    other's (the first key among equals); None when that is this one, or when two such
    agreements have different parties."""
    own = parties.get(key, frozenset())
    covering = [k for k in keys if own <= parties.get(k, frozenset())]
    widest = [k for k in covering
              if not any(parties.get(k, frozenset()) < parties.get(o, frozenset())
                         for o in covering)]
    if len({parties.get(k, frozenset()) for k in widest}) != 1:
        return None
    target = min(widest)
    return None if target == key else target


def _final(key: str, mapping: dict[str, str]) -> str:
    while key in mapping:
        key = mapping[key]
    return key
