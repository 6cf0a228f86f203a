"""Who acts and whom the act aims at: the parse's arguments of a trigger (its subject, its
objects, the phrases of its prepositions, the clauses it governs), each read as the actors its
noun phrase stands for (kg.nlp.events.phrases).
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from kg import model
from kg.nlp.context import DocContext
from kg.nlp.events.phrases import (NOT_ACTORS, Role, actors_in, distinct, of_descent,
                                   phrase_roles, place_state, state_of)
from kg.nlp.events.speech_acts import report_of_participle, speaker_of_participle
from kg.nlp.events.triggers import OWNING, OWNING_UP
from kg.nlp.modality import (INTENT_NOUNS, a_that_clause, bare_infinitive,
                             intention_noun, says_of_itself, sent_to_do, the_speaker)

# Prepositions whose object is the one acted on; "between" names the sides of a clash.
TARGET_PREPOSITIONS = frozenset({"against", "on", "with", "to", "at", "toward", "towards",
                                 "into", "from", "upon", "over"})
# Prepositions that name whom a thing is sent or handed to.
_RECEIVING_PREPOSITIONS = frozenset({"to", "into"})
# Prepositions that name the matter an act is about ("an inquiry into", "a probe of").
_MATTER = frozenset({"into", "of", "on"})
# Prepositions whose object, under the object of an act, is the one acted on: "rejected calls
# by Ruritania", "accepted demands from the rebels", "provided arms to Ruritania".
_OBJECT_PREPOSITIONS = frozenset({"of", "with", "against", "on", "by", "from", "to"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
# Verbs that attribute what a clause tells to a source ("…, the ministry said").
REPORTING = frozenset({"say", "report", "tell", "add", "state", "announce", "confirm"})
# Documents that speak for whoever issues them ("adopted a resolution condemning …").
_SPEAKING_DOCUMENTS = frozenset({"resolution", "statement", "communique", "declaration",
                                 "letter", "note", "motion", "message"})
# Types of the measures one state takes against another.
MEASURES = frozenset({"SANCTION", "COERCE"})
# Acts whose noun names whom they are for ("support for Kyiv", "aid for the refugees"), and
# the words of what is pledged or voiced for someone that the table codes only with a verb.
GIVEN_FOR = frozenset({"SUPPORT", "AID"})
_GIVEN_FOR_WORDS = frozenset({"support", "backing", "help", "solidarity", "sympathy"})
# Particles the parser may hang a verb's preposition on ("handed the islands back to Chile").
_ADVERB_PARTICLES = frozenset({"out", "back", "over"})
_OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
# Clauses an event's subject may be told in, up the tree ("Armenia aims to delay … by opening
# fire": the subject of "opening" is Armenia's).
_CLIMB = frozenset({"xcomp", "pcomp", "prep", "advcl", "conj", "acl", "ccomp", "acomp"})


def subject_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """The roles of the clause's subject, climbing to the clause it hangs from when it has none;
    a passive's agent ("were occupied by Armenia") is its subject."""
    node = clause
    for _ in range(6):
        node = speaker_of_participle(node, ctx.lemmas) or report_of_participle(
            node, ctx.lemmas) or node
        for child in node.children:
            if child.dep_ in _SUBJECTS and the_speaker(child) and node.dep_ == "ccomp":
                break       # "Hungary said it will support": "it" is the speaker
            # "Chile is expected to deploy": a passive subject of the clause it hangs from
            if child.dep_ in _SUBJECTS or (child.dep_ == "nsubjpass" and node is not clause):
                return phrase_roles(ctx, child)
            if child.dep_ == "agent":
                return [r for g in child.children if g.dep_ == "pobj"
                        for r in phrase_roles(ctx, g)]
        if (named := _a_named_subject_misread(ctx, node)) is not None:
            return phrase_roles(ctx, named)
        if node.dep_ == "relcl":
            roles = phrase_roles(ctx, node.head)
            if roles or not sent_to_do(node):
                return roles
            node = node.head.head   # "sent an envoy to mediate": the sender acts through him
            continue
        if (node.dep_ not in _CLIMB and not _an_intention(node)) or node.head.i == node.i:
            return []
        if node.dep_ == "ccomp" and not says_of_itself(node):
            return []
        if node.dep_ == "acl" and ctx.lemmas[node.head.i] in _SPEAKING_DOCUMENTS \
                and node.head.dep_ in ("dobj", "nsubjpass"):
            node = node.head.head   # "passed a resolution condemning …": who passed it
            continue
        node = node.head
    return []


def _a_named_subject_misread(ctx: DocContext, clause: Token) -> Token | None:
    """"Turkey massed troops …", "insisted that Asmara rein in …": a name before a verb that
    has no subject, which the parser took for an adverbial noun or a compound, is the verb's
    subject (a capital too, standing for its government)."""
    if any(c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass" for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ in ("npadvmod", "compound")
                 and c.i < clause.i and (a := ctx.actor_at(c.i)) is not None
                 and (a.kind not in NOT_ACTORS
                      or ctx.gazetteer.capitals.get(a.state or "") == a.key)), None)


def _an_intention(node: Token) -> bool:
    """"Russia has no plans to withdraw": the object of the verb whose subject intends."""
    return node.dep_ == "dobj" and node.lemma_.lower() in INTENT_NOUNS


def claimant_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """"the group claimed responsibility for the bombing": who owns up to an act did it (not
    who denies it)."""
    owning = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or ctx.lemmas[owning.i] not in OWNING \
            or owning.dep_ not in ("dobj", "obj") or ctx.lemmas[owning.head.i] not in OWNING_UP:
        return []
    return subject_roles(ctx, owning.head)


def intender_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """Who intends an act named as what a noun of intention is of, for or in: Japan in "a
    Japanese offer of talks", Cuba in "Havana had no interest in talks"."""
    intention = intention_noun(noun, ctx.lemmas) if noun.dep_ == "pobj" else None
    if intention is None:
        return []
    return modifier_roles(ctx, intention) or subject_roles(ctx, intention)


def modifier_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """The actors a noun's possessor and modifiers name ("Armenian provocations", "Russia's
    offer", "a Japanese offer")."""
    return [r for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
            for r in phrase_roles(ctx, c)]


def object_roles(ctx: DocContext, clause: Token, *, skip: Token | None = None,
                 purpose: bool = False) -> list[Role]:
    """Whom the clause acts on: its objects, a passive subject, the subject of a "that" clause
    ("demanded that Chile withdraw …"), objects of TARGET_PREPOSITIONS, and the same in a "to"
    complement ("threatened to cut ties with Chile"). With `purpose`, also in a "to" clause
    the parser reads as adverbial: a complement with words between it and its verb
    ("threatened last week to suspend imports from Indonesia"), or the act's purpose, which
    names whom it is aimed at ("reopened the crossing to let aid through to Syria")."""
    heads = []
    for child in clause.children:
        if skip is not None and child.i == skip.i:
            continue
        if child.dep_ in _OBJECTS or child.dep_ == "nsubjpass":
            aimed = [g for g in child.children
                     if g.dep_ == "prep" and g.lower_ in _OBJECT_PREPOSITIONS]
            if _a_measure(ctx, child):
                # "lifted the U.S. embargo against Vietnam": a measure lifted or eased is aimed
                # at whom it was against, not at whose it was
                heads.extend(g for g in aimed if g.lower_ in ("against", "on"))
            elif ctx.lemmas[child.i] in _GIVEN_FOR_WORDS \
                    or ctx.event_table.types(ctx.lemmas[child.i], "noun") & GIVEN_FOR:
                # "pledged its support for Kyiv", "promised aid for the flood victims": whom
                # support or aid is for
                aimed += [g for g in child.children if g.dep_ == "prep" and g.lower_ == "for"]
            heads.append(child)
            heads.extend(aimed)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            heads.append(child)
        elif child.lower_ in _ADVERB_PARTICLES and child.pos_ != "VERB":
            # "pulled out of Lebanon", "handed it back to" (not the verb of "promised to back"),
            # "walked out of talks with Minsk": whom what it leaves is with
            for prep in child.children:
                if prep.dep_ != "prep" or (prep.lower_ != "of"
                                           and prep.lower_ not in TARGET_PREPOSITIONS):
                    continue
                heads.append(prep)
                if prep.lower_ == "of":
                    heads.extend(a for g in prep.children if g.dep_ == "pobj"
                                 for a in g.children if a.dep_ == "prep"
                                 and a.lower_ in _OBJECT_PREPOSITIONS)
        elif _an_attribution(ctx, clause, child):
            continue    # "endorsed the plan, the ministry said": who says so, read as a clause
        elif child.dep_ in ("ccomp", "xcomp") or (purpose and bare_infinitive(child)) or (
                child.dep_ == "acl" and a_that_clause(child)):  # "a demand that Athens withdraw"
            heads.append(child)
    roles: list[Role] = []
    for head in heads:
        roles.extend(_roles_at(ctx, head))
        if roles:
            break
    return roles


def _an_attribution(ctx: DocContext, clause: Token, child: Token) -> bool:
    """Whether the child is the attribution after the clause that the parser hangs from it
    ("Oslo backed the proposal, its envoy said": "said" as the clause's complement)."""
    return child.dep_ == "ccomp" and child.i > clause.i and ctx.lemmas[child.i] in REPORTING \
        and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].lower_ == ","


def _a_measure(ctx: DocContext, noun: Token) -> bool:
    """A noun the table codes as a measure taken against someone: an embargo, sanctions, a
    ban, a blockade (not an act that others condemn: "condemned an air raid on a camp")."""
    return bool(ctx.event_table.types(ctx.lemmas[noun.i], "noun") & MEASURES)


def recipient_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """Whom a thing is sent, given or handed to: the object of its "to" or "into" phrase, or a
    noun as dative object ("gave Ukraine arms"). What is sent may name a state ("sent Kenyan
    peacekeepers to Somalia") without being the one acted on."""
    for child in clause.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _RECEIVING_PREPOSITIONS:
            roles = _roles_at(ctx, child)
        elif child.dep_ == "dative" and child.pos_ != "ADP":
            roles = phrase_roles(ctx, child)
        else:
            continue
        if roles:
            return roles
    return []


def _roles_at(ctx: DocContext, head: Token) -> list[Role]:
    if head.dep_ == "prep" or (head.dep_ == "dative" and head.pos_ == "ADP"):
        # the parser takes the "to" of "sent doctors to Turkey" for a dative object; it reads
        # "with American teams searching for …" as a clause whose subject is the object
        return [r for g in head.children if g.dep_ == "pobj" for r in phrase_roles(ctx, g)] or [
            r for g in head.children if g.dep_ == "pcomp" for c in g.children
            if c.dep_ in _SUBJECTS for r in phrase_roles(ctx, c)]
    if head.dep_ in ("ccomp", "acl"):
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
        if not subjects and (named := _a_named_subject_misread(ctx, head)) is not None:
            subjects = [named]
        return [r for c in subjects for r in phrase_roles(ctx, c)]
    if head.dep_ in ("xcomp", "advcl"):
        return object_roles(ctx, head)
    return phrase_roles(ctx, head)


def condition_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """"threatened to halt the talks unless Moscow withdraws": whom a threat is aimed at is the
    subject of its condition (read in the clause and in its "to" complement)."""
    for node in [clause, *(c for c in clause.children if c.dep_ == "xcomp")]:
        for advcl in node.children:
            if advcl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in advcl.children):
                return [r for c in advcl.children if c.dep_ in _SUBJECTS
                        for r in phrase_roles(ctx, c)]
    return []


def matter_roles(ctx: DocContext, clauses: list[Token]) -> list[Role]:
    """Whom an act about a matter is aimed at: who and where the matter names, with their
    states ("an inquiry into bribes paid to Milan officials": Italy; "investigating allegations
    that Russian troops tortured detainees": Russia; "rejected a plan drawn up by the African
    Union": the African Union)."""
    return named_roles(ctx, [c for clause in clauses for c in clause.children
                             if c.dep_ in ("dobj", "ccomp") and not _an_attribution(ctx, clause, c)
                             or (c.dep_ == "prep" and c.lower_ in _MATTER)])


def named_roles(ctx: DocContext, heads: list[Token]) -> list[Role]:
    """Everyone the heads' phrases name, with their states, and the states of the places they
    name ("with the foreign minister of Ghana, Ama Mensah, and Togo's foreign minister")."""
    tokens = {t.i for head in heads for t in head.subtree}
    roles: list[Role] = []
    for actor in actors_in(ctx, tokens):
        if of_descent(ctx, actor):
            continue
        if actor.kind == model.PLACE:
            roles.extend(place_state(ctx, actor))
        elif actor.kind not in NOT_ACTORS:
            roles.append(Role(actor, state_of(ctx, actor, [])))
    return distinct(roles)


def agent_roles(ctx: DocContext, clause: Token) -> list[Role]:
    """Who did the act an act about a matter is about, named by a "by" phrase: "protested
    against the detention of its sailors by Norway", "condemned the shelling of the town by
    rebels": the one protested against, condemned, rejected or praised. The parser may hang the
    "by" on the verb of an active clause ("condemned the arrest of … by Liberia"), or name it
    as the agent of a participle ("welcomed the settlement drafted by Kenya", "condemned the
    raids carried out by militias")."""
    nouns = [c for c in clause.children if c.dep_ in _OBJECTS] + [
        g for p in clause.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPOSITIONS
        for g in p.children if g.dep_ == "pobj"]
    holders = nouns + ([clause] if nouns and any(c.dep_ in _SUBJECTS for c in clause.children)
                       else [])
    participles = [a for n in clause.children if n.dep_ in _OBJECTS for a in n.children
                   if a.dep_ == "acl" and a.tag_ == "VBN"]
    return [r for holder in holders for r in preposition_roles(ctx, holder, ("by",))] or [
        r for a in participles for g in a.children if g.dep_ == "agent"
        for p in g.children if p.dep_ == "pobj" for r in phrase_roles(ctx, p)]


def foreign_roles(ctx: DocContext, clause: Token, actors: list[Role]) -> list[Role]:
    """The states the clause names outside its subject, other than the actors' own: whom a
    show of force is aimed at ("called up reservists amid a dispute with Azerbaijan", "massed
    troops near the Ukrainian border", "put its navy on alert over Turkish drilling")."""
    subject = {t.i for c in clause.children if c.dep_ in _SUBJECTS for t in c.subtree}
    own = {r.state for r in actors}
    roles: list[Role] = []
    for actor in actors_in(ctx, {t.i for t in clause.subtree} - subject):
        if actor.kind == model.STATE:
            roles.append(Role(actor, actor.key))
        elif actor.kind == model.PLACE:
            roles.extend(place_state(ctx, actor))
    return distinct([r for r in roles if r.state not in own])


def between_roles(ctx: DocContext, noun: Token) -> list[Role]:
    """"clashes between Armenia and Azerbaijan": the sides, each an actor."""
    return preposition_roles(ctx, noun, ("between", "among"))


def preposition_roles(ctx: DocContext, head: Token, prepositions: Collection[str]
                      ) -> list[Role]:
    """The actors the objects of the head's phrases of these prepositions stand for."""
    return [r for p in head.children if p.dep_ == "prep" and p.lower_ in prepositions
            for g in p.children if g.dep_ == "pobj" for r in phrase_roles(ctx, g)]
