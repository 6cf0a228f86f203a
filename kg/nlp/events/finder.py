"""Events, one extraction step: triggers (kg.nlp.events.triggers) with their actors and targets
(kg.nlp.events.roles), the sense their context gives them (kg.nlp.events.senses), date
(kg.nlp.events.event_dates), place, quantity, the claim that reports them and the agreement
they concern, recorded as model.Event and model.EventParticipant.

Runs after claims and agreements: an event inside reported speech is held as claimed by it,
and an AGREE or SUPPORT event told of an agreement ("a deal brokered by Russia", "signed the
treaty") takes the agreement's parties as its actors, its mediators as mediators, and links to
it.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import model
from kg.data.event_codes import word_classes
from kg.model import Claim, Event, EventParticipant
from kg.nlp.agreement_mentions import SIGN_VERBS
from kg.nlp.context import Actor, DocContext, covering_span
from kg.nlp.events.accusations import accusations
from kg.nlp.events.actor_states import actors_by_key, group_sector, living_state
from kg.nlp.events.event_dates import adverbial_dates, clause_date
from kg.nlp.events.factuality import COOPERATIVE, time_clause
from kg.nlp.events.phrases import (Role, agents_of, of_objects, phrase_roles, place_state,
                                   state_role)
from kg.nlp.events.roles import (GIVEN_FOR, agent_roles, between_roles, claimant_roles,
                                 condition_roles, foreign_roles, intender_roles, matter_roles,
                                 modifier_roles, named_roles, object_roles, preposition_roles,
                                 recipient_roles, subject_roles)
from kg.nlp.events.senses import retype_by_what_is_done, sense_in_words, sense_of_its_actor
from kg.nlp.events.speech_acts import WARNED_OF
from kg.nlp.events.triggers import (AGREEMENT_EVENTS, MEETINGS, Trigger, find_triggers,
                                    mended_lemmas, standing)
from kg.nlp.keys import stable_key

# Verbs whose subject brokers an agreement between others rather than making it.
BROKERING = frozenset({"broker", "mediate"})
THIRD_PARTY = "third-party"     # PLOVER's mode of a mediator's CONSULT
COUNTERPART = "counterpart"     # one who holds the same post for another state
RELEASE = "release"             # PLOVER's mode of a release, which names whom it frees
# Acts told in words, whose noun names who voices them by "from" ("protests from Ankara",
# "demands from the rebels"); "from" after an act of moving names a place ("a withdrawal from").
VOICED = frozenset({"DISAPPROVE", "PROTEST", "DEMAND", "THREATEN", "REJECT", "SUPPORT"})
# The classes of event_word_classes.csv that name forces and goods a state moves or gives.
_SENT_CLASSES = ("troops", "weapons", "relief")
# Whose act "in X" places it (a place or a state named as where it happened).
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
_PLACE_KINDS = (model.PLACE, model.STATE)
# What a denial may answer: a charge someone made.
CHARGES = frozenset({"accusation", "allegation", "claim", "charge", "report", "assertion"})
# Acts about a matter (an inquiry, a rejection, praise, a charge, a concession, a demand): with
# no one named as their target, they are aimed at whom the matter names.
ABOUT_A_MATTER = frozenset({"INVESTIGATE", "REJECT", "SUPPORT", "DISAPPROVE", "CONCEDE",
                            "DEMAND"})
# The sectors of a state's own agents: its government, forces, police, courts and lawmakers.
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Acts of sending, giving or handing over, aimed at whom the thing goes to.
GIVING = frozenset({"AID", "MOBILIZE", "RETREAT", "COOPERATE"})
# Verbs whose subject draws an act on itself from others ("drew criticism from Beijing", "faced
# condemnation from", "won praise from"): the subject is the act's target.
DRAWING = frozenset({"draw", "face", "receive", "win", "earn", "attract", "provoke", "spark",
                     "incur"})
DRAWN_FROM = ("from", "by")     # whom an act drawn is from
BLAMING = "blame"       # "was to blame": its subject is blamed
# A state's missions abroad: what is done at one is aimed at the state.
MISSIONS = frozenset({"embassy", "consulate", "mission", "legation"})
# Visits and meetings, which need someone met or visited: one side visiting its own places
# or meeting no one named consults no one (an organisation's members meet one another).
VISITS = frozenset({"visit", "tour", "travel", "meet", "meeting"})
# Acts that, with no target named, are aimed at a foreign state their clause names: a show of
# force at the state whose border, drills or fleet it answers.
SHOWS_OF_FORCE = frozenset({"MOBILIZE"})
# Acts of force, whose noun's "of" names whom or what they hit ("the shelling of the town").
FORCE_ON_TARGETS = frozenset({"FIGHT", "ASSAULT", "COERCE"})
# Acts that, with no target named, are aimed at the actors' own state: a protest at its
# government, repression, violence and concessions at its people ("banned public gatherings",
# "lifted the curfew"), an inquiry into its affairs ("opened an inquiry into the deaths"), as
# PLOVER codes them.
AT_OWN_STATE = frozenset({"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "INVESTIGATE"})
# Prepositions whose noun tells what another act is over or goes on despite or amid: a matter
# or a setting, not an act of its own (but for an act told in words by someone named, VOICED).
# An act before or after another ("after an offensive") stays the sentence's act where no other
# is coded: PLOVER's records code the attack that a reprisal answers.
MATTER_PREPOSITIONS = frozenset({"over", "despite", "amid", "amidst"})


def find_events(ctx: DocContext) -> None:
    """Record every event the document tells as a fact (see the modules of this package)."""
    lemmas = mended_lemmas(ctx.lowers, ctx.lemmas, ctx.event_table)
    for sentence in ctx.sentences:
        triggers = find_triggers(sentence, lemmas, ctx.event_table)
        if not triggers:
            continue
        dates = adverbial_dates(ctx, sentence)
        # "talks resumed after a month of shelling": what the sentence tells only as the time
        # of its main event is background to it (where it tells another); one told with a
        # date of its own is a fact of its own ("after a delegation visited Cairo in June")
        # an act named by a noun only as the matter or setting of another ("over the killing
        # of …", "despite appeals for a truce", "amid heavy fighting") is no event, even where
        # the sentence's own act is not coded
        told = [t for t in triggers if not _a_noun_of_a_matter(t)]
        main = [t for t in told if not _only_a_time(t, dates)]
        for trigger in main or told:
            _record(ctx, trigger, dates)
    for event, roles in accusations(ctx):
        _add(ctx, event, roles)


def _a_noun_of_a_matter(trigger: Trigger) -> bool:
    """Whether the trigger is a noun in a phrase of "over", "despite" or "amid", itself or as
    what a noun there counts ("amid a wave of strikes"). A word voiced there by someone it
    names is still voiced ("despite protests from Iceland"; not "amid mounting criticism")."""
    node = trigger.token
    if node.pos_ != "NOUN" or trigger.type in VOICED and any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in DRAWN_FROM
            for c in node.children):
        return False
    while node.dep_ == "pobj":
        preposition = node.head
        if preposition.lower_ in MATTER_PREPOSITIONS:
            return True
        if preposition.lower_ != "of" or preposition.head.pos_ != "NOUN":
            return False
        node = preposition.head
    return False


def _only_a_time(trigger: Trigger, dates: list[tuple[int, int, str]]) -> bool:
    """Whether the trigger is told in a clause or phrase of time ("after", "before", "since",
    "as", "while", "following": factuality.time_clause) that gives it no date of its own."""
    clause = time_clause(trigger.token)
    if clause is None:
        return False
    first = clause.left_edge.idx
    last = clause.right_edge.idx + len(clause.right_edge.text)
    return not any(first <= begin and end <= last for begin, end, _iso in dates)


def _record(ctx: DocContext, trigger: Trigger, dates: list[tuple[int, int, str]]) -> None:
    actors, targets, mediators, agreement = _roles(ctx, trigger)
    if trigger.type == trigger.code.type and (sense := sense_of_its_actor(ctx, trigger)):
        trigger.type, trigger.mode, trigger.code = sense.type, sense.mode, sense
    if sense := sense_in_words(ctx, trigger):
        trigger.type, trigger.mode, trigger.code = sense.type, sense.mode, sense
    # before whom it is aimed at by default: fire on villagers (an ASSAULT) at their own state
    retype_by_what_is_done(ctx, trigger)
    if trigger.type in ABOUT_A_MATTER and (agents := agent_roles(ctx, trigger.anchor)):
        targets = agents
    if trigger.intended and not actors and _told_of_a_thing(trigger.anchor):
        return      # "the decision would help the economy": a forecast, no one's intent
    if not targets and trigger.type in ABOUT_A_MATTER:
        # the matter may name the actors themselves ("the establishment of relations between
        # A and B", where A and B act together): a name that is an actor is no target
        acting = {(r.actor.start, r.actor.end) for r in actors}
        targets = [r for r in matter_roles(ctx, [trigger.anchor, trigger.token])
                   if (r.actor.start, r.actor.end) not in acting]
    if trigger.type == "DISAPPROVE":
        targets = _not_its_victims(actors, targets)
    if not targets:
        targets = _at_an_embassy(ctx, trigger.anchor)
    place = _place(ctx, trigger, actors + targets)
    if not targets and place is not None and agreement is None and not _a_venue(
            ctx, place) and (trigger.type not in MEETINGS or _a_journey(trigger)
                             and _one_side(actors)):
        # a cooperative act done at home is not aimed at the actors' own state ("signed a
        # treaty in Maputo" with Mozambique); force or a ban there is ("banned rallies in
        # Nairobi")
        own = {r.state for r in actors} if trigger.type in COOPERATIVE else set()
        targets = [r for r in _place_as_target(ctx, place) if r.state not in own]
    if not targets and trigger.type in SHOWS_OF_FORCE:
        targets = foreign_roles(ctx, trigger.anchor, actors)
    if not targets and trigger.type in AT_OWN_STATE:
        targets = _own_state(actors)
    if not targets and trigger.type == "REJECT" and _of_a_charge(ctx, trigger):
        targets = _accusers(ctx, actors)
    actors = _not_their_counterparts(ctx, trigger, actors)
    if ctx.lemmas[trigger.token.i] in VISITS and not targets and not mediators \
            and agreement is None and len({r.state for r in actors}) <= 1 \
            and not any(r.actor.kind == model.INTERNATIONAL_ORGANIZATION for r in actors) \
            and not _joined_subjects(trigger.anchor):
        return      # "visited flood-hit areas", "spoke after meeting diplomats": no one met
    lemma = ctx.lemmas[trigger.token.i]
    eased = lemma in ctx.event_table.easing
    if trigger.type == "CONCEDE" and (eased or lemma in ctx.event_table.permitting) \
            and _at_foreign_states(actors, targets):
        # a measure against another state eased ("lifted its ban on Japanese seafood") is an
        # economic sanction eased, PLOVER's RETREAT (CAMEO 085), and another state's people or
        # goods let go or let in ("allowed the Chilean trawler to sail") a material yield;
        # easing or permitting at home concedes
        trigger.type, trigger.mode = "RETREAT", "ease" if eased else None
    place_key = place.key if place is not None else None
    token = trigger.token
    begin, end = token.idx, token.idx + len(token.text)
    sentence_span = ctx.sentence(token.i)
    code = trigger.code
    event = Event(
        key=stable_key("event", ctx.document.id, begin, end, trigger.type),
        document=ctx.document.id,
        type=trigger.type, mode=trigger.mode, cameo=code.cameo if trigger.type == code.type
        else None, begin=begin, end=end, sentence_begin=sentence_span.start_char,
        sentence_end=sentence_span.start_char + len(sentence_span.text.rstrip()),
        rule=f"event:{code.pos}:{code.lemma}", confidence=0.7,
        date=clause_date(trigger, dates) or _signed(ctx, trigger, agreement), place=place_key,
        quantity=_quantity(trigger), claim=_claim_at(ctx.extraction.claims, begin),
        agreement=agreement)
    _add(ctx, event, [(model.ACTOR, r) for r in actors] + [(model.TARGET, r) for r in targets]
         + [(model.EVENT_MEDIATOR, r) for r in mediators])


def _add(ctx: DocContext, event: Event, roles: list[tuple[str, Role]]) -> None:
    ctx.extraction.events.append(event)
    for role, found in roles:
        ctx.extraction.participants.append(EventParticipant(
            event.key, event.document, role, found.actor.key, living_state(ctx, found.state)))



def _roles(ctx: DocContext, trigger: Trigger
           ) -> tuple[list[Role], list[Role], list[Role], str | None]:
    """(actors, targets, mediators, agreement key) of a trigger."""
    token, anchor = trigger.token, trigger.anchor
    agreement = _agreement(ctx, trigger) if trigger.type in AGREEMENT_EVENTS else None
    if agreement is not None:
        return _agreement_roles(ctx, trigger, agreement)
    purpose = trigger.type not in MEETINGS     # "met to discuss Syria": what, not whom
    if token.pos_ == "NOUN":
        noun = standing(token, ctx.lemmas)      # "a round of talks": "round" is in the clause
        # "Ankara's demand", "a demand by Ankara", "protests from Ankara"
        own = modifier_roles(ctx, token) or [
            r for g in agents_of(token, through_of=trigger.type in FORCE_ON_TARGETS)
            for r in phrase_roles(ctx, g)] or (
            preposition_roles(ctx, token, ("from",)) if trigger.type in VOICED else [])
        # "fighting between A and B", "fighting erupted between A and B", "a wave of fighting
        # erupted between A and B"
        # "the establishment of relations between A and B": the sides of what it is of
        sides = _sides_between(ctx, token) or (
            _sides_between(ctx, noun) if noun.i != token.i else []) or [
            r for g in of_objects(token) for r in between_roles(ctx, g)]
        # "talks between A and B": the sides talk; "a mediation effort between A and B": a
        # third party acts on them
        mediated = trigger.mode == THIRD_PARTY
        actors = own or ([] if mediated else sides) or claimant_roles(ctx, token)
        if not actors and anchor.i != token.i and (noun.dep_ not in ("nsubj", "nsubjpass") or (
                noun.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in anchor.children))):
            actors = subject_roles(ctx, anchor)     # "was carried out by rebels": its agent
        actors = actors or intender_roles(ctx, noun)
        moved = [r for g in of_objects(token) if _sent(ctx.lemmas[g.i])
                 for r in phrase_roles(ctx, g)] if trigger.type in GIVING \
            and trigger.mode != RELEASE else []
        # "the deployment of Indian troops", "the withdrawal of Syrian forces", "the delivery
        # of Russian arms": forces or goods moved are the mover's (but "the release of British
        # hostages" names whom it frees)
        actors = actors or moved
        targets = object_roles(ctx, token) or (
            object_roles(ctx, noun) if noun.i != token.i else []) or (
            object_roles(ctx, anchor, skip=noun, purpose=purpose) if anchor.i != token.i else [])
        targets = targets or ([] if moved else [r for g in of_objects(token)
                                                for r in phrase_roles(ctx, g)]) or (
            sides if mediated else [])
        if not targets and trigger.type in GIVEN_FOR:
            # "support for Angola", "announced strong backing on Friday for Bamako": whom it
            # is for
            targets = preposition_roles(ctx, token, ("for",)) or (
                preposition_roles(ctx, anchor, ("for",)) if anchor.i != token.i else [])
        if ctx.lemmas[anchor.i] in DRAWING and not own and (noun.dep_ == "dobj" or (
                # "received $20 million in aid from Taiwan": what a sum drawn is in
                noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i == anchor.i)):
            # "Manila's law drew criticism from Beijing": China criticises, the Philippines is
            # criticised
            actors = preposition_roles(ctx, token, DRAWN_FROM) or preposition_roles(
                ctx, anchor, DRAWN_FROM)
            targets = subject_roles(ctx, anchor)
    elif _to_blame(ctx, anchor):
        # "Baghdad said Tehran was to blame for the breakdown of the truce": who is to blame is
        # blamed, by who says so
        be = anchor.head
        return (subject_roles(ctx, be.head) if be.dep_ == "ccomp" else [],
                subject_roles(ctx, anchor), [], None)
    else:
        actors = subject_roles(ctx, anchor)
        targets = (recipient_roles(ctx, anchor) if trigger.type in GIVING else []) or \
            object_roles(ctx, anchor, purpose=purpose)
        if not targets:
            sides = _sides_between(ctx, anchor)
            if trigger.type != "FIGHT":
                targets = sides         # a mediator or a host acts on the sides
            elif not actors:
                actors = sides          # "fighting between A and B erupted": they fight
    if not targets and trigger.type == "THREATEN":
        # "cautioned Accra that it would impose sanctions unless …": the threat's condition names
        # whom it is aimed at, else the one warned
        targets = condition_roles(ctx, anchor) or _the_warned(ctx, trigger)
    # an actor is not its own target, but its people are
    keys = {r.actor.key for r in actors}
    targets = [r for r in targets if r.actor.key not in keys or _its_people(ctx, r)]
    return actors, targets, [], None


def _to_blame(ctx: DocContext, verb: Token) -> bool:
    """"Tehran was to blame": a "to blame" that tells what its subject is."""
    return ctx.lemmas[verb.i] == BLAMING and verb.dep_ == "xcomp" \
        and ctx.lemmas[verb.head.i] == "be"


def _not_their_counterparts(ctx: DocContext, trigger: Trigger, actors: list[Role]) -> list[Role]:
    """"Minister Ivanova held talks with her Bulgarian counterpart": one's counterpart serves
    another state, so an actor of no state of its own does not act for the counterpart's (the
    one state the text names)."""
    nouns = [t for t in trigger.anchor.subtree if ctx.lemmas[t.i] == COUNTERPART]
    counterparts = {r.state for t in nouns for r in phrase_roles(ctx, t)}
    # "his Armenian counterpart, Ararat Mirzoyan": the counterpart named is theirs
    named = {t.i for n in nouns for t in n.subtree}
    return [Role(r.actor, None) if r.state in counterparts and r.actor.kind != model.STATE
            and r.actor.state is None and r.actor.start not in named else r for r in actors]


def _sent(lemma: str) -> bool:
    """Whether the word names forces or goods a state moves or gives (or peacekeepers)."""
    classes = word_classes()
    return lemma == "peacekeeper" or any(lemma in classes[c] for c in _SENT_CLASSES)


def _the_warned(ctx: DocContext, trigger: Trigger) -> list[Role]:
    """"China warned Japan it would use force", "Russia warned Georgia that it would
    retaliate": a threat told in the clause of a verb of warning or telling is aimed at that
    verb's object."""
    token, anchor = trigger.token, trigger.anchor
    if token.i != anchor.i and token.pos_ == "VERB":  # the verb of warning ("warned … would")
        return object_roles(ctx, token, skip=anchor)
    if anchor.dep_ == "ccomp":          # the threat is its own trigger ("… would retaliate")
        return object_roles(ctx, anchor.head, skip=anchor)
    # "hinted at military action against Cairo": whom the harm warned of is aimed at
    return [r for p in anchor.children if p.dep_ == "prep" and p.lower_ in WARNED_OF.values()
            for g in p.children if g.dep_ == "pobj" for r in object_roles(ctx, g)]


def _sides_between(ctx: DocContext, clause: Token) -> list[Role]:
    """"offered to mediate between Colombia and the rebels", "hosted talks between Russia and
    Ukraine", "fighting erupted between A and B": the sides a mediator or host acts on, or that
    fight, named by a "between" phrase of the clause (or of the verb its subject is), of its
    complement or of their objects."""
    nodes = [clause]
    if clause.dep_ in ("nsubj", "nsubjpass"):
        nodes.append(clause.head)       # "shelling resumed between Ukraine and Russia"
    # "acl": the parser may read "Fighting flared overnight between …" as "fighting" and its
    # clause "flared"
    nodes += [c for c in clause.children if c.dep_ in ("xcomp", "advcl", "acl")]
    nodes += [c for n in list(nodes) for c in n.children if c.dep_ in ("dobj", "obj")]
    return [r for n in nodes for r in between_roles(ctx, n)]


def _not_its_victims(actors: list[Role], targets: list[Role]) -> list[Role]:
    """The targets of a criticism of an act, without the critic's own people where others are
    named: they are the act's victims ("Washington condemned the arrest of American
    reporters in Rangoon" is aimed at Myanmar)."""
    own = {r.state for r in actors}
    return [r for r in targets if r.state not in own] or targets


def _its_people(ctx: DocContext, role: Role) -> bool:
    """Whether a target of the actor's own state is its people, a group the text names by what
    it is ("Kenyan police arrested activists": PLOVER codes a state's repression of its people
    as aimed at that state), not its own agents ("Ecuador will deploy troops")."""
    actor = role.actor
    return actor.end - actor.start == 1 and group_sector(
        ctx, ctx.doc[actor.start]) not in (None, *STATE_AGENTS)


def _agreement(ctx: DocContext, trigger: Trigger) -> str | None:
    """The agreement an AGREE or SUPPORT trigger is told of: its head, one of its objects, or
    the object of its preposition ("agreed on a border treaty")."""
    near = [trigger.token.head, *trigger.anchor.children,
            *(g for c in trigger.anchor.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj")]
    for token in near:
        actor = ctx.actor_at(token)
        if actor is not None and actor.kind == model.AGREEMENT:
            return actor.key
    return None


def _agreement_words(ctx: DocContext, trigger: Trigger, agreement: str) -> list[Token]:
    """The words of the trigger's clause that name `agreement`."""
    return [t for t in trigger.anchor.subtree if (a := ctx.actor_at(t)) is not None
            and a.key == agreement]


def _agreement_roles(ctx: DocContext, trigger: Trigger, agreement: str
                     ) -> tuple[list[Role], list[Role], list[Role], str]:
    subjects = subject_roles(ctx, trigger.anchor)
    brokered = ctx.lemmas[trigger.token.i] in BROKERING
    parties = _related(ctx, agreement, model.PARTY)
    mediators = _related(ctx, agreement, model.MEDIATOR)
    if brokered:
        brokers = subjects or mediators
        taken = {r.actor.key for r in brokers}
        return [r for r in parties if r.actor.key not in taken], [], brokers, agreement
    # "accepted a ceasefire with the Angolan government", "reached a deal with Kenya": whom
    # it is with is its target
    own = {r.state for r in subjects if r.state}
    others = [r for r in named_roles(ctx, [p for t in [trigger.anchor, *_agreement_words(
        ctx, trigger, agreement)] for p in t.children if p.dep_ == "prep" and p.lower_ == "with"])
              if r.state not in own] if subjects else []
    return subjects or parties, others, mediators, agreement


def _related(ctx: DocContext, agreement: str, relation: str) -> list[Role]:
    roles = []
    by_key = actors_by_key(ctx)
    for fact in ctx.facts_about(agreement, relation):
        actor = by_key.get(fact.object)
        if actor is not None:
            state = actor.key if actor.kind == model.STATE else (
                ctx.state_entity(actor.state) if actor.state else None)
            roles.append(Role(actor, state))
    return roles


def _signed(ctx: DocContext, trigger: Trigger, agreement: str | None) -> str | None:
    """The signing date of the agreement a signing ("signed", "brokered") makes, if kg has one."""
    if agreement is None or ctx.lemmas[trigger.token.i] not in SIGN_VERBS:
        return None
    dates = ctx.facts_about(agreement, model.DATE_SIGNED)
    return dates[0].object if dates else None


def _place(ctx: DocContext, trigger: Trigger, participants: list[Role]) -> Actor | None:
    taken = {r.actor.key for r in participants}
    heads = {t.i: t for t in (trigger.anchor, trigger.token, *(
        c for c in trigger.anchor.children if c.dep_ in ("dobj", "obj")))}
    prepositions = _PLACE_PREPOSITIONS
    if _a_journey(trigger):     # "flew to Ankara for talks"
        heads[trigger.anchor.head.i] = trigger.anchor.head
        prepositions = _PLACE_PREPOSITIONS | {"to", "into"}   # "flew into Maputo for talks"
    for head in heads.values():
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            for obj in prep.children:
                actor = ctx.actor_at(obj)
                if actor is not None and actor.kind in _PLACE_KINDS and actor.key not in taken:
                    return actor
    return None


def _a_venue(ctx: DocContext, place: Actor) -> bool:
    """Whether the place is where a meeting acted on is held ("quit the talks in Geneva",
    "postponed the summit in Lome"): the meeting's venue, not whom the act is aimed at."""
    name = ctx.doc[place.start:place.end].root
    held = name.head.head
    return held.dep_ in ("dobj", "obj") and bool(
        ctx.event_table.types(ctx.lemmas[held.i], "noun") & MEETINGS)


def _a_journey(trigger: Trigger) -> bool:
    """"flew to Ankara for talks", "arrived in Kampala on a visit": a meeting told as what
    someone travels for or on, where they travel to, is hosted by that place's state."""
    return trigger.anchor.dep_ == "prep" and trigger.anchor.lower_ in ("for", "on")


def _joined_subjects(clause: Token) -> bool:
    """Whether the clause's subject is joined to another ("the Ukrainian and the Russian
    presidents met", "Ruto and Samia met"): two sides, whoever kg finds them to be."""
    return any(c.dep_ == "nsubj" and any(t.dep_ == "conj" for t in c.subtree)
               for c in clause.children)


def _one_side(actors: list[Role]) -> bool:
    """Whether the actors act for one state: two sides travelling to talks meet at a venue
    ("U.S. and Chinese envoys flew to Oslo for talks"), not as guests."""
    return len({r.state for r in actors}) == 1


def _at_an_embassy(ctx: DocContext, clause: Token) -> list[Role]:
    """"rallied outside the Australian embassy", "threw stones at the U.S. consulate": an act
    at a state's mission abroad is aimed at that state."""
    return [r for p in clause.children if p.dep_ == "prep" for g in p.children
            if g.dep_ == "pobj" and ctx.lemmas[g.i] in MISSIONS for r in phrase_roles(ctx, g)
            if r.state is not None]


def _place_as_target(ctx: DocContext, place: Actor) -> list[Role]:
    """An act with no one named as its target is aimed at the state where it happens
    ("suspended aid flights in Kabul", "looted shops in Lima"), as PLOVER codes it."""
    return [Role(place, place.key)] if place.kind == model.STATE else place_state(ctx, place)


def _of_a_charge(ctx: DocContext, trigger: Trigger) -> bool:
    """"denied the accusation", "rejected the claims": a rejection of what was said of it."""
    return any(c.dep_ in ("dobj", "obj") and ctx.lemmas[c.i] in CHARGES
               for c in trigger.anchor.children)


def _accusers(ctx: DocContext, actors: list[Role]) -> list[Role]:
    """Who made the charge a denial answers: the actors of the last accusation (a DISAPPROVE)
    the document told against one of the deniers' states ("Chile accused Peru of … Lima denied
    the charge")."""
    states = {r.state for r in actors if r.state}
    by_key = actors_by_key(ctx)
    for event in reversed(ctx.extraction.events):
        if event.type != "DISAPPROVE":
            continue
        roles = [p for p in ctx.extraction.participants if p.event == event.key]
        if any(p.role == model.TARGET and p.state in states for p in roles):
            return [Role(by_key[p.entity], p.state) for p in roles
                    if p.role == model.ACTOR and p.entity in by_key]
    return []


def _told_of_a_thing(clause: Token) -> bool:
    """Whether the clause's (active) subject is a noun kg knows as no one (not a name, not a
    pronoun); a passive's subject is what is acted on ("relations will be restored")."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in clause.children)


def _at_foreign_states(actors: list[Role], targets: list[Role]) -> bool:
    """Whether every target is a state other than the actors' own (the actors' states known)."""
    own = {r.state for r in actors if r.state}
    return bool(own and targets) and all(
        r.actor.kind == model.STATE and r.state and r.state not in own for r in targets)


def _own_state(actors: list[Role]) -> list[Role]:
    """The actors' own states: whom a protest, a repression or a concession that names no one
    is aimed at ("Kenyan students demonstrated", "Ugandan police banned rallies")."""
    states = {r.state: r for r in actors if r.state}
    return [state_role(r.actor.start, r.actor.end, key) for key, r in states.items()]


def _quantity(trigger: Trigger) -> str | None:
    """"wounded three Kenyan soldiers", "laid 1390 mines": a counted object of the act."""
    for obj in [trigger.token, *trigger.anchor.children]:
        if obj.dep_ not in ("dobj", "nsubjpass", "obj") and obj.i != trigger.token.i:
            continue
        numbers = [c for c in obj.children if c.dep_ == "nummod"]
        if numbers and obj.pos_ == "NOUN":
            return covering_span(obj.doc, numbers[0].left_edge.i, obj.i).text
    return None


def _claim_at(claims: list[Claim], begin: int) -> str | None:
    inside = [c for c in claims if c.begin <= begin < c.end]
    return min(inside, key=lambda c: c.end - c.begin).key if inside else None

