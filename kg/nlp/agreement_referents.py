"""Who "the two leaders", "both sides" or "the Presidents" are, and what a statement's heading
says of the statement it heads.

News and readouts name two leaders or two states once, then refer back to them: "President A of
X met President B of Y. The two leaders signed a joint declaration." The parties of what they
sign are the states they lead or stand for. A release headed "Joint Statement by President A of
X and President B of Y" is that statement: its signers follow "by", its date is the release's.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg import model
from kg.nlp.agreement_mentions import QUALIFIERS
from kg.nlp.context import Actor, DocContext

# Plural nouns that refer back to the people or states a text has just named, and which of the
# two they stand for.
_PEOPLE_NOUNS = {"leaders", "presidents", "ministers", "premiers", "heads", "chancellors",
                 "counterparts", "kings", "monarchs", "envoys", "negotiators"}
_STATE_NOUNS = {"countries", "states", "nations", "governments", "sides", "parties",
                "neighbours", "neighbors", "republics", "capitals", "delegations"}
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
_SENTENCES_BACK = 3     # how far back "the two leaders" may reach for the people it names


def referred_actors(ctx: DocContext, subject: Token) -> list[Actor]:
    """The persons or states a plural referring subject stands for ("the two leaders", "both
    sides", "The Presidents"): the last ones of that kind named in the sentences before, as
    many as the subject counts (two when it gives no number), each with a different state;
    none when the text has not named that many."""
    noun = subject.lower_
    if noun not in _PEOPLE_NOUNS and noun not in _STATE_NOUNS:
        return []
    count = next((_COUNTS[c.lower_] for c in subject.children if c.lower_ in _COUNTS), 2)
    begin = ctx.sentences_back(subject.i, _SENTENCES_BACK)
    before = ctx.actors_in(ctx.doc[begin:subject.i])
    if noun in _PEOPLE_NOUNS:
        # the leaders' states; failing those, the states they lead, named beside them
        return _last_of(ctx, before, (model.PERSON,), count) or \
            _last_of(ctx, before, (model.STATE,), count)
    if noun in ("sides", "parties", "delegations"):
        return _last_of(ctx, before, (model.PERSON, model.STATE), count)
    return _last_of(ctx, before, (model.STATE,), count)


def _last_of(ctx: DocContext, actors: list[Actor], kinds: tuple[str, ...],
             count: int) -> list[Actor]:
    """The last `count` actors of these kinds, each of another state; none if fewer."""
    found: list[Actor] = []
    states: set[str] = set()
    for actor in reversed(actors):
        if actor.kind not in kinds or actor.adjective:
            continue
        state = _state_of(ctx, actor)
        if state is None or state in states:
            continue
        states.add(state)
        found.append(actor)
        if len(found) == count:
            return found[::-1]
    return []


def _state_of(ctx: DocContext, actor: Actor) -> str | None:
    if actor.kind == model.STATE:
        return actor.key
    facts = ctx.facts_about(actor.key, model.STATE_OF)
    return facts[0].object if facts else None


# Words after a statement's name that open the list of who makes it: "Joint Statement by A and
# B", "Joint Declaration of the Presidents of X and Y", "Joint Statement from A and B".
_BY_WORDS = {"by", "from", "of"}
STATEMENT_KINDS = {"statement", "declaration", "communique"}


def maker_list_start(ctx: DocContext, end: int, kind: str) -> Token | None:
    """The "by" / "from" / "of" right after a statement's name, which lists its makers."""
    if kind not in STATEMENT_KINDS or end >= len(ctx.doc) or ctx.lowers[end] not in _BY_WORDS:
        return None
    return ctx.doc[end]


_HEADING_TOKENS = 3     # a heading starts with the statement's name: "Joint Statement on …"


def heads_the_document(ctx: DocContext, start: int, end: int, kind: str) -> bool:
    """A joint statement named at the very start of the text's first line, which heads the
    release that is the statement itself ("Joint Statement on Trade Talks in Oslo⏎May 12,
    2025"); not one government's "Statement on …", which is no agreement."""
    if kind not in STATEMENT_KINDS or not QUALIFIERS.intersection(ctx.lowers[start:end]):
        return False
    first = next((t.i for t in ctx.doc if not t.is_space), 0)
    return start - first < _HEADING_TOKENS and "\n" not in ctx.doc[first:start + 1].text


def possessors(ctx: DocContext, start: int) -> list[Actor]:
    """Who "their" in "their agreement" refers to: the states (or persons' states) named as one
    group nearest before it in the sentence ("congratulated A and B on concluding their
    agreement"), when the group has two or more."""
    before = [a for a in ctx.actors_in(ctx.doc[ctx.sentence(start).start:start])
              if a.kind in (model.STATE, model.PERSON) and not a.adjective]
    if not before:
        return []
    last = ctx.doc[before[-1].end - 1]
    group = [ctx.actor_at(t) for t in (last, *last.conjuncts)]
    states = {key for a in group if a is not None
              and (key := _state_of(ctx, a)) is not None}
    return [a for a in before if a.kind == model.STATE and a.key in states] if len(states) >= 2 \
        else []


def states_in_joined_names(ctx: DocContext, span: Span) -> list[str]:
    """The states of a word made of state names joined by hyphens, which the tokenizer keeps as
    one word and so no state ("U.S.-ROK", "U.S.-China"): each part a state name."""
    names, found = ctx.gazetteer.state_names(), []
    for token in span:
        parts = re.split(r"[-–]", token.text)
        if len(parts) >= 2 and all(p in names for p in parts):
            found += [ctx.state_entity(names[p]) for p in parts]
    return found
