"""States, capitals, places and table organisations: the gazetteer's entity spans turned into
actor mentions, plus the statistical NER's places the tables do not know."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.data import tables
from kg.data.actor_groups import actor_groups
from kg.nlp import gazetteer as gz
from kg.nlp.agreement_mentions import AGREEMENT_WORDS, FORMAL_NAME_WORDS, mention_at
from kg.nlp.context import Actor, DocContext
from kg.nlp.election_names import names_an_election
from kg.nlp.not_organizations import SEATS

# A capital is its government when it acts or is acted with ("Baku said", "signed by Baku and
# Yerevan", "talks between Kyiv and Moscow"), not when it is where something happens ("in Baku").
_ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "appos"}
_PLACE_PREPOSITIONS = {"in", "to", "from", "at", "near", "into", "outside", "inside", "across",
                       "around", "toward", "towards", "via", "through", "of"}
# Mentions that tell which state a shared name means: names, demonyms, capitals and places.
_STATE_CLUES = (gz.STATE, gz.STATE_ADJ, gz.CAPITAL, gz.PLACE)
# A name that modifies a noun names it ("the Doha talks"): a label, not an actor.
_NAMING_DEPS = {"compound", "nmod", "amod"}


def find_table_actors(ctx: DocContext) -> None:
    """Actor mentions for every gazetteer span (states, adjectives, capitals, places, orgs)."""
    named: Counter[str] | None = None
    for ent in ctx.doc.ents:
        if ent.label_ not in gz.KG_LABELS or not ent.ent_id_:
            continue
        key = ent.ent_id_
        shared = tables.states_sharing(ent.text, ent.label_ == gz.STATE_ADJ) \
            if ent.label_ in (gz.STATE, gz.STATE_ADJ) else ()
        if shared:
            named = _states_named_alone(ctx) if named is None else named
            key = resolve.state_key(max(shared, key=lambda iso3: named[iso3]))
        entry = ctx.gazetteer.entries.get(key)
        if entry is None:
            continue
        if ent.label_ == gz.STATE_ADJ and _another_sense(ent):
            continue
        if ent.label_ in (gz.STATE, gz.STATE_ADJ):
            ctx.add_actor(Actor(ent.start, ent.end, key, model.STATE, entry.state,
                                adjective=ent.label_ == gz.STATE_ADJ), ctx.gazetteer.entity(key))
        elif ent.label_ == gz.CAPITAL:
            _add_capital(ctx, ent, entry)
        elif ent.label_ == gz.PLACE:
            homonyms = ctx.gazetteer.place_keys(ent.text)
            if len(homonyms) > 1:   # "La Paz": the one in a state the text names, if any,
                # else the most populous ("Barcelona" is Spain's)
                named = _states_named_alone(ctx) if named is None else named
                populations = ctx.gazetteer.populations
                key = max(homonyms, key=lambda k: (named[ctx.gazetteer.entries[k].state],
                                                   populations.get(k, 0), k == key))
                entry = ctx.gazetteer.entries[key]
            _add_place(ctx, ent, entry)
        elif names_an_election(ctx.doc, ent.end):
            continue   # "the 2019 European Parliament election" mentions no body
        elif entry.name.lower() in SEATS and _where_something_happens(ent):
            ctx.add_actor(Actor(ent.start, ent.end, resolve.place_key(entry.name, entry.state),
                                model.PLACE, entry.state),
                          model.Entity(resolve.place_key(entry.name, entry.state), model.PLACE,
                                       entry.name))
        elif (owner := _other_state_before(ctx, ent, entry)) is not None:
            _add_other_states_body(ctx, ent, entry, owner)
        else:
            ctx.add_actor(Actor(ent.start, ent.end, key, entry.kind, entry.state),
                          _as_named(ctx.gazetteer.entity(key), ent))


def _states_named_alone(ctx: DocContext) -> Counter[str]:
    """How often the document names each state by a name, demonym, capital or place that is its
    alone: what tells which state a shared name means ("Congolese troops ... in Kinshasa"), or
    which place a name of several places ("Bolivian miners ... in La Paz"). A shared state name
    the text gives no clue to means the most populous of its states, a place name the most
    populous of its places."""
    named: Counter[str] = Counter()
    for ent in ctx.doc.ents:
        entry = ctx.gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None and entry.state and ent.label_ in _STATE_CLUES and not (
                tables.states_sharing(ent.text, ent.label_ == gz.STATE_ADJ)) and not (
                ent.label_ == gz.PLACE and len(ctx.gazetteer.place_keys(ent.text)) > 1):
            named[entry.state] += 1
    return named



# Prepositions before a seat of government that make it the place where something happens:
# "met at the White House", "talks in the Kremlin" (but "a statement from the White House", "the
# Kremlin said": the body).
_SEAT_PLACE_PREPOSITIONS = {"at", "in", "inside", "outside", "into"}


def _where_something_happens(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _SEAT_PLACE_PREPOSITIONS


# Kinds of a state's own bodies, which other states have under the same name: "the Philippine
# Department of Energy" is no body of the United States, "the Turkish National Security
# Council" none of the American one our table names.
_NATIONAL_BODY_KINDS = {model.GOVERNMENT, model.MINISTRY, model.DEPARTMENT, model.AGENCY,
                        model.ARMED_FORCES, model.PARLIAMENT, model.ORGANIZATION}


def _other_state_before(ctx: DocContext, ent: Span, entry: gz.Entry) -> str | None:
    """The state named right before a table's national body ("Philippine", "Turkey's"), when
    it is another state than the table's."""
    if entry.state is None or entry.kind not in _NATIONAL_BODY_KINDS or ent.start == 0:
        return None
    before = ent.start - 1
    if ctx.doc[before].text in ("'s", "’s") and before > 0:
        before -= 1
    owner = ctx.actor_at(before)
    if owner is None or owner.kind != model.STATE or owner.state in (None, entry.state):
        return None
    return owner.state


def _add_other_states_body(ctx: DocContext, ent: Span, entry: gz.Entry, state: str) -> None:
    """Another state's body of the name a table gives one state's: an organisation of that
    state, named as written."""
    name = _strip_determiner(ent)
    key = resolve.organization_key(name, state)
    actor = ctx.add_actor(Actor(ent.start, ent.end, key, entry.kind, state),
                          model.Entity(key, entry.kind, name))
    if actor.key == key:
        ctx.state_entity(state)
        ctx.add_fact(key, model.STATE_OF, f"state/{state}", ent, "pattern:organization-state",
                     0.8)


# A state's adjective that, before these words, means something else: "commissioner of Indian
# affairs", "Indian Territory", "Indian tribes" (the peoples of the Americas, not India).
_OTHER_SENSE_BEFORE = {
    "indian": {"affairs", "territory", "removal", "tribe", "tribes", "reservation",
               "reservations", "agent", "agents", "agency", "wars", "chief", "chiefs", "boarding",
               "country"},
}


def _another_sense(ent: Span) -> bool:
    following = _OTHER_SENSE_BEFORE.get(ent.text.lower())
    doc = ent.doc
    return following is not None and ent.end < len(doc) and doc[ent.end].lower_ in following


def _as_named(entity: model.Entity, ent: Span) -> model.Entity:
    """A table organisation named as the text first names it ("NATO" rather than "North Atlantic
    Treaty Organization"), its table name kept as an alias: users and gold data know
    organisations by the name their sources use."""
    surface = _strip_determiner(ent)
    if surface.isupper():   # "EUROPEAN COMMUNITY" in a treaty's title: the name as we write it
        surface = next((n for n in (entity.name, *sorted(entity.aliases))
                        if n.upper() == surface), surface)
    if surface and surface != entity.name:
        entity.aliases.add(entity.name)
        entity.aliases.discard(surface)
        entity.name = surface
    return entity


def _add_capital(ctx: DocContext, ent: Span, entry: gz.Entry) -> None:
    metonym = is_acting(ent.root) or _coordinated_with_state(ctx, ent)
    state_key = ctx.state_entity(entry.state) if entry.state else None
    if metonym and state_key:
        # The mention stands for the State; the city itself is still recorded as a place.
        ctx.add_entity(ctx.gazetteer.entity(entry.key))
        ctx.add_actor(Actor(ent.start, ent.end, state_key, model.STATE, entry.state,
                            metonym=True))
        return
    ctx.add_actor(Actor(ent.start, ent.end, entry.key, model.PLACE, entry.state),
                  ctx.gazetteer.entity(entry.key))


def _add_place(ctx: DocContext, ent: Span, entry: gz.Entry) -> None:
    # The state a table place lies in is background knowledge, added at build time.
    ctx.add_actor(Actor(ent.start, ent.end, entry.key, model.PLACE, entry.state),
                  ctx.gazetteer.entity(entry.key))


def is_acting(token: Token) -> bool:
    """Whether a name is used as an actor in its clause rather than as a location."""
    if token.dep_ in _ACTING_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("between", "with", "by", "against"):
        return True
    if token.dep_ == "conj":
        head = token.head
        while head.dep_ == "conj":
            head = head.head
        return head is not token and is_acting(head)
    return False


def _coordinated_with_state(ctx: DocContext, ent: Span) -> bool:
    """"Baku, Yerevan and Moscow": capitals coordinated with another capital or a state name,
    unless the coordination names where something is ("diplomats in Nairobi and Kampala") or
    what a noun is called ("the Doha and Cairo talks", "the Minsk and Astana formats")."""
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ in _NAMING_DEPS or (first.dep_ == "pobj"
                                      and first.head.lower_ in _PLACE_PREPOSITIONS):
        return False
    return any(t.ent_type_ in (gz.STATE, gz.CAPITAL) for t in root.conjuncts)


def find_ner_places(ctx: DocContext) -> None:
    """GPE/LOC spans of the statistical NER that no table knows: places of unknown state."""
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ctx.overlaps(ent) or \
                ctx.story_lines.not_of_the_story(ent):
            continue
        name = _strip_determiner(ent)
        if not name or not name[0].isupper() or _inside_agreement_name(ctx, ent):
            continue
        if name.lower() in actor_groups():
            continue    # "Gunmen abducted …": the NER took a group for a place
        key = resolve.place_key(name, None)
        ctx.add_actor(Actor(ent.start, ent.end, key, model.PLACE),
                      model.Entity(key, model.PLACE, name))


# Words before a name that an agreement's name lists as a party.
_LISTING_WORDS = {"between", "and", "with", ",", "&"}


def _inside_agreement_name(ctx: DocContext, ent: Span) -> bool:
    """A span within an agreement's proper name: "the Convention on the Law of the Sea", "the
    Memorandum on Green Shipping" name no place called "Sea" or "Green Shipping"."""
    before = ctx.doc[ent.start - 1].lower_ if ent.start else ""
    if before in _LISTING_WORDS or ent.root.dep_ == "conj":
        return False   # "the Free Trade Agreement between Peru and Macao": a party it names
    sentence = ctx.sentence(ent.start, ent.end)
    for token in sentence:
        if token.lower_ in AGREEMENT_WORDS or token.lower_ in FORMAL_NAME_WORDS:
            mention = mention_at(ctx, token)
            if mention is not None and mention.proper \
                    and mention.start <= ent.start and ent.end <= mention.end:
                return True
    return False


def _strip_determiner(span: Span) -> str:
    tokens = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    return "".join(t.text_with_ws for t in tokens).strip()
