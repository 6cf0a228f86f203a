"""Parties named in their own language ("Fianna Fáil", "Yesh Atid"), which the statistical NER
often takes for persons: a name the text calls a party, or says someone leads, is a party.

Cues, on a name the NER found (any label): "the X party"; "X, the largest opposition party";
"X leader Y" (a name the NER calls a person, before a party's post and a person's name).
Every other mention of the same name is the party too ("X and Y agreed to govern together").
Parties our table knows are found before this, by name.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg import model, resolve
from kg.nlp.context import Actor, DocContext
from kg.nlp.not_organizations import names_no_body
from kg.nlp.org_states import focus_state

PARTY_WORDS = {"party", "parties"}
# Posts a party has, named after it: "X leader Y".
PARTY_POSTS = {"leader", "leaders", "chairman", "chairwoman", "founder",
               "co-founder", "lawmaker", "lawmakers", "deputies", "mp", "mps", "members",
               "member", "spokesman", "spokeswoman"}
# Words between a name and "party" in an apposition: "X, the centrist opposition party".
_APPOSITION_LENGTH = 5


def find_named_parties(ctx: DocContext) -> None:
    """Record as political parties the names the text calls parties (module docstring)."""
    ents = [e for e in ctx.doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE", "LOC")
            and not ctx.overlaps(e) and all(t.is_title or not t.is_alpha for t in e)
            and not names_no_body(e.text)]
    names = {e.text for e in ents if _called_a_party(ctx, e)}
    if not names:
        return
    state = focus_state(ctx)
    for ent in ents:
        if ent.text not in names:
            continue
        key = resolve.organization_key(ent.text, state)
        actor = ctx.add_actor(Actor(ent.start, ent.end, key, model.POLITICAL_PARTY, state),
                              model.Entity(key, model.POLITICAL_PARTY, ent.text))
        if state and actor.key == key:
            ctx.state_entity(state)
            ctx.add_fact(key, model.STATE_OF, f"state/{state}", ent, "pattern:named-party-state",
                         0.5)


def _called_a_party(ctx: DocContext, ent: Span) -> bool:
    doc, lowers = ctx.doc, ctx.lowers
    after = ent.end
    if after < len(doc) and lowers[after] in _POSSESSIVE:
        return False   # "X's party", "X's leader"
    if after < len(doc) and doc[after].text in PARTY_WORDS:
        return True   # "the Yesh Atid party"
    if after + 1 < len(doc) and doc[after].text == "," and \
            lowers[after + 1] in ("the", "a", "an"):
        sentence_end = ctx.sentence(ent.start).end
        for i in range(after + 2, min(after + 3 + _APPOSITION_LENGTH, sentence_end)):
            if doc[i].text in PARTY_WORDS:
                # "X, the largest opposition party," (not "X, the party's head", "X, the
                # Labour party candidate": a person)
                return i + 1 >= len(doc) or not (
                    lowers[i + 1] in _POSSESSIVE or doc[i + 1].pos_ in ("NOUN", "PROPN"))
            if doc[i].pos_ not in ("ADJ", "NOUN", "PROPN", "ADV") or lowers[i] in PARTY_POSTS:
                break   # "X, a member of the ruling party": a person
    # "X leader Y" (not "the leader of X": a state, a firm or a person's family has one too,
    # and that cue measured worse on held-out encyclopaedic text)
    return ent.label_ == "PERSON" and after + 1 < len(doc) and lowers[after] in PARTY_POSTS \
        and doc[after + 1].ent_type_ == "PERSON"


_POSSESSIVE = {"'s", "’s", "'", "’"}
