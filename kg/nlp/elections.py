"""Who stands in an election, and who wins it: "X was (re-)elected", "X won / held /
retained / regained the seat" (the post "elected representative", or "member" of the
parliament "X was elected to"); "X contested the seat", "X ran for the Y Party", "lost to Z",
"defeating Z", "the party's candidate, X," (the post "candidate", and the party stood for: an
organisation somebody stands for in an election is a political party, whatever kind its name
gave it). The generic posts go only to a person who holds no post the text names."""
from __future__ import annotations

from spacy.tokens import Token

from kg import model
from kg.nlp.context import Actor, DocContext
from kg.nlp.role_facts import actor_after, add_membership, add_post, as_party, cover

# Words that make a sentence about an election (lemmas, lower case).
ELECTORAL_WORDS = {"election", "by-election", "elect", "re-elect", "reelect", "re-election",
                   "reelection", "seat", "vote", "ballot", "candidate", "candidacy",
                   "constituency", "riding", "nominee", "nomination", "ticket", "electorate",
                   "poll", "primary", "mp", "incumbent", "electoral", "caucus", "district"}
_CANDIDATE_NOUNS = {"candidate", "candidacy", "nominee", "nomination"}
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
# Verbs whose "to" object beat the subject: "X placed second to Z", "finished third to Z".
_PLACING_VERBS = {"place", "finish", "come"}
ELECTED_TITLE, CANDIDATE_TITLE = "elected representative", "candidate"


def find_election_roles(ctx: DocContext, people: list[Actor]) -> None:
    """`people`: the persons named (kg.nlp.political_roles adds one-word names)."""
    for person in people + ctx.pronoun_persons:
        _in_an_election(ctx, person)
    for person in people:
        if _named_as_candidate(ctx, person) and \
                electoral(ctx, person.start, ELECTORAL_WORDS - _CANDIDATE_NOUNS):
            _generic_post(ctx, person, CANDIDATE_TITLE)


def electoral(ctx: DocContext, i: int, words: frozenset[str] | set[str] = ELECTORAL_WORDS) -> bool:
    """Whether the sentence holding token i is about an election (holds one of `words`)."""
    sent = ctx.sentence(i)
    return any(ctx.lemmas[k] in words or ctx.lowers[k] in words
               for k in range(sent.start, sent.end))


def unnamed_candidate(ctx: DocContext, token: Token) -> bool:
    """A capitalised word alone, in no entity, that is the subject of an election's verb."""
    if token.ent_type_ or ctx.actor_at(token.i) is not None:
        return False
    return stands_in_election(ctx, token)


def stands_in_election(ctx: DocContext, token: Token, rival: bool = False) -> bool:
    """A capitalised word, not a place we know, alone (no proper noun next to it), that is the
    subject of an election's verb in a sentence about an election: "Hale contested Oldham";
    with `rival`, also its rival or winner: "lost to Hale"."""
    doc = ctx.doc
    if token.tag_ != "NNP" or not token.is_title or token.text in ctx.gazetteer.names:
        return False
    if token.dep_ not in ("nsubj", "nsubjpass"):     # "lost to Hale", "defeated by Hale"
        return rival and _title_as_object(token) is not None and electoral(ctx, token.i)
    if any(0 <= k < len(doc) and doc[k].pos_ == "PROPN" for k in (token.i - 1, token.i + 1)):
        return False     # a word of a longer name the NER did not see
    return electoral(ctx, token.i) and any(_title_of_subject(v) for v in _verbs_of(token.head))


def _in_an_election(ctx: DocContext, person: Actor) -> None:
    """The person is elected, stands, or is a rival in an election the sentence is about."""
    head = ctx.name_head(person)
    if not electoral(ctx, person.start):
        return
    title = None
    if head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head     # "His father X was elected": the parser's subject is "father"
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
        if prep.lower_ == "against" or verb in _RIVAL_VERBS or \
                (prep.lower_ == "to" and verb in _PLACING_VERBS):
            return CANDIDATE_TITLE
    return None


def _elected(ctx: DocContext, person: Actor, verbs: list[Token]) -> None:
    """Elected "to the Storting", "to Parliament" (within a few words of the verb): a post in
    that parliament; else the generic post."""
    sent_end = ctx.sentence(person.start).end
    for verb in verbs:
        for i in range(verb.i + 1, min(sent_end - 1, verb.i + 6)):
            body = actor_after(ctx, i + 1) if ctx.lowers[i] in ("to", "for") else None
            if body is not None and body.kind == model.PARLIAMENT:
                add_post(ctx, person, "member", body, cover(ctx, person, body),
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
            party = as_party(ctx, actor, True)
            if party is not None:
                add_membership(ctx, person, party, "pattern:stood-for-party")
                return
        i = actor.end


def _generic_post(ctx: DocContext, person: Actor, title: str) -> None:
    """The election's post, for a person who holds no post the text names."""
    if ctx.facts_about(person.key, model.HOLDS):
        return
    span = ctx.doc[person.start:person.end]
    add_post(ctx, person, title, None, span, "pattern:" + title.replace(" ", "-"))


def _named_as_candidate(ctx: DocContext, person: Actor) -> bool:
    """"the party's candidate, X," and "X, the Labour candidate,": a candidate in apposition."""
    doc, lowers = ctx.doc, ctx.lowers
    if person.start >= 2 and lowers[person.start - 1] == "," and \
            lowers[person.start - 2] in ("candidate", "nominee"):
        return True
    if person.end < len(doc) and lowers[person.end] == ",":
        sent_end = ctx.sentence(person.start).end
        for k in range(person.end + 1, min(sent_end, person.end + 7)):
            if lowers[k] in (",", ";", "("):
                return False
            if lowers[k] in ("candidate", "nominee") and k + 1 < sent_end and \
                    lowers[k + 1] in (",", ".", "for", "in"):
                return True
    return False
