"""The sense an event trigger takes from what surrounds it: who acts (a state protests in
words, the opposition boycotts in protest, a speaker's force is words), whom it acts on (force
on civilians is one-sided violence), under what (giving under a deal is cooperation) and by
whom (a crowd's force is a riot).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from kg import model
from kg.data.event_codes import EventCode, word_classes
from kg.nlp.agreement_mentions import AGREEMENT_WORDS
from kg.nlp.context import DocContext
from kg.nlp.events.actor_states import group_sector
from kg.nlp.events.phrases import of_objects
from kg.nlp.events.triggers import DOMESTIC_ACTS, Trigger
from kg.nlp.titles import civilian_title_heads

# Words for a deal under which things are given, the giving is cooperation, not aid: the
# agreement nouns kg reads agreements by, and commercial deals.
DEALS = frozenset(AGREEMENT_WORDS.values()) | {"contract", "arrangement"}
# Objects of force that make it one-sided violence: civilians, the places they live in, and
# crowds (force on protesters is repression, CAMEO 175).
CIVILIAN_TARGETS = frozenset({"civilian", "villager", "resident", "refugee", "worshipper",
                              "pilgrim", "tourist", "passenger", "village", "hotel", "school",
                              "hospital", "market", "mosque", "church", "synagogue", "temple",
                              "home", "house", "building", "camp", "bus", "tanker", "ferry",
                              "shop", "wedding", "funeral", "neighbourhood",
                              "neighborhood", "crowd", "protester", "demonstrator",
                              "mourner", "marcher"})
# Attacks by surprise, which on armed forces are a fight between armed sides.
AMBUSHES = frozenset({"ambush"})
# Sectors of the actor groups' table whose people are civilians (kg/data/actor_groups.csv).
CIVILIAN_SECTORS = frozenset({"CVL", "LAB", "EDU", "MED", "REF", "OPP"})
# Acts of force that, done by a crowd, are a riot (PLOVER's PROTEST, mode riot; CAMEO 145):
# "protesters stormed the parliament", "students clashed with police", "a mob seized the town
# hall", and violence on property ("crowds stoned the embassy"); but a crowd that beats or
# kills someone assaults them.
FORCE = frozenset({"FIGHT", "COERCE"})
RIOT = EventCode("riot", "verb", "PROTEST", "riot-spon", "145", None)   # as the table codes "riot"
# Who speaks for a state (its name or capital, its government and ministries, or an
# international body), who protests in words; and the sectors of groups of a state's people,
# who protest (PLOVER's PROTEST is dissent against a government).
_SPEAKING_FOR_STATES = frozenset({model.GOVERNMENT, model.MINISTRY, model.DEPARTMENT,
                                  model.INTERNATIONAL_ORGANIZATION})
_DISSENTING_SECTORS = frozenset({"CVL", "LAB", "OPP", "EDU"})
# Nouns of people at the head of a group, who are taken, not ground (and the class `wanted`:
# suspects, fugitives …).
LEADERS = frozenset({"leader", "commander", "chief", "founder", "mastermind", "kingpin",
                     "boss", "ringleader"})
# Actors that are ground when taken: a place, or a state its capital stands for ("seized Kigali").
GROUND_KINDS = (model.PLACE, model.STATE)
# Visitors whose visit is an inspection.
INSPECTORS = frozenset({"inspector", "investigator", "monitor", "observer", "expert"})
# Verbs of taking ground: a village captured is ground won in a fight, not violence on its people.
TAKING = frozenset({"capture", "recapture", "seize", "occupy", "overrun", "liberate", "retake",
                    "take"})


# Force in words: verbs of force whose subject speaks rather than fights (a named person, an
# office holder, a party, lawmakers) or whose object is something said or decided ("attacked
# the budget", "fought the plan") criticise (CAMEO 111), as the table codes "criticize".
FORCE_IN_WORDS = frozenset({"FIGHT", "ASSAULT"})
_SPEAKING_SECTORS = frozenset({"LEG"})
# The sectors of a state's armed forces and police (actor_groups.csv).
_STATE_FORCES = frozenset({"MIL", "COP"})


def sense_in_words(ctx: DocContext, trigger: Trigger) -> EventCode | None:
    """"The premier hit back at Ruritania, saying …", "the opposition party attacked the
    budget": force told of a speaker or of a thing said is criticism, not a fight."""
    if trigger.type not in FORCE_IN_WORDS or trigger.token.pos_ != "VERB":
        return None
    clause = trigger.anchor
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if not (subject is not None and _speaks(ctx, subject) or any(
            c.dep_ in ("dobj", "obj") and ctx.lemmas[c.i] in _things_said()
            for c in clause.children)):
        return None
    return _plain_code(ctx, "criticize")


@lru_cache(maxsize=1)
def _things_said() -> frozenset[str]:
    """What is said or decided, not fought: statements, stances, bills and budgets."""
    return frozenset({*word_classes()["publications"], *word_classes()["stances"],
                      *DOMESTIC_ACTS})


def _speaks(ctx: DocContext, subject: Token) -> bool:
    actor = ctx.actor_at(subject)
    if actor is not None and actor.kind in (model.PERSON, model.POLITICAL_PARTY):
        return True
    return ctx.lemmas[subject.i] in civilian_title_heads() \
        or group_sector(ctx, subject) in _SPEAKING_SECTORS


def retype_by_what_is_done(ctx: DocContext, trigger: Trigger) -> None:
    """Retype `trigger` by whom and under what it acts: force on civilians is an ASSAULT, a
    person taken is arrested (COERCE), what is given under a deal is COOPERATE, a visit by
    inspectors inspects (INVESTIGATE), a crowd's force is a riot (PROTEST)."""
    taking = ctx.lemmas[trigger.token.i] in TAKING
    if trigger.type == "FIGHT" and not taking and aimed_at_civilians(ctx, trigger):
        trigger.type, trigger.mode = "ASSAULT", None
    elif trigger.type == "ASSAULT" and ctx.lemmas[trigger.token.i] in AMBUSHES \
            and _aimed_at_forces(ctx, trigger):
        trigger.type, trigger.mode = "FIGHT", None     # "a border unit was ambushed"
    if taking and trigger.type == "COERCE" and _ground_taken(ctx, trigger):
        # "seized the town": ground won, as the table codes "capture" (192); goods seized
        # stay confiscated (171); "was taken to task" keeps its own sense
        _take_sense(trigger, _plain_code(ctx, "capture"))
    arrest = _plain_code(ctx, "arrest")
    if trigger.type == "FIGHT" and taking and arrest and _a_person_taken(ctx, trigger):
        _take_sense(trigger, arrest)
    if trigger.type == "CONCEDE" and trigger.token.pos_ == "VERB":
        _yielded_in_kind(ctx, trigger)
    if trigger.type == "CONSULT" and trigger.token.pos_ == "VERB" and _by_inspectors(ctx, trigger):
        trigger.type, trigger.mode = "INVESTIGATE", None
    if trigger.type == "AID" and _under_a_deal(ctx, trigger):
        trigger.type, trigger.mode = "COOPERATE", None
    if trigger.type == "ASSAULT" and trigger.mode == "explosives" and _on_property(ctx, trigger) \
            and _by_state_forces(ctx, trigger):
        # "troops blew up the houses of two suspects": property a state's forces blow up is
        # destroyed, as the houses they raze are (PLOVER's COERCE, mode destroy, CAMEO 1712);
        # a militant's bomb stays an ASSAULT
        _take_sense(trigger, _plain_code(ctx, "raze"))
    if (trigger.type in FORCE or trigger.type == "ASSAULT" and _on_property(ctx, trigger)) \
            and _by_a_crowd(ctx, trigger):
        _take_sense(trigger, RIOT)


def _take_sense(trigger: Trigger, code: EventCode | None) -> None:
    """Give the trigger the type, mode and CAMEO code of another sense, if there is one."""
    if code is not None:
        trigger.type, trigger.mode = code.type, code.mode
        trigger.code = replace(trigger.code, type=code.type, cameo=code.cameo)


def _by_state_forces(ctx: DocContext, trigger: Trigger) -> bool:
    """Whether the clause's subject (or a passive's agent) is a state or its soldiers or police
    ("Israeli troops", "by the army", "Ruritania"), not rebels, militants or a crowd."""
    clause = trigger.anchor
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) or next(
        (g for a in clause.children if a.dep_ == "agent" for g in a.children
         if g.dep_ == "pobj"), None)
    if subject is None:
        return False
    actor = ctx.actor_at(subject)
    return group_sector(ctx, subject) in _STATE_FORCES or (
        actor is not None and actor.kind == model.STATE and not actor.adjective)


def _yielded_in_kind(ctx: DocContext, trigger: Trigger) -> None:
    """"Gave up their weapons", "ceded the town": what is yielded is arms or ground, a yield
    in kind (PLOVER's RETREAT: disarming, CAMEO 0873, or giving up ground, 0874), not in
    words or policy (CONCEDE: "gave up its claim", "yielded to pressure")."""
    if any(ctx.lemmas[obj.i] in word_classes()["weapons"] for obj in _taken(trigger)):
        trigger.type, trigger.mode, cameo = "RETREAT", "disarm", "0873"
    elif _ground_taken(ctx, trigger):
        trigger.type, trigger.mode, cameo = "RETREAT", None, "0874"
    else:
        return
    trigger.code = replace(trigger.code, type=trigger.type, cameo=cameo)


def _aimed_at_forces(ctx: DocContext, trigger: Trigger) -> bool:
    """Whether what the verb acts on (its object or passive subject) is armed forces."""
    troops = word_classes()["troops"]
    return any(c.dep_ in ("dobj", "nsubjpass") and ctx.lemmas[c.i] in troops
               for c in trigger.anchor.children)


def aimed_at_civilians(ctx: DocContext, trigger: Trigger) -> bool:
    """"shelled villages", "stormed a hotel", "fired into a crowd": force used on
    civilians or their places is one-sided violence (PLOVER's ASSAULT), not a fight between armed
    sides (FIGHT)."""
    clause = trigger.anchor
    words = [*clause.children, *(trigger.token.children if trigger.token.i != clause.i else ())]
    objects = [c for c in clause.children if c.dep_ in ("dobj", "obj")] + [
        g for p in words if p.dep_ == "prep" and p.lower_ in ("at", "on", "into")
        for g in p.children if g.dep_ == "pobj"]
    # "opened fire on a group of refugees": the people a group is of
    objects += [g for o in objects for g in of_objects(o)]
    # or a group of civilians by the actor groups' table ("fishermen", "journalists")
    return any((ctx.lemmas[o.i] in CIVILIAN_TARGETS and not _armed_groups_place(ctx, o))
               or group_sector(ctx, o) in CIVILIAN_SECTORS for o in objects)


def _armed_groups_place(ctx: DocContext, place: Token) -> bool:
    """"rebel camps", "a militia camp": a place named as an armed group's is a stronghold,
    not a civilian one (a refugee camp is)."""
    return any(c.dep_ in ("compound", "amod") and group_sector(ctx, c) not in (
        None, *CIVILIAN_SECTORS) for c in place.children)


def sense_of_its_actor(ctx: DocContext, trigger: Trigger) -> EventCode | None:
    """The sense of the verb that who acts tells, where the table gives it one with no word
    needed: a state, its government, a ministry or an international body protests in words
    ("Moscow protested against the detention …", "protests from Moscow": a complaint, CAMEO
    11); the opposition, a union or a crowd protests ("opposition parties boycotted the
    election": CAMEO 143, not a state's sanction)."""
    codes = [c for c in ctx.event_table.codes.get((ctx.lemmas[trigger.token.i], "verb"), ())
             if c.needs is None]
    subject = _holder(trigger)
    if subject is None:
        return None
    if trigger.type == "PROTEST" and _speaks_for_states(ctx, subject):
        return next((c for c in codes if c.type != "PROTEST"), None)
    if trigger.token.pos_ != "VERB":
        return None
    if trigger.type != "PROTEST" and _dissenting(ctx, subject):
        return next((c for c in codes if c.type == "PROTEST"), None)
    return None


def _holder(trigger: Trigger) -> Token | None:
    """Who acts: a verb's subject; for a noun, its possessor, who it is by or from ("Moscow's
    protest", "protests from Tokyo"), or the subject of the verb it is the object of ("Beijing
    lodged a protest")."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "VERB"):
        return None
    if token.pos_ == "NOUN":
        holders = [c for c in token.children if c.dep_ == "poss"] + [
            g for p in token.children if p.dep_ == "prep" and p.lower_ in ("by", "from")
            for g in p.children if g.dep_ == "pobj"]
        if holders or token.dep_ not in ("dobj", "obj"):
            return next(iter(holders), None)
    return next((c for c in trigger.anchor.children if c.dep_ == "nsubj"), None)


def _speaks_for_states(ctx: DocContext, subject: Token) -> bool:
    actor = ctx.actor_at(subject.i)
    return actor is not None and (actor.kind == model.STATE and not actor.adjective
                                  or actor.kind in _SPEAKING_FOR_STATES
                                  # "protests from Seoul": a capital voicing it
                                  or ctx.gazetteer.capitals.get(actor.state or "") == actor.key)


def _dissenting(ctx: DocContext, subject: Token) -> bool:
    """"opposition parties", "striking teachers", "thousands of students", a political party."""
    actor = ctx.actor_at(subject.i)
    if actor is not None and actor.kind == model.POLITICAL_PARTY:
        return True
    words = [subject, *of_objects(subject),
             *(c for c in subject.children if c.dep_ in ("compound", "amod"))]
    return any(group_sector(ctx, w) in _DISSENTING_SECTORS for w in words)


def _plain_code(ctx: DocContext, verb: str) -> EventCode | None:
    """The table's sense of the verb that needs no other word, if it has one."""
    return next((c for c in ctx.event_table.codes.get((verb, "verb"), ()) if c.needs is None),
                None)


def _a_person_taken(ctx: DocContext, trigger: Trigger) -> bool:
    """"captured the rebel leader", "seized the former minister": a person taken is arrested,
    as the table codes "arrest", not ground won (a town or a base taken stays a fight)."""
    wanted = word_classes()["wanted"]
    return any((actor := ctx.actor_at(obj)) is not None and actor.kind == model.PERSON
               or ctx.lemmas[obj.i] in LEADERS or ctx.lemmas[obj.i] in wanted
               for obj in _taken(trigger))


def _ground_taken(ctx: DocContext, trigger: Trigger) -> bool:
    """Whether what the verb takes is ground: a town, a capital, a territory (the class
    `ground`), or a place or a state kg knows."""
    ground = word_classes()["ground"]
    return any(ctx.lemmas[obj.i] in ground
               or (actor := ctx.actor_at(obj)) is not None and actor.kind in GROUND_KINDS
               for obj in _taken(trigger))


def _taken(trigger: Trigger) -> list[Token]:
    """What a verb of taking takes: its object, or a passive's subject."""
    return [c for c in trigger.anchor.children if c.dep_ in ("dobj", "nsubjpass")]


def _by_inspectors(ctx: DocContext, trigger: Trigger) -> bool:
    """"U.N. inspectors toured the plant": inspectors who visit inspect (CAMEO 09)."""
    return any(c.dep_ == "nsubj" and ctx.lemmas[c.i] in INSPECTORS
               for c in trigger.anchor.children)


def _by_a_crowd(ctx: DocContext, trigger: Trigger) -> bool:
    """Whether the clause's subject is a crowd ("protesters", "thousands of students"; the
    words of class "crowds" in event_word_classes.csv), or that of the clause it is
    conjoined to ("rioters burned cars and stormed …")."""
    crowds = word_classes()["crowds"]
    clause = trigger.anchor
    clauses = [clause, clause.head] if clause.dep_ == "conj" else [clause]
    return any(c.dep_ == "nsubj" and any(ctx.lemmas[n.i] in crowds for n in [c, *of_objects(c)])
               for v in clauses for c in v.children)


def _on_property(ctx: DocContext, trigger: Trigger) -> bool:
    """Whether the act's objects (or a passive's subjects) are all buildings, vehicles or other
    property (class "property"), not people."""
    objects = [c for c in trigger.anchor.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    property_words = word_classes()["property"]
    return bool(objects) and all(ctx.lemmas[o.i] in property_words for o in objects)


def _under_a_deal(ctx: DocContext, trigger: Trigger) -> bool:
    """"supplied gas to Iran under a long-term contract", "shared radar data with Oman under
    a defence pact": what is given under a deal is cooperation (CAMEO 06), not aid; but aid is
    aid ("sent food aid under a deal")."""
    clause = trigger.anchor
    if not any(p.dep_ == "prep" and p.lower_ == "under" and any(
            g.dep_ == "pobj" and (ctx.lemmas[g.i] in DEALS or (
                (actor := ctx.actor_at(g)) is not None and actor.kind == model.AGREEMENT))
            for g in p.children) for p in clause.children):
        return False
    relief = word_classes()["relief"]
    return not any(ctx.lemmas[c.i] in relief for c in clause.subtree if c.i != clause.i)
