"""Membership of people in parties and other bodies (kg:memberOf).

- "X, a member of the Y," and "X was a senior member of Y" (the person is the subject)
- "X (Y Party)" and "X (Y Party, Z)": a party in brackets right after a name
- "Y Party founder X", "Republican X": a party named right before a name
- "X is a Y Party politician", "X, a Labour politician,"

and the state a person belongs to, where the text says it: "X is a Polish politician", "X, a
Kenyan diplomat,", "X was a Zambian trade unionist" (kg:state).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import model
from kg.nlp.context import Actor, DocContext
from kg.nlp.role_facts import cover

# Nouns for a party's member, written after the party: "a Labour politician", "Republican
# senator X" is a post and left to kg.nlp.posts.
MEMBER_NOUNS = {"politician", "politicians", "member", "members", "activist", "lawmaker",
                "legislator", "candidate", "candidates", "founder", "co-founder", "cofounder",
                "leader", "leaders",
                "stalwart", "veteran", "loyalist", "figure"}
# Words that name a party's member by the party: "X, a Democrat who ...", "X was a Tory".
PARTY_MEMBER_WORDS = {"democrat", "republican", "liberal", "conservative", "socialist",
                      "communist", "tory", "whig", "unionist", "nationalist", "federalist"}
# Verbs whose subject is a member of what follows "member of".
_SUBJECT_VERBS = {"be", "become", "remain", "serve", "join", "rejoin"}
# Words between the verb or comma and "member of": "a founding member of", "the longest-serving".
_BEFORE_MEMBER = {"a", "an", "the", "also", "later", "then", "founding", "senior", "leading",
                  "prominent", "longtime", "long-time", "former", "active", "elected", "full",
                  "permanent", "ordinary", "as"}
# "X, a member of the Y", "X, a former leader of the Y", "X was a founder of the Y".
_MEMBER_OF_NOUNS = {"member", "members", "leader", "leaders", "founder", "co-founder"}
BODY_KINDS = {model.POLITICAL_PARTY, model.ORGANIZATION, model.PARLIAMENT, model.GOVERNMENT,
              model.AGENCY, model.ARMED_GROUP, model.ARMED_FORCES}


def find_memberships(ctx: DocContext) -> None:
    found: set[tuple[str, str]] = set()
    named = [(a, (_member_of, _party_in_brackets, _party_before_name, _party_politician), "")
             for a in ctx.actors if a.kind == model.PERSON]
    # "He was a member of the X Party": what is said of a pronoun standing for a person
    pronouns = [(a, (_member_of, _party_politician), "+pronoun") for a in ctx.pronoun_persons]
    for person, finders, via in named + pronouns:
        for finder in finders:
            result = finder(ctx, person)
            if result is None:
                continue
            body, evidence, rule = result
            if (person.key, body.key) not in found:
                found.add((person.key, body.key))
                ctx.add_fact(person.key, model.MEMBER_OF, body.key, evidence, rule + via, 0.8)
            break
        _nationality(ctx, person, via)


def _nationality(ctx: DocContext, person: Actor, via: str = "") -> None:
    """"X is a Polish politician", "X, a Kenyan diplomat,": a state adjective right after the
    article that opens what is said of the person."""
    doc = ctx.doc
    i = _after_subject(ctx, person)
    if i is None or i >= len(doc) or doc[i].lower_ not in ("a", "an"):
        return
    actor = ctx.actor_at(i + 1) if i + 1 < len(doc) else None
    if actor is None or actor.kind != model.STATE or not actor.adjective or actor.start != i + 1:
        return
    noun = doc[actor.end] if actor.end < len(doc) else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or ctx.actor_at(noun.i) is not None:
        return   # "a Polish delegation" is not said of a person; "a Ghanaian National Assembly"
    ctx.add_fact(person.key, model.STATE_OF, actor.key, cover(ctx, person, actor),
                 "pattern:nationality-adjective" + via, 0.75)


def _body_at(ctx: DocContext, i: int, kinds: set[str] = BODY_KINDS) -> Actor | None:
    """The body named at token i, after an optional "the"."""
    if i < len(ctx.doc) and ctx.doc[i].lower_ == "the":
        i += 1
    actor = ctx.actor_at(i) if i < len(ctx.doc) else None
    return actor if actor is not None and actor.kind in kinds else None


def _after_subject(ctx: DocContext, person: Actor) -> int | None:
    """Where the predicate about the person starts: after ", " (an appositive) or after a verb
    the person is the subject of ("X was", "X later became"). None if neither."""
    doc = ctx.doc
    if person.end < len(doc) and doc[person.end].text == ",":
        return person.end + 1
    head = ctx.name_head(person)
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _SUBJECT_VERBS \
            and head.head.i >= person.end:
        return head.head.i + 1
    return None


def _member_of(ctx: DocContext, person: Actor):
    """"X, a member of the Y,", "X was a founding member of Y", "X, a former leader of Y"."""
    doc = ctx.doc
    i = _after_subject(ctx, person)
    if i is None:
        return None
    sent_end = ctx.sentence(person.start).end
    while i < sent_end and doc[i].lower_ in _BEFORE_MEMBER:
        i += 1
    if i + 1 >= sent_end or doc[i].lower_ not in _MEMBER_OF_NOUNS or doc[i + 1].lower_ != "of":
        return None
    body = _body_at(ctx, i + 2)
    if body is None:
        return None
    return body, cover(ctx, person, body), "pattern:member-of"


def _party_in_brackets(ctx: DocContext, person: Actor):
    """"Ingrid Dahl (Centre Party)" and "Jane Doe (Labour, Leeds)"."""
    doc = ctx.doc
    if person.end >= len(doc) or doc[person.end].text != "(":
        return None
    body = _body_at(ctx, person.end + 1, {model.POLITICAL_PARTY})
    if body is None or body.end >= len(doc) or doc[body.end].text not in (")", ",", ";"):
        return None
    return body, cover(ctx, person, body), "pattern:name-party-in-brackets"


def _party_before_name(ctx: DocContext, person: Actor):
    """"Green Party founder X", "Republican X", "Labour MP X" is a post (kg.nlp.posts)."""
    doc = ctx.doc
    i = person.start - 1
    if i >= 0 and doc[i].lower_ in MEMBER_NOUNS:
        i -= 1
    actor = ctx.actor_at(i) if i >= 0 else None
    if actor is None or actor.kind != model.POLITICAL_PARTY or actor.end != i + 1:
        return None
    return actor, cover(ctx, actor, person), "pattern:party-before-name"


def _party_politician(ctx: DocContext, person: Actor):
    """"X is a Labour Party politician", "X, a Republican lawmaker,", "X, a Democrat who"."""
    doc = ctx.doc
    i = _after_subject(ctx, person)
    if i is None:
        return None
    if i < len(doc) and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    body = ctx.actor_at(i) if i < len(doc) else None
    if body is None or body.kind != model.POLITICAL_PARTY or body.start != i:
        return None
    noun: Token | None = doc[body.end] if body.end < len(doc) else None
    if noun is not None and noun.lower_ in MEMBER_NOUNS:
        return body, cover(ctx, person, body), "pattern:party-politician"
    if body.end - body.start == 1 and doc[body.start].lower_ in PARTY_MEMBER_WORDS and \
            (noun is None or noun.pos_ not in ("NOUN", "PROPN")):
        return body, cover(ctx, person, body), "pattern:party-member-word"
    return None


