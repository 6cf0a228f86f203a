"""Which state an event's actor acts for: a state itself, the state kg found for a person or
an organisation (its kg:state, its post's state, the state it leads by the leaders table), or
the one state the text names or places things in; and the sector of a group the text names by
what it is ("rebels", "students")."""
from __future__ import annotations

from spacy.tokens import Token

from kg import model
from kg.data.actor_groups import actor_groups
from kg.data.leaders import leader_state
from kg.data.tables import state_by_iso3
from kg.nlp.context import Actor, DocContext


def found_state(ctx: DocContext, key: str) -> str | None:
    """The State key kg found for an entity: itself, its kg:state, or its post's state."""
    if key.startswith("state/"):
        return key
    for fact in ctx.facts_about(key, model.STATE_OF):
        return fact.object
    for held in ctx.facts_about(key, model.HOLDS):
        for post_in in ctx.facts_about(held.object, model.POST_IN):
            if post_in.object.startswith("state/"):
                return post_in.object
            for fact in ctx.facts_about(post_in.object, model.STATE_OF):
                return fact.object
    named = ctx.last_actor_by("events:stated", lambda a: a.key if a.state else None).get(key)
    if named is not None and named.state:
        return ctx.state_entity(named.state)
    return _led_state(ctx, key) or _sole_state(ctx, key)


def _led_state(ctx: DocContext, key: str) -> str | None:
    """The state a person leads, by the leaders table ("President Mubarak": Egypt), in the
    document's year where that tells leaders of one name apart."""
    person = ctx.extraction.entities.get(key) if key.startswith("person/") else None
    if person is None:
        return None
    entities = ctx.extraction.entities
    titles = {entities[f.object].name for f in ctx.facts_about(key, model.HOLDS)
              if f.object in entities}
    date = ctx.document.date
    state = leader_state(person.name, titles, int(date[:4]) if date else None)
    return ctx.state_entity(state) if state else None


def living_state(ctx: DocContext, state: str | None) -> str | None:
    """The State key an actor acts for in an event, a dissolved state as the one that carried
    it on ("Soviet troops" act for Russia; state_names.csv's continued_by), as event datasets
    code them: one country's events line up across the decades."""
    record = state_by_iso3(state.removeprefix("state/")) if state else None
    if record is None or record.continued_by is None:
        return state
    return ctx.state_entity(record.continued_by)


def group_sector(ctx: DocContext, token: Token) -> str | None:
    """The PLOVER sector of the group the word names by what it is ("activists" → CVL;
    actor_groups.csv), if it names one."""
    groups = actor_groups()
    lemma = ctx.lemmas[token.i]
    # the table names groups in the plural; a group word that modifies another is singular
    # ("peasant groups", "student leaders")
    return groups.get(token.lower_) or groups.get(lemma) or groups.get(lemma + "s")


def sole_state(ctx: DocContext) -> str | None:
    """The State key of the one state the text names or places things in, if it names one
    only (the states of the places it names count too: "talks in Washington")."""
    states = ctx.last_actor_by("events:states named",
                               lambda a: a.state if a.kind in (model.STATE, model.PLACE) else None)
    return ctx.state_entity(next(iter(states))) if len(states) == 1 else None


def _sole_state(ctx: DocContext, key: str) -> str | None:
    """A person of no stated state ("President X", "a judge", "jailed activist X") or an
    organisation of none acts for the one state the text names or places things in, if there
    is one only: news names the country of a domestic actor once ("President X on Thursday
    eased the curfew in Ruritania"). An international body, or a person whose post is in one,
    belongs to no state."""
    if not key.startswith(("person/", "org/")) or _international(ctx, key):
        return None
    return sole_state(ctx)


def _international(ctx: DocContext, key: str) -> bool:
    actors = actors_by_key(ctx)
    orgs = [key] + [post_in.object for held in ctx.facts_about(key, model.HOLDS)
                    for post_in in ctx.facts_about(held.object, model.POST_IN)]
    return any(org in actors and actors[org].kind in (model.INTERNATIONAL_ORGANIZATION,
                                                      model.NEWS_MEDIA) for org in orgs)


def actors_by_key(ctx: DocContext) -> dict[str, Actor]:
    """The last mention of each entity, by its key (an index kept up to date by the context)."""
    return ctx.last_actor_by("events:by key", lambda a: a.key)  # type: ignore[return-value]
