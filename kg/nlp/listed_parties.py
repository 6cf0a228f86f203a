"""Names listed among parties are parties: "the coalition of Labour, the Centre Party, the
National Union and Yesh Koach" (a name in its own language, which the statistical NER takes for
a person or a place). And the mirror: a name the NER calls ORG that is listed among persons
only ("led by Marco Rossi and Gianni Bianchi") is a person's, no organisation.

A name coordinated (a list with commas, "and", "or") with at least two political parties
already found, in a sentence that speaks of parties, a coalition, an alliance or a bloc, is a
party too, unless a title goes before it ("President X"). Encyclopaedic text lists a
coalition's parties so; "talks between the Labour Party, the Green Party and Smith" speaks of
no parties.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg import model
from kg.nlp.context import DocContext
from kg.nlp.headed_organizations import BODY_HEADS, record_organization
from kg.nlp.not_organizations import names_no_body
from kg.nlp.organizations import HEAD_KINDS, focus_state
from kg.nlp.titles import title_ending_at

# How many parties a list must hold besides the name.
_PARTIES_IN_LIST = 2
_LABELS = ("PERSON", "GPE", "LOC", "NORP", "FAC", "ORG", "WORK_OF_ART")
# Lower-case words of a sentence that lists parties.
_LIST_WORDS = {"parties", "coalition", "alliance", "bloc", "coalitions", "alliances"}


def find_listed_parties(ctx: DocContext) -> None:
    """Record as parties the names listed with parties (module docstring)."""
    for ent in ctx.doc.ents:
        if not any(t.text in _LIST_WORDS for t in ctx.sentence(ent.start)):
            continue
        if ent.label_ not in _LABELS or ctx.overlaps(ent) or not _a_name(ent):
            continue
        if title_ending_at(ctx.doc, ent.start) is not None or names_no_body(ent.text):
            continue
        parties = {a.key for t in ent.root.conjuncts
                   if (a := ctx.actor_at(t)) is not None and a.kind == model.POLITICAL_PARTY}
        if len(parties) >= _PARTIES_IN_LIST:
            record_organization(ctx, ent, ent.text, model.POLITICAL_PARTY, focus_state(ctx),
                                "pattern:listed-party-state", 0.5)


def _a_name(ent: Span) -> bool:
    words = [t for t in ent if t.is_alpha]
    return 0 < len(words) <= 4 and all(t.is_title or t.is_upper for t in words) and \
        ent[0].lower_ != "the"


def listed_among_persons(ctx: DocContext, span: Span) -> bool:
    """Whether a name the NER calls ORG is coordinated with persons and with no organisation,
    and holds no body's head word: "a party led by Marco Rossi and Gianni Bianchi"."""

    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 4 or any(t.lower_ in HEAD_KINDS or t.lower_ in BODY_HEADS
                                          or t.is_upper for t in words):
        return False   # a body's head word, or an acronym ("X for the UUP and Y"): no person
    persons = 0
    for token in span.root.conjuncts:
        if span.start <= token.i < span.end:
            continue
        actor = ctx.actor_at(token)
        if actor is not None and actor.kind in model.ORGANIZATION_KINDS or \
                actor is None and token.ent_type_ == "ORG":
            return False
        persons += actor is not None and actor.kind == model.PERSON
    return persons > 0
