"""The state of an organisation the text names without one: the usual state of a name several
states give a body (kg/data/shared_body_names.csv), the state a story is datelined in, or the
state the text is about."""
from __future__ import annotations

from kg import model
from kg.data import tables
from kg.nlp.context import DocContext


def shared_name_state(ctx: DocContext, name: str) -> str | None:
    """The state a name several states give a body most often means ("State Council": China's),
    when the text names that state (kg/data/shared_body_names.csv)."""
    state = tables.load_shared_body_names().get(name)
    if state and any(a.kind == model.STATE and a.state == state for a in ctx.actors):
        return state
    return None


def focus_state(ctx: DocContext) -> str | None:
    """The state a text is about: the one it names most often (first named on a tie), when it
    is named at least twice or is the only state named. A body named without a state ("the
    Senate", "the Labour Party") is, in news and encyclopaedic text, that state's."""
    counts: dict[str, list[int]] = {}
    for actor in ctx.actors:
        if actor.kind == model.STATE and actor.state:
            entry = counts.setdefault(actor.state, [0, actor.start])
            entry[0] += 1
    if not counts:
        return None
    state, (count, _first) = min(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return state if count >= 2 or len(counts) == 1 else None


def dateline_state(ctx: DocContext) -> str | None:
    place = ctx.document.dateline_place
    if not place:
        return None
    for entry in ctx.gazetteer.entries.values():
        if entry.name == place and entry.state and entry.kind in (model.PLACE, model.STATE):
            return entry.state
    return None
