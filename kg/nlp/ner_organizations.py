"""Organisations the statistical NER finds (ORG spans) that no pattern or table explained.

The NER calls many things ORG that are no body: a title of office ("Tánaiste"), a portfolio
("Serbian Labour" of "Serbian Labour Minister"), a person's name, an agreement, a place or a
subdivision. What is left is an organisation of no more specific kind, with the state its name
gives or the text's focus state; an acronym in brackets after a body ("(RUF)") and one word of a
body named before ("the House") are that body again. A capitalised party-family word ("the
Liberals") is a party.
"""
from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.data import tables
from kg.nlp.constituencies import names_a_constituency
from kg.nlp.context import Actor, DocContext
from kg.nlp.election_names import names_an_election
from kg.nlp.listed_parties import listed_among_persons
from kg.nlp.not_organizations import names_a_relation, names_no_body
from kg.nlp.org_surroundings import names_no_body_here, owner_state
from kg.nlp.org_states import focus_state, shared_name_state
from kg.nlp.organizations import (HEAD_KINDS, is_state_token, only_states_or_places_inside,
                                  plain_name, portfolio_variants, portfolio_words)


def find_ner_organizations(ctx: DocContext) -> None:
    """ORG spans of the statistical NER that no pattern or table explained: organisations of
    no more specific kind, with the state their name gives ("Storting of Norway", "Royal
    Danish Air Force") or else the text's focus state."""
    from kg.nlp.agreement_mentions import other_names

    acronyms = _bracketed_acronyms(ctx, ctx.actors)
    agreement_names = other_names(ctx)   # "Unionsvertrag" of "the Treaty of Union (Unionsvertrag)"
    for ent in ctx.doc.ents:
        if ent.label_ in ("NORP", "ORG") and not ctx.overlaps(ent):
            _add_party_family(ctx, ent)
        if ent.label_ != "ORG" or ctx.overlaps(ent) or ctx.story_lines.not_of_the_story(ent):
            continue
        body = acronyms.get(ent.text) or _body_spelt(ctx, ent)
        if body is not None:   # "RUF" after "the Revolutionary United Front (RUF)"
            ctx.add_actor(Actor(ent.start, ent.end, body.key, body.kind, body.state))
            continue
        span = _without_open_bracket(_across_state_names(ctx, ent))
        if names_an_election(ctx.doc, span.end) or names_a_constituency(ctx, span) or \
                listed_among_persons(ctx, span):
            continue   # "the 1998 X Assembly election", "the riding of Xa-Yb", "A, B and C"
        name = plain_name(span).removesuffix("'s").removesuffix("’s").strip()
        words = name.split()
        if not words or not all(w[0].isupper() or not w[0].isalpha() for w in words if
                                w.lower() not in ("of", "and", "for", "the", "de", "on")):
            continue
        if names_no_body(name) or names_a_relation(name, ctx.gazetteer.state_names()) or \
                _names_a_person(ctx, span) or \
                _names_an_agreement(ctx, span, agreement_names) or \
                _names_something_else(ctx, span, name) or names_no_body_here(span):
            continue
        earlier = _earlier_body_named(ctx, span.start, words) if len(words) == 1 else None
        if earlier is not None:
            ctx.add_actor(Actor(span.start, span.end, earlier.key, earlier.kind, earlier.state))
            continue
        states = [a for a in ctx.actors_in(span) if a.kind == model.STATE]
        owner = owner_state(ctx, span)
        organ = ctx.gazetteer.body_named_bare(name) if not states and owner is None else None
        if organ is not None:   # "the Security Council": the UN's, where no state owns it
            ctx.add_actor(Actor(span.start, span.end, organ.key, organ.kind, organ.state),
                          ctx.gazetteer.entity(organ.key))
            continue
        state = states[0].state if states else owner or \
            shared_name_state(ctx, name) or focus_state(ctx)
        key = resolve.organization_key(name, state)
        entity = model.Entity(key, model.ORGANIZATION, name)
        actor = ctx.add_actor(Actor(span.start, span.end, key, model.ORGANIZATION, state), entity,
                              nest=only_states_or_places_inside(ctx, span))
        acronyms.update(_bracketed_acronyms(ctx, [actor]))
        if state and actor.key == key:
            ctx.state_entity(state)
            ctx.add_fact(key, model.STATE_OF, f"state/{state}", span, "ner:organization-state",
                         0.7 if states else 0.5)


# Names of party families that, capitalised, stand for a party: "a Republican", "the Liberals".
PARTY_FAMILIES = {"republican", "republicans", "democrat", "democrats", "democratic", "liberal",
                  "liberals", "conservative", "conservatives", "labour", "labor", "whig", "whigs",
                  "tory", "tories", "socialist", "socialists", "communist", "communists",
                  "green", "greens", "unionist", "unionists", "nationalist", "nationalists",
                  "federalist", "federalists"}


# Words after which a party family's name is a portfolio: "Serbian Labour Minister".
_PORTFOLIO_HEADS = {"minister", "ministry", "secretary", "department", "committee", "portfolio"}


def _before_portfolio_head(ctx: DocContext, i: int) -> bool:
    return i < len(ctx.doc) and ctx.doc[i].lower_ in _PORTFOLIO_HEADS


def _add_party_family(ctx: DocContext, ent: Span) -> None:
    """A capitalised party-family word the NER calls a nationality or group (NORP): the party
    of that name in the text's state."""
    words = [t for t in ent if t.lower_ != "the"]
    if not words or not all(t.is_title for t in words) or words[-1].lower_ not in PARTY_FAMILIES:
        return
    if _before_portfolio_head(ctx, words[-1].i + 1):
        return   # "Labour Minister": a portfolio, not the party
    span = ctx.doc[words[0].i:words[-1].i + 1]
    name = span.text
    state = focus_state(ctx)
    key = resolve.organization_key(name, state)
    ctx.add_actor(Actor(span.start, span.end, key, model.POLITICAL_PARTY, state),
                  model.Entity(key, model.POLITICAL_PARTY, name))
    if state:
        ctx.state_entity(state)
        ctx.add_fact(key, model.STATE_OF, f"state/{state}", span, "ner:party-family-state", 0.5)


def _across_state_names(ctx: DocContext, ent: Span) -> Span:
    """Our state names are fixed before the NER runs, so the NER stops at them: "Diet of" +
    Japan, "Royal" + Canadian + "Air Force". Join an ORG span with the state name and
    capitalised words right after it (and a state adjective right before it)."""
    doc, start, end = ctx.doc, ent.start, ent.end
    sentence = ctx.sentence(ent.start, ent.end)
    sent_end = sentence.end
    while end < sent_end:
        token = doc[end]
        actor = ctx.actor_at(token)
        if actor is not None and actor.kind == model.STATE:
            end = actor.end
        elif doc[end - 1].lower_ in ("of", "the") and _place_starts(token):
            # the NER cut the name before a place: "the United Hatters of" + "North America"
            end = next(e.end for e in doc.ents if e.start == token.i)
        elif token.lower_ == "of" and end + 1 < sent_end and _state_or_title(ctx, doc[end + 1]):
            end += 1
        elif end > ent.end and token.is_title and token.pos_ == "PROPN" and actor is None:
            end += 1
        else:
            break
    while end > ent.end and doc[end - 1].lower_ == "of":
        end -= 1
    if start > sentence.start and is_state_token(ctx, doc[start - 1]) and doc[start - 1].is_title:
        start = ctx.actor_at(doc[start - 1]).start
    return doc[start:end]


def _place_starts(token: Token) -> bool:
    return token.ent_iob_ == "B" and token.ent_type_ in ("GPE", "LOC", "KG_PLACE", "KG_CAPITAL")


def _state_or_title(ctx: DocContext, token: Token) -> bool:
    return is_state_token(ctx, token) or (token.lower_ == "the" and token.i + 1 < len(ctx.doc)
                                           and is_state_token(ctx, ctx.doc[token.i + 1]))


def _without_open_bracket(span: Span) -> Span:
    """"The Movement for Democratic Change (MDC": the NER's span without a bracket it opens."""
    for t in span:
        if t.text == "(" and not any(u.text == ")" for u in span[t.i - span.start:]):
            return span[:t.i - span.start]
    return span


def _bracketed_acronyms(ctx: DocContext, bodies: list[Actor]) -> dict[str, Actor]:
    """"the Revolutionary United Front (RUF)": an acronym in brackets right after a body, which
    starts with the letter the body's name starts with, is that body (a mention and an alias),
    and so is the acronym alone later on. Acronym -> the body's actor."""
    doc, found = ctx.doc, {}
    for body in [a for a in bodies if a.kind in model.ORGANIZATION_KINDS]:
        i = body.end
        if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if ctx.actor_at(i + 1) is not None:
            continue
        if not _is_acronym(acronym) and not (doc[i + 1].is_title and acronym.isalpha()
                                             and len(acronym) >= 4):
            continue
        spelt = _initials(doc[body.start:body.end].text)
        entity = ctx.extraction.entities.get(body.key)
        # Spelt out, or in the body's own language ("Christian Social People's Party (CSV)",
        # Luxembourgish): the same first letter; or a short name of its own ("the Federal Road
        # Agency (Rosavtodor)")
        if (spelt[:1] == acronym[0] or not _is_acronym(acronym)) and entity is not None:
            entity.aliases.add(acronym)
            found.setdefault(acronym, ctx.add_actor(Actor(i + 1, i + 2, body.key, body.kind,
                                                          body.state)))
    return found


def _is_acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 8


def _initials(name: str) -> str:
    """"RSF" of "Rapid Support Forces", "JAF" of "the Jordan Armed Forces"."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w[0].isupper() and w.lower() not in ("the", "of", "and", "for"))


def _body_spelt(ctx: DocContext, ent: Span) -> Actor | None:
    """An acronym the text never introduced that spells the initials of a body named before
    it: "the Rapid Support Forces ... the RSF" (news writes out a body once, then uses its
    initials)."""
    if not _is_acronym(ent.text):
        return None
    for actor in reversed(ctx.actors):
        if actor.start < ent.start and actor.kind in model.ORGANIZATION_KINDS and \
                _initials(ctx.doc[actor.start:actor.end].text) == ent.text:
            entity = ctx.extraction.entities.get(actor.key)
            if entity is not None:
                entity.aliases.add(ent.text)
            return actor
    return None


def _earlier_body_named(ctx: DocContext, before: int, words: list[str]) -> Actor | None:
    """"the House" after "the House of Representatives", "the Chamber" after "the Chamber of
    Deputies": one capitalised word of the name of the last body named before refers back to
    it."""
    for actor in reversed(ctx.actors):
        if actor.start < before and actor.kind in model.ORGANIZATION_KINDS:
            entity = ctx.extraction.entities.get(actor.key)
            if entity is not None and words[0] in entity.name.split() and \
                    entity.name != words[0]:
                return actor
    return None


def _names_an_agreement(ctx: DocContext, span: Span, agreement_names: Container[str]) -> bool:
    """"the General Agreement on Tariffs and Trade", "Baghdad Pact", or one of
    `agreement_names`, the other names the text gives agreements ("Riksakten"): the NER calls
    many agreements ORG; the agreement reader takes them."""
    from kg.nlp.agreement_mentions import AGREEMENT_WORDS, FORMAL_NAME_WORDS, mention_at

    if any(t.lower_ in AGREEMENT_WORDS and (t.is_title or t.is_upper) for t in span):
        return True
    if any(t.lower_ in FORMAL_NAME_WORDS and mention_at(ctx, t) is not None for t in span):
        return True   # "the Acts of Union 1800", "the Peace of Westphalia"
    words = span[1:] if span[0].lower_ == "the" else span
    return words.text in agreement_names


def _names_a_person(ctx: DocContext, span: Span) -> bool:
    """An ORG span that is a person's name the text also gives as a person ("Mbomio", "Beatrice
    Dugand"): it shares its first or last word with a person already found, or, alone, is any
    word of one's name ("Ortega" of "Lucia Ortega Ramos")."""
    if any(t.lower_ in HEAD_KINDS for t in span):
        return False
    words = [t.text for t in span if t.is_alpha]
    if not words or len(words) > 4:
        return False
    for actor in ctx.actors:
        if actor.kind == model.PERSON:
            person = ctx.extraction.entities[actor.key].name.split()
            if words[-1] == person[-1] or (len(words) > 1 and words[0] == person[0]):
                return True
            if len(words) == 1 and len(person) > 2 and words[0] in person[1:-1]:
                return True
    return False


def _cut_before_hyphen(ctx: DocContext, end: int) -> bool:
    """A span that ends inside a compound of states ("Chile" of "Chile-Peru"): a fragment of a
    longer name, which the NER cut where the tokenizer split the compound ("PML-F", a party,
    ends in no state and stays)."""
    doc, states = ctx.doc, ctx.gazetteer.state_names()
    return end + 1 < len(doc) and not doc[end - 1].whitespace_ and \
        doc[end].text in ("-", "–") and not doc[end].whitespace_ and \
        doc[end - 1].text in states and doc[end + 1].text in states


def _portfolio_and_states(ctx: DocContext, start: int, end: int) -> bool:
    """The words after a title are its portfolio and states only: "of Health of Jordan", "of
    Economic Affairs", "" (nothing)."""
    words = [t for t in ctx.doc[start:end] if t.lower_ not in ("of", "the", "and")
             and not is_state_token(ctx, t)]
    return not words or " ".join(t.lower_ for t in words) in portfolio_variants()


def _names_something_else(ctx: DocContext, span: Span, name: str) -> bool:
    """An ORG span that names no body: a portfolio alone ("ministries including Trade,
    Energy and Interior"), a title of office ("served as Tánaiste"), or a place in a state
    the text names, from our tables ("Orlov served as Tomsk First Secretary" in a text on
    Russia; but "the Commonwealth" is no town of the Philippines in a text that does not name
    them) or a subdivision ("the Limpopo health MEC" in a South African text),
    or a portfolio before its minister ("Serbian Labour Minister").
    """
    from kg.nlp.people import title_at
    from kg.nlp.titles import abbreviation_start, title_ending_at

    if name.lower() in portfolio_variants():
        return True
    if _before_portfolio_head(ctx, span.end) and span[-1].lower_ in portfolio_words():
        return True   # "Serbian Labour" of "Serbian Labour Minister X"
    start = span.start + (span[0].lower_ == "the")
    title = title_at(ctx.doc, start, span.end)
    if title is not None and _portfolio_and_states(ctx, title.end, span.end):
        return True   # "Tánaiste", "the Minister of Health of Jordan", "Minister of Trade"
    if span[-1].lower_ not in HEAD_KINDS and any(
            (title := title_at(ctx.doc, start, span.end)) is not None and title.end == span.end
            for start in range(max(0, span.start - 3), span.start)):
        return True   # "State" of "Secretary of State" (not the Parliament of "Member of
        #               Parliament")
    if _cut_before_hyphen(ctx, span.end):
        return True   # "Conclusion of the Chile" of "the Conclusion of the Chile-Peru Dispute"
    if abbreviation_start(ctx.doc, span.end + 1) == span.start - 1 and \
            title_ending_at(ctx.doc, span.start - 1, back=6) is not None:
        return True   # "DNI" of "Director of National Intelligence (DNI)": the title's, no body
    named_states = {a.state for a in ctx.actors if a.kind == model.STATE}
    return any(key.split("/")[1] in named_states for key in ctx.gazetteer.place_keys(name)) \
        or bool(tables.subdivision_states(name) & named_states)
