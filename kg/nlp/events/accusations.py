"""Accusations told as reports: a speaker of one state that blames another in what it says
("the ministry said the Armenian army carried out provocations", "Armenia bears the entire
responsibility for the tensions, he said") accuses that state, a DISAPPROVE event from the
speaker to the blamed, whether or not the text says "accused". A word of blame makes the
report an accusation: a side telling only what was done to it ("Russian missiles struck
Kharkiv, Ukrainian officials said") reports an attack, as PLOVER codes it, and a speaker
telling of acts between others only reports them.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg import model
from kg.model import Claim, Event
from kg.nlp.context import DocContext
from kg.nlp.events.actor_states import actors_by_key, found_state
from kg.nlp.events.phrases import Role, phrase_roles
from kg.nlp.events.roles import agent_roles, modifier_roles, preposition_roles, subject_roles
from kg.nlp.events.triggers import OWNING_UP
from kg.nlp.keys import stable_key
from kg.nlp.modality import NO_ACT_DETERMINERS

# Nouns that blame whom they are of, by, or done by: what makes a report a charge (CAMEO 112,
# 1123: accusing of aggression).
BLAME_NOUNS = frozenset({"provocation", "aggression", "atrocity", "crime", "terrorism",
                         "sabotage", "adventurism", "revanchism", "violation", "breach",
                         "responsibility", "blame", "fault"})
# Verbs that make a word of blame an admission or a denial, not a charge ("claimed
# responsibility for the attack", "denied responsibility").
_ADMITTING = OWNING_UP | {"deny", "disclaim"}
# Who reports an act without taking a side in it: the press, international bodies.
NEUTRAL_KINDS = frozenset({model.NEWS_MEDIA, model.INTERNATIONAL_ORGANIZATION})


def accusations(ctx: DocContext) -> Iterator[tuple[Event, list[tuple[str, Role]]]]:
    """One DISAPPROVE event per claim and blamed state, with its roles."""
    actors = actors_by_key(ctx)
    done: set[tuple[str, str]] = set()
    for claim in ctx.extraction.claims:
        speaker = claim.claimant_org or claim.claimant
        speaker_state = found_state(ctx, speaker) if speaker else None
        if speaker_state is None or speaker not in actors or actors[speaker].kind in NEUTRAL_KINDS:
            continue
        for word in _blame_words(ctx, claim):
            for blamed in _blamed(ctx, word):
                if blamed.state in (None, speaker_state) or (claim.key, blamed.state) in done:
                    continue
                done.add((claim.key, blamed.state))
                yield (_accusation(ctx, claim, word, blamed.state),
                       [(model.ACTOR, Role(actors[speaker], speaker_state)),
                        (model.TARGET, blamed)])


def _blame_words(ctx: DocContext, claim: Claim) -> list[Token]:
    span = ctx.doc.char_span(claim.begin, claim.end, alignment_mode="expand")
    if span is None:
        return []
    # "any violation will be met with force", "there was no provocation": no one is blamed
    return [t for t in span if t.pos_ == "NOUN" and ctx.lemmas[t.i] in BLAME_NOUNS
            and not any(c.dep_ == "det" and c.lower_ in NO_ACT_DETERMINERS for c in t.children)]


def _blamed(ctx: DocContext, word: Token) -> list[Role]:
    """Whom a word of blame blames: its possessor or modifiers ("Armenia's adventurism",
    "Armenian provocations"), who did it ("provocations by Armenia"), the noun it describes
    ("Serbian sabotage groups"), or the subject of the verb it is the object of ("the
    Armenian army carried out provocations", "Armenia bears the responsibility")."""
    own = modifier_roles(ctx, word)
    if own:
        return own
    by = preposition_roles(ctx, word, ("by",))
    if by:
        return by
    if word.dep_ == "compound":         # "sabotage groups of the Armenian army"
        return phrase_roles(ctx, word.head)
    if word.dep_ in ("dobj", "obj") and word.head.pos_ in ("VERB", "AUX") \
            and ctx.lemmas[word.head.i] not in _ADMITTING:
        return agent_roles(ctx, word.head) or subject_roles(ctx, word.head)
    return []


def _accusation(ctx: DocContext, claim: Claim, word: Token, accused: str) -> Event:
    sentence = ctx.sentence(word.i)
    begin = word.idx
    return Event(key=stable_key("event", ctx.document.id, claim.key, accused),
                 document=ctx.document.id, type="DISAPPROVE",
                 mode="accuse", cameo="112", begin=begin, end=begin + len(word.text),
                 sentence_begin=sentence.start_char,
                 sentence_end=sentence.start_char + len(sentence.text.rstrip()),
                 rule="event:blame-in-a-report", confidence=0.6, date=None, claim=claim.key)
