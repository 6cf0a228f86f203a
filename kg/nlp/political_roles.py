"""Political roles the text gives without a title before the name: party membership, party
leadership, seats won or contested, and heading a government.

- "X of the Y Party", "X for the Y Party" (an election's candidate), "X's Y Party", "Y Party's X"
  (kg:memberOf the party)
- "the Y Party, led by X and Z", "a list led by X", "the Y Party under X", "an X-led party":
  X holds the post "leader" in that body and is a member of it
- "X was (re-)elected", "X won / held / retained / regained the seat": X holds the post "elected
  representative" (in the parliament the sentence names, if any)
- "X contested the seat", "X ran for / stood in / campaigned in the election", "X lost to Z",
  "defeating Z": X (and Z) hold the post "candidate"; the party X stands for ("as the Y Party
  candidate", "ran for the Y Party") is X's party
- "the X administration", "X's government", "the government of X", "cabinet X", "ministers
  of X", "minister under X": X holds the post "head of government"

An organisation somebody stands for in an election is a political party, whatever kind its
name gave it: "ran for the Northern Alliance", "Jane Roe of the Green Left to win the seat".
Posts found by kg.nlp.posts come first: the election's generic posts are only given to a person
who holds no post the text names.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.nlp.context import Actor, DocContext

# Words that make a sentence about an election (lemmas, lower case).
ELECTORAL_WORDS = {"election", "by-election", "elect", "re-elect", "reelect", "re-election",
                   "reelection", "seat", "vote", "ballot", "candidate", "candidacy",
                   "constituency", "riding", "nominee", "nomination", "ticket", "electorate",
                   "poll", "primary", "mp", "incumbent", "electoral", "caucus", "district"}
# Verbs whose subject is elected: "X was re-elected", "X won the seat".
_ELECTED_VERBS = {"elect", "re-elect", "reelect"}
_SEAT_WINNING_VERBS = {"win", "hold", "retain", "regain", "keep", "gain", "take", "defend"}
_SEATS = {"seat", "seats", "presidency", "premiership", "mayoralty", "governorship",
          "re-election", "reelection", "election", "by-election", "constituency", "riding"}
# Verbs whose subject stands in an election: "X contested Oldham", "X ran for the Senate".
_CANDIDATE_VERBS = {"contest", "run", "stand", "campaign", "lose", "defeat", "beat", "unseat",
                    "challenge", "finish", "place"}
# Verbs whose object or "to"/"by" object is another candidate: "lost to Z", "defeating Z".
_RIVAL_VERBS = {"lose", "defeat", "beat", "unseat", "oust", "succeed", "replace", "face"}
# Nouns after which a person's name heads a body: "the X administration", "X's government".
GOVERNMENT_NOUNS = {"administration", "government", "cabinet", "ministry", "regime",
                    "presidency", "premiership"}
_MINISTER_WORDS = {"minister", "ministers", "secretary", "secretaries"}
ELECTED_TITLE, CANDIDATE_TITLE, LEADER_TITLE, HEAD_TITLE = (
    "elected representative", "candidate", "leader", "head of government")
_POSSESSIVE = {"'s", "’s", "'", "’"}
_BODY_KINDS = {model.POLITICAL_PARTY, model.ORGANIZATION, model.PARLIAMENT, model.GOVERNMENT,
               model.INTERNATIONAL_ORGANIZATION, model.AGENCY, model.ARMED_GROUP}


def find_political_roles(ctx: DocContext) -> None:
    lone = _lone_names(ctx)
    people = [a for a in ctx.actors if a.kind == model.PERSON]
    for person in people:
        _party_next_to_name(ctx, person)
        _heads_a_government(ctx, person)
    for person in people + ctx.pronoun_persons:
        _in_an_election(ctx, person)
    _led_by(ctx)
    for person in people:
        _listed_after(ctx, person)
    _drop_roleless(ctx, lone)


def _lone_names(ctx: DocContext) -> list[Actor]:
    """One-word names the NER calls persons that kg.nlp.people left out (alone, a word is too
    often a place or a company): taken for now, and kept only if a rule here gives them a
    political role ("Hartley was re-elected in 1997", "Hartley of the Labour Party")."""
    lone = []
    for ent in ctx.doc.ents:
        if len(ent) != 1 or ctx.overlaps(ent) or ent[0].tag_ != "NNP" or not ent[0].is_title:
            continue
        # the model often calls a surname opening a sentence an organisation: "Hale was
        # re-elected" (kept only as the subject of an election's verb, _in_an_election)
        if ent.label_ != "PERSON" and not (ent.label_ == "ORG" and ent[0].is_sent_start
                                           and ent[0].dep_ in ("nsubj", "nsubjpass")):
            continue
        lone.append(_add_lone(ctx, ent))
    for token in ctx.doc:    # "Hale was re-elected", with no entity at all
        if _unnamed_candidate(ctx, token):
            lone.append(_add_lone(ctx, ctx.doc[token.i:token.i + 1]))
    return lone


def _add_lone(ctx: DocContext, span: Span) -> Actor:
    key = resolve.person_key(span.text)
    known = key in ctx.extraction.entities
    return ctx.add_actor(Actor(span.start, span.end, key, model.PERSON),
                         None if known else model.Entity(key, model.PERSON, span.text))


def _unnamed_candidate(ctx: DocContext, token: Token) -> bool:
    """A capitalised word alone, in no entity, that is the subject of an election's verb."""
    doc = ctx.doc
    if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NNP" or not token.is_title \
            or token.ent_type_ or ctx.actor_at(token.i) is not None \
            or token.text in ctx.gazetteer.names:
        return False
    if any(0 <= k < len(doc) and doc[k].pos_ == "PROPN" for k in (token.i - 1, token.i + 1)):
        return False     # a word of a longer name the NER did not see
    return electoral(ctx, token.i) and any(_title_of_subject(v) for v in _verbs_of(token.head))


def _drop_roleless(ctx: DocContext, lone: list[Actor]) -> None:
    """Forget the lone names no rule gave a role (their mentions, tokens and entities)."""
    with_facts = {f.subject for f, _ in ctx.extraction.facts}
    dropped = [a for a in lone if a.key not in with_facts]
    if not dropped:
        return
    spans = {(ctx.doc[a.start:a.end].start_char, a.key) for a in dropped}
    ctx.extraction.mentions[:] = [m for m in ctx.extraction.mentions
                                  if (m.begin, m.entity) not in spans]
    for actor in dropped:
        ctx.actors.remove(actor)
        for i in range(actor.start, actor.end):   # DocContext has no removal of its own
            if ctx.actor_at(i) is actor:
                del ctx._by_token[i]
        if not any(m.entity == actor.key for m in ctx.extraction.mentions):
            ctx.extraction.entities.pop(actor.key, None)


# --- parties named next to a person ---------------------------------------------------------

def electoral(ctx: DocContext, i: int) -> bool:
    """Whether the sentence holding token i is about an election."""
    sent = ctx.sentence(i)
    return any(ctx.lemmas[k] in ELECTORAL_WORDS or ctx.lowers[k] in ELECTORAL_WORDS
               for k in range(sent.start, sent.end))


def _party(ctx: DocContext, actor: Actor | None, standing: bool) -> Actor | None:
    """The actor as a political party: a party, or an organisation somebody stands for in an
    election (`standing`), which is a party by what it does."""
    if actor is None:
        return None
    if actor.kind == model.POLITICAL_PARTY:
        return actor
    if standing and actor.kind == model.ORGANIZATION:
        actor.kind = model.POLITICAL_PARTY
        ctx.extraction.entities[actor.key].kind = model.POLITICAL_PARTY
        return actor
    return None


def _actor_after(ctx: DocContext, i: int) -> Actor | None:
    """The actor starting at token i, after an optional "the"."""
    if i < len(ctx.doc) and ctx.lowers[i] == "the":
        i += 1
    actor = ctx.actor_at(i) if i < len(ctx.doc) else None
    return actor if actor is not None and actor.start == i else None


def _party_next_to_name(ctx: DocContext, person: Actor) -> None:
    """"X of the Y Party", "X for the Y Party", "X's Y Party", "Y Party's X"."""
    n = len(ctx.doc)
    after = ctx.lowers[person.end] if person.end < n else ""
    if after in ("of", "for"):
        party = _party(ctx, _actor_after(ctx, person.end + 1), electoral(ctx, person.start))
        if party is not None:
            _member(ctx, person, party, "pattern:name-of-party")
    elif after in _POSSESSIVE:
        j = person.end + 1 + (person.end + 1 < n and ctx.lowers[person.end + 1] == "s")
        party = _party(ctx, ctx.actor_at(j) if j < n else None, False)
        if party is not None and party.start == j:
            _member(ctx, person, party, "pattern:name-possessive-party")
    i = person.start - 1
    if i >= 1 and ctx.lowers[i] in _POSSESSIVE:
        party = _party(ctx, ctx.actor_at(i - 1), False)
        if party is not None and party.end == i:
            _member(ctx, person, party, "pattern:party-possessive-name")


def _listed_after(ctx: DocContext, person: Actor) -> None:
    """"Green Party leaders X, Y and Z": a name listed right after another shares the party a
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
                _member(ctx, person, body, "pattern:party-before-names")


def _member(ctx: DocContext, person: Actor, body: Actor, rule: str) -> None:
    if any(f.object == body.key for f in ctx.facts_about(person.key, model.MEMBER_OF)):
        return
    ctx.add_fact(person.key, model.MEMBER_OF, body.key, _cover(ctx, person, body), rule, 0.75)


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
            _post(ctx, person, LEADER_TITLE, body, _cover(ctx, person, body), "pattern:led-by")
            if body.kind == model.POLITICAL_PARTY:
                _member(ctx, person, body, "pattern:led-by")
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
    kinds = {model.POLITICAL_PARTY} if under else _BODY_KINDS
    for k in range(cue - 1, max(sent.start, cue - 15) - 1, -1):
        actor = ctx.actor_at(k)
        if actor is not None and actor.kind in kinds:
            return actor
        if actor is not None and actor.kind == model.PERSON:
            break
    if under and cue == sent.start and end < sent.end and ctx.lowers[end] == ",":
        actor = _actor_after(ctx, end + 1)
        if actor is not None and actor.kind in _BODY_KINDS:
            return actor
    return None


def _hyphen_led(ctx: DocContext, person: Actor) -> None:
    """"an X-led party", "the X -led coalition": X leads the body named after."""
    n, i = len(ctx.doc), person.end
    if i < n and ctx.lowers[i] == "-":
        i += 1
    if i >= n or ctx.lowers[i] not in ("led", "-led"):
        return
    for k in range(i + 1, min(n, i + 6)):
        actor = ctx.actor_at(k)
        if actor is not None and actor.kind in _BODY_KINDS:
            _post(ctx, person, LEADER_TITLE, actor, _cover(ctx, person, actor), "pattern:x-led")
            return


# --- elections ------------------------------------------------------------------------------

def _in_an_election(ctx: DocContext, person: Actor) -> None:
    """The person is elected, stands, or is a rival in an election the sentence is about."""
    head = ctx.name_head(person)
    if not electoral(ctx, person.start):
        return
    title = None
    if head.dep_ in ("nsubj", "nsubjpass"):
        verbs = _verbs_of(head.head)
        for verb in verbs:
            title = _title_of_subject(verb) or title
            if title is not None:
                _stands_for(ctx, person, verb)
        if title == ELECTED_TITLE:
            _elected(ctx, person, verbs)
            return
    else:
        title = _title_as_object(head)
    if title is not None:
        _generic_post(ctx, person, title)


def _verbs_of(verb: Token) -> list[Token]:
    """The verb, the verbs joined to it that have no subject of their own ("X held the seat
    but lost it"), and the participles the parser hangs on an auxiliary ("X was re-elected")."""
    verbs = [verb, *(c for c in verb.conjuncts if c.i > verb.i and not any(
        d.dep_ in ("nsubj", "nsubjpass") for d in c.children))]
    if verb.lemma_ in ("be", "have"):    # "was re-elected", "has been re-elected"
        doc = verb.doc
        verbs += [doc[k] for k in range(verb.i + 1, min(len(doc), verb.i + 5))
                  if doc[k].tag_ in ("VBN", "VBG") or doc[k].lower_ == "re"]
    return verbs


def _title_of_subject(verb: Token) -> str | None:
    lemma = _verb_lemma(verb)
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
    if lemma in _ELECTED_VERBS or (lemma in _SEAT_WINNING_VERBS and objects & _SEATS):
        return ELECTED_TITLE
    if lemma in _CANDIDATE_VERBS or (lemma in ("be", "become") and "candidate" in objects):
        return CANDIDATE_TITLE
    return None


def _verb_lemma(verb: Token) -> str:
    """The verb's lemma; "re - elected" (which the parser splits, making "re" the verb) is
    "re-elect"."""
    doc = verb.doc
    if verb.lower_ == "re" and verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-":
        return "re-" + doc[verb.i + 2].lemma_.lower()
    return verb.lemma_.lower()


def _title_as_object(head: Token) -> str | None:
    """"the seat was won by Z", "elected Z": Z is elected; "lost to Z", "defeated by Z",
    "defeating Z", "against Z": Z stood in the election too."""
    if head.dep_ == "dobj":
        return CANDIDATE_TITLE if _verb_lemma(head.head) in _RIVAL_VERBS else None
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "by", "against"):
        prep = head.head
        verb = _verb_lemma(prep.head)
        if prep.lower_ == "by" and (verb in _ELECTED_VERBS or verb in _SEAT_WINNING_VERBS):
            return ELECTED_TITLE
        if prep.lower_ == "against" or verb in _RIVAL_VERBS:
            return CANDIDATE_TITLE
    return None


def _elected(ctx: DocContext, person: Actor, verbs: list[Token]) -> None:
    """Elected "to the Storting", "to Parliament" (within a few words of the verb): a post in
    that parliament; else the generic post."""
    sent_end = ctx.sentence(person.start).end
    for verb in verbs:
        for i in range(verb.i + 1, min(sent_end - 1, verb.i + 6)):
            body = _actor_after(ctx, i + 1) if ctx.lowers[i] in ("to", "for") else None
            if body is not None and body.kind == model.PARLIAMENT:
                _post(ctx, person, "member", body, _cover(ctx, person, body),
                      "pattern:elected-to")
                return
    _generic_post(ctx, person, ELECTED_TITLE)


def _stands_for(ctx: DocContext, person: Actor, verb: Token) -> None:
    """The party in the subject's clause: "ran for the Y Party", "as the Y Party candidate",
    "as a candidate of the Y Party", "was elected with Y", "as a member of the Y Party"."""
    sent = ctx.sentence(verb.i)
    i = verb.i + 1
    while i < sent.end:
        actor = ctx.actor_at(i)
        if actor is None:
            i += 1
            continue
        if actor.kind == model.PERSON:
            return          # what follows another name is said of that person
        before = ctx.lowers[actor.start - 2:actor.start]
        if before[-1:] == ["the"]:
            before = ctx.lowers[actor.start - 3:actor.start - 1]
        after = ctx.lowers[actor.end] if actor.end < sent.end else ""
        if before[-1:] in (["for"], ["with"]) or before == ["candidate", "of"] or \
                before == ["member", "of"] or after in ("candidate", "nominee", "ticket",
                                                         "banner", "interest", "list"):
            party = _party(ctx, actor, True)
            if party is not None:
                _member(ctx, person, party, "pattern:stood-for-party")
                return
        i = actor.end


def _generic_post(ctx: DocContext, person: Actor, title: str) -> None:
    """The election's post, for a person who holds no post the text names."""
    if ctx.facts_about(person.key, model.HOLDS):
        return
    span = ctx.doc[person.start:person.end]
    _post(ctx, person, title, None, span, "pattern:" + title.replace(" ", "-"))


# --- heads of government --------------------------------------------------------------------

def _heads_a_government(ctx: DocContext, person: Actor) -> None:
    """"the X administration", "X's government", "the government of X", "cabinet X",
    "ministers of X", "minister under X"."""
    n, lowers = len(ctx.doc), ctx.lowers
    after = person.end + (person.end < n and lowers[person.end] in _POSSESSIVE)
    if after < n and lowers[after] == "s" and after > person.end:
        after += 1
    before = person.start - 1
    found = (after < n and lowers[after] in GOVERNMENT_NOUNS and ctx.actor_at(after) is None) \
        or (before >= 1 and lowers[before] in ("of", "under") and
            lowers[before - 1] in GOVERNMENT_NOUNS | _MINISTER_WORDS) \
        or (before >= 0 and lowers[before] == "cabinet")
    if not found:
        return
    span = ctx.doc[max(0, before):min(n, after + 1)]
    state = next((a for a in ctx.actors_in(ctx.doc[max(0, person.start - 4):person.start])
                  if a.kind == model.STATE), None)
    _post(ctx, person, HEAD_TITLE, state, span, "pattern:heads-government")
    party = _party(ctx, _party_before(ctx, before - 1), False)
    if party is not None:     # "the Y Party government of X"
        _member(ctx, person, party, "pattern:party-government-of")


def _party_before(ctx: DocContext, i: int) -> Actor | None:
    if i >= 0 and ctx.lowers[i] in GOVERNMENT_NOUNS:
        return ctx.actor_at(i - 1) if i >= 1 else None
    return None


# --- recording ------------------------------------------------------------------------------

def _post(ctx: DocContext, person: Actor, title: str, holder: Actor | None, evidence: Span,
          rule: str) -> None:
    """Person holds the post `title` in `holder` (a body or state; None: no body named)."""
    key = resolve.post_key(holder.key if holder is not None else person.key, title)
    ctx.add_entity(model.Entity(key, model.POST, title, attributes={"title": title}))
    ctx.add_fact(person.key, model.HOLDS, key, evidence, rule, 0.7)
    if holder is not None:
        ctx.add_fact(key, model.POST_IN, holder.key, evidence, rule, 0.7)


def _cover(ctx: DocContext, first: Actor, last: Actor) -> Span:
    return ctx.doc[min(first.start, last.start):max(first.end, last.end)]
