"""Organisations named by pattern: ministries, departments, armed forces, governments,
parliaments, parties and other bodies, with their state and parent organisation.

"Azerbaijani Defense Ministry", "the Ministry of Defence of Azerbaijan" and "Azerbaijan's defence
ministry" are one organisation (Ministry of Defense, AZE): generic bodies get a canonical name
and key from their kind, portfolio and state; named bodies keep their name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.data import tables
from kg.nlp import gazetteer as gz
from kg.nlp.context import Actor, DocContext

# The head noun of an organisation's name and the kind it makes.
HEAD_KINDS = {
    "ministry": model.MINISTRY,
    "department": model.DEPARTMENT, "directorate": model.DEPARTMENT, "division": model.DEPARTMENT,
    "agency": model.AGENCY, "service": model.AGENCY, "bureau": model.AGENCY,
    "commission": model.AGENCY, "committee": model.AGENCY, "office": model.AGENCY,
    "army": model.ARMED_FORCES, "forces": model.ARMED_FORCES, "military": model.ARMED_FORCES,
    "navy": model.ARMED_FORCES, "guard": model.ARMED_FORCES, "corps": model.ARMED_FORCES,
    "parliament": model.PARLIAMENT, "assembly": model.PARLIAMENT, "senate": model.PARLIAMENT,
    "duma": model.PARLIAMENT, "legislature": model.PARLIAMENT, "house": model.PARLIAMENT,
    "chamber": model.PARLIAMENT,
    "government": model.GOVERNMENT, "cabinet": model.GOVERNMENT,
    "party": model.POLITICAL_PARTY,
    "council": model.ORGANIZATION, "organization": model.ORGANIZATION,
    "organisation": model.ORGANIZATION, "union": model.ORGANIZATION, "court": model.ORGANIZATION,
    "bank": model.ORGANIZATION, "alliance": model.ORGANIZATION, "league": model.ORGANIZATION,
    "front": model.ARMED_GROUP, "brigade": model.ARMED_GROUP, "brigades": model.ARMED_GROUP,
}
# Heads that name a state's body even in lower case after a state word: "the Armenian army".
GENERIC_HEADS = {"ministry", "army", "military", "forces", "navy", "government", "parliament",
                 "cabinet", "legislature"}
# Heads of a state's bodies that get one canonical name whatever the wording ("the Armenian
# army" = "Armenian Armed Forces"). A senate, an assembly or a navy is a body of its own.
CANONICAL_HEADS = {"ministry", "army", "military", "forces", "government", "parliament",
                   "legislature"}
# Words that add nothing to a generic body's identity: "Azerbaijan Armed Forces" = its army.
GENERIC_WORDS = {"armed", "national", "the", "state", "federal", "central"}
# Prepositions that attach a unit to the body it belongs to: "department at the ministry".
PARENT_PREPOSITIONS = {"at", "of", "within", "under", "in"}
# "House" and "Chamber" head a legislative chamber's name only before one of these: "House of
# Representatives", "Nova Scotia House of Assembly", "Chamber of Deputies" (not "House of
# Windsor", "White House", "Chamber of Commerce", "the house").
CHAMBERS = {"representatives", "commons", "lords", "assembly", "delegates", "councillors",
            "keys", "peers", "deputies", "burgesses", "nationalities", "elders", "senators"}
CHAMBER_HEADS = {"house", "chamber"}
UNIT_KINDS = {model.DEPARTMENT, model.AGENCY}


@dataclass
class OrgSpan:
    start: int
    end: int
    head: Token
    kind: str
    state: str | None
    name: str
    generic: bool          # a state's body named only by kind and portfolio
    portfolio_name: tuple[str, str] | None   # (portfolio key, canonical name) of a ministry
    reference: bool = False  # "the ministry": refers back to a body already named


@lru_cache(maxsize=1)
def _portfolio_variants() -> dict[str, tuple[str, str]]:
    """Lower-case variant phrase -> (portfolio key, canonical name), longest first."""
    variants: dict[str, tuple[str, str]] = {}
    for p in tables.load_portfolios():
        for v in (p.name, *p.variants):
            variants[v.lower()] = (p.key, p.name)
    return dict(sorted(variants.items(), key=lambda kv: -len(kv[0])))


def find_portfolio(words: str) -> tuple[str, str] | None:
    text = f" {words.lower()} "
    for variant, value in _portfolio_variants().items():
        if f" {variant} " in text:
            return value
    return None


def find_organizations(ctx: DocContext) -> None:
    heads = [i for i, lower in enumerate(ctx.lowers) if lower in HEAD_KINDS]
    for sent in ctx.sentences if heads else ():
        spans = [s for i in heads if sent.start <= i < sent.end
                 and (s := _org_at_head(ctx, ctx.doc[i])) is not None]
        spans = _drop_nested(spans)
        parents = _parent_pairs(ctx, spans)
        for child, parent in parents:
            if child.state is None and parent.state is None:
                _resolve_state(ctx, parent)
            child.state = child.state or parent.state
        for org in spans:
            _resolve_state(ctx, org)
        actors = {id(s): _record(ctx, s) for s in spans}
        for child, parent in parents:
            evidence = ctx.doc[child.start:parent.end]
            ctx.add_fact(actors[id(child)].key, model.PARENT_ORGANIZATION, actors[id(parent)].key,
                         evidence, "pattern:unit-at-body", 0.85)


def find_ner_organizations(ctx: DocContext) -> None:
    """ORG spans of the statistical NER that no pattern or table explained: organisations of
    no more specific kind, with the state their name gives ("Diet of Japan", "Royal Canadian
    Air Force") or else the text's focus state."""
    acronyms = _bracketed_acronyms(ctx, ctx.actors)
    for ent in ctx.doc.ents:
        if ent.label_ in ("NORP", "ORG") and not ctx.overlaps(ent):
            _add_party_family(ctx, ent)
        if ent.label_ != "ORG" or ctx.overlaps(ent):
            continue
        body = acronyms.get(ent.text)
        if body is not None:   # "RUF" after "the Revolutionary United Front (RUF)"
            ctx.add_actor(Actor(ent.start, ent.end, body.key, body.kind, body.state))
            continue
        span = _without_open_bracket(_across_state_names(ctx, ent))
        name = _plain_name(span).removesuffix("'s").removesuffix("’s").strip()
        words = name.split()
        if not words or not all(w[0].isupper() or not w[0].isalpha() for w in words if
                                w.lower() not in ("of", "and", "for", "the", "de", "on")):
            continue
        if _names_a_person(ctx, span) or _names_an_agreement(ctx, span) or \
                _names_something_else(ctx, span, name):
            continue
        earlier = _earlier_body_named(ctx, span.start, words) if len(words) == 1 else None
        if earlier is not None:
            ctx.add_actor(Actor(span.start, span.end, earlier.key, earlier.kind, earlier.state))
            continue
        states = [a for a in ctx.actors if a.kind == model.STATE and a.start >= span.start
                  and a.end <= span.end]
        state = states[0].state if states else focus_state(ctx)
        key = resolve.organization_key(name, state)
        entity = model.Entity(key, model.ORGANIZATION, name)
        actor = ctx.add_actor(Actor(span.start, span.end, key, model.ORGANIZATION, state), entity,
                              nest=_only_states_inside(ctx, span))
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


def _add_party_family(ctx: DocContext, ent: Span) -> None:
    """A capitalised party-family word the NER calls a nationality or group (NORP): the party
    of that name in the text's state."""
    words = [t for t in ent if t.lower_ != "the"]
    if not words or not all(t.is_title for t in words) or words[-1].lower_ not in PARTY_FAMILIES:
        return
    after = ctx.doc[words[-1].i + 1] if words[-1].i + 1 < len(ctx.doc) else None
    if after is not None and after.lower_ in _PORTFOLIO_HEADS:
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
        elif token.lower_ == "of" and end + 1 < sent_end and _state_or_title(ctx, doc[end + 1]):
            end += 1
        elif end > ent.end and token.is_title and token.pos_ == "PROPN" and actor is None:
            end += 1
        else:
            break
    while end > ent.end and doc[end - 1].lower_ == "of":
        end -= 1
    if start > sentence.start and _is_state_token(ctx, doc[start - 1]) and doc[start - 1].is_title:
        start = ctx.actor_at(doc[start - 1]).start
    return doc[start:end]


def _state_or_title(ctx: DocContext, token: Token) -> bool:
    return _is_state_token(ctx, token) or (token.lower_ == "the" and token.i + 1 < len(ctx.doc)
                                           and _is_state_token(ctx, ctx.doc[token.i + 1]))


def _without_open_bracket(span: Span) -> Span:
    """"The Movement for Democratic Change (MDC": the NER's span without a bracket it opens."""
    for t in span:
        if t.text == "(" and not any(u.text == ")" for u in span[t.i - span.start:]):
            return span[:t.i - span.start]
    return span


def _bracketed_acronyms(ctx: DocContext, bodies: list[Actor]) -> dict[str, Actor]:
    """"the Revolutionary United Front (RUF)": an acronym in brackets right after a body whose
    capitalised words it spells is that body (a mention and an alias), and so is the acronym
    alone later on. Acronym -> the body's actor."""
    doc, found = ctx.doc, {}
    for body in [a for a in bodies if a.kind in model.ORGANIZATION_KINDS]:
        i = body.end
        if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8) \
                or ctx.actor_at(i + 1) is not None:
            continue
        spelt = "".join(w[0] for w in doc[body.start:body.end].text.replace("-", " ").split()
                        if w[0].isupper() and w.lower() not in ("the", "of", "and", "for"))
        entity = ctx.extraction.entities.get(body.key)
        if spelt == acronym and entity is not None:
            entity.aliases.add(acronym)
            found.setdefault(acronym, ctx.add_actor(Actor(i + 1, i + 2, body.key, body.kind,
                                                          body.state)))
    return found


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


def _names_an_agreement(ctx: DocContext, span: Span) -> bool:
    """"the General Agreement on Tariffs and Trade", "Warsaw Pact", "Riksakten" of "the Act of
    Union (Riksakten)": the NER calls many agreements ORG; the agreement reader takes them."""
    from kg.nlp.agreement_mentions import (AGREEMENT_WORDS, FORMAL_NAME_WORDS, mention_at,
                                           other_names)

    if any(t.lower_ in AGREEMENT_WORDS and (t.is_title or t.is_upper) for t in span):
        return True
    if any(t.lower_ in FORMAL_NAME_WORDS and mention_at(ctx, t) is not None for t in span):
        return True   # "the Acts of Union 1800", "the Peace of Westphalia"
    words = span[1:] if span[0].lower_ == "the" else span
    return words.text in other_names(ctx)


def _names_a_person(ctx: DocContext, span: Span) -> bool:
    """An ORG span that is a person's name the text also gives as a person ("Mbomio", "Beatrice
    Dugand"): it shares its first or last word with a person already found, or, alone, is any
    word of one's name ("Pacheco" of "Gregorio Pacheco Leyes")."""
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


def _names_something_else(ctx: DocContext, span: Span, name: str) -> bool:
    """An ORG span that names no body: a portfolio alone ("ministries including Finance,
    Justice and Interior"), a title of office ("served as Tánaiste"), or a place in a state
    the text names, from our tables ("Kulakov served as Stavropol First Secretary" in a text on
    Russia; but "the Commonwealth" is no town of the Philippines in a text that does not name
    them) or a subdivision ("the Free State economic development MEC" in a South African text),
    or a portfolio before its minister ("Serbian Labour Minister").
    """
    from kg.nlp.people import title_at

    if name.lower() in _portfolio_variants():
        return True
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    if after is not None and after.lower_ in _PORTFOLIO_HEADS and \
            span[-1].lower_ in _portfolio_words():
        return True   # "Serbian Labour" of "Serbian Labour Minister X"
    for start in range(max(0, span.start - 3), span.start + 1):
        title = title_at(ctx.doc, start, span.end)
        if title is not None and title.end == span.end and (
                start == span.start or span[-1].lower_ not in HEAD_KINDS):
            return True   # "Tánaiste", "State" of "Secretary of State" (not the Parliament of
            #               "Member of Parliament")
    title = title_at(ctx.doc, span.start, span.end)
    if title is not None and all(t.lower_ in ("of", "the") or _is_state_token(ctx, t)
                                 for t in ctx.doc[title.end:span.end]):
        return True   # "Minister of Health of Jordan"
    named_states = {a.state for a in ctx.actors if a.kind == model.STATE}
    return any(key.split("/")[1] in named_states for key in ctx.gazetteer.place_keys(name)) \
        or bool(tables.subdivision_states(name) & named_states)


def _resolve_state(ctx: DocContext, org: OrgSpan) -> None:
    """Fill in the state of a body named without one, and its canonical name."""
    if org.state is None and not org.reference:
        org.state = _inferred_state(ctx, org.kind, org.generic, org.portfolio_name)
    if org.generic:
        org.name = _canonical_name(org.kind, org.portfolio_name, org.state)


def _is_head(token: Token, state_before: bool) -> bool:
    word = token.lower_
    if word not in HEAD_KINDS or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if word == "military" and token.dep_ == "amod":
        return False  # "military adventurism"
    if word in CHAMBER_HEADS:
        doc = token.doc
        return token.is_title and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" \
            and doc[token.i + 2].lower_ in CHAMBERS and doc[token.i + 2].is_title
    if token.is_title or token.is_upper:
        return True
    return word in GENERIC_HEADS and state_before


def _org_at_head(ctx: DocContext, head: Token) -> OrgSpan | None:
    if head.lower_ not in HEAD_KINDS or ctx.actor_at(head) is not None:
        return None  # not a head word, or part of a name already known ("Soviet Union")
    start, state = _extend_left(ctx, head)
    if not _is_head(head, state is not None):
        return None
    if head.i + 1 < len(ctx.doc) and ctx.doc[head.i + 1].lower_ in HEAD_KINDS \
            and ctx.doc[head.i + 1].is_title:
        return None  # "Army Command": the next token is the head
    end, right_state = _extend_right(ctx, head)
    state = state or right_state
    if state is None and HEAD_KINDS[head.lower_] in (model.PARLIAMENT, model.GOVERNMENT):
        state = _subdivision_state(ctx.doc[start:head.i])
    span = ctx.doc[start:end]
    if start == head.i and end == head.i + 1 and state is None:
        return _bare_reference(ctx, head)
    return _make_org(ctx, span, head, state)


def _extend_left(ctx: DocContext, head: Token) -> tuple[int, str | None]:
    """Walk left over the name's words; return (start, state named by an adjective or 's)."""
    doc, i, state = ctx.doc, head.i, None
    sent_start = ctx.sentence(head.i).start
    while i > sent_start:
        prev = doc[i - 1]
        actor = ctx.actor_at(prev)
        if actor is not None and actor.kind == model.STATE:
            state = actor.state
            i = actor.start
            continue
        if actor is not None and actor.kind == model.PLACE and prev.is_title:
            state = state or actor.state   # "Washington House of Representatives"
            i = actor.start
            continue
        if prev.text in ("'", "’") and i - 2 >= sent_start and doc[i - 2].is_title and \
                doc[i - 2].lower_.endswith("s"):
            i -= 1   # "Workers' Party": a plural possessive inside the name
            continue
        if prev.text in ("'s", "’s") and i - 2 >= sent_start:
            owner = ctx.actor_at(doc[i - 2])
            if owner is not None and owner.kind == model.STATE:
                state = owner.state
            break
        if prev.is_title or prev.is_upper or (prev.lower_ in _portfolio_words() and prev.is_alpha) \
                or (prev.text == "-" and i - 2 >= 0 and doc[i - 2].is_title):
            if prev.pos_ in ("DET", "PRON", "ADP", "PUNCT") and prev.text != "-":
                break
            i -= 1
            continue
        if prev.lower_ == "and" and i - 2 >= sent_start and doc[i - 2].is_title \
                and i < head.i:
            i -= 1
            continue
        break
    return i, state


def _subdivision_state(words: Span) -> str | None:
    """The state of a subdivision whose legislature or government this is: "Nova Scotia House
    of Assembly", "Madhya Pradesh Legislative Assembly" (ISO 3166-2; only a name one state
    has). Not for other bodies: "Ulster" is a province of Ireland, the Ulster Unionist Party
    British."""
    if len(words) == 0 or not words[0].is_title:
        return None
    for cut in range(len(words), 0, -1):   # "Madhya Pradesh Legislative": the longest name
        states = tables.subdivision_states(words[:cut].text)
        if len(states) == 1:
            return next(iter(states))
    return None


def _extend_right(ctx: DocContext, head: Token) -> tuple[int, str | None]:
    """"Ministry of Foreign Affairs of the Republic of Azerbaijan": of-phrases of capitalised
    words (or a state) belong to the name; one that holds another body's head is a parent."""
    doc, end, state = ctx.doc, head.i + 1, None
    sent_end = ctx.sentence(head.i).end
    # "for" goes on a name ("Ministry for Foreign Affairs"), not a chamber's ("House of Assembly
    # for the Liberals")
    while end + 1 < sent_end and (doc[end].lower_ == "of" or doc[end].lower_ == "for" and not (
            head.lower_ in CHAMBER_HEADS and end > head.i + 1)):
        j = end + 1
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < sent_end and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ == "and"
                                     or (doc[k].text == "-" and k > j)):
            if doc[k].lower_ in HEAD_KINDS and head.lower_ not in ("ministry",) and \
                    not (head.lower_ in CHAMBER_HEADS and k == j):
                return end, state  # "Department of the Ministry ...": a parent, not a name part
            k += 1
        while k > j and doc[k - 1].lower_ == "and":
            k -= 1
        if k == j:
            break
        actor = ctx.actor_at(doc[j])
        if actor is not None and actor.kind == model.STATE and actor.end <= k:
            # "GOVERNMENT OF PARAGUAY ON RIVER NAVIGATION": the name ends with the state
            return actor.end, actor.state
        end = k
    return end, state


@lru_cache(maxsize=1)
def _portfolio_words() -> frozenset[str]:
    return frozenset(w for v in _portfolio_variants() for w in v.split())


def _bare_reference(ctx: DocContext, head: Token) -> OrgSpan | None:
    """"the ministry", "the Defense Ministry" with no state: the last body of that kind. A
    word that names only some bodies of a kind refers to one it names: "the Senate" is no
    Chamber of Deputies."""
    for actor in reversed(ctx.actors):
        if actor.kind == HEAD_KINDS[head.lower_] and actor.start < head.i:
            entity = ctx.extraction.entities.get(actor.key)
            if head.lower_ not in CANONICAL_HEADS and entity is not None and \
                    head.lower_ not in entity.name.lower().split():
                continue
            name = entity.name if entity else head.text
            return OrgSpan(head.i, head.i + 1, head, actor.kind, actor.state, name, False, None,
                           reference=True)
    return None


def _make_org(ctx: DocContext, span: Span, head: Token, state: str | None) -> OrgSpan | None:
    kind = HEAD_KINDS[head.lower_]
    words = [t for t in span if not _is_state_token(ctx, t) and t.lower_ not in ("the",)
             and t.text not in ("'s", "’s")]
    text = " ".join(t.text for t in words)
    portfolio = find_portfolio(text) if kind == model.MINISTRY else None
    rest = {t.lower_ for t in words} - GENERIC_WORDS - {head.lower_, "of", "and"}
    if portfolio is not None:
        rest -= {w for w in portfolio[1].lower().split()}
        rest -= _portfolio_words()
    generic = head.lower_ in CANONICAL_HEADS and not rest
    if kind == model.MINISTRY and portfolio is None and generic:
        return _bare_reference(ctx, head) if state is None else None
    name = "" if generic else _plain_name(span)
    if not generic and not name:
        return None
    return OrgSpan(span.start, span.end, head, kind, state, name, generic, portfolio)


def _is_state_token(ctx: DocContext, token: Token) -> bool:
    actor = ctx.actor_at(token)
    return actor is not None and actor.kind == model.STATE


def _plain_name(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


def _canonical_name(kind: str, portfolio: tuple[str, str] | None, state: str | None) -> str:
    record = tables.state_by_iso3(state) if state else None
    adjective = record.adjectives[0] if record and record.adjectives else None
    state_name = record.name if record else None
    if kind == model.MINISTRY and portfolio:
        return f"Ministry of {portfolio[1]}"
    if kind == model.ARMED_FORCES:
        return f"{adjective} Armed Forces" if adjective else "Armed Forces"
    # "Australian Government", "Norwegian Parliament": how English names a state's bodies.
    if kind == model.GOVERNMENT:
        return f"{adjective} Government" if adjective else (
            f"Government of {state_name}" if state_name else "Government")
    if kind == model.PARLIAMENT:
        return f"{adjective} Parliament" if adjective else (
            f"Parliament of {state_name}" if state_name else "Parliament")
    return ""


def _inferred_state(ctx: DocContext, kind: str, generic: bool,
                    portfolio: tuple[str, str] | None) -> str | None:
    """A body named without its state: the state of an earlier mention of the same body, else
    of the place the story is datelined in (a national body in a Baku story is Azerbaijan's)."""
    if generic:
        for actor in reversed(ctx.actors):
            entity = ctx.extraction.entities.get(actor.key)
            if actor.kind == kind and entity is not None and actor.state and \
                    (portfolio is None or entity.name == f"Ministry of {portfolio[1]}"):
                return actor.state
    if kind == model.INTERNATIONAL_ORGANIZATION:
        return None
    return dateline_state(ctx) or focus_state(ctx)


def focus_state(ctx: DocContext) -> str | None:
    """The state a text is about: the one it names most often (first named on a tie), when it
    is named at least twice or is the only state named. A body named without a state ("the Senate", "the Labour Party")
    is, in news and encyclopaedic text, that state's."""
    counts: dict[str, list[int]] = {}
    for actor in ctx.actors:
        if actor.kind == model.STATE and actor.state:
            entry = counts.setdefault(actor.state, [0, actor.start])
            entry[0] += 1
    if not counts:
        return None
    state, (count, _first) = min(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return state if count >= 2 or len(counts) == 1 else None


def dateline_state(ctx: DocContext) -> str | None:
    place = ctx.document.dateline_place
    if not place:
        return None
    for entry in ctx.gazetteer.entries.values():
        if entry.name == place and entry.state and entry.kind in (model.PLACE, model.STATE):
            return entry.state
    return None


def _drop_nested(spans: list[OrgSpan]) -> list[OrgSpan]:
    """Keep the longest of overlapping spans."""
    kept: list[OrgSpan] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def _record(ctx: DocContext, org: OrgSpan) -> Actor:
    """The organisation's mention and entity. A generic body is keyed and named by its
    canonical name (Ministry of Defense + state), so all its forms merge into one node; the
    forms the text uses stay aliases."""
    span = ctx.doc[org.start:org.end]
    surface = _plain_name(span)
    if not org.name:
        org.name = surface
    key = resolve.organization_key(org.name, org.state)
    # A state's government, parliament or armed forces is named as the text names it when that
    # is a proper name ("Parliament of the United Kingdom", "U.S. Army"), else canonically
    # ("the British parliament" is the British Parliament); one key either way.
    name = surface if org.generic and org.kind in _NAMED_AS_WRITTEN \
        and _is_proper_name(span) else org.name
    entity = model.Entity(key, org.kind, name, {org.name} - {name})
    actor = ctx.add_actor(Actor(org.start, org.end, key, org.kind, org.state), entity,
                          nest=_only_states_inside(ctx, span))
    if org.state and actor.key == key:
        ctx.state_entity(org.state)
        ctx.add_fact(key, model.STATE_OF, f"state/{org.state}", span, "pattern:organization-state",
                     0.9 if org.generic else 0.8)
    return actor


_NAMED_AS_WRITTEN = {model.GOVERNMENT, model.PARLIAMENT, model.ARMED_FORCES}


def _is_proper_name(span: Span) -> bool:
    """Every word capitalised but the small ones, no possessive: "Parliament of the United
    Kingdom", "Mauritius Parliament"; not "Thailand's parliament" or "the Armenian army"."""
    words = [t for t in span if t.lower_ not in ("the", "of", "and") and not t.is_punct]
    return bool(words) and all(t.is_title or t.is_upper for t in words) and \
        not any(t.text in ("'s", "’s") for t in span)


def _parent_pairs(ctx: DocContext, spans: list[OrgSpan]) -> list[tuple[OrgSpan, OrgSpan]]:
    """"the International Military Cooperation Department at the Defense Ministry"."""
    pairs = []
    for child, parent in zip(spans, spans[1:]):
        if child.kind not in UNIT_KINDS or parent.kind == model.POLITICAL_PARTY:
            continue
        between = [t for t in ctx.doc[child.end:parent.start] if t.lower_ != "the"]
        if len(between) == 1 and between[0].lower_ in PARENT_PREPOSITIONS:
            pairs.append((child, parent))
    return pairs


def _only_states_inside(ctx: DocContext, span: Span) -> bool:
    """An organisation's span may nest mentions of states and places ("Azerbaijan Army",
    "Washington House of Representatives"), nothing else."""
    return all(a.kind in (model.STATE, model.PLACE) for a in ctx.actors_in(span))
