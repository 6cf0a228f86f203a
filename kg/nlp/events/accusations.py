"""Accusations told as reports: a speaker of one state telling of a hostile act by another
against its own ("Sabotage groups of the Armenian army laid mines …, the ministry said") accuses
that state, a DISAPPROVE event from the speaker to the actor, whether or not the text says
"accused". A speaker telling of acts between others only reports them.
"""
from __future__ import annotations

from typing import Iterator

from kg import model
from kg.model import Event
from kg.nlp.context import DocContext
from kg.nlp.events.roles import Role, actors_by_key, found_state
from kg.nlp.keys import stable_key

# Acts of force, and threats of it, whose report by the side they hit is an accusation (not
# triggers.HOSTILE, the acts whose intent is a threat: a rejection or a sanction reported by its
# target is news of a policy, not a charge).
FORCEFUL_ACTS = frozenset({"FIGHT", "ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# Who reports an act without taking a side in it: the press, international bodies.
NEUTRAL_KINDS = frozenset({model.NEWS_MEDIA, model.INTERNATIONAL_ORGANIZATION})


def accusations(ctx: DocContext) -> Iterator[tuple[Event, list[tuple[str, Role]]]]:
    """One DISAPPROVE event per claim and accused state, with its roles."""
    claims = {c.key: c for c in ctx.extraction.claims}
    actors = actors_by_key(ctx)
    done: set[tuple[str, str]] = set()
    for event in list(ctx.extraction.events):
        claim = claims.get(event.claim or "")
        if event.type not in FORCEFUL_ACTS or claim is None:
            continue
        speaker = claim.claimant_org or claim.claimant
        speaker_state = found_state(ctx, speaker) if speaker else None
        if speaker_state is None or speaker not in actors or actors[speaker].kind in NEUTRAL_KINDS:
            continue
        if not any(p.event == event.key and p.role == model.TARGET and p.state == speaker_state
                   for p in ctx.extraction.participants):
            continue    # a side tells of what was done to it; a third party only reports
        for p in ctx.extraction.participants:
            if p.event != event.key or p.role != model.ACTOR or p.state in (None, speaker_state):
                continue
            if (claim.key, p.state) in done or p.entity not in actors:
                continue
            done.add((claim.key, p.state))
            yield (_accusation(event, claim.key, p.state),
                   [(model.ACTOR, Role(actors[speaker], speaker_state)),
                    (model.TARGET, Role(actors[p.entity], p.state))])


def _accusation(event: Event, claim: str, accused: str) -> Event:
    return Event(key=stable_key("event", event.document, claim, accused),
                 document=event.document, type="DISAPPROVE",
                 mode="accuse", cameo="112", begin=event.begin, end=event.end,
                 sentence_begin=event.sentence_begin, sentence_end=event.sentence_end,
                 rule="event:reported-hostile-act", confidence=0.6, date=None, claim=claim)
