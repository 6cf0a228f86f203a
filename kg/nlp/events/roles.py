"""Who acts and whom the act aims at: the parse's arguments of a trigger, read over the actors
kg has already resolved (states, organisations, people).

A phrase stands for the actor at its head ("Chilean President Ana Rojas" is the
president, acting for Chile); a phrase whose head names no actor stands for the states its
modifiers name ("Chilean and Peruvian officials", "Azerbaijani positions", "Ghana's vice
minister"). The state an actor acts for is its own, else a state its phrase names, else the
state kg found for it (an organisation's, the state of a person's post).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Token

from kg import model
from kg.nlp.context import Actor, DocContext
from kg.nlp.events.actor_states import found_state, group_sector, sole_state
from kg.nlp.modality import (INTENT_NOUNS, a_that_clause, bare_infinitive, intention_noun,
                             sent_to_do)

# Modifiers that belong to a phrase's own name or description (not clauses or places).
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod",
                          "flat", "appos", "case", "npadvmod"})
# Prepositions whose object is the one acted on; "between" names the sides of a clash.
TARGET_PREPOSITIONS = frozenset({"against", "on", "with", "to", "at", "toward", "towards",
                                 "into", "from", "upon", "over"})
# Nouns of leaving, whose "from" phrase is the place left, not where their people come from.
_LEAVING = frozenset({"withdrawal", "pullout", "retreat", "departure", "expulsion", "exit",
                      "evacuation", "removal", "release", "return", "deportation", "flight"})
# Prepositions that name whom a thing is sent or handed to.
_RECEIVING_PREPOSITIONS = frozenset({"to", "into"})
# Prepositions that name the matter an act is about ("an inquiry into", "a probe of").
_MATTER = frozenset({"into", "of", "on"})
# Prepositions that place a group in a state ("rebels in Mali").
_LOCATED = frozenset({"in", "throughout", "across"})
# Prepositions whose object, under the object of an act, is the one acted on: "rejected calls
# by Ruritania", "accepted demands from the rebels", "provided arms to Ruritania".
_OBJECT_PREPOSITIONS = frozenset({"of", "with", "against", "on", "by", "from", "to"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
# Types of the measures one state takes against another.
MEASURES = frozenset({"SANCTION", "COERCE"})
# Particles the parser may hang a verb's preposition on ("handed the islands back to Chile").
_ADVERB_PARTICLES = frozenset({"out", "back", "over"})
_OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
# Clauses an event's subject may be told in, up the tree ("Armenia aims to delay … by opening
# fire": the subject of "opening" is Armenia's).
_CLIMB = frozenset({"xcomp", "pcomp", "prep", "advcl", "conj", "acl", "ccomp", "acomp"})
# Subjects that stand for the speaker of the clause they are reported in.
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


# Participles of backing ("Russian-backed", "Iranian-funded").
_BACKING = frozenset({"back", "support", "fund", "arm", "train", "sponsor", "finance", "equip"})
# Nouns that, as "the two …" or "both …", stand for the two states the text named most.
_PAIR_NOUNS = frozenset({"country", "side", "state", "nation", "neighbour", "neighbor",
                         "government", "capital", "army", "force", "party"})
# Prepositions that make a state named after them a venue ("talks in Washington"), no side.
_VENUE_PREPOSITIONS = frozenset({"in", "at", "to", "near", "outside", "inside"})
# Entities that are where or what an event is about, not who takes part in it.
_NOT_ACTORS = (model.PLACE, model.AGREEMENT, model.POST)


@dataclass(frozen=True)
class Role:
    actor: Actor
    state: str | None         # State key the actor acts for


def phrase_roles(ctx: DocContext, head: Token) -> list[Role]:
    """The actors a noun phrase stands for, with their states (conjoined phrases included)."""
    roles: list[Role] = []
    for noun in _conjoined(head):
        actors = _actors_in(ctx, _phrase_tokens(noun)) or _actors_in(ctx, _located_in(noun))
        if not actors:
            roles.extend(_the_two(ctx, noun) or _group_of_the_state(ctx, noun))
            continue
        states = [a for a in actors if a.kind == model.STATE]
        own = ctx.actor_at(noun.i)
        if own is not None and own.kind not in _NOT_ACTORS:
            joined = _joined_states(ctx, noun)
            if len(joined) > 1 and own.state:
                # "Eritrean and Ethiopian forces": the body the parser names is one state's,
                # the other states' forces stand beside it
                state = ctx.state_entity(own.state)
                roles.append(Role(own, state))
                roles.extend(state_role(noun.i, noun.i + 1, s) for s in joined if s != state)
            else:
                roles.append(Role(own, _state_of(ctx, own, states)))
        elif own is not None and own.kind == model.PLACE:
            roles.extend(place_state(ctx, own))
        else:
            # a head that is no one ("the president of Armenia" when the post is all kg
            # found, "Azerbaijani positions") stands for who its modifiers name
            named = [a for a in actors if a.kind not in (model.STATE, *_NOT_ACTORS)]
            chosen = named[-1:] if named else states
            roles.extend(Role(a, _state_of(ctx, a, states)) for a in chosen)
            if not chosen:      # "protesters in Lima": the states of the places it names
                roles.extend(r for a in actors if a.kind == model.PLACE
                             for r in place_state(ctx, a))
    return _distinct(roles)


def place_state(ctx: DocContext, place: Actor) -> list[Role]:
    """A place acted on or from stands for its state ("shelled Kharkiv", "blockade Nairobi"),
    as PLOVER codes it."""
    return [state_role(place.start, place.end, ctx.state_entity(place.state))] if place.state \
        else []


def state_role(start: int, end: int, state: str) -> Role:
    """A state acting, or acted on, through the words at [start, end) that are not its name
    ("rebels", "Kharkiv", "the two countries"): an Actor of the State key `state`."""
    return Role(Actor(start, end, state, model.STATE, state.split("/")[-1]), state)


def subject_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """The roles of the clause's subject, climbing to the clause it hangs from when it has none;
    a passive's agent ("were occupied by Armenia") is its subject."""
    node = clause
    for _ in range(6):
        for child in node.children:
            if child.dep_ in _SUBJECTS and child.lower_ in SPEAKER_PRONOUNS and node.dep_ == "ccomp":
                break       # "Hungary said it will support": "it" is the speaker
            # "Chile is expected to deploy": a passive subject of the clause it hangs from
            if child.dep_ in _SUBJECTS or (child.dep_ == "nsubjpass" and node is not clause):
                return phrase_roles(ctx, child)
            if child.dep_ == "agent":
                return [r for g in child.children if g.dep_ == "pobj"
                        for r in phrase_roles(ctx, g)]
        if node.dep_ == "relcl":
            roles = phrase_roles(ctx, node.head)
            if roles or not sent_to_do(node):
                return roles
            node = node.head.head   # "sent an envoy to mediate": the sender acts through him
            continue
        if (node.dep_ not in _CLIMB and not _an_intention(node)) or node.head.i == node.i:
            return []
        if node.dep_ == "ccomp" and not any(c.dep_ in _SUBJECTS and c.lower_ in SPEAKER_PRONOUNS
                                            for c in node.children):
            return []
        node = node.head
    return []


def _an_intention(node: Token) -> bool:
    """"Russia has no plans to withdraw": the object of the verb whose subject intends."""
    return node.dep_ == "dobj" and node.lemma_.lower() in INTENT_NOUNS


def intender_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """Who intends an act named as what a noun of intention is of, for or in: Japan in "a
    Japanese offer of talks", Cuba in "Havana had no interest in talks"."""
    intention = intention_noun(noun, ctx.lemmas) if noun.dep_ == "pobj" else None
    if intention is None:
        return []
    return modifier_roles(ctx, intention) or subject_roles(ctx, intention)


def modifier_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """The actors a noun's possessor and modifiers name ("Armenian provocations", "Russia's
    offer", "a Japanese offer")."""
    return [r for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
            for r in phrase_roles(ctx, c)]


def object_roles(ctx: DocContext, clause: Token, *, skip: Token | None = None,
                 purpose: bool = False) -> list[Role]:
    """Whom the clause acts on: its objects, a passive subject, the subject of a "that" clause
    ("demanded that Chile withdraw …"), objects of TARGET_PREPOSITIONS, and the same in a "to"
    complement ("threatened to cut ties with Chile"). With `purpose`, also in a "to" clause
    the parser reads as adverbial: a complement with words between it and its verb
    ("threatened last week to suspend imports from Indonesia"), or the act's purpose, which
    names whom it is aimed at ("reopened the crossing to let aid through to Syria")."""
    heads = []
    for child in clause.children:
        if skip is not None and child.i == skip.i:
            continue
        if child.dep_ in _OBJECTS or child.dep_ == "nsubjpass":
            aimed = [g for g in child.children
                     if g.dep_ == "prep" and g.lower_ in _OBJECT_PREPOSITIONS]
            if _a_measure(ctx, child):
                # "lifted the U.S. embargo against Vietnam": a measure lifted or eased is aimed
                # at whom it was against, not at whose it was
                heads.extend(g for g in aimed if g.lower_ in ("against", "on"))
            heads.append(child)
            heads.extend(aimed)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            heads.append(child)
        elif child.lower_ in _ADVERB_PARTICLES:    # "pulled out of Lebanon", "handed it back to"
            heads.extend(g for g in child.children if g.dep_ == "prep"
                         and (g.lower_ == "of" or g.lower_ in TARGET_PREPOSITIONS))
        elif child.dep_ in ("ccomp", "xcomp") or (purpose and bare_infinitive(child)) or (
                child.dep_ == "acl" and a_that_clause(child)):  # "a demand that Athens withdraw"
            heads.append(child)
    roles: list[Role] = []
    for head in heads:
        roles.extend(_roles_at(ctx, head))
        if roles:
            break
    return roles


def _a_measure(ctx: DocContext, noun: Token) -> bool:
    """A noun the table codes as a measure taken against someone: an embargo, sanctions, a
    ban, a blockade (not an act that others condemn: "condemned an air raid on a camp")."""
    return any(c.type in MEASURES for c in ctx.event_table.codes.get((ctx.lemmas[noun.i], "noun"),
                                                                     ()))


def recipient_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """Whom a thing is sent, given or handed to: the object of its "to" or "into" phrase, or a
    noun as dative object ("gave Ukraine arms"). What is sent may name a state ("sent Kenyan
    peacekeepers to Somalia") without being the one acted on."""
    for child in clause.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _RECEIVING_PREPOSITIONS:
            roles = _roles_at(ctx, child)
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            roles = phrase_roles(ctx, child)
        else:
            continue
        if roles:
            return roles
    return []


def _roles_at(ctx: DocContext, head: Token) -> list[Role]:
    if head.dep_ == "prep" or (head.dep_ == "dative" and head.pos_ == "ADP"):
        # the parser takes the "to" of "sent doctors to Turkey" for a dative object; it reads
        # "with American teams searching for …" as a clause whose subject is the object
        return [r for g in head.children if g.dep_ == "pobj" for r in phrase_roles(ctx, g)] or [
            r for g in head.children if g.dep_ == "pcomp" for c in g.children
            if c.dep_ in _SUBJECTS for r in phrase_roles(ctx, c)]
    if head.dep_ in ("ccomp", "acl"):
        return [r for c in head.children if c.dep_ in _SUBJECTS for r in phrase_roles(ctx, c)]
    if head.dep_ in ("xcomp", "advcl"):
        return object_roles(ctx, head)
    return phrase_roles(ctx, head)


def condition_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """"threatened to halt the talks unless Moscow withdraws": whom a threat is aimed at is the
    subject of its condition (read in the clause and in its "to" complement)."""
    for node in [clause, *(c for c in clause.children if c.dep_ == "xcomp")]:
        for advcl in node.children:
            if advcl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in advcl.children):
                return [r for c in advcl.children if c.dep_ in _SUBJECTS
                        for r in phrase_roles(ctx, c)]
    return []


def matter_roles(ctx: DocContext, clauses: list[Token]) -> list[Role]:
    """Whom an act about a matter is aimed at: who and where the matter names, with their
    states ("an inquiry into bribes paid to Milan officials": Italy; "investigating allegations
    that Russian troops tortured detainees": Russia; "rejected a plan drawn up by the African
    Union": the African Union)."""
    tokens = {t.i for clause in clauses for c in clause.children
              if c.dep_ in ("dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ in _MATTER)
              for t in c.subtree}
    roles: list[Role] = []
    for actor in _actors_in(ctx, tokens):
        if actor.kind == model.PLACE:
            roles.extend(place_state(ctx, actor))
        elif actor.kind not in _NOT_ACTORS:
            roles.append(Role(actor, _state_of(ctx, actor, [])))
    return _distinct(roles)


def agent_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """Who did the act an act about a matter is about, named by a "by" phrase: "protested
    against the detention of its sailors by Norway", "condemned the shelling of the town by
    rebels": the one protested against, condemned, rejected or praised. The parser may hang the
    "by" on the verb of an active clause ("condemned the arrest of … by Liberia")."""
    nouns = [c for c in clause.children if c.dep_ in _OBJECTS] + [
        g for p in clause.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPOSITIONS
        for g in p.children if g.dep_ == "pobj"]
    holders = nouns + ([clause] if nouns and any(c.dep_ in _SUBJECTS for c in clause.children)
                       else [])
    return [r for holder in holders for r in preposition_roles(ctx, holder, ("by",))]


def foreign_roles(ctx: DocContext, clause: Token, actors: list[Role]) -> list[Role]:
    """The states the clause names outside its subject, other than the actors' own: whom a
    show of force is aimed at ("called up reservists amid a dispute with Azerbaijan", "massed
    troops near the Ukrainian border", "put its navy on alert over Turkish drilling")."""
    subject = {t.i for c in clause.children if c.dep_ in _SUBJECTS for t in c.subtree}
    own = {r.state for r in actors}
    roles: list[Role] = []
    for actor in _actors_in(ctx, {t.i for t in clause.subtree} - subject):
        if actor.kind == model.STATE:
            roles.append(Role(actor, actor.key))
        elif actor.kind == model.PLACE:
            roles.extend(place_state(ctx, actor))
    return _distinct([r for r in roles if r.state not in own])


def between_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """"clashes between Armenia and Azerbaijan": the sides, each an actor."""
    return preposition_roles(ctx, noun, ("between", "among"))


def preposition_roles(ctx: DocContext, head: Token, prepositions: Collection[str]
                      ) -> list[Role]:
    """The actors the objects of the head's phrases of these prepositions stand for."""
    return [r for p in head.children if p.dep_ == "prep" and p.lower_ in prepositions
            for g in p.children if g.dep_ == "pobj" for r in phrase_roles(ctx, g)]


def _conjoined(head: Token) -> list[Token]:
    return [head, *head.conjuncts] if head.dep_ != "conj" else [head]


def _phrase_tokens(noun: Token) -> set[int]:
    """The noun, its modifiers' subtrees, and the object of an "of" phrase ("troops of
    Armenia") or of a "from" phrase that tells where its people come from ("police from Kenya
    and Uganda"; not the place a "withdrawal from Lebanon" leaves)."""
    tokens = {noun.i}
    for child in noun.children:
        if _backing(child):
            continue    # "Russian-backed separatists" are not Russia
        if child.dep_ in _PHRASE_DEPS or (child.dep_ == "conj" and child.i < noun.i):
            tokens.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and (child.lower_ == "of" or (
                child.lower_ == "from" and noun.lemma_.lower() not in _LEAVING)):
            tokens.update(t.i for g in child.children if g.dep_ == "pobj" for t in g.subtree)
    return tokens


def _joined_states(ctx: DocContext, noun: Token) -> list[str]:
    """The states of the noun's modifiers joined by a conjunction, in text order ("Eritrean and
    Ethiopian forces")."""
    tokens = sorted({t.i for m in noun.children if m.dep_ in ("amod", "compound")
                     and any(c.dep_ == "conj" for c in m.children)
                     for t in (m, *(c for c in m.children if c.dep_ == "conj"))})
    states: list[str] = []
    for i in tokens:
        actor = ctx.actor_at(i)
        state = actor.key if actor is not None and actor.kind == model.STATE else (
            ctx.state_entity(actor.state) if actor is not None and actor.state else None)
        if state and state not in states:
            states.append(state)
    return states


def _backing(modifier: Token) -> bool:
    """"Russian-backed", "Iranian-funded", "NATO-trained", "pro-Iranian": a modifier naming
    who backs the noun's people, or whom they back, not who they are."""
    if modifier.dep_ not in ("amod", "compound"):
        return False
    doc = modifier.doc
    if modifier.lower_.startswith("pro-") or (modifier.i >= 2 and doc[modifier.i - 1].lower_
                                              == "-" and doc[modifier.i - 2].lower_ == "pro"):
        return True
    return modifier.lemma_.lower() in _BACKING and any(c.lower_ == "-" for c in modifier.children)


def _actors_in(ctx: DocContext, tokens: set[int]) -> list[Actor]:
    actors = [a for a in (ctx.actor_at(i) for i in sorted(tokens)) if a is not None]
    return list({id(a): a for a in actors}.values())


def _located_in(noun: Token) -> set[int]:
    """"rebels in Mali", "students throughout Kenya": the state a group is in is the one it
    acts for, as PLOVER codes domestic actors (read only when the phrase names no other)."""
    return {t.i for p in noun.children if p.dep_ == "prep" and p.lower_ in _LOCATED
            for g in p.children if g.dep_ == "pobj" for t in g.subtree}


def _state_of(ctx: DocContext, actor: Actor, phrase_states: list[Actor]) -> str | None:
    if actor.kind == model.STATE:
        return actor.key
    if phrase_states:
        return phrase_states[0].key
    return found_state(ctx, actor.key) or (
        ctx.state_entity(actor.state) if actor.state else None)


def _the_two(ctx: DocContext, noun: Token) -> list[Role]:
    """"the two countries", "both sides", "troops of the two neighbours": the two states the text
    named most before the phrase."""
    # "troops of the two countries": the pair may be named in the "of" phrase
    if not any(ctx.lemmas[n.i] in _PAIR_NOUNS and any(
            c.lower_ == "both" or (c.lower_ == "two" and c.dep_ == "nummod") for c in n.children)
            for n in [noun, *of_objects(noun)]):
        return []
    named: dict[str, list[Actor]] = {}
    for actor in ctx.actors:
        if actor.kind != model.STATE or actor.end > noun.i:
            continue
        name = noun.doc[actor.end - 1]
        if name.dep_ == "pobj" and name.head.lower_ in _VENUE_PREPOSITIONS:
            continue    # "held talks in Washington": a venue, not a side
        named.setdefault(actor.key, []).append(actor)
    if len(named) < 2:
        return []
    # the two the story is about: named most often, then most lately (a mediator or a host
    # is named less)
    ranked = sorted(named.values(), key=lambda m: (len(m), max(a.start for a in m)))
    return [Role(m[-1], m[-1].key) for m in ranked[-2:]]


def _group_of_the_state(ctx: DocContext, noun: Token) -> list[Role]:
    """"rebels", "the police", "striking miners": a group the text names by what it is and by
    no state acts for the one state the text names, if it names one only, as PLOVER codes
    domestic actors ("Rebels ambushed a convoy in northern Mali")."""
    # "thousands of protesters", "a group of refugees": the group named in the "of" phrase;
    # "opposition parties", "army officers": named by what the noun is part of
    if all(group_sector(ctx, n) is None for n in [noun, *of_objects(noun), *(
            c for c in noun.children if c.dep_ == "compound")]):
        return []
    state = sole_state(ctx)
    return [state_role(noun.i, noun.i + 1, state)] if state is not None else []


def of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's "of" phrases ("troops of Armenia", "thousands of protesters")."""
    return [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]


def _distinct(roles: list[Role]) -> list[Role]:
    seen: dict[str, Role] = {}
    for role in roles:
        seen.setdefault(role.actor.key, role)
    return list(seen.values())
