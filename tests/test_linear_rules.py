"""The indexes that keep our rules linear in a document's length (kg/nlp/context.py): they must
give what a scan of every actor and fact gave, whatever the rules did in between (add, remove,
rekey, filter). Their speed is measured in benchmarks/bench_long_documents.py."""
from __future__ import annotations

import spacy

from kg import model
from kg.model import Document, Entity
from kg.nlp.context import Actor, DocContext
from kg.nlp.gazetteer import Gazetteer


def context(text: str = "Chile and Argentina met in Santiago and Buenos Aires today .") -> DocContext:
    doc = spacy.blank("en")(text)
    return DocContext(doc, Document(id="t", text=text), Gazetteer({}))


def test_actors_in_finds_nested_and_removed_actors_as_a_scan_would():
    ctx = context()
    chile, argentina = Actor(0, 1, "state/CHL", model.STATE), Actor(2, 3, "state/ARG", model.STATE)
    capital = Actor(5, 6, "place/santiago", model.PLACE)
    both = Actor(0, 3, "org/x", model.ORGANIZATION)
    for actor in (chile, argentina, capital):
        ctx.add_actor(actor)
    ctx.add_actor(both, nest=True)
    assert ctx.actors_in(ctx.doc[0:3]) == [both, chile, argentina]
    assert ctx.actors_in(ctx.doc[1:5]) == [argentina]
    assert ctx.actors_in(ctx.doc[0:len(ctx.doc)]) == [both, chile, argentina, capital]
    ctx.remove_actor(argentina)
    assert ctx.actors_in(ctx.doc[0:3]) == [both, chile]


def test_facts_about_follows_appends_rekeys_and_filters():
    ctx = context()
    span = ctx.doc[0:1]
    ctx.add_fact("person/a", model.HOLDS, "post/x", span, "r", 0.9)
    assert ctx.facts_about("person/a", model.HOLDS) == [model.Fact("person/a", model.HOLDS, "post/x")]
    ctx.add_fact("person/a", model.HOLDS, "post/x", span, "r", 0.9)     # the same fact again
    ctx.add_fact("person/a", model.HOLDS, "post/y", span, "r", 0.9)
    assert [f.object for f in ctx.facts_about("person/a", model.HOLDS)] == ["post/x", "post/y"]
    ctx.add_entity(Entity("person/a", model.PERSON, "A"))
    ctx.rekey("person/a", "person/b")
    assert ctx.facts_about("person/a", model.HOLDS) == []
    assert [f.object for f in ctx.facts_about("person/b", model.HOLDS)] == ["post/x", "post/y"]
    facts = ctx.extraction.facts
    facts[:] = [(f, e) for f, e in facts if f.object != "post/y"]
    ctx.add_fact("person/b", model.STATE_OF, "state/CHL", span, "r", 0.9)
    assert [f.object for f in ctx.facts_about("person/b", model.HOLDS)] == ["post/x"]


def test_last_actor_by_follows_added_and_removed_actors_and_rekeys():
    ctx = context()
    first_of = lambda a: ctx.extraction.entities[a.key].name.split()[0]  # noqa: E731
    chile = ctx.add_actor(Actor(0, 1, "state/CHL", model.STATE), Entity("state/CHL", model.STATE,
                                                                         "Chile Republic"))
    assert ctx.last_actor_by("first", first_of) == {"Chile": chile}
    again = ctx.add_actor(Actor(5, 6, "state/CHL", model.STATE))
    argentina = ctx.add_actor(Actor(2, 3, "state/ARG", model.STATE),
                              Entity("state/ARG", model.STATE, "Argentina"))
    assert ctx.last_actor_by("first", first_of) == {"Chile": again, "Argentina": argentina}
    ctx.remove_actor(argentina)
    assert ctx.last_actor_by("first", first_of) == {"Chile": again}
    ctx.add_entity(Entity("state/XYZ", model.STATE, "Sylvania"))
    ctx.rekey("state/CHL", "state/XYZ")
    assert ctx.last_actor_by("first", first_of) == {"Sylvania": again}
