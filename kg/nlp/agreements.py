"""Agreements as first-class nodes: parties, signatories, mediators, date and status.

The mentions come from kg.nlp.agreement_mentions. Mentions with the same name are one
agreement; a bare "the deal" / "this Agreement" refers back to the agreement the text last
named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.nlp.agreement_dates import read_dates
from kg.nlp.agreement_lists import counted_parties, dated_mention, dates_listed_after
from kg.nlp.agreement_mentions import (AGREEMENT_WORDS, FORMAL_NAME_WORDS, NEEDS_QUALIFIER,
                                        AgreementMention, is_generic, mention_at,
                                        other_names, parse_head)
from kg.nlp.agreement_participants import (MEDIATE_VERBS, actors_after, add_participants,
                                            names_other_states, read_between, read_presence,
                                            read_saying, read_signing, read_signing_noun)
from kg.nlp.agreement_status import read_status
from kg.nlp.agreement_time import in_lead, story_date
from kg.nlp.agreement_referents import (heads_the_document, maker_list_start, possessors,
                                        states_in_joined_names)
from kg.nlp.context import Actor, DocContext
from kg.nlp.treaty import TITLE_LINKS, bind_successors, name_from_parties, read_treaty_text



@dataclass
class Agreement:
    name: str
    kind: str
    mentions: list[AgreementMention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)   # "the Harwick Protocol or Harwick Agreement"
    parties: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    signatories: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    mediators: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    dates: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    statuses: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    own_text: bool = False   # the agreement the document is (a treaty text)
    title_end: int = 0       # where the title a treaty text starts with ends (0: none)


def find_agreements(ctx: DocContext) -> None:
    agreements: list[Agreement] = []
    own, title_end = _treaty_agreement(ctx)
    if own is not None:
        agreements.append(own)
    by_head: dict[int, Agreement] = {}   # head token of a mention -> its agreement
    by_end: dict[int, Agreement] = {}    # end (exclusive) of a named mention -> its agreement
    last: Agreement | None = None
    for i, lower in enumerate(ctx.lowers):
        if lower not in AGREEMENT_WORDS and lower not in FORMAL_NAME_WORDS and lower != "it":
            continue   # neither a treaty word nor a pronoun that may refer back
        token = ctx.doc[i]
        mention = mention_at(ctx, token)
        if mention is None:
            if last is not None and (pronoun := _pronoun_mention(ctx, token, last)) is not None:
                last.mentions.append(pronoun)  # "It was signed on July 30, 2008"
                _read_context(ctx, last, pronoun)
            continue
        if own is not None and (token.idx < title_end or mention.determiner == "this" or (
                mention.kind == "agreement" and (is_generic(mention.name)
                                                 or _between_states(ctx, mention))
                and not names_other_states(ctx, own, mention))):
            # its own title, "this Agreement" ("to conclude this Fisheries Agreement") or the
            # title again, in the agreement's own text; its date is the final clause's, not one
            # met near a mention
            own.mentions.append(mention)
            read_between(ctx, own, mention)
            continue
        if listed := dates_listed_after(ctx, mention):
            agreements.extend(_dated_agreements(ctx, mention, listed))
            continue   # "the agreements of March 3, 2021 and July 8, 2022": one a date
        agreement = _same_as(ctx, mention, by_head, by_end) or \
            _agreement_for(agreements, mention)
        if agreement is own and own is not None and names_other_states(ctx, own, mention):
            continue   # a recital's other agreement, cited, not the text's own
        if agreement is None:
            agreement = _headline_agreement(ctx, agreements, mention)
        if agreement is None and mention.kind in NEEDS_QUALIFIER and not mention.qualified:
            continue  # "in a statement", "the declaration" with nothing to refer back to
        if agreement is None:
            agreement = Agreement(mention.name, mention.kind)
            agreements.append(agreement)
        elif mention.proper and mention.name.lower() != agreement.name.lower():
            agreement.aliases.add(mention.name)
        agreement.mentions.append(mention)
        by_head[mention.head.i] = by_head[parse_head(mention).i] = last = agreement
        if mention.proper:
            by_end[mention.end] = agreement
        _read_context(ctx, agreement, mention)
    _add_other_names(ctx, by_head)
    for agreement in agreements:
        _complete(ctx, agreement)
        if agreement is own or (agreement.mentions and _worth_a_node(agreement)):
            _record(ctx, agreement)


def _add_other_names(ctx: DocContext, by_head: dict[int, Agreement]) -> None:
    """A name the text gives an agreement beside its own ("the Treaty of Lindau (Lindauer
    Vertrag)", "The Lindauer Vertrag was the 1822 Treaty of Lindau") is an alias, and each time
    it stands alone a mention."""
    doc = ctx.doc
    for name, beside in sorted(other_names(ctx).items()):
        agreement = by_head.get(beside.head.i)
        if agreement is None:
            continue
        agreement.aliases.add(name)
        words = name.split()
        for i in range(len(doc) - len(words) + 1):
            span = doc[i:i + len(words)]
            if span.text == name and not any(ctx.actor_at(t) is not None for t in span):
                agreement.mentions.append(AgreementMention(i, i + len(words), span.root,
                                                           agreement.kind, name, True, True,
                                                           None))


def _complete(ctx: DocContext, agreement: Agreement) -> None:
    """What the whole text adds to an agreement once all its mentions are read."""
    _parties_from_signatories(ctx, agreement)
    _governments_as_states(ctx, agreement)
    if agreement.own_text:
        bind_successors(ctx, agreement.parties)
    _drop_vaguer_dates(agreement)
    _date_from_story(ctx, agreement)
    if len(agreement.parties) < 2 and agreement.kind in ("treaty", "ceasefire", "truce", "accord",
                                                         "deal"):
        _parties_from_sentence(ctx, agreement)


def _date_from_story(ctx: DocContext, agreement: Agreement) -> None:
    """No date of its own: the day the story tells it was made (kg.nlp.agreement_time)."""
    found = story_date(ctx, agreement)
    if found is not None:
        iso, start, end, rule = found
        agreement.dates[iso] = (ctx.doc[start:end], rule, 0.55)


def _between_states(ctx: DocContext, mention: AgreementMention) -> bool:
    """A formal title with its parties: "Free Trade Agreement between X and Y", "Agreement on
    Trade between X and Y", the parties also on the title's next line."""
    doc = ctx.doc
    between = next((i for i in range(mention.head.i + 1, max(mention.end, mention.head.i + 2))
                    if i < len(doc) and ctx.lowers[i] == "between"), None)
    if between is None:
        return False
    return any(a.kind == model.STATE for a in (*actors_after(ctx, doc[between]),
                                               *ctx.actors_in(doc[between:mention.end])))


def _dated_agreements(ctx: DocContext, mention: AgreementMention,
                      listed: list[tuple[str, Span]]) -> list[Agreement]:
    """One agreement for each date a plural mention lists, with the parties it names or
    counts."""
    # the parties are the same for every date: read them once, into the first
    first = Agreement(mention.name, mention.kind)
    read_between(ctx, first, mention)
    if not first.parties:
        for key in counted_parties(ctx, mention):
            first.parties[key] = (ctx.sentence(mention.head.i),
                                  "heuristic:counted-states-in-sentence", 0.6)
    found = []
    for iso, span in listed:
        dated = dated_mention(mention, iso, span)
        agreement = Agreement(dated.name, mention.kind, mentions=[dated])
        agreement.dates[iso] = (span, "pattern:agreements-of-dates", 0.8)
        agreement.parties.update(first.parties)
        agreement.signatories.update(first.signatories)
        found.append(agreement)
    return found


def _worth_a_node(agreement: Agreement) -> bool:
    """A described agreement ("a bilateral treaty", "an agreement") becomes a node only with
    something that tells it apart: a name, a party, mediator or signatory, a date, or (for a
    qualified one, "talks on a peace treaty") a status. Plural mentions that never name one
    ("free trade agreements") talk about a class, not an agreement."""
    if any(m.proper for m in agreement.mentions):
        return True
    if all(m.head.tag_ in ("NNS", "NNPS") for m in agreement.mentions):
        return False
    known = bool(agreement.parties or agreement.mediators or agreement.signatories
                 or agreement.dates)
    return known or (not is_generic(agreement.name) and bool(agreement.statuses))


def _treaty_agreement(ctx: DocContext) -> tuple[Agreement | None, int]:
    """The agreement a treaty text is, with the parties of its preamble and signature blocks
    and the date of its final clause, and where the title it starts with ends (0: none)."""
    found = read_treaty_text(ctx)
    if found is None:
        return None, 0
    name, title_end, parties, done = found
    agreement = Agreement(name.lower() if name == "Agreement" else name, "agreement",
                          own_text=True, title_end=title_end)
    agreement.parties.update(sorted(parties.items()))
    if done is not None:
        iso, (begin, end) = done
        span = ctx.doc.char_span(begin, end, alignment_mode="expand")
        if span is not None:
            agreement.dates[iso] = (span, "treaty:done-at-date", 0.85)
            agreement.statuses["signed"] = (span, "treaty:done-at-date", 0.8)
    return agreement, title_end


# Verbs whose subject, when a pronoun, is the agreement just named: "It was signed on ...".
_PRONOUN_VERBS = {"sign", "ratify", "conclude", "enter", "expire", "implement", "terminate",
                  "suspend", "negotiate", "reach", "adopt"}


def _pronoun_mention(ctx: DocContext, token: Token, last: Agreement) -> AgreementMention | None:
    """"It" as the subject of signing or entering into force, right after an agreement was
    named (the same or the next sentence), refers to it."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if token.head.lemma_.lower() not in _PRONOUN_VERBS:
        return None
    previous, sentence = ctx.sentence(last.mentions[-1].head.i), ctx.sentence(token.i)
    if sentence.start - previous.start > len(previous) + len(sentence):
        return None
    return AgreementMention(token.i, token.i + 1, token, last.kind, last.name, False, True, None)


# Words that open a second name in brackets: "the Treaty of Kars (also known as the Kars
# Agreement)".
_ALIAS_OPENERS = {"also", "known", "as", "or", "the", "formally", "officially", "called",
                  "commonly", "often", "sometimes", "informally"}


def _same_as(ctx: DocContext, mention: AgreementMention, by_head: dict[int, Agreement],
             by_end: dict[int, Agreement]) -> Agreement | None:
    """"The X Accord is a fisheries accord between ..." (a predicate describes its subject),
    "the Harwick Protocol or Harwick Agreement" and "the Treaty of Kars (the Kars
    Agreement)" (an alternative name): the same one."""
    if mention.proper:
        i = mention.start - 1
        while i > 0 and ctx.doc[i].lower_ in _ALIAS_OPENERS:
            i -= 1
        # "A (B)", "A (also known as B)", "A, also known as B,"; not "A, B and C"
        said = {t.lower_ for t in ctx.doc[i + 1:mention.start]}
        if i in by_end and (ctx.doc[i].text == "(" or ctx.doc[i].text == "," and said & {
                "known", "called", "or", "formally", "officially"}):
            return by_end[i]
    head = mention.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
            if subject.i in by_head:
                return by_head[subject.i]
    if head.dep_ == "conj" and head.head.i in by_head and any(
            c.lower_ == "or" for c in head.head.children if c.dep_ == "cc"):
        return by_head[head.head.i]
    return None


# Kinds whose bare word refers back to any agreement ("the deal" after "the Oslo Accords", "the
# arrangement was signed"); a bare "the concordat" or "the statement" only to one of its kind.
_REFERRING_KINDS = {"agreement", "deal", "accord", "pact", "treaty", "arrangement"}


def _headline_agreement(ctx: DocContext, agreements: list[Agreement],
                        mention: AgreementMention) -> Agreement | None:
    """The agreement a headline names in short and the body tells in full: "India, UAE sign
    investment treaty" then "signed a bilateral investment treaty". The fuller words name it.
    A headline tells the lead's news: the first agreement of its kind the lead names is the
    headline's, whatever the words ("Chile, Peru sign border pact" then "signed the Treaty of
    Arica"), and a name the lead gives is its name."""
    lines = ctx.story_lines   # the headline as kg.nlp.story_lines finds it, bylines apart
    if lines.headline is None or lines.in_headline(ctx.doc[mention.start:mention.end]):
        return None
    words = set(mention.name.lower().split())
    for agreement in agreements:
        if agreement.own_text or not agreement.mentions or not all(
                lines.in_headline(ctx.doc[m.start:m.end]) for m in agreement.mentions):
            continue
        if not (_one_kind(agreement.kind, mention.kind) or agreement.kind in words
                or {agreement.kind, mention.kind} <= _REFERRING_KINDS):
            continue   # "… agree ceasefire", then "signed a bilateral ceasefire agreement"
        if not mention.proper and set(agreement.name.lower().split()) <= words:
            if len(words) > len(agreement.name.split()):
                agreement.aliases.add(agreement.name)
                agreement.name = mention.name
            return agreement
        if in_lead(ctx, mention.start):
            if mention.proper:
                agreement.aliases.add(agreement.name)
                agreement.name = mention.name
            return agreement
    return None


# Kinds news uses for one thing: a truce is a ceasefire.
_KIND_GROUPS = {"truce": "ceasefire"}


def _one_kind(a: str, b: str) -> bool:
    return _KIND_GROUPS.get(a, a) == _KIND_GROUPS.get(b, b)


# Where the words that tell a named agreement apart begin: "Joint Communiqué| of the …",
# "Framework Agreement| Establishing a Customs Union …".
_NAME_TAIL = re.compile(rf" (?:of|on|by|between|for|{'|'.join(sorted(TITLE_LINKS))}) ",
                        re.IGNORECASE)


# Determiners that may bring in an agreement not named before.
_NEW_DETERMINERS = {"a", "an", "another"}
# Words that give an agreement its subject: "an agreement on migration", "a deal to end …".
_SUBJECT_WORDS = {"on", "concerning", "regarding"}


def _brings_in_a_new_one(mention: AgreementMention) -> bool:
    """"concluded an agreement on the return of migrants" after another agreement: a new one,
    told by its subject; but "the fighting ended with a deal brokered by Russia" tells a deal
    already named by who made it, and refers back."""
    return mention.determiner in _NEW_DETERMINERS and any(
        child.dep_ == "prep" and child.lower_ in _SUBJECT_WORDS
        or child.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                  for c in child.children)
        for child in mention.head.children)


def _agreement_for(agreements: list[Agreement], mention: AgreementMention) -> Agreement | None:
    """The agreement a mention refers to: one of the same name, or for a bare "the deal" the one
    last named (a signed one first: news refers back to deals done); for a bare "the statement"
    or "the concordat" the last of its kind."""
    for agreement in agreements:
        if mention.name.lower() in {n.lower() for n in (agreement.name, *agreement.aliases)}:
            return agreement
    if not is_generic(mention.name):
        # "this Joint Communiqué" after the "Joint Communiqué of the Foreign Ministers of …"
        return next((a for a in reversed(agreements) if a.kind == mention.kind and
                     _NAME_TAIL.split(a.name, 1)[0].lower() == mention.name.lower()), None)
    if not agreements or mention.described or _brings_in_a_new_one(mention):
        return None
    # "the truce" after "the ceasefire", "the ceasefire" after "a bilateral ceasefire agreement"
    same_kind = [a for a in agreements if _one_kind(a.kind, mention.kind)
                 or mention.name.lower() in a.name.lower().split()]
    if same_kind or mention.kind not in _REFERRING_KINDS:
        return same_kind[-1] if same_kind else None
    signed = [a for a in agreements if "signed" in a.statuses or a.dates]
    return (signed or agreements)[-1]


# Kinds of instrument an international organisation opens to states and names after itself
# ("the United Nations Convention on …", "the Council of Europe Charter of …"): the states that
# join are its parties, not the organisation.
_OPENED_KINDS = {"convention", "charter", "covenant"}


def _read_context(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    span = ctx.doc[mention.start:mention.end]
    named = [a for a in ctx.actors_in(span)
             if a.kind in (model.STATE, model.INTERNATIONAL_ORGANIZATION)]
    if mention.kind in _OPENED_KINDS and [a.kind for a in named] == \
            [model.INTERNATIONAL_ORGANIZATION]:
        named = []
    for actor in named:
        if _a_broker_of(ctx, actor):   # "a Thai-brokered ceasefire": Thailand mediates
            agreement.mediators.setdefault(actor.key, (span, "pattern:agreement-name-broker",
                                                       0.8))
            continue
        # "the EU–Ukraine Association Agreement"; not words of the title the NER took for a
        # body ("Further Reduction and Limitation of Strategic Offensive Arms")
        agreement.parties.setdefault(actor.key, (span, "pattern:agreement-name-party", 0.8))
    for key in states_in_joined_names(ctx, span):   # "the U.S.-ROK Declaration", one token
        agreement.parties.setdefault(key, (span, "pattern:agreement-name-party", 0.8))
    if mention.determiner == "their":   # "congratulated A and B on their agreement"
        for actor in possessors(ctx, mention.start):
            agreement.parties.setdefault(actor.key, (ctx.doc[actor.start:mention.end],
                                                     "pattern:their-agreement", 0.7))
    read_between(ctx, agreement, mention)
    _read_makers(ctx, agreement, mention)
    read_signing(ctx, agreement, mention)
    read_presence(ctx, agreement, mention)
    read_saying(ctx, agreement, mention)
    read_signing_noun(ctx, agreement, mention)
    read_dates(ctx, agreement.dates, mention)
    read_status(ctx, agreement.statuses, mention)


def _a_broker_of(ctx: DocContext, actor: Actor) -> bool:
    """"a Thai-brokered ceasefire", "the UN-mediated accord": a name that modifies a participle
    of mediating names who mediates."""
    head = ctx.doc[actor.end - 1].head
    return head.i >= actor.end and head.tag_ == "VBN" and head.lemma_.lower() in MEDIATE_VERBS


def _read_makers(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"Joint Statement by President A of X and President B of Y": its makers sign it and their
    states are its parties. A statement that heads the release is the release: its date too."""
    by = maker_list_start(ctx, mention.end, mention.kind)
    if by is not None:
        actors = actors_after(ctx, by)
        if actors:
            add_participants(agreement.parties, agreement.signatories, ctx, actors,
                              ctx.doc[mention.start:max(a.end for a in actors)],
                              "pattern:statement-by")
    date = ctx.document.date
    if date and heads_the_document(ctx, mention.start, mention.end, mention.kind):
        agreement.dates.setdefault(date, (ctx.doc[mention.start:mention.end],
                                          "document:statement-heading-date", 0.7))




def _record(ctx: DocContext, agreement: Agreement) -> None:
    parties = sorted(agreement.parties)
    key = resolve.agreement_key(agreement.name, parties)
    entity = model.Entity(key, model.AGREEMENT, _display_name(ctx, agreement),
                          aliases=set(agreement.aliases),
                          attributes={"agreement_kind": agreement.kind})
    ctx.add_entity(entity)
    for m in agreement.mentions:
        ctx.add_actor(Actor(m.start, m.end, key, model.AGREEMENT), nest=True)
    for relation, values in ((model.PARTY, agreement.parties),
                             (model.SIGNATORY, agreement.signatories),
                             (model.MEDIATOR, agreement.mediators),
                             (model.DATE_SIGNED, agreement.dates)):
        for value, (evidence, rule, confidence) in sorted(values.items()):
            ctx.add_fact(key, relation, value, evidence, rule, confidence)
    statuses = dict(agreement.statuses)
    if not statuses and agreement.dates:
        # A dated agreement with no other cue is reported as done: "the accord of 10 April 1998".
        first = agreement.mentions[0]
        statuses["signed"] = (ctx.doc[first.start:first.end], "default:dated-agreement-signed", 0.5)
    for value, (evidence, rule, confidence) in sorted(statuses.items()):
        ctx.add_fact(key, model.STATUS, value, evidence, rule, confidence)


def _parties_from_signatories(ctx: DocContext, agreement: Agreement) -> None:
    """A person who signs for a state makes the state a party: "signed by President of
    Azerbaijan Ilham Aliyev" makes Azerbaijan one."""
    for person, (evidence, _rule, _confidence) in sorted(agreement.signatories.items()):
        for fact in ctx.facts_about(person, model.STATE_OF):
            agreement.parties.setdefault(fact.object, (evidence, "pattern:signatory-state", 0.7))


def _governments_as_states(ctx: DocContext, agreement: Agreement) -> None:
    """"The Government of Chile and the Government of Peru": a state's government signs for
    the state, so the state is the party, not a second one beside it."""
    for key in list(agreement.parties):
        entity = ctx.extraction.entities.get(key)
        if entity is None or entity.kind != model.GOVERNMENT:
            continue
        states = ctx.facts_about(key, model.STATE_OF)
        if states:
            evidence = agreement.parties.pop(key)
            agreement.parties.setdefault(states[0].object, evidence)


def _drop_vaguer_dates(agreement: Agreement) -> None:
    """Within one document "2020" and "2020-11-10" for one agreement are one date, not two."""
    for iso in list(agreement.dates):
        if any(other != iso and other.startswith(iso) for other in agreement.dates):
            del agreement.dates[iso]


def _parties_from_sentence(ctx: DocContext, agreement: Agreement) -> None:
    """A peace treaty or ceasefire whose parties the text does not spell out: when its sentence
    names exactly two states, those are its parties (low confidence)."""
    for m in agreement.mentions:
        sent = ctx.sentence(m.start)
        states = sorted({a.key for a in ctx.actors_in(sent) if a.kind == model.STATE}
                        - set(agreement.mediators))   # "… mediated by Angola"
        if len(states) == 2:
            for key in states:
                agreement.parties.setdefault(key, (sent, "heuristic:two-states-in-sentence", 0.5))
            return


def _display_name(ctx: DocContext, agreement: Agreement) -> str:
    """A named agreement's name; a described one's with its parties' names, as news writes
    them: "Paraguay–Uruguay pact", "Russia–UN Secretariat memorandum" (states first, then
    bodies, each by name), not a label of codes."""
    if agreement.own_text and (between := name_from_parties(
            ctx, agreement.name, agreement.title_end, agreement.parties)) is not None:
        return between
    if is_generic(agreement.name) and len(agreement.parties) >= 2:
        def shown(key: str) -> str:
            entity = ctx.extraction.entities.get(key)
            return entity.name if entity is not None else key.rsplit("/", 1)[-1]

        states = sorted(shown(k) for k in agreement.parties if k.startswith("state/"))
        bodies = sorted(shown(k) for k in agreement.parties if not k.startswith("state/"))
        return f"{'–'.join(states + bodies)} {agreement.name}"
    name = agreement.name
    return name[0].upper() + name[1:] if name.islower() else name
