"""Recording the political roles kg.nlp.political_roles and kg.nlp.elections find: a post a
person holds in a body, a membership, and an organisation taken as a party by what it does."""
from __future__ import annotations

from spacy.tokens import Span

from kg import model, resolve
from kg.nlp.context import Actor, DocContext

# Bodies a person can lead or stand for (an international organisation has leaders; armed
# forces, which kg.nlp.memberships lets one be a member of, have commanders, not leaders).
LED_BODY_KINDS = {model.POLITICAL_PARTY, model.ORGANIZATION, model.PARLIAMENT, model.GOVERNMENT,
                  model.INTERNATIONAL_ORGANIZATION, model.AGENCY, model.ARMED_GROUP}


def as_party(ctx: DocContext, actor: Actor | None, standing: bool) -> Actor | None:
    """The actor as a political party: a party, or an organisation somebody stands for in an
    election (`standing`), which is a party by what it does."""
    if actor is None:
        return None
    if actor.kind == model.POLITICAL_PARTY:
        return actor
    if standing and actor.kind == model.ORGANIZATION:
        actor.kind = model.POLITICAL_PARTY
        ctx.extraction.entities[actor.key].kind = model.POLITICAL_PARTY
        return actor
    return None


def actor_after(ctx: DocContext, i: int) -> Actor | None:
    """The actor starting at token i, after an optional "the"."""
    if i < len(ctx.doc) and ctx.lowers[i] == "the":
        i += 1
    actor = ctx.actor_at(i) if i < len(ctx.doc) else None
    return actor if actor is not None and actor.start == i else None


def add_membership(ctx: DocContext, person: Actor, body: Actor, rule: str) -> None:
    if any(f.object == body.key for f in ctx.facts_about(person.key, model.MEMBER_OF)):
        return
    ctx.add_fact(person.key, model.MEMBER_OF, body.key, cover(ctx, person, body), rule, 0.75)


def add_post(ctx: DocContext, person: Actor, title: str, holder: Actor | None, evidence: Span,
          rule: str) -> None:
    """Person holds the post `title` in `holder` (a body or state; None: no body named)."""
    key = resolve.post_key(holder.key if holder is not None else person.key, title)
    ctx.add_entity(model.Entity(key, model.POST, title, attributes={"title": title}))
    ctx.add_fact(person.key, model.HOLDS, key, evidence, rule, 0.7)
    if holder is not None:
        ctx.add_fact(key, model.POST_IN, holder.key, evidence, rule, 0.7)


def cover(ctx: DocContext, first: Actor, last: Actor) -> Span:
    return ctx.doc[min(first.start, last.start):max(first.end, last.end)]
