"""The actors a noun phrase stands for, with the state each acts for.

A phrase stands for the actor at its head ("Chilean President Ana Rojas" is the
president, acting for Chile); a phrase whose head names no actor stands for the states its
modifiers name ("Chilean and Peruvian officials", "Azerbaijani positions", "Ghana's vice
minister"). The state an actor acts for is its own, else a state its phrase names, else the
state kg found for it (an organisation's, the state of a person's post).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg import model
from kg.data.event_codes import word_classes
from kg.nlp.context import Actor, DocContext
from kg.nlp.events.actor_states import found_state, group_sector, sole_state

# Modifiers that belong to a phrase's own name or description (not clauses or places).
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod",
                          "flat", "appos", "case", "npadvmod"})


# Nouns of leaving, whose "from" phrase is the place left, not where their people come from.
_LEAVING = frozenset({"withdrawal", "pullout", "retreat", "departure", "expulsion", "exit",
                      "evacuation", "removal", "release", "return", "deportation", "flight"})


# Prepositions that place a group in a state ("rebels in Mali").
_LOCATED = frozenset({"in", "throughout", "across"})


# Sectors of armed groups, who may act outside their own state.
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "CRM"})


# Prepositions that place an act in a state or town ("marched through Nairobi").
_ACTED_IN = frozenset({"in", "across", "throughout", "through", "on", "at", "outside", "inside",
                       "around", "near"})


# Participles of backing ("Russian-backed", "Iranian-funded").
_BACKING = frozenset({"back", "support", "fund", "arm", "train", "sponsor", "finance", "equip"})


# Nouns that, as "the two …" or "both …", stand for the two states the text named most.
_PAIR_NOUNS = frozenset({"country", "side", "state", "nation", "neighbour", "neighbor",
                         "government", "capital", "army", "force", "party"})


# Prepositions that make a state named after them a venue ("talks in Washington"), no side.
_VENUE_PREPOSITIONS = frozenset({"in", "at", "to", "near", "outside", "inside"})


# Entities that are where or what an event is about, not who takes part in it.
NOT_ACTORS = (model.PLACE, model.AGREEMENT, model.POST)


@dataclass(frozen=True)
class Role:
    actor: Actor
    state: str | None         # State key the actor acts for


def phrase_roles(ctx: DocContext, head: Token) -> list[Role]:
    """The actors a noun phrase stands for, with their states (conjoined phrases included)."""
    roles: list[Role] = []
    currencies = word_classes()["currencies"]
    for noun in _conjoined(head) + _listed_in_apposition(ctx, head):
        # "3 million US dollars": money, whoever's currency it is (but "20 million euros in
        # aid to Uganda" still names whom the sum is for)
        own_words = set() if ctx.lemmas[noun.i] in currencies else _phrase_tokens(noun)
        actors = [a for a in actors_in(ctx, own_words) if not of_descent(ctx, a)
                  ] or actors_in(ctx, _located_in(ctx, noun))
        if not actors:
            roles.extend(_the_two(ctx, noun) or _group_of_the_state(ctx, noun))
            continue
        states = [a for a in actors if a.kind == model.STATE]
        own = ctx.actor_at(noun.i)
        if own is not None and of_descent(ctx, own):
            own = None
        if own is not None and own.kind not in NOT_ACTORS:
            joined = _joined_states(ctx, noun)
            if len(joined) > 1 and own.state:
                # "Eritrean and Ethiopian forces": the body the parser names is one state's,
                # the other states' forces stand beside it
                state = ctx.state_entity(own.state)
                roles.append(Role(own, state))
                roles.extend(state_role(noun.i, noun.i + 1, s) for s in joined if s != state)
            else:
                roles.append(Role(own, state_of(ctx, own, states)))
        elif own is not None and own.kind == model.PLACE:
            roles.extend(place_state(ctx, own))
        else:
            # a head that is no one ("the president of Armenia" when the post is all kg
            # found, "Azerbaijani positions") stands for who its modifiers name
            named = [a for a in actors if a.kind not in (model.STATE, *NOT_ACTORS)]
            chosen = named[-1:] if named else states
            roles.extend(Role(a, state_of(ctx, a, states)) for a in chosen)
            if not chosen:      # "protesters in Lima": the states of the places it names
                roles.extend(r for a in actors if a.kind == model.PLACE
                             for r in place_state(ctx, a))
    return distinct(roles)


def place_state(ctx: DocContext, place: Actor) -> list[Role]:
    """A place acted on or from stands for its state ("shelled Kharkiv", "blockade Nairobi"),
    as PLOVER codes it."""
    return [state_role(place.start, place.end, ctx.state_entity(place.state))] if place.state \
        else []


def state_role(start: int, end: int, state: str) -> Role:
    """A state acting, or acted on, through the words at [start, end) that are not its name
    ("rebels", "Kharkiv", "the two countries"): an Actor of the State key `state`."""
    return Role(Actor(start, end, state, model.STATE, state.split("/")[-1]), state)


def _conjoined(head: Token) -> list[Token]:
    return [head, *head.conjuncts] if head.dep_ != "conj" else [head]


def _listed_in_apposition(ctx: DocContext, head: Token) -> list[Token]:
    """"Egypt, Saudi Arabia, the Emirates and Bahrain": a list of states the parser reads as a
    state with an appositive (list) after it; no state is another state's apposition."""
    own = ctx.actor_at(head.i)
    if own is None or own.kind != model.STATE:
        return []
    for child in head.children:
        other = ctx.actor_at(child.i) if child.dep_ == "appos" else None
        if other is not None and other.kind == model.STATE and other.key != own.key \
                and (child.conjuncts or head.conjuncts):
            return [child, *child.conjuncts]
    return []


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


def of_descent(ctx: DocContext, actor: Actor) -> bool:
    """"ethnic Albanians", "Kosovo Albanian leaders": a demonym that names a people by
    descent, after "ethnic" or after the name of the place they live in, is no state they act
    for; they are of the state they live in, as PLOVER codes them (but after another demonym
    it may be where they live: "Greek Cypriots")."""
    if actor.kind != model.STATE or actor.start == 0:
        return False
    before = ctx.doc[actor.start - 1]
    if before.lower_ == "ethnic":
        return True
    home = ctx.actor_at(before.i)
    return home is not None and home.key != actor.key and (
        home.kind == model.PLACE or home.kind == model.STATE and not home.adjective)


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


def actors_in(ctx: DocContext, tokens: set[int]) -> list[Actor]:
    actors = [a for a in (ctx.actor_at(i) for i in sorted(tokens)) if a is not None]
    return list({id(a): a for a in actors}.values())


def _located_in(ctx: DocContext, noun: Token) -> set[int]:
    """"rebels in Mali", "students throughout Kenya": the state a group is in is the one it
    acts for, as PLOVER codes domestic actors (read only when the phrase names no other). An
    act's place is only its venue ("walked out of the talks in Geneva")."""
    if ctx.event_table.types(ctx.lemmas[noun.i], "noun"):
        return set()
    return {t.i for p in noun.children if p.dep_ == "prep" and p.lower_ in _LOCATED
            for g in p.children if g.dep_ == "pobj" for t in g.subtree}


def state_of(ctx: DocContext, actor: Actor, phrase_states: list[Actor]) -> str | None:
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
    sectors = {group_sector(ctx, n) for n in [noun, *of_objects(noun), *(
        c for c in noun.children if c.dep_ == "compound")]} - {None}
    if not sectors:
        return []
    # armed groups fight abroad too; people at home protest, strike and march where they live
    at_home = not sectors & _ARMED_SECTORS
    state = (_state_acted_in(ctx, noun) if at_home else None) or sole_state(ctx)
    return [state_role(noun.i, noun.i + 1, state)] if state is not None else []


def _state_acted_in(ctx: DocContext, noun: Token) -> str | None:
    """The state where the group's clause places its act, if one ("Thousands of farmers blocked
    roads across Peru … in protest at a deal with Chile", "students rallied outside the
    embassy in Jakarta"): a domestic group is of the state it acts in."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = noun.head
    # the clause and its objects ("blocked roads across Peru")
    heads = [clause, *(c for c in clause.children if c.dep_ in ("dobj", "obj"))]
    states = []
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in _ACTED_IN:
            continue
        for actor in actors_in(ctx, _where(prep)):
            if actor.kind == model.STATE and not actor.adjective:
                states.append(actor.key)
            elif actor.kind == model.PLACE and actor.state:
                states.append(ctx.state_entity(actor.state))
    return states[0] if len(set(states)) == 1 else None


def _where(prep: Token) -> set[int]:
    """The words of a place phrase that say where: its object, and what that object is of or in
    ("on the main square of Tbilisi", "outside the embassy in Jakarta", "on Accra's Black Star
    Square"), not what an act named there is against ("in protest against India's plan")."""
    found: set[int] = set()
    todo = [g for g in prep.children if g.dep_ == "pobj"]
    while todo:
        word = todo.pop()
        found.add(word.i)
        for child in word.children:
            if child.dep_ in ("compound", "poss", "flat", "amod"):
                found.update(t.i for t in child.subtree)
            elif child.dep_ == "prep" and child.lower_ in ("of", "in"):
                todo.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's "of" phrases ("troops of Armenia", "thousands of protesters")."""
    return [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]


def agents_of(noun: Token, *, through_of: bool = True) -> list[Token]:
    """Who does the act a noun names, told by a "by" phrase, which the parser may hang on what
    an act of force is of ("the bombing of the bases by Ugandan jets"; with `through_of`),
    where the "by" of another act's "of" names the author of what the act is of (a verdict
    defied, a plan rejected)."""
    heads = [noun, *of_objects(noun)] if through_of else [noun]
    return [g for h in heads for p in h.children
            if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]


def distinct(roles: list[Role]) -> list[Role]:
    seen: dict[str, Role] = {}
    for role in roles:
        seen.setdefault(role.actor.key, role)
    return list(seen.values())
