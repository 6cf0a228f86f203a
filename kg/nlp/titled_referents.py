"""A definite title of a state with no name after it ("The President of Russia told Mr Berg
…") refers back to the one person named before it who holds no post: a government's own
readouts name their head of state once, untitled, and then call them by the post.

Only when no one named holds that post already, and exactly one person named in an earlier
sentence (in the same one, "talks with X, the President of Russia said", the title is someone
else) holds no post and has no state other than the title's: with two such candidates the title
is left alone.
"""
from __future__ import annotations

from kg import model, resolve
from kg.nlp.context import Actor, DocContext
from kg.nlp.posts import record_post
from kg.nlp.titles import title_at


def find_titled_referents(ctx: DocContext) -> None:
    doc = ctx.doc
    for i in range(1, len(doc) - 2):
        if doc[i - 1].lower_ != "the" or ctx.actor_at(i) is not None:
            continue
        title = title_at(doc, i, min(len(doc), i + 8))
        if title is None or title.plural or title.end + 1 >= len(doc) or \
                doc[title.end].lower_ != "of":
            continue
        state = ctx.actor_at(title.end + 1)
        if state is None or state.kind != model.STATE or _named_after(ctx, state.end):
            continue
        if _post_held(ctx, resolve.post_key(state.key, title.text)):
            continue   # someone named holds it already: the title refers to them
        person = _only_untitled_person_before(ctx, ctx.sentence(i).start, state.key)
        if person is not None:
            record_post(ctx, person, title, doc[title.start:state.end], state,
                        "pattern:the-title-of-state-refers-back")


def _post_held(ctx: DocContext, post: str) -> bool:
    return any(f.predicate == model.HOLDS and f.object == post for f, _ in ctx.extraction.facts)


def _named_after(ctx: DocContext, i: int) -> bool:
    """A name (or a comma before one) right after "the President of X": no reference back."""
    if i < len(ctx.doc) and ctx.doc[i].text == ",":
        i += 1
    actor = ctx.actor_at(i) if i < len(ctx.doc) else None
    return actor is not None and actor.kind == model.PERSON


def _only_untitled_person_before(ctx: DocContext, end: int, state: str) -> Actor | None:
    found: dict[str, Actor] = {}
    for actor in ctx.actors:
        if actor.kind != model.PERSON or actor.start >= end or \
                ctx.facts_about(actor.key, model.HOLDS):
            continue
        states = {f.object for f in ctx.facts_about(actor.key, model.STATE_OF)}
        if states - {state}:
            continue
        found.setdefault(actor.key, actor)
    return next(iter(found.values())) if len(found) == 1 else None
