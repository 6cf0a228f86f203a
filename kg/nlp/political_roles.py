"""Political roles the text gives without a title before the name: party membership, party
leadership, seats won or contested, and heading a government.

- "X of the Y Party", "X for the Y Party" (an election's candidate), "X's Y Party", "Y Party's X"
  (kg:memberOf the party)
- "the Y Party, led by X and Z", "a list led by X", "the Y Party under X", "an X-led party":
  X holds the post "leader" in that body and is a member of it
- "X led the Y Party to victory": X holds the post "leader" in it
- "Y Party leaders X and Z": each a member
- seats won or contested: kg.nlp.elections
- "the X administration", "X's government", "the government of X", "cabinet X", "ministers
  of X", "minister under X": X holds the post "head of government"

An organisation somebody stands for in an election is a political party, whatever kind its
name gave it: "Jane Roe of the Harbour Left won the seat". A one-word name the NER calls a person
is kept only where a rule here gives it a role.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg import model, resolve
from kg.nlp.context import Actor, DocContext
from kg.nlp.elections import (electoral, find_election_roles, stands_in_election,
                              unnamed_candidate)
from kg.nlp.role_facts import (LED_BODY_KINDS, actor_after, add_membership, add_post, as_party,
                               cover)

# Nouns after which a person's name heads a body: "the X administration", "X's government".
GOVERNMENT_NOUNS = {"administration", "government", "cabinet", "ministry", "regime",
                    "presidency", "premiership"}
# Of these, the ones a capital does not stand before: "the X administration".
_PERSONAL_GOVERNMENT_NOUNS = {"administration", "presidency", "premiership"}
_MINISTER_WORDS = {"minister", "ministers", "secretary", "secretaries"}
LEADER_TITLE, HEAD_TITLE = "leader", "head of government"
_POSSESSIVE = {"'s", "’s", "'", "’"}


def find_political_roles(ctx: DocContext) -> None:
    lone = _lone_names(ctx)
    people = [a for a in ctx.actors if a.kind == model.PERSON]
    for person in people:
        _party_next_to_name(ctx, person)
        _heads_a_government(ctx, person, lone=person in lone)
    for person in people + ctx.pronoun_persons:
        _leads_a_body(ctx, person)
    find_election_roles(ctx, people)
    _led_by(ctx)
    for person in people:
        _listed_after(ctx, person)
    _drop_roleless(ctx, lone)


def _lone_names(ctx: DocContext) -> list[Actor]:
    """One-word names the NER calls persons that kg.nlp.people left out (alone, a word is too
    often a place or a company): taken for now, and kept only if a rule here gives them a
    political role ("Hartley was re-elected in 1997", "Hartley of the Workers' Unity Party")."""
    lone = []
    for ent in ctx.doc.ents:
        if len(ent) != 1 or ctx.overlaps(ent) or ent[0].tag_ != "NNP" or not ent[0].is_title \
                or ent.text in ctx.gazetteer.names:     # "the Tbilisi regime": a place
            continue
        # the model often calls a surname opening a sentence an organisation: "Hale was
        # re-elected" (kept only if kg.nlp.elections finds it the subject of an election's verb)
        if ent.label_ != "PERSON" and not (ent.label_ == "ORG" and ent[0].is_sent_start
                                           and ent[0].dep_ in ("nsubj", "nsubjpass")):
            continue
        lone.append(_add_lone(ctx, ent))
    for token in ctx.doc:    # "Hale was re-elected", with no entity at all
        if unnamed_candidate(ctx, token):
            lone.append(_add_lone(ctx, ctx.doc[token.i:token.i + 1]))
    return lone + _surnames_taken_for_organisations(ctx)


def _surnames_taken_for_organisations(ctx: DocContext) -> list[Actor]:
    """A surname alone the NER calls an organisation, that an earlier step recorded as an
    organisation of no known kind, but that stands in an election: "Hale campaigned for the
    seat", "in 1997 Hale contested Oldham". It is a person (a company "won the contract" stands
    in no election). Names from our tables, and names after an article, are left alone."""
    found = []
    for ent in ctx.doc.ents:
        actor = ctx.actor_at(ent.start) if len(ent) == 1 and ent.label_ == "ORG" else None
        if actor is None or (actor.start, actor.end) != (ent.start, ent.end) \
                or actor.kind != model.ORGANIZATION or actor.key in ctx.gazetteer.entries \
                or _in_a_fact(ctx, actor.key) or not stands_in_election(ctx, ent[0], rival=True) \
                or ent.start > 0 and ctx.doc[ent.start - 1].lower_ in ("the", "a", "an"):
            continue   # "The Centre won four seats": a party, as the article tells
        _forget_organisation(ctx, actor)
        found.append(_add_lone(ctx, ent))
    return found


def _in_a_fact(ctx: DocContext, key: str) -> bool:
    """Whether a fact other than the state it belongs to names the entity."""
    return any(key in (f.subject, f.object) and f.predicate != model.STATE_OF
               for f, _ in ctx.extraction.facts)


def _forget_organisation(ctx: DocContext, actor: Actor) -> None:
    """Forget the mention, and, when no other mention names it, its entity and its state."""
    ctx.remove_actor(actor)
    if actor.key not in ctx.extraction.entities:
        ctx.extraction.facts[:] = [(f, e) for f, e in ctx.extraction.facts
                                   if f.subject != actor.key]


def _add_lone(ctx: DocContext, span: Span) -> Actor:
    key = resolve.person_key(span.text)
    known = key in ctx.extraction.entities
    return ctx.add_actor(Actor(span.start, span.end, key, model.PERSON),
                         None if known else model.Entity(key, model.PERSON, span.text))


def _drop_roleless(ctx: DocContext, lone: list[Actor]) -> None:
    """Forget the lone names no rule gave a role (their mentions, tokens and entities)."""
    with_facts = {f.subject for f, _ in ctx.extraction.facts}
    for actor in lone:
        if actor.key not in with_facts:
            ctx.remove_actor(actor)


# --- parties named next to a person ---------------------------------------------------------

def _party_next_to_name(ctx: DocContext, person: Actor) -> None:
    """"X of the Y Party", "X for the Y Party", "X's Y Party", "Y Party's X"."""
    n = len(ctx.doc)
    after = ctx.lowers[person.end] if person.end < n else ""
    if after in ("of", "for"):
        party = as_party(ctx, actor_after(ctx, person.end + 1), electoral(ctx, person.start))
        if party is not None:
            add_membership(ctx, person, party, "pattern:name-of-party")
    elif after in _POSSESSIVE:
        j = person.end + 1 + (person.end + 1 < n and ctx.lowers[person.end + 1] == "s")
        party = as_party(ctx, ctx.actor_at(j) if j < n else None, False)
        if party is not None and party.start == j:
            add_membership(ctx, person, party, "pattern:name-possessive-party")
    i = person.start - 1
    if i >= 1 and ctx.lowers[i] in _POSSESSIVE:
        party = as_party(ctx, ctx.actor_at(i - 1), False)
        if party is not None and party.end == i:
            add_membership(ctx, person, party, "pattern:party-possessive-name")


def _listed_after(ctx: DocContext, person: Actor) -> None:
    """"Meadow Party leaders X, Y and Z": a name listed right after another shares the party a
    word before the first gave it (kg.nlp.memberships' party-before-name)."""
    first, i = person, person.start - 1
    while True:
        while i >= 0 and ctx.lowers[i] in (",", "and"):
            i -= 1
        before = ctx.actor_at(i) if 0 <= i < first.start - 1 else None
        if before is None or before.kind != model.PERSON:
            break
        first, i = before, before.start - 1
    if first is person:
        return
    for fact, evidence in list(ctx.extraction.facts):
        if fact.subject == first.key and fact.predicate == model.MEMBER_OF and \
                evidence.rule.startswith("pattern:party-before-name"):
            body = next((a for a in ctx.actors if a.key == fact.object), None)
            if body is not None:
                add_membership(ctx, person, body, "pattern:party-before-names")


# --- leaders --------------------------------------------------------------------------------

def _led_by(ctx: DocContext) -> None:
    """"the Y Party, led by X and Z", "a list led by X", "the Y Party under (the leadership
    of) X", "an X-led party": each person named holds the post "leader" in the body."""
    doc = ctx.doc
    for i, lower in enumerate(ctx.lowers):
        if lower in ("led", "headed") and i + 1 < len(doc) and ctx.lowers[i + 1] == "by":
            first = i + 2
        elif lower == "under" and i + 1 < len(doc):
            first = i + 1
            if ctx.lowers[first:first + 3] == ["the", "leadership", "of"]:
                first += 3
        else:
            continue
        leaders = _people_listed_from(ctx, first)
        if not leaders:
            continue
        # "under X" names a party's leader only; "under the leadership of X" any body's
        body = _body_led(ctx, i, leaders[-1].end, under=lower == "under" and first == i + 1)
        if body is None:
            continue
        for person in leaders:
            add_post(ctx, person, LEADER_TITLE, body, cover(ctx, person, body), "pattern:led-by")
            if body.kind == model.POLITICAL_PARTY:
                add_membership(ctx, person, body, "pattern:led-by")
    for person in [a for a in ctx.actors if a.kind == model.PERSON]:
        _hyphen_led(ctx, person)


def _people_listed_from(ctx: DocContext, i: int) -> list[Actor]:
    """The persons named from token i on: "X", "X and Z", "X, Z and W"."""
    found: list[Actor] = []
    n = len(ctx.doc)
    while i < n:
        actor = ctx.actor_at(i)
        if actor is None or actor.kind != model.PERSON or actor.start != i:
            break
        found.append(actor)
        i = actor.end
        if i < n and ctx.lowers[i] == ",":
            i += 1
        if i < n and ctx.lowers[i] == "and":
            i += 1
    return found


def _body_led(ctx: DocContext, cue: int, end: int, under: bool) -> Actor | None:
    """The body a "led by" / "under" phrase is said of: the nearest body before the cue in its
    sentence (for "under", a party only: "studied under X" names no body), else, for "Under X,
    the Y", the body right after."""
    sent = ctx.sentence(cue)
    kinds = {model.POLITICAL_PARTY} if under else LED_BODY_KINDS
    for k in range(cue - 1, max(sent.start, cue - 15) - 1, -1):
        actor = ctx.actor_at(k)
        if actor is not None and actor.kind in kinds:
            return actor
        if actor is not None and actor.kind == model.PERSON:
            break
    if under and cue == sent.start and end < sent.end and ctx.lowers[end] == ",":
        actor = actor_after(ctx, end + 1)
        if actor is not None and actor.kind in LED_BODY_KINDS:
            return actor
    return None


def _hyphen_led(ctx: DocContext, person: Actor) -> None:
    """"an X-led party", "the X -led coalition": X leads the body named after."""
    n, i = len(ctx.doc), person.end
    if i + 1 < n and ctx.lowers[i] == "-" and ctx.lowers[i + 1] == "led":
        i += 1
    elif i >= n or ctx.lowers[i] != "-led":
        return      # "X led the party" is _leads_a_body's
    for k in range(i + 1, min(n, i + 6)):
        actor = ctx.actor_at(k)
        if actor is not None and actor.kind in LED_BODY_KINDS:
            add_post(ctx, person, LEADER_TITLE, actor, cover(ctx, person, actor), "pattern:x-led")
            return


def _leads_a_body(ctx: DocContext, person: Actor) -> None:
    """"X led the Workers' Unity Party to victory", "X heads the Civic Forum": X holds the post
    "leader" in the body (a member, if it is a party)."""
    head = ctx.name_head(person)
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ("lead", "head"):
        return
    for child in head.head.children:
        body = ctx.actor_at(child.i) if child.dep_ == "dobj" else None
        if body is not None and body.kind in LED_BODY_KINDS:
            add_post(ctx, person, LEADER_TITLE, body, cover(ctx, person, body), "pattern:x-leads")
            if body.kind == model.POLITICAL_PARTY:
                add_membership(ctx, person, body, "pattern:x-leads")


# --- heads of government --------------------------------------------------------------------

def _heads_a_government(ctx: DocContext, person: Actor, lone: bool) -> None:
    """"the X administration", "X's government", "the government of X", "cabinet X",
    "ministers of X", "minister under X". A `lone` word heads only "the X administration" (or
    presidency): "the Salisbury government" is often a capital standing for its government."""
    n, lowers = len(ctx.doc), ctx.lowers
    after = person.end + (person.end < n and lowers[person.end] in _POSSESSIVE)
    if after < n and lowers[after] == "s" and after > person.end:
        after += 1
    before = person.start - 1
    nouns = _PERSONAL_GOVERNMENT_NOUNS if lone else GOVERNMENT_NOUNS
    found = (after < n and lowers[after] in nouns and ctx.actor_at(after) is None) \
        or not lone and ((before >= 1 and lowers[before] in ("of", "under") and
                          lowers[before - 1] in GOVERNMENT_NOUNS | _MINISTER_WORDS)
                         or (before >= 0 and lowers[before] == "cabinet"))
    if not found:
        return
    span = ctx.doc[max(0, before):min(n, after + 1)]
    state = next((a for a in ctx.actors_in(ctx.doc[max(0, person.start - 4):person.start])
                  if a.kind == model.STATE), None)
    add_post(ctx, person, HEAD_TITLE, state, span, "pattern:heads-government")
    party = as_party(ctx, _party_before(ctx, before - 1), False)
    if party is not None:     # "the Y Party government of X"
        add_membership(ctx, person, party, "pattern:party-government-of")


def _party_before(ctx: DocContext, i: int) -> Actor | None:
    if i >= 0 and ctx.lowers[i] in GOVERNMENT_NOUNS:
        return ctx.actor_at(i - 1) if i >= 1 else None
    return None


