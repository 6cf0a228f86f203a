"""Organisations named by pattern: ministries, departments, armed forces, governments,
parliaments, parties and other bodies, with their state and parent organisation.

"Azerbaijani Defense Ministry", "the Ministry of Defence of Azerbaijan" and "Azerbaijan's defence
ministry" are one organisation (Ministry of Defense, AZE): generic bodies get a canonical key
from their kind, portfolio and state, and a canonical name unless the text gives a government,
parliament or armed forces a proper one ("Parliament of the United Kingdom"); named bodies keep
their name. The NER's organisations are read in kg.nlp.ner_organizations.
"""
from __future__ import annotations

from bisect import bisect_left

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg import model, resolve
from kg.data import tables
from kg.nlp.context import Actor, DocContext
from kg.nlp.election_names import names_an_election
from kg.nlp.not_organizations import NO_BODY_WORDS, ROOMS, names_a_relation
from kg.nlp.org_states import dateline_state, focus_state, shared_name_state
from kg.nlp.titles import title_at

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
# Representatives", "Manitoba House of Assembly", "Chamber of Deputies" (not "House of
# Windsor", "White House", "Chamber of Commerce", "the house").
CHAMBERS = {"representatives", "commons", "lords", "assembly", "delegates", "councillors",
            "keys", "peers", "deputies", "burgesses", "nationalities", "elders", "senators"}
CHAMBER_HEADS = {"house", "chamber"}
UNIT_KINDS = {model.DEPARTMENT, model.AGENCY}
# Capitalised words after a head word that make the name a programme, an event or a site, not
# the body: "Foreign Military Financing", "Army Day", "Parliament Square".
NOT_A_BODY_AFTER_HEAD = NO_BODY_WORDS | {"assistance", "aid"}


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
def portfolio_variants() -> dict[str, tuple[str, str]]:
    """Lower-case variant phrase -> (portfolio key, canonical name), longest first."""
    variants: dict[str, tuple[str, str]] = {}
    for p in tables.load_portfolios():
        for v in (p.name, *p.variants):
            variants[v.lower()] = (p.key, p.name)
    return dict(sorted(variants.items(), key=lambda kv: -len(kv[0])))


def find_portfolio(words: str) -> tuple[str, str] | None:
    text = f" {words.lower()} "
    for variant, value in portfolio_variants().items():
        if f" {variant} " in text:
            return value
    return None


def find_organizations(ctx: DocContext) -> None:
    heads = [i for i, lower in enumerate(ctx.lowers) if lower in HEAD_KINDS]
    for sent in ctx.sentences if heads else ():
        # the sentence's heads only (reading every head for every sentence was quadratic)
        in_sentence = heads[bisect_left(heads, sent.start):bisect_left(heads, sent.end)]
        spans = [s for i in in_sentence if (s := _org_at_head(ctx, ctx.doc[i])) is not None]
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


def _resolve_state(ctx: DocContext, org: OrgSpan) -> None:
    """Fill in the state of a body named without one, and its canonical name."""
    organ = ctx.gazetteer.body_named_bare(org.name) \
        if org.state is None and not org.reference and not org.generic else None
    if organ is not None:
        # "the Security Council", "the General Assembly": an organ of an international body
        # that no state is named to own is that body's (the United Nations')
        org.name, org.kind, org.state = organ.name, organ.kind, organ.state
    elif _international_inside(ctx, org):
        org.state = None
    elif org.state is None and not org.reference:
        org.state = (None if org.generic else shared_name_state(ctx, org.name)) or \
            _inferred_state(ctx, org.kind, org.generic, org.portfolio_name)
    if org.generic:
        org.name = _canonical_name(org.kind, org.portfolio_name, org.state)


def _bracketed_table_body(ctx: DocContext, end: int) -> bool:
    """A body our table knows, in brackets right after a name: the name is its long form."""
    doc = ctx.doc
    if end + 2 >= len(doc) or doc[end].text != "(":
        return False
    body = ctx.actor_at(end + 1)
    return body is not None and body.kind in model.ORGANIZATION_KINDS and \
        body.end < len(doc) and doc[body.end].text == ")" and \
        body.key in ctx.gazetteer.entries


def _international_inside(ctx: DocContext, org: OrgSpan) -> bool:
    """"UN Relief and Works Agency", "EU Military Staff": an international body's own body,
    of no state."""
    return any(a.kind == model.INTERNATIONAL_ORGANIZATION
               for a in ctx.actors_in(ctx.doc[org.start:org.end]))


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
    if head.i + 1 < len(ctx.doc) and ctx.doc[head.i + 1].is_title and \
            ctx.doc[head.i + 1].lower_ in NOT_A_BODY_AFTER_HEAD:
        return None  # "Foreign Military Financing", "Parliament Square": a programme, a site
    end, right_state = _extend_right(ctx, head)
    if names_an_election(ctx.doc, end):
        return None   # "the 2019 European Parliament election"
    state = state or right_state
    if _bracketed_table_body(ctx, end):
        return None   # "... Agency for Palestine Refugees (UNRWA)": the table's body
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
        if actor is not None and actor.kind == model.INTERNATIONAL_ORGANIZATION and \
                actor.end == i:
            i = actor.start   # "UN Relief and Works Agency": a body of the UN's
            continue
        if actor is not None and actor.kind in model.ORGANIZATION_KINDS:
            break   # "Navy" of "the People's Liberation Army Navy": a body named before it
        if prev.text in ("'", "’") and i - 2 >= sent_start and doc[i - 2].is_title and \
                doc[i - 2].lower_.endswith("s"):
            i -= 1   # "Workers' Party": a plural possessive inside the name
            continue
        if prev.text in ("'s", "’s") and i - 2 >= sent_start:
            owner = ctx.actor_at(doc[i - 2])
            if owner is not None and owner.end == i - 1 and \
                    owner.kind in (model.STATE, *model.ORGANIZATION_KINDS):
                state = owner.state   # "Kenya's", "the Treasury Department's Office of ..."
            elif owner is None and doc[i - 2].lower_ in _POSSESSIVES_IN_NAMES:
                i -= 1   # "the People's Party", "the Women's League": part of the name
                continue
            break
        if prev.is_title or prev.is_upper or (prev.lower_ in portfolio_words() and prev.is_alpha
                                              and prev.lower_ != "and") \
                or (prev.text == "-" and i - 2 >= 0 and doc[i - 2].is_title):
            if prev.pos_ in ("DET", "PRON", "ADP", "PUNCT") and prev.text != "-":
                break
            i -= 1
            continue
        if prev.lower_ == "and" and i - 2 >= sent_start and i < head.i and (
                doc[i - 2].is_title or doc[i - 2].lower_ in portfolio_words()) \
                and doc[i - 2].lower_ not in HEAD_KINDS and state is None:
            # "Social Democratic and Labour Party", not "X Party and Y Party", nor "Eritrean
            # and Ethiopian forces" (each state's own)
            i -= 1
            continue
        break
    return i, state


# Words whose possessive is part of a body's name: "Christian Social People's Party",
# "Workers' Party" (see _extend_left), "Women's League", "Children's Fund".
_POSSESSIVES_IN_NAMES = {"people", "women", "men", "children", "workers", "farmers", "peasants",
                         "citizens", "nations", "veterans", "youth", "soldiers", "students"}


def _subdivision_state(words: Span) -> str | None:
    """The state of a subdivision whose legislature or government this is: "Manitoba House
    of Assembly", "Uttar Pradesh Legislative Assembly" (ISO 3166-2; only a name one state
    has). Not for other bodies: "Ulster" is a province of Ireland, the Ulster Unionist Party
    British."""
    if len(words) == 0 or not words[0].is_title:
        return None
    for cut in range(len(words), 0, -1):   # "Uttar Pradesh Legislative": the longest name
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
    while end + 1 < sent_end and (doc[end].lower_ == "of" or doc[end].lower_ in ("for", "on")
                                  and not (head.lower_ in CHAMBER_HEADS and end > head.i + 1)
                                  and not _names_a_date(doc[end + 1])):
        # "on" names a body's subject too ("Committee on Foreign Affairs"), not a day's
        j = end + 1
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < sent_end and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ == "and"
                                     or (doc[k].text == "-" and k > j)):
            if doc[k].lower_ == "and" and _holder_follows(doc, k + 1, sent_end):
                break   # "… of Foreign Affairs and Deputy Minister A B of C": a second holder
            if doc[k].lower_ in HEAD_KINDS and head.lower_ not in ("ministry",) and \
                    not (head.lower_ in CHAMBER_HEADS and k == j):
                return end, state  # "Department of the Ministry ...": a parent, not a name part
            k += 1
        while k > j and doc[k - 1].lower_ == "and":
            k -= 1
        if k == j:
            break
        actor = ctx.actor_at(doc[j])
        if actor is not None and actor.kind == model.STATE and actor.start == j and \
                not (k == actor.end + 1 and doc[actor.end].tag_ in ("NNS", "NNPS")):
            # (not "Agency for Palestine Refugees", where the state qualifies a plural; but
            # "Armed Forces of Ukraine Valerii Zaluzhnyi" ends before the holder's name)
            # "GOVERNMENT OF PARAGUAY ON RIVER NAVIGATION": the name ends with the state (the
            # whole of it: "State Council of the People’s Republic of China")
            return actor.end, actor.state
        end = k
    return end, state


def _holder_follows(doc: Doc, i: int, end: int) -> bool:
    """A title ("Deputy Foreign Minister") or a person's name begins at token i: what follows
    "and" is someone else, no part of a body's name."""
    return i < end and (doc[i].ent_type_ == "PERSON" or title_at(doc, i, end) is not None)


_DAYS_AND_MONTHS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday", "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"}


def _names_a_date(token: Token) -> bool:
    """"the Council on Monday", "the Committee on 3 May": no name goes on there."""
    return token.lower_ in _DAYS_AND_MONTHS or token.like_num


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    return frozenset(w for v in portfolio_variants() for w in v.split())


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
    words = [t for t in span if not is_state_token(ctx, t) and t.lower_ not in ("the",)
             and t.text not in ("'s", "’s")]
    text = " ".join(t.text for t in words)
    portfolio = find_portfolio(text) if kind == model.MINISTRY else None
    rest = {t.lower_ for t in words} - GENERIC_WORDS - {head.lower_, "of", "and"}
    if portfolio is not None:
        rest -= {w for w in portfolio[1].lower().split()}
        rest -= portfolio_words()
    generic = head.lower_ in CANONICAL_HEADS and not rest
    if kind == model.MINISTRY and portfolio is None and generic:
        return _bare_reference(ctx, head) if state is None else None
    name = "" if generic else plain_name(span)
    if not generic and (not name or name.lower() in ROOMS
                        or names_a_relation(name, ctx.gazetteer.state_names())):
        return None   # "the Oval Office" is a room; "the U.S.-Japan Alliance" two states' ties
    return OrgSpan(span.start, span.end, head, kind, state, name, generic, portfolio)


def is_state_token(ctx: DocContext, token: Token) -> bool:
    actor = ctx.actor_at(token)
    return actor is not None and actor.kind == model.STATE


def plain_name(span: Span) -> str:
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
    # "Danish Government", "Finnish Parliament": how English names a state's bodies.
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
    surface = plain_name(span)
    if not org.name:
        org.name = surface
    key = resolve.organization_key(org.name, org.state)
    # A state's government, parliament or armed forces is named as the text names it when that
    # is a proper name ("Parliament of the United Kingdom", "French Army"), else canonically
    # ("the British parliament" is the British Parliament); one key either way.
    name = surface if org.generic and org.kind in _NAMED_AS_WRITTEN \
        and _is_proper_name(span) else org.name
    entity = model.Entity(key, org.kind, name, {org.name} - {name})
    return add_organization(ctx, span, entity, org.state, "pattern:organization-state",
                            0.9 if org.generic else 0.8)


def add_organization(ctx: DocContext, span: Span, entity: model.Entity, state: str | None,
                     rule: str, confidence: float) -> Actor:
    """The mention at `span` of the organisation `entity` (its name may hold states, places and
    international bodies), and where the mention is new, the fact of its `state` by `rule`."""
    actor = ctx.add_actor(Actor(span.start, span.end, entity.key, entity.kind, state), entity,
                          nest=only_states_or_places_inside(
                              ctx, span, also=model.INTERNATIONAL_ORGANIZATION))
    if state and actor.key == entity.key:
        ctx.state_entity(state)
        ctx.add_fact(entity.key, model.STATE_OF, f"state/{state}", span, rule, confidence)
    return actor


_NAMED_AS_WRITTEN = {model.GOVERNMENT, model.PARLIAMENT, model.ARMED_FORCES}


def _is_proper_name(span: Span) -> bool:
    """Every word capitalised but the small ones, no possessive, and one word that is not
    generic: "Parliament of the United Kingdom", "Malta Parliament"; not "Thailand's
    parliament", "the Armenian army" or "Armed Forces" (of "Ukraine's Armed Forces")."""
    words = [t for t in span if t.lower_ not in ("the", "of", "and") and not t.is_punct]
    return bool(words) and all(t.is_title or t.is_upper for t in words) and \
        not any(t.text in ("'s", "’s") for t in span) and \
        any(t.lower_ not in GENERIC_WORDS | CANONICAL_HEADS for t in words)


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


def only_states_or_places_inside(ctx: DocContext, span: Span, also: str | None = None) -> bool:
    """An organisation's span may nest mentions of states and places ("Azerbaijan Army",
    "Washington House of Representatives"), and of the kind `also` (an international body
    in "UN Relief and Works Agency"), nothing else."""
    return all(a.kind in (model.STATE, model.PLACE, also) for a in ctx.actors_in(span))
