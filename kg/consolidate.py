"""Entities that documents name apart but that are one: merged once all documents are in.

People: "Mykola Zabolotnyy" in one article and "Mykola Zabolotny" in another, or "Harold
J. Whitmore" and "Harold Whitmore", are one when their names share a key (kg.person_names: the
transliteration variants and middle initials folded) and no two of them give different middle
initials ("Walter H. K. Brandt" and "Walter K. Brandt" stay two, and "Walter Brandt" joins
neither).
A surname alone ("President Okafor") joins the one full name with that surname only when both
hold the same post of the same state or body; a surname alone never decides.

A post named without the body it is in ("Secretary of State Ana Reyes", keyed by its holder:
post/person/ana-reyes/secretary-of-state) is the post of the same title that the same person
holds in a body ("the US Secretary of State, Ana Reyes"), when there is exactly one: the title's
case does not count ("Special Envoy", "special envoy"). A person with the title in two bodies
keeps the post without a body apart: which of the two it is, nothing says.

An agreement's key holds its parties (kg.resolve.agreement_key), so "the Treaty of Kars between
Turkey and Armenia" in one article and "the Treaty of Kars" in another first make two nodes.
They are one when they share a proper name (or an alias) and the parties of one are among the
parties of the other. A common-noun name ("peace treaty", "joint statement") never merges
across documents: every pair of states may have one.
"""
from __future__ import annotations

from kg import model
from kg.model import KnowledgeGraph
from kg.person_names import initials, name_key
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


def merge_people_across_documents(graph: KnowledgeGraph) -> dict[str, str]:
    """Merge the persons that are one (see the module's docstring); return old key -> new key."""
    people = {k: e for k, e in sorted(graph.entities.items()) if e.kind == model.PERSON}
    groups: dict[tuple[str, ...], list[str]] = {}
    for key, entity in people.items():
        folded = name_key(entity.name)
        if folded:
            groups.setdefault(folded, []).append(key)
    mention_counts = graph.mention_counts()

    def best(keys: list[str]) -> str:   # the fullest name, then the most mentioned
        return min(keys, key=lambda k: (-len(people[k].name.split()), -mention_counts.get(k, 0), k))

    mapping: dict[str, str] = {}
    for folded, keys in groups.items():
        if len(keys) > 1 and len({initials(people[k].name) for k in keys} - {()}) <= 1:
            target = best(keys)
            mapping.update({k: target for k in keys if k != target})
    _surnames_to_full_names(graph, groups, mapping)
    mapping = {old: _final(new, mapping) for old, new in mapping.items()}
    if mapping:
        graph.rekey(mapping)
    return mapping


def _surnames_to_full_names(graph: KnowledgeGraph, groups: dict[tuple[str, ...], list[str]],
                            mapping: dict[str, str]) -> None:
    """"President Okafor" in one article is "Amina Okafor" of another when exactly one full
    name with that surname holds a post the surname holds: one post of one state or body (a
    post's key holds its state or body; a post with no known holder decides nothing)."""
    posts: dict[str, set[str]] = {}
    for fact in graph.facts:
        if fact.predicate == model.HOLDS and not fact.object.startswith(f"post/{model.PERSON}/"):
            posts.setdefault(mapping.get(fact.subject, fact.subject), set()).add(fact.object)
    full_by_surname: dict[str, set[str]] = {}
    for folded, keys in groups.items():
        if len(folded) > 1:
            full_by_surname.setdefault(folded[-1], set()).update(mapping.get(k, k) for k in keys)
    for folded, keys in groups.items():
        if len(folded) != 1:
            continue
        held = set().union(*(posts.get(mapping.get(k, k), set()) for k in keys))
        full = full_by_surname.get(folded[0], set())
        sharing = [k for k in full if posts.get(k, set()) & held]
        if len(sharing) == 1:
            mapping.update({k: sharing[0] for k in keys if posts.get(mapping.get(k, k), set())
                            & posts[sharing[0]]})


def merge_posts_without_their_body(graph: KnowledgeGraph) -> dict[str, str]:
    """Merge each post named without its body into the one post of the same title its holder
    holds in a body (see the module's docstring); return old key -> new key."""
    facts = [*graph.facts, *graph.background]
    placed = {f.subject for f in facts if f.predicate == model.POST_IN}
    holders: dict[str, set[str]] = {}
    for fact in facts:
        if fact.predicate == model.HOLDS:
            holders.setdefault(fact.object, set()).add(fact.subject)
    in_a_body: dict[tuple[str, str], list[str]] = {}   # (holder, title) -> posts in a body
    for post in sorted(placed & holders.keys()):
        for holder in holders[post]:
            in_a_body.setdefault((holder, _title_slug(post)), []).append(post)
    mapping: dict[str, str] = {}
    for post, by in sorted(holders.items()):
        same = in_a_body.get((next(iter(by)), _title_slug(post)), [])
        if post not in placed and len(by) == 1 and len(same) == 1:
            mapping[post] = same[0]
    if mapping:
        graph.rekey(mapping)
    return mapping


def _title_slug(post_key: str) -> str:
    """The title part of a post's key (kg.resolve.post_key): its last segment, a slug."""
    return post_key.rsplit("/", 1)[-1]
